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
    r"\b(?:image|photo|picture|video)\s+(?:credit|courtesy|source)s?\s*:|^\s*(?:credit|source|caption)\s*:|\((?:left|right|centre|center|pictured|above|below)\)",
    re.IGNORECASE,
)
# a sentence ends at . ! ? (optionally closed by a quote mark or bracket) before white space
_BOUNDARY = re.compile(r"""([.!?]+["'\u201d\u2019)\]]*)(\s+)(?=["'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])""")


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


def is_caption(line: str) -> bool:
    return bool(_CAPTION.search(line))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end(1)
        word = re.search(r"(\S+)$", text[start : m.start(1)] + "")
        last = word.group(1).lower().strip("(\"'\u201c") if word else ""
        if m.group(1) == "." and (
            last.rstrip(".") in ABBREVIATIONS
            or re.fullmatch(r"[a-z]", last)
            or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last)
        ):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


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
        offset = paragraphs[-1].offset + len(paragraphs[-1].text) + 2 if paragraphs else 0
        paragraphs.append(Paragraph(len(paragraphs), line, split_sentences(line), offset))
    body = "\n\n".join(p.text for p in paragraphs)
    return Layout(title, body, paragraphs, captions, attributions)


def balance_quotes(sentence: str) -> str:
    """A sentence cut from inside a quotation, with the marks it lacks restored, so that it
    reads as a quotation when it stands alone (as evidence, or in a summary):
    ``Our partnership ... customers.\u201d`` -> ``\u201cOur partnership ... customers.\u201d``."""
    depth = missing_open = 0
    for ch in sentence:
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
