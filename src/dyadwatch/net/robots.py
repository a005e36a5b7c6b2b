"""robots.txt: fetched through the Fetcher, parsed by urllib.robotparser, cached per scheme and host."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from dyadwatch.net.errors import FetchError, HttpStatusError

MAX_ROBOTS_BYTES = 512 * 1024
"""Most of a robots.txt that is read; Google reads 500 KiB."""

RobotsFetch = Callable[[str], bytes]
"""Fetches the body of a robots.txt URL; raises FetchError (HttpStatusError for a status) on failure."""


class RobotsCache:
    """Whether a URL may be crawled, with one robots.txt fetch per scheme and host per run."""

    def __init__(self, fetch: RobotsFetch, user_agent: str) -> None:
        self._fetch = fetch
        self._user_agent = user_agent
        self._parsers: dict[str, RobotFileParser | FetchError] = {}

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's site lets our user agent fetch it.

        When robots.txt could not be fetched at all (no answer, blocked address), that FetchError is raised
        again for every URL of the site.
        """
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}".lower()
        if site not in self._parsers:
            self._parsers[site] = self._load(f"{site}/robots.txt")
        parser = self._parsers[site]
        if isinstance(parser, FetchError):
            raise parser
        return parser.can_fetch(self._user_agent, url)

    def _load(self, robots_url: str) -> RobotFileParser | FetchError:
        """Missing or 4xx robots.txt allows everything, 5xx disallows everything; other failures are kept."""
        parser = RobotFileParser(robots_url)
        try:
            body = self._fetch(robots_url)
        except HttpStatusError as error:
            # RobotFileParser's own switches for "no robots.txt" and "robots.txt unavailable"
            if error.status < 500:
                parser.allow_all = True  # type: ignore[attr-defined]
            else:
                parser.disallow_all = True  # type: ignore[attr-defined]
            return parser
        except FetchError as error:
            return error
        parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser
