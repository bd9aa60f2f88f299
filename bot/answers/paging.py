"""How much of an answer was shown, and how much more the store has: what "more" in the
terminal and **Show more** in Slack page on with."""

from __future__ import annotations

from bot.answers.model import Brief, Known, Quotes, Rivals

PAGE_LIMIT = 40  # past this many items, narrowing the question beats paging


def items(answer) -> int:
    """How many items (articles, quotes, pairs, names) ``answer`` holds."""
    if isinstance(answer, Brief):
        return len(answer.articles)
    if isinstance(answer, Quotes):
        return len(answer.quotes)
    if isinstance(answer, Rivals):
        return len(answer.competes) + len(answer.partners)
    if isinstance(answer, Known):
        return len(answer.names)
    return 0


def more(answer) -> int | None:
    """How many items the store has beyond ``answer``'s: a count, ``None`` for "some, not
    counted" (a count that stopped at its cap, or a pair list that only knows there are more),
    or 0."""
    if isinstance(answer, Brief | Quotes):
        extra = max(0, answer.total - items(answer))
        return None if extra and answer.capped else extra
    if isinstance(answer, Known):
        return max(0, answer.total - items(answer))
    if isinstance(answer, Rivals):
        if answer.totals is not None:
            return max(0, answer.totals[0] - len(answer.competes)) + max(0, answer.totals[1] - len(answer.partners))
        return None if answer.more else 0
    return 0


def at_least(answer) -> str:
    """What :func:`more` counts, as a reader sees it: ``23``, ``100+`` (a capped count) or ``""``."""
    extra = more(answer)
    if extra:
        return f"{extra:,}"
    if extra is None and isinstance(answer, Brief | Quotes) and answer.total > items(answer):
        return f"{answer.total - items(answer):,}+"
    return ""
