"""What PostgreSQL's errors mean for the store, said with its URL (password hidden). Imports no
driver: errors are told by their class."""

from __future__ import annotations

from storage.files import StoreError, StoreReadOnly


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def describe_failure(exc: BaseException, where: str) -> StoreError | None:
    """``exc`` as a :class:`StoreError` naming ``where`` when it is about reaching or writing the
    database; ``None`` for anything else (a constraint, a bad statement)."""
    if not type(exc).__module__.startswith("psycopg"):
        return None
    name = type(exc).__name__
    if name == "ReadOnlySqlTransaction":
        return StoreReadOnly(f"cannot write to {where}: it is read-only ({_first_line(exc)})")
    if name in ("OperationalError", "InterfaceError", "ConnectionTimeout") or "connection" in name.lower():
        return StoreError(f"cannot reach the store {where}: {_first_line(exc)}")
    if name in ("InsufficientPrivilege", "InvalidAuthorizationSpecification", "InvalidPassword"):
        return StoreError(f"cannot use the store {where}: {_first_line(exc)}")
    return None
