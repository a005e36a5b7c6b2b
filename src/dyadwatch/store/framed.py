"""Writing a batch's narrative matches and directed tone, replacing what earlier runs stored for it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from .bulk import bulk_insert
from .schema import doc_narratives, doc_tone

if TYPE_CHECKING:
    from dyadwatch.pipeline import Batch

NARRATIVE_COLUMNS = ("doc_pk", "sentence_idx", "narrative_id", "start", "end", "phrase")
TONE_COLUMNS = ("doc_pk", "about", "score", "hostile", "warm", "sentences", "words")


def write_frames(connection: Connection, batch: Batch) -> None:
    pks = [d.pk for d in batch]
    connection.execute(doc_narratives.delete().where(doc_narratives.c.doc_pk.in_(pks)))
    connection.execute(doc_tone.delete().where(doc_tone.c.doc_pk.in_(pks)))
    bulk_insert(connection, doc_narratives, [(d.pk, *row) for d in batch for row in d.narratives], NARRATIVE_COLUMNS)
    bulk_insert(connection, doc_tone, [
        (d.pk, t.about, t.score, t.hostile, t.warm, t.sentences, json.dumps(
            [[w.term, w.polarity, w.weight, w.start, w.end, w.negated] for w in t.words], ensure_ascii=False))
        for d in batch for t in d.tone
    ], TONE_COLUMNS)
