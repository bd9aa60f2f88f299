#!/usr/bin/env python3
"""Where the rivalries and partnerships of the train part are lost and invented, by the form of
the sentence: each gold pair the extraction misses, and each pair it gives that no label holds.

    python eval/relation_misses.py [--show CLASS]

A missed gold pair is (a) named by both sides as companies in one sentence (then by that sentence's
form: "A vs B", "A and B compete", "A's rival B", a market list, "A teams up with B", "A and B
announced", "a partnership between A and B", a deal, a joint venture, a ranking, another cue word,
or none: a co-mention), (b) a side never recognised in the article, or (c) both recognised, never
in one sentence. An invented pair is counted by the form of the sentence it was read in. Columns:
the train part of m1-m40 (the batches the rules were first written on), of m41-m64 (read by later
passes) and of m65-m79 (outlets no rule was read on: keep ``--show`` off it, ``--part``, until a
rule is written). TRAIN articles only: ``--show`` prints sentences, never run it on validation.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import run  # noqa: E402
import train_relations  # noqa: E402

import bot.extract.article as article  # noqa: E402
import bot.extract.relations as steps  # noqa: E402
from bot.extract import extract  # noqa: E402

KINDS = ("competes", "partners")
S = train_relations.S

# the forms of a sentence, tried in order on the words from a side's name to the other's (with a
# few words either side); the first that matches names the sentence's form
FORMS = (
    ("A vs B, against, than", r"\b(?:vs\.?|versus|against|than|compared (?:to|with))\b"),
    ("A's rival B, rival B", r"\brival\w*\b|\bcompetitors?\b"),
    ("A and B compete, competition", r"\bcompet\w*|\bbattl\w*|\bfight\w*|\bwar\b|\brace\b|\bchalleng\w*|\bthreat\w*"),
    ("joint venture", r"\bjoint\b"),
    (
        "partnership between, partner(s/ed) with",
        r"\bpartner\w*|\ballian\w*|\btie-up|\bteam\w* up|\bcollaborat\w*|\bcooperat\w*|\bco-operat\w*",
    ),
    ("works with, together", r"\bwork\w* (?:with|together)|\btogether\b|\bjointly\b"),
    (
        "deal, agreement, contract, supply",
        r"\bdeals?\b|\bagree\w*|\bcontract\w*|\bsuppl\w*|\bsign\w*|\bpact\b|\bmemorandum\b|\bMoU\b|\blicen\w*",
    ),
    ("market share figures", r"%|\bper ?cent\b|\bmarket share\b"),
    (
        "ranking: ahead, behind, overtook, leads",
        r"\b(?:ahead of|behind|overt(?:ake|ook)\w*|surpass\w*|trail\w*|followed by|leads?|led by|beat\w*|outsold"
        r"|number (?:one|two|three)|largest|biggest)\b",
    ),
    ("market list: such as, including, like", r"\b(?:such as|including|like|players?|makers?|operators?|providers?)\b"),
    ("A and B announced, launch, develop", r"\bannounc\w*|\blaunch\w*|\bdevelop\w*|\bintegrat\w*|\bbuil\w*"),
    (
        "investor, customer, purchase",
        r"\binvest\w*|\bstake\b|\bcustomer\w*|\bclients?\b|\bbu(?:y|ys|ying|ought)\b|\bacqui\w*|\bown\w*",
    ),
)
_FORMS = [(name, re.compile(p, re.IGNORECASE)) for name, p in FORMS]


def form(text: str, x: tuple[int, int], y: tuple[int, int]) -> str:
    """The form of ``text`` around the names at ``x`` and ``y`` (start, end), as :data:`FORMS` names them."""
    a, b = min(x[0], y[0]), max(x[1], y[1])
    near = text[max(0, a - 40) : b + 40]
    for name, pattern in _FORMS:
        if pattern.search(near):
            return name
    return "co-mention: no cue word"


def read(text: str) -> tuple[list, list]:
    """The sentences the relation step reads (text, every name's (start, end, company), the party
    spans) and the relations the extraction gives ``(index, kind, a, b)``."""
    calls, found = [], []
    weighed, relations = steps._weighed, article.article_relations

    def record(rules, text, names, own, title, sources):
        calls.append((text, [(n.start, n.end, n.company) for n in names], steps.party_spans(names, own)))
        return weighed(rules, text, names, own, title, sources)

    def rel(*args, **kwargs):
        out = relations(*args, **kwargs)
        found.extend(out)
        return out

    steps._weighed, article.article_relations = record, rel
    try:
        extract(text)
    finally:
        steps._weighed, article.article_relations = weighed, relations
    return calls, found


def _is(name: str, alternatives: tuple[str, ...]) -> bool:
    return S.norm_company(name) in alternatives


def classify(calls: list, found: list, labels: dict, kind: str):
    """``(class, sentence)`` for each gold pair of ``kind`` missed, and for each pair given wrongly."""
    gold = S.pair_set(labels.get(kind) or [])
    given = {}
    for i, k, a, b in found:
        if k == kind and S.norm_company(a) != S.norm_company(b):
            given.setdefault(tuple(sorted((S.norm_company(a), S.norm_company(b)))), (i, a, b))
    right = {g for g in gold if any(S.same_pair(g, ((p[0],), (p[1],))) for p in given)}
    missed = []
    for g in sorted(gold - right):
        seen = [
            {c for _s, _e, c in names if _is(c, side)} for side in g for names in [[n for c in calls for n in c[1]]]
        ]
        together = None
        for text, names, parties in calls:
            xs = [(s, e) for s, e, c in names if _is(c, g[0])]
            ys = [(s, e) for s, e, c in names if _is(c, g[1])]
            if xs and ys:
                party = {c for _s, _e, c in parties}
                both = any(_is(c, g[0]) for c in party) and any(_is(c, g[1]) for c in party)
                x, y = min(((p, q) for p in xs for q in ys), key=lambda pq: abs(pq[0][0] - pq[1][0]))
                together = (form(text, x, y) + ("" if both else " (a side no party)"), text)
                if not together[0].startswith("co-mention"):
                    break
        if together:
            missed.append(("both in one sentence: " + together[0], f"[{g[0][0]} ~ {g[1][0]}] {together[1]}"))
        elif all(seen):
            missed.append(("sides in different sentences", ""))
        else:
            missed.append(("a side unrecognised", ""))
    wrong = []
    for pair, (i, a, b) in sorted(given.items()):
        if not any(S.same_pair(g, ((pair[0],), (pair[1],))) for g in gold):
            text, names, _parties = calls[i]
            xs = [(s, e) for s, e, c in names if c == a] or [(0, 0)]
            ys = [(s, e) for s, e, c in names if c == b] or [(len(text), len(text))]
            x, y = min(((p, q) for p in xs for q in ys), key=lambda pq: abs(pq[0][0] - pq[1][0]))
            other = next(
                (
                    k
                    for k in (*KINDS, "acquires")
                    if k != kind
                    and any(S.same_pair(g, ((pair[0],), (pair[1],))) for g in S.pair_set(labels.get(k) or []))
                ),
                None,
            )
            wrong.append(((f"labelled {other}" if other else form(text, x, y)), f"[{a} ~ {b}] {text}"))
    return missed, wrong, len(gold), len(right)


PARTS = ("m1-64", "m65+", "all")


def part_of(article_id: str) -> str:
    """The column of an article: ``m1-40``, ``m41-64`` or ``m65+`` by its batch."""
    batch = int(article_id.split("-")[0][1:])
    return "m1-40" if batch < 41 else "m41-64" if batch < 65 else "m65+"


def _shown(part: str, which: str) -> bool:
    return which == "all" or (which == "m65+") == (part == "m65+")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", help="print the train sentences of this class (a prefix)")
    ap.add_argument("--part", choices=PARTS, default="m1-64", help="the part --show prints (default m1-64)")
    a = ap.parse_args()
    rows = run.labels("train")
    paths = run.texts_or_stop(rows)
    table = collections.defaultdict(collections.Counter)
    for row in rows:
        part = part_of(row["id"])
        calls, found = read(paths[row["id"]].read_text(encoding="utf-8"))
        for kind in KINDS:
            missed, wrong, ngold, nright = classify(calls, found, row, kind)
            table[(kind, "gold")][part] += ngold
            table[(kind, "found")][part] += nright
            for what, rows_ in (("missed", missed), ("invented", wrong)):
                for cls, text in rows_:
                    table[(kind, f"{what}: {cls}")][part] += 1
                    if a.show and f"{what}: {cls}".startswith(a.show) and _shown(part, a.part):
                        print(f"{row['id']} {kind} {what}: {cls} | {text[:400]}")
    if a.show:
        return
    for kind in KINDS:
        print(f"| {kind} | m1-m40 train | m41-m64 train | m65-m79 train |\n|---|---|---|---|")
        for (k, cls), c in sorted(table.items(), key=lambda kv: (kv[0][1].split(":")[0], -sum(kv[1].values()))):
            if k == kind:
                print(f"| {cls} | {c['m1-40']} | {c['m41-64']} | {c['m65+']} |")


if __name__ == "__main__":
    main()
