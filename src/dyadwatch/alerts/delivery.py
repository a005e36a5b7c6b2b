"""Delivering fired alerts to stdout, a JSONL file or a webhook, and reporting what arrived where.

Targets are strings, in ``[alerts_delivery]`` (the default for every rule) or in a rule's own ``deliver``::

    [alerts_delivery]
    deliver = ["stdout", "jsonl:alerts.jsonl"]   # default ["stdout"]
    timeout = 10.0                               # seconds per webhook request, default 10

    [[alerts]]
    name = "escalation"
    kind = "new_phase"
    deliver = ["stdout", "webhook:http://127.0.0.1:9000/hook"]   # replaces the default for this rule

- ``stdout``: one line per alert, ``DAY DYAD RULE: MESSAGE``; control characters in scraped text are
  replaced, so a line stays one line and cannot drive the terminal. Plain text, no Rich markup.
- ``jsonl:PATH``: one JSON object per alert (``Alert.to_dict()``), appended, UTF-8 with non-ASCII kept,
  flushed and fsynced after each batch. A relative PATH lies in ``deliver``'s ``root`` (the workspace).
- ``webhook:URL``: one HTTP POST per alert, the same JSON object as body. Only a 2xx answer counts
  as delivered; a redirect is not followed. The first connection failure or timeout marks the remaining
  alerts for that URL as failed without trying them. There are no retries: an undelivered alert is
  delivered on the next run. The URL is the user's own endpoint, so private addresses are allowed.

``deliver`` never raises for a failing target: the report says, per target, which alert ids arrived
and why the others did not. Mark as delivered only ``DeliveryReport.delivered`` (arrived at every target),
or record (alert id, target) pairs from ``DeliveryReport.targets`` to avoid repeating what arrived.
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, TextIO

import httpx
import numpy as np

from dyadwatch.errors import ConfigError
from dyadwatch.ledger.model import Alert
from dyadwatch.net.client import FetchPolicy

TargetKind = Literal["stdout", "jsonl", "webhook"]
DEFAULT_TIMEOUT = 10.0
_USER_AGENT = FetchPolicy().user_agent


@dataclass(frozen=True)
class Target:
    """Where alerts go: ``stdout``, a JSONL file path or a webhook URL."""

    kind: TargetKind
    location: str = ""

    def __str__(self) -> str:
        return self.kind if self.kind == "stdout" else f"{self.kind}:{self.location}"


@dataclass(frozen=True)
class DeliverySettings:
    """The ``[alerts_delivery]`` table: default targets and the webhook timeout."""

    targets: tuple[Target, ...] = (Target("stdout"),)
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class TargetReport:
    """Alert ids that arrived at one target, and (alert id, reason) for those that did not."""

    target: str
    delivered: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class DeliveryReport:
    """Per-target outcome of one deliver call over ``alert_ids``."""

    alert_ids: tuple[str, ...]
    targets: tuple[TargetReport, ...]

    @property
    def delivered(self) -> tuple[str, ...]:
        """Alert ids that arrived at every target: the ones to mark as delivered."""
        return tuple(i for i in self.alert_ids if all(i in t.delivered for t in self.targets))

    @property
    def undelivered(self) -> tuple[str, ...]:
        """Alert ids that failed at one target or more."""
        arrived = set(self.delivered)
        return tuple(i for i in self.alert_ids if i not in arrived)

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.targets)


def parse_target(text: object, where: str = "deliver") -> Target:
    """``stdout``, ``jsonl:PATH`` or ``webhook:http(s)://…`` to a Target; ConfigError naming ``where`` otherwise."""
    if not isinstance(text, str):
        raise ConfigError(f"{where}: a delivery target is a string such as \"stdout\", not {text!r}.")
    kind, _, location = text.strip().partition(":")
    location = location.strip()
    if kind == "stdout" and not location:
        return Target("stdout")
    if kind == "jsonl" and location:
        return Target("jsonl", location)
    if kind == "webhook":
        try:
            url = httpx.URL(location)
        except httpx.InvalidURL:
            url = httpx.URL()
        if url.scheme not in ("http", "https") or not url.host:
            raise ConfigError(f"{where}: {text!r} needs an http(s) URL, e.g. \"webhook:http://127.0.0.1:9000/hook\".")
        return Target("webhook", location)
    raise ConfigError(
        f"{where}: unknown delivery target {text!r}; use \"stdout\", \"jsonl:PATH\" or \"webhook:URL\"."
    )


def parse_targets(values: object, where: str = "deliver") -> tuple[Target, ...]:
    """A non-empty TOML list of target strings."""
    if not isinstance(values, list) or not values:
        raise ConfigError(f"{where}: give a non-empty list of targets, e.g. [\"stdout\", \"jsonl:alerts.jsonl\"].")
    return tuple(parse_target(v, where) for v in values)


def parse_delivery(table: Mapping[str, Any] | None) -> DeliverySettings:
    """The ``[alerts_delivery]`` table (absent: stdout, 10 s)."""
    if table is None:
        return DeliverySettings()
    if not isinstance(table, Mapping):
        raise ConfigError("[alerts_delivery] must be a table.")
    unknown = sorted(set(table) - {"deliver", "timeout"})
    if unknown:
        raise ConfigError(f"[alerts_delivery], field '{unknown[0]}': unknown field; use 'deliver' and 'timeout'.")
    targets = DeliverySettings().targets
    if "deliver" in table:
        targets = parse_targets(table["deliver"], "[alerts_delivery], field 'deliver'")
    timeout = table.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise ConfigError(f"[alerts_delivery], field 'timeout': a positive number of seconds, not {timeout!r}.")
    return DeliverySettings(targets, float(timeout))


def deliver(
    alerts: Sequence[Alert],
    targets: Sequence[Target],
    *,
    root: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    transport: httpx.BaseTransport | None = None,
    stream: TextIO | None = None,
) -> DeliveryReport:
    """Send every alert to every target; ``transport`` replaces the network for webhooks, ``stream`` stdout."""
    if not targets:
        raise ValueError("deliver needs at least one target")
    reports = []
    for target in targets:
        if target.kind == "stdout":
            report = _to_stream(alerts, stream or sys.stdout, str(target))
        elif target.kind == "jsonl":
            path = Path(target.location)
            report = _to_jsonl(alerts, path if path.is_absolute() else (root or Path.cwd()) / path, str(target))
        else:
            report = _to_webhook(alerts, target.location, timeout, transport, str(target))
        reports.append(report)
    return DeliveryReport(tuple(a.id for a in alerts), tuple(reports))


def alert_line(alert: Alert) -> str:
    """The alert as one readable line of plain text."""
    return _one_line(f"{alert.day.isoformat()} {alert.dyad} {alert.rule}: {alert.message}")


def _one_line(text: str) -> str:
    """Whitespace runs to one space, other control characters to U+FFFD."""
    text = " ".join(text.split())
    return "".join("\ufffd" if unicodedata.category(c) == "Cc" else c for c in text)


def _json(alert: Alert) -> str:
    return json.dumps(alert.to_dict(), ensure_ascii=False, default=_json_value)


def _json_value(value: object) -> object:
    """Dates and numpy scalars that may sit in evidence (phase drivers) as JSON values."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _all_failed(alerts: Sequence[Alert], target: str, reason: str) -> TargetReport:
    return TargetReport(target, (), tuple((a.id, reason) for a in alerts))


def _to_stream(alerts: Sequence[Alert], stream: TextIO, target: str) -> TargetReport:
    try:
        for alert in alerts:
            stream.write(alert_line(alert) + "\n")
        stream.flush()
    except (OSError, ValueError) as error:
        return _all_failed(alerts, target, f"cannot write to {target}: {error}")
    return TargetReport(target, tuple(a.id for a in alerts), ())


def _to_jsonl(alerts: Sequence[Alert], path: Path, target: str) -> TargetReport:
    """Append all alerts in one write, after a newline if an earlier write was cut off; then fsync."""
    if not alerts:
        return TargetReport(target, (), ())
    try:
        lines = "".join(_json(a) + "\n" for a in alerts).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a+b") as handle:
            end = handle.seek(0, os.SEEK_END)
            if end:
                handle.seek(end - 1)
                if handle.read(1) != b"\n":
                    lines = b"\n" + lines
            handle.write(lines)
            handle.flush()
            os.fsync(handle.fileno())
    except (OSError, TypeError, ValueError) as error:
        return _all_failed(alerts, target, f"cannot append to {path}: {error}")
    return TargetReport(target, tuple(a.id for a in alerts), ())


def _to_webhook(
    alerts: Sequence[Alert], url: str, timeout: float, transport: httpx.BaseTransport | None, target: str,
) -> TargetReport:
    delivered: list[str] = []
    failed: list[tuple[str, str]] = []
    unreachable: str | None = None
    headers = {"User-Agent": _USER_AGENT, "Content-Type": "application/json; charset=utf-8"}
    with httpx.Client(transport=transport, trust_env=False, timeout=timeout, follow_redirects=False) as client:
        for alert in alerts:
            if unreachable is not None:
                failed.append((alert.id, f"not sent: {unreachable}"))
                continue
            try:
                response = client.post(url, content=_json(alert).encode("utf-8"), headers=headers)
            except httpx.TimeoutException:
                unreachable = f"{url} did not answer within {timeout:g} s"
                failed.append((alert.id, unreachable))
            except httpx.HTTPError as error:
                unreachable = f"{url}: {type(error).__name__}: {error or 'connection failed'}"
                failed.append((alert.id, unreachable))
            else:
                if 200 <= response.status_code < 300:
                    delivered.append(alert.id)
                else:
                    failed.append((alert.id, f"{url} answered HTTP {response.status_code}"))
    return TargetReport(target, tuple(delivered), tuple(failed))
