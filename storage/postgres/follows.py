"""Follows, their arrivals, and the ledger that posts each new article once in each channel, on
PostgreSQL (``storage.follows`` says what each does; migration 4 how arrivals keep the order of
commits). Claims (a follow's, a digest's) take one advisory lock, ``FOLLOW_CLAIMS``, for their
transaction: the (channel, article) key makes an article come once to a channel, and the lock
keeps two replicas from waiting on each other's keys in turn."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from storage.follows import OPEN, PROGRESS, key
from storage.postgres.digests import _alive, _beat
from storage.postgres.locks import FOLLOW_CLAIMS
from storage.postgres.search import MATCHES, ts_query

if TYPE_CHECKING:
    from storage.postgres.store import PostgresStore


class Follows:
    def __init__(self, store: PostgresStore):
        self.store = store

    def add(
        self, channel: str, kind: str, name: str, *, now: str, created_by: str | None = None, team: str | None = None
    ) -> bool:
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "INSERT INTO follows (channel, kind, name, name_key, created_by, created_at, after_seq, team)"
                    " VALUES (%s, %s, %s, %s, %s, %s, (SELECT coalesce(max(seq), 0) FROM arrivals), %s)"
                    " ON CONFLICT (channel, kind, name_key) DO NOTHING",
                    (channel, kind, name, key(name), created_by, now, team),
                ).rowcount
                > 0
            )

    def remove(self, channel: str, name: str) -> list[dict]:
        with self.store.transaction() as conn:
            return conn.execute(
                "DELETE FROM follows WHERE channel = %s AND name_key = %s RETURNING *", (channel, key(name))
            ).fetchall()

    def of_channel(self, channel: str) -> list[dict]:
        return self.store.query("SELECT * FROM follows WHERE channel = %s ORDER BY kind, name_key", (channel,))

    def of_person(self, user: str, *, limit: int = 50, team: str | None = None) -> list[dict]:
        """What ``user`` follows: in their DM, and in the channels where they set a follow up
        (``team``: in that workspace only)."""
        mine = "" if team is None else " AND team = %s"
        return self.store.query(
            f"SELECT * FROM follows WHERE (channel = %s OR created_by = %s){mine}"
            " ORDER BY channel <> %s, channel, kind, name_key LIMIT %s",
            (user, user, *(() if team is None else (team,)), user, limit),
        )

    def every(self) -> list[dict]:
        return self.store.query("SELECT * FROM follows ORDER BY channel, kind, name_key")

    def posts_per_follow(self) -> dict[tuple[str, str], int]:
        counts: dict[tuple[str, str], int] = {}
        rows = self.store.rows(
            "SELECT ca.channel, ca.follows FROM channel_articles ca JOIN follow_batches b ON b.id = ca.batch_id"
            " WHERE ca.via = 'follow' AND b.status = 'posted'"
        )
        for channel, follows in rows:
            for name in json.loads(follows or "[]"):
                counts[(channel, key(name))] = counts.get((channel, key(name)), 0) + 1
        return counts

    def latest_seq(self) -> int:
        return self.store.value("SELECT coalesce(max(seq), 0) FROM arrivals")

    def progress(self) -> int | None:
        return self.store.value("SELECT seq FROM follow_progress WHERE name = %s", (PROGRESS,))

    def advance(self, seq: int) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO follow_progress AS p (name, seq) VALUES (%s, %s)"
                " ON CONFLICT (name) DO UPDATE SET seq = greatest(p.seq, excluded.seq)",
                (PROGRESS, seq),
            )

    def arrivals(self, after: int, upto: int, *, stored_since: str) -> list[dict]:
        return self.store.query(
            "SELECT seq, article_id, stored_at FROM arrivals"
            " WHERE seq > %s AND seq <= %s AND stored_at >= %s ORDER BY seq",
            (after, upto, stored_since),
        )

    def forget_arrivals(self, *, before: str) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "DELETE FROM arrivals WHERE seq < coalesce((SELECT min(seq) FROM arrivals WHERE stored_at >= %s),"
                " (SELECT max(seq) + 1 FROM arrivals))",
                (before,),
            )

    def names_in(self, article_ids: list[int]) -> dict[int, list[tuple[str, str, str | None]]]:
        found: dict[int, list[tuple[str, str, str | None]]] = {}
        if not article_ids:
            return found
        for row in self.store.rows(
            "SELECT DISTINCT m.article_id, e.name, e.type, e.owner FROM mentions m"
            " JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ANY(%s)",
            (list(article_ids),),
        ):
            found.setdefault(row[0], []).append((row[1], row[2], row[3]))
        return found

    def matching_topic(self, topic: str, low: int, high: int) -> set[int]:
        expr = ts_query(topic)
        if expr is None:
            return set()
        rows = self.store.rows(
            f"SELECT id FROM articles WHERE search @@ {MATCHES} AND id >= %s AND id <= %s", (expr, low, high)
        )
        return {row[0] for row in rows}

    def first_stated(self, a: str, b: str, kind: str) -> int | None:
        return self.store.value(
            "SELECT article_id FROM relations WHERE lower(a) = lower(%s) AND lower(b) = lower(%s) AND type = %s"
            " ORDER BY id LIMIT 1",
            (a, b, kind),
        )

    def claim(
        self,
        plan: dict[str, list[tuple[int, list[str]]]],
        *,
        worker: str,
        lease: str,
        now: str,
        size: int,
        upto: int,
    ) -> list[dict]:
        made = []
        with self.store.transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", FOLLOW_CLAIMS)
            _beat(conn, worker, now)
            conn.execute(
                "INSERT INTO follow_progress AS p (name, seq) VALUES (%s, %s)"
                " ON CONFLICT (name) DO UPDATE SET seq = greatest(p.seq, excluded.seq)",
                (PROGRESS, upto),
            )
            for channel, items in plan.items():
                fresh = []
                for article_id, names in items:
                    inserted = conn.execute(
                        "INSERT INTO channel_articles (channel, article_id, via, follows, at)"
                        " VALUES (%s, %s, 'follow', %s, %s) ON CONFLICT (channel, article_id) DO NOTHING",
                        (channel, article_id, json.dumps(names), now),
                    ).rowcount
                    if inserted:
                        fresh.append(article_id)
                for start in range(0, len(fresh), size):
                    part = fresh[start : start + size]
                    batch = conn.execute(
                        "INSERT INTO follow_batches (channel, key, status, claimed_by, claimed_at, lease)"
                        " VALUES (%s, %s, 'claimed', %s, %s, %s) RETURNING *",
                        (channel, f"{lease}-{len(made)}", worker, now, lease),
                    ).fetchone()
                    conn.execute(
                        "UPDATE channel_articles SET batch_id = %s WHERE channel = %s AND article_id = ANY(%s)",
                        (batch["id"], channel, part),
                    )
                    made.append({**batch, "articles": part})
        return made

    def take_over(self, batch: dict, *, worker: str, lease: str, now: str, dead_before: str) -> dict | None:
        with self.store.transaction() as conn:
            _beat(conn, worker, now)
            row = conn.execute("SELECT * FROM follow_batches WHERE id = %s FOR UPDATE", (batch["id"],)).fetchone()
            if row is None or row["status"] not in OPEN or row["lease"] != batch["lease"]:
                return None
            if row["status"] == "claimed" and _alive(conn, row["claimed_by"], dead_before):
                return None
            return conn.execute(
                "UPDATE follow_batches SET status = 'claimed', claimed_by = %s, lease = %s, attempts = attempts + 1,"
                " finished_at = NULL WHERE id = %s AND lease IS NOT DISTINCT FROM %s RETURNING *",
                (worker, lease, row["id"], row["lease"]),
            ).fetchone()

    def open_batches(self, *, dead_before: str) -> list[dict]:
        return self.store.query(
            "SELECT b.* FROM follow_batches b LEFT JOIN digest_workers w ON w.worker = b.claimed_by"
            " WHERE b.status = 'failed' OR (b.status = 'claimed' AND (w.beat_at IS NULL OR w.beat_at < %s))"
            " ORDER BY b.id",
            (dead_before,),
        )

    def items(self, batch_id: int) -> list[tuple[int, list[str]]]:
        rows = self.store.rows(
            "SELECT article_id, follows FROM channel_articles WHERE batch_id = %s ORDER BY at, article_id", (batch_id,)
        )
        return [(row[0], json.loads(row[1] or "[]")) for row in rows]

    def checked(self, batch_id: int, lease: str) -> bool:
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "UPDATE follow_batches SET unsure = 0 WHERE id = %s AND lease = %s AND status = 'claimed'",
                    (batch_id, lease),
                ).rowcount
                > 0
            )

    def begin_post(self, batch_id: int, lease: str, *, now: str) -> bool:
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "UPDATE follow_batches SET unsure = 1, posting_at = coalesce(posting_at, %s)"
                    " WHERE id = %s AND lease = %s AND status = 'claimed'",
                    (now, batch_id, lease),
                ).rowcount
                > 0
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
        with self.store.transaction() as conn:
            done = (
                conn.execute(
                    "UPDATE follow_batches SET status = %s, finished_at = %s, ts = coalesce(%s, ts), error = %s,"
                    " unsure = coalesce(%s, unsure), posted_channel = coalesce(%s, posted_channel)"
                    " WHERE id = %s AND lease = %s AND status = 'claimed'",
                    (status, now, ts, error, None if unsure is None else int(unsure), posted_channel, batch_id, lease),
                ).rowcount
                > 0
            )
            if done and status in ("expired", "empty"):
                conn.execute("DELETE FROM channel_articles WHERE batch_id = %s", (batch_id,))
            return done

    def batch(self, batch_id: int) -> dict | None:
        rows = self.store.query("SELECT * FROM follow_batches WHERE id = %s", (batch_id,))
        return rows[0] if rows else None

    def had(self, channel: str, article_ids: Iterable[int]) -> set[int]:
        ids = list(article_ids)
        if not ids:
            return set()
        rows = self.store.rows(
            "SELECT article_id FROM channel_articles WHERE channel = %s AND article_id = ANY(%s)", (channel, ids)
        )
        return {row[0] for row in rows}

    def followed_in(self, channel: str, article_ids: Iterable[int]) -> set[int]:
        ids = list(article_ids)
        if not ids:
            return set()
        rows = self.store.rows(
            "SELECT article_id FROM channel_articles WHERE channel = %s AND via = 'follow' AND article_id = ANY(%s)",
            (channel, ids),
        )
        return {row[0] for row in rows}

    def claim_for_digest(self, channel: str, article_ids: list[int], *, now: str) -> set[int]:
        taken: set[int] = set()
        with self.store.transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", FOLLOW_CLAIMS)
            for article_id in article_ids:
                row = conn.execute(
                    "INSERT INTO channel_articles AS ca (channel, article_id, via, at) VALUES (%s, %s, 'digest', %s)"
                    " ON CONFLICT (channel, article_id) DO UPDATE SET at = ca.at RETURNING via",
                    (channel, article_id, now),
                ).fetchone()
                if row["via"] != "digest":
                    taken.add(article_id)
        return taken
