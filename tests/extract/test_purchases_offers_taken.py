"""Acquisitions, third pass: an offer taken ("X's offer for Y was accepted", "Y's board accepted
X's offer", "X agreed a recommended offer for Y", "X emerged as the winning bidder for Y"), a
price per share paid, a company swallowed up or absorbed, "after its takeover by X"; and the
near-misses (an offer rejected or only expected to be taken, a deal for a supplier's goods, a
company's losses or building taken on)."""

import pytest

from tests.extract.helpers import article, bought


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings' $2bn offer for Kestrel Labs was accepted by its board.",
        "Kestrel Labs' board accepted Norvale Holdings' $2bn offer.",
        "Kestrel Labs' board has recommended Norvale Holdings' takeover offer.",
        "Norvale Holdings has agreed a recommended $2bn cash offer for Kestrel Labs.",
        "Norvale Holdings struck a $2bn deal for Kestrel Labs.",
        "Norvale Holdings emerged as the winning bidder for Kestrel Labs.",
        "Norvale Holdings will pay $35 per share for Kestrel Labs.",
        "Kestrel Labs was swallowed up by Norvale Holdings in 2019.",
        "Kestrel Labs was absorbed by Norvale Holdings in 2019.",
        "Kestrel Labs will be delisted after its takeover by Norvale Holdings.",
        "Kestrel Labs' drone business was bought by Norvale Holdings.",
        "Kestrel Labs' television stations were sold to Norvale Holdings in 1972.",
    ],
)
def test_an_offer_taken_or_a_company_taken_in(sentence):
    assert bought(article(sentence)) == {("Norvale", "Kestrel Labs")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings' $2bn offer for Kestrel Labs was rejected by its board.",
        "Norvale Holdings' offer for Kestrel Labs is expected to be accepted.",
        "Kestrel Labs' board rejected Norvale Holdings' $2bn offer.",
        "Norvale Holdings signed a deal for Kestrel Labs to supply chips.",
        "Norvale Holdings struck a deal for Kestrel Labs' drones.",
        "Norvale Holdings emerged as the winning bidder for Kestrel Labs' spectrum.",
        "Norvale Holdings paid $35 per share for Kestrel Labs shares.",
        "Kestrel Labs' losses were absorbed by Norvale Holdings.",
        "Kestrel Labs' headquarters was bought by Norvale Holdings.",
    ],
)
def test_no_offer_taken_and_no_company_taken_in(sentence):
    assert bought(article(sentence)) == set()
