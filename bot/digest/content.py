"""What goes in a digest: the articles stored since the channel's last one, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.answers.model import Evidence, QuoteFact, RelationFact, Source
from storage.interface import Reads

FIRST_DIGEST = 5  # a channel's first digest: the latest few articles
MAX_ITEMS = 10
NO_ARTICLES = (
    "No articles yet: add some with newsbot ingest PATH or newsbot add URL (in Slack: /brief add URL,"
    " or follow a feed with /digest feeds add URL)."
)
NOTHING_NEW = "Nothing new since the last digest."


@dataclass
class DigestItem:
    source: Source
    summary: list[str]
    quote: QuoteFact | None = None
    relations: list[RelationFact] = field(default_factory=list)


@dataclass
class Digest:
    items: list[DigestItem]
    total: int
    until: str | None  # the newest ingestion time covered: the next digest starts after it

    @property
    def empty(self) -> bool:
        return not self.items

    @property
    def note(self) -> str | None:
        """Why an empty digest is empty: no article at all, or nothing new since the last one."""
        if self.items:
            return None
        return NO_ARTICLES if self.until is None else NOTHING_NEW


def build(store: Reads, channel: str | None = None, *, team: str | None = None, limit: int = MAX_ITEMS) -> Digest:
    """The digest ``channel`` (of the workspace ``team``: a shared channel has a digest of each)
    would get now (``None``: as for a channel's first digest): the articles stored since its last
    one (the first: the latest), the latest published first."""
    until = store.digests.newest_ingestion()  # first, so an article stored meanwhile waits for the next one
    since = store.digests.digested_until(channel, team) if channel else None
    if until is None or (since is not None and until <= since):
        return Digest([], 0, since)
    # room for those a follow has posted here
    if since is None:
        wanted = min(limit, FIRST_DIGEST)
        rows = [r for r in store.latest_articles(2 * wanted) if r["ingested_at"] <= until]
    else:  # what was stored since the last digest, however large the store
        wanted = limit
        rows = store.digests.new_articles(since, until, 2 * wanted)
    posted = store.follows.followed_in(channel, [r["id"] for r in rows], team=team) if channel else set()
    rows = [r for r in rows if r["id"] not in posted][:wanted]
    total = len(rows) if since is None else store.digests.count_new(since, until) - len(posted)
    return Digest([_item(store, row) for row in rows], max(total, len(rows)), until if rows else since)


def without(digest: Digest, article_ids: set[int]) -> Digest:
    """``digest`` less the articles ``article_ids`` (a follow posted them in the channel meanwhile)."""
    items = [item for item in digest.items if item.source.article_id not in article_ids]
    return Digest(items, max(len(items), digest.total - (len(digest.items) - len(items))), digest.until)


def _item(store: Reads, row: dict) -> DigestItem:
    source = Source.from_row(row)
    summary = [s["text"] for s in store.top_sentences(row["id"], 2)]
    quotes = store.quotes_in_article(row["id"])
    best = next((q for q in quotes if q["speaker"]), quotes[0] if quotes else None)
    quote = None
    if best is not None:
        quote = QuoteFact(
            best["text"], best["speaker"], best["role"], best["org"], Evidence(best["sentence"] or best["text"], source)
        )
    relations: dict[tuple, RelationFact] = {}
    for r in store.relations_in_article(row["id"]):
        key = (r["type"], r["a"], r["b"])
        relations.setdefault(key, RelationFact(r["type"], r["a"], r["b"], [Evidence(r["evidence"], source)]))
    return DigestItem(source, summary, quote, list(relations.values()))
