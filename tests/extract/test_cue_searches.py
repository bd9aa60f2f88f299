"""The sentence tests asked in the faster form (a reference word at word starts only, the
purchase stems in one search) answer what the plain form answers, on text that tries their edges."""

import importlib

from bot.extract.relations.cues import ACQUISITION_STEM
from bot.extract.relations.purchase_words import MORE_STEMS
from bot.extract.relations.referents import _REFERENCE, _REFERENCE_WORD

acquisitions = importlib.import_module("bot.extract.relations.acquisitions")

SENTENCES = [
    "The two companies said they would merge, and the firm's rivals were unmoved.",
    "Twofold gains at Orvane; the startups and start-ups, the chipmaker and its carmakers agreed.",
    "Competitors of Kestrel say Rivalry is no rival's concern; competing both ways, They left.",
    "a pair_of duo-band threefold fourth group-wide xbank bank.",
    "Nothing here names a thing of that kind at all",
    "It was bought by Hooli; Globex agreed to pay $2bn, a sale of the unit to Initech.",
    "The deal for Vexa and the bid for Lumeo were completed, the new owner said.",
    "",
]


def test_the_reference_word_is_found_where_the_pattern_finds_it():
    for text in SENTENCES:
        for end in range(len(text) + 1):
            plain = _REFERENCE.search(text, 0, end)
            fast = _REFERENCE_WORD.search(text, 0, end)
            assert (fast and fast.span()) == (plain and plain.span())


def test_a_purchase_stem_is_found_where_either_search_finds_one():
    for text in SENTENCES:
        for start in range(len(text) + 1):
            lowered = text[start:].lower()
            before = ACQUISITION_STEM.search(lowered) is not None or any(s in lowered for s in MORE_STEMS)
            assert acquisitions._has_cue(lowered) == before
    assert acquisitions._has_cue("globex agreed to buy hooli")
    assert not acquisitions._has_cue("the weather was fine")
    assert acquisitions._has_cue("it acquired hooli")
