"""Quoted stretches of a paragraph: text inside double quotation marks, four words or more.

News style lets a quotation run over several paragraphs, opening each and closing only the
last; the BBC's texts also run paragraphs together, so a new opening mark inside an open
quotation ends the one before. Each such stretch is a quotation of its own, by the same
speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.people import person_in
from bot.extract.quotes.words import VERBS

MIN_WORDS = 4
OPEN_MARKS = "\u201c"
CLOSE_MARKS = "\u201d"
ALL_MARKS = '"\u201c\u201d'
_WORDS = re.compile(r"[\w'\u2019-]+")
# a quotation mark, or two single marks typed for a closing double one (each alternative opens
# with its character, so that re skips to the next mark at C speed)
_MARK = re.compile("\"|\u201c|\u201d|\u2019\u2019|''")


@dataclass
class Span:
    paragraph: int
    start: int  # first character inside the marks
    end: int  # the closing mark (or where the quotation stops)
    closed: bool  # ended by its own closing mark
    text: str


def find_spans(paragraph: int, text: str, *, carried: bool = False) -> list[Span]:
    """The quoted stretches of one paragraph (see the module's docstring). ``carried``: the
    paragraph goes on with a quotation that an earlier one opened and did not close."""
    spans: list[Span] = []
    opened: int | None = -1 if carried else None
    inner_end = -1
    for mark in _MARK.finditer(text):
        i, ch = mark.start(), mark.group(0)
        doubled = len(ch) == 2
        if i <= inner_end or (doubled and opened is None):
            continue
        if doubled:
            # '“... this wind farm,’’ Mr Geiger said': two single marks typed to close a double one
            # (they close one a double mark opened, and open none)
            ch = CLOSE_MARKS
        before = text[i - 1] if i else " "
        after = text[i + 1 + doubled] if i + 1 + doubled < len(text) else " "
        if ch in OPEN_MARKS:
            # '"It's unusual," said Larry Noble': an opening mark typed to close one
            opening = not (opened is not None and before in ",.!?" and (after.isspace() or i + 1 == len(text)))
        elif ch in CLOSE_MARKS:
            opening = False
        elif before.isspace() or before in "([{\u2014\u2013-/":
            opening = not (opened is not None and (after.isspace() or after in ".,;:!?)"))
        elif after.isspace() or after in ".,;:!?)]\u2014\u2013-" or i + 1 == len(text):
            opening = False
        else:
            opening = opened is None
        if opening and opened is not None and opened >= 0 and ch == '"' and text[opened] == '"':
            inner_end = _inner_quotation(text, i)
            if inner_end > i:
                continue  # 'Seven & i noted it is "seriously" considering our proposal," Couche-Tard said'
        if opening:
            if opened is not None:  # the quotation before ran on without a closing mark
                spans.append(_span(paragraph, text, opened + 1, i, closed=False))
            opened = i + doubled
        elif opened is not None:
            spans.append(_span(paragraph, text, opened + 1, i, closed=True))
            opened = None
        elif not spans and not carried and i == _first_mark(text) and _SAID_AFTER.match(text, i + 1 + doubled):
            # 'I am delighted the government was able to help,” said Skates.': copy that dropped
            # the opening mark of a paragraph's quotation, closed and attributed
            spans.append(_span(paragraph, text, 0, i, closed=True))
    if opened is not None:
        spans.append(_span(paragraph, text, opened + 1, len(text), closed=False))
    return [s for s in spans if len(_WORDS.findall(s.text)) >= MIN_WORDS and not _is_term(text, s)]


_TERM_INTRO = re.compile(
    r"\b(?:of|as|called|dubbed|named|so-called|term|phrase|word|words|label|slogan|motto|title|the|an?)\s*$",
    re.IGNORECASE,
)


# someone calling a thing something, in their words: "Bush referred to Rubio as", "calls the deal a"
_CALLED_AS = re.compile(
    r"(?<![\w-])(?:called|calls|call|calling|described|describes|describing|referred\s+to|refers\s+to)\s+"
    r"(?:[^\s.;:!?\"\u201c\u201d]++\s+){0,5}(?:as\s+)?(?:an?\s+|the\s+)?$"
)
_CALLED_REACH = 70


def _closes(text: str, i: int) -> bool:
    """A straight mark at ``i`` that ends a quotation: after a word, before a space, a stop or the end."""
    after = text[i + 1 : i + 2]
    return not text[i - 1 : i].isspace() and (not after or after.isspace() or after in ".,;:!?)")


def _inner_quotation(text: str, i: int) -> int:
    """Where a short quotation opened at ``i`` inside a straight-quoted one closes, when the outer
    one closes after it (``"... noted it is "seriously" considering our proposal," she said``); -1
    when the mark at ``i`` is rather a new quotation that ends the one before."""
    j = text.find('"', i + 1, i + 62)
    if j < 0 or not _closes(text, j):
        return -1
    k = text.find('"', j + 1)
    return j if k > j and _closes(text, k) else -1


def _is_term(text: str, span: Span) -> bool:
    """A short phrase in marks inside a sentence, named rather than said: 'an assessment of "who
    needs what and where"', 'to make podcasting "the Next Big Thing"'."""
    words = span.text.split()
    if len(words) > 5 or span.text.rstrip()[-1:] in ".!?,":
        return False
    before = text[: span.start - 1]
    titled = sum(w[:1].isupper() for w in words[1:]) >= 2
    if not titled and len(words) >= MIN_WORDS and _CALLED_AS.search(before[-_CALLED_REACH:]):
        return False  # "what it called "the most tangible intervention"": someone's words of it
    return titled or bool(_TERM_INTRO.search(before[-20:]))


def _span(paragraph: int, text: str, start: int, end: int, *, closed: bool) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(paragraph, start, end, closed, text[start:end])


def spans_of(paragraphs: list[tuple[int, str]]) -> list[list[Span]]:
    """The quoted stretches of each paragraph. A quotation left open at a paragraph's end goes on
    into the paragraphs after it that open no quotation of their own, when one of them, within
    three, ends it with a closing mark (sloppy copy drops the opening mark of each paragraph:
    '"As MTN, we ... markets. / To meet this demand, we ... / That said, ...," he said.')."""
    found: list[list[Span]] = []
    carried = 0  # how many paragraphs after this one the open quotation runs into
    for k, (index, text) in enumerate(paragraphs):
        spans = find_spans(index, text, carried=carried > 0)
        if carried and spans and spans[0].start == 0 and _names_someone(spans[0].text):
            spans = spans[1:]  # 'Dean Baker, Center for Economic Research."': who said it, not more words
        carried = max(0, carried - 1)
        if not carried and spans and not spans[-1].closed and spans[-1].end >= len(text.rstrip()):
            carried = _closed_within(paragraphs[k + 1 : k + 4])
        found.append(spans)
    return found


def _closed_within(paragraphs: list[tuple[int, str]]) -> int:
    """How many of ``paragraphs`` an open quotation runs into: up to the first whose first
    quotation mark closes one; 0 when one opens a quotation first, or none closes."""
    for n, (_index, text) in enumerate(paragraphs, 1):
        m = _FIRST_MARK.search(text)
        if m is None:
            continue
        mark, before, after = m.group(0), text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        if mark == CLOSE_MARKS or (mark == '"' and before.strip() and (not after or after in " .,;:!?)")):
            return n
        return 0
    return 0


_FIRST_MARK = re.compile(r'["\u201c\u201d]')
# a said-clause right after a closing mark: ', said Skates', ' Mr Skates said.'
_SAID_AFTER = re.compile(rf"[\s,]*(?:(?:[A-Z][\w.'\u2019-]*+|he|she|they|it|we)\s+){{0,4}}(?:also\s+)?{VERBS}\b")


def _first_mark(text: str) -> int:
    m = _FIRST_MARK.search(text)
    return m.start() if m else -1


def _names_someone(text: str) -> bool:
    """``Dean Baker, Center for Economic and Policy Research.``, ``Former NAACP president Ben
    Jealous.``: a short line that names a person (and their place), no sentence of a quotation."""
    words = text.split()
    if len(words) > 12:
        return False
    head = text.split(",")[0].strip(" .")
    found = person_in(head)
    return found is not None and head.endswith(found[0]) and " " in found[0]
