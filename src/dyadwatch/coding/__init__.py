"""Event coding: registered, versioned coders that turn sentences into events with provenance.

A coder is any object with ``name``, ``version`` and ``code_document(text, sentences,
language, doc_date, skipped=None) -> list[CodedEvent]``; register a factory in
``CODERS`` to add one (an LLM behind an OpenAI-compatible endpoint, say) without
touching storage, the CLI or the ledger.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, Protocol

from dyadwatch.actors.registry import ActorRegistry, registry_with
from dyadwatch.errors import UnknownCoder
from dyadwatch.text.langid import LanguageIdentifier
from dyadwatch.text.normalize import fold_language, normalize
from dyadwatch.text.sentences import split_sentences

from .model import CodedEvent, Skipped
from .rules import CODER_NAME, CODER_VERSION, CodingOptions, RuleCoder

DEFAULT_LANGUAGES = ("ru", "az", "en", "tr", "fa")


class Coder(Protocol):
    name: str
    version: str

    def code_document(
        self, text: str, sentences: list[tuple[int, int]], language: str | None, doc_date: date,
        skipped: list[Skipped] | None = None,
    ) -> list[CodedEvent]: ...


CODERS: dict[str, Callable[[ActorRegistry, CodingOptions], Coder]] = {CODER_NAME: RuleCoder}


def make_coder(name: str = CODER_NAME, registry: ActorRegistry | None = None, options: CodingOptions | None = None) -> Coder:
    if name not in CODERS:
        raise UnknownCoder(f"no coder {name!r}; registered coders: {', '.join(sorted(CODERS))}")
    return CODERS[name](registry or registry_with(), options or CodingOptions())


def event_record(event: CodedEvent, text: str) -> dict[str, Any]:
    """An event as the JSON object written by ``dyadwatch code``."""
    return {
        "source": event.source.country, "source_actor": event.source.name, "source_body": event.source.body,
        "source_sector": event.source.sector,
        "target": event.target.country, "target_actor": event.target.name, "target_body": event.target.body,
        "target_sector": event.target.sector,
        "plover": event.plover, "plover_mode": event.plover_mode, "cameo": event.cameo,
        "goldstein": event.goldstein, "quad_class": event.quad_class,
        "date": event.date.isoformat(), "confidence": event.confidence, "summary": event.summary,
        "flags": list(event.flags),
        "trigger": {"start": event.trigger_span[0], "end": event.trigger_span[1],
                    "text": text[event.trigger_span[0]:event.trigger_span[1]]},
        "source_span": list(event.source_span), "target_span": list(event.target_span),
        "sentence": text[event.sentence_span[0]:event.sentence_span[1]],
    }


def code_records(
    records: Iterable[dict[str, Any]],
    coder: Coder | None = None,
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
) -> Iterator[dict[str, Any]]:
    """Code standalone texts ``{"id", "text", "doc_date", "lang"?}``; yields ``{"id", "events"}`` in order.

    A record that cannot be coded yields ``{"id", "events": [], "error": reason}``.
    """
    coder = coder or make_coder()
    identifier: LanguageIdentifier | None = None
    for record in records:
        record_id = record.get("id")
        text, raw_date = record.get("text"), record.get("doc_date")
        if not isinstance(text, str) or not text.strip():
            yield {"id": record_id, "events": [], "error": "no text"}
            continue
        try:
            doc_date = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            yield {"id": record_id, "events": [], "error": f"doc_date {raw_date!r} is not an ISO date"}
            continue
        norm = normalize(text)
        language = record.get("lang")
        if language not in languages:
            identifier = identifier or LanguageIdentifier(languages)
            language = identifier.detect_many([norm])[0]
        norm = fold_language(norm, language)
        skipped: list[Skipped] = []
        events = coder.code_document(norm, split_sentences(norm, language), language, doc_date, skipped)
        out: dict[str, Any] = {"id": record_id, "lang": language, "events": [event_record(e, norm) for e in events]}
        if skipped:
            out["skipped"] = [{"sentence": s.sentence_idx, "reason": s.reason} for s in skipped]
        yield out


__all__ = [
    "CODERS", "CODER_NAME", "CODER_VERSION", "Coder", "CodedEvent", "CodingOptions", "Skipped",
    "code_records", "event_record", "make_coder",
]
