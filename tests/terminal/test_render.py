"""Plain-text rendering for the terminal."""

from bot.answers import ArticleBrief, Brief, Evidence, RelationFact, Rivals, Source
from bot.answers.model import NBSP
from bot.terminal.render import WIDTH, render


def test_a_long_headline_wraps_under_its_bullet_without_a_second_bullet():
    title = "Sony and Microsoft announced a strategic partnership on cloud technology for gaming and AI applications."
    answer = Brief(None, [ArticleBrief(Source(1, title), ["The first sentence.", "The second one."])], 1)
    lines = render(answer).splitlines()
    bullets = [line for line in lines if line.lstrip().startswith("*")]
    assert len(bullets) == 1
    assert all(len(line) <= WIDTH for line in lines)
    headline = lines[lines.index(bullets[0]) + 1]
    assert headline.startswith("    ") and "applications." in headline


def test_a_citation_carries_the_article_s_date_and_link():
    def cite(source: Source) -> str:
        return source.citation

    source = Source(1, "Headline", "https://example.com/a", "2026-11-20T08:15:00Z")
    assert cite(source).replace(NBSP, " ") == "[Headline] (20 Nov 2026) <https://example.com/a>"
    assert cite(Source(1, "Headline", published="2004-12")).replace(NBSP, " ") == "[Headline] (Dec 2004)"
    undated = Source(1, "Headline", added="2026-12-06T10:00:00.000000Z")
    assert cite(undated).replace(NBSP, " ") == "[Headline] (no date; added 6 Dec 2026)"
    assert cite(Source(1, "Headline")) == "[Headline]"


def test_a_capped_total_is_shown_as_a_lower_bound():
    items = [ArticleBrief(Source(n, f"Story {n}"), ["A sentence."]) for n in range(2)]
    exact = render(Brief("cloud", items, 40))
    assert "(2 of 40)" in exact and "...and 38 more; narrow the topic" in exact
    capped = render(Brief("cloud", items, 1000, capped=True))
    assert "(2 of 1,000+)" in capped and "...and 998+ more;" in capped


def test_rivals_say_when_the_store_has_more_pairs_and_how_to_narrow():
    fact = RelationFact("competes", "Acme", "Globex", [Evidence("Acme competes with Globex.", Source(1, "Story"))])
    assert "...and more" not in render(Rivals("Acme", [fact], [], more=False))
    assert render(Rivals("Acme", [fact], [], more=True)).endswith(
        "...and more; narrow with /rivals Acme [other company], or type more in newsbot chat."
    )
    assert render(Rivals("Acme", [fact], [], more=True, totals=(8, 0)), more="chat").endswith(
        "...and 7 more: type more (or press Enter) to see them."
    )


def test_a_pair_says_how_many_sentences_state_it_when_it_shows_fewer():
    fact = RelationFact("competes", "Acme", "Globex", [Evidence("Acme competes with Globex.", Source(1, "Story"))], 7)
    assert "  * Acme competes with Globex (7 mentions)" in render(Rivals("Acme", [fact], [])).splitlines()


def test_sentences_from_one_article_cite_it_once():
    one, other = Source(1, "Story"), Source(2, "Another story")
    evidence = [Evidence("First.", one), Evidence("Second.", one), Evidence("Third.", other)]
    lines = render(Rivals("Acme", [RelationFact("competes", "Acme", "Globex", evidence)], [])).splitlines()
    assert [line.strip() for line in lines[lines.index("  * Acme competes with Globex") + 1 :]] == [
        "> First.",
        "> Second.",
        "\u2014 [Story]",
        "> Third.",
        "\u2014 [Another story]",
    ]
