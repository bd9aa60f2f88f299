"""What the rivalry map reads: a company's pairs, and how many articles state a pair and when
(SQL for ``bot.map``), on either store: the SQL written once, with the store's dialect."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage import teams
from storage.dialect import SQLITE, Dialect

if TYPE_CHECKING:
    from storage.queries import Queries

PAIRS_READ = 200  # a company's pairs read at most, most attested first


class Graph:
    """A store's company pairs read as a graph, for maps."""

    def __init__(self, store: Queries, dialect: Dialect = SQLITE):
        self.store = store
        self.d = dialect

    def pairs_of(self, company: str, *, limit: int = PAIRS_READ, team: str | None = None) -> list[dict]:
        """The pairs of ``company``, both kinds, most attested first (then the most recent):
        ``company``, ``type``, ``other`` (as stored) and ``n``, how many relations state it. One row
        per pair, kept at write time (``relation_pairs``): bounded however much is stored;
        ``team``: counted in what it sees (see ``Queries._team_pairs``)."""
        if team is not None and teams.hidden_count(self.store.conn, team, self.d.ph):
            kinds = sorted({row["type"] for row in self.store.query("SELECT DISTINCT type FROM relation_pairs")})
            pairs = self.store._team_pairs(company, team, limit=limit, other=None, evidence=0, kinds=kinds)
            pairs.sort(key=lambda p: (-p["n"], -p["last_id"], p["type"], p["other"]))
            return [{k: p[k] for k in ("company", "type", "other", "n")} for p in pairs[:limit]]
        return self.store.query(
            self.d.sql(
                f"SELECT company, type, other, n FROM relation_pairs WHERE {self.d.same('company')}"
                " ORDER BY n DESC, last_id DESC, type, other LIMIT ?"
            ),
            (company, limit),
        )

    def pair_support(self, a: str, b: str, kind: str, *, team: str | None = None) -> dict:
        """How many articles state that ``a`` and ``b`` compete or partner (``kind``), and the
        first and last day among them (``YYYY-MM-DD``, by publication date, else the day stored).
        Walks the pair's (a, b, type) index, either way round."""
        side = (
            f"SELECT r.article_id FROM relations r WHERE {self.d.same('r.a')} AND {self.d.same('r.b')} AND r.type = ?"
        )
        hide, hidden = teams.hidden(team, "x.article_id")
        return self.store.query(
            self.d.sql(
                "SELECT count(*) AS articles, min(day) AS first, max(day) AS last FROM ("
                " SELECT DISTINCT x.article_id, substr(coalesce(ar.published, ar.ingested_at), 1, 10) AS day"
                f" FROM ({side} UNION {side}) x JOIN articles ar{self.d.indexed('articles_cited')}"
                f" ON ar.id = x.article_id{hide}) days"
            ),
            (a, b, kind, b, a, kind, *hidden),
        )[0]
