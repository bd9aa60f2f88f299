"""Publication dates as people write them, as the store keeps them, and as answers show them.

The store keeps a date at the precision it is known: ``2004``, ``2004-12``, ``2004-12-13`` or a
moment in UTC, ``2004-12-13T10:30:00Z``. Text order is then time order, and a date known only to
the month sorts before every day of that month. A date more than a day in the future is refused
(it would stay first in "latest" for ever), and so is one before 1900.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_DAY_MONTH_YEAR = re.compile(rf"{_ORDINAL}\s+({MONTH})\s*,?\s+(\d{{4}})", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"({MONTH})\s+{_ORDINAL}\s*,?\s+(\d{{4}})", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"({MONTH})\s*,?\s+(\d{{4}})", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
EARLIEST = 1900


def month_number(word: str) -> int | None:
    return MONTHS.get(word.casefold().rstrip("."))


def _day(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """The stored form of a year, month or day; ``None`` when there is no such date."""
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def moment(when: datetime) -> str:
    """A moment as the store keeps a publication time: UTC, to the second."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(text: str | None, *, now: datetime | None = None) -> str | None:
    """A written date in its stored form, or ``None`` when it cannot be read or is not a
    publication date (in the future, before 1900).

    ``2004-12-13``, ``2004-12``, ``2004``, ``2004/12/13``, an ISO moment with its offset,
    ``13 December 2004``, ``Dec 13, 2004``, ``December 2004``, ``Mon, 13 Dec 2004 10:30:00
    GMT`` (RFC 2822, as feeds and e-mail write them).
    """
    raw = " ".join((text or "").split())
    if not raw or len(raw) > 60:
        return None
    found = _parse(raw)
    if found is None:
        return None
    return found if _plausible(found, now or datetime.now(UTC)) else None


def _parse(raw: str) -> str | None:
    if "T" in raw or re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}.*", raw):
        try:
            return moment(datetime.fromisoformat(raw.replace("Z", "+00:00")))
        except ValueError:
            pass
    iso = _ISO.fullmatch(raw)
    if iso:
        year, month, day = (int(x) if x else None for x in iso.groups())
        return _day(year, month, day)
    if re.search(r"\d{1,2}:\d{2}", raw):
        from email.utils import parsedate_to_datetime  # a mail date's reader, for the few dates that need it

        try:
            return moment(parsedate_to_datetime(raw))
        except (TypeError, ValueError, IndexError):
            pass
    rest = _WEEKDAY.sub("", raw)
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        m = pattern.fullmatch(rest)
        if m:
            parts = dict(zip(order, m.groups(), strict=True))
            return _day(int(parts["y"]), month_number(parts["m"]), int(parts["d"]))
    m = _MONTH_YEAR.fullmatch(rest)
    if m:
        return _day(int(m.group(2)), month_number(m.group(1)))
    return None


def _plausible(stored: str, now: datetime) -> bool:
    if int(stored[:4]) < EARLIEST:
        return False
    return start_of(stored) <= now.astimezone(UTC) + timedelta(days=1)


def start_of(stored: str) -> datetime:
    """The first moment a stored date covers, in UTC."""
    if "T" in stored:
        return datetime.strptime(stored[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    year, month, day = (int(x) for x in [*stored.split("-"), "1", "1"][:3])
    return datetime(year, month, day, tzinfo=UTC)


def shown(stored: str | None) -> str | None:
    """A stored date as answers show it: ``13 Dec 2004``, ``Dec 2004`` or ``2004``; ``None``
    when there is none (or it is not one)."""
    if not stored:
        return None
    try:
        when = start_of(stored)
    except ValueError:
        try:
            when = datetime.fromisoformat(stored.replace("Z", "+00:00"))
        except ValueError:
            return None
    if "T" not in stored and len(stored) == 4:
        return f"{when.year}"
    if "T" not in stored and len(stored) == 7:
        return f"{when:%b %Y}"
    return f"{when.day} {when:%b %Y}"


def ago(stored: str | None, now: datetime | None = None) -> str:
    """A moment the store wrote (any of its forms) as people read it: ``6 Dec 2026 14:05 UTC
    (3 min ago)``; ``never`` when there is none."""
    if not stored:
        return "never"
    try:
        when = datetime.fromisoformat(stored.replace("Z", "+00:00"))
    except ValueError:
        return stored
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    when = when.astimezone(UTC)
    seconds = ((now or datetime.now(UTC)) - when).total_seconds()
    if seconds < 0:
        relative = ""
    elif seconds < 60:
        relative = " (just now)"
    elif seconds < 3600:
        relative = f" ({int(seconds // 60)} min ago)"
    elif seconds < 86400:
        relative = f" ({int(seconds // 3600)} h ago)"
    else:
        days = int(seconds // 86400)
        relative = f" ({days} day{'s' if days != 1 else ''} ago)"
    return f"{when.day} {when:%b %Y %H:%M} UTC{relative}"
