"""Errors of network fetching (codes E040–E047); each message says what to do."""

from __future__ import annotations

from dyadwatch.errors import DyadwatchError


class FetchError(DyadwatchError):
    """A URL could not be fetched: network failure, refused address, bad status, oversized body."""

    code = "E040"


class BlockedAddress(FetchError):
    """The host resolves to an address dyadwatch never connects to (private, loopback, link-local, …)."""

    code = "E041"


class TooLarge(FetchError):
    """The response body is over the fetch policy's max_bytes."""

    code = "E042"


class HttpStatusError(FetchError):
    """The server answered 4xx or 5xx (after the retries allowed for 429 and 5xx)."""

    code = "E043"

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class FetchTimeout(FetchError):
    """The server did not answer within the policy's timeout, on every attempt."""

    code = "E044"


class RobotsDisallowed(FetchError):
    """The site's robots.txt does not allow dyadwatch to fetch this URL."""

    code = "E045"


class TooManyRedirects(FetchError):
    """A redirect chain longer than the policy's max_redirects."""

    code = "E046"


class UnsupportedScheme(FetchError):
    """A URL whose scheme is not http or https."""

    code = "E047"
