"""Block Kit for the answers, within Slack's limits, with a plain-text fallback.

Every piece of text that came from a user or from an article is escaped (``&``, ``<``, ``>``),
so ``<!channel>``, ``<@U123>`` or a link typed by someone never pings or links through the bot.
Every fact cites its article: the headline, linked when the article has a link.
"""

from __future__ import annotations

import json
import re
from functools import singledispatch
from urllib.parse import urlsplit

from bot.answers import Brief, Evidence, Help, Quotes, RelationFact, Rivals, Source

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_CONTEXT = 2000
MAX_FALLBACK = 3000
MAX_BUTTON_VALUE = 2000
SHARE_ACTION = "share_answer"

USAGE = {
    "brief": ("/brief [topic]", "The latest articles, or those about a topic, each summarised. Try `/brief Azure`."),
    "quotes": (
        "/quotes [person | company | topic]",
        "Who said what: a name (`/quotes Nadella`), a role (`/quotes Microsoft CEO`), a company or a topic.",
    ),
    "rivals": (
        "/rivals [company]",
        "Who competes and who partners with a company (`/rivals Sony`); alone, every pair known.",
    ),
    "digest": ("/digest", "The channel's scheduled digest of new articles."),
}


def escape(text: str | None) -> str:
    """Slack's three control characters, escaped: no mention, link or command survives."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def cite(source: Source) -> str:
    """The headline, linked when the article has a safe http(s) link."""
    title = escape(clip(source.title, 200))
    url = source.url or ""
    parts = urlsplit(url) if url else None
    if parts and parts.scheme in ("http", "https") and parts.netloc and not re.search(r"[\s<>|]", url):
        return f"<{url}|{title.replace('|', '/')}>"
    return f"_{title}_"


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(text, MAX_SECTION)}}


def _header(text: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": clip(escape(text), MAX_HEADER), "emoji": True}}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(text, MAX_CONTEXT)}]}


def _evidence(ev: Evidence) -> str:
    return f"> {escape(clip(ev.sentence, 600))}\n\u2014 {cite(ev.source)}"


class Message:
    """Blocks under construction, kept within the block limit with room for a footer."""

    RESERVED = 3  # the "...and N more" note, the share button, and a divider

    def __init__(self) -> None:
        self.blocks: list[dict] = []
        self.lines: list[str] = []  # the plain-text fallback

    @property
    def room(self) -> int:
        return MAX_BLOCKS - self.RESERVED - len(self.blocks)

    def add(self, *blocks: dict, fallback: str = "") -> bool:
        if len(blocks) > self.room:
            return False
        self.blocks.extend(blocks)
        if fallback:
            self.lines.append(escape(fallback))
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
        text = "\n".join(self.lines) or "newsbot"
        return {"blocks": self.blocks[:MAX_BLOCKS], "text": clip(text, MAX_FALLBACK)}


@singledispatch
def _render(answer, message: Message) -> str | None:  # pragma: no cover - each answer type is registered
    raise TypeError(f"cannot render {type(answer).__name__}")


@_render.register
def _(answer: Brief, message: Message) -> str | None:
    head = f"News about {answer.topic}" if answer.topic else "Latest news"
    message.add(_header(head), fallback=f"{head}:")
    if not answer.articles:
        message.add(_section(escape(answer.note or "No articles yet.")), fallback=answer.note or "No articles yet.")
        return None
    shown = message.add_each(answer.articles, _article_block)
    more = answer.total - shown
    return f"...and {more} more. Narrow it with `/brief {escape('<topic>')}`." if more > 0 else None


@_render.register
def _(answer: Quotes, message: Message) -> str | None:
    head = f"Quotes from {answer.matched}" if answer.matched else f"Quotes about {answer.query}"
    message.add(_header(head), fallback=f"{head}:")
    if not answer.quotes:
        note = answer.note or "No quotes found."
        message.add(_section(escape(note)), fallback=note)
        return None
    shown = message.add_each(answer.quotes, _quote_block)
    more = answer.total - shown
    return f"...and more. Narrow it with a name or a topic: `/quotes {escape('<who>')}`." if more > 0 else None


def _article_block(item) -> tuple[dict, str]:
    summary = " ".join(item.summary)
    return _section(f"*{cite(item.source)}*\n{escape(clip(summary, 2500))}"), f"- {item.source.title}: {summary}"


def _quote_block(q) -> tuple[dict, str]:
    said = f"> \u201c{escape(clip(q.text, 2000))}\u201d"
    text = f"{said}\n\u2014 *{escape(q.attribution)}*, in {cite(q.evidence.source)}"
    return _section(text), f'- "{q.text}" ({q.attribution})'


def _relation_blocks(fact: RelationFact) -> tuple[dict, str]:
    verb = "competes with" if fact.type == "competes" else "partners with"
    lines = [f"*{escape(fact.company)}* {verb} *{escape(fact.other)}*"]
    lines += [_evidence(ev) for ev in fact.evidence]
    return _section("\n".join(lines)), f"- {fact.company} {verb} {fact.other}"


@_render.register
def _(answer: Rivals, message: Message) -> str | None:
    head = f"Rivals and partners of {answer.company}" if answer.company else "Rivalries and partnerships"
    message.add(_header(head), fallback=f"{head}:")
    if answer.note:
        message.add(_context(escape(answer.note)), fallback=answer.note)
    cut = 0
    for label, facts in (("Competitors", answer.competes), ("Partners", answer.partners)):
        if not facts:
            continue
        if not message.add(_section(f"*{label}*"), fallback=f"{label}:"):
            cut += len(facts)
            continue
        cut += len(facts) - message.add_each(facts, _relation_blocks)
    if cut:
        hint = f"`/rivals {escape('<company>' if not answer.company else answer.company + ' <other company>')}`"
        return f"...and {cut} more. Narrow it with {hint}."
    return None


@_render.register
def _(answer: Help, message: Message) -> str | None:
    if answer.reason:
        message.add(_section(escape(answer.reason)), fallback=answer.reason)
    if answer.topic in USAGE:
        usage, what = USAGE[answer.topic]
        message.add(_section(f"*Usage:* `{usage}`\n{what}"), fallback=f"Usage: {usage}")
        return None
    lines = [f"`{usage}`: {what}" for usage, what in USAGE.values()]
    examples = [f"\u2022 {escape(e)}" for e in answer.examples if not e.startswith("/")]
    message.add(
        _section("*I answer from the news articles I have.*\n" + "\n".join(lines)),
        _section("Or mention me, or DM me, in plain English:\n" + "\n".join(examples)),
        fallback="I answer from the news I have: /brief, /quotes, /rivals, or ask me in plain English.",
    )
    return None


def render(answer, *, share: tuple[str, str] | None = None, shared_by: str | None = None) -> dict:
    """``{"blocks": [...], "text": ...}`` for ``answer``.

    ``share`` (command, text) adds a "Share in channel" button that re-posts this answer;
    ``shared_by`` (a user id) notes who shared it.
    """
    message = Message()
    more = _render(answer, message)
    if more:
        message.blocks.append(_context(more))
        message.lines.append(more)  # already escaped
    if shared_by and re.fullmatch(r"[UW][A-Z0-9]{1,20}", shared_by):
        message.blocks.append(_context(f"Shared by <@{shared_by}>"))
    if share is not None and answer.kind != "help":
        value = json.dumps({"c": share[0], "t": share[1][:1000]})
        if len(value) <= MAX_BUTTON_VALUE:
            message.blocks.append(
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": SHARE_ACTION,
                            "text": {"type": "plain_text", "text": "Share in channel"},
                            "value": value,
                        }
                    ],
                }
            )
    return message.payload()


def plain(text: str) -> dict:
    """A short message (a command's reply), escaped, as one section and its fallback."""
    body = escape(text)
    return {"blocks": [_section(body)], "text": clip(body, MAX_FALLBACK)}


def apology() -> dict:
    text = "Sorry, something went wrong while answering. Please try again in a moment."
    return {"blocks": [_section(text)], "text": text}
