"""The HTTP server: request signatures are checked before anything happens; health checks."""

import time
from urllib.request import urlopen

import pytest

from tests.slack.conftest import FORM, command_body, sign


def test_healthz_answers(server):
    with urlopen(f"{server.url}/healthz", timeout=5) as response:
        assert response.status == 200
        assert b'"ok":true' in response.read().replace(b" ", b"")


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Slack-Signature": "v0=" + "0" * 64, "X-Slack-Request-Timestamp": str(int(time.time()))},
        {},
        {"X-Slack-Request-Timestamp": str(int(time.time()))},
        "wrong-secret",
        "too-old",
    ],
)
def test_bad_signatures_are_refused_with_401_and_no_web_api_call(server, fake, headers):
    body = command_body("/rivals", "Sony", fake.response_url())
    if headers == "wrong-secret":
        headers = sign(body, secret="not-the-secret")
    elif headers == "too-old":
        headers = sign(body, timestamp=int(time.time()) - 6 * 60)
    status, _ = server.post(body, headers, FORM)
    assert status == 401
    time.sleep(0.2)
    assert fake.calls == []
