"""HTTP mode: Slack's requests on ``POST /slack/events``, and ``GET /healthz``, under uvicorn."""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route


def asgi_app(app: App, *, health: callable = lambda: {"ok": True}) -> Starlette:
    """An ASGI application serving ``app``; Bolt's dispatch runs on a worker thread, so one
    slow answer never holds up the event loop."""

    async def events(request: Request) -> Response:
        body = await request.body()
        bolt_response = await run_in_threadpool(app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    async def healthz(_request: Request) -> Response:
        return JSONResponse(health())

    return Starlette(routes=[Route("/slack/events", events, methods=["POST"]), Route("/healthz", healthz)])


def serve(app: App, *, host: str, port: int, health=None) -> None:
    import uvicorn

    uvicorn.run(
        asgi_app(app, health=health or (lambda: {"ok": True})),
        host=host,
        port=port,
        log_level="warning",
        proxy_headers=True,
        server_header=False,
    )
