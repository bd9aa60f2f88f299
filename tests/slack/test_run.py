"""`newsbot run` without the right tokens says what is missing or wrong, where to get it, and
points to `newsbot chat`; it never prints a token."""

import logging

import pytest

from bot.cli import main
from bot.slack.logs import Bounded

NAMES = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET")


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no .env here
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize(
    ("args", "missing", "where"),
    [
        (["run"], "SLACK_APP_TOKEN", "connections:write"),
        (["run", "--http"], "SLACK_SIGNING_SECRET", "App Credentials"),
    ],
)
def test_run_without_tokens_explains_and_points_to_chat(env, capsys, args, missing, where):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "SLACK_BOT_TOKEN is not set" in err and "OAuth & Permissions" in err
    assert f"{missing} is not set" in err and where in err
    assert "manifest.yaml" in err and "newsbot chat" in err


def test_tokens_of_the_wrong_kind_are_named_without_showing_them(env, capsys):
    env.setenv("SLACK_BOT_TOKEN", "xapp-1-secret-app-token")
    env.setenv("SLACK_APP_TOKEN", "xoxb-secret-bot-token")
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert "SLACK_BOT_TOKEN starts with xapp-; it should be the Bot User OAuth Token" in err
    assert "SLACK_APP_TOKEN starts with xoxb-; it should be an app-level token" in err
    assert "secret" not in err


def test_with_tokens_set_nothing_is_reported(env):
    from bot.config import Settings
    from bot.slack.preflight import problems

    env.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    env.setenv("SLACK_APP_TOKEN", "xapp-1")
    env.setenv("SLACK_SIGNING_SECRET", "s3cr3t")
    settings = Settings.load(None)
    assert problems(settings, http=False) == [] and problems(settings, http=True) == []


@pytest.fixture
def configured(env, fake, tmp_path, log_levels):
    from tests.conftest import SEEDS

    env.setenv("SLACK_BOT_TOKEN", "xoxb-run-test")
    env.setenv("SLACK_APP_TOKEN", "xapp-run-test")
    env.setenv("SLACK_SIGNING_SECRET", "run-test-secret")
    env.setenv("SLACK_API_URL", fake.base_url)
    env.setenv("NEWSBOT_DB", str(tmp_path / "run.db"))
    env.setenv("NEWSBOT_SEEDS", str(SEEDS))
    yield env
    from bot.slack import logs, redact

    redact.uninstall()
    logs.uninstall()


def test_http_mode_serves_the_bolt_app_under_uvicorn_with_a_health_check(configured):
    import bot.slack.server

    served = {}

    def serve(app, *, host, port, signing_secret, health):
        served.update(app=app, host=host, port=port, secret=signing_secret, health=health())
        handlers = logging.getLogger().handlers
        served["bounded"] = bool(handlers) and all(any(isinstance(f, Bounded) for f in h.filters) for h in handlers)

    configured.setattr(bot.slack.server, "serve", serve)
    assert main(["run", "--http", "--port", "3999"]) == 0
    assert (served["host"], served["port"]) == ("127.0.0.1", 3999)  # this machine only, unless told
    assert served["secret"] == "run-test-secret"
    assert served["bounded"]  # every line it writes is cut short, and a flood of alike warnings thinned
    assert main(["run", "--http", "--host", "0.0.0.0", "--port", "3999"]) == 0
    assert served["host"] == "0.0.0.0"
    assert served["health"] == {"ok": True}  # the store answers; nothing counted for a stranger to read
    assert served["app"].client.base_url.startswith("http://127.0.0.1")  # SLACK_API_URL


def test_socket_mode_connects_with_the_app_token(configured, fake):
    import bot.app

    started = []

    class Handler:
        def __init__(self, app, settings):
            self.app, self.settings = app, settings

        def start(self):
            started.append(self)

        def close(self):
            closed.append(self)

    closed = []
    configured.setattr(bot.app, "socket_mode_handler", Handler)
    assert main(["run"]) == 0
    [handler] = started
    assert closed == [handler]  # its connection and threads ended with the bot
    assert handler.settings.app_token.reveal() == "xapp-run-test"
    assert handler.app.client.base_url == fake.base_url


def test_what_start_up_made_is_frozen_and_listeners_collect_after_they_answer(configured):
    """The app, the store and the name index live as long as the process: frozen before the
    first request. Young collections run after each listener (Bolt's pool, wrapped), not
    inside an answer."""
    import gc

    import bot.app
    import bot.slack.server
    from bot.slack.collector import SAFETY, CollectingExecutor
    from bot.slack.pool import WarmPool
    from bot.slack.work import Bounded

    seen = {}
    create_app = bot.app.create_app

    def recording_create_app(*args, **kwargs):
        seen["executor"] = kwargs.get("listener_executor")
        return create_app(*args, **kwargs)

    def serve(app, *, host, port, signing_secret, health):
        seen["frozen"] = gc.get_freeze_count()
        seen["app walked"] = any(o is app for o in gc.get_objects())
        seen["threshold"] = gc.get_threshold()

    configured.setattr(bot.app, "create_app", recording_create_app)
    configured.setattr(bot.slack.server, "serve", serve)
    threshold = gc.get_threshold()
    try:
        assert main(["run", "--http", "--port", "3999"]) == 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
    assert seen["frozen"] > 0 and seen["app walked"] is False
    assert seen["threshold"][0] == SAFETY
    assert isinstance(seen["executor"], CollectingExecutor)
    # bounded (see bot.slack.work), over the pool whose last thread to finish answers next (one
    # warm SQLite cache)
    assert isinstance(seen["executor"]._inner, Bounded) and isinstance(seen["executor"]._inner.inner, WarmPool)


def test_digests_go_through_a_client_that_never_resends_a_post(configured, fake):
    """`newsbot run` gives the digest runner its own client: a /digest now whose post reached
    Slack and lost its answer is not sent again (the run is left to be checked instead)."""
    from slack_bolt import BoltRequest

    import bot.slack.server
    from tests.slack.conftest import FORM, command_body, sign

    fake.drop_after_next("chat.postMessage")

    def serve(app, *, host, port, signing_secret, health):
        body = command_body("/digest", "now", fake.response_url())
        headers = {**sign(body, secret="run-test-secret"), "Content-Type": FORM}
        assert app.dispatch(BoltRequest(body=body, headers=headers)).status == 200
        fake.wait_for("response/r1")

    configured.setattr(bot.slack.server, "serve", serve)
    assert main(["run", "--http", "--port", "3999"]) == 0
    assert len(fake.of("chat.postMessage")) == 1 and len(fake.messages["C1"]) == 1
    assert "may have been posted" in fake.of("response/r1")[0].body["text"]


def test_installed_by_oauth_run_serves_installs_and_each_workspace_posts_with_its_own_token(configured, fake):
    """`newsbot run --http` with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET: installs are served,
    and a /digest now from a workspace is posted with that workspace's token."""
    import bot.slack.server
    from tests.slack.conftest import SIGNING_SECRET, Server
    from tests.slack.fake_slack import CLIENT_ID, CLIENT_SECRET
    from tests.slack.oauth_helpers import command, install

    configured.delenv("SLACK_BOT_TOKEN")
    configured.delenv("SLACK_APP_TOKEN")
    configured.setenv("SLACK_CLIENT_ID", CLIENT_ID)
    configured.setenv("SLACK_CLIENT_SECRET", CLIENT_SECRET)
    configured.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    seen = {}

    def serve(app, *, host, port, signing_secret, health):
        server = Server(app)
        try:
            install(server, fake, "T2")
            install(server, fake, "T3")
            from tests.slack.conftest import FORM

            assert server.signed(command("T3", "/digest", "now", fake.response_url("now")), FORM)[0] == 200
            seen["said"] = fake.wait_for("response/now", timeout=30)[0].body["text"]
        finally:
            server.stop()

    configured.setattr(bot.slack.server, "serve", serve)
    assert main(["run", "--http", "--port", "3999"]) == 0
    assert seen["said"] == "Here is your digest."
    [post] = fake.of("chat.postMessage")
    assert post.body["channel"] == "CT3" and fake.team_of(post) == "T3"


def test_the_first_answer_does_not_wait_for_the_digests_feeds_follows_or_ingestion_to_be_imported():
    """`newsbot run` imports what answering needs; the digest scheduler, feed and page reading,
    the follows' worker and ingestion are imported when used, or once the bot serves; the HTTP
    server needs no web framework (Starlette, anyio: Bolt's Starlette adapter renders the OAuth
    flow's cookies, and is imported by an install), and answering not extraction's data model."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    later = ("apscheduler", "bot.digest", "bot.fetch", "bot.follows.worker", "bot.ingest", "rapidfuzz", "feedparser")
    later += ("starlette", "anyio", "slack_bolt.adapter.starlette", "bot.extract.model")
    code = "import sys, bot.app; print('\\n'.join(sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert [m for m in loaded.stdout.split() if any(m == n or m.startswith(n + ".") for n in later)] == []
    assert "bot.answers" in loaded.stdout.split() and "slack_bolt" in loaded.stdout.split()


def test_the_digest_scheduler_follows_and_feed_polling_start_on_their_own_once_serving(configured, caplog):
    """No /digest needed: the scheduler (its heartbeat, its first tick's catch-up), the follows'
    worker and feed polling start on their own while the server serves (once the process is
    idle), and stop with it."""
    import threading
    import time

    import bot.app
    import bot.slack.server

    seen = {}

    def said() -> bool:
        return any("digest scheduler, follows and feed polling" in r.getMessage() for r in caplog.records)

    def serve(app, *, host, port, signing_secret, health):
        deadline = time.monotonic() + bot.app.START_BY / 2
        wanted = {"digest-heartbeat", "follows"}
        while not said() and time.monotonic() < deadline:
            time.sleep(0.01)
        seen["threads"] = {t.name for t in threading.enumerate()} & wanted
        import sys

        seen["imported"] = {"apscheduler", "bot.fetch.feeds", "bot.follows.worker"} <= set(sys.modules)

    configured.setattr(bot.app, "START_AFTER", 0.0)  # and as soon as the process is idle: well before START_BY
    configured.setattr(bot.slack.server, "serve", serve)
    with caplog.at_level(logging.INFO, logger="bot.slack"):
        assert main(["run", "--http", "--port", "3999"]) == 0
    assert seen == {"threads": {"digest-heartbeat", "follows"}, "imported": True}
    deadline = time.monotonic() + 30
    while {"digest-heartbeat", "follows"} & {t.name for t in threading.enumerate() if t.is_alive()}:
        assert time.monotonic() < deadline, "stopped with the server"
        time.sleep(0.01)


def test_a_bot_stopped_before_its_background_starts_never_starts_it(configured):
    import threading
    import time

    import bot.app
    import bot.slack.server

    configured.setattr(bot.app, "START_AFTER", 0.2)
    configured.setattr(bot.app, "START_BY", 0.2)
    configured.setattr(bot.slack.server, "serve", lambda app, **_: None)
    assert main(["run", "--http", "--port", "3999"]) == 0
    time.sleep(0.5)
    assert not {"digest-heartbeat", "follows"} & {t.name for t in threading.enumerate()}


def test_background_work_that_cannot_start_is_logged_and_fails_the_health_check(configured, caplog):
    """Digests must never be skipped silently: a scheduler that cannot start is an error in the log
    and a 503 from /healthz (the host's signal to restart), while the bot keeps answering."""
    import threading
    import time

    import bot.app
    import bot.background
    import bot.slack.server

    seen, asked = {}, threading.Event()

    def broken(self):
        asked.wait(10)
        raise OSError("no threads left")

    def serve(app, *, host, port, signing_secret, health):
        seen["before"] = health()
        asked.set()
        deadline = time.monotonic() + 10
        while not any("could not be started" in r.getMessage() for r in caplog.records):
            assert time.monotonic() < deadline
            time.sleep(0.01)
        try:
            health()
        except RuntimeError as error:
            seen["after"] = str(error)

    configured.setattr(bot.app, "START_AFTER", 0.0)
    configured.setattr(bot.app, "START_BY", 0.0)
    configured.setattr(bot.background.Background, "scheduler", broken)
    configured.setattr(bot.slack.server, "serve", serve)
    with caplog.at_level(logging.INFO, logger="bot.slack"):
        assert main(["run", "--http", "--port", "3999"]) == 0
    failed = "the digest scheduler, follows and feed polling could not be started"
    assert seen == {"before": {"ok": True}, "after": failed}
