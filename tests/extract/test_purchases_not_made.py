"""Acquisitions, third pass: sentences that name a buyer, a verb of buying and a company, yet
tell of no purchase (nearly, declined, decided against, a counterfactual), beside
the purchases written the same way that were made."""

import pytest

from tests.extract.helpers import article, bought


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings nearly bought Kestrel Labs in 2012.",
        "Norvale Holdings almost bought Kestrel Labs.",
        "Norvale Holdings declined to buy Kestrel Labs.",
        "Norvale Holdings decided against buying Kestrel Labs.",
        "Norvale Holdings has ruled out buying Kestrel Labs.",
        "Kestrel Labs refused to sell itself to Norvale Holdings.",
        "Had Norvale Holdings bought Kestrel Labs, it would have dominated the market.",
    ],
)
def test_a_purchase_not_made(sentence):
    assert bought(article(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings bought Kestrel Labs in 2012.",
        "Norvale Holdings agreed to buy Kestrel Labs.",
        "Norvale Holdings is buying Kestrel Labs, which would give it a lead in drones.",
        "Analysts welcomed Norvale Holdings buying Kestrel Labs last year.",
        "Kestrel Labs sold itself to Norvale Holdings.",
        "Norvale Holdings, which employs nearly 2,000 people, bought Kestrel Labs.",
        "Norvale Holdings, whose sales declined last year, agreed to buy Kestrel Labs.",
    ],
)
def test_the_same_words_of_a_purchase_made(sentence):
    assert bought(article(sentence)) == {("Norvale", "Kestrel Labs")}  # ("Holdings" is no part of the common name)
