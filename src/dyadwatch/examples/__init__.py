"""Bundled example workspaces (folders with a dyadwatch.toml), and copying one into place."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..config import CONFIG_NAME
from ..errors import ConfigError, WorkspaceExists

HERE = Path(__file__).parent


def example_workspaces() -> dict[str, Path]:
    """Example workspaces by name: folders here that hold a dyadwatch.toml."""
    return {p.name: p for p in sorted(HERE.iterdir()) if (p / CONFIG_NAME).is_file()}


def copy_example(name: str, target: Path) -> Path:
    """Copy an example workspace (its settings and input files) into an empty or new folder."""
    examples = example_workspaces()
    if name not in examples:
        raise ConfigError(f"No example named {name!r}; examples: {', '.join(examples) or 'none'}.")
    if (target / CONFIG_NAME).exists():
        raise WorkspaceExists(f"{target / CONFIG_NAME} exists already. Use that workspace, or choose another folder.")
    if target.exists() and any(target.iterdir()):
        raise WorkspaceExists(f"{target} is not empty. Give a new or empty folder for the example.")
    shutil.copytree(examples[name], target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("README.md", "*.db*"))
    return target
