"""Socket Mode: the same listeners, fed Slack's envelopes, first through BoltRequest as Bolt's
socket adapter builds it, then end to end through a local Socket Mode server."""

import json

import pytest
from slack_bolt import BoltRequest

from bot.slack.app import socket_mode_handler
from tests.slack.conftest import APP_TOKEN, command_fields, event_body
from tests.slack.events.test_events import dm, mention
from tests.slack.socket_server import SocketModeServer


def test_socket_mode_command_and_dm(app, fake):
    command = command_fields("/rivals", "Sony", fake.response_url("sock"))
    response = app.dispatch(BoltRequest(body=command, mode="socket_mode"))
    assert response.status == 200
    [call] = fake.wait_for("response/sock")
    assert call.body["response_type"] == "ephemeral" and "Microsoft" in call.body["text"]

    response = app.dispatch(BoltRequest(body=json.loads(event_body(dm(ts="5.5"), "EvSock")), mode="socket_mode"))
    assert response.status == 200
    [post] = fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "D1"


@pytest.fixture
def socket_server(fake):
    server = SocketModeServer()
    fake.answers["apps.connections.open"] = {"ok": True, "url": server.url}
    yield server
    server.close()


def test_end_to_end_through_a_local_socket_mode_server(app, settings, fake, socket_server, listeners):
    handler = socket_mode_handler(app, settings)
    handler.connect()
    try:
        assert socket_server.connected.wait(10)
        [opened] = fake.of("apps.connections.open")
        assert opened.headers["Authorization"] == f"Bearer {APP_TOKEN}"  # the xapp- token, at SLACK_API_URL

        socket_server.send(
            {
                "envelope_id": "env-command",
                "type": "slash_commands",
                "accepts_response_payload": True,
                "payload": command_fields("/rivals", "Sony", fake.response_url("sm")),
            }
        )
        event = json.loads(event_body(mention(ts="1700000300.1"), "EvSM1"))
        socket_server.send(
            {"envelope_id": "env-event", "type": "events_api", "accepts_response_payload": False, "payload": event}
        )
        # Slack re-sends an envelope it thinks was not acknowledged: the same event, a new envelope
        socket_server.send(
            {
                "envelope_id": "env-retry",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": 1,
                "retry_reason": "timeout",
                "payload": event,
            }
        )
        assert sorted(socket_server.wait_for_acks(3)) == ["env-command", "env-event", "env-retry"]
        [answer] = fake.wait_for("response/sm")
        assert answer.body["response_type"] == "ephemeral" and "Microsoft" in answer.body["text"]
        fake.wait_for("chat.postMessage")
        listeners.idle()
        [post] = fake.of("chat.postMessage")
        assert post.body["channel"] == "C1" and post.body["thread_ts"] == "1700000300.1"
    finally:
        handler.close()
