"""Acquisitions, eleventh pass: one short article for each form a purchase is told in (the forms
eval/train_purchases.py --forms counts the train errors by), the direction read right; the verb
forms this pass found unread ("takes over", "is taking over", "is snapping up"); one list of the
kinds of company a reference or a description names ("paid $2bn for the chip designer"). Negatives
in the same words: a stake, an investment, a funding round, a blocked or abandoned bid, an offer,
talks, shares, a customer, products bought, ownership told only as "X-owned Y", a service paid for.
"""

import pytest

from tests.extract.helpers import article, bought

BUYER, BOUGHT = "Norvale Systems", "Kestrel Labs"


@pytest.mark.parametrize(
    "sentence",
    [
        # A acquires / buys / takes over B
        "Norvale Systems acquired Kestrel Labs for $2bn on Monday.",
        "Norvale Systems is acquiring Kestrel Labs for $2bn.",
        "Norvale Systems took over Kestrel Labs in 2019.",
        "Norvale Systems takes over Kestrel Labs for $2bn.",
        "Norvale Systems is taking over Kestrel Labs for $2bn.",
        "Norvale Systems is snapping up Kestrel Labs for $2bn.",
        "Norvale Systems snapped up Kestrel Labs for $2bn.",
        "Norvale Systems paid $2bn for Kestrel Labs.",
        "Norvale Systems, the Dutch router maker, has acquired Kestrel Labs.",
        "Norvale Systems grew quickly after acquiring Kestrel Labs in 2019.",
        # A agreed to buy B
        "Norvale Systems has agreed to buy Kestrel Labs for $2bn.",
        "Norvale Systems said on Monday it had agreed to acquire Kestrel Labs.",
        # B acquired by A
        "Kestrel Labs was acquired by Norvale Systems in 2019.",
        "Kestrel Labs is being taken over by Norvale Systems.",
        "Kestrel Labs, bought by Norvale Systems in 2019, makes chips.",
        # A's acquisition / purchase / takeover of B; A completed or closed the deal
        "Norvale Systems' acquisition of Kestrel Labs closed on Monday.",
        "Norvale Systems completed its acquisition of Kestrel Labs on Monday.",
        "Norvale Systems closed the deal for Kestrel Labs on Monday.",
        "Norvale Systems completed the purchase of Kestrel Labs.",
        "The takeover of Kestrel Labs by Norvale Systems was completed on Monday.",
        # B, which A bought
        "Kestrel Labs, which Norvale Systems bought in 2019, makes chips.",
        "Kestrel Labs, which was bought by Norvale Systems in 2019, makes chips.",
        "Kestrel Labs, a chipmaker that Norvale Systems acquired last year, makes chips.",
        # sales
        "Orbis Group sold Kestrel Labs to Norvale Systems for $2bn.",
        "Kestrel Labs was sold to Norvale Systems in 2019.",
    ],
)
def test_each_form_reads_buyer_and_bought(sentence):
    assert bought(article(sentence)) == {(BUYER, BOUGHT)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Systems bought a 20% stake in Kestrel Labs.",
        "Norvale Systems invested $20m in Kestrel Labs.",
        "Norvale Systems led a $20m funding round in Kestrel Labs.",
        "Regulators blocked Norvale Systems' bid for Kestrel Labs.",
        "Norvale Systems abandoned its bid for Kestrel Labs.",
        "Norvale Systems made an offer for Kestrel Labs.",
        "Norvale Systems is in talks to buy Kestrel Labs.",
        "Norvale Systems would take over Kestrel Labs if regulators allowed it.",
        "Norvale Systems bought shares in Kestrel Labs.",
        "Norvale Systems is a customer of Kestrel Labs.",
        "Norvale Systems buys chips from Kestrel Labs.",
        "Norvale Systems-owned Kestrel Labs makes chips.",
        "Jane Doe takes over as chief executive of Kestrel Labs.",
        "Norvale Systems takes over as the biggest seller of chips, ahead of Kestrel Labs.",
    ],
)
def test_no_purchase(sentence):
    assert bought(article(sentence)) == set()


@pytest.mark.parametrize(
    "sentences",
    [
        ("Kestrel Labs designs chips for phones.", "Norvale Systems will pay $2bn for the chip designer, it said."),
        ("Kestrel Labs designs chips for phones.", "Norvale Systems bought the chip designer in 2019."),
        ("Kestrel Labs makes power tools.", "Norvale Systems bought the manufacturer in 2019."),
    ],
)
def test_the_kind_of_company_bought_refers_back(sentences):
    assert bought(article(*sentences)) == {(BUYER, BOUGHT)}


def test_a_service_paid_for_is_no_company_bought():
    text = article(
        "Kestrel Labs runs a video service.", "Norvale Systems said none of its customers had paid for the service."
    )
    assert bought(text) == set()


@pytest.mark.parametrize("kind", ["chip designer", "streaming service"])
def test_the_kind_of_company_that_buys_refers_back(kind):
    text = article(
        "Kestrel Labs makes chips and runs a music service.", f"The {kind} agreed to buy Norvale Systems for $2bn."
    )
    assert bought(text) == {(BOUGHT, BUYER)}


@pytest.mark.parametrize(
    "description",
    ["U.S. chipmaker", "SaaS provider", "IoT specialist", "B2B marketplace", "Tel Aviv-based", "Hong Kong-based"],
)
def test_a_description_before_the_company_bought(description):
    # the article names both elsewhere, as news does: recognition has them
    text = article(
        "Norvale Systems makes routers. Kestrel Labs makes software.",
        f"Norvale Systems acquired {description} Kestrel Labs for $2bn.",
    )
    assert bought(text) == {(BUYER, BOUGHT)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Systems acquired U.S. rights to Kestrel Labs' drug.",
        "Norvale Systems acquired SaaS products from Kestrel Labs.",
        "Norvale Systems bought a 20% stake in U.S. chipmaker Kestrel Labs.",
    ],
)
def test_no_purchase_behind_a_description(sentence):
    text = article("Norvale Systems makes routers. Kestrel Labs makes software.", sentence)
    assert bought(text) == set()
