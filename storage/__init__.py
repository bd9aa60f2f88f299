"""The SQLite store: schema, migrations, writes and queries (the only place with SQL)."""

from storage import digests, feeds
from storage.fts import match_expression, terms
from storage.store import SCHEMA_VERSION, SaveResult, Store, StoreError, iso, parse_iso

__all__ = [
    "SCHEMA_VERSION",
    "SaveResult",
    "Store",
    "StoreError",
    "digests",
    "feeds",
    "iso",
    "match_expression",
    "parse_iso",
    "terms",
]
