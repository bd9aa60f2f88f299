"""Keeping secrets out of every log line.

:func:`install` wraps the log record factory, so every record, from any logger (ours, Bolt's,
slack_sdk's, uvicorn's) and for any handler (including ones added later), has Slack tokens and
the given secrets replaced before anything formats or writes it: the message, its arguments,
and the text of an attached exception.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback

TOKEN = re.compile(r"\b(?:xox[abposre]|xapp)-[A-Za-z0-9-]+")
REDACTED = "[redacted]"

_lock = threading.Lock()
_installed: dict = {}


def redact(text: str, secrets: list[str]) -> str:
    text = TOKEN.sub(REDACTED, text)
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


def clean(record: logging.LogRecord, secrets: list[str]) -> logging.LogRecord:
    """``record`` with its message and exception text redacted."""
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: leave it to logging to report
        return record
    cleaned = redact(message, secrets)
    if cleaned != message:
        record.msg, record.args = cleaned, None
    if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
        text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        record.exc_text = redact(text, secrets)
    elif record.exc_text:
        record.exc_text = redact(record.exc_text, secrets)
    if record.stack_info:
        record.stack_info = redact(record.stack_info, secrets)
    return record


def install(secrets: list[str]) -> None:
    """Redact Slack tokens and ``secrets`` (values of six characters or more) from every log
    record created from now on. Installing again replaces the secrets."""
    kept = [s for s in secrets if s and len(s) >= 6]
    with _lock:
        base = _installed.get("base") or logging.getLogRecordFactory()

        def factory(*args, **kwargs) -> logging.LogRecord:
            return clean(base(*args, **kwargs), kept)

        _installed["base"] = base
        logging.setLogRecordFactory(factory)


def uninstall() -> None:
    with _lock:
        base = _installed.pop("base", None)
        if base is not None:
            logging.setLogRecordFactory(base)
