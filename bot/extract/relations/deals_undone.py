"""Deals undone: whether a sentence tells of a purchase blocked, abandoned, refused or undone.

:func:`not_done` makes a sentence state no purchase; :func:`undoing` names the companies whose
purchases, agreed in other sentences of the article, it undoes. A word of failure that describes
a company ("the acquisition of collapsed Imperial Bank"), a power or an attempt to undo ("has no
power to block"), and offers refused before the one taken undo nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.extract.patterns import CaseBlind
from bot.extract.relations.cues import DEAL_WORD, HYPOTHETICAL, NOT_DONE, UNDONE
from bot.extract.relations.purchase_words import DEAL_WITH, MORE_DEAL_WORD, MORE_UNDONE

if TYPE_CHECKING:
    from bot.extract.relations.purchase_sides import Named


def not_done(sentence: str, named: list[Named]) -> bool:
    """Whether the sentence tells of a deal blocked, abandoned or refused; a word of failure
    that describes a company ("the acquisition of collapsed Imperial Bank") tells of none."""
    starts = {n.start for n in named}
    words = [*NOT_DONE.finditer(sentence), *_MORE_UNDONE_FOUND.finditer(sentence)]
    return any(not _describes(sentence, m, starts) and not _only_possible(sentence, m) for m in words)


def _only_possible(sentence: str, word: re.Match) -> bool:
    """Whether a word of failure is only a possibility ("scrutiny that might derail the deal",
    "regulators could block it", "a deal that may yet be blocked"): the deal stands."""
    return _POSSIBLE_BEFORE.search(sentence, max(0, word.start() - 40), word.start()) is not None


_POSSIBLE_BEFORE = re.compile(
    r"\b(?:could|might|may|can)\s+(?:(?:still|yet|also|potentially|ultimately|even)\s+)?(?:be\s+)?\Z"
)


# the words of failure tried only where one's beginning stands in the lowered sentence
_MORE_UNDONE_FOUND = CaseBlind(MORE_UNDONE)
_DESCRIBING = re.compile(r"\s+(?:[a-z][\w-]*+\s+)?")
_DEAL_NOUN = re.compile(r"\b(?:deal|takeover|acquisition|merger|bid|offer|purchase|buyout|tie-up|combination)\b", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:of|the|a|an|its|their|by|from|with|for|to)\s+$", re.IGNORECASE)


def undoing(sentence: str, mentions: list[tuple[int, str]]) -> set[str] | None:
    """The companies whose pending purchases a sentence undoes (``mentions``: where each
    company stands, in order), or None where it tells of no deal blocked, abandoned or refused.
    Where it names the company the deal was with ("Versum terminated its merger agreement with
    Entegris"), only deals with that one; else every company it names (all, where it names
    none: "regulators blocked the deal"). A word of failure that describes a company ("the
    acquisition of collapsed Imperial Bank") undoes nothing."""
    lowered = sentence.lower()
    if not any(stem in lowered for stem in _DEAL_STEMS) or not (
        DEAL_WORD.search(sentence) or MORE_DEAL_WORD.search(sentence)
    ):
        return None
    starts = dict(mentions)
    words = [*UNDONE.finditer(sentence), *_MORE_UNDONE_FOUND.finditer(sentence)]
    undone = [m for m in words if not _describes(sentence, m, starts) and not _tried_or_before(sentence, m)]
    # (a condition, "if it terminates the deal", undoes nothing; the month of May is no "may")
    conditional = any(m.group(0) != "May" or m.start() == 0 for m in HYPOTHETICAL.finditer(sentence))
    if not undone or conditional:
        return None
    parties = {starts[m.end()] for m in DEAL_WITH.finditer(sentence) if m.end() in starts}
    return parties or {company for _at, company in mentions}


# the starts of cues.DEAL_WORD's words: a plain search first, the pattern only where one stands
_DEAL_STEMS = ("deal", "merger", "takeover", "acquisition", "bid", "offer", "combination", "transaction", "purchase",
               "buyout", "sale", "agreement", "approach", "talks", "pursuit", "arrangement")  # fmt: skip


def _tried_or_before(sentence: str, word: re.Match) -> bool:
    """Whether a word of failure only tells of a power or an attempt to undo ("has no power to
    block the merger", "sued to block", "threatened to scrap"), or of offers refused before the
    one taken ("had repeatedly rejected offers", "after initially rejecting", "rejected an earlier
    offer"): no deal undone."""
    before = sentence[max(0, word.start() - 40) : word.start()]
    if _TRIED_BEFORE.search(before):
        return True
    refused = _REFUSAL.match(word.group(0)) is not None
    return refused and (
        _EARLIER_BEFORE.search(before) is not None
        or _EARLIER_AFTER.match(sentence, word.end()) is not None
        or _EARLIER_OFFER_BEFORE.search(sentence, max(0, word.start() - 100), word.start()) is not None
    )


_TRIED_BEFORE = re.compile(
    r"\b(?:power|powers|right|ability|attempts?|bid|efforts?|seeks?|sought|seeking|tr(?:y|ies|ied|ying)|wants?|wanted"
    r"|threaten(?:s|ed)?|vow(?:s|ed)?|moved?|moves|sue[sd]?|suing|lawsuit|plans?|planned|asked|urged|calls?|called)"
    r"\s+to\s+\Z",
    re.IGNORECASE,
)
_REFUSAL = re.compile(r"(?:reject|rebuff|refus|turn)", re.IGNORECASE)
_EARLIER_AFTER = re.compile(
    r"\w*+(?:\s+down)?\s+(?:(?:(?:an|the|its|their|two|several)\s+)?(?:earlier|previous|initial|first|prior|lower"
    r"|original|several|multiple)|an?)\s+(?:[\w$.,-]+\s+){0,3}?(?:offers?|bids?|approach(?:es)?|proposals?)\b",
    re.IGNORECASE,
)
# the refusal told after the offer: "with an earlier $23bn bid rejected", "a previous offer from X was rejected"
_EARLIER_OFFER_BEFORE = re.compile(
    r"\b(?:an?|the|its|their)\s+(?:earlier|previous|initial|first|prior|lower|original)\s+(?:[\w$.,-]+\s+){0,3}?"
    r"(?:offers?|bids?|approach(?:es)?|proposals?)(?:\s+(?:from|by)\s+[^,;]{1,40}?)?"
    r"\s+(?:(?:was|were|had\s+been|has\s+been|been|being|is)\s+)?(?:\w+ly\s+)?\Z",
    re.IGNORECASE,
)
_EARLIER_BEFORE = re.compile(
    r"\b(?:had|having|after|initially|previously|earlier|first|once)\s+(?:(?:repeatedly|initially|previously|earlier"
    r"|already|twice|first)\s+)?\Z",
    re.IGNORECASE,
)


def _describes(sentence: str, word: re.Match, starts) -> bool:
    """Whether a word of failure stands as an adjective before a company's name."""
    name = _DESCRIBING.match(sentence, word.end())
    adjective = _DETERMINER_BEFORE.search(sentence, max(0, word.start() - 8), word.start())
    if not (adjective and name and name.end() in starts):
        return False
    return not _DEAL_NOUN.search(sentence, name.end(), name.end() + 50)  # "the failed Y takeover": the deal's
