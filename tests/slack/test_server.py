"""The HTTP server: request signatures are checked before anything happens; health checks."""

import time
from urllib.request import urlopen

import pytest

from tests.slack.conftest import FORM, JSON, action_body, command_body, event_body, sign
from tests.slack.events.test_events import mention


def test_healthz_answers(server):
    with urlopen(f"{server.url}/healthz", timeout=5) as response:
        assert response.status == 200
        assert b'"ok":true' in response.read().replace(b" ", b"")


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
