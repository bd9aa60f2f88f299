"""The "Share in channel" button: posts the answer its user saw to the channel for everyone."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.listeners.common import answer_button, answer_payload, answer_safely, responder
from bot.slack.pages import Stash, from_value
from bot.slack.render import SHARE_ACTION, plain
from bot.slack.work import Work

EXPIRED = "That answer can no longer be shared (I was restarted since). Ask again, then share it."


def register(app, answers: Answers, stash: Stash, work: Work, *, zones=None) -> None:
    answer_button(app, SHARE_ACTION, answers, stash, work, post_shared, what="Share", zones=zones)


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
