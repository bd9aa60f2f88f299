"""Rivalries and partnerships on outlets nobody read the rules on (issue 17, branch rel9): the
classes of writing that made pairs no label holds, each with the reading that must stay. Short
articles written for these tests."""

from bot.extract.relations.pairs import parties
from tests.extract.helpers import article, pairs


def both(a: str, b: str) -> set[frozenset]:
    return {frozenset((a, b))}


def test_a_partner_searched_for_is_none():
    text = article("Norvale is now searching for new partners, with Foxconn as a key contender.")
    assert pairs(text, "partners") == set()
    assert pairs(article("Norvale is in search of a partner such as Foxconn."), "partners") == set()
    text = article("Norvale has partnered with Foxconn to build batteries.")
    assert pairs(text, "partners") == both("Norvale", "Foxconn")


def test_a_customer_buying_on_an_agreement_is_no_partner():
    text = article("Skyward Air signed a purchase agreement with Embraer for 18 regional jets.")
    assert pairs(text, "partners") == set()
    text = article("Kestrel Capital struck a deal with Norvale Group to purchase three solar farms.")
    assert pairs(text, "partners") == set()
    # a power purchase agreement is a supply deal, one the guidelines count
    text = article("Norvale Energy signed a power purchase agreement with Kestrel Solar for ten years.")
    assert pairs(text, "partners") == both("Norvale Energy", "Kestrel Solar")


def test_the_agency_credited_for_a_picture_is_no_party():
    sentence = "Grab and Gojek are billion dollar rivals [File: Jane Roe/Reuters]"
    mentions = [(0, "Grab"), (9, "Gojek"), (sentence.index("Reuters"), "Reuters")]
    assert parties(sentence, mentions) == [(0, "Grab"), (9, "Gojek")]
    sentence = "Reuters and Bloomberg compete for terminal users (Photo: AFP)"
    mentions = [(0, "Reuters"), (12, "Bloomberg"), (sentence.index("AFP"), "AFP")]
    assert parties(sentence, mentions) == [(0, "Reuters"), (12, "Bloomberg")]


def test_a_co_mention_is_no_relation():
    text = article("Amazon and Google reported earnings on Thursday, and Apple follows next week.")
    assert pairs(text, "competes") == set() and pairs(text, "partners") == set()
