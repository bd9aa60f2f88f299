"""Cutting an article into headline, paragraphs and sentences.

Lines that are photo captions or credits (``Image credit: ...``, a line of names marked
``(left)``) are set aside: they are not body sentences, but they may say who people are.
A short line that only names a person and their role, right after a quotation, is an
attribution line (the speaker of that quotation), not a sentence either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr inc corp ltd co plc vs etc no nos vol fig approx est dept gen gov
    sen rep rev hon capt col lt sgt jan feb mar apr jun jul aug sep sept oct nov dec mt ft u.s u.k e.g i.e
    a.m p.m al
    """.split()
)

_CAPTION = re.compile(
    r"\b(?:image|photo|picture|video)\s+(?:credit|courtesy|source)s?\s*:|^\s*(?:credit|source|caption)\s*:",
    re.IGNORECASE,
)
# "Kenichiro Yoshida, Sony CEO (left)": a caption, unless the line quotes someone ('"...," said
# Dana Pruitt (pictured)'; 'Dana Pruitt (pictured) said: "... [left open to the next paragraph]')
_PICTURED = re.compile(r"\((?:left|right|centre|center|pictured|above|below)\)", re.IGNORECASE)
_QUOTATION = re.compile(r'["\u201c][^"\u201c\u201d]{20,}(?:["\u201d]|$)')
# a sentence ends at . ! ? (optionally closed by a quote mark or bracket) before white space
# (the first mark, then the look-behind: a pattern that opens with a character is scanned for
# at C speed, from mark to mark)
_BOUNDARY = re.compile(
    r"""([.!?](?<![.!?].)[.!?]*+["'\u201d\u2019)\]]*+)(\s+)(?=["'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])"""
)


@dataclass
class Paragraph:
    index: int
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)  # character spans in text
    offset: int = 0  # where the paragraph starts in the body


@dataclass
class Layout:
    title: str
    body: str
    paragraphs: list[Paragraph]
    captions: list[str]
    attributions: dict[int, str]  # paragraph index of a quotation -> the attribution line after it


# Bounds on what one piece of text can be, far above what news writing has (the longest of 6,284
# sentences of news: 432 characters; of their paragraphs: 2,572; a headline is a line). Text with
# no sentence marks at all is cut at them, so that the cost of reading any one sentence or
# paragraph is bounded and the cost of an article grows with its length, whatever it holds.
MAX_SENTENCE = 1_000
MAX_PARAGRAPH = 5_000
MAX_TITLE = 300


def is_caption(line: str) -> bool:
    if len(line) > _LONGEST_CAPTION:
        return False
    low = line.lower()
    captioned = any(piece in low for piece in _CAPTION_PIECES) and _CAPTION.search(line)
    return bool(captioned) or bool(_PICTURED.search(line) and not _QUOTATION.search(line))


_LONGEST_CAPTION = 400  # a longer line that mentions an image credit is text
# a piece of each of _CAPTION's words, found by plain search before the pattern is tried (the
# pieces hold no letter that re's case-blind matching takes for another: i, s or k)
_CAPTION_PIECES = ("mage", "hoto", "ctur", "deo", "cred", "ource", "capt")


_LETTER = re.compile(r"[a-z]")
_DOTTED_LETTERS = re.compile(r"(?:[a-z]\.)+[a-z]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end(1)
        if m.group(1) == ".":
            # the word before the mark (an abbreviation is short: its last 40 characters will do)
            tail = text[max(start, m.start(1) - 40) : m.start(1)].split()
            last = tail[-1].lower().strip("(\"'\u201c") if tail else ""
            if last.rstrip(".") in ABBREVIATIONS or _LETTER.fullmatch(last) or _DOTTED_LETTERS.fullmatch(last):
                continue
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [piece for a, b in spans for piece in _pieces(text, a, b, MAX_SENTENCE)]


def _pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most ``limit`` characters, each cut after a space
    where there is one."""
    pieces = []
    while end - start > limit:
        cut = text.rfind(" ", start + 1, start + limit)
        cut = cut + 1 if cut > start else start + limit
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _paragraphs(line: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """One line of text as one paragraph, or several of whole sentences when it is longer than
    :data:`MAX_PARAGRAPH`; each with its sentences' spans."""
    spans = split_sentences(line)
    if len(line) <= MAX_PARAGRAPH:
        return [(line, spans)]
    found, group = [], []
    for a, b in spans:
        if group and b - group[0][0] > MAX_PARAGRAPH:
            found.append(group)
            group = []
        group.append((a, b))
    found.append(group)
    return [(line[g[0][0] : g[-1][1]], [(a - g[0][0], b - g[0][0]) for a, b in g]) for g in found if g]


def _looks_like_attribution(line: str) -> bool:
    """``Kenichiro Yoshida, Sony CEO``: a name, a comma, a few words; no sentence, no quote."""
    words = line.split()
    return (
        2 <= len(words) <= 12
        and "," in line
        and not re.search(r"[.!?]\s*$|[\"\u201c\u201d]", line.strip())
        and bool(re.match(r"[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-.]+){1,3}\s*,", line))
    )


def _quote_paragraph(line: str) -> bool:
    stripped = line.strip()
    return stripped[:1] in '"\u201c' and stripped[-1:] in '"\u201d.!?'


def layout(text: str) -> Layout:
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    title = lines[0] if lines else ""
    if len(title) > MAX_TITLE:
        # no headline: the first line is text; its first words stand as one, and all of it is body
        (a, b), *_ = _pieces(title, 0, len(title), MAX_TITLE)
        title = title[a:b].strip()
        lines.insert(1, lines[0])
    paragraphs: list[Paragraph] = []
    captions: list[str] = []
    attributions: dict[int, str] = {}
    for line in lines[1:]:
        if is_caption(line):
            captions.append(line)
            continue
        if paragraphs and _looks_like_attribution(line) and _quote_paragraph(paragraphs[-1].text):
            attributions[paragraphs[-1].index] = line
            continue
        for text, spans in _paragraphs(line):
            offset = paragraphs[-1].offset + len(paragraphs[-1].text) + 2 if paragraphs else 0
            paragraphs.append(Paragraph(len(paragraphs), text, spans, offset))
    body = "\n\n".join(p.text for p in paragraphs)
    return Layout(title, body, paragraphs, captions, attributions)


def balance_quotes(sentence: str) -> str:
    """A sentence cut from inside a quotation, with the marks it lacks restored, so that it
    reads as a quotation when it stands alone (as evidence, or in a summary):
    ``Our partnership ... customers.\u201d`` -> ``\u201cOur partnership ... customers.\u201d``."""
    depth = missing_open = 0
    curly = "\u201c" in sentence or "\u201d" in sentence
    for ch in sentence if curly else ():
        if ch == "\u201c":
            depth += 1
        elif ch == "\u201d":
            if depth:
                depth -= 1
            else:
                missing_open += 1
    sentence = "\u201c" * missing_open + sentence + "\u201d" * depth
    if sentence.count('"') % 2:
        i = sentence.index('"') if sentence.count('"') == 1 else sentence.rindex('"')
        opens = i == 0 or sentence[i - 1].isspace() or sentence[i - 1] in "([{\u2014\u2013"
        sentence = sentence + '"' if opens else '"' + sentence
    return sentence
