#!/usr/bin/env python3
"""Train the company-name model (bot/extract/company_model.py) and write its weights.

    python eval/train_companies.py [--cv] [--out bot/extract/company_weights.json]

Examples are the capitalised names no lexicon holds, with the features ``company_model`` reads
(it learns on all of them; extraction asks it only about those no rule decides):

- the project's modern set, TRAIN part only (eval/modern, texts from the local cache): every
  such name of an article's body; a company where the article's labels name it in a
  ``competes``, ``partners`` or ``acquires`` pair, none otherwise (people, places, products,
  public bodies, and the companies no pair names: the model learns to be sure);
- CORE's train split (CC BY 4.0, github.com/pnborchert/CORE): the marked business entities of
  each passage as companies, the marked product of a ``product_or_service_of`` pair as none
  (the passage's other names are not marked either way and are left out).

A logistic regression trained by plain gradient descent over the examples in a fixed order, so
the same sources give the same weights, to the last digit written. ``--cv`` reports, for five
folds of the modern train articles by outlet, how the names the model would add beyond the rules
fare on the held-out articles, for a grid of thresholds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import build_gazetteer  # noqa: E402
import core  # noqa: E402
import run  # noqa: E402

from bot.extract import company_model  # noqa: E402
from bot.extract.article import _sentences  # noqa: E402
from bot.extract.companies import capitalised_runs, initials, unknown_companies  # noqa: E402
from bot.extract.lexicon import default_lexicon  # noqa: E402
from bot.extract.text import layout  # noqa: E402

OUT = ROOT / "bot" / "extract" / "company_weights.json"
EPOCHS = 200
CORE_WEIGHT = 0.02
RATE = 0.1
L2 = 1e-4
THRESHOLD = 0.8  # chosen by --cv: of the names no rule decides, 0.8 takes few, nearly all right; 0.7 more wrong

_spec = importlib.util.spec_from_file_location("score", run.SCORE)
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


def _gold_names(row: dict) -> set[str]:
    names = set()
    for kind in ("competes", "partners", "acquires"):
        for pair in row.get(kind) or []:
            for side in pair:
                names |= {score.norm_company(x) for x in str(side).split("|")} - {""}
    return names


def undecided(doc, lex):
    """The body's capitalised runs and the names the rules decide, as extraction passes them to
    the model (``bot/extract/article.py``)."""
    sentences, _at = _sentences(doc)
    runs = capitalised_runs(doc.body)
    decided = unknown_companies(
        doc.body, lex, doc.title, [s.text for s in sentences], runs, [s._offset for s in sentences]
    )
    decided.update(initials(doc.body, lex, decided))
    return runs, decided


def known_elsewhere(rows: list[dict]) -> dict[str, frozenset[str]]:
    """For each modern train article, the gazetteer as it would be without its own outlet's fold:
    CORE's names and those of the labels of the outlets of the other folds (``run.fold_of``)."""
    gaz = json.loads(company_model.GAZETTEER.read_text(encoding="utf-8"))
    fold = {row["id"]: run.fold_of(row["outlet"]) for row in rows}
    by_fold: list[set[str]] = [set() for _ in range(5)]
    for key, ids in build_gazetteer.label_names(rows).items():
        for i in ids:
            by_fold[fold[i]].add(key)
    core_keys = frozenset(gaz["core"])
    without = [core_keys.union(*(by_fold[g] for g in range(5) if g != f)) for f in range(5)]
    return {row["id"]: without[fold[row["id"]]] for row in rows}


def modern_examples(rows: list[dict], lex, asked: set[int]) -> list[tuple[str, list[str], int]]:
    """(article id, sorted features, label) for every name of every modern train article; the
    places of those the rules leave undecided (the model is asked about) are added to ``asked``."""
    paths = run.texts_or_stop(rows, "train")
    known = known_elsewhere(rows)
    out = []
    for row in rows:
        doc = layout(paths[row["id"]].read_text(encoding="utf-8"))
        gold = _gold_names(row)
        runs, decided = undecided(doc, lex)
        found = company_model.name_features(doc.body, lex, title=doc.title, runs=runs, known=known[row["id"]])
        for name, feats in sorted(found.items()):
            if name not in decided:
                asked.add(len(out))
            out.append((row["id"], sorted(feats), int(score.norm_company(name) in gold)))
    return out


def core_examples(lex) -> list[tuple[str, list[str], int]]:
    """CORE's marked names, with the gazetteer of the train labels only (CORE's own list would
    name every one of them)."""
    gaz = json.loads(company_model.GAZETTEER.read_text(encoding="utf-8"))
    known = frozenset(gaz["train"])
    out = []
    for i, row in enumerate(core.load(core.DEFAULT_CORE, "train")):
        text, starts, ends = core.detokenise(row["context"])
        marked = {}
        for side in ("e1", "e2"):
            name = text[starts[row[f"{side}_start"]] : ends[row[f"{side}_end"]]]
            product = row["relation"] == "product_or_service_of" and (side == "e2") == bool(row["invert_relation"])
            marked[name] = 0 if product else 1
        for name, feats in sorted(company_model.name_features(text, lex, known=known).items()):
            if name in marked:
                out.append((f"core-{i}", sorted(feats), marked[name]))
    return out


def train(examples: list[tuple[str, list[str], int]]) -> tuple[dict[str, float], float]:
    """Logistic regression by full-batch gradient descent, examples in the order given (CORE's
    weighed at :data:`CORE_WEIGHT`: its passages are company profiles, not news)."""
    weights: dict[str, float] = {}
    bias = 0.0
    n = len(examples)
    for _epoch in range(EPOCHS):
        grad: dict[str, float] = {}
        grad_bias = 0.0
        for source, feats, label in examples:
            p = company_model.probability(feats, weights, bias)
            g = (p - label) * (CORE_WEIGHT if source.startswith("core-") else 1.0)
            grad_bias += g
            for f in feats:
                grad[f] = grad.get(f, 0.0) + g
        bias -= RATE * grad_bias / n * 10
        for f in sorted(grad):
            w = weights.get(f, 0.0)
            weights[f] = w - RATE * (grad[f] / n * 10 + L2 * w)
    return weights, bias


def write(weights: dict[str, float], bias: float, out: Path) -> None:
    data = {
        "about": "company_model.py's weights, written by eval/train_companies.py (modern TRAIN labels, CORE train)",
        "threshold": THRESHOLD,
        "bias": round(bias, 4),
        "weights": {f: round(w, 4) for f, w in sorted(weights.items()) if round(w, 4)},
    }
    out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def folds(rows: list[dict], k: int = 5) -> list[set[str]]:
    """The train articles by outlet fold (``run.fold_of``: the folds the gazetteer is held out by)."""
    parts = [set() for _ in range(k)]
    for row in rows:
        parts[run.fold_of(row["outlet"])].add(row["id"])
    return parts


def cross_validate(rows, modern, asked, corpus) -> None:
    """Held-out precision and recall of the names the model takes for companies beyond the
    rules (those it is asked about), per threshold."""
    grid = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)
    counts = {t: [0, 0] for t in grid}  # predicted, right
    positives = sum(modern[i][2] for i in asked)
    scored = []
    for held in folds(rows):
        weights, bias = train([e for e in modern if e[0] not in held] + corpus)
        for _id, feats, label in (e for i, e in enumerate(modern) if e[0] in held and i in asked):
            p = company_model.probability(feats, weights, bias)
            scored.append((-p, label))
            for t in grid:
                if p >= t:
                    counts[t][0] += 1
                    counts[t][1] += label
    right = 0
    precisions = []
    for rank, (_p, label) in enumerate(sorted(scored), 1):
        if label:
            right += 1
            precisions.append(right / rank)
    print(f"average precision {sum(precisions) / max(1, positives):.3f}")
    print(f"held-out names no rule decides: {len(asked)} (of {len(modern)}), of which in a labelled pair: {positives}")
    for t in grid:
        predicted, right = counts[t]
        precision = right / predicted if predicted else 0.0
        print(
            f"threshold {t:.2f}: taken {predicted:4d}, in a pair {right:4d} (precision {precision:.2f}, "
            f"recall {right / positives:.2f})"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    lex = default_lexicon()
    rows = run.labels("train")
    asked: set[int] = set()
    modern = modern_examples(rows, lex, asked)
    corpus = core_examples(lex)
    if a.cv:
        cross_validate(rows, modern, asked, corpus)
        return
    weights, bias = train(modern + corpus)
    write(weights, bias, a.out)
    print(f"wrote {a.out}: {len(modern)} modern names, {len(corpus)} CORE names")


if __name__ == "__main__":
    main()
