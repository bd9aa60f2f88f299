"""What a follow's post says about each new article, as plain data: its headline, date and
summary, and the facts it brings, a pair never stated before called out as new."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.answers.model import Evidence, QuoteFact, Source
from bot.extract import kinds
from storage.interface import NewsStore

SUMMARY_SENTENCES = 2
FACTS_SHOWN = 4


# what a pair never stated before is called, by kind (else the kind's noun: "acquisition")
NEW = {"competes": "rival", "partners": "partner"}


@dataclass(frozen=True)
class Fact:
    kind: str  # a kind of bot/extract/kinds.py: competes, partners, acquires
    a: str
    b: str
    sentence: str
    new: bool  # no article stored before this one states the pair

    @property
    def verb(self) -> str:
        return kinds.verb(self.kind)

    @property
    def called(self) -> str:
        """What a new one is called: "rival", "partner", "acquisition"."""
        return NEW.get(self.kind) or kinds.kind(self.kind).noun


@dataclass
class FollowItem:
    source: Source
    summary: list[str]
    follows: list[str]  # the follows it is posted for
    facts: list[Fact] = field(default_factory=list)
    quote: QuoteFact | None = None

    @property
    def new_facts(self) -> list[Fact]:
        return [f for f in self.facts if f.new]


def items(store: NewsStore, picked: list[tuple[int, list[str]]]) -> list[FollowItem]:
    """The articles of a batch, as they will be posted (an article gone since is left out)."""
    found = []
    for article_id, follows in picked:
        row = store.get_article(article_id)
        if row is None:
            continue
        source = Source.from_row(row)
        summary = [s["text"] for s in store.top_sentences(article_id, SUMMARY_SENTENCES)]
        found.append(FollowItem(source, summary, follows, _facts(store, article_id, follows), _quote(store, source)))
    return found


def _facts(store: NewsStore, article_id: int, follows: list[str]) -> list[Fact]:
    """The article's rivalries and partnerships, new ones first, then those of the followed."""
    facts: dict[tuple[str, str, str], Fact] = {}
    for r in store.relations_in_article(article_id):
        key = (r["type"], r["a"].casefold(), r["b"].casefold())
        if key in facts:
            continue
        first = store.follows.first_stated(r["a"], r["b"], r["type"])
        facts[key] = Fact(r["type"], r["a"], r["b"], r["evidence"], new=first == article_id)
    followed = {name.casefold() for name in follows}
    ranked = sorted(
        facts.values(),
        key=lambda f: (not f.new, not ({f.a.casefold(), f.b.casefold()} & followed)),
    )
    return ranked[:FACTS_SHOWN]


def _quote(store: NewsStore, source: Source) -> QuoteFact | None:
    quotes = store.quotes_in_article(source.article_id)
    best = next((q for q in quotes if q["speaker"]), None)
    if best is None:
        return None
    return QuoteFact(
        best["text"], best["speaker"], best["role"], best["org"], Evidence(best["sentence"] or best["text"], source)
    )
