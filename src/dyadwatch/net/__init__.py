"""Network access: one guarded HTTP client (`Fetcher`) for everything that reaches the network."""

from dyadwatch.net.client import Fetcher, FetchPolicy, FetchResult
from dyadwatch.net.errors import (
    BlockedAddress,
    FetchError,
    FetchTimeout,
    HttpStatusError,
    RobotsDisallowed,
    TooLarge,
    TooManyRedirects,
    UnsupportedScheme,
)
from dyadwatch.net.guard import is_forbidden, system_resolver

__all__ = [
    "BlockedAddress", "FetchError", "FetchPolicy", "FetchResult", "FetchTimeout", "Fetcher", "HttpStatusError",
    "RobotsDisallowed", "TooLarge", "TooManyRedirects", "UnsupportedScheme", "is_forbidden", "system_resolver",
]
