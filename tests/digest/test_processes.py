"""Real processes on one database: two racing schedulers, and a process killed (SIGKILL) at each
step of a run, then restarted. Checked against what the fake Web API holds and the ledger."""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest

from storage import open_store
from tests.conftest import ROOT
from tests.digest.conftest import CHANNEL, digest_posts, periods, subscribe, utc

FIRE = utc(2026, 6, 1, 7, 0)  # 08:00 in London (BST)
PERIOD = "2026-06-01"
STEPS = ["before_claim", "after_claim", "before_post", "after_post", "after_mark"]


def spawn(db_path, slack, now, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.digest.proc",
            "--db",
            str(db_path),
            "--api",
            slack.base_url,
            "--now",
            now.isoformat(),
        ]
        + [str(a) for a in args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc, timeout=120) -> dict:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def wait_for(path, proc, timeout=60):
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.01)


def test_two_processes_on_one_database_post_each_period_once(db_path, slack, clock, tmp_path):
    channels = [f"C{i:03d}" for i in range(40)]
    for channel in channels:
        subscribe(db_path, channel=channel)
    clock.now = FIRE
    go = tmp_path / "go"
    procs = [
        spawn(db_path, slack, FIRE, "--ready", tmp_path / f"ready{i}", "--go", go, "--fire", *channels)
        for i in range(2)
    ]
    try:
        for i, proc in enumerate(procs):
            wait_for(tmp_path / f"ready{i}", proc)
        go.write_text("go")
        results = [finish(proc) for proc in procs]
    finally:
        for proc in procs:
            proc.kill()
    for channel in channels:
        assert periods(slack, channel) == [PERIOD], channel
    assert len(slack.of("chat.postMessage")) == len(channels)
    store = open_store(db_path)
    runs = [store.digests.run_for(c, PERIOD) for c in channels]
    assert {r["status"] for r in runs} == {"posted"}
    posted_by = {r["claimed_by"] for r in runs}
    assert posted_by <= {r["worker"] for r in results}
    assert sum(r["outcomes"].count("posted") for r in results) == len(channels)


@pytest.mark.parametrize("step", STEPS)
def test_a_process_killed_at_each_step_then_restarted_posts_exactly_once(db_path, slack, clock, tmp_path, step):
    subscribe(db_path)
    clock.now = FIRE
    marker = tmp_path / "reached"
    proc = spawn(db_path, slack, FIRE, "--fire", CHANNEL, "--hang-at", step, "--marker", marker)
    try:
        wait_for(marker, proc)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    posts_when_killed = len(periods(slack))
    assert posts_when_killed == (1 if step in ("after_post", "after_mark") else 0)

    clock.now = FIRE + timedelta(minutes=10)
    finish(spawn(db_path, slack, clock.now))
    assert periods(slack) == [PERIOD]
    run = open_store(db_path).digests.run_for(CHANNEL, PERIOD)
    assert run["status"] == "posted" and run["ts"] == digest_posts(slack)[0]["ts"]


@pytest.mark.parametrize("step", ["before_post", "after_post"])
def test_a_process_frozen_past_its_claim_says_once_what_became_of_its_post(db_path, slack, clock, tmp_path, step):
    """Frozen (SIGSTOP) before or after posting, for longer than a claim lives: another process
    takes the run over and posts it (before_post) or finds the post and records it (after_post).
    When the frozen one resumes, the channel ends with one digest, and it logs one warning
    saying what became of its post; nothing in either case is an error."""
    subscribe(db_path)
    clock.now = FIRE
    marker, resume = tmp_path / "reached", tmp_path / "resume"
    frozen = spawn(db_path, slack, FIRE, "--fire", CHANNEL, "--pause-at", step, "--marker", marker, "--resume", resume)
    try:
        wait_for(marker, frozen)
        os.kill(frozen.pid, signal.SIGSTOP)
        resume.write_text("go")  # seen only when it runs again
        clock.now = FIRE + timedelta(minutes=3)  # its last heartbeat is three minutes old
        finish(spawn(db_path, slack, clock.now))
        assert periods(slack) == [PERIOD]
        clock.now += timedelta(seconds=5)
        os.kill(frozen.pid, signal.SIGCONT)
        _out, err = frozen.communicate(timeout=60)
    finally:
        frozen.kill()
    assert frozen.returncode == 0, err
    assert periods(slack) == [PERIOD]
    run = open_store(db_path).digests.run_for(CHANNEL, PERIOD)
    assert run["status"] == "posted" and run["ts"] == digest_posts(slack)[0]["ts"]
    said = [line for line in err.splitlines() if line.startswith(("WARNING", "ERROR", "CRITICAL"))]
    assert len(said) == 1 and said[0].startswith("WARNING bot.digest:") and CHANNEL in said[0], err
    assert ("the second, was deleted" in said[0]) is (step == "before_post")
