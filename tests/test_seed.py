"""The seed article, end to end: files -> extraction -> store -> answers -> terminal text."""

import pytest

from bot.answers import Answers
from bot.ingest.pipeline import ensure_seeded
from bot.terminal.render import render
from tests.conftest import SEEDS, open_test_store


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    store = open_test_store(tmp_path_factory.mktemp("seed") / "seed.db")
    report = ensure_seeded(store, SEEDS, max_bytes=1_000_000)
    assert report is not None and not report.skipped
    return Answers(store)


def evidence_of(facts, other):
    [fact] = [f for f in facts if f.other == other]
    return [ev.sentence for ev in fact.evidence]


def test_rivals_sony_names_microsoft_google_and_the_partnership(answers):
    result = answers.command("rivals", "Sony")
    assert result.company == "Sony"
    assert {f.other for f in result.competes} == {"Microsoft", "Google"}
    assert {f.other for f in result.partners} == {"Microsoft"}
    # each pair with the sentence that first states it in the latest story, and how many do
    [microsoft] = evidence_of(result.competes, "Microsoft")
    assert "competing in some areas" in microsoft
    assert [f.mentions for f in result.competes if f.other == "Microsoft"] == [2]
    assert any("Stadia" in s for s in evidence_of(result.competes, "Google"))
    title = "Sony and Microsoft announced a strategic partnership on cloud technology for gaming and AI applications."
    assert evidence_of(result.partners, "Microsoft") == [title]
    assert all(ev.source.title == title for f in result.competes + result.partners for ev in f.evidence)


def test_rivals_of_one_pair_give_its_sentences_in_the_order_the_story_tells_them(answers):
    result = answers.command("rivals", "Sony Microsoft")
    competes = evidence_of(result.competes, "Microsoft")
    assert len(competes) == 2
    assert "competing in some areas" in competes[0] and "Xbox and PlayStation" in competes[1]
    partners = evidence_of(result.partners, "Microsoft")
    assert partners[0].startswith("Sony and Microsoft announced") and len(partners) == 3


@pytest.mark.parametrize(
    ("question", "speaker", "opening", "org"),
    [
        ("/quotes Nadella", "Satya Nadella", "Sony has always been a leader", "Microsoft"),
        ("what did Nadella say?", "Satya Nadella", "Sony has always been a leader", "Microsoft"),
        ("/quotes Microsoft CEO", "Satya Nadella", "Sony has always been a leader", "Microsoft"),
        ("what did the Sony CEO say?", "Kenichiro Yoshida", "For many years, Microsoft has been", "Sony"),
        ("/quotes Yoshida", "Kenichiro Yoshida", "For many years, Microsoft has been", "Sony"),
        ("what did Sony's CEO say", "Kenichiro Yoshida", "For many years, Microsoft has been", "Sony"),
    ],
)
def test_ceo_quotes_with_name_and_role(answers, question, speaker, opening, org):
    result = answers.ask(question)
    assert result.kind == "quotes"
    [quote] = result.quotes
    assert quote.speaker == speaker
    assert quote.text.startswith(opening)
    assert "CEO" in (quote.role or "") and quote.org == org


@pytest.mark.parametrize(
    "question",
    ["who competes with Sony?", "who competes with Sony Corporation?", "who are sony's rivals", "/rivals sonny"],
)
def test_questions_about_sony_rivals(answers, question):
    result = answers.ask(question)
    assert result.kind == "rivals" and result.company == "Sony"
    assert {f.other for f in result.competes} == {"Microsoft", "Google"}


def test_summaries_and_news_questions(answers):
    for question in ("summarize the Sony Microsoft deal", "any news on Azure?", "/brief", "/brief stadia"):
        result = answers.ask(question)
        assert result.kind == "brief", question
        [article] = result.articles
        assert article.summary and all(s for s in article.summary)


def test_every_answer_renders_for_the_terminal(answers):
    for question in ("/rivals Sony", "/quotes", "/brief", "/rivals", "help", "/digest", "zzzz qqqq"):
        text = render(answers.ask(question))
        assert text.strip()
    assert "Microsoft" in render(answers.ask("/rivals Sony"))
