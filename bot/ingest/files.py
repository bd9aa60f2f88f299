"""Reading article files: decoding, and refusing what is not an article, with the reason."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = {".txt", ".text", ".md"}


class Unreadable(Exception):
    """An article that cannot be ingested; the message says why, for the user."""


@dataclass(frozen=True)
class ArticleText:
    source: str
    text: str
    content_hash: str


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


def read_article(path: Path, *, max_bytes: int) -> ArticleText:
    """Read one article file, or raise :class:`Unreadable` saying why it cannot be used."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise Unreadable(f"too large ({size:,} bytes; the limit is {max_bytes:,}, NEWSBOT_MAX_ARTICLE_BYTES)")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise Unreadable("no such file") from exc
    except IsADirectoryError as exc:
        raise Unreadable("is a directory") from exc
    except PermissionError as exc:
        raise Unreadable("permission denied") from exc
    except OSError as exc:
        raise Unreadable(f"cannot be read ({exc.strerror or exc})") from exc
    text = check_text(decode(data))
    return ArticleText(source=str(path.resolve()), text=text, content_hash=content_hash(text))


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the article files (``*.txt``, ``*.md``) found under folders named, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            yield path
