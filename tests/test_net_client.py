"""The Fetcher, fully offline: MockTransport plus a fake DNS."""

from __future__ import annotations

import socket

import httpx
import pytest

from dyadwatch.errors import DyadwatchError
from dyadwatch.net import (
    BlockedAddress,
    FetchError,
    FetchTimeout,
    HttpStatusError,
    RobotsDisallowed,
    TooLarge,
    TooManyRedirects,
    UnsupportedScheme,
)
from dyadwatch.net.testing import FakeDNS, logical_url, make_fetcher


@pytest.fixture(autouse=True)
def no_real_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a test tried to use the real resolver")
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"}, content=b"<html>hi</html>")


def test_get_connects_to_checked_address_with_host_header_and_sni() -> None:
    fetcher, recorder, _ = make_fetcher(ok)
    result = fetcher.get("https://news.example/politics/1?x=2")
    (request,) = recorder.requests
    assert str(request.url) == "https://93.184.216.34/politics/1?x=2"
    assert request.headers["host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"
    assert request.headers["user-agent"].startswith("dyadwatch/0.1")
    assert result.final_url == result.url == "https://news.example/politics/1?x=2"
    assert (result.status, result.content_type, result.body) == (200, "text/html", b"<html>hi</html>")
    assert result.headers["content-type"] == "text/html; charset=utf-8"


def test_dns_is_asked_once_per_hop_and_the_answer_is_used() -> None:
    """A rebinding DNS answers public first, then 127.0.0.1; the request still goes to the checked address."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    fetcher, recorder, _ = make_fetcher(ok, rebinding)
    fetcher.get("http://news.example/")
    assert recorder.requests[0].url.host == "93.184.216.34"


def redirects(chain: dict[str, str]):  # type: ignore[no-untyped-def]
    def answer(request: httpx.Request) -> httpx.Response:
        url = logical_url(request)
        if url in chain:
            return httpx.Response(302, headers={"Location": chain[url]})
        return ok(request)
    return answer


def test_redirect_into_loopback_is_blocked_at_third_hop() -> None:
    chain = {"https://news.example/a": "https://mirror.example/b", "https://mirror.example/b": "http://127.0.0.1/admin"}
    fetcher, recorder, _ = make_fetcher(redirects(chain))
    with pytest.raises(BlockedAddress, match="127.0.0.1"):
        fetcher.get("https://news.example/a")
    assert [logical_url(r) for r in recorder.requests] == ["https://news.example/a", "https://mirror.example/b"]


def test_redirect_to_host_resolving_inward_is_blocked() -> None:
    dns = FakeDNS({"metadata.example": ["169.254.169.254"]})
    fetcher, recorder, _ = make_fetcher(redirects({"https://news.example/a": "http://metadata.example/latest"}), dns)
    with pytest.raises(BlockedAddress):
        fetcher.get("https://news.example/a")
    assert len(recorder.requests) == 1


def test_redirect_chain_followed_with_relative_location() -> None:
    chain = {"https://news.example/a": "https://wire.example/b", "https://wire.example/b": "/c?d=1"}
    fetcher, recorder, _ = make_fetcher(redirects(chain))
    result = fetcher.get("https://news.example/a")
    assert result.final_url == "https://wire.example/c?d=1"
    assert str(recorder.requests[-1].url) == "https://[2606:2800:220:1::10]/c?d=1"
    assert recorder.requests[-1].headers["host"] == "wire.example"


def test_too_many_redirects() -> None:
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"Location": "/again"})
    fetcher, recorder, _ = make_fetcher(loop, max_redirects=2)
    with pytest.raises(TooManyRedirects):
        fetcher.get("https://news.example/")
    assert len(recorder.requests) == 3


def test_redirect_without_location() -> None:
    fetcher, _, _ = make_fetcher(lambda request: httpx.Response(302))
    with pytest.raises(FetchError, match="without a Location"):
        fetcher.get("https://news.example/")


def test_redirect_to_other_scheme_is_refused() -> None:
    fetcher, _, _ = make_fetcher(redirects({"https://news.example/": "file:///etc/passwd"}))
    with pytest.raises(UnsupportedScheme):
        fetcher.get("https://news.example/")


@pytest.mark.parametrize("answer", [["10.0.0.5"], ["::1"], ["169.254.169.254"], ["::ffff:127.0.0.1"]])
def test_host_resolving_inward_is_blocked_before_any_request(answer: list[str]) -> None:
    fetcher, recorder, _ = make_fetcher(ok, FakeDNS({"inside.example": answer}))
    with pytest.raises(BlockedAddress) as caught:
        fetcher.get("http://inside.example/")
    assert recorder.requests == []
    assert caught.value.code == "E041" and isinstance(caught.value, DyadwatchError)


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://[::1]/", "http://0.0.0.0:8080/", "http://[::ffff:10.0.0.1]/"])
def test_ip_literals_inward_are_blocked(url: str) -> None:
    fetcher, recorder, _ = make_fetcher(ok)
    with pytest.raises(BlockedAddress):
        fetcher.get(url)
    assert recorder.requests == []


def test_allow_private_lets_it_through() -> None:
    fetcher, recorder, _ = make_fetcher(ok, FakeDNS({"inside.example": ["10.0.0.5"]}), allow_private=True)
    assert fetcher.get("http://inside.example:8080/x").status == 200
    assert str(recorder.requests[0].url) == "http://10.0.0.5:8080/x"
    assert recorder.requests[0].headers["host"] == "inside.example:8080"


@pytest.mark.parametrize("url", ["ftp://news.example/x", "file:///etc/passwd", "gopher://news.example/", "news.example/x"])
def test_wrong_scheme(url: str) -> None:
    fetcher, recorder, _ = make_fetcher(ok)
    with pytest.raises(UnsupportedScheme, match="only http and https"):
        fetcher.get(url)
    assert recorder.requests == []


def test_retries_429_honouring_retry_after() -> None:
    statuses = iter([429, 503, 200])

    def answer(request: httpx.Request) -> httpx.Response:
        status = next(statuses)
        return httpx.Response(status, headers={"Retry-After": "7"} if status == 429 else {}, content=b"ok")
    fetcher, recorder, sleeps = make_fetcher(answer, backoff=0.5)
    assert fetcher.get("https://news.example/").body == b"ok"
    assert sleeps == [7.0, 1.0]
    assert len(recorder.requests) == 3


def test_retries_exhausted_gives_http_status_error() -> None:
    fetcher, recorder, sleeps = make_fetcher(lambda request: httpx.Response(502), retries=3, backoff=0.5)
    with pytest.raises(HttpStatusError) as caught:
        fetcher.get("https://news.example/")
    assert caught.value.status == 502 and caught.value.code == "E043"
    assert sleeps == [0.5, 1.0, 2.0]
    assert len(recorder.requests) == 4


def test_overlong_retry_after_gives_up_at_once() -> None:
    fetcher, recorder, sleeps = make_fetcher(lambda request: httpx.Response(429, headers={"Retry-After": "86400"}))
    with pytest.raises(HttpStatusError, match="429"):
        fetcher.get("https://news.example/")
    assert sleeps == [] and len(recorder.requests) == 1


def test_client_errors_are_not_retried() -> None:
    fetcher, recorder, sleeps = make_fetcher(lambda request: httpx.Response(404))
    with pytest.raises(HttpStatusError, match="404; check the URL"):
        fetcher.get("https://news.example/missing")
    assert sleeps == [] and len(recorder.requests) == 1


def test_connection_errors_are_retried_then_fetch_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)
    fetcher, recorder, sleeps = make_fetcher(refuse, retries=2)
    with pytest.raises(FetchError, match="ConnectError"):
        fetcher.get("https://news.example/")
    assert len(recorder.requests) == 3 and len(sleeps) == 2


def test_timeouts_become_fetch_timeout() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)
    fetcher, _, _ = make_fetcher(slow, retries=1, timeout=3.0)
    with pytest.raises(FetchTimeout, match="within 3 s"):
        fetcher.get("https://news.example/")


def test_recovers_after_a_timeout() -> None:
    calls = iter([True, False])

    def flaky(request: httpx.Request) -> httpx.Response:
        if next(calls):
            raise httpx.ConnectTimeout("timed out", request=request)
        return ok(request)
    fetcher, _, sleeps = make_fetcher(flaky)
    assert fetcher.get("https://news.example/").status == 200
    assert sleeps == [0.5]


def test_gigantic_body_stops_at_the_cap() -> None:
    produced: list[int] = []

    def endless() -> object:
        for _ in range(10_000):
            produced.append(1)
            yield b"x" * 1024

    fetcher, _, _ = make_fetcher(lambda request: httpx.Response(200, content=endless()), max_bytes=10 * 1024)
    with pytest.raises(TooLarge, match="limit of 10240 bytes"):
        fetcher.get("https://news.example/huge")
    assert len(produced) <= 12


def test_declared_content_length_over_cap_is_refused_up_front() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": str(10**12)}, content=iter([b"x"]))
    fetcher, _, _ = make_fetcher(answer, max_bytes=1024)
    with pytest.raises(TooLarge, match="declares"):
        fetcher.get("https://news.example/huge")


def test_body_exactly_at_cap_is_fine() -> None:
    fetcher, _, _ = make_fetcher(lambda request: httpx.Response(200, content=b"x" * 100), max_bytes=100)
    assert len(fetcher.get("https://news.example/").body) == 100


def test_truncated_body_is_a_fetch_error() -> None:
    def cut() -> object:
        yield b"<html>half a page"
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    fetcher, recorder, _ = make_fetcher(lambda request: httpx.Response(200, content=cut()), retries=1)
    with pytest.raises(FetchError, match="RemoteProtocolError"):
        fetcher.get("https://news.example/")
    assert len(recorder.requests) == 2


def test_invalid_url() -> None:
    fetcher, _, _ = make_fetcher(ok)
    with pytest.raises(FetchError):
        fetcher.get("http://")


def test_crawl_checks_robots_and_caches_per_host() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: dyadwatch\nDisallow: /private/\n")
        return ok(request)
    fetcher, recorder, _ = make_fetcher(answer)
    fetcher.get("https://news.example/a", crawl=True)
    fetcher.get("https://news.example/b", crawl=True)
    with pytest.raises(RobotsDisallowed, match="disallows"):
        fetcher.get("https://news.example/private/c", crawl=True)
    paths = [r.url.path for r in recorder.requests]
    assert paths == ["/robots.txt", "/a", "/b"]
    fetcher.get("https://news.example/private/c")  # crawl=False: robots not consulted


def test_crawl_checks_robots_of_each_redirect_target() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        url = logical_url(request)
        if url == "https://mirror.example/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /\n")
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if url == "https://news.example/a":
            return httpx.Response(301, headers={"Location": "https://mirror.example/b"})
        return ok(request)
    fetcher, _, _ = make_fetcher(answer)
    with pytest.raises(RobotsDisallowed, match="mirror.example"):
        fetcher.get("https://news.example/a", crawl=True)


def test_respect_robots_off() -> None:
    fetcher, recorder, _ = make_fetcher(ok, respect_robots=False)
    fetcher.get("https://news.example/a", crawl=True)
    assert [r.url.path for r in recorder.requests] == ["/a"]


def test_context_manager_closes() -> None:
    fetcher, _, _ = make_fetcher(ok)
    with fetcher as same:
        assert same is fetcher
    assert fetcher._client.is_closed
