"""Cooperation as business news words it (issue 17): a pact inked or sealed ("inked a pact with
Visa"), an opening phrase of cooperation before the main clause's subject ("In collaboration with
Google, Samsung is developing a headset"); negatives: a customer ("used by Amazon"), a firm
hired, an opening phrase that names no cooperation."""

from tests.extract.helpers import article, pairs


def test_a_pact_inked_with_a_company_is_a_partnership():
    text = article("Safaricom has inked a pact with Visa to issue virtual cards.")
    assert pairs(text, "partners") == {frozenset(("Safaricom", "Visa"))}


def test_a_deal_sealed_with_a_company_is_a_partnership():
    text = article("Airtel sealed an agreement with Google to bring cheaper phones to India.")
    assert pairs(text, "partners") == {frozenset(("Airtel", "Google"))}


def test_an_opening_phrase_of_cooperation_pairs_the_main_clause_s_subject():
    text = article("In collaboration with Google, Samsung is developing a headset.")
    assert pairs(text, "partners") == {frozenset(("Samsung", "Google"))}


def test_a_customer_is_no_partner():
    text = article("Stripe, a payments firm used by Amazon and Shopify, raised new funds.")
    assert pairs(text, "partners") == set()


def test_an_opening_phrase_that_names_no_cooperation_makes_no_partners():
    text = article("Compared with Google, Samsung is spending less on headsets.")
    assert pairs(text, "partners") == set()


def test_the_impact_of_a_rival_is_no_pact():
    text = article("The impact of Google on Samsung's phone sales was small.")
    assert pairs(text, "partners") == set()
