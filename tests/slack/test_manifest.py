"""manifest.yaml creates the app the code serves: every slash command and event the listeners
handle, the Messages tab open for DMs, interactivity for the buttons, Socket Mode, and the
fewest scopes that work, each one needed by a Web API method or an event the code uses."""

import json
import re

import yaml
from slack_bolt import BoltRequest

from bot.answers.commands import SLASH
from bot.slack.manifest import updated
from tests.conftest import ROOT
from tests.slack.conftest import action_payload, build_app, command_fields, event_body
from tests.slack.events.test_events import dm, mention

MANIFEST = yaml.safe_load((ROOT / "manifest.yaml").read_text())

# why each scope is needed (from Slack's reference for each method and event)
NEEDED = {
    "commands": "slash commands",
    "app_mentions:read": "the app_mention event",
    "im:history": "the message.im event (DMs)",
    "chat:write": "chat.postMessage (mentions, DMs, digests, follows)",
    "files:write": "files_upload_v2 (the rivalry map)",
    "users:read": "users.info (a user's time zone, for /digest)",
    "channels:history": "conversations.history in public channels (digest recovery)",
    "groups:history": "conversations.history in private channels (digest recovery)",
}
METHODS = {
    "auth_test": None,  # Socket Mode's check that Slack answers, before it connects: no scope
    "views_publish": None,  # the Home tab: no scope
    "chat_postMessage": "chat:write",
    "chat_delete": "chat:write",  # the bot's own messages only
    "users_info": "users:read",
    "conversations_history": "channels:history",
    "files_upload_v2": "files:write",
    "chat_getPermalink": None,  # no scope: a link to a message the app can see
}


def handled(app, body: dict) -> bool:
    """Whether a listener takes ``body`` (Bolt answers 404 to what no listener matches)."""
    return app.dispatch(BoltRequest(body=body, mode="socket_mode")).status != 404


def test_the_manifest_declares_what_the_app_listens_to(settings, seeded_store, listeners, fake):
    app = build_app(settings, seeded_store, listeners)
    commands = {c["command"] for c in MANIFEST["features"]["slash_commands"]}
    assert commands == {f"/{c.name}" for c in SLASH} >= {"/brief", "/quotes", "/rivals", "/digest"}
    for command in commands:
        assert handled(app, command_fields(command, "help", fake.response_url()))
    assert not handled(app, command_fields("/undeclared", "", fake.response_url()))

    events = MANIFEST["settings"]["event_subscriptions"]["bot_events"]
    assert sorted(events) == [
        "app_home_opened",
        "app_mention",
        "app_uninstalled",
        "message.im",
        "team_access_revoked",
        "tokens_revoked",
    ]
    home = {"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home", "event_ts": "1.2"}
    assert handled(app, json.loads(event_body(home, "EvMan0")))
    assert handled(app, json.loads(event_body(mention(), "EvMan1")))
    assert handled(app, json.loads(event_body(dm(), "EvMan2")))  # message.im: a message in an im
    assert not handled(app, json.loads(event_body({"type": "reaction_added", "user": "U1"}, "EvMan3")))

    assert MANIFEST["settings"]["interactivity"]["is_enabled"] is True  # the buttons
    for action in ("share_answer", "more_answer", "map_answer", "share_map", "rivals_answer"):
        assert handled(app, action_payload("{}", fake.response_url(), action_id=action))
    listeners.idle()


def test_the_uninstall_events_are_listened_to_when_installed_in_many_workspaces(fake, tmp_path, listeners):
    from storage import Store
    from tests.slack.oauth_helpers import oauth_app

    app = oauth_app(fake, Store(tmp_path / "m.db"), listeners)
    for i, kind in enumerate(("app_uninstalled", "tokens_revoked", "team_access_revoked")):
        assert handled(app, json.loads(event_body({"type": kind, "tokens": {"bot": []}}, f"EvGone{i}")))
    listeners.idle()


def test_the_manifests_slash_commands_are_written_from_the_registry():
    text = (ROOT / "manifest.yaml").read_text()
    assert updated(text) == text, "run: python -m bot.slack.manifest"
    written = {c["command"]: (c["description"], c["usage_hint"]) for c in MANIFEST["features"]["slash_commands"]}
    assert written == {f"/{c.name}": (c.description, c.hint) for c in SLASH}
    # a command added to the registry is written in, the rest of the manifest as it was
    assert updated(text.replace("    - command: /digest", "    - command: /gone", 1)) == text


def test_dms_socket_mode_and_the_bot_user():
    home = MANIFEST["features"]["app_home"]
    assert home["messages_tab_enabled"] is True and home["messages_tab_read_only_enabled"] is False
    assert home["home_tab_enabled"] is True
    assert MANIFEST["settings"]["socket_mode_enabled"] is True
    assert MANIFEST["features"]["bot_user"]["display_name"]
    for command in MANIFEST["features"]["slash_commands"]:
        assert command["description"] and len(command["description"]) <= 100
        assert len(command.get("usage_hint", "")) <= 100


def test_usage_hints_show_every_way_in():
    hints = {c["command"]: c["usage_hint"] for c in MANIFEST["features"]["slash_commands"]}
    assert "add URL" in hints["/brief"]  # a web page's story
    assert "feeds add URL" in hints["/digest"]  # RSS and Atom feeds
    assert "since" in hints["/rivals"] and "about" in hints["/quotes"]


def test_the_fewest_scopes_that_work():
    scopes = MANIFEST["oauth_config"]["scopes"]
    assert set(scopes) == {"bot"}  # no user token
    assert sorted(scopes["bot"]) == sorted(NEEDED)


def test_every_web_api_method_the_code_calls_is_covered_by_a_scope():
    called = set()
    for path in [*(ROOT / "bot").rglob("*.py")]:
        called |= set(re.findall(r"client\.(\w+)\(", path.read_text()))
    called -= {"send_dict"}  # response_url posts: no scope
    assert called <= set(METHODS), called - set(METHODS)
    assert {METHODS[m] for m in called} - {None} <= set(MANIFEST["oauth_config"]["scopes"]["bot"])
