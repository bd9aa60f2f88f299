"""Answers as plain text for the terminal: each fact, its evidence, its source and its date,
wrapped to the terminal's width.

``skip`` leaves out the items a page before showed (the chat's ``more`` asks for the same
answer with more items and shows the new ones); ``more`` says how to see the rest: ``"chat"``
(type more), ``"ask"`` (one question: narrow it, or page in ``newsbot chat``).
"""

from __future__ import annotations

import textwrap
from functools import singledispatch
from itertools import groupby
from operator import attrgetter

from bot.answers import Brief, Evidence, Help, Known, Quotes, RelationFact, Rivals
from bot.answers.commands import SLASH
from bot.answers.model import side_label
from bot.answers.paging import at_least

WIDTH = 100  # the widest a line is wrapped to, however wide the terminal
MIN_WIDTH = 40
USAGE = {c.name: c.line for c in SLASH}
TIMES = "Times: this week, last month, today, since 2024-01, in December 2004, before 2005, the past 3 days."
NARROW = {
    "brief": "narrow the topic",
    "quotes": "narrow with a name or a topic",
    "known": "ask about one",
}


class _Text:
    """Lines being written, wrapped to ``width``."""

    def __init__(self, width: int, mode: str = "ask"):
        self.width = max(MIN_WIDTH, min(width, WIDTH))
        self.mode = mode
        self.lines: list[str] = []

    def wrap(self, text: str, indent: str, rest: str | None = None) -> None:
        """``text`` filled to the width; ``rest`` indents the lines after the first (a bullet's
        continuation lines are indented, not bulleted again)."""
        rest = indent if rest is None else rest
        self.lines.append(
            textwrap.fill(text, width=self.width, initial_indent=indent, subsequent_indent=rest, break_on_hyphens=False)
        )

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def cited(self, evidence: list[Evidence], indent: str = "      ") -> None:
        """Each run of sentences from one article, quoted, then that article cited once."""
        for source, run in groupby(evidence, key=attrgetter("source")):
            for ev in run:
                self.wrap(ev.sentence, indent + "> ")
            self.wrap(source.citation, indent + "  \u2014 ", indent + "    ")

    def text(self) -> str:
        return "\n".join(self.lines).strip("\n")


def render(answer, *, width: int = WIDTH, skip: int = 0, more: str = "ask") -> str:
    out = _Text(width, more)
    _render(answer, out, skip)
    if skip == 0 or out.lines:
        left = at_least(answer)
        if left or getattr(answer, "more", None) is True:
            count = f" {left}" if left else ""
            if more == "chat":
                out.add("", f"...and{count} more: type more (or press Enter) to see them.")
            else:
                out.add("", f"...and{count} more; {_narrow(answer)}, or type more in newsbot chat.")
    return out.text()


def _narrow(answer) -> str:
    if isinstance(answer, Rivals):
        return (
            f"narrow with /rivals {answer.company} [other company]"
            if answer.company
            else "narrow with /rivals [company]"
        )
    return NARROW.get(answer.kind, "narrow the question")


@singledispatch
def _render(answer, out: _Text, skip: int) -> None:  # pragma: no cover - every answer type is registered below
    raise TypeError(f"cannot render {type(answer).__name__}")


def _heading(what: str, when: str | None) -> str:
    return f"{what} {when}" if when else what


@_render.register
def _(answer: Brief, out: _Text, skip: int) -> None:
    if not answer.articles:
        out.wrap(answer.note or "No articles yet. Add some with: newsbot ingest PATH", "")
        return
    head = _heading(f"News about {answer.topic}" if answer.topic else "Latest news", answer.when)
    plus = "+" if answer.capped else ""
    shown = answer.articles[skip:]
    if not shown:
        return
    numbers = f"{skip + 1}-{len(answer.articles)}" if skip else f"{len(answer.articles)}"
    out.wrap(f"{head} ({numbers} of {answer.total:,}{plus}):", "")
    for item in shown:
        out.add("")
        out.wrap(item.source.citation, "  * ", "    ")
        for sentence in item.summary:
            out.wrap(sentence, "      ")


@_render.register
def _(answer: Quotes, out: _Text, skip: int) -> None:
    if not answer.quotes:
        out.wrap(answer.note or "No quotes found.", "")
        return
    shown = answer.quotes[skip:]
    if not shown:
        return
    out.wrap(_heading(answer.heading, answer.when) + ":", "")
    for q in shown:
        out.add("")
        out.wrap(f"\u201c{q.text}\u201d", "  > ")
        out.wrap(f"\u2014 {q.attribution}, in {q.evidence.source.citation}", "      ", "        ")


def _relation(out: _Text, fact: RelationFact) -> None:
    verb = fact.verb
    said = fact.more_said
    count = f" ({said})" if said else ""
    out.wrap(f"{fact.company} {verb} {fact.other}{count}", "  * ", "    ")
    out.cited(fact.evidence)


@_render.register
def _(answer: Rivals, out: _Text, skip: int) -> None:
    sections = [(side, facts[skip:]) for side, facts in answer.sections()]
    if skip and not any(facts for _side, facts in sections):
        return
    if answer.note and not skip:
        out.wrap(answer.note, "")
    elif answer.when and answer.company and not skip:
        out.wrap(f"Rivals and partners of {answer.company} {answer.when}:", "")
    for side, facts in sections:
        if facts:
            out.add("", side_label(side, of_company=bool(answer.company)) + ":")
            for fact in facts:
                _relation(out, fact)


@_render.register
def _(answer: Known, out: _Text, skip: int) -> None:
    plural = {"company": "Companies", "person": "People", "product": "Products"}[answer.what]
    if not answer.names:
        out.wrap(f"{plural}: none yet. Add articles with: newsbot ingest PATH", "")
        return
    shown = answer.names[skip:]
    if not shown:
        return
    if not skip:
        out.wrap(f"{plural} I know most about, by the number of articles that mention them ({answer.total:,}):", "")
        out.add("")
    for n in shown:
        detail = f", {n.detail}" if n.detail else ""
        out.wrap(f"{n.name}{detail} ({n.articles:,} article{'s' if n.articles != 1 else ''})", "  * ", "    ")
    if not skip:
        ask = {"company": "/rivals NAME or /brief NAME", "person": "/quotes NAME", "product": "/brief NAME"}
        out.add("", f"Ask about one: {ask[answer.what]}.")


@_render.register
def _(answer: Help, out: _Text, skip: int) -> None:
    if answer.reason:
        out.wrap(answer.reason, "")
    if answer.topic in USAGE:
        out.wrap("Usage: " + USAGE[answer.topic], "", "       ")
        return
    out.add("I answer from the news articles in my store. Try:")
    for line in USAGE.values():
        out.wrap(line, "  ", "                           ")
    out.add("Or ask in plain English:")
    for example in answer.examples:
        out.wrap(example, "  ")
    out.wrap(TIMES, "")
    if out.mode == "chat":
        out.add("In this chat: more (or Enter) shows more of the last answer; quit (or Ctrl-D) leaves.")
