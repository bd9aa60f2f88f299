"""Tokens, the signing secret and short-lived credentials (response URLs, Socket Mode tickets)
never appear in a log line, at any level, from any logger; no request, and no flood of them,
makes the log grow by more than a short line each, and alike warnings a few a minute."""

import io
import logging
import time

import pytest

from bot.slack import logs, redact
from bot.slack.app import GUARDED_LOGGERS, settle_log_levels, socket_mode_handler, web_client
from tests.slack.conftest import (
    APP_TOKEN,
    BOT_TOKEN,
    FORM,
    JSON,
    SIGNING_SECRET,
    action_body,
    command_body,
    command_fields,
    event_body,
)
from tests.slack.events.test_events import dm
from tests.slack.socket_server import SocketModeServer

SECRETS = [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET]


def debug_or_not(level: int) -> None:
    """The root logger at ``level`` and the levels ``newsbot run`` then settles."""
    logging.getLogger().setLevel(level)
    for name in GUARDED_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET)
    settle_log_levels()


@pytest.fixture
def everything_logged(log_levels):
    """Every record at DEBUG, formatted with tracebacks, as `newsbot run --verbose` would write
    them, with the redaction and the logger levels `newsbot run` sets."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    debug_or_not(logging.DEBUG)
    redact.install(SECRETS)
    yield stream
    redact.uninstall()
    root.removeHandler(handler)


def test_records_carrying_secrets_are_redacted(everything_logged):
    log = logging.getLogger("anything.at.all")
    log.info("token %s secret %s", BOT_TOKEN, SIGNING_SECRET)
    log.debug({"headers": {"Authorization": f"Bearer {APP_TOKEN}"}})
    try:
        raise RuntimeError(f"could not connect with {APP_TOKEN} / xoxp-1234-other")
    except RuntimeError:
        log.exception("failed")
    late = logging.getLogger("uvicorn.error")  # a logger with its own handler, added later
    late_stream = io.StringIO()
    late.addHandler(logging.StreamHandler(late_stream))
    try:
        late.warning("signing with %s", SIGNING_SECRET)
    finally:
        late.handlers.clear()
    out = everything_logged.getvalue() + late_stream.getvalue()
    assert "[redacted]" in out and "RuntimeError" in out
    for secret in [*SECRETS, "xoxp-1234-other"]:
        assert secret not in out


def test_a_day_of_traffic_at_debug_logs_no_secret(everything_logged, server, fake, listeners):
    fake.fail_next("chat.postMessage", 200, {"ok": False, "error": "not_authed"})
    fake.fail_next("response/r2", 500, {"ok": False})
    server.signed(command_body("/rivals", "Sony", fake.response_url("r1")), FORM)
    server.signed(command_body("/brief", "", fake.response_url("r2")), FORM)
    server.signed(event_body(dm(ts="1700000400.1"), "EvLog1"), JSON)
    server.signed(event_body(dm(ts="1700000400.2"), "EvLog2"), JSON)
    server.post(command_body("/rivals", "Sony", fake.response_url("r3")), {"X-Slack-Signature": "v0=bad"}, FORM)
    listeners.idle()
    assert len(fake.of("chat.postMessage")) == 3  # a refused answer, its apology, an answer
    out = everything_logged.getvalue()
    assert "chat.postMessage: not_authed" in out and "auth.test" in out  # it did log, in detail
    for secret in SECRETS:
        assert secret not in out
    assert fake.of("auth.test")[0].headers["Authorization"] == f"Bearer {BOT_TOKEN}"  # while using it


class Counted(str):
    """Text that counts how often its repr is taken: json.dumps never takes it; formatting a
    dict that holds it for a log line does."""

    reprs = 0

    def __repr__(self):
        Counted.reprs += 1
        return super().__repr__()


@pytest.mark.parametrize(("level", "formatted"), [(logging.INFO, False), (logging.DEBUG, True)])
def test_a_web_api_call_formats_debug_lines_only_when_debug_is_on(fake, settings, log_levels, level, formatted):
    """slack_sdk guards its debug lines with the logger's own level, which is NOTSET unless set:
    once `newsbot run` has settled the levels, an answer at INFO is not formatted for a line
    nobody writes, and at DEBUG it still is."""
    debug_or_not(level)
    Counted.reprs = 0
    web_client(settings).chat_postMessage(channel="C1", text=Counted("an answer"))
    assert fake.of("chat.postMessage")[-1].body["text"] == "an answer"
    assert (Counted.reprs > 0) is formatted


def test_response_urls_and_socket_mode_tickets_are_redacted_at_debug(everything_logged, server, fake, settings, app):
    """Each is a credential for a while: a response URL posts as the bot in its conversation, a
    ticket opens a Socket Mode connection. slack_sdk and Bolt write both at DEBUG."""
    command_url = f"{fake.url}/commands/T1/1700000001/SeCrEtCoMmAnD"  # the shape of Slack's own
    action_url = f"{fake.url}/actions/T1/1700000002/SeCrEtAcTiOn"
    socket_url = f"{fake.url}/commands/T1/1700000003/SeCrEtSoCkEt"
    server.signed(command_body("/rivals", "Sony", command_url), FORM)
    fake.wait_for("commands/T1/1700000001")
    server.signed(action_body('{"r":"rivals","t":"Sony","n":5}', action_url), FORM)
    fake.wait_for("actions/T1", 2)  # the shared answer, then the ephemeral copy deleted
    socket_server = SocketModeServer(ticket="TiCkEt-SeCrEt-0123")
    fake.answers["apps.connections.open"] = {"ok": True, "url": socket_server.url}
    handler = socket_mode_handler(app, settings)
    try:
        handler.connect()
        assert socket_server.connected.wait(10)
        envelope = {"envelope_id": "e1", "type": "slash_commands", "accepts_response_payload": True}
        socket_server.send({**envelope, "payload": command_fields("/rivals", "Sony", socket_url)})
        fake.wait_for("commands/T1/1700000003")
        socket_server.wait_for_acks(1)
    finally:
        handler.close()
        socket_server.close()
    out = everything_logged.getvalue()
    assert "commands/T1/[redacted]" in out and "ticket=[redacted]" in out  # it did log them, redacted
    assert "SeCrEt" not in out


def unsigned_headers() -> dict:
    return {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=" + "0" * 64}


@pytest.fixture
def bounded_log(log_levels):
    """The root logger at INFO writing to a stream through ``Bounded`` on a clock the test
    moves, as `newsbot run` sets it up."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    clock = [0.0]
    handler.addFilter(logs.Bounded(clock=lambda: clock[0]))
    root = logging.getLogger()
    root.addHandler(handler)
    debug_or_not(logging.INFO)
    yield stream, clock
    root.removeHandler(handler)


def test_twenty_large_unsigned_bodies_add_twenty_short_lines(bounded_log, server, fake):
    stream, _clock = bounded_log
    body = b"x" * 990_000
    for _ in range(20):
        assert server.post(body, unsigned_headers(), FORM)[0] == 401
    lines = stream.getvalue().splitlines()
    assert len(lines) == 20 and all("bad signature (HTTP 401)" in line and len(line) < 150 for line in lines)
    assert fake.calls == []


def test_a_flood_of_unsigned_requests_logs_a_burst_a_minute_then_how_many_were_left_out(bounded_log, server):
    stream, clock = bounded_log
    for _ in range(100):
        assert server.post(b"text=x", unsigned_headers(), FORM)[0] == 401
    assert len(stream.getvalue().splitlines()) == logs.BURST
    clock[0] += logs.WINDOW
    server.post(b"text=x", unsigned_headers(), FORM)
    last = stream.getvalue().splitlines()[-1]
    assert f"[{100 - logs.BURST} more like this in the last 60 s were not logged]" in last


def test_long_records_and_tracebacks_are_cut_and_info_lines_never_dropped(bounded_log):
    stream, _clock = bounded_log
    log = logging.getLogger("slack_bolt.Anything")
    log.info("Invalid request signature detected (body: %s)", "b" * 990_000)
    try:
        raise ValueError("v" * 990_000)
    except ValueError:
        log.exception("failed")
    for n in range(100):
        log.info("the same line, %d", n)
    out = stream.getvalue()
    assert len(out) < logs.MAX_MESSAGE + logs.MAX_TRACEBACK + 100 * 80
    assert "more characters]" in out and out.count("the same line") == 100


def test_an_install_and_a_token_refresh_at_debug_log_no_secret(everything_logged, fake, tmp_path, listeners):
    """Installed by OAuth: the client secret (sent in each oauth.v2.access), the codes exchanged,
    and the bot and refresh tokens Slack gives, first and rotated, never reach the log."""
    from bot.slack.preflight import secrets
    from storage import Store
    from tests.slack.conftest import Server
    from tests.slack.fake_slack import CLIENT_SECRET
    from tests.slack.oauth_helpers import event, install, oauth_app, oauth_settings

    redact.install(secrets(oauth_settings(fake)))  # as `newsbot run` does
    store = Store(tmp_path / "teams.db")
    fake.rotation, fake.expires_in = True, 60  # refreshed at the first request
    server = Server(oauth_app(fake, store, listeners))
    try:
        install(server, fake, "T2")
        first = store.installations.find(enterprise_id=None, team_id="T2")
        dm_t2 = {**dm(ts="1700000500.1"), "channel": "D2"}
        assert server.signed(event("T2", dm_t2, "EvRot"), JSON)[0] == 200
        fake.wait_for("chat.postMessage")
        listeners.idle()
    finally:
        server.stop()
    now = store.installations.find(enterprise_id=None, team_id="T2")
    assert now["bot_token"] != first["bot_token"]  # it was refreshed
    out = everything_logged.getvalue()
    assert "oauth.v2.access" in out  # logged, in detail
    codes = [c.body["code"] for c in fake.of("oauth.v2.access") if "code" in c.body]
    for secret in [CLIENT_SECRET, *codes, first["bot_token"], first["bot_refresh_token"], now["bot_token"],
                   now["bot_refresh_token"]]:  # fmt: skip
        assert secret not in out, secret
