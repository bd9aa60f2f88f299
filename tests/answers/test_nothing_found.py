"""When there is nothing to show, the answer says what there is nothing of, and what there is
instead: nothing between two companies is not nothing about either; a name nobody knows is
said, not dropped; a company with no quotes is not a store with none."""

from __future__ import annotations

import pytest

from bot.answers import Answers
from tests.answers.world import build


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    from tests.conftest import open_test_store

    return Answers(build(open_test_store(tmp_path_factory.mktemp("nothing") / "n.db")))


def pairs(facts) -> set[tuple[str, str]]:
    return {(f.company, f.other) for f in facts}


def test_nothing_between_two_companies_shows_each_one_s_own(answers):
    result = answers.rivals("Google AOL")
    assert result.between == ("Google", "AOL")
    assert result.note.startswith("Nothing between Google and AOL in the news I have.")
    assert {("Google", "Yahoo"), ("AOL", "Microsoft")} <= pairs(result.competes)
    assert "of Google" not in result.note  # not "no rivalries or partnerships of Google"


def test_a_pair_asked_about_one_relation_says_which_one_there_is(answers):
    result = answers.ask("are Sony and Microsoft rivals?")
    assert result.between == ("Sony", "Microsoft") and result.competes and result.partners
    partnered = answers.ask("is Motorola a rival of Apple?")
    assert partnered.between == ("Motorola", "Apple") and pairs(partnered.partners) == {("Motorola", "Apple")}
    assert partnered.note == "No rivalry between Motorola and Apple in the news I have, but they partner:"


def test_an_unknown_name_next_to_a_known_one_is_said_not_dropped(answers):
    result = answers.rivals("Apple Zorblax")
    assert result.company == "Apple" and pairs(result.competes) == {("Apple", "Nokia")}
    assert "I know no company named 'Zorblax'" in result.note


def test_a_company_asked_for_is_suggested_among_companies_only(answers):
    result = answers.command("rivals", "Aple")
    assert result.total == 0
    assert result.note == "No company named 'Aple' in the news I have. Did you mean Apple?"


def test_quotes_of_a_name_nobody_said_anything_as_say_so_in_a_store_full_of_quotes(answers):
    result = answers.command("quotes", "Acme")
    assert result.quotes == [] and result.note.startswith("No quotes by or about 'Acme' in the news I have.")
    orange = answers.command("quotes", "Orange")  # a company the store knows, that said nothing
    assert orange.note == "No quotes from or about Orange in the news I have."


def test_a_person_who_said_nothing_about_a_topic_is_told_apart_from_one_who_said_nothing(answers):
    result = answers.ask("what did Gates say about the weather?")
    assert result.quotes == []
    assert (
        result.note == "Bill Gates said nothing about weather in the news I have. Everything said: /quotes Bill Gates"
    )


def test_an_analyst_s_role_is_not_taken_for_a_firm_named_like_it(answers):
    result = answers.ask("what did analysts say about the iPod?")
    assert {q.speaker for q in result.quotes} == {"Ian Fogg", "Carolina Milanesi"}
    assert "Analysys" not in {q.speaker for q in result.quotes}
    assert result.matched == "analysts about iPod"
