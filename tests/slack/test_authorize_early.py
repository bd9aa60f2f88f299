"""The token checked (``auth.test``) while the server starts, not in the first answer; a check
that fails leaves Bolt to check, and answer, on the first request as before."""

from bot.slack.app import authorize_early
from tests.slack.conftest import FORM, Server, build_app, command_body


def test_the_first_request_does_not_wait_for_auth_test(settings, seeded_store, listeners, fake):
    app = build_app(settings, seeded_store, listeners)
    authorize_early(app).join(10)
    assert len(fake.of("auth.test")) == 1
    server = Server(app)
    try:
        assert server.signed(command_body("/rivals", "Acme", fake.response_url("r1")), FORM)[0] == 200
        [answer] = fake.wait_for("response/r1")
        assert "Acme" in answer.body["text"]
        assert len(fake.of("auth.test")) == 1  # asked once, before the request came
    finally:
        server.stop()


def test_a_token_slack_refuses_is_checked_again_and_refused_on_the_first_request(
    settings, seeded_store, listeners, fake
):
    fake.answers["auth.test"] = {"ok": False, "error": "invalid_auth"}
    app = build_app(settings, seeded_store, listeners)
    authorize_early(app).join(10)
    server = Server(app)
    try:
        status, body = server.signed(command_body("/rivals", "Acme", fake.response_url("r1")), FORM)
        assert len(fake.of("auth.test")) == 2  # Bolt asked again, as it would have
        assert status == 200 and "Please reinstall this app" in body  # Bolt's own answer, unchanged
    finally:
        server.stop()


def test_installed_by_oauth_there_is_no_single_token_to_check(settings, seeded_store, listeners, fake):
    from dataclasses import replace

    from bot.config import Secret

    many = replace(settings, client_id="111.222", client_secret=Secret("client-secret"))
    assert authorize_early(build_app(many, seeded_store, listeners)) is None
    assert fake.of("auth.test") == []
