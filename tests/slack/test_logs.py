"""Tokens and the signing secret never appear in a log line, at any level, from any logger."""

import io
import logging

import pytest

from bot.slack import redact
from tests.slack.conftest import APP_TOKEN, BOT_TOKEN, FORM, JSON, SIGNING_SECRET, command_body, event_body
from tests.slack.events.test_events import dm

SECRETS = [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET]


@pytest.fixture
def everything_logged():
    """Every record at DEBUG, formatted with tracebacks, as `newsbot run` would write them,
    with the redaction `newsbot run` installs."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    redact.install(SECRETS)
    yield stream
    redact.uninstall()
    root.removeHandler(handler)
    root.setLevel(old_level)


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
