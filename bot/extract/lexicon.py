"""The lexicon of companies and products (``lexicon.json``), and finding them in text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.extract.people import HONORIFIC

LEGAL_SUFFIX = (
    r"(?:Inc|Corp|Corporation|Incorporated|Ltd|Limited|plc|PLC|Plc|LLC|LLP|GmbH|AG|SA|S\.A|SpA|S\.p\.A|NV|Co"
    r"|Pty|Bhd|Berhad|Tbk|JSC|PJSC|ASA|Oyj)\.?"
)


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
    word of the text, however many names there are. A name whose first word is no name by
    itself ("The Cloud", "Texas Instruments", "One.Tel") is indexed by its first two words:
    the scan then stops only where the name may start, not at every "The".
    """

    def __init__(self, names):
        self.by_first: dict[str, list[str]] = {}
        names = list(names)
        whole = set(names)
        for name in names:
            first = _FIRST_WORD.match(name)
            if not first:
                continue
            key = first.group(0)
            if key not in whole:
                second = _FIRST_WORD.search(name, first.end())
                key = name[: second.end()] if second else key
            self.by_first.setdefault(key, []).append(name)
        for candidates in self.by_first.values():
            candidates.sort(key=len, reverse=True)
        self.first_words = re.compile(rf"(?<![\w@])(?:{alternation(self.by_first)})(?!\w)")

    def finditer(self, text: str):
        """``(start, end, name)`` for each name in ``text``, left to right, not overlapping."""
        taken = 0
        for word in self.first_words.finditer(text):
            start = word.start()
            if start < taken:
                continue
            for name in self.by_first.get(word.group(0), ()):
                end = start + len(name)
                # (a word character after the name: re's \w is a letter, a digit or "_")
                if text.startswith(name, start) and not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
                    yield start, end, name
                    taken = end
                    break


_FIRST_WORD = re.compile(r"\w+")


def alternation(words) -> str:
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
# "Apple has", "Orange said", "Sharp's profits", "Apple CEO Tim Cook", "Uber partnered with": a
# sentence's first word that acts, deals, owns or has staff is a name
_ACTS_AFTER = re.compile(
    r"(?:['\u2019]s\b|\s+(?:also\s+|already\s+|recently\s+|now\s+)?(?:has|had|is|was|said|says|will|would|announced"
    r"|launched|unveiled|released|reported|plans|planned|hopes|wants|added|made|makes|sold|sells|bought|buys|expects"
    r"|declined|denied|claims|claimed|told|agreed|signed|confirmed|insists|insisted|revealed|warned|became|began"
    r"|started|shipped|ships|offers|offered|introduced|debuted|partnered|partners[ ]with|teamed|acquired|acquires"
    r"|merged|competes|invested|struck|inked"
    r"|(?:chief|CEO|boss|founder|co-founder|chairman|president|spokesman|spokeswoman|spokesperson|shares)\b)"
    # "Honda Motor has", "Target Corporation": a company's word right after it
    r"|[ ](?:Motor|Motors|Corporation|Group|Holdings|Company)\b)"
)
# "Sky and Virgin Media", "Three, EE": a name listed with the next one
_LISTED_WITH = re.compile(r"(?:,\s*|\s+(?:and|&|or)\s+)")
# the capitalised word right before a name
_WORD_BEFORE = re.compile(r"(?<![\w\u2019.&-])([A-Z][a-z]*) $")
# "Speech and Signal Processing", "Department of Sun Studies": a title's joining word before, a capitalised word after
_TITLE_JOIN_BEFORE = re.compile(r"(?<![\w'\u2019])[A-Z][a-z]+,? (?:and|of|for|&) $")
# "Queen of the Sky", "Guide to the Galaxy": an ordinary word after "of the" following a capitalised word
_TITLE_OF_THE = re.compile(r"(?<![\w'\u2019])[A-Z][a-z]+ (?:of|to|in) the $")
_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)\b")
# words that open a sentence before a name: "But Apple said", "Rival Orange"
_OPENERS = frozenset(
    """
    A An And As At But By Even For From How If In Like Meanwhile Now On Once Only Or Rival Rivals Since So Still
    That The Then These This Those Though Unlike Until What When Where Whether While Why With Yet Both Also
    Although Because After Before However Today Yesterday Last Next New Analysts Firms
    """.split()
)
# capitalised words that are no part of a name anywhere: "In January Apple", "Japanese Sharp"
_NOT_NAME_PARTS = frozenset(
    """
    January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday American British Japanese Chinese Korean Taiwanese French German
    Dutch Finnish Swedish Norwegian Danish Italian Spanish Irish Indian Canadian Australian European Asian
    """.split()
)
# "Mr Dell", "Sir Alan Sugar": a name right after a title is a person's
_TITLE_BEFORE = re.compile(rf"(?<!\w){HONORIFIC}\s+$")
_TITLE_REACH = 30  # longer than any title ("Detective Chief Superintendent" is written "Det Chief Supt")


class Lexicon:
    """Companies and products by every name the press gives them.

    ``data`` is what ``lexicon.json`` holds: ``companies`` (canonical name -> aliases),
    ``products`` (name -> owner and aliases), ``ambiguous`` (names that are also ordinary
    words or people's names: they count where they cannot be a sentence's first word, or
    where the first word of a sentence acts like a company, "Apple has", and never inside
    another capitalised name, "Karen Thomson", "the Home Office") and ``not_names``
    (longer phrases in which a known name names something else, "Orange County", "Real
    Madrid": where one of them stands, no name is found).
    """

    def __init__(self, data: dict):
        self.surfaces: dict[str, Known] = {}
        self.ambiguous = frozenset(data.get("ambiguous", ()))
        self.not_names = frozenset(data.get("not_names", ()))
        for name, aliases in data["companies"].items():
            self._add(name, Known(name, "company"))
            for alias in aliases:
                self._add(alias, Known(name, "company"))
        for name, info in data["products"].items():
            known = Known(name, "product", info["owner"])
            for surface in (name, *info.get("aliases", ())):
                self._add(surface, known)
                if surface[-1].isalpha() and surface[-1] not in "sS" and surface not in self.ambiguous:
                    self._add(surface + "s", known)  # "sold ten million iPods" (but no "Lord of the Rings")
        self.names = Names([*self.surfaces, *(n for n in self.not_names if n not in self.surfaces)])

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
            tables.append((name_finder(tuple(extra)).finditer(text), extra))
        doubtful: list[tuple[str, Hit]] = []
        for found, table in tables:
            for start, end, surface in found:
                if surface not in table or _TITLE_BEFORE.search(text, max(0, start - _TITLE_REACH), start):
                    continue  # one of the not_names, or "Mr Dell"
                suffix = _SUFFIX_AFTER.match(text, end)
                end = suffix.end() if suffix else end
                hit = Hit(start, end, text[start:end], table[surface])
                if surface in self.ambiguous:
                    if self._inside_other_name(text, start, end):
                        continue
                    if _sentence_initial(text, start) and not _ACTS_AFTER.match(text, end):
                        doubtful.append((surface, hit))
                        continue
                hits.append(hit)
        # an ordinary word as a sentence's first word is a name when the text uses it as one
        # elsewhere, or names its products ("Creative" with "the Creative Zen"), or lists it
        # with another company ("Sky and Virgin Media are battling")
        named = {h.text for h in hits} | {h.known.company for h in hits}
        starts = {h.start for h in hits}
        for surface, hit in doubtful:
            listed = _LISTED_WITH.match(text, hit.end)
            if surface in named or (listed and listed.end() in starts):
                hits.append(hit)
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        for h in hits:
            if kept and h.start < kept[-1].end:
                continue
            kept.append(h)
        return kept

    def _inside_other_name(self, text: str, start: int, end: int) -> bool:
        """An ordinary word right after another capitalised word is part of some other name:
        "Karen Thomson", "the Home Office", "Like A Virgin", "told The Sun". Not after a known
        name ("Microsoft Word", "Vivendi Universal") nor after a word that opens a sentence
        ("But Apple said"). A word joined to the one before ("Jean-Claude") is part of it too,
        and so is one in the middle of a title ("Centre for Vision, Speech and Signal Processing",
        "Queen of the Sky")."""
        if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
            return True
        if _TITLE_OF_THE.search(text, max(0, start - 30), start):
            return True
        after = _WORD_AFTER.match(text, end)
        if after and after.group(1) not in self.surfaces and _TITLE_JOIN_BEFORE.search(text, max(0, start - 30), start):
            return True
        before = _WORD_BEFORE.search(text, max(0, start - 24), start)
        if before is None:
            return False
        word = before.group(1)
        if word in self.surfaces or word in _NOT_NAME_PARTS:
            return False
        return not (word in _OPENERS and _sentence_initial(text, before.start(1)))


class FewNames:
    """A handful of names (the companies one article introduces) found like :class:`Names`
    finds them, by plain substring search: building a regex for them would cost more than
    the search itself."""

    def __init__(self, names):
        self.names = tuple(names)

    def finditer(self, text: str):
        found = []
        for name in self.names:
            start = text.find(name)
            while start != -1:
                end = start + len(name)
                before_ok = start == 0 or not (_WORD_CHAR.match(text, start - 1) or text[start - 1] == "@")
                if before_ok and not (end < len(text) and _WORD_CHAR.match(text, end)):
                    found.append((start, end, name))
                start = text.find(name, start + 1)
        found.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
        taken = 0
        for start, end, name in found:
            if start >= taken:
                yield start, end, name
                taken = end


def occurrences(text: str, names: set[str]) -> dict[str, list[int]]:
    """Where each of ``names`` stands in ``text`` as whole words, found in one scan for all of
    them; a name that begins a longer one of them found at the same place stands there too."""
    found: dict[str, list[int]] = {}
    if not names:
        return found
    shorter = {n: [" ".join(n.split(" ")[:i]) for i in range(1, n.count(" ") + 1)] for n in names}
    for start, _end, name in name_finder(tuple(sorted(names))).finditer(text):
        for each in (name, *(s for s in shorter[name] if s in names)):
            found.setdefault(each, []).append(start)
    return found


def name_finder(surfaces: tuple[str, ...]) -> Names | FewNames:
    """A finder for ``surfaces``: plain substring search for a few, one scan with a trie for many."""
    return FewNames(surfaces) if len(surfaces) <= 64 else _many_names(surfaces)


@lru_cache(maxsize=8)
def _many_names(surfaces: tuple[str, ...]) -> Names:
    return Names(surfaces)


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \"'\u201c\u2018(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n"


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(Path(__file__).with_name("lexicon.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon(_data())


# places and public bodies: never parties, and never companies because a cue stands next to them
NOT_COMPANIES = frozenset(_data()["not_companies"])
