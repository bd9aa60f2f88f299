"""A relation is stored only with evidence that names, or clearly resolves, both companies.

"In a joint statement the three firms gave hints..." names neither firm: shown alone under
"IBM partners with Sony", it proves nothing to the reader. A sentence names a side when it
names the company itself (by its name or an alias), one of its products, one of its people,
or, for "us" and "we", the company a quote in it speaks for. An answer shows the sentence
with its article's headline, so:

- a sentence that names both sides is the evidence;
- one that names one side is, when the headline names the other ("Rival search engine Yahoo
  has..." under "Google launches TV search"); else with the sentence just before it that
  names the other ("The electronics giant beat off strong competition from Toshiba" after
  the one that names Sony), stored together;
- one that names neither is, when it refers to them together ("the two companies", "both
  firms", "the pair") and the headline, or a sentence just before it, names both;
- any other relation is left out.

"Just before": the two sentences before, within the paragraph or the one before it.
Extraction finds the relations (``bot.extract``); this is the rule they are stored by.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.extract.model import Extraction, Relation

LOOK_BACK = 2  # sentences before a reference ("the two companies") where the names may stand
_TOGETHER = re.compile(
    r"\b(?:(?:the|both|all)\s+(?:(?:two|three|four|2|3|4)\s+)?(?:[a-z-]+\s+)?"
    r"(?:companies|firms|giants|groups|makers|partners|rivals|businesses|operators|manufacturers|vendors|sides"
    r"|corporations|brands)"
    r"|the\s+(?:pair|duo|trio)|both)\b",
    re.IGNORECASE,
)


def grounded(ex: Extraction) -> Extraction:
    """``ex`` with only the relations its evidence names or resolves both sides of (see above)."""
    if not ex.relations:
        return ex
    names = _Names(ex)
    kept = []
    for relation in ex.relations:
        evidence = _evidence(relation, ex, names)
        if evidence is not None:
            kept.append(relation if evidence == relation.evidence else replace(relation, evidence=evidence))
    return replace(ex, relations=kept) if len(kept) != len(ex.relations) or kept != ex.relations else ex


class _Names:
    """What names each company in this article: its own names, its products', its people's,
    and the sentences its quotes stand in."""

    def __init__(self, ex: Extraction):
        self.words: dict[str, set[str]] = {}
        self.quoted: dict[str, set[int]] = {}
        for e in ex.entities:
            side = e.name if e.type == "company" else (e.owner if e.type == "product" else e.org)
            if side:
                self.words.setdefault(side.casefold(), set()).update(n for n in (e.name, *e.aliases) if n)
        for q in ex.quotes:
            for side in (q.org, q.speaker):
                if side:
                    self.quoted.setdefault(side.casefold(), set()).add(q.sentence)
        self.by_sentence: dict[int, set[str]] = {}
        owners = {
            e.name: (e.name if e.type == "company" else e.owner if e.type == "product" else e.org) for e in ex.entities
        }
        for m in ex.mentions:
            side = owners.get(m.name)
            if side:
                self.by_sentence.setdefault(m.sentence, set()).add(side.casefold())

    def names(self, side: str, index: int, text: str) -> bool:
        """Whether sentence ``index`` (``text``) names ``side``."""
        key = side.casefold()
        if key in self.by_sentence.get(index, ()) or index in self.quoted.get(key, ()):
            return True
        return any(_said(word, text) for word in {side, *self.words.get(key, ())})


def _said(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", text, re.IGNORECASE) is not None


def _evidence(relation: Relation, ex: Extraction, names: _Names) -> str | None:
    """The evidence to store ``relation`` with, or ``None`` when none names both sides."""
    sides = (relation.a, relation.b)
    if relation.sentence < 0:  # the headline
        return relation.evidence if all(names.names(s, -1, ex.title) for s in sides) else None
    sentences = {s.index: s for s in ex.sentences}
    here = sentences.get(relation.sentence)
    text = here.text if here is not None else relation.evidence
    missing = [s for s in sides if not names.names(s, relation.sentence, text)]
    if not missing:
        return relation.evidence
    if len(missing) == len(sides) and not _TOGETHER.search(text):
        return None  # names neither, nor refers to the two of them
    if all(names.names(s, -1, ex.title) for s in missing):
        return relation.evidence  # the headline, cited with it, names them
    if here is None:
        return None
    for back in range(1, LOOK_BACK + 1):
        before = sentences.get(relation.sentence - back)
        if before is None or here.paragraph - before.paragraph > 1:
            return None
        if all(names.names(s, before.index, before.text) for s in missing):
            joint = " " if back == 1 else " \u2026 "
            return f"{before.text}{joint}{relation.evidence}"
    return None
