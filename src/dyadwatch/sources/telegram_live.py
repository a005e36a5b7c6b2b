"""Reading public Telegram channels live, through the Telegram client API (Telethon).

Setting it up, once:

1. Install Telethon into the same environment: ``pip install "Telethon>=1.36,<2"``.
2. Log in at https://my.telegram.org with the phone number of the account that will read, open
   "API development tools" and create an application. It shows an ``api_id`` (a number) and an
   ``api_hash`` (32 hex digits). They identify your application; keep them out of version control.
3. Give them to dyadwatch either as environment variables (these win)::

       DYADWATCH_TELEGRAM_API_ID=1234567
       DYADWATCH_TELEGRAM_API_HASH=0123456789abcdef0123456789abcdef
       DYADWATCH_TELEGRAM_SESSION=/path/to/dyadwatch.session

   or in the workspace's ``dyadwatch.toml``::

       [telegram]
       api_id = 1234567
       api_hash = "0123456789abcdef0123456789abcdef"
       session = "telegram.session"      # relative to the workspace; this is the default

4. The session file holds the login (an authorisation key): whoever has it can read as that account.
   Keep it private (it is created with the user's default permissions). The first run that opens it
   logs in interactively: Telethon asks on the terminal for the phone number, the code Telegram sends,
   and the two-step password if one is set. Later runs reuse the session without asking.

Then::

    credentials = load_credentials(workspace_root)
    for item in read_channel(telethon_client_factory(credentials), "kaspi_signal", since_id=1200):
        ...

`read_channel` reads oldest first from `since_id` (exclusive). When Telegram answers with a flood wait
it sleeps the requested seconds (through the injected `sleep`) and resumes after the last message it
read, at most `max_flood_waits` times. Credentials are used only to build the client; they are never
logged and never part of a Document.
"""

from __future__ import annotations

import json
import logging
import os
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from dyadwatch.config import CONFIG_NAME
from dyadwatch.errors import ConfigError, InputError
from dyadwatch.models import Document, Quarantined, ReadResult, utcnow
from dyadwatch.sources import limits
from dyadwatch.sources.dates import DateError, check_plausible
from dyadwatch.sources.telegram_export import PLATFORM, ReadStats, clean_username, raw_json

RAW_FORMAT = "telegram-api"
ENV_API_ID = "DYADWATCH_TELEGRAM_API_ID"
ENV_API_HASH = "DYADWATCH_TELEGRAM_API_HASH"
ENV_SESSION = "DYADWATCH_TELEGRAM_SESSION"
DEFAULT_SESSION = "telegram.session"
MAX_FLOOD_WAITS = 5
RAW_FIELDS = ("id", "date", "edit_date", "message", "views", "forwards", "post_author", "grouped_id", "fwd_from")

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TelegramCredentials:
    """What TelegramClient needs; the hash is left out of repr so it cannot reach a log by accident."""

    api_id: int = field(repr=False)
    api_hash: str = field(repr=False)
    session: Path


class ChannelClient(Protocol):
    """The part of telethon.sync.TelegramClient read_channel uses."""

    def __enter__(self) -> ChannelClient: ...

    def __exit__(self, *exc_info: object) -> object: ...

    def iter_messages(self, entity: str, *, min_id: int, reverse: bool, limit: int | None) -> Iterable[Any]: ...


def load_credentials(
    workspace_root: Path | None = None, environ: Mapping[str, str] = os.environ,
) -> TelegramCredentials:
    """Credentials from the environment, else from the workspace's `[telegram]` table."""
    table = _config_table(workspace_root)
    api_id = environ.get(ENV_API_ID) or table.get("api_id")
    api_hash = environ.get(ENV_API_HASH) or table.get("api_hash")
    if not api_id or not api_hash:
        raise ConfigError(
            f"Telegram credentials are missing: set {ENV_API_ID} and {ENV_API_HASH}, or api_id and api_hash "
            f"in the [telegram] table of {CONFIG_NAME}. Create them at https://my.telegram.org (API development tools)."
        )
    if not str(api_id).strip().isdigit():
        raise ConfigError(f"the Telegram api_id ({ENV_API_ID} or [telegram] api_id) must be a number")
    if not isinstance(api_hash, str):
        raise ConfigError(f"the Telegram api_hash ({ENV_API_HASH} or [telegram] api_hash) must be a string")
    return TelegramCredentials(api_id=int(str(api_id).strip()), api_hash=api_hash.strip(),
                               session=_session_path(environ, table, workspace_root))


def _config_table(workspace_root: Path | None) -> dict[str, object]:
    if workspace_root is None:
        return {}
    path = workspace_root / CONFIG_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"Cannot read {path}: {error.__class__.__name__}. Fix the file.") from None
    table = data.get("telegram", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'telegram' must be a table ([telegram])")
    return table


def _session_path(environ: Mapping[str, str], table: Mapping[str, object], workspace_root: Path | None) -> Path:
    configured = environ.get(ENV_SESSION) or table.get("session") or DEFAULT_SESSION
    path = Path(str(configured)).expanduser()
    if path.is_absolute():
        return path
    if workspace_root is None and ENV_SESSION not in environ:
        raise ConfigError(f"no Telegram session file: set {ENV_SESSION} or use a workspace")
    return (workspace_root or Path.cwd()) / path


def telethon_client_factory(credentials: TelegramCredentials) -> Callable[[], ChannelClient]:
    """A factory of real Telethon clients; `with client:` logs in (interactively the first time)."""

    def make() -> ChannelClient:
        import telethon.sync  # noqa: F401  (makes the client and its iterators usable without asyncio)
        from telethon import TelegramClient

        client: ChannelClient = TelegramClient(str(credentials.session), credentials.api_id, credentials.api_hash)
        return client

    return make


def read_channel(
    client_factory: Callable[[], ChannelClient],
    channel: str,
    *,
    since_id: int | None = None,
    limit: int | None = None,
    source: str | None = None,
    synthetic: bool = False,
    sleep: Callable[[float], object] = time.sleep,
    max_flood_waits: int = MAX_FLOOD_WAITS,
    collected_at: datetime | None = None,
    stats: ReadStats | None = None,
) -> Iterator[ReadResult]:
    """Messages of a channel newer than `since_id`, oldest first, as Documents (or Quarantined).

    Service messages and messages without text yield nothing and are counted in `stats`.
    `limit` bounds the number of messages fetched. Raises InputError after too many flood waits.
    """
    from telethon.errors import FloodWaitError

    reader = _MessageReader(channel, source, synthetic, collected_at or utcnow(), stats or ReadStats())
    last_id = since_id or 0
    remaining = limit
    waits = 0
    with client_factory() as client:
        while remaining is None or remaining > 0:
            try:
                for message in client.iter_messages(channel, min_id=last_id, reverse=True, limit=remaining):
                    last_id = max(last_id, _message_id(message) or 0)
                    remaining = None if remaining is None else remaining - 1
                    result = reader.read(message)
                    if result is not None:
                        yield result
                return
            except FloodWaitError as error:
                waits += 1
                if waits > max_flood_waits:
                    raise InputError(
                        f"Telegram still asks to wait ({error.seconds} s) after {max_flood_waits} waits while reading "
                        f"{channel}; try again later (read up to message {last_id})"
                    ) from None
                log.warning("Telegram flood wait while reading %s: sleeping %s s", channel, error.seconds)
                sleep(error.seconds)


@dataclass(slots=True)
class _MessageReader:
    """Turns Telethon messages of one channel into Documents, counting what it skips."""

    channel: str
    source: str | None
    synthetic: bool
    collected_at: datetime
    stats: ReadStats
    username: str | None = field(init=False)

    def __post_init__(self) -> None:
        self.username = clean_username(self.channel)

    def read(self, message: object) -> ReadResult | None:
        self.stats.messages += 1
        raw = message_raw(message, self.channel)
        message_id = _message_id(message)
        origin = f"telegram:{self.username or self.channel}:message {message_id if message_id is not None else '?'}"
        try:
            result = self._document(message, message_id, origin, raw)
        except ValueError as problem:
            self.stats.quarantined += 1
            return Quarantined(origin=origin, reason=str(problem), raw=limits.clip_text(raw))
        if result is not None:
            self.stats.documents += 1
        return result

    def _document(self, message: object, message_id: int | None, origin: str, raw: str) -> Document | None:
        if getattr(message, "action", None) is not None:
            self.stats.service += 1
            return None
        if message_id is None:
            raise ValueError("id: expected an integer")
        text = getattr(message, "message", None)
        if text is not None and not isinstance(text, str):
            raise ValueError(f"message: expected a string, got {type(text).__name__}")
        if not text or not text.strip():
            self.stats.empty += 1
            return None
        author = getattr(message, "post_author", None)
        channel_key = self.username or self.channel
        return Document(
            source=self.source or self.username or self.channel,
            text=text,
            origin=origin,
            raw=raw,
            raw_format=RAW_FORMAT,
            url=f"https://t.me/{self.username}/{message_id}" if self.username else None,
            published=_published(getattr(message, "date", None), self.collected_at),
            platform=PLATFORM,
            author=(author.strip() or None) if isinstance(author, str) else None,
            external_id=f"{channel_key}/{message_id}",
            synthetic=self.synthetic,
            collected_at=self.collected_at,
        )


def _message_id(message: object) -> int | None:
    value = getattr(message, "id", None)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _published(value: object, collected_at: datetime) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise ValueError(f"date: expected a datetime, got {type(value).__name__}")
    published = value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
    try:
        check_plausible(published, now=collected_at)
    except DateError as problem:
        raise ValueError(f"date: {problem}") from None
    return published


def message_raw(message: object, channel: str) -> str:
    """The message's fields that matter for provenance as JSON: text, dates, counters, forward header."""
    fields = {name: _plain(getattr(message, name, None)) for name in RAW_FIELDS}
    return raw_json({"channel": channel, **fields})


def _plain(value: object) -> object:
    """A JSON-ready copy of a Telethon value: TL objects through to_dict(), datetimes as ISO 8601."""
    if hasattr(value, "to_dict"):
        value = value.to_dict()
    return json.loads(json.dumps(value, default=_json_default))


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return str(value)
