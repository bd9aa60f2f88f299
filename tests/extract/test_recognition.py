"""Recognising companies beyond technology and by the initials an article gives them: a pair
needs both of its companies recognised before any rule or model can relate them."""

import pytest

from bot.extract import extract
from tests.extract.helpers import article, pairs


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Aldi has taken customers from Lidl and Tesco over the past decade.", {"Aldi", "Lidl", "Tesco"}),
        ("Toyota, Volkswagen and Hyundai sold more cars in the quarter.", {"Toyota", "Volkswagen", "Hyundai"}),
        ("Shares in BP and Exxon Mobil fell as oil prices slid.", {"BP", "Exxon"}),
        ("The offer values AstraZeneca above Pfizer's last bid.", {"AstraZeneca", "Pfizer"}),
        ("Ryanair and easyJet both raised fares for the summer.", {"Ryanair", "easyJet"}),
    ],
)
def test_large_companies_of_every_industry_are_known(sentence, names):
    assert names <= companies(article(sentence))


def test_a_company_named_for_a_family_is_no_part_of_a_persons_name():
    text = article("Optus chief executive Kelly Bayer Rosmarin apologised to customers on Monday.")
    assert "Bayer" not in companies(text)


def test_initials_in_brackets_name_the_company_before_them():
    text = article(
        "Kenya Commercial Bank (KCB) said on Monday it had agreed a merger of its mobile units.",
        "Analysts said KCB competes with Equity Bank for small business customers.",
    )
    assert frozenset(("Kenya Commercial Bank", "Equity Bank")) in pairs(text, "competes")


def test_initials_after_a_known_name_with_a_suffix_letter_name_that_company():
    text = article(
        "Maruti Suzuki India (MSIL) said on Thursday that it aims to lead the SUV market.",
        "Hyundai is fighting neck-and-neck with MSIL for buyers.",
    )
    # the article writes only its unit in India: the company goes by that name (see test_company_name_forms)
    assert frozenset(("Hyundai", "Maruti Suzuki India")) in pairs(text, "competes")


@pytest.mark.parametrize(
    "sentence",
    [
        "The World Health Organization (WHO) said the rules protect children.",
        "Prices rose in the United Kingdom (UK) and in France.",
        "Chief Executive Officer (CEO) Jane Roe said the firm would grow.",
    ],
)
def test_initials_of_bodies_places_and_titles_are_no_company(sentence):
    found = companies(article(sentence))
    assert not found & {"WHO", "UK", "CEO", "World Health Organization", "United Kingdom", "Chief Executive Officer"}


def test_a_person_named_right_after_a_company_is_no_product_of_it():
    text = article(
        "Union officer for Unilever Rhys McCarthy said: \u201cWe are urging Unilever to think very carefully "
        "about the sale of its spreads division.\u201d"
    )
    result = extract(text)
    assert [(q.speaker, q.org) for q in result.quotes] == [("Rhys McCarthy", "Unilever")]
    assert "Rhys McCarthy" not in {e.name for e in result.entities if e.type == "product"}
