"""An answer as a question that can be asked again: for "Show more" and "Share in channel".

A :class:`Question` is how an answer was asked (``ask`` for a mention or a DM, else the slash
command), its text, and how many items were asked for. Buttons carry it as their value, so a
click re-derives the answer from the store in any process, after a restart too. Slack limits a
button's value to 2,000 characters: a text too long for that stays in this process's
:class:`Stash` and the value carries its key. The answer itself is stashed too, so "Share in
channel" posts exactly the answer its user saw while this process lives, and the same question
asked again after a restart.
"""

from __future__ import annotations

import copy
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from json.encoder import encode_basestring

from bot.answers import Answers
from bot.answers.commands import ANSWERED
from bot.answers.paging import PAGE_LIMIT, items
from bot.answers.paging import more as more_in
from bot.mrkdwn import MAX_BUTTON_VALUE, length
from bot.slack.expiring import Expiring

ROUTES = ("ask", *ANSWERED)
MAX_LIMIT = PAGE_LIMIT  # past this many items, narrowing the question beats paging


@dataclass(frozen=True)
class Question:
    route: str  # "ask", or the command answered: "brief", "quotes", "rivals"...
    text: str
    limit: int  # items asked for (``Answers.limit``)

    def ask(self, answers: Answers, *, zone=None):
        """The answer over ``answers``' store, with ``limit`` items; ``zone``: the asker's time
        zone (or how to learn it), for the times in the question."""
        sized = answers if answers.limit == self.limit else _with_limit(answers, self.limit)
        if self.route == "ask":
            return sized.ask(self.text, zone=zone)
        return sized.command(self.route, self.text, zone=zone)

    def larger(self, step: int) -> Question:
        return replace(self, limit=min(MAX_LIMIT, self.limit + step))


def _with_limit(answers: Answers, limit: int) -> Answers:
    """The same answers (same store and name index) asking for ``limit`` items."""
    sized = copy.copy(answers)
    sized.limit = limit
    return sized


def more_of(answer) -> int | None:
    """How many items the store has beyond ``answer``'s: a count, ``None`` for "some, not
    counted", or 0 (see ``bot.answers.paging``)."""
    return more_in(answer) if items(answer) else 0


class Stash:
    """A bounded, thread-safe map that forgets entries after ``ttl`` seconds, keyed by random keys."""

    def __init__(
        self,
        *,
        ttl: float = 6 * 3600.0,
        size: int = 1000,
        clock: Callable[[], float] = time.monotonic,
        keys: Callable[[], str] = lambda: secrets.token_urlsafe(9),
    ):
        self._items = Expiring(ttl=ttl, size=size, clock=clock)
        # random keys: a button from before a restart names no entry of this process (and is
        # answered from its text), and no one can name an entry made for someone else (another
        # workspace's answer) from the keys they were given
        self._keys = keys

    def put(self, value: object) -> str:
        key = self._keys()
        self._items.add(key, value)
        return key

    def get(self, key: str | None) -> object | None:
        return self._items.get(key) if key else None


@dataclass(frozen=True)
class Viewed:
    """An answer as its user saw it: the answer, and how many more the store had then."""

    answer: object
    more: int | None


def button_value(question: Question, stash: Stash, viewed: Viewed | None = None) -> str:
    """The question (and the stash key of the answer ``viewed``) as a button value within
    Slack's limit: the text is left out, and stashed, when it would not fit."""
    # JSON written out (route, limit and key need no escaping, the text is escaped as JSON):
    # json.dumps with options builds an encoder at every call, twice a button
    fields = f'{{"r":"{question.route}","n":{question.limit:d}'
    if viewed is not None:
        fields += f',"s":"{stash.put((question, viewed))}"'
    encoded = f'{fields},"t":{encode_basestring(question.text)}}}'
    if length(encoded) <= MAX_BUTTON_VALUE:
        return encoded
    if viewed is None:
        fields += f',"s":"{stash.put((question, None))}"'
    return fields + "}"


def from_value(raw: str | None, stash: Stash) -> tuple[Question | None, Viewed | None]:
    """(question, the answer as seen, or None) from a button value; (None, None) when the
    value is not ours, or names a stash entry this process no longer has and no text."""
    try:
        value = json.loads(raw or "")
        route, limit = value["r"], int(value["n"])
    except (ValueError, KeyError, TypeError):
        return None, None
    if route not in ROUTES or not 1 <= limit <= MAX_LIMIT:
        return None, None
    stashed = stash.get(value.get("s")) if isinstance(value.get("s"), str) else None
    if isinstance(stashed, tuple) and len(stashed) == 2 and isinstance(stashed[0], Question):
        return stashed[0], stashed[1]
    text = value.get("t")
    if not isinstance(text, str):
        return None, None
    return Question(route, text, limit), None
