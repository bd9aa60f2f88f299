"""Rivalry and cooperation as more news writes them (issue 17): the few leaders of a market
counted in quotation marks or placed in their market, a challenger's idiom ("a run for their
money"), a venture shared by several members, deals in the plural; negatives beside each."""

from itertools import combinations

from tests.extract.helpers import article, pairs


def every_pair(*companies: str) -> set[frozenset]:
    return {frozenset(p) for p in combinations(companies, 2)}


def test_the_big_few_in_quotation_marks_and_with_a_long_description_are_rivals():
    text = article('The "big four" online retail platforms Shopee, Lazada, Tiki and TikTok Shop grew by 40%.')
    assert pairs(text, "competes") == every_pair("Shopee", "Lazada", "Tiki", "TikTok")
    text = article("The big four multi-category online retail platforms Shopee, Lazada, Tiki and TikTok Shop grew.")
    assert pairs(text, "competes") == every_pair("Shopee", "Lazada", "Tiki", "TikTok")


def test_the_few_major_players_placed_in_their_market_are_rivals():
    text = article("It was a sight: the two major players in the U.S. beer market, AB InBev and Molson Coors, met.")
    assert pairs(text, "competes") == every_pair("AB InBev", "Molson Coors")


def test_companies_counted_or_described_but_not_as_a_market_s_leaders_are_no_rivals():
    text = article("The four companies, Shopee, Lazada, Tiki and TikTok Shop, signed the pledge.")
    assert pairs(text, "competes") == set()
    text = article("Two major investors in the beer market, AB InBev and Molson Coors, bought shares.")
    assert pairs(text, "competes") == set()


def test_giving_a_company_a_run_for_its_money_is_rivalry():
    text = article("Puma wants to give Nike and Adidas a run for their money, its chief said.")
    assert pairs(text, "competes") == {frozenset(("Puma", "Nike")), frozenset(("Puma", "Adidas"))}


def test_giving_and_money_apart_are_no_rivalry():
    text = article("Puma gave Nike a call on Monday and asked for money to run the event.")
    assert pairs(text, "competes") == set()


def test_the_members_of_a_joint_venture_or_an_alliance_are_all_partners():
    text = article("Stellantis is building three plants through its ACC joint venture with Mercedes and TotalEnergies.")
    assert pairs(text, "partners") == every_pair("Stellantis", "Mercedes", "TotalEnergies")
    text = article("Stellantis formed an alliance with Mercedes and TotalEnergies.")
    assert pairs(text, "partners") == every_pair("Stellantis", "Mercedes", "TotalEnergies")


def test_separate_deals_with_two_companies_make_no_partners_of_the_two():
    text = article("Stellantis has a partnership with Mercedes and a supply deal with TotalEnergies.")
    assert pairs(text, "partners") == {frozenset(("Stellantis", c)) for c in ("Mercedes", "TotalEnergies")}
    text = article("Stellantis signed deals with Mercedes and TotalEnergies on Monday.")
    assert pairs(text, "partners") == {frozenset(("Stellantis", c)) for c in ("Mercedes", "TotalEnergies")}
