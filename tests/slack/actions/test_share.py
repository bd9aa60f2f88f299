"""The "Share in channel" button: the same answer, posted for everyone."""

import json

from tests.slack.conftest import FORM, action_body


def test_share_posts_the_answer_in_channel_and_removes_the_ephemeral(server, fake):
    value = json.dumps({"c": "rivals", "t": "Sony"})
    assert server.signed(action_body(value, fake.response_url("share")), FORM)[0] == 200
    calls = fake.wait_for("response/share", count=2)
    shared, deleted = calls[0].body, calls[1].body
    assert shared["response_type"] == "in_channel" and shared["replace_original"] is False
    assert "Microsoft" in shared["text"]
    assert not [b for b in shared["blocks"] if b["type"] == "actions"]
    assert "Shared by <@U1>" in json.dumps(shared["blocks"])
    assert deleted["delete_original"] is True


def test_a_forged_share_value_is_refused_politely(server, fake):
    server.signed(action_body('{"c": "ingest", "t": "/etc/passwd"}', fake.response_url("bad")), FORM)
    [call] = fake.wait_for("response/bad")
    assert call.body["response_type"] == "ephemeral"
    assert "can no longer be shared" in call.body["text"]
