"""What the learned company model reads beyond a name's own words (bot/extract/company_model.py):
a name no capital opens ("eBay", "iQOO") is judged like any other, and a company the lexicon holds
joined to a name ("Safaricom and Ikora", "from Vodacom to Ikora") or standing near it is a feature
of it; a person, a place and a product beside a listed company are still no company."""

from bot.extract import company_model, extract
from bot.extract.lexicon import default_lexicon

LOWER = """Kenyan payments start-up signs with Safaricom

The mobile payments firm zuriPay has signed a partnership with Safaricom, the operator said on Monday.
zuriPay will offer its wallet to Safaricom customers, and the deal covers 3,000 agents.
"""

JOINED = """Vodacom faces a new rival in Tanzania

Competition between Vodacom and Ikora is growing in Dar es Salaam, where customers are switching from
Vodacom to Ikora for cheaper data.
"""

# a person, a place and a product in the same slots beside the same listed company
NEGATIVES = """Vodacom faces pressure in Tanzania

Competition between Vodacom and Airtel is growing, said Amani Mwakyusa, who follows the market, as
customers in Morogoro switch to cheaper bundles. Vodacom's rival Airtel has launched the Kasi bundle.
Mwakyusa said the competition would lower prices for Morogoro's students, and Kasi could win many.
"""


def features(text: str) -> dict[str, set[str]]:
    return company_model.name_features(text, default_lexicon())


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


def test_a_name_no_capital_opens_is_judged():
    found = features(LOWER)
    assert "zuriPay" in found and {"lower_first", "camel"} <= found["zuriPay"]


def test_a_listed_company_joined_to_a_name_is_read():
    found = features(JOINED)
    assert {"co:listed", "near:listed"} <= found["Ikora"]


def test_a_person_a_place_and_a_product_beside_a_listed_company_are_no_company():
    assert not companies(NEGATIVES) & {"Amani Mwakyusa", "Mwakyusa", "Morogoro", "Kasi"}
