"""Slack fixtures: a store built from the seeds and a large generated one, a fake Web API, the
Bolt app, a real HTTP server, and signed requests as Slack sends them."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import logging
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
import uvicorn

from bot.answers import Answers
from bot.config import Secret, Settings
from bot.extract.model import Entity, Quote, Relation
from bot.ingest.pipeline import ensure_seeded
from bot.slack.app import GUARDED_LOGGERS, create_app, web_client
from bot.slack.server import config as server_config
from storage import Store
from tests.conftest import SEEDS, make_extraction, open_test_store, save

SIGNING_SECRET = "test-signing-secret-0123456789abcdef"
BOT_TOKEN = "xoxb-test-token-0000"
APP_TOKEN = "xapp-1-A1-test-app-token-9999"
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory) -> Store:
    store = open_test_store(tmp_path_factory.mktemp("slack") / "slack.db")
    ensure_seeded(store, SEEDS, max_bytes=1_000_000)
    return store


# -- a large generated store: many articles, quotes and relations for one company, with
# headlines, links and sentences that are long and full of Slack's control characters --------

BIG_ARTICLES = 300
HOSTILE_TITLE = "Acme & Co <!channel> | <@U123> news {i}: " + "a long headline " * 20
HOSTILE_URL = "https://news.example.com/acme story/{i}?a=1&b=<x>|y&c=" + "z" * 300


def _big_article(i: int):
    long_sentence = f"Acme competes with Rival{i} & <!here> in {i} markets, " + "and more words " * 200 + "."
    return make_extraction(
        HOSTILE_TITLE.format(i=i),
        [
            long_sentence,
            f'"We will beat Rival{i} <!channel>," said Ada Lovelace, Acme\'s chief executive. ' + "Really " * 150,
            f"Acme and Partner{i} signed a partnership on cloud & AI.",
        ],
        entities=[
            Entity("Acme", "company", aliases=["Acme Corp"]),
            Entity(f"Rival{i}", "company"),
            Entity(f"Partner{i}", "company"),
            Entity("Ada Lovelace", "person", role="chief executive", org="Acme", aliases=["Lovelace"]),
        ],
        quotes=[Quote(f"We will beat Rival{i} <!channel>," + " Really" * 150, "Ada Lovelace", None, "Acme", 1)],
        relations=[
            Relation("competes", "Acme", f"Rival{i}", long_sentence, 0),
            Relation("partners", "Acme", f"Partner{i}", f"Acme and Partner{i} signed a partnership on cloud & AI.", 2),
        ],
        source=f"big-{i}.txt",
    )


@pytest.fixture(scope="session")
def big_store(tmp_path_factory) -> Store:
    store = open_test_store(tmp_path_factory.mktemp("slack-big") / "big.db")
    for i in range(BIG_ARTICLES):
        save(store, _big_article(i), url=HOSTILE_URL.format(i=i))
    return store


# -- the app, served for real ---------------------------------------------------------------


class TrackingExecutor(ThreadPoolExecutor):
    """Bolt's listener pool, which tests can wait on: after :meth:`idle`, every listener
    started so far has finished, so "nothing was posted" is a fact, not a guess."""

    def __init__(self):
        super().__init__(max_workers=4, thread_name_prefix="listener")
        self.futures = []

    def submit(self, fn, /, *args, **kwargs):
        future = super().submit(fn, *args, **kwargs)
        self.futures.append(future)
        return future

    def idle(self, timeout: float = 30.0) -> None:
        done, pending = wait(list(self.futures), timeout=timeout)
        assert not pending, "listeners still running"
        for future in done:
            future.result()


@pytest.fixture
def log_levels():
    """The root logger's level and those ``settle_log_levels`` sets, put back afterwards (a test
    that runs ``newsbot run`` in process, or sets a level, leaves no trace in the next)."""
    loggers = [logging.getLogger(), *(logging.getLogger(name) for name in GUARDED_LOGGERS)]
    saved = [logger.level for logger in loggers]
    yield
    for logger, level in zip(loggers, saved, strict=True):
        logger.setLevel(level)


@pytest.fixture
def settings(fake) -> Settings:
    return Settings(
        bot_token=Secret(BOT_TOKEN),
        app_token=Secret(APP_TOKEN),
        signing_secret=Secret(SIGNING_SECRET),
        api_url=fake.base_url,
    )


@pytest.fixture
def listeners():
    executor = TrackingExecutor()
    yield executor
    executor.shutdown(wait=True)


def build_app(settings, store, listeners, **kwargs):
    client = web_client(settings)
    for handler in client.retry_handlers:  # keep retry tests short: Retry-After is honoured, capped
        handler.max_retry_count = 2
    return create_app(settings, Answers(store), client=client, listener_executor=listeners, **kwargs)


@pytest.fixture
def app(settings, seeded_store, listeners):
    return build_app(settings, seeded_store, listeners)


def sign(body: str, *, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def command_fields(command: str, text: str, response_url: str, **extra) -> dict:
    return {
        "token": "legacy",
        "team_id": "T1",
        "team_domain": "acme",
        "channel_id": "C1",
        "channel_name": "general",
        "user_id": "U1",
        "user_name": "ada",
        "command": command,
        "text": text,
        "api_app_id": "A1",
        "response_url": response_url,
        "trigger_id": "1.2.3",
        **extra,
    }


def command_body(command: str, text: str, response_url: str, **extra) -> str:
    return urlencode(command_fields(command, text, response_url, **extra))


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


def action_payload(
    value: str, response_url: str, *, user: str = "U1", action_id: str = "share_answer", ephemeral: bool = True
) -> dict:
    container = {"type": "message", "is_ephemeral": ephemeral, "channel_id": "C1", "message_ts": "1700000000.000200"}
    return {
        "type": "block_actions",
        "team": {"id": "T1"},
        "user": {"id": user},
        "api_app_id": "A1",
        "channel": {"id": "C1"},
        "container": container,
        "response_url": response_url,
        "trigger_id": "1.2.3",
        "actions": [{"type": "button", "action_id": action_id, "block_id": "b1", "value": value}],
    }


def action_body(value: str, response_url: str, **kwargs) -> str:
    return urlencode({"payload": json.dumps(action_payload(value, response_url, **kwargs))})


def button(payload: dict, action_id: str) -> dict | None:
    for block in payload.get("blocks", []):
        for element in block.get("elements", []) if block["type"] == "actions" else []:
            if element.get("action_id") == action_id:
                return element
    return None


class Server:
    """A real uvicorn server on 127.0.0.1 serving the Bolt app, configured as `newsbot run
    --http` configures it (``request_timeout``: a shorter deadline for a request to arrive)."""

    def __init__(self, app, **options):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = server_config(app, host="127.0.0.1", port=self.port, signing_secret=SIGNING_SECRET, **options)
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

    def post(self, body: str | bytes, headers: dict, content_type: str, path: str = "/slack/events"):
        request = Request(
            f"{self.url}{path}",
            data=body if isinstance(body, bytes) else body.encode(),
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

    def get(self, path: str, headers: dict | None = None):
        """(status, headers, body) of a GET, redirects not followed (an install's are Slack's)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode()
        finally:
            connection.close()

    def signed(self, body: str, content_type: str, **headers) -> tuple[int, str]:
        return self.post(body, {**sign(body), **headers}, content_type)

    def stop(self):
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.server.config.app.close()  # the dispatch threads, as `newsbot run --http` ends them


@pytest.fixture
def server(app):
    s = Server(app)
    yield s
    s.stop()


@pytest.fixture
def big_app(settings, big_store, listeners):
    return build_app(settings, big_store, listeners)


@pytest.fixture
def big_server(big_app):
    s = Server(big_app)
    yield s
    s.stop()
