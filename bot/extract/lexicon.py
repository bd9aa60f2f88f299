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
            self._add(name, known)
            for alias in info.get("aliases", ()):
                self._add(alias, known)
        self.pattern = self.compile(self.surfaces)

    def _add(self, surface: str, known: Known) -> None:
        self.surfaces.setdefault(surface, known)

    @staticmethod
    def compile(surfaces) -> re.Pattern:
        ordered = sorted(surfaces, key=len, reverse=True)
        body = "|".join(re.escape(s) for s in ordered)
        return re.compile(rf"(?<![\w@])(?:{body})(?:\s+{LEGAL_SUFFIX})?(?![\w])")

    def find(self, text: str, *, extra: dict[str, Known] | None = None) -> list[Hit]:
        """Names of the lexicon (and ``extra`` ones) in ``text``, left to right, longest first."""
        hits = []
        tables = [(self.pattern, self.surfaces)]
        if extra:
            tables.append((_compiled(tuple(extra)), extra))
        doubtful: list[tuple[str, Hit]] = []
        for pattern, table in tables:
            for m in pattern.finditer(text):
                surface = re.sub(rf"\s+{LEGAL_SUFFIX}$", "", m.group(0))
                known = table.get(surface)
                if known is None:
                    continue
                hit = Hit(m.start(), m.end(), m.group(0), known)
                if surface in self.ambiguous and _sentence_initial(text, m.start()):
                    doubtful.append((surface, hit))
                else:
                    hits.append(hit)
        # an ordinary word as a sentence's first word is a name when the text uses it as one elsewhere
        named = {h.text for h in hits}
        hits.extend(hit for surface, hit in doubtful if surface in named)
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        for h in hits:
            if kept and h.start < kept[-1].end:
                continue
            kept.append(h)
        return kept


@lru_cache(maxsize=64)
def _compiled(surfaces: tuple[str, ...]) -> re.Pattern:
    return Lexicon.compile(surfaces)


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \"'\u201c\u2018(")
    return not before or before[-1] in ".!?:\n"


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    path = Path(__file__).with_name("lexicon.json")
    return Lexicon(json.loads(path.read_text(encoding="utf-8")))
