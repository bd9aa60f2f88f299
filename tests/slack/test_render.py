"""Block Kit rendering: Slack's limits hold for any size; user and article text is escaped;
links are well formed."""

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.answers import ArticleBrief, Brief, Evidence, Help, QuoteFact, Quotes, RelationFact, Rivals, Source
from bot.mrkdwn import MAX_BLOCKS, cite, clean, escape, fit, inline, length, link_target, one_line
from bot.slack.render import render
from tests.slack.test_limits import check_limits

SOURCE = Source(1, "Headline <!channel> & co | more", "https://example.com/a?b=1&c=2")


def test_escape_neutralises_mentions_and_links():
    assert escape("<!channel> <@U1> <http://x|y> a&b") == "&lt;!channel&gt; &lt;@U1&gt; &lt;http://x|y&gt; a&amp;b"


@given(st.text(st.characters(codec=None)) | st.text(), st.integers(min_value=10, max_value=400))
def test_fit_escapes_and_never_cuts_inside_an_entity(text, limit):
    out = fit(text, limit)
    assert length(out) <= limit
    body = out.removesuffix("...")
    assert "<" not in body and ">" not in body
    assert body.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").count("&") == 0
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]", out)
    if length(escape(clean(text))) <= limit:
        assert out == escape(clean(text))


@given(
    st.text(st.characters(codec=None)) | st.text() | st.text(st.sampled_from(" a\u00e9\U0001f600&<>\t\n\u00a0\x00")),
    st.integers(min_value=1, max_value=60),
)
def test_inline_is_fit_of_one_line_whatever_the_text(text, limit):
    assert inline(text, limit) == fit(one_line(text), limit)


def test_cite_escapes_the_headline_and_the_link():
    assert cite(SOURCE) == "<https://example.com/a?b=1&amp;c=2|Headline &lt;!channel&gt; &amp; co \uff5c more>"
    # characters that would end the link are percent-encoded, not dropped with the link
    assert link_target("https://x.example/a b/<c>|d?q=\u00e9") == "https://x.example/a%20b/%3Cc%3E%7Cd?q=%C3%A9"
    assert link_target("https://b\u00fccher.example/") == "https://xn--bcher-kva.example/"


@pytest.mark.parametrize(
    "url", [None, "", "javascript:alert(1)", "ftp://x/y", "https://", "https://x" + "/a" * 500, "http://[::1"]
)
def test_links_that_cannot_be_linked_safely_cite_the_headline_alone(url):
    assert cite(Source(1, "T & <U>", url)) == "_T &amp; &lt;U&gt;_"


def test_a_huge_rivals_answer_is_cut_with_a_note_and_stays_within_limits():
    ev = Evidence("x" * 5000 + " & <!here>", SOURCE)
    facts = [RelationFact("competes", "Sony", f"Rival{i}", [ev, ev, ev]) for i in range(200)]
    payload = render(Rivals("Sony", facts, facts[:50]), more_value='{"r":"rivals"}', share_value="{}")
    check_limits(payload)
    assert "...and 205 more. Narrow it with `/rivals Sony [other company]`." in payload["text"]
    # cut for the block limit: asking for more would not fit either, so no "Show more"
    assert "more_answer" not in json.dumps(payload)


def test_a_huge_brief_and_quotes_stay_within_limits():
    items = [ArticleBrief(SOURCE, ["y & " * 2000, "z" * 4000]) for _ in range(100)]
    check_limits(render(Brief("t <!channel> " * 50, items, 1000), more=900, share_value="{}"))
    quotes = [QuoteFact("q & " * 3000, "S <@U1>" * 100, "r", "o", Evidence("s", SOURCE)) for _ in range(100)]
    check_limits(render(Quotes("who", quotes, 101, matched="m & " * 400), more=None))


def test_emoji_count_twice_against_the_limits():
    payload = render(Brief("\U0001f3ae" * 200, [ArticleBrief(SOURCE, ["\U0001f3ae" * 3000])], 1))
    check_limits(payload)
    assert payload["blocks"][0]["text"]["text"] == "News about " + "\U0001f3ae" * 68 + "..."  # 11 + 136 + 3


def test_the_more_note_counts_what_the_answers_left_out():
    items = [ArticleBrief(SOURCE, ["s"])] * 5
    payload = render(Brief(None, items, 42), more=37, more_value="v")
    assert payload["text"].endswith("...and 37 more. Show more below, or narrow it with `/brief [topic]`.")
    assert [e["action_id"] for e in payload["blocks"][-1]["elements"]] == ["more_answer"]
    assert "...and more." in render(Quotes("x", [], 6), more=None)["text"]


def test_a_capped_count_is_not_shown_as_the_number_left_out():
    from bot.slack.pages import more_of

    items = [ArticleBrief(SOURCE, ["s"])] * 5
    assert more_of(Brief("cloud", items, 42)) == 37
    capped = Brief("cloud", items, 100, capped=True)  # a hundred or more match
    assert more_of(capped) is None
    assert "...and more. Show more below" in render(capped, more=None, more_value="v")["text"]


def test_sentences_from_one_article_cite_it_once():
    other = Source(2, "Another story")
    evidence = [Evidence("First.", SOURCE), Evidence("Second.", SOURCE), Evidence("Third.", other)]
    payload = render(Rivals("Acme", [RelationFact("competes", "Acme", "Globex", evidence)], []))
    [pair] = [b["text"]["text"] for b in payload["blocks"] if "Globex" in b.get("text", {}).get("text", "")]
    assert pair.split("\n") == [
        "*Acme* competes with *Globex*",
        "> First.",
        "> Second.",
        f"\u2014 {cite(SOURCE)}",
        "> Third.",
        "\u2014 _Another story_",
    ]


def test_a_pair_says_how_many_sentences_state_it_when_it_shows_fewer():
    one = [Evidence("Acme competes with Globex.", SOURCE)]
    heads = [
        render(Rivals("Acme", [RelationFact("competes", "Acme", "Globex", one, mentions)], []))["blocks"][2]
        for mentions in (0, 1, 1234)
    ]
    assert [h["text"]["text"].split("\n")[0] for h in heads] == [
        "*Acme* competes with *Globex*",
        "*Acme* competes with *Globex*",
        "*Acme* competes with *Globex* (1,234 mentions)",
    ]


def test_help_has_usage_and_no_buttons():
    payload = render(Help(["who competes with Sony?"], topic="rivals"), share_value="{}")
    assert "/rivals [company]" in payload["blocks"][0]["text"]["text"]
    assert len(payload["blocks"]) < MAX_BLOCKS
    assert not [b for b in payload["blocks"] if b["type"] == "actions"]


def test_quotes_headers_and_fallback_name_the_speaker_first():
    quote = QuoteFact("We are delighted " * 40, "Satya Nadella", "CEO", "Microsoft", Evidence("s", SOURCE))
    payload = render(Quotes(None, [quote], 1, matched=None))
    assert payload["blocks"][0]["text"]["text"] == "Latest quotes"
    assert payload["text"].splitlines()[1].startswith("- Satya Nadella (CEO, Microsoft): \u201cWe are delighted")
    assert render(Quotes("Nadella", [quote], 1, matched="Satya Nadella"))["blocks"][0]["text"]["text"] == (
        "Quotes from Satya Nadella"
    )


@pytest.mark.parametrize(
    ("published", "shown"),
    [("2026-11-20T08:15:00Z", "(20 Nov 2026)"), ("2005-03-01", "(1 Mar 2005)"), (None, None), ("soon", None)],
)
def test_a_citation_carries_the_article_s_date_when_it_is_known(published, shown):
    linked = cite(Source(1, "Headline", "https://example.com/a", published))
    plain = cite(Source(1, "Headline", None, published))
    if shown:
        assert linked.endswith(f"> {shown}") and plain.endswith(f"_ {shown}")
    else:
        assert linked.endswith(">") and plain.endswith("_")


def test_join_within_keeps_whole_lines_while_they_fit_counting_as_slack_does():
    from bot.mrkdwn import join_within

    assert join_within(["abc", "de", "fgh"], 6) == "abc\nde"  # 3 + 1 + 2
    assert join_within(["abc", "de", "fgh"], 5) == "abc"
    assert join_within(["\U0001f600\U0001f600", "x"], 4) == "\U0001f600\U0001f600"  # each emoji counts two
    assert join_within(["too long"], 3) == ""
    assert join_within(iter(["ab", "c" * 10, "never read"]), 5) == "ab"


@given(st.lists(st.text(max_size=30), max_size=6), st.integers(min_value=0, max_value=120))
def test_join_within_a_list_at_once_keeps_what_line_by_line_keeps(lines, limit):
    from bot.mrkdwn import join_within

    # a list is measured joined when it fits whole; a lazy iterable always line by line
    assert join_within(lines, limit) == join_within(iter(lines), limit)
