"""A learned judgement of whether a capitalised name no list holds is a company's, for the names
the rules of :mod:`bot.extract.companies` leave undecided.

Each name is judged by how the article writes all its mentions: the words right before and after
each (a kind of firm, a role, a possessive, "said", a list), its shape (a company's last word,
capitals inside, a first name opening it), how often it is named, whether the headline names it
and whether a word of rivalry or cooperation stands near it. A logistic regression over those
features; its weights (``company_weights.json``) are data, written by ``eval/train_companies.py``
from the modern set's TRAIN labels and CORE (CC BY 4.0) and reproduced by it exactly. Pure Python:
one scan of the text for its capitalised names, a bounded window read around each.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from bot.extract.companies import (
    _COMPANY_ACT,
    _DEAL_ACT,
    _KIND_AFTER_NAME,
    _LIST_INTRODUCED,
    _OWNED,
    _ROLE_AT,
    COMPANY_WORDS,
    FIRST_NAMES,
    KINDS,
    PERSON_KINDS,
    Run,
    _public,
    capitalised_runs,
    clean_name,
    companyish,
    lower_words,
)
from bot.extract.lexicon import LEGAL_SUFFIX, NOT_COMPANIES
from bot.extract.logistic import probability
from bot.extract.people import HONORIFIC, plausible_name

WEIGHTS = Path(__file__).with_name("company_weights.json")
GAZETTEER = Path(__file__).with_name("company_gazetteer.json")
_WINDOW = 40  # characters read on each side of a mention
_CUE_REACH = 150  # characters read on each side of a mention for a word of rivalry or cooperation

_WORD_BEFORE = re.compile(r"(?<![\w'\u2019&.-])(?P<word>[\w'\u2019&.-]++)(?P<comma>,?)[ ]++\Z")
_TWO_BEFORE = re.compile(r"(?<![a-z])(?P<word>[a-z]++)[ ]++[\w'\u2019&.-]++,?[ ]++\Z")
_AFTER = re.compile(r"(?P<mark>['\u2019]s?|,|[ ]\(|\.|:|;|[ ](?=\w))?[ ]?(?P<word>[\w-]++)?(?:[ ](?P<next>[\w-]++))?")
_ROLES = frozenset(
    "ceo cfo cto coo chief chairman chairwoman president founder co-founder boss director head spokesman"
    " spokeswoman spokesperson executive manager".split()
)
_SAYS = frozenset("said says told added announced confirmed reported noted".split())
_PERSON_AFTER = frozenset("who himself herself his her he she".split())
# words of rivalry, cooperation or purchase, looked for as word starts in the lower-cased text
_CUES = (
    "compet", "rival", "partner", "alliance", "joint venture", "acqui", "takeover", "merg", "bought", "buy", "deal",
    "agreement", "market share",
    # a market's description and cooperation told otherwise ("X could be a good alternative", "the
    # largest player", "dominates", "challenging Y", "the pricing battle", "archrival", "in
    # collaboration with", "its ally")
    "alternative", "player", "dominat", "challeng", "battle", "archrival", "collaborat", "cooperat", "ally", "allies",
    "versus",
)  # fmt: skip
_HONORIFIC_BEFORE = re.compile(rf"(?<!\w){HONORIFIC}\Z")
# the object of a deal, a purchase or a rivalry ("a partnership with X", "acquired X", "competes
# with X", "stake in X"): the word before, or the one before a preposition
_DEAL_WORDS = frozenset(
    "partner partnered partnering partnership partnerships alliance agreement deal pact collaboration collaborated"
    " collaborating collaborate venture tie-up merger merged merges acquisition acquire acquired acquires acquiring"
    " takeover bought buy buys buying purchase purchased purchases stake compete competes competing competition"
    " rivalry".split()
)
_SLOT_PREPOSITIONS = frozenset("with of by to from against between in".split())
# the role a name plays in its sentence: a holding's object ("shares of X"), a list a kind of
# firm opens ("lenders such as A, B and"), the first of two subjects of a deal ("A and B signed")
_HELD_IN = re.compile(r"\b(?:shares|stake|stakes|stock)[ ]+(?:of|in)[ ]+\Z")
_LISTED_BEFORE = re.compile(r"(?:[A-Z][\w&'.-]*+(?:[ ][A-Z][\w&'.-]*+)*,?[ ](?:and[ ]|or[ ])?){1,4}\Z")
_AND_NAME = re.compile(r"[ ]and[ ][A-Z][\w&.-]*+(?:[ ][A-Z][\w&.-]*+){0,3}")
_STATEMENT = re.compile(r"[ ]said[ ]in[ ]a[ ](?:statement|press[ ]release|filing)")
_LEGAL_AFTER = re.compile(rf"[ ,]+{LEGAL_SUFFIX}(?!\w)")
# a name no capital opens: a few small letters, then a capital ("eBay", "iQOO", "zVolt")
_LOWER_FIRST = re.compile(r"[a-z](?<![\w@/.-].)[a-z]{0,3}[A-Z][\w&-]*+")  # (a letter first: scanned at C speed)
# what joins two names in a list or a pair
_JOINS = frozenset({", ", " and ", ", and ", " or ", " with ", " vs ", " vs. ", " versus ", " to ", " & ", " from "})
_NEAR = 100  # characters within which a listed company stands near a mention


_KEY_SUFFIX = re.compile(rf"(?:,?[ ]+{LEGAL_SUFFIX})+[ ]*\Z")


def gazetteer_key(name: str) -> str:
    """A name as the gazetteer keeps it: small letters, no leading "the", no legal suffix."""
    name = _KEY_SUFFIX.sub("", " ".join(name.split()).strip(" ,."))
    low = name.lower()
    return low[4:] if low.startswith("the ") else low


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """The company names of ``company_gazetteer.json`` (CORE's and the train labels'), as keys."""
    data = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    return frozenset(data["core"]) | frozenset(data["train"])


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float, float]:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return data["weights"], data["bias"], data["threshold"]


def _shape(name: str, text_words: frozenset[str]) -> list[str]:
    words = name.split()
    feats = [f"words={min(len(words), 3)}"]
    if name.isupper():
        feats.append("caps")
    if re.search(r"[a-z][A-Z]", name):
        feats.append("camel")
    if name[:1].islower():
        feats.append("lower_first")
    if re.search(r"\d", name):
        feats.append("digit")
    if "-" in name:
        feats.append("hyphen")
    if "&" in name:
        feats.append("amp")
    if words[-1] in COMPANY_WORDS:
        feats.append("company_word")
    if words[0] in FIRST_NAMES:
        feats.append("first_name")
    if plausible_name(name):
        feats.append("person_shaped")
    if len(words) == 1 and name.lower() in text_words:
        feats.append("ordinary_word")
    if words[-1] in NOT_COMPANIES:
        feats.append("place_last")
    return feats


def _mention(text: str, start: int, end: int) -> list[str]:
    feats = []
    head = text[max(0, start - _WINDOW) : start]
    m = _WORD_BEFORE.search(head)
    if not head.strip() or head.rstrip()[-1:] in '.!?\n"\u201c\u2014:':
        feats.append("b:start")
    elif m is None:
        feats.append("b:other")
    else:
        word = m.group("word")
        low = word.lower()
        comma = m.group("comma")
        if low in KINDS and not comma:
            feats.append("b:person_kind" if low in PERSON_KINDS else "b:kind")
        elif low in _ROLES:
            feats.append("b:role")
        elif _HONORIFIC_BEFORE.search(head.rstrip(", ")):
            feats.append("b:honorific")
        elif word[:1].isupper() and word.endswith(("'s", "\u2019s")):
            feats.append("b:possessive")
        elif word.endswith(("-based", "-owned", "-listed", "-headquartered", "-backed")):
            feats.append("b:based")
        elif word[:1].isupper():
            feats.append("b:capital")
        else:
            feats.append(f"b={low}{comma}")
        two = _TWO_BEFORE.search(head)
        if two and two.group("word") in ("as", "like", "including", "with", "from", "and", "of", "by"):
            feats.append(f"bb={two.group('word')}")
        if not comma and (
            low in _DEAL_WORDS or (low in _SLOT_PREPOSITIONS and two and two.group("word") in _DEAL_WORDS)
        ):
            feats.append("b:deal_slot")
        # (each pattern tried only where the words right before can end it: this runs on every mention)
        if head.endswith((" of ", " in ")) and _HELD_IN.search(head):
            feats.append("b:held_in")
        elif head.endswith((" at ", " of ")) and _ROLE_AT.search(head):
            feats.append("b:role_at")
        elif head.endswith((", ", " and ", " or ")):
            listed = _LISTED_BEFORE.search(head)
            if listed and _LIST_INTRODUCED.search(head, 0, listed.start()):
                feats.append("b:listed_kind")
        elif (low in ("as", "like", "including") or low.endswith("s")) and _LIST_INTRODUCED.search(head):
            feats.append("b:listed_kind")  # "rivals such as", "players including"
    a = _AFTER.match(text, end, end + _WINDOW)
    mark, word, nxt = a.group("mark") or "", (a.group("word") or ""), (a.group("next") or "")
    low = word.lower()
    if mark.startswith(("'", "\u2019")):
        feats.append("a:possessive")
        if nxt.lower() in _ROLES or low in _ROLES:
            feats.append("a:possessive_role")
    elif mark == ",":
        if low in ("a", "an", "the"):
            feats.append("a:apposition")
            if nxt.lower() in KINDS:
                feats.append("a:apposition_kind")
        elif low in ("which", "that"):
            feats.append("a:which")
        elif low in _PERSON_AFTER:
            feats.append("a:who")
        else:
            feats.append("a:comma")
    elif mark == " (":
        feats.append("a:bracket")
    elif mark == " ":
        if low in _SAYS:
            feats.append("a:says")
        elif low in _ROLES or low in ("ceo", "cfo"):
            feats.append("a:role")
        elif low in KINDS:
            feats.append("a:kind")
        elif word[:1].isupper():
            feats.append("a:capital")
        else:
            feats.append(f"a={low}")
    elif mark:
        feats.append("a:end")
    if _LEGAL_AFTER.match(text, end):
        feats.append("a:legal")
    if mark in ("'", "'s", "\u2019", "\u2019s") and _OWNED.match(text, end):
        feats.append("a:owned")
    elif mark == " " and (_DEAL_ACT.match(text, end) or _COMPANY_ACT.match(text, end)):
        feats.append("a:company_act")
    elif mark == " " and _STATEMENT.match(text, end):
        feats.append("a:statement")
    elif mark == "," and _KIND_AFTER_NAME.match(text, end):
        feats.append("a:kind_after")
    elif mark == " " and (pair := _AND_NAME.match(text, end)) and _DEAL_ACT.match(text, pair.end()):
        feats.append("a:and_deal")
    return feats


def _cue_places(text: str) -> list[int]:
    """Where a word of :data:`_CUES` starts, in order (a plain search per word: quicker than
    one pattern for all of them)."""
    low = text.lower()
    found = []
    for cue in _CUES:
        at = low.find(cue)
        while at != -1:
            if not at or not (low[at - 1].isalnum() or low[at - 1] in "_-"):
                found.append(at)
            at = low.find(cue, at + 1)
    found.sort()
    return found


def name_features(
    text: str, lex, skip=(), title: str = "", runs: list[Run] | None = None, known: frozenset[str] | None = None
) -> dict[str, set[str]]:
    """The features of the capitalised names in ``text`` that the lexicon does not hold (nor
    ``skip``), by the cleaned name: its shape's and those of all its mentions (and whether the
    headline ``title`` names it). Only names with a word of rivalry or cooperation near one of
    their mentions are judged: no other can be a side of a relation. ``runs``: the text's
    :func:`~bot.extract.companies.capitalised_runs`, if walked already; ``known``: the gazetteer's
    keys (:func:`gazetteer` unless given)."""
    cues = _cue_places(text)
    if not cues:
        return {}
    walked = capitalised_runs(text) if runs is None else runs
    lower_first = [(m.start(), m.end(), m.group(0)) for m in _LOWER_FIRST.finditer(text)]
    if lower_first:  # "eBay", "iQOO": names no capital opens
        walked = sorted([*walked, *lower_first])
    known = gazetteer() if known is None else known
    named: list[tuple[str, int, int, bool, int]] = []
    near: set[str] = set()
    public: set[str] = set()  # names with a public word ("State Grid", "Thai Union"): judged, that word a feature
    for i, (run_start, _end, run) in enumerate(walked):
        name = run if run[:1].islower() else clean_name(run)
        if not name or len(name) < 2 or name in lex.surfaces or name in skip or not companyish(name):
            continue
        if name.split()[0] in lex.surfaces:
            continue  # the lexicon reads it as a listed company's already ("Vodacom Lesotho": Vodacom)
        if _public(name):
            public.add(name)
        start = run_start + run.find(name.split()[0])
        end = start + len(name)
        at = bisect.bisect_left(cues, start - _CUE_REACH)
        cued = at < len(cues) and cues[at] <= end + _CUE_REACH
        named.append((name, start, end, cued, i))
        if cued:
            near.add(name)
    mentions: dict[str, list[list[str]]] = defaultdict(list)
    for name, start, end, cued, i in named:
        if name in near:
            feats = _mention(text, start, end)
            feats.extend(_company_near(text, walked, i, start, end, lex))
            if cued:
                feats.append("near_cue")
            mentions[name].append(feats)
    if not mentions:
        return {}
    text_words = lower_words(text)
    found = {}
    for name, each in mentions.items():
        feats = set(_shape(name, text_words))
        feats.add(f"mentions={min(len(each), 4)}")
        if title and name in title:
            feats.add("in_title")
        if gazetteer_key(name) in known:
            feats.add("gazetteer")
        if name in public:
            feats.add("public")
        for f in each:
            feats.update(f)
        found[name] = feats
    return found


def _listed_company(run: str, lex) -> bool:
    known = lex.surfaces.get(clean_name(run)) or lex.surfaces.get(run.split(" ", 1)[0])
    return known is not None and known.type == "company"


def _company_near(text: str, walked: list[Run], i: int, start: int, end: int, lex) -> list[str]:
    """Whether a company the lexicon holds stands beside a mention: joined to it in a list or a
    pair ("Safaricom and Ikom", "from Kuaidi to Uber") or near it in the sentence."""
    feats = []
    for j, gap_of in ((i - 1, lambda r: text[r[1] : start]), (i + 1, lambda r: text[end : r[0]])):
        if 0 <= j < len(walked):
            gap = gap_of(walked[j])
            if gap in _JOINS:
                feats.append("co:listed" if _listed_company(walked[j][2], lex) else "co:name")
    for j in range(max(0, i - 3), min(len(walked), i + 4)):
        if j != i and abs(walked[j][0] - start) < _NEAR and _listed_company(walked[j][2], lex):
            feats.append("near:listed")
            break
    return feats


def likely_companies(text: str, lex, skip=(), title: str = "", runs: list[Run] | None = None) -> set[str]:
    """The names of ``text`` (none the lexicon or ``skip`` holds) the model takes for companies
    (``runs``: as :func:`name_features` takes them)."""
    weights, bias, threshold = _model()
    return {
        name
        for name, feats in name_features(text, lex, skip, title, runs).items()
        if probability(feats, weights, bias) >= threshold
    }
