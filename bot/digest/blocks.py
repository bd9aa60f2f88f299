"""A digest as Block Kit, within Slack's limits, every fact with its source."""

from __future__ import annotations

from bot.digest.content import Digest
from bot.slack.render import MAX_BLOCKS, MAX_HEADER, MAX_SECTION, cite, clip, escape

TITLE = "Your tech news digest"


def render(digest: Digest, *, period: str | None = None) -> dict:
    head = TITLE + (f" for {period}" if period and not period.startswith("manual") else "")
    blocks: list[dict] = [{"type": "header", "text": {"type": "plain_text", "text": clip(head, MAX_HEADER)}}]
    lines = [head]
    shown = 0
    for item in digest.items:
        if len(blocks) + 2 > MAX_BLOCKS - 1:
            break
        parts = [f"*{cite(item.source)}*", escape(clip(" ".join(item.summary), 1000))]
        if item.quote is not None:
            who = escape(item.quote.attribution)
            parts.append(f"> \u201c{escape(clip(item.quote.text, 500))}\u201d \u2014 {who}")
        for fact in item.relations[:4]:
            verb = "competes with" if fact.type == "competes" else "partners with"
            evidence = escape(clip(fact.evidence[0].sentence, 250))
            parts.append(f"\u2022 {escape(fact.company)} {verb} {escape(fact.other)}: _{evidence}_")
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": clip("\n".join(parts), MAX_SECTION)}})
        blocks.append({"type": "divider"})
        lines.append(f"- {escape(item.source.title)}")
        shown += 1
    more = digest.total - shown
    if more > 0:
        note = f"...and {more} more. Ask with /brief for the rest."
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
        lines.append(note)
    return {"blocks": blocks[:MAX_BLOCKS], "text": clip("\n".join(lines), 3000)}
