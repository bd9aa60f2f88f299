"""Opening a store: SQLite for a file's path, PostgreSQL for a ``postgresql://`` URL.

The composition roots (``bot/cli.py``, ``bot/slack/__init__.py``) open the store here; the
layers above see only ``storage.interface``. PostgreSQL's driver comes with the extra
``newsbot[postgres]`` and is imported only when a URL is opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from storage.files import StoreError
from storage.locations import DatabaseURL, is_url

if TYPE_CHECKING:
    from storage.interface import NewsStore


def open_store(where: str | Path, **options) -> NewsStore:
    """The store at ``where`` (``read_only``, ``migrate``: as each store takes them)."""
    if is_url(where):
        url = where.reveal() if isinstance(where, DatabaseURL) else str(where)
        try:
            from storage.postgres import PostgresStore
        except ImportError as exc:
            raise StoreError(
                f"{DatabaseURL(url)} is a PostgreSQL database, and PostgreSQL's driver is not installed"
                " (pip install 'newsbot[postgres]')"
            ) from exc
        return PostgresStore(url, **options)
    from storage.store import Store

    return Store(where, **options)


def describe_failure(exc: BaseException, where: str | Path) -> StoreError | None:
    """What a database's error ``exc`` means for the store at ``where``, as a
    :class:`StoreError`; ``None`` when it is not about the store itself."""
    if is_url(where):
        from storage.postgres.errors import describe_failure as of_postgres

        return of_postgres(exc, DatabaseURL(str.__str__(where)))
    from storage.files import describe_failure as of_sqlite

    return of_sqlite(exc, where)
