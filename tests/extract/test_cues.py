"""The quick tests before the slow scans: every cue the cue patterns find holds one of the plain
pieces the extraction looks for first, so skipping a sentence without them loses nothing."""

from pathlib import Path

import pytest

from bot.extract.relations.cues import COMPETES, COMPETES_STEMS, PARTNERS, PARTNERS_STEMS
from bot.extract.text import layout, split_sentences

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "bbc-tech" / "articles"
WRITTEN = [
    "Nokia beat out Ericsson for the contract, edging out Siemens and outbidding Alcatel.",
    "The firms took on Apple; it is an answer to the iPod and an alternative to Windows.",
    "Sony has entered the market, joining the fray in a head-to-head contest.",
    "They signed a memorandum of understanding and a licensing deal, working together.",
    "The phone was co-developed with Nokia and built with parts supplied by Foxconn.",
    "A survey by Gartner and a tie-up with IBM, in conjunction with HP.",
]


def sentences():
    found = list(WRITTEN)
    for path in sorted(CORPUS.glob("*.txt"))[:200] if CORPUS.is_dir() else []:
        body = layout(path.read_text(encoding="utf-8")).body
        found += [p[a:b] for p in body.split("\n\n") for a, b in split_sentences(p)]
    return found


@pytest.mark.parametrize(("pattern", "stems"), [(COMPETES, COMPETES_STEMS), (PARTNERS, PARTNERS_STEMS)])
def test_every_cue_holds_a_stem(pattern, stems):
    missed = [s for s in sentences() if pattern.search(s) and not any(stem in s.lower() for stem in stems)]
    assert missed == []
