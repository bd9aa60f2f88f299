"""Purchases across an article: which of its sentences' purchases stand, and under which names.

:func:`made` keeps the purchases a sentence tells as made (a deal undone later leaves them);
:func:`merged_into_survivors` reads a merger whose survivor the article names as a purchase;
:func:`one_name_each` gives each company one name across the article's purchases;
:func:`recased_headline` gives a headline written in lower case the capitals of the names the
article writes elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.extract.lexicon import LEGAL_SUFFIX
from bot.extract.relations.purchase_sides import Named
from bot.extract.relations.purchase_words import (
    JOINED_BY_POSSESSIVE,
    MERGER_WORD,
    NAME_KEPT_BEFORE,
    NATIONALITY,
    OWNERS_HOLD_AFTER,
    SURVIVOR_AFTER,
    SURVIVOR_BEFORE,
    VALUED_AFTER,
    VALUED_BEFORE,
)


def made(sentence: str, bought: list[tuple[str, str]], pending: bool) -> list[tuple[str, str]]:
    """Of the purchases a sentence states, those it tells as made, which a deal undone later in
    the article leaves standing: all of them where the sentence is not ``pending`` (agreed, to
    close), else those a clause of history tells ("the largest since Facebook acquired WhatsApp",
    "a year after X bought Y")."""
    if not pending:
        return bought
    told = [m.group(0) for m in _HISTORY_PURCHASE.finditer(sentence)]
    return [pair for pair in bought if any(pair[0] in clause for clause in told)]


_HISTORY_PURCHASE = re.compile(
    r"\b(?:since|after|when|before)\s+(?:[A-Z][\w&.'\u2019-]*+\s+){1,4}(?:acquired|bought|purchased)\b"
)


def merged_into_survivors(sentences: list[tuple[str, list[Named]]]) -> list[tuple[int, str, str, str]]:
    """``(index, "acquires", survivor, other)`` for a merger of two companies the article names
    together, where it says which of them survives ("the merger between the two banks, with BPI
    as the surviving bank"): a merger into one of them is its purchase of the other. ``index``
    is the sentence that names the survivor. The survivor is also the company whose name the
    merged one keeps ("will maintain the brand name X"), whose owners hold most of it ("X
    shareholders would own 64 per cent of the new company"), or the one a merger does not value
    ("an all-share merger valuing Y at $3.4bn": Y is bought); not "run under the X brand". A merger
    with no survivor named is no purchase (which side buys is not guessed)."""
    parties: list[tuple[str, str]] = []
    survivors: dict[str, int] = {}
    valued: dict[str, int] = {}  # the companies a merger puts a price on: the ones bought
    for i, (text, named) in enumerate(sentences):
        lowered = text.lower()
        merger = ("merg" in lowered or "amalgam" in lowered) and MERGER_WORD.search(text) is not None
        # each cue only where its words stand (a plain search first)
        survivor = "surviv" in lowered
        kept = "name" in lowered and any(w in lowered for w in ("keep", "kept", "retain", "maintain"))
        held = " own " in lowered and OWNERS_HOLD_AFTER.search(text) is not None
        valuing = merger and any(w in lowered for w in ("valuing ", "values ", "valued "))
        if not (merger or survivor or kept or held):
            continue
        companies = list(dict.fromkeys(n.company for n in named if not n.product))
        if len(companies) == 2 and merger:
            parties.append((companies[0], companies[1]))
        for n in named if survivor or kept or held or valuing else ():
            if n.product:
                continue
            if survivor and (
                SURVIVOR_AFTER.match(text, n.end) or SURVIVOR_BEFORE.search(text, max(0, n.start - 60), n.start)
            ):
                survivors.setdefault(n.company, i)
            elif kept and NAME_KEPT_BEFORE.search(text, max(0, n.start - 40), n.start):
                survivors.setdefault(n.company, i)  # "will maintain the brand name X"
            elif held and (owners := OWNERS_HOLD_AFTER.match(text, n.end)) and float(owners.group(1)) > 50:
                survivors.setdefault(n.company, i)  # "X shareholders would own 64 per cent of the new company"
            elif (
                valuing
                and VALUED_BEFORE.search(text, max(0, n.start - 10), n.start)
                and VALUED_AFTER.match(text, n.end)
            ):
                valued.setdefault(n.company, i)  # "an all-share merger valuing Y at $3.4bn"
    for a, b in parties:  # the other side of a merger that values one of them
        for bought, other in ((a, b), (b, a)):
            if bought in valued and other not in valued and bought not in survivors:
                survivors.setdefault(other, valued[bought])
    found: dict[str, tuple[int, str, str, str]] = {}
    for a, b in parties:
        for survivor, other in ((a, b), (b, a)):
            if survivor in survivors and other not in survivors and survivor not in found:
                # one merger each: the other side as first named ("Robinsons Bank", later "RBC")
                found[survivor] = (survivors[survivor], "acquires", survivor, other)
    return list(found.values())


def one_name_each(found: list[tuple], mentions: Counter | None = None, written: Counter | None = None) -> list[tuple]:
    """``found`` (``(index, kind, a, b)``, in text order) without the purchases an article states
    again under another name of the same companies ("Microchip Tech buys Microsemi", then
    "Microchip Technology Inc. said it was buying Microsemi"; "Wilson Mining Services", then
    "WMS"): the first name stands, as the headline gives it, unless the article names the
    company more often by a shorter or longer form of it (``mentions``: how often each name
    stands): "Regal Entertainment Group has agreed to be acquired", then "Regal" five times.
    A name the article never writes alone is given as written (``written``: how often each
    ``(company, text)`` stands): "Pirate Brands", "Freescale Semiconductor" (recognition's
    "Pirate", "Freescale"), but "Uber" where "Uber" stands alone beside "Uber Technologies"."""
    kept: list[tuple] = []
    firsts: list[tuple[str, str]] = []
    for f in found:
        if f[1] != "acquires":
            kept.append(f)
            continue
        buyer, target = (_most_named(f[2], mentions), _most_named(f[3], mentions)) if mentions else f[2:4]
        if written:
            buyer, target = _as_written(buyer, written), _as_written(target, written)
        f = (*f[:2], buyer, target, *f[4:])
        if any(_same_name(buyer, a) and _same_name(target, b) for a, b in firsts):
            if (buyer, target) in firsts:
                kept.append(f)  # the very names again: more evidence of the same fact
            continue
        firsts.append((buyer, target))
        kept.append(f)
    return kept


_NAME_WORD = re.compile(r"[^\W_]+")


def _most_named(name: str, mentions: Counter) -> str:
    """The form of ``name`` (itself, or one whose words open the other's) the article uses most
    (not the possessive that opens a name joined by it: "Snyder" for "Snyder's-Lance")."""
    first, _, rest = name.partition(" ")
    if rest and first != "American" and NATIONALITY.fullmatch(first) and mentions.get(rest):
        name = rest  # "the Colombian BLU Logistics", then "BLU Logistics": the nationality describes it
    words = _NAME_WORD.findall(name.lower())
    best = name
    if JOINED_BY_POSSESSIVE.search(name):
        return name
    for other, count in mentions.items():
        if count <= mentions.get(best, 0) or other == name:
            continue
        found = _NAME_WORD.findall(other.lower())
        short, long = sorted((words, found), key=len)
        if short and long[: len(short)] == short:
            best = other
    return best


def _as_written(name: str, written: Counter) -> str:
    """``name`` as the article writes it where it never writes it alone: the form most written that
    opens with it ("Pirate Brands" for "Pirate"; legal suffixes and "Group" left out)."""
    forms = Counter()
    for (company, text), count in written.items():
        if company == name:
            if text == name:
                return name
            form = _WRITTEN_LEGAL.sub("", text)
            if form.startswith(name + " "):
                forms[form] += count
    return forms.most_common(1)[0][0] if forms else name


# what the common name leaves out: legal suffixes and the words of a group ("Cineworld Group" is Cineworld)
_WRITTEN_LEGAL = re.compile(rf"(?:[ ,]+(?:{LEGAL_SUFFIX}|Group|Holdings?|Company|International))+$")


def _same_name(one: str, other: str) -> bool:
    """Whether two names are one company's: the same, one the other's first words ("Microchip",
    "Microchip Technology"; "PMC", "PMC-Sierra"), or one the other's initials ("WMS")."""
    a, b = (_NAME_WORD.findall(name.lower()) for name in (one, other))
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    if long[: len(short)] == short:
        return True
    return len(short) == 1 and len(long) > 1 and short[0] == "".join(w[0] for w in long)


def recased_headline(headline: str, elsewhere: list[tuple[str, Named]]) -> tuple[str, list[Named]] | None:
    """A headline written in lower case but for its first letter ("western union to buy intermex
    in 500m deal", a web address's words) with the names the rest of the article writes
    (``elsewhere``: each company as written, and its :class:`Named`) given back their capitals,
    and where they stand: the side readers go by capitals, of which such a headline has none.
    A headline that capitalises every word ("Goodyear Completes Acquisition Of Cooper Tire", where
    recognition takes no name) gets the names the article writes, as written there. None where
    the headline is written otherwise or names none of them."""
    title = _title_case(headline)
    if not title and (headline[1:] != headline[1:].lower() or not headline[1:].strip()):
        return None
    forms: dict[str, tuple[str, Named]] = {}
    for surface, n in elsewhere:
        if not n.product and len(surface) >= 3 and surface.lower() != surface and len(surface.lower()) == len(surface):
            forms.setdefault(surface.lower(), (surface, n))
    lowered = headline if title else headline.lower()
    spans: list[tuple[int, int, str, Named]] = []
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        written = forms[form][0] if title else form
        for m in re.finditer(r"(?<![\w&'\u2019.-])" + re.escape(written) + r"(?![\w&-])", lowered):
            if not any(start < m.end() and m.start() < end for start, end, _s, _n in spans):
                spans.append((m.start(), m.end(), *forms[form]))
    if not spans:
        return None
    text = headline
    named = []
    for start, end, surface, n in sorted(spans, key=lambda x: x[0]):
        text = text[:start] + surface + text[end:]
        named.append(Named(start, end, n.company, n.name))
    return text, named


def _title_case(headline: str) -> bool:
    """Whether a headline capitalises every word of four letters or more (at least three of them)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", headline) if len(w) >= 4]
    return len(words) >= 3 and all(w[0].isupper() for w in words)
