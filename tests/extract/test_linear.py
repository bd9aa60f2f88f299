"""Extraction's cost grows with the length of its input, whatever the input holds.

Any Slack user, feed entry or file can hand the extractor text, so no text may make it slow:
a pattern that backtracks, or a loop that reads the whole article again for each sentence,
would let one message stall the bot. Each case is measured against itself (the same text four
times as long must cost about four times as much, not sixteen) and against prose of the same
length (a kilobyte of anything costs at most a few kilobytes of news). Costs are CPU time of
this process, each the least of a few runs: ratios within one run, never a wall-clock bound.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.extract import companies, extract, lexicon
from bot.extract.quotes import attribution
from bot.extract.relations import pairs

SEED = next(Path(__file__).resolve().parents[2].joinpath("seeds").glob("*.txt")).read_text(encoding="utf-8")
PROSE = "\n".join(SEED.split("\n")[1:])  # the seed's body, paragraph by paragraph

SMALL, LARGE = 4_000, 16_000  # characters; LARGE is 4 x SMALL
GROWTH = 8.0  # linear cost grows 4x from SMALL to LARGE; quadratic 16x
PER_KB = 10.0  # a kilobyte of anything costs at most this many of prose
SLACK = 0.03  # seconds of noise allowed on top of each bound


def forget() -> None:
    """Drop what extraction remembers of texts it has read, so each run reads anew."""
    for cached in (lexicon.Lexicon._scan, pairs._competes, pairs._partners, pairs._not_partners, pairs.has_cue_stem):
        cached.cache_clear()
    pairs._attribution_at.cache_clear()
    attribution.mask_abbreviations.cache_clear()
    companies.lower_words.cache_clear()


def cost(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        forget()
        start = time.process_time()
        extract("Headline\n" + text)
        best = min(best, time.process_time() - start)
    return best


def fill(unit: str, size: int) -> str:
    return (unit * (size // max(1, len(unit)) + 1))[:size]


_prose_cost: dict[int, float] = {}


def prose(size: int) -> float:
    if size not in _prose_cost:
        _prose_cost[size] = cost(fill(PROSE + "\n", size))
    return _prose_cost[size]


def assert_linear(unit: str) -> None:
    small, large = cost(fill(unit, SMALL)), cost(fill(unit, LARGE))
    assert large <= GROWTH * small + SLACK, f"{LARGE} chars cost {large:.3f}s, {SMALL} chars {small:.3f}s"
    assert large <= PER_KB * prose(LARGE) + SLACK, f"{large:.3f}s against {prose(LARGE):.3f}s for prose"


# text shaped to make a careless pattern or loop work hard: runs of one kind of character,
# of capitalised words, of initials and abbreviations, of quotations and attributions
CASES = {
    "capitals": "A",
    "acronyms": "NASDAQ",
    "capitalised words": "Abc ",
    "capitalised words, commas": "Abc, ",
    "capitalised words, and": "Abc and ",
    "words run together": "AbcDef",
    "dots": ".",
    "initials": "A.",
    "initials spaced": "A. ",
    "middle initials": "Mr J. R. ",
    "abbreviations": "Abc. ",
    "exclamations": "!",
    "question marks": "?",
    "ellipses": "Sony... ",
    "hyphens": "-",
    "hyphenated capitals": "A-",
    "hyphenated words": "Abc-",
    "ampersands": "A&",
    "co-": "co-",
    "Mc": "Mc",
    "O'": "O'",
    "possessives": "Abc's ",
    "straight quotes": '"',
    "straight quotes spaced": '" ',
    "curly quotes": "\u201c",
    "quotations": "\u201ca b c d e\u201d he said. ",
    "unattributed quotations": "\u201cword word word word\u201d ",
    "unclosed quotations": '"Word word word word.\n\n',
    "said": "said ",
    "said and a name": "said Bill Gates, ",
    "honorifics": "Mr ",
    "role words": "chief ",
    "roles": "Abc CEO ",
    "spokesmen": "a spokesman for ",
    "according to": "according to ",
    "the firm": "the firm ",
    "legal suffixes": "Abc Inc ",
    "rivals": "rivals such as Abc, ",
    "partners": "partnership with Abc and ",
    "attributed to Mr": '"Word word word word," said Mr Abc. ',
    "attributed to the magazine": '"Word word word word," the magazine said. ',
    "attributed to the report": '"Word word word word," said the report. ',
    "attributed to a spokesman": '"Word word word word," a spokesman for Pew said. ',
    "attributed to an agency": '"Word word word word," an agency statement said. ',
    "pronouns": '"Word word word word," he said.\n\n',
    "short lines": "Sony said.\n",
    "blank lines": "\n\n",
    "tabs": "Sony\t",
    "spaces": " ",
    "brackets": "(Abc) ",
    "digits": "1.",
    "dashes": "\u2014",
    "mixed scripts": "a\u00c0\u0436\u0416\u6f22\u5b57\uff8a\u00b0'\"\u201c\u201d\u2018\u2019.-\u2014, AB\n",
    "prose in one line": " ".join(PROSE.split("\n")) + " ",
}


@pytest.mark.parametrize("unit", list(CASES.values()), ids=list(CASES))
def test_cost_is_linear(unit):
    assert_linear(unit)


TOKENS = [
    *("Abc", "ABC", "A", "A.", "J.", "Mr", "Mr.", "Dr", "Sony", "Microsoft", "Gates", "Bill", "Inc", "Corp", "CEO"),
    *("said", "says", "told", "added", "according to", "the", "a", "firm", "company", "spokesman", "report"),
    *("rival", "rivals", "compete", "partner", "partnership", "deal", "with", "and", "or", "of", "for", "such as"),
    *(",", ".", "...", "!", "?", ";", ":", "-", "\u2014", "'s", "\u2019s", '"', "\u201c", "\u201d", "'", "(", ")"),
    *(" ", "  ", "\n", "\n\n", "\t", "\u6f22\u5b57", "\u00dcn\u00efc\u00f6d\u00e9", "1", "2024", "co-", "Mc", "O'"),
]


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), min_size=3, max_size=30), st.sampled_from(["", " "]))
def test_cost_is_linear_for_any_text(tokens, separator):
    assert_linear(separator.join(tokens) + separator)


def test_one_long_line_costs_what_its_pieces_cost():
    """5 MB in one line (no paragraph, no sentence mark for long stretches) costs per kilobyte
    what 100 KB of the same text costs."""
    unit = "The model number is " + "A" * 300 + " and " + "Abc " * 40 + '"said Mr Abc, ' + "." * 50 + " "
    piece, whole = fill(unit, 100_000), fill(unit, 5_000_000)
    assert cost(whole, runs=1) <= 2 * 50 * cost(piece) + SLACK
