"""Companies a sentence names only by referring back to the sentences before it.

"Samsung and LG unveiled new televisions. The two have been rivals since the 1990s";
"Telefonica reported results. The deal saw the Spanish telco join forces with Huawei";
"Microsoft and Oracle launched a service. The companies are teaming up against Amazon".
A reference is resolved only where it is unambiguous: to the companies of the nearest sentence
before it (the headline too) that names any, with no company named in between nor earlier in
its own sentence. A singular reference ("the company", "the German automaker", "the
Seoul-based firm") needs that sentence to name one company, or to open with one that no other
joins; a plural one ("the two", "the pair", "both firms", "the companies", "they") needs two to
four there, as many as it counts, and where it names no kind of company ("the two", "they")
they must be named together ("X and Y"), not people's employers ("Tim Cook of Apple and ...").
The sentence is then read again with the names written in for the reference, by the same rules
as any sentence; what it states of a company so written in is kept.
"""

from __future__ import annotations

import re
from collections import deque
from copy import copy

from bot.extract.patterns import FromWordStarts, literal_starts
from bot.extract.relations.pairs import _relations_of, has_cue_stem, parties

# how far back a reference may reach: the sentence before, or the one before that when the
# sentence between names no company
REACH = 2
MOST_IN_GROUP = 4

# the kinds of company a description may name ("the German automaker", "the Seoul-based firm")
_KIND = (
    r"(?:company|firm|group|giant|maker|manufacturer|operator|provider|telco|carrier|lender|bank|chipmaker"
    r"|automaker|carmaker|retailer|grocer|airline|insurer|startup|start-up|streamer|broadcaster|conglomerate"
    r"|supermarket|brewer|miner|developer|publisher)"
)
_KINDS = (
    r"(?:companies|firms|groups|giants|makers|manufacturers|operators|providers|telcos|carriers|lenders|banks"
    r"|chipmakers|automakers|carmakers|retailers|grocers|airlines|insurers|startups|start-ups|streamers"
    r"|broadcasters|conglomerates|supermarkets|partners|rivals|businesses)"
)
# a description's words before its kind: "the German", "the Seoul-based", "the tech", "the US chip"
_DESCRIBED = r"(?:(?:[A-Z][\w.]*-based|[A-Z][a-z]+|[a-z][\w-]*)\s+){0,3}?"
# "the company" that is another: "the largest company", "the first firm", "the rival firm", "the combined
# company", "the parent company", "the central bank", "the company that makes ...", "the group of"
_NOT_BACK_BEFORE = re.compile(
    r"(?:est|first|only|last|next|same|other|new|former|world['\u2019]s|rival|competing|partner|combined|merged"
    r"|parent|holding|acquiring|acquired|target|central|national|state|federal|reserve|development)\s",
    re.IGNORECASE,
)
_NOT_BACK_AFTER = re.compile(r"\s+(?:that|which|who|whose|behind|of|in which|where|to be)\b")

ONE = re.compile(rf"\b[Tt]he\s+(?P<words>{_DESCRIBED}){_KIND}\b(?!-)")
# the words of a description after "the two": no verb ("the two have been rivals")
_DESCRIBING = (
    r"(?:(?!(?:have|has|had|are|were|is|was|will|would|can|could|also|now|said|say|signed|agreed|did|do)\b)"
    r"(?:[A-Z][\w.]*-based|[A-Z][a-z]+|[a-z][\w-]*)\s+){0,2}?"
)
MANY = re.compile(
    rf"\b(?:[Tt]he\s+(?P<n>two|three|four)(?:\s+{_DESCRIBING}(?P<kinds>{_KINDS}))?"
    rf"|[Tt]he\s+(?:pair|duo)|(?P<both>[Bb]oth)\s+(?:of\s+them|{_DESCRIBING}(?P<bkinds>{_KINDS}))"
    rf"|[Tt]he\s+(?P<plain>{_KINDS}))\b(?!-)"
)
# "They", "Together, they": the subject of a sentence, nothing else
# (after an opening phrase of time, manner or place, not after a clause with a subject of its own:
# "Analysts say that, as prices fall, they ..." are the analysts)
_THEY = re.compile(
    r"(?:(?:Together|Combined|Jointly|Now|Still|But|And|However|Meanwhile|In|On|At|As|With|After|Since|By|For"
    r"|Last|This|Next|Earlier|Later|Previously|Recently)\b[^;.]{0,80}?,\s+)?(?P<they>[Tt]hey)\b(?:['\u2019](?:ll|re|ve|d))?"
)
_THEY_SUFFIX = {"ll": "will", "re": "are", "ve": "have", "d": "would"}
_COUNT = {"two": 2, "three": 3, "four": 4}
# what joins the companies of a group named together: "X and Y", "X, Y and Z", "X & Y"
_TOGETHER = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
# a name runs to its possessive: "Apple's Tim Cook and Microsoft's ..." names no two together
_NAME = re.compile(r"[\w&.+-]+(?:\s+[A-Z0-9][\w&.+-]*)*(?:['\u2019]s\b)?")


# a word every reference holds (asked first: most sentences have none before their first company)
# (tried only at the starts of words opening with one of its words' first letters)
_REFERENCE = re.compile(
    rf"\b(?:{_KIND}|{_KINDS}|two|three|four|pair|duo|[Bb]oth|[Tt]hey|[Rr]ival|[Cc]ompet(?:ing|itor))\b"
)
_REFERENCE_WORD = FromWordStarts(_REFERENCE, "".join(sorted({s[0] for s in literal_starts(_REFERENCE)})))


class Recent:
    """The sentences read last (the headline first), each with the companies it names."""

    def __init__(self) -> None:
        self.sentences: deque[tuple[str, list[tuple[int, str]]]] = deque(maxlen=REACH + 1)

    def add(self, text: str, mentions: list[tuple[int, str]]) -> None:
        self.sentences.append((text, mentions))

    def _nearest(self) -> tuple[str, list[tuple[int, str]]] | None:
        """The nearest sentence before that names a company, no further than :data:`REACH`."""
        for text, mentions in list(reversed(self.sentences))[:REACH]:
            if mentions:
                return text, mentions
        return None

    def one(self, described: bool = False) -> str | None:
        """The company a singular reference stands for; a ``described`` one ("the Chinese firm")
        only where one company is named, since the description may pick another than the
        subject ("IBM sold its PC unit to Lenovo. The Chinese firm ...")."""
        near = self._nearest()
        if near is None:
            return None
        text, mentions = near
        named = _distinct(mentions)
        if len(named) == 1:
            return named[0]
        first = mentions[0]
        if described:
            return None
        # it opens the sentence as its subject, and no other company is joined to it
        if _OPENING.fullmatch(text, 0, first[0]) and not _joined(text, mentions, 0):
            return first[1]
        return None

    def group(self, count: int | None) -> list[str] | None:
        """The companies a plural reference stands for: ``count`` of them if it says how many.
        A sentence between that names only some of them does not stand in the way ("X and Y
        launched a service. The offering expands X's work. The companies are teaming up ...")."""
        within: set[str] = set()
        for text, mentions in reversed(self.sentences):
            named = _distinct(mentions)
            if len(named) < 2:
                within.update(named)
                continue
            # named together ("X and Y said"), not each in a clause of its own ("X ... a deal with Y"),
            # or together as the subject the sentence opens with ("X and Y say their service ... Z")
            run = _run(text, mentions)
            if _distinct(run) != named:
                opening = run and run[0] == mentions[0] and _OPENING.fullmatch(text, 0, run[0][0])
                named = _distinct(run) if opening else []
            if not 2 <= len(named) <= MOST_IN_GROUP or (count is not None and count != len(named)):
                return None
            return named if within <= set(named) else None
        return None


# what may stand before a sentence's subject: an opening phrase ("In 1994, "), a description
_OPENING = re.compile(
    r"(?:[^,;.]{1,60},\s+)?(?!(?:[\w-]+\s+){0,3}?(?:and|or|but|by|with|from|to|of|for|than|that|as|in|on|at)\s)"
    r"(?:[\w-]+\s+){0,3}"
)


def _distinct(mentions: list[tuple[int, str]]) -> list[str]:
    return list(dict.fromkeys(c for _p, c in mentions))


def _end(text: str, at: int) -> int:
    name = _NAME.match(text, at)
    return name.end() if name else at


def _joined(text: str, mentions: list[tuple[int, str]], index: int) -> bool:
    """Whether the company mentioned at ``index`` is listed with the next one ("X and Y")."""
    if index + 1 >= len(mentions):
        return False
    start, nxt = mentions[index][0], mentions[index + 1][0]
    return _TOGETHER.fullmatch(text, _end(text, start), nxt) is not None or nxt <= _end(text, start)


def _run(text: str, mentions: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The longest run of companies named one after another, joined by "and" or commas."""
    best: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []
    for i, m in enumerate(mentions):
        run = [*run, m] if run and _joined(text, mentions, i - 1) else [m]
        if len(_distinct(run)) > len(_distinct(best)):
            best = run
    return best


def written_in(text: str, mentions: list[tuple[int, str]], recent: Recent):
    """``text`` with the companies its references stand for written in, the mentions of the new
    text, and the companies written in; None where no reference is resolved."""
    found = _reference(text, mentions, recent)
    if found is None:
        return None
    start, end, companies, verb = found
    if any(c in companies for _p, c in mentions):
        return None  # the sentence names them itself
    insert, placed = "", []
    for k, c in enumerate(companies):
        if k:
            insert += " and " if k == len(companies) - 1 else ", "
        placed.append((start + len(insert), c))
        insert += c
    insert += " " + verb if verb else ""
    # the clause of the reference only: "X joined forces with Y; a deal with rival Z" says nothing of X and Z
    left = text.rfind(";", 0, start) + 1
    right = text.find(";", end)
    right = len(text) if right < 0 else right
    new = text[left:start] + insert + text[end:right]
    shift = len(insert) - (end - start) - left
    placed = [(p - left, c) for p, c in placed]
    moved = [(p + shift if p >= end else p - left, c) for p, c in mentions if left <= p < right]
    return new, sorted([*moved, *placed]), companies


def _reference(text: str, mentions: list[tuple[int, str]], recent: Recent):
    """``(start, end, companies, verb)`` of the first reference back in ``text`` that stands for
    companies named before, with no company named ahead of it in the sentence; ``verb`` is what a
    contracted "they'll" leaves to write."""
    first = mentions[0][0] if mentions else len(text)
    candidates = []
    m = MANY.search(text, 0, first)
    if m:
        count = _COUNT[m.group("n")] if m.group("n") else None
        if m.group(0).lower()[4:8] in ("pair", "duo") or (m.group("both") and not m.group("bkinds")):
            count = 2
        candidates.append((m.start(), m.end(), "many", count, ""))
    they = _THEY.match(text)
    if they and they.end() <= first:
        suffix = they.group(0)[they.end("they") :].lstrip("'\u2019")
        candidates.append((they.start("they"), they.end(), "many", None, _THEY_SUFFIX.get(suffix, "")))
    for one in ONE.finditer(text, 0, first):
        if _NOT_BACK_BEFORE.search(one.group("words") or "") or _NOT_BACK_AFTER.match(text, one.end()):
            continue
        if m and m.start() <= one.start() < m.end():
            continue
        candidates.append((one.start(), one.end(), "one", bool(one.group("words")), ""))
        break
    if not candidates:
        return None
    # the first reference; ``detail`` is how many a plural one counts, whether a singular one is described
    start, end, kind, detail, verb = min(candidates, key=lambda c: c[0])
    if kind == "one":
        company = recent.one(described=detail)
        return (start, end, [company], verb) if company else None
    group = recent.group(detail)
    return (start, end, group, verb) if group else None


def referred(text, mentions, recent: Recent, anchor, before, stated: set) -> list[tuple[str, str, str]]:
    """The relations ``text`` states of companies it refers back to (see :func:`written_in`),
    read by the sentence rules on the text with their names written in; ``stated`` holds the
    ``(kind, pair)`` the sentence states already."""
    first = mentions[0][0] if mentions else len(text)
    if not has_cue_stem(text) or not any(m for _t, m in recent.sentences) or not _REFERENCE_WORD.search(text, 0, first):
        return []  # no word that may refer back before the first company named, or nothing to refer to
    rival = _rival_opening(text, mentions, recent)
    if rival is not None:
        return [r for r in [rival] if (r[0], frozenset(r[1:])) not in stated]
    written = written_in(text, mentions, recent)
    if written is None:
        return []
    new, moved, companies = written
    if len(companies) == 1:
        # "the company said it has partnered with X": "it" is the company written in too
        before = copy(before)
        before.subject = companies[0]
    found = _relations_of(new, parties(new, moved), anchor, before)
    named = {c for _p, c in moved}  # not a company of the sentence before, that "them" may stand for
    return [
        (kind, a, b)
        for kind, a, b in found
        if a != b and (a in companies or b in companies) and {a, b} <= named and (kind, frozenset((a, b))) not in stated
    ]


# "Rival Lyft said ...", "Competing research firm IDC reported ...": a rival of the company before
_RIVAL_OPENING = re.compile(
    r"(?:(?:But|And|Meanwhile|Elsewhere|However),?\s+)?(?:[Ii]ts\s+|[Aa]\s+)?(?:[Rr]ival|[Cc]ompeting|[Cc]ompetitor)"
    r"\s+(?:[a-z][\w-]*\s+){0,3}"
)


def _rival_opening(text: str, mentions: list[tuple[int, str]], recent: Recent) -> tuple[str, str, str] | None:
    """A sentence that opens with a rival it names, and names no other company: the rival of the
    company the sentence before is about."""
    named = _distinct(mentions)
    if len(named) != 1 or not _RIVAL_OPENING.fullmatch(text, 0, mentions[0][0]):
        return None
    other = recent.one()
    return ("competes", other, named[0]) if other and other != named[0] else None
