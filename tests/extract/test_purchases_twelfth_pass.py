"""Acquisitions, twelfth pass: purchases read from the right side. A second verb's subject is the
first verb's ("X sold Y and bought Z": X bought Z, Y bought nothing); a sale's buyer stands past a
price, a time or an apposition ("Z sold Y for $2bn to X"); a headline written in lower case reads
with the capitals the article gives its names elsewhere; a name shaped like a nationality that the
sentence closes as a name ("buying Meridian, which ..."); a unit the lexicon lists as its owner's
product buys under its own name ("LinkedIn acquired ..."). Negatives in the same words: a stake, an
investment, a blocked or abandoned bid, a customer buying products, a stake sold, shares sold,
"merged into a SPAC", a plan given up.
"""

import pytest

from tests.extract.helpers import article, bought

BUYER, BOUGHT, SELLER = "Norvale Systems", "Kestrel Labs", "Orbis"  # ("Orbis Group": the group word left out)


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Systems sold Orbis Group last year and acquired Kestrel Labs.",
        "Norvale Systems sold Orbis Group and bought Kestrel Labs.",
        "Norvale Systems sued Orbis Group in 2019 and bought Kestrel Labs in 2021.",
        "Norvale Systems partnered with Orbis Group in 2019 and later acquired Kestrel Labs.",
        "Norvale Systems invested in Orbis Group and acquired Kestrel Labs.",
        "Norvale Systems spun off Orbis Group in 2019 and acquired Kestrel Labs in 2021.",
        "Norvale Systems left Orbis Group in 2019, then bought Kestrel Labs.",
    ],
)
def test_a_second_verb_has_the_first_verbs_subject(sentence):
    assert bought(article(sentence)) == {(BUYER, BOUGHT)}


def test_a_sale_then_a_purchase_by_the_seller():
    text = article("Orbis Group sold Kestrel Labs to Norvale Systems in 2019 and bought Datavane Software in 2021.")
    assert bought(text) == {(BUYER, BOUGHT), (SELLER, "Datavane Software")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Orbis Group sold Kestrel Labs for $2 billion to Norvale Systems.",
        "Orbis Group sold Kestrel Labs for about $2 billion to Norvale Systems.",
        "Orbis Group sold Kestrel Labs in 2019 to Norvale Systems.",
        "Orbis Group sold Kestrel Labs last year to Norvale Systems.",
        "Orbis Group sold Kestrel Labs, the sensor maker, to Norvale Systems.",
        "Orbis Group announced the sale of its Kestrel Labs business to Norvale Systems.",
        "Orbis Group completed the sale of Kestrel Labs for $2 billion to Norvale Systems.",
    ],
)
def test_the_buyer_of_a_sale_past_a_price_a_time_or_an_apposition(sentence):
    assert bought(article(sentence)) == {(BUYER, BOUGHT)}


def test_an_unnamed_unit_of_a_parent_stays_the_parents():
    assert bought(article("Norvale Systems acquired Orbis Group's payments business last year.")) == {(BUYER, SELLER)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Orbis Group sold its stake in Kestrel Labs for $2 billion to Norvale Systems.",
        "Orbis Group sold 20% of Kestrel Labs for $2 billion to Norvale Systems.",
        "Orbis Group sold Kestrel Labs sensors for $20 to Norvale Systems.",
        "Orbis Group sold Kestrel Labs for $2 billion to investors.",
        "Norvale Systems sold its stake in Orbis Group and invested $20m in Kestrel Labs.",
        "Norvale Systems sold Orbis Group and bought a 20% stake in Kestrel Labs.",
        "Norvale Systems sold Orbis Group and abandoned its bid for Kestrel Labs.",
        "Regulators blocked Norvale Systems' purchase of Kestrel Labs.",
        "Norvale Systems bought 40 servers from Kestrel Labs.",
        "Norvale Systems is a customer of Kestrel Labs and buys its chips.",
    ],
)
def test_no_purchase(sentence):
    assert bought(article(sentence)) == set()


def test_a_lower_case_headline_takes_the_articles_capitals():
    text = article(
        "Norvale Systems makes routers and Kestrel Labs makes sensors, the companies said.",
        "The two did not say when the deal would close.",
        title="Norvale systems to buy kestrel labs in 500m deal",
    )
    assert bought(text) == {(BUYER, BOUGHT)}


def test_a_lower_case_headline_of_a_blocked_deal():
    text = article(
        "Norvale Systems makes routers and Kestrel Labs makes sensors, the companies said.",
        title="Regulators block norvale systems bid for kestrel labs",
    )
    assert bought(text) == set()


def test_a_name_shaped_like_a_nationality_closed_as_a_name():
    text = article("In May, Norvale Systems said it was buying Meridian, which makes sensors.")
    assert bought(text) == {(BUYER, "Meridian")}


@pytest.mark.parametrize(
    "sentence",
    [
        "In May, Norvale Systems said it was buying Italian chipmaker Meridian Labs for $2bn.",
        "Norvale Systems bought Canadian, French and German brands last year.",
    ],
)
def test_a_nationality_stays_no_company(sentence):
    assert all(b not in {"Italian", "Canadian"} for _a, b in bought(article(sentence)))


@pytest.mark.parametrize("unit", ["LinkedIn", "PlayStation"])
def test_a_unit_listed_as_its_owners_product_buys_under_its_own_name(unit):
    assert bought(article(f"{unit} acquired Kestrel Labs for $2 billion.")) == {(unit, BOUGHT)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Kestrel Labs, which was recently merged into a SPAC, is traded on Nasdaq.",
        "Norvale Systems bought a BMW dealership in Ohio.",
        "Norvale Systems thus gave up the plan to buy Kestrel Labs and merge it with Orbis Group.",
        "Two years ago, Norvale Systems said it would not buy Kestrel Labs.",
    ],
)
def test_a_kind_a_plan_given_up_or_a_number_is_no_purchase(sentence):
    assert bought(article(sentence)) == set()


def test_a_number_word_opening_the_sentence_buys_nothing():
    found = bought(article("Two years ago, Norvale Systems acquired Kestrel Labs for $2 billion."))
    assert found == {(BUYER, BOUGHT)}
