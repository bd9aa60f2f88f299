"""The lexicon of companies and products (``lexicon.json``), and finding them in text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEGAL_SUFFIX = r"(?:Inc|Corp|Corporation|Ltd|Limited|plc|PLC|LLC|GmbH|AG|SA|NV|Co)\.?"


@dataclass(frozen=True)
class Known:
    """What a surface form names: a company, or a product and its owner."""

    name: str
    type: str  # "company" or "product"
    owner: str | None = None

    @property
    def company(self) -> str:
        return self.owner if self.type == "product" and self.owner else self.name


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    known: Known


class Names:
    """A set of names found in text as whole words, case-sensitively, the longest first.

    Names are indexed by their first word, so finding them costs a dictionary look-up per
    word of the text, however many names there are.
    """

    def __init__(self, names):
        self.by_first: dict[str, list[str]] = {}
        for name in names:
            first = _FIRST_WORD.match(name)
            if first:
                self.by_first.setdefault(first.group(0), []).append(name)
        for candidates in self.by_first.values():
            candidates.sort(key=len, reverse=True)
        self.first_words = re.compile(rf"(?<![\w@])(?:{_trie(self.by_first)})(?!\w)")

    def finditer(self, text: str):
        """``(start, end, name)`` for each name in ``text``, left to right, not overlapping."""
        taken = 0
        for word in self.first_words.finditer(text):
            start = word.start()
            if start < taken:
                continue
            for name in self.by_first.get(word.group(0), ()):
                end = start + len(name)
                if text.startswith(name, start) and not (end < len(text) and _WORD_CHAR.match(text, end)):
                    yield start, end, name
                    taken = end
                    break


_FIRST_WORD = re.compile(r"\w+")


def _trie(words) -> str:
    """A regex alternation of ``words`` factored by common prefixes (``A(?:MD|OL|pple)``): the
    regex engine then tries one branch per character instead of every word at every position."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


_WORD_CHAR = re.compile(r"\w")
_SUFFIX_AFTER = re.compile(rf"\s+{LEGAL_SUFFIX}(?!\w)")


class Lexicon:
    def __init__(self, data: dict):
        self.surfaces: dict[str, Known] = {}
        self.ambiguous = frozenset(data.get("ambiguous", ()))
        for name, aliases in data["companies"].items():
            self._add(name, Known(name, "company"))
            for alias in aliases:
                self._add(alias, Known(name, "company"))
        for name, info in data["products"].items():
            known = Known(name, "product", info["owner"])
            for surface in (name, *info.get("aliases", ())):
                self._add(surface, known)
                if surface[-1].isalpha() and surface[-1] not in "sS":
                    self._add(surface + "s", known)  # "sold ten million iPods"
        self.names = Names(self.surfaces)

    @lru_cache(maxsize=8)  # noqa: B019 - one lexicon per process; an article body is scanned once, used twice
    def _scan(self, text: str) -> tuple[tuple[int, int, str], ...]:
        return tuple(self.names.finditer(text))

    def _add(self, surface: str, known: Known) -> None:
        self.surfaces.setdefault(surface, known)

    def find(self, text: str, *, extra: dict[str, Known] | None = None) -> list[Hit]:
        """Names of the lexicon (and ``extra`` ones) in ``text``, left to right, longest first;
        a legal suffix (``Sony Corp``) belongs to the name before it."""
        hits = []
        tables = [(self._scan(text), self.surfaces)]
        if extra:
            tables.append((_names(tuple(extra)).finditer(text), extra))
        doubtful: list[tuple[str, Hit]] = []
        for found, table in tables:
            for start, end, surface in found:
                suffix = _SUFFIX_AFTER.match(text, end)
                end = suffix.end() if suffix else end
                hit = Hit(start, end, text[start:end], table[surface])
                if surface in self.ambiguous and _sentence_initial(text, start):
                    doubtful.append((surface, hit))
                else:
                    hits.append(hit)
        # an ordinary word as a sentence's first word is a name when the text uses it as one
        # elsewhere, or names its products ("Creative" with "the Creative Zen")
        named = {h.text for h in hits} | {h.known.company for h in hits}
        hits.extend(hit for surface, hit in doubtful if surface in named)
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        for h in hits:
            if kept and h.start < kept[-1].end:
                continue
            kept.append(h)
        return kept


@lru_cache(maxsize=64)
def _names(surfaces: tuple[str, ...]) -> Names:
    return Names(surfaces)


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \"'\u201c\u2018(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n"


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    path = Path(__file__).with_name("lexicon.json")
    return Lexicon(json.loads(path.read_text(encoding="utf-8")))
