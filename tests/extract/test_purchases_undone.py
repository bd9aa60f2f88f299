"""Acquisitions, third pass: an agreed purchase that a later sentence undoes in words beyond
"blocked" and "abandoned" (cancelled, scuppered, fell apart, voted down, did not go ahead, backed
out), and the words of falling that undo nothing ("shares dropped", "dropped its plan to list")."""

import pytest

from tests.extract.helpers import article, bought

AGREED = "Norvale Holdings agreed to buy Kestrel Labs in May."


@pytest.mark.parametrize(
    "later",
    [
        "The deal was cancelled in August.",
        "Regulators scuppered the deal in August.",
        "The deal fell apart in August.",
        "Kestrel Labs shareholders voted down the deal in August.",
        "Norvale Holdings ditched the $2bn takeover in August.",
        "The deal did not go ahead.",
        "The takeover was later torpedoed by the competition regulator.",
        "A court struck down the deal.",
        "The deal was never completed.",
        "Norvale Holdings later backed out of the deal.",
        "The offer lapsed in August.",
        "Kestrel Labs later rejected the approach.",
        "The two companies ended talks in August.",
        "Norvale Holdings abandoned its pursuit of Kestrel Labs in August.",
        "Norvale Holdings has since terminated the arrangement.",
    ],
)
def test_a_purchase_undone_later(later):
    assert bought(article(AGREED, later)) == set()


def test_a_purchase_undone_in_its_own_sentence():
    assert bought(article("Norvale Holdings' deal to buy Kestrel Labs was cancelled in August.")) == set()


@pytest.mark.parametrize(
    "later",
    [
        "Kestrel Labs shares dropped 5% after the deal was announced.",
        "The tender offer will expire on July 5.",
        "Kestrel Labs had dropped its plan to list in London.",
        "Norvale Holdings said talks on the integration were going well.",
    ],
)
def test_words_of_falling_that_undo_nothing(later):
    assert bought(article(AGREED, later)) == {("Norvale", "Kestrel Labs")}
