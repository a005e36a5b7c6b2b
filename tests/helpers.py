"""Small helpers shared by tests."""

from __future__ import annotations

import json
from pathlib import Path


def write_jsonl(path: Path, items: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    return path


def news(ident: str, text: str, **fields: object) -> dict[str, object]:
    """A document item as a JSONL line would carry it."""
    return {"id": ident, "text": text, "source": "Steppe Wire", **fields}
