"""The processing pipeline: ordered stages, each a plain function over a batch.

Pure stages (`needs_store=False`) depend only on the batch and the settings, so a
runner may send them to other processes (or, later, Dask workers). Store stages run
in the writing process, inside the batch's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from .actors.matcher import matcher_for
from .actors.registry import ActorRegistry, registry_with
from .coding import CodedEvent, CodingOptions, make_coder
from .config import DedupSettings
from .framing import NarrativeRow, document_tone, frames_fingerprint, narrative_rows
from .narratives import Narrative, builtin_narratives
from .store.lsh_index import Indexed, LshIndex
from .text.langid import LanguageIdentifier
from .text.minhash import MinHasher, similarity
from .text.normalize import fold_language, normalize
from .text.search_keys import search_keys
from .text.sentences import split_sentences
from .text.tokens import tokenize
from .tone.scorer import DirectedTone

TEXT_VERSION = "text-2"


@dataclass(frozen=True, slots=True)
class PipelineSettings:
    languages: tuple[str, ...]
    dedup: DedupSettings
    registry: ActorRegistry = field(default_factory=registry_with)
    coding: CodingOptions = field(default_factory=CodingOptions)
    coder: str = "rules"
    narratives: tuple[Narrative, ...] = field(default_factory=builtin_narratives)
    tone_overrides: Path | None = None

    @property
    def version(self) -> str:
        """Text stages, coder, actor registry, narratives and tone lexicons: a change in any reprocesses."""
        coder = make_coder(self.coder, self.registry, self.coding)
        frames = frames_fingerprint(self.languages, self.narratives, self.tone_overrides)
        return (f"{TEXT_VERSION}+{coder.version}+{self.registry.fingerprint[:8]}+{self.coding.ethnic_targets[:1]}"
                f"+{frames}")


@dataclass(slots=True)
class DocWork:
    """A document on its way through the stages; each stage fills its own fields in place."""

    pk: int
    id: str
    day: int
    title: str
    text: str
    language_hint: str | None
    reprocessing: bool
    norm_title: str = ""
    norm_text: str = ""
    language: str | None = None
    sentences: tuple[tuple[int, int], ...] = ()
    search_text: str = ""
    signature: np.ndarray | None = None
    band_keys: tuple[int, ...] = ()
    cluster_id: str | None = None
    similarity: float | None = None
    events: list[CodedEvent] = field(default_factory=list)
    mentions: list[tuple[int, str, int, int]] = field(default_factory=list)
    narratives: list[NarrativeRow] = field(default_factory=list)
    tone: list[DirectedTone] = field(default_factory=list)

    @property
    def date(self) -> date:
        return date.fromordinal(self.day + date(1970, 1, 1).toordinal())


Batch = list[DocWork]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    run: Callable[..., Batch]
    needs_store: bool = False


def normalize_stage(batch: Batch, settings: PipelineSettings) -> Batch:
    for d in batch:
        d.norm_title, d.norm_text = normalize(d.title), normalize(d.text)
    return batch


def langid_stage(batch: Batch, settings: PipelineSettings) -> Batch:
    """Trust a language the input declared when the workspace knows it; detect the rest."""
    todo = [d for d in batch if d.language_hint not in settings.languages]
    detected = LanguageIdentifier(settings.languages).detect_many([f"{d.norm_title}\n{d.norm_text}" for d in todo])
    for d in batch:
        d.language = d.language_hint
    for d, language in zip(todo, detected):
        d.language = language
    return batch


def fold_stage(batch: Batch, settings: PipelineSettings) -> Batch:
    """Language-specific character folding (Persian yeh and kaf, ...) once the language is known."""
    for d in batch:
        d.norm_title, d.norm_text = fold_language(d.norm_title, d.language), fold_language(d.norm_text, d.language)
    return batch


def sentences_stage(batch: Batch, settings: PipelineSettings) -> Batch:
    for d in batch:
        d.sentences = tuple(split_sentences(d.norm_text, d.language))
    return batch


def code_stage(batch: Batch, settings: PipelineSettings) -> Batch:
    """Actor mentions and events of every sentence (``coding``), dated against the document's day."""
    coder = make_coder(settings.coder, settings.registry, settings.coding)
    for d in batch:
        d.events = coder.code_document(d.norm_text, list(d.sentences), d.language, d.date)
        d.mentions = _mentions(d, settings.registry)
    return batch


def _mentions(d: DocWork, registry: ActorRegistry) -> list[tuple[int, str, int, int]]:
    if not d.language:
        return []
    matcher = matcher_for(registry, d.language)
    found = []
    for index, (start, end) in enumerate(d.sentences):
        for m in matcher.find(tokenize(d.norm_text, d.language, start, end)):
            found.append((index, m.actor, m.start, m.end))
    return found


def frames_stage(batch: Batch, settings: PipelineSettings) -> Batch:
    """Narrative phrases of every document, and its tone about each state its actors belong to that day."""
    for d in batch:
        d.narratives = narrative_rows(d.norm_text, d.sentences, d.language, settings.narratives)
        states = []
        for _, actor, start, end in d.mentions:
            side = settings.registry.side(actor, d.date)
            if side is not None:
                states.append((side.country, start, end))
        d.tone = document_tone(d.norm_text, d.sentences, d.language, states, settings.tone_overrides)
    return batch


def search_stage(batch: Batch, settings: PipelineSettings) -> Batch:
    for d in batch:
        d.search_text = search_keys(f"{d.norm_title}\n{d.norm_text}", d.language, normalized=True)
    return batch


def minhash_stage(batch: Batch, settings: PipelineSettings) -> Batch:
    hasher = MinHasher(settings.dedup.num_perm, settings.dedup.bands)
    for d in batch:
        d.signature = hasher.signature(d.norm_text, settings.dedup.shingle_words)
        d.band_keys = tuple(hasher.band_keys(d.signature)) if d.signature is not None else ()
    return batch


def dedup_stage(batch: Batch, settings: PipelineSettings, index: LshIndex) -> Batch:
    """Join each document to the cluster of its most similar near-duplicate indexed before it."""
    hashed = [d for d in batch if d.signature is not None]
    if not hashed:
        for d in batch:
            d.cluster_id = d.id
        return batch
    window = settings.dedup.window_days
    stored = index.buckets((d.day, d.band_keys) for d in hashed)
    known = index.load({pk for postings in stored.values() for pk, _ in postings})
    fresh: dict[int, list[int]] = {}
    added: list[tuple[Indexed, Sequence[int]]] = []
    for d in batch:
        if d.signature is None:
            d.cluster_id = d.id
            continue
        candidates = {pk for k in d.band_keys for pk, day in stored.get(k, ()) if abs(day - d.day) <= window}
        candidates.update(pk for k in d.band_keys for pk in fresh.get(k, ()) if abs(known[pk].day - d.day) <= window)
        best = max(
            ((similarity(d.signature, known[pk].signature), -pk) for pk in candidates if pk in known),
            default=None,
        )
        if best is not None and best[0] >= settings.dedup.threshold:
            cluster, score = known[-best[1]].cluster, best[0]
        else:
            cluster, score = d.id, None
        entry = Indexed(d.pk, d.day, d.signature, cluster)
        known[d.pk] = entry
        for key in d.band_keys:
            fresh.setdefault(key, []).append(d.pk)
        added.append((entry, d.band_keys))
        d.cluster_id, d.similarity = cluster, score
    index.add(added)
    return batch


STAGES: tuple[Stage, ...] = (
    Stage("normalize", normalize_stage),
    Stage("langid", langid_stage),
    Stage("fold", fold_stage),
    Stage("sentences", sentences_stage),
    Stage("code", code_stage),
    Stage("frames", frames_stage),
    Stage("search", search_stage),
    Stage("minhash", minhash_stage),
    Stage("dedup", dedup_stage, needs_store=True),
)


def run_pure_stages(batch: Batch, settings: PipelineSettings, stages: Sequence[Stage] = STAGES) -> Batch:
    for stage in stages:
        if not stage.needs_store:
            batch = stage.run(batch, settings)
    return batch


def epoch_day(day: date) -> int:
    return day.toordinal() - date(1970, 1, 1).toordinal()


def day_of_epoch(day: int) -> date:
    """The inverse of `epoch_day`."""
    return date.fromordinal(day + date(1970, 1, 1).toordinal())
