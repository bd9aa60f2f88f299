"""How much of an answer was shown, and how much more the store has: what "more" in the
terminal and **Show more** in Slack page on with. Each answer counts its own items
(``item_count``, ``more_count``: see :mod:`bot.answers.model`)."""

from __future__ import annotations

PAGE_LIMIT = 40  # past this many items, narrowing the question beats paging


def items(answer) -> int:
    """How many items (articles, quotes, pairs, names) ``answer`` holds."""
    return answer.item_count()


def more(answer) -> int | None:
    """How many items the store has beyond ``answer``'s: a count, ``None`` for "some, not
    counted" (a count that stopped at its cap, or a pair list that only knows there are more),
    or 0."""
    return answer.more_count()


def at_least(answer) -> str:
    """What :func:`more` counts, as a reader sees it: ``23``, ``100+`` (a capped count) or ``""``."""
    extra = more(answer)
    if extra:
        return f"{extra:,}"
    total = getattr(answer, "capped", False) and answer.total
    if extra is None and total and total > items(answer):
        return f"{total - items(answer):,}+"
    return ""
