"""The trained relation model (bot/extract/relations/learned.py): what it makes of the sentences
news writes about two companies, and how the relation step uses it (a rule's pair stands unless
the model reads the two otherwise: cooperation for a rivalry, a shareholder or a subsidiary
for a partnership)."""

import json
from pathlib import Path

import pytest

from bot.extract.relations import learned
from tests.extract.helpers import article, pairs

WEIGHTS = Path(learned.__file__).with_name("weights.json")


def score(sentence: str, a: str, b: str, ruled: frozenset = frozenset()) -> dict[str, float]:
    spans = [(sentence.index(n), sentence.index(n) + len(n), n) for n in (a, b)]
    return learned.scores(sentence, spans, ruled=ruled)[frozenset((a, b))]


def test_the_weights_are_shipped_whole():
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    for kind in learned.SCORED:
        assert isinstance(data[kind]["bias"], float) and len(data[kind]["weights"]) > 500
    for kind in learned.KINDS:
        assert 0 <= data[kind]["keep"] < 1 and set(data[kind]["unless"]) <= set(learned.SCORED)


@pytest.mark.parametrize(
    ("sentence", "a", "b", "kind"),
    [
        ("Netflix competes with Disney for subscribers in India.", "Netflix", "Disney", "competes"),
        ("Sony and Microsoft announced a partnership to develop cloud gaming.", "Sony", "Microsoft", "partners"),
        ("Tencent took a 5% stake in Ubisoft last year.", "Tencent", "Ubisoft", "other"),
        ("SoftBank invested $2bn in Uber in 2018.", "SoftBank", "Uber", "other"),
        ("Instagram is a subsidiary of Meta.", "Instagram", "Meta", "other"),
    ],
)
def test_each_reading_scores_highest_where_the_sentence_states_it(sentence, a, b, kind):
    ruled = frozenset({(kind, frozenset((a, b)))}) if kind in learned.KINDS else frozenset()
    p = score(sentence, a, b, ruled)
    assert max(p, key=p.get) == kind


@pytest.mark.parametrize(
    ("sentence", "a", "b"),
    [
        ("Microsoft bought Activision for $69bn.", "Microsoft", "Activision"),  # a purchase
        ("Regulators blocked Nvidia from buying Arm.", "Nvidia", "Arm"),  # a blocked bid
        ("Amazon and Google reported earnings on Thursday.", "Amazon", "Google"),  # a co-mention
    ],
)
def test_purchases_bids_and_co_mentions_are_neither_rivalry_nor_cooperation(sentence, a, b):
    p = score(sentence, a, b)
    assert p["competes"] < 0.1 and p["partners"] < 0.1


def test_a_rules_pair_falls_where_the_model_reads_another_relation():
    model = {
        "partners": {"keep": 0.0, "unless": {"other": 0.5}},
        "competes": {"keep": 0.1, "unless": {"partners": 0.5}},
    }
    assert not learned.keeps("partners", {"partners": 0.3, "competes": 0.0, "other": 0.9}, model)
    assert learned.keeps("partners", {"partners": 0.6, "competes": 0.0, "other": 0.55}, model)
    assert not learned.keeps("competes", {"partners": 0.8, "competes": 0.4, "other": 0.0}, model)
    assert not learned.keeps("competes", {"partners": 0.0, "competes": 0.05, "other": 0.0}, model)
    assert learned.keeps("competes", {"partners": 0.2, "competes": 0.3, "other": 0.9}, model)


def test_a_company_invested_in_is_no_party_to_a_joint_venture_named_beside_it():
    text = article(
        "The joint venture between Toyota and Panasonic would be the largest project of the Japanese carmaker "
        "after its US$100 million investment in Rivian last year."
    )
    assert pairs(text, "partners") == {frozenset(("Toyota", "Panasonic"))}


def test_the_rival_a_partnership_is_formed_against_is_no_partner():
    # cooperation words and rivalry words in one sentence: the partners are on one side, the
    # rival they take on on the other (the model weighs "competes" against "partners" there)
    text = article(
        "In 2021, Kestrel Foods partnered with both Postmates and DoorDash in an attempt to compete with "
        "Amazon's delivery service.",
        "Carmakers such as Ford and Volvo deepened ties with technology partners to gird for the fight against "
        "electric car challenger Tesla.",
    )
    partners = pairs(text, "partners")
    assert frozenset(("Ford", "Tesla")) not in partners and frozenset(("Volvo", "Tesla")) not in partners
    assert frozenset(("Kestrel Foods", "Amazon")) not in partners
    assert frozenset(("Kestrel Foods", "DoorDash")) in partners
    assert frozenset(("Tesla", "Ford")) in pairs(text, "competes")
