"""Extraction quality, measured by ../shared/eval/score.py on the labelled sets.

Skipped when ../shared (beside the repository) is absent. The floors are the project's targets;
the figures reached when they were set are noted beside them.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.extract import extract

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
EVAL = ROOT.parent / "shared" / "eval"
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-tech"

pytestmark = pytest.mark.skipif(
    not (EVAL / "score.py").exists() or not (CORPUS / "articles").is_dir(), reason="../shared is not here"
)

DEV_FLOORS = {  # measure -> F1 floor (reached: quotes 1.0, with speaker 1.0, competes .963, partners 1.0)
    "quotes": 0.97,
    "quotes_with_speaker": 0.97,
    "competes": 0.80,
    "partners": 0.80,
}
SUMMARY_FLOORS = {"top_k": 0.82, "top_3": 0.55}  # ROUGE-1 (reached: .832 and .557)


def score(paths, gold, tmp_path, *extra):
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for path in paths:
            out.write(json.dumps(extract(path.read_text(encoding="utf-8"), str(path)).to_json()) + "\n")
    command = [sys.executable, str(EVAL / "score.py"), "--pred", str(pred), "--gold", str(gold), "--json", *extra]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def test_seed_labels_are_all_right(tmp_path):
    result = score(sorted(SEEDS.glob("*.txt")), EVAL / "seed-labels.jsonl", tmp_path)
    for measure in ("quotes", "quotes_with_speaker", "competes", "partners"):
        assert result[measure]["f1"] == 1.0, (measure, result[measure])
        assert result[measure]["precision"] == 1.0, measure


def test_dev_set_figures(tmp_path):
    pytest.importorskip("rouge_score")
    articles = sorted((CORPUS / "articles").glob("*.txt"))
    result = score(articles, EVAL / "dev-labels.jsonl", tmp_path, "--refs", str(CORPUS / "summaries"))
    assert not result["missing_predictions"]
    for measure, floor in DEV_FLOORS.items():
        assert result[measure]["f1"] >= floor, (measure, result[measure])
    assert result["summaries"]["articles"] == len(articles)
    for name, floor in SUMMARY_FLOORS.items():
        assert result["summaries"][name]["rouge1"] >= floor, (name, result["summaries"][name])
