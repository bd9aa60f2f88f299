"""The rivalry map in Slack: drawn, uploaded with files_upload_v2 (scope ``files:write``), and
shown where it was asked.

- Asked where only its asker sees the answer (``/rivals Sony map``, or **Map** on an ephemeral
  ``/rivals`` answer): the PNG is uploaded to no channel, and the reply shows it in an image
  block (``slack_file``) in the reply's place, with its caption, **Share in channel** and
  **Rivals**, which brings the ``/rivals`` answer back in its place.
- Asked from a message everyone sees (**Map** on a shared answer, or on an answer in a thread
  or a DM): uploaded to that channel, in that thread, its caption linking the answer.

Drawing is serialised (matplotlib's font caches are not made for threads) and imports
matplotlib and networkx the first time: nothing else in the app pays for them.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from json.encoder import encode_basestring

from slack_sdk.errors import SlackApiError

from bot.map import MapRequest, Neighbourhood, neighbourhood
from bot.mrkdwn import MAX_CONTEXT, fit, link_target
from bot.slack.render import MAP_ACTION, plain

log = logging.getLogger("bot.slack")

__all__ = ["MAP_ACTION", "RIVALS_ACTION", "SHARE_MAP_ACTION", "map_value", "posted", "request_of", "shown_privately"]

SHARE_MAP_ACTION = "share_map"
RIVALS_ACTION = "rivals_answer"
MAX_NAME = 200  # a company's name in a button's value
_drawing = threading.Lock()


def map_value(company: str, hops: int = 1) -> str | None:
    """A button value naming the map (``None`` for a name too long to carry)."""
    if not company or len(company) > MAX_NAME:
        return None
    return f'{{"c":{encode_basestring(company)},"h":{1 if hops < 2 else 2}}}'


def request_of(value: str | None) -> MapRequest | None:
    """The map a button's value names, or ``None`` when the value is not one of ours."""
    try:
        data = json.loads(value or "")
        company, hops = data["c"], int(data["h"])
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(company, str) or not company.strip() or len(company) > MAX_NAME or hops not in (1, 2):
        return None
    return MapRequest(company, hops)


def rivals_command(hood: Neighbourhood) -> str:
    return f"/rivals {hood.company}"


def picture_of(answers, request: MapRequest) -> tuple[Neighbourhood, bytes | None]:
    """The neighbourhood and its PNG (``None`` when there is nothing to draw)."""
    hood = neighbourhood(answers, request.company, hops=request.hops)
    if not hood.links:
        return hood, None
    from bot.map.draw import draw

    with _drawing:
        return hood, draw(hood).png


def _file_name(hood: Neighbourhood) -> str:
    slug = re.sub(r"[^\w-]+", "-", (hood.company or "map").casefold()).strip("-")[:60] or "map"
    return f"{slug}-map{'-2' if hood.hops > 1 else ''}.png"


def upload(client, hood: Neighbourhood, png: bytes, *, channel=None, thread_ts=None, comment=None) -> str:
    """Upload the PNG (to ``channel``, in ``thread_ts``, with ``comment`` when given; to no
    channel otherwise) and return its file id."""
    response = client.files_upload_v2(
        content=png,
        filename=_file_name(hood),
        title=f"{hood.company}: rivals and partners",
        alt_txt=hood.caption()[:1000],
        channel=channel,
        thread_ts=thread_ts,
        initial_comment=comment,
    )
    file = response.get("file") or (response.get("files") or [{}])[0]
    return file.get("id")


def private_message(hood: Neighbourhood, file_id: str, request: MapRequest) -> dict:
    """The reply that shows an uploaded map to its asker alone: the picture, its caption, and
    buttons to share it and to see the ``/rivals`` answer behind it."""
    caption = hood.caption(f"`{rivals_command(hood)}` (*Rivals* below)")
    buttons = [
        _button("Share in channel", SHARE_MAP_ACTION, map_value(hood.company or "", request.hops)),
        _button("Rivals", RIVALS_ACTION, map_value(hood.company or "", request.hops)),
    ]
    return {
        "blocks": [
            {
                "type": "image",
                "slack_file": {"id": file_id},
                "alt_text": fit(hood.caption(), 1900),
                "title": {"type": "plain_text", "text": fit(f"{hood.company}: rivals and partners", 190)},
            },
            {"type": "context", "elements": [{"type": "mrkdwn", "text": fit(caption, MAX_CONTEXT)}]},
            {"type": "actions", "elements": [b for b in buttons if b is not None]},
        ],
        "text": fit(hood.caption(), 3000),
    }


def _button(text: str, action_id: str, value: str | None) -> dict | None:
    if value is None:
        return None
    return {"type": "button", "action_id": action_id, "text": {"type": "plain_text", "text": text}, "value": value}


def shown_privately(answers, client, request: MapRequest) -> dict:
    """The map uploaded to no channel, as a reply its asker alone sees; or why there is none."""
    hood, png = picture_of(answers, request)
    if png is None:
        return plain(hood.note or "Nothing to draw.")
    return private_message(hood, upload(client, hood, png), request)


def posted(answers, client, request: MapRequest, *, channel: str, thread_ts=None, answer_link=None) -> str | None:
    """The map uploaded to ``channel`` (in ``thread_ts``), its caption linking ``answer_link``
    (the /rivals answer's permalink) when there is one. ``None`` when posted; else what to tell
    the asker."""
    hood, png = picture_of(answers, request)
    if png is None:
        return hood.note or "Nothing to draw."
    target = link_target(answer_link)
    if target:
        comment = fit(hood.caption(), 2500) + f" Sentence by sentence: <{target}|the /rivals answer>"
    else:
        comment = fit(hood.caption(rivals_command(hood)), 2500)
    upload(client, hood, png, channel=channel, thread_ts=thread_ts, comment=comment)
    return None


def permalink(client, channel: str | None, ts: str | None) -> str | None:
    """The link to a message (``chat.getPermalink``), or ``None`` when Slack gives none."""
    if not channel or not ts:
        return None
    try:
        link = client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink")
    except (SlackApiError, OSError) as error:
        log.warning("could not link the /rivals answer under a map (%s)", type(error).__name__)
        return None
    return link if isinstance(link, str) and link.startswith("https://") else None
