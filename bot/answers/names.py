"""Finding the companies, products and people a user means, the way a user types them.

Matching is case-insensitive and goes through the store's aliases (``Sony Corporation``,
``Mr Nadella``), possessives (``Microsoft's``), legal suffixes (``Sony Corp``) and small typos
(``Micrsoft``). The index is built from the store once and rebuilt, off the answers' path, when
names are added or changed.
"""

from __future__ import annotations

import re
import threading
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


class _Snapshot:
    """The names as read at one generation of the store: compact, never changed once built."""

    __slots__ = ("entities", "generation", "keys", "near", "products")

    def __init__(self, store: Store, generation: int):
        self.generation = generation
        keys: dict[str, tuple[int, ...]] = {}  # normalised alias -> entity ids
        entities: dict[int, tuple] = {}  # id -> (name, type, owner, role, org)
        products: dict[str, tuple[int, ...]] = {}  # a company (case-folded) -> its products' ids
        for alias, entity_id, name, kind, owner, role, org in store.iter_aliases():
            if entity_id not in entities:
                entities[entity_id] = (name, kind, owner, role, org)
                if kind == "product" and owner:
                    folded = owner.casefold()
                    products[folded] = (*products.get(folded, ()), entity_id)
            key = normalise(alias)
            if key:
                ids = keys.get(key, ())
                if entity_id not in ids:
                    keys[key] = (*ids, entity_id)
        # close spellings are looked for among keys of about the same length that share one of
        # their first two letters with the word (a single slip leaves one of them in place)
        near: dict[tuple[int, str], list[str]] = {}
        for key in keys:
            if len(key) >= 4 and key not in NOT_NAMES:
                for letter in {key[0], key[1]}:
                    near.setdefault((len(key), letter), []).append(key)
        self.keys, self.entities, self.products, self.near = keys, entities, products, near

    def named(self, ids: tuple[int, ...], said: str) -> list[Named]:
        return [Named(i, *self.entities[i][:3], said) for i in ids]


class NameIndex:
    """Every alias in the store, for exact and forgiving look-ups.

    Built from the store on first use; every REFRESH_SECONDS the store's names generation is
    checked, and when names were added or changed a new index is built on a thread of its own
    while answers go on with the one they have (``invalidate`` rebuilds before the next use).
    """

    def __init__(self, store: Store):
        self.store = store
        self._snapshot: _Snapshot | None = None
        self._checked_at = -1.0
        self._rebuilding = threading.Lock()

    def _names(self) -> _Snapshot:
        snapshot = self._snapshot
        now = time.monotonic()
        if snapshot is not None and now - self._checked_at < REFRESH_SECONDS:
            return snapshot
        self._checked_at = now
        generation = self.store.entity_generation()
        if snapshot is None:
            snapshot = self._snapshot = _Snapshot(self.store, generation)
        elif generation != snapshot.generation and self._rebuilding.acquire(blocking=False):
            threading.Thread(target=self._rebuild, args=(generation,), name="names-rebuild", daemon=True).start()
        return snapshot

    def _rebuild(self, generation: int) -> None:
        try:
            self._snapshot = _Snapshot(self.store, generation)
        finally:
            self.store.close_thread()
            self._rebuilding.release()

    def invalidate(self) -> None:
        self._snapshot = None
        self._checked_at = -1.0

    def details(self, person: Named) -> tuple[str | None, str | None]:
        """A person's role and organisation, as stored."""
        entity = self._names().entities.get(person.id)
        return (entity[3], entity[4]) if entity else (None, None)

    def products_of(self, company: str) -> list[int]:
        """The ids of a company's products."""
        return list(self._names().products.get(company.casefold(), ()))

    def lookup(self, text: str, *, fuzzy: bool = True) -> list[Named]:
        """The entities ``text`` names as a whole (exact alias, else a close spelling)."""
        names = self._names()
        key = normalise(text)
        if not key:
            return []
        ids = names.keys.get(key)
        if ids:
            return names.named(ids, text)
        if not fuzzy or len(key) < 5 or key in NOT_NAMES:
            return []
        edits = _max_edits(key)
        near = [
            k
            for size in range(len(key) - edits, len(key) + edits + 1)
            for letter in {key[0], key[1]}
            for k in names.near.get((size, letter), ())
        ]
        best = process.extractOne(key, near, scorer=Levenshtein.distance, score_cutoff=edits)
        if best is None:
            return []
        return names.named(names.keys[best[0]], text)

    def find_in(self, text: str) -> list[Named]:
        """Entities named anywhere in a question, longest names first, left to right."""
        names = self._names()
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
                ids = names.keys.get(key)
                hits = names.named(ids, phrase) if ids else []
                if not hits and size == 1 and _could_be_name(words[start]):
                    hits = [Named(n.id, n.name, n.type, n.owner, phrase) for n in self.lookup(words[start])]
                if hits:
                    for i in range(start, start + size):
                        taken[i] = True
                    found.extend(hits)
        order = {w: i for i, w in enumerate(words)}
        found.sort(key=lambda n: order.get(n.said.split()[0], 0))
        unique: dict[int, Named] = {}
        for n in found:
            unique.setdefault(n.id, n)
        return list(unique.values())

    def suggestions(self, text: str, limit: int = 3) -> list[str]:
        """Known names that look somewhat like ``text``, for "did you mean" replies (among
        names that share one of their first two letters with it)."""
        names = self._names()
        key = normalise(text)
        if not key:
            return []
        letters = {key[0], key[1]} if len(key) > 1 else {key[0]}
        candidates = list({k: None for k in names.keys if k[:1] in letters or k[1:2] in letters})
        hits = process.extract(key, candidates, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=60)
        found: list[str] = []
        for alias, _score, _ in hits:
            for n in names.named(names.keys[alias], alias):
                if n.name not in found:
                    found.append(n.name)
        return found[:limit]


def _max_edits(key: str) -> int:
    """How far a misspelling may be: one slip in a name of five to seven letters, two in a longer one.

    Four-letter words are matched exactly only: too many English words are one slip from a
    short company name ("tell", "well" and "Dell").
    """
    return 1 if len(key) < 8 else 2


def _could_be_name(word: str) -> bool:
    w = word.casefold().strip("'")
    return len(w) >= 5 and w not in NOT_NAMES and not w.isdigit()
