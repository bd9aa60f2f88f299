"""Slack's mrkdwn text, within Slack's limits: what every surface that posts to Slack (answers,
digests, follows, the Home tab) writes its text with.

Every piece of text that came from a user or from an article is escaped (``&``, ``<``, ``>``),
so ``<!channel>``, ``<@U123>`` or a link typed by someone never pings or links through the bot.
Texts are cut to Slack's limits *before* they are put into mrkdwn, so a cut never lands inside
an entity (``&am``) or a link (``<https://...|Tit``). Every fact cites its article: the
headline, linked when the article has a web link.

Lengths are counted in UTF-16 code units (an emoji counts two), the stricter of the ways a
"character" can be counted, so a limit holds however Slack counts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote, urlsplit, urlunsplit

from bot.answers import Source

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_CONTEXT = 2000  # a context element's text (Slack allows 3000; a note needs far less)
MAX_FALLBACK = 3000  # the notification text; Slack accepts more, nobody reads more
MAX_BUTTON_VALUE = 2000
MAX_TITLE = 200
MAX_URL = 800  # a longer link is not linked (the headline is still cited)

FULLWIDTH_BAR = "\uff5c"
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_NEEDS_WORK = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # in ASCII text: what fit would change


def clean(text: str | None) -> str:
    """``text`` without what no message should carry: control characters (but tab and newline)
    and lone surrogates (JSON's ``\\ud83c`` alone decodes to one, which cannot be encoded)."""
    return _UNSHOWABLE.sub("", text or "")


def length(text: str) -> int:
    """``text``'s length as Slack may count it: UTF-16 code units (one per character of ASCII
    text, which most text is: that case is not encoded)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def escape(text: str | None) -> str:
    """Slack's three control characters, escaped: no mention, link or command survives."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with "...". For raw text only: cutting mrkdwn can
    break an entity or a link, which :func:`fit` never does."""
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def fit(raw: str | None, limit: int) -> str:
    """``raw`` escaped and, when too long, cut between characters (never inside an entity) to
    at most ``limit`` UTF-16 units, ending in "..."."""
    if raw is not None and len(raw) <= limit and raw.isascii() and not _NEEDS_WORK.search(raw):
        return raw  # most text: nothing to strip, escape or cut
    raw = clean(raw)
    out = escape(raw)
    if length(out) <= limit:
        return out
    budget, used, pieces = limit - 3, 0, []
    for char in raw:
        piece = _ENTITIES.get(char, char)
        size = length(piece)
        if used + size > budget:
            break
        pieces.append(piece)
        used += size
    return "".join(pieces).rstrip() + "..."


def join_within(lines, limit: int) -> str:
    """``lines`` joined by newlines, as many as fit in ``limit`` UTF-16 units, whole lines only
    (each already escaped and fitted). Lengths add up, so nothing is measured twice; ``lines``
    may be lazy, and is read no further than the first line that does not fit."""
    if isinstance(lines, list):  # all of them, when all fit (most sections): measured once
        joined = "\n".join(lines)
        if length(joined) <= limit:
            return joined
    kept: list[str] = []
    used = -1  # no newline before the first line
    for line in lines:
        size = length(line) + 1
        if used + size > limit:
            break
        kept.append(line)
        used += size
    return "\n".join(kept)


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def inline(raw: str | None, limit: int) -> str:
    """``raw`` on one line (each run of whitespace one space), escaped and fitted: what
    ``fit(one_line(raw), limit)`` gives, without building anything for the text most answers
    are made of (printable, single spaces, nothing to escape, short enough). ``isprintable``
    is false for every control character, line break, lone surrogate and space but " "."""
    if (
        raw
        and raw.isprintable()
        and "  " not in raw
        and raw[0] != " "
        and raw[-1] != " "
        and "&" not in raw
        and "<" not in raw
        and ">" not in raw
        and length(raw) <= limit
    ):
        return raw
    return fit(one_line(raw), limit)


def link_target(url: str | None) -> str | None:
    """``url`` ready to stand inside ``<...|...>``: only http(s) links with a host; characters
    that would end the link (``>``, ``|``, spaces) percent-encoded and ``&`` escaped as Slack
    requires. ``None`` when the URL cannot be linked safely."""
    if not url or length(url) > MAX_URL:
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    try:
        netloc = parts.netloc.encode("idna").decode("ascii") if not parts.netloc.isascii() else parts.netloc
    except UnicodeError:
        return None
    if not re.fullmatch(r"[A-Za-z0-9.\-:@%_~!$'()*+,;=\[\]]+", netloc):
        return None
    keep = "/%:@!$'()*+,;=-._~&?#[]"
    target = urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            quote(parts.path, safe=keep),
            quote(parts.query, safe=keep),
            quote(parts.fragment, safe=keep),
        )
    )
    return target.replace("&", "&amp;")


@lru_cache(maxsize=4096)  # a pure function of an immutable source; an answer cites the same few again and again
def cite(source: Source) -> str:
    """The headline, linked when the article has a safe http(s) link, and its date: published,
    else when it was stored (``no date; added 6 Dec 2026``)."""
    title = inline(source.title, MAX_TITLE) or "untitled article"
    target = link_target(source.url)
    when = f" ({source.when})" if source.when else ""
    if target is None:
        return f"_{title}_{when}"
    # the first "|" ends the URL; one in the headline is shown as a look-alike
    return f"<{target}|{title.replace('|', FULLWIDTH_BAR)}>{when}"
