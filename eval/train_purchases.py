#!/usr/bin/env python3
"""Train the purchase-pair scorer (eval/purchase_pairs.py: measured, not shipped; eval/README.md,
acq11), measure it, and count the acquisitions step's train errors by the form of their writing.

    python eval/train_purchases.py [--cv] [--forms] [--out /tmp/purchase_weights.json]

Examples are the ordered pairs of companies in each sentence the acquisitions step is handed
that holds a word of buying, on the modern set's TRAIN part only (texts from the local cache),
labelled by the article's ``acquires`` labels (direction kept). One logistic regression, plain
stochastic gradient descent in a fixed order (the same sources give the same weights). ``--cv``
reports, on train articles of outlets the model was not trained on (five folds by outlet,
``run.fold_of``), the article-level figures of the rules alone and of the rules with the model's
vetoes and additions for a grid of thresholds, apart for m1-m40 and m41-m52. ``--forms`` counts
the rules' missed and false pairs by the form of the sentences that name both sides.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import purchase_pairs as pp  # noqa: E402
import run  # noqa: E402

import bot.extract.relations as steps  # noqa: E402
from bot.extract import extract  # noqa: E402

OUT = Path("/tmp/purchase_weights.json")  # not shipped: see eval/README.md, acq11
EPOCHS, RATE, L2 = 15, 0.1, 1e-3
LEAST_SEEN = 3
LATE = 41  # m41-m52 joined the train part after the rules of acq1-acq10 were written
FRESH = 53  # m53-m64: no rule was written on them before acq12 measured on them
HELD = 65  # m65-m79: no rule was written on them before acq13 measured on them


def _part(batch: int) -> str:
    return "held" if batch >= HELD else "fresh" if batch >= FRESH else "late" if batch >= LATE else "early"


# the thresholds written (chosen by --cv: the best F1 whose held-out precision stays >= .85); None: unused
THRESHOLDS = {"veto": None, "add": None}


def _scorer():
    spec = importlib.util.spec_from_file_location("score", run.SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


S = _scorer()


def _side(n) -> str:
    return n.name if n.product else n.company


def read_article(text: str) -> tuple[list[dict], list[tuple[str, str]]]:
    """The sentences the acquisitions step is handed (with their companies and the rules' pairs),
    and the article's final purchases, with the rules alone."""
    calls = []
    rules = steps.acquisitions

    def record(sentence, named, subject, anchor, previous=""):
        out = rules(sentence, named, subject, anchor, previous)
        spans = [(n.start, n.end, _side(n)) for n in named]
        calls.append({"text": sentence, "spans": spans, "ruled": [tuple(p) for p in out]})
        return out

    saved = steps.acquisitions
    steps.acquisitions = record
    try:
        result = extract(text).to_json()
    finally:
        steps.acquisitions = saved
    final = [(r["a"], r["b"]) for r in result.get("relations", []) if r.get("type") == "acquires"]
    return calls, final


def _norm(name: str) -> str:
    return S.norm_company(name)


def _gold(labels: dict) -> set:
    return S.directed_set(labels.get("acquires") or [])


def _in_gold(gold: set, a: str, b: str) -> bool:
    na, nb = _norm(a), _norm(b)
    return any(na in ga and nb in gb for ga, gb in gold)


def examples_of(calls: list[dict], gold: set) -> list[dict]:
    out = []
    told = pp.told(calls)
    for i, call in enumerate(calls):
        spans = call["spans"]
        if len({c for _s, _e, c in spans}) < 2:
            continue
        found = pp.cues(call["text"])
        if not found:
            continue
        ruled = set(call["ruled"])
        for (a, b), (x, y) in pp.pairs(call["text"], spans).items():
            f = pp.features(call["text"], spans, x, y, found) + pp.rule_features((a, b), ruled)
            f += pp.article_features((a, b), i, told)
            out.append({"i": i, "pair": (a, b), "f": f, "y": _in_gold(gold, a, b), "ruled": (a, b) in ruled})
    return out


def articles(cache: Path | None = None, split: str = "train") -> list[dict]:
    if cache and cache.is_file():
        return pickle.loads(cache.read_bytes())
    rows = run.labels(split)
    paths = run.texts_or_stop(rows, "train")
    arts = []
    for r in rows:
        if r.get("acquires") is None:
            continue
        calls, final = read_article(paths[r["id"]].read_text(encoding="utf-8"))
        gold = _gold(r)
        arts.append(
            {
                "id": r["id"],
                "group": r["outlet"],
                "batch": int(r["id"].split("-")[0][1:]),
                "labels": r.get("acquires") or [],
                "calls": calls,
                "final": final,
                "examples": examples_of(calls, gold),
            }
        )
    if cache:
        cache.write_bytes(pickle.dumps(arts))
    return arts


def train(examples: list[dict]) -> dict:
    seen: dict[str, int] = {}
    for ex in examples:
        for f in set(ex["f"]):
            seen[f] = seen.get(f, 0) + 1
    data = [([f for f in ex["f"] if seen[f] >= LEAST_SEEN], 1.0 if ex["y"] else 0.0) for ex in examples]
    order = list(range(len(data)))
    random.Random(20).shuffle(order)
    w: dict[str, float] = {}
    for epoch in range(EPOCHS):
        rate = RATE / (1 + epoch)
        for k in order:
            feats, y = data[k]
            z = sum(w.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + pow(2.718281828459045, -max(-30.0, min(30.0, z))))
            g = y - p
            for f in feats:
                old = w.get(f, 0.0)
                w[f] = old + rate * (g - L2 * old)
    return {"weights": {f: round(v, 3) for f, v in sorted(w.items()) if abs(round(v, 3)) >= 0.01}}


def predicted(art: dict, model: dict | None, veto: float | None, add: float | None) -> set[tuple[str, str]]:
    """The article's purchases: the extraction's, less the rules' pairs the model finds unlikely
    in every sentence that reads them, with the pairs it finds likely in sentences where no rule
    reads any."""
    out = {(a, b) for a, b in art["final"]}
    if model is None:
        return out
    by_sentence: dict[int, list] = {}
    for ex in art["examples"]:
        by_sentence.setdefault(ex["i"], []).append((ex, pp.probability(model, ex["f"])))
    if veto is not None:
        kept, dropped = set(), set()
        for i, call in enumerate(art["calls"]):
            scored = {ex["pair"]: p for ex, p in by_sentence.get(i, [])}
            for pair in call["ruled"]:
                (dropped if scored.get(tuple(pair), 1.0) < veto else kept).add(tuple(pair))
        gone = {(_norm(a), _norm(b)) for a, b in dropped - kept}
        out = {(a, b) for a, b in out if (_norm(a), _norm(b)) not in gone}
    if add is not None:
        for i, call in enumerate(art["calls"]):
            if call["ruled"]:
                continue
            best = {}
            for ex, p in by_sentence.get(i, []):
                if p >= add:
                    best[ex["pair"]] = p
            # one reading per sentence: the likeliest pair, not also its reverse
            for (a, b), _p in sorted(best.items(), key=lambda kv: -kv[1])[:1]:
                if (b, a) not in out:
                    out.add((a, b))
    return out


def counts(art: dict, pred: set) -> tuple[int, int, int]:
    gold = S.directed_set(art["labels"])
    ps = S.directed_set(list(pred))
    return S.count_directed(gold, ps), len(ps), len(gold)


GRID = [(v, a) for v in (None, 0.05, 0.1, 0.2, 0.3) for a in (None, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)]
LEAST_PRECISION = 0.85


def cv(arts: list[dict], show: bool = False) -> tuple:
    groups = sorted({a["group"] for a in arts})
    fold = {g: run.fold_of(g) for g in groups}
    tallies = {k: {"all": [0, 0, 0], "early": [0, 0, 0], "late": [0, 0, 0]} for k in ["rules", *GRID]}
    for f in range(5):
        held = [a for a in arts if fold[a["group"]] == f]
        model = train([ex for a in arts if fold[a["group"]] != f for ex in a["examples"]])
        for art in held:
            part = "late" if art["batch"] >= LATE else "early"
            for key in tallies:
                pred = predicted(art, None, None, None) if key == "rules" else predicted(art, model, *key)
                c = counts(art, pred)
                for t in (tallies[key]["all"], tallies[key][part]):
                    for j in range(3):
                        t[j] += c[j]
            if show:
                _show(art, model)
    best = None
    for key, parts in tallies.items():
        line = []
        for part in ("all", "early", "late"):
            tp, npred, ngold = parts[part]
            p, r = tp / max(npred, 1), tp / max(ngold, 1)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            line.append(f"{part} {p:.3f}/{r:.3f}/{f1:.3f} ({tp}/{npred}/{ngold})")
            if part == "all" and key != "rules" and p >= LEAST_PRECISION and (best is None or f1 > best[1]):
                best = (key, f1)
        print(f"{key!s:14s} " + "  ".join(line))
    print("best at P >= .85:", best)
    return best


def _show(art: dict, model: dict) -> None:
    for ex in art["examples"]:
        p = pp.probability(model, ex["f"])
        if (ex["ruled"] and p < 0.3) or (not ex["ruled"] and p >= 0.6):
            what = ("VETO " if ex["ruled"] else "ADD ") + ("right" if ex["y"] else "wrong")
            print(f"{what} {p:.2f} {art['id']} {ex['pair'][0]} -> {ex['pair'][1]}")


# the forms a purchase sentence takes between (or around) its two sides, first match wins
FORMS = [
    ("merger of A and B / A merges with B", re.compile(r"\bmerg|\bcombin|amalgamat", re.I)),
    ("B acquired by A (passive)", re.compile(r"\b(?:acquired|bought|purchased|taken\s+over|sold|snapped\s+up)\b.{0,40}\bby\b", re.I)),  # noqa: E501
    ("B, which A bought (relative)", re.compile(r"\b(?:which|that|who)\b", re.I)),
    ("A-owned B / B, a unit of A", re.compile(r"-owned|owned\s+by|\b(?:unit|subsidiary|division|parent|owner)\b", re.I)),  # noqa: E501
    ("A's acquisition / purchase / takeover of B", re.compile(r"\b(?:acquisition|purchase|takeover|buyout|buy-out|deal)s?\b", re.I)),  # noqa: E501
    ("A agreed / plans / offered to buy B", re.compile(r"\b(?:agree\w*|plan\w*|offer\w*|bid\w*|to\s+(?:acquire|buy|purchase))\b", re.I)),  # noqa: E501
    ("A completed / closed the deal for B", re.compile(r"\b(?:complet\w*|clos\w*|finali\w*)\b", re.I)),
    ("A sold B to C / B sold to A", re.compile(r"\b(?:sold|sell\w*|sale)\b", re.I)),
    ("A acquires / buys / takes over B", re.compile(r"\b(?:acqui\w*|buy\w*|bought|purchas\w*|take[sn]?\s+over|took\s+over|snap\w*)\b", re.I)),  # noqa: E501
]  # fmt: skip
FALSE_FORMS = [
    ("a stake, shares or an investment", re.compile(r"\b(?:stake|%|per\s?cent|shares|invest\w*|minority)\b", re.I)),
    ("a bid, offer, plan or talks", re.compile(r"\b(?:offer\w*|bid\w*|proposal|talks|plan\w*|consider\w*|could|would|may)\b", re.I)),  # noqa: E501
    ("a deal blocked, abandoned or refused", re.compile(r"\b(?:block\w*|abandon\w*|scrap\w*|terminat\w*|reject\w*|fail\w*|withdr\w*|collaps\w*)\b", re.I)),  # noqa: E501
    ("a merger", re.compile(r"\bmerg", re.I)),
    ("a sale (seller taken for buyer, a unit)", re.compile(r"\b(?:sold|sell\w*|sale|unit|division|business)\b", re.I)),
]  # fmt: skip


def _mentions(spans, names: tuple) -> list[tuple[int, int]]:
    return [(s, e) for s, e, c in spans if _norm(c) in names]


_DETAILS = [
    ("the target first", None),
    ("an apposition or a bracket between the buyer and the verb", re.compile(r"^[^,(]{0,3}[,(][^,()]{3,}[,)]")),
    ("a share, a percentage or a part", re.compile(r"%|per\s?cent|\bpart\s+of|\bstake|\bshares?\b|\bmajority", re.I)),
    ("set to, plans, would, will, could", re.compile(r"\b(?:set|plans?|would|will|could|may|ready|poised)\b", re.I)),
    (
        "the verb a gerund after is / was (X is acquiring Y)",
        re.compile(
            r"\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?(?:acquiring|buying|purchasing|taking\s+over|snapping\s+up)\b",
            re.I,
        ),
    ),
    (
        "the verb a gerund after a preposition (X ... after acquiring Y)",
        re.compile(
            r"\b(?:after|by|before|since|in|with|for|of|from|on|upon|through|while|when)\s+(?:\w+ly\s+)?(?:acquiring|buying|purchasing|taking\s+over|snapping\s+up)\b",
            re.I,
        ),
    ),
    (
        "the verb a gerund otherwise (X, acquiring Y)",
        re.compile(r"\b(?:acquiring|buying|purchasing|taking\s+over|snapping\s+up)\b", re.I),
    ),
    (
        "the verb an infinitive (X moved to acquire Y)",
        re.compile(r"\bto\s+(?:\w+ly\s+)?(?:acquire|buy|purchase|take\s+over)\b", re.I),
    ),
    ("another -ing word between", re.compile(r"\w+ing\b")),
    ("another company between", None),
]


def _plain_detail(text: str, a: tuple[int, int], b: tuple[int, int]) -> str:
    if b[0] < a[0]:
        return "the target first"
    gap = text[a[1] : b[0]]
    for name, rx in _DETAILS[1:-1]:
        if rx.search(gap):
            return name
    return "nothing of these (a plain sentence)"


def _gate(call: dict) -> str:
    """Which of the acquisitions step's first tests turned a sentence away, if one did."""
    step = sys.modules["bot.extract.relations.acquisitions"]  # the module (the package exports its function)

    named = [step.Named(s, e, c, c) for s, e, c in call["spans"]]
    text = call["text"]
    if not step._has_cue(text.lower()):
        return "no quick-test stem"
    if step.not_done(text, named):
        return "read as a deal undone"
    if step.RUMOUR.search(text) or step.SPECULATED.search(text):
        return "read as a rumour or speculation"
    if step.COUNTERFACTUAL.search(text) or text.rstrip(" \"'\u201d\u2019").endswith("?"):
        return "a counterfactual or a question"
    return "past the first tests"


def _readers(call: dict, ga: tuple, gb: tuple) -> str:
    """Where a verb between the two sides is: what the side readers make of it."""
    step = sys.modules["bot.extract.relations.acquisitions"]
    named = [step.Named(s, e, c, c) for s, e, c in call["spans"]]
    reader = step.Sides(call["text"], named, None, None)
    verbs = list(step.ACQUIRES.finditer(call["text"])) + list(step.MORE_ACQUIRES.finditer(call["text"]))
    if not verbs:
        return "no verb the cues read"
    outcomes = set()
    for m in verbs:
        objects = {_norm(n.company) for n in reader.object(m.end())}
        subject = reader.subject(m.start())
        subject = _norm(subject.company if isinstance(subject, step.Named) else subject or "")
        outcomes.add((bool(objects & set(gb)), subject in ga))
    if (True, True) in outcomes:
        return "both sides found by the readers (a later guard dropped the pair)"
    if (True, False) in outcomes:
        return "the bought found, the buyer not (the subject reader)"
    if (False, True) in outcomes:
        return "the buyer found, the bought not (the object reader)"
    return "neither side found by the readers"


def _same_name(name: str, names: tuple) -> bool:
    """A name that is another form of one of ``names`` (one holds the other's words)."""
    words = set(name.split())
    return any(words <= set(g.split()) or set(g.split()) <= words for g in names if g)


def forms(arts: list[dict]) -> None:
    """Missed and false pairs on train, by the form of their writing, apart for m1-m40, m41-m52, m53-m64 and m65-m79."""
    table: dict[str, dict[str, int]] = {}

    def tally(kind: str, part: str) -> None:
        table.setdefault(kind, {"early": 0, "late": 0, "fresh": 0, "held": 0})[part] += 1

    for art in arts:
        part = _part(art["batch"])
        gold = S.directed_set(art["labels"])
        ps = S.directed_set(art["final"])
        recognised = {_norm(c) for call in art["calls"] for _s, _e, c in call["spans"]}
        for ga, gb in gold:
            if any(p[0][0] in ga and p[1][0] in gb for p in ps):
                continue
            if any(p[0][0] in gb and p[1][0] in ga for p in ps):
                tally("missed: read the other way round", part)
                continue
            if not set(ga) & recognised or not set(gb) & recognised:
                tally("missed: a side not recognised in any sentence the step reads", part)
                continue
            both = []
            for call in art["calls"]:
                xa, xb = _mentions(call["spans"], ga), _mentions(call["spans"], gb)
                if xa and xb and pp.cues(call["text"]):
                    both.append((call, xa[0], xb[0]))
            if not both:
                tally("missed: no sentence with both sides and a word of buying (across sentences)", part)
                continue
            call, (as_, ae), (bs, be) = both[0]
            ruled = [(_norm(a), _norm(b)) for a, b in call["ruled"]]
            if any(a in ga and b in gb for a, b in ruled):
                how = "read there, then dropped by the article (a deal undone elsewhere, a name merged)"
            elif ruled:
                how = "another pair read there"
            else:
                how = "no pair read there; " + _gate(call)
            tally("  where both sides stand in one sentence: " + how, part)
            lo, hi = min(ae, be), max(as_, bs)
            gap = call["text"][lo:hi] if lo < hi else ""
            wide = call["text"][max(0, min(as_, bs) - 60) : max(ae, be) + 60]
            form = next((name for name, rx in FORMS if rx.search(gap)), None)
            if form is None:
                form = next((name for name, rx in FORMS if rx.search(wide)), "other")
            tally("missed: " + form, part)
            if form == "A acquires / buys / takes over B" and how.endswith("past the first tests"):
                tally("  of which, past the first tests: " + _readers(call, ga, gb), part)
            if form == "A acquires / buys / takes over B" or form.startswith("A agreed"):
                tally("  of which: " + _plain_detail(call["text"], (as_, ae), (bs, be)), part)
        for pa, pb in ps:
            if any(pa[0] in ga and pb[0] in gb for ga, gb in gold):
                continue
            if any(pa[0] in gb and pb[0] in ga for ga, gb in gold):
                tally("false: direction reversed", part)
                continue
            if any(_same_name(pa[0], ga) and _same_name(pb[0], gb) for ga, gb in gold):
                tally("false: the right purchase under another form of a name", part)
                continue
            where = [c for c in art["calls"] if any(_norm(a) == pa[0] and _norm(b) == pb[0] for a, b in c["ruled"])]
            text = where[0]["text"] if where else ""
            form = next((name for name, rx in FALSE_FORMS if rx.search(text)), "a plain purchase sentence")
            if not where:
                form = "read across sentences or by the article (merger survivor)"
            side = " [one side labelled]" if any(pa[0] in ga or pb[0] in gb for ga, gb in gold) else ""
            tally("false: " + form + side + (" (no purchase labelled in the article)" if not gold else ""), part)
    print("| class | m1-m40 train | m41-m52 train | m53-m64 train | m65-m79 train |")
    print("|---|---|---|---|---|")
    for kind in sorted(table):
        row = table[kind]
        print(f"| {kind} | {row['early']} | {row['late']} | {row['fresh']} | {row['held']} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--show", action="store_true", help="with --cv: the held-out pairs the model decides otherwise")
    ap.add_argument("--forms", action="store_true")
    ap.add_argument(
        "--split", default="train", choices=["train", "validation"], help="with --forms only: validation prints counts"
    )
    ap.add_argument("--cache", type=Path, help="keep (or reuse) the read train articles here (a pickle)")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    if a.split != "train" and not a.forms:
        ap.error("only --forms may read the validation part (its counts, never its sentences)")
    arts = articles(a.cache, a.split)
    n = sum(len(x["examples"]) for x in arts)
    pos = sum(ex["y"] for x in arts for ex in x["examples"])
    print(f"examples: {n} ({pos} purchases) from {len(arts)} articles", file=sys.stderr)
    if a.forms:
        forms(arts)
    if a.cv:
        cv(arts, a.show)
    if a.forms or a.cv:
        return
    model = train([ex for x in arts for ex in x["examples"]])
    model.update({k: v for k, v in THRESHOLDS.items()})
    model["_about"] = (
        "Weights of eval/purchase_pairs.py, written by eval/train_purchases.py from "
        "newsbot's own train labels; do not edit by hand."
    )
    a.out.write_text(json.dumps(model, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
