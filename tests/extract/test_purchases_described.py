"""Acquisitions, third pass: a company bought or a buyer with a long description (an apposition
before a passive, "Y was a big carrier acquired by X", "its fiber optics and copper connectivity
business", "the private equity firm X", "all the issued and outstanding shares of Y"), and the
near-misses: a customer acquired, a company another verb acts on, a buyer others only want."""

import pytest

from tests.extract.helpers import article, bought


@pytest.mark.parametrize(
    "sentence",
    [
        "Kestrel Labs, the nation's largest drone maker, was purchased by Norvale Holdings in November 2021.",
        "Kestrel Labs was a big regional carrier acquired by Norvale Holdings in 2000.",
        "The merger will see Norvale Holdings acquire all the issued and outstanding common shares of Kestrel Labs.",
        "Regulators cleared Norvale Holdings to buy Kestrel Labs.",
        "It was announced that Kestrel Labs had agreed to be acquired by Norvale Holdings for $160 million.",
    ],
)
def test_a_purchase_with_a_long_description(sentence):
    assert bought(article(sentence)) == {("Norvale", "Kestrel Labs")}


def test_a_unit_with_a_long_name_sold_to_a_private_equity_firm():
    text = article(
        "Oxbow Data will sell its fiber optics and copper connectivity business to Norvale Holdings for $900m.",
        "Oxbow Data sold its monitoring business to the private equity firm Norvale Holdings for $200m.",
    )
    assert bought(text) == {("Norvale", "Oxbow Data")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Kestrel Labs was a customer acquired by Norvale Holdings through its deal with Oxbow Data.",
        "The regulator wants Norvale Holdings to acquire Kestrel Labs.",
        "Analysts expect Norvale Holdings to buy Kestrel Labs this year.",
        "Investors urged Norvale Holdings to take over Kestrel Labs.",
        "Norvale Holdings bought a private equity stake in Kestrel Labs.",
    ],
)
def test_no_purchase_despite_the_description(sentence):
    assert ("Oxbow Data", "Kestrel Labs") not in bought(article(sentence))
    assert ("Norvale", "Kestrel Labs") not in bought(article(sentence))


def test_a_company_another_verb_acts_on_is_no_buyer():
    text = article(
        "The German firm was ordered to sell search engine Yahoo to gain approval to acquire Activision.",
    )
    assert ("Yahoo", "Activision") not in bought(text)
