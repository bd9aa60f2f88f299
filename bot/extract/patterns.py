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
