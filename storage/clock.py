"""Moments as the store writes them: UTC, fixed width, so that text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime

TIMESTAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


def iso(when: datetime) -> str:
    """``when`` as the store writes moments."""
    return when.astimezone(UTC).strftime(TIMESTAMP)


def parse_iso(text: str) -> datetime:
    """A moment as the store wrote it."""
    return datetime.strptime(text, TIMESTAMP).replace(tzinfo=UTC)


def utcnow() -> str:
    return iso(datetime.now(UTC))
