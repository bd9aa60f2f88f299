"""Competition and partnership between companies, with the sentence that states it.

A relation needs a cue in the sentence (the words of rivalry or cooperation) and companies on
the sides the cue joins; products stand for their owners. Two companies merely named in one
sentence are not related. Some cues point at the company the article is about (its
``anchor``): a newcomer "entering the market" competes with it, and so do the companies listed
right after a sentence that speaks of its rivals without naming them.
"""

from __future__ import annotations

import re
from itertools import combinations, pairwise

# a newcomer to a market competes with the company the article is about, its incumbent
ENTRY = (
    r"\b(?:enter(?:s|ed|ing)?|entry into|mov(?:e|es|ed|ing) into|break(?:s|ing)? into|push(?:es|ed|ing)? into)\s+"
    r"(?:the\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,3}?(?:market|business|sector|fray|race)\b"
    r"|\bjoin(?:s|ed|ing)? the (?:fray|race|battle)\b"
)
COMPETES = re.compile(
    r"\b(?:rival(?:s|ry|ries|led|ling)?|compet(?:e|es|ed|ing|ition|itor|itors|itive)|battl(?:e|es|ing)|war(?:s)?"
    r"|tak(?:e|es|ing) on|took on|challeng(?:e|es|er|ers|ing)|versus|vs\.?|fight(?:s|ing)? for|fought"
    r"|answer to|alternative(?:s)? to|market share|trail(?:s|ing)? (?:behind )?|lead over|head-to-head"
    r"|go(?:es)? up against|going up against|up against|catch up with|overtak(?:e|es|en|ing)|outsell(?:s|ing)?"
    r"|eat into|steal(?:ing)? (?:customers|market)|threat(?:s)? (?:to|from)|crown from|dethron(?:e|ed|ing))\b"
    rf"|{ENTRY}",
    re.IGNORECASE,
)
PARTNERS = re.compile(
    r"\b(?:partner(?:s|ed|ing|ship|ships)?|alliance|allied|joint(?:ly)? (?:venture|development|project|bid|effort)"
    r"|co-?production|co-?develop(?:ed|ing|ment)?|collaborat(?:e|es|ed|ing|ion)|team(?:s|ed|ing)? up"
    r"|memorandum of understanding|agree(?:d|ment|ments)? (?:with|to work|to develop|to supply|to license)"
    r"|deal (?:with|to)|licen[cs](?:e|ing) (?:deal|agreement)|supply (?:deal|agreement)"
    r"|sign(?:ed|s)? (?:a |an )?(?:deal|agreement|contract)"
    r"|work(?:s|ed|ing)? (?:together|with|alongside)|join(?:s|ed)? forces|backed by|in conjunction with"
    r"|developed by \S+(?: \S+)? and (?:launched|sold|marketed|distributed) by"
    r"|(?:survey|study|report|research|poll)(?: \w+){0,2} by)\b",
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


# ", said Jane Roe, an analyst at Gartner": who said it, not who the sentence is about
_TRAILING_ATTRIBUTION = re.compile(
    r"[,\"\u201d]\s*(?:said|says|added|adds|explained|explains|according to)\s+(?:Mr|Mrs|Ms|Dr|Prof)?\.?\s*[A-Z]"
)
_PRESS = re.compile(r"(?:told|telling|tells|said to|speaking to|according to)\s+(?:the\s+)?$", re.IGNORECASE)
_PRESS_AFTER = re.compile(r"\s+(?:News\s+)?(?:website|Online|programme|radio|News)\b")


def article_relations(texts: list[tuple[str, list[tuple[int, str]]]], anchor: str | None):
    """``(index, type, a, b)`` for each relation the sentences ``texts`` state, with their
    company mentions; ``index`` is the position in ``texts``.

    Beyond what each sentence states on its own: a sentence that speaks of rivals without
    naming them ("the threat from others was always present"), followed by one that lists
    companies, makes those companies rivals of the article's company.
    """
    found = []
    unnamed_rivals = False
    last_pair: tuple[str, str] | None = None
    for i, (text, mentions) in enumerate(texts):
        relations = relations_in(text, mentions, anchor)
        if not relations and last_pair is not None and {c for _p, c in mentions} <= set(last_pair):
            relations = _between_the_two(text, last_pair)
        found.extend((i, kind, a, b) for kind, a, b in relations)
        named = _distinct(sorted(mentions))
        if len(named) == 2:
            last_pair = (named[0], named[1])
        elif len(named) > 2:
            last_pair = None  # "the two firms" after three are named is anyone's guess
        if unnamed_rivals and anchor and not any(kind == "competes" for kind, _a, _b in relations):
            rivals = [c for c in listed(text, mentions) if c != anchor]
            if len(rivals) >= 2:
                found.extend((i, "competes", anchor, c) for c in rivals)
        unnamed_rivals = bool(anchor) and not {c for _p, c in mentions} - {anchor} and bool(COMPETES.search(text))
    return found


# "the two companies", "both firms", "the two tech giants": the pair named together last
THE_TWO = re.compile(
    r"\b(?:the two|both)\s+(?:[\w-]+\s+)?(?:companies|firms|giants|groups|businesses|manufacturers|makers)\b",
    re.IGNORECASE,
)


def _between_the_two(sentence: str, pair: tuple[str, str]) -> list[tuple[str, str, str]]:
    """Relations a sentence states of "the two companies" it does not name again ("The two
    tech giants signed the memorandum"; "the two companies have also been competing"): they
    are the two companies the article last named together."""
    if not THE_TWO.search(sentence):
        return []
    found = []
    if COMPETES.search(sentence):
        found.append(("competes", *pair))
    if PARTNERS.search(sentence) and not NOT_PARTNERS.search(sentence):
        found.append(("partners", *pair))
    return found


def relations_in(sentence: str, mentions: list[tuple[int, str]], anchor: str | None) -> list[tuple[str, str, str]]:
    """``(type, a, b)`` relations one sentence states; ``mentions`` are (position, company),
    products already standing for their owners.

    ``anchor`` is the company the article is mostly about, for "competitors like X" with
    nobody else named. A company named only as the press someone spoke to ("told the BBC
    News website") or in a trailing attribution (", said X of Gartner") is a source, not a party.
    """
    attribution = _TRAILING_ATTRIBUTION.search(sentence)
    cut = attribution.start() if attribution else len(sentence)
    mentions = [(p, c) for p, c in mentions if p < cut and not _press(sentence, p, c)]
    if not mentions:
        return []
    companies = _distinct(mentions)
    found: list[tuple[str, str, str]] = [("partners", a, b) for a, b in _fellow_partners(sentence, mentions)]
    for kind, cue in (("competes", COMPETES), ("partners", PARTNERS)):
        if kind == "partners" and NOT_PARTNERS.search(sentence):
            continue
        for m in cue.finditer(sentence):
            if m.start() and sentence[m.start() - 1] == "-":
                continue  # "Microsoft-partnered devices": a description, not a statement about two parties
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
    if anchor and re.fullmatch(ENTRY, cue.group(0), re.IGNORECASE):
        return [(anchor, c) for c in companies if c != anchor]
    left = _distinct([(p, c) for p, c in mentions if p < cue.end() and not p >= cue.end()])
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
        subjects = left if _joined(sentence, mentions, cue.start()) else left[:1]
        return [(subject, c) for subject in subjects for c in right[:3]]
    if len(left) >= 2 and len(left) <= 3 and _joined(sentence, mentions, cue.start()):
        return list(combinations(left, 2))
    if (
        right
        and not left
        and kind_symmetric(cue.group(0))
        and len(right) <= 3
        and _joined(sentence, mentions, len(sentence))
    ):
        return list(combinations(right, 2))  # "a survey by X and Y", "rivalry of X and Y"
    if right and not left and anchor and anchor not in right:
        return [(anchor, c) for c in right[:3]]  # "it faces rivalry from firms such as X and Y"
    return []


def kind_symmetric(cue: str) -> bool:
    """Cues that name a joint act of the companies after them, rather than a rival to someone."""
    return bool(
        re.match(r"(?:survey|study|report|research|poll|developed by|co-?production|joint|alliance)", cue, re.I)
    )


def _joined(sentence: str, mentions, limit: int) -> bool:
    """Companies listed together ("X and Y", "X, Y and Apple's Z") rather than scattered."""
    positions = sorted(p for p, _c in mentions if p < limit)
    if len(positions) < 2:
        return False
    for here, there in pairwise(positions):
        gap = re.sub(r"^[\w&.\-]+(?:\s+[A-Z][\w&.\-]*)*(?:['\u2019]s)?", "", sentence[here:there])
        if not re.fullmatch(r"\s*(?:,|and|&|or|/|,\s*and)?\s*", gap):
            return False
    return True


def _press(sentence: str, position: int, company: str) -> bool:
    return bool(_PRESS.search(sentence[max(0, position - 20) : position])) or bool(
        _PRESS_AFTER.match(sentence, position + len(company))
    )


_NAME_AT = re.compile(r"[\w&.+]+(?:\s+[A-Z][\w&.+]*)*")
_OTHER = re.compile(r"\s*(?:,|and|or|,\s*and)?\s*other\s+")
_PARTNERED = re.compile(r"(?:-|\s+)(?:partner(?:s|ed)?|licensees?|allies|backed)\b", re.IGNORECASE)


def _fellow_partners(sentence: str, mentions: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """``Dell and other Microsoft partners``, ``Creative, other Microsoft-partnered devices``:
    the first is one of the second's partners."""
    found = []
    for (p, a), (q, b) in pairwise(mentions):
        name = _NAME_AT.match(sentence, p)
        after = _NAME_AT.match(sentence, q)
        if (
            name
            and after
            and _OTHER.fullmatch(sentence, name.end(), q)
            and _PARTNERED.match(sentence, after.end())
            and a != b
        ):
            found.append((a, b))
    return found


def listed(sentence: str, mentions: list[tuple[int, str]]) -> list[str]:
    """The companies of the longest list in a sentence ("Creative, Real, Sony and so on")."""
    best: list[str] = []
    run: list[str] = []
    ordered = sorted(mentions)
    for i, (p, c) in enumerate(ordered):
        if run and not _list_gap(sentence, ordered[i - 1][0], p):
            best, run = max(best, run, key=len), []
        run.append(c)
    best = max(best, run, key=len)
    return _distinct([(0, c) for c in best])


def _list_gap(sentence: str, here: int, there: int) -> bool:
    name = _NAME_AT.match(sentence, here)
    gap = sentence[name.end() if name else here : there]
    gap = re.sub(r"^-[\w-]+", "", gap)
    return bool(re.search(r",|\band\b|\bor\b", gap)) and len(gap.split()) <= 3
