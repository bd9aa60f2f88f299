"""Patterns written to open with a character (for the speed of re's scan) match what the plain
form of the same pattern matches, on text that tries their edges."""

import re

import pytest

from bot.extract.patterns import CaseBlind, FromLiterals, FromWordStarts, literal_starts, words_at_word_start
from bot.extract.people import NAME, UPPER

TEXTS = [
    "which as and but that",
    "was has bask a as-is _as 9as Which as, (as) 'as' \u2019as",
    "whichever whom-ever when\nwhere\twhile after before because",
    "a b at an and-and and_and but",
    "",
]


@pytest.mark.parametrize("words", [["which", "as", "and", "but", "that"], ["a", "an", "and"], ["w", "whom", "b"]])
def test_words_at_word_start_match_as_with_a_word_boundary(words):
    plain = re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?!\w)")
    fast = re.compile(words_at_word_start(words) + r"(?!\w)")
    for text in TEXTS:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for pos in range(len(text)):
            assert bool(fast.match(text, pos)) == bool(plain.match(text, pos))


NAMED = [
    "Ben Wood, an analyst at Gartner, said. But Graham Cluley, a consultant at Sophos Ltd, agreed",
    "Jean-Claude Van Damme, actor, and Mary O'Neil, chief executive of Acme, said McDonald Jones, boss",
    "iPod Nano, a player; ÉLodie Émile Zola, writer, Łukasz Nowak, developer at X" + ", y" * 40,
    "A. B. Smith, the head of a firm with a name Ann Lee, director" + " Abc Def," * 30,
    "",
]


def test_from_capitals_finds_what_the_pattern_finds():
    plain = re.compile(rf"(?P<name>{NAME}),\s+(?P<rest>[^,;.]{{2,90}})")
    fast = FromWordStarts(plain, UPPER)
    for text in NAMED:
        for pos, end in ((0, len(text)), (5, len(text) // 2), (len(text) // 3, len(text))):
            found = [(m.span(), m.groupdict()) for m in fast.finditer(text, pos, end)]
            assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text, pos, end)]
            for lo in range(pos, end, 7):
                a, b = fast.search(text, lo, end), plain.search(text, lo, end)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
    assert [m.group("name") for m in fast.finditer(NAMED[0])] == ["Ben Wood", "Graham Cluley"]


CUED = [
    "Acme agreed to buy Globex. Initrode bought Hooli, and Hooli's rival, Vandelay, bought shares in Acme.",
    "re-buy Acme; abuy Acme; (buy Acme) buyout of Initrode\nbuying Globex Corp, buys Umbrella-Corp.",
    "rivalry rivals of Acme rival Acme Shares in Acme shares in Globex" + " rival Acme buy" * 20,
    "",
]


def test_from_literals_finds_what_the_pattern_finds():
    plain = re.compile(r"(?<![\w-])(?:buy(?:s|ing)?|bought|[Ss]hares\s+in|rival(?:s\s+of)?)[ ]+(?P<name>[A-Z][\w-]*)")
    fast = FromLiterals(plain)
    assert fast.starts == ("Shares", "bought", "buy ", "buying", "buys", "rival ", "rivals", "shares")
    for text in CUED:
        for pos, end in ((0, None), (5, len(text) // 2), (len(text) // 3, len(text) + 5)):
            found = [(m.span(), m.groupdict()) for m in fast.finditer(text, pos, end)]
            plain_found = plain.finditer(text, pos) if end is None else plain.finditer(text, pos, end)
            assert found == [(m.span(), m.groupdict()) for m in plain_found]
            first = fast.search(text, pos, end)
            plain_first = plain.search(text, pos) if end is None else plain.search(text, pos, end)
            assert (first and first.span()) == (plain_first and plain_first.span())
    assert [m.group("name") for m in fast.finditer(CUED[0])] == ["Globex", "Hooli", "Acme"]


@pytest.mark.parametrize("pattern", [r"[a-z]+ing", r"(?i:buy) X", r"(?:buy|\w+ed) X", r"x?", r"(?:a|)\w"], ids=str)
def test_literal_starts_none_where_a_match_may_open_otherwise(pattern):
    assert literal_starts(re.compile(pattern)) is None
    assert literal_starts(re.compile("buy", re.IGNORECASE)) is None
    assert [m.span() for m in FromLiterals(re.compile(pattern)).finditer("buying a Xb")] == [
        m.span() for m in re.finditer(pattern, "buying a Xb")
    ]


CASES = [
    "Acme RIVALS Globex; its Rivalry with Initrode. A Partnership With Hooli, a partner to Vandelay.",
    "unrivalled compe tition; Competing against Acme, competitors such as Globex, (compete) -rival",
    # where lowering is not re's case-blindness: scanned as before
    "R\u0130VAL Acme, r\u0131val Globex, partnerſhip with Hooli, \u212aompete",
    "\u00c9lan RIVAL \u00e9clat rival Acme" + " compete with Acme" * 20,
    "",
]


def test_case_blind_finds_what_the_pattern_finds():
    plain = re.compile(
        r"(?<!\w)(?:rival(?:s|ry)?|compet(?:e|ing|itors)|partner(?:ship)?[ ]+with|(?-i:Partner))\b", re.IGNORECASE
    )
    fast = CaseBlind(plain)
    assert literal_starts(plain, lowered=True) == ("compet", "partne", "rival")
    for text in CASES:
        for pos, end in ((0, None), (5, len(text) // 2), (len(text) // 3, len(text) + 5)):
            found = [(m.span(), m.group(0)) for m in fast.finditer(text, pos, end)]
            plain_found = plain.finditer(text, pos) if end is None else plain.finditer(text, pos, end)
            assert found == [(m.span(), m.group(0)) for m in plain_found]
            first = fast.search(text, pos, end)
            plain_first = plain.search(text, pos) if end is None else plain.search(text, pos, end)
            assert (first and first.span()) == (plain_first and plain_first.span())
    assert [m.group(0) for m in fast.finditer(CASES[0])] == ["RIVALS", "Rivalry", "Partnership With"]


@pytest.mark.parametrize("pattern", [r"[a-z]+ing", r"(?:buy|\w+ed) X", r"x?", "\u00e9clat"], ids=str)
def test_case_blind_scans_as_before_where_no_beginnings_can_be_read(pattern):
    compiled = re.compile(pattern, re.IGNORECASE)
    assert literal_starts(compiled, lowered=True) is None
    text = "Buying a X; \u00c9CLAT"
    assert [m.span() for m in CaseBlind(compiled).finditer(text)] == [m.span() for m in compiled.finditer(text)]
