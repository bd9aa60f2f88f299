"""Behaviour held still: the Slack payloads (blocks and text, as response_url and chat.postMessage
get them), the terminal's text and the digest of a fixed set of questions over a store this test
builds (tests/answers/world.py, with its two acquisitions), compared byte for byte with
``payloads.json``. A change that means to alter what users see regenerates the file
(``NEWSBOT_GOLDEN=update pytest tests/golden``) and the diff shows what changed."""

from __future__ import annotations

import itertools
import json
import os
from datetime import UTC
from pathlib import Path

import pytest
import time_machine

from bot.answers import Answers
from bot.digest import blocks as digest_blocks
from bot.digest import content
from bot.digest import text as digest_text
from bot.slack.listeners.common import answer_payload
from bot.slack.pages import Question, Stash
from bot.terminal.render import render as terminal
from tests.answers.world import NOW, with_acquisitions
from tests.conftest import open_test_store

GOLDEN = Path(__file__).with_name("payloads.json")

COMMANDS = [
    ("rivals", ""),
    ("rivals", "Sony"),
    ("rivals", "Microsoft"),
    ("rivals", "Google"),
    ("rivals", "Activision"),
    ("rivals", "Pyra Labs"),
    ("rivals", "Sony Microsoft"),
    ("rivals", "Microsoft Activision"),
    ("rivals", "Nvidia this week"),
    ("rivals", "Apple Nokia"),
    ("rivals", "Zorblax"),
    ("rivals", "Aple"),
    ("rivals", "Xbox"),
    ("rivals", "help"),
    ("brief", ""),
    ("brief", "Nvidia"),
    ("brief", "this week"),
    ("brief", "news from December 2004"),
    ("brief", "Activision"),
    ("brief", "help"),
    ("quotes", ""),
    ("quotes", "Gates"),
    ("quotes", "Microsoft chairman"),
    ("quotes", "analysts about the iPod"),
    ("quotes", "Zorblax"),
    ("quotes", "help"),
    ("digest", "help"),
]
ASKED = [
    "who competes with Sony?",
    "who does Microsoft partner with?",
    "is Nokia a rival of Motorola?",
    "is Google a rival of Yahoo?",
    "what did analysts say about the iPod?",
    "which companies do you know?",
    "which people do you know?",
    "which products do you know?",
    "news from December 2004",
    "what happened this week?",
    "who bought Activision?",
    "what did Microsoft buy?",
    "who acquired Pyra Labs?",
    "what has Google bought?",
    "who owns Activision?",
    "help",
    "hello",
    "more",
    "what is the weather like?",
    "what did Bill Gates say about the Xbox?",
]


@pytest.fixture(scope="module")
def answers(tmp_path_factory) -> Answers:
    return Answers(with_acquisitions(open_test_store(tmp_path_factory.mktemp("golden") / "golden.db")))


def record(answers: Answers) -> dict[str, object]:
    count = itertools.count(1)
    stash = Stash(keys=lambda: f"K{next(count):x}")  # the keys buttons carry are the same at every run
    out: dict[str, object] = {}
    with time_machine.travel(NOW, tick=False):
        for route, text in [*COMMANDS, *(("ask", q) for q in ASKED)]:
            question = Question(route, text, answers.limit)
            key = f"/{route} {text}".strip() if route != "ask" else text
            out[f"slack: {key}"] = answer_payload(answers, stash, question, share=route != "ask", zone=UTC)
            out[f"terminal: {key}"] = terminal(question.ask(answers, zone=UTC))
        digest = content.build(answers.store)
        out["digest: blocks"] = digest_blocks.render(digest)
        out["digest: text"] = digest_text.render(digest)
    return out


def test_the_payloads_of_a_fixed_set_of_questions_are_unchanged(answers):
    got = json.dumps(record(answers), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if os.environ.get("NEWSBOT_GOLDEN") == "update":
        GOLDEN.write_text(got, encoding="utf-8")
    want = GOLDEN.read_text(encoding="utf-8")
    changed = [k for k, v in json.loads(got).items() if json.loads(want).get(k) != v]
    assert got == want, f"payloads changed: {changed[:10]} (NEWSBOT_GOLDEN=update regenerates them)"
    assert len(COMMANDS) + len(ASKED) >= 40
