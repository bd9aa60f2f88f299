"""The composition root: `newsbot run` puts the bot together here and starts it.

The store (seeded on first use), the answers over it, the Web API clients, the pools the
listeners' work runs on, and the Bolt app with its listeners; then Socket Mode or HTTP until
interrupted. The digest scheduler, the follows' worker and page and feed reading, which no
answer needs, are :class:`Background`: their modules are imported, and they are built, when
first used (a ``/digest``, ``/brief add``) or when they start on their own a moment after the
server does.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading

from bot.answers import Answers
from bot.background import Background, OnFirstUse
from bot.config import Settings
from bot.follows.commands import FollowCommands
from bot.slack import collector, logs, redact, server, work
from bot.slack.app import authorize_early, create_app, settle_log_levels, socket_mode_handler, web_client
from bot.slack.oauth import posting_clients
from bot.slack.pool import WarmPool
from bot.slack.preflight import SETUP, problems, secrets, unreachable
from storage import open_store

log = logging.getLogger("bot.slack")

# the background work starts once the process has been idle for a moment, at least START_AFTER
# and at most START_BY seconds after the app is built: the server listens by then, and neither
# the first answers nor a burst of requests share the interpreter with those imports; a digest
# due meanwhile is posted by the scheduler's first tick (its catch-up)
START_AFTER = 0.5
START_BY = 30.0
# seconds a stop waits for the answers and slow work already running to finish
STOP_WAIT = 10.0


def run(settings: Settings, *, http: bool, host: str, port: int) -> int:
    """Run the bot in Slack (Socket Mode, or HTTP with ``http``) until interrupted."""
    found = problems(settings, http=http)
    if found:
        mode = "HTTP mode" if http else "Socket Mode"
        print(
            f"newsbot cannot connect to Slack in {mode}:\n"
            + "".join(f"  - {p}\n" for p in found)
            + "Create the app from manifest.yaml (https://api.slack.com/apps > Create New App > From an app\n"
            "manifest), install it to your workspace, and put the values in .env (see .env.example and\n"
            f"{SETUP}).\n"
            "Meanwhile, the same bot answers in this terminal: newsbot chat",
            file=sys.stderr,
        )
        return 2
    if not http:  # Socket Mode opens its connection through Slack's Web API: see that it can
        why = unreachable(settings)
        if why is not None:
            print(f"newsbot: {why}", file=sys.stderr)
            return 1

    settle_log_levels()
    logs.install()  # no line longer than a few kB, no flood of alike warnings
    redact.install(secrets(settings))
    store = open_store(settings.db_path)
    store.require_writable()  # digests and feeds are written as the bot runs
    if store.article_count() == 0:  # the seeds on first use: ingestion is imported only then
        from bot.ingest.pipeline import ensure_seeded

        report = ensure_seeded(store, settings.seeds_dir, max_bytes=settings.max_article_bytes)
        if report is not None:
            log.info("built %s from %s: %s", settings.db_path, settings.seeds_dir, report.summary())

    # a digest, and a follow's post, is posted once: through a client that never re-sends a
    # post Slack may have received
    # post, with many workspaces, with the token of the workspace the subscription or follow is in
    client = web_client(settings)
    clients = posting_clients(settings, store, client)
    background = Background(settings, store, clients)
    # five threads, as Bolt's own pool has, the last to finish answering first (its SQLite
    # cache is warm), collecting garbage after each listener, not during it
    answering = work.Bounded(
        WarmPool(max_workers=work.ANSWER_THREADS, thread_name_prefix="listener"), work.ANSWERS_LIMIT
    )
    pools = work.Work.default(collector.CollectingExecutor(answering))
    answers = Answers(store)
    app = create_app(
        settings,
        answers,
        client=client,
        digests=OnFirstUse(background.digests),
        news=OnFirstUse(background.news),
        follows=FollowCommands(answers, on_change=background.wake_follows),
        listener_executor=pools.answers,
        slow_executor=pools.slow,
        # replicas on one store: what a request leaves for the next is kept in the store
        notes=store.notes if store.shared else None,
    )

    early = authorize_early(app)  # auth.test while the server starts, not in the first answer
    collector.settle()
    background.start_when_idle(after=START_AFTER, by=START_BY)
    # SIGTERM, like Ctrl-C, ends with the finally below (uvicorn hands it back once it has stopped)
    previous = signal.signal(signal.SIGTERM, _stop) if threading.current_thread() is threading.main_thread() else None
    try:
        if http:
            log.info("serving Slack requests on http://%s:%d/slack/events (health: /healthz)", host, port)
            if settings.oauth:
                log.info("installing by OAuth in many workspaces: http://%s:%d/slack/install", host, port)
            server.serve(
                app,
                host=host,
                port=port,
                signing_secret=settings.signing_secret.reveal(),
                health=lambda: health(store, background),
            )
        else:
            log.info("connecting to Slack in Socket Mode")
            handler = socket_mode_handler(app, settings)
            try:
                handler.start()
            finally:
                handler.close()  # its connection, and the threads that read and answer it
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        stop(background, pools, store, early)
    return 0


def stop(background: Background, pools: work.Work, store, early=None, *, timeout: float = STOP_WAIT) -> None:
    """End what runs beside the server, which has stopped: the scheduler and follows (a digest
    being posted finishes), the listeners' pools (slow work waiting is dropped; what runs
    finishes, for ``timeout`` seconds at most), page reading's processes, the ``early`` token
    check, and the store."""
    if early is not None:
        early.join(timeout)
    background.shutdown()
    pools.shutdown(wait=False)  # no more work; slow work waiting dropped
    background.close()  # a page being read fails now rather than when read
    waiting = threading.Thread(target=pools.shutdown, name="stopping", daemon=True)
    waiting.start()
    waiting.join(timeout)
    if waiting.is_alive():
        log.warning("stopped with listeners still running after %g s", timeout)
    # with every thread ended, their connections are closed; should one run on, the folded log
    # spares the next start from checking the whole store
    store.fold_log()
    store.close()


def _stop(signum, _frame) -> None:
    raise SystemExit(128 + signum)


def health(store, background: Background | None = None) -> dict:
    """What ``GET /healthz`` answers anyone who asks: up, the store answering (its schema's
    version read) and the background work (digests, follows, feeds) not failed to start; an
    exception otherwise: the server answers 503. Nothing counted: a count of articles would tell
    a stranger how much the workspaces have added."""
    if store.version < 1:
        raise RuntimeError("the store has no schema")
    if background is not None and background.failed:
        raise RuntimeError("the digest scheduler, follows and feed polling could not be started")
    return {"ok": True}
