"""The App Home tab: for the person who opens it, the latest briefing (top stories with their
dates), what they follow (in their DM, and in the channels where they set a follow up), the
digests they set up in their channels (schedule, next run, last result), what the bot knows
most about, and how to ask. Built from the same plain answers as every reply, within
Block Kit's limits for a view (100 blocks), every text escaped and fitted like a message's."""

from __future__ import annotations

import re

from bot.answers import Answers, Brief, Help, Known
from bot.answers.routing import EXAMPLES
from bot.mrkdwn import MAX_HEADER, MAX_SECTION, cite, fit, inline, join_within
from bot.slack.render import USAGE

MAX_VIEW_BLOCKS = 100
STORIES = 5
CHANNELS = 20  # digests listed; past that, how many more
FOLLOWS = 30  # follows listed
_CHANNEL = re.compile(r"[CGD][A-Z0-9]{1,20}")  # a channel id, linked as <#C123>


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:MAX_SECTION]}}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:2000]}]}


def _divider() -> dict:
    return {"type": "divider"}


def view(answers: Answers, user: str, digests=None, follows=None, *, team: str | None = None) -> dict:
    """The Home tab of ``user``: a ``views.publish`` view. ``digests``
    (``bot.digest.commands.DigestCommands``) lists the digests they set up, ``follows``
    (``bot.follows.commands.FollowCommands``) what they follow; ``team``: in that workspace."""
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": fit("newsbot", MAX_HEADER)}},
        _context(
            "Tech news from the articles I have, every fact with its source. This page is new each time you open it."
        ),
    ]
    blocks += _briefing(answers.brief(limit=STORIES))
    blocks += _follows(follows.of_person(user, limit=FOLLOWS + 1, team=team) if follows is not None else None, user)
    blocks += _digests(digests.of_user(user, limit=CHANNELS + 1, team=team) if digests is not None else None)
    blocks += _known(answers.known("company"))
    blocks += _how_to_ask(Help(EXAMPLES))
    return {"type": "home", "blocks": blocks[:MAX_VIEW_BLOCKS]}


def _briefing(brief: Brief) -> list[dict]:
    blocks = [_divider(), _section("*The latest briefing*")]
    if not brief.articles:
        return [*blocks, _section(fit(brief.note or "No articles yet.", MAX_SECTION))]
    for item in brief.articles:
        head = f"*{cite(item.source)}*"
        summary = fit(" ".join(item.summary), MAX_SECTION - len(head) - 1)
        blocks.append(_section(f"{head}\n{summary}"))
    more = brief.total - len(brief.articles)
    tail = f"{more:,} more: " if more > 0 else ""
    blocks.append(_context(f"{tail}`/brief` for the latest, `/brief [topic] [time]` for more on one."))
    return blocks


def _where(channel: str, user: str) -> str:
    if channel == user:
        return "your DM"
    return f"<#{channel}>" if _CHANNEL.fullmatch(channel) else fit(channel, 40)


def _follows(found, user: str) -> list[dict]:
    if found is None:
        return []
    blocks = [_divider(), _section("*What you follow*")]
    if not found:
        return [
            *blocks,
            _section("Nothing yet. `/brief follow Nvidia` posts each new article about Nvidia where you ask it."),
        ]
    lines = [f"\u2022 {inline(f['name'], 100)} ({f['kind']}), in {_where(f['channel'], user)}" for f in found[:FOLLOWS]]
    blocks.append(_section(join_within(lines, MAX_SECTION)))
    more = "...and more. " if len(found) > FOLLOWS else ""
    blocks.append(_context(f"{more}`/brief follows` in a channel lists its own; `/brief unfollow NAME` stops one."))
    return blocks


def _digests(found) -> list[dict]:
    blocks = [_divider(), _section("*Your channels' digests*")]
    if found is None:
        return [*blocks, _section("Digests are not running in this process.")]
    if not found:
        return [*blocks, _section("You have set up no digest. In a channel: `/digest daily 08:30`.")]
    for digest in found[:CHANNELS]:
        where = _where(digest.channel, "")
        lines = [f"{where}: {inline(digest.schedule, 200)}"]
        if digest.paused:
            lines.append(f"Paused: {inline(digest.paused, 500)}")
        elif digest.next_run:
            lines.append(f"Next: {inline(digest.next_run, 100)}")
        lines.append(f"Last: {inline(digest.last, 500)}" if digest.last else "Last: none yet")
        blocks.append(_section(join_within(lines, MAX_SECTION)))
    if len(found) > CHANNELS:
        blocks.append(_context("...and more: `/digest status` in a channel shows its own."))
    return blocks


def _known(known: Known) -> list[dict]:
    if not known.names:
        return []
    names = ", ".join(f"{inline(n.name, 100)} ({n.articles:,})" for n in known.names)
    return [
        _divider(),
        _section("*What I know most about*\n" + fit(names, MAX_SECTION - 40)),
        _context("By the number of articles that mention them. `which companies do you know?` in a DM lists more."),
    ]


def _how_to_ask(help: Help) -> list[dict]:
    usage = "\n".join(f"`{usage}`: {what}" for usage, what in USAGE.values())
    examples = "\n".join(f"\u2022 {fit(e, 200)}" for e in help.examples)
    return [
        _divider(),
        _section("*How to ask*\n" + usage),
        _section("Or in plain English, in a DM (the Messages tab) or mentioning me in a channel:\n" + examples),
    ]
