"""What every listener shares: answering safely, replying through response_url with retries,
rendering a question's answer with its buttons, and reporting Slack errors."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler
from slack_sdk.webhook import WebhookClient

from bot.answers import Answers, Rivals
from bot.slack.maps import map_value
from bot.slack.pages import Question, Stash, Viewed, button_value, more_of
from bot.slack.render import apology, render
from bot.slack.work import QUICK, Work, submit

log = logging.getLogger("bot.slack")

BUSY = "I have more questions than I can answer right now. Please try again in a minute."
SLOW_BUSY = "I am already reading as many pages and feeds as I can. Please try again in a few minutes."
READING = "On it: I will answer here when it is done."


def for_workspace(context, answers: Answers, stash: Stash | None = None) -> tuple[Answers, Stash | None]:
    """The answers (and the stash of answers behind buttons) of the workspace a request comes
    from: with many workspaces, its own and everyone's articles, never another's."""
    team = context.get("workspace") if context is not None else None
    return answers.for_team(team), (stash.for_team(team) if stash is not None else None)


def answer_button(app, action_id: str, answers: Answers, stash: Stash, work: Work, run, *, what: str, zones=None):
    """A button whose answer is asked again: ``run(answers, stash, action, body, zone=...)`` on
    ``work.answers`` for the clicker's workspace and time zone (a button's ack carries no text)."""

    @app.action(action_id)
    def clicked(ack, action, body, client, context):
        zone = zones.lazy((body.get("user") or {}).get("id"), client) if zones is not None else None
        scoped, scoped_stash = for_workspace(context, answers, stash)
        hand_off(ack, work.answers, lambda: run(scoped, scoped_stash, action, body, zone=zone), what=what, busy=None)

    return clicked


def hand_off(
    ack, pool: Executor, task: Callable[[], object], *, what: str, busy: str | None = BUSY, note=None, quick=QUICK
):
    """Run ``task`` on ``pool`` and acknowledge Slack's request on the thread that received it
    (with ``note`` when given), once ``task`` is done or ``quick`` seconds have passed. A full
    pool drops ``task``, and the acknowledgement says ``busy`` (a command's; a button's carries
    no text, so that is only logged)."""
    if not submit(pool, task, quick=quick):
        log.warning("too busy to take %s: asked to try again later", what)
        ack(text=busy) if busy else ack()
        return
    ack(text=note) if note else ack()


def describe(error: Exception) -> str:
    """``chat.postMessage: channel_not_found`` (never the token or the request)."""
    if isinstance(error, SlackApiError):
        response = error.response
        method = (getattr(response, "api_url", "") or "").rstrip("/").rsplit("/", 1)[-1] or "?"
        return f"{method}: {response.get('error', 'unknown_error')}"
    return type(error).__name__


def responder(response_url: str | None) -> Callable[..., object]:
    """Posts to ``response_url`` (a full URL Slack gives with each command and click, so
    ``SLACK_API_URL`` has no part in it), retrying a dropped connection and waiting out a 429,
    as the Web API client does. Returns the response; a refusal is a status, not an exception."""
    if not response_url:
        raise ValueError("this request has no response_url")
    client = WebhookClient(
        url=response_url,
        timeout=10,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=2), ConnectionErrorRetryHandler(max_retry_count=2)],
    )

    def send(**message) -> object:
        return client.send_dict(message)

    return send


def _delivered(result: object, what: str) -> bool:
    """A response_url post answers with a status instead of raising: check it."""
    status = getattr(result, "status_code", 200)
    if status != 200:
        log.error("response_url refused the answer to %s (HTTP %s: %s)", what, status, getattr(result, "body", "")[:80])
        return False
    return True


def answer_safely(
    compute: Callable[[], dict],
    deliver: Callable[[dict], object],
    *,
    what: str,
    apologise: Callable[[dict], object] | None = None,
) -> bool:
    """Compute an answer and deliver it; on failure, log it (with the Slack method and error
    code, never a token) and deliver an apology instead, through ``apologise`` (default
    ``deliver``). Slack's rate limits (429) are retried by the clients before we get here.
    Returns whether the answer itself was delivered."""
    apologise = apologise or deliver
    try:
        payload = compute()
    except Exception:
        log.exception("failed to answer %s", what)
        payload = None
    if payload is not None:
        try:
            if _delivered(deliver(payload), what):
                return True
        except SlackApiError as error:
            log.error("Slack refused the answer to %s (%s)", what, describe(error))
        except Exception as error:
            log.error("could not deliver the answer to %s (%s)", what, describe(error))
    try:
        _delivered(apologise(apology()), what)
    except Exception as error:
        log.error("could not apologise for %s (%s)", what, describe(error))
    return False


def answer_payload(
    answers: Answers,
    stash: Stash,
    question: Question,
    *,
    share: bool = False,
    expand: bool = True,
    viewed: Viewed | None = None,
    shared_by: str | None = None,
    zone=None,
) -> dict:
    """``question``'s answer as Block Kit (``viewed``: the answer as its user saw it, when this
    process still has it), with "Show more" when the store has more and ``expand``, and
    "Share in channel" when ``share`` (and the answer found something); ``zone``: the asker's
    time zone, or how to learn it."""
    if viewed is None:
        answer = question.ask(answers, zone=zone)
        if answer.kind == "help":
            return render(answer)
        viewed = Viewed(answer, more_of(answer))
    bigger = question.larger(answers.limit)
    can_expand = expand and viewed.more != 0 and bigger.limit > question.limit
    return render(
        viewed.answer,
        more=viewed.more,
        more_value=button_value(bigger, stash) if can_expand else None,
        share_value=button_value(question, stash, viewed) if share else None,
        shared_by=shared_by,
        map_value=_map_of(viewed.answer),
    )


def _map_of(answer) -> str | None:
    """A /rivals answer about a company with rivals or partners (what the map draws) gets a
    Map button."""
    if isinstance(answer, Rivals) and answer.company and (answer.competes or answer.partners):
        return map_value(answer.company)
    return None
