"""Address checks and request pinning."""

from __future__ import annotations

import httpx
import pytest

from dyadwatch.net import BlockedAddress, FetchError
from dyadwatch.net.guard import is_forbidden, parse_address, pinned_request, resolve_checked
from dyadwatch.net.testing import FakeDNS


@pytest.mark.parametrize("text", [
    "127.0.0.1", "10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1",
    "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.5", "::ffff:169.254.169.254", "fe80::1%eth0",
])
def test_forbidden_addresses(text: str) -> None:
    address = parse_address(text)
    assert address is not None and is_forbidden(address)


@pytest.mark.parametrize("text", ["203.0.113.10", "8.8.8.8", "2a00:1450:4001::1", "::ffff:8.8.8.8"])
def test_public_addresses(text: str) -> None:
    # documentation ranges (203.0.113/24, 2001:db8::/32) are not global; 8.8.8.8 and Google's v6 are
    address = parse_address(text)
    assert address is not None
    assert is_forbidden(address) is (text == "203.0.113.10")


@pytest.mark.parametrize("answer", [["10.0.0.5"], ["::1"], ["169.254.169.254"], ["8.8.8.8", "127.0.0.1"]])
def test_any_forbidden_answer_blocks(answer: list[str]) -> None:
    dns = FakeDNS({"inside.example": answer})
    with pytest.raises(BlockedAddress, match="inside.example resolves to"):
        resolve_checked("inside.example", 443, dns, allow_private=False)


def test_allow_private_lets_it_through() -> None:
    dns = FakeDNS({"inside.example": ["10.0.0.5"]})
    assert resolve_checked("inside.example", 80, dns, allow_private=True) == "10.0.0.5"


def test_ip_literal_is_checked_without_dns() -> None:
    dns = FakeDNS()
    with pytest.raises(BlockedAddress):
        resolve_checked("127.0.0.1", 80, dns, allow_private=False)
    assert dns.asked == []


def test_unresolvable_host() -> None:
    with pytest.raises(FetchError, match="cannot resolve nowhere.example"):
        resolve_checked("nowhere.example", 80, FakeDNS(), allow_private=True)


def test_garbage_dns_answer() -> None:
    with pytest.raises(FetchError, match="no usable address"):
        resolve_checked("odd.example", 80, FakeDNS({"odd.example": ["not-an-ip"]}), allow_private=True)


def test_pinned_request_keeps_host_and_sni() -> None:
    request = pinned_request(httpx.URL("https://news.example:8443/a?b=1"), "8.8.8.8", {"User-Agent": "t"})
    assert str(request.url) == "https://8.8.8.8:8443/a?b=1"
    assert request.headers["host"] == "news.example:8443"
    assert request.extensions["sni_hostname"] == "news.example"


def test_pinned_request_ipv6_and_plain_http() -> None:
    request = pinned_request(httpx.URL("http://wire.example/x"), "2a00:1450:4001::1", {})
    assert str(request.url) == "http://[2a00:1450:4001::1]/x"
    assert request.headers["host"] == "wire.example"
    assert "sni_hostname" not in request.extensions
