"""Summary scores: how central each sentence is to its article.

The score mixes what extractive news summaries reward: the sentence shares the article's
frequent content words (and the headline's), sits early, and is neither a fragment nor a
bare quotation.
"""

from __future__ import annotations

import math
import re
from collections import Counter

STOP = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just like may me might more most
    much must my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say mr mrs ms one two new also year years
    """.split()
)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9'\-]*")


def tokens(text: str) -> list[str]:
    words = _TOKEN.findall(text.lower().replace("\u2019", "'"))
    return [_stem(w) for w in words if w not in STOP and len(w) > 1]


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def score_sentences(sentences: list[str], title: str) -> list[float]:
    if not sentences:
        return []
    bags = [tokens(s) for s in sentences]
    freq = Counter(w for bag in bags for w in bag)
    title_words = set(tokens(title))
    scores = []
    for i, (text, bag) in enumerate(zip(sentences, bags, strict=True)):
        if not bag:
            scores.append(0.0)
            continue
        weight = sum(freq[w] for w in bag)
        centrality = weight / (len(bag) ** 0.5 + 1)
        overlap = len(title_words & set(bag)) / (len(title_words) + 1)
        position = 1.0 / math.sqrt(i + 1)
        length = min(len(text.split()), 30) / 30
        scores.append(centrality * (0.6 + 0.4 * length) + 2.0 * overlap + 1.5 * position + (0.5 if i == 0 else 0.0))
    top = max(scores) or 1.0
    return [s / top for s in scores]
