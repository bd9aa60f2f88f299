"""The map's buttons: **Map** on a /rivals answer, and on a map shown to its asker alone,
**Share in channel** and **Rivals** (the answer behind it, back in its place)."""

from __future__ import annotations

import logging

from bot.answers import Answers
from bot.slack import maps
from bot.slack.listeners.common import answer_payload, answer_safely, describe, for_workspace, hand_off, responder
from bot.slack.pages import Question, Stash
from bot.slack.render import apology, plain
from bot.slack.work import Work

log = logging.getLogger("bot.slack")

EXPIRED = "That button is not one I can read any more. Ask again: /rivals COMPANY map"


def register(app, answers: Answers, stash: Stash, work: Work) -> None:
    """Drawing and uploading a map take a second or more: they run on ``work.slow``, beside
    fetching, never in the answers' way; the answer behind a map on ``work.answers``."""

    def tell(respond, payload: dict):
        return respond(response_type="ephemeral", replace_original=False, **payload)

    def post_in(answers, client, respond, request, *, channel, thread_ts=None, answer_link=None) -> bool:
        """Upload the map where everyone sees it; tell the asker alone when it cannot be."""
        try:
            note = maps.posted(answers, client, request, channel=channel, thread_ts=thread_ts, answer_link=answer_link)
        except Exception as error:
            log.error("could not post a map of %s (%s)", request.company[:80], describe(error))
            tell(respond, apology())
            return False
        if note is not None:
            tell(respond, plain(note))
            return False
        return True

    @app.action(maps.MAP_ACTION)
    def map_answer(ack, action, body, client, context):
        scoped = for_workspace(context, answers)[0]
        hand_off(ack, work.slow, lambda: draw(scoped, action, body, client), what="Map", busy=None, quick=0)

    def draw(answers, action, body, client) -> None:
        respond = responder(body.get("response_url"))
        request = maps.request_of(action.get("value"))
        if request is None:
            tell(respond, plain(EXPIRED))
            return
        container = body.get("container") or {}
        if container.get("is_ephemeral"):  # the asker's own answer: the map takes its place
            answer_safely(
                lambda: maps.shown_privately(answers, client, request),
                lambda payload: respond(replace_original=True, **payload),
                apologise=lambda payload: tell(respond, payload),
                what="a map",
            )
            return
        # a message everyone sees: the map goes beside it, in its thread if it is in one
        channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
        message = body.get("message") or {}
        link = maps.permalink(client, channel, container.get("message_ts") or message.get("ts"))
        post_in(
            answers, client, respond, request, channel=channel, thread_ts=message.get("thread_ts"), answer_link=link
        )

    @app.action(maps.SHARE_MAP_ACTION)
    def share_map(ack, action, body, client, context):
        scoped = for_workspace(context, answers)[0]
        hand_off(ack, work.slow, lambda: share(scoped, action, body, client), what="Share map", busy=None, quick=0)

    def share(answers, action, body, client) -> None:
        respond = responder(body.get("response_url"))
        request = maps.request_of(action.get("value"))
        channel = (body.get("container") or {}).get("channel_id") or (body.get("channel") or {}).get("id")
        if request is None or not channel:
            tell(respond, plain(EXPIRED))
            return
        if post_in(answers, client, respond, request, channel=channel):
            respond(delete_original=True)  # the asker's copy has done its job

    @app.action(maps.RIVALS_ACTION)
    def rivals_answer(ack, action, body, context):
        scoped = for_workspace(context, answers, stash)
        hand_off(ack, work.answers, lambda: back(*scoped, action, body), what="Rivals", busy=None)

    def back(answers, stash, action, body) -> None:
        respond = responder(body.get("response_url"))
        request = maps.request_of(action.get("value"))
        if request is None:
            tell(respond, plain(EXPIRED))
            return
        question = Question("rivals", request.company, answers.limit)
        answer_safely(
            lambda: answer_payload(answers, stash, question, share=True),
            lambda payload: respond(replace_original=True, **payload),
            apologise=lambda payload: tell(respond, payload),
            what="the /rivals answer behind a map",
        )
