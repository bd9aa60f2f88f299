"""A local web server on 127.0.0.1 serving pages and feeds the tests write, with ETags,
redirects, errors, slow answers, compression and TLS. Nothing leaves the machine: host names
are answered by a table the tests fill, and any other name fails without a DNS query."""

from __future__ import annotations

import gzip
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.fetch.addresses import Policy

LOOPBACK = Policy(allow_loopback=True, timeout=2.0, deadline=5.0, max_bytes=1_000_000)

_real_getaddrinfo = socket.getaddrinfo


def _numeric(host) -> bool:
    try:
        ipaddress.ip_address(host.decode() if isinstance(host, bytes) else host)
    except ValueError:
        return False
    return True


class Names:
    """Name look-ups for tests: each name the tests map answers with its addresses (a list,
    or a function of the look-up count); every other name fails as an unknown host. Numeric
    addresses are passed through with AI_NUMERICHOST, which never queries DNS."""

    def __init__(self):
        self.table: dict[str, object] = {}
        self.asked: list[str] = []
        self.hold: dict[str, threading.Event] = {}  # a look-up of the name waits for its event
        self.answered: list[str] = []

    def getaddrinfo(self, host, port, family=0, type=0, proto=0, flags=0):
        if host is None or _numeric(host):
            return _real_getaddrinfo(host, port, family, type, proto, flags | socket.AI_NUMERICHOST)
        name = host.decode() if isinstance(host, bytes) else host
        self.asked.append(name)
        if name in self.hold:
            self.hold[name].wait(10)
        answer = self.table.get(name.lower())
        if callable(answer):
            answer = answer(self.asked.count(name))
        if not answer:
            raise socket.gaierror(socket.EAI_NONAME, f"{name} is not resolved in tests")
        infos = []
        for ip in answer:
            infos += _real_getaddrinfo(ip, port, family, type, proto, flags | socket.AI_NUMERICHOST)
        self.answered.append(name)
        return infos


def offline(monkeypatch) -> Names:
    names = Names()
    monkeypatch.setattr(socket, "getaddrinfo", names.getaddrinfo)
    return names


@pytest.fixture(autouse=True)
def names(monkeypatch) -> Names:
    """Every test here resolves names through the table, never through DNS."""
    return offline(monkeypatch)


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # before the answer
    hold: threading.Event | None = None  # the connection is held open, unanswered, until it is set
    drip: float = 0.0  # between each byte of the body
    etag: str | None = None
    last_modified: str | None = None
    chunked: bool = False
    encoding: str | None = None  # "gzip", "deflate" (zlib) or "raw-deflate"; sent as Content-Encoding


def _encode(body: bytes, encoding: str | None) -> bytes:
    if encoding == "gzip":
        return gzip.compress(body)
    if encoding == "deflate":
        return zlib.compress(body)
    if encoding == "raw-deflate":
        packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        return packer.compress(body) + packer.flush()
    return body


class Site:
    def __init__(self, tls: tuple[str, str] | None = None):
        self.routes: dict[str, Route] = {}
        self.hits: list[tuple[str, dict]] = []
        self.sni: list[str | None] = []
        self.sent: dict[str, int] = {}  # bytes of a dripped body written before the client left
        self.in_flight = self.most_in_flight = 0  # requests being answered at once
        lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                with lock:
                    site.in_flight += 1
                    site.most_in_flight = max(site.most_in_flight, site.in_flight)
                try:
                    self.answer()
                finally:
                    with lock:
                        site.in_flight -= 1

            def answer(self):
                site.hits.append((self.path, dict(self.headers)))
                route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                if route is None:
                    route = Route(b"not here", 404, "text/plain")
                if route.delay:
                    time.sleep(route.delay)
                if route.hold is not None:
                    route.hold.wait(60)
                fresh = (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                    route.last_modified
                    and not route.etag
                    and self.headers.get("If-Modified-Since") == route.last_modified
                )
                if fresh:
                    self.send_response(304)
                    if route.etag:
                        self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = _encode(route.body, route.encoding)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.encoding:
                    self.send_header("Content-Encoding", "deflate" if "deflate" in route.encoding else route.encoding)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                if route.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for i in range(0, len(body), 65536):
                        chunk = body[i : i + 65536]
                        self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if route.drip:
                    site.sent[self.path] = 0
                    try:
                        for i in range(len(body)):
                            self.wfile.write(body[i : i + 1])
                            self.wfile.flush()
                            site.sent[self.path] = i + 1
                            time.sleep(route.drip)
                    except OSError:
                        pass  # the client gave up
                    return
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda request, address: None  # a client hanging up early is expected
        self.scheme = "http"
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            context.sni_callback = lambda _sock, name, _ctx: self.sni.append(name)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            self.scheme = "https"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def page(
        self, path: str, title: str, *paragraphs: str, date: str | None = "2026-05-01", canonical: str | None = None
    ) -> str:
        meta = f'<meta property="article:published_time" content="{date}">' if date else ""
        if canonical:
            meta += f'<link rel="canonical" href="{canonical}">'
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        head = f"<head><title>{title}</title>{meta}</head>"
        html = f"<html>{head}<body><article><h1>{title}</h1>{body}</article></body></html>"
        self.routes[path] = Route(html.encode())
        return self.url(path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture(scope="session")
def certificate(tmp_path_factory) -> tuple[str, str]:
    """A self-signed certificate for news.test (made with the openssl command), and its key."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2"
    command += " -subj /CN=news.test -addext subjectAltName=DNS:news.test"
    subprocess.run(
        [*command.split(), "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return str(cert), str(key)


@pytest.fixture
def tls_site(certificate):
    s = Site(tls=certificate)
    yield s
    s.close()


STORY = (
    "Acme Inc said on Monday it had agreed a partnership with Globex Corp to build phones that run for a week.",
    '"We have wanted to work with Globex for years and this is only the start," said Jane Roe,'
    " chief executive of Acme.",
    "Analysts said the deal would put pressure on rivals such as Initech, which sells phones in the same markets.",
)
