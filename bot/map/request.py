"""A map asked for in words: ``Sony map``, ``map Sony``, ``map Sony 2`` (two hops)."""

from __future__ import annotations

import re
from typing import NamedTuple

MAX_HOPS = 2

_WORD = re.compile(r"^map$", re.IGNORECASE)


class MapRequest(NamedTuple):
    company: str
    hops: int = 1


def map_request(text: str | None) -> MapRequest | None:
    """The map ``text`` asks for, or ``None`` when it asks for none: the word ``map`` first or
    last, then optionally the hops (1 or 2; more is two), around the company's name."""
    words = (text or "").split()
    if not words:
        return None
    hops = 1
    if len(words) > 1 and words[-1].isascii() and words[-1].isdigit():  # not "¹", a digit int() refuses
        hops = max(1, min(MAX_HOPS, int(words[-1][:3])))
        words = words[:-1]
    if words and _WORD.match(words[0]):
        words = words[1:]
    elif words and _WORD.match(words[-1]):
        words = words[:-1]
    else:
        return None
    company = " ".join(words).strip()
    return MapRequest(company, hops) if company else None
