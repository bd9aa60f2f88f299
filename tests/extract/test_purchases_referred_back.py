"""Acquisitions, seventh pass: purchases told in a headline that capitalises every word, by a
company the sentence only refers to ("The company said it would buy Y", "Its acquisition of Y",
"the chipmaker"), by the subject of a relative clause, with a place of several words or a host
noun before the name; words that open a sentence are no buyers, and a power or an attempt to
block a deal, or offers refused before the one taken, undo nothing. Negatives in the same words."""

import pytest

from tests.extract.helpers import article, bought

BODY = "Norvale Holdings makes drones. Kestrel Labs makes chips."


@pytest.mark.parametrize(
    "title",
    [
        "Norvale To Buy Kestrel Labs In $2 Billion Deal",
        "Norvale Buys Kestrel Labs For $2 Billion",
        "Norvale Completes $2 Billion Acquisition Of Kestrel Labs",
        "Norvale agrees $2bn Kestrel Labs takeover",
        "Kestrel Labs sold to Norvale",
    ],
)
def test_a_headline_states_the_purchase(title):
    assert ("Norvale", "Kestrel Labs") in bought(article(BODY, title=title))


@pytest.mark.parametrize(
    "title",
    [
        "Norvale Buys Stake In Kestrel Labs",
        "Norvale In Talks To Buy Kestrel Labs",
        "Norvale Eyes Bid For Kestrel Labs",
        "Regulators Block Norvale Deal For Kestrel Labs",
    ],
)
def test_a_headline_of_a_stake_talks_or_a_bid_states_none(title):
    assert not bought(article(BODY, title=title))


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Norvale Holdings makes drones.", "The company said it would buy Kestrel Labs for $69m."),
        ("Norvale Holdings makes drones.", "It said on Monday it had agreed to buy Kestrel Labs."),
        ("Norvale Holdings makes drones.", "The $12 billion-asset company said that it will buy Kestrel Labs."),
        ("Norvale Holdings announced a $2bn deal on Monday.", "The acquisition of Kestrel Labs is expected to close."),
        ("Norvale Holdings is expanding into chips.", "Its acquisition of Kestrel Labs closed on Friday."),
        ("Kestrel Labs makes chips.", "Norvale Holdings agreed to buy the chipmaker for $2bn."),
        ("Kestrel Labs makes chips.", "Norvale Holdings will pay $2bn for the chipmaker."),
        ("Kestrel Labs makes chips.", "Last year it was bought by Norvale Holdings."),
        ("Kestrel Labs makes chips.", "Norvale Holdings bought it last year."),
    ],
)
def test_a_company_referred_to(paragraphs):
    assert ("Norvale", "Kestrel Labs") in bought(article(" ".join(paragraphs)))


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Norvale Holdings makes drones.", "The company said it would buy a stake in Kestrel Labs."),
        ("Norvale Holdings makes drones.", "The company said it was considering a bid for Kestrel Labs."),
        ("Norvale Holdings makes drones.", "The company said it would buy Kestrel Labs chips."),
        ("Norvale Holdings makes drones.", "Analysts said it would buy Kestrel Labs."),
        ("Norvale Holdings makes drones.", "The acquisition of Kestrel Labs closed on Friday."),
        ("Norvale Holdings criticised the deal.", "The acquisition of Kestrel Labs would hurt competition."),
        ("Norvale Holdings is struggling.", "Its planned acquisition of Kestrel Labs is in doubt."),
        ("Norvale Holdings is struggling.", "Its acquisition of Kestrel Labs was blocked by regulators."),
        ("Norvale Holdings signed a supply agreement.", "The purchase of Kestrel Labs chips will cost $2bn."),
    ],
)
def test_no_purchase_by_the_company_referred_to(paragraphs):
    assert ("Norvale", "Kestrel Labs") not in bought(article(" ".join(paragraphs)))


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings bought New Zealand-based Kestrel Labs in 2019.",
        "Norvale Holdings bought Hong Kong-listed Kestrel Labs.",
        "Norvale Holdings acquired New York based music agency Kestrel Labs.",
        "Edinburgh company Norvale Holdings acquired Inverness firm Kestrel Labs.",
        "Norvale Holdings said its takeover of Aberdeen company Kestrel Labs was a platform for growth.",
        "Kestrel Labs was sold to Oxbow Holdings in 1996, then to Norvale Holdings in 2000.",
        "Norvale Holdings acquired the Southeast Asian business of Kestrel Labs in March.",
        "Norvale Holdings bought Kestrel Labs' drone business.",
        "Norvale Holdings acquired all of Kestrel Labs' outstanding shares.",
        "Norvale Holdings' buyout of Facebook community Kestrel Labs was small.",
        "Kestrel Labs's purchaser was one of its rivals, Norvale Holdings, which paid $4m for the Auckland company.",
        "Another deal saw Montana-based Norvale Holdings widening its reach, after agreeing to buy Kestrel Labs.",
        "News of Kestrel Labs selling its Advanced Robotics Group to Norvale Holdings was no surprise.",
    ],
)
def test_more_ways_of_naming_the_sides(sentence):
    found = bought(article(sentence))
    assert found & {("Norvale", "Kestrel Labs")}
    assert not {a for a, _b in found} & {"Another", "Kestrel Labs"}


@pytest.mark.parametrize(
    "sentence, wrong",
    [
        ("Norvale Holdings bought all of Kestrel Labs' products.", ("Norvale", "Kestrel Labs")),
        ("Norvale Holdings bought Kestrel Labs' shares.", ("Norvale", "Kestrel Labs")),
        ("Oxbow Data sold Kestrel Labs to Norvale Holdings, which paid $4m for it.", ("Norvale", "Oxbow Data")),
        ("Norvale Holdings paid $15bn for Kestrel Labs and Oxbow Data announced a deal.", ("Norvale", "Oxbow Data")),
        ("Norvale Holdings sold Kestrel Labs to Oxbow Data in 2019.", ("Norvale", "Kestrel Labs")),
        ("Norvale Holdings sold Kestrel Labs to Oxbow Data in 2019.", ("Kestrel Labs", "Oxbow Data")),
    ],
)
def test_no_purchase_of_a_product_shares_the_seller_or_a_company_of_another_clause(sentence, wrong):
    assert wrong not in bought(article(sentence))


def test_the_buyer_of_a_sale_to_a_buyer_that_paid():
    found = bought(article("Oxbow Data sold Kestrel Labs to Norvale Holdings, which paid $4m for the company."))
    assert found == {("Norvale", "Kestrel Labs")}


@pytest.mark.parametrize(
    "after",
    [
        "The Senate has no power to block the deal.",
        "Rival drone makers sued to block the deal.",
        "Campaigners threatened to block the deal.",
    ],
)
def test_a_power_or_an_attempt_to_block_undoes_nothing(after):
    assert ("Norvale", "Kestrel Labs") in bought(article("Norvale Holdings agreed to buy Kestrel Labs. " + after))


@pytest.mark.parametrize("after", ["Regulators blocked the deal.", "Kestrel Labs shareholders rejected the deal."])
def test_a_deal_blocked_or_refused_is_undone(after):
    assert ("Norvale", "Kestrel Labs") not in bought(article("Norvale Holdings agreed to buy Kestrel Labs. " + after))


def test_offers_refused_before_the_one_taken_undo_nothing():
    text = article(
        "Kestrel Labs had repeatedly rejected offers from Norvale Holdings.",
        "In October Kestrel Labs accepted a $6bn takeover offer from Norvale Holdings.",
    )
    assert ("Norvale", "Kestrel Labs") in bought(text)
    refused = article("Norvale Holdings made a $6bn takeover offer for Kestrel Labs. Kestrel Labs rejected the offer.")
    assert not bought(refused)


def test_each_buyer_of_a_chain_of_sales():
    found = bought(article("Kestrel Labs was sold to Oxbow Holdings in 1996, then to Norvale Holdings in 2000."))
    assert found == {("Oxbow", "Kestrel Labs"), ("Norvale", "Kestrel Labs")}


def test_each_buyer_of_a_list_read_respectively():
    text = article("Norvale Holdings and Oxbow Holdings bought Kestrel Labs Inc and Zentrix Systems Inc, respectively.")
    found = bought(text)
    assert ("Norvale", "Kestrel Labs") in found
    assert ("Oxbow", "Kestrel Labs") not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Philadelphia-based Norvale Holdings agreed to acquire Allentown, Pa.-based Kestrel Labs.",
        "Deal news : Drone maker Norvale Holdings has agreed to acquire Kestrel Labs.",
        "Norvale Holdings is acquiring the remaining 47% interest in Kestrel Labs that it did not already own.",
    ],
)
def test_a_place_with_its_state_a_heading_and_the_rest_of_a_company(sentence):
    found = bought(article(sentence))
    assert ("Norvale", "Kestrel Labs") in found
    assert not {a for a, _b in found} - {"Norvale"}
    assert not {b for _a, b in found} - {"Kestrel Labs"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings will acquire the Kestrel Labs, Zentrix Systems, Oxbow Data and other international brands.",
        "Norvale Holdings acquired a 47% interest in Kestrel Labs.",
    ],
)
def test_brands_and_part_of_a_company_are_no_purchase(sentence):
    assert not bought(article(sentence))
