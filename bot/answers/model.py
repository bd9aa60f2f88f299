"""The answers' plain data: every fact carries its evidence sentence and its source article.

Surfaces (the terminal, Slack, the digest) render these; nothing here knows about mrkdwn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from bot import dates
from bot.answers.roles import shown as shown_role


class Source(NamedTuple):
    """The article a fact comes from. (Immutable, hashable, made by the dozen for every answer:
    a named tuple costs half what a frozen dataclass does to make, compare and hash.)"""

    article_id: int
    title: str
    url: str | None = None
    published: str | None = None
    added: str | None = None  # when it was stored: what an undated article is known by

    @classmethod
    def from_row(cls, row: dict, added: str | None = None) -> Source:
        published = row.get("published")
        return cls(
            row["article_id"] if "article_id" in row else row["id"],
            row["title"],
            row.get("url"),
            published,
            None if published else (added or row.get("ingested_at") or row.get("dated")),
        )

    @property
    def date(self) -> str | None:
        """When the article was published, as people write it (``20 Nov 2026``, ``Dec 2004``),
        or ``None``."""
        return dates.shown(self.published)

    @property
    def when(self) -> str | None:
        """The date an answer shows: published (``20 Nov 2026``), else when it was stored
        (``no date; added 6 Dec 2026``); ``None`` when neither is known."""
        if self.published:
            return self.date
        added = dates.shown(self.added[:10]) if self.added else None
        return f"no date; added {added}" if added else None


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
        """``Satya Nadella (CEO, Microsoft)``, ``Sony`` or ``unnamed speaker``: the role and the
        organisation as stored, tidied (see :func:`bot.answers.roles.shown`)."""
        return attribution(self.speaker, self.role, self.org)


def attribution(speaker: str | None, role: str | None, org: str | None) -> str:
    who = speaker or "unnamed speaker"
    role, org = shown_role(role, org)
    extra = [x for x in (role, org) if x and x != speaker]
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
    when: str | None = None  # the time asked about ("this week"), as the answer says it
    kind: str = field(default="brief", init=False)


@dataclass
class Quotes:
    query: str | None
    quotes: list[QuoteFact]
    total: int
    matched: str | None = None  # who or what the query was understood as
    note: str | None = None
    when: str | None = None
    capped: bool = False  # ``total`` is a lower bound
    kind: str = field(default="quotes", init=False)


@dataclass
class Rivals:
    company: str | None
    competes: list[RelationFact]
    partners: list[RelationFact]
    note: str | None = None
    more: bool | None = None  # whether the store has more pairs than these (None: not known)
    when: str | None = None
    between: tuple[str, str] | None = None  # asked about this pair
    totals: tuple[int, int] | None = None  # how many pairs of each kind the store has (None: not counted)
    kind: str = field(default="rivals", init=False)

    @property
    def total(self) -> int:
        return len(self.competes) + len(self.partners)


@dataclass
class KnownName:
    name: str
    articles: int  # how many articles mention it
    detail: str | None = None  # a product's owner, a person's role and organisation


@dataclass
class Known:
    """The companies (or people, or products) the store knows most about, the most written
    about first."""

    what: str  # "company", "person" or "product"
    names: list[KnownName]
    total: int  # how many are known
    kind: str = field(default="known", init=False)


@dataclass
class Help:
    """What the bot can do; ``reason`` says why a question got this instead of an answer."""

    examples: list[str]
    reason: str | None = None
    topic: str | None = None  # the command asked about ("brief", "quotes", ...), None for all
    kind: str = field(default="help", init=False)


Answer = Brief | Quotes | Rivals | Known | Help
