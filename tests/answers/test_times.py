"""Dates in answers: every source shows one, "latest" is the latest published, a question's
time is read in the asker's time zone, and follow-ups keep what the question before asked."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.answers import Answers
from bot.answers.intent import understand
from bot.answers.model import attribution
from bot.answers.timespan import find
from tests.answers.world import NOW, build
from tests.conftest import make_extraction, save


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    from tests.conftest import open_test_store

    return Answers(build(open_test_store(tmp_path_factory.mktemp("times") / "t.db")))


def titles(answer) -> list[str]:
    return [a.source.title for a in answer.articles]


def test_every_source_of_every_answer_shows_its_date(answers):
    with time_machine.travel(NOW, tick=False):
        brief, quotes, rivals = answers.brief("Nvidia"), answers.quotes("Gates"), answers.rivals("Sony")
    assert [a.source.when for a in brief.articles] == ["8 Dec 2026", "15 Mar 2024"]
    assert [q.evidence.source.when for q in quotes.quotes] == ["20 Dec 2004", "2 Nov 2004"]
    whens = {e.source.when for f in rivals.competes + rivals.partners for e in f.evidence}
    assert {"7 Dec 2026", "15 Mar 2024"} <= whens and None not in whens


def test_an_article_with_no_date_shows_when_it_was_stored(answers, store):
    with time_machine.travel("2026-12-06 10:00Z", tick=False):
        save(store, make_extraction("Undated note on Acme", ["Acme competes with Globex."], source="u.txt"))
    [article] = Answers(store).brief().articles
    assert article.source.when == "no date; added 6 Dec 2026"


def test_the_latest_news_is_the_latest_published_whatever_was_stored_last(answers, store):
    from tests.answers.world import ARTICLES

    with time_machine.travel(NOW, tick=False):
        for ex, published in reversed(ARTICLES):  # this week's first, the 2004 archive after
            save(store, ex, published=published)
    for result in (Answers(store).brief(), answers.brief()):
        assert titles(result)[:2] == [
            "Nvidia unveils a new graphics chip",
            "Sony and Microsoft team up on cloud gaming",
        ]
    assert titles(Answers(store).brief("Sony"))[0] == "Sony and Microsoft team up on cloud gaming"


@pytest.mark.parametrize(
    ("zone", "first_day"),
    [
        ("Europe/London", "2026-12-09"),  # 12:00 on Wednesday in London
        ("Pacific/Auckland", "2026-12-10"),  # already Thursday there
        ("America/Los_Angeles", "2026-12-09"),
    ],
)
def test_today_is_the_asker_s_today(zone, first_day):
    with time_machine.travel(NOW, tick=False):
        when, rest = find("news today", zone=ZoneInfo(zone))
    assert rest == "news" and when.label == "today"
    assert when.span.start[0] == first_day


def test_a_day_starts_at_the_asker_s_midnight(answers):
    """At 12:00 UTC on Wednesday 9 December, yesterday is Tuesday the 8th in London (when the
    Nvidia story is dated) and Wednesday the 9th in Auckland (13 hours ahead: nothing then)."""
    with time_machine.travel(NOW, tick=False):
        london = answers.ask("news from yesterday", zone=ZoneInfo("Europe/London"))
        auckland = answers.ask("news from yesterday", zone=ZoneInfo("Pacific/Auckland"))
        lazy = answers.ask("news from yesterday", zone=lambda: ZoneInfo("Pacific/Auckland"))
    assert titles(london) == ["Nvidia unveils a new graphics chip"]  # Tuesday in London
    assert titles(auckland) == []  # Wednesday in Auckland: nothing published then
    assert titles(lazy) == titles(auckland)


def test_a_time_with_nothing_in_it_says_when_the_latest_is_from(answers):
    with time_machine.travel(NOW, tick=False):
        result = answers.ask("news from March 2025")
    assert result.articles == [] and result.note == "No articles in Mar 2025. The latest I have is from 8 Dec 2026."
    with time_machine.travel(NOW, tick=False):
        elsewhere = answers.ask("/brief Nvidia in 2005")
    assert "There are some at other times: /brief Nvidia." in elsewhere.note


def test_a_follow_up_keeps_what_the_question_before_asked():
    first = understand("who competes with Sony?")
    second = understand("and Google?", previous=first)
    assert (second.kind, second.subject, second.relation) == ("rivals", "Google", "competes")
    with time_machine.travel(NOW, tick=False):
        third = understand("what about this week?", previous=second)
    assert (third.kind, third.subject, third.when.label) == ("rivals", "Google", "this week")
    fresh = understand("what did Nadella say?", previous=third)
    assert (fresh.kind, fresh.subject) == ("quotes", "Nadella")
    assert understand("and Google?").kind == "brief"  # nothing before it: a question of its own


@pytest.mark.parametrize(
    ("speaker", "role", "org", "shown"),
    [
        ("Kerstin Dautenhahn", "leader", "Hertfordshire.", "Kerstin Dautenhahn (leader, Hertfordshire)"),
        ("Daniel Ek", "Spotify's chief executive", "Spotify", "Daniel Ek (chief executive, Spotify)"),
        ("Bill Gates", "Microsoft chairman", "Microsoft", "Bill Gates (chairman, Microsoft)"),
        ("Tom Hall", "from TV producer", None, "Tom Hall (TV producer)"),
        ("Ann Lee", "Nintendo Europe's general manager", "Nintendo", "Ann Lee (general manager, Nintendo Europe)"),
        ("Sony", None, "Sony", "Sony"),
        (None, None, None, "unnamed speaker"),
    ],
)
def test_a_speaker_s_role_and_organisation_are_shown_tidied_never_added_to(speaker, role, org, shown):
    assert attribution(speaker, role, org) == shown
