"""The SQLite store: schema, migrations, writes and queries (the only place with SQL)."""

from storage.clock import iso, parse_iso, utcnow
from storage.files import StoreDamaged, StoreError, StoreReadOnly, describe_failure, recovery
from storage.fts import match_expression, terms
from storage.store import SCHEMA_VERSION, Found, SaveResult, Span, Store

__all__ = [
    "SCHEMA_VERSION",
    "Found",
    "SaveResult",
    "Span",
    "Store",
    "StoreDamaged",
    "StoreError",
    "StoreReadOnly",
    "describe_failure",
    "iso",
    "match_expression",
    "parse_iso",
    "recovery",
    "terms",
    "utcnow",
]
