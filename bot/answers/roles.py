"""Role words, so that ``Microsoft CEO`` and ``Sony's chief executive`` find the right person."""

from __future__ import annotations

import re

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
}

_PATTERNS = [
    (canonical, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"))
    for canonical, words in ROLE_WORDS.items()
]


def roles_in(text: str | None) -> set[str]:
    """The canonical roles ``text`` names: ``President and CEO`` -> {president, ceo}."""
    if not text:
        return set()
    low = text.casefold()
    found = set()
    for canonical, pattern in _PATTERNS:
        if pattern.search(low):
            found.add(canonical)
    if "vice president" in found:
        found.discard("president")
    return found


def strip_roles(text: str) -> str:
    """``text`` without its role words."""
    low = text.casefold()
    for _canonical, pattern in _PATTERNS:
        low = pattern.sub(" ", low)
    return " ".join(low.split())
