"""Command latency through the real HTTP path, the constant-answer floor, cold start and memory.

    .venv/bin/python bench/http_bench.py /tmp/nb-100k.db [more stores] [--runs 5] [--requests 400]
        [--interleave] [--resident]

Each run starts, for each store and one after the other on the same machine, the floor and
then ``newsbot run --http`` on that store (so each store is compared with a floor measured
just before it), on 127.0.0.1 with the Web API at a local fake (``fake_api.py``), and sends
each the same fresh mix of signed requests, one at a time: /brief, /quotes and /rivals
(answered through response_url) and DMs "who competes with X?" (answered with
chat.postMessage), each timed from the request to the answer's arrival at the fake, with a
pause of --gap-ms before each request so that the previous answer's listener (which goes on
after the answer arrived: reading the fake's reply) has finished. The requests are distinct,
real questions (``bench/questions.py``): no request is sent twice in a run, its warm-up
included, and the first answer, which times the cold start, is /rivals of the most written-
about company, asked by no other request. With ``--interleave`` both servers run at once and
are asked in turn, request by request: the machine's drift in speed cancels out, but each
server then waits twice as long between its requests, and both answer slower: the floor's own
latency rises, and with it the floor the ratio is taken against (the ratio comes out lower
for that alone). The latency ratio is printed beside the server-CPU ratio, which neither the
machine's drift nor the other server's requests inflate much.

The floor (``floor_app.py``) is the same server stack (``bot.slack.server.serve``: uvicorn,
the server's own routes into Bolt, the same Web API client) and a Bolt app with the same commands and
message listener that answers a constant. Also measured: cold start (process start to its
first answer: a /rivals), the server's CPU time per request (user + system, from /proc: not
inflated by other processes, unlike wall-clock time on a shared machine) and its peak memory
(VmHWM) after the run. The servers run this checkout's modules (from the current directory: run it
from the checkout's root), compiled to bytecode first (``bytecode.py``), as an installed newsbot
has them; ``--source`` leaves them as they are (with ``PYTHONDONTWRITEBYTECODE`` set, every start
then compiles each module it imports: 0.15 to 0.3 s of a cold start).

With ``--resident`` the stores' files are held in memory for the whole run (``resident.py``):
the same figures without the reads from the disk that this machine's page-outs cause.

Prints each run, then the medians over runs of p50/p95/p99 (ms), of the p99 ratio to the
floor of the same run, of the cold start and of the peak memory.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
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

from bench.bytecode import compile_tree  # noqa: E402
from bench.fake_api import FakeApi  # noqa: E402
from bench.questions import draw  # noqa: E402
from bench.resident import resident  # noqa: E402
from bench.synth import world  # noqa: E402

SECRET = "bench-signing-secret-0123456789"
KINDS = ("/brief", "/quotes", "/rivals", "dm")


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


# the cold start's first answer: /rivals of the most written-about company (asked of no other request)
COLD = world().companies[0]
DRAWN = {"/brief": "/brief topic", "/quotes": "/quotes person", "/rivals": "/rivals", "dm": "who competes"}


def requests(n: int, seed: int = 3, *, warmup: int = 40) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """``warmup`` requests, then ``n`` others: distinct, real questions (``bench/questions.py``),
    the four kinds in turn: /brief on a topic, /quotes of a person, /rivals of a company, a DM
    "who competes with X?" (no company under both). No request is sent twice in a run."""
    per_kind = (n + warmup) // len(KINDS) + 2
    drawn = draw({DRAWN[kind]: per_kind for kind in KINDS}, seed)
    texts = {kind: [text for k, _command, text in drawn if k == DRAWN[kind] and COLD not in text] for kind in KINDS}
    out = [(kind, texts[kind][i // len(KINDS)]) for i in range(n + warmup) for kind in [KINDS[i % len(KINDS)]]]
    return out[:warmup], out[warmup:]


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
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read()) from None
            time.sleep(0.005)
    process.kill()
    raise RuntimeError("server did not start")


def cpu_seconds(pid: int) -> float:
    """The process's CPU time so far (user + system, all threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Server:
    """One server under test, with its own fake Web API: started (cold start timed to its first
    answer), warmed up, asked, then stopped with its CPU time and peak memory read."""

    def __init__(self, command: list[str], store: str | None, warmup: list[tuple[str, str]]):
        self.fake = FakeApi()
        self.port = free_port()
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": f"{self.fake.url}/api/",
            "NEWSBOT_LOG_LEVEL": "WARNING",
        }
        if store:
            env["NEWSBOT_DB"] = store
        started = time.perf_counter()
        port = str(self.port)
        try:
            self.process = serve([*command, port] if store is None else [*command, "--port", port], env, self.port)
        except BaseException:
            self.fake.close()
            raise
        self.ask(-1, "/rivals", COLD)  # the first answer: a real one
        self.cold_ms = (time.perf_counter() - started) * 1000
        for i, (kind, text) in enumerate(warmup):
            self.ask(100_000 + i, kind, text)
        self.samples: dict[str, list[float]] = {}
        self.cpu_before = cpu_seconds(self.process.pid)

    def ask(self, i: int, kind: str, text: str) -> float:
        return one(self.port, self.fake, i, kind, text)

    def sample(self, i: int, kind: str, text: str, gap_ms: float) -> None:
        time.sleep(gap_ms / 1000)  # the previous answer's listener finishes: one request at a time
        self.samples.setdefault(kind, []).append(self.ask(i, kind, text))

    def stop(self, requests_sent: int) -> dict:
        try:
            cpu_ms = (cpu_seconds(self.process.pid) - self.cpu_before) * 1000 / requests_sent
            memory = peak_memory_mb(self.process.pid)
        finally:
            self.process.terminate()
            self.process.wait(10)
            self.fake.close()
        every = [x for xs in self.samples.values() for x in xs]
        return {"all": every, "by": self.samples, "cold_ms": self.cold_ms, "memory_mb": memory, "cpu_ms": cpu_ms}


def asked(servers: list[Server], mix: list[tuple[str, str]], gap_ms: float) -> list[dict]:
    """Every request of ``mix`` sent to each of ``servers`` in turn (which goes first alternates
    every four requests, so each kind of request goes first as often as last); then each server
    stopped, whatever happened, and its figures returned."""
    try:
        for i, (kind, text) in enumerate(mix):
            for server in servers if i // len(KINDS) % 2 == 0 else servers[::-1]:
                server.sample(i, kind, text, gap_ms)
    finally:
        results = [server.stop(len(mix)) for server in servers]
    return results


def measure_pair(
    floor_cmd: list[str],
    bot_cmd: list[str],
    store: str,
    requests: tuple[list[tuple[str, str]], list[tuple[str, str]]],
    gap_ms: float,
    interleave: bool,
) -> tuple[dict, dict]:
    """The floor and newsbot on ``store`` warmed up and asked the same ``requests`` (warm-up,
    mix): both at once, request by request in turn (``interleave``), or the floor alone and
    then newsbot alone."""
    warmup, mix = requests
    if not interleave:
        (floor,) = asked([Server(floor_cmd, None, warmup)], mix, gap_ms)
        (bot,) = asked([Server(bot_cmd, store, warmup)], mix, gap_ms)
        return floor, bot
    floor = Server(floor_cmd, None, warmup)
    try:
        bot = Server(bot_cmd, store, warmup)
    except BaseException:
        floor.stop(1)
        raise
    floor_result, bot_result = asked([floor, bot], mix, gap_ms)
    return floor_result, bot_result


def pcts(xs: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(xs, n=100, method="inclusive")
    return q[49], q[94], q[98]


def fmt(p: tuple[float, float, float]) -> str:
    return f"p50 {p[0]:6.2f}  p95 {p[1]:6.2f}  p99 {p[2]:6.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="+")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=400, help="requests per run and server")
    parser.add_argument("--gap-ms", type=float, default=5.0, help="pause before each request")
    parser.add_argument(
        "--interleave",
        action="store_true",
        help="ask the floor and newsbot in turn, request by request (default: the floor's requests, then newsbot's)",
    )
    parser.add_argument(
        "--resident", action="store_true", help="hold the stores' files in memory during the runs (see resident.py)"
    )
    parser.add_argument("--source", action="store_true", help="do not compile the modules to bytecode first")
    args = parser.parse_args()
    if not args.source:
        compile_tree(ROOT)
    if args.resident:
        with resident(args.stores) as how:
            print(f"stores held in memory ({how}) during the runs", flush=True)
            return run(args)
    return run(args)


def run(args) -> int:
    python = sys.executable
    floor_cmd = [python, str(ROOT / "bench" / "floor_app.py")]
    bot_cmd = [python, "-m", "bot.cli", "run", "--http", "--host", "127.0.0.1"]
    results: dict[str, list[dict]] = {s: [] for s in args.stores}
    floors: dict[str, list[dict]] = {s: [] for s in args.stores}
    how = "in turn, request by request" if args.interleave else "the floor first, then newsbot"
    print(f"each store against its own floor, {how}", flush=True)
    for run in range(args.runs):
        mix = requests(args.requests, seed=run + 1)  # (warm-up, measured)
        for store in args.stores:
            floor, r = measure_pair(floor_cmd, bot_cmd, store, mix, args.gap_ms, args.interleave)
            r["ratio"] = pcts(r["all"])[2] / pcts(floor["all"])[2]
            r["cpu_ratio"] = r["cpu_ms"] / floor["cpu_ms"]
            floors[store].append(floor)
            results[store].append(r)
            print(
                f"run {run + 1}: floor {fmt(pcts(floor['all']))}  server CPU {floor['cpu_ms']:.2f} ms/request",
                flush=True,
            )
            print(
                f"run {run + 1}: {store} {fmt(pcts(r['all']))}  ({r['ratio']:.2f}x the floor's p99)"
                f"  server CPU {r['cpu_ms']:.2f} ms/request ({r['cpu_ratio']:.2f}x the floor's)"
                f"  cold start {r['cold_ms']:.0f} ms  peak {r['memory_mb']:.0f} MB",
                flush=True,
            )

    def med(runs: list[dict], pick) -> tuple[float, ...]:
        ps = [pick(r) for r in runs]
        return tuple(statistics.median(p[i] for p in ps) for i in range(len(ps[0])))

    n = args.runs
    print(f"\nmedians over {n} runs of {args.requests} requests each (one at a time):")
    for store in args.stores:
        runs, floor_runs = results[store], floors[store]
        ratio = statistics.median(r["ratio"] for r in runs)
        cold = statistics.median(r["cold_ms"] for r in runs)
        memory = statistics.median(r["memory_mb"] for r in runs)
        cpu = statistics.median(r["cpu_ms"] for r in runs)
        floor_cpu = statistics.median(r["cpu_ms"] for r in floor_runs)
        cpu_ratio = statistics.median(r["cpu_ratio"] for r in runs)
        print(
            f"  floor (same stack, constant answer)  {fmt(med(floor_runs, lambda r: pcts(r['all'])))}"
            f"  server CPU {floor_cpu:.2f} ms/request"
        )
        print(
            f"  {store}  {fmt(med(runs, lambda r: pcts(r['all'])))}  p99 {ratio:.2f}x the floor's,"
            f" server CPU {cpu_ratio:.2f}x the floor's ({cpu:.2f} ms/request)"
            f"  cold start {cold:.0f} ms  peak memory {memory:.0f} MB (max {max(r['memory_mb'] for r in runs):.0f})"
        )
        for kind in KINDS:
            floor_kind = med(floor_runs, lambda r: pcts(r["by"][kind]))  # noqa: B023
            mine = med(runs, lambda r: pcts(r["by"][kind]))  # noqa: B023
            print(f"    {kind:8} {fmt(mine)}   floor {fmt(floor_kind)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
