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
