"""Which addresses may be contacted, and how a request is pinned to the address that was checked."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

import httpx

from dyadwatch.net.errors import BlockedAddress, FetchError

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def system_resolver(host: str, port: int) -> list[str]:
    """Addresses of a host from the system resolver (getaddrinfo), in its order, without repeats."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def parse_address(text: str) -> IPAddress | None:
    """The IP address a string spells (an IPv6 zone id dropped), or None when it is not one."""
    try:
        return ipaddress.ip_address(text.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def is_forbidden(address: IPAddress) -> bool:
    """Whether an address is not on the public internet (IPv4-mapped IPv6 judged by its IPv4 part)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        address.is_private or address.is_loopback or address.is_link_local or address.is_reserved
        or address.is_multicast or address.is_unspecified or not address.is_global
    )


def resolve_checked(host: str, port: int, resolver: Resolver, *, allow_private: bool) -> str:
    """The address to connect to for host: every address it resolves to must be allowed."""
    literal = parse_address(host)
    if literal is not None:
        addresses = [literal]
    else:
        addresses = _resolve(host, port, resolver)
    if not allow_private:
        for address in addresses:
            if is_forbidden(address):
                raise BlockedAddress(
                    f"{host} resolves to {address}, a private, loopback, link-local or reserved address; "
                    "dyadwatch only fetches from the public internet (set allow_private to fetch from a local network)"
                )
    return str(addresses[0])


def _resolve(host: str, port: int, resolver: Resolver) -> list[IPAddress]:
    try:
        answers = resolver(host, port)
    except (OSError, UnicodeError) as error:
        raise FetchError(f"cannot resolve {host}: {error}; check the host name and the network") from None
    addresses = [parse_address(answer) for answer in answers]
    if not addresses or any(address is None for address in addresses):
        raise FetchError(f"cannot resolve {host}: no usable address in {answers!r}; check the host name")
    return [address for address in addresses if address is not None]


def pinned_request(url: httpx.URL, address: str, headers: dict[str, str]) -> httpx.Request:
    """A GET for url sent to the checked address: Host header and TLS SNI keep the original host name."""
    host = url.raw_host.decode("ascii")
    extensions = {"sni_hostname": host} if url.scheme == "https" and parse_address(host) is None else {}
    return httpx.Request(
        "GET", url.copy_with(host=address), headers={**headers, "Host": url.netloc.decode("ascii")},
        extensions=extensions,
    )
