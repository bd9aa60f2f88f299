"""Safe fetching: schemes, private addresses (redirects included), sizes, timeouts."""

import threading

import pytest

from bot.fetch.addresses import FetchError, Policy
from bot.fetch.addresses import check_address as _check_address
from bot.fetch.http import fetch
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


# -- what the first version missed ---------------------------------------------------------


@pytest.mark.parametrize(
    "ip",
    [
        "100.64.0.1",  # shared address space (carrier-grade NAT)
        "224.0.0.1",  # multicast
        "ff02::1",
        "fd00::1",  # IPv6 unique local
        "fc00::1",
        "::ffff:127.0.0.1",  # IPv4-mapped loopback, refused without the loopback setting
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254
        "255.255.255.255",
        "192.0.2.1",  # documentation
    ],
)
def test_every_kind_of_non_public_address_is_refused(ip):
    with pytest.raises(FetchError, match="refused"):
        _check_address(ip, Policy())


def test_allowing_private_addresses_still_refuses_multicast_and_unspecified():
    _check_address("10.0.0.1", Policy(allow_private=True))
    _check_address("fd00::1", Policy(allow_private=True))
    for ip in ("0.0.0.0", "224.0.0.1", "::"):
        with pytest.raises(FetchError, match="refused"):
            _check_address(ip, Policy(allow_private=True))


def test_nat64_of_a_public_address_is_public():
    _check_address("64:ff9b::5db8:d822", Policy())  # 93.184.216.34


def test_a_name_is_refused_when_any_of_its_addresses_is_private(site, names):
    names.table["mixed.test"] = ["127.0.0.1", "10.0.0.7"]
    site.routes["/a"] = Route(b"hi")
    with pytest.raises(FetchError, match=r"mixed\.test resolves to a private") as refused:
        fetch(site.url("/a", host="mixed.test"), LOOPBACK)
    assert "10.0.0.7" not in str(refused.value) and "127.0.0.1" not in str(refused.value)
    assert site.hits == []


def test_the_connection_goes_to_the_address_that_was_checked(site, names):
    """A name looked up once per hop: a second answer (here a private one) is never used."""
    names.table["rebind.test"] = lambda count: ["127.0.0.1"] if count == 1 else ["10.0.0.7"]
    site.routes["/a"] = Route(b"hi")
    response = fetch(site.url("/a", host="rebind.test"), LOOPBACK)
    assert response.body == b"hi"
    assert names.asked == ["rebind.test"]
    assert site.hits[0][1]["Host"] == f"rebind.test:{site.port}"


def test_a_redirect_to_a_name_on_a_private_network_is_refused(site, names):
    names.table["intranet.test"] = ["192.168.1.10"]
    site.routes["/go"] = Route(b"", 302, headers={"Location": "http://intranet.test/admin"})
    with pytest.raises(FetchError, match="private, loopback or reserved"):
        fetch(site.url("/go"), LOOPBACK)


@pytest.mark.parametrize("location", ["file:///etc/passwd", "gopher://127.0.0.1:70/", "http://user:pw@127.0.0.1/"])
def test_a_redirect_to_another_scheme_or_to_credentials_is_refused(site, location):
    site.routes["/go"] = Route(b"", 302, headers={"Location": location})
    with pytest.raises(FetchError, match="refused") as caught:
        fetch(site.url("/go"), LOOPBACK)
    assert "pw" not in str(caught.value)
    assert [path for path, _ in site.hits] == ["/go"]


def test_links_with_credentials_are_refused_and_the_password_never_shown(site):
    site.routes["/a"] = Route(b"hi")
    url = site.url("/a").replace("://", "://alice:s3cret@")
    with pytest.raises(FetchError, match="user name or password") as caught:
        fetch(url, LOOPBACK)
    assert "s3cret" not in str(caught.value)
    assert site.hits == []


@pytest.mark.parametrize("url", ["http://127.0.0.1:99999/", "http://127.0.0.1:port/", "http://[::1/"])
def test_invalid_links_get_a_message_not_a_crash(url):
    with pytest.raises(FetchError, match="refused"):
        fetch(url, LOOPBACK)


def test_a_server_trickling_its_answer_is_cut_off_at_the_deadline(site):
    """Each byte arrives well within the read timeout, but the whole fetch has a deadline."""
    site.routes["/drip"] = Route(b"x" * 200, drip=0.02)  # four seconds in all
    with pytest.raises(FetchError, match="timed out"):
        fetch(site.url("/drip"), Policy(allow_loopback=True, timeout=1.0, deadline=0.5))
    assert site.sent["/drip"] < 200  # it gave up mid-answer instead of waiting for all of it


def test_a_slow_name_look_up_counts_against_the_deadline(site, names):
    names.table["slow.test"] = ["127.0.0.1"]
    names.hold["slow.test"] = threading.Event()
    site.routes["/a"] = Route(b"hi")
    with pytest.raises(FetchError, match="timed out"):
        fetch(site.url("/a", host="slow.test"), Policy(allow_loopback=True, timeout=1.0, deadline=0.3))
    assert names.answered == []  # the fetch gave up while the look-up was still waiting
    names.hold["slow.test"].set()
    assert site.hits == []


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
def test_compressed_answers_are_decompressed(site, encoding):
    site.routes["/z"] = Route(b"<html>" + b"news " * 1000 + b"</html>", encoding=encoding)
    response = fetch(site.url("/z"), LOOPBACK)
    assert response.body == b"<html>" + b"news " * 1000 + b"</html>"
    assert "gzip" in site.hits[0][1]["Accept-Encoding"]


def test_a_compression_bomb_is_refused_at_the_limit(site):
    site.routes["/bomb"] = Route(b"\0" * 20_000_000, encoding="gzip")  # about 20 kB on the wire
    with pytest.raises(FetchError, match="too large"):
        fetch(site.url("/bomb"), LOOPBACK)


def test_an_unknown_content_encoding_is_refused(site):
    site.routes["/br"] = Route(b"\x1b\x00", headers={"Content-Encoding": "br"})
    with pytest.raises(FetchError, match="unsupported content encoding"):
        fetch(site.url("/br"), LOOPBACK)


def test_charsets_from_the_header_the_meta_tag_or_neither(site):
    latin = "<html><head><meta charset='iso-8859-1'></head><body>café</body></html>".encode("latin-1")
    site.routes["/meta"] = Route(latin, content_type="text/html")
    site.routes["/header"] = Route("<p>naïve</p>".encode("cp1252"), content_type="text/html; charset=windows-1252")
    site.routes["/bogus"] = Route("<p>café</p>".encode(), content_type="text/html; charset=no-such-charset")
    site.routes["/none"] = Route("<p>café</p>".encode("latin-1"), content_type="text/html")
    assert "café" in fetch(site.url("/meta"), LOOPBACK).text
    assert "naïve" in fetch(site.url("/header"), LOOPBACK).text
    assert "café" in fetch(site.url("/bogus"), LOOPBACK).text
    assert "café" in fetch(site.url("/none"), LOOPBACK).text


def test_https_to_the_pinned_address_verifies_the_certificate_against_the_name(tls_site, names, certificate):
    names.table["news.test"] = ["127.0.0.1"]
    names.table["other.test"] = ["127.0.0.1"]
    tls_site.routes["/a"] = Route(b"secure")
    trusting = Policy(allow_loopback=True, timeout=2.0, deadline=5.0, cafile=certificate[0])

    response = fetch(tls_site.url("/a", host="news.test"), trusting)
    assert response.body == b"secure"
    assert tls_site.sni == ["news.test"]  # SNI carries the name, though the socket went to 127.0.0.1

    with pytest.raises(FetchError, match=r"certificate is not valid \(Hostname mismatch"):
        fetch(tls_site.url("/a", host="other.test"), trusting)  # same address, the wrong name
    with pytest.raises(FetchError, match="certificate is not valid"):
        fetch(tls_site.url("/a"), trusting)  # the bare address is not in the certificate
    with pytest.raises(FetchError, match="certificate is not valid"):
        fetch(tls_site.url("/a", host="news.test"), LOOPBACK)  # the system does not trust it
    assert [path for path, _ in tls_site.hits] == ["/a"]


def test_spaces_in_a_link_are_quoted_not_sent_raw(site):
    site.routes["/a%20b"] = Route(b"spaced")
    assert fetch(site.url("/a b"), LOOPBACK).body == b"spaced"


def test_canonical_links_keep_what_names_the_story():
    assert canonical("http://x.test/a?ref_id=1") != canonical("http://x.test/a?ref_id=2")
    assert canonical("http://x.test/a?region=eu&utm_campaign=z") == "http://x.test/a?region=eu"
    assert canonical("http://x.test:443/a") == "http://x.test:443/a"  # 443 is not http's default
    assert canonical("https://x.test:443/a") == "https://x.test/a"
    assert canonical("http://[::1]:8080/a/") == "http://[::1]:8080/a"
    assert canonical("http://x.test:port/a")  # no crash on a bad port
    assert canonical("http://user:pw@x.test/a") == "http://x.test/a"


def test_clean_links_drop_only_tracking_fragment_and_credentials():
    from bot.fetch.links import clean

    assert clean("https://x.test/a/?id=7&utm_source=rss&fbclid=1#c") == "https://x.test/a/?id=7"
    assert clean("https://bob:pw@x.test/a") == "https://x.test/a"


def test_no_test_here_can_reach_dns(names):
    import socket

    for name in ("example.com", "localhost", "no-such-host.invalid"):
        with pytest.raises(socket.gaierror):
            socket.getaddrinfo(name, 80)
    assert names.answered == []
