"""Whether slow work starves the listeners: how long Slack waits for its acknowledgement.

    .venv/bin/python bench/ack_bench.py [--burst 1000] [--hold 40] [--only slow-add,slow-feeds,burst]

Each scenario starts its own ``newsbot run --http`` on a store built from the seeds, with the
Web API at a local fake (``fake_api.py``, in a process of its own, so that its work does not
compete with this one's) and a local site whose pages hold their connection open for
``--hold`` seconds before answering:

- slow-add: five ``/brief add`` of such pages at once, then a ``/rivals``: the time to its
  acknowledgement (the HTTP answer to Slack's request) and to its answer (at the fake);
- slow-feeds: the same after five ``/digest feeds add`` of feeds (answered at once) whose eight
  entries' pages each hold their connection open;
- burst: ``--burst`` commands (/rivals, /brief, /quotes) sent at once: how many were
  acknowledged later than Slack's three seconds, the slowest, and when the last answer came;
  ``--latency`` makes the fake take that long over each answer, as Slack does.

A measurement, not a test: run it once, on a quiet machine.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
SECRET = "bench-signing-secret-0123456789"
SLACK = 3.0  # seconds Slack waits for an acknowledgement
DRIP = 2.0

FAKE = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from bench.fake_api import FakeApi
fake = FakeApi()
latency = float(sys.argv[2])  # as Slack takes to take an answer


def arrive(key, at):
    sys.stdout.write(f"{key} {time.monotonic()}\n")
    sys.stdout.flush()
    time.sleep(latency)


fake._arrive = arrive
print(fake.url, flush=True)
sys.stdin.read()
"""


class Fake:
    """``fake_api.FakeApi`` in a process of its own; arrivals (monotonic, comparable across
    processes on Linux) read from its output."""

    def __init__(self, latency: float = 0.0):
        self.process = subprocess.Popen(
            [sys.executable, "-c", FAKE, str(ROOT), str(latency)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.url = self.process.stdout.readline().strip()
        if not self.url:
            raise RuntimeError("the fake Web API did not start")
        self.arrivals: dict[str, float] = {}
        self.arrived = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            key, at = line.split()
            with self.arrived:
                self.arrivals[key] = float(at)
                self.arrived.notify_all()

    def wait(self, key: str, timeout: float) -> float | None:
        with self.arrived:
            self.arrived.wait_for(lambda: key in self.arrivals, timeout)
            return self.arrivals.get(key)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(10)


class SlowSite:
    """Pages under ``/slow/`` send their headers, then a byte every ``DRIP`` seconds for ``hold``
    seconds (or until released): each read is within the bot's read timeout, so only its deadline
    for the whole fetch ends it. ``/feed/N`` is a feed, answered at once, of eight entries
    linking such pages."""

    def __init__(self, hold: float):
        self.release = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                if self.path.startswith("/feed/"):
                    items = "".join(
                        f"<item><title>{i}</title><link>{site.url}/slow{self.path}/{i}</link></item>" for i in range(8)
                    )
                    body = f"<rss version='2.0'><channel><title>slow</title>{items}</channel></rss>".encode()
                    kind = "application/rss+xml"
                else:
                    try:
                        self.send_response(200)
                        self.send_header("Content-Type", "text/html")
                        self.send_header("Content-Length", "100000")
                        self.end_headers()
                        until = time.monotonic() + hold
                        while time.monotonic() < until and not site.release.wait(DRIP):
                            self.wfile.write(b" ")
                            self.wfile.flush()
                    except OSError:
                        pass  # the bot gave up first
                    return
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the bot gave up first

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda *args: None
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def signed_request(port: int, fields: dict) -> bytes:
    body = urlencode(fields)
    ts = str(int(time.time()))
    sig = hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    head = (
        f"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"X-Slack-Request-Timestamp: {ts}\r\nX-Slack-Signature: v0={sig}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body.encode()


def command(fake: Fake, name: str, text: str, key: str) -> dict:
    return {
        "command": name,
        "text": text,
        "channel_id": "C1",
        "user_id": "U1",
        "team_id": "T1",
        "response_url": f"{fake.url}/response/{key}",
    }


async def _ask(port: int, request: bytes, start: float) -> tuple[float, int]:
    """(seconds from ``start`` to the HTTP answer, its status; 0 when the connection failed)."""
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(request)
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # Connection: close
        writer.close()
        status = int(status_line.split()[1]) if status_line else 0
    except OSError:
        status = 0
    return time.monotonic() - start, status


def ask(port: int, request: bytes) -> tuple[float, int]:
    return asyncio.run(_ask(port, request, time.monotonic()))


def burst(port: int, requests: list[bytes]) -> list[tuple[float, int]]:
    async def every():
        start = time.monotonic()
        return await asyncio.gather(*(_ask(port, r, start) for r in requests))

    return asyncio.run(every())


class Bot:
    def __init__(self, fake: Fake, db: Path):
        self.port = free_port()
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": f"{fake.url}/api/",
            "NEWSBOT_DB": str(db),
            "NEWSBOT_SEEDS": str(ROOT / "seeds"),
            "NEWSBOT_ALLOW_LOOPBACK_URLS": "1",
            "NEWSBOT_LOG_LEVEL": "ERROR",
        }
        command = [sys.executable, "-m", "bot.cli", "run", "--http", "--host", "127.0.0.1", "--port", str(self.port)]
        self.process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("newsbot did not start") from None
                time.sleep(0.05)

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def after_slow(bot: Bot, fake: Fake, slow: list[tuple[str, str]], label: str) -> None:
    def send(i: int) -> tuple[float, int]:
        return ask(bot.port, signed_request(bot.port, command(fake, *slow[i], f"{label}-{i}")))

    with ThreadPoolExecutor(len(slow)) as pool:
        acks = list(pool.map(send, range(len(slow))))
    print(f"{label}: the {len(slow)} slow commands acknowledged in {max(t for t, _ in acks):.2f} s at most")
    time.sleep(0.5)  # their work has begun
    sent = time.monotonic()
    took, status = ask(bot.port, signed_request(bot.port, command(fake, "/rivals", "Sony", f"{label}-rivals")))
    arrived = fake.wait(f"/response/{label}-rivals", 180)
    answer = f"{arrived - sent:.2f} s" if arrived else "not within 180 s"
    print(f"{label}: the next /rivals acknowledged in {took:.2f} s (HTTP {status}), answered in {answer}")


def burst_of(bot: Bot, fake: Fake, n: int, latency: float) -> None:
    kinds = [("/rivals", "Sony"), ("/brief", "Sony"), ("/quotes", "Nadella")]
    requests = [signed_request(bot.port, command(fake, *kinds[i % 3], f"burst-{i}")) for i in range(n)]
    start = time.monotonic()
    times = burst(bot.port, requests)
    arrivals = [fake.wait(f"/response/burst-{i}", max(0.0, start + 120 - time.monotonic())) for i in range(n)]
    answered = [at - start for at in arrivals if at is not None]
    late = sum(1 for t, status in times if t > SLACK or status != 200)
    failed = sum(1 for _t, status in times if status != 200)
    slowest, median = max(t for t, _ in times), sorted(t for t, _ in times)[len(times) // 2]
    print(
        f"burst: {n} commands at once (answers taken in {latency:g} s): {late} acknowledged later than"
        f" {SLACK:g} s or not at all ({failed} not HTTP 200); slowest {slowest:.2f} s, median {median:.2f} s;"
        f" {len(answered)} answered, the last after {max(answered, default=float('nan')):.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=1000)
    parser.add_argument("--hold", type=float, default=60.0, help="seconds a slow page holds its connection")
    parser.add_argument("--only", default="slow-add,slow-feeds,burst")
    parser.add_argument(
        "--latency", type=float, default=0.0, help="seconds the fake takes to take each answer (Slack: ~0.1)"
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    site = SlowSite(args.hold)
    fake = Fake(args.latency)
    try:
        with tempfile.TemporaryDirectory() as folder:
            for n, scenario in enumerate(["slow-add", "slow-feeds", "burst"]):
                if scenario not in only:
                    continue
                bot = Bot(fake, Path(folder) / f"{n}.db")
                try:
                    if scenario == "slow-add":
                        after_slow(bot, fake, [("/brief", f"add {site.url}/slow/page{i}") for i in range(5)], scenario)
                    elif scenario == "slow-feeds":
                        slow = [("/digest", f"feeds add {site.url}/feed/{i}") for i in range(5)]
                        after_slow(bot, fake, slow, scenario)
                    else:
                        burst_of(bot, fake, args.burst, args.latency)
                finally:
                    site.release.set()  # let the slow pages go before the bot stops
                    bot.close()
                    site.release.clear()
    finally:
        fake.close()
        site.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
