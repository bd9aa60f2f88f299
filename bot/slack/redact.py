"""Keeping secrets out of every log line.

:func:`install` wraps the log record factory, so every record, from any logger (ours, Bolt's,
slack_sdk's, uvicorn's) and for any handler (including ones added later), has its secrets
replaced before anything formats or writes it: the message, its arguments, and the text of an
attached exception. Secrets are Slack tokens, the values given to :func:`install`, and the
short-lived credentials that slack_sdk and Bolt write at DEBUG: ``response_url`` values (anyone
holding one can post as the bot in that conversation for half an hour), the ticket in a Socket
Mode URL (``wss://...?ticket=...``) and an OAuth install's code, as they appear in URLs, JSON
(``\\/`` for ``/``) and form bodies (``%2F``).
"""

from __future__ import annotations

import logging
import re
import threading
import traceback

TOKEN = re.compile(r"\b(?:xox[abposre]|xapp)-[A-Za-z0-9-]+")
REDACTED = "[redacted]"
_SLASH = r"(?:/|\\/|%2[Ff])"
_URL_END = r"[^\s\"'&<>,;)}\]]+"
# Credentials inside URLs; of each match, the group is kept and the rest replaced: the path of a
# Slack webhook or response URL (hooks.slack.com/commands/T.../..., or that path on another
# host), a response_url's value whatever its host, a Socket Mode ticket.
CREDENTIALS = re.compile(
    rf"(hooks\.slack(?:-gov)?\.com{_SLASH}){_URL_END}"
    rf"|((?:commands|actions){_SLASH}[TE][A-Z0-9]+{_SLASH}){_URL_END}"
    rf"|(response_url(?:[\"']|%22)?\s*(?:[:=]|%3[Aa]|%3[Dd])\+?\s*(?:[\"']|%22)?){_URL_END}"
    rf"|((?:[?&]|%3[Ff]|%26)ticket(?:=|%3[Dd])){_URL_END}"
    # an OAuth install's code, until exchanged: in a redirect's query, and in the form sent to
    # oauth.v2.access (as Bolt's and slack_sdk's debug lines show them: dicts)
    rf"|((?:[?&]|%3[Ff]|%26)code(?:=|%3[Dd])){_URL_END}"
    rf"|([\"']code[\"']:\s*\[?[\"']){_URL_END}"
)


def _keep_prefix(match: re.Match) -> str:
    return next(group for group in match.groups() if group is not None) + REDACTED


_lock = threading.Lock()
_installed: dict = {}


def redact(text: str, secrets: list[str]) -> str:
    text = TOKEN.sub(REDACTED, text)
    text = CREDENTIALS.sub(_keep_prefix, text)
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
