"""The "Share in channel" button: posts the answer its user saw to the channel for everyone."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.listeners.common import answer_payload, answer_safely, for_workspace, hand_off, responder
from bot.slack.pages import Stash, from_value
from bot.slack.render import SHARE_ACTION, plain
from bot.slack.work import Work

EXPIRED = "That answer can no longer be shared (I was restarted since). Ask again, then share it."


def register(app, answers: Answers, stash: Stash, work: Work, *, zones=None) -> None:
    @app.action(SHARE_ACTION)
    def share(ack, action, body, client, context):
        zone = zones.lazy((body.get("user") or {}).get("id"), client) if zones is not None else None
        scoped, scoped_stash = for_workspace(context, answers, stash)
        hand_off(
            ack,
            work.answers,
            lambda: post_shared(scoped, scoped_stash, action, body, zone=zone),
            what="Share",
            busy=None,
        )


def post_shared(answers: Answers, stash: Stash, action: dict, body: dict, *, zone=None) -> None:
    """The answer its user saw, posted to the channel; the ephemeral copy deleted."""
    respond = responder(body.get("response_url"))

    def tell(payload: dict):
        return respond(response_type="ephemeral", replace_original=False, **payload)

    question, viewed = from_value(action.get("value"), stash)
    if question is None:
        tell(plain(EXPIRED))
        return
    user = (body.get("user") or {}).get("id")
    shared = answer_safely(
        # the stashed answer when this process has it, else the same question asked again
        lambda: answer_payload(answers, stash, question, viewed=viewed, expand=False, shared_by=user, zone=zone),
        lambda payload: respond(response_type="in_channel", replace_original=False, **payload),
        apologise=tell,
        what=f"sharing /{question.route}",
    )
    if shared:
        respond(delete_original=True)  # the ephemeral copy has done its job
