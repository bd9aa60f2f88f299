"""The company gazetteer (bot/extract/company_gazetteer.json, eval/build_gazetteer.py) is one
feature of the learned company model, never a rule: a name it holds is marked, one it does not
hold is not; a name with a public word ("Union Grid") is judged with that word a feature of its own
(names8: whether the gazetteer holds it or not), and one a listed company opens ("Vodacom Lesotho",
read as Vodacom) is not judged even when it holds it."""

from bot.extract import company_model
from bot.extract.lexicon import default_lexicon

ARTICLE = """Power deal in the south

Union Grid has signed a supply agreement with Kivu Energy, the two companies said on Tuesday, and
Vodacom Lesotho will compete with Mbale Telecom for the contract to connect the new substations.
"""


def features(known) -> dict[str, set[str]]:
    return company_model.name_features(ARTICLE, default_lexicon(), known=frozenset(known))


def test_a_name_the_gazetteer_holds_is_marked_and_one_it_does_not_is_not():
    found = features({"kivu energy"})
    assert "gazetteer" in found["Kivu Energy"]
    assert "gazetteer" not in found["Mbale Telecom"]


def test_a_name_with_a_public_word_is_judged_that_word_a_feature():
    found = features(set())
    assert "public" in found["Union Grid"] and "gazetteer" not in found["Union Grid"]
    assert "Vodacom Lesotho" not in found
    found = features({"union grid", "vodacom lesotho"})
    assert {"gazetteer", "public"} <= found["Union Grid"]
    assert "Vodacom Lesotho" not in found


def test_the_key_drops_case_an_opening_the_and_a_legal_suffix():
    assert company_model.gazetteer_key("The Kivu Energy Co.") == "kivu energy"
    assert company_model.gazetteer_key("Mbale Telecom, Inc") == "mbale telecom"
    assert company_model.gazetteer_key("Union  Grid Ltd.") == "union grid"


def test_the_shipped_gazetteer_holds_core_and_train_names():
    assert len(company_model.gazetteer()) > 5000
