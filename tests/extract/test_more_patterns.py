"""Extraction on small hand-written articles: organisations as speakers, terms in marks, market
entrants, rivals named after the cue, fellow partners, and the lexicon's name matching."""

import pytest

from bot.extract import extract
from bot.extract.lexicon import Known, Lexicon, Names
from bot.extract.text import balance_quotes
from tests.extract.helpers import article, pairs, quotes_of

# -- quotes and speakers ---------------------------------------------------------------------


def test_an_unknown_organisation_quoted_in_its_own_sentence():
    text = article(
        "The XBTA said in a statement that it would keep fighting "
        '"the harmful effects of pirate copies on the whole industry".',
        'Zorvex-Lamb defines a podcast as: "a radio show that anyone can download and play later".',
    )
    assert [s for _t, s in quotes_of(text)] == ["XBTA", "Zorvex-Lamb"]


def test_the_magazine_and_it_are_the_publication_named_before():
    text = article(
        "The list was drawn up by technology magazine Gadget Weekly.",
        '"We only included devices that fit in a pocket," said the magazine.',
        '"In the end we chose the ones readers loved most of all," it concluded.',
    )
    assert [s for _t, s in quotes_of(text)] == ["Gadget Weekly", "Gadget Weekly"]


def test_the_sentence_after_a_closed_quotation_is_not_its_attribution():
    text = article(
        "Ann Kerr, a professor at Leeds, has teamed up with Raj Mehta. The key, says Prof Kerr, is radio.",
        '"We want every village online within the year," she says. "The network has to survive power cuts '
        'and storms without anyone there to fix it." Prof Mehta says he hopes to start in the spring.',
    )
    assert [s for _t, s in quotes_of(text)] == ["Ann Kerr", "Ann Kerr"]


def test_a_leading_phrase_before_the_subject_and_an_initial_in_the_name():
    text = article(
        'In an e-mail, Dan Ortiz calls it "a first rough sketch of the idea."',
        '"Digging up the roads here takes far too long," said Mr K. Raman, head of networks at Tata.',
    )
    assert [s for _t, s in quotes_of(text)] == ["Dan Ortiz", "K. Raman"]


@pytest.mark.parametrize(
    "sentence",
    [
        'He hopes to make podcasting "the Next Big Thing" this year.',
        'The texts gave an assessment of "who needs what and where" after the storm.',
    ],
)
def test_short_terms_and_title_case_phrases_are_not_quotes(sentence):
    assert quotes_of(article(sentence)) == []


def test_a_short_partial_quote_is_still_a_quote():
    text = article('Ann Kerr said the firm had done well at "sealing off the market from its rivals" so far.')
    assert [s for _t, s in quotes_of(text)] == ["Ann Kerr"]


# -- relations -------------------------------------------------------------------------------


def test_a_market_entrant_competes_with_the_company_the_article_is_about():
    text = article(
        "Nintendo has led the handheld market for years, and Nintendo sold millions of consoles.",
        "Nintendo expects more sales this year.",
        "Sony will enter the market in the spring with its own device.",
    )
    assert pairs(text, "competes") == {frozenset({"Nintendo", "Sony"})}


def test_rivals_named_in_the_sentence_after_the_cue():
    text = article(
        "Apple sold ten million iPods last year, and Apple expects more.",
        "The threat from others is always present, however.",  # Apple, named most, is the article's company
        '"Dell, Sony, Samsung and so on are all spending more on advertising," he said.',
    )
    assert pairs(text, "competes") == {frozenset({"Apple", c}) for c in ("Dell", "Sony", "Samsung")}


def test_a_company_among_another_s_partners():
    text = article("Dell and other Microsoft partners showed new tablets at the fair.")
    assert pairs(text, "partners") == {frozenset({"Dell", "Microsoft"})}


def test_the_organisation_in_a_trailing_attribution_is_no_party():
    text = article(
        "Oracle sold more licences than ever, and Oracle raised its forecast.",
        "Oracle now faces rivals everywhere, said Tom Hale, an analyst at Gartner.",
    )
    assert pairs(text, "competes") == set()


def test_each_sentence_that_states_a_pair_is_its_evidence_once():
    text = article(
        "Microsoft competes with Google in search, and Microsoft competes with Google in mail.",
        "The battle between Google and Microsoft goes on.",
    )
    relations = [r for r in extract(text).relations if r.type == "competes"]
    assert [r.sentence for r in relations] == [0, 1]
    assert {frozenset((r.a, r.b)) for r in relations} == {frozenset({"Google", "Microsoft"})}


def test_a_pair_keeps_at_most_three_evidence_sentences_per_article():
    text = article(*(f"Microsoft and Google are rivals in market number {n}." for n in range(6)))
    relations = [r for r in extract(text).relations if r.type == "competes"]
    assert [r.sentence for r in relations] == [0, 1, 2]


def test_the_two_companies_are_the_pair_named_together_last():
    text = article(
        "Nokia and Ericsson will share a stand at the fair.",
        "The two firms have long been fierce rivals in handsets.",
        "Both companies signed a licensing agreement last year.",
    )
    assert pairs(text, "competes") == {frozenset({"Nokia", "Ericsson"})}
    assert pairs(text, "partners") == {frozenset({"Nokia", "Ericsson"})}


def test_the_two_companies_after_three_named_are_nobody_in_particular():
    text = article(
        "Nokia, Ericsson and Motorola all showed phones at the fair.",
        "The two firms have long been fierce rivals in handsets.",
    )
    assert pairs(text, "competes") == set()


# -- the lexicon -----------------------------------------------------------------------------


def test_names_match_whole_words_longest_first():
    names = Names(["Sony", "Sony Ericsson", "AT&T", "iPod"])
    found = [name for _s, _e, name in names.finditer("Sony Ericsson, Sonyx, AT&T and iPods; an iPod by Sony.")]
    assert found == ["Sony Ericsson", "AT&T", "iPod", "Sony"]


def test_a_legal_suffix_belongs_to_the_name_and_ordinary_words_need_confirmation():
    lexicon = Lexicon(
        {"companies": {"Globex": [], "Creative": []}, "products": {}, "ambiguous": ["Creative"]},
    )
    [hit] = lexicon.find("Shares in Globex Corp rose.")
    assert (hit.text, hit.known) == ("Globex Corp", Known("Globex", "company"))
    assert lexicon.find("Creative thinking helps.") == []
    assert [h.start for h in lexicon.find("Creative grew. Sales at Creative rose.")] == [0, 24]


def test_an_ordinary_word_is_a_name_when_the_text_names_its_products():
    lexicon = Lexicon(
        {"companies": {"Creative": []}, "products": {"Creative Zen": {"owner": "Creative"}}, "ambiguous": ["Creative"]}
    )
    assert [h.known.name for h in lexicon.find("Creative grew. It sold the Creative Zen.")] == [
        "Creative",
        "Creative Zen",
    ]


def test_products_are_found_in_the_plural_and_stand_for_their_owner():
    lexicon = Lexicon({"companies": {"Apple": []}, "products": {"iPod": {"owner": "Apple"}}})
    [hit] = lexicon.find("It sold ten million iPods.")
    assert hit.known.company == "Apple"


# -- sentences that stand alone ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "balanced"),
    [
        ("Our deal brings the cloud to gamers.\u201d", "\u201cOur deal brings the cloud to gamers.\u201d"),
        ("\u201cFor years, we have been partners.", "\u201cFor years, we have been partners.\u201d"),
        ("He called it \u201ca good move\u201d for both.", "He called it \u201ca good move\u201d for both."),
        ('It works," he said.', '"It works," he said.'),
        ('"It works, and it ships today.', '"It works, and it ships today."'),
        ("No quotation here.", "No quotation here."),
    ],
)
def test_a_sentence_from_inside_a_quotation_gets_its_missing_mark(sentence, balanced):
    assert balance_quotes(sentence) == balanced


def test_evidence_and_sentences_inside_a_quotation_read_as_quotations():
    text = article(
        "\u201cWe have worked with Intel for years. Today Intel and AMD are rivals, and we partner with both.\u201d",
        "Tim Lee, chief executive of Acme, said so on Monday.",
    )
    ex = extract(text)
    assert [s.text for s in ex.sentences][:2] == [
        "\u201cWe have worked with Intel for years.\u201d",
        "\u201cToday Intel and AMD are rivals, and we partner with both.\u201d",
    ]
    [rivalry] = [r for r in ex.relations if r.type == "competes"]
    assert rivalry.evidence == ex.sentences[1].text
