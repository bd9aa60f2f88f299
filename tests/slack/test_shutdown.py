"""`newsbot run --http` stopped by SIGTERM or Ctrl-C (SIGINT) stops the worker processes that
read pages, and exits with the signal's code."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from storage import Store
from tests.conftest import ROOT, SEEDS
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


def bot_env(tmp_path: Path, fake, level: str, **more: str) -> dict[str, str]:
    """The environment of a bot started against the fake Slack API, its store in ``tmp_path``."""
    return {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_API_URL": fake.base_url,
        "NEWSBOT_DB": str(tmp_path / "bot.db"),
        "NEWSBOT_SEEDS": str(SEEDS),
        "NEWSBOT_LOG_LEVEL": level,
        **more,
    }


def http_env(tmp_path: Path, fake, level: str) -> dict[str, str]:
    return bot_env(tmp_path, fake, level, SLACK_SIGNING_SECRET=SIGNING_SECRET, NEWSBOT_ALLOW_LOOPBACK_URLS="1")


def wait_until_serving(bot: subprocess.Popen, port: int, deadline: float) -> None:
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return
        except OSError:
            assert bot.poll() is None and time.monotonic() < deadline, "newsbot did not start"
            time.sleep(0.05)


def post(port: int, body: str) -> None:
    """A signed slash command into the running bot, acknowledged."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events",
        data=body.encode(),
        headers={"Content-Type": FORM, **sign(body)},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


def reap(bot: subprocess.Popen) -> None:
    """Whatever a failed test left running is killed."""
    if bot.poll() is None:
        bot.kill()
        bot.wait()


def wait_for_background(bot: subprocess.Popen, said: list[str], deadline: float) -> None:
    while not any("digest scheduler, follows and feed polling" in line for line in said):
        assert bot.poll() is None and time.monotonic() < deadline, "the background work did not start"
        time.sleep(0.05)


def start_reporting(command: list[str], env: dict[str, str]) -> tuple[subprocess.Popen, list[str]]:
    """``command`` started from the project's root, its log lines gathered as they come."""
    bot = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    said: list[str] = []
    threading.Thread(target=lambda: said.extend(bot.stderr), daemon=True).start()
    return bot, said


# after Ctrl-C, uvicorn stops serving and hands the signal back to asyncio, which ends quietly:
# newsbot then returns as after any stop (0), or 130 should the interrupt reach it
@pytest.mark.parametrize(("stop", "codes"), [(signal.SIGTERM, {128 + signal.SIGTERM}), (signal.SIGINT, {0, 130})])
def test_a_signal_stops_the_bot_and_its_reading_workers(tmp_path, fake, site, stop, codes):
    port = free_port()
    command = [sys.executable, "-m", "bot.cli", "run", "--http", "--host", "127.0.0.1", "--port", str(port)]
    env = http_env(tmp_path, fake, "WARNING")
    bot = subprocess.Popen(command, env=env, cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_serving(bot, port, time.monotonic() + 120)
        url = site.page("/story", "Acme and Globex team up", *STORY)
        post(port, command_body("/brief", f"add {url}", fake.response_url("add")))
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
        reap(bot)
        bot.stderr.close()


# run in the bot's process: after `newsbot run --http` has returned, what is still running or open
LEFT = """
import json, os, sys, threading
from pathlib import Path
from bot.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stopped:
    code = stopped.code
db = os.environ["NEWSBOT_DB"]
opened = []
for fd in os.listdir("/proc/self/fd"):
    try:
        opened.append(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        pass
parents = {}
for stat in Path("/proc").glob("[0-9]*/stat"):
    try:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    except OSError:
        continue
kids, todo = [], [os.getpid()]
while todo:
    parent = todo.pop()
    for pid in [pid for pid, of in parents.items() if of == parent]:
        todo.append(pid)
        try:
            kids.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\\0", b" ").decode())
        except OSError:
            pass
left = [t.name for t in threading.enumerate() if t is not threading.current_thread()]
print(json.dumps({"code": code, "threads": left, "store": [f for f in opened if f.startswith(db)], "children": kids}))
"""


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_ends_every_thread_pool_process_and_store_connection(tmp_path, fake, site, stop):
    """Stopped after it has answered, read a page in a worker process and started its
    background work (digest scheduler, follows, feed polling), the bot leaves nothing behind
    once `run` returns: no thread but the main one (the server's dispatch pool, the listeners'
    pools, the scheduler's threads, the follows' worker, the fetches' deadline keeper), no
    worker process, and no connection to the store open."""
    port = free_port()
    command = [sys.executable, "-c", LEFT, "run", "--http", "--host", "127.0.0.1", "--port", str(port)]
    bot, said = start_reporting(command, http_env(tmp_path, fake, "INFO"))
    try:
        deadline = time.monotonic() + 120
        wait_until_serving(bot, port, deadline)
        post(port, command_body("/rivals", "Acme", fake.response_url("rivals")))
        fake.wait_for("response/rivals", timeout=30)
        url = site.page("/story", "Acme and Globex team up", *STORY)
        post(port, command_body("/brief", f"add {url}", fake.response_url("add")))
        fake.wait_for("response/add", timeout=30)
        assert descendants(bot.pid), "the page was read in a worker process"
        wait_for_background(bot, said, deadline)

        bot.send_signal(stop)
        assert bot.wait(60) == 0
        left = json.loads(bot.stdout.read().splitlines()[-1])
        assert left["code"] in ({128 + signal.SIGTERM} if stop == signal.SIGTERM else {0, 130})
        assert left["threads"] == []
        # no worker process: multiprocessing's fork server and resource tracker, which started
        # them, stop by themselves when the process ends (the test above)
        helpers = ("multiprocessing.forkserver", "multiprocessing.resource_tracker")
        assert [c for c in left["children"] if not any(h in c for h in helpers)] == []
        assert left["store"] == []  # the store, its -wal and -shm: every connection closed
    finally:
        reap(bot)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_in_socket_mode_ends_its_connection_threads_and_store_connections(tmp_path, fake, stop):
    """Connected in Socket Mode, its background work started, the bot stopped leaves no thread
    (the Socket Mode client's among them) and no connection to the store open."""
    from tests.slack.conftest import APP_TOKEN
    from tests.slack.socket_server import SocketModeServer

    server = SocketModeServer()
    fake.answers["apps.connections.open"] = {"ok": True, "url": server.url}
    bot, said = start_reporting(
        [sys.executable, "-c", LEFT, "run"], bot_env(tmp_path, fake, "INFO", SLACK_APP_TOKEN=APP_TOKEN)
    )
    try:
        assert server.connected.wait(120), "newsbot run never connected"
        wait_for_background(bot, said, time.monotonic() + 120)
        bot.send_signal(stop)
        assert bot.wait(60) == 0
        left = json.loads(bot.stdout.read().splitlines()[-1])
        assert left["code"] in ({128 + signal.SIGTERM} if stop == signal.SIGTERM else {0, 130, None})
        assert left["threads"] == []
        assert left["store"] == []
    finally:
        reap(bot)
        server.close()
