"""The SQLite store: schema, migrations, writes and queries (the only place with SQL)."""

from storage import digests, feeds
from storage.files import StoreDamaged, StoreError, StoreReadOnly, describe_failure, recovery
from storage.fts import match_expression, terms
from storage.store import SCHEMA_VERSION, SaveResult, Store, iso, parse_iso

__all__ = [
    "SCHEMA_VERSION",
    "SaveResult",
    "Store",
    "StoreDamaged",
    "StoreError",
    "StoreReadOnly",
    "describe_failure",
    "digests",
    "feeds",
    "iso",
    "match_expression",
    "parse_iso",
    "recovery",
    "terms",
]
