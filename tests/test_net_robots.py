"""robots.txt handling: parsed from what the Fetcher fetched, cached per scheme and host."""

from __future__ import annotations

import httpx
import pytest

from dyadwatch.net import FetchError, HttpStatusError, RobotsDisallowed
from dyadwatch.net.robots import MAX_ROBOTS_BYTES, RobotsCache
from dyadwatch.net.testing import logical_url, make_fetcher

UA = "dyadwatch/0.1 (media monitoring; +https://dyadwatch.example/bot)"


class Fetches:
    def __init__(self, outcome: bytes | FetchError) -> None:
        self.outcome = outcome
        self.urls: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.urls.append(url)
        if isinstance(self.outcome, FetchError):
            raise self.outcome
        return self.outcome


def test_rules_for_our_agent() -> None:
    fetch = Fetches(b"User-agent: *\nDisallow: /\n\nUser-agent: dyadwatch\nDisallow: /drafts/\n")
    robots = RobotsCache(fetch, UA)
    assert robots.allowed("https://news.example/world/1")
    assert not robots.allowed("https://news.example/drafts/2")
    assert fetch.urls == ["https://news.example/robots.txt"]


def test_cache_is_per_scheme_and_host() -> None:
    fetch = Fetches(b"User-agent: *\nAllow: /\n")
    robots = RobotsCache(fetch, UA)
    for url in ["https://news.example/a", "https://NEWS.example/b", "http://news.example/c", "https://wire.example:8443/d"]:
        assert robots.allowed(url)
    assert fetch.urls == [
        "https://news.example/robots.txt", "http://news.example/robots.txt", "https://wire.example:8443/robots.txt",
    ]


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (410, True), (403, True), (500, False), (503, False)])
def test_status_of_robots(status: int, allowed: bool) -> None:
    robots = RobotsCache(Fetches(HttpStatusError(f"HTTP {status}", status)), UA)
    assert robots.allowed("https://news.example/a") is allowed


def test_unreachable_robots_raises_its_error_for_the_whole_site() -> None:
    fetch = Fetches(FetchError("connection refused"))
    robots = RobotsCache(fetch, UA)
    for path in ("/a", "/b"):
        with pytest.raises(FetchError, match="connection refused"):
            robots.allowed(f"https://news.example{path}")
    assert len(fetch.urls) == 1


def test_undecodable_robots_does_not_raise() -> None:
    robots = RobotsCache(Fetches(b"\xff\xfe\nUser-agent: *\nDisallow: /x\n"), UA)
    assert robots.allowed("https://news.example/a")
    assert not robots.allowed("https://news.example/x")


def test_fetcher_robots_5xx_disallows_for_the_run() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(503)
        return httpx.Response(200, text="ok")
    fetcher, recorder, _ = make_fetcher(answer, retries=0)
    for path in ("/a", "/b"):
        with pytest.raises(RobotsDisallowed):
            fetcher.get(f"https://news.example{path}", crawl=True)
    assert [r.url.path for r in recorder.requests] == ["/robots.txt"]


def test_fetcher_robots_redirect_is_followed_and_guarded() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if logical_url(request) == "http://news.example/robots.txt":
            return httpx.Response(301, headers={"Location": "https://news.example/robots.txt"})
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /secret\n")
        return httpx.Response(200, text="ok")
    fetcher, _, _ = make_fetcher(answer)
    assert fetcher.get("http://news.example/open", crawl=True).body == b"ok"
    with pytest.raises(RobotsDisallowed):
        fetcher.get("http://news.example/secret", crawl=True)


def test_fetcher_oversized_robots_is_cut_not_refused() -> None:
    body = b"User-agent: *\nDisallow: /secret\n" + b"#" * (MAX_ROBOTS_BYTES * 2)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body) if request.url.path == "/robots.txt" else httpx.Response(200)
    fetcher, _, _ = make_fetcher(answer)
    fetcher.get("https://news.example/open", crawl=True)
    with pytest.raises(RobotsDisallowed):
        fetcher.get("https://news.example/secret", crawl=True)
