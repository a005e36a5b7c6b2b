"""dyadwatch: evidence from multilingual media about the relations between two states."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Workspace", "init_workspace", "open_workspace", "__version__"]

if TYPE_CHECKING:
    from .workspace import Workspace, init_workspace, open_workspace


def __getattr__(name: str) -> Any:
    """Import the workspace API on first use, so the CLI starts fast."""
    if name in ("Workspace", "init_workspace", "open_workspace"):
        from . import workspace

        return getattr(workspace, name)
    raise AttributeError(name)
