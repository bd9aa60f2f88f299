"""HTTP mode: Slack's requests on ``POST /slack/events``, and ``GET /healthz``, under uvicorn.

Requests go through Bolt's Starlette adapter (``to_bolt_request``/``to_starlette_response``)
into the sync Bolt app, whose ``dispatch`` runs on a worker thread: it checks the signature,
acknowledges, and hands the listener to Bolt's own thread pool, so Slack gets its answer
within its three seconds whatever the answer costs, and the event loop is never blocked.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

MAX_BODY = 1_000_000  # Slack's payloads are a few kB; refuse more before reading it all


def asgi_app(app: App, *, health: Callable[[], dict] = lambda: {"ok": True}) -> Starlette:
    """An ASGI application serving ``app``."""

    async def events(request: Request) -> Response:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY:
            return PlainTextResponse("request too large", status_code=413)
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY:
                return PlainTextResponse("request too large", status_code=413)
        bolt_response = await run_in_threadpool(app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    async def healthz(_request: Request) -> Response:
        return JSONResponse(health())

    return Starlette(routes=[Route("/slack/events", events, methods=["POST"]), Route("/healthz", healthz)])


def serve(app: App, *, host: str, port: int, health: Callable[[], dict] | None = None) -> None:
    """Serve ``app`` with uvicorn until interrupted (SIGINT/SIGTERM end it gracefully)."""
    import uvicorn

    uvicorn.run(
        asgi_app(app, health=health or (lambda: {"ok": True})),
        host=host,
        port=port,
        log_level="warning",
        proxy_headers=True,
        server_header=False,
    )
