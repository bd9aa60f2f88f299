"""What the rest of newsbot needs of a store, as protocols a second store can implement.

The answers and the digests read through :class:`Reads`; ingestion writes through
:class:`Writes`; the digest scheduler keeps its ledger through :class:`DigestLedger`, the feed
poller its records through :class:`FeedRecords`, follows theirs through :class:`FollowLedger`,
the rivalry map reads through :class:`GraphReads`, the Slack app keeps what one request leaves
for the next through :class:`Notes` when replicas share the store, and its OAuth installations
through :class:`InstallationLedger`. :class:`NewsStore` is all of them, with the store's life;
``storage.open_store`` opens one. ``storage.Store`` (SQLite) and
``storage.postgres.PostgresStore`` implement it, installations included;
``tests/storage/test_interface.py`` holds both to these protocols, and holds the layers above to
using nothing else of them.

Rows are plain ``dict`` objects keyed by column name, except where a read says it gives tuples
(``entities_by_id``, ``iter_alias_keys``, ``count_pairs``); moments are ISO-8601 UTC text as
``storage.clock.iso`` writes them.

Many workspaces (issue 22): a workspace is its Slack team id, ``team`` below. Subscriptions,
follows and the feeds added from Slack carry the team they were made in; ``team=None`` (the
command line, and the single-workspace mode) means every workspace, as before. Removing a
workspace (:meth:`InstallationLedger.remove_team`) removes all of these at once, with the
articles it added that no other workspace holds. Articles a workspace added are its own
(``storage.teams``): every read of :class:`Reads` and :class:`GraphReads` takes ``team``, and
then reads only what that workspace may see (everyone's articles and its own), every count and
pair counted in them; ``team=None`` reads everything, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from bot.extract.model import Extraction
    from storage.queries import Found, Span
    from storage.store import SaveResult


@runtime_checkable
class Reads(Protocol):
    """Articles and the facts extracted from them, as the answers and the digests read them."""

    def article_count(self, *, team: str | None = None) -> int:
        """How many articles are stored (a counter kept by triggers: no table walk)."""
        ...

    def latest_articles(
        self, limit: int = 5, *, since: str | None = None, within: Span | None = None, team: str | None = None
    ) -> list[dict]:
        """Newest first (by publication date when known, else by ingestion); ``since``: stored
        after that moment; ``within``: dated within that span."""
        ...

    def count_articles(self, *, within: Span | None = None, cap: int = 1000, team: str | None = None) -> int:
        """How many articles are dated within ``within`` (every article: the counter), up to ``cap``."""
        ...

    def search_articles(
        self, text: str, limit: int = 5, *, within: Span | None = None, team: str | None = None
    ) -> list[dict]:
        """The latest articles matching every word of ``text``; else those matching any word."""
        ...

    def find_articles(
        self, text: str, limit: int = 5, *, within: Span | None = None, cap: int = 100, team: str | None = None
    ) -> Found:
        """The latest articles (by date) matching every word of ``text``, else any word, and how
        many match (up to ``cap``)."""
        ...

    def count_search_articles(self, text: str, *, cap: int = 1000, team: str | None = None) -> int:
        """How many articles match every word of ``text``, counted up to ``cap``."""
        ...

    def articles_mentioning(
        self, entity_ids: list[int], limit: int = 5, *, within: Span | None = None, team: str | None = None
    ) -> list[dict]:
        """The latest articles that mention any of ``entity_ids``."""
        ...

    def find_mentioning(
        self,
        entity_ids: list[int],
        limit: int = 5,
        *,
        within: Span | None = None,
        cap: int = 100,
        team: str | None = None,
    ) -> Found:
        """The latest articles (by date) that mention any of ``entity_ids``, and how many do (up
        to ``cap``)."""
        ...

    def stored_at(self, article_ids: list[int], *, team: str | None = None) -> dict[int, str]:
        """When each article was stored, for those given."""
        ...

    def get_article(self, article_id: int, *, team: str | None = None) -> dict | None: ...

    def top_sentences(self, article_id: int, k: int = 3, *, team: str | None = None) -> list[dict]:
        """The ``k`` best-scored sentences of an article, in article order."""
        ...

    def top_sentences_of(self, article_ids: list[int], k: int = 3, *, team: str | None = None) -> dict[int, list[dict]]:
        """The ``k`` best-scored sentences of each article, in article order, in one query (read by
        rank from a small index when ``k`` is at most three).
        """
        ...

    def entities_by_alias(self, alias: str, *, team: str | None = None) -> list[dict]: ...

    def entity_generation(self) -> int:
        """Changes whenever an entity or an alias is added, changed or removed (and only then: storing
        an article that names only known entities leaves it as it was).
        """
        ...

    def iter_alias_keys(self) -> Iterator[tuple[str, int, str, str, str | None]]:
        """Every alias with its entity's id, name, type and owner, streamed as tuples."""
        ...

    def entities_by_id(self, ids: list[int], *, team: str | None = None) -> dict[int, tuple]:
        """``{id: (name, type, owner, role, org)}`` for the entities ``ids`` name."""
        ...

    def holders_of(self, article_ids: list[int]) -> dict[int, set[str]]:
        """``{article id: the workspaces that hold it}``, for the articles of ``article_ids`` that
        are some workspaces' own (the others are everyone's)."""
        ...

    def hidden_new(self, team: str, since: str, until: str) -> int:
        """How many articles stored after ``since`` and up to ``until`` ``team`` may not see."""
        ...

    def hidden_entities(self, team: str) -> set[int]:
        """The names ``team`` may not see: read only in articles other workspaces added."""
        ...

    def known_entities(self, type: str, limit: int = 10, *, team: str | None = None) -> list[dict]:
        """The entities of ``type`` most articles mention, most first."""
        ...

    def count_entities(self, type: str, *, cap: int = 1000, team: str | None = None) -> int:
        """How many entities of ``type`` some article mentions, up to ``cap``."""
        ...

    def products_of(self, company: str, *, team: str | None = None) -> list[dict]: ...

    def people(self, *, org: str | None = None, team: str | None = None) -> list[dict]: ...

    def quotes_by(
        self,
        speakers: Iterable[str] = (),
        orgs: Iterable[str] = (),
        limit: int = 10,
        *,
        within: Span | None = None,
        about: str | None = None,
        team: str | None = None,
    ) -> list[dict]:
        """Quotes whose speaker is one of ``speakers`` or whose organisation is one of ``orgs``,
        the latest first (by their article's date); ``within``: dated within that span;
        ``about``: whose words, or whose article's, match every word of ``about``.
        """
        ...

    def count_quotes_by(
        self,
        speakers: Iterable[str] = (),
        orgs: Iterable[str] = (),
        *,
        within: Span | None = None,
        cap: int = 100,
        team: str | None = None,
    ) -> int:
        """How many quotes ``quotes_by`` has for these names (without ``about``), up to ``cap``."""
        ...

    def latest_quotes(self, limit: int = 10, *, within: Span | None = None, team: str | None = None) -> list[dict]:
        """The latest quotes (by their article's date), within a span."""
        ...

    def search_quotes(
        self, text: str, limit: int = 10, *, within: Span | None = None, team: str | None = None
    ) -> list[dict]:
        """The latest quotes whose words, speaker, role or organisation match every word of ``text``."""
        ...

    def find_quotes(
        self,
        text: str | None = None,
        limit: int = 10,
        *,
        roles: Iterable[str] = (),
        about: str | None = None,
        within: Span | None = None,
        cap: int = 100,
        team: str | None = None,
    ) -> Found:
        """The latest quotes (by date) matching ``text``, said by someone of one of ``roles``, about
        ``about`` (in the quote's words or its article's), and how many there are (up to ``cap``)."""
        ...

    def quotes_in_article(self, article_id: int, *, team: str | None = None) -> list[dict]: ...

    def relations(
        self, company: str | None = None, *, type: str | None = None, limit: int = 50, team: str | None = None
    ) -> list[dict]:
        """Relations naming ``company`` (either side), or every relation; the latest stored first."""
        ...

    def relation_pairs(
        self,
        company: str,
        *,
        limit: int = 10,
        other: str | None = None,
        evidence: int = 3,
        kinds: Iterable[str] = ("competes", "partners"),
        team: str | None = None,
    ) -> list[dict]:
        """The companies ``company`` stands in each of ``kinds`` with (``~acquires``: the
        companies that bought it), most attested first, at most ``limit`` of each kind.
        """
        ...

    def relations_within(
        self, company: str, within: Span, *, other: str | None = None, team: str | None = None
    ) -> list[dict]:
        """The relations naming ``company`` (with ``other``: that pair) stated in articles dated
        within ``within``, the latest first."""
        ...

    def count_pairs(
        self, company: str, *, cap: int = 100, kinds: Iterable[str] = ("competes", "partners"), team: str | None = None
    ) -> tuple[int, ...]:
        """How many companies ``company`` stands in each of ``kinds`` with (``~acquires``: how
        many bought it), each counted up to ``cap``, in the order of ``kinds``."""
        ...

    def relations_in_article(self, article_id: int, *, team: str | None = None) -> list[dict]: ...

    def reading(self) -> AbstractContextManager[None]:
        """The reads made inside it, on this thread, from one state of the store (an answer's
        rows and its count agree while another process writes); inside a transaction, as it is."""
        ...


@runtime_checkable
class Writes(Protocol):
    """Storing articles with their facts (idempotent: the same content is stored once)."""

    def save_article(
        self,
        ex: Extraction,
        *,
        source: str,
        content_hash: str,
        url: str | None = None,
        published: str | None = None,
        team: str | None = None,
    ) -> SaveResult:
        """Store one article and its facts in one transaction; ``team``: a workspace's article,
        seen only by the workspaces that stored it (``storage.teams``). Status ``added`` when the
        workspace could not see it before, whoever stored it first (a workspace is never told
        that another has it)."""
        ...

    def save_articles(self, items: Iterable[tuple[Extraction, dict]]) -> list[SaveResult]:
        """Store many articles in one transaction, each as ``save_article`` would (the same rows
        and triggers): ``items`` are ``(extraction, keywords of save_article)``.
        """
        ...

    def delete_article(self, article_id: int) -> bool: ...

    def feed_teams(self, feed_id: int) -> list[str]:
        """The workspaces a feed that is not every workspace's is followed by: its articles are
        theirs (stored with each as ``team``)."""
        ...

    def bulk_load(self) -> AbstractContextManager[None]:
        """The writes made inside it, on this thread, are a bulk load's (``newsbot ingest``):
        SQLite folds its write-ahead log into the store when the log is large and at the end,
        not after each transaction; PostgreSQL writes as it does."""
        ...

    def optimize_search(self) -> None:
        """After a store is built once (as the benchmarks build theirs): the whole of each
        full-text index tidied. SQLite: each merged into a single segment (FTS5's ``optimize``);
        PostgreSQL: ``VACUUM ANALYZE`` of the tables the articles fill.
        """
        ...

    def merge_search(self, articles: int) -> None:
        """After a bulk load of ``articles`` articles: tidy the full-text indexes with work in
        proportion to the load, not the store. SQLite: the segments FTS5 wrote merged two by two;
        PostgreSQL: the GIN indexes' pending lists (the load's entries) merged into them, and
        the planner's statistics read again after a load of a tenth of the store or more.
        """
        ...


@runtime_checkable
class DigestLedger(Protocol):
    """Digest subscriptions, the workers' heartbeats, and the ledger that posts each digest once.

    Keyed by (channel, workspace): ``team`` names the workspace (``None``: the single-workspace
    mode), and a Slack Connect channel shared by workspaces has a subscription and runs of each."""

    def subscribe(
        self, channel: str, *, schedule: str, at: str, zone: str, now: str, created_by=None, team=None, enterprise=None
    ) -> None:
        """Create or change a channel's subscription (a paused one is resumed); ``team``: the
        workspace it is set up in, ``enterprise``: that workspace's Enterprise Grid org."""
        ...

    def unsubscribe(self, channel: str, team: str | None = None) -> bool: ...

    def subscription(self, channel: str, team: str | None = None) -> dict | None: ...

    def subscriptions(self) -> list[dict]: ...

    def subscriptions_by(self, user: str, *, limit: int = 50, team: str | None = None) -> list[dict]:
        """The channels whose digest ``user`` set up (``team``: those whose ``team`` is that one),
        at most ``limit``, the latest set up first."""
        ...

    def pause(self, channel: str, reason: str, team: str | None = None) -> None: ...

    def resume(self, channel: str, team: str | None = None) -> bool: ...

    def beat(self, worker: str, *, now: str, forget_before: str | None = None) -> None:
        """``worker`` is alive at ``now``; workers silent since ``forget_before`` are forgotten."""
        ...

    def worker_alive(self, worker: str | None, *, dead_before: str) -> bool: ...

    def claim(
        self,
        channel: str,
        period: str,
        *,
        worker: str,
        lease: str,
        now: str,
        dead_before: str,
        retry: Callable[[dict], bool] = ...,
        team: str | None = None,
    ) -> dict | None:
        """Claim the run of ``channel`` (of ``team``) for ``period`` under ``lease``; ``None`` when
        it is not ours."""
        ...

    def queue(self, due: Iterable[tuple], *, now: str) -> int:
        """Make the runs ``due`` ((channel, period) pairs, or (channel, period, team)) known to
        every worker, claimed by no one, unless a run of it is in the ledger already; how many
        were queued."""
        ...

    def claim_queued(self, *, worker: str, lease: str, now: str, limit: int, since: str) -> list[dict]:
        """Claim at most ``limit`` runs queued since ``since`` under ``lease``, skipping those
        another worker is claiming at the same moment; none when the queue is empty."""
        ...

    def runs_of(self, due: Iterable[tuple]) -> dict[tuple, dict]:
        """{run as given: run} of the runs ``due`` ((channel, period) or (channel, period, team))
        the ledger has."""
        ...

    def begin_post(self, run_id: int, lease: str, *, now: str, articles: int, until: str | None) -> bool:
        """Just before chat.postMessage: the run becomes unsure (a post may exist from ``now`` on)."""
        ...

    def checked(self, run_id: int, lease: str) -> bool:
        """Slack was checked and holds no post of this run: it is certain again."""
        ...

    def finish(
        self,
        run_id: int,
        lease: str,
        status: str,
        *,
        now: str,
        ts: str | None = None,
        error: str | None = None,
        articles: int | None = None,
        until: str | None = None,
        unsure: bool | None = None,
    ) -> bool:
        """End a claimed run (under its lease); ``False`` when the lease was lost meanwhile."""
        ...

    def record(
        self, channel: str, period: str, status: str, *, now: str, error: str | None = None, team: str | None = None
    ) -> bool:
        """A run that never started (missed while the bot was down), so status can show it."""
        ...

    def run_for(self, channel: str, period: str, team: str | None = None) -> dict | None: ...

    def done_periods(self, channel: str, periods: list[str], team: str | None = None) -> set[str]: ...

    def abandoned(self, *, dead_before: str) -> list[dict]:
        """Runs still claimed by workers that stopped beating (their process died midway)."""
        ...

    def last_run(self, channel: str, team: str | None = None) -> dict | None: ...

    def digested_until(self, channel: str, team: str | None = None) -> str | None:
        """The ingestion time up to which the channel's articles have been in a digest of ``team``."""
        ...

    def newest_ingestion(self) -> str | None: ...

    def new_articles(self, since: str, until: str, limit: int) -> list[dict]:
        """Articles stored after ``since`` and up to ``until`` (those ``count_new`` counts), the
        latest published first (by ingestion when undated), at most ``limit``: read from an index
        on the moment stored, from ``since`` on, so the work follows the articles stored since, not
        the store.
        """
        ...

    def count_new(self, since: str, until: str) -> int:
        """Articles stored after ``since`` and up to ``until``."""
        ...


@runtime_checkable
class FeedRecords(Protocol):
    """Feeds a team follows and the entries already seen."""

    def add(self, url: str, *, added_by: str | None = None, team: str | None = None) -> bool:
        """Follow ``url``: for every workspace (``team`` None: the feed's ``shared`` is 1), or
        for ``team`` alone (a row of ``team_feeds``; a new feed's ``shared`` is 0). False when it
        was already followed (for every workspace, or by ``team``)."""
        ...

    def remove(self, url: str, *, team: str | None = None) -> bool:
        """Stop following ``url``: everywhere (``team`` None), or for ``team`` (its row of
        ``team_feeds``; a feed with ``shared`` 0 that no workspace follows any more is deleted)."""
        ...

    def all_feeds(self, *, team: str | None = None) -> list[dict]:
        """Every feed, or those ``team`` sees (``shared`` ones and its own), each with
        ``shared`` and ``entries`` (how many entries were seen)."""
        ...

    def get(self, url: str) -> dict | None: ...

    def seen(self, feed_id: int, guid: str, link: str | None) -> bool:
        """The entry was stored before: the same GUID in this feed, or the same story's canonical link
        anywhere (an entry of any feed, or an article added from that link).
        """
        ...

    def seen_by_all(self, feed_id: int, guid: str, link: str | None) -> bool:
        """:meth:`seen`, where the story stored before is everyone's (a feed for everyone: a
        story only some workspaces hold is stored again, for everyone)."""
        ...

    def seen_by(self, feed_id: int, guid: str, link: str | None, team: str) -> bool:
        """This feed had the entry before, and ``team`` can read its story."""
        ...

    def seen_here(self, feed_id: int, guid: str, link: str | None) -> bool:
        """This feed had the entry before: the same GUID, or the same canonical link."""
        ...

    def remember_many(self, feed_id: int, entries: list[tuple[str, str, int | None]]) -> None:
        """Entries seen, each as (GUID, canonical link, article id or None), in one transaction."""
        ...

    def polled(
        self,
        feed_id: int,
        *,
        status: str,
        error: str | None = None,
        validators: tuple[str | None, str | None] | None = None,
        title: str | None = None,
    ) -> None:
        """Record a poll. ``validators`` (ETag, Last-Modified) replace the stored ones, absent values
        included; None keeps them (a poll that failed, or left entries to try again).
        """
        ...


@runtime_checkable
class FollowLedger(Protocol):
    """Follows, the arrivals of articles they are matched against, and the ledger that posts
    each new article once in each channel."""

    def add(
        self,
        channel: str,
        kind: str,
        name: str,
        *,
        now: str,
        created_by: str | None = None,
        team: str | None = None,
        enterprise: str | None = None,
    ) -> bool:
        """Follow ``name`` (a company, person or topic) in ``channel`` (of the workspace ``team``,
        in the Enterprise Grid org ``enterprise``: kept in the follow) from the next article
        stored on; ``False`` when the channel already follows it.
        """
        ...

    def remove(self, channel: str, name: str, team: str | None = None) -> list[dict]:
        """Stop following ``name`` (of any kind) in ``channel``; the follows removed."""
        ...

    def of_channel(self, channel: str, team: str | None = None) -> list[dict]: ...

    def of_person(self, user: str, *, limit: int = 50, team: str | None = None) -> list[dict]:
        """What ``user`` follows: in their DM, and in the channels where they set a follow up
        (``team``: those whose ``team`` is that one)."""
        ...

    def every(self) -> list[dict]: ...

    def posts_per_follow(self) -> dict[tuple[str, str, str], int]:
        """{(channel, name_key): articles posted for it}: for listings."""
        ...

    def latest_seq(self) -> int: ...

    def progress(self) -> int | None: ...

    def advance(self, seq: int) -> None: ...

    def arrivals(self, after: int, upto: int, *, stored_since: str) -> list[dict]:
        """Articles stored after ``after`` up to ``upto`` (arrival order), stored since
        ``stored_since`` (older ones are the digest's).
        """
        ...

    def forget_arrivals(self, *, before: str) -> None:
        """Arrivals stored before ``before`` are no follow's any more: dropped."""
        ...

    def names_in(self, article_ids: list[int]) -> dict[int, list[tuple[str, str, str | None]]]:
        """{article id: [(name, type, owner)]} of the companies, products and people each names."""
        ...

    def matching_topic(self, topic: str, low: int, high: int) -> set[int]:
        """The articles with ids from ``low`` to ``high`` whose text holds every word of ``topic``."""
        ...

    def first_stated(self, a: str, b: str, kind: str) -> int | None:
        """The first article stored that states the pair (as ``relations`` stores it: ``a``, ``b``):
        that of the pair's first relation, found at the start of the pair's index, however often the
        pair is stated since.
        """
        ...

    def claim(
        self,
        plan: dict,
        *,
        worker: str,
        lease: str,
        now: str,
        size: int,
        upto: int,
        queued: bool = False,
    ) -> list[dict]:
        """For each channel of ``plan`` ({(channel, team): [(article id, names of the follows it
        matched)]}; a channel alone for no workspace), claim the articles the channel has not had
        (nor is having) for that workspace and group them in batches of at
        most ``size``; and mark the arrivals matched up to ``upto``: all in one transaction. The
        batches made, each with its ``articles``: ``worker``'s, or with ``queued`` no one's yet.
        """
        ...

    def claim_queued(self, *, worker: str, lease: str, now: str, limit: int) -> list[dict]:
        """Claim at most ``limit`` queued batches under ``lease``, skipping those another worker
        is claiming at the same moment; none when the queue is empty."""
        ...

    def take_over(self, batch: dict, *, worker: str, lease: str, now: str, dead_before: str) -> dict | None:
        """Claim an open batch again under a new ``lease``: a failed one (the caller decided it is
        due), or one whose worker stopped beating. ``None`` when it is not ours to take.
        """
        ...

    def open_batches(self, *, dead_before: str) -> list[dict]:
        """Batches to settle: failed ones, and claimed ones whose worker stopped beating."""
        ...

    def items(self, batch_id: int) -> list[tuple[int, list[str]]]:
        """(article id, names of the follows it matched) of a batch, in the order claimed."""
        ...

    def checked(self, batch_id: int, lease: str) -> bool:
        """The channel was read and holds no post of this batch: it is certain again."""
        ...

    def begin_post(self, batch_id: int, lease: str, *, now: str) -> bool:
        """Just before chat.postMessage: the batch becomes unsure. ``False``: the lease was lost."""
        ...

    def finish(
        self,
        batch_id: int,
        lease: str,
        status: str,
        *,
        now: str,
        ts: str | None = None,
        error: str | None = None,
        unsure: bool | None = None,
        posted_channel: str | None = None,
    ) -> bool:
        """End a claimed batch under its lease; ``False`` when the lease was lost meanwhile. An
        ``expired`` or ``empty`` batch hands its articles back (the digest will have them).
        """
        ...

    def batch(self, batch_id: int) -> dict | None: ...

    def had(self, channel: str, article_ids: Iterable[int], team: str | None = None) -> set[int]:
        """Which of ``article_ids`` the channel has had, or is having, by a follow or a digest of ``team``."""
        ...

    def followed_in(self, channel: str, article_ids: Iterable[int], team: str | None = None) -> set[int]:
        """Which of ``article_ids`` a follow of ``team`` has posted (or is posting) in the channel."""
        ...

    def claim_for_digest(self, channel: str, article_ids: list[int], *, now: str, team: str | None = None) -> set[int]:
        """Claim ``article_ids`` for the channel's digest; the ones a follow has (or is posting), which
        the digest leaves out.
        """
        ...


@runtime_checkable
class GraphReads(Protocol):
    """A company's pairs read as a graph (the rivalry map)."""

    def pairs_of(self, company: str, *, limit: int = 200, team: str | None = None) -> list[dict]:
        """The pairs of ``company``, both kinds, most attested first (then the most recent):
        ``company``, ``type``, ``other`` (as stored) and ``n``, how many relations state it. One row
        per pair, kept at write time (``relation_pairs``): bounded however much is stored.
        """
        ...

    def pair_support(self, a: str, b: str, kind: str, *, team: str | None = None) -> dict:
        """How many articles state that ``a`` and ``b`` compete or partner (``kind``), and the first
        and last day among them (``YYYY-MM-DD``, by publication date, else the day stored). Walks
        the pair's (a, b, type) index, either way round.
        """
        ...


@runtime_checkable
class InstallationLedger(Protocol):
    """Slack installations by OAuth (one row a workspace, or an org's org-wide one: ``team_id``
    ''), the OAuth states of installs begun, and removing a workspace. Rows have the columns of
    ``storage.installations.COLUMNS``: ``enterprise_id`` and ``team_id`` ('' when absent, the
    key), ``is_enterprise_install``, ``app_id``, ``team_name``, ``enterprise_name``, ``bot_id``,
    ``bot_user_id``, ``bot_token``, ``bot_scopes`` (comma-separated), ``bot_refresh_token``,
    ``bot_token_expires_at`` (seconds since the epoch), ``installer_user_id``, ``installed_at``.
    Tokens are secrets: never log a row."""

    def save(self, row: dict) -> None:
        """Create or replace the installation of ``row``'s (enterprise_id, team_id): an install,
        or a token rotated."""
        ...

    def find(self, *, enterprise_id: str | None, team_id: str | None) -> dict | None:
        """The installation serving a workspace: its own, else its org's org-wide one."""
        ...

    def of_team(self, team_id: str) -> dict | None:
        """A workspace's own installation, in an Enterprise Grid org or not, when only the
        workspace is known (digests and follows set up before their org was kept); never an
        org-wide one."""
        ...

    def refresh(self, row: dict, *, due: Callable[[dict], bool], rotate: Callable[[dict], dict | None]) -> dict | None:
        """The installation ``row``, its token refreshed if ``due``: under the row's lock, read
        again, ``rotate`` called only if still due and its answer saved before the lock goes
        (two processes refreshing one token at once: one refreshes, the other reads its pair)."""
        ...

    def every(self) -> list[dict]: ...

    def delete(self, *, enterprise_id: str | None, team_id: str | None) -> bool:
        """Forget an installation's tokens (nothing else of the workspace)."""
        ...

    def remove_team(self, team_id: str, *, enterprise_id: str | None = None) -> dict[str, int]:
        """Uninstalled, or its tokens revoked: the workspace's installation, subscriptions,
        follows and feeds (its rows of ``team_feeds``, and the feeds no one else follows) go, in
        one transaction, with the articles it added that no other workspace holds
        (``articles``: how many; those others hold stay theirs); how many of each went."""
        ...

    def remove_org(self, enterprise_id: str) -> dict[str, int]:
        """An org-wide install uninstalled, or its bot token revoked: the org's org-wide
        installation goes, and every workspace whose digest subscriptions or follows were set up
        under it (in the org, with no installation of its own) is removed as ``remove_team``
        removes one, all in one transaction; how many of each went (``teams``: workspaces)."""
        ...

    def org_of_unknown(self, team_id: str) -> str | None:
        """The org of a workspace whose rows were set up under an org-wide install before their
        org was kept, when it can be told (no installation of its own, exactly one org-wide
        install in the store): its rows are given it. ``None`` when it cannot be told."""
        ...

    def remove_org_teams(self, enterprise_id: str, team_ids: list[str]) -> dict[str, int]:
        """The org-wide install of ``enterprise_id`` lost access to some of its workspaces
        (``team_access_revoked``): each of ``team_ids`` known to be of that org (an installation
        of its own there, or digests or follows kept with the org) is removed as ``remove_team``
        removes one; the org's installation, and every other workspace, stay. How many of each
        went (``teams``: workspaces removed; ``unknown``: those named but not known in the org)."""
        ...

    def issue_state(self, state: str, *, expires_at: str) -> None:
        """Keep the state of an install just begun until ``expires_at`` (expired ones are dropped)."""
        ...

    def consume_state(self, state: str) -> bool:
        """Whether ``state`` was issued and has not expired; gone either way (a state is used once,
        by whichever process receives the redirect)."""
        ...


@runtime_checkable
class Notes(Protocol):
    """Short-lived values any process on the store can read: what one request leaves for the next,
    which another replica may answer (Slack events already answered, the answers behind buttons)."""

    def first(self, key: str, *, now: str, since: str) -> bool:
        """Note ``key`` at ``now``; ``True`` unless it was noted at or after ``since`` already (in
        any process: of two at once, one is first)."""
        ...

    def put(self, key: str, value: str, *, now: str) -> None: ...

    def get(self, key: str, *, since: str) -> str | None:
        """The value noted under ``key`` at or after ``since``."""
        ...

    def forget(self, *, before: str) -> None:
        """Notes older than ``before`` are dropped."""
        ...


@runtime_checkable
class NewsStore(Reads, Writes, Protocol):
    """A whole store: articles and facts, the digest ledger, the feeds, and its life."""

    digests: DigestLedger
    feeds: FeedRecords
    follows: FollowLedger
    graph: GraphReads
    installations: InstallationLedger
    notes: Notes
    shared: bool
    """Other machines' processes may serve the same app from this store (PostgreSQL): what a
    request leaves for the next must be in the store (``notes``), not in a process's memory."""
    read_only: str | None
    damage: list[str]
    unclean: bool

    @property
    def writable(self) -> bool: ...

    def require_writable(self) -> None:
        """Raise :class:`StoreDamaged` or :class:`StoreReadOnly`, saying why, unless the store can be
        written.
        """
        ...

    def check(self, *, full: bool = False) -> list[str]:
        """What is wrong in the store; empty when sound. SQLite: ``PRAGMA quick_check``, or
        ``integrity_check`` with ``full`` (slower, it also compares each index with its table);
        PostgreSQL: a schema other than this release's.
        """
        ...

    def fold_log(self) -> None:
        """For a process about to end while other threads' connections are still open: SQLite
        folds its write-ahead log into the store (so the next start does not take it for an
        unclean stop); PostgreSQL has nothing to do (the server keeps its own log).
        """
        ...

    def close_thread(self) -> None:
        """Close this thread's connection, if it has one of its own (a thread that is about to end; an
        in-memory database's one shared connection stays open).
        """
        ...

    def close(self) -> None: ...
