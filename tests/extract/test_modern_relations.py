"""Relations on the project's own modern set (eval/modern, eval/README.md): the validation
part's figures stay at least where issue 17's relation work left them. Skipped where the cached
article texts or ../shared are absent (as in CI)."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "eval" / "run.py"

# measure -> F1 floor on the validation part, batches m1-m12 (main 23c7624: competes .325,
# partners .488, acquires .52; on m1-m8 it reached .32, .52, .51; first look of m1-m6 .29, .31 and 0;
# after i20-acq2 acquires .55 on m1-m12; after i17-rel3 competes .327, partners .504; with m13 and
# m14 added, main 503ce04: m1-m14 competes .342, partners .490, acquires .528; after i17-names,
# recognition of companies no list holds: competes .393, partners .486; with m15 and m16 added, main
# 8dc877c: m1-m16 competes .373, partners .459, acquires .532; main fd02b10 on the rebuilt cache: partners
# .484, after i17-rel6 .487; after i17-names3 competes .375 -> .388, partners .477: the company model
# retrained on that branch's rules takes one validation partnership less, main's weights keep it;
# with m17-m19 added (held back, scored blind first: eval/README.md), m1-m19: competes .393,
# partners .455, acquires .525; with m23-m25 added (scored blind first), models retrained, m1-m25:
# competes .405, partners .512, acquires .542; with m26-m28 added (scored blind first; their
# validation part is harder: competes F1 .19 at first look), retrained, m1-m28: .381, .503, .540;
# with m29-m31 (scored blind first), m1-m31: .388, .495, .516; after names4, the fourth pass on
# company recognition: .388, .500, .521; after rel7, the relation model proposing pairs no rule
# read: competes .419, partners .503; with m20-m22, held back all session and scored twice blind,
# m1-m31: .429, .512, .535; with m35-m36, after relprec and the models retrained, m1-m36: .434, .525, .531;
# with rel8x, names5, acq8 and spk8 merged and the models retrained: .435, .535, .533; with m32-m34,
# held back a session and scored twice blind, retrained: .441, .542, .532; with m37-m40, held back a
# session and scored twice blind (m37's regional telecoms competes .12), retrained, m1-m40: .452, .523,
# .534; names7 merged, retrained: .454, .523, .534 (rel10's name-form feature, merged too, made the
# retrained model take an invested-in company for a joint venture's partner: left out); with m41-m52,
# held back a session and scored twice blind (competes .49 there), retrained, m1-m52: .437, .524, .531;
# names8 (a trade's word in a firm's name, the name model's deal-slot and public-word features),
# the three models retrained: .434, .527, .534; rel11 merged (a partnership denied, offered or joined
# as one of a list is none; "X said it" is X), relation model retrained: .437, .531, .534; with
# m53-m64, held back a session and scored twice blind (partners F1 .43 there), retrained, m1-m64:
# .432, .516, .542; rel12 (a competition among a list; the relation model reads "the rivalry
# between" as the rivalry's), relation model retrained: .433, .523, .542; acq12 (lower-case
# headlines read with the article's capitals): acquires .550; spk12, names9, rel12 and acq12 merged,
# the models retrained: .436, .522, .550; with m65-m79 (held back, scored twice blind: partners .36
# and acquires .49 there; 190 of their articles join validation), retrained: .437, .489, .539; rel13
# (contracts and consortia with a company; advisers and a partner's owner are no partners),
# retrained: .437, .493, .539; acq13 (buyout forms) merged, the models
# retrained: .437, .493, .540
FLOORS = {"competes": 0.43, "partners": 0.49, "acquires": 0.54}
# and precision, which an invented relation costs (m1-m12, main: competes .49, partners .63, acquires
# .63; acquires .65 after i20-acq2; competes .50 and partners .646 after i17-rel3; m1-m14, main
# 503ce04: competes .507, partners .625, acquires .655; after i17-names competes .549, partners .614:
# one partners pair more, none of them right, in articles whose errors the validation rules keep unread;
# m1-m16, main 8dc877c: competes .528, partners .600, acquires .656; main fd02b10: partners .633, after
# i17-rel6 .644: one invented partnership fewer; after i17-names3 .638, the same pair as above;
# m1-m19: competes .523, partners .652, acquires .686; m1-m25: .528, .696, .725;
# m1-m28: .497, .682, .713; m1-m31: .512, .676, .699; after names4: .512, .679, .702; after rel7
# competes .525, partners .675; with m20-m22: .524, .664, .721; m1-m36, main: .531, .686, .720; after
# relprec (rules narrowed where they invented pairs on train): .536, .686, .732; with m32-m34: .530,
# .683, .738; with m37-m40, retrained: .543, .670, .750; names7: .545, .670, .750; with m41-m52,
# held back and scored twice blind (partners P .49 there), retrained: .544, .659, .751; names8, the
# three models retrained: .539, .660, .752: with main's relation weights the branch scores .544, .659,
# .752; retrained on the new company output the relation model finds one right rivalry fewer and two
# wrong more, one right partnership more: competes .53; rel11 merged, relation model retrained: .542,
# .667, .752; with m53-m64, held back and scored twice blind (partners P .59 there), retrained:
# .548, .646, .765; rel12: .547, .649, .765; acq12: acquires .764, five right pairs more and two wrong;
# all four merged and retrained: .548, .650, .764; with m65-m79, retrained: .551, .622, .763; rel13,
# retrained: .553, .626, .763)
PRECISION_FLOORS = {"competes": 0.55, "partners": 0.62, "acquires": 0.76}


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
    for measure, floor in PRECISION_FLOORS.items():
        assert result[measure]["precision"] >= floor, (measure, result[measure])
