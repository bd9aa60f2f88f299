"""Answers as plain text for the terminal: each fact, its evidence, its source."""

from __future__ import annotations

import textwrap
from functools import singledispatch
from itertools import groupby
from operator import attrgetter

from bot.answers import Brief, Evidence, Help, Quotes, RelationFact, Rivals, Source

WIDTH = 100
USAGE = {
    "brief": "/brief [topic]       the latest articles, or those about a topic, summarised",
    "quotes": "/quotes [who|topic]  who said what; a person, a company, a role (Microsoft CEO) or a topic",
    "rivals": "/rivals [company]    who competes and who partners with a company (two: that pair); alone, every pair",
    "digest": "/digest              the channel's scheduled digest (in Slack); here: newsbot digest --print",
}


def _wrap(text: str, indent: str, rest: str | None = None) -> str:
    """``text`` filled to :data:`WIDTH`; ``rest`` indents the lines after the first (a bullet's
    continuation lines are indented, not bulleted again)."""
    rest = indent if rest is None else rest
    return textwrap.fill(text, width=WIDTH, initial_indent=indent, subsequent_indent=rest)


def cite(source: Source) -> str:
    where = f" <{source.url}>" if source.url else ""
    when = f" ({source.date})" if source.date else ""
    return f"[{source.title}]{when}{where}"


def _cited(evidence: list[Evidence], indent: str = "      ") -> list[str]:
    """Each run of sentences from one article, quoted, then that article cited once."""
    lines = []
    for source, run in groupby(evidence, key=attrgetter("source")):
        lines += [_wrap(ev.sentence, indent + "> ") for ev in run]
        lines.append(indent + "  \u2014 " + cite(source))
    return lines


@singledispatch
def render(answer) -> str:  # pragma: no cover - every answer type is registered below
    raise TypeError(f"cannot render {type(answer).__name__}")


@render.register
def _(answer: Brief) -> str:
    if not answer.articles:
        return answer.note or "No articles yet. Add some with: newsbot ingest PATH"
    head = f"News about {answer.topic}" if answer.topic else "Latest news"
    plus = "+" if answer.capped else ""
    lines = [f"{head} ({len(answer.articles)} of {answer.total:,}{plus}):"]
    for item in answer.articles:
        lines.append("")
        lines.append(_wrap(cite(item.source), "  * ", "    "))
        lines.extend(_wrap(sentence, "      ") for sentence in item.summary)
    if answer.total > len(answer.articles):
        more = answer.total - len(answer.articles)
        lines += ["", f"...and {more:,}{plus} more; narrow the topic to see them."]
    return "\n".join(lines)


@render.register
def _(answer: Quotes) -> str:
    if not answer.quotes:
        return answer.note or "No quotes yet."
    head = f"Quotes from {answer.matched}" if answer.matched else f"Quotes about {answer.query}"
    lines = [head + ":"]
    for q in answer.quotes:
        lines.append("")
        lines.append(_wrap(f"\u201c{q.text}\u201d", "  > "))
        lines.append(f"      \u2014 {q.attribution}, in {cite(q.evidence.source)}")
    if answer.total > len(answer.quotes):
        lines += ["", "...and more; narrow with a name or a topic."]
    return "\n".join(lines)


def _relation(fact: RelationFact) -> list[str]:
    verb = "competes with" if fact.type == "competes" else "partners with"
    said = fact.more_said
    count = f" ({said})" if said else ""
    lines = [f"  * {fact.company} {verb} {fact.other}{count}"]
    lines.extend(_cited(fact.evidence))
    return lines


@render.register
def _(answer: Rivals) -> str:
    lines = []
    if answer.note:
        lines.append(answer.note)
    if answer.competes:
        lines += ["", "Competitors:" if answer.company else "Rivalries:"]
        for fact in answer.competes:
            lines += _relation(fact)
    if answer.partners:
        lines += ["", "Partners:" if answer.company else "Partnerships:"]
        for fact in answer.partners:
            lines += _relation(fact)
    if answer.more:
        narrow = f"/rivals {answer.company} [other company]" if answer.company else "/rivals [company]"
        lines += ["", f"...and more; narrow with {narrow}."]
    return "\n".join(lines).strip()


@render.register
def _(answer: Help) -> str:
    lines = []
    if answer.reason:
        lines.append(answer.reason)
    if answer.topic in USAGE:
        lines.append("Usage: " + USAGE[answer.topic])
        return "\n".join(lines)
    lines.append("I answer from the news articles in my store. Try:")
    lines += [f"  {line}" for line in USAGE.values()]
    lines.append("Or ask in plain English:")
    lines += [f"  {example}" for example in answer.examples if not example.startswith("/")]
    return "\n".join(lines)
