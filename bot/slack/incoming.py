"""What a person typed, from the text Slack sends: its markup and escaping undone, once.

Slack escapes ``&``, ``<`` and ``>`` in the text of a command, a mention or a DM (``AT&T``
arrives as ``AT&amp;T``), and writes mentions and links as markup: ``<@U123>`` or
``<@U123|ada>``, ``<#C123|general>``, ``<!here>``, ``<!subteam^S123|@team>``,
``<https://example.com|label>``. :func:`text` turns them back into what the person typed (a
link into its address): the commands, mentions and DMs take their text from here. On the way out, ``bot.slack.render``
escapes every text again, once, so nothing typed can ping anyone or link anywhere through the
bot.
"""

from __future__ import annotations

import re

from bot.mrkdwn import clean

_MARKUP = re.compile(r"<([^<>]*)>|&(amp|lt|gt);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">"}
_ENTITY = re.compile(r"&(amp|lt|gt);")


def _unescape(text: str) -> str:
    return _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], text)


def _shown(inner: str) -> str:
    """What ``<inner>`` stands for, as the person typed it."""
    target, _, label = inner.partition("|")
    label = _unescape(label)
    if target and target[0] in "@#":  # a user, a channel: by name when Slack gave it, else by id
        return target[0] + (label.lstrip("@#") or target[1:])
    if target[:1] == "!":  # @here, @channel, @everyone; a user group, or a date, by its label
        kind, _, rest = target[1:].partition("^")
        if kind in ("here", "channel", "everyone"):
            return "@" + kind
        return label or "@" + (rest.partition("^")[0] if kind == "subteam" and rest else kind)
    # a link: its address (what /brief add needs; for a bare "x.com" Slack shows, the full one)
    target = _unescape(target)
    return target.removeprefix("mailto:") if target.startswith("mailto:") else target


def _replace(match: re.Match) -> str:
    inner, entity = match.groups()
    return _ENTITIES[entity] if entity else _shown(inner)


def text(raw: str | None, *, bot_user_id: str | None = None) -> str:
    """``raw`` as the person typed it: control characters dropped (see ``render.clean``), the
    bot's own mentions left out (``bot_user_id``), other markup as Slack shows it, entities
    unescaped, outer spaces stripped."""
    raw = clean(raw)
    if bot_user_id:
        raw = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^<>]*)?>", " ", raw)
    if "<" in raw or "&" in raw:
        raw = _MARKUP.sub(_replace, raw)
    return raw.strip()
