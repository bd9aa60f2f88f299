"""Real processes on one database: two racing workers, and a worker killed (SIGKILL) at each
step of a post, then another started. Checked against what the fake Web API holds."""

import json
import os
import signal
from datetime import timedelta

import pytest

from storage import open_store
from tests.digest.test_processes import finish, wait_for
from tests.follows.conftest import follow, follow_posts, store_story

STEPS = ["before_claim", "after_claim", "before_post", "after_post", "after_mark"]


def spawn(db_path, slack, now, *args):
    import subprocess
    import sys

    from tests.conftest import ROOT

    return subprocess.Popen(
        [sys.executable, "-m", "tests.follows.proc", "--db", str(db_path), "--api", slack.base_url]
        + ["--now", now.isoformat()]
        + [str(a) for a in args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_post_each_article_once_in_each_channel(db_path, slack, clock, tmp_path):
    store = open_store(db_path)
    channels = [f"C{i:03d}" for i in range(40)]
    for channel in channels:
        follow(store, "Nvidia", channel=channel)
    for i in range(5):
        store_story(store, i)
    go = tmp_path / "go"
    procs = [spawn(db_path, slack, clock.now, "--ready", tmp_path / f"r{i}", "--go", go) for i in range(2)]
    try:
        for i, proc in enumerate(procs):
            wait_for(tmp_path / f"r{i}", proc)
        go.write_text("go")
        ended = [proc.communicate(timeout=120) for proc in procs]
    finally:
        for proc in procs:
            proc.kill()
    # what each process logged at WARNING and above: why a post failed, if one did
    said = [line for _out, err in ended for line in err.splitlines() if not line.startswith(("INFO", "DEBUG"))]
    assert all(proc.returncode == 0 for proc in procs), said
    results = [json.loads(out.strip().splitlines()[-1]) for out, _err in ended]
    posts = {channel: len(follow_posts(slack, channel)) for channel in channels}
    unposted = [[o for o in r["outcomes"] if o[1] != "posted"] for r in results]
    assert all(n == 1 for n in posts.values()), ({c: n for c, n in posts.items() if n != 1}, unposted, said)
    assert sum(len(follow_posts(slack, c)) for c in channels) == len(channels)
    sent = [c for c in slack.of("chat.postMessage")]
    assert len(sent) == len(channels)
    assert all(len([b for b in c.body["blocks"] if b["type"] == "section"]) == 5 for c in sent)
    posted = [o for r in results for o in r["outcomes"] if o[1] == "posted"]
    assert len(posted) == len(channels), (unposted, said)


@pytest.mark.parametrize("step", STEPS)
def test_a_process_killed_at_each_step_then_another_posts_exactly_once(db_path, slack, clock, tmp_path, step):
    store = open_store(db_path)
    follow(store, "Nvidia")
    for i in range(3):
        store_story(store, i)
    marker = tmp_path / "reached"
    proc = spawn(db_path, slack, clock.now, "--hang-at", step, "--marker", marker)
    try:
        wait_for(marker, proc)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    assert len(follow_posts(slack)) == (1 if step in ("after_post", "after_mark") else 0)

    later = clock.now + timedelta(minutes=3)  # the killed worker's heartbeat is three minutes old
    result = finish(spawn(db_path, slack, later))
    [post] = follow_posts(slack)
    [batch] = open_store(db_path).query("SELECT * FROM follow_batches")
    assert batch["status"] == "posted" and batch["ts"] == post["ts"]
    sections = [c for c in slack.of("chat.postMessage")][-1].body["blocks"]
    assert len([b for b in sections if b["type"] == "section"]) == 3
    if step in ("after_post", "after_mark"):
        assert len(slack.of("chat.postMessage")) == 1  # found in the channel (or marked): not posted again
    assert finish(spawn(db_path, slack, later + timedelta(minutes=5)))["outcomes"] == []
    assert result["outcomes"] or step == "after_mark"
