#!/usr/bin/env python3
"""Score newsbot's extraction on the project's own labelled modern set (see eval/README.md).

    python eval/run.py [--split train|validation|all] [--json] [--pred OUT.jsonl]

Reads the labels in eval/modern/*.jsonl, the article texts from the local cache
(``$NEWSBOT_EVAL_CACHE``, default ``~/.cache/newsbot-eval``; texts never enter the repository),
extracts each article in process and scores it with ``../shared/eval/score.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "eval" / "modern"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"


def cache_root() -> Path:
    """The local cache of third-party texts (``$NEWSBOT_EVAL_CACHE``, default ``~/.cache/newsbot-eval``)."""
    return Path(os.environ.get("NEWSBOT_EVAL_CACHE", Path.home() / ".cache" / "newsbot-eval"))


def cache_dir() -> Path:
    return cache_root() / "modern"


def split_of(outlet: str) -> str:
    """An article's part, fixed by its outlet so that no outlet is in both: ``sha1(outlet) % 5 < 2``
    is validation, the rest train."""
    return "validation" if int(hashlib.sha1(outlet.encode()).hexdigest(), 16) % 5 < 2 else "train"


def fold_of(group: str) -> int:
    """A train outlet's fold of five for cross-validation, by a hash of its own (``split_of``'s
    would put every train outlet in three of them)."""
    return int(hashlib.sha1(("fold:" + group).encode()).hexdigest(), 16) % 5


def label_batch(rows: list[dict]) -> list[dict]:
    """A new batch's labels as the others are kept: its part, and the sha256 and length of the
    cached text each label was made on."""
    out = []
    for row in rows:
        text = cache_dir() / f"{row['id']}.txt"
        data = text.read_bytes()
        keep = {k: v for k, v in row.items() if k not in ("split", "sha256", "chars")}
        head = {k: keep.pop(k) for k in ("id",)}
        head["split"] = split_of(row["outlet"])
        for k in ("url", "outlet", "date", "query"):
            if k in keep:
                head[k] = keep.pop(k)
        head["sha256"] = hashlib.sha256(data).hexdigest()
        head["chars"] = len(data.decode("utf-8"))
        out.append({**head, **keep})
    return out


def labels(split: str = "all") -> list[dict]:
    rows = []
    for path in sorted(LABELS.glob("batch-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if split == "all" or row["split"] == split:
                    rows.append(row)
    return rows


def texts(rows: list[dict]) -> tuple[dict[str, Path], list[str]]:
    """The cached text of each labelled article, and the ids missing or not as labelled."""
    found, problems = {}, []
    for row in rows:
        path = cache_dir() / f"{row['id']}.txt"
        if not path.is_file():
            problems.append(f"{row['id']}: not in the cache ({path})")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != row["sha256"]:
            problems.append(f"{row['id']}: the cached text is not the one labelled (sha256 differs)")
        else:
            found[row["id"]] = path
    return found, problems


def texts_or_stop(rows: list[dict], doing: str = "read") -> dict[str, Path]:
    """As :func:`texts`, for a script that cannot go on without every text: it stops, saying which."""
    found, problems = texts(rows)
    if problems:
        raise SystemExit(f"cannot {doing}:\n  " + "\n  ".join(problems))
    return found


def predict(paths: dict[str, Path], out: Path) -> None:
    from bot.extract import extract

    with out.open("w", encoding="utf-8") as f:
        for _id, path in sorted(paths.items()):
            result = extract(path.read_text(encoding="utf-8"), source=str(path))
            f.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")


def score(rows: list[dict], *, as_json: bool = True, pred: Path | None = None) -> dict | str:
    paths, problems = texts(rows)
    if problems:
        raise SystemExit("cannot score:\n  " + "\n  ".join(problems) + "\n(see eval/README.md: rebuilding the cache)")
    return score_texts(rows, paths, as_json=as_json, pred=pred)


def score_texts(
    rows: list[dict], paths: dict[str, Path], *, as_json: bool = True, pred: Path | None = None
) -> dict | str:
    """Extract each text (named by its label's id) in process and score it against ``rows``."""
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold.jsonl"
        gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        pred = pred or Path(tmp) / "pred.jsonl"
        predict(paths, pred)
        args = [sys.executable, str(SCORE), "--pred", str(pred), "--gold", str(gold)] + (["--json"] if as_json else [])
        done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout) if as_json else done.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="validation", choices=["train", "validation", "all"])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--pred", type=Path, help="keep the predictions here")
    ap.add_argument("--batch", help="score only this batch (m7: eval/modern/batch-m7.jsonl)")
    ap.add_argument("--skip-missing", action="store_true", help="score only the articles whose text is cached")
    ap.add_argument("--add", type=Path, help="a new batch FILE: write it into eval/modern with split, sha256")
    a = ap.parse_args()
    if a.add:
        rows = [json.loads(line) for line in a.add.read_text(encoding="utf-8").splitlines() if line.strip()]
        out = LABELS / a.add.name
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in label_batch(rows)), encoding="utf-8")
        print(f"wrote {out}")
        return
    rows = [r for r in labels(a.split) if not a.batch or r["id"].split("-")[0] == a.batch]
    if a.skip_missing:
        paths, problems = texts(rows)
        rows = [r for r in rows if r["id"] in paths]
        if problems:
            print(f"{len(problems)} articles left out (not cached as labelled)", file=sys.stderr)
    result = score(rows, as_json=a.json, pred=a.pred)
    print(json.dumps(result, indent=1) if a.json else result, end="" if not a.json else "\n")


if __name__ == "__main__":
    main()
