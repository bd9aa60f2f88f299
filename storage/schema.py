"""The schema, as an ordered list of migrations: the files in ``storage/migrations/``.

The database's ``PRAGMA user_version`` is the number of migrations applied. Opening a
database made by an older release applies the missing ones in order, each in its own
transaction; a database made by a newer release than this one is refused rather than
misread. Each migration is literal SQL, frozen when it shipped: append a new file (its
number next), never edit one that has shipped, and share no code with today's.
"""

from __future__ import annotations

from importlib import resources


def _migrations() -> list[str]:
    folder = resources.files("storage").joinpath("migrations")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".sql"))
    for number, name in enumerate(names, start=1):
        if not name.startswith(f"{number:04d}_"):
            raise RuntimeError(f"storage/migrations/{name} is out of sequence (expected number {number:04d})")
    return [folder.joinpath(name).read_text(encoding="utf-8") for name in names]


MIGRATIONS: list[str] = _migrations()
