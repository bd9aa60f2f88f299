"""Quotations and who said them.

- :mod:`.spans`: the quoted stretches of each paragraph;
- :mod:`.events`: where the article names people and reports them speaking;
- :mod:`.speakers`: who an attribution's words name;
- :mod:`.attribution`: which words attribute each quotation;
- :mod:`.words`: the word lists all of them read.
"""

from __future__ import annotations

import bisect

from bot.extract.people import People, people_from_appositions, people_from_captions
from bot.extract.quotes.attribution import Found, attribute
from bot.extract.quotes.events import Events
from bot.extract.quotes.spans import Span, find_spans, spans_of
from bot.extract.quotes.speakers import Speakers
from bot.extract.text import Layout

__all__ = ["Found", "Span", "find_quotes", "find_spans"]


def find_quotes(
    doc: Layout, companies_in, last_company, company_names: dict[str, str], sentence_starts: list[int]
) -> tuple[list[Found], People]:
    """Every quotation of ``doc`` with its speaker, and the people the article names.

    ``companies_in(text)`` gives the ``(start, company)`` of each company a text names;
    ``last_company(position)`` the company named last before a body position;
    ``company_names`` how the body names companies, each surface with its company (no person's name);
    ``sentence_starts`` where each body sentence starts."""
    people = People()
    people_from_captions(doc.captions, people, companies_in)
    people_from_appositions(doc.body, people, companies_in)
    spans = spans_of([(p.index, p.text) for p in doc.paragraphs])
    quoted = [p for p, found in zip(doc.paragraphs, spans, strict=True) if found]
    if not quoted:
        return [], people
    until = quoted[-1].offset + len(quoted[-1].text)
    # a sentence's subject counts for the quotations of its paragraph and the few after it: the
    # sentences farther from any quotation are not read for them
    near = {p.index + k for p in quoted for k in range(-_REACH, 1)}
    starts = [p.offset for p in doc.paragraphs if p.index in near]
    ends = [p.offset + len(p.text) for p in doc.paragraphs if p.index in near]
    sentence_starts = [s for s in sentence_starts if _within(s, starts, ends)]
    speakers = Speakers(people, companies_in, last_company, doc.body, company_names)
    speakers.sentence_starts = sentence_starts
    speakers.quoted = [
        (p.offset + s.start, p.offset + s.end) for p, found in zip(doc.paragraphs, spans, strict=True) for s in found
    ]
    events = Events(doc.body, people, company_names, sentence_starts, until)
    return attribute(spans, doc.paragraphs, doc.attributions, speakers, events), people


_REACH = 3  # paragraphs before a quotation whose sentences' subjects are read for it


def _within(position: int, starts: list[int], ends: list[int]) -> bool:
    i = bisect.bisect_right(starts, position) - 1
    return i >= 0 and position <= ends[i]
