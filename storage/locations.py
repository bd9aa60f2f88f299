"""Where a store is: a file (SQLite) or a PostgreSQL URL, and how a location is shown.

A URL may carry a password: :class:`DatabaseURL` is the URL as a string whose ``str`` and
``repr`` show it with the password hidden (in messages and logs), and whose ``reveal`` gives
the whole URL to the driver. Nothing here imports a database driver.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SCHEMES = ("postgresql://", "postgres://")


def is_url(location: object) -> bool:
    return isinstance(location, str) and location.strip().lower().startswith(SCHEMES)


def shown(url: str) -> str:
    """``url`` with its password (if any) replaced by ``***``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.split("://", 1)[0] + "://***"
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    user = parts.username or ""
    return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query, parts.fragment))


class DatabaseURL(str):
    """A PostgreSQL URL that does not print its password."""

    def __str__(self) -> str:
        return shown(self.reveal())

    def __repr__(self) -> str:
        return f"DatabaseURL({str(self)!r})"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def reveal(self) -> str:
        return str.__str__(self)


def location(raw: str | Path) -> Path | DatabaseURL:
    """A store's location as given (``--db``, ``NEWSBOT_DB``): a URL, or a file's path."""
    if is_url(raw):
        return DatabaseURL(str.__str__(raw).strip())
    return Path(raw)
