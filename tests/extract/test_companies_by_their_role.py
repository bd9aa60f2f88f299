"""Companies no list holds, recognised by the role their name plays in a sentence (issue 17,
fourth pass on names): a firm's description before a name no capital opens, a producer of an
industry's goods, what only a company does, a unit of a company, a firm named after its founder
that trades as one, an officer "MD of" a firm, a known company's partner in one hyphened word, a
list after "retailers,", a firm's description that outweighs "X said". Negatives: people, titles,
parts of other names, words opening a sentence, public bodies. The names are made up."""

from bot.extract import extract
from tests.extract.helpers import article, pairs


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


def test_a_name_no_capital_opens_after_a_firms_description_and_a_comma():
    text = article("Ghana's e-pharmacy startup, zPharma, opened a partnership with Ecobank in March.")
    assert "zPharma" in companies(text)
    assert pairs(text, "partners") == {frozenset({"zPharma", "Ecobank"})}


def test_a_name_no_capital_opens_that_acts_as_a_company():
    text = article("qPay signed a partnership agreement with Ecobank on Monday.")
    assert "qPay" in companies(text)


def test_a_name_no_capital_opens_with_no_companys_role_is_none():
    text = article("Critics called the design eClunky in their reviews of the new phone.")
    assert "eClunky" not in companies(text)


def test_a_producer_of_an_industrys_goods_is_a_firm_a_films_is_a_person():
    text = article("Independent power producer vSolar has announced the purchase of nine solar farms.")
    assert "vSolar" in companies(text)
    text = article("Film producer Kestrel Vane said the studio would release the picture in May.")
    assert "Kestrel Vane" not in companies(text)


def test_a_unit_or_division_of_a_company_is_a_company():
    text = article("Orient Zephyr Line, a unit of Cosco, agreed to share ship capacity through 2032.")
    assert "Orient Zephyr Line" in companies(text)
    text = article("Jane Moss, a unit head at the hospital, said the wards were full.")
    assert "Jane Moss" not in companies(text)


def test_a_firm_named_after_its_founder_that_trades_as_a_business():
    text = article(
        "Macfarlane has bought a packaging distributor in Scotland.",
        "Family-run Edward Calloway has been trading since 1919.",
        "Edward Calloway's product line complemented Macfarlane's, the company said.",
    )
    assert "Edward Calloway" in companies(text)


def test_a_person_who_signs_a_deal_is_no_firm():
    text = article("Edward Calloway signed a deal with Oracle to buy a stake in the venture.")
    assert "Edward Calloway" not in companies(text)


def test_the_md_of_a_firm_named_twice():
    text = article(
        "Mark Farn, MD of Harrowgate, said the name would stay.",
        "Harrowgate will keep all the staff of both sites.",
    )
    assert "Harrowgate" in companies(text)


def test_a_known_companys_partner_in_one_hyphened_word():
    text = article("To counter that Airbus-Corvane partnership, Boeing struck a deal of its own.")
    assert "Corvane" in companies(text)
    text = article("The Smith-Jones partnership ended when the two lawyers retired.")
    assert not companies(text) & {"Smith", "Jones"}
    text = article("The Vodafone-Norvo merger created the country's third operator.")
    assert "Norvo" not in companies(text)  # a merger's hyphened pair names the combined company


def test_a_list_after_a_kind_of_firm_and_a_comma():
    text = article("In competitive terms, the major retailers, Woolworths and Kaimart, are a duopoly.")
    assert "Kaimart" in companies(text)


def test_a_titles_chain_is_no_list_of_companies():
    text = article("The Executive Vice President, Market Growth, Mastercard, Amnah Ajmal, said the aim was reach.")
    assert "Market Growth" not in companies(text)


def test_a_firms_description_outweighs_said_but_a_first_name_does_not():
    text = article("Discount retailer Dollar Crate said Tuesday it expects to complete its purchase of Bargain Barn.")
    assert "Dollar Crate" in companies(text)
    text = article("Retailer John Barrow said Tuesday his shop would close.")
    assert "John Barrow" not in companies(text)


def test_an_arch_rival_is_a_firms_description():
    text = article("Monster was stealing market share from arch-rival Zorbatron on a regular basis.")
    assert "Zorbatron" in companies(text)


def test_a_generic_first_word_before_a_companys_word_after_a_firms_description():
    text = article("Logistics firm Smart Harbour Logistics has partnered with Shipt to offer delivery.")
    assert "Smart Harbour Logistics" in companies(text)
    text = article("Payments firm National Clearing Payments said the rules would change.")
    assert "National Clearing Payments" not in companies(text)


def test_no_short_name_from_a_common_noun_or_a_hyphened_part():
    text = article(
        "Lake City-based River Valley Newspapers acquired the daily Mohave Star.",
        "The deal included the mailed product Clippin' the River.",
    )
    assert "River Valley Newspapers" in companies(text)
    assert "River" not in companies(text)
    text = article(
        "Norvo Cellular and Airtel compete for subscribers.",
        "The combined Vodafone-Norvo entity is expected to lag.",
    )
    assert "Norvo" not in companies(text)


def test_a_word_opening_a_sentence_is_no_buyer():
    text = article("Leading all deals was Union Bankshares' $600 million agreement to buy Access National.")
    assert "Leading" not in companies(text)
