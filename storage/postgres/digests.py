"""Digest subscriptions and the ledger of digest runs on PostgreSQL (``storage.digests`` says
what each does). A claim inserts the run, or locks its row (``FOR UPDATE``) to take it over;
every later write names the claim's lease, so a worker whose claim was taken over changes
nothing, whichever replica it runs in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from storage.digests import DONE

if TYPE_CHECKING:
    from storage.postgres.store import PostgresStore


def _beat(conn, worker: str, now: str) -> None:
    conn.execute(
        "INSERT INTO digest_workers AS w (worker, beat_at) VALUES (%s, %s)"
        " ON CONFLICT (worker) DO UPDATE SET beat_at = greatest(w.beat_at, excluded.beat_at)",
        (worker, now),
    )


def _alive(conn, worker: str | None, dead_before: str) -> bool:
    if not worker:
        return False
    row = conn.execute("SELECT beat_at FROM digest_workers WHERE worker = %s", (worker,)).fetchone()
    return row is not None and row["beat_at"] >= dead_before


class Digests:
    def __init__(self, store: PostgresStore):
        self.store = store

    # -- subscriptions -------------------------------------------------------------------------

    def subscribe(
        self, channel: str, *, schedule: str, at: str, zone: str, now: str, created_by=None, team=None
    ) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO subscriptions (channel, team, schedule, at, zone, created_by, created_at, changed_at,"
                " paused_reason) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, NULL) ON CONFLICT (channel) DO UPDATE SET"
                " schedule = excluded.schedule, at = excluded.at, zone = excluded.zone,"
                " created_by = excluded.created_by, changed_at = excluded.changed_at, paused_reason = NULL",
                (channel, team, schedule, at, zone, created_by, now, now),
            )

    def unsubscribe(self, channel: str) -> bool:
        with self.store.transaction() as conn:
            return conn.execute("DELETE FROM subscriptions WHERE channel = %s", (channel,)).rowcount > 0

    def subscription(self, channel: str) -> dict | None:
        rows = self.store.query("SELECT * FROM subscriptions WHERE channel = %s", (channel,))
        return rows[0] if rows else None

    def subscriptions(self) -> list[dict]:
        return self.store.query("SELECT * FROM subscriptions ORDER BY channel")

    def subscriptions_by(self, user: str, *, limit: int = 50, team: str | None = None) -> list[dict]:
        """The channels whose digest ``user`` set up (``team``: in that workspace), at most
        ``limit``, the latest set up first."""
        mine = "" if team is None else " AND team = %s"
        return self.store.query(
            f"SELECT * FROM subscriptions WHERE created_by = %s{mine} ORDER BY created_at DESC, channel LIMIT %s",
            (user, *(() if team is None else (team,)), limit),
        )

    def pause(self, channel: str, reason: str) -> None:
        with self.store.transaction() as conn:
            conn.execute("UPDATE subscriptions SET paused_reason = %s WHERE channel = %s", (reason, channel))

    def resume(self, channel: str) -> bool:
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "UPDATE subscriptions SET paused_reason = NULL WHERE channel = %s AND paused_reason IS NOT NULL",
                    (channel,),
                ).rowcount
                > 0
            )

    # -- workers -------------------------------------------------------------------------------

    def beat(self, worker: str, *, now: str, forget_before: str | None = None) -> None:
        with self.store.transaction() as conn:
            _beat(conn, worker, now)
            if forget_before is not None:
                conn.execute("DELETE FROM digest_workers WHERE beat_at < %s", (forget_before,))

    def worker_alive(self, worker: str | None, *, dead_before: str) -> bool:
        return _alive(self.store.conn, worker, dead_before)

    # -- the ledger ----------------------------------------------------------------------------

    def claim(
        self,
        channel: str,
        period: str,
        *,
        worker: str,
        lease: str,
        now: str,
        dead_before: str,
        retry: Callable[[dict], bool] = lambda run: True,
    ) -> dict | None:
        """Claim the run of ``channel`` for ``period`` under ``lease`` (``storage.digests``): a new
        one by inserting it (a replica inserting the same at once waits, then finds it), an
        existing one by locking its row and taking it over when it failed and may be retried, or
        when its worker stopped beating."""
        with self.store.transaction() as conn:
            _beat(conn, worker, now)
            inserted = conn.execute(
                "INSERT INTO digest_runs (channel, period, status, claimed_by, claimed_at, lease, attempts)"
                " VALUES (%s, %s, 'claimed', %s, %s, %s, 1) ON CONFLICT (channel, period) DO NOTHING RETURNING *",
                (channel, period, worker, now, lease),
            ).fetchone()
            if inserted is not None:
                return inserted
            row = conn.execute(
                "SELECT * FROM digest_runs WHERE channel = %s AND period = %s FOR UPDATE", (channel, period)
            ).fetchone()
            if row is None or row["status"] in DONE:
                return None
            if row["status"] == "claimed" and _alive(conn, row["claimed_by"], dead_before):
                return None  # a live process is on it
            if row["status"] == "failed" and not retry(row):
                return None
            return conn.execute(
                "UPDATE digest_runs SET status = 'claimed', claimed_by = %s, claimed_at = %s, lease = %s,"
                " attempts = attempts + 1, finished_at = NULL WHERE id = %s AND lease IS NOT DISTINCT FROM %s"
                " RETURNING *",
                (worker, now, lease, row["id"], row["lease"]),
            ).fetchone()

    def begin_post(self, run_id: int, lease: str, *, now: str, articles: int, until: str | None) -> bool:
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "UPDATE digest_runs SET unsure = 1, posting_at = %s, articles = %s, until = %s"
                    " WHERE id = %s AND lease = %s AND status = 'claimed'",
                    (now, articles, until, run_id, lease),
                ).rowcount
                > 0
            )

    def checked(self, run_id: int, lease: str) -> bool:
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "UPDATE digest_runs SET unsure = 0 WHERE id = %s AND lease = %s AND status = 'claimed'",
                    (run_id, lease),
                ).rowcount
                > 0
            )

    def finish(
        self,
        run_id: int,
        lease: str,
        status: str,
        *,
        now: str,
        ts: str | None = None,
        error: str | None = None,
        articles: int | None = None,
        until: str | None = None,
        unsure: bool | None = None,
    ) -> bool:
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "UPDATE digest_runs SET status = %s, finished_at = %s, ts = coalesce(%s, ts), error = %s,"
                    " articles = coalesce(%s, articles), until = coalesce(%s, until),"
                    " unsure = coalesce(%s, unsure) WHERE id = %s AND lease = %s AND status = 'claimed'",
                    (status, now, ts, error, articles, until, None if unsure is None else int(unsure), run_id, lease),
                ).rowcount
                > 0
            )

    def record(self, channel: str, period: str, status: str, *, now: str, error: str | None = None) -> bool:
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "INSERT INTO digest_runs (channel, period, status, claimed_at, finished_at, error)"
                    " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (channel, period) DO NOTHING",
                    (channel, period, status, now, now, error),
                ).rowcount
                > 0
            )

    def run_for(self, channel: str, period: str) -> dict | None:
        rows = self.store.query("SELECT * FROM digest_runs WHERE channel = %s AND period = %s", (channel, period))
        return rows[0] if rows else None

    def done_periods(self, channel: str, periods: list[str]) -> set[str]:
        if not periods:
            return set()
        rows = self.store.rows(
            "SELECT period FROM digest_runs WHERE channel = %s AND period = ANY(%s) AND status = ANY(%s)",
            (channel, list(periods), list(DONE)),
        )
        return {row[0] for row in rows}

    def abandoned(self, *, dead_before: str) -> list[dict]:
        return self.store.query(
            "SELECT r.* FROM digest_runs r LEFT JOIN digest_workers w ON w.worker = r.claimed_by"
            " WHERE r.status = 'claimed' AND (w.beat_at IS NULL OR w.beat_at < %s) ORDER BY r.id",
            (dead_before,),
        )

    def last_run(self, channel: str) -> dict | None:
        rows = self.store.query(
            "SELECT * FROM digest_runs WHERE channel = %s ORDER BY claimed_at DESC, id DESC LIMIT 1", (channel,)
        )
        return rows[0] if rows else None

    # -- what is new ---------------------------------------------------------------------------

    def digested_until(self, channel: str) -> str | None:
        return self.store.value(
            "SELECT max(until) FROM digest_runs WHERE channel = %s AND status = 'posted'", (channel,)
        )

    def newest_ingestion(self) -> str | None:
        return self.store.value("SELECT max(ingested_at) FROM articles")

    def new_articles(self, since: str, until: str, limit: int) -> list[dict]:
        """Articles stored after ``since`` and up to ``until`` (those ``count_new`` counts), the
        latest published first (by ingestion when undated), at most ``limit``: a range of
        ``articles_ingested``, then put in date order."""
        return self.store.query(
            "SELECT id, source, title, url, published, ingested_at FROM articles"
            " WHERE ingested_at > %s AND ingested_at <= %s"
            " ORDER BY coalesce(published, ingested_at) DESC, id DESC LIMIT %s",
            (since, until, limit),
        )

    def count_new(self, since: str, until: str) -> int:
        return self.store.value(
            "SELECT count(*) FROM articles WHERE ingested_at > %s AND ingested_at <= %s", (since, until)
        )
