"""The answers' plain data: every fact carries its evidence sentence and its source article.

Surfaces (the terminal, Slack, the digest) render these; nothing here knows about mrkdwn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple


class Source(NamedTuple):
    """The article a fact comes from. (Immutable, hashable, made by the dozen for every answer:
    a named tuple costs half what a frozen dataclass does to make, compare and hash.)"""

    article_id: int
    title: str
    url: str | None = None
    published: str | None = None

    @classmethod
    def from_row(cls, row: dict) -> Source:
        return cls(
            row["article_id"] if "article_id" in row else row["id"],
            row["title"],
            row.get("url"),
            row.get("published"),
        )

    @property
    def date(self) -> str | None:
        """The day the article was published, as people write it (``20 Nov 2026``), or ``None``."""
        if not self.published:
            return None
        try:
            day = datetime.fromisoformat(self.published.replace("Z", "+00:00")).date()
        except ValueError:
            return None
        return f"{day.day} {day:%b %Y}"


class Evidence(NamedTuple):
    """The sentence that states a fact, and where it stands."""

    sentence: str
    source: Source


@dataclass
class ArticleBrief:
    source: Source
    summary: list[str]


@dataclass
class QuoteFact:
    text: str
    speaker: str | None
    role: str | None
    org: str | None
    evidence: Evidence

    @property
    def attribution(self) -> str:
        """``Satya Nadella (CEO, Microsoft)``, ``Sony`` or ``unnamed speaker``."""
        who = self.speaker or "unnamed speaker"
        extra = [x for x in (self.role, self.org) if x and x != self.speaker]
        return f"{who} ({', '.join(extra)})" if extra else who


@dataclass
class RelationFact:
    """``company`` competes or partners with ``other``: one or more sentences say so.
    ``evidence`` holds the latest of them; ``mentions`` is how many there are in the store
    (0: not counted)."""

    type: str
    company: str
    other: str
    evidence: list[Evidence]
    mentions: int = 0

    @property
    def more_said(self) -> str | None:
        """``7 mentions`` when the store has more sentences on the pair than ``evidence``
        holds, else ``None``."""
        return f"{self.mentions:,} mentions" if self.mentions > len(self.evidence) else None


@dataclass
class Brief:
    topic: str | None
    articles: list[ArticleBrief]
    total: int
    note: str | None = None
    capped: bool = False  # ``total`` is a lower bound: counting stopped there
    kind: str = field(default="brief", init=False)


@dataclass
class Quotes:
    query: str | None
    quotes: list[QuoteFact]
    total: int
    matched: str | None = None  # who or what the query was understood as
    note: str | None = None
    kind: str = field(default="quotes", init=False)


@dataclass
class Rivals:
    company: str | None
    competes: list[RelationFact]
    partners: list[RelationFact]
    note: str | None = None
    more: bool | None = None  # whether the store has more pairs than these (None: not known)
    kind: str = field(default="rivals", init=False)

    @property
    def total(self) -> int:
        return len(self.competes) + len(self.partners)


@dataclass
class Help:
    """What the bot can do; ``reason`` says why a question got this instead of an answer."""

    examples: list[str]
    reason: str | None = None
    topic: str | None = None  # the command asked about ("brief", "quotes", ...), None for all
    kind: str = field(default="help", init=False)


Answer = Brief | Quotes | Rivals | Help
