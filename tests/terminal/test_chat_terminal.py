"""``newsbot chat`` on a terminal, driven through a pseudo-terminal as a person would use it:
``more`` and Enter page on, line editing and history work (readline), answers fit the
terminal's width, Ctrl-C gives a fresh prompt on a clean line, and follow-ups go on from the
question before."""

from __future__ import annotations

import os
import signal
import sys

import pexpect
import pytest

from tests.answers.world import build
from tests.conftest import ROOT, open_test_store, store_location

PROMPT = "you> "
UP = "\x1b[A"
BACKSPACE = "\x7f"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("chat") / "chat.db"
    build(open_test_store(path)).close()
    return path


@pytest.fixture
def chat(store_path, tmp_path):
    """Start ``newsbot chat`` on a pseudo-terminal of ``columns`` (default 100)."""
    started = []

    def start(columns: int = 100) -> pexpect.spawn:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "NEWSBOT_"))}
        env.update(
            PYTHONPATH=str(ROOT),
            NEWSBOT_DB=str(store_location(store_path)),
            NEWSBOT_HISTORY=str(tmp_path / "history"),
            TERM="xterm",
            TZ="UTC",
            HOME=str(tmp_path),
        )
        child = pexpect.spawn(
            sys.executable,
            ["-m", "bot.cli", "chat"],
            cwd=str(tmp_path),
            env=env,
            encoding="utf-8",
            dimensions=(40, columns),
            timeout=60,
            # as from a terminal: Ctrl-C interrupts (a test run started in the background, as CI
            # may be, ignores SIGINT, and its children would inherit that)
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        started.append(child)
        child.expect_exact(PROMPT)
        return child

    yield start
    for child in started:
        child.close(force=True)


def ask(child: pexpect.spawn, line: str) -> str:
    """Type ``line`` and Enter; what the bot printed before its next prompt."""
    child.send(line + "\r")
    child.expect_exact(PROMPT)
    return child.before.replace("\r\n", "\n")


def test_more_and_enter_show_the_next_pages_of_the_last_answer(chat):
    child = chat()
    first = ask(child, "/brief")
    assert "Latest news (5 of 11):" in first and "...and 6 more: type more (or press Enter) to see them." in first
    second = ask(child, "more")
    assert "Latest news (6-10 of 11):" in second and "Chip makers race for mobiles" in second
    assert "Nvidia unveils" not in second  # the first page is not shown again
    third = ask(child, "")  # Enter on an empty line
    assert "Latest news (11-11 of 11):" in third and "...and" not in third
    assert "That is all I have on that." in ask(child, "more")


def test_a_follow_up_goes_on_from_the_question_before(chat):
    child = chat()
    assert "Sony competes with Google" in ask(child, "who competes with Sony?")
    google = ask(child, "and Google?")
    assert "Google competes with Yahoo" in google and "Partners:" not in google


def test_lines_can_be_edited_and_questions_come_back_from_the_history(chat, tmp_path):
    child = chat()
    edited = ask(child, "/rivals Sonx" + BACKSPACE + "y")
    assert "Sony competes with Google" in edited
    again = ask(child, UP)  # the last question, recalled and asked again
    assert "Sony competes with Google" in again
    child.send("quit\r")
    child.expect(pexpect.EOF)
    assert "/rivals Sony" in (tmp_path / "history").read_text()
    later = chat()  # a later session recalls the earlier one's questions
    assert "Sony competes with Google" in ask(later, UP + UP)


def test_answers_are_wrapped_to_the_terminal_s_width(chat):
    child = chat(columns=60)
    text = ask(child, "/rivals Microsoft") + ask(child, "what did analysts say about the iPod?")
    lines = [line for line in text.splitlines() if line.strip()]
    assert any("Microsoft competes with" in line for line in lines) and any("Ian Fogg" in line for line in lines)
    assert max(len(line) for line in lines if PROMPT not in line and "analysts say" not in line) < 60


def test_ctrl_c_drops_the_line_and_gives_a_fresh_prompt_on_a_clean_line(chat):
    child = chat()
    child.send("who competes with So")
    child.expect_exact("with So")  # echoed: readline has the half-typed line
    child.kill(signal.SIGINT)  # what the terminal sends on Ctrl-C
    child.expect_exact(PROMPT)
    assert child.before.endswith("\n") or child.before.endswith("\r\n")  # the prompt starts a line of its own
    assert "competes with Sony" not in child.before  # the half-typed question was not asked
    assert "Partners:" in ask(child, "who does Microsoft partner with?")
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
