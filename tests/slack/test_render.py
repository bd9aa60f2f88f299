"""Block Kit rendering: Slack's limits hold for any size; user and article text is escaped."""

import json

from bot.answers import ArticleBrief, Brief, Evidence, Help, QuoteFact, Quotes, RelationFact, Rivals, Source
from bot.slack.render import MAX_BLOCKS, MAX_HEADER, MAX_SECTION, cite, escape, render

SOURCE = Source(1, "Headline <!channel> & co", "https://example.com/a?b=1&c=2")


def check_limits(payload):
    blocks = payload["blocks"]
    assert len(blocks) <= MAX_BLOCKS
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= MAX_SECTION
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= MAX_HEADER
    assert len(payload["text"]) <= 3000


def test_escape_neutralises_mentions_and_links():
    assert escape("<!channel> <@U1> <http://x|y> a&b") == "&lt;!channel&gt; &lt;@U1&gt; &lt;http://x|y&gt; a&amp;b"


def test_cite_links_only_safe_urls():
    assert cite(SOURCE) == "<https://example.com/a?b=1&c=2|Headline &lt;!channel&gt; &amp; co>"
    assert cite(Source(1, "T", "javascript:alert(1)")) == "_T_"
    assert cite(Source(1, "T", None)) == "_T_"


def test_a_huge_rivals_answer_is_cut_with_a_note_and_stays_within_limits():
    ev = Evidence("x" * 5000, SOURCE)
    facts = [RelationFact("competes", "Sony", f"Rival{i}", [ev, ev, ev]) for i in range(200)]
    payload = render(Rivals("Sony", facts, facts[:50]), share=("rivals", "Sony"))
    check_limits(payload)
    assert "more. Narrow it with" in json.dumps(payload["blocks"])


def test_a_huge_brief_and_quotes_stay_within_limits():
    items = [ArticleBrief(SOURCE, ["y" * 4000, "z" * 4000]) for _ in range(100)]
    check_limits(render(Brief("t" * 500, items, 1000)))
    quotes = [QuoteFact("q" * 5000, "S" * 300, "r", "o", Evidence("s", SOURCE)) for _ in range(100)]
    check_limits(render(Quotes("who", quotes, 101, matched="m" * 400)))


def test_help_has_usage_and_no_share_button():
    payload = render(Help(["who competes with Sony?"], topic="rivals"), share=("rivals", "help"))
    assert "/rivals [company]" in payload["blocks"][0]["text"]["text"]
    assert not [b for b in payload["blocks"] if b["type"] == "actions"]
