"""The terminal bot: newsbot ask and newsbot chat over a store built from the seeds."""

import io

import pytest

from bot.cli import main
from bot.terminal.chat import chat
from tests.conftest import SEEDS, is_built, open_test_store, store_location


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DB", str(store_location(tmp_path / "cli.db")))
    monkeypatch.setenv("NEWSBOT_SEEDS", str(SEEDS))
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_ask_builds_the_store_from_the_seeds_on_first_use(env, capsys):
    assert main(["ask", "who", "competes", "with", "Sony?"]) == 0
    out, err = capsys.readouterr()
    assert "Built" in err and "1 added" in err
    assert "Microsoft" in out and "Google" in out
    assert main(["ask", "/quotes", "Nadella"]) == 0
    out, err = capsys.readouterr()
    assert "Built" not in err
    assert "Satya Nadella" in out


def test_without_tokens_the_bot_runs_in_the_terminal(env, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("/rivals Sony\nquit\n"))
    assert main([]) == 0
    out, err = capsys.readouterr()
    assert "No Slack tokens" in err
    assert "Microsoft" in out


def test_chat_answers_each_line_until_quit_or_end_of_input(env):
    from bot.answers import Answers
    from bot.ingest.pipeline import ensure_seeded

    store = open_test_store(env / "chat.db")
    ensure_seeded(store, SEEDS, max_bytes=1_000_000)
    out = io.StringIO()
    assert chat(Answers(store), io.StringIO("help\n\n/rivals Sony\nquit\n/brief\n"), out) == 0
    text = out.getvalue()
    assert "/brief [topic]" in text and "Microsoft" in text
    assert "Latest news" not in text  # nothing after quit


def test_extract_json_prints_one_object_per_file(env, capsys):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    assert main(["extract", str(seed), "--json"]) == 0
    import json

    [line] = capsys.readouterr().out.splitlines()
    obj = json.loads(line)
    assert obj["source"] == str(seed)
    assert set(obj) >= {"title", "sentences", "summary", "quotes", "entities", "relations"}


def test_a_reader_that_goes_away_ends_the_command_quietly(env):
    import subprocess
    import sys

    reader = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "ask", "/rivals", "Sony"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=env,
        env={**__import__("os").environ, "PYTHONPATH": str(SEEDS.parent)},
    )
    reader.stdout.close()  # the reader is gone before the answer is written, like `| head -0`
    _out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0
    assert b"Traceback" not in err


def test_ctrl_c_leaves_the_shell_s_prompt_on_a_clean_line(env, capsys, monkeypatch):
    def interrupted(settings, args):
        raise KeyboardInterrupt

    monkeypatch.setattr("bot.cli.cmd_ask", interrupted)
    assert main(["ask", "/brief"]) == 130
    assert capsys.readouterr().err == "\n"  # after the terminal's "^C", a new line


def test_more_pages_on_in_a_piped_chat_too(env):
    from bot.answers import Answers
    from tests.answers.world import build

    answers = Answers(build(open_test_store(env / "piped.db")))
    out = io.StringIO()
    assert chat(answers, io.StringIO("/brief\nmore\nmore\nmore\n"), out) == 0
    text = out.getvalue()
    assert "(5 of 11)" in text and "(6-10 of 11)" in text and "(11-11 of 11)" in text
    assert text.rstrip().endswith("That is all I have on that.")


def test_help_is_a_command_too(env, capsys):
    assert main(["help"]) == 0
    out = capsys.readouterr().out
    assert "/brief [topic] [time]" in out and "which companies do you know?" in out  # what to ask
    assert "ingest" in out and "feeds" in out  # and the commands
    assert not is_built(store_location(env / "cli.db"))  # nothing built to say it
