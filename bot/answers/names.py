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

from bot.answers.commands import COMMANDS
from storage.fts import STOPWORDS
from storage.interface import Reads

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
NOT_NAMES = (
    STOPWORDS
    | frozenset(
        """
    compete competes competing competitor competitors competition rival rivals rivalry partner
    partners partnership partnerships quote summarize summarise summary ceo
    boss chief executive president chairman founder spokesman spokeswoman spokesperson think
    thinks thought told tell announce announced deal deals help show give list know anything
    something everyone everybody versus against with work works working team teams ally allies
    alliance analyst analysts expert experts executive executives companies company firms firm
    people person products product news stories story article articles week month year today
    yesterday since before after latest more rivalry
    """.split()
    )
    | frozenset(c.name for c in COMMANDS if c.slash)
)
# last words of companies' names that people leave out when they ask ("who bought Pyra?" for
# Pyra Labs): a name without them is looked up when no name is exactly that
TRADE_WORDS = frozenset(
    """
    labs lab software systems technologies technology networks computers computing communications
    media interactive studios games electronics semiconductor semiconductors wireless telecom
    digital entertainment solutions international holdings industries motors pharmaceuticals
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
    role: str | None = None  # a person's, as stored
    org: str | None = None

    @property
    def company(self) -> str | None:
        """The company this stands for: itself, or a product's owner."""
        if self.type == "company":
            return self.name
        if self.type == "product":
            return self.owner
        return None


_POSSESSIVE = re.compile(r"'s\b|(?<=s)'$")


def normalise(text: str) -> str:
    """Lower-case, curly quotes straightened, possessives and legal suffixes dropped."""
    return _joined([word_key(w) for w in text.split()])


def word_key(word: str) -> str:
    """One word (no spaces) as :func:`normalise` leaves it, or "" when nothing is left."""
    word = word.casefold().replace("\u2019", "'").replace("\u2018", "'")
    # a word of punctuation alone ("&" in "Procter & Gamble") leaves nothing, as a question's
    # words never hold one; brackets go like other punctuation ("<Acme>" is acme)
    return _POSSESSIVE.sub("", word).strip(".,;:!?()[]<>{}&\"'")


def _joined(keys: list[str]) -> str:
    """Words' keys as the key of their phrase: empty ones left out, and trailing legal suffixes."""
    words = [k for k in keys if k]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


class _Snapshot:
    """The names' keys as read at one generation of the store, never changed once built:
    each normalised alias to its entity id (or ids), the keys a misspelling may be of, and what
    each company and product is."""

    __slots__ = ("companies", "generation", "heads", "keys", "near")

    def __init__(self, store: Reads, generation: int):
        self.generation = generation
        keys: dict[str, int | tuple[int, ...]] = {}
        # companies and products, which most questions name, are kept whole; people (most of
        # the names in a large store) are read from the store when a question names them
        companies: dict[int, tuple] = {}
        for alias, entity_id, name, kind, owner in store.iter_alias_keys():
            if kind != "person" and entity_id not in companies:
                companies[entity_id] = (name, kind, owner, None, None)
            key = normalise(alias)
            if not key:
                continue
            ids = keys.get(key)
            if ids is None:
                keys[key] = entity_id
            elif isinstance(ids, int):
                if ids != entity_id:
                    keys[key] = (ids, entity_id)
            elif entity_id not in ids:
                keys[key] = (*ids, entity_id)
        # "pyra" for Pyra Labs: a company's name without its trade word, when that is no name itself
        # and no other company's
        heads: dict[str, int | None] = {}
        for key, ids in keys.items():
            words = key.split(" ")
            if len(words) < 2 or words[-1] not in TRADE_WORDS or isinstance(ids, tuple) or ids not in companies:
                continue
            head = " ".join(words[:-1])
            if head not in keys and head not in NOT_NAMES and companies[ids][1] == "company":
                heads[head] = ids if heads.get(head, ids) == ids else None
        self.heads = {head: ids for head, ids in heads.items() if ids is not None}
        # close spellings are looked for among keys of about the same length that share one of
        # their first two letters with the word (a single slip leaves one of them in place)
        near: dict[tuple[int, str], list[str]] = {}
        for key in keys:
            if len(key) >= 4 and key not in NOT_NAMES:
                for letter in {key[0], key[1]}:
                    near.setdefault((len(key), letter), []).append(key)
        self.keys, self.near, self.companies = keys, near, companies

    def ids(self, key: str) -> tuple[int, ...]:
        found = self.keys.get(key, ())
        if not found and key in self.heads:
            return (self.heads[key],)
        return (found,) if isinstance(found, int) else found


class NameIndex:
    """Every alias in the store, for exact and forgiving look-ups.

    Built from the store on first use; every REFRESH_SECONDS the store's names generation is
    checked, and when names were added or changed a new index is built on a thread of its own
    while answers go on with the one they have (``invalidate`` rebuilds before the next use).
    """

    def __init__(self, store: Reads):
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

    def for_team(self, store: Reads, team: str) -> NameIndex:
        """These names as the workspace ``team`` may see them, reading through ``store`` (the
        workspace's reads): the same index, less the names only other workspaces' articles hold."""
        return _TeamNames(self, store, team)

    _scoped = False  # a workspace's view, which may not see every name

    def _visible(self, ids: tuple[int, ...]) -> tuple[int, ...]:
        return ids

    def _named(self, found: list[tuple[tuple[int, ...], str]], names: _Snapshot | None = None) -> list[Named]:
        """``(entity ids, the words that named them)`` as Named, in that order (people are read
        from the store, in one query)."""
        known = (names or self._names()).companies
        found = [(self._visible(ids), said) for ids, said in found]
        rows = {i: known[i] for ids, _said in found for i in ids if i in known}
        missing = [i for ids, _said in found for i in ids if i not in rows]
        if missing:
            rows.update(self.store.entities_by_id(list(dict.fromkeys(missing))))
        return [
            Named(i, row[0], row[1], row[2], said, row[3], row[4])
            for ids, said in found
            for i in ids
            if (row := rows.get(i)) is not None
        ]

    def details(self, person: Named) -> tuple[str | None, str | None]:
        """A person's role and organisation, as stored."""
        if person.role or person.org:
            return (person.role, person.org)
        row = self.store.entities_by_id([person.id]).get(person.id)
        return (row[3], row[4]) if row else (None, None)

    def products_of(self, company: str) -> list[int]:
        """The ids of a company's products."""
        return [p["id"] for p in self.store.products_of(company)]

    def _match(self, names: _Snapshot, key: str, *, fuzzy: bool = True) -> tuple[int, ...]:
        """The ids a normalised ``key`` names: exactly, else (``fuzzy``) by a close spelling."""
        if not key:
            return ()
        ids = self._visible(names.ids(key))
        if ids or not fuzzy or len(key) < 5 or key in NOT_NAMES:
            return ids
        edits = _max_edits(key)
        near = [
            k
            for size in range(len(key) - edits, len(key) + edits + 1)
            for letter in {key[0], key[1]}
            for k in names.near.get((size, letter), ())
        ]
        if self._scoped:
            near = [k for k in near if self._visible(names.ids(k))]
        from rapidfuzz import process  # imported by the first name not found as written, not at start
        from rapidfuzz.distance import Levenshtein

        best = process.extractOne(key, near, scorer=Levenshtein.distance, score_cutoff=edits)
        return self._visible(names.ids(best[0])) if best is not None else ()

    def lookup(self, text: str, *, fuzzy: bool = True) -> list[Named]:
        """The entities ``text`` names as a whole (exact alias, else a close spelling)."""
        ids = self._match(self._names(), normalise(text), fuzzy=fuzzy)
        return self._named([(ids, text)]) if ids else []

    def find_in(self, text: str) -> list[Named]:
        """Entities named anywhere in a question, longest names first, left to right."""
        names = self._names()
        words = _TOKEN.findall(text.replace("\u2019", "'"))[:MAX_SCAN_WORDS]
        words = [w.rstrip(".,;:!?") for w in words]
        keys = [word_key(w) for w in words]  # each word normalised once, each phrase joined from them
        found: list[tuple[tuple[int, ...], str]] = []
        taken = [False] * len(words)
        for size in range(min(MAX_NGRAM, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                if any(taken[start : start + size]):
                    continue
                key = _joined(keys[start : start + size])
                if not key or (size == 1 and key in NOT_NAMES):
                    continue
                ids = self._match(names, key, fuzzy=size == 1 and _could_be_name(words[start]))
                if ids:
                    for i in range(start, start + size):
                        taken[i] = True
                    found.append((ids, " ".join(words[start : start + size])))
        if not found:
            return []
        order = {w: i for i, w in enumerate(words)}
        found.sort(key=lambda hit: order.get(hit[1].split()[0], 0))
        unique: dict[int, Named] = {}
        for n in self._named(found, names):
            unique.setdefault(n.id, n)
        return list(unique.values())

    def suggestions(self, text: str, limit: int = 3, *, types: tuple[str, ...] | None = None) -> list[str]:
        """Known names that look somewhat like ``text``, for "did you mean" replies (among
        names that share one of their first two letters with it; ``types``: of those kinds
        only, as ``("company", "product")`` for a company asked for), the closest spelling first."""
        names = self._names()
        key = normalise(text)
        if not key:
            return []
        letters = {key[0], key[1]} if len(key) > 1 else {key[0]}
        candidates = [k for k in names.keys if k[:1] in letters or k[1:2] in letters]
        if self._scoped:
            candidates = [k for k in candidates if self._visible(names.ids(k))]
        if types is not None:
            kinds = names.companies
            candidates = [k for k in candidates if any(i in kinds and kinds[i][1] in types for i in names.ids(k))]
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import Levenshtein

        hits = process.extract(key, candidates, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=60)
        # the closest spellings first, and none that takes more than a few slips to reach
        near = max(2, len(key) // 3)
        distances = {alias: Levenshtein.distance(key, alias) for alias, _score, _ in hits}
        hits = sorted((h for h in hits if distances[h[0]] <= near), key=lambda h: (distances[h[0]], -h[1]))
        found: list[str] = []
        for n in self._named([(names.ids(alias), alias) for alias, _score, _ in hits], names):
            if n.name not in found and (types is None or n.type in types):
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


class _TeamNames(NameIndex):
    """A workspace's view of a process's names index (see :meth:`NameIndex.for_team`): the one
    snapshot, shared, with the names the workspace may not see left out of every look-up."""

    _scoped = True

    def __init__(self, index: NameIndex, store: Reads, team: str):
        self.store = store
        self._index = index
        self._team = team
        self._hidden: set[int] | None = None

    def _names(self) -> _Snapshot:
        return self._index._names()

    def invalidate(self) -> None:
        self._index.invalidate()

    def _visible(self, ids: tuple[int, ...]) -> tuple[int, ...]:
        if self._hidden is None:
            self._hidden = self.store.hidden_entities(self._team)
        return tuple(i for i in ids if i not in self._hidden) if self._hidden else ids
