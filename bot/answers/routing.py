"""Questions understood (see :mod:`bot.answers.intent`) answered: each intent to its answer.

A question that asks for nothing the bot does gets :class:`Help` with the reason, never an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.answers.commands import BY_NAME
from bot.answers.intent import Intent, understand
from bot.answers.model import Answer, Help

if TYPE_CHECKING:
    from bot.answers.service import Answers, Zone

EXAMPLES = [  # in plain English: the commands' help is in bot.answers.commands
    "who competes with Sony?",
    "who does Microsoft partner with?",
    "what did analysts say about the iPod?",
    "is Nokia a rival of Motorola?",
    "news from December 2004",
    "which companies do you know?",
]
MORE = "To see more of an answer: 'more' (or Enter) in the terminal, Show more under it in Slack."


def ask(answers: Answers, question: str, *, previous: Intent | None = None, zone: Zone = None) -> Answer:
    return answer(answers, understand(question, previous=previous, zone=zone))


def run_command(answers: Answers, name: str, arg: str, *, zone: Zone = None) -> Answer:
    """A slash command's text: ``help`` (or a bad name) gives its usage."""
    return ask(answers, f"/{name} {arg}".strip(), zone=zone)


def answer(answers: Answers, intent: Intent, *, limit: int | None = None) -> Answer:
    """The answer ``intent`` asks for (see :mod:`bot.answers.commands`)."""
    command = BY_NAME.get(intent.kind)
    if command is not None and command.run is not None:
        return command.run(answers, intent, limit)
    if intent.kind == "more":
        return Help(EXAMPLES, reason=MORE)
    if intent.kind == "help" or intent.reason:
        return Help(EXAMPLES, reason=intent.reason, topic=intent.help_topic)
    return Help(EXAMPLES, reason=f"I'm not sure what you're asking: {intent.text[:200]!r}.")
