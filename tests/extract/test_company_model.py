"""The learned judgement of names no list holds (bot/extract/company_model.py): a name the text
writes as a company's in many weak ways at once is one; a person the article names in full, a
place, is none; the weights are shipped whole."""

import json

from bot.extract import company_model, extract
from tests.extract.helpers import pairs

ARTICLE = """Zorvex takes on Airtel in Kenyan mobile money

Zorvex has cut its transfer fees by half as competition with Airtel and Safaricom grows.

Zorvex's fees are now the lowest in the market, analysts said, and Zorvex will open 200 agents in Mombasa.

Customers switching from Safaricom to Zorvex have doubled since March.
"""

# the same slots, filled by a politician the article names in full, and a town
PERSON = """Odinga takes on Airtel over mobile money fees

Opposition leader Raila Odinga has asked Airtel and Safaricom to cut their transfer fees, as competition grows.

Odinga's supporters say the fees are the highest in the region, and Odinga will raise them in parliament on
Tuesday. Kisumu has seen protests.

Customers in Kisumu have written to Odinga since March.
"""


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


def test_the_weights_are_shipped_whole():
    data = json.loads(company_model.WEIGHTS.read_text(encoding="utf-8"))
    assert 0.5 <= data["threshold"] < 1 and isinstance(data["bias"], float) and len(data["weights"]) > 100


def test_a_name_written_as_a_company_in_many_weak_ways_is_one():
    assert "Zorvex" in companies(ARTICLE)
    assert frozenset(("Zorvex", "Safaricom")) in pairs(ARTICLE, "competes")


def test_a_person_named_in_full_and_a_place_are_no_company():
    found = companies(PERSON)
    assert not found & {"Odinga", "Raila Odinga", "Kisumu"}
    assert not any("Odinga" in pair for pair in pairs(PERSON, "competes"))
    assert "Mombasa" not in companies(ARTICLE)
