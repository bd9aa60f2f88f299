"""Extraction on small articles written for these tests, one news-writing pattern each."""

import pytest

from bot.extract import extract
from tests.extract.helpers import article, pairs, quotes_of

# -- sentences and layout --------------------------------------------------------------------


def test_sentences_respect_abbreviations_decimals_and_initials():
    text = article("Mr. Smith paid $1.5m for the U.S. firm on Monday. J. R. Jones of Acme Inc. agreed. Was it wise?")
    assert [s.text for s in extract(text).sentences] == [
        "Mr. Smith paid $1.5m for the U.S. firm on Monday.",
        "J. R. Jones of Acme Inc. agreed.",
        "Was it wise?",
    ]


def test_captions_are_not_sentences_but_give_roles():
    text = article(
        "Jane Roe, Chief Executive, Globex Corp (left), and Ann Poe, CTO, Initech. Image credit: Globex.",
        "Globex said the two firms signed a partnership with Initech on Tuesday.",
    )
    result = extract(text)
    assert [s.text for s in result.sentences] == [
        "Globex said the two firms signed a partnership with Initech on Tuesday."
    ]
    people = {e.name: (e.role, e.org) for e in result.entities if e.type == "person"}
    assert people["Jane Roe"] == ("Chief Executive", "Globex")
    assert people["Ann Poe"][0] == "CTO"


def test_attribution_on_the_line_after_a_quotation():
    text = article(
        "\u201cWe have worked with our friends at Initech for many years and will keep doing so.\u201d",
        "Jane Roe, Globex CEO",
        "Analysts expect the deal to close soon.",
    )
    result = extract(text)
    [quote] = result.quotes
    assert quote.speaker == "Jane Roe" and quote.org == "Globex"
    assert all(s.text != "Jane Roe, Globex CEO" for s in result.sentences)


# -- quotes ----------------------------------------------------------------------------------


def test_inline_attributions_after_and_before_the_quote():
    text = article(
        '"The new chips are twice as fast as the old ones," said Maria Lopez, an analyst at Gartner.',
        'Tom Baker said: "We expect to sell a million units by the summer."',
        "According to Priya Shah, \u201cthis changes the market for good in every way.\u201d",
    )
    assert [s for _t, s in quotes_of(text)] == ["Maria Lopez", "Tom Baker", "Priya Shah"]


def test_pronoun_after_a_named_speaker_and_mr_surname_resolves_to_the_full_name():
    text = article(
        "Bill Gates, chairman of Microsoft, spoke at the show.",
        '"Software will be everywhere within ten years," he said.',
        'Later Mr Gates added: "Phones will be the computers of the future for most people."',
    )
    assert [s for _t, s in quotes_of(text)] == ["Bill Gates", "Bill Gates"]


def test_he_said_with_two_men_named_goes_to_the_last_speaker():
    text = article(
        'Steve Jobs said: "Our music store has sold more songs than anybody expected."',
        "He was speaking after Paul Otellini, who runs Intel, left the stage.",
        '"We will keep making the fastest computers in the world," he said.',
    )
    speakers = [s for _t, s in quotes_of(text)]
    assert speakers[0] == "Steve Jobs"
    assert speakers[1] in {"Steve Jobs", "Paul Otellini"}  # genuinely ambiguous; never someone else


def test_speaker_introduced_by_role_and_by_organisation():
    text = article(
        '"We are pleased with the results so far this year," a Sony spokesman said.',
        '"Sales of the console beat our forecasts again," Microsoft chief executive Steve Ballmer said.',
        '"The software is riddled with serious security holes," one analyst said.',
    )
    result = extract(text)
    assert [(q.speaker, q.org) for q in result.quotes] == [
        ("Sony", "Sony"),
        ("Steve Ballmer", "Microsoft"),
        (None, None),
    ]
    assert result.quotes[1].role == "chief executive"


def test_a_quote_split_by_its_attribution_is_two_quotes_by_the_same_speaker():
    text = article('"We are very pleased," said Anna Berg, "to announce our best quarter in many years."')
    assert quotes_of(text) == [
        ("We are very pleased,", "Anna Berg"),
        ("to announce our best quarter in many years.", "Anna Berg"),
    ]


def test_a_quotation_over_several_paragraphs_is_one_quote_per_paragraph():
    text = article(
        'Chen Wei, head of research at Acme, described the plan. "We will build the network first.',
        '"Then we will sell the handsets through every shop we can find in the country."',
    )
    result = quotes_of(text)
    assert [t for t, _s in result] == [
        "We will build the network first.",
        "Then we will sell the handsets through every shop we can find in the country.",
    ]
    assert {s for _t, s in result} == {"Chen Wei"}


def test_run_on_paragraphs_and_odd_quote_marks():
    # the closing mark of the first quotation is missing: a new opening mark ends it
    text = article('Ravi Patel said: "The first part is done. "The second part will take another year or two."')
    assert [t for t, _s in quotes_of(text)] == [
        "The first part is done.",
        "The second part will take another year or two.",
    ]


def test_curly_and_straight_marks_and_nested_single_quotes():
    text = article(
        "\u201cUsers told us 'make it simpler' and we listened to them,\u201d said Lena Fox.",
        "\"It's called 'the cloud' for a reason, you know,\" said Omar Said.",
    )
    assert [s for _t, s in quotes_of(text)] == ["Lena Fox", "Omar Said"]
    assert "'make it simpler'" in quotes_of(text)[0][0]


def test_scare_quotes_and_short_terms_are_not_quotes():
    text = article('The so-called "phishing" attacks and "spam" grew, as did the "Big Three" firms\' "cool" factor.')
    assert quotes_of(text) == []


# -- companies, products, people -------------------------------------------------------------


def test_companies_known_and_unknown_products_with_owners():
    text = article(
        "Sony Corporation and the start-up firm Zentrix said they would cooperate.",
        "Quantel Ltd makes software that runs on the Xbox.",
        "Widgets sold well.",
    )
    entities = {e.name: e for e in extract(text).entities}
    assert entities["Sony"].type == "company" and "Sony Corporation" in entities["Sony"].aliases
    assert entities["Zentrix"].type == "company"
    assert entities["Quantel"].type == "company"
    assert entities["Xbox"].owner == "Microsoft"
    assert "Widgets" not in entities  # a capitalised word at a sentence start is not a company


def test_people_with_roles_from_appositions_and_possessives():
    text = article(
        "Ben Wood, an analyst at Gartner, was sceptical.",
        "Sony's chief executive Howard Stringer disagreed.",
    )
    people = {e.name: (e.role, e.org) for e in extract(text).entities if e.type == "person"}
    assert people["Ben Wood"] == ("analyst", "Gartner")
    assert people["Howard Stringer"] == ("chief executive", "Sony")


# -- relations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        ("Nokia will compete with Motorola in the handset market.", "competes", {frozenset({"Nokia", "Motorola"})}),
        ("The rivalry between the Xbox and the PlayStation is fierce.", "competes", {frozenset({"Microsoft", "Sony"})}),
        ("Firefox is challenging Internet Explorer.", "competes", {frozenset({"Mozilla", "Microsoft"})}),
        ("IBM and Sony announced a joint venture to make chips.", "partners", {frozenset({"IBM", "Sony"})}),
        ("Apple signed a deal with Motorola to put iTunes on phones.", "partners", {frozenset({"Apple", "Motorola"})}),
        ("Intel and Dell reported higher profits on Tuesday.", "competes", set()),  # a co-mention is not a relation
        ("Google bought Keyhole in a deal worth millions.", "partners", set()),  # buying is not partnering
        ("Oracle sued SAP over the software.", "partners", set()),
    ],
)
def test_relation_cues(sentence, kind, expected):
    assert pairs(article(sentence), kind) == expected


def test_a_company_named_only_by_its_product():
    text = article("The PSP will take on the Nintendo DS this Christmas.")
    assert pairs(text, "competes") == {frozenset({"Sony", "Nintendo"})}


def test_relation_evidence_is_the_sentence():
    text = article("Analysts were surprised.", "IBM and Sony announced a joint venture to make chips.")
    [r] = extract(text).relations
    assert r.evidence == "IBM and Sony announced a joint venture to make chips." and r.sentence == 1


# -- summaries -------------------------------------------------------------------------------


def test_every_sentence_is_scored_and_central_ones_rank_higher():
    text = article(
        "Acme launched a new phone with a faster chip and a bigger screen on Monday in London.",
        "The weather was cold.",
        "The Acme phone chip is faster than the old phone chip, Acme said of the new phone.",
    )
    result = extract(text)
    scores = [s.score for s in result.sentences]
    assert len(scores) == 3
    assert scores[1] < scores[0] and scores[1] < scores[2]
    assert result.summary(1) != ["The weather was cold."]


def test_extraction_is_deterministic():
    text = article('"We are growing fast in every market," said Jane Roe of Globex.', "Globex competes with Initech.")
    assert extract(text).to_json() == extract(text).to_json()
