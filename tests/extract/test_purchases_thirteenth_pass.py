"""Acquisitions, thirteenth pass: the buyout forms of deal news. A buyer named behind its vehicle
in a buyer's slot ("acquired by an affiliate of X", "sold to funds managed by X"); a headline's
"X swoops on Y" and "X's swoop for Y"; a price put down ("X plunked down $170m for Y", "forked
out"); "the take-private of Y"; "X, Y's new owner"; a buyer cleared by regulators ("received
regulatory clearance for the acquisition of Y"); a deal only threatened ("scrutiny that might
derail the deal"); a buyer backed by a fund ("KKR-backed X agreed to buy Y"); a company's own sale
("Y shareholders approved the company's sale to X"); a list of purchases with brackets that
describe them. Negatives in the same words: a vehicle in the object's slot, a raid, a chance
taken, a new chief executive, a stake, an abandoned bid, a deal blocked, investors who back a plan.
"""

import pytest

from tests.extract.helpers import article, bought

BUYER, BOUGHT = "Castlefield Partners", "Norbury Systems"


@pytest.mark.parametrize(
    "sentence",
    [
        "Norbury Systems has been acquired by an affiliate of Castlefield Partners.",
        "Norbury Systems has been acquired by funds managed by Castlefield Partners.",
        "Norbury Systems was sold to a consortium led by Castlefield Partners in 2019.",
        "Halden Group agreed to sell Norbury Systems to an affiliate of Castlefield Partners.",
        "The acquisition of Norbury Systems by affiliates of Castlefield Partners closed on Friday.",
        "Castlefield Partners swoops on Norbury Systems",
        "Castlefield Partners swooped for Norbury Systems in 2019.",
        "Castlefield Partners' swoop for Norbury Systems, in a deal worth up to $100m, was its third.",
        "Castlefield Partners is plunking down $170 million for Norbury Systems.",
        "Castlefield Partners forked out $170 million for Norbury Systems.",
        "Castlefield Partners completed the $2bn take-private of Norbury Systems.",
        "Castlefield Partners' take-private of Norbury Systems closed on Friday.",
        "Castlefield Partners, Norbury Systems' new owner, plans to cut costs.",
        "Castlefield Partners has received regulatory clearance for the acquisition of Norbury Systems.",
        "Analysts expect deals on par with Castlefield Partners' takeover of Norbury Systems, which faces scrutiny "
        "that might derail the deal.",
        "Castlefield Partners agreed to buy Norbury Systems, though regulators may block the deal.",
        "Castlefield Partners agreed to buy Norbury Systems in a deal that could still be blocked by regulators.",
        "Norbury Systems shareholders approved the company's sale to Castlefield Partners.",
        "Norbury Systems agreed to a sale to Castlefield Partners.",
        "Norbury Systems announced the sale of the company to Castlefield Partners for $2.4 billion.",
    ],
)
def test_buyout_forms(sentence):
    assert bought(article(sentence)) == {(BUYER, BOUGHT)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Castlefield Partners has acquired an affiliate of Halden Group.",
        "Police swoop on Norbury Systems offices in Leeds.",
        "Castlefield Partners swooped on the chance to hire Norbury Systems engineers.",
        "Castlefield Partners, Norbury Systems' new chief executive, plans to cut costs.",
        "Castlefield Partners took a 10% stake in Norbury Systems through an affiliate.",
        "Castlefield Partners abandoned its swoop for Norbury Systems.",
        "Castlefield Partners forked out $17 million for pumps from Norbury Systems.",
        "Castlefield Partners agreed to buy Norbury Systems, but regulators blocked the deal.",
        "Castlefield Partners' takeover of Norbury Systems was blocked by regulators.",
        "Investors backed Castlefield Partners to buy Norbury Systems.",
        "Analysts expected Castlefield Partners to buy Norbury Systems.",
        "Norbury Systems announced the sale of its pumps to Castlefield Partners.",
    ],
)
def test_no_purchase_in_the_same_words(sentence):
    assert bought(article(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "KKR-backed Norbury Systems agreed to buy Tamworth Energy.",
        "Backed by KKR, Norbury Systems agreed to buy Tamworth Energy.",
        "Private equity-backed Norbury Systems has acquired Tamworth Energy.",
    ],
)
def test_a_buyer_backed_by_a_fund(sentence):
    assert bought(article(sentence)) == {(BOUGHT, "Tamworth Energy")}


def test_a_list_of_purchases_with_brackets_that_describe():
    text = article("Castlefield Partners bought Tamworth Energy (pumps in the USA) and Norbury Systems (software).")
    assert bought(text) == {(BUYER, "Tamworth Energy"), (BUYER, BOUGHT)}


def test_a_bracket_with_a_ticker_ends_no_list_of_others():
    text = article("Castlefield Partners bought Tamworth Energy (TAM) from Halden Group.")
    assert bought(text) == {(BUYER, "Tamworth Energy")}


@pytest.mark.parametrize("kind", ["music streamer", "broadcaster", "telco", "utility"])
def test_a_buyer_referred_back_to_by_its_trade(kind):
    text = article(f"Castlefield Partners makes radio shows. The {kind} has agreed to buy Norbury Systems.")
    assert bought(text) == {(BUYER, BOUGHT)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Castlefield Partners is buying Norbury Systems (Nasdaq: NRB) of the US in a stock transaction.",
        "Castlefield Partners bought Norbury Systems of Canada in 2019.",
        "Castlefield Partners has acquired Norbury Systems of Toronto for $20m.",
    ],
)
def test_the_company_bought_then_its_place(sentence):
    assert bought(article(sentence)) == {(BUYER, BOUGHT)}


def test_the_assets_of_a_company_and_its_place_are_no_purchase_of_it():
    assert bought(article("Castlefield Partners bought the assets of Norbury Systems of Canada in 2019.")) == set()


def test_a_headlines_agreement_is_no_company():
    text = (
        "Norbury Systems Enters into Definitive Agreement to be Acquired by Castlefield Partners\n\n"
        "Norbury Systems makes pumps. Castlefield Partners is based in Boston.\n"
    )
    pairs = bought(text)
    assert not any("Agreement" in side for pair in pairs for side in pair)


def test_a_price_is_no_buyer():
    text = article("The deal is the largest in the sector since the Euro11.2bn acquisition of Norbury Systems in 2009.")
    assert not any("11.2bn" in a for a, _b in bought(text))


def test_a_capitalised_opening_word_is_no_buyer():
    text = article(
        "FEW days ago, Castlefield Partners announced the acquisitions of Norbury Systems and Tamworth Energy."
    )
    assert bought(text) == {(BUYER, BOUGHT), (BUYER, "Tamworth Energy")}
