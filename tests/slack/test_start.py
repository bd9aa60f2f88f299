"""What ``newsbot run`` says as it starts, run as a person runs it (its own process, its own
stderr): with tokens but no way to reach Slack, one clear line and no traceback; when it
connects, no warning about an unused token and no scheduler chatter."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

from tests.conftest import ROOT, SEEDS
from tests.slack.conftest import APP_TOKEN, BOT_TOKEN
from tests.slack.socket_server import SocketModeServer


def start(api_url: str, db, **extra) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "NEWSBOT_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_APP_TOKEN=APP_TOKEN,
        SLACK_API_URL=api_url,
        NEWSBOT_DB=str(db),
        NEWSBOT_SEEDS=str(SEEDS),
        **extra,
    )
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=db.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens there once it is closed


def test_with_tokens_but_no_way_to_reach_slack_it_says_so_in_one_line(tmp_path):
    port = closed_port()
    proc = start(f"http://127.0.0.1:{port}/api/", tmp_path / "run.db")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert err.splitlines() == [
        f"newsbot: cannot reach Slack at http://127.0.0.1:{port}/api/ (Connection refused): check this"
        " machine's network connection (and SLACK_API_URL, if set). Meanwhile, newsbot chat answers in this"
        " terminal."
    ]
    assert out == "" and BOT_TOKEN not in err


def test_a_token_slack_refuses_is_said_in_one_line(tmp_path, fake):
    fake.answers["auth.test"] = {"ok": False, "error": "invalid_auth"}
    proc = start(fake.base_url, tmp_path / "run.db")
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert err.splitlines() == [
        "newsbot: Slack refused the bot token (invalid_auth): check SLACK_BOT_TOKEN (the Bot User OAuth Token:"
        " OAuth & Permissions, after Install to Workspace)."
    ]


def test_a_connected_start_says_what_it_does_without_warnings_or_scheduler_chatter(tmp_path, fake):
    server = SocketModeServer()
    fake.answers["apps.connections.open"] = {"ok": True, "url": server.url}
    proc = start(fake.base_url, tmp_path / "run.db")
    said: list[str] = []
    reading = threading.Thread(target=lambda: said.extend(proc.stderr), daemon=True)
    reading.start()
    try:
        assert server.connected.wait(60), "newsbot run never connected"
        # the scheduler, follows and feed polling start once it is connected and idle
        deadline = time.monotonic() + 60
        while not any("digest scheduler" in line for line in said) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        proc.kill()  # what it said as it started is what is looked at, not how it stops
        proc.wait(60)
        reading.join(60)
        server.close()
    err = "".join(said)
    assert "digest scheduler, follows and feed polling (every 30 min) started" in err
    assert "connecting to Slack in Socket Mode" in err
    assert "will be unused" not in err  # Bolt's warning about the token its client already has
    assert "apscheduler" not in err  # "Added job", "Scheduler started", "Running job" every minute...
    assert "Traceback" not in err
