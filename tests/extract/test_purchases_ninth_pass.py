"""Acquisitions, ninth pass: an earlier or other offer refused undoes no deal agreed after it; a
buyer referred back to by its kind ("the chip designer", "the music streaming service"); a
purchase only speculated or rumoured; a side named as the article writes it when it never
writes the shorter name alone ("Kestrel Brands"), and without a nationality it writes the name
without ("the Colombian Vela Logistics", then "Vela Logistics"). Negatives in the same words: the
deal itself refused, a blocked bid, a stake, an investment, products, talks."""

import pytest

from tests.extract.helpers import article, bought

AGREED = "Torvin Networks has agreed to buy Halsey Labs for $32 billion."


@pytest.mark.parametrize(
    "refusal",
    [
        "Torvin Networks had been in talks with Halsey Labs, with an earlier $23 billion bid rejected in July.",
        "A previous offer from Torvin Networks was rejected by Halsey Labs last year.",
        "Halsey Labs rejected a $20 billion offer from Torvin Networks last year.",
        "Halsey Labs had rejected a lower offer from Torvin Networks in March.",
    ],
)
def test_an_earlier_or_other_offer_refused_undoes_no_agreed_deal(refusal):
    assert bought(article(AGREED, refusal)) == {("Torvin Networks", "Halsey Labs")}


@pytest.mark.parametrize(
    "refusal",
    [
        "Halsey Labs later rejected the offer from Torvin Networks.",
        "Regulators blocked the deal between Torvin Networks and Halsey Labs in May.",
    ],
)
def test_the_deal_itself_refused_or_blocked_is_no_purchase(refusal):
    assert not bought(article(AGREED, refusal))


@pytest.mark.parametrize(
    ("about", "sentence"),
    [
        ("Torvin Chips Ltd makes processors.", "The chip designer has agreed to acquire Halsey Labs for $2 billion."),
        (
            "Torvin Music, a Danish firm, runs a music app.",
            "The music streaming service has signed a new deal to acquire Halsey Labs, a young Australian company.",
        ),
        ("Torvin Chips Ltd makes processors.", "The chip manufacturer said it would acquire Halsey Labs."),
    ],
)
def test_a_buyer_referred_back_to_by_its_kind(about, sentence):
    buyer = about.split(" Ltd")[0].split(",")[0]
    assert bought(article(about, sentence)) == {(buyer, "Halsey Labs")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The chip designer reported higher sales on Monday, helped by Halsey Labs.",
        "The chip designer has taken a 20% stake in Halsey Labs.",
        "The chip designer invested $5 million in Halsey Labs.",
        "The chip designer bought 2,000 Halsey Labs servers.",
        "The chip designer is in talks to buy Halsey Labs.",
        "The chip designer's bid for Halsey Labs was blocked by regulators.",
    ],
)
def test_a_kind_referred_back_to_buys_nothing_it_does_not_buy(sentence):
    assert not bought(article("Torvin Chips Ltd makes processors.", sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "For some days media outlets had been speculating that Torvin Networks was planning to acquire Halsey Labs.",
        "Shares rose on rumours that Torvin Networks would buy Halsey Labs.",
        "Torvin Networks denied speculation of a deal to acquire Halsey Labs.",
    ],
)
def test_a_purchase_only_speculated_is_none(sentence):
    assert not bought(article("Torvin Networks makes routers.", sentence))


def test_a_side_is_named_as_the_article_writes_it():
    text = article(
        "Torvin Networks agreed to acquire snack maker Kestrel Brands for $420 million.",
        "Kestrel Brands makes baked snacks, the company said.",
    )
    assert bought(text) == {("Torvin Networks", "Kestrel Brands")}


def test_a_group_word_stays_out_of_a_name_as_written():
    text = article("Torvin Group has agreed to buy Halsey Labs.", "Halsey Labs makes chips.")
    assert bought(text) == {("Torvin", "Halsey Labs")}


def test_a_nationality_before_a_name_the_article_writes_without_it_is_left_out():
    text = article(
        "German logistics group Rhenbach announced the acquisition of the Colombian Vela Logistics.",
        "Vela Logistics moves containers in six countries.",
    )
    assert bought(text) == {("Rhenbach", "Vela Logistics")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The acquisition of Halsey Labs by Torvin Networks marks a true milestone for cleaner cars.",
        "“The acquisition of Halsey Labs by Torvin Networks represents a new start,” the chief executive said.",
    ],
)
def test_the_acquisition_of_y_by_x_followed_by_its_verb(sentence):
    assert bought(article("Halsey Labs makes chargers.", sentence)) == {("Torvin Networks", "Halsey Labs")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Last summer, Halsey Labs announced a sale to Torvin Networks.",
        "Halsey Labs completed a $2 billion sale to Torvin Networks on Monday.",
    ],
)
def test_a_sale_its_seller_made(sentence):
    assert bought(article("Halsey Labs makes chargers.", sentence)) == {("Torvin Networks", "Halsey Labs")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Halsey Labs announced a sale to Torvin Networks of 2,000 chargers.",
        "Halsey Labs agreed a sale to Torvin Networks of a 20% stake.",
        "Halsey Labs is considering a sale to Torvin Networks.",
    ],
)
def test_a_sale_of_products_a_stake_or_only_considered_sells_no_company(sentence):
    assert not bought(article("Halsey Labs makes chargers.", sentence))


def test_speculation_told_after_a_purchase_leaves_it():
    text = article(
        "Halsey Labs makes chips.",
        "Torvin Networks agreed to buy Halsey Labs in a $5 billion deal, which spurred speculation of more deals.",
    )
    assert bought(text) == {("Torvin Networks", "Halsey Labs")}
