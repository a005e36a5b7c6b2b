"""Build the reference tables in src/dyadwatch/reference/ from the shared reference data.

Usage: python scripts/build_reference.py /path/to/refdata [output folder]

Reads cameo/CAMEO.eventcodes.txt, cameo/CAMEO.goldsteinscale.txt,
plover/CAMEO2PLOVER-2021.txt and plover/plover_ontology.json and writes
cameo_codes.tsv, goldstein.tsv, cameo_to_plover.tsv and plover_categories.tsv.
non_state_codes.tsv is written by hand and left alone.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

PACKAGE_TABLES = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "reference"

QUAD_ROWS = {"1": 1, "2": 2, "3": 3, "4": 4}
"""Rows of CAMEO.eventcodes.txt that open a quad class; the root codes below each belong to it."""

FUSED_LINE = re.compile(r"^(?P<label>.*?)(?P<code>\d{3,4}):\[[-0-9.]+\]\s*(?P<label2>.+)$")
"""The source fuses `1056 ...engagement` with `106:[-5.0] Demand withdrawal` on one line."""

LABEL_FIXES = {
    "044": "Meet at a 'third' location",
    "033": "Express intent to provide material aid, not specified below",
    "0355": "Express intent to allow international involvement (not mediation)",
    "183": "Conduct suicide, car, or other non-military bombing, not specified below",
    "2041": "Use chemical, biological, or radiological weapons",
}
"""Known errors of the GDELT table (mojibake, typos, missing words), replaced by the intended label."""

PLOVER_MODE_FIXES = {
    ("ASSAULT", "seize"): "destroy",
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    ("COERCE", "ban"): "restrict",
    ("ASSAULT", "cleansing"): None,
    ("ASSAULT", "pro_autocracy"): None,
    ("RETREAT", "return"): None,
    ("RETREAT", "ease"): None,
    ("THREATEN", "ban"): None,
    ("THREATEN", "political"): None,
}
"""Modes of the 2021 (draft 0.8) map that PLOVER v2.0 no longer has: the v2 mode that covers it, or none."""

QUAD_NAMES = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4}


def clean(label: str) -> str:
    return " ".join(label.split())


def read_tab_table(path: Path) -> list[tuple[str, str]]:
    """Rows of a two-column tab-separated file with a header row."""
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [(code, value) for code, value in (line.split("\t", 1) for line in lines if line.strip())]


def cameo_codes(refdata: Path) -> list[tuple[str, str, int]]:
    """(code, label, quad class) for every CAMEO event code, errors of the source fixed."""
    rows: list[tuple[str, str, int]] = []
    quad = 0
    for code, label in read_tab_table(refdata / "cameo" / "CAMEO.eventcodes.txt"):
        if code in QUAD_ROWS:
            quad = QUAD_ROWS[code]
            continue
        fused = FUSED_LINE.match(label)
        if fused:
            rows.append((code, clean(fused["label"]), quad))
            rows.append((fused["code"], clean(fused["label2"]), quad))
            continue
        rows.append((code, clean(LABEL_FIXES.get(code, label)), quad))
    return rows


def goldstein_values(refdata: Path) -> list[tuple[str, float]]:
    return [(code, float(value)) for code, value in read_tab_table(refdata / "cameo" / "CAMEO.goldsteinscale.txt")]


def plover_ontology(refdata: Path) -> dict[str, dict[str, Any]]:
    ontology: dict[str, Any] = json.loads((refdata / "plover" / "plover_ontology.json").read_text(encoding="utf-8"))
    categories: dict[str, dict[str, Any]] = ontology["categories"]
    return categories


def cameo_to_plover(refdata: Path, known_codes: set[str]) -> list[tuple[str, str, str, str]]:
    """(CAMEO code, category, v2 mode or '', context or '') for the codes of the CAMEO table."""
    ontology = plover_ontology(refdata)
    rows: dict[str, tuple[str, str, str, str]] = {}
    for line in (refdata / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{3,4}):([^#]*)", line)
        if not match or match[1] not in known_codes or match[1] in rows:
            continue
        parts = [part.strip() for part in match[2].split(",")] + ["", ""]
        category, mode, context = parts[0], parts[1], "; ".join(p.strip() for p in parts[2].split(";") if p.strip())
        if category not in ontology:
            raise ValueError(f"{line!r}: {category} is not a PLOVER v2 category")
        v2_modes = {m["mode"] for m in ontology[category]["modes"]}
        if mode and mode not in v2_modes:
            mode = PLOVER_MODE_FIXES[(category, mode)] or ""
        rows[match[1]] = (match[1], category, mode, context)
    return sorted(rows.values())


def plover_categories(refdata: Path) -> list[tuple[str, int, str, str, str]]:
    """(category, quad class, quad name, requires recipient, comma-separated modes)."""
    return [
        (
            name,
            QUAD_NAMES[str(info["quad_category"])],
            str(info["quad_category"]).lower(),
            str(info["requires_recipient"]).lower(),
            ",".join(m["mode"] for m in info["modes"]),
        )
        for name, info in plover_ontology(refdata).items()
    ]


def write_tsv(out: Path, name: str, header: tuple[str, ...], rows: Sequence[tuple[object, ...]]) -> None:
    lines = ["\t".join(header)] + ["\t".join(str(v) for v in row) for row in rows]
    (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(rows)} rows")


def main(refdata: Path, out: Path = PACKAGE_TABLES) -> None:
    codes = cameo_codes(refdata)
    known = {code for code, _, _ in codes}
    write_tsv(out, "cameo_codes.tsv", ("code", "label", "quad_class"), codes)
    write_tsv(out, "goldstein.tsv", ("code", "goldstein"), goldstein_values(refdata))
    write_tsv(out, "cameo_to_plover.tsv", ("cameo_code", "plover_category", "plover_mode", "plover_context"),
              cameo_to_plover(refdata, known))
    write_tsv(out, "plover_categories.tsv", ("category", "quad_class", "quad_name", "requires_recipient", "modes"),
              plover_categories(refdata))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(*(Path(arg) for arg in sys.argv[1:]))
