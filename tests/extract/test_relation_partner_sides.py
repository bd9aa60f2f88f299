"""Partnerships by who the other side is (issue 17, branch rel13): a contract held with a company,
a maker under contract and a consortium formed with a company are partnerships; an adviser hired,
the owner named after the unit that is the partner, a customer's contract that ends and the members
of a consortium's list are not. Short articles written for these tests."""

import pytest

from tests.extract.helpers import article, pairs


def both(a: str, b: str) -> set[frozenset]:
    return {frozenset((a, b))}


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Group has a five-year contract with Kestrel Holdings for its network.",
        "Norvale Group had already won big contracts with Kestrel Holdings last year.",
        "Norvale Group, a contract manufacturer for Kestrel Holdings, opened a plant.",
        "Norvale Group has deals in place with companies such as Kestrel Holdings.",
        "Norvale Group formed a consortium with Kestrel Holdings to bid for the port.",
    ],
)
def test_a_contract_with_a_company_is_a_partnership(sentence):
    assert pairs(article(sentence), "partners") == both("Norvale", "Kestrel")


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Group is working with investment bank Kestrel Partners on its plans, sources said.",
        "Norvale Group is working with its advisers Kestrel Holdings on a sale of the unit.",
        "Norvale Group worked with law firm Kestrel Holdings on the listing.",
    ],
)
def test_an_adviser_hired_is_no_partner(sentence):
    assert pairs(article(sentence), "partners") == set()


def test_the_owner_of_the_unit_that_is_the_partner_is_no_partner():
    text = article("Norvale Group has partnered with Kestrel Mobility, a unit of Tamsin Power, to build chargers.")
    assert pairs(text, "partners") == both("Norvale", "Kestrel Mobility")


def test_a_customer_ending_its_contracts_is_no_partner():
    text = article(
        "Two hospital groups, Norvale Health and Kestrel Care, plan to end their patient record contracts with "
        "Tamsin Systems and move to a new vendor."
    )
    assert pairs(text, "partners") == set()


def test_a_consortium_of_a_list_pairs_none_of_its_members():
    # the labels pair a consortium's listed members in some articles and not others: no rule reads them
    text = article("A consortium of Norvale Group, Kestrel Holdings and Tamsin Power won the bridge contract.")
    assert pairs(text, "partners") == set()


def test_a_plain_partnership_still_stands():
    text = article("Norvale Group is working with Kestrel Holdings on a charging network.")
    assert pairs(text, "partners") == both("Norvale", "Kestrel")
