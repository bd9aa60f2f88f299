"""Acquisitions on small hand-written articles: who bought whom, in the ways news states a
purchase, with the buyer first; and the near-misses that are no purchase (a stake, an
investment, a bid, talks, a blocked or abandoned deal, buying products)."""

import pytest

from bot.extract import extract
from tests.extract.helpers import article


def bought(text: str) -> set[tuple[str, str]]:
    return {(r.a, r.b) for r in extract(text).relations if r.type == "acquires"}


# -- the ways a purchase is stated ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Microsoft has acquired Activision for $69 billion.",
        "Microsoft agreed to buy Activision in January.",
        "Microsoft said on Tuesday it would buy games publisher Activision in an all-cash deal.",
        "Microsoft, the maker of Windows, signed an agreement on Tuesday to acquire Activision.",
        "In January, Microsoft announced plans to acquire Activision.",
        "Microsoft is buying Activision.",
        "Microsoft completed its $69bn acquisition of Activision on Friday.",
        "Microsoft's $69bn takeover of Activision closed on Friday.",
        "The acquisition of Activision by Microsoft closed on Friday.",
        "Activision was acquired by Microsoft last year.",
        "Activision, which Microsoft bought in 2023, makes Call of Duty.",
        "Activision has been bought by software giant, Microsoft, for $69bn.",
        "Last year Microsoft snapped up US games publisher Activision.",
    ],
)
def test_the_ways_a_purchase_is_stated(sentence):
    assert bought(article(sentence)) == {("Microsoft", "Activision")}


def test_a_headline_states_a_purchase():
    assert bought(article("The deal is worth $3.6bn.", title="Sony to acquire Bungie")) == {("Sony", "Bungie")}


def test_a_buyer_of_two_companies():
    text = article("Google bought the smart home firm Nest in 2014 and the fitness brand Fitbit in 2021.")
    assert bought(text) == {("Google", "Nest"), ("Google", "Fitbit")}


def test_a_sale_names_the_buyer_after_to():
    text = article("Intel agreed to sell Altera to Broadcom for $9bn.")
    assert bought(text) == {("Broadcom", "Altera")}


def test_a_price_paid_for_a_company():
    text = article("The deal tops the $37 billion Broadcom paid for Altera last year.")
    assert bought(text) == {("Broadcom", "Altera")}


def test_a_named_unit_of_a_company_counts_for_that_company():
    text = article("Broadcom bought the enterprise security business of Symantec in 2019 for $10.7bn.")
    assert bought(text) == {("Broadcom", "Symantec")}


def test_it_is_the_company_the_sentence_before_is_about():
    text = article("Nvidia reported record sales on Wednesday. It also bought chip designer Arm for $40bn.")
    assert bought(text) == {("Nvidia", "Arm")}


def test_the_company_a_relative_clause_names_as_buyer():
    text = article("Amazon's chief executive spoke of Twitch, a streaming service the tech giant bought in 2014.")
    assert bought(text) == {("Amazon", "Twitch")}


# -- what is no purchase ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Microsoft took a 4% stake in Activision last year.",
        "Microsoft has invested $1bn in Activision.",
        "Microsoft bought Activision shares worth $1bn.",
        "Microsoft is seeking to buy Activision.",
        "Microsoft made a hostile bid to buy Activision.",
        "Microsoft is in talks to acquire Activision, people familiar with the matter said.",
        "Microsoft could buy Activision, analysts said.",
        "Microsoft has looked into the possibility of buying Activision.",
        "Regulators blocked Microsoft's takeover of Activision.",
        "Microsoft abandoned its plan to buy Activision after regulators objected.",
        "Activision rejected an offer from Microsoft to buy the company.",
        "Microsoft walked away from its deal to buy Activision.",
        "A court stopped Microsoft from acquiring Activision.",
        "Microsoft denied it was considering acquiring Activision.",
        "Microsoft and Activision are not in talks about a takeover.",
        "Microsoft bought Nvidia chips for its data centres.",
        "Sony and Microsoft both bought advertising from Google.",
    ],
)
def test_no_purchase(sentence):
    assert bought(article(sentence)) == set()


def test_a_merger_of_equals_names_no_buyer():
    text = article("Nokia and Alcatel agreed to merge, creating a new company.")
    assert bought(text) == set()


def test_buying_another_companys_product_is_no_purchase():
    text = article("Dell bought Windows licences from Microsoft.", "Google bought the Xbox for its staff.")
    assert bought(text) == set()


def test_an_acquisition_is_no_partnership():
    relations = extract(article("Microsoft agreed to buy Activision, the two companies said.")).relations
    assert [(r.type, r.a, r.b) for r in relations] == [("acquires", "Microsoft", "Activision")]


def test_several_companies_bought_then_named():
    text = article("Microsoft acquired several games studios, including Bungie and Mojang.")
    assert bought(text) == {("Microsoft", "Bungie"), ("Microsoft", "Mojang")}


def test_the_company_a_passive_clause_is_about():
    text = article("Mojang, which was founded in Sweden in 2009, was acquired by Microsoft in 2014.")
    assert bought(text) == {("Microsoft", "Mojang")}


def test_what_it_refers_to_was_bought():
    text = article("Mojang made Minecraft. It was bought and absorbed by Microsoft in 2014.")
    assert bought(text) == {("Microsoft", "Mojang")}


def test_a_company_named_by_its_kind_after_it_was_bought():
    assert bought(article("Microsoft bought the Mojang studio in 2014.")) == {("Microsoft", "Mojang")}


def test_trade_terms_are_no_purchase():
    text = article("Stripe works with acquiring banks Barclays and HSBC.")
    assert bought(text) == set()


def test_an_agreed_purchase_the_article_says_was_blocked_is_no_purchase():
    text = article(
        "Microsoft agreed to buy Activision in January.",
        "In October regulators blocked the deal, and Microsoft abandoned it.",
    )
    assert bought(text) == set()


def test_a_completed_purchase_stays_whatever_else_was_refused():
    text = article(
        "Microsoft completed its acquisition of Activision on Friday.",
        "Regulators had rejected its first offer of remedies for the deal.",
    )
    assert bought(text) == {("Microsoft", "Activision")}


def test_a_deal_that_might_be_called_off_is_still_agreed():
    text = article(
        "Microsoft agreed to buy Activision.",
        "Microsoft will pay Activision $2bn if it terminates the deal.",
    )
    assert bought(text) == {("Microsoft", "Activision")}


def test_the_other_side_of_a_deal_is_no_buyer():
    text = article(
        "PSA will become the second largest carmaker in Europe after striking an agreement with the US "
        "carmaker General Motors to acquire its European marque Opel."
    )
    assert ("General Motors", "Opel") not in {(r.a, r.b) for r in extract(text).relations if r.type == "acquires"}
    text = article("In a deal with the Japanese investor SoftBank, Arm agreed to buy Nuvia.")
    assert {(r.a, r.b) for r in extract(text).relations if r.type == "acquires"} == {("Arm", "Nuvia")}
