"""How far two careful labellers agree on the same articles: the ceiling an extractor's figures
can honestly be read against.

    .venv/bin/python eval/agreement.py [eval/audit/second-labels.jsonl]

The second labeller labelled, blind to the first's labels, 40 articles drawn from m1-m10 with
``random.seed(2026)`` (eval/README.md). Each measure is F1 of one label set against the other
(symmetric): quotes matched by their opening words, speakers by a shared last word of any
alternative (or both ``unknown``), pairs when each side's alternative names meet the other's,
after the normalisation ``../shared/eval/score.py`` applies to company names.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.run import SCORE, labels  # noqa: E402


def _score_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _names(score, name: str) -> set[str]:
    return {score.norm_company(n) for n in str(name).split("|")} - {""}


def _pairs(score, pairs, directed: bool) -> list[tuple[set[str], set[str]]]:
    out = []
    for pair in pairs or []:
        if len(pair) == 2:
            a, b = _names(score, pair[0]), _names(score, pair[1])
            if a and b and a != b:
                out.append((a, b))
    return out


def _same(x, y, directed: bool) -> bool:
    (a1, b1), (a2, b2) = x, y
    return bool(a1 & a2 and b1 & b2) or (not directed and bool(a1 & b2 and b1 & a2))


def _matched(first: list, second: list, same) -> int:
    used: set[int] = set()
    hits = 0
    for x in first:
        for i, y in enumerate(second):
            if i not in used and same(x, y):
                used.add(i)
                hits += 1
                break
    return hits


def _f1(hits: int, first: int, second: int) -> float:
    return 2 * hits / (first + second) if first + second else 1.0


def agreement(first: list[dict], second: list[dict]) -> dict:
    score = _score_module()
    by_id = {row["id"]: row for row in first}
    counts = {k: [0, 0, 0] for k in ("quotes", "quotes+speaker", "competes", "partners", "acquires")}
    for b in second:
        a = by_id[b["id"]]

        def opening(q):
            return " ".join(score.norm_text(q["start"]).split()[:4])

        def speaker(q):
            spk = q.get("speaker") or "unknown"
            return {score.words(alt)[-1] for alt in spk.split("|") if score.words(alt)} or {"unknown"}

        qa, qb = a.get("quotes", []), b.get("quotes", [])
        found = _matched(
            qa, qb, lambda x, y: opening(x) in score.norm_text(y["start"]) or opening(y) in score.norm_text(x["start"])
        )
        both = _matched(
            qa,
            qb,
            lambda x, y: (
                (opening(x) in score.norm_text(y["start"]) or opening(y) in score.norm_text(x["start"]))
                and bool(speaker(x) & speaker(y))
            ),
        )
        for key, hits in (("quotes", found), ("quotes+speaker", both)):
            counts[key][0] += hits
            counts[key][1] += len(qa)
            counts[key][2] += len(qb)
        for kind in ("competes", "partners", "acquires"):
            directed = kind == "acquires"
            pa, pb = _pairs(score, a.get(kind), directed), _pairs(score, b.get(kind), directed)
            counts[kind][0] += _matched(pa, pb, lambda x, y, d=directed: _same(x, y, d))
            counts[kind][1] += len(pa)
            counts[kind][2] += len(pb)
    return {k: {"f1": _f1(*v), "agreed": v[0], "first": v[1], "second": v[2]} for k, v in counts.items()}


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "eval" / "audit" / "second-labels.jsonl"
    second = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = agreement(labels("all"), second)
    print(f"{len(second)} articles labelled twice, blind")
    for key, v in result.items():
        print(f"  {key:15} F1 {v['f1']:.3f}  (agreed {v['agreed']}; first {v['first']}, second {v['second']})")


if __name__ == "__main__":
    main()
