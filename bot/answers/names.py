"""Finding the companies, products and people a user means, the way a user types them.

Matching is case-insensitive and goes through the store's aliases (``Sony Corporation``,
``Mr Nadella``), possessives (``Microsoft's``), legal suffixes (``Sony Corp``) and small typos
(``Micrsoft``). The index is built from the store once and refreshed when entities are added.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from storage import Store
from storage.fts import STOPWORDS

LEGAL_SUFFIXES = frozenset(
    """
    inc inc. corp corp. corporation co co. ltd ltd. plc llc ag sa group holdings
    """.split()
)
MAX_NGRAM = 4
MAX_SCAN_WORDS = 60  # a question longer than this is scanned on its first words only
REFRESH_SECONDS = 30.0

_TOKEN = re.compile(r"[\w][\w&.+\-]*", re.UNICODE)

# words that look like names but are question words, commands or roles
NOT_NAMES = STOPWORDS | frozenset(
    """
    compete competes competing competitor competitors competition rival rivals rivalry partner
    partners partnership partnerships brief quotes quote digest summarize summarise summary ceo
    boss chief executive president chairman founder spokesman spokeswoman spokesperson think
    thinks thought told tell announce announced deal deals help show give list know anything
    something everyone everybody versus against with work works working team teams ally allies
    alliance
    """.split()
)


@dataclass(frozen=True)
class Named:
    """An entity the user named, and the words that named it."""

    id: int
    name: str
    type: str
    owner: str | None
    said: str

    @property
    def company(self) -> str | None:
        """The company this stands for: itself, or a product's owner."""
        if self.type == "company":
            return self.name
        if self.type == "product":
            return self.owner
        return None


def normalise(text: str) -> str:
    """Lower-case, curly quotes straightened, possessives and legal suffixes dropped."""
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"'s\b|(?<=s)'(?=\s|$)", "", text)
    words = [w.strip(".,;:!?()[]\"'") for w in text.split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


class NameIndex:
    """Every alias in the store, for exact and forgiving look-ups."""

    def __init__(self, store: Store):
        self.store = store
        self._built_at = -1.0
        self._generation: object = None
        self._by_alias: dict[str, list[Named]] = {}
        self._details: dict[int, tuple[str | None, str | None]] = {}  # a person's role and organisation
        self._products: dict[str, list[int]] = {}  # a company (case-folded) -> its products' ids
        self._fuzzy_keys: dict[int, list[str]] = {}  # by length: a spelling within n edits is within n in length

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._built_at < REFRESH_SECONDS and self._by_alias:
            return
        generation = self.store.entity_generation()
        self._built_at = now
        if generation == self._generation:
            return
        by_alias: dict[str, list[Named]] = {}
        details: dict[int, tuple[str | None, str | None]] = {}
        products: dict[str, list[int]] = {}
        for row in self.store.all_aliases():
            if row["type"] == "person":
                details[row["id"]] = (row["role"], row["org"])
            elif row["type"] == "product" and row["owner"]:
                ids = products.setdefault(row["owner"].casefold(), [])
                if row["id"] not in ids:
                    ids.append(row["id"])
            key = normalise(row["alias"])
            if not key:
                continue
            named = Named(row["id"], row["name"], row["type"], row["owner"], row["alias"])
            bucket = by_alias.setdefault(key, [])
            if all(n.id != named.id for n in bucket):
                bucket.append(named)
        self._by_alias = by_alias
        self._details, self._products = details, products
        self._fuzzy_keys = {}
        for key in by_alias:
            if len(key) >= 4 and key not in NOT_NAMES:
                self._fuzzy_keys.setdefault(len(key), []).append(key)
        self._generation = generation

    def invalidate(self) -> None:
        self._built_at = -1.0
        self._generation = None

    def details(self, person: Named) -> tuple[str | None, str | None]:
        """A person's role and organisation, as stored."""
        self._refresh()
        return self._details.get(person.id, (None, None))

    def products_of(self, company: str) -> list[int]:
        """The ids of a company's products."""
        self._refresh()
        return self._products.get(company.casefold(), [])

    def lookup(self, text: str, *, fuzzy: bool = True) -> list[Named]:
        """The entities ``text`` names as a whole (exact alias, else a close spelling)."""
        self._refresh()
        key = normalise(text)
        if not key:
            return []
        hits = self._by_alias.get(key)
        if hits:
            return [Named(n.id, n.name, n.type, n.owner, text) for n in hits]
        if not fuzzy or len(key) < 5 or key in NOT_NAMES:
            return []
        edits = _max_edits(key)
        near = [k for size in range(len(key) - edits, len(key) + edits + 1) for k in self._fuzzy_keys.get(size, ())]
        best = process.extractOne(key, near, scorer=Levenshtein.distance, score_cutoff=edits)
        if best is None:
            return []
        return [Named(n.id, n.name, n.type, n.owner, text) for n in self._by_alias[best[0]]]

    def find_in(self, text: str) -> list[Named]:
        """Entities named anywhere in a question, longest names first, left to right."""
        self._refresh()
        words = _TOKEN.findall(text.replace("\u2019", "'"))[:MAX_SCAN_WORDS]
        words = [w.rstrip(".,;:!?") for w in words]
        found: list[Named] = []
        taken = [False] * len(words)
        for size in range(min(MAX_NGRAM, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                if any(taken[start : start + size]):
                    continue
                phrase = " ".join(words[start : start + size])
                key = normalise(phrase)
                if not key or (size == 1 and key in NOT_NAMES):
                    continue
                hits = self._by_alias.get(key)
                if not hits and size == 1 and _could_be_name(words[start]):
                    hits = self.lookup(words[start])
                if hits:
                    for i in range(start, start + size):
                        taken[i] = True
                    found.extend(Named(n.id, n.name, n.type, n.owner, phrase) for n in hits)
        order = {w: i for i, w in enumerate(words)}
        found.sort(key=lambda n: order.get(n.said.split()[0], 0))
        unique: dict[int, Named] = {}
        for n in found:
            unique.setdefault(n.id, n)
        return list(unique.values())

    def suggestions(self, text: str, limit: int = 3) -> list[str]:
        """Known names that look somewhat like ``text``, for "did you mean" replies."""
        self._refresh()
        key = normalise(text)
        if not key:
            return []
        hits = process.extract(key, list(self._by_alias), scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=60)
        names: list[str] = []
        for alias, _score, _ in hits:
            for n in self._by_alias[alias]:
                if n.name not in names:
                    names.append(n.name)
        return names[:limit]


def _max_edits(key: str) -> int:
    """How far a misspelling may be: one slip in a name of five to seven letters, two in a longer one.

    Four-letter words are matched exactly only: too many English words are one slip from a
    short company name ("tell", "well" and "Dell").
    """
    return 1 if len(key) < 8 else 2


def _could_be_name(word: str) -> bool:
    w = word.casefold().strip("'")
    return len(w) >= 5 and w not in NOT_NAMES and not w.isdigit()
