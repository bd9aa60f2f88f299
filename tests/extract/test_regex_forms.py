"""Patterns written to open with a character (for the speed of re's scan) match what the plain
form of the same pattern matches, on text that tries their edges."""

import re

import pytest

from bot.extract.patterns import FromWordStarts, words_at_word_start
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
