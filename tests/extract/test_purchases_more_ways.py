"""Acquisitions, third pass: more ways news states a purchase (control or ownership taken, a
company absorbed, offloaded or divested to a buyer, "X's deal for Y", the company bought agreeing
to or approving a takeover by X, "Y's new owner X", a gerund or "its" in the clause that opens
the sentence), with the near-misses in the same words."""

import pytest

from tests.extract.helpers import article, bought


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings took control of Kestrel Labs in 2019.",
        "Norvale Holdings has taken full ownership of Kestrel Labs.",
        "Norvale Holdings absorbed Kestrel Labs in 2019.",
        "Oxbow Data has offloaded Kestrel Labs to Norvale Holdings.",
        "Norvale Holdings' $2bn deal for Kestrel Labs closed on Friday.",
        "Kestrel Labs has agreed to a takeover by Norvale Holdings.",
        "Kestrel Labs shareholders approved the $2bn acquisition by Norvale Holdings.",
        "Kestrel Labs' new owner Norvale Holdings plans to expand it.",
        "Kestrel Labs' buyer, Norvale Holdings, plans to expand it.",
        "Since acquiring Kestrel Labs in 2019, Norvale Holdings has doubled its sales.",
        "Since its acquisition by Norvale Holdings in 2019, Kestrel Labs has doubled its sales.",
        "Following its acquisition of Kestrel Labs, Norvale Holdings cut jobs.",
        "In 1997 funds managed by Norvale Holdings acquired Kestrel Labs.",
        "Norvale Holdings acquires Kestrel Labs a world-renowned visual effects studio.",
        "Norvale Holdings bought Kestrel Labs a year ago.",
    ],
)
def test_more_ways_of_stating_a_purchase(sentence):
    assert ("Norvale", "Kestrel Labs") in bought(article(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Holdings took control of Kestrel Labs' board.",
        "Norvale Holdings absorbed Kestrel Labs' losses.",
        "Oxbow Data offloaded its Kestrel Labs shares to Norvale Holdings.",
        "Norvale Holdings' deal for Kestrel Labs chips runs to 2030.",
        "Kestrel Labs shareholders rejected the $2bn acquisition by Norvale Holdings.",
        "Kestrel Labs' owner Norvale Holdings plans to expand it.",
        "Since acquiring customers from Kestrel Labs, Norvale Holdings has grown.",
        "Following its failed bid for Kestrel Labs, Norvale Holdings cut jobs.",
        "Since Oxbow Data bought Kestrel Labs in 2019, Norvale Holdings has struggled.",
        "The companies said funds managed by Norvale Holdings bought shares in Kestrel Labs.",
        "Norvale Holdings sold Kestrel Labs a stake in Oxbow Data.",
    ],
)
def test_no_purchase_by_norvale_in_the_same_words(sentence):
    assert ("Norvale", "Kestrel Labs") not in bought(article(sentence))
