"""Frozen records that flow from sources through the pipeline into the store."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def stable_id(*parts: str | None, length: int = 24) -> str:
    """Content hash of the parts: each NFC and whitespace-collapsed, joined by a unit separator, SHA-256."""
    canonical = "\x1f".join(" ".join(unicodedata.normalize("NFC", p or "").split()) for p in parts)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Document:
    """One text as it came in: a news item, a post, a saved page."""

    source: str
    text: str
    origin: str
    raw: str
    raw_format: str
    url: str | None = None
    title: str | None = None
    published: datetime | None = None
    language: str | None = None
    platform: str | None = None
    author: str | None = None
    external_id: str | None = None
    synthetic: bool = False
    collected_at: datetime = field(default_factory=utcnow)
    id: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", stable_id(self.source, self.url, self.title, self.text))


@dataclass(frozen=True, slots=True)
class Quarantined:
    """An input item that could not be read, kept with the reason and where it came from."""

    origin: str
    reason: str
    raw: str
    stage: str = "ingest"

    @property
    def id(self) -> str:
        return stable_id(self.stage, self.origin, self.raw)


@dataclass(frozen=True, slots=True)
class CuratedEvent:
    """An event an analyst recorded by hand (origin = analyst)."""

    event_date: date
    actor1_code: str
    actor2_code: str | None
    description: str
    origin: str
    raw: str
    actor1_name: str | None = None
    actor2_name: str | None = None
    cameo_code: str | None = None
    plover_category: str | None = None
    plover_mode: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    source_urls: tuple[str, ...] = ()
    external_id: str | None = None
    date_note: str | None = None

    @property
    def id(self) -> str:
        return stable_id(
            "analyst", self.event_date.isoformat(), self.actor1_code, self.actor2_code or "",
            self.cameo_code or "", self.plover_category or "", self.description,
        )


ReadResult = Document | Quarantined


@dataclass(frozen=True, slots=True)
class GdeltEvent:
    """One row of a GDELT event table (1.0 or 2.0), country codes turned into ISO 3166 alpha-3."""

    global_event_id: str
    day: date
    actor1_code: str | None
    actor1_name: str | None
    actor1_country: str | None
    actor2_code: str | None
    actor2_name: str | None
    actor2_country: str | None
    event_code: str
    event_root_code: str
    quad_class: int
    goldstein: float
    num_mentions: int
    num_sources: int
    num_articles: int
    avg_tone: float
    action_geo_country: str | None
    action_geo_fullname: str | None
    source_url: str | None
    date_added: datetime
    raw: str
    origin: str

    @property
    def id(self) -> str:
        return stable_id("gdelt", self.global_event_id)


@dataclass(frozen=True, slots=True)
class GdeltMention:
    """One row of a GDELT 2.0 mentions table: an article that mentions an event."""

    global_event_id: str
    mention_time: datetime
    source_name: str | None
    url: str
    confidence: int
    doc_tone: float
    origin: str


@dataclass(frozen=True, slots=True)
class GkgTone:
    """The tone of one document of a GDELT GKG 2.1 file (its V1.5TONE field)."""

    document_url: str
    date: datetime
    tone: float
    positive: float
    negative: float
    polarity: float
    activity_density: float
    word_count: int
    origin: str
