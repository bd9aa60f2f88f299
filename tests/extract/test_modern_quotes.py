"""Who said what on news nobody tuned the rules for, scored by ../shared/eval/score.py: the
validation part of the project's modern set (eval/README.md) and PolNeAR's training split
(measured, never trained on). Each test fails below the figures reached (noted beside each
floor) and skips when the cached texts or ../shared are absent: the texts never enter the
repository."""

from pathlib import Path

import pytest

from eval import polnear
from eval.run import SCORE, labels, score_texts, texts

pytestmark = pytest.mark.skipif(not SCORE.exists(), reason="../shared is not here")

# validation, m1-m12 (i17-spk3: quotes F1 .991, speaker right .872, quotes+speaker F1 .866);
# m1-m14 (main 503ce04): .991, .879, .873; (lead-spk, the fourth pass on speakers): .991, .889, .882;
# m1-m16 (main 8dc877c): .992, .881, .876; (i17-spk5, the fifth pass on speakers): .992, .887, .882;
# m1-m19 (m17-m19 held back and scored blind first, harder than m1-m16: eval/README.md): .990, .881, .875;
# m1-m25: .989, .881, .873;
# m1-m28: .988, .881, .872; m1-m31 (m29-m31 scored blind first, validation .864 there): .989, .879, .872;
# (spk7, the seventh pass on speakers: salience for he and she): .989, .883, .875;
# with m20-m22 (held back all session, scored twice blind): .989, .883, .875
# m1-m36 (m35-m36 added, main fe91577): .989, .880, .872; (spk8, the eighth pass): .989, .882, .874
# with m32-m34 (held back a session, scored twice blind; their 37 validation articles harder): .989, .878, .870
# (spk9, the ninth pass: chains of titles, and a trained choice where no rule names anyone): .989, .8838, .8756
# with m37-m40 (held back a session, scored twice blind; their 51 validation articles harder, m39's
# consumer media .73 speaker right), models retrained, m1-m40: .989, .8748, .8671
# (spk10, the trained choice ranks the weak rules' picks): .989, .8788, .8710; merged with names7's
# recognition and retrained (the CV-chosen threshold .37 -> .39): .989, .8764, .8686
# with m41-m52 (held back a session, scored twice blind; their validation part harder: speaker .82-.84
# on four of its outlets' batches), retrained, m1-m52: .989, .8716, .8638
# (spk11: outlets that report after a quotation, those an outlet quoted as saying, a said-clause's
# name no rule reads as the trained choice's candidate): .989, .8766, .8687; merged with names8 and
# retrained: .989, .8779, .8699
# with m53-m64 (held back a session, scored twice blind: speaker .857 there), the three models
# retrained, m1-m64: .988, .871, .863
# (spk12: family-name-first and al- names, "the <title> said", "X, through its CEO Y"; the
# speaker fallback retrained): .988, .8718, .8634; with names9, rel12 and acq12 merged and the
# models retrained: .988, .873, .864; with m65-m79 (held back, scored twice blind: speaker .858
# there), retrained, m1-m79: .988, .873, .866
MODERN_FLOORS = {
    "quotes F1": 0.98,
    "speaker right": 0.872,
    "quotes+speaker F1": 0.865,
}
POLNEAR_FLOORS = {  # train split (i17-spk3: .982, .916, .914; i17-spk5: .982, .923, .920; spk7: .982, .931, .927)
    "quotes F1": 0.98,
    "speaker right": 0.93,
    "quotes+speaker F1": 0.925,
}


def figures(result: dict) -> dict[str, float]:
    return {
        "quotes F1": result["quotes"]["f1"],
        "speaker right": result["quotes"]["attribution_accuracy"],
        "quotes+speaker F1": result["quotes_with_speaker"]["f1"],
    }


def test_modern_validation_speakers():
    rows = labels("validation")
    paths, problems = texts(rows)
    if problems:
        pytest.skip(f"the modern set's texts are not cached ({len(problems)} missing or changed)")
    reached = figures(score_texts(rows, paths))
    for measure, floor in MODERN_FLOORS.items():
        assert reached[measure] >= floor, (measure, reached)


def test_polnear_train_speakers():
    out = polnear.cache_dir()
    if not (out / "train-labels.jsonl").is_file():
        pytest.skip("PolNeAR's training split is not cached (eval/polnear.py build)")
    rows = polnear.labels(out)
    paths = {r["id"]: Path(out / "texts" / f"{r['id']}.txt") for r in rows}
    if not all(p.is_file() for p in paths.values()):
        pytest.skip("PolNeAR's cached texts are incomplete")
    reached = figures(score_texts(rows, paths))
    for measure, floor in POLNEAR_FLOORS.items():
        assert reached[measure] >= floor, (measure, reached)
