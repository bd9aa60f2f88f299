"""Acquisitions, third pass: the company bought named around the verb rather than after it (a
reference with a description, "the British company"; a place that owns it, "Spain's Shotl"; a list
after a colon; "the purchase by X of Y"; a description between two names), with the near-misses
that name no company bought."""

import pytest

from tests.extract.helpers import article, bought


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Kestrel Labs makes drones for farms.", "Norvale Holdings acquired the British company in 2016 for $32bn."],
        ["Kestrel Labs makes drones for farms, and Norvale Holdings acquired the British company in 2016."],
        ["Kestrel Labs makes drones for farms.", "Norvale Holdings bought the company 18 months ago."],
        ["Kestrel Labs was tipped to become a unicorn, but hopes faded when Norvale Holdings snapped up the firm."],
        ["Last year Norvale Holdings bought Spain's Kestrel Labs for $30m."],
        ["Norvale Holdings bought Britain's biggest drone maker, Kestrel Labs."],
        ["Competition grew after the $26bn purchase by Norvale Holdings of Kestrel Labs Inc."],
        ["Drone startup Norvale Holdings acquired Kestrel Labs last year."],
        ["The purchase of Britain's Kestrel Labs travel operator by Polish platform Norvale Holdings is a trend."],
    ],
)
def test_the_company_bought_named_around_the_verb(paragraphs):
    assert bought(article(*paragraphs)) == {("Norvale", "Kestrel Labs")}


def test_a_list_of_companies_bought_after_a_colon():
    text = article(
        "Norvale Holdings acquired two startups in recent months: Spain's Kestrel Labs and Peru's Oxbow Data."
    )
    assert bought(text) == {("Norvale", "Kestrel Labs"), ("Norvale", "Oxbow Data")}


@pytest.mark.parametrize(
    "paragraphs",
    [
        # a reference that is no company bought, or another one
        ["Kestrel Labs said Norvale Holdings had bought the company in 2016."],
        ["Kestrel Labs makes drones.", "Norvale Holdings bought the parent company of Oxbow Data."],
        ["Kestrel Labs makes drones.", "Norvale Holdings bought the company's drones last year."],
        ["Kestrel Labs makes drones.", "Norvale Holdings bought the firm that makes its chips."],
        ["Kestrel Labs makes drones.", "Norvale Holdings bought the local operator 99 last year."],
        # a possessive before what is no company
        ["Norvale Holdings bought Oxbow Data's stake in Kestrel Labs."],
        ["Norvale Holdings bought Jack Dorsey's shares in Kestrel Labs."],
        ["Competition grew after the purchase by Norvale Holdings of a stake in Kestrel Labs."],
        ["Norvale Holdings acquired two startups in recent months, it said, but Kestrel Labs was not one."],
    ],
)
def test_no_company_bought_around_the_verb(paragraphs):
    assert ("Norvale", "Kestrel Labs") not in bought(article(*paragraphs))
    assert ("Norvale", "Oxbow Data") not in bought(article(*paragraphs))


def test_the_kind_before_an_apposition_describes_the_company_named_in_it():
    text = article("Norvale Holdings agreed to acquire the Kestrel Labs drone maker, Oxbow Data, last year.")
    assert ("Norvale", "Kestrel Labs") not in bought(text)
