"""Many workspaces in tests: an app installed by OAuth (Bolt's flow against the fake Web API),
installs driven as a browser and Slack would, and signed requests from any workspace."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

from bot.answers import Answers
from bot.config import Secret, Settings
from bot.digest.runner import Runner
from bot.follows.worker import FollowWorker
from bot.slack.app import create_app, once_client, web_client
from bot.slack.oauth import posting_clients
from tests.slack.conftest import SIGNING_SECRET, command_fields
from tests.slack.fake_slack import CLIENT_ID, CLIENT_SECRET

STATE_COOKIE = "slack-app-oauth-state"


def oauth_settings(fake) -> Settings:
    return Settings(
        signing_secret=Secret(SIGNING_SECRET),
        client_id=CLIENT_ID,
        client_secret=Secret(CLIENT_SECRET),
        api_url=fake.base_url,
    )


def runner(fake, store) -> Runner:
    """The digest runner as ``newsbot run`` makes it with OAuth: each workspace posted with its own token."""
    settings = oauth_settings(fake)
    return Runner(store, once_client(settings), clients=posting_clients(settings, store, web_client(settings)))


def follower(fake, store) -> FollowWorker:
    """The follows worker as ``newsbot run`` makes it with OAuth, posting at once."""
    settings = oauth_settings(fake)
    clients = posting_clients(settings, store, web_client(settings))
    return FollowWorker(store, once_client(settings), clients=clients, pace=0.0)


def oauth_app(fake, store, listeners=None, **kwargs):
    settings = oauth_settings(fake)
    return create_app(settings, Answers(store), client=web_client(settings), listener_executor=listeners, **kwargs)


def begin(server) -> str:
    """GET /slack/install, as a browser: the state cookie Bolt sets (its value is the state)."""
    status, headers, body = server.get("/slack/install")
    assert status == 200, body
    cookie = headers["Set-Cookie"].split(";")[0]
    assert cookie.startswith(f"{STATE_COOKIE}=")
    state = cookie.split("=", 1)[1]
    assert f"state={state}" in body  # the link to Slack's authorize page carries it
    return state


def finish(server, fake, team: str, state: str, *, installer: str = "U1", cookie_state: str | None = None, **grid):
    """Slack's redirect back, after the installer approved: (status, body). ``grid``: the
    install's Enterprise Grid org (``enterprise``), or ``org_wide`` (``team``: the org)."""
    code = fake.code_for(team, installer, **grid)
    cookie = f"{STATE_COOKIE}={cookie_state or state}"
    status, _headers, body = server.get(f"/slack/oauth_redirect?code={code}&state={state}", {"Cookie": cookie})
    return status, body


def install(server, fake, team: str, **kwargs) -> None:
    status, body = finish(server, fake, team, begin(server), **kwargs)
    assert status == 200 and "Thank you!" in body, body


def command(
    team: str, name: str, text: str, response_url: str, *, channel: str | None = None, user: str = "U1", **extra
):
    channel = channel or f"C{team}"
    fields = command_fields(name, text, response_url, team_id=team, channel_id=channel, user_id=user, **extra)
    return urlencode(fields)


def event(team: str, payload: dict, event_id: str, *, org: str | None = None, org_wide=False, named=None) -> str:
    """An event from ``team``; ``org``: a workspace of that Enterprise Grid org, with
    ``org_wide`` served by the org's org-wide install, whose authorization names the workspace
    ``named`` (Slack's documented sample names it; an org-wide one may name none: ``None``)."""
    authorization = {"team_id": team, "user_id": f"UBOT{team}", "is_bot": True}
    if org is not None:
        authorization |= {"enterprise_id": org, "is_enterprise_install": bool(org_wide)}
        if org_wide:
            authorization |= {"team_id": named, "user_id": f"UBOT{org}"}
    return json.dumps(
        {
            "token": "legacy",
            "team_id": team,
            **({"enterprise_id": org} if org is not None else {}),
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [authorization],
            "event": payload,
        }
    )


def action(
    team: str,
    action_id: str,
    value: str,
    response_url: str,
    *,
    ephemeral: bool = True,
    user: str = "U1",
    channel: str | None = None,
):
    channel = channel or f"C{team}"
    container = {"type": "message", "is_ephemeral": ephemeral, "channel_id": channel, "message_ts": "1700000000.1"}
    payload = {
        "type": "block_actions",
        "team": {"id": team},
        "user": {"id": user, "team_id": team},
        "api_app_id": "A1",
        "channel": {"id": channel},
        "container": container,
        "response_url": response_url,
        "trigger_id": "1.2.3",
        "actions": [{"type": "button", "action_id": action_id, "block_id": "b1", "value": value}],
    }
    return urlencode({"payload": json.dumps(payload)})
