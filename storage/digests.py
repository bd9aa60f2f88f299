"""Digest subscriptions and the ledger of digest runs (SQL for ``bot.digest``)."""

from __future__ import annotations

from storage.store import Store

DONE = ("posted", "empty", "paused", "missed")


def subscribe(
    store: Store, channel: str, *, schedule: str, at: str, zone: str, now: str, created_by=None, team=None
) -> None:
    """Create or change a channel's subscription (a paused one is resumed)."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO subscriptions (channel, team, schedule, at, zone, created_by, created_at, paused_reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT(channel) DO UPDATE SET schedule = excluded.schedule,"
            " at = excluded.at, zone = excluded.zone, created_by = excluded.created_by, paused_reason = NULL",
            (channel, team, schedule, at, zone, created_by, now),
        )


def unsubscribe(store: Store, channel: str) -> bool:
    with store.transaction() as conn:
        return conn.execute("DELETE FROM subscriptions WHERE channel = ?", (channel,)).rowcount > 0


def subscription(store: Store, channel: str) -> dict | None:
    rows = store.query("SELECT * FROM subscriptions WHERE channel = ?", (channel,))
    return rows[0] if rows else None


def subscriptions(store: Store) -> list[dict]:
    return store.query("SELECT * FROM subscriptions ORDER BY channel")


def pause(store: Store, channel: str, reason: str) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE subscriptions SET paused_reason = ? WHERE channel = ?", (reason, channel))


def claim(store: Store, channel: str, period: str, *, worker: str, now: str, stale_before: str) -> dict | None:
    """Claim the run of ``channel`` for ``period``; ``None`` when it is not ours to run.

    A new period is claimed by inserting it. An existing one is taken over only when it
    failed, or when its claim is older than ``stale_before`` (the process that claimed it
    died): the caller then gets the row with ``recovering`` set, to check Slack before
    posting again. A run that finished, or one another worker claimed recently, is left alone.
    """
    with store.transaction() as conn:
        inserted = conn.execute(
            "INSERT INTO digest_runs (channel, period, status, claimed_by, claimed_at) VALUES (?, ?, 'claimed', ?, ?)"
            " ON CONFLICT(channel, period) DO NOTHING RETURNING *",
            (channel, period, worker, now),
        ).fetchone()
        if inserted is not None:
            return {**dict(inserted), "recovering": False}
        row = dict(
            conn.execute("SELECT * FROM digest_runs WHERE channel = ? AND period = ?", (channel, period)).fetchone()
        )
        if row["status"] in DONE:
            return None
        if row["status"] == "claimed" and row["claimed_at"] > stale_before:
            return None  # another worker is on it right now
        conn.execute(
            "UPDATE digest_runs SET status = 'claimed', claimed_by = ?, claimed_at = ?, error = NULL WHERE id = ?",
            (worker, now, row["id"]),
        )
        return {
            **row,
            "claimed_by": worker,
            "recovering": row["status"] == "claimed",
            "previous_claim": row["claimed_at"],
        }


def finish(store: Store, run_id: int, status: str, *, now: str, ts=None, error=None, articles=None, until=None) -> None:
    with store.transaction() as conn:
        conn.execute(
            "UPDATE digest_runs SET status = ?, finished_at = ?, ts = coalesce(?, ts), error = ?,"
            " articles = coalesce(?, articles), until = coalesce(?, until) WHERE id = ?",
            (status, now, ts, error, articles, until, run_id),
        )


def record(store: Store, channel: str, period: str, status: str, *, now: str, error: str | None = None) -> None:
    """A run that never started (missed while the bot was down), so status can show it."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO digest_runs (channel, period, status, claimed_at, finished_at, error)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(channel, period) DO NOTHING",
            (channel, period, status, now, now, error),
        )


def run_for(store: Store, channel: str, period: str) -> dict | None:
    rows = store.query("SELECT * FROM digest_runs WHERE channel = ? AND period = ?", (channel, period))
    return rows[0] if rows else None


def last_run(store: Store, channel: str) -> dict | None:
    rows = store.query(
        "SELECT * FROM digest_runs WHERE channel = ? ORDER BY claimed_at DESC, id DESC LIMIT 1", (channel,)
    )
    return rows[0] if rows else None


def digested_until(store: Store, channel: str) -> str | None:
    """The ingestion time up to which the channel's articles have been in a digest."""
    row = store.conn.execute(
        "SELECT max(until) FROM digest_runs WHERE channel = ? AND status = 'posted'", (channel,)
    ).fetchone()
    return row[0]


def newest_ingestion(store: Store) -> str | None:
    return store.conn.execute("SELECT max(ingested_at) FROM articles").fetchone()[0]
