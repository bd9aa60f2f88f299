"""``newsbot chat``: a prompt loop over the answers.

On a terminal: line editing and history (``readline``; the history is kept in
``NEWSBOT_HISTORY``, ``~/.newsbot_history`` by default), answers wrapped to the terminal's
width, ``more`` (or Enter on an empty line) for the next page of the last answer, follow-ups
("and Google?", "what about this week?"), and Ctrl-C to drop a line or an answer: a fresh
prompt on a clean line. Ctrl-D or ``quit`` leaves. From a pipe, each line is a question.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bot.answers import Answers
from bot.answers.intent import Intent
from bot.answers.paging import PAGE_LIMIT, more
from bot.terminal.render import render

GREETING = (
    "newsbot: ask about the news I have, e.g. 'who competes with Sony?', 'what did analysts say about the iPod?',\n"
    "'news from December 2004', or use /brief [topic], /quotes [who], /rivals [company].\n"
    "'help' for more; 'more' (or Enter) for more of an answer; 'quit' (or Ctrl-D) to leave."
)
PROMPT = "you> "
QUIT = {"quit", "exit", ":q", "bye", "q"}
NOTHING_YET = "Nothing to show more of yet: ask me something first."
ALL_SHOWN = "That is all I have on that."
AT_MOST = f"That is {PAGE_LIMIT} already: narrow the question to see the rest."


class Conversation:
    """The last question understood and how much of its answer was shown: what ``more`` and
    follow-ups go on from."""

    def __init__(self, answers: Answers, *, zone=None):
        self.answers = answers
        self.zone = zone
        self.intent: Intent | None = None
        self.shown = 0  # items asked for so far (the limit of the last page)
        self.left: int | None = 0  # what the store has beyond them (None: some)

    def ask(self, question: str, width: int) -> str:
        intent = self.answers.understand(question, previous=self.intent, zone=self.zone)
        if intent.kind == "more":
            return self.more(width)
        answer = self.answers.answer(intent)
        if intent.kind in ("brief", "quotes", "rivals", "known"):
            self.intent, self.shown, self.left = intent, self.answers.limit, more(answer)
        return render(answer, width=width, more="chat")

    def more(self, width: int) -> str:
        if self.intent is None:
            return NOTHING_YET
        if self.left == 0:
            return ALL_SHOWN
        if self.shown >= PAGE_LIMIT:
            return AT_MOST
        limit = min(PAGE_LIMIT, self.shown + self.answers.limit)
        answer = self.answers.answer(self.intent, limit=limit)
        text = render(answer, width=width, skip=self.shown, more="chat")
        self.shown, self.left = limit, more(answer)
        return text or ALL_SHOWN


def local_zone():
    """This machine's time zone (what "today" means to someone at it)."""
    return datetime.now().astimezone().tzinfo


def chat(answers: Answers, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    conversation = Conversation(answers, zone=local_zone())
    if stdin is sys.stdin and stdout is sys.stdout and _isatty(stdin) and _isatty(stdout):
        return _terminal(conversation)
    while True:
        line = stdin.readline()
        if not line:
            return 0
        question = line.strip()
        if not question:
            continue
        if question.casefold() in QUIT:
            return 0
        print(conversation.ask(question, 100), end="\n\n", file=stdout)
        stdout.flush()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _terminal(conversation: Conversation) -> int:
    history = _history()
    print(GREETING)
    try:
        while True:
            print()
            try:
                question = input(PROMPT).strip()
            except KeyboardInterrupt:
                print()  # a fresh prompt on a clean line; the half-typed question is dropped
                continue
            except EOFError:
                print()
                return 0
            if question.casefold() in QUIT:
                return 0
            width = shutil.get_terminal_size((100, 24)).columns - 1
            try:
                text = conversation.more(width) if not question else conversation.ask(question, width)
            except KeyboardInterrupt:
                text = "(stopped)"
            print(text, flush=True)
    finally:
        history.save()


class _History:
    def __init__(self, path: Path | None):
        self.path = path

    def save(self) -> None:
        if self.path is None:
            return
        import readline

        with contextlib.suppress(OSError):  # a history that cannot be kept is no reason to fail
            readline.write_history_file(self.path)


def _history() -> _History:
    """Line editing, and the history of earlier sessions (none when readline is missing)."""
    try:
        import readline
    except ImportError:  # Windows without pyreadline: plain input() still works
        return _History(None)
    readline.set_history_length(1000)
    raw = os.environ.get("NEWSBOT_HISTORY")
    if raw == "":  # set and empty: no history kept
        return _History(None)
    path = Path(raw or "~/.newsbot_history").expanduser()
    with contextlib.suppress(OSError):  # none yet, or unreadable: a fresh history
        readline.read_history_file(path)
    return _History(path)
