"""A local web server on 127.0.0.1 serving pages and feeds the tests write, with ETags,
redirects, errors and slow answers. Nothing leaves the machine."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.fetch.http import Policy

LOOPBACK = Policy(allow_loopback=True, timeout=2.0, deadline=5.0, max_bytes=1_000_000)


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    etag: str | None = None
    chunked: bool = False


class Site:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.hits: list[tuple[str, dict]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                site.hits.append((self.path, dict(self.headers)))
                route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                if route is None:
                    route = Route(b"not here", 404, "text/plain")
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                if route.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for i in range(0, len(route.body), 65536):
                        chunk = route.body[i : i + 65536]
                        self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                    return
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def page(self, path: str, title: str, *paragraphs: str, date: str | None = "2026-05-01") -> str:
        meta = f'<meta property="article:published_time" content="{date}">' if date else ""
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        head = f"<head><title>{title}</title>{meta}</head>"
        html = f"<html>{head}<body><article><h1>{title}</h1>{body}</article></body></html>"
        self.routes[path] = Route(html.encode())
        return self.url(path)


@pytest.fixture
def site():
    s = Site()
    yield s
    s.server.shutdown()


STORY = (
    "Acme Inc said on Monday it had agreed a partnership with Globex Corp to build phones that run for a week.",
    '"We have wanted to work with Globex for years and this is only the start," said Jane Roe,'
    " chief executive of Acme.",
    "Analysts said the deal would put pressure on rivals such as Initech, which sells phones in the same markets.",
)
