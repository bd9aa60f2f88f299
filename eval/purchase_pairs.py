"""A learned reading of who bought whom in one sentence: a score for each ordered pair of the
companies a sentence with a word of buying names, from the sentence's structure around them
(where each side stands against the cue, a passive "by", a possessive, a "which" clause, words of
stakes, offers and undone deals, how far apart they are), never from the names or single words of
an article. Trained and measured by ``eval/train_purchases.py`` on the train part's labels; not
shipped (it moved no held-out figure: see eval/README.md, acq11).
"""

from __future__ import annotations

import math
import re

# the words of buying, in four families: the verbs, the passive, the nouns, the sales
_CUE = re.compile(
    r"(?<![\w-])(?:(?P<passive>(?:acquired|bought|purchased|snapped\s+up|taken\s+over|merged\s+into)"
    r"(?:\s+[\w,]+){0,3}?\s+(?:by|into))"
    r"|(?P<noun>(?:acquisition|purchase|takeover|buyout|buy-out|merger|sale)s?(?:\s+(?:of|by|to|with))?)"
    r"|(?P<sale>sold|sells?|selling)"
    r"|(?P<verb>acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|snap(?:s|ped|ping)?\s+up"
    r"|tak(?:e|es|ing|en)\s+over|took\s+over|merg(?:e|es|ed|ing)|absorb(?:s|ed|ing)?|paid|pays?|paying))\b",
    re.IGNORECASE,
)
_BAGS = {
    "stake": re.compile(r"\b(?:stake|stakes|%|per\s?cent|minority|shares|shareholding|interest\s+in)\b", re.I),
    "invest": re.compile(r"\b(?:invest\w*|funding|backed|raise[sd]?|round)\b", re.I),
    "offer": re.compile(r"\b(?:offer\w*|bid\w*|proposal|approach\w*|talks|consider\w*|plans?|planned|seek\w*"
                        r"|rumou?r\w*|could|may|might|would|reportedly|explor\w*|interest\s+in)\b", re.I),
    "undone": re.compile(r"\b(?:block\w*|abandon\w*|scrap\w*|terminat\w*|withdr\w*|reject\w*|call(?:ed)?\s+off"
                         r"|fail\w*|collaps\w*|walk\w*\s+away|drop\w*|refus\w*|not|never|no)\b", re.I),
    "done": re.compile(r"\b(?:complet\w*|clos(?:ed|es|ing)|finali[sz]\w*|agreed|agreement|deal|announc\w*"
                       r"|signed|sealed)\b", re.I),
    "merger": re.compile(r"\bmerg\w*|\bcombin\w*", re.I),
    "customer": re.compile(r"\b(?:customers?|clients?|contract|suppl\w*|partner\w*|licen\w*|products?)\b", re.I),
    "sale": re.compile(r"\b(?:sold|sells?|selling|sale)\b", re.I),
    "unit": re.compile(r"\b(?:unit|division|business|arm|subsidiary|assets|operations)\b", re.I),
}  # fmt: skip
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?\Z", re.I)
_OF_BEFORE = re.compile(r"\b(?:of|for)\s+(?:the\s+)?(?:[\w$.,-]+\s+){0,2}?\Z", re.I)
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?\Z", re.I)
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?\Z", re.I)
_POSSESSIVE = re.compile(r"['\u2019]s?\b")
_WHICH = re.compile(r",\s*(?:which|that|who)\b|\b(?:which|that)\s", re.I)
_PAST = re.compile(r"\b(?:acquired|bought|purchased|took\s+over|completed|closed|snapped)\b", re.I)


def cues(sentence: str) -> list[tuple[int, int, str]]:
    """``(start, end, family)`` of each word of buying in ``sentence``."""
    return [(m.start(), m.end(), m.lastgroup or "verb") for m in _CUE.finditer(sentence)]


def _near(value: int, steps: tuple[int, ...]) -> str:
    return next((str(s) for s in steps if value <= s), "more")


def features(
    sentence: str, spans: list[tuple[int, int, str]], x: int, y: int, found: list[tuple[int, int, str]]
) -> list[str]:
    """What the sentence says of ``spans[x]`` as buyer and ``spans[y]`` as the company bought
    (``spans``: ``(start, end, company)`` in order; ``found``: its :func:`cues`)."""
    (xs, xe, _xc), (ys, ye, _yc) = spans[x], spans[y]
    out = ["bias", "x_first" if xs < ys else "y_first"]
    lo, hi = (xe, ys) if xs < ys else (ye, xs)
    gap = sentence[lo:hi]
    out.append("gap_chars:" + _near(hi - lo, (3, 15, 40, 80, 150)))
    others = sum(1 for s, _e, c in spans if lo <= s < hi and c not in (spans[x][2], spans[y][2]))
    out.append("between_names:" + _near(others, (0, 1, 2)))
    out.append("names:" + _near(len({c for _s, _e, c in spans}), (2, 3, 4)))
    between = [c for c in found if lo <= c[0] and c[1] <= hi]
    fams = sorted({f for _s, _e, f in between})
    out += ["cue_between:" + f for f in fams] or ["no_cue_between"]
    first, second = ("x", "y") if xs < ys else ("y", "x")
    for s, _e, f in found:
        if s >= hi:
            out.append(f"cue_after_{second}:{f}")
        elif s < lo - 0 and s < min(xs, ys):
            out.append(f"cue_before_{first}:{f}")
    # the cue nearest each side, and what stands right before each name
    for side, (s, e) in (("x", (xs, xe)), ("y", (ys, ye))):
        head = sentence[max(0, s - 40) : s]
        if _BY_BEFORE.search(head):
            out.append(side + "_after_by")
        if _OF_BEFORE.search(head):
            out.append(side + "_after_of")
        if _TO_BEFORE.search(head):
            out.append(side + "_after_to")
        if _WITH_BEFORE.search(head):
            out.append(side + "_after_with")
        if _POSSESSIVE.match(sentence, e):
            out.append(side + "_possessive")
        tail = sentence[e : e + 3]
        if tail.startswith(","):
            out.append(side + "_comma_after")
        if s < 3:
            out.append(side + "_opens")
        near = min(found, key=lambda c: min(abs(c[0] - e), abs(s - c[1])), default=None)
        if near:
            where = "cue_after" if near[0] >= e else "cue_before"
            out.append(f"{side}_{where}:{near[2]}:{_near(min(abs(near[0] - e), abs(s - near[1])), (3, 20, 60))}")
    if _WHICH.search(gap):
        out.append("which_between")
    if ";" in gap or " but " in gap or " while " in gap:
        out.append("clause_between")
    if "(" in gap or " - " in gap or "\u2014" in gap:
        out.append("bracket_between")
    for bag, rx in _BAGS.items():
        if rx.search(gap):
            out.append("gap_" + bag)
        elif rx.search(sentence):
            out.append("sent_" + bag)
    if _PAST.search(sentence):
        out.append("past")
    return out


def rule_features(pair: tuple[str, str], ruled: set[tuple[str, str]]) -> list[str]:
    """What the rules read of the pair in the sentence."""
    a, b = pair
    if (a, b) in ruled:
        return ["ruled"]
    if (b, a) in ruled:
        return ["ruled_reversed"]
    if any(a in p or b in p for p in ruled):
        return ["ruled_other_with_side"]
    return ["ruled_other"] if ruled else ["ruled_none"]


def probability(weights: dict, feats: list[str]) -> float:
    z = weights.get("bias", 0.0) + sum(weights["weights"].get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def pairs(sentence: str, spans: list[tuple[int, int, str]]):
    """Each ordered pair of distinct companies ``spans`` names, as ``(x, y)`` positions (the first
    mention of each company nearest the other)."""
    out = {}
    for x, (_s, _e, a) in enumerate(spans):
        for y, (_s2, _e2, b) in enumerate(spans):
            if a == b:
                continue
            key = (a, b)
            if key not in out or abs(spans[x][0] - spans[y][0]) < abs(spans[out[key][0]][0] - spans[out[key][1]][0]):
                out[key] = (x, y)
    return out


def told(calls: list[dict]) -> dict:
    """Across an article's sentences (``calls``: each ``{"text", "spans", "ruled"}``): in how many
    with a word of buying each pair of companies stands, the companies named most, and the pairs
    the rules read anywhere."""
    together: dict[frozenset, int] = {}
    mentions: dict[str, int] = {}
    ruled: set = set()
    for call in calls:
        companies = {c for _s, _e, c in call["spans"]}
        for c in companies:
            mentions[c] = mentions.get(c, 0) + 1
        ruled.update(tuple(p) for p in call["ruled"])
        if cues(call["text"]):
            for a in companies:
                for b in companies:
                    if a < b:
                        key = frozenset((a, b))
                        together[key] = together.get(key, 0) + 1
    top = sorted(mentions, key=lambda c: -mentions[c])[:1]
    return {"together": together, "top": set(top), "ruled": ruled}


def article_features(pair: tuple[str, str], i: int, article: dict) -> list[str]:
    """What the article says of the pair beyond the sentence: how often they stand together with a
    word of buying, whether the headline (the first sentence) names them so, whether the buyer or
    the company bought is the one the article names most, what the rules read elsewhere."""
    a, b = pair
    out = ["together:" + _near(article["together"].get(frozenset(pair), 0), (1, 2, 3))]
    if i == 0:
        out.append("first_sentence")
    if a in article["top"]:
        out.append("x_most_named")
    if b in article["top"]:
        out.append("y_most_named")
    if (a, b) in article["ruled"]:
        out.append("ruled_in_article")
    elif (b, a) in article["ruled"]:
        out.append("reversed_in_article")
    elif any(b == q for _p, q in article["ruled"]):
        out.append("y_bought_by_another_in_article")
    elif article["ruled"]:
        out.append("other_purchase_in_article")
    else:
        out.append("no_purchase_in_article")
    return out
