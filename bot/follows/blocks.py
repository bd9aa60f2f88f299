"""A follow's post as Block Kit (one message for a batch of new articles), and as plain text
for the terminal; every fact with its source, within Slack's limits."""

from __future__ import annotations

import textwrap

from bot.follows.content import Fact, FollowItem
from bot.mrkdwn import MAX_BLOCKS, MAX_FALLBACK, MAX_HEADER, MAX_SECTION, cite, fit, inline, join_within

MAX_ITEMS = 40  # a message's articles: a block each, within Slack's 50


def title(items: list[FollowItem]) -> str:
    names = list(dict.fromkeys(name for item in items for name in item.follows))
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    count = "A new article" if len(items) == 1 else f"{len(items)} new articles"
    return f"{count} about {shown}" if shown else count


def _fact_line(fact: Fact) -> str:
    label = f"New {fact.called}" if fact.new else None
    who = f"{fit(fact.a, 100)} {fact.verb} {fit(fact.b, 100)}"
    head = f"*{label}:* {who}" if label else who
    return f"\u2022 {head}: _{inline(fact.sentence, 250)}_"


def _section(item: FollowItem) -> str:
    parts = [f"*{cite(item.source)}*", inline(" ".join(item.summary), 900)]
    parts += [_fact_line(f) for f in item.facts]
    if item.quote is not None:
        parts.append(f"> \u201c{inline(item.quote.text, 400)}\u201d \u2014 {inline(item.quote.attribution, 200)}")
    return join_within(parts, MAX_SECTION)


def render(items: list[FollowItem]) -> dict:
    head = title(items)
    blocks: list[dict] = [{"type": "header", "text": {"type": "plain_text", "text": fit(head, MAX_HEADER)}}]
    lines = [fit(head, 200)]
    for item in items[:MAX_ITEMS]:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _section(item)}})
        new = "; ".join(f"new {f.called}: {f.a} / {f.b}" for f in item.new_facts)
        lines.append("- " + inline(item.source.title + (f" ({new})" if new else ""), 400))
    names = ", ".join(dict.fromkeys(name for item in items for name in item.follows))
    note = f"Posted because this channel follows {names}. /brief follows lists them; /brief unfollow NAME stops one."
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": fit(note, 1000)}]})
    return {"blocks": blocks[:MAX_BLOCKS], "text": join_within(lines, MAX_FALLBACK)}


def text(items: list[FollowItem]) -> str:
    """The same post as plain text."""
    lines = [title(items), ""]
    for item in items:
        date = f" ({item.source.date})" if item.source.date else ""
        lines.append(f"* {item.source.title}{date}" + (f" <{item.source.url}>" if item.source.url else ""))
        lines.append(textwrap.fill(" ".join(item.summary), 100, initial_indent="    ", subsequent_indent="    "))
        for fact in item.facts:
            label = f"NEW {fact.called}: " if fact.new else ""
            lines.append(f"    - {label}{fact.a} {fact.verb} {fact.b}: {fact.sentence}")
        if item.quote is not None:
            lines.append(f"    > \u201c{item.quote.text}\u201d \u2014 {item.quote.attribution}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
