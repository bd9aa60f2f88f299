"""A digest as plain text, for ``newsbot digest --print``."""

from __future__ import annotations

import textwrap

from bot.digest.content import Digest


def render(digest: Digest) -> str:
    if digest.empty:
        return f"{digest.note}\n"
    lines = ["Your tech news digest", ""]
    for item in digest.items:
        lines.append(f"* {item.source.citation}")
        lines.append(textwrap.fill(" ".join(item.summary), 100, initial_indent="    ", subsequent_indent="    "))
        if item.quote is not None:
            quote = f"\u201c{item.quote.text}\u201d \u2014 {item.quote.attribution}"
            lines.append(textwrap.fill(quote, 100, initial_indent="    > ", subsequent_indent="      "))
        for fact in item.relations:
            verb = fact.verb
            lines.append(f"    - {fact.company} {verb} {fact.other}: {fact.evidence[0].sentence}")
        lines.append("")
    more = digest.total - len(digest.items)
    if more > 0:
        lines.append(f"...and {more} more.")
    return "\n".join(lines).rstrip() + "\n"
