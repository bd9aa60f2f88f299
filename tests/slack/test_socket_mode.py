"""Socket Mode: the same listeners, fed the envelopes' payloads as Bolt's socket adapter does."""

import json

from slack_bolt import BoltRequest

from tests.slack.conftest import event_body
from tests.slack.events.test_events import dm


def test_socket_mode_command_and_dm(app, fake):
    command = {
        "command": "/rivals",
        "text": "Sony",
        "channel_id": "C1",
        "user_id": "U1",
        "team_id": "T1",
        "response_url": fake.response_url("sock"),
        "trigger_id": "1.2.3",
    }
    response = app.dispatch(BoltRequest(body=command, mode="socket_mode"))
    assert response.status == 200
    [call] = fake.wait_for("response/sock")
    assert "Microsoft" in call.body["text"]

    response = app.dispatch(BoltRequest(body=json.loads(event_body(dm(ts="5.5"), "EvSock")), mode="socket_mode"))
    assert response.status == 200
    [post] = fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "D1"
