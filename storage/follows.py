"""Follows, the arrivals they are matched against, and the ledger that posts each new article
once in each channel (SQL for ``bot.follows``, for both stores; SQLite's migration 14 and
PostgreSQL's 4 describe the tables).

Everything is keyed by (channel, workspace) (SQLite's migration 20): a Slack Connect channel
shared by two workspaces has the follows of each, each posted with its own workspace's token
and articles. ``team`` is the workspace (``None``: the single-workspace mode's, NULL in
``follows`` and '' in the ledgers).

The ledger's key is (channel, team, article) in ``channel_articles``: an article matched by two
of a channel's follows, or already in the channel's digest, is claimed once for a workspace. A channel's claimed
articles form a batch (one message), whose life is a digest run's: ``claimed`` under a lease ->
``posted`` / ``failed`` (retried) / ``paused`` / ``expired`` (its articles handed back to the
digest). ``unsure`` is set just before chat.postMessage and cleared by its answer; a batch left
unsure is looked for in the channel before any new attempt. Liveness is the digest workers'
(``storage.digests.beat``): a batch is taken over only from a worker that stopped beating.

Batches may be made *queued* (claimed by no one: ``claim(..., queued=True)``) and then claimed
a few at a time by any worker (``claim_queued``; on PostgreSQL ``FOR UPDATE SKIP LOCKED``), so
that replicas share the posting. On PostgreSQL, claims of (channel, article) keys (a follow's, a
digest's) take one advisory lock, ``FOLLOW_CLAIMS``, for their transaction: the key makes an
article come once to a channel, and the lock keeps two replicas from waiting on each other's
keys in turn (SQLite's write lock is the same, for the whole transaction).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from storage.dialect import SQLITE, Dialect
from storage.digests import MINE, _alive, _beat, _claim_queued, ws
from storage.fts import match_expression

if TYPE_CHECKING:
    from storage.interface import NewsStore

PROGRESS = "arrivals"  # follow_progress's one row: how far the arrivals have been matched
OPEN = ("claimed", "failed")


def key(name: str) -> str:
    return " ".join(name.split()).casefold()


class Follows:
    """A store's follows, the arrivals they are matched against, and the ledger that posts each once."""

    def __init__(self, store: NewsStore, dialect: Dialect = SQLITE):
        self.store = store
        self.d = dialect
        self.sql = dialect.sql

    def _ids(self, sql: str, params: tuple, ids: list) -> list:
        """Run ``sql`` whose last ``?`` stands for the list ``ids`` (``IN (...)`` on SQLite,
        ``= ANY(...)`` on PostgreSQL): the first column of each row."""
        if self.d.postgres:
            rows = self.store.query(self.sql(sql.replace(" IN (?)", " = ANY(?)")), (*params, list(ids)))
        else:
            rows = self.store.query(sql.replace("(?)", f"({','.join('?' * len(ids))})"), (*params, *ids))
        return [next(iter(row.values())) for row in rows]

    def _claims_lock(self, conn) -> None:
        if self.d.postgres:
            from storage.postgres.locks import FOLLOW_CLAIMS

            conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", FOLLOW_CLAIMS)

    def add(
        self,
        channel: str,
        kind: str,
        name: str,
        *,
        now: str,
        created_by: str | None = None,
        team: str | None = None,
        enterprise: str | None = None,
    ) -> bool:
        """Follow ``name`` (a company, person or topic) in ``channel`` (of the workspace ``team``,
        in the Enterprise Grid org ``enterprise``) from the next article stored on; ``False`` when
        the channel already follows it."""
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    self.sql(
                        "INSERT INTO follows (channel, kind, name, name_key, created_by, created_at, after_seq, team,"
                        " enterprise) VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) FROM arrivals), ?, ?)"
                        " ON CONFLICT (channel, (coalesce(team, '')), kind, name_key) DO NOTHING"
                    ),
                    (channel, kind, name, key(name), created_by, now, team, enterprise),
                ).rowcount
                > 0
            )

    def remove(self, channel: str, name: str, team: str | None = None) -> list[dict]:
        """Stop following ``name`` (of any kind) in ``channel`` (the workspace ``team``'s follows
        there); the follows removed."""
        with self.store.transaction() as conn:
            return [
                dict(row)
                for row in conn.execute(
                    self.sql("DELETE FROM follows WHERE channel = ?" + MINE + " AND name_key = ? RETURNING *"),
                    (channel, ws(team), key(name)),
                ).fetchall()
            ]

    def of_channel(self, channel: str, team: str | None = None) -> list[dict]:
        """The follows of the workspace ``team`` in ``channel`` (another's in a shared channel are not)."""
        return self.store.query(
            self.sql("SELECT * FROM follows WHERE channel = ?" + MINE + " ORDER BY kind, name_key"), (channel, ws(team))
        )

    def of_person(self, user: str, *, limit: int = 50, team: str | None = None) -> list[dict]:
        """What ``user`` follows: in their DM, and in the channels where they set a follow up
        (``team``: in that workspace only; an org's user is the same in each of its workspaces)."""
        mine = "" if team is None else f" AND team {self.d.same_as} ?"
        return self.store.query(
            self.sql(
                f"SELECT * FROM follows WHERE (channel = ? OR created_by = ?){mine}"
                " ORDER BY channel <> ?, channel, kind, name_key LIMIT ?"
            ),
            (user, user, *(() if team is None else (team,)), user, limit),
        )

    def every(self) -> list[dict]:
        return self.store.query("SELECT * FROM follows ORDER BY channel, coalesce(team, ''), kind, name_key")

    def posts_per_follow(self) -> dict[tuple[str, str, str], int]:
        """{(channel, team ('' for none), name_key): articles posted for it}: for listings."""
        counts: dict[tuple[str, str, str], int] = {}
        rows = self.store.query(
            "SELECT ca.channel, ca.team, ca.follows FROM channel_articles ca"
            " JOIN follow_batches b ON b.id = ca.batch_id WHERE ca.via = 'follow' AND b.status = 'posted'"
        )
        for row in rows:
            for name in json.loads(row["follows"] or "[]"):
                found = (row["channel"], row["team"], key(name))
                counts[found] = counts.get(found, 0) + 1
        return counts

    def latest_seq(self) -> int:
        return self.d.value(self.store.conn, "SELECT coalesce(max(seq), 0) FROM arrivals")

    def progress(self) -> int | None:
        return self.d.value(self.store.conn, "SELECT seq FROM follow_progress WHERE name = ?", (PROGRESS,))

    def _advance(self, conn, seq: int) -> None:
        conn.execute(
            self.sql(
                "INSERT INTO follow_progress AS p (name, seq) VALUES (?, ?)"
                f" ON CONFLICT (name) DO UPDATE SET seq = {self.d.greatest}(p.seq, excluded.seq)"
            ),
            (PROGRESS, seq),
        )

    def advance(self, seq: int) -> None:
        with self.store.transaction() as conn:
            self._advance(conn, seq)

    def arrivals(self, after: int, upto: int, *, stored_since: str) -> list[dict]:
        """Articles stored after ``after`` up to ``upto`` (arrival order), stored since
        ``stored_since`` (older ones are the digest's)."""
        return self.store.query(
            self.sql(
                "SELECT seq, article_id, stored_at FROM arrivals"
                " WHERE seq > ? AND seq <= ? AND stored_at >= ? ORDER BY seq"
            ),
            (after, upto, stored_since),
        )

    def forget_arrivals(self, *, before: str) -> None:
        """Arrivals stored before ``before`` are no follow's any more: dropped."""
        with self.store.transaction() as conn:
            conn.execute(
                self.sql(
                    "DELETE FROM arrivals WHERE seq < coalesce((SELECT min(seq) FROM arrivals WHERE stored_at >= ?),"
                    " (SELECT max(seq) + 1 FROM arrivals))"
                ),
                (before,),
            )

    def names_in(self, article_ids: list[int]) -> dict[int, list[tuple[str, str, str | None]]]:
        """{article id: [(name, type, owner)]} of the companies, products and people each names."""
        found: dict[int, list[tuple[str, str, str | None]]] = {}
        if not article_ids:
            return found
        if self.d.postgres:
            rows = self.store.query(
                "SELECT DISTINCT m.article_id, e.name, e.type, e.owner FROM mentions m"
                " JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ANY(%s)",
                (list(article_ids),),
            )
        else:
            marks = ",".join("?" * len(article_ids))
            rows = self.store.query(
                "SELECT DISTINCT m.article_id, e.name, e.type, e.owner FROM mentions m INDEXED BY mentions_article"
                f" JOIN entities e ON e.id = m.entity_id WHERE m.article_id IN ({marks})",
                article_ids,
            )
        for row in rows:
            found.setdefault(row["article_id"], []).append((row["name"], row["type"], row["owner"]))
        return found

    def matching_topic(self, topic: str, low: int, high: int) -> set[int]:
        """The articles with ids from ``low`` to ``high`` whose text holds every word of ``topic``."""
        if self.d.postgres:
            from storage.postgres.search import MATCHES, ts_query

            expr = ts_query(topic)
            sql = f"SELECT id FROM articles WHERE search @@ {MATCHES} AND id >= %s AND id <= %s"
        else:
            expr = match_expression(topic)
            sql = "SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? AND rowid <= ?"
        if expr is None:
            return set()
        return {row["id"] for row in self.store.query(sql, (expr, low, high))}

    def first_stated(self, a: str, b: str, kind: str) -> int | None:
        """The first article stored that states the pair (as ``relations`` stores it: ``a``, ``b``):
        that of the pair's first relation, found at the start of the pair's index, however often
        the pair is stated since."""
        if self.d.postgres:
            sql = (
                "SELECT article_id FROM relations WHERE lower(a) = lower(%s) AND lower(b) = lower(%s) AND type = %s"
                " ORDER BY id LIMIT 1"
            )
        else:
            sql = (
                "SELECT article_id FROM relations WHERE id = (SELECT min(id) FROM relations"
                " WHERE a = ? COLLATE NOCASE AND b = ? COLLATE NOCASE AND type = ?)"
            )
        return self.d.value(self.store.conn, sql, (a, b, kind))

    def claim(
        self,
        plan: dict[str, list[tuple[int, list[str]]]],
        *,
        worker: str,
        lease: str,
        now: str,
        size: int,
        upto: int,
        queued: bool = False,
    ) -> list[dict]:
        """For each channel of ``plan`` ({(channel, team): [(article id, names of the follows it
        matched)]}; a key may be a channel alone, of no workspace), claim the articles the
        channel has not had (nor is having) for that workspace and group them in batches of at
        most ``size``; and mark the arrivals matched up to ``upto``: all in one transaction. The
        batches made, each with its ``articles``: claimed by ``worker`` under ``lease``, or with
        ``queued`` claimed by no one, for ``claim_queued``."""
        made = []
        with self.store.transaction() as conn:
            self._claims_lock(conn)
            _beat(conn, worker, now, self.d)
            self._advance(conn, upto)
            for place, items in plan.items():
                channel, team = place if isinstance(place, tuple) else (place, "")
                fresh = []
                for article_id, names in items:
                    inserted = conn.execute(
                        self.sql(
                            "INSERT INTO channel_articles (channel, team, article_id, via, follows, at)"
                            " VALUES (?, ?, ?, 'follow', ?, ?) ON CONFLICT (channel, team, article_id) DO NOTHING"
                        ),
                        (channel, ws(team), article_id, json.dumps(names), now),
                    ).rowcount
                    if inserted:
                        fresh.append(article_id)
                for start in range(0, len(fresh), size):
                    part = fresh[start : start + size]
                    batch = conn.execute(
                        self.sql(
                            "INSERT INTO follow_batches (channel, team, key, status, claimed_by, claimed_at, lease,"
                            " attempts) VALUES (?, ?, ?, 'claimed', ?, ?, ?, ?) RETURNING *"
                        ),
                        (
                            channel,
                            ws(team),
                            f"{lease}-{len(made)}",
                            *((None, now, None, 0) if queued else (worker, now, lease, 1)),
                        ),
                    ).fetchone()
                    if self.d.postgres:
                        conn.execute(
                            "UPDATE channel_articles SET batch_id = %s WHERE channel = %s AND team = %s"
                            " AND article_id = ANY(%s)",
                            (batch["id"], channel, ws(team), part),
                        )
                    else:
                        conn.execute(
                            "UPDATE channel_articles SET batch_id = ? WHERE channel = ? AND team = ?"
                            f" AND article_id IN ({','.join('?' * len(part))})",
                            (batch["id"], channel, ws(team), *part),
                        )
                    made.append({**dict(batch), "articles": part})
        return made

    def claim_queued(self, *, worker: str, lease: str, now: str, limit: int) -> list[dict]:
        """Claim at most ``limit`` queued batches (the oldest first) under ``lease``, with this
        worker's heartbeat: batches another worker is claiming at this moment are skipped, not
        waited for. The batches claimed (none: the queue is empty)."""
        return _claim_queued(
            self.store,
            self.d,
            "follow_batches",
            "claimed_by = ?, lease = ?, attempts = attempts + 1",
            (worker, lease, limit),
            worker=worker,
            now=now,
        )

    def take_over(self, batch: dict, *, worker: str, lease: str, now: str, dead_before: str) -> dict | None:
        """Claim an open batch again under a new ``lease``: a failed one (the caller decided it is
        due), one whose worker stopped beating, or a queued one no worker claimed. ``None`` when
        it is not ours to take."""
        with self.store.transaction() as conn:
            _beat(conn, worker, now, self.d)
            row = conn.execute(
                self.sql(f"SELECT * FROM follow_batches WHERE id = ?{self.d.lock}"), (batch["id"],)
            ).fetchone()
            if row is None or row["status"] not in OPEN or row["lease"] != batch["lease"]:
                return None
            if row["status"] == "claimed" and _alive(conn, row["claimed_by"], dead_before, self.d):
                return None
            taken = conn.execute(
                self.sql(
                    "UPDATE follow_batches SET status = 'claimed', claimed_by = ?, lease = ?, attempts = attempts + 1,"
                    f" finished_at = NULL WHERE id = ? AND lease {self.d.same_as} ? RETURNING *"
                ),
                (worker, lease, row["id"], row["lease"]),
            ).fetchone()
            return dict(taken) if taken is not None else None

    def open_batches(self, *, dead_before: str) -> list[dict]:
        """Batches to settle: failed ones, claimed ones whose worker stopped beating, and queued
        ones no worker claimed since ``dead_before``."""
        return self.store.query(
            self.sql(
                "SELECT b.* FROM follow_batches b LEFT JOIN digest_workers w ON w.worker = b.claimed_by"
                " WHERE b.status = 'failed' OR (b.status = 'claimed' AND (w.beat_at < ? OR w.beat_at IS NULL"
                " AND (b.claimed_by IS NOT NULL OR b.claimed_at < ?))) ORDER BY b.id"
            ),
            (dead_before, dead_before),
        )

    def items(self, batch_id: int) -> list[tuple[int, list[str]]]:
        """(article id, names of the follows it matched) of a batch, in the order claimed."""
        rows = self.store.query(
            self.sql("SELECT article_id, follows FROM channel_articles WHERE batch_id = ? ORDER BY at, article_id"),
            (batch_id,),
        )
        return [(row["article_id"], json.loads(row["follows"] or "[]")) for row in rows]

    def _changed(self, sql: str, params=()) -> bool:
        with self.store.transaction() as conn:
            return conn.execute(self.sql(sql), params).rowcount > 0

    def checked(self, batch_id: int, lease: str) -> bool:
        """The channel was read and holds no post of this batch: it is certain again."""
        return self._changed(
            "UPDATE follow_batches SET unsure = 0 WHERE id = ? AND lease = ? AND status = 'claimed'", (batch_id, lease)
        )

    def begin_post(self, batch_id: int, lease: str, *, now: str) -> bool:
        """Just before chat.postMessage: the batch becomes unsure. ``False``: the lease was lost."""
        return self._changed(
            "UPDATE follow_batches SET unsure = 1, posting_at = coalesce(posting_at, ?)"
            " WHERE id = ? AND lease = ? AND status = 'claimed'",
            (now, batch_id, lease),
        )

    def finish(
        self,
        batch_id: int,
        lease: str,
        status: str,
        *,
        now: str,
        ts: str | None = None,
        error: str | None = None,
        unsure: bool | None = None,
        posted_channel: str | None = None,
    ) -> bool:
        """End a claimed batch under its lease; ``False`` when the lease was lost meanwhile. An
        ``expired`` or ``empty`` batch hands its articles back (the digest will have them)."""
        with self.store.transaction() as conn:
            done = (
                conn.execute(
                    self.sql(
                        "UPDATE follow_batches SET status = ?, finished_at = ?, ts = coalesce(?, ts), error = ?,"
                        " unsure = coalesce(?, unsure), posted_channel = coalesce(?, posted_channel)"
                        " WHERE id = ? AND lease = ? AND status = 'claimed'"
                    ),
                    (status, now, ts, error, None if unsure is None else int(unsure), posted_channel, batch_id, lease),
                ).rowcount
                > 0
            )
            if done and status in ("expired", "empty"):
                conn.execute(self.sql("DELETE FROM channel_articles WHERE batch_id = ?"), (batch_id,))
            return done

    def batch(self, batch_id: int) -> dict | None:
        rows = self.store.query(self.sql("SELECT * FROM follow_batches WHERE id = ?"), (batch_id,))
        return rows[0] if rows else None

    def had(self, channel: str, article_ids: Iterable[int], team: str | None = None) -> set[int]:
        """Which of ``article_ids`` the channel has had, or is having, by a follow or a digest of
        the workspace ``team``."""
        ids = list(article_ids)
        if not ids:
            return set()
        return set(
            self._ids(
                "SELECT article_id FROM channel_articles WHERE channel = ? AND team = ? AND article_id IN (?)",
                (channel, ws(team)),
                ids,
            )
        )

    def followed_in(self, channel: str, article_ids: Iterable[int], team: str | None = None) -> set[int]:
        """Which of ``article_ids`` a follow of the workspace ``team`` has posted (or is posting)
        in the channel."""
        ids = list(article_ids)
        if not ids:
            return set()
        return set(
            self._ids(
                "SELECT article_id FROM channel_articles WHERE channel = ? AND team = ? AND via = 'follow'"
                " AND article_id IN (?)",
                (channel, ws(team)),
                ids,
            )
        )

    def claim_for_digest(self, channel: str, article_ids: list[int], *, now: str, team: str | None = None) -> set[int]:
        """Claim ``article_ids`` for the channel's digest of the workspace ``team``; the ones a
        follow of that workspace has (or is posting), which the digest leaves out."""
        taken: set[int] = set()
        sql = self.sql(
            "INSERT INTO channel_articles AS ca (channel, team, article_id, via, at) VALUES (?, ?, ?, 'digest', ?)"
            " ON CONFLICT (channel, team, article_id) DO UPDATE SET at = ca.at RETURNING via"
        )
        with self.store.transaction() as conn:
            self._claims_lock(conn)
            for article_id in article_ids:
                if dict(conn.execute(sql, (channel, ws(team), article_id, now)).fetchone())["via"] != "digest":
                    taken.add(article_id)
        return taken
