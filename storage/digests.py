"""Digest subscriptions and the ledger of digest runs (SQL for ``bot.digest``), for both stores.

Everything is keyed by (channel, workspace): a Slack Connect channel shared by two workspaces
has a subscription, and runs, of each (SQLite's migration 20). ``team`` is the workspace
(``None``: the single-workspace mode's, kept NULL in ``subscriptions`` and '' in the ledger).

A run is one (channel, team, period) row. Its life: ``claimed`` (by a worker, under a lease token)
-> ``posted`` / ``empty`` / ``failed`` / ``paused`` / ``missed``. Every write after the claim
names the lease (compare-and-set), so a worker whose claim was taken over changes nothing.
``unsure`` is set just before chat.postMessage and cleared by its answer: a run left unsure
may have been posted without its ``ts`` being recorded, and is checked in Slack before any
new attempt. Workers beat in ``digest_workers``; a claim is taken over only from a worker
that stopped beating (a process that died), never from a live one.

Runs due at a minute are *queued* first (``queue``: the row inserted claimed by no one, by
every replica whose schedule fired, once), then claimed a batch at a time by whichever worker
asks (``claim_queued``): on PostgreSQL ``FOR UPDATE SKIP LOCKED``, so replicas share the
queue instead of racing over each run; on SQLite the transaction's write lock does the same.
A queued run no worker claimed within the worker timeout is taken over as any abandoned one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from storage.dialect import SQLITE, Dialect

if TYPE_CHECKING:
    from storage.interface import NewsStore

DONE = ("posted", "empty", "paused", "missed")
MINE = " AND coalesce(team, '') = ?"  # a subscription of the workspace given ('' for None)


def ws(team: str | None) -> str:
    """The ledger's form of a workspace: its team id, '' for the single-workspace mode."""
    return team or ""


def _triples(due: Iterable[tuple]) -> list[tuple[str, str, str]]:
    """(channel, period, team) of each run ``due``, given as (channel, period) or (channel,
    period, team)."""
    return [(d[0], d[1], ws(d[2] if len(d) > 2 else None)) for d in due]


def _beat(conn, worker: str, now: str, dialect: Dialect = SQLITE) -> None:
    conn.execute(
        dialect.sql(
            "INSERT INTO digest_workers AS w (worker, beat_at) VALUES (?, ?)"
            f" ON CONFLICT (worker) DO UPDATE SET beat_at = {dialect.greatest}(w.beat_at, excluded.beat_at)"
        ),
        (worker, now),
    )


def _alive(conn, worker: str | None, dead_before: str, dialect: Dialect = SQLITE) -> bool:
    if not worker:
        return False
    beat_at = dialect.value(conn, "SELECT beat_at FROM digest_workers WHERE worker = ?", (worker,))
    return beat_at is not None and beat_at >= dead_before


def _claim_queued(
    store, dialect: Dialect, table: str, sets: str, params: tuple, *, worker: str, now: str, condition: str = ""
) -> list[dict]:
    """Claim queued rows of ``table`` (``claimed`` by no one, and ``condition``): ``sets`` on at
    most ``params[-1]`` of them, the oldest first, skipping rows another transaction holds (on
    SQLite the write lock lets no other in); the worker's heartbeat is written with them when
    there were any. ``params``: the values of ``sets``, then of ``condition``, then the limit."""
    with store.transaction() as conn:
        rows = conn.execute(
            dialect.sql(
                f"UPDATE {table} SET {sets} WHERE id IN (SELECT id FROM {table} WHERE status = 'claimed'"
                f" AND claimed_by IS NULL{condition} ORDER BY id LIMIT ?{dialect.skip_locked}) RETURNING *"
            ),
            params,
        ).fetchall()
        if rows:
            _beat(conn, worker, now, dialect)
        return [dict(row) for row in rows]


class Digests:
    """A store's digest subscriptions, workers and ledger of runs (see the module's docstring)."""

    def __init__(self, store: NewsStore, dialect: Dialect = SQLITE):
        self.store = store
        self.d = dialect
        self.sql = dialect.sql

    def _query(self, sql: str, params=()) -> list[dict]:
        return self.store.query(self.sql(sql), params)

    def _one(self, sql: str, params=()) -> dict | None:
        rows = self.store.query(self.sql(sql), params)
        return rows[0] if rows else None

    def _changed(self, sql: str, params=()) -> bool:
        with self.store.transaction() as conn:
            return conn.execute(self.sql(sql), params).rowcount > 0

    # -- subscriptions -----------------------------------------------------------------------

    def subscribe(
        self, channel: str, *, schedule: str, at: str, zone: str, now: str, created_by=None, team=None, enterprise=None
    ) -> None:
        """Create or change a channel's subscription (a paused one is resumed); ``team``: the
        workspace it is set up in, ``enterprise``: that workspace's Enterprise Grid org."""
        self._changed(
            "INSERT INTO subscriptions AS s (channel, team, enterprise, schedule, at, zone, created_by, created_at,"
            " changed_at, paused_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
            " ON CONFLICT (channel, (coalesce(team, ''))) DO UPDATE SET"
            " schedule = excluded.schedule, at = excluded.at, zone = excluded.zone,"
            " created_by = excluded.created_by, changed_at = excluded.changed_at, paused_reason = NULL,"
            " enterprise = coalesce(s.enterprise, excluded.enterprise)",
            (channel, team, enterprise, schedule, at, zone, created_by, now, now),
        )

    def unsubscribe(self, channel: str, team: str | None = None) -> bool:
        return self._changed("DELETE FROM subscriptions WHERE channel = ?" + MINE, (channel, ws(team)))

    def subscription(self, channel: str, team: str | None = None) -> dict | None:
        """The subscription of ``channel`` in the workspace ``team`` (another workspace's of the
        same shared channel is not it)."""
        return self._one("SELECT * FROM subscriptions WHERE channel = ?" + MINE, (channel, ws(team)))

    def subscriptions(self) -> list[dict]:
        return self._query("SELECT * FROM subscriptions ORDER BY channel, coalesce(team, '')")

    def subscriptions_by(self, user: str, *, limit: int = 50, team: str | None = None) -> list[dict]:
        """The channels whose digest ``user`` set up (``team``: in that workspace), at most
        ``limit``, the latest set up first."""
        mine = "" if team is None else f" AND team {self.d.same_as} ?"
        return self._query(
            f"SELECT * FROM subscriptions WHERE created_by = ?{mine} ORDER BY created_at DESC, channel LIMIT ?",
            (user, *(() if team is None else (team,)), limit),
        )

    def pause(self, channel: str, reason: str, team: str | None = None) -> None:
        self._changed(
            "UPDATE subscriptions SET paused_reason = ? WHERE channel = ?" + MINE, (reason, channel, ws(team))
        )

    def resume(self, channel: str, team: str | None = None) -> bool:
        return self._changed(
            "UPDATE subscriptions SET paused_reason = NULL WHERE channel = ?" + MINE + " AND paused_reason IS NOT NULL",
            (channel, ws(team)),
        )

    # -- workers -----------------------------------------------------------------------------

    def beat(self, worker: str, *, now: str, forget_before: str | None = None) -> None:
        """``worker`` is alive at ``now``; workers silent since ``forget_before`` are forgotten."""
        with self.store.transaction() as conn:
            _beat(conn, worker, now, self.d)
            if forget_before is not None:
                conn.execute(self.sql("DELETE FROM digest_workers WHERE beat_at < ?"), (forget_before,))

    def worker_alive(self, worker: str | None, *, dead_before: str) -> bool:
        return _alive(self.store.conn, worker, dead_before, self.d)

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
        team: str | None = None,
    ) -> dict | None:
        """Claim the run of ``channel`` (in the workspace ``team``) for ``period`` under ``lease``;
        ``None`` when it is not ours.

        A new period is claimed by inserting it (on PostgreSQL a replica inserting the same at
        once waits, then finds it). An existing one is locked and taken over only when it failed
        and ``retry(run)`` allows another attempt, when it is claimed by a worker whose last
        heartbeat is older than ``dead_before`` (the process died), or queued and claimed by no
        one. A finished run, or one a live worker holds, is left alone. The claimer's own
        heartbeat is written in the same transaction. The row returned carries ``unsure``: check
        Slack before posting.
        """
        with self.store.transaction() as conn:
            _beat(conn, worker, now, self.d)
            inserted = conn.execute(
                self.sql(
                    "INSERT INTO digest_runs (channel, team, period, status, claimed_by, claimed_at, lease, attempts)"
                    " VALUES (?, ?, ?, 'claimed', ?, ?, ?, 1) ON CONFLICT (channel, team, period) DO NOTHING"
                    " RETURNING *"
                ),
                (channel, ws(team), period, worker, now, lease),
            ).fetchone()
            if inserted is not None:
                return dict(inserted)
            row = conn.execute(
                self.sql(f"SELECT * FROM digest_runs WHERE channel = ? AND team = ? AND period = ?{self.d.lock}"),
                (channel, ws(team), period),
            ).fetchone()
            if row is None or row["status"] in DONE:
                return None
            if row["status"] == "claimed" and _alive(conn, row["claimed_by"], dead_before, self.d):
                return None  # a live process is on it
            if row["status"] == "failed" and not retry(dict(row)):
                return None
            taken = conn.execute(
                self.sql(
                    "UPDATE digest_runs SET status = 'claimed', claimed_by = ?, claimed_at = ?, lease = ?,"
                    f" attempts = attempts + 1, finished_at = NULL WHERE id = ? AND lease {self.d.same_as} ?"
                    " RETURNING *"
                ),
                (worker, now, lease, row["id"], row["lease"]),
            ).fetchone()
            return dict(taken) if taken is not None else None

    def queue(self, due: Iterable[tuple], *, now: str) -> int:
        """Make the runs ``due`` ((channel, period) pairs, or (channel, period, team) for a
        workspace's) known to every worker: each inserted claimed by no one, unless a run of it
        is already in the ledger. How many were queued."""
        runs = sorted(set(_triples(due)))  # one order for every replica: two inserting at once never deadlock
        if not runs:
            return 0
        with self.store.transaction() as conn:
            if self.d.postgres:
                return conn.execute(
                    "INSERT INTO digest_runs (channel, period, team, status, claimed_at, attempts)"
                    " SELECT c, p, t, 'claimed', %s, 0 FROM unnest(%s::text[], %s::text[], %s::text[]) AS u(c, p, t)"
                    " ORDER BY c, p, t ON CONFLICT (channel, team, period) DO NOTHING",
                    (now, [r[0] for r in runs], [r[1] for r in runs], [r[2] for r in runs]),
                ).rowcount
            return conn.execute(
                "INSERT INTO digest_runs (channel, period, team, status, claimed_at, attempts)"
                " SELECT value ->> 0, value ->> 1, value ->> 2, 'claimed', ?, 0 FROM json_each(?) WHERE true"
                " ON CONFLICT (channel, team, period) DO NOTHING",
                (now, json.dumps(runs)),
            ).rowcount

    def claim_queued(self, *, worker: str, lease: str, now: str, limit: int, since: str) -> list[dict]:
        """Claim at most ``limit`` runs queued since ``since`` (the oldest first) under ``lease``,
        with this worker's heartbeat, in one transaction: runs another worker is claiming at this
        moment are skipped, not waited for. The runs claimed (none: the queue is empty). A run
        queued earlier is no longer posted from the queue: ``abandoned`` lists it, to be settled."""
        return _claim_queued(
            self.store,
            self.d,
            "digest_runs",
            "claimed_by = ?, claimed_at = ?, lease = ?, attempts = attempts + 1",
            (worker, now, lease, since, limit),
            worker=worker,
            now=now,
            condition=" AND claimed_at >= ?",
        )

    def runs_of(self, due: Iterable[tuple]) -> dict[tuple, dict]:
        """{run as given: run} of the runs ``due`` ((channel, period), or (channel, period, team))
        that the ledger has, read a period at a time."""
        due = list(due)
        wanted = {(c, p, t): d for d, (c, p, t) in zip(due, _triples(due), strict=True)}
        channels: dict[str, list[str]] = {}
        for channel, period, _team in wanted:
            channels.setdefault(period, []).append(channel)
        found: dict[tuple, dict] = {}
        for period, names in channels.items():
            names = sorted(set(names))
            if self.d.postgres:
                rows = self.store.query(
                    "SELECT * FROM digest_runs WHERE period = %s AND channel = ANY(%s)", (period, names)
                )
            else:
                rows = self.store.query(
                    "SELECT * FROM digest_runs WHERE period = ? AND channel IN (SELECT value FROM json_each(?))",
                    (period, json.dumps(names)),
                )
            for row in rows:
                asked = wanted.get((row["channel"], period, row["team"]))
                if asked is not None:
                    found[asked] = row
        return found

    def begin_post(self, run_id: int, lease: str, *, now: str, articles: int, until: str | None) -> bool:
        """Just before chat.postMessage: the run becomes unsure (a post may exist from ``now`` on).

        ``False`` when the lease was lost: the caller must not post.
        """
        return self._changed(
            "UPDATE digest_runs SET unsure = 1, posting_at = ?, articles = ?, until = ?"
            " WHERE id = ? AND lease = ? AND status = 'claimed'",
            (now, articles, until, run_id, lease),
        )

    def checked(self, run_id: int, lease: str) -> bool:
        """Slack was checked and holds no post of this run: it is certain again."""
        return self._changed(
            "UPDATE digest_runs SET unsure = 0 WHERE id = ? AND lease = ? AND status = 'claimed'", (run_id, lease)
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
        return self._changed(
            "UPDATE digest_runs SET status = ?, finished_at = ?, ts = coalesce(?, ts), error = ?,"
            " articles = coalesce(?, articles), until = coalesce(?, until), unsure = coalesce(?, unsure)"
            " WHERE id = ? AND lease = ? AND status = 'claimed'",
            (status, now, ts, error, articles, until, None if unsure is None else int(unsure), run_id, lease),
        )

    def record(
        self, channel: str, period: str, status: str, *, now: str, error: str | None = None, team: str | None = None
    ) -> bool:
        """A run that never started (missed while the bot was down), so status can show it."""
        return self._changed(
            "INSERT INTO digest_runs (channel, team, period, status, claimed_at, finished_at, error)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel, team, period) DO NOTHING",
            (channel, ws(team), period, status, now, now, error),
        )

    def run_for(self, channel: str, period: str, team: str | None = None) -> dict | None:
        return self._one(
            "SELECT * FROM digest_runs WHERE channel = ? AND team = ? AND period = ?", (channel, ws(team), period)
        )

    def done_periods(self, channel: str, periods: list[str], team: str | None = None) -> set[str]:
        if not periods:
            return set()
        if self.d.postgres:
            rows = self.store.query(
                "SELECT period FROM digest_runs WHERE channel = %s AND team = %s AND period = ANY(%s)"
                " AND status = ANY(%s)",
                (channel, ws(team), list(periods), list(DONE)),
            )
        else:
            marks = ",".join("?" * len(periods))
            rows = self.store.query(
                f"SELECT period FROM digest_runs WHERE channel = ? AND team = ? AND period IN ({marks})"
                f" AND status IN {DONE}",
                (channel, ws(team), *periods),
            )
        return {row["period"] for row in rows}

    def abandoned(self, *, dead_before: str) -> list[dict]:
        """Runs still claimed by workers that stopped beating (their process died midway), and
        queued runs no worker claimed since ``dead_before``."""
        return self._query(
            "SELECT r.* FROM digest_runs r LEFT JOIN digest_workers w ON w.worker = r.claimed_by"
            " WHERE r.status = 'claimed' AND (w.beat_at < ? OR w.beat_at IS NULL"
            " AND (r.claimed_by IS NOT NULL OR r.claimed_at < ?)) ORDER BY r.id",
            (dead_before, dead_before),
        )

    def last_run(self, channel: str, team: str | None = None) -> dict | None:
        return self._one(
            "SELECT * FROM digest_runs WHERE channel = ? AND team = ? ORDER BY claimed_at DESC, id DESC LIMIT 1",
            (channel, ws(team)),
        )

    # -- what is new -------------------------------------------------------------------------

    def digested_until(self, channel: str, team: str | None = None) -> str | None:
        """The ingestion time up to which the channel's articles have been in a digest of the
        workspace ``team``."""
        return self.d.value(
            self.store.conn,
            "SELECT max(until) FROM digest_runs WHERE channel = ? AND team = ? AND status = 'posted'",
            (channel, ws(team)),
        )

    def newest_ingestion(self) -> str | None:
        return self.d.value(self.store.conn, "SELECT max(ingested_at) FROM articles")

    def new_articles(self, since: str, until: str, limit: int) -> list[dict]:
        """Articles stored after ``since`` and up to ``until`` (those ``count_new`` counts), the
        latest published first (by ingestion when undated), at most ``limit``.

        Read from the index on the moment stored, from ``since`` on: the work follows the
        articles stored since the last digest, however many the store holds (ordered by date
        over the whole table, a digest with fewer new articles than ``limit`` walked it all).
        On SQLite what a citation shows is read from ``articles_cited``, not from the article's
        row; PostgreSQL reads a range of ``articles_ingested``, then puts it in date order.
        """
        if self.d.postgres:
            return self.store.query(
                "SELECT id, source, title, url, published, ingested_at FROM articles"
                " WHERE ingested_at > %s AND ingested_at <= %s"
                " ORDER BY coalesce(published, ingested_at) DESC, id DESC LIMIT %s",
                (since, until, limit),
            )
        return self.store.query(
            "SELECT a.id, a.source, a.title, a.url, a.published, a.ingested_at FROM articles a"
            " INDEXED BY articles_cited WHERE a.id IN (SELECT id FROM articles INDEXED BY articles_ingested"
            " WHERE ingested_at > ? AND ingested_at <= ?)"
            " ORDER BY coalesce(a.published, a.ingested_at) DESC, a.id DESC LIMIT ?",
            (since, until, limit),
        )

    def count_new(self, since: str, until: str) -> int:
        """Articles stored after ``since`` and up to ``until``."""
        return self.d.value(
            self.store.conn, "SELECT count(*) FROM articles WHERE ingested_at > ? AND ingested_at <= ?", (since, until)
        )
