"""``newsbot run --http`` replicas as separate processes on one store, for the tests and the
benchmarks: started with the settings a deployment gives them, asked over HTTP, killed
(SIGKILL, as a machine that dies) or stopped (SIGTERM), and started again."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIGNING_SECRET = "replica-signing-secret-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Replica:
    """One ``newsbot run --http`` process on ``db`` (a file or a URL), its Web API at ``api_url``."""

    def __init__(
        self,
        db: str,
        api_url: str,
        *,
        worker_timeout: float = 90,
        log: Path | None = None,
        start_timeout: float = 60,
        **env,
    ):
        self.db, self.api_url, self.worker_timeout, self.log, self.extra = db, api_url, worker_timeout, log, env
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.start(start_timeout)

    def start(self, timeout: float = 60) -> None:
        env = {
            **os.environ,
            "NEWSBOT_DB": self.db,
            "SLACK_BOT_TOKEN": "xoxb-replica",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": self.api_url,
            "NEWSBOT_WORKER_TIMEOUT": str(self.worker_timeout),
            "NEWSBOT_LOG_LEVEL": "WARNING",
            "NEWSBOT_FEED_POLL_MINUTES": "1000",
            **self.extra,
        }
        err = open(self.log, "a") if self.log else subprocess.DEVNULL  # noqa: SIM115 - the process's own
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "--env-file", "", "run", "--http", "--port", str(self.port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1):
                    return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"replica exited with {self.process.returncode}") from None
                time.sleep(0.02)
        self.kill()
        raise RuntimeError("replica did not start")

    @property
    def pid(self) -> int:
        return self.process.pid

    def kill(self) -> None:
        """SIGKILL: the process stops wherever it is, as when its machine dies."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()
