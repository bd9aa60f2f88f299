"""``app_uninstalled``, and ``tokens_revoked`` for the bot's token: the workspace's tokens,
digests, follows and feeds are removed (see ``InstallationLedger.remove_team``; for an org-wide
install, ``remove_org``: the org's token and the workspaces set up under it), and the digest
scheduler and the follows' worker told. ``team_access_revoked``: an org-wide install removed
from some workspaces of its org; those are removed (``remove_org_teams``), the org stays.
Registered with many workspaces only (installed by OAuth); Slack sends the first two without a
token to check."""

from __future__ import annotations

import logging

log = logging.getLogger("bot.slack")


def register(app, store, *, digests=None, follows=None) -> None:
    def forget(context, why: str) -> None:
        team, org = context.get("workspace"), context.enterprise_id
        if context.is_enterprise_install and org:
            # the org-wide install: its token, and the workspaces whose digests and follows it posted
            removed = store.installations.remove_org(org)
            log.info(
                "%s: org %s removed (%d workspaces: %d subscriptions, %d follows, %d feeds)",
                why,
                org,
                removed.get("teams", 0),
                removed.get("subscriptions", 0),
                removed.get("follows", 0),
                removed.get("feeds", 0),
            )
        elif team:
            removed = store.installations.remove_team(team, enterprise_id=org)
            log.info(
                "%s: workspace %s removed (%d subscriptions, %d follows, %d feeds)",
                why,
                team,
                removed.get("subscriptions", 0),
                removed.get("follows", 0),
                removed.get("feeds", 0),
            )
        else:
            return
        for changed in (digests, follows):
            on_change = getattr(changed, "on_change", None)
            if on_change is not None:
                on_change()

    @app.event("app_uninstalled")
    def app_uninstalled(context):
        forget(context, "app uninstalled")

    @app.event("team_access_revoked")
    def team_access_revoked(event, context):
        # an org-wide install removed from some workspaces of its org: they go, the rest of the org stays
        org = context.enterprise_id
        teams = [t for t in event.get("team_ids") or [] if isinstance(t, str)]
        if not org or not teams:
            return
        removed = store.installations.remove_org_teams(org, teams)
        log.info(
            "team access revoked: %d workspaces of org %s removed (%d subscriptions, %d follows, %d feeds;"
            " %d named but not known in the org)",
            removed.get("teams", 0),
            org,
            removed.get("subscriptions", 0),
            removed.get("follows", 0),
            removed.get("feeds", 0),
            removed.get("unknown", 0),
        )
        if removed.get("teams"):
            for changed in (digests, follows):
                on_change = getattr(changed, "on_change", None)
                if on_change is not None:
                    on_change()

    @app.event("tokens_revoked")
    def tokens_revoked(event, context):
        if (event.get("tokens") or {}).get("bot"):
            forget(context, "bot token revoked")
