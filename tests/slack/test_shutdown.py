"""`newsbot run --http` stopped by SIGTERM or Ctrl-C (SIGINT) stops the worker processes that
read pages, and exits with the signal's code."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from storage import Store
from tests.conftest import SEEDS
from tests.fetch.conftest import STORY, Site
from tests.slack.conftest import BOT_TOKEN, FORM, SIGNING_SECRET, command_body, sign

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        for child in children(todo.pop()):
            found.append(child)
            todo.append(child)
    return found


def running(pid: int) -> bool:
    """Alive, and not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


# after Ctrl-C, uvicorn stops serving and hands the signal back to asyncio, which ends quietly:
# newsbot then returns as after any stop (0), or 130 should the interrupt reach it
@pytest.mark.parametrize(("stop", "codes"), [(signal.SIGTERM, {128 + signal.SIGTERM}), (signal.SIGINT, {0, 130})])
def test_a_signal_stops_the_bot_and_its_reading_workers(tmp_path, fake, site, stop, codes):
    port = free_port()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.base_url,
        "NEWSBOT_DB": str(tmp_path / "bot.db"),
        "NEWSBOT_SEEDS": str(SEEDS),
        "NEWSBOT_ALLOW_LOOPBACK_URLS": "1",
        "NEWSBOT_LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "bot.cli", "run", "--http", "--host", "127.0.0.1", "--port", str(port)]
    bot = subprocess.Popen(command, env=env, cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                    break
            except OSError:
                assert bot.poll() is None and time.monotonic() < deadline, "newsbot did not start"
                time.sleep(0.05)
        url = site.page("/story", "Acme and Globex team up", *STORY)
        body = command_body("/brief", f"add {url}", fake.response_url("add"))
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/slack/events",
            data=body.encode(),
            headers={"Content-Type": FORM, **sign(body)},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
        [call] = fake.wait_for("response/add", timeout=30)
        assert "Added: Acme and Globex team up" in call.body["text"]
        workers = descendants(bot.pid)
        assert workers, "the page was read in a worker process"

        bot.send_signal(stop)
        assert bot.wait(30) in codes
        gone = time.monotonic() + 10
        while any(running(pid) for pid in workers) and time.monotonic() < gone:
            time.sleep(0.05)
        assert not [pid for pid in workers if running(pid)]
        # stopped cleanly: the next start finds its log folded in, and does not check the whole store
        reopened = Store(tmp_path / "bot.db")
        try:
            assert not reopened.unclean
            assert "Acme and Globex team up" in [r["title"] for r in reopened.query("SELECT title FROM articles")]
        finally:
            reopened.close()
    finally:
        if bot.poll() is None:
            bot.kill()
            bot.wait()
        bot.stderr.close()
