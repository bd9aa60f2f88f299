"""Reading article files: decoding, and refusing what is not an article, with the reason."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bot import dates
from bot.extract.model import Extraction

ARTICLE_SUFFIXES = {".txt", ".text", ".md"}


class Unreadable(Exception):
    """An article that cannot be ingested; the message says why, for the user."""


@dataclass(frozen=True)
class ArticleText:
    source: str
    text: str
    content_hash: str
    published: str | None = None  # from the file's own Date: line, in the store's form
    date_problem: str | None = None  # a Date: line that could not be read (it is kept as text)


@dataclass(frozen=True)
class Read:
    """One article file read and extracted (``bot.ingest.reading``): what the writer stores."""

    source: str
    content_hash: str
    published: str | None  # from the file's own Date: line
    date_problem: str | None  # a Date: line that could not be read
    extraction: Extraction


DATE_LINES = 5  # a Date: line is looked for among the first lines that are not blank
_DATE_LINE = re.compile(r"^\s*(?:date|dated|published)\s*:\s*(.*?)\s*$", re.IGNORECASE)


def split_date(text: str) -> tuple[str, str | None, str | None]:
    """A file's ``Date: 13 December 2004`` line (or ``Published:``), among its first lines:
    the text without it, the date in the store's form, and what was wrong with a line that
    could not be read (that line is then left in the text, which loses nothing)."""
    lines = text.split("\n")
    seen = 0
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > DATE_LINES:
            break
        m = _DATE_LINE.match(line)
        if m is None:
            continue
        published = dates.parse(m.group(1))
        if published is None:
            return text, None, f"its {line.strip()[:60]!r} line is not a date I can read (try Date: 2004-12-13)"
        return "\n".join(lines[:number] + lines[number + 1 :]), published, None
    return text, None, None


def content_hash(text: str) -> str:
    """The identity of an article's content: line endings and trailing blanks do not count."""
    canonical = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252; else :class:`Unreadable`."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Unreadable("not valid UTF-16 despite its byte-order mark") from exc
    if b"\x00" in data[:8192]:
        raise Unreadable("binary file (contains NUL bytes), not plain text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise Unreadable("not UTF-8 text and not decodable as Windows-1252") from exc


def check_text(text: str) -> str:
    """Normalise line endings; refuse text that has no headline and body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f")
    if controls > max(8, len(text) // 100):
        raise Unreadable("looks binary (too many control characters), not plain text")
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise Unreadable("empty file")
    if len(lines) < 2:
        raise Unreadable("only a headline: an article needs a body after its first line")
    return text


_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
    (stat.S_ISCHR, "is a character device, not a file"),
    (stat.S_ISBLK, "is a block device, not a file"),
)


def read_file(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of a regular file (or of a link to one), or :class:`Unreadable` saying why not.

    Opened without waiting and looked at before reading: a named pipe would wait for a writer
    forever, a device may never end. At most ``max_bytes`` are read, however large the file
    has grown since it was looked at."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as exc:
        raise Unreadable("no such file") from exc
    except PermissionError as exc:
        raise Unreadable("permission denied") from exc
    except OSError as exc:
        raise Unreadable(f"cannot be read ({exc.strerror or exc})") from exc
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        mode, size = info.st_mode, info.st_size
        if not stat.S_ISREG(mode):
            raise Unreadable(next((why for test, why in _KINDS if test(mode)), "not a regular file"))
        too_large = f"too large ({{:,}} bytes; the limit is {max_bytes:,}, NEWSBOT_MAX_ARTICLE_BYTES)"
        if size > max_bytes:
            raise Unreadable(too_large.format(size))
        try:
            data = file.read(max_bytes + 1)
        except OSError as exc:
            raise Unreadable(f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise Unreadable(too_large.format(len(data)))
    return data


def read_article(path: Path, *, max_bytes: int) -> ArticleText:
    """Read one article file, or raise :class:`Unreadable` saying why it cannot be used. A
    ``Date:`` line near its top is its publication date, and not part of its text (nor of
    the hash that says whether the article is already stored)."""
    text, published, problem = split_date(decode(read_file(path, max_bytes=max_bytes)).replace("\r\n", "\n"))
    text = check_text(text)
    return ArticleText(
        source=str(path.resolve()),
        text=text,
        content_hash=content_hash(text),
        published=published,
        date_problem=problem,
    )


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the article files (``*.txt``, ``*.md``) found under folders named, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            yield path
