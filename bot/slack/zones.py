"""Each asker's time zone, as Slack knows it (``users.info``): what "today" and "this week" in a
question mean to them, and the zone a new digest is set in. Looked up only when needed, and
remembered a while (a failed look-up is not: the next one asks again)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from slack_sdk.errors import SlackApiError

from bot.slack.expiring import Expiring

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

log = logging.getLogger("bot.slack")

UNKNOWN = ""  # Slack answered, and gave no zone: remembered too


class Zones:
    """Read through ``client`` (the app's Web API client), or the client a request was given
    (with many workspaces, the one with that workspace's token)."""

    def __init__(self, client, *, ttl: float = 3600.0, size: int = 10_000):
        self.client = client
        self._known = Expiring(ttl=ttl, size=size)

    def name_of(self, user: str | None, client=None) -> str | None:
        """``user``'s time zone as Slack names it (``Europe/London``), or ``None``."""
        if not user:
            return None
        name = self._known.get(user)
        if name is None:
            name = _read(client or self.client, user)
            if name is None:
                return None
            self._known.add(user, name)
        return name or None

    def of(self, user: str | None, client=None) -> ZoneInfo | None:
        """``user``'s time zone, or ``None`` (the answers then read times in UTC)."""
        name = self.name_of(user, client)
        if not name:
            return None
        from zoneinfo import ZoneInfo  # with sysconfig: by a first question with a time, or the digests

        try:
            return ZoneInfo(name)
        except (ValueError, KeyError, OSError):
            return None

    def lazy(self, user: str | None, client=None):
        """A function that finds ``user``'s zone when first called (a question with no time never does)."""
        return lambda: self.of(user, client)


def _read(client, user: str) -> str | None:
    """The zone Slack gives ``user`` (``UNKNOWN`` when it gives none); ``None`` when Slack could
    not be asked or refused."""
    try:
        return (client.users_info(user=user).get("user") or {}).get("tz") or UNKNOWN
    except SlackApiError as error:
        log.warning("could not read the time zone of a user (users.info: %s)", error.response.get("error", "?"))
    except OSError as error:  # a timeout or a dropped connection, after the client's own retries
        log.warning("could not read the time zone of a user (users.info: %s)", type(error).__name__)
    return None
