"""The Bolt app: Web API clients (one that retries, one for posts that must happen once), the
listeners, and event de-duplication."""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from concurrent.futures import Executor

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware
from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.answers import Answers
from bot.config import Settings
from bot.slack.dedupe import Seen
from bot.slack.listeners import register_listeners
from bot.slack.pages import Stash
from bot.slack.work import Work
from storage.interface import Notes

log = logging.getLogger("bot.slack")

BOLT_LOGGER = "bot.slack.bolt"
# the name Bolt gives an app by itself (the file that makes it), given here: Bolt finds it by
# walking the call stack with inspect.stack(), which reads every frame's source (tens of ms at start)
APP_NAME = os.path.basename(__file__)
SOCKET_MODE_LOGGER = "bot.slack.socket_mode"
# Loggers whose debug lines Bolt and slack_sdk build only behind `if logger.level <= DEBUG`.
# That is the logger's own level, NOTSET (0) unless set on that very logger, so the test passes
# whatever the configured level and every Web API call formats its whole request and response
# (the repr of a Block Kit answer: about 30 us) for a line that is then dropped
# (slackapi/python-slack-sdk#1957). Bolt copies its logger's own level into the loggers it
# makes for its middleware when the app is created.
GUARDED_LOGGERS = (BOLT_LOGGER, SOCKET_MODE_LOGGER, "slack_sdk.web.base_client", "slack_sdk.webhook.client")


# APScheduler says at INFO that it runs each job and that the job ran: the digest tick, every
# minute of the bot's life. Its warnings (a job missed, one that raised) still show.
CHATTY_LOGGERS = ("apscheduler",)


def settle_log_levels() -> None:
    """Give each of ``GUARDED_LOGGERS`` that has no level of its own the level it inherits now,
    so their guards follow the configured level (``NEWSBOT_LOG_LEVEL``, ``--verbose``), and
    the ``CHATTY_LOGGERS`` WARNING unless the level asked for is DEBUG. Call once logging is
    configured, before the app and its clients are made."""
    for name in GUARDED_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET:
            logger.setLevel(logger.getEffectiveLevel())
    for name in CHATTY_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET and logger.getEffectiveLevel() > logging.DEBUG:
            logger.setLevel(logging.WARNING)


class _SameToken(logging.Filter):
    """Drops Bolt's warning that ``token`` is unused because a ``client`` was given: Bolt reads
    SLACK_BOT_TOKEN from the environment by itself, and the client given carries that very
    token, so the warning came at every start and meant nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


_SAME_TOKEN = _SameToken()


def web_client(settings: Settings) -> WebClient:
    """A client for ``SLACK_API_URL`` that waits out 429s (``Retry-After``) and retries dropped
    connections (a post that must not be repeated goes through :func:`once_client`). Bolt
    copies its base URL and retry handlers into the client each listener gets, and Socket Mode
    opens its connection through it, so every Web API call the app makes goes to
    ``SLACK_API_URL``."""
    return WebClient(
        token=settings.bot_token.reveal() or None,
        base_url=settings.api_url,
        timeout=10,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=3), ConnectionErrorRetryHandler(max_retry_count=2)],
    )


class NeverSentRetryHandler(RetryHandler):
    """Retries a request that cannot have reached Slack: the connection was refused, or the
    host name did not resolve. A connection dropped or timed out after the request was sent
    is not retried: Slack may have acted on it."""

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        reason = getattr(error, "reason", error)  # urllib wraps it in a URLError
        return response is None and isinstance(reason, ConnectionRefusedError | socket.gaierror)


def once_client(settings: Settings, *, token: str | None = None) -> WebClient:
    """A client for posts that must happen once (digests): it waits out 429s (Slack answered,
    and did not post) and retries a request that never left, but never re-sends one that may
    have been delivered. A dropped connection or a timeout reaches the caller, who must treat
    the post as unsure (see ``bot.digest.runner``). ``token``: another than SLACK_BOT_TOKEN (a
    workspace's, with many)."""
    return WebClient(
        token=token or settings.bot_token.reveal() or None,
        base_url=settings.api_url,
        timeout=10,
        # an explicit list: without one, slack_sdk adds ConnectionErrorRetryHandler
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=3), NeverSentRetryHandler(max_retry_count=2)],
    )


def create_app(
    settings: Settings,
    answers: Answers,
    *,
    client: WebClient | None = None,
    digests=None,
    news=None,
    follows=None,
    listener_executor: Executor | None = None,
    slow_executor: Executor | None = None,
    notes: Notes | None = None,
) -> App:
    """The Bolt app. Each request is acknowledged on the thread that received it, never after
    waiting for a free thread (``process_before_response``: the listeners only hand their work
    on); answers run on ``listener_executor``, and fetching pages and feeds on ``slow_executor``
    (bounded pools of their own by default: see ``bot.slack.work``). ``notes``: the store's, when
    replicas share it: the events answered and the answers behind buttons are kept there, so
    any replica answers any request.

    With ``settings.oauth`` (``SLACK_CLIENT_ID`` and ``SLACK_CLIENT_SECRET``), the app is
    installed by OAuth in many workspaces (``bot.slack.oauth``): each request is answered with
    its workspace's token, and its listeners find the workspace in ``context["workspace"]``
    (``None`` with one workspace, whose rows are everyone's)."""
    client = client or web_client(settings)
    logging.getLogger(BOLT_LOGGER).addFilter(_SAME_TOKEN)  # once: a logger keeps one of each filter
    if settings.oauth:
        from bot.slack.oauth import SCOPES, oauth_settings

        app = App(
            name=APP_NAME,
            client=client,
            signing_secret=settings.signing_secret.reveal(),
            logger=logging.getLogger(BOLT_LOGGER),
            process_before_response=True,
            oauth_settings=oauth_settings(
                answers.store,
                client,
                client_id=settings.client_id,
                client_secret=settings.client_secret.reveal(),
                scopes=settings.scopes or SCOPES,
                redirect_uri=settings.redirect_uri or None,
            ),
        )
    else:
        app = App(
            name=APP_NAME,
            client=client,
            signing_secret=settings.signing_secret.reveal(),
            token_verification_enabled=False,  # no auth.test at start-up: it runs on the first request instead
            logger=logging.getLogger(BOLT_LOGGER),
            process_before_response=True,
        )
    seen = Seen(notes=notes)
    app.use(OncePerEvent(seen))
    app.use(Workspace(many=settings.oauth))
    work = Work.default(listener_executor, slow_executor)
    register_listeners(
        app,
        answers,
        work=work,
        seen=seen,
        stash=Stash(notes=notes),
        digests=digests,
        news=news,
        follows=follows,
        oauth=settings.oauth,
    )
    return app


def authorize_early(app: App) -> threading.Thread | None:
    """With one workspace, Bolt checks the token (``auth.test``) on the first request, before
    acknowledging it: a round trip to Slack in the first answer. This asks now, on a thread of
    its own, while the server starts, and gives Bolt the answer it would have asked for (the
    thread, to be joined at stop; ``None`` with many workspaces). Should the call fail (a token
    Slack refuses, Slack unreachable), Bolt asks on the first request, and answers, as before."""
    from slack_bolt.middleware.authorization.single_team_authorization import SingleTeamAuthorization

    waiting = [m for m in app._middleware_list if isinstance(m, SingleTeamAuthorization)]
    if not waiting:
        return None

    def ask() -> None:
        try:
            result = app.client.auth_test()
        except Exception:  # said by Bolt on the first request, as without this
            return
        for middleware in waiting:
            if middleware.auth_test_result is None:
                middleware.auth_test_result = result

    thread = threading.Thread(target=ask, name="auth-test", daemon=True)
    thread.start()
    return thread


class Workspace(Middleware):
    """Puts the workspace a request comes from in ``context["workspace"]`` when the app serves
    many (its team id), else ``None``: what the listeners scope subscriptions, follows and
    feeds by; and its Enterprise Grid org in ``context["enterprise"]`` (kept with
    subscriptions and follows, for their posts to find an org-wide install's token).

    Bolt reads the team of an event from its ``authorizations``, which for an org-wide install
    may name none: the workspace is then the one the payload says it happened in. With many
    workspaces a request whose workspace cannot be told is acknowledged and dropped (it would
    otherwise be answered from every workspace's articles), but for the uninstall events and
    ``team_access_revoked``, which name an org alone."""

    ORG_EVENTS = frozenset({"app_uninstalled", "tokens_revoked", "team_access_revoked"})

    def __init__(self, *, many: bool):
        self.many = many

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:
        if not self.many:
            req.context["workspace"] = req.context["enterprise"] = None
            return next()
        context = req.context
        team = context.team_id
        if team is None and context.is_enterprise_install:
            team = workspace_in(req.body, context.enterprise_id)
        context["workspace"] = team
        context["enterprise"] = context.enterprise_id
        if team is None and _event_type(req.body) not in self.ORG_EVENTS:
            log.warning("a request from no workspace that can be told (org %s) was dropped", context.enterprise_id)
            return BoltResponse(status=200, body="")
        return next()


def _event_type(body) -> str | None:
    event = body.get("event") if isinstance(body, dict) else None
    return event.get("type") if isinstance(event, dict) else None


def workspace_in(body, enterprise: str | None) -> str | None:
    """The workspace a request of an org-wide install comes from, as its payload names it: an
    event's wrapper (``team_id``) or the event's ``team``, a command's ``team_id``, an action's
    or a view's user or view (never the org's own id)."""
    if not isinstance(body, dict):
        return None
    event = body.get("event") if isinstance(body.get("event"), dict) else {}
    user = body.get("user") if isinstance(body.get("user"), dict) else {}
    view = body.get("view") if isinstance(body.get("view"), dict) else {}
    team = body.get("team") if isinstance(body.get("team"), dict) else {}
    for found in (body.get("team_id"), event.get("team"), team.get("id"), user.get("team_id"), view.get("team_id")):
        if isinstance(found, str) and found and found != enterprise:
            return found
    return None


class OncePerEvent(Middleware):
    """A retried delivery (``X-Slack-Retry-Num``; the same ``event_id``) of an event already
    received is acknowledged and dropped.

    A ``Middleware`` rather than a function: Bolt calls a function middleware with arguments
    it builds for every request (the logger, the body, ``next``, and a dict of everything a
    function might ask for), which cost more than the check itself on every request."""

    def __init__(self, seen: Seen):
        self.seen = seen

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:
        body = req.body
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if event_id and not self.seen.first_time(f"event:{event_id}"):
            return BoltResponse(status=200, body="")
        return next()


def socket_mode_handler(app: App, settings: Settings):
    """Socket Mode for ``app`` with the app-level token (``xapp-``); ``apps.connections.open``
    goes through a client for ``SLACK_API_URL`` like every other call."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    return SocketModeHandler(
        app,
        app_token=settings.app_token.reveal(),
        web_client=app.client,
        logger=logging.getLogger(SOCKET_MODE_LOGGER),
    )
