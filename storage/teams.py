"""The articles a workspace added (issue 22), as both stores keep them: who holds which article
and which name, what a workspace may not see, and its pairs and names counted without what it
may not see. SQL written with ``?``; the PostgreSQL store passes ``ph="%s"``.

An article is every workspace's unless it has rows in ``article_teams``: then it is theirs
alone. The same content added by two workspaces is one article with two rows; stored by the
operator (``team=None``) it becomes everyone's. A name (``entities``) first read in a
workspace's article is that workspace's (``entity_teams``) until an article of everyone's names
it. What a workspace may not see is what other workspaces hold and it does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.extract.kinds import BY_NAME

HIDDEN_ARTICLES = (
    "(SELECT article_id FROM article_teams WHERE team <> ? EXCEPT SELECT article_id FROM article_teams WHERE team = ?)"
)
HIDDEN_ENTITIES = (
    "(SELECT entity_id FROM entity_teams WHERE team <> ? EXCEPT SELECT entity_id FROM entity_teams WHERE team = ?)"
)


def sql(text: str, ph: str) -> str:
    return text if ph == "?" else text.replace("?", ph)


def hidden(team: str | None, column: str, *, entities: bool = False, ph: str = "?") -> tuple[str, list]:
    """``AND column NOT IN (what team may not see)`` and its parameters; nothing for ``None``."""
    if team is None:
        return "", []
    return sql(f" AND {column} NOT IN {HIDDEN_ENTITIES if entities else HIDDEN_ARTICLES}", ph), [team, team]


def _rows(conn, text: str, params: Iterable[Any], ph: str) -> list:
    return conn.execute(sql(text, ph), list(params)).fetchall()


def hidden_count(conn, team: str, ph: str = "?") -> int:
    """How many articles ``team`` may not see."""
    return _rows(conn, f"SELECT count(*) AS n FROM {HIDDEN_ARTICLES} AS h", (team, team), ph)[0]["n"]


# -- writes ---------------------------------------------------------------------------------


def holders_of(conn, article_ids: list[int], ph: str = "?") -> dict[int, set[str]]:
    """``{article id: the workspaces that hold it}`` for those of ``article_ids`` some hold."""
    found: dict[int, set[str]] = {}
    for start in range(0, len(article_ids), 500):
        part = list(article_ids[start : start + 500])
        marks = ",".join("?" * len(part))
        for r in _rows(conn, f"SELECT article_id, team FROM article_teams WHERE article_id IN ({marks})", part, ph):
            found.setdefault(r["article_id"], set()).add(r["team"])
    return found


def hidden_new(conn, team: str, since: str, until: str, ph: str = "?") -> int:
    """How many articles stored after ``since`` and up to ``until`` ``team`` may not see."""
    return _rows(
        conn,
        f"SELECT count(*) AS n FROM articles WHERE id IN {HIDDEN_ARTICLES} AND ingested_at > ? AND ingested_at <= ?",
        (team, team, since, until),
        ph,
    )[0]["n"]


def holders(conn, article_id: int, ph: str = "?") -> set[str]:
    """The workspaces that hold an article (none: it is everyone's)."""
    return {r["team"] for r in _rows(conn, "SELECT team FROM article_teams WHERE article_id = ?", (article_id,), ph)}


def _entity_ids(conn, ex, ph: str) -> list[int]:
    found = []
    for key in dict.fromkeys((e.name, e.type) for e in ex.entities):
        row = _rows(conn, "SELECT id FROM entities WHERE name = ? AND type = ?", key, ph)
        if row:
            found.append(row[0]["id"])
    return found


def _hold_if_held(conn, team: str, entity_id: int, ph: str) -> None:
    """A name some workspaces hold is held by ``team`` too (one nobody holds is everyone's)."""
    if _rows(conn, "SELECT team FROM entity_teams WHERE entity_id = ? LIMIT 1", (entity_id,), ph):
        _rows(
            conn,
            "INSERT INTO entity_teams (team, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING team",
            (team, entity_id),
            ph,
        )


def share_with(conn, ex, article_id: int, team: str, ph: str = "?") -> bool:
    """``team`` stored content already stored: it sees it from now on, with the names read in it
    that are some workspace's. True when it could not see it before."""
    held = holders(conn, article_id, ph)
    if not held or team in held:
        return False
    _rows(conn, "INSERT INTO article_teams (team, article_id) VALUES (?, ?) RETURNING team", (team, article_id), ph)
    for entity_id in _entity_ids(conn, ex, ph):
        _hold_if_held(conn, team, entity_id, ph)
    return True


def make_common(conn, ex, article_id: int, ph: str = "?") -> bool:
    """The operator stored content a workspace holds: it is everyone's now, with its names."""
    if not holders(conn, article_id, ph):
        return False
    _rows(conn, "DELETE FROM article_teams WHERE article_id = ? RETURNING team", (article_id,), ph)
    for entity_id in _entity_ids(conn, ex, ph):
        _rows(conn, "DELETE FROM entity_teams WHERE entity_id = ? RETURNING team", (entity_id,), ph)
    return True


def names_common(conn, entity_ids: Iterable[int], ph: str = "?") -> None:
    """An article of everyone's names these: everyone may see them now."""
    ids = sorted(set(entity_ids))
    if ids:
        marks = ",".join("?" * len(ids))
        _rows(conn, f"DELETE FROM entity_teams WHERE entity_id IN ({marks}) RETURNING team", ids, ph)


def own(conn, article_id: int, team: str, ph: str = "?") -> None:
    _rows(conn, "INSERT INTO article_teams (team, article_id) VALUES (?, ?) RETURNING team", (team, article_id), ph)


def team_entities(conn, ex, team: str, ph: str = "?") -> dict[str, int]:
    """The names of a workspace's article: a name nobody had is created as ``team``'s, with its
    aliases; a known one is left as it is (what the article says of it, its role or a new alias,
    would be read in every workspace that sees the name), and one some workspaces hold is held by
    ``team`` too. ``{name: id}``, as the stores' own upserts give."""
    merged: dict[tuple[str, str], list] = {}
    aliases: dict[tuple[str, str], set[str]] = {}
    for e in ex.entities:
        known = merged.setdefault((e.name, e.type), [None, None, None])
        for i, value in enumerate((e.owner, e.role, e.org)):
            if value is not None:
                known[i] = value
        aliases.setdefault((e.name, e.type), set()).update(a.casefold() for a in {e.name, *e.aliases} if a.strip())
    by_key: dict[tuple[str, str], int] = {}
    for key, (owner, role, org) in merged.items():
        row = _rows(conn, "SELECT id FROM entities WHERE name = ? AND type = ?", key, ph)
        if row:
            entity_id = row[0]["id"]
            _hold_if_held(conn, team, entity_id, ph)
        else:
            entity_id = _rows(
                conn,
                "INSERT INTO entities (name, type, owner, role, org) VALUES (?, ?, ?, ?, ?) RETURNING id",
                (*key, owner, role, org),
                ph,
            )[0]["id"]
            _rows(
                conn, "INSERT INTO entity_teams (team, entity_id) VALUES (?, ?) RETURNING team", (team, entity_id), ph
            )
            for alias in sorted(aliases[key]):
                _rows(
                    conn,
                    "INSERT INTO aliases (alias, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING alias",
                    (alias, entity_id),
                    ph,
                )
        by_key[key] = entity_id
    ids: dict[str, int] = {}
    for e in ex.entities:
        ids.setdefault(e.name, by_key[(e.name, e.type)])
    return ids


def forget(conn, team: str, ph: str = "?") -> tuple[list[int], list[int]]:
    """A workspace removed: its rows go; the articles and names no one else holds are returned,
    for the store to delete (the articles first: their facts go with them)."""
    articles = [
        r["article_id"]
        for r in _rows(
            conn,
            "SELECT article_id FROM article_teams WHERE team = ?"
            " EXCEPT SELECT article_id FROM article_teams WHERE team <> ?",
            (team, team),
            ph,
        )
    ]
    entities = [
        r["entity_id"]
        for r in _rows(
            conn,
            "SELECT entity_id FROM entity_teams WHERE team = ?"
            " EXCEPT SELECT entity_id FROM entity_teams WHERE team <> ?",
            (team, team),
            ph,
        )
    ]
    _rows(conn, "DELETE FROM article_teams WHERE team = ? RETURNING team", (team,), ph)
    _rows(conn, "DELETE FROM entity_teams WHERE team = ? RETURNING team", (team,), ph)
    return sorted(articles), sorted(entities)


# -- reads: what is kept counted for everyone, counted again without what a workspace may not see --


def hidden_mentions(conn, team: str, type: str, ph: str = "?") -> dict[int, tuple[int, int]]:
    """``{entity id: (articles counted for it, of them those team may not see)}`` for the
    entities of ``type`` that articles ``team`` may not see mention."""
    rows = _rows(
        conn,
        "SELECT e.id AS id, e.articles AS articles, count(DISTINCT m.article_id) AS unseen FROM mentions m"
        f" JOIN entities e ON e.id = m.entity_id WHERE m.article_id IN {HIDDEN_ARTICLES} AND e.type = ?"
        " GROUP BY e.id, e.articles",
        (team, team, type),
        ph,
    )
    return {r["id"]: (r["articles"], r["unseen"]) for r in rows}


def pairs_from(
    relations: list[dict], company: str, kinds: Iterable[str], evidence: int, *, fields: bool = True
) -> list[dict]:
    """Pairs of ``company`` as ``relation_pairs`` keeps them (its triggers: migrations 7 to 13),
    counted from ``relations`` (those a workspace may see, naming ``company``, latest first):
    ``type``, ``company``, ``other``, ``n``, ``last_id`` and ``evidence`` (the latest three)."""
    key = company.casefold()
    pairs: dict[tuple[str, str], dict] = {}
    for r in relations:
        sides = []
        kind = BY_NAME.get(r["type"])
        if kind is not None and kind.directed:
            if r["a"].casefold() == r["b"].casefold():
                continue
            if r["a"].casefold() == key:
                sides.append((r["type"], r["a"], r["b"]))
            if r["b"].casefold() == key:
                sides.append(("~" + r["type"], r["b"], r["a"]))
        else:
            if r["a"].casefold() == key:
                sides.append((r["type"], r["a"], r["b"]))
            if r["b"].casefold() == key and r["a"].casefold() != key:
                sides.append((r["type"], r["b"], r["a"]))
        for type_, name, other in sides:
            pair = pairs.setdefault(
                (type_, other.casefold()),
                {"type": type_, "company": name, "other": other, "n": 0, "last_id": 0, "evidence": []},
            )
            pair["n"] += 1
            pair["last_id"] = max(pair["last_id"], r["id"])
            if not fields:
                continue
            pair["evidence"].append(
                {
                    "id": r["id"],
                    "sentence": r["evidence"],
                    "article_id": r["article_id"],
                    "title": r["title"],
                    "url": r["url"],
                    "published": r["published"],
                }
            )
    wanted = kinds if isinstance(kinds, _AllKinds) else list(kinds)
    out = []
    for pair in pairs.values():
        if pair["type"] not in wanted:
            continue
        latest = sorted(pair["evidence"], key=lambda item: -item["id"])[:3]
        pair["evidence"] = sorted(latest, key=lambda item: (-item["article_id"], item["id"]))[:evidence]
        out.append(pair)
    out.sort(key=lambda p: (wanted.index(p["type"]), -p["n"], -p["last_id"]))
    return out


def affected(hidden_relations: list[dict], company: str) -> dict[tuple[str, str], int]:
    """The pairs of ``company`` (``type``, the other side casefolded) that relations a workspace
    may not see attest, and how many of them: the only pairs it must count again."""
    return {
        (p["type"], p["other"].casefold()): p["n"]
        for p in pairs_from(hidden_relations, company, _ALL_KINDS, 0, fields=False)
    }


def recount(kept: dict, latest_seen: list[dict], company: str, unseen: int) -> dict | None:
    """A kept pair less the ``unseen`` relations of it a workspace may not see, its evidence and
    latest relation read again from ``latest_seen`` (the latest few it sees, each way round)."""
    found = [
        p
        for p in pairs_from(latest_seen, company, [kept["type"]], 3)
        if p["other"].casefold() == kept["other"].casefold()
    ]
    n = kept["n"] - unseen
    if not found or n <= 0:
        return None
    return {**found[0], "company": kept["company"], "other": kept["other"], "n": n}


class _AllKinds:
    def __contains__(self, kind: object) -> bool:
        return True

    def index(self, kind: str) -> int:
        return 0


_ALL_KINDS = _AllKinds()


def corrected(
    kept: list[dict], recounted: list[dict], skip: set[tuple[str, str]], kinds: list[str], limit: int, evidence: int
) -> list[dict]:
    """The pairs as kept (``relation_pairs`` rows, with ``last_id`` and decoded ``evidence``),
    those ``skip`` names replaced by their pairs counted again (``recounted``, from
    :func:`pairs_from`), at most ``limit`` of each kind, most attested first."""
    rows = [r for r in kept if (r["type"], r["other"].casefold()) not in skip] + [r for r in recounted if r["n"] > 0]
    for r in rows:
        latest = sorted(r["evidence"] or [], key=lambda item: -item["id"])[:3]
        r["evidence"] = sorted(latest, key=lambda item: (-item["article_id"], item["id"]))[:evidence]
    rows.sort(key=lambda r: (kinds.index(r["type"]), -r["n"], -r["last_id"]))
    return top_pairs(rows, limit)


def top_pairs(pairs: list[dict], limit: int) -> list[dict]:
    """At most ``limit`` pairs of each kind, in the order given."""
    taken: dict[str, int] = {}
    out = []
    for pair in pairs:
        if taken.get(pair["type"], 0) < limit:
            taken[pair["type"]] = taken.get(pair["type"], 0) + 1
            out.append(pair)
    return out


# -- a store as one workspace reads it ----------------------------------------------------------

# the reads that take ``team`` (``storage.interface.Reads`` and ``GraphReads``); a read not named
# here is one that shows nothing of an article (the names' generation, the alias keys, which the
# answers' names index filters with ``hidden_entities``)
SCOPED_READS = frozenset(
    {
        "article_count",
        "latest_articles",
        "count_articles",
        "search_articles",
        "find_articles",
        "count_search_articles",
        "articles_mentioning",
        "find_mentioning",
        "stored_at",
        "get_article",
        "top_sentences",
        "top_sentences_of",
        "entities_by_alias",
        "entities_by_id",
        "known_entities",
        "count_entities",
        "products_of",
        "people",
        "quotes_by",
        "count_quotes_by",
        "latest_quotes",
        "search_quotes",
        "find_quotes",
        "quotes_in_article",
        "relations",
        "relation_pairs",
        "relations_within",
        "count_pairs",
        "relations_in_article",
    }
)
SCOPED_GRAPH = frozenset({"pairs_of", "pair_support"})


class _Scoped:
    def __init__(self, target, team: str, names: frozenset[str]):
        self._target, self._team, self._names = target, team, names

    def __getattr__(self, name: str):
        value = getattr(self._target, name)
        if name in self._names:

            def scoped(*args, **kwargs):
                return value(*args, team=self._team, **kwargs)

            return scoped
        return value


class TeamReads(_Scoped):
    """A store as the workspace ``team`` reads it: every read of articles and their facts
    given ``team`` (the rest, the ledgers and the store's life, as they are)."""

    def __init__(self, store, team: str):
        super().__init__(store, team, SCOPED_READS)
        self.team = team
        self.graph = _Scoped(store.graph, team, SCOPED_GRAPH)
        self.digests = _TeamDigests(store, team)


class _TeamDigests:
    """The digest ledger, its new articles as the workspace ``team`` may see them."""

    def __init__(self, store, team: str):
        self._store, self._team = store, team

    def __getattr__(self, name: str):
        return getattr(self._store.digests, name)

    def new_articles(self, since: str, until: str, limit: int) -> list[dict]:
        unseen = self._store.hidden_new(self._team, since, until)
        rows = self._store.digests.new_articles(since, until, limit + unseen)
        if unseen:
            seen = self._store.stored_at([r["id"] for r in rows], team=self._team)
            rows = [r for r in rows if r["id"] in seen]
        return rows[:limit]

    def count_new(self, since: str, until: str) -> int:
        return self._store.digests.count_new(since, until) - self._store.hidden_new(self._team, since, until)


def feed_teams(conn, feed_id: int, ph: str = "?") -> list[str]:
    """The workspaces that follow a feed of their own (``team_feeds``)."""
    return sorted(r["team"] for r in _rows(conn, "SELECT team FROM team_feeds WHERE feed_id = ?", (feed_id,), ph))


class Holders:
    """A store that stores each article for ``teams`` (a workspace's page, or the articles of
    a feed only some workspaces follow): the first workspace's save stores it, the others'
    share it. Everything else as the store has it."""

    def __init__(self, store, teams: list[str]):
        if not teams:
            raise ValueError("an article of workspaces needs one")
        self._store, self.teams = store, list(teams)

    def __getattr__(self, name: str):
        return getattr(self._store, name)

    def save_article(self, ex, **keywords):
        first, *others = self.teams
        result = self._store.save_article(ex, team=first, **keywords)
        for team in others:
            self._store.save_article(ex, team=team, **keywords)
        return result

    def save_articles(self, items):
        return [self.save_article(ex, **keywords) for ex, keywords in items]
