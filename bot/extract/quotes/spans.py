"""Quoted stretches of a paragraph: text inside double quotation marks, four words or more.

News style lets a quotation run over several paragraphs, opening each and closing only the
last; the BBC's texts also run paragraphs together, so a new opening mark inside an open
quotation ends the one before. Each such stretch is a quotation of its own, by the same
speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_WORDS = 4
OPEN_MARKS = "\u201c"
CLOSE_MARKS = "\u201d"
ALL_MARKS = '"\u201c\u201d'
_WORDS = re.compile(r"[\w'\u2019-]+")


@dataclass
class Span:
    paragraph: int
    start: int  # first character inside the marks
    end: int  # the closing mark (or where the quotation stops)
    closed: bool  # ended by its own closing mark
    text: str


def find_spans(paragraph: int, text: str) -> list[Span]:
    """The quoted stretches of one paragraph (see the module's docstring)."""
    spans: list[Span] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch not in ALL_MARKS:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch in OPEN_MARKS:
            opening = True
        elif ch in CLOSE_MARKS:
            opening = False
        elif before.isspace() or before in "([{\u2014\u2013-/":
            opening = not (opened is not None and (after.isspace() or after in ".,;:!?)"))
        elif after.isspace() or after in ".,;:!?)]\u2014\u2013-" or i + 1 == len(text):
            opening = False
        else:
            opening = opened is None
        if opening:
            if opened is not None:  # the quotation before ran on without a closing mark
                spans.append(_span(paragraph, text, opened + 1, i, closed=False))
            opened = i
        elif opened is not None:
            spans.append(_span(paragraph, text, opened + 1, i, closed=True))
            opened = None
    if opened is not None:
        spans.append(_span(paragraph, text, opened + 1, len(text), closed=False))
    return [s for s in spans if len(_WORDS.findall(s.text)) >= MIN_WORDS and not _is_term(text, s)]


_TERM_INTRO = re.compile(
    r"\b(?:of|as|called|dubbed|named|so-called|term|phrase|word|words|label|slogan|motto|title|the|an?)\s*$",
    re.IGNORECASE,
)


def _is_term(text: str, span: Span) -> bool:
    """A short phrase in marks inside a sentence, named rather than said: 'an assessment of "who
    needs what and where"', 'to make podcasting "the Next Big Thing"'."""
    words = span.text.split()
    if len(words) > 5 or span.text.rstrip()[-1:] in ".!?,":
        return False
    before = text[: span.start - 1]
    titled = sum(w[:1].isupper() for w in words[1:]) >= 2
    return titled or bool(_TERM_INTRO.search(before[-20:]))


def _span(paragraph: int, text: str, start: int, end: int, *, closed: bool) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(paragraph, start, end, closed, text[start:end])
