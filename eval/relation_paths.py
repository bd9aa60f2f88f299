#!/usr/bin/env python3
"""Which path of the relation step made each rivalry and partnership on the train part, and how
often each path is right, by the batches labelled before and after the rules were written.

    python eval/relation_paths.py [--show PATH] [--kind competes|partners]

Every pair the extraction gives on a train article is traced to what made it: a sentence rule
(``rule:`` and the rule's name as :mod:`bot.extract.relations.learned` reads it, a cue by its
word), the relation model's proposal (``model:add``: in sample, the model was trained on these
articles), "the two companies" (``two-companies``), a reference back (``referent``), the article's
company and the rivals listed after it (``anchor-listed``), shares told across sentences
(``shares-apart``) or a newcomer to a contest (``newcomer/other``). A pair is right where the
article's labels hold it. Columns: all of train, m1-m19, m20-m31, m32-m36 and m37 on (the batches most
rules were not read on). ``--show PATH`` prints the pairs of that path with their sentence
(TRAIN articles only: never run this on validation).
"""

from __future__ import annotations

import argparse
import collections
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
from bot.extract.relations import learned, referents  # noqa: E402

KINDS = ("competes", "partners")
S = train_relations.S


# the steps ``traced`` wraps, in the order it unpacks them
TRACED = (
    (steps, "_relations_of"),
    (steps, "_weighed"),
    (steps, "_between_the_group"),
    (referents, "referred"),
    (steps, "listed_rivals"),
    (steps, "share_holders"),
    (article, "article_relations"),
)


def traced(text: str) -> list[tuple[str, str, str, set[str], str]]:
    """``(kind, a, b, paths, sentence)`` for each rivalry or partnership ``extract`` gives in ``text``."""
    made: dict[tuple, set[str]] = collections.defaultdict(set)
    shares: set[str] = set()
    calls: list = []
    saved = tuple(getattr(module, name) for module, name in TRACED)
    of, weighed, group, referred, listed, holders, relations = saved

    def key(text, kind, a, b):
        return (text, kind, frozenset((a, b)))

    def note(out, text, path):
        for kind, a, b in out:
            made[key(text, kind, a, b)].add(path)
        return out

    def rules(text, own, anchor, before, sources):
        out = of(text, own, anchor, before, sources)
        for kind, a, b in out:
            name = sources.get((kind, frozenset((a, b))), "")
            made[key(text, kind, a, b)].add("rule:" + (learned.source_name(name) if name else "?"))
        return out

    def model(found, text, *args):
        out = weighed(found, text, *args)
        before = {(k, frozenset((a, b))) for k, a, b in found}
        note([r for r in out if (r[0], frozenset(r[1:])) not in before], text, "model:add")
        return out

    def anchor_list(text, own, anchor):
        out = listed(text, own, anchor)
        if len(out) >= 2:
            note([("competes", anchor, c) for c in out], text, "anchor-listed")
        return out

    def share(text, own):
        out = holders(text, own)
        if out:
            shares.add(text)
        return out

    def whole(texts, anchor, voices=None):
        out = relations(texts, anchor, voices)
        calls.append((texts, out))
        return out

    steps._relations_of, steps._weighed, steps.listed_rivals, steps.share_holders = rules, model, anchor_list, share
    steps._between_the_group = lambda text, g: note(group(text, g), text, "two-companies")
    referents.referred = lambda text, *args: note(referred(text, *args), text, "referent")
    article.article_relations = whole
    try:
        extract(text)
    finally:
        for (module, name), step in zip(TRACED, saved, strict=True):
            setattr(module, name, step)
    texts, out = calls[-1]
    found = []
    for i, kind, a, b in out:
        if kind in KINDS:
            sentence = texts[i][0]
            paths = made.get(key(sentence, kind, a, b)) or {"shares-apart" if sentence in shares else "newcomer/other"}
            found.append((kind, a, b, paths, sentence))
    return found


def part(batch: str) -> str:
    n = int(batch[1:])
    return "m1-19" if n <= 19 else "m20-31" if n <= 31 else "m32-36" if n <= 36 else "m37+"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", choices=KINDS)
    ap.add_argument("--show", help="print the pairs this path made (e.g. rule:cue:rival, model:add)")
    a = ap.parse_args()
    rows = run.labels("train")
    paths = run.texts_or_stop(rows, "trace")
    counts = {kind: collections.defaultdict(collections.Counter) for kind in KINDS}
    for row in rows:
        pairs: dict[tuple, tuple[set[str], str]] = {}
        for kind, x, y, how, sentence in traced(paths[row["id"]].read_text(encoding="utf-8")):
            pair = tuple(sorted((S.norm_company(x), S.norm_company(y))))
            if pair[0] != pair[1]:
                pairs.setdefault((kind, pair), (set(), sentence))[0].update(how)
        for (kind, pair), (how, sentence) in sorted(pairs.items()):
            gold = S.pair_set(row.get(kind) or [])
            right = any(S.same_pair(g, ((pair[0],), (pair[1],))) for g in gold)
            where = part(row["id"].split("-")[0])
            for path in [*how, "TOTAL"]:
                for column in ("all", where):
                    counts[kind][path][(column, right)] += 1
            if a.show in how and (a.kind in (None, kind)):
                print(f"{'RIGHT' if right else 'WRONG'} {row['id']} {kind} {' / '.join(pair)} | {sentence[:200]}")
    if a.show:
        return
    for kind in KINDS if a.kind is None else (a.kind,):
        print(kind)
        table = counts[kind]
        for path, c in sorted(table.items(), key=lambda kv: -sum(kv[1][("all", r)] for r in (True, False))):
            columns = ("all", "m1-19", "m20-31", "m32-36", "m37+")
            cells = "  ".join(f"{col} {c[(col, True)]}/{c[(col, True)] + c[(col, False)]}" for col in columns)
            print(f"  {path:24s} {cells}")


if __name__ == "__main__":
    main()
