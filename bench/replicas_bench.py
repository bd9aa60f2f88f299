"""Replicas on PostgreSQL: commands through three replicas behind a round-robin client, against
one SQLite process on the same store content; and 10,000 digests due at once with a replica
killed mid-run.

    .venv/bin/python bench/replicas_bench.py commands --pg /tmp/nb-pg --pg-db bench100k \\
        --sqlite /tmp/nb-100k.db [--requests 400] [--runs 3]
    .venv/bin/python bench/replicas_bench.py digests --pg /tmp/nb-pg [--workspaces 1000] [--channels-per 10] \\
        [--kill-at 3000]
    .venv/bin/python bench/replicas_bench.py digests --sqlite [--workspaces 1000]

``commands``: both stores built by ``build_store.py`` with the same articles (``--pg`` the
folder of the PostgreSQL server ``bench/pg.py`` keeps, ``--pg-db`` its database). Three
``newsbot run --http`` replicas on the PostgreSQL store and one on the SQLite file, each on
127.0.0.1, the Web API a local fake (``fake_api.py``). The mix of ``http_bench.py`` (/brief,
/quotes, /rivals through response_url, and DMs answered with chat.postMessage), one request at
a time, each timed from the request to its answer at the fake: request i goes to replica
i mod 3 (round robin), and then the same request to the SQLite process, so both see the same
machine. Prints p50/p95/p99 of each, per run and the medians over runs.

``digests``: a fresh database of 200 articles (``--sqlite``: an SQLite file and one process, for
comparison), ``--workspaces`` workspaces installed by OAuth (each an installation with a bot
token of its own) with ``--channels-per`` channels each, every channel subscribed to a digest
due at the same minute; three replicas in OAuth mode started before it
(``NEWSBOT_WORKER_TIMEOUT``: ``--timeout``), the Web API the tests' strict fake (posts kept,
channel history readable, as a replica that takes over an unsure run reads it), which also
refuses a post made with another workspace's token than the channel's (``channel_not_found``,
as Slack would: the digest would then be paused, and missing here). When ``--kill-at`` digests
have been posted, one replica is killed (SIGKILL); the other two go on and take its claims over
once it has been silent for the timeout. Prints the time from the due minute to the last
digest posted, posts per second, and checks that each channel got exactly one digest, with
its workspace's token, and that the ledger says posted for each.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import tempfile
import time
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
warnings.simplefilter("ignore")  # pgserver's platformdirs, when XDG_RUNTIME_DIR is unset

from bench.fake_api import FakeApi  # noqa: E402
from bench.http_bench import SECRET, fmt, one, pcts, requests  # noqa: E402
from bench.pg import database, server  # noqa: E402
from bench.synth import article, world  # noqa: E402
from storage import iso, open_store  # noqa: E402
from tests.replicas import Replica  # noqa: E402

REPLICAS = 3


def commands(args) -> int:
    pg = server(args.pg)
    url = database(pg, args.pg_db)
    counts = {"postgresql": open_store(url).article_count(), "sqlite": open_store(args.sqlite).article_count()}
    print(f"stores: {counts}", flush=True)
    if counts["postgresql"] != counts["sqlite"]:
        print("the two stores differ: build both with build_store.py and the same N", file=sys.stderr)
        return 1
    fake = FakeApi()
    api = f"{fake.url}/api/"
    runs: dict[str, list[list[float]]] = {"postgresql": [], "sqlite": []}
    by_kind: dict[str, dict[str, list[float]]] = {"postgresql": {}, "sqlite": {}}
    # request numbers (and so event ids) no earlier run used: the replicas remember the events
    # they answered, in the store, for an hour, and would take a number again for a retry
    base = secrets.randbelow(10**9) * 10**6
    replicas = [Replica(url, api, SLACK_SIGNING_SECRET=SECRET) for _ in range(REPLICAS)]
    single = Replica(str(args.sqlite), api, SLACK_SIGNING_SECRET=SECRET)
    try:
        warm, _ = requests(0, seed=0, warmup=40 * REPLICAS)  # warm-up: each replica 40
        for i, (kind, text) in enumerate(warm):
            one(replicas[i % REPLICAS].port, fake, base + 200_000 + i, kind, text)
            one(single.port, fake, base + 300_000 + i, kind, text)
        request = 0
        for run in range(args.runs):
            _, mix = requests(args.requests, seed=run + 1, warmup=0)
            taken = {"postgresql": [], "sqlite": []}
            for kind, text in mix:
                for name, port in (("postgresql", replicas[request % REPLICAS].port), ("sqlite", single.port)):
                    time.sleep(args.gap_ms / 1000)
                    ms = one(port, fake, base + request * 2 + (name == "sqlite"), kind, text)
                    taken[name].append(ms)
                    by_kind[name].setdefault(kind, []).append(ms)
                request += 1
            for name, xs in taken.items():
                runs[name].append(xs)
                print(f"run {run + 1}: {name:10} {fmt(pcts(xs))}", flush=True)
    finally:
        for replica in [*replicas, single]:
            replica.stop()
        fake.close()
    print(f"\nmedians over {args.runs} runs of {args.requests} requests (one at a time):")
    for name, label in (("postgresql", "3 replicas on PostgreSQL, round robin"), ("sqlite", "1 process on SQLite")):
        ps = [pcts(xs) for xs in runs[name]]
        med = tuple(statistics.median(p[i] for p in ps) for i in range(3))
        print(f"  {label:40} {fmt(med)}")
    print("\nby kind, all runs:")
    for name in ("postgresql", "sqlite"):
        for kind, xs in sorted(by_kind[name].items()):
            print(f"  {name:10} {kind:8} {fmt(pcts(xs))}")
    return 0


def digests(args) -> int:
    from tests.digest.strict_slack import make_strict
    from tests.slack.fake_slack import CLIENT_ID, CLIENT_SECRET, start_fake_slack

    if args.sqlite:  # the same on one SQLite process, for comparison (no replica to kill)
        url = str(Path(tempfile.mkdtemp(prefix="digests-")) / "digests.db")
        args.replicas, args.kill_at = 1, None
    else:
        url = database(server(args.pg), "digests", fresh=True)
        if args.kill_at <= 0:
            args.kill_at = None
    store = open_store(url)
    w = world()
    store.save_articles(
        [(ex, {"source": ex.source, "content_hash": f"h{n}"}) for n, ex in ((n, article(w, n)) for n in range(200))]
    )
    now = datetime.now(UTC)
    due = (now + timedelta(seconds=60 + args.lead)).replace(second=0, microsecond=0)
    teams = [f"T{w:04d}" for w in range(args.workspaces)]
    owner = {f"C{w:04d}{c:02d}": team for w, team in enumerate(teams) for c in range(args.channels_per)}
    if not teams:  # one workspace, its bot token in the settings: --channels-per channels
        owner = {f"C{c:05d}": None for c in range(args.channels_per)}
    channels = sorted(owner)
    fake = make_strict(start_fake_slack())
    fake.server.socket.listen(1024)  # a deeper backlog than http.server's 5: Slack does not reset connections
    wrong: list[str] = []
    if teams:
        checking(fake, owner, wrong)
    with store.transaction():
        for team in teams:
            token = f"xoxb-{team}-{secrets.token_hex(6)}"
            fake.tokens[token] = team
            store.installations.save({"team_id": team, "bot_token": token, "bot_user_id": f"UBOT{team}"})
        for channel in channels:
            store.digests.subscribe(
                channel, schedule="daily", at=due.strftime("%H:%M"), zone="UTC", now=iso(now), team=owner[channel]
            )
    log = Path(tempfile.mkdtemp(prefix="replicas-")) / "replicas.log"
    print(
        f"{len(channels)} digests in {len(teams)} workspaces due at {due:%H:%M:%S} UTC; replicas' log: {log}",
        flush=True,
    )
    started = time.monotonic()
    oauth = {"SLACK_BOT_TOKEN": "", "SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": CLIENT_SECRET} if teams else {}
    replicas: list[Replica] = []
    try:  # on a loaded machine a replica may take a while to start: the others are stopped if one fails
        for _ in range(args.replicas):
            replicas.append(
                Replica(url, fake.base_url, worker_timeout=args.timeout, log=log, start_timeout=300, **oauth)
            )
    except BaseException:
        for replica in replicas:
            replica.kill()
        raise
    print(f"{args.replicas} processes up in {time.monotonic() - started:.1f} s", flush=True)
    if datetime.now(UTC) >= due:
        for replica in replicas:
            replica.kill()
        print("the processes started after the due minute: run again with a longer --lead", file=sys.stderr)
        return 1

    def posted() -> dict[str, int]:
        messages = dict(fake.messages)  # a copy in one step (the fake's threads add to it)
        return {
            c: sum(1 for m in list(ms) if (m.get("metadata") or {}).get("event_type") == "newsbot_digest")
            for c, ms in messages.items()
        }

    killed_at = None
    last_count, last_change = 0, time.monotonic()
    try:
        while datetime.now(UTC) < due:
            time.sleep(0.05)
        t0 = time.monotonic()
        while True:
            counts = posted()
            done = sum(1 for c in channels if counts.get(c))
            if killed_at is None and args.kill_at is not None and done >= args.kill_at:
                replicas[0].kill()
                killed_at = (time.monotonic() - t0, done)
                print(f"killed one replica at {killed_at[0]:.1f} s, {done} posted", flush=True)
            if done != last_count:
                last_count, last_change = done, time.monotonic()
            if done == len(channels):
                break
            if time.monotonic() - last_change > args.timeout * 4 + 120:
                print(f"stalled at {done} posted", file=sys.stderr)
                break
            time.sleep(0.02)
        elapsed = time.monotonic() - t0
        # the ledger settles (runs the killed replica held are taken over and marked)
        deadline = time.monotonic() + args.timeout * 4 + 120
        while store.query("SELECT 1 FROM digest_runs WHERE status = 'claimed' LIMIT 1") and time.monotonic() < deadline:
            time.sleep(0.5)
    finally:
        for replica in replicas:
            replica.stop()
    counts = posted()
    twice = [c for c in channels if counts.get(c, 0) > 1]
    missing = [c for c in channels if not counts.get(c)]
    statuses: dict[str, int] = {}
    for row in store.query("SELECT status, count(*) AS n FROM digest_runs GROUP BY status"):
        statuses[row["status"]] = row["n"]
    calls = len(fake.of("chat.postMessage"))
    histories = len(fake.of("conversations.history"))
    print(
        f"{len(channels) - len(missing)} of {len(channels)} posted in {elapsed:.1f} s from the due minute"
        f" ({(len(channels) - len(missing)) / elapsed:.0f}/s); twice: {len(twice)}, missing: {len(missing)};"
        f" chat.postMessage calls {calls}, with another workspace's token {len(wrong)}, history reads {histories};"
        f" ledger {statuses}"
    )
    fake.close()
    store.close()
    return 0 if not twice and not missing and not wrong and statuses.get("posted") == len(channels) else 1


def checking(fake, owner: dict[str, str], wrong: list[str]) -> None:
    """Make ``fake`` refuse a post or a history read with a token not of the channel's workspace
    (``owner``: channel -> team), as Slack does, and note the channel in ``wrong``."""
    base = fake.server.RequestHandlerClass

    class Checked(base):
        @staticmethod
        def _default(call):
            channel = call.body.get("channel")
            if call.method in ("chat.postMessage", "conversations.history") and channel in owner:
                token = fake.token_of(call)
                if fake.tokens.get(token) != owner[channel]:
                    wrong.append(channel)
                    return {"ok": False, "error": "channel_not_found"}
            return base._default(call)

    fake.server.RequestHandlerClass = Checked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("commands")
    p.add_argument("--pg", required=True, help="the folder of the benchmarks' PostgreSQL server (bench/pg.py)")
    p.add_argument("--pg-db", required=True, help="its database built by build_store.py --pg")
    p.add_argument("--sqlite", required=True, help="the SQLite store built by build_store.py with the same N")
    p.add_argument("--requests", type=int, default=400)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--gap-ms", type=float, default=5.0)
    p.set_defaults(func=commands)
    p = sub.add_parser("digests")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--pg", help="the folder of the benchmarks' PostgreSQL server")
    where.add_argument("--sqlite", action="store_true", help="one process on a new SQLite file instead")
    p.add_argument("--replicas", type=int, default=REPLICAS)
    p.add_argument("--workspaces", type=int, default=1_000, help="0: one workspace, its token in the settings")
    p.add_argument("--channels-per", type=int, default=10, help="channels of each workspace")
    p.add_argument("--kill-at", type=int, default=3_000, help="kill a replica when this many are posted (0: none)")
    p.add_argument("--timeout", type=float, default=30.0, help="NEWSBOT_WORKER_TIMEOUT of the replicas")
    p.add_argument("--lead", type=float, default=30.0, help="seconds at least between now and the due minute")
    p.set_defaults(func=digests)
    args = parser.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
