"""Rivalry and cooperation in the ways modern business news states them (issue 17): market
lists, winning a bid over a rival, partnerships with several companies, joint efforts, working
with a company; and the near-misses: a co-mention, a customer, a lawsuit, a job taken on,
competition in general, a company's own product named as a rival."""

import pytest

from tests.extract.helpers import article, pairs


def both(*names: str) -> set[frozenset]:
    return {frozenset(p) for p in zip(names[::2], names[1::2], strict=True)}


# -- market lists: every company listed in a market competes with every other -----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Key players in the cloud market include Amazon, Microsoft, Google and Oracle.",
        "The market is dominated by Amazon, Microsoft, Google and Oracle.",
        "Major players such as Amazon, Microsoft, Google and Oracle are fighting for market share.",
        "Rivals in the cloud market are Amazon, Microsoft, Google and Oracle.",
    ],
)
def test_the_companies_a_market_list_names_all_compete(sentence):
    companies = ["Amazon", "Microsoft", "Google", "Oracle"]
    expected = {frozenset((a, b)) for i, a in enumerate(companies) for b in companies[i + 1 :]}
    assert pairs(article(sentence), "competes") == expected


def test_the_rivals_of_one_company_are_rivals_of_that_company():
    text = article("Vodafone faces rivals such as Telefonica and Orange.")
    assert pairs(text, "competes") == both("Vodafone", "Telefonica", "Vodafone", "Orange")


def test_a_list_of_customers_is_no_market():
    text = article("Its customers include Amazon, Microsoft, Google and Oracle.")
    assert pairs(text, "competes") == set()


# -- winning over a rival ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Nokia beat out Ericsson for the contract.",
        "Nokia beat Ericsson to the deal.",
        "Nokia won the bid ahead of Ericsson.",
        "Nokia edged out Ericsson for the 5G contract.",
    ],
)
def test_winning_over_a_rival_is_rivalry(sentence):
    assert pairs(article(sentence), "competes") == both("Nokia", "Ericsson")


def test_beating_a_forecast_is_no_rivalry():
    text = article("Nokia beat analysts' forecasts, Ericsson said.")
    assert pairs(text, "competes") == set()


# -- partnerships with several companies, joint efforts, working with ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Nvidia partners with Dell and Lenovo on AI servers.",
        "Nvidia has strong partnerships with Dell and Lenovo.",
        "Nvidia announced partnerships with Dell and Lenovo on Tuesday.",
    ],
)
def test_partnerships_with_several_companies(sentence):
    assert pairs(article(sentence), "partners") == both("Nvidia", "Dell", "Nvidia", "Lenovo")


@pytest.mark.parametrize(
    "sentence",
    [
        "Nokia and Ericsson announced a joint effort to build 6G networks.",
        "Nokia and Ericsson said they would work together on 6G.",
        "Nokia is working with Ericsson on 6G standards.",
        "Nokia has entered into an agreement with Ericsson to share patents.",
        "The deal between Nokia and Ericsson covers patents.",
        "Nokia supplies Ericsson with antennas.",
    ],
)
def test_cooperation(sentence):
    assert pairs(article(sentence), "partners") == both("Nokia", "Ericsson")


def test_working_with_a_rival_is_cooperation_not_competition():
    text = article("Nokia is working with Ericsson on a common standard.")
    assert pairs(text, "competes") == set()
    assert pairs(text, "partners") == both("Nokia", "Ericsson")


# -- near-misses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Nokia and Ericsson both reported results on Thursday.",
        "Shares of Nokia and Ericsson fell.",
        "Nokia's chief executive used to work at Ericsson.",
    ],
)
def test_a_co_mention_is_no_relation(sentence):
    text = article(sentence)
    assert pairs(text, "competes") == set()
    assert pairs(text, "partners") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Netflix is a customer of Amazon Web Services.",
        "Netflix uses Amazon's cloud to stream its films.",
        "Netflix runs on servers it rents from Amazon.",
    ],
)
def test_a_customer_is_no_partner(sentence):
    assert pairs(article(sentence), "partners") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Apple and Epic Games began a legal battle over the App Store.",
        "Epic's founder will take on the role of adviser to Apple.",
        "Regulators said the merger of Nokia and Alcatel would reduce competition.",
        "Nokia lets users link their data to competing apps, Ericsson said.",
        "The Competition Bureau reviewed the deal between Rogers and Shaw, Telus said.",
        "It comes amid a bruising battle as Broadcom seeks to buy Qualcomm in a hostile bid.",
    ],
)
def test_no_rivalry_where_the_words_name_none(sentence):
    assert pairs(article(sentence), "competes") == set()


def test_a_company_and_its_own_product_are_no_rivals():
    text = article("Microsoft's Xbox faces a new rival: Microsoft's own cloud gaming service.")
    assert pairs(text, "competes") == set()


def test_investors_are_no_partners():
    text = article("Lazada is backed by Temasek and Tesco.")
    assert pairs(text, "partners") == set()


def test_a_rival_described_in_apposition():
    text = article("The fund invested in Nokia, a rival of Ericsson, last year.")
    assert pairs(text, "competes") == both("Nokia", "Ericsson")


@pytest.mark.parametrize(
    "sentence",
    [
        "Nokia has worked with clients such as Ericsson and Siemens.",
        "Nokia was founded by two engineers who first worked together at Ericsson.",
        "Nokia's chief executive and his partner bought a house from Ericsson.",
        "Nokia was named in a survey conducted by Gartner and Ericsson.",
    ],
)
def test_clients_people_and_surveyors_are_no_partners_of_the_subject(sentence):
    assert not {p for p in pairs(article(sentence), "partners") if "Nokia" in p}


def test_the_owner_of_a_partner_is_no_partner():
    text = article("Nokia partnered with Alcatel, a subsidiary of Ericsson, on 6G.")
    assert pairs(text, "partners") == both("Nokia", "Alcatel")


def test_what_partners_set_out_to_buy_is_no_partner():
    text = article("Nokia entered a partnership with Siemens to buy Alcatel's network business.")
    assert pairs(text, "partners") == both("Nokia", "Siemens")


@pytest.mark.parametrize(
    "sentence",
    [
        "Nokia and Ericsson competed in the international design awards in Milan.",
        "Nokia and Ericsson won a trading competition held by Siemens.",
        "Nokia surpassed its sales target, Ericsson said.",
        "Nokia and Ericsson are merging to beat out Siemens.",
    ],
)
def test_contests_targets_and_mergers_name_no_rivals_among_the_subjects(sentence):
    assert frozenset(("Nokia", "Ericsson")) not in pairs(article(sentence), "competes")


def test_we_in_a_quotation_is_the_company_the_speaker_speaks_for():
    text = article(
        '"We have had a strong partnership with Ericsson for years," said Pekka Lundmark, chief executive of Nokia.'
    )
    assert pairs(text, "partners") == both("Nokia", "Ericsson")


def test_we_of_an_observer_is_no_company():
    text = article('"We see Ericsson as a strong partner," said Jane Roe, an analyst at Gartner.')
    assert pairs(text, "partners") == set()


def test_beating_estimates_is_no_rivalry():
    text = article("Nokia reported results that beat Wall Street estimates, while Ericsson cut jobs.")
    assert pairs(text, "competes") == set()


def test_winning_names_only_the_two_beside_the_words():
    text = article("The analysts disagree, with Gartner ranking Nokia ahead of Ericsson.")
    assert pairs(text, "competes") == both("Nokia", "Ericsson")


@pytest.mark.parametrize(
    "sentence",
    [
        "Nokia And Ericsson Go Head To Head In India",
        "Nokia and Ericsson are neck and neck in the Indian market.",
        "Siemens, Alcatel and Ericsson are fighting neck-to-neck with Nokia.",
    ],
)
def test_head_to_head_and_fighting_with(sentence):
    assert frozenset({"Nokia", "Ericsson"}) in pairs(
        article("The race is on.", title=sentence) if sentence.istitle() else article(sentence), "competes"
    )


def test_the_company_a_description_refers_to_takes_the_side_it_stands_on():
    text = article(
        "Airtel has launched a mobile money service in Nigeria.",
        "The link-up with Ecobank will help the telco compete with Safaricom.",
    )
    assert pairs(text, "competes") == both("Airtel", "Safaricom")


def test_a_dateline_names_no_party():
    text = article("LAGOS (Reuters) - Airtel has signed a partnership with Ecobank.")
    assert pairs(text, "partners") == both("Airtel", "Ecobank")


def test_a_struggle_is_no_rivalry():
    text = article("Kraft faced an uphill battle in trying to get Unilever to negotiate.")
    assert pairs(text, "competes") == set()


def test_what_someone_said_of_two_companies_makes_no_rivals_of_them():
    text = article('Reed Hastings said of Disney and Apple, "great competition makes you better."')
    assert frozenset({"Disney", "Apple"}) not in pairs(text, "competes")
