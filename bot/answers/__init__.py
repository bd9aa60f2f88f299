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
    "run_command",
]
