"""``newsbot``: the command line. With no command it runs the bot: in Slack when tokens are set,
else in the terminal over a store built from the seeds."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import re
import sys
from dataclasses import replace
from pathlib import Path

from bot.config import Settings

EXIT_OK, EXIT_ERROR, EXIT_SKIPPED = 0, 1, 3


_opened = []  # the stores a command opened, closed when it ends


def _store(settings: Settings, *, write: bool = False, migrate: bool = True):
    """The store, for a command that writes to it (refused, saying why, when it cannot be
    written) or only reads it (told when it is damaged); ``migrate=False``: its schema as it is."""
    from storage import open_store, recovery

    store = open_store(settings.db_path, migrate=migrate)
    _opened.append(store)
    if write:
        store.require_writable()
    elif store.damage:
        print(
            f"newsbot: warning: {settings.db_path} is damaged ({store.damage[0]}): answers may miss what it"
            f" held, and nothing is written to it. {recovery(settings.db_path)}",
            file=sys.stderr,
        )
    return store


def _open(settings: Settings, *, seed: bool = True, write: bool = False):
    """The store and its answers, seeded on first use."""
    from bot.answers import Answers
    from bot.ingest.pipeline import ensure_seeded

    store = _store(settings, write=write)
    if seed and not store.writable and store.article_count() == 0:
        store.require_writable()  # an empty store that cannot be built from the seeds
    if seed and store.writable:
        report = ensure_seeded(store, settings.seeds_dir, max_bytes=settings.max_article_bytes)
        if report is not None:
            print(f"Built {settings.db_path} from {settings.seeds_dir}/: {report.summary()}", file=sys.stderr)
            for path, reason in report.skipped:
                print(f"  skipped {path}: {reason}", file=sys.stderr)
    return store, Answers(store)


class ProgressBar:
    """A one-line progress bar on a terminal; silent when output is piped or the batch is small."""

    def __init__(self, stream=sys.stderr, *, minimum: int = 20):
        self.stream = stream
        self.enabled = stream.isatty()
        self.minimum = minimum

    def __call__(self, done: int, total: int, path: str) -> None:
        if not self.enabled or total < self.minimum:
            return
        width = 30
        filled = width * done // total
        name = Path(path).name[:30]
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<30}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def cmd_ingest(settings: Settings, args: argparse.Namespace) -> int:
    """Files are read and extracted in worker processes, one on each processor, each under the
    deadline (``NEWSBOT_EXTRACT_SECONDS``); this process stores what they give back."""
    from bot.ingest.workers import WorkerPool, processors

    paths = args.paths or [settings.seeds_dir]
    published = None
    if args.date is not None:
        from bot import dates

        published = dates.parse(args.date)
        if published is None:
            print(
                f"newsbot: --date {args.date[:60]!r} is not a date I can read: give a day, a month or a year"
                " (2004-12-13, 2004-12, 2004, 13 December 2004), not in the future",
                file=sys.stderr,
            )
            return EXIT_ERROR
    # the store before any worker: one that cannot be opened or written is refused with no
    # process started (an exit with the fork server half launched printed multiprocessing's
    # complaints); a new store's tables are made once the workers are starting
    from storage.locations import is_url

    new = not is_url(settings.db_path) and not Path(settings.db_path).exists()
    store = _store(settings, write=True, migrate=not new)
    # then the workers: their fork server imports extraction (a few tenths of a second, on the
    # critical path) while this process makes a new store's tables and lists the files; each
    # worker given its next files while it reads the last (depth 2): no wait between them
    readers = WorkerPool(workers=processors(), seconds=settings.extract_seconds, depth=2)
    readers.warm()
    # this process holds up to a thousand extracted articles at a time, none of them in a cycle:
    # the cyclic collector's passes over them were a tenth of its CPU (reference counting frees them)
    gc.disable()
    try:
        with readers:
            if new:
                store.migrate()
            from bot.ingest.pipeline import ingest_paths

            report = ingest_paths(
                store,
                paths,
                max_bytes=settings.max_article_bytes,
                progress=ProgressBar(),
                runner=readers,
                published=published,
            )
    finally:
        gc.enable()
    for path, reason in report.skipped:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    for path, reason in report.undated:
        print(f"no date for {path}: {reason}", file=sys.stderr)
    print(f"{report.summary()} ({store.article_count()} articles in {settings.db_path})")
    return EXIT_SKIPPED if report.skipped else EXIT_OK


def cmd_extract(settings: Settings, args: argparse.Namespace) -> int:
    from bot.extract import extract
    from bot.ingest.files import Unreadable, check_text, decode, read_file

    failed = 0
    for name in args.files:
        try:
            text = check_text(decode(read_file(Path(name), max_bytes=settings.max_article_bytes)))
        except Unreadable as exc:
            print(f"skipped {name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        result = extract(text, name)
        if args.json:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            print(_describe_extraction(result))
    return EXIT_SKIPPED if failed else EXIT_OK


def _describe_extraction(result) -> str:
    lines = [result.title, "=" * min(len(result.title), 80)]
    lines.append(f"{len(result.sentences)} sentences; summary:")
    lines += [f"  - {s}" for s in result.summary()]
    if result.entities:
        lines.append("entities: " + ", ".join(f"{e.name} ({e.type})" for e in result.entities))
    for q in result.quotes:
        lines.append(f'quote: "{q.text}" - {q.speaker or "unknown"}')
    for r in result.relations:
        lines.append(f"{r.type}: {r.a} / {r.b}: {r.evidence}")
    return "\n".join(lines) + "\n"


def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    import shutil

    from bot.terminal.chat import local_zone
    from bot.terminal.render import WIDTH, render

    _store, answers = _open(settings)
    width = shutil.get_terminal_size((WIDTH + 1, 24)).columns - 1 if sys.stdout.isatty() else WIDTH
    print(render(answers.ask(" ".join(args.question), zone=local_zone()), width=width))
    return EXIT_OK


def cmd_help(parser: argparse.ArgumentParser) -> int:
    """What to ask (as ``help`` in the chat says it), then the commands."""
    from bot.answers import EXAMPLES, Help
    from bot.terminal.render import render

    print(render(Help(EXAMPLES)), end="\n\n")
    parser.print_help()
    return EXIT_OK


def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.terminal.chat import chat

    _store, answers = _open(settings)
    return chat(answers)


def cmd_digest(settings: Settings, args: argparse.Namespace) -> int:
    from bot.digest import content, text
    from storage.teams import TeamReads

    store, _answers = _open(settings)
    reads = store if not args.team else TeamReads(store, args.team)
    print(text.render(content.build(reads, args.channel, team=args.team)), end="")
    return EXIT_OK


def _news(settings: Settings, reader, *, write: bool = True):
    from bot.fetch.news import News, policy_of

    store, _answers = _open(settings, write=write)
    return News(store, policy_of(settings), reader)


def cmd_add(settings: Settings, args: argparse.Namespace) -> int:
    from bot.fetch.news import reading_pool

    with reading_pool(settings) as reader:
        return _add(settings, args, reader)


def _add(settings: Settings, args: argparse.Namespace, reader) -> int:
    """URLs are fetched and stored, files and folders ingested: each read in a worker process,
    under the deadline (``NEWSBOT_EXTRACT_SECONDS``)."""
    from bot.ingest.pipeline import ingest_paths

    # anything written as scheme://... is a link (an ftp:// one is refused as such, not looked
    # for as a file); the rest are files and folders
    urls = [x for x in args.sources if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", x.strip())]
    paths = [x for x in args.sources if x not in urls]
    failed = 0
    if urls:
        news = _news(settings, reader)
        for url in urls:
            ok, message = news.add_url(url)
            print(message, file=sys.stdout if ok else sys.stderr)
            failed += not ok
    if paths:
        report = ingest_paths(_store(settings, write=True), paths, max_bytes=settings.max_article_bytes, runner=reader)
        for path, reason in report.skipped:
            print(f"skipped {path}: {reason}", file=sys.stderr)
        print(report.summary())
        failed += len(report.skipped)
    return EXIT_SKIPPED if failed else EXIT_OK


def cmd_feeds(settings: Settings, args: argparse.Namespace) -> int:
    if not args.verbose:  # each poll's result is printed below; its log line would say it twice
        logging.getLogger("bot.fetch").setLevel(logging.WARNING)
    from bot.fetch.news import reading_pool

    with reading_pool(settings) as reader:  # no process is started unless a page is read
        return _feeds(_news(settings, reader, write=args.action != "list"), args)


def _feeds(news, args: argparse.Namespace) -> int:
    if args.action == "list":
        print(news.list())
        return EXIT_OK
    if args.action == "poll":
        reports = news.poll_reports()
        print("\n".join(r.summary() for r in reports) or "No feeds to poll.")
        return EXIT_SKIPPED if any(r.error or r.failed for r in reports) else EXIT_OK
    if not args.url:
        print(f"newsbot feeds {args.action} needs a URL", file=sys.stderr)
        return EXIT_ERROR
    ok, message = (news.follow if args.action == "add" else news.unfollow)(args.url)
    print(message, file=sys.stdout if ok else sys.stderr)
    return EXIT_OK if ok else EXIT_ERROR


def cmd_map(settings: Settings, args: argparse.Namespace) -> int:
    """A company's rivals and partners drawn as a PNG, and its caption printed."""
    from bot.map import map_request, neighbourhood

    words = list(args.company)
    request = map_request(" ".join(["map", *words]))
    if request is None:
        print("newsbot map needs a company: newsbot map Sony [2] -o sony.png", file=sys.stderr)
        return EXIT_ERROR
    _store, answers = _open(settings)
    hood = neighbourhood(answers, request.company, hops=request.hops)
    if not hood.links:
        print(hood.note, file=sys.stderr)
        return EXIT_ERROR
    from bot.map.draw import draw

    picture = draw(hood)
    output = Path(args.output or re.sub(r"[^\w.-]+", "-", hood.company or "map").strip("-").lower() + ".png")
    try:
        output.write_bytes(picture.png)
    except OSError as exc:
        print(f"newsbot: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    print(hood.caption(f'newsbot ask "/rivals {hood.company}"'))
    print(f"Wrote {output} ({picture.width}x{picture.height} PNG)")
    return EXIT_OK


def cmd_follows(settings: Settings, args: argparse.Namespace) -> int:
    """What is followed, where; add or remove a follow; or print what would be posted now."""
    from bot.follows.commands import FollowCommands

    store, answers = _open(settings, write=args.action in ("add", "remove"))
    if args.action in ("add", "remove"):
        if not args.channel or not args.name:
            print(f"newsbot follows {args.action} NAME --channel CHANNEL_ID", file=sys.stderr)
            return EXIT_ERROR
        verb = "follow" if args.action == "add" else "unfollow"
        where = f"in {args.channel}"
        follows = FollowCommands(answers)
        print(follows.handle(f"{verb} {' '.join(args.name)}", target=args.channel, where=where, team=args.team))
        return EXIT_OK
    from datetime import UTC, datetime

    from bot.follows import blocks, content, matching
    from bot.follows.worker import WINDOW
    from storage import iso

    rows = store.follows.every()
    if args.channel:
        rows = [r for r in rows if r["channel"] == args.channel]
    if args.team:
        rows = [r for r in rows if r["team"] == args.team]
    if args.action == "pending":
        now = datetime.now(UTC)
        arrived = store.follows.arrivals(
            store.follows.progress() or 0, store.follows.latest_seq(), stored_since=iso(now - WINDOW)
        )
        plan = matching.plan(store, rows, arrived)
        if not plan:
            print("Nothing new for the follows since the running bot last looked.")
        for (channel, team), picked in plan.items():
            print(f"== {channel}" + (f" ({team})" if team else ""))
            print(blocks.text(content.items(store, picked)))
        return EXIT_OK
    if not rows:
        print("Nothing is followed. In Slack: /brief follow Nvidia; here: newsbot follows add Nvidia --channel C123")
        return EXIT_OK
    posted = store.follows.posts_per_follow()
    for r in rows:
        count = posted.get((r["channel"], r["team"] or "", r["name_key"]), 0)
        where = f"{r['channel']} ({r['team']})" if r["team"] else r["channel"]
        print(f"{where}: {r['name']} ({r['kind']}), since {r['created_at'][:16]}, {count} articles posted")
    return EXIT_OK


def cmd_check(settings: Settings, args: argparse.Namespace) -> int:
    """Whether the store is sound (SQLite's quick_check, or integrity_check with --full; on
    PostgreSQL, whether its schema is this release's)."""
    from storage import is_url, open_store, recovery

    store = open_store(settings.db_path, read_only=True, migrate=False)
    _opened.append(store)
    if is_url(settings.db_path):
        problems = store.check(full=args.full)
        if not problems:
            print(f"{settings.db_path}: sound (schema {store.version})")
            return EXIT_OK
        print(f"{settings.db_path}: {problems[0]}", file=sys.stderr)
        return EXIT_ERROR
    pragma = "integrity_check" if args.full else "quick_check"
    problems = store.damage if store.unclean and not args.full else store.check(full=args.full)
    if not problems:
        print(f"{settings.db_path}: sound (PRAGMA {pragma} found nothing wrong; schema {store.version})")
        return EXIT_OK
    print(f"{settings.db_path} is damaged: PRAGMA {pragma} found", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    print(recovery(settings.db_path), file=sys.stderr)
    return EXIT_ERROR


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    # start-up makes some 45,000 objects that live as long as the process, most of them while
    # importing: no collection walks them over and over meanwhile; once ready to serve, the bot
    # freezes them and collects again (bot.slack.collector.settle)
    gc.disable()
    try:
        from bot.app import run

        return run(settings, http=args.http, host=args.host, port=args.port)
    finally:
        gc.enable()


def cmd_default(settings: Settings, args: argparse.Namespace) -> int:
    """Run the bot where it can: Slack with tokens, else the terminal."""
    if settings.has_socket_tokens:
        return cmd_run(settings, argparse.Namespace(http=False, host="127.0.0.1", port=3000))
    print(
        "No Slack tokens set (SLACK_BOT_TOKEN and SLACK_APP_TOKEN), so newsbot answers here in the terminal.\n"
        "To run it in Slack, see docs/slack-setup.md.",
        file=sys.stderr,
    )
    return cmd_chat(settings, args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbot",
        description="A Slack bot that briefs a team on tech news. With no command: run the bot "
        "(in Slack when tokens are set, else in this terminal).",
    )
    parser.add_argument("--db", help="the database file, or a postgresql:// URL (default: NEWSBOT_DB or ./newsbot.db)")
    parser.add_argument("--env-file", default=".env", help="settings file read before the environment (default .env)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", help="add article files or folders to the store (default: the seeds)")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument(
        "--date",
        metavar="DATE",
        help="the publication date of files that give none of their own (a 'Date:' line near the top):"
        " 2004-12-13, 2004-12 or 2004",
    )
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("extract", help="print what is extracted from article files, without storing")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object a line (the evaluation format)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ask", help='answer one question or command, e.g. newsbot ask "who competes with Sony?"')
    p.add_argument("question", nargs="+", metavar="TEXT")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("help", help="what to ask, and the commands")
    p.set_defaults(func=lambda settings, args: cmd_help(parser))

    p = sub.add_parser("chat", help="answer questions in this terminal")
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("add", help="add articles from web pages (URL) or files")
    p.add_argument("sources", nargs="+", metavar="URL|FILE")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("feeds", help="follow RSS/Atom feeds: add URL, list, remove URL, poll")
    p.add_argument("action", choices=["add", "list", "remove", "poll"])
    p.add_argument("url", nargs="?")
    p.set_defaults(func=cmd_feeds)

    p = sub.add_parser("digest", help="print the digest a channel would get now")
    p.add_argument("--print", action="store_true", help="print it (the default; nothing is posted from here)")
    p.add_argument("--channel", help="a subscribed channel's id: its digest holds what is new since its last one")
    p.add_argument("--team", help="with many workspaces: whose digest of the channel (a shared one has one of each)")
    p.set_defaults(func=cmd_digest)

    p = sub.add_parser("map", help="draw a company's rivals and partners: newsbot map Sony [2] -o sony.png")
    p.add_argument("company", nargs="+", metavar="COMPANY [HOPS]", help="a company, then 2 for two steps out")
    p.add_argument("-o", "--output", metavar="FILE", help="the PNG to write (default: the company's name .png)")
    p.set_defaults(func=cmd_map)

    p = sub.add_parser("follows", help="list follows; add NAME / remove NAME --channel C; pending: what would post")
    p.add_argument("action", nargs="?", default="list", choices=["list", "add", "remove", "pending"])
    p.add_argument("name", nargs="*", metavar="NAME", help="a company, a person or a topic")
    p.add_argument("--channel", help="a channel's id (or a person's, for their DM)")
    p.add_argument("--team", help="with many workspaces: the workspace whose follows (a shared channel has each one's)")
    p.set_defaults(func=cmd_follows)

    p = sub.add_parser("check", help="check that the store is sound (SQLite's quick_check; --full: integrity_check)")
    p.add_argument("--full", action="store_true", help="the full integrity check: slower, it also checks each index")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("run", help="run the Slack app (Socket Mode, or --http)")
    p.add_argument("--http", action="store_true", help="serve Slack's HTTP requests on /slack/events")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on with --http (default 127.0.0.1, this machine only; 0.0.0.0 for every interface)",
    )
    p.add_argument("--port", type=int, default=3000, help="port to listen on with --http (default 3000)")
    p.set_defaults(func=cmd_run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = Settings.load(args.env_file)
    if args.db:
        from storage.locations import location

        settings = replace(settings, db_path=location(args.db))
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else getattr(logging, settings.log_level, logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not args.verbose:
        logging.getLogger("bot.ingest").setLevel(logging.ERROR)  # skips are reported by the command itself
    func = getattr(args, "func", cmd_default)
    try:
        return func(settings, args)
    except KeyboardInterrupt:
        print(file=sys.stderr)  # the shell's prompt on a clean line, not after "^C"
        return 130
    except BrokenPipeError:
        # the reader went away (newsbot ask ... | head): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        from storage import StoreError, describe_failure

        failure = exc if isinstance(exc, StoreError) else describe_failure(exc, settings.db_path)
        if failure is not None:
            print(f"newsbot: {failure}", file=sys.stderr)
            return EXIT_ERROR
        raise
    finally:
        while _opened:
            _opened.pop().close()


if __name__ == "__main__":
    sys.exit(main())
