"""``newsbot chat``: a prompt loop over the answers."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.answers import Answers
from bot.terminal.render import render

GREETING = (
    "newsbot: ask about the news I have, e.g. 'who competes with Sony?', 'what did the Sony CEO say?',\n"
    "or use /brief [topic], /quotes [who], /rivals [company]. 'help' for more, 'quit' (or Ctrl-D) to leave."
)
QUIT = {"quit", "exit", ":q", "bye"}


def chat(answers: Answers, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty()
    if interactive:
        print(GREETING, file=stdout)
    while True:
        if interactive:
            stdout.write("\nyou> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            break
        question = line.strip()
        if not question:
            continue
        if question.casefold() in QUIT:
            break
        print(render(answers.ask(question)), file=stdout)
        stdout.flush()
    return 0
