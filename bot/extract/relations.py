"""Competition and partnership between companies, with the sentence that states it.

A relation needs a cue in the sentence (the words of rivalry or cooperation) and companies on
the sides the cue joins; products stand for their owners. Two companies merely named in one
sentence are not related.
"""

from __future__ import annotations

import re
from itertools import combinations

COMPETES = re.compile(
    r"\b(?:rival(?:s|ry|ries|led|ling)?|compet(?:e|es|ed|ing|ition|itor|itors|itive)|battl(?:e|es|ing)|war(?:s)?"
    r"|tak(?:e|es|ing) on|took on|challeng(?:e|es|er|ers|ing)|versus|vs\.?|fight(?:s|ing)? for|fought"
    r"|answer to|alternative(?:s)? to|market share|trail(?:s|ing)? (?:behind )?|lead over|head-to-head"
    r"|go(?:es)? up against|going up against|up against|catch up with|overtak(?:e|es|en|ing)|outsell(?:s|ing)?"
    r"|eat into|steal(?:ing)? (?:customers|market)|threat to)\b",
    re.IGNORECASE,
)
PARTNERS = re.compile(
    r"\b(?:partner(?:s|ed|ing|ship|ships)?|alliance|allied|joint(?:ly)? (?:venture|development|project|bid|effort)"
    r"|co-?production|co-?develop(?:ed|ing|ment)?|collaborat(?:e|es|ed|ing|ion)|team(?:s|ed|ing)? up"
    r"|memorandum of understanding|agree(?:d|ment|ments)? (?:with|to work|to develop|to supply|to license)"
    r"|deal (?:with|to)|licen[cs](?:e|ing) (?:deal|agreement)|supply (?:deal|agreement)"
    r"|sign(?:ed|s)? (?:a |an )?(?:deal|agreement|contract)"
    r"|work(?:s|ed|ing)? (?:together|with|alongside)|join(?:s|ed)? forces|backed by|in conjunction with"
    r"|developed by \S+(?: \S+)? and (?:launched|sold|marketed|distributed) by)\b",
    re.IGNORECASE,
)
NOT_PARTNERS = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|acquisition|buy(?:s|ing)?|bought|takeover|take over|took over|merg(?:e|er|ed)"
    r"|su(?:e|es|ed|ing)|lawsuit|court|legal action|break(?:s|ing)? up|ended"
    r"|end(?:s|ing)? (?:its|the|their) (?:deal|partnership))\b",
    re.IGNORECASE,
)
LIST_CUE = re.compile(r"\b(?:competitors|rivals|challengers)\s+(?:like|such as|including|from)\b", re.IGNORECASE)
BETWEEN = re.compile(r"(?:(?:is|was|are|were|has been)\s+)?(?:going on\s+)?between\b", re.IGNORECASE)


def relations_in(sentence: str, mentions: list[tuple[int, str]], anchor: str | None) -> list[tuple[str, str, str]]:
    """``(type, a, b)`` relations one sentence states; ``mentions`` are (position, company).

    ``anchor`` is the company the article is mostly about, for "competitors like X" with
    nobody else named.
    """
    companies = _distinct(mentions)
    found: list[tuple[str, str, str]] = []
    for kind, cue in (("competes", COMPETES), ("partners", PARTNERS)):
        if kind == "partners" and NOT_PARTNERS.search(sentence):
            continue
        for m in cue.finditer(sentence):
            for a, b in _pairs(sentence, m, mentions, companies, anchor if kind == "competes" else None):
                if a != b:
                    found.append((kind, a, b))
    unique: dict[tuple[str, frozenset], tuple[str, str, str]] = {}
    for kind, a, b in found:
        unique.setdefault((kind, frozenset((a, b))), (kind, a, b))
    return list(unique.values())


def _distinct(mentions: list[tuple[int, str]]) -> list[str]:
    return list(dict.fromkeys(c for _p, c in mentions))


def _pairs(sentence, cue, mentions, companies, anchor):
    left = _distinct([(p, c) for p, c in mentions if p < cue.start()])
    right = _distinct([(p, c) for p, c in mentions if p >= cue.end()])
    between = BETWEEN.match(sentence, cue.end() + 1) if cue.end() < len(sentence) else None
    if between:
        after = _distinct([(p, c) for p, c in mentions if p > between.start()])
        if len(after) >= 2:
            return list(combinations(after[:3], 2))
    if LIST_CUE.match(sentence, cue.start()) or LIST_CUE.search(sentence[max(0, cue.start() - 2) : cue.end() + 12]):
        subject = left[0] if left else anchor
        return [(subject, c) for c in right if subject] if right else []
    if left and right:
        subject = left[0]
        return [(subject, c) for c in right[:3]]
    if len(left) >= 2 and len(left) <= 3 and _joined(sentence, mentions, cue.start()):
        return list(combinations(left, 2))
    if len(right) >= 2 and len(right) <= 3 and _joined(sentence, mentions, len(sentence)):
        return list(combinations(right, 2))
    return []


def _joined(sentence: str, mentions, limit: int) -> bool:
    """Companies listed together ("X and Y", "X, Y and Z") rather than scattered."""
    positions = sorted(p for p, _c in mentions if p < limit)
    if len(positions) < 2:
        return False
    stretch = sentence[positions[0] : positions[-1]]
    return len(stretch) < 60 and bool(re.search(r"\band\b|&|,|/", stretch))
