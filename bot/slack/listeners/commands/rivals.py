"""`/rivals`: see ``bot.answers.Answers.rivals``; `/rivals Sony map` draws it (``bot.slack.maps``)."""

from __future__ import annotations

from bot.answers import Answers
from bot.map import map_request
from bot.slack import incoming, maps
from bot.slack.listeners.commands.answer import command_listener
from bot.slack.listeners.common import SLOW_BUSY, answer_safely, for_workspace, hand_off, responder
from bot.slack.pages import Stash
from bot.slack.work import Work


def register(app, answers: Answers, stash: Stash, work: Work, *, zones=None) -> None:
    answer = command_listener("rivals", answers, stash, work, zones=zones)

    @app.command("/rivals")
    def rivals_command(ack, command, client, context):
        request = map_request(incoming.text(command.get("text")))
        if request is None:
            answer(ack, command, client, context)
            return

        def draw() -> None:
            respond = responder(command.get("response_url"))
            answer_safely(
                lambda: maps.shown_privately(for_workspace(context, answers)[0], client, request),
                lambda payload: respond(response_type="ephemeral", **payload),
                what="/rivals map",
            )

        # drawing takes a second or more: it runs beside fetching, never in the answers' way
        hand_off(ack, work.slow, draw, what="/rivals map", busy=SLOW_BUSY, quick=0)
