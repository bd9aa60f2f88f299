#!/usr/bin/env python3
"""How the train labels and the extraction treat lists of three or more companies in one sentence
("key players include A, B, C and D", "the top five vendors were A, B and C", "investors include
A, B and C"): for each list, whether the labels hold all, some or none of its pairs as rivals, and
how many of them the extraction gives, by the words that introduce the list.

    python eval/market_lists.py [--show CLASS]

A list is three or more different companies the extraction recognises, joined only by commas,
"and", "or", "&". Its class is read from the sentence before it (and just after it): a market's
players (players, vendors, rivals, competitors, makers, providers, leaders, "such as", top,
largest, ...) or a third's customers, investors, partners or suppliers (co-mentions: no
relation). Columns: m1-m52's train part (the batches rules were written on) and m53-m64's (no rule
read yet). TRAIN articles only: ``--show`` prints sentences, never run it on validation.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import relation_misses  # noqa: E402
import run  # noqa: E402

S = relation_misses.S
_JOIN = re.compile(r"^\s*(?:,|,?\s*(?:and|or|&)|/)\s*(?:the\s+)?$", re.IGNORECASE)
THIRD = re.compile(
    r"\b(?:customers?|clients?|investors?|backers?|backed|funded|shareholders?|partners?|partnered|partnerships?"
    r"|suppliers?|supplies|led by|particip\w*|round|raised|users?|work(?:s|ing|ed)? with|signed|deals?|agreements?"
    r"|bought|acquired|owned|subsidiar\w*|invest\w*)\b",
    re.IGNORECASE,
)
MARKET = re.compile(
    r"\b(?:players?|vendors?|rivals?|competitors?|competing|compet\w*|makers?|manufacturers?|providers?|operators?"
    r"|leaders?|incumbents?|brands?|sellers?|such as|like|top|largest|biggest|leading|dominat\w*|market|giants?"
    r"|the likes of|alternatives?|versus|vs\.?)\b",
    re.IGNORECASE,
)


def lists(text: str, names: list[tuple[int, int, str]]) -> list[list[str]]:
    """Runs of three or more different companies joined only by commas and "and"/"or"."""
    ordered = sorted(names)
    out, run_, last = [], [], None
    for s, e, c in ordered:
        if last is not None and s >= last[1] and _JOIN.match(text[last[1] : s]) and c not in [x[2] for x in run_]:
            run_.append((s, e, c))
        elif last is not None and s < last[1]:
            continue
        else:
            if len(run_) >= 3:
                out.append(run_)
            run_ = [(s, e, c)]
        last = (s, e, c)
    if len(run_) >= 3:
        out.append(run_)
    return out


def kind_of(text: str, items: list) -> str:
    before = text[max(0, items[0][0] - 80) : items[0][0]]
    after = text[items[-1][1] : items[-1][1] + 50]
    if THIRD.search(before) or THIRD.search(after[:25]):
        return "a third's customers, investors, partners"
    if MARKET.search(before) or MARKET.search(after):
        return "a market's players"
    return "other (no cue word)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", help="print the train sentences of this class (a prefix)")
    a = ap.parse_args()
    rows = run.labels("train")
    paths = run.texts_or_stop(rows)
    table = collections.defaultdict(collections.Counter)
    for row in rows:
        part = "m53+" if int(row["id"].split("-")[0][1:]) >= 53 else "m1-52"
        calls, found = relation_misses.read(paths[row["id"]].read_text(encoding="utf-8"))
        gold = {k: S.pair_set(row.get(k) or []) for k in ("competes", "partners")}
        given = {(S.norm_company(x), S.norm_company(y)) for _i, k, x, y in found if k == "competes"}
        for text, names, _parties in calls:
            for items in lists(text, names):
                cls = kind_of(text, items)
                pairs = list(itertools.combinations([S.norm_company(c) for _s, _e, c in items], 2))
                held = sum(any(S.same_pair(g, ((x,), (y,))) for g in gold["competes"]) for x, y in pairs)
                part_p = sum(any(S.same_pair(g, ((x,), (y,))) for g in gold["partners"]) for x, y in pairs)
                out = sum((x, y) in given or (y, x) in given for x, y in pairs)
                right = sum(
                    ((x, y) in given or (y, x) in given) and any(S.same_pair(g, ((x,), (y,))) for g in gold["competes"])
                    for x, y in pairs
                )
                labels = "all" if held == len(pairs) else "some" if held else "none"
                extracted = "all" if out == len(pairs) else "some" if out else "none"
                t = table[cls]
                t[(part, "lists")] += 1
                t[(part, f"labels {labels}")] += 1
                t[(part, f"extraction {extracted}")] += 1
                t[(part, "pairs")] += len(pairs)
                t[(part, "gold competes")] += held
                t[(part, "gold partners")] += part_p
                t[(part, "given")] += out
                t[(part, "given right")] += right
                if a.show and cls.startswith(a.show):
                    said = f"labels {labels} ({held}/{len(pairs)}) extraction {out} right {right}"
                    print(f"{row['id']} {said} | {text[:300]}")
    if a.show:
        return
    keys = ("lists", "labels all", "labels some", "labels none", "pairs", "gold competes", "gold partners",
            "given", "given right", "extraction all", "extraction some", "extraction none")  # fmt: skip
    print("| class | part | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 2) + "|")
    for cls, t in sorted(table.items()):
        for part in ("m1-52", "m53+"):
            print(f"| {cls} | {part} | " + " | ".join(str(t[(part, k)]) for k in keys) + " |")


if __name__ == "__main__":
    main()
