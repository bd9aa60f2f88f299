"""A digest as Block Kit, within Slack's limits, every fact with its source."""

from __future__ import annotations

from bot.digest.content import Digest, DigestItem
from bot.mrkdwn import MAX_BLOCKS, MAX_FALLBACK, MAX_HEADER, MAX_SECTION, cite, fit, inline, join_within

TITLE = "Your tech news digest"
RELATIONS_SHOWN = 4


def render(digest: Digest, *, period: str | None = None) -> dict:
    head = TITLE + (f" for {period}" if period and not period.startswith("manual") else "")
    blocks: list[dict] = [{"type": "header", "text": {"type": "plain_text", "text": fit(head, MAX_HEADER)}}]
    lines = [fit(head, 200)]
    shown = 0
    for item in digest.items:
        if len(blocks) + 2 > MAX_BLOCKS - 1:
            break
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _section(item)}})
        blocks.append({"type": "divider"})
        lines.append("- " + inline(item.source.title, 300))
        shown += 1
    more = digest.total - shown
    if more > 0:
        note = f"...and {more} more. Ask with /brief for the rest."
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
        lines.append(note)
    return {"blocks": blocks[:MAX_BLOCKS], "text": join_within(lines, MAX_FALLBACK)}


def _section(item: DigestItem) -> str:
    """The article's lines, each escaped and fitted on its own (a cut never falls inside a link
    or an entity), added while the section stays within Slack's limit."""
    parts = [f"*{cite(item.source)}*", inline(" ".join(item.summary), 1000)]
    if item.quote is not None:
        said = inline(item.quote.text, 500)
        parts.append(f"> \u201c{said}\u201d \u2014 {inline(item.quote.attribution, 200)}")
    for fact in item.relations[:RELATIONS_SHOWN]:
        verb = fact.verb
        who = f"{fit(fact.company, 100)} {verb} {fit(fact.other, 100)}"
        parts.append(f"\u2022 {who}: _{inline(fact.evidence[0].sentence, 250)}_")
    return join_within(parts, MAX_SECTION)
