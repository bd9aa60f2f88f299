"""Acquisitions: which company bought, agreed to buy or completed the purchase of which.

A purchase is directed (the buyer first). News states one in a closed set of ways:

- active: "X acquired Y", "X has agreed to buy Y", "X said it would buy Y", "X snapped up Y";
- passive: "Y was acquired by X", "Y, bought by X in 2016", "Y merged into X";
- nominal: "X's $2bn acquisition of Y", "X completed its takeover of Y", "the purchase of Y by X";
- relative: "Y, which X bought in 2019", "Y, a chipmaker the tech giant bought";
- a sale: "Z agreed to sell Y to X", "Y was sold to X"; a price: "X paid $37bn for Y".

What is bought must be a company (or a named unit of one): "a stake in Y", "Y shares", "Y's
products" are no purchase, and neither is a product of another company. A sentence that tells
of a blocked, abandoned, refused or undone deal states no purchase, and a buyer that only seeks,
bids, offers, is in talks, considers or is rumoured to buy is no buyer yet.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.extract.lexicon import NOT_COMPANIES
from bot.extract.relations.cues import (
    ACQUIRED_BY,
    ACQUIRES,
    ACQUISITION_OF,
    ACQUISITION_STEM,
    COMPANY_NOUN_AFTER,
    NOT_A_COMPANY_BOUGHT,
    NOT_A_PURCHASE_WORD,
    NOT_DONE,
    NOT_IN_A_DESCRIPTION,
    NOT_YET,
    PAID_FOR,
    SELLS,
    SEVERAL,
    SOLD_TO,
    UNIT,
)


class Named(NamedTuple):
    """A company or product named in a sentence, with where its name stands."""

    start: int
    end: int
    company: str  # what it stands for in a relation: a product stands for its owner
    name: str  # the entity named itself (a product's own name)
    product: bool = False


def acquisitions(sentence: str, named: list[Named], subject: str | None, anchor: str | None) -> list[tuple[str, str]]:
    """``(buyer, target)`` for each purchase ``sentence`` states; ``named`` are its companies and
    products in order, ``subject`` the company the sentence before is about (for "it", "the
    company"), ``anchor`` the company the article is about."""
    if not named or not _has_cue(sentence.lower()) or NOT_DONE.search(sentence):
        return []
    reader = _Reader(sentence, named, subject, anchor)
    found: list[tuple[Named | str, Named]] = []
    passive_at = set()
    for m in ACQUIRED_BY.finditer(sentence):
        passive_at.add(m.start())
        buyers = reader.object(m.end(), single=True)
        # "Y was acquired by X"; "The company, renamed Y in 2009, was acquired by X"
        target = reader.before(m.start(), _PASSIVE_GAP) or reader.passive_subject(m.start())
        if buyers and target:
            found.append((buyers[0], target))
    for m in ACQUISITION_OF.finditer(sentence):
        if m.group("prep").lower() == "by":  # "Y's acquisition by X"
            target = reader.possessor(m.start())
            buyers = reader.object(m.end(), single=True)
            if target and buyers:
                found.append((buyers[0], target))
            continue
        targets = reader.object(m.end())
        if not targets:
            continue
        by = _BY.match(sentence, targets[-1].end)
        buyer = reader.object(by.end(), single=True) if by else None
        buyer = buyer[0] if buyer else reader.possessor(m.start()) or reader.owner_of_its(m.start())
        if buyer is None:
            buyer = reader.subject(m.start(), completed=True)
        found.extend((buyer, t) for t in targets if buyer)
    for m in PAID_FOR.finditer(sentence):
        targets = reader.object(m.end())
        buyer = reader.subject(m.start()) if targets else None
        found.extend((buyer, t) for t in targets if buyer)
    for m in SELLS.finditer(sentence):
        if SOLD_TO.match(sentence, m.start()):  # "Y was sold to X"
            target = reader.before(m.start(), _PASSIVE_GAP)
            buyers = reader.object(m.end(), single=True)
            if target and buyers:
                found.append((buyers[0], target))
            continue
        targets = reader.object(m.end())
        to = _TO.match(sentence, targets[-1].end) if targets else None
        buyers = reader.object(to.end(), single=True) if to else None
        if buyers:
            found.extend((buyers[0], t) for t in targets)
    for m in ACQUIRES.finditer(sentence):
        gerund = m.group(0).lower().endswith("ing")
        if m.start() in passive_at or (not gerund and _BEING.search(sentence, max(0, m.start() - 12), m.start())):
            continue  # "was acquired by", "is being bought": the passive, read above
        if sentence[m.end() : m.end() + 1] == "-" or NOT_A_PURCHASE_WORD.match(sentence, m.start()):
            continue  # "buy-now, pay-later firm", "acquiring banks"
        several = SEVERAL.match(sentence, m.end())  # "acquired several startups, including X and Y"
        targets = reader.object(several.end() if several else m.end())
        if targets:
            buyer = reader.subject(m.start(), gerund=gerund)
            found.extend((buyer, t) for t in targets if buyer)
        else:  # "Annapurna Labs, an Israeli chipmaker the tech giant bought"
            buyer, target = reader.relative(m.start(), m.end())
            if buyer and target:
                found.append((buyer, target))
    pairs = []
    for buyer, target in found:
        pair = _pair(buyer, target)
        if pair and pair not in pairs:
            pairs.append(pair)
    return pairs


def _has_cue(lowered: str) -> bool:
    return ACQUISITION_STEM.search(lowered) is not None


def _pair(buyer: Named | str, target: Named | str) -> tuple[str, str] | None:
    a = buyer if isinstance(buyer, str) else buyer.company
    if isinstance(target, str):
        b = target  # "It was bought by X": the company the sentence before is about
    elif target.product:
        if target.company != a:
            return None  # buying another company's product is no purchase of a company
        b = target.name  # "Microsoft's acquisition of LinkedIn": the product was a company
    else:
        b = target.company
    return (a, b) if a and b and a != b else None


_BY = re.compile(r"\s+(?:in\s+\d{4}\s+)?by\s+")
_TO = re.compile(r"\s+to\s+")
_BEING = re.compile(r"\b(?:be|been|being|is|are|was|were|get|got)\s+$", re.IGNORECASE)
# between a company bought and the passive verb: "Y, which has been", "Y was later"
_PASSIVE_GAP = re.compile(
    r"(?:\s*\([^()]{0,40}\))?[\s,]*(?:(?:which|that)\s+)?"
    r"(?:(?:has|have|had|was|were|is|are|being|been|be|will|to|later|recently|eventually|officially|now|already"
    r"|subsequently|since|then|itself|finally|formally|also|first|originally|in\s+\d{4},?)\s+){1,5}"
    r"|\s*,\s*|\s+",
    re.IGNORECASE,
)
# what may stand before a sentence's subject: an opening phrase ("In June, "), a description
# ("Chipmaker ", "US-based investment firm ") or an owner ("Jack Dorsey's "), but no preposition
_SUBJECT_PRE = re.compile(
    r"(?:[^,;.]{1,60},\s+)?"
    r"(?!(?:\S+\s+){0,5}?(?:and|or|but|by|with|from|to|of|for|than|that|as|in|on|at|after|before|over|against"
    r"|about|into|between|said|says|announced|acquired|bought|agreed|signed|has|have|had|is|was|are|were|will"
    r"|would|completed|owns|owned|sold|made|took|takes)\s)"
    r"(?:\S+\s+){0,5}"
)
# where a clause with a subject of its own starts
_CLAUSE = re.compile(r";|\u2014|\s--\s|\b(?:but|while|whereas|as|after|although|though|because|since)\s+(?=\S)")
# "it", "they", "the company", "the tech giant": a company named before
_REFERENCE = re.compile(
    r"\b(?:[Ii]t|[Tt]hey|[Tt]he\s+(?:[\w-]+\s+){0,3}?(?:company|firm|group|giant|maker|business|retailer|carrier"
    r"|operator|bank|airline|insurer|startup|start-up|chipmaker|automaker|carmaker|conglomerate|owner|parent"
    r"|buyer|acquirer|platform|provider|developer|publisher|studio|behemoth))\b"
)
# the verbs that make a subject the buyer in "X completed its acquisition of Y"
_COMPLETED = re.compile(
    r"\b(?:complet|clos|finalis|finaliz|announc|unveil|agree|made|make|confirm|sign|seal|struck|strike)\w*\b",
    re.IGNORECASE,
)
_POSSESSIVE_TO_CUE = re.compile(r"['\u2019]s?\s+(?:(?!(?:of|by|for|in|to|and)\s)[\w$€£.,-]+\s+){0,5}?")
_ITS = re.compile(r"\b(?:its|their)\s+(?:[\w$€£.,-]+\s+){0,5}?$", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^()]{0,40}\)")
_WORD = re.compile(r"\S+")
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|ish|i|ic|ch|ean)|[A-Z][\w.]*-based|U\.S\.?|[A-Z]{2,3}\$[\d.,]+")
# what may follow the company bought: the end of the phrase, or a preposition or verb
_AFTER_OBJECT = re.compile(
    r"(?:\s*\([^()]{0,40}\))?(?:\s*(?:$|[,.;:!?)\u2014\u2013\"\u201d]|--|-\s)"
    r"|\s+(?:for|in|from|and|or|on|at|as|to|which|that|who|with|by|last|this|earlier|later|back|after|before|over"
    r"|valued|worth|when|while|under|through|since|was|is|has|had|have|would|will|said|says|amid|following"
    r"|outright|together|along|plus|including|among|than|but|because|despite|during|makes|owns|operates|runs"
    r"|employs|sells|[a-z]+ed)\b)"
)
_UNIT_AFTER = re.compile(r"['\u2019]s\s+(?:[\w-]+\s+){0,3}?(?:unit|units|business|division|arm|operations)\b")
_LIST_AFTER = re.compile(r"(?:\s+in\s+\d{4})?(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+)")


class _Reader:
    """Finds the sides of a purchase around a cue in one sentence."""

    def __init__(self, sentence: str, named: list[Named], subject: str | None, anchor: str | None):
        self.sentence = sentence
        self.named = sorted(named)
        self.previous_subject = subject
        self.anchor = anchor

    def object(self, at: int, single: bool = False) -> list[Named]:
        """The companies a verb at ``at`` takes as its object: the first named after a description
        ("US rival Pioneer Natural Resources", "the Destiny developer, Bungie Inc.", "the
        enterprise unit of Symantec"), and those listed with it ("Gimlet and Anchor")."""
        first = self._first_after(at)
        if first is None:
            return []
        found = [first]
        while not single and len(found) < 4:
            joint = _LIST_AFTER.match(self.sentence, found[-1].end)
            following = self._first_after(joint.end()) if joint else None
            if following is None or following in found:
                break
            found.append(following)
        return found

    def _first_after(self, at: int) -> Named | None:
        gap_start = at
        for n in self.named:
            if n.start < at:
                continue
            if n.start - gap_start > 90 or not _description(self.sentence[gap_start : n.start]):
                return None
            if (
                _AFTER_OBJECT.match(self.sentence, n.end)
                or _UNIT_AFTER.match(self.sentence, n.end)
                or COMPANY_NOUN_AFTER.match(self.sentence, n.end)
            ):
                return n
            if not n.product:
                return None  # "buy Samsung phones", "a stake in Y": what is bought is no company
            gap_start = n.end  # "the Destiny developer, Bungie": a product describing the company
        return None

    def before(self, at: int, gap: re.Pattern) -> Named | None:
        """The company named right before ``at`` with only ``gap`` between."""
        for n in reversed(self.named):
            if n.end <= at:
                between = self.sentence[n.end : at]
                return n if gap.fullmatch(between) and not NOT_YET.search(between) else None
        return None

    def possessor(self, at: int) -> Named | None:
        """``X's $2bn`` before a noun at ``at``."""
        for n in reversed(self.named):
            if n.end <= at:
                between = self.sentence[n.end : at]
                ok = _POSSESSIVE_TO_CUE.fullmatch(between) and not _NOT_YET_NOMINAL.search(between)
                return n if ok else None
        return None

    def owner_of_its(self, at: int) -> Named | str | None:
        """The subject of the clause for "its" before a noun at ``at`` ("its acquisition of")."""
        its = _ITS.search(self.sentence, max(0, at - 60), at)
        if its is None or _NOT_YET_NOMINAL.search(self.sentence, its.start(), at):
            return None
        return self.subject(its.start())

    def subject(self, at: int, completed: bool = False, gerund: bool = False) -> Named | str | None:
        """The buyer of a verb at ``at``: the company its clause is about ("Qualcomm, the largest
        maker of chips, signed an agreement to acquire"), the one right before it ("the $37
        billion Avago paid"), or the company "it" or "the firm" refers to."""
        s = self.sentence
        start = max((m.end() for m in _CLAUSE.finditer(s, 0, at)), default=0)
        candidates = [n for n in self.named if start <= n.start and n.end <= at]
        chosen: Named | None = None
        if candidates:
            head = next((n for n in candidates if _SUBJECT_PRE.fullmatch(s, start, n.start)), None)
            nearest = candidates[-1]
            # "after striking an agreement with the U.S. carmaker General Motors to acquire its Opel":
            # the company a preposition brings in is the other side of the deal, not the buyer
            other_side = _WITH_PHRASE.search(s, max(0, nearest.start - 60), nearest.start) is not None
            if head is not None and (head is nearest or "," in s[nearest.end : at] or other_side):
                chosen = head
            elif not other_side and (
                _PREPOSITION_BEFORE.search(s, max(0, nearest.start - 12), nearest.start) is None
                or (gerund and not s[nearest.end : at].strip())
            ):
                chosen = nearest
            if chosen is not None:
                gap = s[chosen.end : at]
                if len(gap) > 220 or NOT_YET.search(gap) or (completed and not _COMPLETED.search(gap)):
                    return None
                if chosen.product and chosen.company == chosen.name:
                    return None
                return chosen
        reference = None
        for m in _REFERENCE.finditer(s, start, at):
            reference = m
        if reference is None or not _SUBJECT_PRE.fullmatch(s, start, reference.start()):
            return None
        gap = s[reference.end() : at]
        if len(gap) > 160 or NOT_YET.search(gap) or (completed and not _COMPLETED.search(gap)):
            return None
        return self.previous_subject or self.anchor

    def passive_subject(self, at: int) -> Named | str | None:
        """What a passive verb at ``at`` says was bought when no name stands right before it: the
        company its clause starts with ("MyEdu, formerly Pick-A-Prof, was acquired by"), or the
        one "it" or "the company" refers to."""
        s = self.sentence
        start = max((m.end() for m in _CLAUSE.finditer(s, 0, at)), default=0)
        inside = [n for n in self.named if start <= n.start < at]
        # no other company between it and the verb (its own products may stand there)
        head = inside[0] if inside and len({n.company for n in inside}) == 1 else None
        if head is not None and _SUBJECT_PRE.fullmatch(s, start, head.start):
            gap = s[head.end : at]
        else:
            reference = _OPENING_REFERENCE.match(s, start)
            if reference is None:
                return None
            head, gap = self.previous_subject, s[reference.end() : at]
        if head is None or len(gap) > 160 or NOT_YET.search(gap) or not _WAS.search(gap):
            return None
        return head

    def relative(self, at: int, verb_end: int) -> tuple[Named | str | None, Named | None]:
        """The buyer and the company bought before a verb at ``at`` that has no object after it:
        "Y, which X bought", "Y, a chipmaker the tech giant bought"."""
        s = self.sentence
        if not _AFTER_OBJECT.match(s, verb_end):
            return None, None
        reference = _REFERENCE_BEFORE.search(s, max(0, at - 40), at)
        buyer: Named | str | None = None
        if reference:
            end = reference.start()
        else:
            near = [n for n in self.named if n.end <= at and _VERB_AFTER_BUYER.fullmatch(s, n.end, at)]
            if not near:
                return None, None
            buyer, end = near[-1], near[-1].start
        relative = _RELATIVE_GAP.search(s, max(0, end - 60), end)
        target = next((n for n in reversed(self.named) if relative and n.end == relative.start()), None)
        if target is None:
            return None, None
        if reference:  # "the tech giant": the company the sentence names first, or the one before
            first = next((n for n in self.named if n.end <= end and n != target), None)
            buyer = first.company if first else self.previous_subject or self.anchor
        return buyer, target


_NOT_YET_NOMINAL = re.compile(
    r"\b(?:potential|possible|rumou?red|planned|failed|abandoned|blocked|aborted|attempted|hostile|mooted"
    r"|would-be|proposal|bid|talks|interest)\b",
    re.IGNORECASE,
)
_WITH_PHRASE = re.compile(r"\b(?:with|from)\s+(?:[\w.&'\u2019-]+\s+){1,4}$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|for|from|with|to|by|in|on|at|against|than|about|into|between|like|including|whether)\s+$",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(
    r"\b[Tt]he\s+(?:[\w-]+\s+){0,3}?(?:company|firm|group|giant|maker|business|retailer|carrier|operator|bank"
    r"|airline|insurer|startup|start-up|chipmaker|automaker|carmaker|conglomerate|behemoth)\s+"
    r"(?:(?:has|had|have|later|eventually|then|first|originally)\s+){0,2}$"
)
# "It", "The company", "In 2010 the firm" opening a clause: the company the sentence before is about
_OPENING_REFERENCE = re.compile(
    r"(?:[^,;.]{1,40},\s+)?(?:[Ii]t|[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|business|startup|start-up"
    r"|studio|bank|chain|brand|maker|developer|operator|retailer|carrier|airline|station|network))\b"
)
_WAS = re.compile(r"\b(?:was|were|is|has\s+been|had\s+been|have\s+been|being|be)\s+(?:[a-z]+\s+){0,2}\Z")
_VERB_AFTER_BUYER = re.compile(r"\s+(?:(?:has|had|have|later|eventually|then|first|originally)\s+){0,2}")
# ", which", ", an Israeli chipmaker": what stands between the company bought and its buyer
_RELATIVE_GAP = re.compile(r",\s*(?:(?:which|that)\s+|(?:an?|the)\s+(?:[\w-]+\s+){0,4}?)?\Z")


def _description(gap: str) -> bool:
    """Words that may describe the company bought before its name: no preposition or verb, no
    stake or shares, no other name (a place or a nationality may stand: "US rival")."""
    words = _WORD.findall(gap)
    if len(words) > 10:
        return False
    previous = ""
    for raw in words:
        word = raw.strip(",:\"'\u201c\u201d")
        lower = word.lower()
        if not word:
            continue
        if lower == "of" and (previous in UNIT or previous == "control"):
            previous = lower
            continue
        if lower in NOT_IN_A_DESCRIPTION or lower in NOT_A_COMPANY_BOUGHT:
            return False
        if word[0].isupper():
            bare = re.sub(r"['\u2019]s$", "", word)
            if not (bare in NOT_COMPANIES or _DEMONYM.fullmatch(bare)):
                return False
        previous = lower
    return not re.search(r"[.;()]\s", gap)
