"""What every command module of the CLI shares: options, error handling, opening the workspace."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .errors import DyadwatchError, WriterBusy
from .output import OutputFormat

if TYPE_CHECKING:
    from .workspace import Workspace

EXIT_BUSY = 4
err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])

WorkspaceOpt = Annotated[
    Optional[Path],
    typer.Option("--workspace", "-w", help="Workspace folder (else $DYADWATCH_WORKSPACE, else the current folder)."),
]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output: table, json or csv.")]


def handled(command: F) -> F:
    """Turn dyadwatch errors into a message on stderr and a meaningful exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except WriterBusy as exc:
            err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
            raise typer.Exit(EXIT_BUSY) from exc
        except DyadwatchError as exc:
            err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
            raise typer.Exit(exc.exit_code) from exc

    return wrapper  # type: ignore[return-value]


def open_workspace_option(workspace: Path | None) -> Workspace:
    from .workspace import open_workspace

    return open_workspace(workspace)


def progress_bar() -> Progress:
    """A progress bar on stderr, shown only on a terminal."""
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=False, disable=not err.is_terminal,
    )
