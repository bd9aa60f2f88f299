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
