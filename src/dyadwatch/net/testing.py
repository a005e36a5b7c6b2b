"""Offline stand-ins for the network in tests: a fake DNS and a recording mock transport; nothing real is contacted."""

from __future__ import annotations

import socket
from collections.abc import Callable

import httpx

from dyadwatch.net import Fetcher, FetchPolicy
from dyadwatch.net.guard import Resolver

PUBLIC = {
    "news.example": ["93.184.216.34"],
    "mirror.example": ["93.184.216.35"],
    "wire.example": ["2606:2800:220:1::10"],
}
"""Global (public) addresses for the fictional hosts; the mock transport never connects to them."""


class FakeDNS:
    """A resolver answering from a table; unknown names fail like getaddrinfo does."""

    def __init__(self, table: dict[str, list[str]] | None = None) -> None:
        self.table = {**PUBLIC, **(table or {})}
        self.asked: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append((host, port))
        if host not in self.table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return self.table[host]


class Recorder:
    """A MockTransport handler that records every request and answers by the logical (Host) URL."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response]) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer(request)

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


def logical_url(request: httpx.Request) -> str:
    """The URL the client meant: the pinned IP swapped back for the Host header."""
    return str(request.url.copy_with(netloc=request.headers["host"].encode("ascii")))


def make_fetcher(
    answer: Callable[[httpx.Request], httpx.Response], dns: Resolver | None = None, **policy: object,
) -> tuple[Fetcher, Recorder, list[float]]:
    """A Fetcher over a recording mock transport and a fake DNS; returns it, the recorder and the sleeps."""
    recorder = Recorder(answer)
    sleeps: list[float] = []
    fetcher = Fetcher(
        FetchPolicy(**policy), transport=recorder.transport, resolver=dns or FakeDNS(), sleep=sleeps.append,  # type: ignore[arg-type]
    )
    return fetcher, recorder, sleeps
