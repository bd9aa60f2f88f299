"""Digest subscriptions and the ledger of digest runs (SQL for ``bot.digest``).

A run is one (channel, period) row. Its life: ``claimed`` (by a worker, under a lease token)
-> ``posted`` / ``empty`` / ``failed`` / ``paused`` / ``missed``. Every write after the claim
names the lease (compare-and-set), so a worker whose claim was taken over changes nothing.
``unsure`` is set just before chat.postMessage and cleared by its answer: a run left unsure
may have been posted without its ``ts`` being recorded, and is checked in Slack before any
new attempt. Workers beat in ``digest_workers``; a claim is taken over only from a worker
that stopped beating (a process that died), never from a live one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.store import Store

DONE = ("posted", "empty", "paused", "missed")


def _beat(conn, worker: str, now: str) -> None:
    conn.execute(
        "INSERT INTO digest_workers (worker, beat_at) VALUES (?, ?)"
        " ON CONFLICT(worker) DO UPDATE SET beat_at = max(beat_at, excluded.beat_at)",
        (worker, now),
    )


def _alive(conn, worker: str | None, dead_before: str) -> bool:
    if not worker:
        return False
    row = conn.execute("SELECT beat_at FROM digest_workers WHERE worker = ?", (worker,)).fetchone()
    return row is not None and row[0] >= dead_before


class Digests:
    """A store's digest subscriptions, workers and ledger of runs (see the module's docstring)."""

    def __init__(self, store: Store):
        self.store = store

    # -- subscriptions -----------------------------------------------------------------------

    def subscribe(
        self, channel: str, *, schedule: str, at: str, zone: str, now: str, created_by=None, team=None
    ) -> None:
        """Create or change a channel's subscription (a paused one is resumed)."""
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO subscriptions (channel, team, schedule, at, zone, created_by, created_at, changed_at,"
                " paused_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT(channel) DO UPDATE SET"
                " schedule = excluded.schedule, at = excluded.at, zone = excluded.zone,"
                " created_by = excluded.created_by, changed_at = excluded.changed_at, paused_reason = NULL",
                (channel, team, schedule, at, zone, created_by, now, now),
            )

    def unsubscribe(self, channel: str) -> bool:
        with self.store.transaction() as conn:
            return conn.execute("DELETE FROM subscriptions WHERE channel = ?", (channel,)).rowcount > 0

    def subscription(self, channel: str) -> dict | None:
        rows = self.store.query("SELECT * FROM subscriptions WHERE channel = ?", (channel,))
        return rows[0] if rows else None

    def subscriptions(self) -> list[dict]:
        return self.store.query("SELECT * FROM subscriptions ORDER BY channel")

    def subscriptions_by(self, user: str, *, limit: int = 50, team: str | None = None) -> list[dict]:
        """The channels whose digest ``user`` set up (``team``: in that workspace), at most
        ``limit``, the latest set up first."""
        mine = "" if team is None else " AND team IS ?"
        return self.store.query(
            f"SELECT * FROM subscriptions WHERE created_by = ?{mine} ORDER BY created_at DESC, channel LIMIT ?",
            (user, *(() if team is None else (team,)), limit),
        )

    def pause(self, channel: str, reason: str) -> None:
        with self.store.transaction() as conn:
            conn.execute("UPDATE subscriptions SET paused_reason = ? WHERE channel = ?", (reason, channel))

    def resume(self, channel: str) -> bool:
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "UPDATE subscriptions SET paused_reason = NULL WHERE channel = ? AND paused_reason IS NOT NULL",
                    (channel,),
                ).rowcount
                > 0
            )

    # -- workers -----------------------------------------------------------------------------

    def beat(self, worker: str, *, now: str, forget_before: str | None = None) -> None:
        """``worker`` is alive at ``now``; workers silent since ``forget_before`` are forgotten."""
        with self.store.transaction() as conn:
            _beat(conn, worker, now)
            if forget_before is not None:
                conn.execute("DELETE FROM digest_workers WHERE beat_at < ?", (forget_before,))

    def worker_alive(self, worker: str | None, *, dead_before: str) -> bool:
        return _alive(self.store.conn, worker, dead_before)

    # -- the ledger --------------------------------------------------------------------------

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
        """Claim the run of ``channel`` for ``period`` under ``lease``; ``None`` when it is not ours.

        A new period is claimed by inserting it. An existing one is taken over only when it
        failed and ``retry(run)`` allows another attempt, or when it is claimed by a worker whose
        last heartbeat is older than ``dead_before`` (the process died). A finished run, or one a
        live worker holds, is left alone. The claimer's own heartbeat is written in the same
        transaction. The row returned carries ``unsure``: check Slack before posting.
        """
        with self.store.transaction() as conn:
            _beat(conn, worker, now)
            inserted = conn.execute(
                "INSERT INTO digest_runs (channel, period, status, claimed_by, claimed_at, lease, attempts)"
                " VALUES (?, ?, 'claimed', ?, ?, ?, 1) ON CONFLICT(channel, period) DO NOTHING RETURNING *",
                (channel, period, worker, now, lease),
            ).fetchone()
            if inserted is not None:
                return dict(inserted)
            row = dict(
                conn.execute("SELECT * FROM digest_runs WHERE channel = ? AND period = ?", (channel, period)).fetchone()
            )
            if row["status"] in DONE:
                return None
            if row["status"] == "claimed" and _alive(conn, row["claimed_by"], dead_before):
                return None  # a live process is on it
            if row["status"] == "failed" and not retry(row):
                return None
            taken = conn.execute(
                "UPDATE digest_runs SET status = 'claimed', claimed_by = ?, claimed_at = ?, lease = ?,"
                " attempts = attempts + 1, finished_at = NULL WHERE id = ? AND lease IS ? RETURNING *",
                (worker, now, lease, row["id"], row["lease"]),
            ).fetchone()
            return dict(taken) if taken is not None else None

    def begin_post(self, run_id: int, lease: str, *, now: str, articles: int, until: str | None) -> bool:
        """Just before chat.postMessage: the run becomes unsure (a post may exist from ``now`` on).

        ``False`` when the lease was lost: the caller must not post.
        """
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "UPDATE digest_runs SET unsure = 1, posting_at = ?, articles = ?, until = ?"
                    " WHERE id = ? AND lease = ? AND status = 'claimed'",
                    (now, articles, until, run_id, lease),
                ).rowcount
                > 0
            )

    def checked(self, run_id: int, lease: str) -> bool:
        """Slack was checked and holds no post of this run: it is certain again."""
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "UPDATE digest_runs SET unsure = 0 WHERE id = ? AND lease = ? AND status = 'claimed'",
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
        """End a claimed run (under its lease); ``False`` when the lease was lost meanwhile."""
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "UPDATE digest_runs SET status = ?, finished_at = ?, ts = coalesce(?, ts), error = ?,"
                    " articles = coalesce(?, articles), until = coalesce(?, until), unsure = coalesce(?, unsure)"
                    " WHERE id = ? AND lease = ? AND status = 'claimed'",
                    (status, now, ts, error, articles, until, None if unsure is None else int(unsure), run_id, lease),
                ).rowcount
                > 0
            )

    def record(self, channel: str, period: str, status: str, *, now: str, error: str | None = None) -> bool:
        """A run that never started (missed while the bot was down), so status can show it."""
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "INSERT INTO digest_runs (channel, period, status, claimed_at, finished_at, error)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(channel, period) DO NOTHING",
                    (channel, period, status, now, now, error),
                ).rowcount
                > 0
            )

    def run_for(self, channel: str, period: str) -> dict | None:
        rows = self.store.query("SELECT * FROM digest_runs WHERE channel = ? AND period = ?", (channel, period))
        return rows[0] if rows else None

    def done_periods(self, channel: str, periods: list[str]) -> set[str]:
        if not periods:
            return set()
        marks = ",".join("?" * len(periods))
        rows = self.store.conn.execute(
            f"SELECT period FROM digest_runs WHERE channel = ? AND period IN ({marks}) AND status IN {DONE}",
            (channel, *periods),
        )
        return {row[0] for row in rows}

    def abandoned(self, *, dead_before: str) -> list[dict]:
        """Runs still claimed by workers that stopped beating (their process died midway)."""
        return self.store.query(
            "SELECT r.* FROM digest_runs r LEFT JOIN digest_workers w ON w.worker = r.claimed_by"
            " WHERE r.status = 'claimed' AND (w.beat_at IS NULL OR w.beat_at < ?) ORDER BY r.id",
            (dead_before,),
        )

    def last_run(self, channel: str) -> dict | None:
        rows = self.store.query(
            "SELECT * FROM digest_runs WHERE channel = ? ORDER BY claimed_at DESC, id DESC LIMIT 1", (channel,)
        )
        return rows[0] if rows else None

    # -- what is new -------------------------------------------------------------------------

    def digested_until(self, channel: str) -> str | None:
        """The ingestion time up to which the channel's articles have been in a digest."""
        row = self.store.conn.execute(
            "SELECT max(until) FROM digest_runs WHERE channel = ? AND status = 'posted'", (channel,)
        ).fetchone()
        return row[0]

    def newest_ingestion(self) -> str | None:
        return self.store.conn.execute("SELECT max(ingested_at) FROM articles").fetchone()[0]

    def new_articles(self, since: str, until: str, limit: int) -> list[dict]:
        """Articles stored after ``since`` and up to ``until`` (those ``count_new`` counts), the
        latest published first (by ingestion when undated), at most ``limit``.

        Read from the index on the moment stored, from ``since`` on: the work follows the
        articles stored since the last digest, however many the store holds (ordered by date
        over the whole table, a digest with fewer new articles than ``limit`` walked it all).
        What a citation shows is read from ``articles_cited``, not from the article's row.
        """
        return self.store.query(
            "SELECT a.id, a.source, a.title, a.url, a.published, a.ingested_at FROM articles a"
            " INDEXED BY articles_cited WHERE a.id IN (SELECT id FROM articles INDEXED BY articles_ingested"
            " WHERE ingested_at > ? AND ingested_at <= ?)"
            " ORDER BY coalesce(a.published, a.ingested_at) DESC, a.id DESC LIMIT ?",
            (since, until, limit),
        )

    def count_new(self, since: str, until: str) -> int:
        """Articles stored after ``since`` and up to ``until``."""
        return self.store.conn.execute(
            "SELECT count(*) FROM articles WHERE ingested_at > ? AND ingested_at <= ?", (since, until)
        ).fetchone()[0]
