"""A small trained model of what one sentence says of two companies it names.

Rules read the closed patterns of news writing; the words that make two named companies rivals
or partners are not a closed set ("Vodafone's fight to keep customers from Three", "Ford and VW
will share the cost of ..."). This model scores a pair of companies named in one sentence from
the words between and around the two names, the cue words of the sentence, their distance, list
structure, negation, the passive, quotation, where the rules' cue words stand and whether a
rule read the pair and which: one logistic regression per reading (competes, partners, and
``other``: a shareholder or a subsidiary), its weights in ``weights.json`` beside this file, made
by ``eval/train_relations.py`` from CORE's train split and the project's own train labels. The
relation step drops a rule's pair that the model reads otherwise (:func:`keeps`), and adds a pair
no rule read where the model finds it likely (:func:`adds`).

Pure Python, read once per process; the cost per sentence is one pass over its words plus a
bounded amount per pair (at most :data:`MOST_COMPANIES` companies, a bounded window of words).
"""

from __future__ import annotations

import bisect
import json
import re
from functools import cache, lru_cache
from pathlib import Path

from bot.extract import logistic
from bot.extract.relations.cues import BID_CONTEST
from bot.extract.relations.pairs import (
    _competes,
    _denied,
    _no_rivalry,
    _not_partners,
    _partners,
    _sought,
    has_cue_stem,
)

KINDS = ("competes", "partners")  # what the rules read, and the model weighs
# what else one company may be to another, learned from CORE alone: a shareholder or a subsidiary
# ("an investor, a stake, a unit is no partnership")
OTHER = "other"
SCORED = (*KINDS, OTHER)
MOST_COMPANIES = 6  # a sentence naming more is a list: only its first few are scored
WINDOW = 6  # words read on each side of the pair, and at each end of the words between

_TOKEN = re.compile(r"[^\W\d_][\w'\u2019&.-]*+|\d[\d.,]*+|[^\w\s]")
_SUFFIX = re.compile(r"(?:ships?|ings?|ions?|ers?|ors?|ies|ed|es|s|ly|ry)$")
_QUOTE = re.compile(r"[\"\u201c\u201d]")

# cue stems: a sentence's words that say what kind of relation it tells of, wherever they stand
CUE_STEMS = (
    "rival", "compet", "battl", "war", "fight", "challeng", "versus", "vs", "threat", "race", "alternat",
    "market", "share", "leader", "dominat", "beat", "overtak", "outsel", "surpass", "lead", "trail",
    "partner", "allian", "ally", "allied", "joint", "collabor", "team", "cooperat", "co-operat", "work",
    "together", "agree", "deal", "pact", "contract", "licen", "suppl", "sign", "memorandum", "tie-up",
    "integrat", "develop", "launch", "acquir", "acquisit", "buy", "bought", "purchas", "takeover", "merg",
    "sold", "sell", "stake", "invest", "fund", "back", "client", "customer", "user", "sue", "lawsuit",
    "court", "su", "block", "reject", "abandon", "bid", "offer", "talk", "subsidiar", "unit", "own",
    "parent", "spun", "spin", "former", "like", "such", "including", "against", "with", "by", "between",
)  # fmt: skip
_NEGATION = frozenset("not no never n't cannot nor without".split())
_BE = frozenset("is are was were be been being has have had".split())
# words (as stemmed) that start a clause of its own, and ";"
_CLAUSE_WORDS = frozenset("; while wherea where but althoug though because when".split())
# words (as stemmed) that join two companies to the noun before them: "rivalry between", "competition among"
_JOINING = frozenset("between among amongst".split())


def stem(word: str) -> str:
    """A crude stem: lower case, a common ending off, at most seven letters ("competitors" and
    "competition" both "compet")."""
    w = word.lower().replace("\u2019", "'")
    if len(w) > 4:
        w = _SUFFIX.sub("", w) or w
    return w[:7]


_CUE_STEM = re.compile("|".join(f"{re.escape(c)}$" if len(c) <= 2 else re.escape(c) for c in CUE_STEMS))


def _cue(s: str) -> str | None:
    m = _CUE_STEM.match(s)
    return m.group(0) if m else None


@lru_cache(maxsize=8192)
def _word(token: str) -> tuple[str, str | None, bool]:
    """A word's stem, the cue stem it starts with, and whether it is a percentage (each word once:
    news repeats its words)."""
    s = stem(token)
    return s, _cue(s), s in ("%", "percent", "cent")


class Sentence:
    """One sentence's words, read once for every pair in it."""

    def __init__(self, text: str, spans: list[tuple[int, int, str]], title: bool = False):
        self.words: list[str] = []  # stems, with E for a company's name
        self.cues: list[str | None] = []
        self.at: dict[int, int] = {}  # a name's start -> its word index
        self.company: list[str | None] = []
        self.figure: list[bool] = []  # a word that is a percentage: "29%", "31.8 per cent"
        starts: list[int] = []
        ordered = sorted(spans)
        words, cues, company, figures = self.words, self.cues, self.company, self.figure
        j, n = 0, len(ordered)
        for m in _TOKEN.finditer(text):
            at = m.start()
            while j < n and ordered[j][1] <= at:
                j += 1
            if j < n and ordered[j][0] <= at:
                start, _end, name = ordered[j]
                if start not in self.at:
                    self.at[start] = len(words)
                    starts.append(at)
                    words.append("E")
                    cues.append(None)
                    company.append(name)
                    figures.append(False)
                continue
            s, cue, figure = _word(m.group())
            starts.append(at)
            words.append(s)
            cues.append(cue)
            company.append(None)
            figures.append(figure)
        # "the rivalry between X and Y", "a partnership among X, Y and Z": the word that joins the
        # pair to the noun naming their relation is read as that noun's, not as a word of its own
        # (alone, "between" reads as cooperation: "a partnership between" is the commoner phrase)
        for i in range(1, len(words)):
            if words[i] in _JOINING and cues[i - 1] and words[i - 1] not in _JOINING:
                words[i] = "btw_" + cues[i - 1]
                cues[i] = cues[i - 1]
        self.cue_at = [i for i, c in enumerate(self.cues) if c]
        common = {"q:" + ("1" if _QUOTE.search(text) else "0")}
        common.update("sc:" + c for c in self.cues if c)
        if any(w in _NEGATION for w in self.words):
            common.add("neg")
        if title:
            common.add("title")
        n = len({c for c in self.company if c})
        common.add(f"n:{min(n, 5)}")
        self.common = common
        # where the rules' cue words stand (word index, kind): the model weighs them by place
        cues = [(m, "competes") for m in _competes(text) if not _no_rivalry(text, m)]
        # what makes the sentence's cooperation something else (a purchase, a lawsuit) or only sought
        self.not_partners = _not_partners(text)
        told = () if self.not_partners else _partners(text)
        together = [m for m in told if not _sought(text, m)]
        cues += [(m, "partners") for m in together]
        if self.not_partners:
            common.add("notp")
        elif told and not together:
            common.add("sought")
        if BID_CONTEST.search(text):
            common.add("bid")
        # a partnership the sentence denies ("is not working with"): the rules read none there, nor may the model
        self.denied = any(_denied(text, m) for m in told)
        self.rule_cues = [(max(0, bisect.bisect_right(starts, m.start()) - 1), kind) for m, kind in cues]

    def features(self, first: int, second: int) -> list[str]:
        """The features of the pair whose names stand at word indexes ``first`` < ``second``."""
        words, cues = self.words, self.cues
        f = set(self.common)
        between = range(first + 1, second)
        gap = second - first - 1
        f.add("d:" + ("0" if gap < 2 else "1" if gap < 4 else "2" if gap < 7 else "3" if gap < 12 else "4"))
        near = list(between)[:WINDOW] + [i for i in list(between)[WINDOW:][-WINDOW:]]
        listed = True
        others = 0
        for k, i in enumerate(near):
            w = words[i]
            f.add("b:" + w)
            if cues[i]:
                f.add("bc:" + cues[i])
            if k + 1 < len(near) and near[k + 1] == i + 1:
                f.add("bb:" + w + "_" + words[i + 1])
            if w == "E":
                others += 1
            elif w not in {",", "and", "or", "&", "/"}:
                listed = False
            if w in _NEGATION:
                f.add("neg_b")
        if gap > 2 * WINDOW:
            listed = False
        if listed:
            f.add("list")
        if others:
            f.add("e_between")
        if gap <= 3:
            f.add("g:" + "_".join(words[first + 1 : second]))
        for k in range(1, 3):
            if first - k >= 0:
                f.add(f"l{k}:" + words[first - k])
            if second + k < len(words):
                f.add(f"r{k}:" + words[second + k])
        for i in range(max(0, first - WINDOW), first):
            if cues[i]:
                f.add("lc:" + cues[i])
        for i in range(second + 1, min(len(words), second + 1 + WINDOW)):
            if cues[i]:
                f.add("rc:" + cues[i])
        for i in between:
            if words[i] == "by" and i > first + 1 and words[i - 1] not in _BE and i - 2 > first and words[i - 2] in _BE:
                f.add("passive")
                break
        for at, kind in self.rule_cues:
            place = "b" if first < at < second else "l" if at < first else "r"
            near = "n" if (first - 4 <= at <= second + 4) else "f"
            f.add(f"cue_{place}{near}:{kind}")
            if listed:
                f.add(f"list_cue_{place}:{kind}")
        # every cue word by its place beside the pair: before, between or after, near or far
        for i in self.cue_at:
            place = "b" if first < i < second else "l" if i < first else "r"
            near = "n" if (first - 4 <= i <= second + 4) else "f"
            f.add(f"cp:{place}{near}:{cues[i]}")
            if listed:
                f.add(f"lcp:{place}:{cues[i]}")
        if first <= 2:
            f.add("opens")  # the first of the pair opens the sentence: its subject, likely
        if second - 1 > first:
            f.add("pre2:" + words[second - 1])
        if first + 1 < second:
            f.add("post1:" + words[first + 1])
        figures = sum(any(self.figure[i] for i in range(at + 1, min(len(words), at + 8))) for at in (first, second))
        if figures:
            f.add(f"fig{figures}")
        if first > 0 and words[first - 1] in {"with", "and"}:
            f.add("with_before")
        if second + 1 < len(words) and words[second + 1] == "'s":
            f.add("poss2")
        return sorted(f)

    def apart(self, first: int, second: int) -> bool:
        """Whether a clause of its own stands between the pair ("X dominates the market, where Y is
        weak"; "X competes with Y, while Z ..."): the model proposes no relation across it."""
        return any(self.words[i] in _CLAUSE_WORDS for i in range(first + 1, second))

    def pairs(self) -> dict[frozenset, tuple[int, int]]:
        """The closest pair of names of each two companies the sentence names (its first few)."""
        where: dict[str, list[int]] = {}
        for i, c in enumerate(self.company):
            if c and (c in where or len(where) < MOST_COMPANIES):
                where.setdefault(c, []).append(i)
        found = {}
        names = list(where)
        for x in range(len(names)):
            for y in range(x + 1, len(names)):
                best = None
                for i in where[names[x]][:4]:
                    for j in where[names[y]][:4]:
                        a, b = min(i, j), max(i, j)
                        if best is None or b - a < best[1] - best[0]:
                            best = (a, b)
                found[frozenset((names[x], names[y]))] = best
        return found


@cache
def weights() -> dict[str, dict]:
    path = Path(__file__).with_name("weights.json")
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def probability(kind: str, features: list[str]) -> float:
    model = weights().get(kind)
    if not model:
        return 0.0
    return logistic.probability(features, model["weights"], model["bias"])


def rule_features(pair: frozenset, ruled: dict) -> list[str]:
    """What the rules read of ``pair`` (``ruled``: ``(kind, pair)`` -> the rule's name), as features."""
    out = []
    for kind in KINDS:
        source = ruled.get((kind, pair))
        if source is not None:
            out.append(f"rule:{kind}")
            if source:
                out.append(f"src:{kind}:{source_name(source)}")
    return out


def source_name(source: str) -> str:
    """A rule's name as the model reads it: a cue by its stem ("cue:rivals" -> "cue:rival")."""
    return "cue:" + stem(source[4:]) if source.startswith("cue:") else source


def scores(
    text: str,
    spans: list[tuple[int, int, str]],
    title: bool = False,
    ruled: dict | frozenset = frozenset(),
    only: set[frozenset] | None = None,
) -> dict[frozenset, dict[str, float]]:
    """For each two companies named in ``text`` (``spans``: start, end, company), or only the
    pairs ``only``, the model's probability of each reading; ``ruled`` maps each ``(kind, pair)``
    the rules read in the sentence to the rule that read it (a rule's reading is a feature)."""
    if len({c for _s, _e, c in spans}) < 2 or not weights():
        return {}
    if not isinstance(ruled, dict):
        ruled = dict.fromkeys(ruled, "")
    sentence = Sentence(text, spans, title)
    out = {}
    for pair, (a, b) in sentence.pairs().items():
        if only is not None and pair not in only:
            continue
        features = sentence.features(a, b) + rule_features(pair, ruled)
        out[pair] = {kind: probability(kind, features) for kind in SCORED}
        if sentence.apart(a, b):
            out[pair]["apart"] = 1.0
        if "bid" in sentence.common:
            out[pair]["bid"] = 1.0
        if sentence.denied:
            out[pair]["denied"] = 1.0
    return out


def keeps(kind: str, p: dict[str, float], model: dict | None = None, source: str = "") -> bool:
    """Whether a rule's pair of ``kind`` stands, given the model's probabilities ``p`` for it:
    not when the model finds the kind unlikely (below its ``keep``; a rule named in ``spare``, the
    closed patterns of market lists, shares and prices, is spared that), nor when it finds
    another reading likely and likelier (above the kind's ``unless`` threshold for that reading)."""
    m = (model or weights())[kind]
    if p[kind] < m["keep"] and source_name(source) not in m.get("spare", ()):
        return False
    return not any(p[k] >= t and p[k] > p[kind] for k, t in m.get("unless", {}).items())


def adds(kind: str, p: dict[str, float], model: dict | None = None) -> bool:
    """Whether the model reads ``kind`` of a pair no rule read: at or above the kind's ``add``
    and likelier than any other reading (``p`` as :func:`scores` gives it)."""
    m = (model or weights()).get(kind) or {}
    t = m.get("add")
    if t is None or "apart" in p or "denied" in p or (kind == "competes" and "bid" in p):
        return False  # not across a clause, nor where a cue is denied, nor a rivalry where a bid is told
    return p[kind] >= t and all(p[kind] > p[k] for k in SCORED if k != kind)


def may_add(text: str) -> bool:
    """Whether the model may find a relation in a sentence no rule read one in: only where it may
    add pairs at all, and the sentence holds a word of rivalry or cooperation."""
    w = weights()
    return any(w.get(k, {}).get("add") is not None for k in KINDS) and has_cue_stem(text)
