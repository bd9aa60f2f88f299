"""The schema, as an ordered list of migrations: the files in ``storage/migrations/`` (SQLite)
and ``storage/postgres/migrations/`` (PostgreSQL).

A database records the number of migrations applied (SQLite: ``PRAGMA user_version``;
PostgreSQL: ``newsbot_schema``). Opening a database made by an older release applies the
missing ones in order, each in its own transaction; a database made by a newer release than
this one is refused rather than misread. Each migration is literal SQL, frozen when it shipped:
append a new file (its number next), never edit one that has shipped, and share no code with
today's.
"""

from __future__ import annotations

from pathlib import Path


def migrations(folder: str = "migrations") -> list[str]:
    """The SQL of each migration in ``folder`` of this package, in order (read from the files
    beside this one: ``importlib.resources`` imports its readers and zipfile to find them)."""
    where = Path(__file__).parent / folder
    names = sorted(entry.name for entry in where.iterdir() if entry.name.endswith(".sql"))
    for number, name in enumerate(names, start=1):
        if not name.startswith(f"{number:04d}_"):
            raise RuntimeError(f"storage/{folder}/{name} is out of sequence (expected number {number:04d})")
    return [where.joinpath(name).read_text(encoding="utf-8") for name in names]


MIGRATIONS: list[str] = migrations()
