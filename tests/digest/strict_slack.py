"""The shared fake Web API, made as strict as Slack where digests depend on it.

Laid over ``tests/slack/fake_slack.py`` (its handler class is swapped for a subclass), so the
calls are still recorded in ``fake.calls`` and messages kept in ``fake.messages``:

- chat.postMessage refuses malformed metadata (``invalid_metadata_format``) and blocks over
  Slack's limits (``invalid_blocks``); its ``ts`` comes from the test's clock (Slack's own
  time), so ``oldest`` means what it means in Slack;
- conversations.history returns newest first, only messages after ``oldest`` (and before
  ``latest``), at most 15 a page (the limit of non-Marketplace apps since 2025) with a cursor,
  and message metadata only when ``include_all_metadata`` is true, as Slack does;
- chat.delete removes a message.
"""

from __future__ import annotations

import copy
import re
import threading
from datetime import UTC, datetime

PAGE = 15
EVENT_TYPE = re.compile(r"[A-Za-z0-9_]{1,255}")


def _true(value) -> bool:
    return str(value).lower() in {"1", "true"}


def _blocks_error(blocks) -> str | None:
    if blocks is None:
        return None
    if not isinstance(blocks, list) or len(blocks) > 50:
        return "invalid_blocks"
    for block in blocks:
        kind = block.get("type")
        text = (block.get("text") or {}).get("text", "")
        if kind == "header" and (block["text"].get("type") != "plain_text" or not 0 < len(text) <= 150):
            return "invalid_blocks"
        if kind == "section" and not 0 < len(text) <= 3000:
            return "invalid_blocks"
        if kind == "context":
            elements = block.get("elements") or []
            if not 0 < len(elements) <= 10 or any(len(e.get("text", "")) > 2000 for e in elements):
                return "invalid_blocks"
    return None


def make_strict(fake, clock=None):
    """Make ``fake`` strict; ``clock`` (a callable returning an aware datetime) is Slack's time."""
    base = fake.server.RequestHandlerClass
    lock = threading.Lock()
    fake.clock = clock or (lambda: datetime.now(UTC))
    fake.ts_counter = 0

    def post(call):
        body = call.body
        channel = body.get("channel")
        meta = body.get("metadata")
        if meta is not None and not (
            isinstance(meta, dict)
            and isinstance(meta.get("event_type"), str)
            and EVENT_TYPE.fullmatch(meta["event_type"])
            and isinstance(meta.get("event_payload"), dict)
        ):
            return {"ok": False, "error": "invalid_metadata_format"}
        error = _blocks_error(body.get("blocks"))
        if error:
            return {"ok": False, "error": error}
        if not body.get("text") and not body.get("blocks"):
            return {"ok": False, "error": "no_text"}
        with lock:
            fake.ts_counter += 1
            ts = f"{int(fake.clock().timestamp())}.{fake.ts_counter:06d}"
            message = {"type": "message", "user": "UBOT", "bot_id": "BBOT", "ts": ts, "text": body.get("text")}
            if meta is not None:
                message["metadata"] = meta
            fake.messages.setdefault(channel, []).append(message)
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def history(call):
        body = call.body
        inclusive = _true(body.get("inclusive"))
        oldest = float(body.get("oldest") or 0)
        latest = float(body["latest"]) if body.get("latest") else None
        with lock:
            messages = list(fake.messages.get(body.get("channel"), []))
        messages.sort(key=lambda m: float(m["ts"]), reverse=True)
        messages = [
            m
            for m in messages
            if (float(m["ts"]) >= oldest if inclusive else float(m["ts"]) > oldest)
            and (latest is None or (float(m["ts"]) <= latest if inclusive else float(m["ts"]) < latest))
        ]
        start = int(body.get("cursor") or 0)
        size = min(int(body.get("limit") or 100), PAGE)
        page = [copy.deepcopy(m) for m in messages[start : start + size]]
        if not _true(body.get("include_all_metadata")):
            for m in page:
                m.pop("metadata", None)
        more = start + size < len(messages)
        return {
            "ok": True,
            "messages": page,
            "has_more": more,
            "response_metadata": {"next_cursor": str(start + size) if more else ""},
        }

    def delete(call):
        channel, ts = call.body.get("channel"), call.body.get("ts")
        with lock:
            kept = [m for m in fake.messages.get(channel, []) if m["ts"] != ts]
            if len(kept) == len(fake.messages.get(channel, [])):
                return {"ok": False, "error": "message_not_found"}
            fake.messages[channel] = kept
        return {"ok": True, "channel": channel, "ts": ts}

    handlers = {"chat.postMessage": post, "conversations.history": history, "chat.delete": delete}

    class Strict(base):
        @staticmethod
        def _default(call):
            handler = handlers.get(call.method)
            return handler(call) if handler else base._default(call)

    fake.server.RequestHandlerClass = Strict
    return fake
