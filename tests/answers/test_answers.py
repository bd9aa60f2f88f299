"""The answers layer over a store of hand-made extractions (independent of extraction rules)."""

import pytest

from bot.answers import Answers, Brief, Quotes, Rivals
from bot.extract.model import Entity, Relation
from tests.conftest import GAMING, PHONES, make_extraction, save


@pytest.fixture
def answers(news_store):
    return Answers(news_store)


def pairs(facts):
    return {(f.company, f.other) for f in facts}


# -- brief -----------------------------------------------------------------------------------


def test_brief_without_topic_gives_the_latest_articles_with_summaries(answers):
    result = answers.brief()
    assert isinstance(result, Brief)
    assert {a.source.title for a in result.articles} == {GAMING.title, PHONES.title}
    assert result.total == 2
    assert all(1 <= len(a.summary) <= 2 for a in result.articles)
    gaming = next(a for a in result.articles if a.source.title == GAMING.title)
    assert gaming.summary[0] == GAMING.sentences[0].text


def test_an_answer_reads_one_state_of_the_store_while_another_process_writes(tmp_path):
    from storage import Store

    def story(n):
        return make_extraction(f"Cloud story {n}", [f"Cloud prices fell again, story {n}."], source=f"c{n}.txt")

    reader, writer = Store(tmp_path / "s.db"), Store(tmp_path / "s.db")
    for n in range(7):
        save(writer, story(n))
    written = []

    def between(sql):  # once the brief has found its latest matches, and before it counts them
        if "articles_upto" in sql and not written:
            written.append(save(writer, story(7)))

    reader.conn.set_trace_callback(between)
    brief = Answers(reader).command("brief", "cloud")
    reader.conn.set_trace_callback(None)
    assert written and brief.articles[0].source.title == "Cloud story 6"
    assert brief.total == 7  # the count agrees with the rows: the eighth came after the answer began
    assert Answers(reader).command("brief", "cloud").total == 8
    assert not reader.conn.in_transaction  # and its read transaction is over
    with writer.transaction():  # which nothing of the answer holds open
        pass


def test_a_brief_s_total_past_the_count_cap_is_a_lower_bound(store):
    for n in range(4):
        save(store, make_extraction(f"Cloud story {n}", [f"Cloud prices fell again, story {n}."], source=f"c{n}.txt"))
    answers = Answers(store, limit=2)
    answers.COUNT_CAP = 3
    capped = answers.brief("cloud")
    assert (len(capped.articles), capped.total, capped.capped) == (2, 3, True)  # four match: "3+"
    answers.COUNT_CAP = 5
    exact = answers.brief("cloud")
    assert (exact.total, exact.capped) == (4, False)


def test_brief_on_a_product_finds_its_articles(answers):
    assert [a.source.title for a in answers.brief("Azure").articles] == [GAMING.title]


def test_brief_on_a_company_finds_articles_naming_only_its_products(answers):
    # "Apple" is in PHONES; the topic "iPod" only through the product
    assert [a.source.title for a in answers.brief("ipod").articles] == [PHONES.title]


def test_brief_on_an_unknown_topic_says_so(answers):
    result = answers.brief("quantum annealing")
    assert result.articles == []
    assert "quantum annealing" in result.note


# -- quotes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who", ["Satya Nadella", "nadella", "Mr Nadella", "Nadela", "Microsoft CEO", "Microsoft's chief executive"]
)
def test_quotes_find_a_person_by_name_alias_typo_or_role(answers, who):
    result = answers.quotes(who)
    assert isinstance(result, Quotes)
    assert [q.speaker for q in result.quotes] == ["Satya Nadella"], who
    q = result.quotes[0]
    assert (q.role, q.org) == ("chief executive", "Microsoft")
    assert q.evidence.source.title == GAMING.title
    assert "delighted" in q.evidence.sentence


def test_quotes_of_a_company_include_its_unnamed_spokespeople(answers):
    result = answers.quotes("Nokia")
    assert [q.speaker for q in result.quotes] == ["Nokia"]


def test_quotes_on_a_topic_search_the_quoted_words(answers):
    assert [q.speaker for q in answers.quotes("listen to music").quotes] == ["Nokia"]


def test_quotes_for_a_role_nobody_holds_says_so(answers):
    result = answers.quotes("Nokia CEO")
    assert result.quotes == []
    assert "Nokia" in result.note


def test_quotes_without_a_query_gives_the_latest(answers):
    assert len(answers.quotes().quotes) == 2


# -- rivals ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Sony", "sony", "SONY CORPORATION", "Sony Corp.", "Sony's", "Sonny"])
def test_rivals_of_sony_through_any_spelling(answers, name):
    result = answers.rivals(name)
    assert isinstance(result, Rivals)
    assert result.company == "Sony"
    assert pairs(result.competes) == {("Sony", "Microsoft"), ("Sony", "Google")}
    assert pairs(result.partners) == {("Sony", "Microsoft")}
    for fact in result.competes + result.partners:
        assert fact.evidence and all(ev.source.title == GAMING.title for ev in fact.evidence)


def test_rivals_of_a_product_speak_for_its_owner(answers):
    result = answers.rivals("Xbox")
    assert result.company == "Microsoft"
    assert pairs(result.competes) == {("Microsoft", "Sony")}
    assert "Xbox is Microsoft's" in result.note


def test_rivals_without_a_company_list_every_pair(answers):
    result = answers.rivals()
    assert {frozenset(p) for p in pairs(result.competes)} == {
        frozenset({"Microsoft", "Sony"}),
        frozenset({"Google", "Sony"}),
        frozenset({"Nokia", "Apple"}),
    }
    assert len(result.partners) == 1


def test_rivals_of_an_unknown_company_suggest_known_names(answers):
    result = answers.rivals("Nokla Corporation")
    assert result.company == "Nokia"  # a small typo is forgiven
    unknown = answers.rivals("Zyxwv")
    assert unknown.total == 0 and "Zyxwv" in unknown.note


# -- ask -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind", "check"),
    [
        ("who competes with Sony?", "rivals", lambda r: r.company == "Sony"),
        ("Who are Microsoft's rivals", "rivals", lambda r: r.company == "Microsoft"),
        ("who does sony partner with", "rivals", lambda r: pairs(r.partners) == {("Sony", "Microsoft")}),
        ("who competes with Micrsoft?", "rivals", lambda r: r.company == "Microsoft"),
        ("what did Nadella say?", "quotes", lambda r: r.quotes[0].speaker == "Satya Nadella"),
        ("what did Microsoft's CEO say?", "quotes", lambda r: r.quotes[0].speaker == "Satya Nadella"),
        ("what did the microsoft chief executive say", "quotes", lambda r: r.quotes[0].speaker == "Satya Nadella"),
        ("summarize the Sony Microsoft deal", "brief", lambda r: r.articles[0].source.title == GAMING.title),
        ("any news on Azure?", "brief", lambda r: [a.source.title for a in r.articles] == [GAMING.title]),
        ("what's new?", "brief", lambda r: len(r.articles) == 2),
        ("Nokia", "brief", lambda r: r.articles[0].source.title == PHONES.title),
        ("/rivals Sony", "rivals", lambda r: r.company == "Sony"),
        ("/quotes Nadella", "quotes", lambda r: r.quotes[0].speaker == "Satya Nadella"),
        ("/brief", "brief", lambda r: r.topic is None),
        ("/rivals help", "help", lambda r: r.topic == "rivals"),
        ("help", "help", lambda r: r.reason is None),
    ],
)
def test_ask_routes_plain_english(answers, question, kind, check):
    result = answers.ask(question)
    assert result.kind == kind, result
    assert check(result)


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   ",
        "asdfghjkl qwerty",
        "/nonsense",
        "?!?!",
        '" OR 1=1 --',
        "<!channel> hi",
        "x" * 4000,
        "what's the weather",
    ],
)
def test_questions_it_cannot_answer_get_help_not_an_exception(answers, question):
    result = answers.ask(question)
    assert result.kind in {"help", "brief", "quotes", "rivals", "known"}
    if result.kind == "help":
        assert result.examples


def test_rivals_say_whether_the_store_has_more_pairs(store):
    rivals = [f"Rival{n}" for n in range(4)]
    for n, name in enumerate(rivals):
        save(
            store,
            make_extraction(
                f"Acme and {name}",
                [f"Acme competes with {name}."],
                entities=[Entity("Acme", "company"), Entity(name, "company")],
                relations=[Relation("competes", "Acme", name, f"Acme competes with {name}.", 0)],
                source=f"r{n}.txt",
            ),
        )
    answers = Answers(store, limit=4)  # rivals show up to four pairs of each kind
    shown = answers.rivals("Acme")
    assert len(shown.competes) == 4 and shown.more is False
    save(
        store,
        make_extraction(
            "Acme and Rival9",
            ["Acme competes with Rival9."],
            entities=[Entity("Acme", "company"), Entity("Rival9", "company")],
            relations=[Relation("competes", "Acme", "Rival9", "Acme competes with Rival9.", 0)],
            source="r9.txt",
        ),
    )
    answers.names.invalidate()
    shown = answers.rivals("Acme")
    assert len(shown.competes) == 4 and shown.more is True
    assert Answers(store, limit=5).rivals("Acme").more is False
