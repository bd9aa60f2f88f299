"""Companies an article names: those the lexicon knows, and those it introduces.

A company the lexicon does not hold is recognised by how news writing introduces one: a
description before its name ("chipmaker Nuvia"), a legal suffix ("Globex Corp"), a name built
like a company's ("Sierra Wireless"), the maker of a named product, instances of a kind of firm
("services such as TalkTalk"), the side of a relation cue that the text also writes as a
company. People, places and public bodies are not companies.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from bot.extract.lexicon import LEGAL_SUFFIX, NOT_COMPANIES, Known, alternation, occurrences
from bot.extract.patterns import FromLiterals
from bot.extract.people import HONORIFIC, NOT_FIRST_NAMES, ROLE_WORDS, plausible_name
from bot.extract.relations.acquisitions import Named, acquisitions
from bot.extract.relations.cues import PARTNERS, acquisition_cues
from bot.extract.relations.pairs import cues, has_cue_stem

# companies the lexicon does not know, recognised by how news introduces them
_COMPANY_NAME = r"(?:[A-Z0-9][\w&'.\-]*[A-Za-z0-9]|[A-Z])(?: +[A-Z][\w&\-]*+){0,5}"
# names built like companies' ("Sierra Wireless", "Tulip Computers", "Commodore International")
_COMPANY_WORDS = (
    "Software Computers Networks Wireless Studios Labs Interactive Microsystems Devices Systems Technologies"
    " Semiconductor Semiconductors Telecom International Holdings"
    # a trade's own word, which names a firm and hardly anything else after a name ("Peabody Energy",
    # "Halo Pharmaceuticals", "Redwood Materials"): not Bank, Health, Capital, Media ("Public Health")
    " Energy Pharmaceuticals Therapeutics Biosciences Biotech Biomedical Hospitality Foods Brands Solar Gaming"
    " Materials Cement Motors Airlines Airways Logistics Robotics Aerospace Electric"
).split()
_COMPANY_WORD = "(?:" + "|".join(_COMPANY_WORDS) + ")"
# last words of names that are companies' rather than people's, though they name other things too
_TRADE_WORD = r"(?:Graphics|Electronics|Media|Research|Digital|Entertainment|Communications|Solutions|Group)"
_WORD = r"[A-Z][\w&\-]*+(?:\.[A-Za-z]\w*+){0,3}"
_BUILT_LIKE_A_COMPANY = re.compile(
    rf"(?<![\w&\-.])(?P<name>(?P<stem>{_WORD}(?: {_WORD})?) {_COMPANY_WORD})\b(?! [A-Z])"
    r"(?! (?:market|sector|industry|space|segment|stocks|shares|sales|revenue|demand)\b)"  # "the Cloud Gaming market"
)
# what a name is part of when it follows these: "MIT's Media Labs", "Entertainment and Leisure Software"
_INSIDE_A_NAME = re.compile(r"(?:[A-Z][\w&.\-]*|['\u2019]s) $|\band $")
# "Silicon Graphics' Columbia supercomputer": the maker of a named product
# (found from the mark on, then the name before it: a scan for a mark is quicker than one for names)
_POSSESSIVE_PRODUCT = re.compile(
    r"(?P<mark>['\u2019]s?)\s+(?:[A-Z][\w.\-/]*\s+){1,3}"
    r"(?:super)?(?:computer|console|handset|phone|browser|chip|processor|player|software|service|machine|device"
    r"|platform|engine|operating system|format|camera|laptop|portal)s?\b"
)
_NAME_BEFORE = re.compile(r"\b[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}\Z")
# "services such as TalkTalk and One.Tel", "firms like X": instances of a kind of company
# (and "Cambodia has six mobile network operators: Smart, Metfone and Cellcard")
_SUCH_AS = re.compile(r"(?::|such as|like|including)\s+(?=[A-Z0-9])")
_NAMES = re.compile(rf"{_COMPANY_NAME}(?:(?:,\s*and\s+|,\s*|\s+and\s+){_COMPANY_NAME}){{0,10}}")
# "Japan's NEC Earth Simulator": a company's name before a product's ("the Earth Simulator" later)
_PRODUCT_AFTER = re.compile(r"\s+(?P<name>[A-Z][\w\-/]*(?:\s+[A-Z][\w\-/]*){1,2})(?=[\s,.;:)]|$)(?!\s+[A-Z])")


# "a BBC World Service and WGBH-Boston co-production": a name coordinated with a known company
_JOINT_AFTER = re.compile(
    r"(?:\s+[A-Z][\w&\-]*){0,2}\s+and\s+(?P<name>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,2})\s+"
    r"(?:co-?production|joint venture|partnership|alliance|collaboration|consortium|project|deal|venture|service)\b"
)


def canonical_company(name: str) -> str:
    """Broadcasters' call signs come with their city (``WGBH-Boston``): the company is the call sign."""
    m = re.fullmatch(r"([A-Z]{3,5})-[A-Z][a-z]+(?:\s[A-Z][a-z]+)?", name)
    return m.group(1) if m else name


def unknown_companies(
    body: str,
    lex,
    title: str = "",
    sentences: list[str] | None = None,
    runs: list[Run] | None = None,
    starts: list[int] | None = None,
) -> dict[str, Known]:
    """The companies (and products) ``body`` names that the lexicon ``lex`` does not hold, by
    the names it gives them. A headline is read too unless it capitalises every word (then
    every run of words would look like a name). ``sentences`` (the body's, in order) are read
    for the sides of rivalry and cooperation; ``runs``: the body's :func:`capitalised_runs`,
    ``starts``: where each sentence stands in the body (its names are then read from ``runs``)."""
    hits = lex.find(body)
    found = _introduced(body, lex, hits, runs)
    firms = _firms_by_first_word(hits)
    in_full: dict[str, dict[str, Known]] = {}  # the listed companies' names of several words, by the first
    for hit in hits:
        if hit.known.type == "company" and " " in hit.text:
            in_full.setdefault(hit.text.split(" ", 1)[0], {})[hit.text] = hit.known
    texts = [title] if title and not title_case(title) else []
    for text in texts:
        for name, strength in slot_companies(text, lex).items():
            if strength >= 2 and name not in found and name.split()[0] not in lex.surfaces:
                found[name] = Known(name, "company")
    places = [None] * len(texts) + list(starts) if runs is not None and starts is not None else None
    sided = _relation_sides([*texts, *(sentences or ())], lex, body, found, runs, places)
    persons = _persons(body, sided)
    for name in sided:
        if name not in found and name not in persons:
            found[name] = Known(name, "company")
    cleaned: dict[str, Known] = {}
    for name, known in found.items():
        clean = clean_name(name)
        if not clean or clean in lex.surfaces:
            continue
        if known.name == name and known.type == "company" and (same := _same_firm(clean, firms)):
            cleaned.setdefault(clean, same)  # "TakeTwo Interactive" where the body names Take-Two
            continue
        if known.name == name and known.type == "company" and (listed := _listed_stem(clean, lex)):
            cleaned.setdefault(clean, listed)  # "Molson Coors Brewing Company" is Molson Coors
            continue
        if known.name == name and known.type == "company":
            # "Grab Holdings" is Grab, and "Grab" alone names it too; "PayPal Holdings" is PayPal
            stem = _HOLDING.sub("", clean)
            common = lex.surfaces[stem].company if stem in lex.surfaces else stem
            if stem != clean and stem and companyish(stem) and not _public(stem):
                cleaned.setdefault(clean, Known(common, "company"))
                if stem not in lex.surfaces and stem not in found:
                    cleaned.setdefault(stem, Known(common, "company"))
                continue
        if known.name == name and known.type == "company" and (full := _firm_in_full(clean, in_full)):
            cleaned.setdefault(clean, full)  # "Rogers" where the article names Rogers Communications
            continue
        cleaned.setdefault(clean, Known(clean, known.type, known.owner) if known.name == name else known)
    # the article's own short name for a company: "Skyworks Solutions" is Skyworks, "T-Systems South
    # Africa" T-Systems, "Pioneer Natural Resources" Pioneer, where the article writes that alone too
    stems = {n: _short_names(n, lex) for n, k in cleaned.items() if k.type == "company" and k.name == n}
    alone = occurrences(body, {s for names in stems.values() for s in names})
    for name, short in stems.items():
        for stem in short:  # shortest first
            if any(
                _stands_alone(body, at, stem) and not _COMMON_NOUN_BEFORE.search(body, max(0, at - 4), at)
                for at in alone.get(stem, ())
            ):
                cleaned[name] = Known(stem, "company")
                cleaned.setdefault(stem, Known(stem, "company"))
                break
    return cleaned


def _listed_stem(name: str, lex) -> Known | None:
    """The listed company ``name`` is the full name of: a company the lexicon holds, then only
    a company's words and legal suffixes ("Molson Coors Brewing Company")."""
    if " " not in name:
        return None
    hits = lex.find(name)
    if not hits or hits[0].start != 0 or hits[0].known.type != "company" or hits[0].end >= len(name):
        return None
    rest = name[hits[0].end :].split()
    if all(w in COMPANY_WORDS or w == "Company" or _LEGAL.fullmatch(w) for w in rest):
        return hits[0].known
    return None


_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w&.\-]*[ ]\Z")
# a word after "the" in small letters is a common noun there ("Clippin' the River"), no company's short name
_COMMON_NOUN_BEFORE = re.compile(r"(?<![A-Za-z])the[ ]\Z")


def _stands_alone(body: str, at: int, name: str) -> bool:
    """``name`` at ``at`` is no part of a longer name ("Mobil" in "Exxon Mobil said", "Idea" in
    "Vodafone-Idea")."""
    if body[at - 1 : at] == "-" or body[at + len(name) : at + len(name) + 1] == "-":
        return False  # "Idea" in "the Vodafone-Idea entity"
    return not _CAPITALISED_NEXT.match(body, at + len(name)) and not _NAME_WORD_BEFORE.search(body, max(0, at - 30), at)


def _short_names(name: str, lex) -> list[str]:
    """Shorter names a company may go by: without its last one or two words when the last is a
    company word or a place ("Skyworks Solutions", "Airtel Kenya"), shortest first."""
    words = name.split()
    if len(words) > 3 and words[-2] == "of":
        # "BMCE Bank of Africa" is BMCE; but "United Bank of India" is no "United Bank"
        return (
            [words[0]] if len(words) == 4 and _ABBREVIATION.fullmatch(words[0]) and words[0] not in lex.surfaces else []
        )
    if len(words) < 2 or not (words[-1] in COMPANY_WORDS or _PLACE_AFTER.search(name)):
        return []
    found = []
    for drop in (2, 1):
        stem = " ".join(words[:-drop]) if drop < len(words) else ""
        stem = _PLACE_AFTER.sub("", stem) if drop == 1 else stem
        if (
            len(stem) > 2
            and stem not in lex.surfaces
            and not _public(stem)
            and stem.split()[-1] not in NOT_NAME_STARTS
            and stem not in _MONTHS  # "May Mobility" is no "May"
            and stem not in COMPANY_WORDS  # "Entertainment France" is no "Entertainment"
        ):
            found.append(stem)
    return found


# a place after a company's name: its unit there ("Airtel Kenya", "T-Systems South Africa")
_PLACE_AFTER = re.compile(
    r"(?:[ ](?:"
    + "|".join(sorted((re.escape(p) for p in NOT_COMPANIES if p[:1].isupper()), key=len, reverse=True))
    + r"|SA|UK|US|NZ))$"
)
# the words after a company's common name in its full one ("Grab Holdings", "Alibaba Group Holding")
_HOLDING = re.compile(r"(?:[ ](?:Group|Holdings?)){1,2}$")


def title_case(title: str) -> bool:
    """A headline that capitalises every word but little ones ("Qualcomm Seeks To Buy NXP For
    $39 Billion", "Deal of the Year"): in it every run of words would look like a name."""
    words = _HEADLINE_WORD.findall(title)
    return bool(words) and all(not w[0].islower() or len(w) <= 3 for w in words)


# a headline's words: its runs of letters and figures ("leaving" is one word, not three little ones)
_HEADLINE_WORD = re.compile(r"[\w$][\w$.,'\u2019&-]*+")


def _squashed(word: str) -> str:
    return "".join(c for c in word.casefold() if c.isalnum())


def _firms_by_first_word(hits) -> dict[str, list[tuple[list[str], Known]]]:
    """The listed companies an article names, by the first word of each name it writes
    (letters and figures only, in small letters: "Take-Two" is "taketwo"), with the rest of
    that name: only a company's words ("Microchip Technology"; not "Reliance Jio")."""
    firms: dict[str, list[tuple[list[str], Known]]] = {}
    for hit in hits:
        first, *rest = hit.text.split()
        if hit.known.type == "company" and _company_words_only(rest):
            firms.setdefault(_squashed(first), []).append((rest, hit.known))
    return firms


def _firm_in_full(name: str, in_full: dict[str, dict[str, Known]]) -> Known | None:
    """The listed company whose full name, as the article writes it (``in_full``: by first word),
    is ``name`` and then only a company's words or a country ("Rogers" for Rogers
    Communications, "Bell" for Bell Canada, "PSA" for PSA Group; not "Sumitomo" for Sumitomo
    Forestry)."""
    words = name.split()
    for surface, known in in_full.get(words[0], {}).items():
        full = surface.split()
        if (
            len(full) > len(words)
            and full[: len(words)] == words
            and all(w in NOT_COMPANIES or _company_words_only([w]) for w in full[len(words) :])
        ):
            return known
    return None


def _company_words_only(words: list[str]) -> bool:
    """Only a company's words ("Motor" as "Motors"), legal suffixes and their short forms."""
    return all(
        w in COMPANY_WORDS or f"{w}s" in COMPANY_WORDS or _LEGAL.fullmatch(w) or _SHORT_COMPANY_WORD.fullmatch(w)
        for w in words
    )


def _same_firm(name: str, firms: dict[str, list[tuple[list[str], Known]]]) -> Known | None:
    """The listed company the article names that ``name`` is another form of: the same first
    word (written otherwise, perhaps), the rest only a company's words, the same as the listed
    name's or their short forms ("TakeTwo Interactive" for Take-Two, "Microchip Tech" for
    Microchip Technology; not "China Mobile" for China Telecom)."""
    first, *rest = name.split()
    if not rest or len(first) < 3 or not _company_words_only(rest):
        return None
    rest = [w for w in rest if not _LEGAL.fullmatch(w)]
    for known_rest, known in firms.get(_squashed(first), ()):
        known_rest = [w for w in known_rest if not _LEGAL.fullmatch(w)]
        if not known_rest or (
            len(known_rest) == len(rest)
            and all(a.startswith(b) or b.startswith(a) for a, b in zip(known_rest, rest, strict=True))
        ):
            return known
    return None


# short forms of a company's words: "Tech", "Intl", "Int'l", "Corp"
_SHORT_COMPANY_WORD = re.compile(r"Tech|Intl|Int['\u2019]l|Pharm|Telco|Comms|Ent")


def _introduced(body: str, lex, hits, runs: list[Run] | None = None) -> dict[str, Known]:
    found: dict[str, Known] = {}
    for hit in hits:
        m = _JOINT_AFTER.match(body, hit.end)
        name = m.group("name") if m else None
        if name and name not in lex.surfaces and not plausible_name(name):
            found.setdefault(name, Known(canonical_company(name), "company"))
    known_ends = {h.end + 1 for h in hits}
    built = list(_BUILT_LIKE_A_COMPANY.finditer(body)) if any(f" {w}" in body for w in _COMPANY_WORDS) else []
    stems = occurrences(
        body, {m.group("stem") for m in built if m.group("name").endswith(("International", "Holdings"))}
    )
    for m in built:
        name, stem = m.group("name"), m.group("stem")
        first = stem.split()[0]
        if name in lex.surfaces or first in lex.surfaces or first in NOT_FIRST_NAMES or first in _GENERIC:
            continue
        inside = _INSIDE_A_NAME.search(body, max(0, m.start() - 40), m.start())
        if inside and not (inside.group(0) == "and " and inside.start() in known_ends):
            continue  # but "China Mobile and Japan Telecom" is a list
        if not companyish(name) or (stem in NOT_COMPANIES and not name.endswith(("Telecom", "Wireless"))):
            continue  # "Japan Telecom" is a company, "Europe Holdings" anyone's guess
        # "Commodore International", and "Commodore" alone elsewhere: the company is Commodore
        alone = name.endswith(("International", "Holdings")) and any(
            not _CAPITALISED_NEXT.match(body, at + len(stem)) for at in stems.get(stem, ())
        )
        found.setdefault(name, Known(stem if alone else name, "company"))
        if alone:
            found.setdefault(stem, Known(stem, "company"))
    candidates = []
    for m in _POSSESSIVE_PRODUCT.finditer(body):
        name = _NAME_BEFORE.search(body, max(0, m.start() - 60), m.start())
        if name and (m.group("mark") not in ("'", "\u2019") or name.group(0).endswith("s")):
            candidates.append(name.group(0))  # "Silicon Graphics' Columbia": a bare mark follows a plural
    for m in _SUCH_AS.finditer(body):
        if body[m.start()] == ":" and not body[m.start() - 1 : m.start()].isalpha():
            continue  # a colon lists only right after a word ("operators: A, B")
        listed = _NAMES.match(body, m.end())  # none for a lone figure: "producers such as 3 ..."
        if listed and _KIND_BEFORE.search(body, max(0, m.start() - 20), m.start()):
            candidates += re.split(r",\s*and\s+|,\s*|\s+and\s+", listed.group(0))
    # "Ask's My Jeeves service" where the article names Ask Jeeves: a short form of a known name
    known_starts = {" ".join(k.split(" ")[:i]) for k in {h.text for h in hits} for i in range(1, k.count(" ") + 1)}
    named = []
    for name in candidates:
        name = re.sub(rf"\s+{LEGAL_SUFFIX}$", "", name.strip())  # "Globex Corp" is Globex
        if not name or name in lex.surfaces or name in found or not companyish(name):
            continue
        if name.split()[0] in lex.surfaces or name in known_starts:
            continue
        person = plausible_name(name) and not re.search(rf"\s(?:{_COMPANY_WORD}|{_TRADE_WORD})$", name)
        if person or re.fullmatch(r"[A-Z]{4,}", name):
            continue
        named.append(name)
    products = []
    for hit in hits:
        m = _PRODUCT_AFTER.match(body, hit.end)
        if hit.known.type != "company" or m is None:
            continue
        name = m.group("name")
        first = name.split()[0]
        if name in lex.surfaces or first in lex.surfaces or first in NOT_COMPANIES or first in NOT_FIRST_NAMES:
            continue
        if first in {"To", "Of", "And", "For", "With", "From", "By", "As", "Or", "Is", "Are", "Was", "Will"}:
            continue  # "TiVo To Go": no name starts with a little word
        if re.match(ROLE_WORDS, name.casefold()) or re.match(LEGAL_SUFFIX, first) or first in COMPANY_WORDS:
            continue
        if _SPEAKS_AFTER.match(body, m.end()) or (first in FIRST_NAMES and plausible_name(name)):
            continue  # "officer for Unilever Rhys McCarthy said": a person, no product speaks
        products.append((name, hit.known.company))
    people = person_words(body, {*named, *(name for name, _owner in products)})
    for name in named:
        if name not in people:
            found[name] = Known(name, "company")
    for name, owner in products:
        if name not in people:
            found.setdefault(name, Known(name, "product", owner))
    slots = {
        n: s for n, s in slot_companies(body, lex, runs).items() if n not in found and n.split()[0] not in lex.surfaces
    }
    for name in sorted(accepted(body, slots)):
        found.setdefault(name, Known(name, "company"))
    for name in _placed_and_acting(body, lex, runs, found):
        found.setdefault(name, Known(name, "company"))
    return found


_PLACE_POSSESSIVE = re.compile(r"(?<![\w.])(?P<place>[A-Z][\w&\-]+(?:[ ][A-Z][\w&\-]+)?)['\u2019]s[ ]\Z")


def _placed_and_acting(body: str, lex, runs: list[Run] | None, found: dict[str, Known]) -> set[str]:
    """Names after a country's or a city's possessive ("Colombia's Rappi", "Saudi Arabia's ACWA
    Power") that the article also writes doing what a company does ("Rappi said it regrets",
    "ACWA Power acquired"); a place's possessive describes people and places too ("Britain's
    Boris Johnson", "China's Guangdong"), so the act is asked for, and no person's name."""
    names = set()
    for start, _end, run in capitalised_runs(body) if runs is None else runs:
        if body[start - 1 : start] != " " or body[start - 2 : start - 1] not in "s":
            continue
        m = _PLACE_POSSESSIVE.search(body, max(0, start - 30), start)
        owner = m.group("place") if m else ""
        if owner not in NOT_COMPANIES and not _known_company(owner, lex) and owner not in found:
            continue  # "Quebecor's Videotron", "Walmart's PhonePe": a company's unit, when it acts as one
        name = clean_name(run)
        if not name or name in lex.surfaces or name in found or name in NOT_COMPANIES or len(name) < 3:
            continue
        if _public(name) or not companyish(name) or name.split()[0] in lex.surfaces:
            continue
        if (plausible_name(name) and not _company_shaped(name)) or _ROLE_WORD.search(name):
            continue  # "Britain's Boris Johnson", "Sony's Chief Commercial Officer"
        names.add(name)
    if not names:
        return names
    persons = _persons(body, names)
    return {n for n in names if n not in persons and _acting(body, n)}


_CAPITALISED_NEXT = re.compile(r"\s+[A-Z]")
_SPEAKS_AFTER = re.compile(
    r",\s*who\b|\s+(?:said|says|told|tells|added|adds|explained|noted|argued|wrote|warned|stated)\b|:\s*[\"\u201c]"
)
_FIRST_BEFORE = re.compile(rf"\b(?P<first>{HONORIFIC}|[A-Z][a-z]+)\s+$")


def person_words(body: str, names: set[str]) -> set[str]:
    """The ``names`` the article also gives as a person's surname: ``Gates`` where it names
    ``Bill Gates`` or ``Mr Gates``."""
    found = set()
    for name, starts in occurrences(body, names).items():
        for at in starts:
            m = _FIRST_BEFORE.search(body, max(0, at - 40), at)
            if m and (re.fullmatch(HONORIFIC, m.group("first")) or plausible_name(body[m.start() : at] + name)):
                found.add(name)
                break
    return found


@lru_cache(maxsize=4096)
def companyish(name: str) -> bool:
    """Not a pronoun or article, a place, a title, nor a plural abbreviation of a kind of firm (``ISPs``, ``PCs``)."""
    first = name.split()[0]
    if re.fullmatch(r"[A-Z]{2,}s", name) or name in NOT_COMPANIES:
        return False  # a place alone; "China Mobile" is a company
    if re.search(r"\b(?:University|Institute|College|School|Association|Federation|Foundation|Council|Agency)\b", name):
        return False
    if re.fullmatch(HONORIFIC, first) or _DEMONYMS.fullmatch(name) or all(w in _TITLE_WORDS for w in name.split()):
        return False  # "South African", "Chilean"; "Managing Director", "Chairman"
    return first not in {"The", "This", "That", "It", "Its", "In", "On", "A", "An", "He", "She", "They", "We", "I"}


# what a people or a region is called ("Chilean", "South African", "Southeast Asian")
_DEMONYMS = re.compile(
    r"(?:(?:North|South|East|West|Southeast|Northeast|Southwest|Northwest|Central|Latin|Sub-Saharan)[ ])?"
    r"(?:[A-Z][a-z]+(?:ian|ese|ish)|[A-Z][a-z]{3,}(?:ean|can|ani))"
)
# the words of a title, which alone name no company ("Managing Director", "Chairman")
_TITLE_WORDS = frozenset(
    "Chairman Chairwoman Chief Executive Officer Managing Director President CEO CFO CTO COO Founder Co-founder"
    " Head Manager General Vice Deputy Senior Joint Acting".split()
)


def main_company(hits: list[tuple[int, str]]) -> str | None:
    counts = Counter(c for _p, c in hits)
    if not counts:
        return None
    (top, n), *rest = [*counts.most_common(2), (None, 0)]
    return top if n >= 3 and n > rest[0][1] else None


# what a company does right after its name: "X's", "X said", "X, which makes"
_ACTS = re.compile(
    r"(?:['\u2019]s\b|,?\s+(?:which\s+|who\s+)?(?:also\s+)?(?:said|says|announced|reported|told|launched|sold|sells"
    r"|bought|buys|makes|made|produced|produces|owns|owned|employs)\b)"
)


def _acts(body: str, names: set[str]) -> set[str]:
    """The ``names`` the text writes as a company's somewhere: right before an act ("X's", "X
    said", "X, which makes"); each name's places found in one scan for all of them."""
    return {
        name
        for name, starts in occurrences(body, names).items()
        if any(_ACTS.match(body, at + len(name)) for at in starts)
    }


# -- companies in the slots news writing keeps for companies ------------------------------------
# "acquired mobile studio Playdots", "a partnership with Paris-based Mistral", "Nuvia (NASDAQ:
# NUVI)", "shares of Afterpay", "Alaska Air Group", "Paystack, a fintech startup": a capitalised
# name where news writing puts a company is a company, whether or not a list holds it, unless it
# is a person's, a place's, a public body's or the press's.


def _words(key: str) -> frozenset[str]:
    return frozenset(_DATA[key])


_DATA = json.loads(Path(__file__).with_name("companies.json").read_text(encoding="utf-8"))
COMPANY_WORDS = _words("company_words")
KINDS = _words("kinds")
PUBLIC_WORDS = _words("public_words")
NOT_NAME_STARTS = _words("not_name_starts")
FIRST_NAMES = _words("first_names")
# capitalised words that start the names of things rather than of firms ("Global Positioning Systems")
_GENERIC = _words("generic_starts")
# kinds that describe a person too ("partner John Smith"): no company's description before a person's name
PERSON_KINDS = _words("person_kinds")
_ROLE_MODIFIERS = _words("role_modifiers")

_KIND = f"(?:{alternation(KINDS)})"
# a kind of firm in the plural before a list: "discount chains like No Frills", "telcos such as TPG"
_KIND_BEFORE = re.compile(
    rf"\b(?:{alternation({k if k.endswith('s') else k + 's' for k in KINDS} | {'services', 'ISPs', 'portals'})})"
    r"\s*,?\s*\Z"
)
_KIND_AFTER = f"(?:{alternation(_DATA['kinds_after_name'])})"
_MODIFIED = f"(?:{alternation(KINDS | {'developer', 'developers'})})"
# a capitalised name: up to five capitalised words ("Pacific Equity Partners", "7-Eleven", "Seven & i")
_RUN_WORD = r"[A-Z0-9](?:[\w&\-]|\.(?=\w))*+"
_RUN = rf"{_RUN_WORD}(?:[ ](?:[&n][ ])?{_RUN_WORD}){{0,4}}"
# a nationality or a place's possessive before a name describes it ("US rival", "Australia's")
_DEMONYM = r"(?:US|UK|EU|U\.S\.|[A-Z][a-z]+(?:an|ian|ese|ish|i|ch)|[A-Z][a-z]+['\u2019]s|[A-Z][\w.]*-based)"
_STOP = (
    r"(?:for|from|in|into|of|on|at|by|with|to|as|than|that|which|who|when|where|while|if|or|but|after|before|over"
    r"|is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|it|this|these|those|stake"
    r"|stakes|shares?|stock|interest|assets|products|rights|land|some|more|part)"
)
# words that may describe a company between a cue and its name ("acquire the Israeli startups")
_DESCRIPTION = (
    rf"(?:(?:(?!{_STOP}\b)[a-z$][\w$.'\u2019%-]*+|{_DEMONYM}(?=,?[ ]+[a-z])"
    rf"|[A-Z][\w&.-]*+(?=[ ]+(?:[A-Z][\w&.-]*+[ ]+)?{_MODIFIED}\b)),?[ ]+){{0,7}}?"
)
# a name right before one of these describes what follows it ("the Destiny developer, Bungie")
_NOT_BEFORE_A_KIND = rf"(?![ ]+(?:[A-Z][\w&.-]*+[ ]+)?{_MODIFIED}\b)"
# the cues whose object is a company
_OBJECT_CUE = (
    r"(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|snap(?:s|ped|ping)?\s+up"
    r"|(?:acquisition|purchase|takeover|buyout|merger)s?\s+(?:of|with|by)|(?:acquired|bought|owned)\s+by"
    r"|merg(?:e|es|ed|ing)\s+with|(?:partnership|partnerships|alliance|deal|agreement|agreements|joint\s+venture"
    r"|collaboration|tie-up|contract|pact|memorandum\s+of\s+understanding)\s+with"
    r"|partner(?:s|ed|ing)?\s+with|team(?:s|ed|ing)?\s+up\s+with|join(?:s|ed)?\s+forces\s+with"
    r"|(?:stake|investment)\s+in|[Ss]hares\s+(?:of|in)|spun\s+off\s+from|subsidiary\s+of|parent\s+of"
    r"|(?:owns|owned|holds|held)\s+(?:an?\s+|about\s+|some\s+)?\d+(?:\.\d+)?\s*(?:%|per\s?cent|percent)\s+(?:stake\s+)?(?:of|in)"
    r"|(?:competition|competitors?|rivals?|challengers?)\s+(?:from|to|of|such\s+as|like|including)"
    r"|compet(?:e|es|ed|ing)\s+(?:with|against)|rival|competitor|challenger)"
)
_CUE_BEFORE = re.compile(rf"(?<![\w-]){_OBJECT_CUE}[ ]+(?:the[ ]+)?\Z")
_AFTER_CUE = re.compile(
    rf"(?<![\w-])(?=[abcdhijmoprstS]){_OBJECT_CUE}[ ]+"
    rf"(?P<description>{_DESCRIPTION})(?P<name>{_RUN}){_NOT_BEFORE_A_KIND}"
)
# things a name describes right before them ("MP3 players", "Tesla cars")
_THINGS_AFTER = re.compile(
    r"[ ]+(?:players|phones|handsets|devices|gadgets|cars|vehicles|files|songs|tracks|music|tickets|games|consoles"
    r"|chips|laptops|computers|tablets|TVs|televisions|drives|cards|products|goods|gear|machines|servers)\b"
)
_PLACE_OWNED = re.compile(
    r"[ ]+(?:[a-z-]+[ ]+)?(?:mine|mines|field|fields|project|projects|plant|plants|assets|block|licen[cs]e|deposit"
    r"|site|property|farm|pipeline|terminal|port|stadium|building|tower|hotel|mall)\b"
)
_OWNER_BEFORE_A_NAME = re.compile(r"['\u2019]s[ ][A-Z]")
# a listing in brackets: "(NYSE: GE)", "(AIM: CHAR)", "(TSX-V: ABC; OTCQX: ABCD)", and the Reuters
# codes "(AAPL.O)", "(7203.T)", "(005930.KS)"
_TICKER = re.compile(
    r"[ ]*\((?:(?:NASDAQ|NYSE|Nasdaq|NasdaqGS|LSE|LON|TSX|TSXV|TSX-V|ASX|HKEX|HKG|SGX|BSE|NSE|OTC|OTCQX|OTCQB"
    r"|Euronext|EPA|AMS|KRX|KOSDAQ|TYO|TSE|SHA|SHE|AIM|JSE|NZX|SIX|FRA|ETR|XETRA|BME|BIT|TASE|TADAWUL|EGX|NGX|IDX|PSE"
    r"|SET|CSE|NEO|BVMF|B3|BMV)\s*:\s*[A-Z0-9.]+[);,]|(?:[A-Z]{2,6}|\d{3,6})\.[A-Z]{1,2}\))"
)
# "Glimmr, a Lagos-based fintech startup", "Dito -- a joint venture between", "X, the parent company of Y"
_KIND_AFTER_NAME = re.compile(
    rf"(?:,|[ ]+(?:--|\u2014|\u2013))\s+(?:an?|the)\s+(?:[\w$.'\u2019-]+\s+){{0,5}}?"
    rf"(?:{_KIND_AFTER}\b(?!\s+(?:of|at|for)\b)|joint[ ]venture\b|(?:parent|holding)[ ]company[ ]of\b"
    r"|(?:unit|division|subsidiary)[ ]of[ ]+(?:the[ ]+)?[A-Z])"
)
# a company's own: "Afterpay's shares", "Xilinx's chief executive"
_OWNED = re.compile(
    r"['\u2019]s?\s+(?:[\w-]+\s+){0,2}?(?:chief executive|CEO|chairman|chairwoman|board|shares|stock|share price"
    r"|headquarters|subsidiary|unit|parent|market value|valuation|revenue|profits?|sales|shareholders|takeover"
    r"|acquisition|customers|stores|factory|factories|plant|data cent(?:re|er)s?|IPO|listing|brand|app|platform"
    r"|network|networks|subscribers|offices|employees|workforce|market share|co-founder|founders|investors|outlets"
    r"|branches|regional director|managing director|spokes(?:man|woman|person)|barrister|lawyers|executives"
    r"|purchaser|buyer|acquirer|new owners?|quarterly (?:results|earnings|revenue)|annual report|product (?:line|range)"
    r"|net (?:income|profit|loss))\b"
)
# what a company does as a sentence's subject ("Nuvia has raised", "Afterpay shares fell")
_AUXILIARIES = r"[ ]+(?:(?:has|have|had|will|would|also|recently|officially|last[ ]\w+|on[ ]\w+)[ ]+){0,3}"
_COMPANY_ACT = re.compile(
    _AUXILIARIES + r"(?:raised\s+\$|posted\s+(?:a\s+)?(?:revenue|profit|loss|sales)"
    r"|(?:shares|stock|share[ ]price)\s+(?:rose|fell|jumped|dropped|slid|soared|climbed|tumbled|surged|gained)"
    r"|employs|IPO|said[ ]in[ ]a[ ](?:stock[ ]exchange[ ]|regulatory[ ]"
    r"|securities[ ])filing|said[ ](?:in[ ]a[ ]statement[ ](?:posted[ ]|published[ ])?)?on[ ]its[ ]website"
    r"|operates[ ](?:in|\d[\d,]*+[ ](?:stores|outlets|branches|flights|plants|factories))"
    r"|has[ ](?:\d[\d,]*+[ ])?(?:stores|outlets|branches|subscribers)"
    r"|reported[ ](?:a[ ]|an[ ]|its[ ])?(?:net[ ]|quarterly[ ]|annual[ ]|first-quarter[ ]|half-year[ ])?"
    r"(?:revenue|profit|loss|earnings|sales|turnover)|(?:is|was)[ ](?:listed|traded)[ ]on|went[ ]public"
    r"|filed[ ]for[ ](?:bankruptcy|an[ ]IPO)"
    r"|(?:is|was)[ ](?:majority[ ]|wholly[ ]|partly[ ])?owned[ ]by)\b"
)
# what only a company does as a sentence's subject: buy a company, partner, sign a deal
_DEAL_ACT = re.compile(
    _AUXILIARIES
    + r"(?:acquired|acquires|bought|buys|agreed\s+to\s+(?:buy|acquire|purchase|merge)|partnered|teamed\s+up"
    r"|is\s+(?:buying|acquiring)|inked|signed\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:deal|agreement|contract|partnership"
    r"|pact|memorandum)|formed\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:partnership|alliance|joint\s+venture)"
    r"|entered\s+into)\b"
)
_PERSON_CONTEXT = re.compile(r",\s+(?:an?\s+|the\s+|its\s+|who\b)|\s+(?:said|says|told|added|who)\b", re.IGNORECASE)
# a role after an apposition's article: "Andy Jassy, the chief executive", not "Morlan Tooling, a year after"
_ROLE_AFTER = re.compile(r"(?:[\w-]+\s+){0,2}?(?:" + ROLE_WORDS.removeprefix(r"\b") + r")\b", re.IGNORECASE)


def _person_context(text: str, end: int) -> bool:
    """Words after a name that a person's take: "said", "who", an apposition that gives a role."""
    m = _PERSON_CONTEXT.match(text, end, end + 20)
    if m is None:
        return False
    return (
        not m.group(0).startswith(",") or m.group(0).rstrip().endswith("who") or bool(_ROLE_AFTER.match(text, m.end()))
    )


_ROLE_BEFORE = re.compile(
    r"\b(?:chief executive|CEO|CFO|CTO|COO|chairman|chairwoman|president|founder|co-founder|analyst|director"
    r"|spokes(?:man|woman|person)|boss|minister|secretary|senator|governor|mayor|judge|professor|economist)\s+\Z",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(rf"(?<!\w){HONORIFIC}\s+\Z")
_MONTHS = frozenset(
    "January February March April May June July August September October November December Monday Tuesday"
    " Wednesday Thursday Friday Saturday Sunday Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)


@lru_cache(maxsize=4096)
def clean_name(name: str) -> str:
    """``The Chipmaker Skyworks Solutions Inc.`` -> ``Skyworks Solutions``; no name for what
    stands on two lines, a number or a unit (``275ha``)."""
    if "\n" in name:
        return ""
    words = re.split(r"\.\s", name)[0].strip(" ,.").split()  # "BridgeHead Software. They"
    based = max((i + 1 for i, w in enumerate(words) if _BASED_WORD.fullmatch(w)), default=0)
    words = words[based:]  # "New Zealand-based Food Partners"
    while words and (
        (words[0] in NOT_NAME_STARTS and not _national_firm(words))
        or (words[0] in _MONTHS and not (len(words) == 2 and words[1] in COMPANY_WORDS))  # "March Networks"
        or re.fullmatch(r"\d[\d,.]*(?:s|bn|b|mn|m|tn|k)?|No\.\d\S*", words[0])
    ):
        words.pop(0)  # "The", "Chipmaker", "In January", "1980s", "No.1-ranked", "$2bn" in a headline
    if len(words) > 1 and "-" in words[0] and _NATIONALITY.fullmatch(words[0]):
        words.pop(0)  # "Canadian-American Molson Coors"; but "African Banking Corporation", "Indian Oil"
    while words and re.fullmatch(r"[\d.,$]+[A-Za-z]{0,2}", words[-1]):
        words.pop()  # "PMC Sierra 2B"
    cut = next(
        (i for i, w in enumerate(words) if (w in _MONTHS and i) or w in {"CEO", "Chief", "Inc.", "Corp."}), len(words)
    )
    words = words[:cut]
    # "tech giant FPT Corporation Truong Gia Binh": a legal suffix ends the name, a person's may follow
    suffix = next((i for i, w in enumerate(words[1:-2], 1) if w in _MID_RUN_SUFFIXES), None)
    words = words[: suffix + 1] if suffix else words
    name = " ".join(words)
    name = re.sub(rf"(?:\s+{LEGAL_SUFFIX})+$", "", name).strip(" ,.")
    name = re.sub(r"['\u2019]s?$", "", name)
    name = re.sub(r"[ ]&$", "", name)  # "Goldman Sachs &" where a line or a run broke
    if not words or re.fullmatch(rf"{HONORIFIC}", words[0]) or (len(words) == 1 and words[0] in COMPANY_WORDS):
        return ""  # "Mr Lanzone"; "Holdings" alone
    if re.fullmatch(LEGAL_SUFFIX, name):
        return ""  # "Ltd" left of "AAPICO Hitech Public Company Ltd"
    return "" if re.fullmatch(r"[\d.,]+(?:ha|km|kg|bn|mn|m|b|k|th|st|nd|rd)?|[A-Z]\.[A-Z]\.?|[A-Z]", name) else name


def _national_firm(words: list[str]) -> bool:
    """A nationality opening a firm's name of two words, the second a company's or an industry's
    word ("American Tower", "Indian Bank", "Indian Oil Corp"), is the name's ("Chinese BYD" is not)."""
    while len(words) > 2 and _LEGAL.fullmatch(words[-1]):
        words = words[:-1]
    return (
        len(words) == 2
        and bool(_NATIONALITY.fullmatch(words[0]))
        and words[0] not in _CONTINENTS
        and words[1] in _INDUSTRY_WORDS
    )


# (not a company's every word: "Australian Securities and Investments Commission" is a regulator)
_INDUSTRY_WORDS = frozenset("Bank Oil Tower Express Gas Water Electric Power Airlines Steel Cement".split())
# a continent's banks and bodies are public ("European Bank for Reconstruction and Development")
_CONTINENTS = frozenset("European Asian African".split())
_MID_RUN_SUFFIXES = frozenset({"Corporation", "Corp", "Corp.", "Inc", "Ltd", "Ltd.", "Limited", "PLC", "plc", "LLC"})
_LEGAL = re.compile(LEGAL_SUFFIX)
_LEGAL_AFTER = re.compile(rf"(?:[ ]{LEGAL_SUFFIX})+")
_NATIONALITY = re.compile(r"(?:[A-Z][a-z]+(?:an|ese|ish|i|ch)-)*[A-Z][a-z]+(?:an|ese|ish|i|ch)")
_BASED_WORD = re.compile(r"\S+-(?:based|headquartered|owned|backed|listed|led|controlled|born|founded|registered|run)")


@lru_cache(maxsize=4096)
def _company_shaped(name: str) -> bool:
    last = name.split()[-1] if name else ""
    return (
        last in COMPANY_WORDS
        or bool(re.search(r"[a-z][A-Z]|\d|&|\.(?:com|io|ai)$", name))
        or bool(_BANK_FIRST.match(name))
    )


# a bank by its name's first word in another language ("Banque Misr", "Banca Sella"; not a central
# bank: "Banco Central", "Banque de France")
_BANK_FIRST = re.compile(r"(?:Banco|Banca|Banque|Banka)[ ](?!Central|Nacional|Nationale|National)[A-Z]")


# generic first words that open a state's bodies' names ("Central Bank", "National Payments Corporation")
_STATE_WORDS = frozenset("Central National Federal Public Civil Commonwealth Development".split())


def _generic_firm(name: str) -> bool:
    """A name public only by its generic first word, ending in a company's word ("Global Payments")."""
    words = name.split()
    return (
        len(words) > 1
        and words[0] in _GENERIC
        and words[0] not in _STATE_WORDS
        and words[-1] in COMPANY_WORDS
        and name not in NOT_COMPANIES
        and not any(w in PUBLIC_WORDS for w in words)
        and name.lower() not in KINDS
    )


# public words that open firms' names too ("Office Depot", "Union Pacific", "Alliance Boots", "Trust Bank")
_OPENING_PUBLIC = frozenset("Office Union Alliance Trust".split())


def _public_first_word(name: str) -> bool:
    """A name public only by its first word, one of :data:`_OPENING_PUBLIC`, with a name's word
    after it ("Office Depot"; not "Union of Students", nor "Union Ministry")."""
    words = name.split()
    return (
        len(words) > 1
        and words[0] in _OPENING_PUBLIC
        and words[1][:1].isupper()
        and not any(w in PUBLIC_WORDS for w in words[1:])
        and name not in NOT_COMPANIES
    )


@lru_cache(maxsize=4096)
def _public(name: str) -> bool:
    words = name.split()
    return (
        name.lower() in KINDS  # "Banks, Telcos, Fintechs": kinds of firm, capitalised
        or name in NOT_COMPANIES
        or any(w in PUBLIC_WORDS for w in words)
        or words[0] in _GENERIC
        or (len(words) == 1 and words[0].endswith(("ian", "ese", "ish")) and not _company_shaped(name))
    )


# the cues' objects, found where a cue's first letters stand (a plain search) rather than by
# trying the pattern at every position
_AFTER_CUE_FOUND = FromLiterals(_AFTER_CUE)


def slot_companies(text: str, lex, runs: list[Run] | None = None) -> dict[str, int]:
    """Names standing in a company's slot, each with how strongly its slots say so (2: a legal
    suffix or company word, a description, a ticker, a purchase or partnership; 1: a rival, a
    company's own shares or chief, a company's act as a subject). Every capitalised name is read
    once, with the words around it (``runs``: the text's :func:`capitalised_runs`, if walked
    already)."""
    found: dict[str, int] = {}

    def add(raw: str, strength: int, bought: bool = False) -> None:
        name = clean_name(raw)
        public = bool(name) and _public(name) and not (bought and _BOUGHT_THOUGH_PUBLIC.search(name))
        if public and ((strength >= 3 and _generic_firm(name)) or (strength >= 2 and _public_first_word(name))):
            public = False  # "payment technology firm Global Payments", "Oregon-based Smart Foodservice Stores",
            # "its rival Office Depot", "drugstore chain Alliance Boots"
        if bought and " " not in name and _ORDINARY.search(name) and not _company_shaped(name):
            return  # "Leading all deals was X's agreement to buy Y": a word opening the sentence
        if name and name not in lex.surfaces and not public and len(name) > 1 and companyish(name):
            strength += 1 if _company_shaped(name) else 0
            if strength >= 2 and found.get(name, 0) >= 2:
                strength = 3  # two slots for companies say it as surely as a company's shape
            found[name] = max(found.get(name, 0), strength)

    for m in _AFTER_CUE_FOUND.finditer(text):
        cue = m.group(0).split()[0].lower()
        if re.fullmatch(r"(?:an?|some|more|two|three)[ ]+", m.group("description"), re.IGNORECASE):
            continue  # "buy a Tesla", "bought two Nokias": things, not companies
        if _THINGS_AFTER.match(text, m.end()):
            continue  # "buy MP3 players", "bought Tesla cars": the name describes things bought
        if _OWNER_BEFORE_A_NAME.match(text, m.end()):
            continue  # "merge with Winnipeg's Novra Technologies": the slot is the name after the possessive
        if _PLACE_OWNED.match(text, m.end()):
            continue  # "owns 90% of the Wassa gold mine": a mine, a field, a project
        add(m.group("name"), 1 if cue.startswith(("rival", "compet", "challeng")) else 2)
    runs = capitalised_runs(text) if runs is None else runs
    for start, end, run in runs:
        if "-" in run and _JOINT_NOUN.match(text, end):
            # "the Airbus-Bombardier partnership": a known company's partner named in the same word
            first, _, second = run.rsplit(" ", 1)[-1].partition("-")
            for known, other in ((first, second), (second, first)):
                if _known_company(known, lex) and other[:1].isupper() and len(other) > 2 and "-" not in other:
                    add(other, 2)
        strength = 0
        head = text[max(0, start - 30) : start]
        last = run.rsplit(" ", 1)[-1]
        legal = " " in run and _LEGAL.fullmatch(last)
        if legal:
            strength = 3  # "Globex Corp", "Illuminations Television Limited": as sure as a company's shape
            if _end_of_a_name(text, start, run):
                strength = 0  # "VinFast Trading and Production LLC": the end of a name, no name alone
        if (legal or (" " in run and last == "Company")) and (whole := _named_with_and(text, start, run, lex)):
            add(whole, 3)  # "Oil and Natural Gas Corp", "Zeal Power Construction and Development Corporation"
            strength = 0
        shaped = " " in run and last in COMPANY_WORDS
        if shaped and not strength and not head.endswith((" of ", " of the ")):
            strength = 1  # "Kestrel Capital" (2 with its company word); not "the School of Electrical Engineering"
        before = head.rsplit(None, 1)[-1].rstrip(",") if head.endswith(" ") and head.strip() else ""
        if before.startswith("producer") and _INDUSTRY_PRODUCER.search(head):
            before = "firm"  # "oil producer Tullow": a firm's description
        elif "-" in before and before.lower().startswith(("arch-", "long-time-", "longtime-")):
            before = before.rsplit("-", 1)[1]  # "arch-rival Red Bull"
        described = before in KINDS and head.endswith(f"{before} ") and before not in PERSON_KINDS
        if described and run.split()[0] not in FIRST_NAMES:
            strength = 3  # "contractor KCA Deutag", "conglomerate San Miguel": a firm's description, no person's
        elif _placed(before, run):
            strength = 3  # "Brazil-based Easy Taxi": a firm's place, right before a name no first name opens
        elif before in KINDS or before.endswith(("-based", "-headquartered")) or "-based " in run:
            strength = 2  # "chipmaker Ombrix", "payments giant, Stripe", "Paris-based Lumeo"
        elif _held(before, run, lex):
            strength = 2  # "SoftBank-backed Ombrix", "Nasdaq-listed Lumeo", "family-owned Orvel Brewing"
        elif (chief := _officer_in(run)) or (
            (role := _ROLE_AFTER_NAME.match(text, end)) and _NEXT_IS_A_NAME.match(text, role.end())
        ):
            # "Airtel Africa CEO Sunil Taldar", "Movidius co-founder and chief technology officer David
            # Moloney": a company's officer, named after the company's name
            strength = 2
            run = run[:chief] if chief else run
        else:
            after = text[end : end + 1]
            if (
                (after in " (" and _TICKER.match(text, end))
                or (after in ", " and _KIND_AFTER_NAME.match(text, end))
                or (after == " " and (_IS_A_KIND.match(text, end) or _DEAL_ACT.match(text, end)))
            ):
                strength = 2  # "Vexa (NASDAQ: VEXA)", "Glimmr, a Lagos-based fintech startup", "X is a company"
                if after == "," and _PART_OF_A_FIRM.match(text, end):
                    strength = 3  # "Orient Overseas Container Line, a unit of Cosco": no person is one
            elif after == " " and (pair := _PAIR_OF_KINDS.match(text, end)):
                # "A and B were regional carriers": both, as sure as a description
                strength = 3 if run.split(" ", 1)[0] not in FIRST_NAMES else 2
                other = pair.group("other")
                add(other, 3 if other.split(" ", 1)[0] not in FIRST_NAMES else 2)
            elif after == " " and (deal := _AND_ANOTHER.match(text, end)) and _DEAL_ACT.match(text, deal.end()):
                strength = 2  # "Kestrel and Orvane have signed a partnership": the first of a deal's two subjects
            elif (after in "'\u2019" and _OWNED.match(text, end)) or (after == " " and _COMPANY_ACT.match(text, end)):
                strength = max(strength, 1)  # "Orvane's shares", "Nuvia has raised $"
        if not strength and head.endswith(("called ", "named ", "dubbed ")) and _CALLED.search(head):
            strength = 2  # "a service provider called Radar"
        elif not strength and head.endswith((" at ", " of ")) and _ROLE_AT.search(head):
            strength = 1  # "Managing Director at T-Systems"
        elif not strength and head.endswith(", ") and _ROLE_THEN_COMMA.search(head):
            strength = 1  # "CS Verma, Chairman, SAIL": a title, then the company
        if strength:
            add(run, strength)
    # "online platform eSky", "local app iFood": a name no capital opens, right after a kind of firm
    # ("e-pharmacy startup, mPharma", "power producer sPower"), or one that acts as a company ("xAI
    # signed a deal", "valU's customers")
    camel = [(m["name"], m.end(), text[max(0, m.start() - 30) : m.start() + 1]) for m in _LOWER_CAMEL.finditer(text)]
    camel += [(m["name"], m.end(), "") for m in _LOWER_CAMEL_LINE.finditer(text)]  # "qPay signed ..." opening a line
    if text[:1].islower() and (first := _LOWER_CAMEL.match(f" {text[:40]}")):
        camel.append((first["name"], first.end() - 1, ""))  # ... or the text
    for name, end, head in camel:
        before = head.rsplit(None, 1)[-1].rstrip(",") if head.strip() else ""
        kind = (before in KINDS and before not in PERSON_KINDS) or _INDUSTRY_PRODUCER.search(head)
        cued = head.endswith(" ") and not name.endswith("s") and _CUE_BEFORE.search(head)  # (not "bought eBooks")
        if kind or _acts_as_a_company(text, end) or cued:
            add(name, 2)  # (and "a partnership with xAI", "acquired eSky": a purchase's or a deal's object)
    for run, sure in _listed_with_companies(text, runs, lex, found):
        add(run, 3 if sure and run.split(" ", 1)[0] not in FIRST_NAMES else 2)
    for buyer, target in _purchases(text, lex, runs):
        for side in (buyer, target):  # "Morlan Tooling", "Craft Brew Alliance": built like no person's
            add(side, 3 if clean_name(side).split(" ", 1)[0] not in FIRST_NAMES else 2, bought=True)
    return found


def _placed(before: str, run: str) -> bool:
    """A place's "-based" right before a name no first name opens ("Brazil-based Easy Taxi", in
    the run or before it): a firm's, as a person's place is told with a role between."""
    if "-based " in run:
        rest = run.split("-based ", 1)[1]
    elif before.endswith(("-based", "-headquartered")):
        rest = run
    else:
        return False
    return rest.split(" ", 1)[0] not in FIRST_NAMES


_HELD = re.compile(r"(?P<by>[\w&.]+)-(?:backed|owned|funded|controlled|listed|run)[ ]")
# "Tata Motors-owned Jaguar": an owner of several words
_HELD_BY_NAME = re.compile(r"(?P<by>[\w&.]+(?:[ ][\w&.]+){1,3})-(?:backed|owned|funded|controlled|run)[ ]")
_HELD_BEFORE = frozenset(
    "family-owned family-run privately-held privately-owned venture-backed VC-backed PE-backed employee-owned"
    " listed-company".split()
)


def _held(before: str, run: str, lex) -> bool:
    """A company's owner, backer or exchange right before a name ("SoftBank-backed Paytm",
    "Nasdaq-listed Lumeo", "family-owned Orvel Brewing"): what firms are; not a country's or a
    movement's backing ("Iran-backed", "US-backed")."""
    if before in _HELD_BEFORE or before.endswith("-listed"):
        return True
    if "-" not in run:
        return False
    m = _HELD.match(run) or _HELD_BY_NAME.match(run)
    if m is None:
        return False
    by = m.group("by")
    return by in _EXCHANGES or _known_company(by, lex) or f"{by.lower()}-{m.group(0)[len(by) + 1 : -1]}" in _HELD_BEFORE


_EXCHANGES = frozenset("Nasdaq NASDAQ NYSE LSE ASX TSX JSE AIM NSE BSE HKEX SGX Euronext".split())


# a company's officer named after it, inside a run of capitals ("Airtel Africa CEO Sunil Taldar") or
# after it ("Movidius co-founder and chief technology officer David Moloney")
_ROLE_IN_RUN = re.compile(
    r"[ ](?:CEO|CFO|CTO|COO|Chief(?:[ ]Executive|[ ][A-Z][a-z]+[ ]Officer)|Managing[ ]Director|General[ ]Manager"
    r"|Executive[ ]Chairman"
    r"|Co-[Ff]ounder|Founder)(?:[ ]Officer)?[ ][A-Z][a-z]"
)
_ROLE_AFTER_NAME = re.compile(
    r"[ ](?:co-founder[ ]and[ ]|founder[ ]and[ ])?(?:chief[ ]executive(?:[ ]officer)?|CEO|CFO|CTO|COO"
    r"|chief[ ][a-z]+[ ](?:[a-z]+[ ])?officer|managing[ ]director|general[ ]manager|co-founder|founder"
    r"|(?:executive[ ])?chair(?:man|woman))[ ]"
)
_ROLE_WORD = re.compile(r"\b(?:Manager|President|Chairman|Executive|Head|&)\Z|\b(?:Director|Officer)\b")


def _officer_in(run: str) -> int:
    """Where a title stands inside a run of capitals after a company's name ("Airtel Africa CEO
    Sunil Taldar"), or 0 where none does (nor after a title's first words: "Joint Managing
    Director Sangita Reddy")."""
    chief = _ROLE_IN_RUN.search(run) if " " in run else None
    if chief is None:
        return 0
    before = run[: chief.start()]
    return 0 if before.rsplit(" ", 1)[-1] in _ROLE_MODIFIERS or _ROLE_WORD.search(before) else chief.start()


_NEXT_IS_A_NAME = re.compile(r"[A-Z][a-z]++[ ](?:[A-Z][a-z]*+[ ])?[A-Z][a-z]")
# (not a merger: "the Vodafone-Idea merger" names the combined company, whose parts are no rivals)
_JOINT_NOUN = re.compile(r"[ ](?:partnership|alliance|joint[ ]venture|tie-up|collaboration|pact)\b")
# (a space, then a line's start, each a literal to scan for: quicker than one class of both)
_LOWER_CAMEL = re.compile(r"[ ](?P<name>[a-z]{1,4}[A-Z][\w&\-]*+)")
_LOWER_CAMEL_LINE = re.compile(r"\n(?P<name>[a-z]{1,4}[A-Z][\w&\-]*+)")
_PART_OF_A_FIRM = re.compile(
    r",[ ]+(?:an?|the)[ ]+(?:[\w-]+[ ]+){0,2}?(?:unit|division|subsidiary)[ ]+of[ ]+(?:the[ ]+)?[A-Z]"
)
# a producer of an industry's goods is a firm ("power producer sPower"); a film's or a record's, a person
_INDUSTRY_PRODUCER = re.compile(
    r"\b(?:power|oil|gas|steel|cement|energy|solar|electricity|lithium|copper|gold|coal|sugar|dairy|battery|chip"
    r"|vaccine|drug|fertili[sz]er)[ ]producers?,?[ ]+\Z"
)


def _acts_as_a_company(text: str, end: int) -> bool:
    """What follows a name at ``end`` is what only a company does or is ("xAI signed a deal",
    "valU, a fintech start-up", "valU's customers")."""
    after = text[end : end + 1]
    return bool(
        (after == " " and (_DEAL_ACT.match(text, end) or _COMPANY_ACT.match(text, end)))
        or (after in ", " and _KIND_AFTER_NAME.match(text, end))
        or (after in "'\u2019" and _OWNED.match(text, end))
    )


# "T-Systems is not a product company", "Glimmr was a startup"
_IS_A_KIND = re.compile(
    rf"[ ]+(?:is|was|has[ ]been|remains|became)[ ]+(?:not[ ]+|now[ ]+|still[ ]+)?(?:a|an|the)[ ]+(?:[\w-]+[ ]+){{0,3}}?"
    rf"{_KIND_AFTER}\b(?![ ]+(?:of|at|for|in)\b)"
)
# "Golden State Cellular and Mobi PCS were regional carriers", "A and B, two of the largest lenders":
# two names told as firms together
_PAIR_OF_KINDS = re.compile(
    rf"[ ]+and[ ]+(?P<other>{_RUN})(?:[ ]+(?:are|were)[ ]+(?:both[ ]+)?(?:(?:the|two)[ ]+)?"
    r"|,[ ]+(?:both|two|the[ ]two)[ ]+(?:of[ ]+(?:the[ ]+)?)?)(?:[\w'\u2019-]+[ ]+){0,3}?"
    rf"(?:{alternation({k if k.endswith('s') else k + 's' for k in _DATA['kinds_after_name']} - {'units'})})\b"
    r"(?![ ]+(?:of|at|for)\b)"
)
_AND_ANOTHER = re.compile(rf"[ ]and[ ]{_RUN}")
_THINGS_BEFORE = re.compile(
    r"\b(?:products|brands|services|apps|games|titles|devices|models|phones|cars|shows|films|drinks)[ ]+(?:such[ ]as"
    r"|like|including)[ ]+(?:[A-Z][\w&'.\-]*,?[ ]+(?:and[ ]+)?){0,4}\Z"
)
_BEFORE_A_KIND = re.compile(rf"[ ]+(?:[a-z][\w-]*[ ]+)?{_MODIFIED}\b")
# the company someone works at: "managing director at X", "chief executive of X"
_ROLE_AT = re.compile(
    r"\b(?:chief executive|CEO|CFO|CTO|COO|chairman|chairwoman|president|founder|co-founder|director|head|manager"
    r"|vice president|executive|analyst|engineer|spokes(?:man|woman|person)|boss|chief[ ]\w+[ ]officer|MD)"
    r"[ ]+(?:at|of)[ ]+\Z",
    re.IGNORECASE,
)
# a title in an apposition, then the company ("Lakshmi Mittal, Chairman and Chief Executive Officer, ArcelorMittal")
_ROLE_THEN_COMMA = re.compile(
    r",[ ](?:Chairman|Chairwoman|President|Founder|Co-founder|CEO|Managing[ ]Director|Chief[ ]\w+[ ]Officer"
    r"|Chief[ ]Executive|Director)[ ]?,[ ]\Z"
)
_CALLED = re.compile(rf"\b(?:{_KIND}|service|provider|developer|app)[ ]+(?:called|named|dubbed)[ ]+\Z")
# what joins the names of a list: "Grab, GoTo, Foodpanda and Deliveroo"
_LIST_JOINS = frozenset((", ", " and ", ", and ", " & ", " or ", ", or "))
# what introduces a list of companies ("rivals such as", "competition with")
_LIST_INTRODUCED = re.compile(
    r"\b(?:rivals|competitors|companies|firms|players|providers|operators|makers|retailers|giants|carriers|banks"
    r"|airlines)(?:[ ]+(?:such as|including|like))?,?[ ]+\Z"
)


_DEAL_BETWEEN = re.compile(
    r"\b(?:collaboration|partnership|alliance|joint[ ]venture|agreement|deal|consortium|tie-up|pact|merger|venture)"
    r"[ ]between[ ]+(?:the[ ]+)?\Z"
)
_TITLE_THEN_COMMA = re.compile(r"\b(?:President|Director|Officer|Manager|Head|Chairman|Chairwoman|CEO|Partner),[ ]\Z")
_TITLE_END = re.compile(r"\b(?:President|Director|Officer|Manager|Head|Chairman|Chairwoman|CEO)\Z")


def _listed_with_companies(text: str, runs, lex, found: dict[str, int]) -> list[tuple[str, bool]]:
    """The names listed with a company ("competition with Grab, GoTo, Foodpanda and Deliveroo"):
    a list of three or more, or of two after words that introduce companies, of which one is a
    company already known or found; each with whether the list is sure (three or more names,
    half of them companies known)."""
    listed = []
    group: list[tuple[int, int, str]] = []
    closed = False  # joined by "and": a comma after it starts another clause ("A and B, C said")
    for run in [*runs, (len(text) + 2, len(text) + 2, "")]:
        join = text[group[-1][1] : run[0]] if group else ""
        if group and join in _LIST_JOINS and not (closed and join == ", "):
            group.append(run)
            closed = closed or join != ", "
            continue
        closed = False
        if len(group) >= 2:
            names = [clean_name(r[2]) for r in group]
            known = [n for n in names if _known_company(n, lex) or found.get(n, 0) >= 2]
            products = [n for n in names if n in lex.surfaces and not _known_company(n, lex)]
            introduced = _LIST_INTRODUCED.search(text, max(0, group[0][0] - 40), group[0][0])
            # not "Opera, Safari and Amaya" (products), nor "in Cerritos, California, PPI is" (places), nor
            # "Vice President, Market Development, Mastercard" (a title's chain)
            places = any(n in NOT_COMPANIES for n in names)
            # "a collaboration between A, B, C and D": three or more named as a deal's parties, none known
            # (two of them built like firms' names, of several words: "Stanford, Harvard and Yale" are no firms)
            between = (
                len(group) >= 3
                and sum(" " in n or "-" in n or _company_shaped(n) for n in names) >= 2
                and _DEAL_BETWEEN.search(text, max(0, group[0][0] - 40), group[0][0])
            )
            if (
                (known or between)
                and not products
                and not places
                and (len(group) >= 3 or introduced)
                and not _TITLE_THEN_COMMA.search(text, max(0, group[0][0] - 30), group[0][0])
                and not _TITLE_END.search(group[0][2])
            ):
                # a list of three or more, half of it companies known: as sure as a description
                sure = len(group) >= 3 and 2 * len(known) >= len(group)
                listed += [(n, sure) for n in names if n and n not in known]
        group = [run]
    return listed


def _known_company(name: str, lex) -> bool:
    known = lex.surfaces.get(name)
    return known is not None and known.type == "company"


def _relation_sides(
    sentences: list[str], lex, text: str, known=(), text_runs: list[Run] | None = None, places=None
) -> set[str]:
    """The names right on the sides of a word of rivalry or cooperation ("Bioverativ competes
    with Baxalta, Pfizer and Novo Nordisk", "a teaming agreement with Quarto", "Ombrix and Quarto
    have partnered"): a company's slots, whether or not a list holds the name. A name built like
    a person's, a place's or a public body's, or an ordinary word opening the sentence, is none.
    ``text_runs``: the :func:`capitalised_runs` of ``text``, where ``places`` gives where in it
    each sentence stands (None for one that does not)."""
    found: set[str] = set()
    unsure: list[tuple[str, list[str]]] = []  # a lone rival that may be software, and its other side
    short = len(sentences) <= 3
    words = None
    run_starts = [r[0] for r in text_runs] if text_runs is not None and places is not None else None
    for k, sentence in enumerate(sentences):
        if not has_cue_stem(sentence):
            continue  # no word of rivalry or cooperation (plain stems first)
        at = places[k] if run_starts is not None else None
        runs = _runs_within(text, text_runs, run_starts, at, sentence) if at is not None else None
        if runs is None:
            runs = capitalised_runs(sentence)
        if len(runs) < 2 or not any((r[0] or " " in r[2]) and _new_name(clean_name(r[2]), lex) for r in runs):
            continue  # no name to learn (a lone word opening the sentence is seldom one): cues are read later
        if not short and not any(clean_name(r[2]) in lex.surfaces or clean_name(r[2]) in known for r in runs):
            continue  # in an article, a side beside a company already known (a lone sentence: any)
        matched = cues(sentence)
        if not matched:
            continue
        # "the BNPL providers Affirm": a modifier; "products such as Velveeta": no company
        listing = " such as " in sentence or " like " in sentence or " including " in sentence
        runs = [
            r
            for r in runs
            if not _BEFORE_A_KIND.match(sentence, r[1])
            and not (listing and _THINGS_BEFORE.search(sentence, max(0, r[0] - 40), r[0]))
        ]
        if words is None:  # the article's ordinary words, read once: "Online" opening a sentence is one
            words = lower_words(text)
        for cue in matched:
            before = [r for r in runs if r[1] <= cue.start()]
            after = [r for r in runs if r[0] >= cue.end()]
            subjects, objects = [], []
            if before and _SIDE_BEFORE.fullmatch(sentence, before[-1][1], cue.start()):
                subjects = [
                    n for n in (_side_name(sentence, r, lex, words) for r in _joined_runs(sentence, before[::-1])) if n
                ]
            if after and _SIDE_AFTER.fullmatch(sentence, cue.end(), after[0][0]):
                objects = [n for n in (_side_name(sentence, r, lex, words) for r in _joined_runs(sentence, after)) if n]
            lone = objects[0] if len(objects) == 1 and " " not in objects[0] else None
            if lone and PARTNERS.match(cue.group(0)) is None and not _company_shaped(lone):
                # "competition from Linux, which is free": software and standards stand beside rivalry
                # too, but they do not speak, sell or own (weighed for all such names at the end)
                if len(subjects) >= 2:
                    found.update(n for n in subjects if n not in lex.surfaces)
                elif subjects:
                    unsure.append((lone, [n for n in subjects if n not in lex.surfaces]))
                continue
            if len(subjects) + len(objects) >= 2:
                found.update(n for n in subjects + objects if n not in lex.surfaces)
    acting = _acts(text, {lone for lone, _subjects in unsure}) if unsure else set()
    for lone, subjects in unsure:
        if lone in acting:
            found.update([*subjects, *([lone] if lone not in lex.surfaces else [])])
    return found


def _runs_within(text: str, runs: list[Run], starts: list[int], at: int, piece: str) -> list[Run] | None:
    """The :func:`capitalised_runs` of ``piece``, which stands at ``at`` in ``text``, read from
    ``text``'s ``runs`` (whose ``starts`` are given); None where they may differ: where ``piece``
    is not there, a run crosses either of its edges, or a mark that joins a name stands right
    before it."""
    end = at + len(piece)
    if not text.startswith(piece, at) or (at and _JOINS_A_RUN.match(text, at - 1)):
        return None
    first, last = bisect.bisect_left(starts, at), bisect.bisect_left(starts, end)
    if (first and runs[first - 1][1] > at) or (last > first and runs[last - 1][1] > end):
        return None
    return [(start - at, stop - at, run) for start, stop, run in runs[first:last]]


_JOINS_A_RUN = re.compile(r"[\w&.\-'\u2019]")  # what _CAPITALISED's look-behind forbids before a run


def _joined_runs(sentence: str, runs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The first of ``runs`` and those listed with it ("Baxalta, Pfizer and Novo Nordisk")."""
    if "(" in sentence or "'s " in sentence or "\u2019s " in sentence:
        runs = [r for r in runs if not _ASIDE.match(sentence, r[1]) or _kept_beside_a_list(r[2])]
    joined = runs[:1]
    for run in runs[1:4]:
        a, b = sorted((joined[-1], run))
        gap = sentence[a[1] : b[0]]
        if gap not in _LIST_JOINS and (
            _PLACE_AFTER_GAP.sub("", _TICKER_GAP.sub("", gap, count=1), count=1) not in _LIST_JOINS
        ):
            break
        joined.append(run)
    return joined


# what stands beside a name in a list and is none: a Reuters-style ticker after it ("Aptiv
# (APTV.N), Bosch"), a place's possessive before it ("Pfizer and Japan's Takeda")
_TICKER_GAP = re.compile(r"\A[ ]\([A-Z0-9]++(?:\.[A-Z]{1,3})?\)")
_PLACE_AFTER_GAP = re.compile(r"(?<=[ ])[A-Z][a-z]++(?:[ ][A-Z][a-z]++)?['\u2019]s[ ]\Z")
_ASIDE = re.compile(r"\)|['\u2019]s[ ]")


def _kept_beside_a_list(run: str) -> bool:
    """A name followed by a bracket or a possessive is kept but for a ticker or a place."""
    return not (run.isupper() and "." in run) and run not in NOT_COMPANIES


@lru_cache(maxsize=4096)
def _new_name(name: str, lex) -> bool:  # the lexicon is one per process
    """A cleaned name that may be a company no list holds."""
    return (
        len(name) > 2
        and name not in lex.surfaces
        and name not in NOT_FIRST_NAMES
        and not (" " in name and name.split()[0] in FIRST_NAMES)
        and not _public(name)
    )


def _side_name(sentence: str, run: tuple[int, int, str], lex, words: set[str]) -> str | None:
    """The company a capitalised name on a side of a cue names, if it can be one."""
    name = clean_name(run[2])
    known = lex.surfaces.get(name)
    if known is not None:
        return known.company
    if _end_of_a_name(sentence, run[0], run[2]):
        return None
    if not name or len(name) < 3 or _public(name) or not companyish(name) or name.split()[0] in lex.surfaces:
        return None
    if plausible_name(name) and name.split()[0] in FIRST_NAMES and not _company_shaped(name):
        return None  # "Donald Trump"; but "Family Fare", "Indra Systems"
    if re.fullmatch(r"[A-Z]{2,3}|\d[^A-Z]*", name):
        return None  # "OTC", "10-month-old": too short or no name
    if " " not in name and not _company_shaped(name):
        opening = not sentence[: run[0]].strip(" \"'\u201c\u2018(")
        if name.lower() in words or name in NOT_FIRST_NAMES or (opening and _ORDINARY.search(name)):
            return None  # "Online", "Competing", "Speaking" opening a sentence
    return name


_FIRST_PART_AND = re.compile(r"(?<![\w&.\-'\u2019])(?P<first>[A-Z][\w&.\-]*+(?:[ ][A-Z][\w&.\-]*+){0,3})[ ]and[ ]\Z")


def _named_with_and(text: str, start: int, run: str, lex) -> str | None:
    """The whole name a legal suffix ends where "and" joins its two parts ("Oil and Natural Gas
    Corp Ltd", "Natal Witness Printing and Publishing Company"): a word of the second part is a
    trade's, which the text also writes in small letters, the first part is no listed company
    ("Apple and Samsung Electronics Co" are two) and neither part is named alone elsewhere."""
    m = _FIRST_PART_AND.search(text, max(0, start - 60), start)
    if m is None or text[max(0, m.start() - 2) : m.start()] == ", ":
        return None  # the end of a list: "Banglalink, Teletalk and Summit Towers Ltd"
    first = clean_name(m.group("first")) or (m.group("first") if m.group("first") in COMPANY_WORDS else "")
    if not first or first in lex.surfaces or first.split()[0] in lex.surfaces or _public(first):
        return None
    words = [w for w in run.split() if not _LEGAL.fullmatch(w) and w != "Company"]
    trade = lower_words(text)
    if not words or words[0] in COMPANY_WORDS or not any(w.lower() in trade or _ORDINARY.search(w) for w in words):
        return None  # (not "Sema Mobile and Mobile Pay Ltd")
    # a part the text names alone elsewhere is a firm of its own ("Teletalk and Summit Towers Ltd",
    # "VINFAST Trading and Production LLC" where VINFAST stands alone)
    alone = occurrences(text, {first, first.split()[0], " ".join(words)} - set(COMPANY_WORDS))
    if any(len(at) > 1 for at in alone.values()):
        return None
    return f"{first} and {run}"


_NAME_AND_BEFORE = re.compile(r"[A-Z][\w&-]*+[ ]and[ ]\Z")


def _end_of_a_name(text: str, start: int, run: str) -> bool:
    """``run`` at ``start`` is an ordinary word and a legal suffix after a name and "and": the
    end of that name ("VinFast Trading and Production LLC"), no company alone."""
    words = run.split()
    return (
        len(words) == 2
        and bool(_LEGAL.fullmatch(words[1]))
        and bool(_ORDINARY.search(words[0]))
        and bool(_NAME_AND_BEFORE.search(text, max(0, start - 40), start))
    )


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


@lru_cache(maxsize=4)
def lower_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in small letters alone ("online"), found once a text: company
    recognition and the company model both ask whether a name is an ordinary word."""
    return frozenset(_LOWER_WORD.findall(text))


# ordinary words by their endings ("Speaking", "Telecommunication", "Increasingly")
_ORDINARY = re.compile(
    r"(?:ing|ed|ly|tion|sion|ment|ness|ity|ive|ous|ful|less|able|ible|ance|ence|ism|ist|ical|ward|wise|ers|ies)$"
)
# what may stand between a company and the cue after it: "X has long competed", "X and Y are rivals",
# "X signed a teaming agreement"
# "X, which competes with"
_SIDE_BEFORE = re.compile(r"(?:,[ ](?:which|that|who))?(?:[ ][a-z][\w-]*){0,5}[ ]")
# what may stand between the cue and a company after it: "competes with", "rivals such as the"
_SIDE_AFTER = re.compile(
    r"[ ](?:(?:with|against|to|of|from|between|such[ ]as|like|including|among|and|the|likes|fellow|rival|rivals"
    r"|companies|firms|players|giants)[ ]){0,4}|[ ](?:[a-z][\w-]*[ ]){1,2}(?:such[ ]as|like|including)[ ]"
)


Run = tuple[int, int, str]  # a capitalised name's start, end and text


def capitalised_runs(text: str) -> list[Run]:
    """Every run of capitalised words in ``text`` (a name, or the words of several), in order:
    an article's body is walked once for its names, and read by each rule and model that
    weighs them."""
    runs = [(m.start(), m.end(), m.group(0)) for m in _CAPITALISED.finditer(text)]
    if " Bank of " not in text:
        return runs
    # (a word before "Bank": not "the Bank of England")
    for i, (start, end, run) in enumerate(runs):
        if run.endswith(" Bank") and (of := _BANK_OF.match(text, end)):
            runs[i] = (start, of.end(), run + of.group(0))
    return [r for i, r in enumerate(runs) if not i or r[0] >= runs[i - 1][1]]


# where the sentence of a purchase's cue ends
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# (the first capital, then the look-behind: re skips to the next capital at C speed)
_CAPITALISED = re.compile(rf"[A-Z0-9](?<![\w&.\-'\u2019].)(?:[\w&\-]|\.(?=\w))*+(?:[ ](?:[&n][ ])?{_RUN_WORD}){{0,4}}")
# a bank's place or trade after "of", in its name: "Union Bank of India", "Oriental Bank of Commerce"
_BANK_OF = re.compile(r"[ ]of[ ][A-Z][a-z]++(?![ ][A-Z]|[\w&\-])")
# a legal suffix's or a title's full stop, which ends no sentence
_ABBREVIATED = re.compile(r"(?<![\w.])(?:Co|Corp|Inc|Ltd|Bros|Mr|Mrs|Ms|Dr|St)\.\Z")
# public words that name firms too, when a purchase is told of them: "Craft Brew Alliance", "Barker Shipping Trust"
_BOUGHT_THOUGH_PUBLIC = re.compile(r"\S[ ](?:Alliance|Trust)$")
_SENTENCE_REACH = 400  # characters a sentence of a purchase is read to on each side of its cue


def _purchases(text: str, lex, runs: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """The buyer and the company bought, by the names a purchase puts in their slots ("Alaska
    Air Group has acquired Hawaiian Airlines", "AbbVie announced plans to acquire Allergan"),
    every capitalised name (of ``runs``, in text order) taken for a company while the purchase
    is read."""
    found = []
    done = -1
    for cue in acquisition_cues(text):
        if cue < done:
            continue  # in the sentence read already
        reach = max(0, cue - _SENTENCE_REACH)
        stop = text.rfind(". ", reach, cue)
        while stop != -1 and _ABBREVIATED.search(text, max(0, stop - 6), stop + 1):
            stop = text.rfind(". ", reach, stop)  # "Harbour Lane Brewing Co. has agreed to buy"
        start = max(stop + 2 if stop != -1 else 0, text.rfind("\n", reach, cue) + 1, reach)
        end = _SENTENCE_END.search(text, cue, cue + _SENTENCE_REACH)
        done = end.end() if end else min(len(text), cue + _SENTENCE_REACH)
        named = []
        for run_start, run_end, run in runs[bisect.bisect_left(runs, (start,)) :]:
            if run_end > done:
                break
            name = clean_name(run)
            known = lex.surfaces.get(name)
            public = bool(name) and _public(name) and not _BOUGHT_THOUGH_PUBLIC.search(name)
            public = public and not _public_first_word(name)
            if not name or public or (len(name) < 3 and not known):
                continue  # "buy a TV": no company (but "Craft Brew Alliance" may be bought)
            at = run_start - start + run.find(name.split()[0])
            end = at + len(name)
            if _LEGAL_AFTER.fullmatch(text, start + end, run_end):
                end = run_end - start  # "Quantel Ltd": the suffix is the name's
            owner = known.company if known else name
            named.append(Named(at, end, owner, name, bool(known and known.type == "product")))
        if len(named) >= 2:
            by_name = {n.company: n.name for n in named}
            bought = acquisitions(text[start:done], named, None, None)
            found += [(by_name.get(a, a), by_name.get(b, b)) for a, b in bought]
    return found


def written_as_persons(text: str, names) -> set[str]:
    """The ``names`` the article writes as a person's somewhere (see :func:`_persons`)."""
    return _persons(text, names)


def _persons(text: str, names, described=frozenset()) -> set[str]:
    """The ``names`` the article writes as a person's: after a title, with a role before or a
    role apposition after ("CEO Andy Jassy", "Andy Jassy, the chief executive"), or as the
    surname of a full name. A name ``described`` as a firm is a person's only by a title or a
    first name ("retailer Dollar Tree ... Dollar Tree said" is the firm speaking)."""
    found = set()
    # a lone name is looked for apart: inside the full name it would be found as part of that
    for group in ({n for n in names if " " not in n}, {n for n in names if " " in n}):
        for name, starts in occurrences(text, group).items():
            for at in starts:
                end = at + len(name)
                before = text[max(0, at - 40) : at]
                titled = _TITLE_BEFORE.search(before) or _ROLE_BEFORE.search(before)
                if (
                    titled
                    or _first_name_before(text, at, name)
                    or (plausible_name(name) and name not in described and _person_context(text, end))
                ):
                    found.add(name)
    return found


_WORD_BEFORE_NAME = re.compile(r"(?<![\w'\u2019.-])([A-Z][a-z]+)[ ]\Z")


def _first_name_before(text: str, at: int, name: str) -> bool:
    """``name`` at ``at`` is the surname of a full name: "Bill Gates", not "Carmaker Stellantis"
    nor "Europe Stellantis"."""
    m = _WORD_BEFORE_NAME.search(text, max(0, at - 24), at)
    if m is None or (len(name) > 1 and name.isupper()):
        return False  # initials are no surname: "analyst Alphaliner MSC"
    first = m.group(1)
    if first in FIRST_NAMES:
        return True
    if first.lower() in KINDS or first in NOT_COMPANIES or first in NOT_NAME_STARTS or first in COMPANY_WORDS:
        return False
    return plausible_name(f"{first} {name}")


def accepted(text: str, candidates: dict[str, int]) -> set[str]:
    """The ``candidates`` (name -> strength, see :func:`slot_companies`) that are companies: not
    written as a person's anywhere in ``text``; a person-shaped name ("Tim Hortons") only when
    built like a company's; a name from a weak slot ("a great rival to Zorbatron") only when the
    text names it again or writes it as a company's ("Zorbatron, which also made computers")."""
    described = {n for n, s in candidates.items() if s >= 3 and n.split(" ", 1)[0] not in FIRST_NAMES}
    persons = _persons(text, candidates, described)
    seen = occurrences(text, set(candidates))
    kept, weak = set(), set()
    for name, strength in candidates.items():
        if name in persons:
            continue
        place = name.rsplit(" ", 1)[-1] in NOT_COMPANIES  # "Tessaly Kenya" is no person
        person_shaped = plausible_name(name) and not _company_shaped(name) and not place and strength < 3
        if person_shaped and (strength < 2 or not _runs_a_business(text, name, seen.get(name, ()))):
            continue  # "a deal with Donald Trump": a person's name needs a company's description (and acts)
        if strength < 2 and len(seen.get(name, ())) < 2:
            weak.add(name)
            continue
        kept.add(name)
    return kept | _acts(text, weak)


def _runs_a_business(text: str, name: str, starts) -> bool:
    """``name`` (at ``starts``) is written as a business somewhere: before what a business does
    or has and a person does not ("Leo Lynch operates in", "Edward McNeil's product line", "X has
    been trading since"), for a firm named after its founder ("contractor Leo Lynch"); not a
    deal or a purchase, which people make too."""
    for at in starts:
        end = at + len(name)
        if _BUSINESS_ACT.match(text, end):
            return True
        if text[end : end + 1] in ("'", "\u2019") and _BUSINESS_OWNED.match(text, end):
            return True
    return False


_BUSINESS_ACT = re.compile(
    r"[ ]+(?:has[ ]been[ ](?:trading|in[ ]business)[ ]since"
    r"|operates[ ](?:in|\d[\d,]*+[ ](?:stores|outlets|branches|plants))"
    r"|employs|has[ ](?:\d[\d,]*+[ ])?(?:stores|outlets|branches|subscribers)|(?:is|was)[ ](?:listed|traded)[ ]on"
    r"|(?:shares|stock)[ ](?:rose|fell|jumped|dropped|slid|soared|climbed|tumbled|surged|gained)"
    r"|reported[ ](?:a[ ]|its[ ])?(?:net[ ]|quarterly[ ]|annual[ ])?(?:revenue|profit|turnover))\b"
)
_BUSINESS_OWNED = re.compile(
    r"['\u2019]s?[ ]+(?:[\w-]+[ ]+)?(?:product[ ](?:line|range)|stores|factory|factories|subscribers|customers"
    r"|market[ ]share|share[ ]price|revenue|turnover|workforce|employees)\b"
)


# "Kenya Commercial Bank (KCB)", "Maruti Suzuki India (MSIL)": a company's initials in brackets
# right after its name name it too
_INITIALS = re.compile(r"\((?P<initials>[A-Z][A-Za-z&]{1,6})\)")
# capitals, a small letter between two of them at most ("KCB", "M&S", "BoQ", "EdM"; not "Inc")
_ABBREVIATION = re.compile(r"[A-Z](?:[A-Z&]|[a-z](?=[A-Z]))+")
_NAME_RUN_WORD = re.compile(r"[A-Z][\w&'.\-]*|of|and|&|de|du|des|da|do|la|le|al|el|y|for")


def initials(body: str, lex, extra: dict[str, Known]) -> dict[str, Known]:
    """Initials in brackets after a company's name, as names of that company: the name is one
    the lexicon or ``extra`` holds (or starts with), or one built like a company's
    ("Jones Engineering Group (JEG)"), and its capitals give the initials (one letter may be
    a legal suffix's: "MSIL")."""
    found: dict[str, Known] = {}
    at = body.find(" (")
    while at != -1:
        m = _INITIALS.match(body, at + 1)
        at = body.find(" (", at + 2)
        if not m or m.start() < 2 or not (body[m.start() - 2].isalnum() or body[m.start() - 2] == "."):
            continue
        abbr = m.group("initials")
        if abbr in found or abbr in NOT_COMPANIES or not _ABBREVIATION.fullmatch(abbr):
            continue
        words = body[max(0, m.start() - 120) : m.start()].split()[-8:]
        run: list[str] = []
        for w in reversed(words):
            if not _NAME_RUN_WORD.fullmatch(w):
                break
            run.insert(0, w)
        while run and not run[0][0].isupper():
            run.pop(0)
        letters = [c for c in abbr if c.isupper()]
        for k in range(len(run)):
            if not run[k][0].isupper():
                continue
            caps = [w[0] for w in run[k:] if w[0].isupper()]
            if caps[0] != letters[0] or len(caps) > len(letters) + 1 or len(caps) < len(letters) - 1:
                continue
            if _in_order(letters, caps) < max(2, len(letters) - 1):
                continue
            name = " ".join(run[k:])
            known = _known_name(name, lex, extra)
            shaped = _company_shaped(name) or any(w in COMPANY_WORDS for w in run[k + 1 :])
            if known is None and abbr not in lex.surfaces and getattr(extra.get(abbr), "type", "") == "company":
                known = found[name] = extra[abbr]  # "Bank of Queensland (BoQ)" where "BoQ chairman X" said so
            elif known is None and not _public(name) and (shaped or _acting(body, abbr)):
                # "Majid al Futtaim (MAF) told Reuters", "River City Newspapers (RCN) acquired"
                known = found[name] = Known(name, "company")
            if known is not None and lex.surfaces.get(abbr, known) == known and extra.get(abbr, known) == known:
                found[abbr] = known
            break
    return found


# what a company does right after its initials: "MAF told Reuters", "RCN acquired", "BCI's shares"
_ACTS_AS_A_COMPANY = re.compile(
    r",?[ ]+(?:which[ ]+)?(?:also[ ]+)?(?:said|says|announced|reported|told|launched|sold|sells|bought|buys|makes|owns"
    r"|employs|acquired|acquires|operates)\b"
)


def _acting(body: str, abbr: str) -> bool:
    """Initials the text writes as a company's elsewhere: before a company's act or what it owns."""
    for at in occurrences(body, {abbr}).get(abbr, ()):
        end = at + len(abbr) + (body[at + len(abbr) : at + len(abbr) + 1] == ")")  # "(MAF) told Reuters"
        if _ACTS_AS_A_COMPANY.match(body, end) or _DEAL_ACT.match(body, end) or _COMPANY_ACT.match(body, end):
            return True
        if body[end : end + 1] in ("'", "\u2019") and _OWNED.match(body, end):
            return True
    return False


def _in_order(letters: list[str], caps: list[str]) -> int:
    """How many of ``letters`` stand in ``caps`` in the same order."""
    i = n = 0
    for c in letters:
        at = caps.index(c, i) if c in caps[i:] else -1
        if at >= 0:
            n += 1
            i = at + 1
    return n


def _known_name(name: str, lex, extra: dict[str, Known]) -> Known | None:
    """What ``name`` names, if the lexicon or ``extra`` holds it or the start of it."""
    for table in (extra, lex.surfaces):
        if name in table:
            return table[name]
    hits = lex.find(name, extra=extra)
    if hits and hits[0].start == 0 and hits[0].known.type == "company":
        return hits[0].known
    return None


# -- one name per company in an article -----------------------------------------------------------
# News names a company by the form it writes: "Citi", where the lexicon's common name is Citigroup;
# "Bharti Airtel" or "Didi Chuxing", where the article never writes the shorter form alone.


def article_names(texts, lex) -> dict[str, str]:
    """The listed companies an article names (``texts``: its headline and body, each with the
    lexicon's hits in it) whose common name the article never writes alone, each with the form
    it writes most often (its legal suffix left out): the name the article knows it by, its unit
    in a country where it writes only that ("eBay Korea"). Not a fuller form that starts with the
    common name (a unit: "BBC World Service"; "Amazon.com", "Ford Motor"), nor one that differs
    only in its capitals ("Earthlink")."""
    forms: dict[str, Counter] = {}
    units: dict[str, Counter] = {}
    alone: set[str] = set()
    for text, hits in texts:
        for h in hits:
            known, form = h.known, _WRITTEN_END.sub("", h.text)
            if known.type != "company" or lex.surfaces.get(form) != known:
                continue  # a company the article itself introduced is named as its rules named it
            if form.casefold() == known.name.casefold() or form.startswith((known.name + " ", known.name + ".")):
                place = _PLACE_NEXT.match(text, h.end)
                if place:  # "eBay Korea", "Airtel Africa": the company's unit in a country
                    units.setdefault(known.name, Counter())[form + place.group(0)] += 1
                elif not _CAPITALISED_NEXT.match(text, h.end):
                    alone.add(known.name)
                continue
            forms.setdefault(known.name, Counter())[form] += 1
    names = {}
    for name, counts in [*units.items(), *forms.items()]:
        if name in alone or name in names:
            continue
        (form, _n), *_ = sorted(counts.items(), key=lambda fc: (-fc[1], -len(fc[0]), fc[0]))
        if len(form) > 1 and not _public(form):
            names[name] = form
    return names


_PLACE_NEXT = re.compile(_PLACE_AFTER.pattern.removesuffix("$") + r"(?![\w-])")
# what ends a written form of a company's name and is no part of its common name
_WRITTEN_END = re.compile(rf"(?:[ ,]+{LEGAL_SUFFIX})+$")
