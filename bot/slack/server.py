"""HTTP mode: Slack's requests on ``POST /slack/events``, and ``GET /healthz``, under uvicorn;
with many workspaces (``bot.slack.oauth``), Bolt's OAuth install on ``GET /slack/install`` and
``GET /slack/oauth_redirect``.

Requests go through Bolt's Starlette adapter (``to_bolt_request``/``to_starlette_response``)
into the sync Bolt app, whose ``dispatch`` runs on a worker thread: it checks the signature,
and the listener acknowledges and hands its work to the app's pools (``bot.slack.work``), so
Slack gets its answer within its three seconds whatever the answer costs, and the event loop
is never blocked.

Before Bolt sees a request, it is checked here, and a request that is not Slack's is refused
with its status and one short log line (at most ``BURST`` alike a minute, see
``bot.slack.logs``), never with its body or a traceback: a body over ``MAX_BODY`` (413), a
missing, malformed or wrong signature or timestamp (401), a signed body that is not what Slack
sends (400: not UTF-8, not JSON or a form, or a field of a type Slack never sends, which
would make Bolt fail with a traceback). A request whose headers and body have not all arrived within ``REQUEST_TIMEOUT``
has its connection closed.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import hashlib
import hmac
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import h11
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("bot.slack.server")

# Slack's payloads are a few kB; a "Show more" click on a long answer carries the message
# (up to 50 blocks), URL-encoded, which stays well under this
MAX_BODY = 1_000_000
REQUEST_TIMEOUT = 10.0  # seconds for a request's headers and body to arrive; Slack sends them at once
MAX_AGE = 5 * 60  # Slack's rule: a timestamp further than this from now is refused (replays)
# threads Bolt's dispatch and the health check run on, at most: as many as Starlette's
# run_in_threadpool (anyio) gave them, without the event-loop backend anyio imports for it on the
# first request (30-40 ms of a cold start)
THREADS = 40


# the parts of a payload Bolt reads before any listener, with the types Slack sends: another
# type would make Bolt fail with a traceback (a 500) rather than refuse it
SHAPES = {
    "event": dict,
    "actions": list,
    "authorizations": list,
    "container": dict | None,
    "message": dict | None,
    "view": dict | None,
    "team": dict | str | None,
    "user": dict | str | None,
    "channel": dict | str | None,
    "enterprise": dict | str | None,
}


def misshapen(body: dict) -> str | None:
    """The first field of ``body`` whose type Slack never sends, or ``None``."""
    for name, kind in SHAPES.items():
        value = body.get(name)
        if value is None and name not in body:
            continue
        if not isinstance(value, kind) or (kind is list and not all(isinstance(item, dict) for item in value)):
            return name
    return None


def refuse(status: int, reason: str) -> Response:
    log.warning("refused a request to /slack/events: %s (HTTP %d)", reason, status)
    return PlainTextResponse(reason, status_code=status)


def why_unsigned(secret: bytes, body: bytes, timestamp: str | None, signature: str | None, now: float) -> str | None:
    """Why ``body`` was not signed by Slack with ``secret`` (``v0=`` HMAC-SHA256 of
    ``v0:TIMESTAMP:BODY``, the timestamp within five minutes of now), or ``None`` if it was."""
    if not timestamp or not signature:
        return "no signature"
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        return "malformed timestamp"
    if abs(now - int(timestamp)) > MAX_AGE:
        return "timestamp too old or in the future"
    expected = b"v0=" + hmac.new(secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest().encode()
    # header values are decoded as Latin-1: encoded back, they are the bytes that were sent
    if not hmac.compare_digest(expected, signature.encode("latin-1", "replace")):
        return "bad signature"
    return None


def asgi_app(app: App, *, signing_secret: str, health: Callable[[], dict] = lambda: {"ok": True}) -> Starlette:
    """An ASGI application serving ``app``, whose requests are signed with ``signing_secret``."""
    secret = signing_secret.encode()
    threads = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="http")

    async def on_thread(fn, *args):
        """``fn(*args)`` on one of ``threads``, in a copy of this request's context (as anyio's)."""
        call = functools.partial(contextvars.copy_context().run, fn, *args)
        return await asyncio.get_running_loop().run_in_executor(threads, call)

    async def events(request: Request) -> Response:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY:
            return refuse(413, "request too large")
        chunks, size = [], 0
        try:
            async for chunk in request.stream():
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_BODY:
                    return refuse(413, "request too large")
        except ClientDisconnect:  # the client went away, or the connection was closed for being too slow
            return Response(status_code=400)
        body = b"".join(chunks)
        headers = request.headers
        reason = why_unsigned(
            secret, body, headers.get("x-slack-request-timestamp"), headers.get("x-slack-signature"), time.time()
        )
        if reason is not None:
            return refuse(401, reason)
        try:
            bolt_request = to_bolt_request(request, body)  # decodes and parses the body
        except Exception as error:  # signed, yet not UTF-8 JSON or a form Bolt can read
            return refuse(400, f"malformed body ({type(error).__name__})")
        field = misshapen(bolt_request.body)
        if field is not None:
            return refuse(400, f"malformed body ({field})")
        bolt_response = await on_thread(app.dispatch, bolt_request)
        return to_starlette_response(bolt_response)

    async def healthz(_request: Request) -> Response:
        # on a thread: the store is asked, which may wait (a database that does not answer)
        try:
            return JSONResponse(await on_thread(health))
        except Exception as error:
            log.warning("health check failed (%s)", type(error).__name__)  # its text may hold a DSN
            return JSONResponse({"ok": False}, status_code=503)

    routes = [Route("/slack/events", events, methods=["POST"]), Route("/healthz", healthz)]
    flow = app.oauth_flow
    if flow is not None:  # Bolt's install page, and the redirect that finishes an install (its state checked)

        async def install(request: Request) -> Response:
            response = await on_thread(flow.handle_installation, to_bolt_request(request, b""))
            return to_starlette_response(response)

        async def redirect(request: Request) -> Response:
            response = await on_thread(flow.handle_callback, to_bolt_request(request, b""))
            return to_starlette_response(response)

        routes += [
            Route(flow.install_path, install, methods=["GET"]),
            Route(flow.redirect_uri_path, redirect, methods=["GET"]),
        ]
    return Starlette(routes=routes)


class DeadlineProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, with a deadline for each request to arrive whole.

    uvicorn times out an idle kept-alive connection, but not a request that stops half-way
    (headers, or a body, sent in part and then nothing): each would hold its connection, and
    the handler waiting for its body, for ever. The clock starts when the connection opens or
    the last response has been sent, or with the first byte after that; when it runs out before
    the request is complete (headers and whole body), the connection is closed."""

    request_timeout = REQUEST_TIMEOUT

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._deadline = None
        self._start_deadline()

    def data_received(self, data: bytes) -> None:
        if self._deadline is None:
            self._start_deadline()
        super().data_received(data)

    def on_response_complete(self) -> None:
        self._start_deadline()  # for the next request on this connection
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_deadline()
        super().connection_lost(exc)

    def _start_deadline(self) -> None:
        self._stop_deadline()
        self._deadline = self.loop.call_later(self.request_timeout, self._expire)

    def _stop_deadline(self) -> None:
        if getattr(self, "_deadline", None) is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expire(self) -> None:
        self._deadline = None
        if self.transport.is_closing() or self.conn.their_state is h11.DONE:
            return  # closed already, or the request arrived whole and is being answered
        if self.conn.their_state is not h11.IDLE or self.conn.trailing_data[0]:
            log.warning("closed a connection whose request did not arrive within %g s", self.request_timeout)
        self.transport.close()


def with_timeout(seconds: float) -> type[DeadlineProtocol]:
    """:class:`DeadlineProtocol` with another deadline (tests use a short one)."""
    return type("DeadlineProtocol", (DeadlineProtocol,), {"request_timeout": seconds})


def config(
    app: App,
    *,
    host: str,
    port: int,
    signing_secret: str,
    health: Callable[[], dict] | None = None,
    request_timeout: float = REQUEST_TIMEOUT,
):
    """uvicorn's configuration for ``app``. Its loggers write through the root logger's
    handlers (``log_config=None``), so their lines are formatted, redacted and bounded like
    ours; only warnings and errors are written."""
    import uvicorn

    return uvicorn.Config(
        asgi_app(app, signing_secret=signing_secret, health=health or (lambda: {"ok": True})),
        host=host,
        port=port,
        http=with_timeout(request_timeout) if request_timeout != REQUEST_TIMEOUT else DeadlineProtocol,
        log_config=None,
        log_level="warning",
        access_log=False,
        proxy_headers=True,
        server_header=False,
    )


def serve(app: App, *, host: str, port: int, signing_secret: str, health: Callable[[], dict] | None = None) -> None:
    """Serve ``app`` with uvicorn until interrupted (SIGINT/SIGTERM end it gracefully)."""
    import uvicorn

    uvicorn.Server(config(app, host=host, port=port, signing_secret=signing_secret, health=health)).run()
