"""Workspace settings: the `dyadwatch.toml` file and where to find it."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConfigError, WorkspaceExists, WorkspaceNotFound

if TYPE_CHECKING:
    from .alerts import AlertRule, DeliverySettings

CONFIG_NAME = "dyadwatch.toml"
ENV_WORKSPACE = "DYADWATCH_WORKSPACE"
DEFAULT_DATABASE = "sqlite:///dyadwatch.db"
DEFAULT_LANGUAGES = ("ru", "az", "en", "tr", "fa", "uk", "hy", "ka")
_DYAD = re.compile(r"^([A-Z]{3})[-:]([A-Z]{3})$")


@dataclass(frozen=True)
class DedupSettings:
    """Near-duplicate clustering: MinHash size, LSH banding, similarity and time window."""

    threshold: float = 0.5
    window_days: int = 14
    num_perm: int = 128
    bands: int = 32
    shingle_words: int = 3


@dataclass(frozen=True)
class WorkspaceConfig:
    root: Path
    name: str
    database: str
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    dyads: tuple[tuple[str, str], ...] = ()
    related_dyads: tuple[tuple[str, str], ...] = ()
    dedup: DedupSettings = field(default_factory=DedupSettings)
    sources: tuple[dict[str, object], ...] = ()
    alerts: tuple[AlertRule, ...] = ()
    alert_delivery: DeliverySettings | None = None
    coder: str = "rules"
    ethnic_targets: str = "ethnic"

    @property
    def database_url(self) -> str:
        """The database URL with a relative SQLite path resolved inside the workspace."""
        prefix = "sqlite:///"
        if self.database.startswith(prefix):
            path = Path(self.database[len(prefix):])
            if not path.is_absolute():
                path = self.root / path
            return prefix + str(path)
        return self.database


def parse_dyad(text: str) -> tuple[str, str]:
    """`RUS-AZE` or `RUS:AZE` to a pair of ISO 3166 alpha-3 codes."""
    match = _DYAD.match(text.strip().upper())
    if not match:
        raise ConfigError(f"'{text}' is not a dyad: write two ISO 3166 alpha-3 codes, e.g. RUS-AZE.")
    return match.group(1), match.group(2)


def find_workspace(explicit: Path | None = None) -> Path:
    """The workspace folder: --workspace, then $DYADWATCH_WORKSPACE, then the current folder."""
    if explicit is not None:
        where, path = "--workspace", explicit
    elif os.environ.get(ENV_WORKSPACE):
        where, path = ENV_WORKSPACE, Path(os.environ[ENV_WORKSPACE])
    else:
        where, path = "the current folder", Path.cwd()
    if not (path / CONFIG_NAME).is_file():
        raise WorkspaceNotFound(
            f"No {CONFIG_NAME} in {path} ({where}). Create a workspace with "
            f"'dyadwatch init DIR', then pass '--workspace DIR', set {ENV_WORKSPACE}=DIR, "
            "or run the command inside DIR."
        )
    return path.resolve()


def load_config(root: Path) -> WorkspaceConfig:
    from .alerts import parse_delivery, parse_rules

    path = root / CONFIG_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"Cannot read {path}: {exc}. Fix the file or recreate it with 'dyadwatch init'.") from exc
    section = data.get("workspace", {})
    coding = data.get("coding", {})
    try:
        dedup = DedupSettings(**data.get("dedup", {}))
    except TypeError as exc:
        raise ConfigError(f"{path}: unknown key in [dedup]: {exc}") from exc
    return WorkspaceConfig(
        root=root.resolve(),
        name=str(section.get("name", root.resolve().name)),
        database=str(section.get("database", DEFAULT_DATABASE)),
        languages=_languages(data.get("languages", list(DEFAULT_LANGUAGES)), path),
        dyads=tuple(parse_dyad(d) for d in data.get("dyads", [])),
        related_dyads=tuple(parse_dyad(d) for d in data.get("related_dyads", [])),
        dedup=dedup,
        sources=tuple(data.get("sources", [])),
        coder=str(coding.get("coder", "rules")),
        ethnic_targets=_ethnic_targets(coding.get("ethnic_targets", "ethnic"), path),
        alerts=tuple(parse_rules(data.get("alerts", []))),
        alert_delivery=parse_delivery(data.get("alerts_delivery")),
    )


ETHNIC_TARGET_RULES = ("ethnic", "legal")


def _ethnic_targets(value: object, path: Path) -> str:
    if value not in ETHNIC_TARGET_RULES:
        raise ConfigError(f"{path}: [coding] ethnic_targets must be \"ethnic\" or \"legal\", not {value!r}.")
    return str(value)


def _languages(values: object, path: Path) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) and len(v) == 2 for v in values):
        raise ConfigError(f"{path}: 'languages' must be a list of ISO 639-1 codes such as [\"ru\", \"az\"].")
    return tuple(v.lower() for v in values)


def write_new_config(
    root: Path,
    *,
    database: str = DEFAULT_DATABASE,
    dyads: tuple[str, ...] = ("RUS-AZE",),
    related_dyads: tuple[str, ...] = ("IRN-AZE", "TUR-AZE", "RUS-TUR", "RUS-IRN"),
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
) -> Path:
    """Write a commented dyadwatch.toml into root; refuse to overwrite one."""
    for dyad in (*dyads, *related_dyads):
        parse_dyad(dyad)
    path = root / CONFIG_NAME
    if path.exists():
        raise WorkspaceExists(f"{path} exists already. Use that workspace, or choose another folder.")
    root.mkdir(parents=True, exist_ok=True)
    template = (Path(__file__).parent / "workspace_template.toml").read_text(encoding="utf-8")
    path.write_text(
        template.format(
            name=_toml_str(root.resolve().name),
            database=_toml_str(database),
            dyads=_toml_list(dyads),
            related_dyads=_toml_list(related_dyads),
            languages=_toml_list(languages),
        ),
        encoding="utf-8",
    )
    return path


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(_toml_str(v) for v in values) + "]"
