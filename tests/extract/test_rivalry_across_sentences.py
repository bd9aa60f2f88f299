"""Rivalries told across sentences (issue 17): what a sentence says of "the two groups" or of
the rivals of the article's company it does not name, and the words of competition that name no
rivalry there ("the competition authorities", "the Competition Commission")."""

from tests.extract.helpers import article, pairs


def test_competition_authorities_make_no_rivals_of_the_two_groups():
    text = article(
        "Tesco and Sainsbury's have agreed to pool their home delivery vans.",
        "Because the two groups do not overlap, the deal looks unlikely to attract problems with the "
        "competition authorities.",
    )
    assert pairs(text, "competes") == set()


def test_the_two_groups_that_compete_are_still_rivals():
    text = article(
        "Tesco and Sainsbury's both sell groceries online.",
        "The two groups have competed for shoppers in Scotland for decades.",
    )
    assert pairs(text, "competes") == {frozenset(("Tesco", "Sainsbury's"))}


def test_a_complaint_to_a_competition_commission_makes_no_rivals_of_the_companies_listed_next():
    text = article(
        "Zomato says it will appeal, and Zomato staff agree. "
        "Zomato filed a complaint with the Competition Commission of India on Monday.",
        "Restaurants complained that delivery apps like Swiggy, Uber Eats and Dunzo push unreasonable discounts.",
        title="Zomato hits out at delivery apps",
    )
    assert not any("Zomato" in pair for pair in pairs(text, "competes"))


def test_a_company_that_faces_rivals_it_does_not_name_competes_with_those_listed_next():
    text = article(
        "Zomato says it will appeal, and Zomato staff agree. Zomato has faced the threat from others since its launch.",
        "Swiggy, Uber Eats and Dunzo cut their delivery fees on Monday.",
        title="Zomato hits out at delivery apps",
    )
    assert {frozenset(("Zomato", "Swiggy")), frozenset(("Zomato", "Dunzo"))} <= pairs(text, "competes")
