"""Patterns written to open with a character (for the speed of re's scan) match what the plain
form of the same pattern matches, on text that tries their edges."""

import re

import pytest

from bot.extract.patterns import words_at_word_start

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
