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


class WorkspacesUnsupported(StoreError):
    """Many workspaces (OAuth installs, each workspace's own feeds and follows) are kept by the
    SQLite store only, for now."""

    def __init__(self) -> None:
        super().__init__(
            "installing in many workspaces (SLACK_CLIENT_ID) needs the SQLite store for now;"
            " a PostgreSQL store serves one workspace (SLACK_BOT_TOKEN)"
        )


class NoInstallations:
    """The PostgreSQL store's ``installations``: none are kept (see :class:`WorkspacesUnsupported`):
    there are none to read, and keeping one is refused with that reason."""

    def find(self, *, enterprise_id: str | None, team_id: str | None) -> dict | None:
        return None

    def every(self) -> list[dict]:
        return []

    def delete(self, *, enterprise_id: str | None, team_id: str | None) -> bool:
        return False

    def save(self, row: dict) -> None:
        raise WorkspacesUnsupported()

    def remove_team(self, team_id: str, *, enterprise_id: str | None = None) -> dict[str, int]:
        raise WorkspacesUnsupported()

    def issue_state(self, state: str, *, expires_at: str) -> None:
        raise WorkspacesUnsupported()

    def consume_state(self, state: str) -> bool:
        raise WorkspacesUnsupported()
