"""Times in questions: "this week", "since 2024-01", "news from December 2004".

A time is read in the asker's time zone (Slack gives it; else UTC): "today" in Tokyo starts
nine hours before "today" in London. What is found becomes a :class:`storage.Span` (each bound
as a day of the asker's calendar and as a moment in UTC) and a label for the answer; the words
that said it are taken out of the question, so they are not searched for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache

from bot.dates import MONTH, MONTHS, month_number
from storage import Span

UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_N = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + ")"
_UNIT = r"(day|week|month|year)s?"
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"

# a point or stretch of the calendar: a day, a month or a year, as people write them
_WHEN = (
    rf"(?:\d{{4}}-\d{{1,2}}(?:-\d{{1,2}})?"  # 2024-01, 2024-01-15
    rf"|{_ORD}\s+{MONTH},?\s+\d{{4}}"  # 15 January 2024
    rf"|{MONTH}\s+{_ORD},?\s+\d{{4}}"  # January 15, 2024
    rf"|{MONTH},?\s+\d{{4}}"  # January 2024
    rf"|(?:19|20)\d{{2}}"  # 2024
    rf"|{MONTH})"  # January (the latest one)
)
# a date that is one even with no word before it ("Apple 2024-03", not "Windows 2000")
_BARE = (
    rf"(?:\d{{4}}-\d{{1,2}}(?:-\d{{1,2}})?|{_ORD}\s+{MONTH},?\s+\d{{4}}"
    rf"|{MONTH}\s+{_ORD},?\s+\d{{4}}|{MONTH},?\s+\d{{4}})"
)


@cache
def patterns() -> list[tuple[str, re.Pattern]]:
    """The kinds of time and their patterns, in the order they are tried: compiled when a question
    first says something that may be a time, not when the bot starts."""
    return [
        (
            "between",
            re.compile(rf"\b(?:between|from)\s+(?P<a>{_WHEN})\s+(?:and|to|until|till|-)\s+(?P<b>{_WHEN})\b", re.I),
        ),
        (
            "rolling",
            re.compile(rf"\b(?:(?:in|over|during|for|within)\s+)?(?:the\s+)?(?:last|past)\s+{_N}\s+{_UNIT}\b", re.I),
        ),
        (
            "rolling1",
            re.compile(
                rf"\b(?:(?:(?:in|over|during|within|from|of)\s+)?(?:the\s+)?past|(?:in|over|during|within)\s+the\s+last)"
                rf"\s+{_UNIT}\b",
                re.I,
            ),
        ),
        ("relative", re.compile(r"\b(?:(?:from|in|during|of)\s+)?(this|last|previous)\s+(week|month|year)\b", re.I)),
        ("day", re.compile(r"\b(?:(?:from|of|on)\s+)?(today|yesterday)(?:'s)?\b", re.I)),
        ("since", re.compile(rf"\b(?:(?:since|after)\s+(?P<a>{_WHEN})|from\s+(?P<c>{_WHEN})\s+on(?:wards?)?)\b", re.I)),
        ("before", re.compile(rf"\b(?:before|until|till|up\s+to|through)\s+(?P<a>{_WHEN})\b", re.I)),
        ("in", re.compile(rf"\b(?:in|during|of|on|for|from)\s+(?P<a>{_WHEN})\b", re.I)),
        ("bare", re.compile(rf"(?<![\w-])(?P<a>{_BARE})(?![\w-])", re.I)),
    ]


# every time the patterns read has a digit or one of these words
_MAYBE = re.compile(
    r"\d|\b(?:today|yesterday|week|month|year|past|since|after|before|until|till|through|"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class When:
    """A time a question is bounded by: the span, and how the answer says it."""

    span: Span
    label: str  # "this week", "since Jan 2024", "in Dec 2004"


def find(text: str, *, now: datetime | None = None, zone=None) -> tuple[When | None, str]:
    """The time ``text`` is bounded by, if it says one, and ``text`` without the words that said it.

    ``zone``: the asker's time zone, or a function that returns it (or ``None``), called only
    when ``text`` says a time (Slack's ``users.info`` is one request a question otherwise);
    UTC when unknown."""
    if not _MAYBE.search(text):
        return None, text  # most questions say no time: one look, not nine
    for kind, pattern in patterns():
        for m in pattern.finditer(text):
            if callable(zone):
                zone = zone()
            zone = zone or UTC
            local = (now or datetime.now(UTC)).astimezone(zone)
            when = _read(kind, m, local, zone)
            if when is not None:
                rest = " ".join((text[: m.start()] + " " + text[m.end() :]).split())
                return when, rest
    return None, text


def _read(kind: str, m: re.Match, now: datetime, zone: tzinfo) -> When | None:
    today = now.date()
    if kind == "day":
        day = today if m.group(1).casefold() == "today" else today - timedelta(days=1)
        return _between(day, day + timedelta(days=1), zone, m.group(1).casefold())
    if kind == "relative":
        which, unit = m.group(1).casefold(), m.group(2).casefold()
        start = _unit_start(today, unit)
        if which == "this":
            return _between(start, None, zone, f"this {unit}")
        return _between(_previous(start, unit), start, zone, f"last {unit}")
    if kind in ("rolling", "rolling1"):
        n = 1 if kind == "rolling1" else _number(m.group(1))
        unit = m.group(2 if kind == "rolling" else 1).casefold()
        if n is None or n < 1:
            return None
        start = now - timedelta(days=UNITS[unit] * n)
        label = f"the last {n} {unit}s" if n > 1 else f"the last {unit}"
        return When(Span(start=(_day_form(start.date()), _moment(start)), end=None), label)
    first = _unit_of(m.group("a") or m.group("c") if kind == "since" else m.group("a"), today)
    if first is None:
        return None
    (a_start, a_end), a_label = first
    if kind == "between":
        second = _unit_of(m.group("b"), today)
        if second is None:
            return None
        (_b_start, b_end), b_label = second
        if b_end <= a_start:
            return None
        return _between(a_start, b_end, zone, f"from {a_label} to {b_label}")
    if kind == "since":
        after = m.group(0).split()[0].casefold() == "after"
        return _between(a_end if after else a_start, None, zone, f"{'after' if after else 'since'} {a_label}")
    if kind == "before":
        word = m.group(0).split()[0].casefold()
        end = a_start if word == "before" else a_end
        return _between(None, end, zone, f"{'before' if word == 'before' else 'until'} {a_label}")
    return _between(a_start, a_end, zone, f"{'on' if a_label.count(' ') == 2 else 'in'} {a_label}")


def _number(word: str) -> int | None:
    word = word.casefold()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _unit_start(today: date, unit: str) -> date:
    if unit == "week":
        return today - timedelta(days=today.weekday())  # weeks start on Monday
    if unit == "month":
        return today.replace(day=1)
    return today.replace(month=1, day=1)


def _previous(start: date, unit: str) -> date:
    if unit == "week":
        return start - timedelta(days=7)
    if unit == "month":
        return (start - timedelta(days=1)).replace(day=1)
    return start.replace(year=start.year - 1)


def _next(start: date, unit: str) -> date:
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start.replace(year=start.year + 1)


def _unit_of(text: str, today: date) -> tuple[tuple[date, date], str] | None:
    """The day, month or year ``text`` names, as [start, end) dates, and its label."""
    words = " ".join(text.replace(",", " ").split())
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", words)
    try:
        if iso:
            year, month = int(iso.group(1)), int(iso.group(2))
            if iso.group(3):
                day = date(year, month, int(iso.group(3)))
                return (day, _next(day, "day")), f"{day.day} {day:%b %Y}"
            start = date(year, month, 1)
            return (start, _next(start, "month")), f"{start:%b %Y}"
        if re.fullmatch(r"\d{4}", words):
            start = date(int(words), 1, 1)
            return (start, _next(start, "year")), words
        parts = words.split()
        if len(parts) == 1 and month_number(parts[0]):
            month = month_number(parts[0])
            year = today.year if month <= today.month else today.year - 1  # the latest one
            start = date(year, month, 1)
            return (start, _next(start, "month")), f"{start:%b %Y}"
        if len(parts) == 2:
            start = date(int(parts[1]), month_number(parts[0]), 1)
            return (start, _next(start, "month")), f"{start:%b %Y}"
        if len(parts) == 3:
            day_word, month_word = (parts[0], parts[1]) if parts[0][0].isdigit() else (parts[1], parts[0])
            day = date(int(parts[2]), month_number(month_word), int(re.sub(r"\D", "", day_word)))
            return (day, _next(day, "day")), f"{day.day} {day:%b %Y}"
    except (TypeError, ValueError):
        return None
    return None


def _between(start: date | None, end: date | None, zone: tzinfo, label: str) -> When:
    return When(Span(start=_bound(start, zone), end=_bound(end, zone)), label)


def _bound(day: date | None, zone: tzinfo) -> tuple[str, str] | None:
    """The start of ``day`` in ``zone``, as a day in the store's form and as a moment in UTC."""
    if day is None:
        return None
    local = datetime.combine(day, time(0), tzinfo=zone)
    return _day_form(day), _moment(local)


def _day_form(day: date) -> str:
    """A day that starts a span, in the store's form, as short as it can be written: the first
    of a month is the month (a date known only to the month then falls in the span that starts
    with it), the first of January the year."""
    if day.day != 1:
        return day.isoformat()
    return f"{day.year:04d}" if day.month == 1 else f"{day.year:04d}-{day.month:02d}"


def _moment(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


__all__ = ["MONTHS", "When", "find"]
