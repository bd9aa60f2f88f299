"""`/brief`: see ``bot.answers.Answers.brief``; `/brief follow NAME`, `follows`, `unfollow NAME`:
see ``bot.follows.commands`` (in a DM, a follow is the person's own: posted in their DM)."""

from __future__ import annotations

from bot.answers import Answers
from bot.follows.commands import FollowCommands, is_follow_command
from bot.slack import incoming
from bot.slack.listeners.commands.answer import command_listener
from bot.slack.listeners.common import answer_safely, hand_off, responder
from bot.slack.pages import Stash
from bot.slack.render import plain
from bot.slack.work import Work


def target_of(command: dict) -> tuple[str | None, str]:
    """Where a follow made by ``command`` posts (a channel, or the person in a DM), and how the
    replies say so."""
    channel, user = command.get("channel_id") or "", command.get("user_id")
    if command.get("channel_name") == "directmessage" or channel.startswith("D"):
        return user, "in your DM with me"
    return channel or None, "in this channel"


def register(
    app, answers: Answers, stash: Stash, work: Work, news=None, follows: FollowCommands | None = None, *, zones=None
) -> None:
    answer = command_listener("brief", answers, stash, work, news, zones=zones)
    follows = follows or FollowCommands(answers)

    @app.command("/brief")
    def brief_command(ack, command, client, context):
        text = incoming.text(command.get("text"))
        if not is_follow_command(text):
            answer(ack, command, client, context)
            return
        target, where = target_of(command)

        def follow() -> None:
            respond = responder(command.get("response_url"))
            if not target:
                respond(response_type="ephemeral", **plain("A follow needs a channel or a DM to post in."))
                return
            answer_safely(
                lambda: plain(
                    follows.handle(
                        text,
                        target=target,
                        user=command.get("user_id"),
                        where=where,
                        team=context.get("workspace"),
                        enterprise=context.get("enterprise"),
                    )
                ),
                lambda payload: respond(response_type="ephemeral", **payload),
                what="/brief follow",
            )

        hand_off(ack, work.answers, follow, what="/brief follow")
