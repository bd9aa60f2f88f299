"""Acquisitions on small hand-written articles: who bought whom, in the ways news states a
purchase, with the buyer first; and the near-misses that are no purchase (a stake, an
investment, a bid, talks, a blocked or abandoned deal, buying products)."""

import pytest

from bot.extract import extract
from bot.extract.relations.acquisitions import _a_person
from bot.extract.relations.purchase_article import one_name_each
from tests.extract.helpers import article, bought

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


# -- more ways news states a purchase (issue 20) -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Activision, now owned by Microsoft, makes Call of Duty.",
        "Activision is now part of Microsoft.",
        "Activision became part of Microsoft in 2023.",
        "Activision merged into Microsoft in 2023.",
        "The merger of Activision into Microsoft closed on Friday.",
        "The sale of Activision to Microsoft closed on Friday.",
        "The deal for Activision by Microsoft closed on Friday.",
        "Activision sold itself to Microsoft for $69bn.",
        "Microsoft scooped up Activision last year.",
        "Microsoft swallowed Activision in a $69bn deal.",
        "Microsoft has taken over Activision.",
        "Microsoft moved into mobile games with the acquisition of Activision in 2023.",
        "Microsoft grew through the purchase of Activision.",
        "Activision, which Microsoft bought last year, makes Call of Duty.",
        "Microsoft bought US games maker Activision.",
        "Microsoft bought AI startup Activision.",
    ],
)
def test_more_ways_a_purchase_is_stated(sentence):
    assert bought(article(sentence)) == {("Microsoft", "Activision")}


def test_a_unit_sold_to_a_buyer_counts_for_its_seller():
    text = article("Uber agreed to sell its China operations to Didi for $7bn.")
    assert bought(text) == {("Didi", "Uber")}


def test_the_buyer_of_a_second_purchase_is_the_subject_of_the_first():
    text = article("Microsoft acquired Activision last year and this March announced the purchase of Nvidia.")
    assert bought(text) == {("Microsoft", "Activision"), ("Microsoft", "Nvidia")}


def test_a_company_described_after_the_one_bought_is_no_second_purchase():
    text = article("In September, Broadcom agreed to buy Altera, the chip arm of US group Intel, for $9bn.")
    assert bought(text) == {("Broadcom", "Altera")}


def test_a_nationality_before_no_company_is_no_company_bought():
    sentence = "Microsoft has acquired three other Israeli startups since 2020."
    assert bought(article(sentence)) == set()


def test_its_far_from_its_owner_with_another_company_between_names_no_buyer():
    text = article(
        "The leading chain, Walmart, held 29 percent of the market, down 2 percent from 2012, followed by"
        " Amazon with a 25 percent share, up 6 percent thanks to its acquisition of Target in 2013."
    )
    assert ("Walmart", "Target") not in bought(text)


def test_one_purchase_under_two_names_of_a_company_is_one():
    found = [
        (0, "acquires", "Microchip", "Microsemi"),
        (1, "acquires", "Microchip Technology", "Microsemi"),
        (2, "acquires", "Mastermyne", "Wilson Mining Services"),
        (3, "acquires", "Mastermyne", "WMS"),
        (4, "acquires", "Skyworks", "PMC-Sierra"),
        (5, "acquires", "Skyworks", "PMC"),
        (6, "acquires", "Microchip", "Microsemi"),
        (6, "competes", "Microchip Technology", "Microsemi"),
        (7, "acquires", "Microchip", "Atmel"),
    ]
    assert one_name_each(found) == [found[0], found[2], found[4], found[6], found[7], found[8]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Microsoft would acquire Activision under the proposal.",
        "Microsoft denied reports that it would buy Activision.",
        "If Microsoft buys Activision, prices will rise.",
        "Microsoft is the frontrunner to buy Activision.",
        "Microsoft emerged as a bidder for Activision.",
        "Microsoft's bid for Activision was rejected.",
        "Microsoft withdrew its bid for Activision.",
        "Microsoft led a $200m funding round in Activision.",
        "Microsoft acquired shares in Activision.",
        "Microsoft held talks with Activision about a takeover.",
        "Microsoft and Activision are in merger talks.",
        "Microsoft upped its stake in Activision to 30%.",
    ],
)
def test_more_that_is_no_purchase(sentence):
    assert bought(article(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Activision was sold in 2014 to Microsoft.",
        "Activision was sold for $1.75 billion to Microsoft.",
        "Activision was acquired on July 1, 2023, by Microsoft.",
        "Microsoft eventually won the bidding and acquired Activision for $69bn.",
        "Microsoft would acquire Activision in 2023, after years of talks.",
        "Microsoft acquired the mobile games branch of Activision in 2023.",
    ],
)
def test_purchases_history_tells(sentence):
    assert bought(article(sentence)) == {("Microsoft", "Activision")}


def test_what_it_refers_to_was_sold():
    text = article("Activision made Call of Duty. In 2023 it was sold to Microsoft.")
    assert bought(text) == {("Microsoft", "Activision")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Microsoft takeover of Activision closed on Friday.",
        "Microsoft, the buyer of Activision, reported record sales.",
        "Microsoft became the new owner of Activision in 2023.",
        "Analysts expect the new owner of Activision, Microsoft, to cut prices.",
    ],
)
def test_the_buyer_named_beside_the_deal(sentence):
    assert bought(article(sentence)) == {("Microsoft", "Activision")}


def test_companies_bought_named_after_their_kind():
    text = article("Microsoft has been acquiring studios such as Activision and Bungie.")
    assert bought(text) == {("Microsoft", "Activision"), ("Microsoft", "Bungie")}


def test_our_acquisition_is_the_speakers_company():
    said = 'Microsoft chief executive Satya Nadella said: "Our acquisition of Activision will bring games to everyone."'
    assert bought(article(said)) == {("Microsoft", "Activision")}


@pytest.mark.parametrize(
    "sentence",
    [
        '"We looked at buying Activision," said a Microsoft spokesman.',
        "Nvidia chief Jensen Huang said his recently acquired Activision shares had risen.",
        "The newly acquired Activision studio will move to Seattle, Microsoft said.",
        "Analysts at Nvidia believe the new owner of Activision will cut prices.",
        "Republicans took over the House in 2010.",
    ],
)
def test_no_purchase_stated(sentence):
    assert bought(article(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "In November, Microsoft Gaming’s $69 billion takeover of Activision got final approval.",
        "The watchdog approved Microsoft’ A$5.25 billion ($3.34 billion) takeover of Activision on Thursday.",
        "Microsoft bought Activision’s mobile, console and arcade games business.",
        "The Activision sale was the larger, with Microsoft paying $69bn for the company.",
    ],
)
def test_a_purchase_in_longer_phrases(sentence):
    assert bought(article(sentence)) == {("Microsoft", "Activision")}


def test_a_deal_with_another_company_undone_leaves_the_purchase():
    text = article(
        "Microsoft has signed an agreement to acquire Activision.",
        "Activision's board has terminated its merger agreement with Nvidia, saying the Microsoft offer is superior.",
    )
    assert bought(text) == {("Microsoft", "Activision")}


def test_a_deal_with_the_company_undone_is_no_purchase():
    text = article(
        "Microsoft has signed an agreement to acquire Activision.",
        "Months later Microsoft walked away from its deal with Activision.",
    )
    assert bought(text) == set()


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Microsoft completes Activision acquisition", "The deal is big."),
        ("Microsoft seals Activision takeover", "The deal is big."),
        ("Microsoft agrees Activision takeover", "The deal is big."),
        ("Regulators clear Microsoft's Activision takeover", "The deal is big."),
        ("Games makers merge", "Microsoft completed the Activision acquisition on Friday."),
        ("Games makers merge", "Microsoft's $69bn Activision takeover was cleared on Friday."),
        ("Games makers merge", "Microsoft has agreed to acquire all outstanding shares of Activision."),
        ("Games makers merge", "Microsoft acquired the remaining 51% of Activision it did not already own."),
    ],
)
def test_the_company_bought_named_before_the_deal_or_its_shares(title, body):
    assert bought(article(body, title=title)) == {("Microsoft", "Activision")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Microsoft eyes Activision takeover.",
        "Regulators blocked Microsoft's Activision takeover.",
        "Microsoft's potential Activision acquisition worries regulators.",
        "Microsoft acquired a 51% stake in Activision, taking control of the company.",
        "Microsoft closed its $69bn Activision deal on Friday.",  # a deal may be of any kind
    ],
)
def test_no_purchase_of_the_company_named_before_the_deal(sentence):
    assert bought(article(sentence)) == set()


def test_a_company_that_failed_can_still_be_bought():
    text = article(
        "Microsoft plans to finalize the acquisition of collapsed lender Activision by the end of the month."
    )
    assert bought(text) == {("Microsoft", "Activision")}


@pytest.mark.parametrize("when", ["in June", "in May"])
def test_a_failed_deal_named_by_its_target_is_still_failed(when):
    text = article(
        "Microsoft agreed to buy Activision.", f"Microsoft walked away from the collapsed Activision takeover {when}."
    )
    assert bought(text) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Microsoft is buying Activision, according to people familiar with the matter.",
        "Microsoft agreed to buy Activision, sources close to the company said.",
        "Microsoft is nearing a deal to buy Activision.",
        "Microsoft is close to acquiring Activision.",
        "Microsoft is said to have bought Activision.",
    ],
)
def test_a_rumoured_or_nearing_purchase_is_none(sentence):
    assert bought(article(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Vivendi’s 20% stake was sold to Microsoft in 2013.",
        "Vivendi’s stake in Activision was sold to Microsoft.",
        "A 20% stake in Activision was bought by Microsoft.",
        "Activision shares were bought by Microsoft.",
        "Activision’s assets were acquired by Microsoft.",
        "Part of Activision was sold to Microsoft.",
    ],
)
def test_a_part_of_a_company_sold_or_bought_in_the_passive_is_no_purchase(sentence):
    assert bought(article(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Microsoft's latest acquisition, Activision, makes games.",
        "Activision is Microsoft's latest acquisition.",
        "Activision, Microsoft's latest acquisition, makes games.",
        "Activision, after being acquired by Microsoft in 2023, cut jobs.",
        "Activision accepted a $69bn takeover offer from Microsoft.",
        "Activision's board recommended Microsoft's $69bn offer.",
        "Activision accepted an improved offer from Microsoft.",
    ],
)
def test_the_company_bought_named_as_the_buyers_acquisition_or_taking_its_offer(sentence):
    assert bought(article(sentence)) == {("Microsoft", "Activision")}


def test_a_buyers_acquisitions_listed():
    text = article("Microsoft's acquisitions include Activision and Bungie.")
    assert bought(text) == {("Microsoft", "Activision"), ("Microsoft", "Bungie")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Microsoft accepted an offer from Sony to sell its games on PlayStation.",
        "Activision rejected a $69bn takeover offer from Microsoft.",
        "Microsoft's potential acquisition, Activision, is worth $69bn.",
    ],
)
def test_an_offer_not_taken_or_not_for_the_company_is_no_purchase(sentence):
    assert bought(article(sentence)) == set()


# -- a person is no buyer; a question, a duty or an option states no purchase (issue 20) --------


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Tesla chief executive Elon Musk bought Twitter in 2022.", "Musk said the platform needed a new direction."),
        ("Tesla boss Musk bought Twitter in 2022.",),
        ("Amazon founder Jeff Bezos has bought the Washington Post.",),
        ("Billionaire Elon Musk bought Twitter in 2022.", '"It is a big day," Musk said.'),
        ("Businessman Graham Hart bought Albright Stores in 2020.", "Mr Hart said he would keep all 200 shops open."),
        ("Elon Musk bought Twitter in 2022.", "Tesla boss Elon Musk said it was a big day."),
    ],
)
def test_a_person_is_no_buyer(paragraphs):
    assert bought(article(*paragraphs)) == set()


def test_a_company_whose_name_opens_with_a_title_word_is_no_person():
    assert _a_person("Billionaire Elon Musk") and _a_person("Businessman Graham Hart")
    assert not _a_person("Chief Auto Parts") and not _a_person("Director Systems")


BOTH = "Datavane Systems is in Ohio and Kestrel Software in Texas."


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Should Datavane Systems buy Kestrel Software?", BOTH),
        ("Why Datavane Systems should buy Kestrel Software", BOTH),
        ("Datavane Systems won't buy Kestrel Software, CEO says", BOTH),
        ("Software makers", "Datavane Systems has an option to buy Kestrel Software by 2027."),
        ("Software makers", "Datavane Systems has the right to buy the rest of Kestrel Software."),
        ("Software makers", "Datavane Systems holds a right of first refusal to buy Kestrel Software."),
        ("Software makers", "Will Datavane Systems buy Kestrel Software?"),
        ("Software makers", "Datavane Systems didn't buy Kestrel Software, its chief executive said."),
    ],
)
def test_a_question_a_duty_or_an_option_is_no_purchase(title, body):
    assert bought(article(body, title=title)) == set()


def test_a_legal_suffixs_full_stop_ends_no_sentence_of_a_purchase():
    text = article("Harbour Lane Brewing Co. has agreed to buy Copper Kettle Ales for an undisclosed sum.")
    assert bought(text) == {("Harbour Lane Brewing", "Copper Kettle Ales")}


@pytest.mark.parametrize(
    ("sentence", "purchases"),
    [
        ("In 2016 Magento acquired RJMetrics, and Stitch was spun out as a company.", {("Magento", "RJMetrics")}),
        (
            "Datavane Systems acquired Kestrel Software, and Hollis Media said it would sell.",
            {("Datavane Systems", "Kestrel Software")},
        ),
        (
            "Lincolnshire Capital invested in Wabash National, a maker of trailers, which had acquired Transcraft.",
            set(),
        ),
        (
            "In 2019 our parent, the owner of distributor Kestrel Software and label Hollis Media, acquired Mill"
            " Creek Records.",
            set(),  # the companies an apposition describes its subject by bought nothing
        ),
        (
            "Zorblat, the parent of distributor Kestrel Software, acquired Mill Creek Records.",
            {("Zorblat", "Mill Creek Records")},
        ),
        ("Alphabet, the parent company of Google, bought Wiz.", {("Alphabet", "Wiz")}),
        (
            "Datavane Systems, a maker of accounting tools, which bought Kestrel Software, is growing.",
            {("Datavane Systems", "Kestrel Software")},
        ),
    ],
)
def test_the_buyer_is_the_subject_of_the_purchase_not_a_company_beside_it(sentence, purchases):
    assert bought(article(sentence)) == purchases


@pytest.mark.parametrize(
    ("sentence", "purchases"),
    [
        (
            "Purolator Courier Corp. was acquired by Wilton, CT-based Emery Worldwide.",
            {("Emery Worldwide", "Purolator Courier")},
        ),
        ("Impark entered into an agreement to be acquired by SoftBank Group funded ParkJockey.", set()),
        (
            "Casa Automotive Group (the parent company of Casa de Cadillac) acquired several additional franchises"
            " including Buick, GMC and Saab.",
            set(),
        ),
        ("Datavane Systems (formerly Kestrel Software) acquired Hollis Media.", {("Datavane Systems", "Hollis Media")}),
        (
            "In 2019 Agrium Australia (now a subsidiary of Canadian company Nutrien) announced the acquisition"
            " of Ruralco.",
            {("Agrium Australia", "Ruralco")},
        ),
    ],
)
def test_places_backers_brackets_and_examples_around_the_sides(sentence, purchases):
    assert bought(article(sentence)) == purchases


@pytest.mark.parametrize("kind", ["Miner", "Brewer", "Grocer", "Toymaker", "Steelmaker", "Homebuilder", "Supplier"])
def test_a_kind_of_firm_opening_a_sentence_is_no_part_of_the_buyers_name(kind):
    text = article(f"{kind} Zentrix Dynamics agreed to buy Morlan Tooling for $2bn.")
    assert bought(text) == {("Zentrix Dynamics", "Morlan Tooling")}


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Kestrel Software was founded in 2010.", "Datavane Systems bought the company in 2019."),
        ("Kestrel Software was founded in 2010.", "Datavane Systems bought the startup in 2019 for $50m."),
        ("Kestrel Software was founded in 2010.", "Datavane Systems bought it in 2019."),
        ("Kestrel Software's sale to Datavane Systems closed on Friday.",),
        ("Goldman Sachs advised Kestrel Software on its sale to Datavane Systems.",),
    ],
)
def test_the_company_bought_named_by_reference_or_by_its_sale(paragraphs):
    assert bought(article(*paragraphs)) == {("Datavane Systems", "Kestrel Software")}


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Apple launched the iPhone in 2007.", "Millions of people bought it."),
        ("Kestrel Software makes chips.", "Datavane Systems bought the company's chips in 2019."),
        ("Kestrel Software's planned sale to Datavane Systems was blocked.",),
        ("Kestrel Software is exploring a sale to Datavane Systems.",),
        ("Hollis Media said the sale to Datavane Systems would close soon.",),
    ],
)
def test_no_company_bought_by_reference_or_by_its_sale(paragraphs):
    assert bought(article(*paragraphs)) == set()


@pytest.mark.parametrize(
    ("sentence", "purchase"),
    [
        (
            "Morlan Tooling sold its aerospace unit to Zentrix Dynamics for $400m.",
            ("Zentrix Dynamics", "Morlan Tooling"),
        ),
        ("Kessler Capital sold Morlan Tooling to Zentrix Dynamics in 2019.", ("Zentrix Dynamics", "Morlan Tooling")),
        (
            "AB InBev completed its acquisition of the Craft Brew Alliance on Friday.",
            ("AB InBev", "Craft Brew Alliance"),
        ),
    ],
)
def test_a_company_in_a_purchases_slot_built_like_a_persons_name_or_a_bodys(sentence, purchase):
    assert bought(article(sentence)) == {purchase}


def test_a_person_in_a_purchases_slot_stays_a_person():
    assert bought(article("Kestrel Software was sold to John Smith in 2019.")) == set()


def test_an_apposition_that_gives_no_role_makes_no_person():
    text = article(
        "Zentrix Dynamics has completed its takeover of Morlan Tooling, a year after the deal was announced."
    )
    assert bought(text) == {("Zentrix Dynamics", "Morlan Tooling")}
    said = article("Kestrel Software was sold to Morlan Tooling, the chief executive of Hollis Media.")
    assert bought(said) == set()


def test_an_agreement_terminated_undoes_the_purchase_agreed():
    text = article(
        "Zentrix Dynamics agreed in January to acquire Morlan Tooling for $3bn.",
        "On Tuesday it said it had terminated the agreement after regulators raised concerns.",
    )
    assert bought(text) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Shareholders of Morlan Tooling voted on Thursday to approve its sale to Zentrix Dynamics.",
        "Zentrix Dynamics plans to spin off Morlan Tooling, which it acquired in 2015.",
    ],
)
def test_a_sale_approved_and_a_company_which_it_acquired(sentence):
    assert bought(article(sentence)) == {("Zentrix Dynamics", "Morlan Tooling")}


@pytest.mark.parametrize(
    ("sentence", "purchases"),
    [
        (
            "Private equity firm Kessler Capital took Morlan Tooling private in 2019.",
            {("Kessler Capital", "Morlan Tooling")},
        ),
        ("Kessler Capital took a private jet to Morlan Tooling.", set()),
        ("Kessler Capital would take Morlan Tooling private under the plan.", set()),
    ],
)
def test_taking_a_company_private_is_buying_it(sentence, purchases):
    assert bought(article(sentence)) == purchases


@pytest.mark.parametrize(
    ("title", "body", "purchases"),
    [
        # the passive with "got", and a second sale "sold on to"
        ("", "Activision got acquired by Microsoft in 2014.", {("Microsoft", "Activision")}),
        ("", "Activision was sold on to Microsoft in 1998.", {("Microsoft", "Activision")}),
        # an owner since a year bought the company
        (
            "",
            "Founded in 1985, Activision has been owned by Microsoft since 2014.",
            {("Microsoft", "Activision")},
        ),
        (
            "",
            "Activision, owned by Microsoft since 2006, makes games.",
            {("Microsoft", "Activision")},
        ),
        # a deal for the company completed or closed, and the headline's "X completes Y deal"
        (
            "",
            "Microsoft completed its $69bn deal for Activision on Friday.",
            {("Microsoft", "Activision")},
        ),
        (
            "",
            "Microsoft closed the deal for Activision in October.",
            {("Microsoft", "Activision")},
        ),
        (
            "Microsoft completes Activision deal",
            "The deal is worth $69bn.",
            {("Microsoft", "Activision")},
        ),
        ("", "Microsoft completed the Activision deal in May.", {("Microsoft", "Activision")}),
        # none: an owner without a year, a deal for what a company makes, a deal with it, a deal failed
        ("", "Activision is owned by Microsoft, its founder said.", set()),
        ("", "Microsoft completed a $69bn deal for Activision games.", set()),
        ("", "Microsoft completed the Activision deal with Sony.", set()),
        ("", "Microsoft failed to complete the Activision deal.", set()),
        ("", "Microsoft completed a potential Activision deal review.", set()),
        ("", "Activision got a contract from Microsoft in 2014.", set()),
    ],
)
def test_a_purchase_got_sold_on_owned_since_or_its_deal_completed(title, body, purchases):
    text = article(body, title=title) if title else article(body)
    assert bought(text) == purchases


@pytest.mark.parametrize(
    "sentence",
    [
        # what a company can do is not what it did
        "Google undoubtedly has the size and scale to absorb Twitter.",
        "Google has the cash to buy Twitter.",
        "Google can afford to buy Twitter.",
        "Google is big enough to buy Twitter.",
        "Google is able to buy Twitter.",
        "Google is one of the few companies that can buy Twitter.",
        # a doubt before the buyer, a purchase passed over, a stake bought into
        "It is unlikely that Google will buy Twitter.",
        "Google passed on buying Twitter.",
        "Google balked at buying Twitter.",
        "Google bought into Twitter in 2019.",
    ],
)
def test_an_ability_a_doubt_or_buying_into_is_no_purchase(sentence):
    assert bought(article(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Google used its cash to buy Twitter in 2019.",
        "Twitter was acquired and absorbed into Google in 2019.",
        "Google, which can trace its roots to 1998, bought Twitter in 2019.",
    ],
)
def test_a_purchase_beside_the_words_of_ability(sentence):
    assert bought(article(sentence)) == {("Google", "Twitter")}


def _read(sentence: str, recognised: list[str], subject: str | None = None) -> set[tuple[str, str]]:
    """The purchases one sentence states when only ``recognised`` are known as companies (the
    others stand in it as names recognition missed)."""
    from bot.extract.relations.acquisitions import Named, acquisitions

    named = sorted(Named(sentence.index(n), sentence.index(n) + len(n), n, n) for n in recognised)
    return set(acquisitions(sentence, named, subject, None))


@pytest.mark.parametrize(
    ("sentence", "recognised", "purchases"),
    [
        # the buyer named after "by", or before the deal as its owner, though not recognised
        (
            "Atlas Mara and Zentrix Dynamics signed an agreement on the acquisition of Morlan Tooling (MTL)"
            " by Kestrelo.",
            ["Zentrix Dynamics", "Morlan Tooling"],
            set(),
        ),
        (
            "In June, Zentrix Dynamics agreed to buy Orbin for $6bn, and in November, Kestrelo Squibb's $74bn"
            " takeover of Morlan Tooling got final approval.",
            ["Zentrix Dynamics", "Orbin", "Morlan Tooling"],
            {("Zentrix Dynamics", "Orbin")},
        ),
        (
            "Zentrix Dynamics signed an agreement on the acquisition of Morlan Tooling (MTL) by KCB.",
            ["Zentrix Dynamics", "Morlan Tooling"],
            set(),
        ),
        # a company a preposition brings in is no subject
        (
            "Kestrelo now ranks behind Zentrix Dynamics and bought Morlan Tooling.",
            ["Zentrix Dynamics", "Morlan Tooling"],
            set(),
        ),
        # what another verb bought is no buyer of the next purchase
        (
            "Look at Zentrix Dynamics acquiring startup Orbin last summer, and edtech startup Kestrelo"
            " buying Morlan Tooling.",
            ["Zentrix Dynamics", "Orbin", "Morlan Tooling"],
            {("Zentrix Dynamics", "Orbin")},
        ),
        # "the smaller Safeway chain" names the company bought: no reference to the one before
        (
            "Zentrix Dynamics expanded west by taking over the smaller Kestrelo chain.",
            ["Zentrix Dynamics"],
            set(),
        ),
        # but a month after "by", a place's possessive and a nationality in the reference are no names
        (
            "Zentrix Dynamics completed the acquisition of Morlan Tooling by November 2011.",
            ["Zentrix Dynamics", "Morlan Tooling"],
            {("Zentrix Dynamics", "Morlan Tooling")},
        ),
        ("Zentrix Dynamics bought the British company in 2013.", ["Zentrix Dynamics"], {("Zentrix Dynamics", "Orbin")}),
    ],
)
def test_a_name_recognition_missed_in_a_buyers_place_makes_no_other_company_buyer(sentence, recognised, purchases):
    assert _read(sentence, recognised, subject="Orbin") == purchases


@pytest.mark.parametrize(
    ("sentence", "purchases"),
    [
        ("Activision was bought up by Microsoft in 2019.", {("Microsoft", "Activision")}),
        ("Activision was bought out by Microsoft in 2019.", {("Microsoft", "Activision")}),
        # the company bought is the subject of the clause a passive "after being" opens or closes
        ("After being acquired by Microsoft, Activision cut jobs.", {("Microsoft", "Activision")}),
        ("Since being bought by Microsoft in 2023, Activision has cut jobs.", {("Microsoft", "Activision")}),
        ("Activision cut jobs after being acquired by Microsoft.", {("Microsoft", "Activision")}),
        # none: what was done to it was no purchase, or almost one
        ("After being rejected by Microsoft, Activision cut jobs.", set()),
        ("Activision cut jobs after nearly being acquired by Microsoft.", set()),
    ],
)
def test_bought_up_and_after_being_acquired(sentence, purchases):
    assert bought(article(sentence)) == purchases


@pytest.mark.parametrize(
    ("paragraphs", "purchases"),
    [
        # the side whose shares the other's shareholders receive buys
        (
            ("Activision shareholders will receive 0.5 Microsoft shares for each Activision share.",),
            {("Microsoft", "Activision")},
        ),
        (
            ("Activision's stockholders would get 2 Microsoft shares for every share they hold.",),
            {("Microsoft", "Activision")},
        ),
        # a merger that names its survivor is a merger into it
        (
            (
                "The regulator approved the planned merger between Microsoft and Activision.",
                "Microsoft said the merger of the two companies was approved, with Microsoft as the surviving company.",
            ),
            {("Microsoft", "Activision")},
        ),
        (
            ("Microsoft and Activision agreed to merge.", "The surviving company will be Activision."),
            {("Activision", "Microsoft")},
        ),
        # none: shares received in a spin-off or for cash; a merger with no survivor named; one blocked
        (("Activision shareholders will receive 5 shares of Microsoft stock in the spin-off.",), set()),
        (("Microsoft and Activision agreed to merge.", "The combined company will be based in Seattle."), set()),
        (
            (
                "Microsoft and Activision agreed to merge.",
                "Microsoft will be the surviving company.",
                "Regulators later blocked the merger.",
            ),
            set(),
        ),
    ],
)
def test_a_merger_into_the_side_that_survives_or_pays_in_its_shares(paragraphs, purchases):
    assert bought(article(*paragraphs)) == purchases


@pytest.mark.parametrize(
    ("sentence", "purchases"),
    [
        ("Sony agreed to sell Activision's mobile games business to Microsoft.", {("Microsoft", "Activision")}),
        ("Sony sold Activision's operations in Canada to Microsoft.", {("Microsoft", "Activision")}),
        # none: what a company makes, or a stake in its unit
        ("Sony sold Activision's games to Microsoft.", set()),
        ("Sony sold its stake in Activision's games business to Microsoft.", set()),
    ],
)
def test_a_unit_of_a_company_sold_to_a_buyer_by_another(sentence, purchases):
    assert bought(article(sentence)) == purchases


@pytest.mark.parametrize(
    ("paragraphs", "purchases"),
    [
        # the seller named between the passive and its buyer
        (("Activision was sold by Sony to Microsoft in 2011.",), {("Microsoft", "Activision")}),
        (("Activision makes games.", "It was sold by Sony, in 2011, to Microsoft."), {("Microsoft", "Activision")}),
        # "the company" sold by people: the company the sentence before is about
        (
            ("Activision was founded in 1979.", "In 1984 the founders sold the company to Microsoft."),
            {("Microsoft", "Activision")},
        ),
        # none: only talked of, or a company sells "the business" (its own or the one before?)
        (("Activision was founded in 1979.", "The founders are in talks to sell the company to Microsoft."), set()),
        (("Activision was founded in 1979.", "Sony sold the business to Microsoft in 2011."), set()),
    ],
)
def test_sold_by_a_seller_to_a_buyer_and_the_company_sold_by_reference(paragraphs, purchases):
    assert bought(article(*paragraphs)) == purchases


@pytest.mark.parametrize(
    "sentence",
    [
        "Microsoft beat Sony to buy Activision.",
        "Microsoft outbid rival Sony to buy Activision.",
        "Microsoft saw off Sony to acquire Activision for $69bn.",
    ],
)
def test_the_company_a_buyer_beat_to_a_purchase_is_no_buyer(sentence):
    assert bought(article(sentence)) == {("Microsoft", "Activision")}


@pytest.mark.parametrize(
    ("sentence", "purchases"),
    [
        # an irregular verb after the company bought ends its name as a past in "-ed" does
        ("Sony said Microsoft's acquisition of Activision hurt competition.", {("Microsoft", "Activision")}),
        ("Microsoft's takeover of Activision gave it Call of Duty.", {("Microsoft", "Activision")}),
        ("After Microsoft bought Activision, the two were merged.", {("Microsoft", "Activision")}),
        # but a noun after it is what was bought: no company
        ("Microsoft bought Activision games worth $5m.", set()),
    ],
)
def test_the_company_bought_before_an_irregular_verb(sentence, purchases):
    assert bought(article(sentence)) == purchases


@pytest.mark.parametrize(
    ("sentence", "purchases"),
    [
        (
            "Upon completion of the transaction, Activision will become a wholly owned subsidiary of Microsoft.",
            {("Microsoft", "Activision")},
        ),
        ("Activision will become a division of Microsoft.", {("Microsoft", "Activision")}),
        ("Microsoft gained control of Activision in 2023.", {("Microsoft", "Activision")}),
        # none: a group reorganised, the past (as often a reorganisation), a majority short of the whole
        ("In 2015 Google will become a subsidiary of Alphabet, a new holding company.", set()),
        ("Activision became a subsidiary of Microsoft in 1987.", set()),
        ("Activision will become a majority-owned subsidiary of Microsoft.", set()),
    ],
)
def test_a_company_that_will_become_a_subsidiary_of_its_buyer(sentence, purchases):
    assert bought(article(sentence)) == purchases


@pytest.mark.parametrize(
    ("sentence", "purchases"),
    [
        # the owner named in an apposition after its company's possessive is the subject
        ("Activision's owner, Microsoft, bought Bungie.", {("Microsoft", "Bungie")}),
        ("Activision's parent company, Microsoft, agreed to buy Bungie.", {("Microsoft", "Bungie")}),
        # a verb whose object stood before it ("which X acquired") takes none after a comma
        (
            "Activision, which Microsoft acquired, bought Bungie.",
            {("Microsoft", "Activision"), ("Activision", "Bungie")},
        ),
        (
            "Activision, which Microsoft acquired, said it bought Bungie.",
            {("Microsoft", "Activision"), ("Activision", "Bungie")},
        ),
        # but a verb with its object before the comma keeps it
        (
            "Microsoft, which acquired Activision, bought Bungie.",
            {("Microsoft", "Activision"), ("Microsoft", "Bungie")},
        ),
    ],
)
def test_the_owner_in_an_apposition_and_an_object_before_its_verb(sentence, purchases):
    assert bought(article(sentence)) == purchases


@pytest.mark.parametrize(
    "sentence",
    [
        "A week after Microsoft bought Activision, Sony bought Bungie.",
        "Sony bought Bungie, and Microsoft bought Activision.",
        "Sony bought Bungie while Microsoft bought Activision.",
    ],
)
def test_two_purchases_in_one_sentence_each_with_its_own_buyer(sentence):
    assert bought(article(sentence)) == {("Sony", "Bungie"), ("Microsoft", "Activision")}


@pytest.mark.parametrize(
    "history",
    [
        "The deal would have been the largest since Facebook acquired WhatsApp.",
        "It would be the biggest takeover in the industry since Facebook bought WhatsApp.",
    ],
)
def test_a_purchase_history_tells_stands_when_another_deal_is_undone(history):
    text = article("Broadcom agreed to buy Qualcomm for $117bn.", history, "Regulators blocked the deal in March.")
    assert bought(text) == {("Facebook", "WhatsApp")}


def test_a_pending_purchase_beside_history_is_still_undone():
    text = article(
        "Broadcom will buy Qualcomm, a year after Facebook acquired WhatsApp.", "Regulators blocked the deal in March."
    )
    assert bought(text) == {("Facebook", "WhatsApp")}


# -- fifth pass (issue 20, branch i20-acq5) ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Microsoft is looking to acquire Activision.",
        "Microsoft gave up on buying Activision after a year of talks.",
        "Sony said it was worried Microsoft would buy Activision.",
        "Analysts believe Microsoft would buy Activision if prices fell.",
    ],
)
def test_a_wish_given_up_or_a_fear_is_no_purchase(sentence):
    assert bought(article(sentence)) == set()


def test_a_clause_looking_to_do_something_else_leaves_the_purchase():
    text = article("Nordvale Transit, which is looking to go public, acquired Kestrel Mobility in May.")
    assert bought(text) == {("Nordvale Transit", "Kestrel Mobility")}


def test_a_buyer_that_said_it_would_buy_still_buys():
    assert bought(article("Microsoft said on Tuesday it would buy Activision.")) == {("Microsoft", "Activision")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Microsoft announced a plan to buy Activision about 18 months ago.",
        "Microsoft bought Activision two years ago.",
        "Microsoft agreed to buy Activision roughly a year ago.",
    ],
)
def test_a_time_after_the_company_bought_ends_its_name(sentence):
    assert bought(article(sentence)) == {("Microsoft", "Activision")}


def test_a_number_of_products_after_the_verb_is_no_company_bought():
    assert bought(article("Microsoft bought about 500 Samsung phones.")) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Activision, which bought King in 2016, was acquired by Microsoft.",
        "Activision, which competes with Zynga, was acquired by Microsoft.",
        "Activision, which makes games for Sony, has been sold to Microsoft.",
        "Activision, which was spun off from Vivendi, was bought by Microsoft.",
    ],
)
def test_a_company_inside_a_relative_clause_before_the_passive_is_not_what_was_bought(sentence):
    found = bought(article(sentence))
    assert ("Microsoft", "Activision") in found
    assert not {pair for pair in found if pair[0] == "Microsoft" and pair[1] != "Activision"}


def test_a_relative_clause_with_no_company_before_it_names_nothing_bought():
    assert bought(article("The studio, which makes games for Sony, was acquired by Microsoft.")) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Nordvale Transit, which fought Datavane Systems to buy Kestrel Mobility, won approval on Monday.",
        "Nordvale Transit, which battled Datavane Systems to buy Kestrel Mobility, won approval on Monday.",
    ],
)
def test_the_company_a_buyer_fought_for_a_purchase_is_no_buyer(sentence):
    assert ("Datavane Systems", "Kestrel Mobility") not in bought(article(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Sprint shareholders voted in favour of a sweetened takeover offer from SoftBank.",
        "Sprint shareholders approved a $21bn takeover offer from SoftBank.",
    ],
)
def test_a_takeover_offer_the_targets_owners_approved_is_a_purchase(sentence):
    assert bought(article(sentence)) == {("SoftBank", "Sprint")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Sprint shareholders voted against a takeover offer from SoftBank.",
        "SoftBank shareholders approved a $2bn offer from Sprint for its spectrum.",
    ],
)
def test_an_offer_voted_down_or_not_for_the_company_is_no_purchase(sentence):
    assert bought(article(sentence)) == set()


def test_a_company_listed_after_the_one_bought_that_opens_its_own_clause_is_no_second_purchase():
    text = article(
        "Nordvale Transit paid $180m for Kestrel Mobility and Datavane Systems, which owns Morlan Tooling, "
        "paid $168m for a stake in Brightwell Freight."
    )
    assert bought(text) == {("Nordvale Transit", "Kestrel Mobility")}


def test_a_company_listed_with_a_relative_clause_is_still_bought():
    text = article("Microsoft bought Activision and ZeniMax, which makes Doom, in two deals.")
    assert bought(text) == {("Microsoft", "Activision"), ("Microsoft", "ZeniMax")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Activision name was sold to Microsoft.",
        "The Activision brand name was sold to Microsoft in 2009.",
        "Activision's factories were bought by Microsoft.",
    ],
)
def test_a_name_or_a_plant_sold_in_the_passive_is_no_purchase(sentence):
    assert bought(article(sentence)) == set()


def test_an_apposition_that_describes_the_company_with_an_asset_word_leaves_the_purchase():
    text = article("Activision, a household name, was acquired by Microsoft in 2023.")
    assert bought(text) == {("Microsoft", "Activision")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Glazer family bought Manchester United in 2005.",
        "Manchester United was bought by the Glazer family in 2005.",
        "Google acquired the team behind Kestrel Mobility.",
    ],
)
def test_a_family_or_a_team_behind_a_company_is_no_party_to_a_purchase(sentence):
    assert bought(article(sentence)) == set()


def test_a_purchase_names_each_company_as_the_article_most_often_does():
    text = article(
        "Regal Entertainment Group has agreed to be acquired by Cineworld Group for $3.6bn.",
        "Regal runs 560 cinemas in the US. Regal said its staff would stay.",
        "Regal shares rose 8% on the news.",
        title="Cinema chain agrees to a sale",
    )
    assert bought(text) == {("Cineworld", "Regal")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Intel agreed to sell its Altera unit to Broadcom.",
        "Intel agreed to divest its Altera unit to Broadcom.",
    ],
)
def test_a_named_unit_a_seller_sells_is_what_was_bought(sentence):
    assert bought(article(sentence)) == {("Broadcom", "Altera")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Intel completed the divestiture of Altera to Broadcom.",
        "Intel's divestment of Altera to Broadcom closed on Friday.",
        "Intel completed the disposal of Altera to Broadcom.",
    ],
)
def test_a_divestiture_to_a_buyer_is_a_purchase(sentence):
    assert bought(article(sentence)) == {("Broadcom", "Altera")}


def test_a_disposal_of_shares_is_no_purchase():
    assert bought(article("Intel's disposal of Altera shares to Broadcom closed on Friday.")) == set()


def test_the_seller_in_a_relative_clause_is_not_what_was_sold():
    assert bought(article("Activision, which Vivendi sold to Microsoft, makes games.")) == {("Microsoft", "Activision")}


def test_a_seller_selling_to_a_buyer_before_what_it_sells_is_not_sold():
    assert bought(article("Vivendi sold to Microsoft its games unit.")) == set()


@pytest.mark.parametrize(
    "undone",
    [
        "The deal did not go through.",
        "The companies later called the deal off.",
        "Shareholders voted the deal down.",
        "Microsoft later backed away from the deal.",
        "Microsoft and Activision mutually agreed to end the agreement.",
    ],
)
def test_more_ways_an_agreed_purchase_is_undone_later(undone):
    assert bought(article("Microsoft agreed to buy Activision for $69bn.", undone)) == set()


@pytest.mark.parametrize(
    "later",
    [
        "The deal will end the rivalry between the two.",
        "The regulator can require the merger to be unwound.",
    ],
)
def test_a_deal_that_ends_something_else_or_may_be_unwound_leaves_the_purchase(later):
    assert bought(article("Microsoft agreed to buy Activision for $69bn.", later)) == {("Microsoft", "Activision")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Toyota bought out Suzuki from their joint venture.",
        "Toyota bought Suzuki out of the venture for $1bn.",
    ],
)
def test_buying_a_partner_out_of_a_venture_is_no_purchase_of_the_partner(sentence):
    assert bought(article(sentence)) == set()


def test_buying_a_company_out_is_a_purchase():
    assert bought(article("Toyota bought out Suzuki in 2019.")) == {("Toyota", "Suzuki")}
