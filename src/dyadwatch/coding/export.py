"""Event exports: PLOVER-style JSON records and GDELT-style tab-separated rows, provenance kept."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pandas as pd

from dyadwatch.errors import InputError

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name",
    "Actor2CountryCode", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumSources",
    "NumArticles", "SOURCEURL", "PLOVER", "Origin", "DocumentId", "SentenceIndex", "CoderVersion",
)


def _value(value: Any) -> Any:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event in the field names of the PLOVER specification, plus dyadwatch provenance."""
    return {
        "id": row["id"], "date": _value(row["event_date"]),
        "actor1": row["actor1_name"], "actor1_country": row["actor1_code"], "actor1_body": row.get("actor1_body"),
        "actor1_sector": row.get("actor1_sector"),
        "actor2": row["actor2_name"], "actor2_country": row["actor2_code"], "actor2_body": row.get("actor2_body"),
        "actor2_sector": row.get("actor2_sector"),
        "event": row["plover_category"], "mode": row.get("plover_mode"), "cameo": row["cameo_code"],
        "goldstein": _value(row.get("goldstein")), "quad_class": _value(row.get("quad_class")),
        "summary": row.get("summary") or row.get("description"), "origin": row["origin"],
        "provenance": {
            "document": row.get("doc_id"), "sentence": _value(row.get("sentence_idx")),
            "span": [_value(row.get("span_start")), _value(row.get("span_end"))],
            "trigger": [_value(row.get("trigger_start")), _value(row.get("trigger_end"))],
            "coder_version": row.get("coder_version"), "source": row.get("source_name"),
            "urls": row.get("source_urls") or ([row["doc_url"]] if row.get("doc_url") else []),
        },
        "corroboration": _value(row.get("corroboration")),
    }


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    day = row["event_date"]
    cameo = row["cameo_code"] or ""
    urls = row.get("source_urls") or ([row["doc_url"]] if row.get("doc_url") else [])
    return [
        row["id"], day.strftime("%Y%m%d") if hasattr(day, "strftime") else str(day).replace("-", ""),
        row["actor1_code"], row["actor1_name"], row["actor1_code"], row["actor2_code"], row["actor2_name"],
        row["actor2_code"], cameo, cameo[:2], _value(row.get("quad_class")), _value(row.get("goldstein")),
        _value(row.get("corroboration")), _value(row.get("documents")), urls[0] if urls else "",
        row["plover_category"], row["origin"], row.get("doc_id") or "", _value(row.get("sentence_idx")),
        row.get("coder_version") or "",
    ]


def write_export(frame: pd.DataFrame, path: Path) -> int:
    """Write ``frame`` (from ``Workspace.events``) to ``path`` by its suffix; returns the number of events."""
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    suffix = path.suffix.lower()
    if suffix == ".json":
        path.write_text(json.dumps([plover_record(r) for r in rows], ensure_ascii=False, indent=1), encoding="utf-8")
    elif suffix in (".tsv", ".csv", ".txt"):
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(GDELT_COLUMNS)
            writer.writerows(gdelt_row(r) for r in rows)
    else:
        raise InputError(f"{path}: write .json (PLOVER-style) or .tsv (GDELT-style)")
    return len(rows)
