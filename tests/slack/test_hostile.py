"""Hostile text in every command and in DMs: always an answer, never an exception, never a ping."""

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_bolt import BoltRequest

from tests.slack.conftest import event_body
from tests.slack.events.test_events import dm

PIECES = st.sampled_from(
    [
        "<!channel>",
        "<!here>",
        "<!everyone>",
        "<@U123>",
        "<#C123|general>",
        "<http://evil.example|click>",
        "<!subteam^S1>",
        '"',
        "*",
        "NEAR(",
        "AND",
        "-",
        "_x_",
        "~y~",
        "`z`",
        "\U0001f3ae",
        "\u05e9\u05dc\u05d5\u05dd",
        "\u202e",
        "Sony",
        "Microsoft's",
        "CEO",
    ]
)
TEXT = st.one_of(
    st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=25).map(" ".join),
    st.just("<!channel> " * 400),
)
# a ping or link is Slack syntax in angle brackets; the bot only ever writes links to articles
# and the sharer's own mention, so none of these may appear
PING = re.compile(r"<!(?:channel|here|everyone|subteam)|<@U123|<#C123|<http://evil")


def strings(payload) -> str:
    """Every text Slack would show or notify with; a button's value is data it never displays."""
    shown = json.loads(json.dumps(payload))
    for block in shown.get("blocks", []):
        for element in block.get("elements", []):
            element.pop("value", None)
    return json.dumps(shown, ensure_ascii=False)


def test_hostile_text_everywhere(app, fake):
    counter = iter(range(10**6))

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(text=TEXT, command=st.sampled_from(["/brief", "/quotes", "/rivals", "/digest"]))
    def check(text, command):
        n = next(counter)
        fake.calls.clear()
        body = {
            "command": command,
            "text": text,
            "channel_id": "C1",
            "user_id": "U1",
            "team_id": "T1",
            "response_url": fake.response_url(f"h{n}"),
        }
        assert app.dispatch(BoltRequest(body=body, mode="socket_mode")).status == 200
        [call] = fake.wait_for(f"response/h{n}")
        assert call.body.get("text")
        assert not PING.search(strings(call.body))

        event = json.loads(event_body(dm(text=text, ts=f"{n}.0"), f"EvH{n}"))
        assert app.dispatch(BoltRequest(body=event, mode="socket_mode")).status == 200
        [post] = fake.wait_for("chat.postMessage")
        assert post.body.get("text")
        assert not PING.search(strings(post.body))

    check()
