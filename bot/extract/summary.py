"""Summary scores: how central each sentence is to its article.

A sentence is central when it is made of the article's frequent content words. Measures of
that, all from the article's own word counts:

- *centrality*: the cosine between the sentence's words and the whole article's;
- *density*: the frequencies of its words summed and divided by its length to a power
  (1, 0.7, 0.5, 0.3: from "only main words" to "much of the article in one sentence").

Each measure enters as its value and as the sentence's rank within the article, since what
matters is being more central than the other sentences. A logistic model turns them into the
chance that the sentence belongs in a summary; its weights (:data:`WEIGHTS`, eight numbers)
were fitted on the 200 BBC articles of ``../shared/corpus/bbc-tech`` against their reference
summaries, and hold up when fitted on one half and measured on the other.

Ranking: the :data:`HEAD` sentences with most expected summary words (chance x length) come
first, so that a short summary says much; the rest follow by chance alone. ROUGE-1 on the 200
articles: top-k .83, top-3 .56 (lead-k .67, sumy TextRank .78; top-3: lead .40, TextRank .54).
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import chain

HEAD = 3
DENSITY_EXPONENTS = (1.0, 0.7, 0.5, 0.3)
# logistic weights: bias, centrality, its rank, the ranks of the four densities, log length
WEIGHTS = (-4.37, 2.26, 5.49, 2.16, 0.60, -2.45, 1.01, -0.48)

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
# a word: a letter or a digit, then letters, digits, apostrophes and hyphens ([a-z0-9][a-z0-9'-]*, of
# the lowered text): every other character is made a space and the text split, at C speed; a run
# that opens with an apostrophe or a hyphen is the word after them
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'-")
_ASCII_SPACES = {c: c if chr(c) in _WORD_CHARS else 32 for c in range(128)}  # (str.translate's fast table)


class _Spaces(dict):
    """:data:`_ASCII_SPACES`, and a space for every other character but the curly apostrophe."""

    def __missing__(self, code: int) -> int:
        return 32


_SPACES = _Spaces(_ASCII_SPACES)
_SPACES[0x2019] = ord("'")


def tokens(text: str) -> list[str]:
    """Content words, lower case and crudely stemmed."""
    lowered = text.lower()
    runs = lowered.translate(_ASCII_SPACES if lowered.isascii() else _SPACES).split()
    return list(filter(None, map(_CONTENT.__getitem__, runs)))


class _Content(dict):
    """A run of word characters -> its word's stem, or "" for a stop word or a single character
    (kept for the first 65,536 runs a process reads)."""

    def __missing__(self, run: str) -> str:
        word = run.lstrip("'-")
        stem = _stem(word) if word not in STOP and len(word) > 1 else ""
        if len(self) < 65536:
            self[run] = stem
        return stem


_CONTENT = _Content()


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _ranks(values: list[float]) -> list[float]:
    """1 for the highest value, 0 for the lowest (ties: the earlier sentence first)."""
    order = sorted(range(len(values)), key=values.__getitem__, reverse=True)  # (a stable sort: ties in order)
    top = max(len(values) - 1, 1)
    ranks = [0.0] * len(values)
    for rank, i in enumerate(order):
        ranks[i] = 1 - rank / top
    return ranks


def _chances(bags: list[list[str]]) -> list[float]:
    """The chance, per sentence, that a summary keeps it."""
    freq = Counter(chain.from_iterable(bags))
    article_norm = math.sqrt(sum(n * n for n in freq.values())) or 1.0
    # a sentence's dot product with the article is the sum of its words' counts in the article
    totals = [sum(map(freq.__getitem__, bag)) for bag in bags]
    centrality = []
    for bag, total in zip(bags, totals, strict=True):
        counts: dict[str, int] = {}
        for word in bag:
            counts[word] = counts.get(word, 0) + 1
        norm = math.sqrt(sum([n * n for n in counts.values()])) or 1.0
        centrality.append(total / norm / article_norm)
    top = max(centrality) or 1.0
    lengths = [max(len(bag), 1) for bag in bags]
    features = [[c / top for c in centrality], _ranks(centrality)]
    for exponent in DENSITY_EXPONENTS:
        features.append(_ranks([t / n**exponent for t, n in zip(totals, lengths, strict=True)]))
    features.append([math.log(n) for n in lengths])
    bias, *weights = WEIGHTS
    chances = []
    for bag, row in zip(bags, zip(*features, strict=True), strict=True):
        z = bias + sum([w * f for w, f in zip(weights, row, strict=True)])
        chances.append(1 / (1 + math.exp(-z)) if bag else 0.0)
    return chances


def score_sentences(sentences: list[str]) -> list[float]:
    """A score per sentence, higher for more central ones; every score is in [0, HEAD + 1)."""
    if not sentences:
        return []
    chances = _chances([tokens(s) for s in sentences])
    scores = [c * 0.999 for c in chances]
    expected = [c * len(s.split()) for c, s in zip(chances, sentences, strict=True)]
    head = sorted(range(len(sentences)), key=lambda i: (-expected[i], i))[:HEAD]
    for rank, i in enumerate(head):
        if chances[i] > 0:
            scores[i] = 1.0 + (HEAD - rank)
    return scores
