"""Role words, so that ``Microsoft CEO``, ``Sony's chief executive`` and ``analysts`` find the
right people; and a speaker's role and organisation as an answer shows them."""

from __future__ import annotations

import re
from functools import cache

# a canonical role, and the ways news and users write it
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "ceo": ("ceo", "chief executive officer", "chief executive", "boss", "head"),
    "president": ("president",),
    "chairman": ("chairman", "chairwoman", "chairperson", "chair"),
    "founder": ("founder", "co-founder", "cofounder"),
    "cto": ("cto", "chief technology officer", "chief technical officer"),
    "cfo": ("cfo", "chief financial officer"),
    "coo": ("coo", "chief operating officer"),
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman", "representative"),
    "analyst": ("analyst",),
    "director": ("director", "managing director", "general manager"),
    "vice president": ("vice president", "vp", "vice-president", "svp", "evp"),
    # people asked for as "experts" are written up as analysts, consultants or academics
    "expert": ("expert", "analyst", "consultant", "researcher", "professor", "lecturer", "specialist"),
}
# how a question names people of a role, plurals too ("what did analysts say?")
ASKED: dict[str, tuple[str, ...]] = {
    "ceo": ("ceo", "ceos", "chief executive", "chief executives", "boss", "bosses"),
    "president": ("president", "presidents"),
    "chairman": ("chairman", "chairmen", "chairwoman", "chair"),
    "founder": ("founder", "founders", "co-founder", "co-founders"),
    "cto": ("cto", "ctos"),
    "cfo": ("cfo", "cfos"),
    "spokesperson": ("spokesperson", "spokespeople", "spokesman", "spokesmen", "spokeswoman", "spokeswomen"),
    "analyst": ("analyst", "analysts"),
    "director": ("director", "directors", "managing director", "managing directors"),
    "vice president": ("vice president", "vice presidents", "vp", "vps"),
    "expert": ("expert", "experts", "specialist", "specialists", "academics", "researchers", "consultants"),
}


def _alternation(words) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")


@cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    """Each role's words as stored, compiled when first needed (a quote asked about a role;
    ``prepare`` compiles them once the bot serves)."""
    return [(canonical, _alternation(words)) for canonical, words in ROLE_WORDS.items()]


@cache
def _asked() -> list[tuple[str, re.Pattern]]:
    """Each role's words as asked, compiled when first needed."""
    return [(canonical, _alternation(words)) for canonical, words in ASKED.items()]


def compile_patterns() -> None:
    _patterns()
    _asked()


def roles_in(text: str | None) -> set[str]:
    """The canonical roles ``text`` names: ``President and CEO`` -> {president, ceo}."""
    if not text:
        return set()
    low = text.casefold()
    found = set()
    for canonical, pattern in _patterns():
        if pattern.search(low):
            found.add(canonical)
    if "vice president" in found:
        found.discard("president")
    return found


def strip_roles(text: str) -> str:
    """``text`` without its role words."""
    low = text.casefold()
    for _canonical, pattern in _patterns():
        low = pattern.sub(" ", low)
    return " ".join(low.split())


def role_of(text: str) -> tuple[str | None, str]:
    """The role a question asks about (``analysts`` -> ``analyst``), and the question's words
    without it; ``(None, text)`` when it names none."""
    low = text.casefold()
    for canonical, pattern in _asked():
        m = pattern.search(low)
        if m:
            return canonical, " ".join((text[: m.start()] + " " + text[m.end() :]).split())
    return None, text


def stored_words(role: str) -> tuple[str, ...]:
    """The words a stored role of the canonical ``role`` is written with."""
    return ROLE_WORDS.get(role, (role,))


_LEADING = re.compile(r"^(?:(?:from|who|the|a|an|its|his|her|their|one of(?: the)?|as)\s+)+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['\u2019]s\s+(?P<rest>.+)$")


def shown(role: str | None, org: str | None) -> tuple[str | None, str | None]:
    """A speaker's role and organisation as an answer shows them: stray punctuation and
    leading function words gone (``Hertfordshire.``, ``from TV producer``), and an owner the
    role repeats dropped (``Spotify's chief executive`` of Spotify is its chief executive).
    Only what is stored is shown: nothing is added."""
    org = _tidy(org)
    role = _tidy(role)
    if role:
        role = _LEADING.sub("", role).strip() or None
    if role:
        m = _POSSESSIVE.match(role)
        owner = m.group("owner").strip() if m else ""
        if m and (org is None or _same(owner, org) or _key(owner).startswith(_key(org))):
            # "Spotify's chief executive" of Spotify, "Nintendo Europe's general manager" of Nintendo
            role, org = m.group("rest"), owner if org is None or len(owner) > len(org) else org
    if role and org:
        first = role.split()
        for size in range(len(first) - 1, 0, -1):  # "Microsoft chairman" of Microsoft: its chairman
            if _same(" ".join(first[:size]), org):
                role = " ".join(first[size:])
                break
    if role and org and _same(role, org):
        role = None
    return role, org


def _tidy(text: str | None) -> str | None:
    text = " ".join((text or "").split()).strip(" .,;:")
    return text or None


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def _same(a: str, b: str) -> bool:
    return _key(a) == _key(b)
