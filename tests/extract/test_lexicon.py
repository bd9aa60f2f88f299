"""The lexicon of companies and products: the data in ``lexicon.json`` is well kept, and names
are found where news uses them as names and nowhere else."""

import json
import re
from pathlib import Path

import pytest

from bot.extract import extract
from bot.extract.lexicon import Lexicon, Names, default_lexicon
from tests.extract.helpers import article, pairs

DATA = json.loads((Path(__file__).parents[2] / "bot" / "extract" / "lexicon.json").read_text(encoding="utf-8"))

# ordinary English words (and common first names) a company or product may be called: such a
# name must be listed as ambiguous, so that it counts only where it cannot open a sentence
COMMON_WORDS = frozenset(
    """
    apple orange three sky real palm sun virgin sharp opera java office windows word excel outlook teams
    surface switch galaxy pixel chrome echo fire ring nest target comet monster rare rebellion criterion
    midway danger creative epic valve gateway pioneer brother universal five sage canonical harmony rhapsody
    helix zen nomad safari mac cell metro fox thomson rio alexa gemini fable halo doom quake unity discord
    slack zoom snap stripe uber acorn argos excite audible twitch kingston zodiac sora llama bard
    battlefield madden mario morpheus cohere perplexity mori watson blizzard steam burnout unreal sonic
    norton claude signal telegram
    """.split()
)


def entities(text: str) -> dict[str, str]:
    return {e.name: e.type for e in extract(text).entities if e.type != "person"}


# -- the data ---------------------------------------------------------------------------------


def test_the_lexicon_is_well_formed():
    assert set(DATA) <= {"_about", "companies", "products", "ambiguous", "not_names", "not_companies"}
    for name, aliases in DATA["companies"].items():
        assert isinstance(name, str) and name.strip() == name and name
        assert isinstance(aliases, list) and all(isinstance(a, str) and a.strip() == a and a for a in aliases)
        assert name not in aliases
    for name, info in DATA["products"].items():
        assert set(info) <= {"owner", "aliases"}, name
        assert isinstance(info.get("aliases", []), list) and name not in info.get("aliases", [])
    assert len(set(DATA["ambiguous"])) == len(DATA["ambiguous"])
    assert len(set(DATA["not_companies"])) == len(DATA["not_companies"])
    assert not set(DATA["not_companies"]) & set(DATA["companies"])


def test_every_product_owner_is_a_listed_company():
    missing = {n: i["owner"] for n, i in DATA["products"].items() if i["owner"] not in DATA["companies"]}
    assert missing == {}


def test_no_name_stands_for_two_things():
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    entries = [(("company", n), [n, *a]) for n, a in DATA["companies"].items()]
    entries += [(("product", n), [n, *i.get("aliases", [])]) for n, i in DATA["products"].items()]
    for entity, surfaces in entries:
        for surface in surfaces:
            if seen.setdefault(surface, entity) != entity:
                clashes.append((surface, seen[surface], entity))
    assert clashes == []


def test_every_name_can_be_found():
    """The scan indexes names by their first word: a name must start with one."""
    surfaces = [s for n, a in DATA["companies"].items() for s in (n, *a)]
    surfaces += [s for n, i in DATA["products"].items() for s in (n, *i.get("aliases", []))]
    assert [s for s in surfaces if not re.match(r"\w", s)] == []


def test_ordinary_words_are_listed_as_ambiguous():
    lexicon = default_lexicon()
    words = {w.capitalize() for w in COMMON_WORDS}  # as a name is written: "Apple", not "MORI"
    plain = [s for s in lexicon.surfaces if s in words and s not in lexicon.ambiguous]
    assert plain == []
    assert sorted(a for a in lexicon.ambiguous if a not in lexicon.surfaces) == []


def test_no_government_regulator_or_newspaper_is_a_company():
    for name in ("Ofcom", "European Commission", "FCC", "Financial Times", "The Sun", "Nasa", "MIT"):
        assert name not in default_lexicon().surfaces


# -- finding names ----------------------------------------------------------------------------


def test_names_whose_first_word_is_no_name_are_found_by_their_first_two():
    names = Names(["The Cloud", "Texas Instruments", "One.Tel", "Sony", "Sony Ericsson"])
    text = "The cloud and The Cloud; One.Tel, One day, Texas and Texas Instruments; Sony Ericsson, Sony."
    assert [n for _s, _e, n in names.finditer(text)] == [
        "The Cloud",
        "One.Tel",
        "Texas Instruments",
        "Sony Ericsson",
        "Sony",
    ]


def test_an_alias_is_found_as_its_company():
    lexicon = Lexicon({"companies": {"BlackBerry": ["Research In Motion", "RIM"]}, "products": {}})
    found = [(h.text, h.known.name) for h in lexicon.find("Research In Motion, or RIM, makes phones.")]
    assert found == [("Research In Motion", "BlackBerry"), ("RIM", "BlackBerry")]


def test_an_ordinary_word_at_a_sentence_start_is_no_name():
    lexicon = Lexicon({"companies": {"Orange": []}, "products": {}, "ambiguous": ["Orange"]})
    assert lexicon.find("Orange juice sales rose.") == []
    assert [h.start for h in lexicon.find("Shares in Orange rose.")] == [10]


@pytest.mark.parametrize(
    "text",
    [
        "Staff at the Home Office said so.",  # another name around the word
        "He grew up in Orange County.",  # a phrase listed as no name
        "The deal was reported by Karen Thomson.",  # a first name before a surname
        "The singer was Like A Virgin.",  # a title
        "Mr Dell said so.",  # a title before a surname
        "He met Jean-Thomson.",  # the end of a hyphenated name
        "She studies at the Centre for Speech and Orange Processing.",  # a word inside a title
        "Her blog, Queen of the Orange, is popular.",  # and after "of the"
        "A show called 'Big Orange' won.",  # a title in quotation marks
    ],
)
def test_a_name_inside_another_name_is_not_found(text):
    lexicon = Lexicon(
        {
            "companies": {"Orange": [], "Thomson": [], "Virgin": [], "Dell": [], "Microsoft": []},
            "products": {"Office": {"owner": "Microsoft"}},
            "ambiguous": ["Orange", "Thomson", "Virgin", "Office"],
            "not_names": ["Orange County"],
        }
    )
    assert lexicon.find(text) == []


def test_an_ordinary_word_after_its_owner_or_an_opening_word_is_a_name():
    lexicon = Lexicon(
        {
            "companies": {"Microsoft": [], "Apple": []},
            "products": {"Word": {"owner": "Microsoft"}},
            "ambiguous": ["Word", "Apple"],
        }
    )
    assert [h.text for h in lexicon.find("It ships Microsoft Word. But Apple disagreed.")] == [
        "Microsoft",
        "Word",
        "Apple",
    ]
    found = lexicon.find("In January Apple cut prices, like Japanese Apple fans.")
    assert [h.text for h in found] == ["Apple", "Apple"]


def test_an_ordinary_word_opening_a_sentence_is_a_name_when_it_acts_like_one():
    lexicon = Lexicon({"companies": {"Apple": [], "Google": []}, "products": {}, "ambiguous": ["Apple"]})
    assert [h.start for h in lexicon.find("Apple has also debuted a search tool.")] == [0]
    assert [h.start for h in lexicon.find("Apple and Google are rivals.")] == [0, 10]
    assert [h.start for h in lexicon.find("Apple's shares rose.")] == [0]
    assert [h.start for h in lexicon.find("Apple CEO Tim Cook spoke.")] == [0]
    assert lexicon.find("Apple pie and custard.") == []


def test_an_ordinary_word_is_not_made_plural():
    lexicon = Lexicon({"companies": {"Amazon": []}, "products": {"Ring": {"owner": "Amazon"}}, "ambiguous": ["Ring"]})
    assert lexicon.find("It beat The Lord of the Rings at the box office.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares in Yahoo! rose.", "Yahoo"),
        ("Deals with AT&T were signed.", "AT&T"),
        ("Users of T-Mobile were hit.", "T-Mobile"),
        ("It bought Cable & Wireless.", "Cable & Wireless"),
    ],
)
def test_a_punctuated_name_is_found_whole(text, name):
    assert [h.known.name for h in default_lexicon().find(text)] == [name]


# -- in articles ------------------------------------------------------------------------------


def test_a_company_named_by_its_former_name_is_the_company():
    text = article(
        "Research In Motion, the Canadian maker of the BlackBerry, has signed a deal with Vodafone "
        "to work together on e-mail for business users."
    )
    assert pairs(text, "partners") == {frozenset(("BlackBerry", "Vodafone"))}


def test_rivals_named_with_punctuation_are_both_found():
    text = article(
        "Phone firms such as TalkTalk and One.Tel compete with BT for calls on its own network.",
    )
    assert pairs(text, "competes") >= {frozenset(("TalkTalk", "BT")), frozenset(("One.Tel", "BT"))}


def test_the_bbc_the_news_was_told_is_no_party():
    text = article(
        "Sony and Microsoft have been rivals for years, a Sony spokesman told the BBC News website.",
    )
    assert pairs(text, "competes") == {frozenset(("Sony", "Microsoft"))}
    assert all("BBC" not in pair for pair in pairs(text, "partners") | pairs(text, "competes"))


@pytest.mark.parametrize("title", ["Mr", "Professor", "Det Insp", "Chief Supt"])
def test_a_name_after_any_title_the_people_module_knows_is_a_person_not_a_company(title):
    text = article(f"{title} Dell said the phones were stolen from a warehouse.")
    assert "Dell" not in {e.name for e in extract(text).entities if e.type == "company"}
