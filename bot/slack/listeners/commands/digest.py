"""`/digest`: subscribe the channel to a daily digest, and manage it (see ``bot.digest.commands``)."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack import incoming
from bot.slack.listeners.common import READING, SLOW_BUSY, answer_safely, hand_off, responder
from bot.slack.render import plain, render
from bot.slack.work import Work
from bot.slack.zones import Zones


def register(app, answers: Answers, work: Work, digests=None, news=None, *, zones: Zones | None = None) -> None:
    """``digests`` runs the schedule commands and ``news`` the ``feeds`` ones; a process
    without them answers with the usage. ``feeds add`` and ``feeds poll`` fetch: they run on
    ``work.slow``, the rest on ``work.answers``. ``zones`` gives the user's Slack time zone, the
    default for a new subscription."""
    zones = zones or Zones(app.client)

    @app.command("/digest")
    def digest_command(ack, command, client, context):
        text = incoming.text(command.get("text"))
        words = text.split()
        is_feeds = bool(words) and words[0].casefold() == "feeds"
        response_url = command.get("response_url")
        workspace = context.get("workspace")  # with many workspaces, the one asking
        verb = words[1].casefold() if is_feeds and len(words) > 1 else ""

        def deliver(payload: dict):
            return responder(response_url)(response_type="ephemeral", **payload)

        def compute() -> dict:
            if (digests if not is_feeds else news) is None:
                return render(answers.for_team(workspace).command("digest", text))
            if is_feeds:
                return plain(news.command(" ".join(words[1:]), user=command.get("user_id"), team=workspace))
            needs_zone = len(words) == 2 and words[0].casefold() in {"daily", "weekdays"}
            zone = zones.name_of(command.get("user_id"), client) if needs_zone else None
            reply = digests.handle(
                text,
                channel=command["channel_id"],
                user=command.get("user_id"),
                user_zone=zone,
                team=workspace,
                enterprise=context.get("enterprise"),
            )
            return plain(reply.text)

        def task() -> None:
            answer_safely(compute, deliver, what="/digest")

        if news is not None and (verb == "poll" or (verb == "add" and len(words) > 2)):
            hand_off(ack, work.slow, task, what="/digest feeds", busy=SLOW_BUSY, note=READING, quick=0)
        else:
            hand_off(ack, work.answers, task, what="/digest")
