"""The store: SQLite (``storage.store``) or PostgreSQL (``storage.postgres``), opened by
``open_store``; schema, migrations, writes and queries (the only place with SQL)."""

from storage.clock import iso, parse_iso, utcnow
from storage.files import StoreDamaged, StoreError, StoreReadOnly, recovery
from storage.fts import match_expression, terms
from storage.locations import DatabaseURL, is_url, location
from storage.open import describe_failure, open_store
from storage.store import SCHEMA_VERSION, Found, SaveResult, Span, Store

__all__ = [
    "SCHEMA_VERSION",
    "DatabaseURL",
    "Found",
    "SaveResult",
    "Span",
    "Store",
    "StoreDamaged",
    "StoreError",
    "StoreReadOnly",
    "describe_failure",
    "is_url",
    "iso",
    "location",
    "match_expression",
    "open_store",
    "parse_iso",
    "recovery",
    "terms",
    "utcnow",
]
