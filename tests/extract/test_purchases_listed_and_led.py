"""Acquisitions, third pass: a buyer's acquisitions listed with their places ("X acquisitions
include A of Alabama, B of Iowa"), an offer taken "in principle", a buyer that leads a consortium
or fund, a target described by its focus ("Ghana-focused miner Y"), a unit named as products
business; with the near-misses (customers or partners listed, shares sold to a fund, a
consortium's offer rejected, shares or products bought)."""

import pytest

from tests.extract.helpers import article, bought


def test_acquisitions_listed_with_their_places():
    text = article(
        "Other Norvale Holdings regional carrier acquisitions within the past dozen years include Kestrel Labs "
        "of Alabama, Oxbow Data of Iowa, and Bramwell Capital."
    )
    assert bought(text) == {("Norvale", "Kestrel Labs"), ("Norvale", "Oxbow Data"), ("Norvale", "Bramwell Capital")}


@pytest.mark.parametrize(
    "sentence",
    [
        'Kestrel Labs accepted "in principle" a £69bn ($106bn) takeover offer from Norvale Holdings.',
        "The Kestrel Labs products business is being sold to an investment consortium led by Norvale Holdings.",
        "Norvale Holdings said it would purchase all of Ghana-focused miner Kestrel Labs for $470 million in cash.",
    ],
)
def test_a_purchase_with_its_sides_described(sentence):
    assert bought(article(sentence)) == {("Norvale", "Kestrel Labs")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings customers include Kestrel Labs.",
        "Norvale Holdings regional carrier partners include Kestrel Labs.",
        "Kestrel Labs sold its shares to an investment fund managed by Norvale Holdings.",
        "Kestrel Labs rejected a takeover offer from a consortium led by Norvale Holdings.",
        "Kestrel Labs shares were bought by Norvale Holdings.",
        "Kestrel Labs products were bought by Norvale Holdings.",
    ],
)
def test_no_purchase_in_the_same_words(sentence):
    assert bought(article(sentence)) == set()
