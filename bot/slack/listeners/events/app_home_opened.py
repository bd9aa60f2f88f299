"""The App Home tab, published afresh each time its person opens it (see ``bot.slack.home``)."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.answers import Answers
from bot.slack import home
from bot.slack.listeners.common import describe
from bot.slack.work import QUICK, Work, submit

log = logging.getLogger("bot.slack")


def register(app, answers: Answers, work: Work, digests=None, follows=None) -> None:
    @app.event("app_home_opened")
    def app_home_opened(event, client, context):
        user = event.get("user")
        if event.get("tab") != "home" or not user:
            return  # the Messages tab: a DM, answered as one
        team = context.get("workspace")
        if not submit(
            work.answers,
            lambda: publish(answers.for_team(team), client, user, digests, follows, team=team),
            quick=QUICK,
        ):
            log.warning("too busy to publish a Home tab: dropped")


def publish(answers: Answers, client, user: str, digests=None, follows=None, *, team: str | None = None) -> None:
    try:
        client.views_publish(user_id=user, view=home.view(answers, user, digests, follows, team=team))
    except SlackApiError as error:
        log.error("could not publish the Home tab (%s)", describe(error))
    except Exception:
        log.exception("could not build the Home tab")
