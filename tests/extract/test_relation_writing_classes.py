"""The classes of news writing issue 17 names for rivalries and partnerships (branch rel10): market
lists, a company's rival named beside it, a contest won, teaming up, a partnership or a joint
venture; and what GUIDELINES.md counts as no partnership (customers, clients, investors, sponsors,
contracts awarded) or no relation (two companies merely named together). Each class with one
short article written for these tests, so that a retrained model or a narrowed rule keeps them."""

import pytest

from tests.extract.helpers import article, pairs

INTRO = "Zentrix Holdings Ltd, Borvale Inc, Quillon Corp and Marrow Systems Inc make network gear."


def found(sentence: str, kind: str) -> set[frozenset]:
    return pairs(article(INTRO, sentence), kind) - pairs(article(INTRO), kind)


def each(*names: str) -> set[frozenset]:
    return {frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1 :]}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Key players in the market include Zentrix, Borvale, Quillon and Marrow Systems.",
            each("Zentrix", "Borvale", "Quillon", "Marrow Systems"),
        ),
        (
            "Zentrix competes with Borvale and Quillon in cloud storage.",
            {frozenset(("Zentrix", "Borvale")), frozenset(("Zentrix", "Quillon"))},
        ),
        (
            "Zentrix faces rivals such as Borvale and Quillon in Europe.",
            {frozenset(("Zentrix", "Borvale")), frozenset(("Zentrix", "Quillon"))},
        ),
        ("Zentrix's rival Borvale reported higher sales on Tuesday.", each("Zentrix", "Borvale")),
        ("Borvale, Zentrix's biggest competitor, reported higher sales on Tuesday.", each("Zentrix", "Borvale")),
        ("Zentrix beat Borvale for the contract to build the network.", each("Zentrix", "Borvale")),
        ("Zentrix and Borvale are locked in a fierce battle for customers.", each("Zentrix", "Borvale")),
    ],
)
def test_a_rivalry_of_each_class_is_read(sentence, expected):
    assert found(sentence, "competes") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Zentrix has teamed up with Borvale to build batteries.",
        "Zentrix built the network in partnership with Borvale.",
        "Zentrix set up a joint venture with Borvale last year.",
        "Zentrix and Borvale formed a joint venture to make chips.",
        "Zentrix will supply batteries to Borvale under a five-year deal.",
        "Zentrix signed an agreement with Borvale to supply solar panels.",
    ],
)
def test_a_partnership_of_each_class_is_read(sentence):
    assert found(sentence, "partners") == each("Zentrix", "Borvale")


@pytest.mark.parametrize(
    "sentence",
    [
        "Zentrix is one of Borvale's biggest customers.",
        "Zentrix's clients include Borvale and Quillon.",
        "Zentrix counts Borvale among its clients.",
        "Zentrix invested $20 million in Borvale.",
        "Zentrix, an investor in Borvale, reported higher sales.",
        "Zentrix is the title sponsor of the Borvale Cup.",
        "Borvale awarded Zentrix a contract to build the plant.",
        "Zentrix signed a deal with Borvale to buy 20 aircraft.",
        "Zentrix and Borvale both reported higher sales on Tuesday.",
    ],
)
def test_customers_investors_sponsors_and_co_mentions_are_neither(sentence):
    assert found(sentence, "partners") == set()
    assert found(sentence, "competes") == set()
