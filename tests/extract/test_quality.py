"""Extraction quality, measured by ../shared/eval/score.py on the labelled sets.

Skipped when ../shared is absent. The floors are issue 4's targets where they are met; where
a target is not met yet, the floor is the figure reached, so nothing slips back unnoticed,
and the target stands beside it.
"""

import json
import subprocess
import sys

import pytest

from bot.extract import extract
from tests.conftest import SEEDS, SHARED

EVAL = SHARED / "eval"
CORPUS = SHARED / "corpus" / "bbc-tech"

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="../shared/eval is not here")

# measure: (floor enforced here, issue 4's target)
DEV_FLOORS = {
    ("quotes", "f1"): (0.97, 0.97),
    ("quotes_with_speaker", "f1"): (0.90, 0.90),
    ("competes", "f1"): (0.60, 0.80),  # below target: see the issue note
    ("partners", "f1"): (0.80, 0.80),
}
SUMMARY_FLOORS = {
    "top_k": (0.82, 0.82),
    "top_3": (0.525, 0.55),  # below target: see the issue note
}


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
    articles = sorted((CORPUS / "articles").glob("*.txt"))
    result = score(articles, EVAL / "dev-labels.jsonl", tmp_path, "--refs", str(CORPUS / "summaries"))
    assert not result["missing_predictions"]
    for (measure, key), (floor, _target) in DEV_FLOORS.items():
        assert result[measure][key] >= floor, (measure, result[measure])
    assert result["summaries"]["articles"] == len(articles)
    for name, (floor, _target) in SUMMARY_FLOORS.items():
        assert result["summaries"][name]["rouge1"] >= floor, (name, result["summaries"][name])
