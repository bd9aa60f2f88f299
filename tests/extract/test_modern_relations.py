"""Relations on the project's own modern set (eval/modern, eval/README.md): the validation
part's figures stay at least where issue 17's relation work left them. Skipped where the cached
article texts or ../shared are absent (as in CI)."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "eval" / "run.py"

# measure -> F1 floor on the validation part (m1-m6, reached: competes .27, partners .36,
# acquires .56; first look .29, .31 and 0). With m7 and m8 the part holds 93 articles: competes
# .26, partners .44, acquires .52 (P .60, R .46; .525 before issue 20's acquisitions work).
FLOORS = {"competes": 0.24, "partners": 0.34, "acquires": 0.50}


def _run():
    spec = importlib.util.spec_from_file_location("eval_run", RUN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_validation_relations_hold_their_figures():
    run = _run()
    rows = run.labels("validation")
    _found, problems = run.texts(rows)
    if problems or not run.SCORE.exists():
        pytest.skip("the modern set's cached texts or ../shared are not here")
    result = run.score(rows)
    for measure, floor in FLOORS.items():
        assert result[measure]["f1"] >= floor, (measure, result[measure])
