"""The learned company model judges the names near a market's description or a cooperation told
without "partner" or "compete" ("X could be a good alternative", "the largest player", "dominates",
"challenging Y", "in collaboration with"), as it judges those near a word of rivalry or
cooperation (bot/extract/company_model.py); names near none of them are still not asked about,
and a person, a place and a product near those words are still no company."""

from bot.extract import company_model, extract
from bot.extract.lexicon import default_lexicon

ALTERNATIVE = """Mobile money in Dhaka

Vexapay could be a good alternative for traders, the central bank governor said on Tuesday.
"""

PLAYER = """Mobile money in Dhaka

Vexapay, the second largest player, now serves four million traders.
"""

DOMINATES = """Ride-hailing in Lagos

Orvanta dominates the city's ride-hailing, and drivers say it takes a fifth of each fare.
"""

COLLABORATION = """A solar farm for Kano

The farm is built in collaboration with Sunvale, which will run it for twenty years.
"""

# the same names with no word of rivalry, cooperation or a market near them
NO_CUE = """Mobile money in Dhaka

Vexapay opened an office in Dhaka on Tuesday, and Orvanta hired forty drivers in Lagos.
"""

# a person, a place and a product near the new words
NEGATIVES = """Mobile money in Dhaka

Traders in Chittagong see the Kasi wallet as a good alternative, said Rahima Sultana, who sells
rice there. "It dominates the market here," Sultana said of the Kasi wallet.
"""


def features(text: str) -> dict[str, set[str]]:
    return company_model.name_features(text, default_lexicon())


def test_a_name_near_a_markets_words_is_judged():
    assert "near_cue" in features(ALTERNATIVE)["Vexapay"]
    assert "near_cue" in features(PLAYER)["Vexapay"]
    assert "near_cue" in features(DOMINATES)["Orvanta"]
    assert "near_cue" in features(COLLABORATION)["Sunvale"]


def test_a_name_near_no_such_word_is_not_judged():
    assert features(NO_CUE) == {}


def test_a_person_a_place_and_a_product_near_those_words_are_no_company():
    found = {e.name for e in extract(NEGATIVES).entities if e.type == "company"}
    assert not found & {"Rahima Sultana", "Sultana", "Chittagong", "Kasi", "Dhaka"}
