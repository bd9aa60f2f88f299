"""The answers' plain data: every fact carries its evidence sentence and its source article.

Surfaces (the terminal, Slack, the digest) render these; nothing here knows about mrkdwn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from bot import dates
from bot.answers.roles import shown as shown_role
from bot.extract import kinds
from bot.extract.kinds import SIDES

NBSP = "\u00a0"


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

    @property
    def citation(self) -> str:
        """``[Headline] (13 Dec 2004) <link>``, as plain text: the article, when it was published
        (or stored, for an article with no date), and its link. A date is not broken over two
        lines (a no-break space holds it together)."""
        where = f" <{self.url}>" if self.url else ""
        when = f" ({self.when.replace(' ', NBSP)})" if self.when else ""
        return f"[{self.title}]{when}{where}"


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
    """``company`` stands in a relation with ``other`` (``type``: a kind of
    ``bot/extract/kinds.py``, or ``~acquires``, seen from the side that was bought): one or
    more sentences say so. ``evidence`` holds the latest of them; ``mentions`` is how many
    there are in the store (0: not counted)."""

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

    @property
    def verb(self) -> str:
        """How the fact reads between its sides: "competes with", "was bought by"."""
        return kinds.verb(self.type)


def side_label(side: str, *, of_company: bool = True) -> str:
    """The heading of a list of facts of ``side``: "Competitors", "Bought by"; of no company in
    particular, "Rivalries"."""
    return kinds.label(side) if of_company else kinds.kind(side).plural


@dataclass
class Brief:
    topic: str | None
    articles: list[ArticleBrief]
    total: int
    note: str | None = None
    capped: bool = False  # ``total`` is a lower bound: counting stopped there
    when: str | None = None  # the time asked about ("this week"), as the answer says it
    kind: str = field(default="brief", init=False)

    def item_count(self) -> int:
        return len(self.articles)

    def more_count(self) -> int | None:
        return _beyond(self.total, self.item_count(), self.capped)


@dataclass
class Quotes:
    query: str | None
    quotes: list[QuoteFact]
    total: int
    matched: str | None = None  # who or what the query was understood as
    note: str | None = None
    when: str | None = None
    capped: bool = False  # ``total`` is a lower bound
    also_about: bool = False  # quotes that name ``matched`` follow those of its people
    kind: str = field(default="quotes", init=False)

    @property
    def heading(self) -> str:
        if self.matched:
            return f"Quotes from {'or about ' if self.also_about else ''}{self.matched}"
        return f"Quotes about {self.query}" if self.query else "Latest quotes"

    def item_count(self) -> int:
        return len(self.quotes)

    def more_count(self) -> int | None:
        return _beyond(self.total, self.item_count(), self.capped)


def _beyond(total: int, shown: int, capped: bool) -> int | None:
    """How many of ``total`` are not shown: ``None`` when some are and ``total`` was capped."""
    extra = max(0, total - shown)
    return None if extra and capped else extra


@dataclass
class Rivals:
    """A company's pairs of each kind: ``competes``, ``partners``, and the other kinds' lists in
    ``others`` by side (``acquires``: what it bought, ``~acquires``: who bought it)."""

    company: str | None
    competes: list[RelationFact]
    partners: list[RelationFact]
    note: str | None = None
    more: bool | None = None  # whether the store has more pairs than these (None: not known)
    when: str | None = None
    between: tuple[str, str] | None = None  # asked about this pair
    totals: tuple[int, ...] | None = None  # how many pairs of each side the store has, as ``SIDES`` (None: not counted)
    others: dict[str, list[RelationFact]] = field(default_factory=dict)
    relation: str | None = None  # the one kind asked about (None: all)
    kind: str = field(default="rivals", init=False)

    @property
    def title(self) -> str:
        """What the answer is about: "Rivals and partners of Sony", "Acquisitions involving
        Activision" (one kind asked about, beyond rivals and partners), "Sony and Microsoft"."""
        if self.between:
            return f"{self.between[0]} and {self.between[1]}"
        if not self.company:
            return "Rivalries and partnerships"
        if self.relation and self.relation not in ("competes", "partners"):
            return f"{kinds.kind(self.relation).plural} involving {self.company}"
        return f"Rivals and partners of {self.company}"

    def sections(self) -> list[tuple[str, list[RelationFact]]]:
        """(side, its facts) for every side of every kind, in ``SIDES``' order."""
        lists = {"competes": self.competes, "partners": self.partners, **self.others}
        return [(side, lists.get(side, [])) for side in SIDES]

    @property
    def total(self) -> int:
        return sum(len(facts) for _side, facts in self.sections())

    def item_count(self) -> int:
        return self.total

    def more_count(self) -> int | None:
        if self.totals is not None:
            return sum(max(0, n - len(facts)) for n, (_side, facts) in zip(self.totals, self.sections(), strict=False))
        return None if self.more else 0


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

    def item_count(self) -> int:
        return len(self.names)

    def more_count(self) -> int | None:
        return max(0, self.total - self.item_count())


@dataclass
class Help:
    """What the bot can do; ``reason`` says why a question got this instead of an answer."""

    examples: list[str]
    reason: str | None = None
    topic: str | None = None  # the command asked about ("brief", "quotes", ...), None for all
    kind: str = field(default="help", init=False)

    def item_count(self) -> int:
        return 0

    def more_count(self) -> int | None:
        return 0


Answer = Brief | Quotes | Rivals | Known | Help
