"""Companies an article names: those the lexicon knows, and those it introduces.

A company the lexicon does not hold is recognised by how news writing introduces one: a
description before its name ("chipmaker Nuvia"), a legal suffix ("Globex Corp"), a name built
like a company's ("Sierra Wireless"), the maker of a named product, instances of a kind of firm
("services such as TalkTalk"), the side of a relation cue that the text also writes as a
company. People, places and public bodies are not companies.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.extract.lexicon import LEGAL_SUFFIX, NOT_COMPANIES, Known, occurrences
from bot.extract.people import HONORIFIC, NOT_FIRST_NAMES, ROLE_WORDS, plausible_name

# companies the lexicon does not know, recognised by how news introduces them
_COMPANY_NAME = r"(?:[A-Z0-9][\w&'.\-]*[A-Za-z0-9]|[A-Z])(?: +[A-Z][\w&\-]*+){0,5}"
_DESCRIBED = re.compile(
    rf"(?<!\w)(?=[a-z])(?:firm|company|companies|maker|makers|giant|start-?ups?|operator|provider|developer|specialists?|retailer"
    rf"|manufacturer|vendor|publisher|carrier|outfit|rival|partner)\s+(?P<names>{_COMPANY_NAME}"
    rf"(?:(?:,\s*|\s+and\s+){_COMPANY_NAME}){{0,10}})"
)
_SUFFIXED = re.compile(
    rf"(?<![\w&\-])(?=[A-Z])(?P<name>(?:[A-Z][\w&\-]*+\s+){{0,3}}[A-Z][\w&\-]*+)\s+{LEGAL_SUFFIX}(?!\w)"
)
# names built like companies' ("Sierra Wireless", "Tulip Computers", "Commodore International")
_COMPANY_WORDS = (
    "Software Computers Networks Wireless Studios Labs Interactive Microsystems Devices Systems Technologies"
    " Semiconductor Semiconductors Telecom International Holdings"
).split()
_COMPANY_WORD = "(?:" + "|".join(_COMPANY_WORDS) + ")"
# last words of names that are companies' rather than people's, though they name other things too
_TRADE_WORD = r"(?:Graphics|Electronics|Media|Research|Digital|Entertainment|Communications|Solutions|Group)"
_WORD = r"[A-Z][\w&\-]*+(?:\.[A-Za-z]\w*+){0,3}"
_BUILT_LIKE_A_COMPANY = re.compile(
    rf"(?<![\w&\-.])(?P<name>(?P<stem>{_WORD}(?: {_WORD})?) {_COMPANY_WORD})\b(?! [A-Z])"
)
# capitalised words that start the names of things rather than of firms ("Global Positioning Systems")
_GENERIC = frozenset(
    "Global Operating Emerging Portable Personal Local National International Olympic Commonwealth Information"
    " Consumer Electronic Computer Advanced Open Free Public Social Smart Wide Interactive Integrated".split()
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
_SUCH_AS = re.compile(r"(?:such as|like|including)\s+(?=[A-Z0-9])")
_KIND_BEFORE = re.compile(
    r"\b(?:firms|companies|providers|operators|services|carriers|retailers|publishers|makers|manufacturers|ISPs"
    r"|portals)\s*,?\s+\Z"
)
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


def unknown_companies(body: str, lex) -> dict[str, Known]:
    found: dict[str, Known] = {}
    hits = lex.find(body)
    for hit in hits:
        m = _JOINT_AFTER.match(body, hit.end)
        name = m.group("name") if m else None
        if name and name not in lex.surfaces and not plausible_name(name):
            found.setdefault(name, Known(canonical_company(name), "company"))
    for m in _DESCRIBED.finditer(body):
        for name in re.split(r",\s*|\s+and\s+", m.group("names")):
            name = name.strip()
            built = _BUILT_LIKE_A_COMPANY.fullmatch(name)  # "company Sierra Wireless" is no person
            if name and name not in lex.surfaces and (built or not plausible_name(name)) and companyish(name):
                found.setdefault(name, Known(name, "company"))
    for m in _SUFFIXED.finditer(body):
        name = m.group("name").strip()
        name = re.sub(r"^(?:The|A|An|By|And|For|With|From|At|In|On)\s+", "", name)
        if name and name not in lex.surfaces and companyish(name):
            found.setdefault(name, Known(name, "company"))
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
        if _KIND_BEFORE.search(body, max(0, m.start() - 20), m.start()):
            candidates += re.split(r",\s*and\s+|,\s*|\s+and\s+", _NAMES.match(body, m.end()).group(0))
    candidates += cue_companies(body)
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
        if re.match(ROLE_WORDS, name.casefold()) or re.match(LEGAL_SUFFIX, first):
            continue
        products.append((name, hit.known.company))
    people = person_words(body, {*named, *(name for name, _owner in products)})
    for name in named:
        if name not in people:
            found[name] = Known(name, "company")
    for name, owner in products:
        if name not in people:
            found.setdefault(name, Known(name, "product", owner))
    return found


_CAPITALISED_NEXT = re.compile(r"\s+[A-Z]")
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


def companyish(name: str) -> bool:
    """Not a pronoun or article, a place, a title, nor a plural abbreviation of a kind of firm (``ISPs``, ``PCs``)."""
    first = name.split()[0]
    if re.fullmatch(r"[A-Z]{2,}s", name) or name in NOT_COMPANIES:
        return False  # a place alone; "China Mobile" is a company
    if re.search(r"\b(?:University|Institute|College|School|Association|Federation|Foundation|Council|Agency)\b", name):
        return False
    if re.fullmatch(HONORIFIC, first):
        return False
    return first not in {"The", "This", "That", "It", "Its", "In", "On", "A", "An", "He", "She", "They", "We", "I"}


def main_company(hits: list[tuple[int, str]]) -> str | None:
    counts = Counter(c for _p, c in hits)
    if not counts:
        return None
    (top, n), *rest = [*counts.most_common(2), (None, 0)]
    return top if n >= 3 and n > rest[0][1] else None


_SIDE_NAME = r"[A-Z][\w&'.\-]*[A-Za-z0-9](?:\s+[A-Z][\w&.\-]*[A-Za-z0-9]){0,5}"
_SIDE_NAMES = rf"{_SIDE_NAME}(?:(?:,\s*and\s+|,\s*|\s+and\s+){_SIDE_NAME}){{0,10}}"
# the sides of relation cues: "a great rival to Atari", "rivals such as X and Y", "competition
# from X", "a deal with X", "teamed up with X"
_CUE_SIDES = re.compile(
    rf"(?<!\w)(?=[a-z])(?:rival(?:s|led)?\s+(?:to|of|in|for)\s+(?P<one>{_SIDE_NAME})"
    rf"|\b(?:compet(?:e|es|ed|ing|ition)|battl(?:e|es|ed|ing)|up)\s+(?:with|from|against)\s+(?P<two>{_SIDE_NAME})"
    rf"|\b(?:rivals|competitors|challengers|the likes of)\s+(?:such as\s+|like\s+|including\s+)?(?P<list>{_SIDE_NAMES})"
    rf"|\b(?:partnership|alliance|deal|agreement|joint venture|collaboration)\s+with\s+(?P<three>{_SIDE_NAME})"
    rf"|\b(?:team(?:s|ed)?\s+up|join(?:s|ed)?\s+forces)\s+with\s+(?P<four>{_SIDE_NAME}))"
)


# words one of which every _CUE_SIDES match holds (a quick test before the slower scan)
_CUE_SIDE_WORDS = (
    "rival",
    "ompet",
    "attl",
    "up with",
    "up against",
    "up from",
    "likes of",
    "artnership",
    "lliance",
    "deal",
    "greement",
    "joint venture",
    "ollaboration",
    "hallenger",
    "forces",
)


def cue_companies(body: str) -> list[str]:
    """Names the text puts on a side of a relation cue that it also writes as a company's
    (``X's``, ``X said``, ``X, which makes``), each a candidate company (the caller still rules
    out people and known names). Software and standards stand beside the cues too ("competition
    from Linux, which is free"), but they do not speak, sell or own."""
    found = []
    if not any(w in body for w in _CUE_SIDE_WORDS):
        return found
    for m in _CUE_SIDES.finditer(body):
        for group in ("one", "two", "three", "four"):
            if m.group(group):
                found.append(m.group(group))
        if m.group("list"):
            found.extend(re.split(r",\s*and\s+|,\s*|\s+and\s+", m.group("list")))
    acting = _acting(body) if found else set()
    return [name for name in found if name not in NOT_COMPANIES and name in acting]


# what a company does right after its name: "X's", "X said", "X, which makes"
_ACTS = re.compile(
    r"(?:['\u2019]s\b|,?\s+(?:which\s+|who\s+)?(?:also\s+)?(?:said|says|announced|reported|told|launched|sold|sells"
    r"|bought|buys|makes|made|produced|produces|owns|owned|employs)\b)"
)
_NAME_START = re.compile(r"\b[A-Z]")
_ACTING_REACH = 120  # characters before an act that a name standing right before it may have


def _acting(body: str) -> set[str]:
    """Every stretch of text from a word's start to an act right after it: one pass over the
    body, so a name is looked up rather than searched for."""
    found = set()
    for m in _ACTS.finditer(body):
        window = body[max(0, m.start() - _ACTING_REACH) : m.start()]
        found.update(window[w.start() :] for w in list(_NAME_START.finditer(window))[-8:])
    return found
