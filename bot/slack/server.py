"""HTTP mode: Slack's requests on ``POST /slack/events``, and ``GET /healthz``, under uvicorn;
with many workspaces (``bot.slack.oauth``), Bolt's OAuth install on ``GET /slack/install`` and
``GET /slack/oauth_redirect``.

The ASGI application is this module's own few routes, without a web framework (Starlette and
anyio cost a tenth of a cold start), rendering requests and responses as Bolt's Starlette adapter
did (``bolt_request``, ``reply_of``). Requests go into the sync Bolt app, whose ``dispatch``
runs on a worker thread: it checks the signature, and the listener acknowledges and hands its
work to the app's pools (``bot.slack.work``), so Slack gets its answer within its three seconds
whatever the answer costs, and the event loop is never blocked.

Before Bolt sees a request, it is checked here, and a request that is not Slack's is refused
with its status and one short log line (at most ``BURST`` alike a minute, see
``bot.slack.logs``), never with its body or a traceback: a body over ``MAX_BODY`` (413), a
missing, malformed or wrong signature or timestamp (401), a signed body that is not what Slack
sends (400: not UTF-8, not JSON or a form, or a field of a type Slack never sends, which
would make Bolt fail with a traceback). A request whose headers and body have not all arrived within ``REQUEST_TIMEOUT``
has its connection closed. Another path is answered 404, another method 405.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple
from urllib.parse import parse_qsl

import h11
from slack_bolt import App, BoltRequest, BoltResponse
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("bot.slack.server")

# Slack's payloads are a few kB; a "Show more" click on a long answer carries the message
# (up to 50 blocks), URL-encoded, which stays well under this
MAX_BODY = 1_000_000
REQUEST_TIMEOUT = 10.0  # seconds for a request's headers and body to arrive; Slack sends them at once
MAX_AGE = 5 * 60  # Slack's rule: a timestamp further than this from now is refused (replays)
# threads Bolt's dispatch and the health check run on, at most: as many as Starlette's
# run_in_threadpool (anyio) gave them when it served the routes
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


class Reply(NamedTuple):
    """An HTTP response: its status, its headers (lower-case names, as sent) and its body."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes = b""


def reply(
    status: int, body: bytes = b"", headers: list[tuple[bytes, bytes]] | None = None, content_type: bytes | None = None
) -> Reply:
    """``body`` after ``headers``, its length and its type (as Starlette's responses gave them)."""
    headers = [*(headers or []), (b"content-length", str(len(body)).encode())]
    return Reply(status, [*headers, (b"content-type", content_type)] if content_type else headers, body)


def text(status: int, words: str, headers: list[tuple[bytes, bytes]] | None = None) -> Reply:
    return reply(status, words.encode(), headers, b"text/plain; charset=utf-8")


def json_reply(status: int, content: dict) -> Reply:
    body = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
    return reply(status, body, content_type=b"application/json")


def refuse(status: int, reason: str) -> Reply:
    log.warning("refused a request to /slack/events: %s (HTTP %d)", reason, status)
    return text(status, reason)


def first_header(scope: dict, name: bytes) -> str | None:
    """The first value of the request's header ``name`` (lower case), if it has one."""
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


def bolt_request(scope: dict, body: bytes) -> BoltRequest:
    """The request as Bolt reads it: the body decoded (and parsed: a body that is neither
    JSON nor a form raises), the query and the headers (the last of each name's values)."""
    query = scope["query_string"].decode("latin-1")
    return BoltRequest(
        body=body.decode("utf-8"),
        query={name: [value] for name, value in parse_qsl(query, keep_blank_values=True)},
        headers={name.decode("latin-1"): [value.decode("latin-1")] for name, value in scope["headers"]},
    )


def reply_of(response: BoltResponse) -> Reply:
    """Bolt's response, with its first value of each header; cookies (the OAuth flow's state)
    as Bolt's Starlette adapter sets them, which is then imported to render them."""
    if "set-cookie" in response.headers:
        from slack_bolt.adapter.starlette.handler import to_starlette_response

        rendered = to_starlette_response(response)
        return Reply(rendered.status_code, rendered.raw_headers, bytes(rendered.body))
    headers = [
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in response.first_headers().items()
    ]
    if b"content-length" in (name for name, _ in headers) or response.status < 200 or response.status in (204, 304):
        return Reply(response.status, headers, response.body.encode())
    return reply(response.status, response.body.encode(), headers)


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


class Routes:
    """An ASGI application (``serve``) and the threads its requests are dispatched on, which
    :meth:`close` ends once the server has stopped."""

    def __init__(self, serve, threads: ThreadPoolExecutor):
        self.serve, self.threads = serve, threads

    async def __call__(self, scope: dict, receive, send) -> None:
        await self.serve(scope, receive, send)

    def close(self) -> None:
        """End the dispatch threads (a request still on one is finished first)."""
        self.threads.shutdown(wait=True, cancel_futures=True)


def asgi_app(app: App, *, signing_secret: str, health: Callable[[], dict] = lambda: {"ok": True}) -> Routes:
    """An ASGI application serving ``app``, whose requests are signed with ``signing_secret``
    (close it once the server has stopped)."""
    secret = signing_secret.encode()
    threads = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="http")

    async def on_thread(fn, *args):
        """``fn(*args)`` on one of ``threads``, in a copy of this request's context (as anyio's)."""
        call = functools.partial(contextvars.copy_context().run, fn, *args)
        return await asyncio.get_running_loop().run_in_executor(threads, call)

    async def events(scope: dict, receive) -> Reply:
        declared = first_header(scope, b"content-length") or ""
        if declared.isdigit() and int(declared) > MAX_BODY:
            return refuse(413, "request too large")
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":  # gone, or closed for being too slow
                return reply(400)
            chunk = message.get("body", b"")
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_BODY:
                return refuse(413, "request too large")
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        reason = why_unsigned(
            secret,
            body,
            first_header(scope, b"x-slack-request-timestamp"),
            first_header(scope, b"x-slack-signature"),
            time.time(),
        )
        if reason is not None:
            return refuse(401, reason)
        try:
            request = bolt_request(scope, body)  # decodes and parses the body
        except Exception as error:  # signed, yet not UTF-8 JSON or a form Bolt can read
            return refuse(400, f"malformed body ({type(error).__name__})")
        field = misshapen(request.body)
        if field is not None:
            return refuse(400, f"malformed body ({field})")
        return reply_of(await on_thread(app.dispatch, request))

    async def healthz(_scope: dict, _receive) -> Reply:
        # on a thread: the store is asked, which may wait (a database that does not answer)
        try:
            return json_reply(200, await on_thread(health))
        except Exception as error:
            log.warning("health check failed (%s)", type(error).__name__)  # its text may hold a DSN
            return json_reply(503, {"ok": False})

    # path: (methods, handler)
    routes = {"/slack/events": (("POST",), events), "/healthz": (("GET", "HEAD"), healthz)}
    flow = app.oauth_flow
    if flow is not None:  # Bolt's install page, and the redirect that finishes an install (its state checked)

        async def install(scope: dict, _receive) -> Reply:
            return reply_of(await on_thread(flow.handle_installation, bolt_request(scope, b"")))

        async def redirect(scope: dict, _receive) -> Reply:
            return reply_of(await on_thread(flow.handle_callback, bolt_request(scope, b"")))

        routes[flow.install_path] = (("GET",), install)
        routes[flow.redirect_uri_path] = (("GET",), redirect)

    async def serve(scope: dict, receive, send) -> None:
        if scope["type"] != "http":  # no lifespan (see config), nor WebSockets: refused by uvicorn
            return
        methods, handler = routes.get(scope["path"], ((), None))
        if handler is None:
            answer = text(404, "Not Found")
        elif scope["method"] not in methods:
            answer = text(405, "Method Not Allowed", [(b"allow", ", ".join(methods).encode())])
        else:
            answer = await handler(scope, receive)
        await send({"type": "http.response.start", "status": answer.status, "headers": answer.headers})
        await send({"type": "http.response.body", "body": answer.body})

    return Routes(serve, threads)


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
        lifespan="off",  # the application has no start-up or shut-down of its own
        log_config=None,
        log_level="warning",
        access_log=False,
        proxy_headers=True,
        server_header=False,
    )


def serve(app: App, *, host: str, port: int, signing_secret: str, health: Callable[[], dict] | None = None) -> None:
    """Serve ``app`` with uvicorn until interrupted (SIGINT/SIGTERM end it gracefully), then
    end the threads its requests were dispatched on."""
    import uvicorn

    settings = config(app, host=host, port=port, signing_secret=signing_secret, health=health)
    try:
        uvicorn.Server(settings).run()
    finally:
        settings.app.close()
