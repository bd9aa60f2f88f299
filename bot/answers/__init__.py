"""The answers layer: plain-data facts with their evidence and sources. No Slack here."""

from bot.answers.model import (
    Answer,
    ArticleBrief,
    Brief,
    Evidence,
    Help,
    Known,
    KnownName,
    QuoteFact,
    Quotes,
    RelationFact,
    Rivals,
    Source,
)
from bot.answers.routing import EXAMPLES, ask, run_command
from bot.answers.service import Answers

__all__ = [
    "EXAMPLES",
    "Answer",
    "Answers",
    "ArticleBrief",
    "Brief",
    "Evidence",
    "Help",
    "Known",
    "KnownName",
    "QuoteFact",
    "Quotes",
    "RelationFact",
    "Rivals",
    "Source",
    "ask",
    "prepare",
    "run_command",
]


def prepare() -> None:
    """Import and compile what answers otherwise make when first needed (the fuzzy name
    matcher, the patterns that read questions, times and roles): a server calls it once it
    serves, so that no later question waits for them, and its start does not either."""
    import rapidfuzz.distance
    import rapidfuzz.process  # noqa: F401

    from bot.answers import intent, roles, timespan

    intent.compile_patterns()
    roles.compile_patterns()
    timespan.patterns()
