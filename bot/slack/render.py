"""Block Kit for the answers, within Slack's limits, with a plain-text fallback: each answer's
blocks, its "...and N more" note and its buttons. The text inside is escaped and fitted by
:mod:`bot.mrkdwn`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import singledispatch
from itertools import groupby
from operator import attrgetter

from bot.answers import Brief, Evidence, Help, Known, Quotes, RelationFact, Rivals
from bot.answers.commands import SLASH
from bot.answers.model import side_label
from bot.answers.paging import items
from bot.mrkdwn import (
    MAX_BLOCKS,
    MAX_BUTTON_VALUE,
    MAX_CONTEXT,
    MAX_FALLBACK,
    MAX_HEADER,
    MAX_SECTION,
    cite,
    clip,
    fit,
    inline,
    join_within,
    length,
    one_line,
)

SHARE_ACTION = "share_answer"
MORE_ACTION = "more_answer"
MAP_ACTION = "map_answer"  # a /rivals answer's picture: bot.slack.maps

USAGE = {c.name: (c.usage, c.detail) for c in SLASH}
COMMAND_LIST = ", ".join(f"/{c.name}" for c in SLASH)
TIMES = "Times: `this week`, `last month`, `today`, `since 2024-01`, `in December 2004`, `before 2005`."


def _section(text: str) -> dict:
    # every caller builds ``text`` within the limit; ``clip`` is only a last guard
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(text, MAX_SECTION)}}


def _header(raw: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": inline(raw, MAX_HEADER), "emoji": True}}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def _cited(evidence: list[Evidence]) -> list[str]:
    """Each run of sentences from one article, quoted, then that article cited once."""
    if len(evidence) == 1:  # a pair in a list of pairs: one sentence
        return [f"> {inline(evidence[0].sentence, 600)}\n\u2014 {cite(evidence[0].source)}"]
    return [
        "".join(f"> {inline(ev.sentence, 600)}\n" for ev in run) + f"\u2014 {cite(source)}"
        for source, run in groupby(evidence, key=attrgetter("source"))
    ]


class Message:
    """Blocks under construction, kept within the block limit with room for a footer, and
    the plain-text fallback (escaped, like every text Slack parses)."""

    RESERVED = 3  # the "...and N more" note, the "Shared by" note, and the buttons

    def __init__(self) -> None:
        self.blocks: list[dict] = []
        self.lines: list[str] = []
        self.last = ""  # a line the fallback always ends with (the "...and N more" note)

    @property
    def room(self) -> int:
        return MAX_BLOCKS - self.RESERVED - len(self.blocks)

    def add(self, *blocks: dict, fallback: str = "") -> bool:
        if len(blocks) > self.room:
            return False
        self.blocks.extend(blocks)
        if fallback:
            self.lines.append(inline(fallback, 300))
        return True

    def add_each(self, items, block_of) -> int:
        """Add ``block_of(item)`` (a block and its fallback line) for each item while there is
        room; returns how many went in."""
        for shown, item in enumerate(items):
            block, fallback = block_of(item)
            if not self.add(block, fallback=fallback):
                return shown
        return len(items)

    def payload(self) -> dict:
        text, used = [], length(self.last) + 5
        for line in self.lines or ["newsbot"]:
            used += length(line) + 1
            if used > MAX_FALLBACK:
                text.append("...")
                break
            text.append(line)
        if self.last:
            text.append(self.last)
        return {"blocks": self.blocks[:MAX_BLOCKS], "text": "\n".join(text)}


@dataclass
class Shown:
    """What a rendering left out because of the block limit, and how to ask for less."""

    cut: int = 0
    narrow: str = ""


@singledispatch
def _render(answer, message: Message) -> Shown:  # pragma: no cover - each answer type is registered
    raise TypeError(f"cannot render {type(answer).__name__}")


def _empty(message: Message, note: str | None, default: str) -> Shown:
    message.add(_section(fit(note or default, MAX_SECTION)), fallback=note or default)
    return Shown()


def _when(head: str, when: str | None) -> str:
    return f"{head} {when}" if when else head


@_render.register
def _(answer: Brief, message: Message) -> Shown:
    head = _when(f"News about {answer.topic}" if answer.topic else "Latest news", answer.when)
    message.add(_header(head), fallback=f"{head}:")
    if not answer.articles:
        return _empty(message, answer.note, "No articles yet.")
    shown = message.add_each(answer.articles, _article_block)
    return Shown(len(answer.articles) - shown, "`/brief [topic]`")


def _article_block(item) -> tuple[dict, str]:
    head = f"*{cite(item.source)}*"
    summary = one_line(" ".join(item.summary))
    body = fit(summary, MAX_SECTION - length(head) - 1)
    return _section(f"{head}\n{body}"), f"- {item.source.title}: {summary}"


@_render.register
def _(answer: Quotes, message: Message) -> Shown:
    head = _when(answer.heading, answer.when)
    message.add(_header(head), fallback=f"{head}:")
    if not answer.quotes:
        return _empty(message, answer.note, "No quotes found.")
    shown = message.add_each(answer.quotes, _quote_block)
    return Shown(len(answer.quotes) - shown, "a name or a topic: `/quotes [who]`")


def _quote_block(q) -> tuple[dict, str]:
    tail = f"\n\u2014 *{inline(q.attribution, 300)}*, in {cite(q.evidence.source)}"
    said = inline(q.text, MAX_SECTION - length(tail) - 4)
    return _section(f"> \u201c{said}\u201d{tail}"), f"- {q.attribution}: \u201c{q.text}\u201d"  # made one line by add


def _relation_block(fact: RelationFact) -> tuple[dict, str]:
    verb = fact.verb
    said = fact.more_said
    count = f" ({said})" if said else ""
    head = f"*{fit(fact.company, 200)}* {verb} *{fit(fact.other, 200)}*{count}"
    text = join_within([head, *_cited(fact.evidence)], MAX_SECTION)
    return _section(text), f"- {fact.company} {verb} {fact.other}"


@_render.register
def _(answer: Rivals, message: Message) -> Shown:
    head = _when(answer.title, answer.when)
    message.add(_header(head), fallback=f"{head}:")
    if answer.note:
        message.add(_context(fit(answer.note, MAX_CONTEXT)), fallback=answer.note)
    cut = 0
    for side, facts in answer.sections():
        if not facts:
            continue
        label = side_label(side)
        if not message.add(_section(f"*{label}*"), fallback=f"{label}:"):
            cut += len(facts)
            continue
        cut += len(facts) - message.add_each(facts, _relation_block)
    if not answer.total and not answer.note:
        _empty(message, None, "No rivalries or partnerships found.")
    company = fit(answer.company, 100) if answer.company else ""
    return Shown(cut, f"`/rivals {company} [other company]`" if company else "`/rivals [company]`")


KNOWN_HEADS = {"company": "Companies", "person": "People", "product": "Products"}
KNOWN_ASK = {"company": "`/rivals NAME` or `/brief NAME`", "person": "`/quotes NAME`", "product": "`/brief NAME`"}


@_render.register
def _(answer: Known, message: Message) -> Shown:
    head = f"{KNOWN_HEADS[answer.what]} I know most about"
    message.add(_header(head), fallback=f"{head}:")
    if not answer.names:
        return _empty(message, None, "None yet: no articles mention any.")
    lines = []
    for n in answer.names:
        detail = f", {inline(n.detail, 200)}" if n.detail else ""
        lines.append(f"\u2022 *{inline(n.name, 200)}*{detail} ({n.articles:,} article{'s' if n.articles != 1 else ''})")
    text = join_within(lines, MAX_SECTION)
    message.add(
        _section(text),
        _context(f"By the articles that mention them, of {answer.total:,}. Ask about one: {KNOWN_ASK[answer.what]}."),
        fallback=", ".join(n.name for n in answer.names),
    )
    return Shown(len(lines) - (text.count("\n") + 1), "`/brief NAME`")


@_render.register
def _(answer: Help, message: Message) -> Shown:
    if answer.reason:
        message.add(_section(fit(answer.reason, MAX_SECTION)), fallback=answer.reason)
    if answer.topic in USAGE:
        usage, what = USAGE[answer.topic]
        message.add(_section(f"*Usage:* `{usage}`\n{what}"), fallback=f"Usage: {usage}")
        return Shown()
    lines = [f"`{usage}`: {what}" for usage, what in USAGE.values()]
    examples = [f"\u2022 {fit(e, 200)}" for e in answer.examples]
    message.add(
        _section("*I answer from the news articles I have.*\n" + "\n".join(lines)),
        _section("Or mention me, or DM me, in plain English:\n" + "\n".join(examples) + "\n" + TIMES),
        fallback=f"I answer from the news I have: {COMMAND_LIST}, or ask me in plain English.",
    )
    return Shown()


def _button(text: str, action_id: str, value: str) -> dict:
    return {"type": "button", "action_id": action_id, "text": {"type": "plain_text", "text": text}, "value": value}


def render(
    answer,
    *,
    more: int | None = 0,
    more_value: str | None = None,
    share_value: str | None = None,
    shared_by: str | None = None,
    map_value: str | None = None,
) -> dict:
    """``{"blocks": [...], "text": ...}`` for ``answer``.

    ``more``: how many items the answers have beyond those in ``answer`` (``None``: some, not
    counted). ``more_value`` adds a "Show more" button (offered only when everything in
    ``answer`` fitted), ``share_value`` a "Share in channel" button (never on help, nor on an
    answer that found nothing); ``shared_by`` (a user id) notes who shared it; ``map_value``
    adds a "Map" button. Button values longer than Slack allows are left out rather than cut.
    """
    message = Message()
    shown = _render(answer, message)
    expandable = more_value is not None and more != 0 and shown.cut == 0
    if more != 0 or shown.cut:
        count = f" {more + shown.cut:,}" if more is not None else ""
        how = "Show more below, or narrow" if expandable else "Narrow"
        note = f"...and{count} more. {how} it with {shown.narrow}."
        message.blocks.append(_context(note))
        message.last = note
    if shared_by and re.fullmatch(r"[UW][A-Z0-9]{1,20}", shared_by):
        message.blocks.append(_context(f"Shared by <@{shared_by}>"))
    buttons = []
    if expandable and length(more_value) <= MAX_BUTTON_VALUE:
        buttons.append(_button("Show more", MORE_ACTION, more_value))
    # an answer with nothing in it ("nothing found") is no news for the channel
    shareable = answer.kind != "help" and items(answer) > 0
    if share_value is not None and shareable and length(share_value) <= MAX_BUTTON_VALUE:
        buttons.append(_button("Share in channel", SHARE_ACTION, share_value))
    if map_value is not None and length(map_value) <= MAX_BUTTON_VALUE:
        buttons.append(_button("Map", MAP_ACTION, map_value))
    if buttons:
        message.blocks.append({"type": "actions", "elements": buttons})
    return message.payload()


def plain(text: str) -> dict:
    """A short message (a command's reply), escaped, as one section and its fallback."""
    return {"blocks": [_section(fit(text, MAX_SECTION))], "text": fit(text, MAX_FALLBACK)}


def apology() -> dict:
    text = "Sorry, something went wrong while answering. Please try again in a moment."
    return {"blocks": [_section(text)], "text": text}
