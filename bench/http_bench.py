"""Command latency through the real HTTP path, the constant-answer floor, cold start and memory.

    .venv/bin/python bench/http_bench.py /tmp/nb-1k.db /tmp/nb-100k.db [--requests 200]

For each store: starts ``newsbot run --http`` on 127.0.0.1 (its Web API pointed at a local
fake), sends signed slash commands (/brief, /quotes, /rivals, answered through response_url)
and DMs (answered with chat.postMessage), one at a time, and times each from the request to
the answer's arrival at the fake: p50/p95/p99. Then the same for a Bolt app on the same stack
answering a constant (bench/floor_app.py). Also: cold start (process start to its first
answer) and the server's peak memory (VmHWM) after the run.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.fake_api import FakeApi  # noqa: E402
from bench.synth import TOPICS, world  # noqa: E402

SECRET = "bench-signing-secret-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def signed(body: str) -> dict:
    ts = str(int(time.time()))
    sig = hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={sig}"}


def post(port: int, body: str, content_type: str) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events",
        data=body.encode(),
        headers={"Content-Type": content_type, **signed(body)},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


def requests(n: int, seed: int = 3):
    rng = random.Random(seed)
    w = world()
    for i in range(n):
        company = rng.choice(w.companies[:10] if rng.random() < 0.6 else w.companies)
        person = rng.choice(w.people)
        kind = i % 4
        if kind == 3:
            yield "dm", f"who competes with {company}?"
        else:
            yield ["/brief", "/quotes", "/rivals"][kind], [rng.choice(TOPICS), person[0], company][kind]


def one(port: int, fake: FakeApi, i: int, kind: str, text: str) -> float:
    start = time.perf_counter()
    if kind == "dm":
        channel = f"D{i}"
        event = {
            "type": "message",
            "channel_type": "im",
            "user": "U1",
            "text": text,
            "ts": f"{i}.1",
            "channel": channel,
        }
        body = json.dumps({"type": "event_callback", "event_id": f"Ev{i}", "team_id": "T1", "event": event})
        post(port, body, "application/json")
        arrived = fake.wait(f"post:{channel}")
    else:
        fields = {"command": kind, "text": text, "channel_id": "C1", "user_id": "U1", "team_id": "T1"}
        fields["response_url"] = f"{fake.url}/response/{i}"
        post(port, urlencode(fields), "application/x-www-form-urlencoded")
        arrived = fake.wait(f"/response/{i}")
    return (arrived - start) * 1000


def serve(command: list[str], env: dict, port: int) -> subprocess.Popen:
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read()) from None
            time.sleep(0.01)
    process.kill()
    raise RuntimeError("server did not start")


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(command: list[str], store: str | None, n: int) -> dict:
    fake = FakeApi()
    port = free_port()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": f"{fake.url}/api/",
        "NEWSBOT_LOG_LEVEL": "WARNING",
    }
    if store:
        env["NEWSBOT_DB"] = store
    started = time.perf_counter()
    process = serve([*command, str(port)] if store is None else [*command, "--port", str(port)], env, port)
    try:
        cold = one(port, fake, -1, "/rivals", "Acme") + (time.perf_counter() - started) * 0  # first answer
        cold_total = (time.perf_counter() - started) * 1000
        for i, (kind, text) in enumerate(requests(30)):  # warm-up
            one(port, fake, 10_000 + i, kind, text)
        samples: dict[str, list[float]] = {}
        for i, (kind, text) in enumerate(requests(n)):
            samples.setdefault(kind, []).append(one(port, fake, i, kind, text))
        memory = peak_memory_mb(process.pid)
    finally:
        process.terminate()
        process.wait(10)
        fake.close()
    every = [x for xs in samples.values() for x in xs]
    return {"all": every, "by": samples, "cold_ms": cold_total, "first_answer_ms": cold, "memory_mb": memory}


def pcts(xs: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(xs, n=100, method="inclusive")
    return q[49], q[94], q[98]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="+")
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    python = sys.executable
    floor = measure([python, str(ROOT / "bench" / "floor_app.py")], None, args.requests)
    f = pcts(floor["all"])
    print(f"floor (Bolt + uvicorn, constant answer): p50 {f[0]:.2f}  p95 {f[1]:.2f}  p99 {f[2]:.2f} ms")
    for store in args.stores:
        result = measure([python, "-m", "bot.cli", "run", "--http", "--host", "127.0.0.1"], store, args.requests)
        a = pcts(result["all"])
        print(
            f"{store}: p50 {a[0]:.2f}  p95 {a[1]:.2f}  p99 {a[2]:.2f} ms  (p99 {a[2] / f[2]:.2f}x the floor)"
            f"  cold start to first answer {result['cold_ms']:.0f} ms  peak memory {result['memory_mb']:.0f} MB"
        )
        for kind, xs in sorted(result["by"].items()):
            k = pcts(xs)
            print(f"    {kind:8} p50 {k[0]:.2f}  p95 {k[1]:.2f}  p99 {k[2]:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
