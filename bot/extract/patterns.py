"""Building regular expressions from word lists."""

from __future__ import annotations

import re


def trie_pattern(words) -> str:
    """One pattern for a set of words, branching on shared beginnings (``add(?:ed|s)``), which
    a regular expression engine tries far faster than a long list of alternatives."""
    tree: dict = {}
    for word in sorted(set(words)):
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else f"{body}?"
        return body

    return "(?:" + build(tree) + ")"


def words_at_word_start(words) -> str:
    """A pattern for ``words`` standing at a word's start (``\\b(?:which|as)``), written to open
    with a character (``[aw](?<!\\w.)(?:(?<=a)s|(?<=w)hich)``): re then skips at C speed to the
    next character a word can start with, where a pattern that opens with ``\\b`` is tried at
    every position."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        by_first.setdefault(word[0], []).append(word[1:])
    rests = "|".join(f"(?<={re.escape(first)}){trie_pattern(rest)}" for first, rest in sorted(by_first.items()))
    firsts = "".join(re.escape(first) for first in sorted(by_first))
    return rf"[{firsts}](?<!\w.)(?:{rests})"


class FromWordStarts:
    """``pattern``'s matches, for a pattern that can match only where a word starts with one of
    the characters ``first`` (a person's name: ``\\b(?=[A-Z])...``), found by a scan that stops
    only there (``inside``: the class of characters that, standing before one of them, make it
    no word's start).

    re tries a pattern that opens with a word boundary or a look-behind at every position of the
    text; this scan skips at C speed from one of ``first`` to the next, and there tries the
    whole pattern (a look-ahead inside a look-behind), so that only the places where it matches
    come back to Python. The matches are ``pattern``'s own, the same and in the same order as its
    ``finditer`` and ``search`` give; ``pattern`` never matches nothing."""

    def __init__(self, pattern: re.Pattern, first: str, inside: str = r"\w"):
        self.pattern = pattern
        self._places = re.compile(rf"[{first}](?<![{inside}].)(?<=(?=(?:{pattern.pattern})).)", pattern.flags)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        taken = pos
        for place in self._places.finditer(text, pos, end):
            at = place.start()
            if at < taken:
                continue  # inside the match before
            m = self.pattern.match(text, at, end)
            if m is not None:
                taken = m.end()
                yield m

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        end = len(text) if endpos is None else endpos
        place = self._places.search(text, pos, end)
        return None if place is None else self.pattern.match(text, place.start(), end)


class FromLiterals:
    """``pattern``'s matches, for a pattern each match of which opens with one of a few fixed
    beginnings (``acquir``, ``bought``, ``rival``...): each beginning is found by plain substring
    search, and the pattern is tried only where one stands.

    re tries a pattern that opens with a look-behind or a long alternation at every position of
    the text, hundreds of instructions a character; substring search skips along at a few. The
    beginnings are read from the pattern itself (up to ``longest`` characters: those every
    match must open with); a pattern where no such beginnings can be read (a class or a case-blind
    part first) is scanned as before. The matches are ``pattern``'s own, the same and in the same
    order as its ``finditer`` gives; ``pattern`` never matches nothing."""

    def __init__(self, pattern: re.Pattern, longest: int = 6):
        self.pattern = pattern
        self.starts = literal_starts(pattern, longest)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else min(endpos, len(text))
        if self.starts is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        places = set()
        for start in self.starts:
            at = text.find(start, pos, end)
            while at != -1:
                places.add(at)
                at = text.find(start, at + 1, end)
        yield from _matches_at(self.pattern.match, text, sorted(places), pos, end)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)


class CaseBlind:
    """``pattern``'s matches, for a case-blind pattern each match of which opens with one of a few
    fixed words (``rival``, ``compet``, ``partner``...): one case-sensitive scan of the lowered
    text finds where those beginnings stand, and the pattern is tried only there.

    re reads a case-blind pattern by lowering each character of the text for each alternative it
    tries, at every position: a long alternation of cue words costs hundreds of instructions a
    character. The matches are ``pattern``'s own, the same and in the same order as its
    ``finditer`` gives; text where lowering is not what re's case-blindness does (the dotted
    and dotless i, the long s) is scanned as before, and so is every text when the beginnings
    cannot be read from the pattern. ``pattern`` never matches nothing."""

    def __init__(self, pattern: re.Pattern, longest: int = 6):
        self.pattern = pattern
        starts = literal_starts(pattern, longest, lowered=True)
        self._places = None if starts is None else re.compile(f"(?={trie_pattern(starts)})")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else min(endpos, len(text))
        if self._places is None or (not text.isascii() and _UNLIKE_LOWERED.search(text)):
            yield from self.pattern.finditer(text, pos, end)
            return
        places = (place.start() for place in self._places.finditer(text.lower(), pos, end))
        yield from _matches_at(self.pattern.match, text, places, pos, end)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)


def _matches_at(match, text: str, places, pos: int, end: int):
    """The matches of ``match`` tried at ``places`` (in order), each after the one before ends."""
    taken = pos
    for at in places:
        if at < taken:
            continue  # inside the match before
        m = match(text, at, end)
        if m is not None:
            taken = m.end()
            yield m


# characters re's case-blindness matches otherwise than their lowered form: "İ" lowers to
# two characters, and re takes the dotless i for "i" and the long s for "s"
_UNLIKE_LOWERED = re.compile("[\u0130\u0131\u017f]")


def literal_starts(pattern: re.Pattern, longest: int = 6, lowered: bool = False) -> tuple[str, ...] | None:
    """The fixed beginnings (of at most ``longest`` characters) one of which every match of
    ``pattern`` opens with, none beginning with another; ``None`` when a match may open otherwise.
    ``lowered``: the beginnings as the lowered text holds them, for a pattern case-blind in part
    or whole (``None`` for a case-sensitive reading of a case-blind pattern)."""
    if pattern.flags & re.IGNORECASE and not lowered:
        return None
    try:
        from re import _parser  # re's own reading of a pattern (there since Python 3.11)

        starts = _starts(list(_parser.parse(pattern.pattern, pattern.flags)), longest, lowered)
    except (ImportError, AttributeError, TypeError, ValueError, RecursionError):
        return None
    if "" in starts:
        return None
    kept: list[str] = []
    for start in sorted(starts, key=len):
        if not any(start.startswith(k) for k in kept):
            kept.append(start)
    return tuple(sorted(kept))


def _starts(items: list, k: int, lowered: bool = False) -> set[str]:
    """The beginnings of up to ``k`` characters a match of the parsed ``items`` opens with ("":
    none that can be told); ``lowered``: as the lowered text holds them."""
    if k == 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    name = str(op)
    char = _lowered if lowered else chr
    if name == "LITERAL":
        return {char(av) + s for s in _starts(rest, k - 1, lowered)}
    if name == "IN" and 0 < len(av) <= 4 and all(str(o) == "LITERAL" for o, _c in av):
        tails = _starts(rest, k - 1, lowered)
        return {char(c) + s for _o, c in av for s in tails}
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return _starts(rest, k, lowered)  # they take no character
    if name == "SUBPATTERN":
        _group, add_flags, _del_flags, sub = av
        return {""} if add_flags & re.IGNORECASE and not lowered else _starts(list(sub) + rest, k, lowered)
    if name == "ATOMIC_GROUP":
        return _starts(list(av) + rest, k, lowered)
    if name == "BRANCH":
        return set().union(*(_starts(list(alternative) + rest, k, lowered) for alternative in av[1]))
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        least, _most, sub = av
        once = _starts(list(sub), k, lowered)  # (what follows one repetition may be another)
        return once if least else once | _starts(rest, k, lowered)
    return {""}


def _lowered(code: int) -> str:
    """A pattern's character as the lowered text holds it wherever re's case-blindness matches it
    (a letter of another alphabet with a case may match what lowering does not give)."""
    char = chr(code).lower()
    if len(char) != 1 or not (char.isascii() or char.lower() == char.upper()):
        raise ValueError(f"no plain lowered form: {chr(code)!r}")
    return char
