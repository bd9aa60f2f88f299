"""Rivalry stated through a market: shares of one market side by side, share taken from a rival,
the few firms that hold a market named together; and what looks like it but is no rivalry
(stakes, stock moves, shareholders, a customer, a brand of the buyer)."""

import pytest

from tests.extract.helpers import article, pairs


def rivals(*paragraphs: str) -> set[frozenset]:
    return pairs(article(*paragraphs), "competes")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Woolworths kept its dominant position with 38.5 per cent of the market, while Coles held 31.8 per cent.",
            {frozenset(("Woolworths", "Coles"))},
        ),
        (
            "Samsung accounted for 37% of smartphones sold in the quarter and Apple captured a 29% share.",
            {frozenset(("Samsung", "Apple"))},
        ),
        (
            "Verizon has a 35 percent market share, followed by AT&T with 33 percent.",
            {frozenset(("Verizon", "AT&T"))},
        ),
    ],
)
def test_shares_of_one_market_side_by_side_make_rivals(sentence, expected):
    assert rivals(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Google owns 10% of SpaceX and Fidelity holds 5% of the market for its funds.",  # stakes
        "Shares of Apple rose 3% and Samsung gained 2% as the market rallied.",  # stock moves
        "The top three shareholders, Vanguard, BlackRock and State Street, hold 20% of Apple's stock.",
        "Microsoft said 40% of its cloud customers, including Walmart, use its market data tools.",  # one figure
    ],
)
def test_stakes_stock_and_single_figures_are_no_market_rivalry(sentence):
    assert rivals(sentence) == set()


def test_share_taken_from_rivals_makes_rivals():
    found = rivals("In the past ten years, Aldi has taken a share of the retail market from Woolworths and Coles.")
    assert found == {frozenset(("Aldi", "Woolworths")), frozenset(("Aldi", "Coles"))}
    assert rivals("Netflix is stealing share from Disney in India.") == {frozenset(("Netflix", "Disney"))}


def test_a_share_of_profits_from_a_partner_is_no_rivalry():
    assert rivals("Spotify will take a share of the revenue from Google's sales of its plans.") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The big three carriers \u2014 Verizon, AT&T and T-Mobile \u2014 face pressure from cable firms.",
            {frozenset(("Verizon", "AT&T")), frozenset(("Verizon", "T-Mobile")), frozenset(("AT&T", "T-Mobile"))},
        ),
        (
            "Britain has four mobile network operators: Vodafone, EE and O2, and Three.",
            {frozenset(p) for p in [("Vodafone", "EE"), ("Vodafone", "O2"), ("Vodafone", "Three"), ("EE", "O2"),
                                    ("EE", "Three"), ("O2", "Three")]},
        ),
    ],
)  # fmt: skip
def test_the_few_firms_that_hold_a_market_compete(sentence, expected):
    assert rivals(sentence) == expected


def test_the_big_three_speaking_of_someone_else_make_no_list():
    assert rivals("The big three banks said on Monday that Barclays would lend more to Tesco.") == set()


def test_brands_of_a_buyer_are_no_partners_of_its_supplier():
    text = article(
        "Under the agreement, CATL will supply batteries to the carmaker Stellantis, owner of brands including "
        "Jeep, Peugeot and Fiat."
    )
    assert pairs(text, "partners") == {frozenset(("CATL", "Stellantis"))}


def test_the_agency_that_quotes_a_speaker_is_no_party():
    text = article(
        "\u201cThis is our largest 5G deal to date,\u201d Phil Twist, the head of marketing at Nokia, was quoted as "
        "saying by Reuters."
    )
    assert pairs(text, "partners") == set()


def test_a_newcomer_to_a_market_is_the_incumbents_rival_but_not_what_it_buys_there():
    text = article(
        "Nintendo has sold 20 million handhelds. Nintendo expects more this year, Nintendo said.",
        "Sony will enter the market later this year, while start-ups Gizmondo and Tapwave are also offering "
        "hybrid devices; Atari moved into the market with the acquisition of Hasbro Interactive.",
        title="Nintendo's handheld faces newcomers",
    )
    found = rivals_of(text, "Nintendo")
    assert {"Sony", "Gizmondo", "Tapwave"} <= found
    assert "Hasbro Interactive" not in found


def rivals_of(text: str, company: str) -> set[str]:
    return {c for pair in pairs(text, "competes") if company in pair for c in pair if c != company}


def test_pressure_from_rivals_and_a_level_with_rivals_make_rivals():
    found = rivals("Loblaw and Sobeys face continuing pressure from Walmart and other discounters.")
    assert frozenset(("Loblaw", "Walmart")) in found and frozenset(("Sobeys", "Walmart")) in found
    found = rivals("The new T-Mobile, a strong number two more on par with Verizon and AT&T, will stay disruptive.")
    assert found == {frozenset(("T-Mobile", "Verizon")), frozenset(("T-Mobile", "AT&T"))}


@pytest.mark.parametrize(
    "sentence",
    [
        "Disney faces pressure from activist investor Trian Partners over its succession plans.",
        "Boeing faced mounting pressure from its lenders, including JPMorgan, over the delays.",
    ],
)
def test_pressure_from_investors_and_lenders_is_no_rivalry(sentence):
    assert rivals(sentence) == set()
