"""Cooperation signed and begun: agreements with a word or three before "agreement", work begun
together beside a purchase told in another clause; and the words that are no company there."""

import pytest

from bot.extract import extract
from tests.extract.helpers import article, pairs


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Banglalink, Teletalk and Summit Towers Ltd signed a tripartite agreement on Wednesday.",
            {frozenset(p) for p in [("Banglalink", "Teletalk"), ("Banglalink", "Summit Towers"),
                                    ("Teletalk", "Summit Towers")]},
        ),
        (
            "Pan-African telcos MTN and Airtel have signed a tower-sharing agreement covering Uganda.",
            {frozenset(("MTN", "Airtel"))},
        ),
        ("Optus and Vodafone signed a regional network-sharing deal last year.", {frozenset(("Optus", "Vodafone"))}),
    ],
)  # fmt: skip
def test_an_agreement_signed_with_words_before_it(sentence, expected):
    assert pairs(article(sentence), "partners") == expected


def test_an_agreement_signed_with_a_customer_is_no_partnership():
    text = article("Vodafone signed a record number of customers to its plans, it said, ahead of Optus.")
    assert pairs(text, "partners") == set()


def test_working_together_stands_beside_a_purchase_told_in_another_clause():
    text = article("Saracen and Northern Star began working together after both buying stakes in the Super Pit.")
    assert pairs(text, "partners") == {frozenset(("Saracen", "Northern Star"))}


def test_a_purchase_in_the_same_clause_still_makes_no_partners():
    text = article("Mastermyne agreed to acquire Wilson Mining, a firm it has worked with for years.")
    assert pairs(text, "partners") == set()


@pytest.mark.parametrize("word", ["Omani", "Saudi", "Qatari", "Israeli", "Pakistani"])
def test_a_nationality_is_no_company_bought(word):
    text = article(f"KCA Deutag grew after acquiring the {word} assets of Dalma Energy, a rig operator.")
    names = {e.name for e in extract(text).entities if e.type == "company"}
    assert word not in names
    assert all(word not in (r.a, r.b) for r in extract(text).relations)


def test_a_legal_suffix_alone_is_no_company():
    text = article("Malaysian-owned AAPICO Hitech Public Company Ltd is partnering Toyota to set up a press shop.")
    assert "Ltd" not in {e.name for e in extract(text).entities}


def test_where_a_company_was_born_is_no_part_of_its_name_and_a_nationality_is_no_target():
    text = article(
        "Just like Egypt-born Swvl's acquisition of Volt Lines and Zeelo, another African company is crossing "
        "borders for acquisition."
    )
    bought = {(r.a, r.b) for r in extract(text).relations if r.type == "acquires"}
    assert bought == {("Swvl", "Volt Lines"), ("Swvl", "Zeelo")}
