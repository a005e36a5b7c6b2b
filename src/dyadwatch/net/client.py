"""The one HTTP client of dyadwatch: address checks on every redirect hop, retries, size caps, robots.txt."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType, TracebackType

import httpx

from dyadwatch.net.errors import (
    FetchError,
    FetchTimeout,
    HttpStatusError,
    RobotsDisallowed,
    TooLarge,
    TooManyRedirects,
    UnsupportedScheme,
)
from dyadwatch.net.guard import Resolver, pinned_request, resolve_checked, system_resolver
from dyadwatch.net.robots import MAX_ROBOTS_BYTES, RobotsCache

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_RETRY_AFTER = 120.0
"""Longest Retry-After (seconds) that is waited for; a longer one ends the fetch at once."""

_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class FetchPolicy:
    """How the Fetcher behaves: limits, retries, identity and what it may contact."""

    timeout: float = 20.0
    max_bytes: int = 20 * 1024 * 1024
    retries: int = 3
    backoff: float = 0.5
    max_redirects: int = 5
    user_agent: str = "dyadwatch/0.1 (media monitoring; +https://dyadwatch.example/bot)"
    allow_private: bool = False
    respect_robots: bool = True


@dataclass(frozen=True)
class FetchResult:
    """A successful (non-error, non-redirect) response; content_type is the bare media type, lower-case."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    body: bytes
    headers: Mapping[str, str]


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: httpx.Headers
    body: bytes


class Fetcher:
    """GETs URLs from the public internet, never from private addresses, one request per redirect hop."""

    def __init__(
        self,
        policy: FetchPolicy = FetchPolicy(),
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy
        self._client = httpx.Client(
            transport=transport, follow_redirects=False, trust_env=False, timeout=policy.timeout,
        )
        self._resolver = resolver or system_resolver
        self._sleep = sleep
        self._robots = RobotsCache(self._robots_body, policy.user_agent)

    def get(self, url: str, *, crawl: bool = False) -> FetchResult:
        """Fetch url, following redirects; with crawl=True each hop must be allowed by robots.txt."""
        return self._get(url, crawl=crawl, max_bytes=self.policy.max_bytes, truncate=False)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _get(self, url: str, *, crawl: bool, max_bytes: int, truncate: bool) -> FetchResult:
        current = _web_url(url)
        for _ in range(self.policy.max_redirects + 1):
            if crawl and self.policy.respect_robots and not self._robots.allowed(str(current)):
                raise RobotsDisallowed(
                    f"robots.txt of {current.host} disallows {current} (a robots.txt answering 5xx disallows "
                    "the whole site for this run); leave this URL out or try again later"
                )
            answer = self._hop(current, max_bytes, truncate)
            location = answer.headers.get("location")
            if answer.status in REDIRECT_STATUSES:
                if not location:
                    raise FetchError(f"{current} answered HTTP {answer.status} without a Location to follow")
                current = _redirect_target(current, location)
                continue
            return FetchResult(
                url=url, final_url=str(current), status=answer.status,
                content_type=_media_type(answer.headers.get("content-type")),
                body=answer.body, headers=MappingProxyType(dict(answer.headers.items())),
            )
        raise TooManyRedirects(
            f"{url} redirects more than {self.policy.max_redirects} times; fetch the final URL directly"
        )

    def _hop(self, url: httpx.URL, max_bytes: int, truncate: bool) -> _Answer:
        """One request (with retries) to the address the URL's host was checked to resolve to."""
        host = url.raw_host.decode("ascii")
        port = url.port or _DEFAULT_PORTS[url.scheme]
        address = resolve_checked(host, port, self._resolver, allow_private=self.policy.allow_private)
        request = pinned_request(url, address, {"User-Agent": self.policy.user_agent})
        delay = 0.0
        for attempt in range(self.policy.retries + 1):
            if attempt:
                self._sleep(delay)
            wait = 0.0
            try:
                answer = self._send(request, url, max_bytes, truncate)
            except httpx.TimeoutException:
                failure: FetchError = FetchTimeout(
                    f"{url} did not answer within {self.policy.timeout:g} s; try again later or raise the timeout"
                )
            except httpx.HTTPError as error:
                failure = FetchError(f"{url}: {type(error).__name__}: {error or 'connection failed'}; try again later")
            else:
                if answer.status != 429 and answer.status < 500:
                    return _checked_status(answer, url)
                failure = _status_error(answer.status, url)
                wait = _retry_after(answer.headers, failure)
            delay = max(self.policy.backoff * 2**attempt, wait)
        raise failure

    def _send(self, request: httpx.Request, url: httpx.URL, max_bytes: int, truncate: bool) -> _Answer:
        response = self._client.send(request, stream=True)
        try:
            if response.status_code in REDIRECT_STATUSES or response.status_code >= 400:
                return _Answer(response.status_code, response.headers, b"")
            body = _read_body(response, url, max_bytes, truncate)
            return _Answer(response.status_code, response.headers, body)
        finally:
            response.close()

    def _robots_body(self, robots_url: str) -> bytes:
        return self._get(robots_url, crawl=False, max_bytes=MAX_ROBOTS_BYTES, truncate=True).body


def _web_url(url: str) -> httpx.URL:
    """The URL parsed; only absolute http(s) URLs with a host pass."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as error:
        raise FetchError(f"{url!r} is not a valid URL: {error}; check it") from None
    if parsed.scheme not in _DEFAULT_PORTS:
        raise UnsupportedScheme(f"{url!r}: only http and https URLs can be fetched, not {parsed.scheme or 'none'!r}")
    if not parsed.raw_host:
        raise FetchError(f"{url!r} has no host; give an absolute URL such as https://news.example/article")
    return parsed


def _redirect_target(current: httpx.URL, location: str) -> httpx.URL:
    try:
        target = current.join(location)
    except httpx.InvalidURL as error:
        raise FetchError(f"{current} redirects to an invalid URL {location!r}: {error}") from None
    return _web_url(str(target))


def _read_body(response: httpx.Response, url: httpx.URL, max_bytes: int, truncate: bool) -> bytes:
    """The decoded body, read in chunks; TooLarge (or a cut, when truncate) past max_bytes."""
    declared = response.headers.get("content-length", "")
    if not truncate and declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(url, max_bytes, f"declares {int(declared)} bytes, more")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            if truncate:
                return b"".join(chunks)[:max_bytes]
            raise _too_large(url, max_bytes, "is longer")
    return b"".join(chunks)


def _too_large(url: httpx.URL, max_bytes: int, what: str) -> TooLarge:
    return TooLarge(f"{url} {what} than the limit of {max_bytes} bytes; raise max_bytes to fetch it")


def _checked_status(answer: _Answer, url: httpx.URL) -> _Answer:
    """The answer when it is not a client error (which is not retried)."""
    if answer.status >= 400 and answer.status not in REDIRECT_STATUSES:
        raise _status_error(answer.status, url)
    return answer


def _status_error(status: int, url: httpx.URL) -> HttpStatusError:
    advice = "the server failed or is overloaded; try again later" if status >= 500 or status == 429 else "check the URL"
    return HttpStatusError(f"{url} answered HTTP {status}; {advice}", status)


def _retry_after(headers: httpx.Headers, failure: FetchError) -> float:
    """Seconds the server asks to wait (Retry-After in seconds); raises failure when that is too long."""
    value = headers.get("retry-after", "").strip()
    if not value.isdigit():
        return 0.0
    seconds = float(value)
    if seconds > MAX_RETRY_AFTER:
        raise failure
    return seconds


def _media_type(value: str | None) -> str | None:
    """text/html from 'text/html; charset=utf-8'; None when absent."""
    if not value:
        return None
    media = value.split(";", 1)[0].strip().lower()
    return media or None
