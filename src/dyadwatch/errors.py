"""Exception tree. Every error has a stable code and a message that says what to do."""

from __future__ import annotations


class DyadwatchError(Exception):
    """Base class of every error dyadwatch raises on purpose."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class WorkspaceError(DyadwatchError):
    """The workspace is missing, unreadable or misconfigured."""

    code = "E001"


class WorkspaceNotFound(WorkspaceError):
    code = "E002"


class WorkspaceExists(WorkspaceError):
    code = "E003"


class ConfigError(WorkspaceError):
    code = "E004"


class StoreError(DyadwatchError):
    """The database cannot be opened, migrated or written."""

    code = "E010"


class WriterBusy(StoreError):
    """Another process holds the workspace's single writer lock."""

    code = "E011"


class InputError(DyadwatchError):
    """Input that cannot be read at all (not a single item of a batch)."""

    code = "E020"
    exit_code = 2


class UnknownFormat(InputError):
    code = "E021"


class QueryError(DyadwatchError):
    """A search query or filter that cannot be run."""

    code = "E030"


class DataFileError(InputError):
    """A data file (actors, narratives, lexicons) with a malformed record; the message names file, line and field."""

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        where = f"{path}, line {line}" if line is not None else path
        what = f", field '{field}'" if field else ""
        super().__init__(f"{where}{what}: {problem}")
        self.path, self.line, self.field = path, line, field


class ActorFileError(DataFileError):
    """An actor file (YAML or CSV) with a malformed record."""

    code = "E050"


class UnknownActor(QueryError):
    code = "E051"


class UnknownEvent(QueryError):
    code = "E052"


class UnknownCoder(ConfigError):
    code = "E053"
