"""Hostile text in every command, in mentions, in DMs and through the share button: always an
answer, never an exception, never an unescaped ping or link."""

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_bolt import BoltRequest

from tests.slack.conftest import action_payload, button, command_fields, event_body
from tests.slack.events.test_events import dm, mention
from tests.slack.test_limits import check_limits

PIECES = st.sampled_from(
    [
        "<!channel>",
        "<!here>",
        "<!everyone>",
        "<!here|here>",
        "<@U123>",
        "<@W123|ada>",
        "<#C123|general>",
        "<http://evil.example|click>",
        "<https://evil.example>",
        "<mailto:a@b.c|mail>",
        "<!subteam^S1>",
        "<!date^1392734382^{date}|x>",
        "&lt;!channel&gt;",
        "&amp;",
        "&",
        "<",
        ">",
        '"',
        "*",
        "NEAR(",
        "AND",
        "OR NOT",
        "^",
        ":",
        "-",
        "(",
        "_x_",
        "~y~",
        "`z`",
        "```",
        "> quote",
        "\n",
        "\U0001f3ae",
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",
        "\u05e9\u05dc\u05d5\u05dd",
        "\u0645\u0631\u062d\u0628\u0627",
        "\u202e",
        "\u200f",
        "\x00",
        "\x07",
        "\ud83c",  # a lone surrogate, as JSON's "\\ud83c" alone decodes
        "Sony",
        "Microsoft's",
        "CEO",
        "who competes with",
        "what did",
        "say",
        "help",
    ]
)
TEXT = st.one_of(
    st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=25).map(" ".join),
    st.tuples(PIECES, PIECES).map(lambda pair: ((" ".join(pair) + " ") * 4000)[:4000]),  # 4,000 characters
)
# whatever the user typed, the only Slack syntax the bot may write is a link to an article
# (the seed articles have none) and the sharer's mention, <@U1>
SYNTAX = re.compile(r"<[^>]*>")
UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def shown(payload) -> list[str]:
    """Every text Slack would show or notify with (a button's value is data it never shows)."""
    texts = [payload.get("text") or ""]
    for block in payload.get("blocks", []):
        if "text" in block:
            texts.append(block["text"]["text"])
        texts += [e["text"] if isinstance(e["text"], str) else e["text"]["text"] for e in block.get("elements", [])]
    return texts


def check(payload) -> None:
    assert payload.get("text"), payload
    assert "Sorry, something went wrong" not in payload["text"]  # an answer, not an apology
    check_limits(payload)
    for text in shown(payload):
        assert SYNTAX.findall(text) in ([], ["<@U1>"]), text
        assert not UNSHOWABLE.search(text), text  # no control characters, no lone surrogates


def test_hostile_text_everywhere(app, fake, listeners):
    counter = iter(range(10**6))

    def dispatch(body) -> None:
        assert app.dispatch(BoltRequest(body=body, mode="socket_mode")).status == 200

    @settings(
        max_examples=80,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
    )
    @given(text=TEXT, command=st.sampled_from(["/brief", "/quotes", "/rivals", "/digest"]))
    def run(text, command):
        n = next(counter)
        fake.calls.clear()
        dispatch(command_fields(command, text, fake.response_url(f"h{n}")))
        listeners.idle()
        [answer] = fake.of(f"response/h{n}")
        check(answer.body)
        assert answer.body["response_type"] == "ephemeral"

        share = button(answer.body, "share_answer")
        if share is not None:
            dispatch(json.loads(json.dumps(action_payload(share["value"], fake.response_url(f"s{n}")))))
            listeners.idle()
            shared = fake.of(f"response/s{n}")[0].body
            check(shared)
            assert shared["response_type"] == "in_channel"

        dispatch(json.loads(event_body(dm(text=text, ts=f"{n}.1"), f"EvD{n}")))
        dispatch(json.loads(event_body(mention(text=text, ts=f"{n}.2"), f"EvM{n}")))
        listeners.idle()
        posts = fake.of("chat.postMessage")
        assert sorted(p.body["channel"] for p in posts) == ["C1", "D1"]
        for post in posts:
            check(post.body)

    run()
