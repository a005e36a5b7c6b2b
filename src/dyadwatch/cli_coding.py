"""`dyadwatch explain` and `dyadwatch code`: one event's evidence, and coding standalone sentences."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.text import Text

from .actors.network import link_event
from .actors.registry import ActorRegistry
from .cli_support import WorkspaceOpt, err, handled, open_workspace_option, progress_bar

_STYLES = {"source": "bold green", "target": "bold red", "trigger": "bold reverse"}


def _highlighted(text: str, spans: dict[str, tuple[int | None, int | None]]) -> Text:
    """The sentence with actor and trigger spans styled; scraped text is printed as text, never as markup."""
    rich = Text(text)
    for name, (start, end) in spans.items():
        if start is not None and end is not None and 0 <= start < end <= len(text):
            rich.stylize(_STYLES[name], start, end)
    return rich


@handled
def explain(
    event_id: Annotated[str, typer.Argument(help="The event's id (from `dyadwatch events --format json`).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the evidence as JSON.")] = False,
    workspace: WorkspaceOpt = None,
) -> None:
    """Show the sentence behind an event, actors and trigger highlighted, and why it got its category."""
    with open_workspace_option(workspace) as ws:
        detail = ws.event(event_id)
        links = _links(ws.actor_registry(), detail)
    doc = detail.get("document") or {}
    why = json.loads(detail.get("raw") or "{}").get("why", []) if detail["origin"] == "coded" else []
    if as_json:
        out = {k: v for k, v in detail.items() if k not in ("raw",)}
        out["why"] = why
        out["links"] = links
        if doc:
            out["sentence"] = (doc.get("norm_text") or "")[detail["span_start"]:detail["span_end"]]
            out["document"] = {k: v for k, v in doc.items() if k != "norm_text"}
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return
    console = Console(highlight=False)
    console.print(Text(f"{detail['id']}  {detail['event_date']}  {detail['origin']}  status: {detail['status']}"))
    console.print(Text(f"{detail['actor1_code']} ({detail.get('actor1_name') or '-'}, body {detail.get('actor1_body') or '-'})"
                       f"  -[{detail['plover_category']} / CAMEO {detail['cameo_code']}, Goldstein {detail['goldstein']}]->  "
                       f"{detail['actor2_code']} ({detail.get('actor2_name') or '-'}, body {detail.get('actor2_body') or '-'})"))
    console.print(Text(f"summary: {detail.get('summary') or detail['description']}"))
    if doc:
        start, end = detail["span_start"], detail["span_end"]
        sentence = (doc.get("norm_text") or "")[start:end]

        def local(a: int | None, b: int | None) -> tuple[int | None, int | None]:
            return (a - start if a is not None else None, b - start if b is not None else None)

        console.print(Text(f"document {doc['id']} ({doc.get('source')}, {doc.get('published')}), sentence {detail['sentence_idx']}"
                           + ("  [SYNTHETIC]" if doc.get("synthetic") else "")))
        console.print(_highlighted(sentence, {
            "source": local(detail["actor1_start"], detail["actor1_end"]),
            "target": local(detail["actor2_start"], detail["actor2_end"]),
            "trigger": local(detail["trigger_start"], detail["trigger_end"]),
        }))
    for line in why:
        console.print(Text(f"why: {line}"))
    for side, found in links.items():
        for link in found:
            console.print(Text(f"{side} actor: {link}"))
    if detail.get("date_note"):
        console.print(Text(f"date: {detail['date_note']}"))
    console.print(Text(f"coder: {detail.get('coder') or '-'} {detail.get('coder_version') or ''}  confidence: {detail.get('confidence')}"))
    for entry in detail["overrides"]:
        console.print(Text(f"override {entry['created_at']} by {entry['analyst']}: {entry['action']} "
                           f"{entry.get('field') or ''} {entry.get('old_value') or ''} -> {entry.get('new_value') or ''} "
                           f"({entry.get('note') or ''})"))


def _links(registry: ActorRegistry, detail: dict[str, Any]) -> dict[str, list[str]]:
    """What each side's actor was linked to on the event's day (roles, relations with status and citation)."""
    out: dict[str, list[str]] = {}
    for side, key in (("source", "actor1_id"), ("target", "actor2_id")):
        actor = detail.get(key)
        if actor and actor in registry:
            out[side] = link_event(registry, actor, detail["event_date"])
    return out


def _read_records(path: Path) -> tuple[list[dict[str, Any]], list[tuple[int, str]]]:
    records, bad = [], []
    stream = sys.stdin if str(path) == "-" else path.open(encoding="utf-8")
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                bad.append((number, f"not JSON: {error.msg}"))
                continue
            if not isinstance(record, dict):
                bad.append((number, "not a JSON object"))
                continue
            records.append(record)
    return records, bad


@handled
def code(
    path: Annotated[Path, typer.Argument(help='JSONL with {"id", "text", "doc_date", "lang"?} per line ("-" = stdin).')],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write JSONL here instead of stdout.")] = None,
    workspace: Annotated[Optional[Path], typer.Option(
        "--workspace", "-w", help="Use this workspace's actors and coding settings (else the package's).")] = None,
) -> None:
    """Code standalone sentences; writes {"id", "events": [...]} per line. Exit 3 if some lines were bad."""
    from .coding import CodingOptions, code_records, make_coder

    if workspace is not None:
        with open_workspace_option(workspace) as ws:
            coder = make_coder(ws.config.coder, ws.actor_registry(), CodingOptions(ws.config.ethnic_targets))
    else:
        coder = make_coder()
    records, bad = _read_records(path)
    sink = out.open("w", encoding="utf-8") if out else sys.stdout
    errors = 0
    with progress_bar() as progress:
        task = progress.add_task("coding", total=len(records))
        for result in code_records(records, coder):
            if "error" in result:
                errors += 1
            sink.write(json.dumps(result, ensure_ascii=False) + "\n")
            progress.advance(task)
    if out:
        sink.close()
    for number, reason in bad:
        err.print(Text(f"line {number}: {reason}"))
    if bad or errors:
        err.print(Text(f"{len(bad)} unreadable lines, {errors} records not coded (see their 'error')."))
        raise typer.Exit(3)
