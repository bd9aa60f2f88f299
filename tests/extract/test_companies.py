"""Companies no list holds, recognised by the slots news writing keeps for companies; and the
people, places, public bodies and papers that stand in the same slots and are no companies.
Every name here is made up (or, for the negatives, a common kind of name)."""

import pytest

from bot.extract import extract
from tests.extract.helpers import article


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Quillfeather Interactive has acquired mobile studio Dotwise for $190 million.", "Dotwise"),
        ("Quillfeather Interactive has acquired mobile studio Dotwise for $190 million.", "Quillfeather Interactive"),
        ("Brannock announced plans to acquire Veltrix for $6bn.", "Brannock"),
        ("Brannock announced plans to acquire Veltrix for $6bn.", "Veltrix"),
        ("Shares of Orvane rose 4% in early trading.", "Orvane"),
        ("Talvoro Holdings said profits rose.", "Talvoro"),
        ("The deal was led by Kestrel Capital.", "Kestrel Capital"),
        ("Its biggest customer is Marrow Airlines.", "Marrow Airlines"),
        ("Payments firm Zentrick said sales doubled.", "Zentrick"),
        ("The fund backed chipmaker Ombrix last year.", "Ombrix"),
        ("Paris-based Lumeo unveiled its first model.", "Lumeo"),
        ("Vexa (NASDAQ: VEXA) fell 3% on Tuesday.", "Vexa"),
        ("Glimmr, a Lagos-based fintech startup, raised $20m.", "Glimmr"),
        ("The lender signed a partnership with Corvid Bank.", "Corvid Bank"),
        ("Brannock completed its takeover of Fennick Group last week.", "Fennick"),
    ],
)
def test_a_name_in_a_company_slot_is_a_company(sentence, name):
    assert name in companies(article(sentence))


def test_a_company_is_named_by_its_common_name_and_found_by_it_too():
    # "Talvoro Holdings" is Talvoro (no Holdings, Group, Inc); "Talvoro" alone names it later
    text = article("Talvoro Holdings agreed to buy Veltrix.", "Talvoro said the deal would close in May.")
    ex = extract(text)
    assert {(r.type, r.a, r.b) for r in ex.relations} == {("acquires", "Talvoro", "Veltrix")}
    assert {m.name for m in ex.mentions if m.sentence == 1} == {"Talvoro"}


def test_a_list_with_a_known_company_is_a_list_of_companies():
    text = article("Sea has escalated competition with Grabbit, Gotoro, Foodvan and Deliveroo.")
    assert {"Grabbit", "Gotoro", "Foodvan"} <= companies(text)
    assert "Sea" not in companies(article("The Sea, the Sky and the Land is a film."))


def test_a_legal_suffix_or_a_description_is_no_part_of_the_name():
    found = companies(article("Chipmaker Ombrix Systems Inc. said it would buy the Dutch designer Quarto."))
    assert "Ombrix Systems" in found
    assert not any(n.startswith("Chipmaker") or n.endswith("Inc") for n in found)


@pytest.mark.parametrize(
    ("sentence", "not_a_company"),
    [
        ("Brannock signed a deal with Donald Trump on Monday.", "Donald Trump"),
        ("Analyst Priya Raman said the takeover of Veltrix made sense.", "Priya Raman"),
        ("The Competition Bureau opposed the takeover of Veltrix by Brannock.", "Competition Bureau"),
        ("Brannock signed an agreement with the University of Leeds.", "University of Leeds"),
        ("Brannock agreed to buy Veltrix, the Financial Times reported.", "Financial Times"),
        ("Brannock bought land in New Zealand from the Department of Energy.", "New Zealand"),
        ("Many people want to buy a TV this year.", "TV"),
        ("Mr Lanzone said Brannock would buy Veltrix.", "Mr Lanzone"),
    ],
)
def test_people_places_public_bodies_and_papers_are_no_companies(sentence, not_a_company):
    assert not_a_company not in companies(article(sentence))


def test_a_surname_is_no_company_where_the_article_names_the_person():
    text = article(
        "Tessaly, a Nairobi-based lender, is led by Grace Wanjiru.",
        "Wanjiru's rivals include Kopa and Lendo.",
    )
    found = companies(text)
    assert "Tessaly" in found
    assert "Wanjiru" not in found


def test_a_capitalised_headline_is_not_read_for_names():
    text = article("The deal closed on Friday.", title="Brannock Seeks To Buy Veltrix For $6 Billion")
    assert not companies(text) & {"Veltrix For", "To Buy Veltrix For"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (article("Tessaly is not a product company.", "Tessaly sells services."), "Tessaly"),
        (article("Gert Smit, managing director at Tessaly, said sales rose.", "Tessaly hired 40 people."), "Tessaly"),
    ],
)
def test_a_copula_or_a_role_at_a_name_makes_it_a_company(text, name):
    assert name in companies(text)


def test_a_unit_named_after_its_country_is_its_company_where_the_article_says_so():
    text = article("Tessaly Kenya signed a deal with Safaricom.", "Tessaly also operates in Uganda.")
    ex = extract(text)
    assert {(r.type, *sorted((r.a, r.b))) for r in ex.relations} == {("partners", "Safaricom", "Tessaly")}


def test_places_listed_with_a_company_are_no_companies():
    assert not companies(article("Rivals such as Safaricom, Paris, London and Tokyo were named.")) & {
        "Paris",
        "London",
        "Tokyo",
    }


@pytest.mark.parametrize(
    ("sentence", "pair", "kind"),
    [
        ("Bioverativ competes with Baxalta, Pfizer and Novo Nordisk.", ("Bioverativ", "Baxalta"), "competes"),
        ("Quillon and Marrowby are fierce rivals in the Nordic market.", ("Quillon", "Marrowby"), "competes"),
        ("Ombrix has partnered with Quarto on a new chip.", ("Ombrix", "Quarto"), "partners"),
        ("Tessaly signed a teaming agreement with Indra Systems.", ("Tessaly", "Indra Systems"), "partners"),
        ("The store competes against rival chains such as Family Fare and Walmart.", ("Family Fare", "Walmart"), None),
    ],
)
def test_the_sides_of_a_relation_are_companies(sentence, pair, kind):
    ex = extract(article(sentence))
    assert set(pair) <= {e.name for e in ex.entities if e.type == "company"}
    if kind:
        assert frozenset(pair) in {frozenset((r.a, r.b)) for r in ex.relations if r.type == kind}


@pytest.mark.parametrize(
    "sentence",
    [
        "Speaking at the event, Nokia said it would compete with Ericsson.",
        "Online retailers compete with Amazon on price.",
        "Donald Trump partnered with Oracle on TikTok.",
        "Competing research firm IDC said Lenovo led the market.",
    ],
)
def test_ordinary_words_and_people_beside_a_cue_are_no_companies(sentence):
    names = {e.name for e in extract(article(sentence)).entities if e.type == "company"}
    assert not names & {"Speaking", "Online", "Donald Trump", "Competing"}
