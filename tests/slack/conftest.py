"""Slack fixtures: a store built from the seeds, a fake Web API, the Bolt app, a real HTTP server,
and signed requests as Slack sends them."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
import time
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
import uvicorn

from bot.answers import Answers
from bot.config import Secret, Settings
from bot.ingest.pipeline import ensure_seeded
from bot.slack.app import create_app, web_client
from bot.slack.server import asgi_app
from storage import Store
from tests.conftest import SEEDS

SIGNING_SECRET = "test-signing-secret-0123456789abcdef"
BOT_TOKEN = "xoxb-test-token-0000"


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("slack") / "slack.db")
    ensure_seeded(store, SEEDS, max_bytes=1_000_000)
    return store


@pytest.fixture
def settings(fake) -> Settings:
    return Settings(
        bot_token=Secret(BOT_TOKEN),
        signing_secret=Secret(SIGNING_SECRET),
        api_url=fake.base_url,
    )


@pytest.fixture
def app(settings, seeded_store):
    client = web_client(settings)
    for handler in client.retry_handlers:  # keep the 429 test short: Retry-After is honoured, capped
        handler.max_retry_count = 2
    return create_app(settings, Answers(seeded_store), client=client)


def sign(body: str, *, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def command_body(command: str, text: str, response_url: str, **extra) -> str:
    fields = {
        "token": "legacy",
        "team_id": "T1",
        "channel_id": "C1",
        "channel_name": "general",
        "user_id": "U1",
        "user_name": "ada",
        "command": command,
        "text": text,
        "response_url": response_url,
        "trigger_id": "1.2.3",
        "api_app_id": "A1",
        **extra,
    }
    return urlencode(fields)


def event_body(event: dict, event_id: str = "Ev1") -> str:
    return json.dumps(
        {
            "token": "legacy",
            "team_id": "T1",
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
            "event": event,
        }
    )


def action_body(value: str, response_url: str, user: str = "U1") -> str:
    payload = {
        "type": "block_actions",
        "team": {"id": "T1"},
        "user": {"id": user},
        "api_app_id": "A1",
        "channel": {"id": "C1"},
        "container": {"type": "message", "is_ephemeral": True},
        "response_url": response_url,
        "trigger_id": "1.2.3",
        "actions": [{"type": "button", "action_id": "share_answer", "block_id": "b1", "value": value}],
    }
    return urlencode({"payload": json.dumps(payload)})


class Server:
    """A real uvicorn server on 127.0.0.1 serving the Bolt app."""

    def __init__(self, app):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(asgi_app(app), host="127.0.0.1", port=self.port, log_level="error", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.01)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def post(self, body: str, headers: dict, content_type: str) -> tuple[int, str]:
        request = Request(
            f"{self.url}/slack/events",
            data=body.encode(),
            headers={"Content-Type": content_type, **headers},
            method="POST",
        )
        try:
            with urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except Exception as error:  # HTTPError carries the status
            status = getattr(error, "code", None)
            if status is None:
                raise
            return status, error.read().decode()

    def signed(self, body: str, content_type: str, **headers) -> tuple[int, str]:
        return self.post(body, {**sign(body), **headers}, content_type)

    def stop(self):
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def server(app):
    s = Server(app)
    yield s
    s.stop()


FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
