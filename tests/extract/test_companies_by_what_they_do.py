"""Companies no list holds, recognised by what news writes of a company only: a listing in
brackets, an officer named after the company, a buyer or results that are its own, two names
told as firms together, initials in brackets that act as a company, and a name after a
country's or a company's possessive that acts as a company elsewhere. Negatives: people, places
and public bodies written in the same slots. The names are made up."""

from bot.extract import extract
from tests.extract.helpers import article, pairs


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


def test_a_listing_on_any_exchange_or_a_reuters_code_makes_a_company():
    text = article("Quarnex Ltd (AIM: QRX) said on Tuesday it had signed a supply deal.")
    assert "Quarnex" in companies(text)
    assert "AOL" not in companies(text)  # London's market, not AOL's messenger
    text = article("Shares of Dovrin (DVRN.O) rose 4% while Telvar (7721.T) slipped.")
    assert {"Dovrin", "Telvar"} <= companies(text)


def test_a_chairman_named_after_the_name_makes_a_company():
    text = article("Brevik chairman Patrick Olund called the purchase a major step for the bank.")
    assert "Brevik" in companies(text)


def test_a_party_or_a_public_body_before_a_chairman_is_no_company():
    text = article("Senate Committee chairman Patrick Olund said the bill would pass.")
    assert not companies(text) & {"Senate Committee", "Senate"}


def test_a_buyer_or_results_of_its_own_make_a_company():
    text = article("Zenvo's purchaser was one of its rivals.", "Zenvo reported a net profit of $4 million last year.")
    assert "Zenvo" in companies(text)


def test_two_names_told_as_firms_together_are_both_companies():
    text = article("Golden Arc Cellular and Mobi PCS were regional carriers in the west before the sale.")
    assert "Mobi PCS" in companies(text)


def test_two_people_told_together_are_no_companies():
    text = article("Maria Olsen and Peter Hanley were partners in a law firm before they retired.")
    assert not companies(text) & {"Maria Olsen", "Peter Hanley"}


def test_initials_that_act_as_a_company_make_its_full_name_one():
    text = article(
        "Carrefour plans more stores, its franchise holder Majid al Rawan (MAR) told reporters.",
        "The retailer opened two stores last year.",
    )
    assert "Majid al Rawan" in companies(text)


def test_initials_with_small_letters_name_the_company_the_text_found():
    text = article(
        "Bank of Tarnland (BoT) has set aside $1 billion to purchase digital lender Orvel Bank.",
        "BoT chairman Patrick Olund agrees.",
    )
    assert frozenset(("BoT", "Orvel Bank")) in pairs(text, "acquires")


def test_initials_of_a_public_body_or_a_document_are_no_company():
    text = article(
        "The Northern Ireland Housing Executive (NIHE) said it had plans in place.",
        "The two firms signed a Memorandum of Understanding (MoU) that said so.",
    )
    assert not companies(text) & {"Northern Ireland Housing Executive", "NIHE", "Memorandum of Understanding", "MoU"}


def test_a_name_after_a_country_possessive_that_acts_as_a_company_is_one():
    text = article(
        "Uber has two rivals in Brazil, local app Zapfood and Colombia's Rindo.",
        "Rindo said it regrets the exit of Uber.",
    )
    assert "Rindo" in companies(text)


def test_a_unit_after_its_company_possessive_that_acts_as_a_company_is_one():
    text = article("Sony's Quellar acquired a small studio in Oslo.", "Quellar said the deal closed.")
    assert "Quellar" in companies(text)


def test_a_place_or_a_person_after_a_country_possessive_is_no_company():
    text = article(
        "China's Guangdong grew fast. Guangdong's economy is bigger than most countries'.",
        "Britain's Harold Pembry said the talks went well.",
        "Retail income will account for half of Tarnland's earnings.",
    )
    assert not companies(text) & {"Guangdong", "Harold Pembry", "Tarnland"}


def test_a_name_a_company_backs_or_an_exchange_lists_is_a_company():
    text = article("SoftBank-backed Ombrix raised $40 million.", "Nasdaq-listed Lumeo fell 3%.")
    assert {"Ombrix", "Lumeo"} <= companies(text)


def test_a_name_a_country_or_a_movement_backs_is_no_company():
    text = article("Tarnland-backed Velmar forces took the town.", "Velmar fighters held the bridge.")
    assert "Velmar" not in companies(text)


def test_two_names_in_an_apposition_of_firms_are_both_companies():
    text = article("Korvan Savings and Tessaly Mutual, two of the country's biggest lenders, agreed terms.")
    assert {"Korvan Savings", "Tessaly Mutual"} <= companies(text)


def test_a_producer_or_a_distributor_in_an_apposition_is_a_company():
    text = article("Ghavel, a cement producer in the north, cut prices.", "Ghavel's prices fell again.")
    assert "Ghavel" in companies(text)


def test_a_place_beside_a_company_is_no_list_of_companies():
    text = article("Headquartered in Cerrano, California, Ombrix is a packaging distributor.")
    assert "Cerrano" not in companies(text)
    assert "Ombrix" in companies(text)


def test_legal_suffixes_of_more_countries_make_a_company():
    text = article("Korvel Holdings Bhd signed a supply deal on Monday.", "Tarnex Pty Ltd said it would hire.")
    assert {"Korvel", "Tarnex"} <= companies(text)


def test_a_utility_or_a_broadcaster_described_is_a_company():
    text = article(
        "Eskorn, the state power utility, cut supply again.", "The deal with broadcaster Velvision fell through."
    )
    assert {"Eskorn", "Velvision"} <= companies(text)


def test_companies_of_every_region_are_listed():
    text = article(
        "Ryanair competes with Wizz Air on routes to Rome.",
        "In Brazil, Amazon competes with Magazine Luiza and Via Varejo.",
    )
    assert frozenset(("Ryanair", "Wizz Air")) in pairs(text, "competes")
    assert frozenset(("Amazon", "Magazine Luiza")) in pairs(text, "competes")


def test_an_ambiguous_listed_name_opening_a_sentence_is_no_company():
    text = article("Evergreen trees line the road to the port.", "Bolt cutters were found at the gate.")
    assert not companies(text) & {"Evergreen", "Bolt"}


def test_a_joint_venture_or_a_parent_company_in_an_apposition_is_a_company():
    text = article("He spoke on Veltocom -- a joint venture between two groups -- at length.")
    assert "Veltocom" in companies(text)
    text = article("Orvane, the parent company of a chain of shops, said sales rose.")
    assert "Orvane" in companies(text)


def test_a_share_of_a_company_owned_makes_it_a_company():
    text = article("Minor previously owned 74% of Corvin & Kale, forcing the company into bankruptcy.")
    assert "Corvin & Kale" in companies(text)


def test_a_share_of_a_mine_or_a_field_owned_is_no_company():
    text = article("Golden Star owns 90% of the Wassen gold mine in Ghana.", "The Wassen mine produced more gold.")
    assert "Wassen" not in companies(text)
