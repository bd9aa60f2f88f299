"""What the rivalry map reads, on PostgreSQL (``storage.graph`` says what each does)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage import teams
from storage.graph import PAIRS_READ

if TYPE_CHECKING:
    from storage.postgres.store import PostgresStore


class Graph:
    def __init__(self, store: PostgresStore):
        self.store = store

    def pairs_of(self, company: str, *, limit: int = PAIRS_READ, team: str | None = None) -> list[dict]:
        if team is not None and teams.hidden_count(self.store.conn, team, "%s"):
            kinds = sorted({row["type"] for row in self.store.query("SELECT DISTINCT type FROM relation_pairs")})
            pairs = self.store._team_pairs(company, team, limit=limit, other=None, evidence=0, kinds=kinds)
            pairs.sort(key=lambda p: (-p["n"], -p["last_id"], p["type"], p["other"]))
            return [{k: p[k] for k in ("company", "type", "other", "n")} for p in pairs[:limit]]
        return self.store.query(
            "SELECT company, type, other, n FROM relation_pairs WHERE lower(company) = lower(%s)"
            " ORDER BY n DESC, last_id DESC, type, other LIMIT %s",
            (company, limit),
        )

    def pair_support(self, a: str, b: str, kind: str, *, team: str | None = None) -> dict:
        side = (
            "SELECT r.article_id FROM relations r"
            " WHERE lower(r.a) = lower(%s) AND lower(r.b) = lower(%s) AND r.type = %s"
        )
        hide, hidden = teams.hidden(team, "x.article_id", ph="%s")
        return self.store.query(
            "SELECT count(*) AS articles, min(day) AS first, max(day) AS last FROM ("
            " SELECT DISTINCT x.article_id, left(coalesce(ar.published, ar.ingested_at), 10) AS day"
            f" FROM ({side} UNION {side}) x JOIN articles ar ON ar.id = x.article_id{hide}) days",
            (a, b, kind, b, a, kind, *hidden),
        )[0]
