"""What the bot answers, one entry each: the slash command's name and help, the answer it runs,
and what Slack's manifest says of it.

Routing (:mod:`bot.answers.routing`), the reading of a slash command (:mod:`bot.answers.intent`),
the Slack listeners, Show more and Share, both help texts and ``manifest.yaml`` (see
``bot/slack/manifest.py``) read this table. A new command is an entry here, its answer, and its
test. An answer's items page by its own ``items()`` and ``more()`` (see :mod:`bot.answers.model`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.answers.intent import Intent
    from bot.answers.model import Answer
    from bot.answers.service import Answers


@dataclass(frozen=True)
class Command:
    name: str  # the intent's kind; typed as /name when ``slash``
    run: Callable[[Answers, Intent, int | None], Answer] | None  # None: not answered from the store
    usage: str = ""  # how it is typed, in Slack's help
    detail: str = ""  # what it does, in Slack's help (`backticks`: what to type)
    line: str = ""  # its line in the terminal's help
    description: str = ""  # the manifest's description
    hint: str = ""  # the manifest's usage_hint
    slash: bool = True
    elsewhere: str | None = None  # why it is not answered here (a slash command Slack runs itself)


COMMANDS: tuple[Command, ...] = (
    Command(
        "brief",
        lambda answers, intent, limit: answers.brief(intent.subject, when=intent.when, limit=limit),
        usage="/brief [topic] [time]",
        detail="The latest articles, or those about a topic or from a time, each summarised: `/brief Azure`,"
        " `/brief Nvidia this week`, `/brief news from December 2004`. `/brief add URL` adds a web page's story;"
        " `/brief follow Sony` posts each new article about Sony here.",
        line="/brief [topic] [time]   the latest articles, or those about a topic (/brief Nvidia this week)",
        description="The latest tech news, or the news about a topic, summarised",
        hint="[topic] [this week | since 2024-01] | add URL | follow NAME | help",
    ),
    Command(
        "quotes",
        lambda answers, intent, limit: answers.quotes(
            intent.subject, topic=intent.topic, role=intent.role, when=intent.when, limit=limit
        ),
        usage="/quotes [person | company | role | topic] [about topic]",
        detail="Who said what: a name (`/quotes Nadella`), a role (`/quotes Microsoft CEO`, `/quotes analysts about"
        " the iPod`), a company or a topic.",
        line="/quotes [who|topic]     who said what: a person, a company, a role (Microsoft CEO) or a topic",
        description="Who said what, with name, role and source",
        hint="[person | company | role | topic] [about topic] | help",
    ),
    Command(
        "rivals",
        lambda answers, intent, limit: answers.rivals(
            intent.subject, relation=intent.relation, when=intent.when, limit=limit
        ),
        usage="/rivals [company] [other] [time]",
        detail="Who competes with, partners with, bought or was bought by a company (`/rivals Sony`,"
        " `/rivals Sony since 2024-01`), or between two (`/rivals Sony Microsoft`); alone, the latest pairs."
        " `/rivals Sony map` draws them.",
        line="/rivals [company] [other]  who competes, partners with or bought a company, or with another",
        description="Who competes, partners with or bought whom",
        hint="[company] [other company] [since 2024-01] | [company] map | help",
    ),
    Command(
        "digest",
        None,
        usage="/digest daily HH:MM | status | now | off | feeds add URL",
        detail="A digest of new articles in this channel every day (`/digest daily 08:30`), its status, one now;"
        " `/digest feeds add URL | list | poll | remove URL`: the RSS/Atom feeds the news comes from.",
        line="/digest                 the channel's scheduled digest (in Slack); here: newsbot digest --print",
        description="A daily news digest in this channel, at its own time and time zone",
        hint="daily HH:MM [Area/City] | weekdays HH:MM | status | now | off | feeds add URL | help",
        elsewhere="Digests are scheduled in Slack; here, newsbot digest --print shows one.",
    ),
    Command(
        "known",
        lambda answers, intent, limit: answers.known(intent.known or "company", limit=limit),
        slash=False,
    ),
)

BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS}
SLASH: tuple[Command, ...] = tuple(c for c in COMMANDS if c.slash)
# the slash commands answered from the store: what a button (Show more, Share) can ask again
ANSWERED: tuple[str, ...] = tuple(c.name for c in SLASH if c.run is not None)
