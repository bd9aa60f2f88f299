"""A minimal Slack Web API double for benchmarks: answers at once and notes when each answer
arrived (response_url posts by path, chat.postMessage by channel). Loopback only.

An answer's arrival is the moment its request line and headers have been read; the waiting
side blocks on a condition (no polling that would compete for the GIL)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl


class FakeApi:
    def __init__(self, *, per_channel_interval: float = 0.0):
        self.arrivals: dict[str, float] = {}
        self.posts: dict[str, int] = {}
        self.periods: dict[tuple[str, str], int] = {}  # digests posted, by (channel, period) in their metadata
        self.rejected = 0
        self.per_channel_interval = per_channel_interval  # Slack: about one message a second per channel
        self._last: dict[str, float] = {}
        self.lock = threading.Lock()
        self.arrived = threading.Condition(self.lock)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def wait(self, key: str, timeout: float = 10.0) -> float:
        """When the answer ``key`` arrived (``time.perf_counter()``), waiting for it if need be."""
        deadline = time.monotonic() + timeout
        with self.arrived:
            while key not in self.arrivals:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(key)
                self.arrived.wait(left)
            return self.arrivals.pop(key)

    def _arrive(self, key: str, at: float) -> None:
        with self.arrived:
            self.arrivals[key] = at
            self.arrived.notify_all()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                now = time.perf_counter()
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                body = json.loads(raw) if "json" in (self.headers.get("Content-Type") or "") else dict(parse_qsl(raw))
                status, answer = 200, {"ok": True}
                if self.path.startswith("/response/"):
                    fake._arrive(self.path, now)
                elif self.path.endswith("/auth.test"):
                    answer = {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1"}
                elif self.path.endswith("/chat.postMessage"):
                    channel = body.get("channel", "")
                    with fake.lock:
                        wait = fake._last.get(channel, -1e9) + fake.per_channel_interval - now
                        if wait > 0:
                            status, answer = 429, {"ok": False, "error": "ratelimited"}
                            fake.rejected += 1
                        else:
                            fake._last[channel] = now
                            fake.posts[channel] = fake.posts.get(channel, 0) + 1
                            period = ((body.get("metadata") or {}).get("event_payload") or {}).get("period")
                            if period:
                                fake.periods[(channel, period)] = fake.periods.get((channel, period), 0) + 1
                            answer = {"ok": True, "channel": channel, "ts": f"{time.time():.6f}"}
                    if status == 200:
                        fake._arrive(f"post:{channel}", now)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                if status == 429:
                    self.send_header("Retry-After", "1")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
