"""``newsbot feeds`` as a person sees it in a terminal (its own process, stdout and stderr
together): a poll's result said once, and times in the list people can read."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.conftest import ROOT
from tests.fetch.conftest import Route
from tests.fetch.test_feeds import rss, story


def newsbot(tmp_path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "NEWSBOT_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        NEWSBOT_DB=str(tmp_path / "feeds.db"),
        NEWSBOT_SEEDS=str(tmp_path / "no-seeds"),
        NEWSBOT_ALLOW_LOOPBACK_URLS="1",
    )
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # as a terminal shows them: one stream
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout
    return done.stdout


def test_a_poll_s_result_is_printed_once_and_the_list_shows_readable_times(site, tmp_path):
    a = story(site, "/a", "Story A", 1)
    site.routes["/feed"] = Route(rss(("A", a, "a")), content_type="application/rss+xml")
    newsbot(tmp_path, "feeds", "add", site.url("/feed"))
    b = story(site, "/b", "Story B", 2)
    site.routes["/feed"] = Route(rss(("A", a, "a"), ("B", b, "b")), content_type="application/rss+xml")
    polled = newsbot(tmp_path, "feeds", "poll")
    assert polled.count("1 stored, 1 already known") == 1, polled
    listed = newsbot(tmp_path, "feeds", "list")
    assert re.search(r"last poll \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d UTC \((just now|\d+ min ago)\): ok", listed)
    assert not re.search(r"\d{4}-\d\d-\d\dT", listed), listed  # no raw ISO timestamp
