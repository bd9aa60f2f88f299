"""Acquisitions, tenth pass: the ways a purchase clause frames its sides, read as one set after
acquisitions.py was split along its seams (purchase_sides, deals_undone, purchase_article); and
purchases listed after a quantity of companies ("an eclectic mix of companies such as Y and Z").
Negatives in the same words: a stake, an investment, a bid blocked or abandoned, products, stakes
in a range of companies."""

import pytest

from tests.extract.helpers import article, bought


@pytest.mark.parametrize(
    "sentence",
    [
        "Torvin Networks acquired Halsey Labs for $2 billion.",
        "Torvin Networks bought Halsey Labs last year.",
        "Torvin Networks has agreed to buy Halsey Labs for $2 billion.",
        "Torvin Networks completed its purchase of Halsey Labs on Monday.",
        "Halsey Labs was acquired by Torvin Networks in 2019.",
        "Torvin Networks's acquisition of Halsey Labs closed on Friday.",
        "Torvin Networks snapped up Halsey Labs last year.",
        "The takeover of Halsey Labs by Torvin Networks was completed on Monday.",
        "Torvin Networks agreed to buy the pet-vaccine business of Halsey Labs.",
        "Torvin Networks agreed to acquire Halsey Labs' European operations.",
    ],
)
def test_the_clause_frames_buyer_and_bought(sentence):
    assert bought(article(sentence)) == {("Torvin Networks", "Halsey Labs")}


@pytest.mark.parametrize(
    "headline",
    ["Torvin Networks to acquire Halsey Labs for $2bn", "Torvin Networks completes acquisition of Halsey Labs"],
)
def test_headlines(headline):
    assert bought(article("The deal was announced on Monday.", title=headline)) == {("Torvin Networks", "Halsey Labs")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Torvin Networks bought a 30% stake in Halsey Labs.",
        "Torvin Networks invested $20 million in Halsey Labs.",
        "Torvin Networks abandoned its bid for Halsey Labs.",
        "Regulators blocked Torvin Networks's acquisition of Halsey Labs.",
        "Torvin Networks is in talks to buy Halsey Labs.",
    ],
)
def test_stakes_investments_blocked_and_abandoned_bids_are_no_purchase(sentence):
    assert bought(article(sentence)) == set()


@pytest.mark.parametrize("quantity", ["an eclectic mix of", "a string of", "a range of", "a host of"])
def test_companies_listed_after_a_quantity_of_them(quantity):
    text = article(
        f"Torvin Networks, which has in recent years acquired {quantity} companies such as Halsey Labs"
        " and Vexley Systems, grew."
    )
    assert bought(text) == {("Torvin Networks", "Halsey Labs"), ("Torvin Networks", "Vexley Systems")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Torvin Networks bought stakes in a range of companies such as Halsey Labs and Vexley Systems.",
        "Torvin Networks acquired a mix of products such as Halsey Phone and Vexley Pad.",
    ],
)
def test_stakes_in_a_range_of_companies_and_a_mix_of_products_are_no_purchase(sentence):
    assert bought(article(sentence)) == set()
