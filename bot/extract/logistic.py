"""The logistic regression the project's small trained models share (company names,
``company_model``; relation pairs, ``relations.learned``; speakers, ``quotes.fallback``) and their
trainers: a bias and a weight for each feature present, through the logistic function."""

from __future__ import annotations

import math
from itertools import repeat


def sigmoid(z: float) -> float:
    """The logistic function, its argument held within +-30 (beyond, it is 0 or 1 to 13 digits)."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def probability(features, weights: dict[str, float], bias: float) -> float:
    """The probability the weights give to an example with ``features`` (unknown ones weigh 0.0,
    which leaves every partial sum as it was: the same sum as of the known ones alone)."""
    return sigmoid(bias + sum(map(weights.get, features, repeat(0.0))))
