"""Rivalries and partnerships by the form of the sentence that names both sides (issue 17, branch
rel11): each form eval/relation_misses.py counts, with its negatives (a co-mention is no
relation, a customer no partner, a company's own product no rival), and the narrow classes this
pass reads: a company that joins a list of partners is their fellow, no partner of them; a page's
line of topics states nothing; a partnership only offered is none. Short articles written for
these tests."""

import pytest

from tests.extract.helpers import article, pairs


def both(a: str, b: str) -> set[frozenset]:
    return {frozenset((a, b))}


@pytest.mark.parametrize(
    "sentence",
    [
        "It is Norvale Group versus Kestrel Holdings in the race for cheap batteries.",
        "Norvale Group and Kestrel Holdings compete for the same battery buyers.",
        "Norvale Group's rival Kestrel Holdings cut prices again on Monday.",
        "Norvale Group faces fierce competition from Kestrel Holdings in Europe.",
    ],
)
def test_a_rivalry_of_each_form_is_read(sentence):
    assert pairs(article(sentence), "competes") == both("Norvale", "Kestrel")


def test_a_market_list_makes_its_members_rivals():
    text = article("The main players in the battery market include Norvale Group, Kestrel Holdings and Tamsin Power.")
    assert pairs(text, "competes") == {
        frozenset(p) for p in (("Norvale", "Kestrel"), ("Norvale", "Tamsin Power"), ("Kestrel", "Tamsin Power"))
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale teamed up with Kestrel to build a charging network.",
        "Norvale and Kestrel announced a partnership to build a charging network.",
        "The partnership between Norvale and Kestrel will build a charging network.",
        "Norvale is partnering with Kestrel on a charging network.",
    ],
)
def test_a_partnership_of_each_form_is_read(sentence):
    assert pairs(article(sentence), "partners") == both("Norvale", "Kestrel")


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale and Kestrel reported quarterly results on Thursday.",  # a co-mention
        "Kestrel is one of Norvale's largest customers.",  # a customer is no partner
        "Norvale sells its batteries to customers such as Kestrel.",
    ],
)
def test_co_mentions_and_customers_are_neither(sentence):
    text = article(sentence)
    assert pairs(text, "competes") == set() and pairs(text, "partners") == set()


def test_a_company_joining_a_list_of_partners_is_their_fellow():
    text = article("Corvid Energy joins a roster of strategic partners that includes Tesla, Total and EDF.")
    assert pairs(text, "partners") == set()
    text = article("Corvid Energy is one of several partners, including Tesla and EDF.")
    assert pairs(text, "partners") == set()
    # its partners named as its own stay its partners
    text = article("Corvid Energy has partners including Tesla and EDF.")
    assert pairs(text, "partners") == {frozenset(("Corvid Energy", "Tesla")), frozenset(("Corvid Energy", "EDF"))}
    text = article("Corvid Energy is partnering with EDF.")
    assert pairs(text, "partners") == both("Corvid Energy", "EDF")


def test_a_line_of_topics_states_nothing():
    text = article("Norvale signed a supply deal with Kestrel.", "Topics: Partnerships, Norvale, Kestrel, Tamsin Power")
    assert pairs(text, "partners") == both("Norvale", "Kestrel")
    assert pairs(article("Tags: Partnerships, Norvale, Tamsin Power"), "partners") == set()


def test_a_partnership_only_offered_is_none():
    text = article("Norvale Motors said it was open to collaborating with Kestrel on hydrogen.")
    assert pairs(text, "partners") == set()
    text = article("Norvale Motors is interested in a partnership with Kestrel.")
    assert pairs(text, "partners") == set()
    text = article("Norvale Motors is collaborating with Kestrel on hydrogen.")
    assert pairs(text, "partners") == both("Norvale Motors", "Kestrel")


def test_it_after_the_company_reporting_is_that_company():
    text = article("Today Norvale Group announced that it has partnered with Kestrel Holdings on advertising.")
    assert pairs(text, "partners") == both("Norvale", "Kestrel")
    text = article("Norvale Group said on Monday it will compete with Kestrel Holdings in Europe.")
    assert pairs(text, "competes") == both("Norvale", "Kestrel")


def test_a_partnership_denied_is_none_and_a_rivalry_denied_stays():
    assert pairs(article("Norvale Group is not working with Kestrel Holdings."), "partners") == set()
    assert pairs(article("Norvale Group has no partnership with Kestrel Holdings."), "partners") == set()
    text = article("Norvale Group not only partnered with Kestrel Holdings but also with Tamsin Power.")
    assert frozenset(("Norvale", "Kestrel")) in pairs(text, "partners")
    # "cannot compete with" still tells of two rivals
    text = article("Norvale Group says it cannot compete with Kestrel Holdings on price.")
    assert pairs(text, "competes") == both("Norvale", "Kestrel")


def test_a_companys_own_product_is_no_rival():
    assert pairs(article("Apple's new iPhone competes with the iPad for buyers' money."), "competes") == set()
    # products of two owners stand for their owners
    assert pairs(article("The Xbox rivals the PlayStation in Europe."), "competes") == both("Microsoft", "Sony")
