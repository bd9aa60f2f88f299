"""Many workspaces: installing the app by OAuth (Bolt's own flow), the installations and OAuth
states kept in the store, and a Web API client for each workspace.

Switched on by ``SLACK_CLIENT_ID`` and ``SLACK_CLIENT_SECRET`` (HTTP mode, with
``SLACK_SIGNING_SECRET``): ``GET /slack/install`` starts an install, ``GET /slack/oauth_redirect``
finishes it. The state Bolt gives each install is kept in the store, so any replica can finish
an install another began; installations (bot token, refresh token, expiry) are kept there too,
and every request is answered with the token of the workspace it comes from (Bolt's
``InstallationStoreAuthorize``). With token rotation on (the app's setting at api.slack.com), a
token about to expire is refreshed, and the new one stored, before it is used: by Bolt for
requests, by :class:`WorkspaceClients` for digests and follows.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Bot, Installation, InstallationStore
from slack_sdk.oauth.state_store import OAuthStateStore
from slack_sdk.oauth.token_rotation import TokenRotator

from storage.clock import iso, parse_iso
from storage.interface import InstallationLedger, NewsStore

log = logging.getLogger("bot.slack.oauth")

# oauth_config.scopes.bot of manifest.yaml (tests/slack/test_manifest.py holds them equal)
SCOPES = (
    "commands",
    "app_mentions:read",
    "chat:write",
    "files:write",
    "im:history",
    "users:read",
    "channels:history",
    "groups:history",
)
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
# a token is refreshed when it expires within this many minutes (Bolt's default)
ROTATE_BEFORE_MINUTES = 120
STATE_SECONDS = 600  # an install must finish within ten minutes of starting


def _row(bot: Bot | Installation, installer: str | None) -> dict:
    expires = bot.bot_token_expires_at
    return {
        "enterprise_id": bot.enterprise_id,
        "team_id": bot.team_id,
        "is_enterprise_install": bool(bot.is_enterprise_install),
        "app_id": bot.app_id,
        "team_name": bot.team_name,
        "enterprise_name": bot.enterprise_name,
        "bot_id": bot.bot_id,
        "bot_user_id": bot.bot_user_id,
        "bot_token": bot.bot_token,
        "bot_scopes": ",".join(bot.bot_scopes or ()),
        "bot_refresh_token": bot.bot_refresh_token,
        "bot_token_expires_at": int(expires) if expires is not None else None,
        "installer_user_id": installer,
        "installed_at": iso(datetime.fromtimestamp(float(bot.installed_at), UTC)),
    }


def _bot(row: dict) -> Bot:
    return Bot(
        app_id=row["app_id"],
        enterprise_id=row["enterprise_id"] or None,
        enterprise_name=row["enterprise_name"],
        team_id=row["team_id"] or None,
        team_name=row["team_name"],
        bot_token=row["bot_token"],
        bot_id=row["bot_id"],
        bot_user_id=row["bot_user_id"],
        bot_scopes=row["bot_scopes"] or "",
        bot_refresh_token=row["bot_refresh_token"],
        bot_token_expires_at=row["bot_token_expires_at"],
        is_enterprise_install=bool(row["is_enterprise_install"]),
        installed_at=parse_iso(row["installed_at"]).timestamp(),
    )


class StoreInstallations(InstallationStore):
    """slack_sdk's ``InstallationStore`` on the store's installations: bot tokens only (the app
    asks for no user scopes), one installation a workspace or org."""

    def __init__(self, ledger: InstallationLedger):
        self.ledger = ledger

    @property
    def logger(self) -> logging.Logger:
        return log

    def save(self, installation: Installation) -> None:
        if not installation.bot_token:
            log.warning("an install without a bot token was not kept (team %s)", installation.team_id)
            return
        self.ledger.save(_row(installation, installation.user_id))

    def save_bot(self, bot: Bot) -> None:
        """A rotated token: kept with the installation's installer. Bolt calls this after each
        refresh, which :class:`LockedRotator` has saved already, under the row's lock: a pair the
        store holds, or one older than the store's (another process has rotated since), is left."""
        old = self.ledger.find(enterprise_id=bot.enterprise_id, team_id=bot.team_id)
        if old is not None and (
            old["bot_token"] == bot.bot_token or (old["bot_token_expires_at"] or 0) > (bot.bot_token_expires_at or 0)
        ):
            return
        self.ledger.save(_row(bot, old["installer_user_id"] if old else None))

    def find_bot(
        self, *, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None = False
    ) -> Bot | None:
        row = self.ledger.find(enterprise_id=enterprise_id, team_id=None if is_enterprise_install else team_id)
        return _bot(row) if row else None

    def find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        row = self.ledger.find(enterprise_id=enterprise_id, team_id=None if is_enterprise_install else team_id)
        if row is None or (user_id is not None and user_id != row["installer_user_id"]):
            return None  # no user tokens are kept
        bot = _bot(row)
        return Installation(
            app_id=bot.app_id,
            enterprise_id=bot.enterprise_id,
            enterprise_name=bot.enterprise_name,
            team_id=bot.team_id,
            team_name=bot.team_name,
            bot_token=bot.bot_token,
            bot_id=bot.bot_id,
            bot_user_id=bot.bot_user_id,
            bot_scopes=bot.bot_scopes,
            bot_refresh_token=bot.bot_refresh_token,
            bot_token_expires_at=bot.bot_token_expires_at,
            user_id=row["installer_user_id"] or "",
            is_enterprise_install=bot.is_enterprise_install,
            installed_at=bot.installed_at,
        )

    def delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self.ledger.delete(enterprise_id=enterprise_id, team_id=team_id)

    def delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        if user_id is None:
            self.ledger.delete(enterprise_id=enterprise_id, team_id=team_id)

    def delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self.ledger.delete(enterprise_id=enterprise_id, team_id=team_id)


def _due(row: dict, minutes: int = ROTATE_BEFORE_MINUTES) -> bool:
    """The row's bot token rotates and expires within ``minutes``."""
    return bool(row["bot_refresh_token"]) and (row["bot_token_expires_at"] or 0) < time.time() + minutes * 60


class LockedRotator:
    """Token refreshes made one at a time for each installation, whichever process makes them.

    Slack invalidates a refresh token once it is used: two replicas refreshing the same token at
    once would have one refused (or the slower one's write replace the newer pair). So a refresh
    takes the installation's row lock in the store and reads the row again; if another process
    refreshed it meanwhile, its pair is used and Slack is not asked. Bolt's authorizer calls
    :meth:`perform_bot_token_rotation` (this is its ``token_rotator``); the digests' and follows'
    clients call :meth:`fresh`."""

    def __init__(self, ledger: InstallationLedger, rotator: TokenRotator):
        self.ledger = ledger
        self.rotator = rotator

    def fresh(self, row: dict, minutes: int = ROTATE_BEFORE_MINUTES) -> dict | None:
        """``row``, or the installation with its token refreshed when it is due (``None``: the
        installation is gone)."""
        if not _due(row, minutes):
            return row

        def rotate(current: dict) -> dict | None:
            bot = self.rotator.perform_bot_token_rotation(bot=_bot(current), minutes_before_expiration=minutes)
            return None if bot is None else _row(bot, current["installer_user_id"])

        return self.ledger.refresh(row, due=lambda current: _due(current, minutes), rotate=rotate)

    def perform_bot_token_rotation(self, *, bot: Bot, minutes_before_expiration: int = ROTATE_BEFORE_MINUTES):
        """slack_sdk's ``TokenRotator`` call: the refreshed bot, or ``None`` when ``bot`` is current."""
        row = self.ledger.find(enterprise_id=bot.enterprise_id, team_id=bot.team_id)
        fresh = self.fresh(row, minutes_before_expiration) if row is not None else None
        return None if fresh is None or fresh["bot_token"] == bot.bot_token else _bot(fresh)


class StoreStates(OAuthStateStore):
    """slack_sdk's ``OAuthStateStore`` on the store: a state issued by one process is consumed,
    once, by whichever receives the redirect."""

    def __init__(self, ledger: InstallationLedger, *, expiration_seconds: int = STATE_SECONDS):
        self.ledger = ledger
        self.expiration_seconds = expiration_seconds

    @property
    def logger(self) -> logging.Logger:
        return log

    def issue(self, *args, **kwargs) -> str:
        state = secrets.token_urlsafe(32)
        expires = datetime.now(UTC) + timedelta(seconds=self.expiration_seconds)
        self.ledger.issue_state(state, expires_at=iso(expires))
        return state

    def consume(self, state: str) -> bool:
        return self.ledger.consume_state(state)


def oauth_settings(
    store: NewsStore,
    client: WebClient,
    *,
    client_id: str,
    client_secret: str,
    scopes: Sequence[str] = SCOPES,
    redirect_uri: str | None = None,
):
    """Bolt's ``OAuthSettings`` for the store, every Web API call (``oauth.v2.access``, a token's
    refresh, ``auth.test``) made through ``client`` (so through ``SLACK_API_URL``)."""
    from slack_bolt.authorization.authorize import InstallationStoreAuthorize
    from slack_bolt.oauth.oauth_settings import OAuthSettings

    installations = StoreInstallations(store.installations)
    settings = OAuthSettings(
        client_id=client_id,
        client_secret=client_secret,
        scopes=list(scopes),
        user_scopes=[],
        redirect_uri=redirect_uri,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=installations,
        installation_store_bot_only=True,
        token_rotation_expiration_minutes=ROTATE_BEFORE_MINUTES,
        state_store=StoreStates(store.installations),
        state_expiration_seconds=STATE_SECONDS,
        logger=logging.getLogger("bot.slack.bolt"),
    )
    # Bolt's own would refresh tokens through a client of its own, for slack.com
    settings.authorize = InstallationStoreAuthorize(
        logger=logging.getLogger("bot.slack.bolt"),
        installation_store=installations,
        client_id=client_id,
        client_secret=client_secret,
        token_rotation_expiration_minutes=ROTATE_BEFORE_MINUTES,
        bot_only=True,
        cache_enabled=True,  # auth.test once a token, not once a request
        client=client,
    )
    settings.authorize.token_rotator = LockedRotator(
        store.installations, TokenRotator(client_id=client_id, client_secret=client_secret, client=client)
    )
    return settings


def posting_clients(settings, store: NewsStore, client: WebClient):
    """``clients`` for the digest runner and the follows' worker: with many workspaces, the
    client for a channel's workspace (a once-client with its token); ``None`` with one."""
    if not settings.oauth:
        return None
    from bot.slack.app import once_client

    return WorkspaceClients(
        store,
        lambda token: once_client(settings, token=token),
        client_id=settings.client_id,
        client_secret=settings.client_secret.reveal(),
        rotator_client=client,
    ).for_channel


class WorkspaceClients:
    """The Web API client for a channel's workspace, for what is posted without a request to
    answer (digests, follows): the workspace is the one the subscription or follow was made in,
    its token the installation's, refreshed first when it is about to expire."""

    def __init__(
        self,
        store: NewsStore,
        make: Callable[[str | None], WebClient],
        *,
        client_id: str,
        client_secret: str,
        rotator_client: WebClient,
    ):
        self.store = store
        self.make = make  # a client with a token: a once_client, for posts that must happen once
        self._unknown: set[str] = set()  # workspaces whose org could not be told: said once
        self.rotator = LockedRotator(
            store.installations, TokenRotator(client_id=client_id, client_secret=client_secret, client=rotator_client)
        )

    def org_of(self, channel: str, team: str) -> str | None:
        """The Enterprise Grid org that the workspace ``team``'s subscription or follows in
        ``channel`` were set up in (``None``: outside an org, or not known)."""
        sub = self.store.digests.subscription(channel, team)
        if sub is not None and sub.get("enterprise"):
            return sub["enterprise"]
        row = next((row for row in self.store.follows.of_channel(channel, team) if row.get("enterprise")), None)
        return row["enterprise"] if row is not None else None

    def token_of(self, team: str | None, enterprise: str | None = None) -> str | None:
        """The bot token serving ``team`` (of the org ``enterprise``): the workspace's own
        installation, else its org's org-wide one (as Bolt finds a request's). When the org is
        not known (set up under an org-wide install before it was kept): the workspace's own by
        its id alone, else the org-wide install the store can tell (``org_of_unknown``); when it
        cannot, no token, said once in the log (the post is refused, and its digest paused with
        the reason: never skipped silently)."""
        if team is None:
            return None
        row = self.store.installations.find(enterprise_id=enterprise, team_id=team) if enterprise else None
        row = row or self.store.installations.of_team(team)
        if row is None and enterprise is None:
            org = self.store.installations.org_of_unknown(team)
            if org is not None:
                log.info("workspace %s: its digests and follows are now kept with the org %s", team, org)
                row = self.store.installations.find(enterprise_id=org, team_id=team)
            elif team not in self._unknown:
                self._unknown.add(team)
                log.warning(
                    "workspace %s has no installation of its own, and the org-wide install its digests and follows"
                    " were set up under cannot be told: they are refused until set up again in Slack"
                    " (/digest daily HH:MM; /brief follow NAME)",
                    team,
                )
        row = self.rotator.fresh(row) if row is not None else None
        return row["bot_token"] if row is not None else None

    def for_channel(self, channel: str, team: str | None = None, enterprise: str | None = None) -> WebClient:
        """A client with the token of the workspace ``team`` for its post in ``channel`` (a
        channel shared by workspaces is posted to by each with its own token; ``enterprise``:
        the workspace's org, else the one its subscription or follows there keep); without a
        token for no workspace, or when the app is not installed there any more (Slack then
        refuses, and the post is recorded)."""
        if team is not None and enterprise is None:
            enterprise = self.org_of(channel, team)
        token = self.token_of(team, enterprise)
        if token is None and team not in self._unknown:  # those were said once, by ``token_of``
            log.warning("no installation for the workspace of %s (team %s): its post will be refused", channel, team)
        return self.make(token)
