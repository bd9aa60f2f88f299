"""The reads the answers use for dates, roles, topics and counts, and what the Home tab reads of
the ledgers: held on both stores (see tests/conftest.py), so that both give the same answers."""

from __future__ import annotations

import time_machine

from bot.extract.model import Entity, Quote, Relation
from storage import Span
from tests.conftest import make_extraction, save

NOW = "2026-12-09 12:00Z"
DECEMBER_2004 = Span(start=("2004-12", "2004-12-01T00:00:00Z"), end=("2005", "2005-01-01T00:00:00Z"))


def story(n: int, *, speaker: str, role: str, topic: str, other: str = "Globex"):
    sentences = [
        f"Acme competes with {other} in {topic}, story {n}.",
        f'"Prices of {topic} will fall," said {speaker}, {role} at Acme.',
        "Shares moved.",
    ]
    return make_extraction(
        f"Acme and {topic}, story {n}",
        sentences,
        entities=[
            Entity("Acme", "company"),
            Entity(other, "company"),
            Entity(speaker, "person", role=role, org="Acme"),
        ],
        quotes=[Quote(f"Prices of {topic} will fall,", speaker, role, "Acme", 1)],
        relations=[Relation("competes", "Acme", other, sentences[0], 0)],
        source=f"story-{n}.txt",
    )


def stored(store):
    """Four stories: an analyst and a chief executive, on chips and on phones, in 2004 and now."""
    with time_machine.travel(NOW, tick=False):
        save(store, story(1, speaker="Ann Lee", role="analyst", topic="chips"), published="2004-12-13")
        save(store, story(2, speaker="Bob Ray", role="chief executive", topic="phones"), published="2004-12-20")
        save(store, story(3, speaker="Ann Lee", role="senior analyst", topic="phones", other="Initech"))
        save(store, story(4, speaker="Cy Dunn", role="executive chairman", topic="chips"), published="2026-12-01")
    return store


def test_quotes_are_found_by_role_as_a_phrase_by_topic_and_by_time(store):
    stored(store)
    analysts = store.find_quotes(roles=["analyst"])
    assert [q["speaker"] for q in analysts.rows] == ["Ann Lee", "Ann Lee"] and analysts.total == 2
    chiefs = store.find_quotes(roles=["chief executive"])  # the words in that order: not "executive chairman"
    assert [q["speaker"] for q in chiefs.rows] == ["Bob Ray"]
    either = store.find_quotes(roles=["chief executive", "executive chairman"])
    assert [q["speaker"] for q in either.rows] == ["Cy Dunn", "Bob Ray"]  # the latest published first
    about = store.find_quotes(roles=["analyst"], about="phones")
    assert [q["title"] for q in about.rows] == ["Acme and phones, story 3"]
    then = store.find_quotes(roles=["analyst"], within=DECEMBER_2004)
    assert [q["title"] for q in then.rows] == ["Acme and chips, story 1"]
    said = store.find_quotes("prices", about="chips", limit=1)
    assert [q["speaker"] for q in said.rows] == ["Cy Dunn"] and said.total == 2
    assert store.find_quotes().rows == [] and store.find_quotes("of the").rows == []


def test_a_person_s_quotes_about_a_topic_in_their_words_or_their_article_s(store):
    stored(store)
    assert [q["title"] for q in store.quotes_by(["Ann Lee"], about="chips")] == ["Acme and chips, story 1"]
    assert [q["title"] for q in store.quotes_by(orgs=["acme"], about="shares")] == [
        "Acme and phones, story 3",  # stored now, undated: the latest
        "Acme and chips, story 4",
        "Acme and phones, story 2",
        "Acme and chips, story 1",
    ]
    assert store.quotes_by(["Ann Lee"], about="zeppelins") == []


def test_a_company_s_relations_within_a_span_and_with_one_other(store):
    stored(store)
    in_2004 = store.relations_within("acme", DECEMBER_2004)
    assert [(r["b"], r["title"]) for r in in_2004] == [
        ("Globex", "Acme and phones, story 2"),
        ("Globex", "Acme and chips, story 1"),
    ]
    since = Span(start=("2026-12", "2026-12-01T00:00:00Z"))
    assert [r["b"] for r in store.relations_within("Acme", since, other="initech")] == ["Initech"]
    assert store.relations_within("Globex", since, other="Initech") == []


def test_counts_stop_at_their_cap_and_say_so(store):
    stored(store)
    found = store.find_articles("acme", 2, cap=3)
    assert (len(found.rows), found.total, found.capped) == (2, 3, True)
    found = store.find_articles("acme", 2)
    assert (found.total, found.capped) == (4, False)
    assert store.find_articles("acme", 5, within=DECEMBER_2004).total == 2
    mentioned = store.find_mentioning([1], 1, cap=2)  # Acme
    assert (mentioned.total, mentioned.capped) == (2, True)
    assert store.count_articles(within=DECEMBER_2004) == 2 and store.count_articles() == 4
    assert store.count_articles(within=DECEMBER_2004, cap=1) == 1
    assert store.count_search_articles("chips") == 2 and store.count_search_articles("chips", cap=1) == 1
    assert store.count_entities("company") == 3 and store.count_entities("company", cap=2) == 2
    assert store.count_entities("person") == 3


def test_when_each_article_was_stored(store):
    with time_machine.travel(NOW, tick=False):
        first = save(store, story(1, speaker="Ann Lee", role="analyst", topic="chips"), published="2004-12-13")
    with time_machine.travel("2026-12-10 08:00Z", tick=False):
        second = save(store, story(2, speaker="Bob Ray", role="analyst", topic="chips"))
    marks = store.stored_at([first.article_id, second.article_id, 999])
    assert marks == {first.article_id: "2026-12-09T12:00:00.000000Z", second.article_id: "2026-12-10T08:00:00.000000Z"}
    assert store.stored_at([]) == {}


def test_what_a_person_set_up_their_digests_and_their_follows(store):
    digests, follows = store.digests, store.follows
    for channel, who, at in (("C1", "U1", "2026-01-01"), ("C2", "U2", "2026-01-02"), ("C3", "U1", "2026-01-03")):
        digests.subscribe(channel, schedule="daily", at="08:00", zone="UTC", now=at, created_by=who)
    assert [s["channel"] for s in digests.subscriptions_by("U1")] == ["C3", "C1"]  # the latest set up first
    assert [s["channel"] for s in digests.subscriptions_by("U1", limit=1)] == ["C3"]
    assert digests.subscriptions_by("U9") == []
    follows.add("C2", "company", "Acme", now="2026-01-01", created_by="U1")
    follows.add("U1", "topic", "chips", now="2026-01-01", created_by="U1")  # in the DM
    follows.add("A1", "company", "Globex", now="2026-01-01", created_by="U1")
    follows.add("C2", "company", "Globex", now="2026-01-01", created_by="U2")
    assert [(f["channel"], f["name"]) for f in follows.of_person("U1")] == [
        ("U1", "chips"),  # their DM first
        ("A1", "Globex"),
        ("C2", "Acme"),
    ]
    assert len(follows.of_person("U1", limit=2)) == 2
