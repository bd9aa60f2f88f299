"""The "Show more" button: the same answer with more items, in place of the message."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.listeners.common import answer_button, answer_payload, answer_safely, responder
from bot.slack.pages import Stash, from_value
from bot.slack.render import MORE_ACTION, plain
from bot.slack.work import Work

EXPIRED = "That answer has expired (I was restarted since). Please ask again."


def register(app, answers: Answers, stash: Stash, work: Work, *, zones=None) -> None:
    answer_button(app, MORE_ACTION, answers, stash, work, show_more, what="Show more", zones=zones)


def show_more(answers: Answers, stash: Stash, action: dict, body: dict, *, zone=None) -> None:
    """The answer with more items, in place of the message it was asked from."""
    respond = responder(body.get("response_url"))
    question, _viewed = from_value(action.get("value"), stash)
    if question is None:
        respond(response_type="ephemeral", replace_original=False, **plain(EXPIRED))
        return
    # an ephemeral answer to a slash command keeps its share button; a reply to a
    # mention or a DM is already there for everyone
    ephemeral = bool((body.get("container") or {}).get("is_ephemeral"))
    answer_safely(
        lambda: answer_payload(answers, stash, question, share=ephemeral, zone=zone),
        lambda payload: respond(replace_original=True, **payload),
        apologise=lambda payload: respond(response_type="ephemeral", replace_original=False, **payload),
        what=f"more of /{question.route}",
    )
