#!/usr/bin/env python3
"""Check newsbot's relation rules on CORE's company pairs in context (CC BY 4.0).

    python eval/core.py [--split train|test] [--core DIR] [--errors KIND]

CORE (github.com/pnborchert/CORE) gives passages from company pages with two business entities
marked and the relation between them. Its kinds map to newsbot's: ``competitor_of`` ->
competes, ``collaboration`` -> partners, ``acquired_by`` -> acquires (buyer first; CORE says
which side bought); every other kind (clients, shareholders, subsidiaries, products, mergers,
...) is a pair that is none of the three, a near-miss to get right. The two entities are given
as the companies the passage names, so this checks the relation rules, not company recognition.

Reads ``dataset/<split>.json`` from a git checkout of CORE (``--core``, default
``/work/.mirror/pnborchert+CORE/repo``); prints precision, recall and F1 per kind; ``--errors``
prints the pairs got wrong for one kind. ``--pipeline`` reads each passage with the whole
extraction instead, company recognition included, and says how many of the marked companies it
recognises.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.extract import extract  # noqa: E402
from bot.extract.relations import Named, article_relations  # noqa: E402
from bot.extract.text import split_sentences  # noqa: E402

DEFAULT_CORE = Path("/work/.mirror/pnborchert+CORE/repo")
KINDS = {"competitor_of": "competes", "collaboration": "partners", "acquired_by": "acquires"}
NO_SPACE_BEFORE = {",", ".", ")", ":", ";", "'s", "\u2019s", "%", "n't", "'", "\u2019", "?", "!"}
NO_SPACE_AFTER = {"(", "$", "\u20ac", "\u00a3"}


def load(core: Path, split: str) -> list[dict]:
    """CORE's instances, read from the checkout's files or, in a bare mirror, from its HEAD."""
    path = core / "dataset" / f"{split}.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    shown = subprocess.run(
        ["git", "-C", str(core), "show", f"HEAD:dataset/{split}.json"], capture_output=True, text=True, check=True
    )
    return json.loads(shown.stdout)


def detokenise(tokens: list[str]) -> tuple[str, list[int], list[int]]:
    """The passage as text, and where each token starts and ends in it."""
    text, starts, ends = "", [], []
    for i, token in enumerate(tokens):
        if i and token not in NO_SPACE_BEFORE and tokens[i - 1] not in NO_SPACE_AFTER:
            text += " "
        starts.append(len(text))
        text += token
        ends.append(len(text))
    return text, starts, ends


def gold(row: dict) -> tuple[str | None, tuple[str, str]]:
    """The newsbot kind of a CORE instance (or None) and its pair, the buyer first."""
    kind = KINDS.get(row["relation"])
    e1, e2 = row["e1_name"], row["e2_name"]
    if kind == "acquires":  # "acquired_by": e1 was bought by e2, or the other way when inverted
        return kind, (e1, e2) if row["invert_relation"] else (e2, e1)
    return kind, (e1, e2)


def predict(row: dict) -> set[tuple[str, str, str]]:
    """The relations newsbot's rules state between the two marked entities."""
    text, starts, ends = detokenise(row["context"])
    spans = []
    for e in ("e1", "e2"):  # the marked entity, wherever the passage names it the way it is marked
        surface = text[starts[row[f"{e}_start"]] : ends[row[f"{e}_end"]]]
        at = text.find(surface)
        while at != -1:
            clear = (at == 0 or not text[at - 1].isalnum()) and not text[
                at + len(surface) : at + len(surface) + 1
            ].isalnum()
            if clear and not any(s < at + len(surface) and at < e_ for s, e_, _n in spans):
                spans.append((at, at + len(surface), row[f"{e}_name"]))
            at = text.find(surface, at + 1)
    texts = []
    for a, b in split_sentences(text):
        named = [Named(s - a, e - a, name, name) for s, e, name in sorted(spans) if a <= s and e <= b]
        texts.append((text[a:b], named, 0))
    names = {row["e1_name"], row["e2_name"]}
    return {(kind, x, y) for _i, kind, x, y in article_relations(texts, None) if {x, y} == names}


_SUFFIXES = {"inc", "corp", "corporation", "ltd", "limited", "plc", "co", "llc", "group", "holdings", "the", "sa", "ag"}


def _norm(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[a-z0-9&]+", name.lower().replace("'s", "")) if w not in _SUFFIXES)


def _same(predicted: str, names: set[tuple[str, ...]]) -> bool:
    p = _norm(predicted)
    return bool(p) and any(p == n or p == n[: len(p)] or n == p[: len(n)] for n in names if n)


def predict_pipeline(row: dict) -> set[tuple[str, str, str]]:
    """The relations newsbot's whole extraction (company recognition included) states between the
    two marked entities, the passage read as an article's body."""
    text, starts, ends = detokenise(row["context"])
    sides = {}
    for e in ("e1", "e2"):
        sides[e] = {_norm(row[f"{e}_name"]), _norm(text[starts[row[f"{e}_start"]] : ends[row[f"{e}_end"]]])}
    found = set()
    for r in extract("Company history\n\n" + text).relations:
        for x, y in ((r.a, r.b), (r.b, r.a)):
            if _same(x, sides["e1"]) and _same(y, sides["e2"]):
                a, b = (row["e1_name"], row["e2_name"]) if (x, y) == (r.a, r.b) else (row["e2_name"], row["e1_name"])
                found.add((r.type, a, b))
    return found


def recognised(rows: list[dict]) -> float:
    """How many of the entities of company-to-company kinds the whole extraction takes for companies."""
    total = hit = 0
    for row in rows:
        if row["relation"] not in COMPANY_PAIRS:
            continue
        text, starts, ends = detokenise(row["context"])
        names = [e.name for e in extract("Company history\n\n" + text).entities if e.type != "person"]
        for e in ("e1", "e2"):
            total += 1
            side = {_norm(row[f"{e}_name"]), _norm(text[starts[row[f"{e}_start"]] : ends[row[f"{e}_end"]]])}
            hit += any(_same(n, side) for n in names)
    return hit / total if total else 0.0


COMPANY_PAIRS = {"competitor_of", "collaboration", "acquired_by", "merged_with"}


def score(rows: list[dict], show: str | None = None, pipeline: bool = False) -> dict[str, dict[str, float]]:
    counts = {kind: {"tp": 0, "fp": 0, "fn": 0} for kind in KINDS.values()}
    for row in rows:
        kind, pair = gold(row)
        found = predict_pipeline(row) if pipeline else predict(row)
        for k in KINDS.values():
            said = any(p[0] == k and (k != "acquires" or (p[1], p[2]) == pair) for p in found)
            wrong_way = k == "acquires" and any(p[0] == k for p in found) and not said
            if said and kind == k:
                counts[k]["tp"] += 1
            elif said or wrong_way:
                counts[k]["fp"] += 1
            if kind == k and not said:
                counts[k]["fn"] += 1
            if show == k and (said != (kind == k) or wrong_way):
                text = detokenise(row["context"])[0]
                print(
                    f"{'FP' if said or wrong_way else 'FN'} {row['relation']} {pair} {sorted(found)}\n   {text[:400]}"
                )
    result = {}
    for k, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        result[k] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, **c}
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train", choices=["train", "test"])
    ap.add_argument("--core", type=Path, default=DEFAULT_CORE)
    ap.add_argument("--errors", choices=sorted(KINDS.values()))
    ap.add_argument("--pipeline", action="store_true", help="recognise the companies too (the whole extraction)")
    a = ap.parse_args()
    rows = load(a.core, a.split)
    result = score(rows, a.errors, a.pipeline)
    print(f"CORE {a.split}: {len(rows)} pairs in context" + (" (whole extraction)" if a.pipeline else ""))
    if a.pipeline:
        print(f"entities of company pairs taken for companies or products: {recognised(rows):.3f}")
    for k, r in result.items():
        print(
            f"{k:9s} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
            f"  (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"
        )


if __name__ == "__main__":
    main()
