"""Acquisitions answered: /rivals lists what a company bought and who bought it, the right way
round, with the sentence, the article and its date; "who bought X?" and "what did X buy?" ask
for them; the digest words them; the map leaves them out."""

from __future__ import annotations

from datetime import UTC

import pytest
import time_machine

from bot.answers import Answers, Rivals
from bot.answers.intent import understand
from bot.digest import content
from bot.digest import text as digest_text
from bot.map import neighbourhood
from bot.terminal.render import render
from tests.answers.world import NOW, with_acquisitions
from tests.conftest import open_test_store


@pytest.fixture(scope="module")
def answers(tmp_path_factory) -> Answers:
    return Answers(with_acquisitions(open_test_store(tmp_path_factory.mktemp("acq") / "acq.db")))


def ask(answers: Answers, question: str):
    with time_machine.travel(NOW, tick=False):
        return answers.ask(question, zone=UTC)


def said(answer: Rivals) -> dict[str, list[str]]:
    return {side: [f"{f.company} {f.verb} {f.other}" for f in facts] for side, facts in answer.sections() if facts}


@pytest.mark.parametrize(
    ("question", "relation"),
    [
        ("who bought Activision?", "acquires"),
        ("what did Microsoft buy?", "acquires"),
        ("who has Google acquired?", "acquires"),
        ("which companies did Microsoft take over?", "acquires"),
        ("who competes with Sony?", "competes"),
        ("who does Microsoft partner with?", "partners"),
    ],
)
def test_questions_about_purchases_ask_for_acquisitions(question, relation):
    intent = understand(question)
    assert (intent.kind, intent.relation) == ("rivals", relation)


def test_what_was_said_about_a_takeover_is_a_question_about_quotes():
    assert understand("what did Microsoft say about the takeover?").kind == "quotes"


def test_who_bought_a_company_reads_from_its_side(answers):
    answer = ask(answers, "who bought Activision?")
    assert said(answer) == {"~acquires": ["Activision was bought by Microsoft"]}
    [fact] = answer.others["~acquires"]
    [evidence] = fact.evidence
    assert evidence.sentence.startswith("Microsoft agreed to buy Activision")
    assert (evidence.source.title, evidence.source.date) == ("Microsoft agrees to buy Activision", "8 Dec 2026")
    assert answer.title == "Acquisitions involving Activision"


def test_what_a_company_bought_and_never_the_other_way_round(answers):
    assert said(ask(answers, "what did Microsoft buy?")) == {"acquires": ["Microsoft bought Activision"]}
    assert said(ask(answers, "what did Google buy?")) == {"acquires": ["Google bought Pyra Labs"]}
    bought = ask(answers, "what did Activision buy?")
    assert said(bought) == {"~acquires": ["Activision was bought by Microsoft"]}  # both sides of the kind
    assert ask(answers, "who bought Jupiter?").note == "No acquisitions involving Jupiter in the news I have."
    nvidia = ask(answers, "who bought Nvidia?")  # none: its rivals and partners, said so
    assert nvidia.note == "No acquisitions of Nvidia in the news I have; here is the rest." and nvidia.competes


def test_rivals_of_a_company_list_its_purchases_beside_its_rivals_and_partners(answers):
    answer = ask(answers, "/rivals Microsoft")
    assert said(answer)["acquires"] == ["Microsoft bought Activision"]
    assert "Sony" in [f.other for f in answer.competes] and answer.partners
    text = render(answer)
    assert "Acquisitions:\n  * Microsoft bought Activision" in text
    assert "[Microsoft agrees to buy Activision] (8\u00a0Dec\u00a02026)" in text
    assert "Bought by:\n  * Activision was bought by Microsoft" in render(ask(answers, "/rivals Activision"))


def test_a_time_bounded_question_keeps_the_direction(answers):
    assert said(ask(answers, "/rivals Activision this week")) == {"~acquires": ["Activision was bought by Microsoft"]}
    assert said(ask(answers, "what did Microsoft buy this week?")) == {"acquires": ["Microsoft bought Activision"]}
    assert not any(ask(answers, "what did Google buy this week?").others.values())


def test_a_pair_says_who_bought_whom(answers):
    assert said(ask(answers, "/rivals Activision Microsoft")) == {"~acquires": ["Activision was bought by Microsoft"]}
    answer = ask(answers, "is Activision a rival of Microsoft?")
    assert answer.note.startswith("No rivalry between Activision and Microsoft in the news I have, but Activision")


def test_every_pair_known_includes_the_purchases(answers):
    assert set(said(ask(answers, "/rivals"))["acquires"]) == {"Microsoft bought Activision", "Google bought Pyra Labs"}


def test_the_digest_words_a_purchase_as_one(answers):
    with time_machine.travel(NOW, tick=False):
        text = digest_text.render(content.build(answers.store))
    assert "- Microsoft bought Activision: Microsoft agreed to buy Activision" in text
    assert "partners with Activision" not in text


def test_the_map_draws_rivals_and_partners_only(answers):
    hood = neighbourhood(answers, "Microsoft")
    assert {link.kind for link in hood.links} <= {"competes", "partners"}
    assert "Activision" not in {link.b for link in hood.links}
