"""The starter registry shipped with dyadwatch: real outlets of the region, with citations."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from . import ImportReport, Registry

STARTER_FILE = "starter_sources.csv"


def starter_path() -> Path:
    """Path of the bundled starter registry file."""
    return Path(str(resources.files(__package__).joinpath(STARTER_FILE)))


def import_starter(registry: Registry) -> ImportReport:
    """Load the starter registry; importing it again adds nothing."""
    return registry.import_file(starter_path())
