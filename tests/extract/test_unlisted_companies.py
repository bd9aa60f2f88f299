"""Companies no list holds, recognised by what the text says of them: a firm's description right
before the name (even one built like a person's), an industry's word ending the name, the
company's officer named after it, what only a company has or does; and what none of these makes
a company (a person after a word that describes people too, a title, a trade body, a place)."""

import pytest

from bot.extract import extract
from bot.extract.companies import companyish
from tests.extract.helpers import article, pairs


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a description of a firm right before a name built like a person's
        ("Drilling contractor Ardent Marlow has become the largest owner of land rigs in the Gulf.", "Ardent Marlow"),
        ("Brewing conglomerate Santa Lucia abandoned its plan for a third brewery.", "Santa Lucia"),
        ("Chinese upstart Kestrel Coffee opened its 3,000th store on Friday.", "Kestrel Coffee"),
        # a name that no capital opens, after a firm's description
        ("Polish online platform eTrava bought the tour operator last week.", "eTrava"),
        # an industry's word ending the name
        ("A key player in the region is Orumba Cement, whose prices fell.", "Orumba Cement"),
        ("Volta Brewing will keep the brewery open, it said on Monday.", "Volta Brewing"),
        # the company's officer named right after it
        ("Zarnet Africa CEO Musa Okafor said the towers would be shared.", "Zarnet Africa"),
        ("Quorvel co-founder and chief technology officer Dara Flynn called the deal a validation.", "Quorvel"),
    ],
)
def test_a_company_no_list_holds_is_recognised_by_what_the_text_says_of_it(sentence, name):
    assert name in companies(article(sentence))


def test_what_only_a_company_has_or_does_said_twice_makes_a_company():
    text = article(
        "Tembo operates in Kenya and Uganda, while Nyoka has stores only in the capital.",
        "Shoppers compare Tembo and Nyoka on price every week.",
    )
    assert {"Tembo", "Nyoka"} <= companies(text)


def test_an_unlisted_rival_described_as_a_firm_is_a_side_of_the_rivalry():
    text = article(
        "Cement maker Orumba Cement has cut prices in Ghana.",
        "Orumba Cement competes with Holcim for builders across West Africa.",
    )
    assert frozenset(("Orumba Cement", "Holcim")) in pairs(text, "competes")


@pytest.mark.parametrize(
    ("sentence", "not_companies"),
    [
        # words that describe people too say nothing before a person's name
        ("Said partner John Whitcombe, the deal took a year to close.", {"John Whitcombe"}),
        ("The electric carmaker Elon Musk runs cut prices again.", {"Elon Musk"}),
        # a title before an officer's name is no company
        ("Joint Managing Director Priya Raman said the hospital would grow.", {"Joint"}),
        ("Summit Towers Ltd's Managing Director & CEO Arif Islam said so.", {"Managing Director &"}),
        # a trade body's officer is no company's
        ("Said American Chamber chief executive Mark Redmond, the jobs are welcome.", {"American Chamber", "Chamber"}),
        # a place after a firm's description and a comma starts another clause
        ("The contract went to a Sunshine Coast company, Fraser Coast suppliers said.", {"Fraser Coast"}),
    ],
)
def test_people_titles_bodies_and_places_are_no_company(sentence, not_companies):
    assert not companies(article(sentence)) & not_companies


def test_a_legal_suffix_ends_the_name_before_a_persons():
    found = companies(article("Chairman of tech giant Norvale Corporation Tran Van Minh said the plant would open."))
    assert "Norvale" in found
    assert not {n for n in found if "Tran" in n}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The studio hired film producer Mara Velden to run its drama arm.", "Mara Velden"),
        ("The pub hired master brewer Ardo Hadley to run its cellar.", "Ardo Hadley"),
        ("The theatre cast Hayley Mills in its new play.", "Hayley Mills"),
    ],
)
def test_a_role_or_a_surname_that_names_firms_too_leaves_a_person_a_person(sentence, name):
    assert name not in companies(article(sentence))


@pytest.mark.parametrize(
    ("paragraphs", "not_companies"),
    [
        # a people or a region, however it stands beside a rival or a purchase
        (
            (
                "Ride-hailing firm Uber has agreed to sell its Southeast Asian business to bigger regional rival Grab.",
                "Grab will take over the Southeast Asian business of Uber, which competes with Grab in India.",
            ),
            {"Southeast Asian"},
        ),
        (
            ("Berry startup Agrovida is diving into cherries with its acquisition of Chilean grower ZurGrove.",),
            {"Chilean"},
        ),
        # an auxiliary opening a sentence is no part of the name after it
        (("Had Nvidia acquired Arm, the chip designer would have been a rival to Qualcomm.",), {"Had Nvidia"}),
    ],
)
def test_peoples_and_clause_openers_are_no_company(paragraphs, not_companies):
    assert not companies(article(*paragraphs)) & not_companies


def test_a_title_alone_names_no_company():
    assert not companyish("Managing Director") and not companyish("Chairman")
    assert companyish("Managing Partners Capital")


def test_a_listed_company_by_its_full_name_is_that_company():
    text = article("MillerCoors is a joint venture between SABMiller and Molson Coors Brewing Company.")
    assert frozenset(("SABMiller", "Molson Coors")) in pairs(text, "partners")


def test_an_ordinary_word_and_a_suffix_after_and_end_a_name():
    text = article("Parts maker Siamotor Hitech Ltd is partnering Vantex Trading and Production LLC on a plant.")
    assert "Production" not in companies(text)
    assert not any("Production" in pair for pair in pairs(text, "partners"))


@pytest.mark.parametrize("sentence", ["The funds: 4 of them bought stakes.", "Many banks: 3 cut their rates."])
def test_a_figure_after_a_kind_and_a_colon_lists_no_name(sentence):
    assert not companies(article(sentence)) & {"4", "3"}
