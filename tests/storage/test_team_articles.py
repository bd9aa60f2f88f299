"""The articles a workspace added (issue 22), on both stores: another workspace reads nothing of
them (no article, fact, name or count: every answer is what it would be without them), the
workspaces that added them read them, the same content added twice is stored once, and a
workspace removed takes away only what no other holds."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from bot.answers import Answers
from bot.extract import extract
from bot.follows import matching
from bot.terminal.render import render
from storage import iso, open_store
from storage.teams import TeamReads
from tests.conftest import GAMING, PHONES, save

PARAGRAPHS = (
    "Zorblax, a Helsinki start-up, competes with Sony in cloud gaming, analysts said on Tuesday. Sony agreed to"
    " acquire Quuxcorp for $2 billion, a deal that shook the market.",
    '"We will beat Sony at its own game," said Marta Vexley, chief executive of Zorblax.',
    "Zorblax has signed a partnership with Microsoft to build chips for its consoles. Zorblax competes with Nintendo"
    " too.",
    "Sony competes with Microsoft in cloud gaming, the report said.",  # a pair everyone's articles state too
)
TITLE = "Zorblax takes on Sony with a cloud console"
PRIVATE = "\n\n".join((TITLE, *PARAGRAPHS)) + "\n"
HIDDEN = ("Zorblax", "Quuxcorp", "Vexley", "Helsinki", "beat Sony", "cloud console", "Nintendo")

QUESTIONS = [
    "/brief",
    "/brief Sony",
    "/brief cloud gaming",
    "/brief Zorblax",
    "/brief Helsinki",
    "/brief this week",
    "/quotes Sony",
    "/quotes Zorblax",
    "/quotes Marta Vexley",
    "/quotes about Sony",
    "/quotes chief executive",
    "/rivals Sony",
    "/rivals Microsoft",
    "/rivals Sony Microsoft",
    "/rivals Zorblax",
    "/rivals Zorblx",
    "who bought Quuxcorp?",
    "what did Sony buy?",
    "who partners with Microsoft?",
    "which companies do you know?",
    "which people do you know?",
    "what do you know about Helsinki?",
]


def add_private(store, team: str, text: str = PRIVATE, source: str = "https://t2.example/story"):
    ex = extract(text, source)
    digest = hashlib.sha256(text.encode()).hexdigest()
    return store.save_article(ex, source=source, content_hash=digest, url=source, team=team)


def common(store) -> None:
    for ex in (GAMING, PHONES):
        save(store, ex)


@pytest.fixture
def control(backend, tmp_path, request):
    """A second store of the same backend, with everyone's articles only."""
    if backend == "sqlite":
        location = tmp_path / "control.db"
    else:
        server = request.getfixturevalue("pg_server")
        location = server.database()
    s = open_store(location)
    yield s
    s.close()
    if backend != "sqlite":
        request.getfixturevalue("pg_server").drop(location)


def answers_of(store, team: str | None) -> dict[str, str]:
    answers = Answers(store).for_team(team)
    return {q: render(answers.ask(q)) for q in QUESTIONS}


def test_another_workspace_gets_every_answer_as_if_the_article_were_not_there(store, control):
    common(store)
    common(control)
    assert add_private(store, "T2").status == "added"

    t3 = answers_of(store, "T3")
    assert t3 == answers_of(control, "T3") == answers_of(control, None)
    assert not [q for q, text in t3.items() for word in HIDDEN if word in text and word not in q]
    # the store's own reads, as the workspace reads them
    scoped = TeamReads(store, "T3")
    assert scoped.article_count() == control.article_count() == 2
    assert scoped.graph.pairs_of("Sony") == control.graph.pairs_of("Sony")
    assert scoped.graph.pair_support("Sony", "Zorblax", "competes")["articles"] == 0
    assert scoped.entities_by_alias("zorblax") == []
    assert scoped.count_entities("company") == control.count_entities("company")
    assert scoped.known_entities("company") == control.known_entities("company")
    assert scoped.count_search_articles("Helsinki") == 0
    assert store.hidden_entities("T3") and not store.hidden_entities("T2")


def test_the_workspace_that_added_it_reads_it_and_the_operator_every_article(store):
    common(store)
    added = add_private(store, "T2")
    t2 = answers_of(store, "T2")
    assert "Quuxcorp" in t2["who bought Quuxcorp?"] and "Sony" in t2["who bought Quuxcorp?"]
    assert "We will beat Sony" in t2["/quotes Zorblax"]
    assert "Zorblax" in t2["/rivals Sony"] and "Zorblax" in t2["which companies do you know?"]
    assert (
        "the report said" in t2["/rivals Sony Microsoft"]
        and "the report said" not in answers_of(store, "T3")["/rivals Sony Microsoft"]
    )
    assert "Zorblax takes on Sony" in t2["/brief"]
    assert TeamReads(store, "T2").article_count() == 3
    assert TeamReads(store, "T2").get_article(added.article_id)["title"].startswith("Zorblax")
    assert TeamReads(store, "T3").get_article(added.article_id) is None
    assert "Zorblax" in answers_of(store, None)["/rivals Sony"]  # the command line: every article


def test_the_same_content_from_two_workspaces_is_stored_once_and_kept_while_one_holds_it(store):
    common(store)
    first = add_private(store, "T2")
    again = add_private(store, "T4", source="https://t4.example/same-story")
    assert again.article_id == first.article_id and again.status == "added"  # T4 is not told T2 has it
    assert add_private(store, "T4").status == "unchanged"
    assert store.article_count() == 3 and store.holders_of([first.article_id]) == {first.article_id: {"T2", "T4"}}

    assert store.installations.remove_team("T2")["articles"] == 0  # T4 still holds it
    assert "Quuxcorp" in answers_of(store, "T4")["who bought Quuxcorp?"]
    assert answers_of(store, "T2")["who bought Quuxcorp?"].startswith("No company named 'Quuxcorp'")

    assert store.installations.remove_team("T4")["articles"] == 1
    assert store.article_count() == 2 and store.get_article(first.article_id) is None
    assert store.entities_by_alias("zorblax") == [] and store.entities_by_alias("quuxcorp") == []
    assert store.holders_of([first.article_id]) == {}
    assert store.graph.pairs_of("Sony") == TeamReads(store, "T9").graph.pairs_of("Sony")
    assert "Zorblax" not in {p["other"] for p in store.graph.pairs_of("Sony")}


def test_stored_for_everyone_a_workspaces_article_is_everyones(store):
    common(store)
    first = add_private(store, "T2")
    ex = extract(PRIVATE, "operator")
    result = store.save_article(ex, source="operator", content_hash=hashlib.sha256(PRIVATE.encode()).hexdigest())
    assert result.article_id == first.article_id
    assert store.holders_of([first.article_id]) == {} and not store.hidden_entities("T3")
    assert "Quuxcorp" in answers_of(store, "T3")["who bought Quuxcorp?"]
    assert store.installations.remove_team("T2")["articles"] == 0 and store.article_count() == 3


def test_a_workspace_cannot_replace_an_article_of_another_or_of_everyone_by_its_source(store):
    common(store)
    theirs = add_private(store, "T2")
    changed = PRIVATE.replace("$2 billion", "$3 billion")
    mine = add_private(store, "T3", text=changed)  # the same link, another version
    assert mine.article_id != theirs.article_id and mine.status == "added"
    assert store.get_article(theirs.article_id) is not None
    assert "$2 billion" in TeamReads(store, "T2").get_article(theirs.article_id)["body"]
    assert TeamReads(store, "T2").get_article(mine.article_id) is None
    # and its own article from that link is replaced when the page changes
    newer = add_private(store, "T3", text=changed.replace("Tuesday", "Wednesday"))
    assert newer.status == "replaced" and store.article_count() == 4
    assert "Wednesday" in TeamReads(store, "T3").get_article(newer.article_id)["body"]
    assert "$2 billion" in TeamReads(store, "T2").get_article(theirs.article_id)["body"]


def test_a_follow_is_given_only_the_articles_its_workspace_may_see(store):
    now = iso(datetime.now(UTC))
    for channel, team in (("CT2", "T2"), ("CT3", "T3"), ("C1", None)):
        store.follows.add(channel, "company", "Sony", now=now, team=team)
    common(store)
    private = add_private(store, "T2")
    arrivals = store.follows.arrivals(0, store.follows.latest_seq(), stored_since=iso(datetime(2000, 1, 1, tzinfo=UTC)))
    plan = matching.plan(store, store.follows.every(), arrivals)
    got = {channel: {article_id for article_id, _names in items} for (channel, _team), items in plan.items()}
    gaming = store.find_articles("cloud gaming partnership").rows[-1]["id"]
    assert private.article_id in got["CT2"] and gaming in got["CT2"]
    assert gaming in got["CT3"] and private.article_id not in got["CT3"]
    assert gaming in got["C1"] and private.article_id not in got["C1"]  # a follow of no workspace: everyone's only


def test_a_digest_of_a_workspace_counts_only_what_it_may_see(store):
    common(store)
    since = iso(datetime(2000, 1, 1, tzinfo=UTC))
    until = store.digests.newest_ingestion()
    add_private(store, "T2")
    until_after = store.digests.newest_ingestion()
    t3, t2 = TeamReads(store, "T3").digests, TeamReads(store, "T2").digests
    assert t3.count_new(since, until_after) == store.digests.count_new(since, until) == 2
    assert t2.count_new(since, until_after) == 3
    assert {r["title"] for r in t3.new_articles(since, until_after, 10)} == {GAMING.title, PHONES.title}
    assert TITLE in {r["title"] for r in t2.new_articles(since, until_after, 10)}


def test_a_name_an_article_of_everyones_holds_is_everyones(store):
    add_private(store, "T2")
    assert TeamReads(store, "T3").entities_by_alias("zorblax") == []
    text = (
        "Zorblax opens an office in Oslo\n\n"
        "Zorblax, an Oslo start-up, competes with Sony in cloud gaming, analysts said on Friday.\n"
    )
    ex = extract(text, "operator-oslo")
    store.save_article(ex, source="operator-oslo", content_hash=hashlib.sha256(text.encode()).hexdigest())
    assert [e["name"] for e in TeamReads(store, "T3").entities_by_alias("zorblax")] == ["Zorblax"]
    assert store.entities_by_alias("quuxcorp") and TeamReads(store, "T3").entities_by_alias("quuxcorp") == []
    assert "Oslo" in answers_of(store, "T3")["/brief"] and "Quuxcorp" not in answers_of(store, "T3")["/brief"]
