"""Writing one benchmark's section of docs/benchmarks.md between its own markers, leaving the rest alone."""

from __future__ import annotations

from pathlib import Path


def write_section(path: Path, name: str, heading: str, body: str) -> None:
    """Replace the text between `<!-- NAME:start -->` and `<!-- NAME:end -->`, or append heading and section."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    document = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in document:
        head, _, rest = document.partition(start)
        _, _, tail = rest.partition(end)
        document = head + block + tail
    else:
        document = document.rstrip("\n") + f"\n\n{heading}\n\n{block}\n"
    path.write_text(document, encoding="utf-8")
