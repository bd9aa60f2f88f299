"""Plain English routed to the answers: "who competes with Sony?", "what did Nadella say?".

Routing is by the words of the question (what it asks for) and by the names in it (what it
is about). A question that matches nothing gets :class:`Help` with the reason, never an error.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answers.model import Answer, Help
from storage.fts import STOPWORDS

if TYPE_CHECKING:
    from bot.answers.service import Answers

COMMANDS = ("brief", "quotes", "rivals", "digest", "help")

EXAMPLES = [
    "/brief [topic]: the latest articles, or those about a topic, summarised",
    "/quotes [person|company|topic]: who said what (try a role: /quotes Microsoft CEO)",
    "/rivals [company]: who competes and who partners with a company",
    "who competes with Sony?",
    "what did Microsoft's CEO say?",
    "any news on Azure?",
]

_SUMMARY = re.compile(r"\b(summar\w*|brief\w*|recap\w*|overview|headlines?|tl;?dr)\b")
_QUOTES = re.compile(r"\b(say|says|said|saying|quote[sd]?|quoting|told|tell us|comment\w*|think\w*|thought|opinion)\b")
_RIVALS = re.compile(
    r"\b(compet\w*|rival\w*|versus|vs|against|enem\w*|battl\w*|fight\w*|partner\w*|allian\w*|allies|ally|allied"
    r"|team(?:s|ed|ing)? up|collaborat\w*|work(?:s|ing)? (?:together|with)|friends?)\b"
)
_NEWS = re.compile(r"\b(news|latest|new|happening|happened|updates?|stories|articles?|about)\b")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_HELP = re.compile(r"^\s*(help|\?|commands|usage|what can you do\??|how do i use (you|this)\??)\s*$")
_FILLER = re.compile(
    r"\b(summar\w*|brief|recap|overview|headlines?|quotes?|quoting|comments?|thinks?|thought|opinion"
    r"|compet\w*|rival\w*|versus|vs|against|enem\w*|battl\w*|fight\w*|partner\w*|allian\w*|allies|ally|allied"
    r"|team(?:s|ed|ing)?|up|collaborat\w*|together|friends?|stories|articles?|updates?|happening|happened"
    r"|new|anything|something|give|show|please|hey|hi|hello|me)\b"
)


def subject_of(question: str) -> str:
    """The words of a question that say what it is about: ``who competes with Sony?`` -> ``Sony``."""
    kept = []
    for token in question.split():
        word = token.strip(".,;:!?()[]{}\"'\u201c\u201d\u2018\u2019").casefold()
        base = _POSSESSIVE.sub("", word)
        if not base or base in STOPWORDS or _FILLER.fullmatch(base):
            continue
        kept.append(token.strip('.,;:!?()[]{}"\u201c\u201d'))
    return " ".join(kept)


def ask(answers: Answers, question: str) -> Answer:
    text = " ".join((question or "").split())
    if not text or _HELP.match(text.casefold()):
        return Help(EXAMPLES)
    command, _, rest = text.partition(" ")
    name = command.lstrip("/").casefold()
    if command.startswith("/") or (name in COMMANDS and not rest):
        return run_command(answers, name, rest)
    low = text.casefold()
    subject = subject_of(text)
    if _SUMMARY.search(low):
        return answers.brief(subject or None)
    if _QUOTES.search(low):
        return answers.quotes(subject or None)
    if _RIVALS.search(low):
        return answers.rivals(subject or None)
    if not subject:
        if _NEWS.search(low):
            return answers.brief(None)
        return Help(EXAMPLES, reason=f"I'm not sure what you're asking: {text[:200]!r}.")
    brief = answers.brief(subject)
    if brief.articles:
        return brief
    return Help(EXAMPLES, reason=f"I found nothing about {subject[:200]!r} in the news I have.")


def run_command(answers: Answers, name: str, arg: str) -> Answer:
    """A slash command's text: ``help`` (or a bad name) gives its usage."""
    arg = arg.strip()
    if name not in COMMANDS:
        return Help(EXAMPLES, reason=f"There is no /{name[:40]} command.")
    if name == "help" or arg.casefold() in {"help", "-h", "--help", "?"}:
        return Help(EXAMPLES, topic=None if name == "help" else name)
    if name == "digest":
        return Help(
            EXAMPLES, topic="digest", reason="Digests are scheduled in Slack; here, newsbot digest --print shows one."
        )
    if name == "brief":
        return answers.brief(arg or None)
    if name == "quotes":
        return answers.quotes(arg or None)
    return answers.rivals(arg or None)
