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


def test_shares_of_one_market_told_in_turn_make_rivals_of_their_holders():
    text = article(
        "Telstra's market share was down 0.3% to 43.7% this quarter, though it remains the largest.",
        "In second place, Vocus was down to 23.3% of the market.",
        "The biggest jump was from Aussie Broadband, which increased its market share to 6.1%.",
    )
    assert pairs(text, "competes") == {
        frozenset(("Telstra", "Vocus")),
        frozenset(("Telstra", "Aussie Broadband")),
        frozenset(("Vocus", "Aussie Broadband")),
    }


def test_a_stake_a_share_price_or_a_distant_figure_is_no_share_of_the_market():
    text = article(
        "Telstra's market share was down 0.3% to 43.7% this quarter.",
        "Shares of Vocus rose 5% on Monday.",  # stock, not the market
        "Vodafone owns a 25% stake in Vocus.",  # a stake
        "The regulator will report in June. Prices rose again. Customers complained. Engineers went on strike.",
        "Optus increased its market share to 13.9% in 2019.",  # a figure many sentences later
    )
    assert pairs(text, "competes") == set()


def test_partners_given_their_shares_in_turn_are_not_made_rivals():
    text = article(
        "Naver formed an alliance with Shinsegae in March.",
        "Naver holds a market share of 17 percent.",
        "Shinsegae makes up a mere 3 percent of the local e-commerce market.",
    )
    assert frozenset(("Naver", "Shinsegae")) in pairs(text, "partners")
    assert frozenset(("Naver", "Shinsegae")) not in pairs(text, "competes")
