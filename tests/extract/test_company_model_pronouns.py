"""The learned company model reads the first pronoun after each mention of a name in its
sentence: a firm's ("Quorvex said its sales rose", "Quorvex said it would") speaks for a company,
a person's ("Halloran said he would", "Halloran and his team") against one
(bot/extract/company_model.py); a pronoun past the sentence's end is not read. The names are made up."""

from bot.extract import company_model, extract
from bot.extract.lexicon import default_lexicon

FIRM = """Payments in Nairobi

Quorvex, a rival of the banks, said its wallet now serves two million traders.
Quorvex said it would compete for merchants in Kampala next year.
"""

PERSON = """Payments in Nairobi

Halloran, a rival of the banks, said he would open a shop for traders.
Halloran and his team will compete for merchants in Kampala next year.
"""

# the pronoun stands in the next sentence: it speaks of nothing the name's sentence says
NEXT_SENTENCE = """Payments in Nairobi

Traders compete for the merchants of Dellory. Its market opens at dawn.
"""


def features(text: str) -> dict[str, set[str]]:
    return company_model.name_features(text, default_lexicon())


def test_a_firms_pronoun_after_a_name_is_read():
    feats = features(FIRM)["Quorvex"]
    assert "a:its" in feats
    assert "a:his" not in feats


def test_a_persons_pronoun_after_a_name_is_read():
    feats = features(PERSON)["Halloran"]
    assert "a:his" in feats
    assert "a:its" not in feats


def test_a_pronoun_in_the_next_sentence_is_not_read():
    feats = features(NEXT_SENTENCE)["Dellory"]
    assert not feats & {"a:its", "a:his"}


def test_a_person_written_with_his_pronoun_is_no_company():
    found = {e.name for e in extract(PERSON).entities if e.type == "company"}
    assert "Halloran" not in found


def test_the_pronoun_feature_weighs_for_a_firm_and_against_a_person():
    weights, _bias, _t = company_model._model()
    assert weights["a:its"] > 0 > weights["a:his"]
