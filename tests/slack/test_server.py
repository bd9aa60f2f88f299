"""The HTTP server: request signatures are checked before anything happens; what is not Slack's
is refused with a status and one short line; a request that stalls is cut off; health checks."""

import hashlib
import hmac
import logging
import socket
import time
from urllib.request import urlopen

import pytest

from tests.slack.conftest import FORM, JSON, SIGNING_SECRET, Server, action_body, command_body, event_body, sign
from tests.slack.events.test_events import mention


def test_healthz_answers(server):
    with urlopen(f"{server.url}/healthz", timeout=5) as response:
        assert response.status == 200
        assert b'"ok":true' in response.read().replace(b" ", b"")


def test_healthz_says_the_store_answers_and_counts_nothing_of_any_workspace(app, seeded_store):
    import json

    from bot.app import health
    from tests.conftest import GAMING, save

    save(seeded_store, GAMING, team="T2")  # a workspace's own article: nothing of it may show
    s = Server(app, health=lambda: health(seeded_store))
    try:
        with urlopen(f"{s.url}/healthz", timeout=5) as response:
            assert response.status == 200
            assert json.loads(response.read()) == {"ok": True}  # no count, of articles or anything
    finally:
        s.stop()


def test_healthz_is_503_when_the_store_does_not_answer(app, caplog):
    from urllib.error import HTTPError

    def down() -> dict:
        raise ConnectionRefusedError("the database is down")

    s = Server(app, health=down)
    try:
        with pytest.raises(HTTPError) as refused:
            urlopen(f"{s.url}/healthz", timeout=5)
        assert refused.value.code == 503 and refused.value.read().replace(b" ", b"") == b'{"ok":false}'
    finally:
        s.stop()
    assert "health check failed (ConnectionRefusedError)" in caplog.text


def bodies(fake) -> dict:
    return {
        "command": (command_body("/rivals", "Sony", fake.response_url()), FORM),
        "mention": (event_body(mention(), "EvBad"), JSON),
        "share": (action_body('{"r":"rivals","t":"Sony","n":5}', fake.response_url()), FORM),
    }


@pytest.mark.parametrize("kind", ["command", "mention", "share"])
@pytest.mark.parametrize(
    "headers",
    ["zero-signature", "no-headers", "no-signature", "no-timestamp", "wrong-secret", "too-old", "from-the-future"],
)
def test_bad_signatures_are_refused_with_401_and_no_web_api_call(server, fake, listeners, kind, headers):
    body, content_type = bodies(fake)[kind]
    now = int(time.time())
    signed = sign(body)
    headers = {
        "zero-signature": {**signed, "X-Slack-Signature": "v0=" + "0" * 64},
        "no-headers": {},
        "no-signature": {"X-Slack-Request-Timestamp": str(now)},
        "no-timestamp": {"X-Slack-Signature": signed["X-Slack-Signature"]},
        "wrong-secret": sign(body, secret="not-the-secret"),
        "too-old": sign(body, timestamp=now - 5 * 60 - 30),
        "from-the-future": sign(body, timestamp=now + 5 * 60 + 30),
    }[headers]
    status, _ = server.post(body, headers, content_type)
    assert status == 401
    listeners.idle()  # no listener ran, or it has finished
    assert fake.calls == []


def test_a_well_signed_request_four_minutes_old_is_accepted(server, fake):
    body = command_body("/rivals", "Sony", fake.response_url())
    assert server.post(body, sign(body, timestamp=int(time.time()) - 4 * 60), FORM)[0] == 200
    fake.wait_for("response/r1")


def test_a_huge_body_is_refused_before_it_is_read_or_verified(server, fake, listeners):
    import http.client
    from urllib.parse import urlsplit

    # only the headers are sent: the answer must come from the declared length alone (a client
    # still writing two megabytes would race the server closing the connection)
    where = urlsplit(server.url)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=10)
    connection.putrequest("POST", "/slack/events")
    for name, value in {**sign("x"), "Content-Type": FORM, "Content-Length": "2000000"}.items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413
    connection.close()
    listeners.idle()
    assert fake.calls == []


def test_only_post_reaches_bolt(server):
    from urllib.error import HTTPError

    with pytest.raises(HTTPError) as refused:
        urlopen(f"{server.url}/slack/events", timeout=5)
    assert refused.value.code == 405


# -- requests that are not Slack's: refused with a status and one short line ---------------


def signed_bytes(body: bytes) -> dict:
    timestamp = str(int(time.time()))
    digest = hmac.new(SIGNING_SECRET.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": f"v0={digest}"}


def unsigned(timestamp: str | None = None, signature: str = "v0=" + "0" * 64) -> dict:
    return {"X-Slack-Request-Timestamp": timestamp or str(int(time.time())), "X-Slack-Signature": signature}


SIGNED = None
MALFORMED = {
    # name: (body, headers (made when the test runs) or SIGNED, content type, status)
    "timestamp abc": (b"text=x", lambda: unsigned("abc"), FORM, 401),
    "timestamp of 400 digits": (b"text=x", lambda: unsigned("9" * 400), FORM, 401),
    "timestamp in other digits": (b"text=x", lambda: unsigned("\u00b2\u00b3"), FORM, 401),
    "signature not ASCII": (b"text=x", lambda: unsigned(signature="v0=\u00e9"), FORM, 401),
    "wrong signature": (b"text=x", unsigned, FORM, 401),
    "no headers": (b"text=x", dict, FORM, 401),
    "JSON {bad": (b"{bad", SIGNED, JSON, 400),
    "JSON that is a list": (b"[1, 2]", SIGNED, JSON, 400),
    "form payload {bad": (b"payload=%7Bbad", SIGNED, FORM, 400),
    "form payload that is a list": (b"payload=%5B1%5D", SIGNED, FORM, 400),
    "not UTF-8": (b"text=\xff\xfe", SIGNED, FORM, 400),
    "JSON null": (b"null", SIGNED, JSON, 400),
    "an event that is a string": (b'{"type": "event_callback", "event": "x"}', SIGNED, JSON, 400),
    "actions that are numbers": (
        b"payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B5%5D%7D",
        SIGNED,
        FORM,
        400,
    ),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_request_gets_401_or_400_and_one_short_line(server, fake, listeners, caplog, case):
    body, headers, content_type, expected = MALFORMED[case]
    caplog.set_level(logging.DEBUG)
    status, _ = server.post(body, signed_bytes(body) if headers is SIGNED else headers(), content_type)
    assert status == expected
    listeners.idle()
    assert fake.calls == []
    said = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert len(said) == 1, [r.getMessage() for r in said]
    [line] = said
    assert line.levelno == logging.WARNING and line.name == "bot.slack.server" and not line.exc_info
    assert f"(HTTP {expected})" in line.getMessage() and len(line.getMessage()) < 120


def test_a_well_signed_request_still_reaches_bolt_after_the_checks(server, fake):
    body = command_body("/rivals", "Sony", fake.response_url())
    assert server.signed(body, FORM) == (200, "")
    assert "Microsoft" in fake.wait_for("response/r1")[0].body["text"]


# -- a request that stops half-way ----------------------------------------------------------


@pytest.fixture
def impatient_server(app):
    """The server as `newsbot run --http` makes it, but waiting half a second for a request."""
    s = Server(app, request_timeout=0.5)
    yield s
    s.stop()


def closed_by_server(sock: socket.socket) -> bool:
    """Whether the server closes ``sock`` (read until it does; the 30 s guard only keeps a
    broken server from hanging the test)."""
    sock.settimeout(30)
    try:
        while sock.recv(4096):
            pass
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
    return True


@pytest.mark.parametrize(
    "sent",
    [
        b'POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"to',
        b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Ty",
        b"",
    ],
    ids=["part of a body", "part of the headers", "nothing"],
)
def test_a_stalled_request_has_its_connection_closed(impatient_server, fake, listeners, caplog, sent):
    with socket.create_connection(("127.0.0.1", impatient_server.port)) as sock:
        sock.sendall(sent)
        assert closed_by_server(sock)
    listeners.idle()
    assert fake.calls == []
    closed = [r for r in caplog.records if "did not arrive" in r.getMessage()]
    assert len(closed) == (1 if sent else 0)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_kept_alive_connection_still_serves_its_next_request(impatient_server, fake):
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", impatient_server.port, timeout=10)
    for name in ("r1", "r2"):
        body = command_body("/rivals", "Sony", fake.response_url(name))
        connection.request("POST", "/slack/events", body=body, headers={**sign(body), "Content-Type": FORM})
        response = connection.getresponse()
        assert (response.status, response.read()) == (200, b"")
        fake.wait_for(f"response/{name}")
    connection.close()


# -- the server's own routes, rendered as Bolt's Starlette adapter rendered them --------------


def test_other_paths_are_404_and_other_methods_405_with_what_is_allowed(server):
    status, _headers, body = server.get("/slack/event")
    assert (status, body) == (404, "Not Found")
    status, headers, body = server.get("/slack/events")
    assert (status, headers["Allow"], body) == (405, "POST", "Method Not Allowed")
    assert server.post(b"{}", {}, JSON, path="/healthz") == (405, "Method Not Allowed")


def test_healthz_answers_a_head_with_no_body(server):
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("HEAD", "/healthz")
    response = connection.getresponse()
    assert (response.status, response.headers["Content-Type"], response.read()) == (200, "application/json", b"")
    connection.close()


def scope(query: bytes, headers: list[tuple[bytes, bytes]]) -> dict:
    return {"type": "http", "method": "GET", "path": "/slack/install", "query_string": query, "headers": headers}


def test_requests_reach_bolt_as_through_its_starlette_adapter():
    from slack_bolt.adapter.starlette.handler import to_bolt_request
    from starlette.requests import Request

    from bot.slack.server import bolt_request

    headers = [
        (b"content-type", FORM.encode()),
        (b"x-slack-retry-num", b"1"),
        (b"x-slack-retry-num", b"2"),
        (b"x-other", "caf\u00e9".encode("latin-1")),
    ]
    for query, body in [(b"", b"text=x&team_id=T1"), (b"code=c&state=s&state=t&blank=", b""), (b"a=%C3%A9", b"")]:
        ours = bolt_request(scope(query, headers), body)
        theirs = to_bolt_request(Request(scope(query, headers)), body)
        assert (ours.raw_body, ours.body, ours.query, ours.headers) == (
            theirs.raw_body,
            theirs.body,
            theirs.query,
            theirs.headers,
        )


def test_responses_are_rendered_as_by_bolts_starlette_adapter():
    from slack_bolt import BoltResponse
    from slack_bolt.adapter.starlette.handler import to_starlette_response
    from starlette.responses import JSONResponse, PlainTextResponse, Response

    from bot.slack.server import json_reply, reply, reply_of, text

    def starlette(response) -> tuple:
        return (response.status_code, response.raw_headers, bytes(response.body))

    for bolt in [
        BoltResponse(status=200, body=""),
        BoltResponse(status=200, body={"response_action": "errors", "errors": {"b": "caf\u00e9"}}),
        BoltResponse(status=404, body="not found", headers={"X-Extra": ["a", "b"]}),
        BoltResponse(status=204, body=""),
        BoltResponse(status=302, body="", headers={"Location": "https://slack.com/oauth/v2/authorize?state=s"}),
        BoltResponse(
            status=200,
            body="<html></html>",
            headers={"Content-Type": "text/html", "Set-Cookie": ["slack-app-oauth-state=s; Max-Age=600; Path=/"]},
        ),
    ]:
        assert tuple(reply_of(bolt)) == starlette(to_starlette_response(bolt))
    assert tuple(text(401, "bad signature")) == starlette(PlainTextResponse("bad signature", status_code=401))
    assert tuple(json_reply(200, {"ok": True})) == starlette(JSONResponse({"ok": True}))
    assert tuple(json_reply(503, {"ok": False})) == starlette(JSONResponse({"ok": False}, status_code=503))
    assert tuple(reply(400)) == starlette(Response(status_code=400))
