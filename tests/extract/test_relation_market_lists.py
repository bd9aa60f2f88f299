"""Rivalries of several companies at once (issue 17, branch rel12): a competition told among a
list of companies makes each two of them rivals ("competition has intensified among A, B and C"),
and the relation model reads the word joining a pair to the noun before it as that noun's ("the
rivalry between A and B" is a rivalry, "the partnership between A and B" a partnership). A list
of a third's customers, investors or partners, or a co-mention, makes no rivals. Short articles
written for these tests."""

from itertools import combinations

import pytest

from bot.extract.relations import learned
from tests.extract.helpers import article, pairs

THREE = ("Norvale", "Kestrel", "Tamsin Power")  # as the extraction names them


def all_pairs(*names: str) -> set[frozenset]:
    return {frozenset(p) for p in combinations(names, 2)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Competition has intensified among Norvale Group, Kestrel Holdings and Tamsin Power as battery prices fall.",
        "The competition among Norvale Group, Kestrel Holdings and Tamsin Power is fierce.",
        "Fierce competition between Norvale Group, Kestrel Holdings and Tamsin Power is driving down prices.",
    ],
)
def test_a_competition_among_a_list_makes_each_two_rivals(sentence):
    assert pairs(article(sentence), "competes") == all_pairs(*THREE)


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Group counts Kestrel Holdings, Tamsin Power and Orrin Bank among its customers.",
        "Investors in the round included Kestrel Holdings, Tamsin Power and Orrin Bank.",
        "Norvale Group has partners including Kestrel Holdings, Tamsin Power and Orrin Bank.",
        "Kestrel Holdings, Tamsin Power and Orrin Bank reported results on Thursday.",
    ],
)
def test_a_third_s_customers_investors_or_partners_are_no_rivals(sentence):
    assert pairs(article(sentence), "competes") == set()


def test_the_word_joining_a_pair_to_its_noun_is_read_as_the_noun_s():
    text = "The rivalry between Norvale and Kestrel has lasted."
    spans = [(text.index(n), text.index(n) + len(n), n) for n in ("Norvale", "Kestrel")]
    sentence = learned.Sentence(text, spans)
    assert "between" not in sentence.words and "btw_rival" in sentence.words
    # "between" alone, with no noun of a relation before it, stays a word of its own
    text = "Shoppers chose between Norvale and Kestrel."
    spans = [(text.index(n), text.index(n) + len(n), n) for n in ("Norvale", "Kestrel")]
    assert "between" in learned.Sentence(text, spans).words
