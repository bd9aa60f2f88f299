"""Before connecting to Slack: each setting missing or of the wrong kind, said with where to get
it, and whether Slack answers the bot token at all."""

from __future__ import annotations

import logging

from bot.config import Settings

SETUP = "docs/slack-setup.md"

# what each setting is, where to find it in the app's settings at https://api.slack.com/apps,
# and the prefix a value of the right kind starts with
WHERE = {
    "SLACK_BOT_TOKEN": ("the Bot User OAuth Token: OAuth & Permissions, after Install to Workspace", "xoxb-"),
    "SLACK_APP_TOKEN": (
        "an app-level token for Socket Mode: Basic Information, App-Level Tokens,"
        " Generate Token and Scopes, with the connections:write scope",
        "xapp-",
    ),
    "SLACK_SIGNING_SECRET": ("the Signing Secret: Basic Information, App Credentials", None),
    "SLACK_CLIENT_ID": ("the Client ID: Basic Information, App Credentials", None),
    "SLACK_CLIENT_SECRET": ("the Client Secret: Basic Information, App Credentials", None),
}


def secrets(settings: Settings) -> list[str]:
    """The settings' secrets, which no log line may hold (tokens issued by Slack, refresh tokens
    included, are found by their form: ``bot.slack.redact``)."""
    return [
        settings.bot_token.reveal(),
        settings.app_token.reveal(),
        settings.signing_secret.reveal(),
        settings.client_secret.reveal(),
    ]


def _oauth_problems(settings: Settings, *, http: bool) -> list[str]:
    found = []
    for name, value in (("SLACK_CLIENT_ID", settings.client_id), ("SLACK_CLIENT_SECRET", settings.client_secret)):
        if not str.__str__(value):
            found.append(f"{name} is not set: it is {WHERE[name][0]} (both are needed to install by OAuth).")
    if not http:
        found.append(
            "installing in many workspaces (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET) needs HTTP mode: newsbot run --http"
            " (Slack sends each install back to /slack/oauth_redirect)."
        )
    if not settings.signing_secret.reveal():
        found.append(f"SLACK_SIGNING_SECRET is not set: it is {WHERE['SLACK_SIGNING_SECRET'][0]}.")
    if settings.bot_token.reveal():
        found.append(
            "SLACK_BOT_TOKEN is set as well as SLACK_CLIENT_ID and SLACK_CLIENT_SECRET: installed by OAuth, each"
            " workspace's token comes from its install. Leave SLACK_BOT_TOKEN empty (or the client id and secret,"
            " to serve one workspace)."
        )
    return found


def problems(settings: Settings, *, http: bool) -> list[str]:
    """What keeps the bot from connecting: each missing or wrong setting, and where to get it.
    Values are never shown; only a wrong prefix is named. With SLACK_CLIENT_ID or
    SLACK_CLIENT_SECRET, those of installing in many workspaces by OAuth (``bot.slack.oauth``)."""
    if settings.client_id or settings.client_secret.reveal():
        return _oauth_problems(settings, http=http)
    needed = {"SLACK_BOT_TOKEN": settings.bot_token}
    if http:
        needed["SLACK_SIGNING_SECRET"] = settings.signing_secret
    else:
        needed["SLACK_APP_TOKEN"] = settings.app_token
    found = []
    for name, secret in needed.items():
        value = secret.reveal()
        what, prefix = WHERE[name]
        if not value:
            found.append(f"{name} is not set: it is {what}.")
        elif prefix and not value.startswith(prefix):
            seen = next((p for p in ("xoxb-", "xoxp-", "xapp-") if value.startswith(p)), None)
            kind = f"starts with {seen}" if seen else f"does not start with {prefix}"
            found.append(f"{name} {kind}; it should be {what} ({prefix}...).")
    return found


def unreachable(settings: Settings) -> str | None:
    """Why Slack cannot be reached with the bot token (``auth.test``, asked once, quietly:
    no retries, no log lines of its own), or ``None`` when it answers."""
    from urllib.error import URLError

    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

    quiet = logging.getLogger("bot.slack.preflight")
    quiet.disabled = True  # the one line said below is the report
    client = WebClient(
        token=settings.bot_token.reveal(), base_url=settings.api_url, timeout=10, retry_handlers=[], logger=quiet
    )
    try:
        client.auth_test()
    except SlackApiError as error:
        code = error.response.get("error", "unknown_error")
        return f"Slack refused the bot token ({code}): check SLACK_BOT_TOKEN ({WHERE['SLACK_BOT_TOKEN'][0]})."
    except (URLError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        reason = getattr(reason, "strerror", None) or str(reason)
        return (
            f"cannot reach Slack at {settings.api_url} ({reason}): check this machine's network connection"
            " (and SLACK_API_URL, if set). Meanwhile, newsbot chat answers in this terminal."
        )
    return None
