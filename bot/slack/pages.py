"""An answer as a question that can be asked again: for "Show more" and "Share in channel".

A :class:`Question` is how an answer was asked (``ask`` for a mention or a DM, else the slash
command), its text, and how many items were asked for. Buttons carry it as their value, so a
click re-derives the answer from the store in any process, after a restart too. Slack limits a
button's value to 2,000 characters: a text too long for that stays in the :class:`Stash` and
the value carries its key. The answer itself is stashed too, so "Share in channel" posts exactly
the answer its user saw while the stash keeps it, and the same question asked again after.

One process stashes in memory. Replicas (any of which may receive the click) stash in the store
they share (``notes``), as JSON: the answer's plain data, each object named by its class, read
back into the classes of ``bot.answers.model`` and nothing else.
"""

from __future__ import annotations

import copy
import itertools
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import UTC, datetime, timedelta
from json.encoder import encode_basestring

from bot.answers import Answers, model
from bot.answers.commands import ANSWERED
from bot.answers.paging import PAGE_LIMIT, items
from bot.answers.paging import more as more_in
from bot.mrkdwn import MAX_BUTTON_VALUE, length
from bot.slack.dedupe import FORGET_AFTER, FORGET_EVERY
from bot.slack.expiring import Expiring
from storage import iso
from storage.interface import Notes

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
    """A bounded, thread-safe map that forgets entries after ``ttl`` seconds, keyed by random
    keys; in the store's ``notes`` when given (replicas), else in this process's memory."""

    def __init__(
        self,
        *,
        ttl: float = 6 * 3600.0,
        size: int = 1000,
        clock: Callable[[], float] = time.monotonic,
        keys: Callable[[], str] = lambda: secrets.token_urlsafe(9),
        notes: Notes | None = None,
    ):
        self._items = Expiring(ttl=ttl, size=size, clock=clock)
        self.ttl = timedelta(seconds=ttl)
        self.notes = notes
        # random keys: a button from before a restart names no entry of this process (and is
        # answered from its text), no one can name an entry made for someone else (another
        # workspace's answer) from the keys they were given, and no two replicas' keys are alike
        self._keys = keys
        self._count = itertools.count(1)
        self._scope = ""  # a workspace's view: its entries' keys begin with its id

    def for_team(self, team: str | None) -> Stash:
        """This stash as the workspace ``team`` uses it (many workspaces): an entry it puts is
        found by it alone, so a button's value copied into another workspace names nothing there
        (its question is asked again, with that workspace's answers)."""
        if team is None:
            return self
        scoped = copy.copy(self)
        scoped._scope = f"{team}/"
        return scoped

    def put(self, value: tuple[Question, Viewed | None]) -> str:
        count = next(self._count)
        key = self._keys()
        if self.notes is None:
            self._items.add(self._scope + key, value)
            return key
        now = datetime.now(UTC)
        if count % FORGET_EVERY == 0:
            self.notes.forget(before=iso(now - FORGET_AFTER))
        self.notes.put(f"stash:{self._scope}{key}", encode(value), now=iso(now))
        return key

    def get(self, key: str | None) -> tuple[Question, Viewed | None] | None:
        if not key:
            return None
        if self.notes is None:
            return self._items.get(self._scope + key)
        now = datetime.now(UTC)
        return decode(self.notes.get(f"stash:{self._scope}{key}", since=iso(now - self.ttl)))


# what a stash in the store may hold: the answers' plain data, and how they were asked
_KNOWN = {
    cls.__name__: cls
    for cls in (
        model.Source,
        model.Evidence,
        model.ArticleBrief,
        model.QuoteFact,
        model.RelationFact,
        model.Brief,
        model.Quotes,
        model.Rivals,
        model.KnownName,
        model.Known,
        model.Help,
    )
}


def _plain(obj):
    if is_dataclass(obj) and not isinstance(obj, type):
        return {"@": type(obj).__name__, **{f.name: _plain(getattr(obj, f.name)) for f in fields(obj) if f.init}}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return {"@": type(obj).__name__, **{name: _plain(value) for name, value in obj._asdict().items()}}
    if isinstance(obj, list | tuple):
        return [_plain(item) for item in obj]
    if isinstance(obj, dict):  # Rivals.others: lists of facts by side
        return {"@": "dict", "items": {key: _plain(value) for key, value in obj.items()}}
    return obj


def _typed(value, known: dict[str, type]):
    if isinstance(value, dict) and value.get("@") == "dict":
        return {key: _typed(item, known) for key, item in value["items"].items()}
    if isinstance(value, dict):
        cls = known[value["@"]]  # KeyError: not ours
        made = {name: _typed(item, known) for name, item in value.items() if name != "@"}
        if is_dataclass(cls):  # a tuple field (Rivals.between) came back as a list
            for f in fields(cls):
                if isinstance(made.get(f.name), list) and str(f.type).startswith("tuple"):
                    made[f.name] = tuple(made[f.name])
        return cls(**made)
    if isinstance(value, list):
        return [_typed(item, known) for item in value]
    return value


def encode(value: tuple[Question, Viewed | None]) -> str:
    """A stashed (question, answer as seen) as JSON."""
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))


def decode(text: str | None) -> tuple[Question, Viewed | None] | None:
    """A stashed (question, answer as seen) from its JSON; ``None`` for anything else."""
    if text is None:
        return None
    try:
        question, viewed = _typed(json.loads(text), {**_KNOWN, "Question": Question, "Viewed": Viewed})
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(question, Question) or not (viewed is None or isinstance(viewed, Viewed)):
        return None
    return question, viewed


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
