#!/usr/bin/env python3
"""Train the speaker choice for quotations no rule attributes (bot/extract/quotes/fallback.py).

    python eval/train_speaker_fallback.py [--cv] [--out bot/extract/quotes/fallback_weights.json]

Reads only the TRAIN part of the modern set (eval/modern, texts from the local cache). Each
quotation that no said-clause attributes (the rules of continuation, introduction and the last
speaker, or none) gives its candidates; a candidate is right when its words name the labelled
speaker as the scorer reads them. One logistic regression, deterministic (fixed order, fixed
epochs, rounded weights): the file reproduces byte for byte. ``--cv`` reports outlet-grouped
five-fold cross-validation on the quotations no rule attributes, and the threshold it picks.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import run  # noqa: E402

from bot.extract import logistic  # noqa: E402
from bot.extract.quotes import fallback  # noqa: E402

EPOCHS = 30
RATE = 0.1
L2 = 0.001
LEAST_SEEN = 3
# the least precision (right among the quotations it names a speaker for, an unknown one counted
# wrong) the threshold must keep in cross-validation
LEAST_PRECISION = 0.7
LEAST_GAIN = 2  # the least gains minus losses in cross-validation for the model to overrule a rule
OVERRULE_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
OUT = ROOT / "bot" / "extract" / "quotes" / "fallback_weights.json"


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _norm(s: str) -> str:
    return " ".join(_words(s))


def examples() -> list[dict]:
    """One row per quotation no said-clause attributes: its outlet, how the rules went, whether
    the label names someone, and its candidates (features, right or not)."""
    from bot.extract import extract

    rows = run.labels("train")
    paths = run.texts_or_stop(rows, "train")
    out = []
    for row in rows:
        fallback.COLLECT = []
        extract(paths[row["id"]].read_text(encoding="utf-8"))
        collected, fallback.COLLECT = fallback.COLLECT, None
        golds = [(_norm(q["start"]), q.get("speaker", "unknown")) for q in row.get("quotes", [])]
        for (how, span, who_rules, left), found in collected:
            text = _norm(span.text)
            gold = next((s for start, s in golds if start and (start in text or text.startswith(start[:40]))), None)
            if gold is None:
                continue
            lasts = set() if gold.lower() == "unknown" else {_words(a)[-1] for a in gold.split("|") if _words(a)}
            cands = []
            for who, features in found:
                said = set(_words(str(who[0] or "")) + _words(str(who[2] or "")))
                cands.append(
                    {"f": features, "y": bool(lasts & said), "r": any(f.startswith("rule=") for f in features)}
                )
            none = left == "read"  # where the model decides: no rule names anyone, no said-clause around
            ruled = set(_words(str(who_rules[0] or "")) + _words(str(who_rules[2] or "")))
            out.append(
                {
                    "group": row["outlet"],
                    "id": row["id"],
                    "how": how,
                    "none": none,
                    "named": bool(lasts),
                    "rule_right": bool(lasts & ruled) if who_rules[0] else not lasts,
                    "ruled": bool(who_rules[0]),
                    "phrase": left == "phrase",  # a phrase inside a sentence with no verb of speech
                    "c": cands,
                }
            )
    return out


def train(rows: list[dict]) -> dict:
    seen: dict[str, int] = {}
    for r in rows:
        for c in r["c"]:
            for f in c["f"]:
                seen[f] = seen.get(f, 0) + 1
    flat = [([f for f in c["f"] if seen[f] >= LEAST_SEEN], c["y"]) for r in rows for c in r["c"]]
    order = list(range(len(flat)))
    random.Random(17).shuffle(order)
    w: dict[str, float] = {}
    bias = 0.0
    for epoch in range(EPOCHS):
        rate = RATE / (1 + epoch)
        for k in order:
            features, y = flat[k]
            z = bias + sum(w.get(f, 0.0) for f in features)
            p = logistic.sigmoid(z)
            g = (1.0 if y else 0.0) - p
            bias += rate * g
            for f in features:
                old = w.get(f, 0.0)
                w[f] = old + rate * (g - L2 * old)
    return {
        "bias": round(bias, 4),
        "weights": {f: round(v, 3) for f, v in sorted(w.items()) if abs(round(v, 3)) >= 0.01},
    }


def cv(rows: list[dict]) -> tuple[float, float, list[tuple], float, list[str], dict]:
    """Outlet-grouped five folds. For the quotations no rule attributes, each held-out one's best
    candidate and its probability, and the threshold with the most right minus wrong whose
    precision keeps :data:`LEAST_PRECISION`. For those a weak rule named someone for, by the rule
    (and how a said-clause with no name refers), the quotations the model would give to another
    at each threshold, right where the rule was wrong (gains) or the reverse (losses): the model
    overrules the rules whose gains exceed their losses by :data:`LEAST_GAIN` at a precision of
    :data:`LEAST_PRECISION`, at the threshold where their sum of gains minus losses is largest."""
    scored = []  # (probability, right, named)
    switched = []  # (how, probability, gain, loss) where the best is not the rule's pick
    others = []  # as ``scored``, for the phrases no rule gives anyone, in sentences with no verb of speech
    for k in range(5):
        model = train([r for r in rows if run.fold_of(r["group"]) != k])
        for r in rows:
            if run.fold_of(r["group"]) != k or not r["c"]:
                continue
            p, y, ruled = max(
                ((fallback.probability(c["f"], model), c["y"], c["r"]) for c in r["c"]), key=lambda x: x[0]
            )
            if r["none"]:
                scored.append((p, y, r["named"]))
            elif r["phrase"]:
                kept = [
                    c
                    for c in r["c"]
                    if ("kind=org" in c["f"] or any(x.startswith("heard_back=") for x in c["f"]))
                    and not fallback.done_to(c["f"])
                ]
                if kept:
                    p, y = max(((fallback.probability(c["f"], model), c["y"]) for c in kept), key=lambda x: x[0])
                    others.append((p, y, r["named"]))
            elif r["ruled"] and not ruled and r["named"]:
                switched.append((r["how"], p, y and not r["rule_right"], r["rule_right"] and not y))
    best = _threshold(scored)
    nobody = _threshold(others)
    right = sum(1 for p, y, _n in others if p >= nobody and y)
    print(
        f"phrases with no verb of speech: {len(others)}, threshold {nobody}: right {right}, "
        f"wrong {sum(1 for p, _y, _n in others if p >= nobody) - right}",
        file=sys.stderr,
    )
    table = {}
    over = (1.01, 0, [])
    for t in OVERRULE_THRESHOLDS:
        by: dict[str, list[int]] = {}
        for how, p, gain, loss in switched:
            if p >= t:
                g = by.setdefault(how, [0, 0])
                g[0] += gain
                g[1] += loss
        table[t] = by
        keep = sorted(h for h, (g, lo) in by.items() if g - lo >= LEAST_GAIN and g / (g + lo) >= LEAST_PRECISION)
        net = sum(by[h][0] - by[h][1] for h in keep)
        if net > over[1]:
            over = (t, net, keep)
    return best, nobody, scored, over[0], over[2], table


def _threshold(scored: list[tuple]) -> float:
    """The threshold with the most right minus wrong whose precision keeps :data:`LEAST_PRECISION`."""
    best = (1.01, 0, 0)
    for t in sorted({round(p, 2) for p, _y, _n in scored}):
        right = sum(1 for p, y, _n in scored if p >= t and y)
        wrong = sum(1 for p, y, _n in scored if p >= t and not y)
        if right + wrong and right / (right + wrong) >= LEAST_PRECISION and right - wrong > best[1] - best[2]:
            best = (t, right, wrong)
    return best[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cv", action="store_true", help="report outlet-grouped cross-validation")
    a = ap.parse_args()
    rows = examples()
    unattributed = [r for r in rows if r["none"]]
    print(
        f"{len(rows)} quotations with no said-clause, {len(unattributed)} no rule attributes "
        f"({sum(r['named'] for r in unattributed)} labelled with a speaker)",
        file=sys.stderr,
    )
    threshold, nobody, scored, overrule_threshold, overrule, table = cv(rows)
    if a.cv:
        for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, threshold):
            right = sum(1 for p, y, _n in scored if p >= t and y)
            wrong = sum(1 for p, y, _n in scored if p >= t and not y)
            unknown = sum(1 for p, y, n in scored if p >= t and not n)
            print(f"threshold {t:.2f}: right {right}, wrong {wrong} (of them labelled unknown {unknown})")
        for t, by in table.items():
            print(f"overrule at {t:.2f}: " + "; ".join(f"{h} +{g} -{lo}" for h, (g, lo) in sorted(by.items())))
        print(f"overrules {overrule} at {overrule_threshold}")
    model = {
        **train(rows),
        "threshold": threshold,
        "threshold_nobody": nobody,
        "overrule": overrule,
        "overrule_threshold": overrule_threshold,
    }
    a.out.write_text(json.dumps(model, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {a.out} (threshold {threshold})", file=sys.stderr)


if __name__ == "__main__":
    main()
