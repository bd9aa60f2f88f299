"""Safe fetching: schemes, private addresses (redirects included), sizes, timeouts."""

import pytest

from bot.fetch.http import FetchError, Policy, _check_address, fetch
from bot.fetch.links import canonical
from tests.fetch.conftest import LOOPBACK, Route


@pytest.mark.parametrize(
    "url", ["ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "example.com/x", ""]
)
def test_only_http_and_https(url):
    with pytest.raises(FetchError, match="not an http"):
        fetch(url, LOOPBACK)


def test_loopback_is_refused_unless_allowed(site):
    site.routes["/a"] = Route(b"<html>hi</html>")
    with pytest.raises(FetchError, match="private, loopback or reserved"):
        fetch(site.url("/a"), Policy())
    assert site.hits == []
    assert fetch(site.url("/a"), LOOPBACK).body == b"<html>hi</html>"


@pytest.mark.parametrize(
    "ip", ["10.1.2.3", "192.168.0.1", "172.16.5.5", "169.254.169.254", "::1", "fe80::1", "::ffff:10.0.0.1", "0.0.0.0"]
)
def test_private_link_local_and_mapped_addresses_are_refused(ip):
    with pytest.raises(FetchError):
        _check_address(ip, Policy())
    if ip not in ("::1",):
        with pytest.raises(FetchError):  # allowing loopback allows nothing else
            _check_address(ip, LOOPBACK)


def test_public_addresses_pass_the_check():
    _check_address("93.184.216.34", Policy())
    _check_address("2606:2800:220:1::", Policy())


def test_redirects_are_followed_and_each_hop_checked(site):
    site.routes["/old"] = Route(b"", 301, headers={"Location": "/new"})
    site.routes["/new"] = Route(b"<html>moved</html>")
    response = fetch(site.url("/old"), LOOPBACK)
    assert response.body == b"<html>moved</html>" and response.url.endswith("/new")
    site.routes["/evil"] = Route(b"", 302, headers={"Location": "http://169.254.169.254/latest/meta-data"})
    with pytest.raises(FetchError, match="private, loopback or reserved"):
        fetch(site.url("/evil"), LOOPBACK)


def test_redirect_loops_stop(site):
    site.routes["/loop"] = Route(b"", 302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(site.url("/loop"), LOOPBACK)


def test_a_ten_megabyte_page_is_refused_declared_or_not(site):
    big = b"x" * 10_000_000
    site.routes["/big"] = Route(big)
    site.routes["/big-chunked"] = Route(big, chunked=True)
    for path in ("/big", "/big-chunked"):
        with pytest.raises(FetchError, match="too large"):
            fetch(site.url(path), LOOPBACK)


def test_slow_answers_time_out(site):
    site.routes["/slow"] = Route(b"late", delay=1.5)
    with pytest.raises(FetchError, match="timed out"):
        fetch(site.url("/slow"), Policy(allow_loopback=True, timeout=0.3, deadline=1.0))


def test_an_unreachable_host_says_so():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nobody listens there
    with pytest.raises(FetchError, match="unreachable"):
        fetch(f"http://127.0.0.1:{port}/", LOOPBACK)
    with pytest.raises(FetchError, match="unreachable"):
        fetch("http://no-such-host.invalid/", LOOPBACK)


def test_the_user_agent_is_clear(site):
    site.routes["/ua"] = Route(b"ok")
    fetch(site.url("/ua"), LOOPBACK)
    assert site.hits[0][1]["User-Agent"].startswith("newsbot/")


def test_canonical_links():
    assert canonical("HTTPS://Example.com:443/a/b/?utm_source=x&b=2&a=1#top") == "https://example.com/a/b?a=1&b=2"
    assert canonical("http://example.com") == "http://example.com/"
    assert canonical("http://example.com:8080/x?fbclid=1") == "http://example.com:8080/x"
