"""Acquisitions, eighth pass: the whole of a company bought ("a 100 per cent stake in Y", "the
entire share capital of Y"), a company bought out of administration, "was able to buy", a kind
of company between two names ("LTL provider Y": the name last is bought), a town before
"-based" that is no buyer, "the business" that another company of the sentence names, and the
survivor of a merger told by the name it keeps, by its owners' majority of the new company or by
the company the merger values. Negatives in the same words: stakes short of the whole, "unable
to", approval only sought, "buy now, pay later", talks, blocked bids, shares, products, a merger
with no survivor."""

import pytest

from tests.extract.helpers import article, bought

BODY = "Norvale Holdings makes drones. Kestrel Labs makes chips."


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings has acquired a 100 per cent stake in Kestrel Labs.",
        "Norvale Holdings bought the entire share capital of Kestrel Labs last year.",
        "Kestrel Labs was acquired out of administration by Norvale Holdings.",
        "Jobs were saved after Kestrel Labs was bought out of administration by fellow Granite City firm"
        " Norvale Holdings.",
        "Norvale Holdings was able to acquire Kestrel Labs in 2020.",
        "Norvale Holdings agreed to acquire LTL provider Kestrel Labs for $56.5 million.",
    ],
)
def test_the_whole_of_a_company_bought(sentence):
    assert bought(article(BODY, sentence)) == {("Norvale", "Kestrel Labs")}


def test_a_named_company_before_a_kind_of_company_describes_the_one_bought():
    text = article("IBM makes servers.", "Norvale Holdings agreed to acquire IBM supplier Kestrel Labs.")
    assert bought(text) == {("Norvale", "Kestrel Labs")}


def test_a_town_before_based_is_no_buyer():
    text = article(
        "Kestrel Labs makes chips.",
        "On Jan. 4, Greenville, Tenn.-based Norvale Holdings announced an agreement to acquire Kestrel Labs.",
    )
    assert bought(text) == {("Norvale", "Kestrel Labs")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings has acquired a 40 per cent stake in Kestrel Labs.",
        "Norvale Holdings has acquired 40% of Kestrel Labs.",
        "Norvale Holdings was unable to acquire Kestrel Labs.",
        "Norvale Holdings will be able to acquire Kestrel Labs if regulators agree.",
        "Norvale Holdings is seeking approval for its plan to acquire Kestrel Labs.",
        "Norvale Holdings is in talks to buy Kestrel Labs.",
        "Norvale Holdings bid for Kestrel Labs, but the bid was blocked by regulators.",
        "Norvale Holdings bought shares in Kestrel Labs.",
        "Norvale Holdings bought 2,000 Kestrel Labs chips.",
    ],
)
def test_a_stake_an_attempt_shares_or_products_are_no_purchase(sentence):
    assert not bought(article(BODY, sentence))


def test_buy_now_pay_later_is_no_purchase():
    text = article(BODY, "Kestrel Labs became the exclusive buy now, pay later (BNPL) provider for Norvale Holdings.")
    assert not bought(text)


def test_the_business_is_the_other_company_of_the_sentence_or_none():
    one = article(
        "Zorba Corp makes cars.", "Norvale Holdings sold Kestrel Labs last year, after buying the business in 2015."
    )
    assert ("Norvale", "Zorba") not in bought(one)
    two = article(
        "Zorba Corp makes cars.",
        "Norvale Holdings will sell 10% of Kestrel Labs to Pellam Group, after buying the business in 2015.",
    )
    assert ("Norvale", "Zorba") not in bought(two)


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "Norvale Holdings and Kestrel Labs have agreed to merge.",
            "The resulting entity will maintain the brand name Norvale Holdings, the chief executive said.",
        ),
        (
            "Norvale Holdings and Kestrel Labs have agreed to merge.",
            "Norvale Holdings shareholders would own 64 per cent of the new company, Kestrel Labs holders the rest.",
        ),
        (
            "Norvale Holdings and Kestrel Labs reached an agreement on an all-share merger valuing Kestrel Labs"
            " at $3.4bn.",
        ),
    ],
)
def test_the_survivor_of_a_merger(paragraphs):
    assert bought(article(*paragraphs)) == {("Norvale", "Kestrel Labs")}


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Norvale Holdings and Kestrel Labs have agreed to merge.",),
        ("Norvale Holdings and Kestrel Labs have agreed to merge.", "The combined company will take a new name."),
        (
            "Norvale Holdings and Kestrel Labs have agreed to merge.",
            "Norvale Holdings shareholders would own 40 per cent of the new company.",
        ),
        ("Norvale Holdings and Kestrel Labs have agreed to merge.", "Analysts valued Kestrel Labs at $3bn last year."),
        (
            "Norvale Holdings and Kestrel Labs are said to be in merger talks.",
            "If the merger occurs, staff will run a new joint business under the Kestrel Labs brand.",
        ),
    ],
)
def test_a_merger_with_no_survivor_told_is_no_purchase(paragraphs):
    assert not bought(article(*paragraphs))


def test_a_name_joined_by_a_possessive_is_bought_whole():
    text = article(
        "Kestrel's-Lance makes pretzels.", "Norvale Holdings is acquiring snacks company Kestrel's-Lance for $2bn."
    )
    assert bought(text) == {("Norvale", "Kestrel's-Lance")}


def test_a_possessive_before_a_name_stays_out_of_it():
    text = article(BODY, "Norvale Holdings agreed to acquire Aberdeen's Kestrel Labs Ltd for $2bn.")
    assert bought(text) == {("Norvale", "Kestrel Labs")}


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Norvale Holdings buys Altervane Game Studio for $100m.", "Altervane Game Studio"),
        ("Norvale Holdings said it had agreed to acquire the smaller chip maker Altervane for $16.7bn.", "Altervane"),
        (
            "Norvale Holdings announced plans to acquire Altervane Community Hospital in Pittsburg, Kan.",
            "Altervane Community Hospital",
        ),
    ],
)
def test_a_company_bought_that_recognition_missed(sentence, target):
    assert bought(article("Norvale Holdings makes drones.", sentence)) == {("Norvale", target)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings bought Texas land in 2019.",
        "Norvale Holdings acquired a stake in Altervane last year.",
        "Norvale Holdings bought shares of Altervane last year.",
        "Norvale Holdings bought a house in London last year.",
        "Norvale Holdings is in talks to buy Altervane.",
        "Norvale Holdings bought Windows licences for its staff.",
    ],
)
def test_no_company_bought_that_recognition_missed(sentence):
    assert not bought(article("Norvale Holdings makes drones.", sentence))


def test_a_headline_that_capitalises_every_word_names_no_missed_company():
    text = article("Norvale Holdings makes drones.", title="Norvale Holdings Acquires First Mobile Game Studio")
    assert not bought(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kestrel Labs will merge with a wholly owned subsidiary of Norvale Holdings.",
        "Norvale Holdings won the auction for Kestrel Labs.",
        "Norvale Holdings nabbed Kestrel Labs last year.",
        "Norvale Holdings picked up Kestrel Labs for $50m.",
        "Norvale Holdings spent $2bn on Kestrel Labs.",
        "Kestrel Labs was taken private by Norvale Holdings in 2019.",
    ],
)
def test_more_ways_a_purchase_is_told(sentence):
    assert bought(article(BODY, sentence)) == {("Norvale", "Kestrel Labs")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings picked up a contract from Kestrel Labs.",
        "Norvale Holdings picked up Kestrel Labs chips for its drones.",
        "Norvale Holdings spent $2bn on Kestrel Labs chips.",
        "Norvale Holdings won the auction for Kestrel Labs' patents.",
        "Norvale Holdings lost the auction for Kestrel Labs to Zorba Corp.",
        "Kestrel Labs will merge with Norvale Holdings.",
        "Norvale Holdings is in talks to nab Kestrel Labs.",
    ],
)
def test_the_same_words_without_a_purchase(sentence):
    assert not bought(article(BODY, sentence))


def test_american_that_opens_a_name_stays_in_it():
    text = article(
        "Eaton Towers runs masts.", "Boston-based American Tower has acquired Eaton Towers for $1.85 billion."
    )
    assert bought(text) == {("American Tower", "Eaton Towers")}


def test_another_nationality_before_a_name_stays_out_of_it():
    text = article("Eaton Towers runs masts.", "Japanese Pellam Corp has acquired Eaton Towers for $1.85 billion.")
    assert bought(text) == {("Pellam", "Eaton Towers")}


def test_an_earlier_offer_rejected_undoes_no_deal():
    text = article(
        "Norvale Holdings agreed to buy Kestrel Labs for $2bn.",
        "Talks had been delayed when Kestrel Labs rejected an earlier offer by Norvale Holdings.",
    )
    assert bought(text) == {("Norvale", "Kestrel Labs")}
    refused = article(
        "Norvale Holdings agreed to buy Kestrel Labs for $2bn.",
        "Kestrel Labs later rejected the offer by Norvale Holdings, ending the deal.",
    )
    assert not bought(refused)


def test_the_companys_acquisition_is_the_company_named():
    text = article(
        "Norvale Holdings makes drones.",
        "Norvale Holdings chief executive Jane Doe explained the rationale behind the company's acquisition of"
        " Kestrel Labs for $500m in 2022.",
    )
    assert bought(text) == {("Norvale", "Kestrel Labs")}
    before = article(
        "Norvale Holdings makes drones.", "Analysts praised the company's $2bn acquisition of Kestrel Labs."
    )
    assert bought(before) == {("Norvale", "Kestrel Labs")}


def test_the_last_of_a_list_recognition_missed():
    text = article(BODY, "Norvale Holdings bought Kestrel Labs and Altervane Systems in 2019.")
    assert bought(text) == {("Norvale", "Kestrel Labs"), ("Norvale", "Altervane Systems")}
    clause = article(BODY, "Norvale Holdings bought Kestrel Labs and Altervane said it would sue.")
    assert bought(clause) == {("Norvale", "Kestrel Labs")}
    place = article(BODY, "Norvale Holdings bought Kestrel Labs and London.")
    assert bought(place) == {("Norvale", "Kestrel Labs")}
