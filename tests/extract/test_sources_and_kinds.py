"""Two classes of business writing about rivals (issue 17): instances of a kind of firm named
in a list ("discount chains like Zestmart", "telcos such as Quorvia", "it has four carriers:
A, B, C and D"), recognised as companies though no list holds them; and the firm a figure or a
report comes from ("according to research firm X", "a report from X", "analysts at X"), which
is no party to the rivalry the figure tells of."""

from bot.extract import extract
from tests.extract.helpers import article, pairs


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


# -- a kind of firm in the plural, then its instances -----------------------------------------


def test_instances_of_a_kind_of_firm_are_companies_and_rivals_through_the_cue():
    text = article("Walmart has cut prices to better compete with discount chains like Zestmart and Pricewell.")
    assert {"Zestmart", "Pricewell"} <= companies(text)
    assert pairs(text, "competes") == {frozenset(("Walmart", "Zestmart")), frozenset(("Walmart", "Pricewell"))}


def test_a_country_s_operators_listed_after_a_colon_compete():
    text = article("Freedonia has four mobile network operators: Quorvia, Telmaro, Netsky and Vantacom.")
    assert {"Quorvia", "Telmaro", "Netsky", "Vantacom"} <= companies(text)
    assert frozenset(("Quorvia", "Vantacom")) in pairs(text, "competes")


def test_things_listed_after_a_kind_that_is_no_firm_are_no_companies():
    text = article("Cities like Lagos and Nairobi have seen phone sales by Samsung and Tecno grow.")
    assert not {"Lagos", "Nairobi"} & companies(text)
    assert pairs(text, "competes") == set()


def test_a_colon_after_no_kind_of_firm_lists_no_companies():
    text = article("The plan has two parts: Phase One and Phase Two, Samsung said.")
    assert not {"Phase One", "Phase Two"} & companies(text)


# -- the source of a figure or a report is no party -------------------------------------------


def test_the_research_firm_a_market_figure_comes_from_is_no_rival():
    text = article(
        "Samsung held 21 per cent of the market while Apple held 18 per cent, according to research firm Canalys."
    )
    assert pairs(text, "competes") == {frozenset(("Samsung", "Apple"))}


def test_the_firm_whose_report_says_a_company_competes_is_no_rival():
    text = article("A report from Brookline Securities said Walmart has cut prices to better compete with Costco.")
    assert pairs(text, "competes") == {frozenset(("Walmart", "Costco"))}


def test_analysts_at_a_bank_are_no_party_to_a_rivalry():
    text = article("Analysts at Jefferies said Nvidia will face stiff competition from AMD in data centres.")
    assert pairs(text, "competes") == {frozenset(("Nvidia", "AMD"))}


def test_a_study_by_two_firms_is_still_their_joint_work():
    text = article("Research by security firms Webroot and Symantec found that most Windows PCs carry spyware.")
    assert pairs(text, "partners") == {frozenset({"Webroot", "Symantec"})}


def test_a_co_mention_beside_a_source_is_no_rivalry():
    text = article("Apple and Samsung both shipped more phones last quarter, according to data from IDC.")
    assert pairs(text, "competes") == set()
