"""Text Slack has escaped (``AT&amp;T``) and marked up (``<@U123|ada>``, ``<!here>``) comes in as
the person typed it, and goes out escaped once: checked on the exact text that reaches the fake
Web API, through signed requests, for names full of Slack's control characters."""

import pytest

from bot.extract.model import Entity, Quote, Relation
from bot.slack.incoming import text
from storage import Store
from tests.conftest import make_extraction, open_test_store, save
from tests.slack.conftest import FORM, JSON, Server, build_app, command_body, event_body
from tests.slack.events.test_events import dm, mention
from tests.slack.fake_slack import BOT_USER

RIVALRY = "AT&T competes with Procter & Gamble in <Acme> markets."
PARTNERSHIP = "<Acme> and AT&T signed a partnership on 5G & cloud."
SAID = '"We love <b> tags & more," said Ada Lovelace, AT&T\'s chief executive.'
TITLE = "AT&T & <Acme> news <b>"


@pytest.fixture(scope="module")
def ampersand_store(tmp_path_factory) -> Store:
    store = open_test_store(tmp_path_factory.mktemp("escaping") / "escaping.db")
    extraction = make_extraction(
        TITLE,
        [RIVALRY, PARTNERSHIP, SAID],
        entities=[
            Entity("AT&T", "company"),
            Entity("Procter & Gamble", "company"),
            Entity("<Acme>", "company"),
            Entity("Ada Lovelace", "person", role="chief executive", org="AT&T"),
        ],
        quotes=[Quote("We love <b> tags & more,", "Ada Lovelace", "chief executive", "AT&T", 2)],
        relations=[
            Relation("competes", "AT&T", "Procter & Gamble", RIVALRY, 0),
            Relation("partners", "<Acme>", "AT&T", PARTNERSHIP, 1),
        ],
    )
    save(store, extraction)
    return store


@pytest.fixture
def escaping_server(settings, ampersand_store, listeners):
    server = Server(build_app(settings, ampersand_store, listeners))
    yield server
    server.stop()


def slack_escaped(typed: str) -> str:
    """What Slack sends for ``typed``."""
    return typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def texts(payload: dict) -> list[str]:
    found = [payload["text"]]
    for block in payload["blocks"]:
        if "text" in block:
            found.append(block["text"]["text"])
        found += [e["text"] for e in block.get("elements", []) if e.get("type") == "mrkdwn"]
    return found


def never_escaped_twice(payload: dict) -> None:
    for shown in texts(payload):
        assert "&amp;amp;" not in shown and "&amp;lt;" not in shown and "&amp;gt;" not in shown, shown
        assert "<!" not in shown and "<@" not in shown and "<#" not in shown, shown  # no live ping or link


def command(server, fake, name: str, typed: str, response: str) -> dict:
    server.signed(command_body(name, slack_escaped(typed), fake.response_url(response)), FORM)
    [call] = fake.wait_for(f"response/{response}")
    never_escaped_twice(call.body)
    return call.body


PAIR = "*AT&amp;T* competes with *Procter &amp; Gamble*"
EVIDENCE = (
    "> AT&amp;T competes with Procter &amp; Gamble in &lt;Acme&gt; markets.\n"
    "\u2014 _AT&amp;T &amp; &lt;Acme&gt; news &lt;b&gt;_"  # the article cited
)


def test_rivals_of_a_name_with_an_ampersand(escaping_server, fake):
    payload = command(escaping_server, fake, "/rivals", "AT&T", "r1")
    assert payload["blocks"][0]["text"]["text"] == "Rivals and partners of AT&amp;T"
    sections = [b["text"]["text"] for b in payload["blocks"] if b["type"] == "section"]
    assert any(s.startswith(f"{PAIR}\n{EVIDENCE} (no date; added ") for s in sections)  # the date it was stored
    assert "- AT&amp;T competes with Procter &amp; Gamble" in payload["text"].splitlines()
    assert "- AT&amp;T partners with &lt;Acme&gt;" in payload["text"].splitlines()


@pytest.mark.parametrize(
    ("typed", "header"),
    [
        ("Procter & Gamble", "Rivals and partners of Procter &amp; Gamble"),
        ("<Acme>", "Rivals and partners of &lt;Acme&gt;"),
        ("AT&T Procter & Gamble", "AT&amp;T and Procter &amp; Gamble"),  # the pair
    ],
)
def test_rivals_of_names_full_of_slacks_control_characters(escaping_server, fake, typed, header):
    payload = command(escaping_server, fake, "/rivals", typed, "r1")
    assert payload["blocks"][0]["text"]["text"] == header


def test_an_unknown_name_is_quoted_as_typed(escaping_server, fake):
    payload = command(escaping_server, fake, "/rivals", "Verizon & <Co>", "r1")
    assert "No company named 'Verizon &amp; &lt;Co&gt;' in the news I have." in payload["text"]


def test_a_typed_tag_is_shown_as_typed(escaping_server, fake):
    payload = command(escaping_server, fake, "/brief", "<b>", "r1")
    assert payload["blocks"][0]["text"]["text"] == "News about &lt;b&gt;"
    payload = command(escaping_server, fake, "/quotes", "AT&T", "r2")
    assert "> \u201cWe love &lt;b&gt; tags &amp; more,\u201d" in "\n".join(texts(payload))


def test_a_mention_with_slack_markup_is_answered_about_the_name_it_holds(escaping_server, fake):
    event = mention(text="who competes with AT&amp;T? <!here> cc <@U9|ada> in <#C7|general>")
    escaping_server.signed(event_body(event), JSON)
    [post] = fake.wait_for("chat.postMessage")
    never_escaped_twice(post.body)
    assert post.body["blocks"][0]["text"]["text"] == "Rivals and partners of AT&amp;T"
    assert any(s.startswith(f"{PAIR}\n{EVIDENCE}") for s in texts(post.body))
    assert "I know no" not in post.body["text"]  # the mentions are no company names


def test_a_dm_about_procter_and_gamble(escaping_server, fake):
    escaping_server.signed(event_body(dm("who competes with Procter &amp; Gamble?", ts="1700000009.1")), JSON)
    [post] = fake.wait_for("chat.postMessage")
    never_escaped_twice(post.body)
    assert "*Procter &amp; Gamble* competes with *AT&amp;T*" in "\n".join(texts(post.body))


@pytest.mark.parametrize(
    ("sent", "typed"),
    [
        ("AT&amp;T", "AT&T"),
        ("&lt;b&gt; &amp;lt;", "<b> &lt;"),  # a typed "&lt;" arrives as "&amp;lt;": unescaped once
        (f"<@{BOT_USER}> hi <@U1|ada> <@U2>", "hi @ada @U2"),
        ("<#C1|general> <#C2>", "#general #C2"),
        ("<!here> <!channel> <!everyone> <!subteam^S1|@eng> <!subteam^S2>", "@here @channel @everyone @eng @S2"),
        ("<!date^1392734382^{date}|Feb 18, 2014>", "Feb 18, 2014"),
        (
            "<https://x.example/?a=1&amp;b=2|x &amp; y> <http://y.example|y.example>",  # a link reads as its address
            "https://x.example/?a=1&b=2 http://y.example",
        ),
        ("<mailto:ada@example.com|ada@example.com>", "ada@example.com"),
        ("R&D &amp co", "R&D &amp co"),  # no entity: left as it is
        ("<> <|x> a", "a"),  # empty markup (never typed: Slack escapes a typed "<>") stands for nothing
    ],
)
def test_slack_markup_reads_as_it_was_typed(sent, typed):
    assert text(sent, bot_user_id=BOT_USER) == typed
