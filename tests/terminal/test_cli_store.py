"""The store's file, through the command line: a file that is not a store, a store that cannot
be written, a damaged store. Each is named with what is wrong, the command exits non-zero with
no traceback, and nothing is written where it should not be; a store that can only be read
still answers."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import sqlite_utils

from bot.cli import main
from storage import SCHEMA_VERSION
from tests.conftest import ROOT, SEEDS

ARTICLE = (
    "Nokia and Ericsson race to sell 6G networks\n\n"
    "Nokia and Ericsson are competing for the first contracts to build 6G networks in Europe.\n"
)
NOBODY = 65534


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_SEEDS", str(SEEDS))
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "NEWSBOT_DB"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def real_store(tmp_path_factory) -> bytes:
    """The bytes of a store built from the seeds, closed cleanly."""
    path = tmp_path_factory.mktemp("real") / "real.db"
    assert main(["--db", str(path), "ingest", str(SEEDS)]) == 0
    assert not Path(f"{path}-wal").exists()
    return path.read_bytes()


def newsbot(*args: str, prefix: list[str] = (), cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    """``newsbot ARGS`` in its own process (run through ``prefix``: another user, a read-only mount)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "NEWSBOT_"))}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**clean, "PYTHONPATH": str(ROOT), "NEWSBOT_SEEDS": str(SEEDS), **env},
    )


def one_message(err: str) -> str:
    """The one line newsbot said about the store (other lines may come before it)."""
    assert "Traceback" not in err
    [line] = [line for line in err.splitlines() if line.startswith("newsbot:")]
    return line


# -- files that are not a store --------------------------------------------------------------


def _not_a_store(kind: str, folder: Path, real: bytes) -> Path:
    path = folder / "store.db"
    if kind == "text":
        path.write_text("These are my notes, not a database.\n" * 20)
    elif kind == "random":
        path.write_bytes(bytes((i * 131 + 7) % 256 for i in range(20_000)))
    elif kind == "truncated":
        path.write_bytes(real[: len(real) // 2])
    elif kind == "bad header":
        path.write_bytes(b"SQLite format 4\x00" + real[16:])
    elif kind == "cut short":
        path.write_bytes(real[:50])
    elif kind == "folder":
        path.mkdir()
    elif kind == "named pipe":
        os.mkfifo(path)
    return path


NOT_A_STORE = {
    "text": "is not a newsbot store: it is not an SQLite database (it holds text)",
    "random": "is not a newsbot store: it is not an SQLite database",
    "truncated": "is damaged: it is cut short",
    "bad header": "is not a newsbot store: it is not an SQLite database",
    "cut short": "is damaged: it is cut short (50 bytes",
    "folder": "is a folder, not a database file",
    "named pipe": "is a named pipe, not a database file",
}
COMMANDS = [
    ["ask", "/rivals", "Sony"],
    ["chat"],
    [],  # the default: the terminal chat without tokens
    ["ingest", "article.txt"],
    ["add", "article.txt"],
    ["feeds", "list"],
    ["feeds", "poll"],
    ["digest", "--print"],
    ["check"],
    ["check", "--full"],
]


@pytest.mark.parametrize("kind", list(NOT_A_STORE))
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "default")
def test_a_file_that_is_not_a_store_is_named_with_what_is_wrong(env, capsys, real_store, kind, command):
    path = _not_a_store(kind, env, real_store)
    before = path.read_bytes() if path.is_file() else None
    assert main(["--db", str(path), *command]) == 1
    out, err = capsys.readouterr()
    message = one_message(err)
    assert message.startswith(f"newsbot: {path} ") and NOT_A_STORE[kind] in message
    assert "Latest" not in out and "Competitors" not in out
    if before is not None:
        assert path.read_bytes() == before  # nothing written to it
    assert sorted(p.name for p in env.iterdir()) == ["article.txt", "store.db"]  # no -wal, no -shm


def test_the_http_app_does_not_start_on_a_file_that_is_not_a_store(env):
    (env / "notes.db").write_text("not a database\n")
    result = newsbot(
        "--db", str(env / "notes.db"), "run", "--http", "--host", "127.0.0.1", "--port", "1",
        cwd=env, SLACK_BOT_TOKEN="xoxb-test", SLACK_SIGNING_SECRET="test-secret", SLACK_API_URL="http://127.0.0.1:9/",
    )  # fmt: skip
    assert result.returncode == 1
    assert f"{env / 'notes.db'} is not a newsbot store" in one_message(result.stderr)


def test_another_programs_database_is_not_taken_for_a_store(env, capsys):
    other = env / "places.sqlite"
    sqlite_utils.Database(other)["bookmarks"].create({"url": str})
    assert main(["--db", str(other), "ingest", "article.txt"]) == 1
    assert "is an SQLite database but not a newsbot store" in one_message(capsys.readouterr().err)
    conn = sqlite3.connect(other)
    assert [row[0] for row in conn.execute("SELECT name FROM sqlite_master")] == ["bookmarks"]
    conn.close()


# -- stores that cannot be written -----------------------------------------------------------


@pytest.fixture
def folder():
    """A folder another user can reach (pytest's own is root's alone when run as root)."""
    path = Path(tempfile.mkdtemp(prefix="newsbot-store-"))
    path.chmod(0o755)
    yield path
    for inner in [path, *path.rglob("*")]:
        if inner.is_dir() and not inner.is_symlink():
            inner.chmod(0o755)
    shutil.rmtree(path)


def _unprivileged(folder: Path) -> list[str]:
    """How to run a command as a user whom permissions bind (root ignores them)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv is needed to run newsbot as a user without root's power over permissions")
    prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    probe = newsbot("--help", prefix=prefix, cwd=folder)
    if probe.returncode != 0:
        pytest.skip(f"newsbot cannot run as an unprivileged user here: {probe.stderr[-300:]}")
    return prefix


def _read_only_mount(folder: Path) -> list[str]:
    """How to run a command that sees ``folder`` on a read-only file system (a bind mount in a
    mount namespace of its own, gone when it ends)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare is needed to mount a read-only file system")
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
    prefix = [unshare, "-m" if os.geteuid() == 0 else "-rm", "sh", "-c", script, str(folder)]
    probe = subprocess.run([*prefix, "sh", "-c", f'! touch "{folder}/probe" 2>/dev/null'], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a read-only file system here: {probe.stderr.decode()[-300:]}")
    return prefix


def _give(path: Path, prefix: list[str]) -> None:
    if prefix and os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)


def test_a_store_on_a_read_only_file_system_answers_and_refuses_writes(folder, real_store):
    read_only = _read_only_mount(folder)
    store = folder / "store.db"
    store.write_bytes(real_store)
    (folder / "article.txt").write_text(ARTICLE)

    asked = newsbot("--db", str(store), "ask", "/rivals", "Sony", prefix=read_only, cwd=folder)
    assert asked.returncode == 0, asked.stderr
    assert "Sony competes with Microsoft" in asked.stdout

    for command in (["ingest", "article.txt"], ["add", "article.txt"], ["feeds", "poll"]):
        refused = newsbot("--db", str(store), *command, prefix=read_only, cwd=folder)
        assert refused.returncode == 1
        assert one_message(refused.stderr) == f"newsbot: cannot write to {store}: it is on a read-only file system"

    checked = newsbot("--db", str(store), "check", prefix=read_only, cwd=folder)
    assert checked.returncode == 0 and "sound" in checked.stdout

    new = newsbot("--db", str(folder / "new.db"), "ask", "/brief", prefix=read_only, cwd=folder)
    assert new.returncode == 1
    assert f"cannot create the store {folder / 'new.db'}: its folder {folder} is on a read-only file system" in (
        one_message(new.stderr)
    )
    assert store.read_bytes() == real_store
    assert sorted(p.name for p in folder.iterdir()) == ["article.txt", "store.db"]


def test_a_store_file_that_is_not_writable_answers_and_refuses_writes(folder, real_store):
    user = _unprivileged(folder)
    _give(folder, user)
    store = folder / "store.db"
    store.write_bytes(real_store)
    _give(store, user)
    store.chmod(0o444)
    (folder / "article.txt").write_text(ARTICLE)

    asked = newsbot("--db", str(store), "ask", "who competes with Sony?", prefix=user, cwd=folder)
    assert asked.returncode == 0, asked.stderr
    assert "Sony competes with Microsoft" in asked.stdout

    refused = newsbot("--db", str(store), "ingest", "article.txt", prefix=user, cwd=folder)
    assert refused.returncode == 1
    assert one_message(refused.stderr) == f"newsbot: cannot write to {store}: the file is not writable"
    assert store.read_bytes() == real_store


def test_a_store_in_a_folder_that_is_not_writable_answers_and_refuses_writes(folder, real_store):
    user = _unprivileged(folder)
    store = folder / "store.db"
    store.write_bytes(real_store)
    _give(store, user)
    (folder / "article.txt").write_text(ARTICLE)
    folder.chmod(0o555)

    asked = newsbot("--db", str(store), "ask", "/rivals", "Sony", prefix=user, cwd=folder)
    assert asked.returncode == 0, asked.stderr
    assert "Sony competes with Microsoft" in asked.stdout

    refused = newsbot("--db", str(store), "add", "article.txt", prefix=user, cwd=folder)
    assert refused.returncode == 1
    assert f"cannot write to {store}: its folder {folder} is not writable" in one_message(refused.stderr)

    new = newsbot("--db", str(folder / "new.db"), "ingest", "article.txt", prefix=user, cwd=folder)
    assert new.returncode == 1
    expected = f"newsbot: cannot create the store {folder / 'new.db'}: its folder {folder} is not writable"
    assert one_message(new.stderr) == expected
    assert store.read_bytes() == real_store
    assert sorted(p.name for p in folder.iterdir()) == ["article.txt", "store.db"]


# -- damaged stores --------------------------------------------------------------------------


def _spoil_table(path: Path, table: str) -> None:
    """Write garbage over the root page of ``table``'s b-tree in the store at ``path``."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    [root] = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    conn.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def _kill_a_writer(path: Path) -> None:
    """A process that writes to the store and is killed before it closes it."""
    writer = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, signal, sqlite3, sys\n"
            "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "conn.execute(\"INSERT INTO digest_workers (worker, beat_at) VALUES ('gone', 'now')\")\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n",
            str(path),
        ],
        timeout=60,
    )
    assert writer.returncode == -signal.SIGKILL
    assert Path(f"{path}-wal").stat().st_size > 0


def test_a_store_with_a_damaged_page_says_so_and_how_to_recover(env, capsys, real_store):
    store = env / "store.db"
    store.write_bytes(real_store)
    _spoil_table(store, "articles")

    assert main(["--db", str(store), "ask", "/brief"]) == 1
    message = one_message(capsys.readouterr().err)
    assert message.startswith(f"newsbot: {store} is damaged (database disk image is malformed)")
    assert "To recover" in message and "newsbot ingest" in message

    assert main(["--db", str(store), "ingest", "article.txt"]) == 1
    assert f"{store} is damaged" in one_message(capsys.readouterr().err)

    for command in (["check"], ["check", "--full"]):
        assert main(["--db", str(store), *command]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"{store} is damaged: PRAGMA ") and "malformed" in err and "To recover" in err


def test_check_says_a_sound_store_is_sound(env, capsys, real_store):
    store = env / "store.db"
    store.write_bytes(real_store)
    for command, pragma in ((["check"], "quick_check"), (["check", "--full"], "integrity_check")):
        assert main(["--db", str(store), *command]) == 0
        assert (
            capsys.readouterr().out
            == f"{store}: sound (PRAGMA {pragma} found nothing wrong; schema {SCHEMA_VERSION})\n"
        )
    assert store.read_bytes() == real_store


def test_check_needs_a_store(env, capsys):
    assert main(["--db", str(env / "none.db"), "check"]) == 1
    assert one_message(capsys.readouterr().err) == f"newsbot: there is no store at {env / 'none.db'}"
    assert not (env / "none.db").exists()


def test_after_an_unclean_stop_a_damaged_store_is_read_but_not_written(env, real_store):
    store = env / "store.db"
    store.write_bytes(real_store)
    _spoil_table(store, "feeds")  # a page that neither ingesting nor answering reads
    _kill_a_writer(store)

    refused = newsbot("--db", str(store), "ingest", "article.txt", cwd=env)
    assert refused.returncode == 1
    message = one_message(refused.stderr)
    assert message.startswith(f"newsbot: {store} is damaged (")
    assert "its last writer stopped without closing it" in message and "To recover" in message

    asked = newsbot("--db", str(store), "ask", "/rivals", "Sony", cwd=env)
    assert asked.returncode == 0 and "Sony competes with Microsoft" in asked.stdout
    assert one_message(asked.stderr).startswith(f"newsbot: warning: {store} is damaged")

    checked = newsbot("--db", str(store), "check", cwd=env)
    assert checked.returncode == 1 and "malformed" in checked.stderr
    # what was read left the unclean stop to be found again
    assert Path(f"{store}-wal").stat().st_size > 0


def test_after_an_unclean_stop_a_sound_store_is_checked_and_written(env, real_store):
    store = env / "store.db"
    store.write_bytes(real_store)
    _kill_a_writer(store)
    added = newsbot("--db", str(store), "ingest", "article.txt", cwd=env)
    assert added.returncode == 0, added.stderr
    assert "1 added" in added.stdout
    assert not Path(f"{store}-wal").exists()  # closed cleanly this time
