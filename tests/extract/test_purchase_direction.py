"""Acquisitions, third pass: the direction of a purchase where a sentence tells of two, or of a
company bought that later buys (the buyer of each is the subject of its own clause)."""

import pytest

from tests.extract.helpers import article, bought


@pytest.mark.parametrize(
    "sentence",
    [
        "After Norvale Holdings acquired Kestrel Labs, Oxbow Data bought Bramwell Capital.",
        "When Norvale Holdings bought Kestrel Labs in 2019, Oxbow Data bought Bramwell Capital.",
        "Kestrel Labs, which Norvale Holdings acquired in 2019, bought Oxbow Data last year.",
    ],
)
def test_each_buyer_is_the_subject_of_its_own_clause(sentence):
    found = bought(article(sentence))
    assert ("Norvale", "Kestrel Labs") in found
    assert ("Norvale", "Oxbow Data") not in found and ("Norvale", "Bramwell Capital") not in found


def test_an_opening_phrase_is_no_clause_of_its_own():
    text = article("After years of talks, Norvale Holdings bought Kestrel Labs.")
    assert bought(text) == {("Norvale", "Kestrel Labs")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings will become the largest drone maker, after striking an agreement with the carmaker "
        "Oxbow Data to acquire its drone unit Kestrel Labs.",
        "Look no further than drone startup Norvale Holdings buying Kestrel Labs just a few days ago.",
        "Norvale Holdings supervisory board approves Kestrel Labs takeover.",
    ],
)
def test_the_subject_of_a_gerund_or_of_an_approval_is_the_buyer(sentence):
    found = bought(article(sentence))
    assert found == {("Norvale", "Kestrel Labs")}


def test_a_verb_after_after_still_opens_a_clause():
    text = article("Shares in Oxbow Data fell after Norvale Holdings bought Kestrel Labs.")
    assert bought(text) == {("Norvale", "Kestrel Labs")}
