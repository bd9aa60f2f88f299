import json
import os
import sqlite3
from dataclasses import replace

import psycopg
import pytest

from bot.extract.model import Entity, Relation
from storage import SCHEMA_VERSION, Store, StoreError
from storage.database import _statements
from storage.queries import _reading_order
from storage.schema import MIGRATIONS
from tests.conftest import GAMING, PHONES, make_extraction, save

INTEGRITY = (sqlite3.IntegrityError, psycopg.IntegrityError)


def _json(value):
    """A JSON column as Python: SQLite gives its text, PostgreSQL's jsonb comes decoded."""
    return json.loads(value) if isinstance(value, str) else value


def test_new_database_is_at_the_current_version_in_wal_mode(tmp_path):
    store = Store(tmp_path / "new.db")
    assert store.version == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_database_from_an_older_release_is_migrated_and_its_rows_are_searchable(tmp_path):
    path = tmp_path / "old.db"
    conn = _database_at(path, 1)
    conn.execute(
        "INSERT INTO articles (source, content_hash, title, body, ingested_at)"
        " VALUES ('old.txt', 'h1', 'Old headline about Nokia', 'Nokia body text.', '2020-01-01T00:00:00Z')"
    )
    conn.close()

    store = Store(path)
    assert store.version == SCHEMA_VERSION
    assert [a["title"] for a in store.search_articles("nokia")] == ["Old headline about Nokia"]


def test_database_from_a_newer_release_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store(path).conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer newsbot"):
        Store(path)


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "twice.db"
    save(Store(path), GAMING)
    again = Store(path)
    assert again.version == SCHEMA_VERSION
    assert again.article_count() == 1


def test_same_content_is_stored_once(store):
    first = save(store, GAMING)
    second = save(store, GAMING)
    assert (first.status, second.status) == ("added", "unchanged")
    assert first.article_id == second.article_id
    assert store.stats()["articles"] == 1
    assert store.stats()["quotes"] == 1


def test_changed_source_replaces_the_old_version_and_its_facts(store):
    save(store, GAMING)
    changed = make_extraction("Sony and Microsoft part ways", ["Sony ended its deal."], source=GAMING.source)
    result = save(store, changed)
    assert result.status == "replaced"
    assert store.article_count() == 1
    assert store.stats()["quotes"] == 0
    assert store.stats()["relations"] == 0
    assert store.search_articles("partnership") == []
    assert [a["title"] for a in store.search_articles("part ways")] == ["Sony and Microsoft part ways"]


def test_a_failed_write_leaves_nothing_behind(store):
    broken = make_extraction("Broken", ["One sentence."], source="broken.txt")
    # an unknown relation kind violates a foreign key, after the article row went in
    broken.relations.append(replace(GAMING.relations[0], type="sues"))
    with pytest.raises(INTEGRITY):
        save(store, broken)
    assert store.article_count() == 0
    assert store.stats()["sentences"] == 0


def test_entities_are_shared_and_keep_what_they_learn(store):
    save(store, GAMING)
    save(store, PHONES)
    [sony] = [e for e in store.entities_by_alias("SONY CORPORATION")]
    assert sony["name"] == "Sony"
    assert [e["name"] for e in store.entities_by_alias("mr nadella")] == ["Satya Nadella"]
    assert store.products_of("Microsoft") and {p["name"] for p in store.products_of("Microsoft")} == {"Xbox", "Azure"}


def test_relations_are_found_from_either_side(news_store):
    pairs = {(r["type"], r["a"], r["b"]) for r in news_store.relations("sony")}
    assert pairs == {
        ("partners", "Microsoft", "Sony"),
        ("competes", "Microsoft", "Sony"),
        ("competes", "Google", "Sony"),
    }
    assert {r["a"] for r in news_store.relations("Apple")} == {"Apple"}


def test_reading_while_another_connection_writes(tmp_path):
    path = tmp_path / "busy.db"
    writer, reader = Store(path), Store(path)
    save(writer, GAMING)
    with writer.transaction() as conn:
        conn.execute("UPDATE articles SET title = 'changing' WHERE id = 1")
        # the write transaction is open: a reader still sees the last committed state
        assert reader.latest_articles(1)[0]["title"] == GAMING.title
    assert reader.latest_articles(1)[0]["title"] == "changing"


def test_a_file_stores_pages_are_read_through_a_memory_map(tmp_path):
    import threading

    save(Store(tmp_path / "s.db"), GAMING)
    store = Store(tmp_path / "s.db")
    other: list[int] = []
    thread = threading.Thread(target=lambda: other.append(store.conn.execute("PRAGMA mmap_size").fetchone()[0]))
    thread.start()
    thread.join()
    read_only = Store(tmp_path / "s.db", read_only=True)
    for mapped in (
        store.conn.execute("PRAGMA mmap_size").fetchone()[0],
        other[0],
        read_only.conn.execute("PRAGMA mmap_size").fetchone()[0],
    ):
        assert mapped > 0
    assert Store(":memory:").conn.execute("PRAGMA mmap_size").fetchone() is None  # nothing to map


def test_a_mapped_reader_sees_the_store_grow_and_shrink_under_it(tmp_path):
    path = tmp_path / "grows.db"
    writer, reader = Store(path), Store(path)
    save(writer, GAMING)
    assert reader.article_count() == 1
    for i in range(40):  # the file grows well past what the reader had mapped
        save(writer, replace(PHONES, title=f"{PHONES.title} {i}", body=f"{PHONES.body} {i}", source=f"phones-{i}"))
    writer.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert reader.article_count() == 41
    assert reader.search_articles("music 39", 1)[0]["title"] == f"{PHONES.title} 39"
    for article in writer.latest_articles(41):
        if article["title"] != GAMING.title:
            writer.delete_article(article["id"])
    writer.conn.execute("VACUUM")  # the file shrinks under the reader's map
    assert reader.article_count() == 1
    assert [a["title"] for a in reader.latest_articles(5)] == [GAMING.title]


HOSTILE = [
    '"',
    '"unbalanced',
    "*",
    "sony*",
    "NEAR(sony microsoft)",
    "sony AND",
    "OR",
    "NOT sony",
    "-",
    "- sony",
    "title:sony",
    "^sony",
    "(((",
    "sony)",
    "{title body}: x",
    "'; DROP TABLE articles; --",
    "\x00",
    "🎮🕹️",
    "",
    "   ",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_fts_syntax_in_user_text_is_searched_as_words(news_store, text):
    news_store.search_articles(text)
    news_store.search_quotes(text)
    news_store.count_search_articles(text)
    assert news_store.article_count() == 2


def test_fts_keywords_are_words(store):
    save(store, make_extraction("Trade AND commerce", ["NEAR is a word here."], source="kw.txt"))
    assert [a["title"] for a in store.search_articles("AND")] == ["Trade AND commerce"]
    assert [a["title"] for a in store.search_articles("NEAR(")] == ["Trade AND commerce"]


def test_search_prefers_all_words_then_falls_back_to_any(news_store):
    assert [a["title"] for a in news_store.search_articles("nokia music")] == [PHONES.title]
    assert {a["title"] for a in news_store.search_articles("nokia gaming")} == {PHONES.title, GAMING.title}


@pytest.mark.sqlite_only
def test_the_sqlite_utils_view_reads_the_same_database(news_store):
    assert news_store.db["articles"].count == 2
    assert {row["title"] for row in news_store.db["articles"].rows} == {GAMING.title, PHONES.title}


# -- what the answers read ready-made (migration 7) --------------------------------------------


def _upgrade(conn: sqlite3.Connection, version: int) -> sqlite3.Connection:
    """``conn``'s database as the release with ``version`` migrations left it."""
    done = conn.execute("PRAGMA user_version").fetchone()[0]
    for migration in MIGRATIONS[done:version]:
        for statement in _statements(migration):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn


def _database_at(path, version: int) -> sqlite3.Connection:
    """A new database at ``path`` as the release with ``version`` migrations made it."""
    return _upgrade(sqlite3.connect(path, isolation_level=None), version)


def _v6_database(path):
    """A database as release 6 left it: every migration before the seventh, and rows in it."""
    conn = _database_at(path, 6)
    for n, (a, b) in enumerate([("Microsoft", "Sony"), ("microsoft", "SONY"), ("Google", "Sony")], start=1):
        conn.execute(
            "INSERT INTO articles (id, source, content_hash, title, body, ingested_at)"
            f" VALUES ({n}, 's{n}', 'h{n}', 'Title {n}', 'Body.', '2020-01-0{n}T00:00:00Z')"
        )
        for idx, score in enumerate([0.2, 0.9, 0.5, 0.7]):
            conn.execute(
                "INSERT INTO sentences (article_id, idx, text, score) VALUES (?, ?, ?, ?)",
                (n, idx, f"Sentence {idx} of {n}.", score),
            )
        conn.execute(
            "INSERT INTO relations (article_id, type, a, b, evidence) VALUES (?, 'competes', ?, ?, ?)",
            (n, a, b, f"{a} competes with {b}."),
        )
    conn.close()


def test_migrations_7_and_8_upgrade_an_older_database_in_place(tmp_path):
    path = tmp_path / "v6.db"
    _v6_database(path)
    store = Store(path)
    assert store.version == SCHEMA_VERSION
    assert store.article_count() == 3
    # the best two sentences by score, in article order
    assert [s["idx"] for s in store.top_sentences(1, 2)] == [1, 3]
    assert [s["idx"] for s in store.top_sentences(1, 4)] == [0, 1, 2, 3]
    rows = store.relation_pairs("SONY")
    assert [(r["other"].casefold(), r["n"]) for r in rows] == [("microsoft", 2), ("google", 1)]
    assert [[e["sentence"] for e in r["evidence"]] for r in rows] == [
        ["microsoft competes with SONY.", "Microsoft competes with Sony."],  # newest first
        ["Google competes with Sony."],
    ]
    assert rows[1]["evidence"][0] | {"id": 0} == {
        "id": 0,
        "sentence": "Google competes with Sony.",
        "article_id": 3,
        "title": "Title 3",
        "url": None,
        "published": None,
    }
    assert [r["n"] for r in store.relation_pairs("Google")] == [1]
    assert "sentences_fts" not in {r["name"] for r in store.query("SELECT name FROM sqlite_schema")}


def test_pair_counts_and_article_count_follow_every_write(store):
    save(store, GAMING)
    save(store, PHONES)

    def recount():
        pairs = {}
        for r in store.query("SELECT type, a, b, id, evidence FROM relations ORDER BY id DESC"):
            for company, other in ((r["a"], r["b"]), (r["b"], r["a"])):
                key = (company.casefold(), r["type"], other.casefold())
                n, last, evidence = pairs.get(key, (0, 0, ()))
                pairs[key] = (n + 1, max(last, r["id"]), (*evidence, r["evidence"])[:3])
        return pairs

    def kept():
        rows = store.query("SELECT company, type, other, n, last_id, evidence FROM relation_pairs")
        return {
            (r["company"].casefold(), r["type"], r["other"].casefold()): (
                r["n"],
                r["last_id"],
                tuple(e["sentence"] for e in sorted(_json(r["evidence"]), key=lambda e: -e["id"])),
            )
            for r in rows
        }

    assert kept() == recount() and kept()
    assert store.article_count() == store.stats()["articles"] == 2
    # a changed article replaces its relations; a deleted one takes them away
    changed = make_extraction("Sony and Microsoft part ways", ["Sony ended its deal."], source=GAMING.source)
    save(store, changed)
    assert kept() == recount()
    assert store.article_count() == 2
    [phones] = [a for a in store.latest_articles(5) if a["title"] == PHONES.title]
    store.delete_article(phones["id"])
    assert kept() == recount() == {}
    assert store.article_count() == store.stats()["articles"] == 1


def test_names_generation_moves_only_when_names_change(store):
    save(store, GAMING)
    before = store.entity_generation()
    # the same entities again, in another article: nothing to re-read
    save(store, replace(GAMING, source="again.txt", body=GAMING.body + " More."))
    assert store.entity_generation() == before
    save(store, PHONES)  # new companies and aliases
    assert store.entity_generation() != before


def test_top_sentences_are_the_best_scored_in_article_order(news_store):
    [gaming] = [a for a in news_store.latest_articles(5) if a["title"] == GAMING.title]
    ranked = sorted(GAMING.sentences, key=lambda s: (-s.score, s.index))
    for k in (1, 2, 3, 5):
        expected = sorted(s.index for s in ranked[:k])
        assert [s["idx"] for s in news_store.top_sentences(gaming["id"], k)] == expected
    both = news_store.top_sentences_of([a["id"] for a in news_store.latest_articles(5)], 2)
    assert set(both) == {a["id"] for a in news_store.latest_articles(5)}


def test_many_articles_in_one_transaction_are_stored_as_one_by_one(tmp_path):
    one, many = Store(tmp_path / "one.db"), Store(tmp_path / "many.db")
    for ex in (GAMING, PHONES, GAMING):
        save(one, ex)
    results = many.save_articles(
        [
            (ex, {"source": ex.source, "content_hash": f"hash-{ex.source}-{len(ex.body)}"})
            for ex in (GAMING, PHONES, GAMING)
        ]
    )
    assert [r.status for r in results] == ["added", "added", "unchanged"]
    assert many.stats() == one.stats()
    assert many.article_count() == 2

    def pairs(store):
        return [
            (r["type"], r["other"], r["n"], [e["sentence"] for e in r["evidence"]])
            for r in store.relation_pairs("Sony")
        ]

    assert pairs(many) == pairs(one) and pairs(one)


def _stored(store):
    """Every row of every table but the moments of storing (a quote's ``dated`` is one when its
    article has no date, as may be the latest date so far, ``articles_upto.upto``), and every
    entry of the full-text indexes (term, row, column, place): what a store holds, to compare two."""
    conn = store.conn
    held = {}
    for (table,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'"
    ).fetchall():
        columns = [
            r[1]
            for r in conn.execute(f"PRAGMA table_info({table})")
            if r[1] not in ("ingested_at", "stored_at", "dated", "upto")
        ]
        held[table] = [tuple(r) for r in conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1")]
    for index in Store.FULL_TEXT:
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{index}_terms USING fts5vocab(main, {index}, instance)")
        held[index] = [
            tuple(r) for r in conn.execute(f"SELECT term, doc, col, offset FROM temp.{index}_terms ORDER BY 1, 2, 3, 4")
        ]
    return held


def test_a_batch_of_new_repeated_replaced_and_dated_articles_is_stored_as_one_by_one(tmp_path):
    """New articles in a row are stored together; what comes between (content stored before, a
    source stored again, a workspace's article) is stored where it stands."""
    newer_phones = replace(PHONES, body=PHONES.body + " It ships in May.")
    third = make_extraction("Acme buys Globex", ["Acme agreed to buy Globex for $2bn."], source="c")
    items = [
        (GAMING, {"source": "g", "content_hash": "g1"}),
        (PHONES, {"source": "p", "content_hash": "p1", "url": "https://example.com/p"}),
        (GAMING, {"source": "g-copy", "content_hash": "g1"}),  # stored just before: unchanged
        (GAMING, {"source": "g-copy", "content_hash": "g1", "published": "2024-05-01"}),  # dated
        (newer_phones, {"source": "p", "content_hash": "p2"}),  # the same source anew: replaced
        (third, {"source": "c", "content_hash": "c1", "team": "T1"}),  # a workspace's
        (third, {"source": "c2", "content_hash": "c2", "published": "2024-06-01"}),
        (GAMING, {"source": "g", "content_hash": "g1"}),
    ]
    one, many = Store(tmp_path / "one.db"), Store(tmp_path / "many.db")
    alone = [one.save_article(ex, **keywords) for ex, keywords in items]
    together = many.save_articles(items)
    assert [r.status for r in together] == [
        "added",
        "added",
        "unchanged",
        "unchanged",
        "replaced",
        "added",
        "added",
        "unchanged",
    ]
    assert together == alone
    assert together[3].dated and not together[2].dated
    assert _stored(many) == _stored(one)
    assert [r["id"] for r in many.search_articles("music phone")] == [together[4].article_id]


def test_a_batch_with_more_rows_than_a_statement_takes_is_stored_as_one_by_one(tmp_path):
    items = [
        (replace(ex, title=f"{ex.title} ({n})"), {"source": f"{ex.source}-{n}", "content_hash": f"{ex.source}-{n}"})
        for n in range(6)
        for ex in (GAMING, PHONES)
    ]
    one, many = Store(tmp_path / "one.db"), Store(tmp_path / "many.db")
    many.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 24)  # two sentences' rows, or three articles', a statement
    alone = [one.save_article(ex, **keywords) for ex, keywords in items]
    assert many.save_articles(items) == alone
    assert _stored(many) == _stored(one)


def test_names_repeated_across_a_batch_are_stored_as_one_by_one(tmp_path):
    """A batch reads each name once: what a later article adds to a name (a role, an
    organisation, an owner, another alias) is still stored, and what it repeats changes nothing."""
    articles = [
        make_extraction(
            f"Story {n}",
            ["Jane Roe spoke for Acme.", "Widget sold well."],
            entities=[
                Entity("Jane Roe", "person", role=role, org=org, aliases=aliases),
                Entity("Acme", "company", aliases=["Acme Corp"] if n else []),
                Entity("Widget", "product", owner=owner),
            ],
            source=f"s{n}",
        )
        for n, (role, org, aliases, owner) in enumerate(
            [
                (None, None, [], None),
                ("chief executive", None, ["Roe"], "Acme"),
                (None, "Acme", ["Roe"], None),
                ("chief executive", "Acme", ["J. Roe"], "Acme"),
                ("chair", None, [], "Globex"),
            ]
        )
    ]
    items = [(ex, {"source": ex.source, "content_hash": f"h{n}"}) for n, ex in enumerate(articles)]
    one, many = Store(tmp_path / "one.db"), Store(tmp_path / "many.db")
    alone = [one.save_article(ex, **keywords) for ex, keywords in items]
    assert many.save_articles(items) == alone
    assert _stored(many) == _stored(one)
    assert many.entity_generation() == one.entity_generation()
    person = many.conn.execute("SELECT role, org FROM entities WHERE name = 'Jane Roe'").fetchone()
    assert tuple(person) == ("chair", "Acme")


def test_a_failed_batch_stores_none_of_it(store):
    broken = make_extraction("Broken", ["One sentence."], source="broken.txt")
    broken.relations.append(replace(GAMING.relations[0], type="sues"))
    with pytest.raises(INTEGRITY):
        store.save_articles(
            [(GAMING, {"source": "g", "content_hash": "g"}), (broken, {"source": "b", "content_hash": "b"})]
        )
    assert store.article_count() == store.stats()["articles"] == 0


def test_a_pair_keeps_its_latest_three_pieces_of_evidence(store):
    ids = []
    for n in range(5):
        ex = make_extraction(
            f"Round {n}",
            [f"Sony competes with Microsoft, round {n}."],
            relations=[Relation("competes", "Sony", "Microsoft", f"Sony competes with Microsoft, round {n}.", 0)],
            source=f"round{n}.txt",
        )
        ids.append(save(store, ex).article_id)

    def evidence():
        [pair] = store.relation_pairs("microsoft")
        return pair["n"], [e["title"] for e in pair["evidence"]]

    assert evidence() == (5, ["Round 4", "Round 3", "Round 2"])
    store.delete_article(ids[4])
    assert evidence() == (4, ["Round 3", "Round 2", "Round 1"])
    store.delete_article(ids[0])
    assert evidence() == (3, ["Round 3", "Round 2", "Round 1"])


def test_a_pairs_evidence_reads_the_latest_story_first_in_its_own_order(store):
    sentences = ["Sony competes with Microsoft in games.", "Sony also competes with Microsoft in cloud."]
    older = make_extraction(
        "Older",
        ["Sony competes with Microsoft, said an older story."],
        relations=[Relation("competes", "Sony", "Microsoft", "Sony competes with Microsoft, said an older story.", 0)],
        source="older.txt",
    )
    newer = make_extraction(
        "Newer",
        sentences,
        relations=[Relation("competes", "Sony", "Microsoft", s, i) for i, s in enumerate(sentences)],
        source="newer.txt",
    )
    save(store, older)
    save(store, newer)
    [pair] = store.relation_pairs("sony")
    assert [(e["title"], e["sentence"]) for e in pair["evidence"]] == [
        ("Newer", sentences[0]),
        ("Newer", sentences[1]),
        ("Older", "Sony competes with Microsoft, said an older story."),
    ]
    [first] = store.relation_pairs("sony", evidence=1)
    assert (first["n"], [e["sentence"] for e in first["evidence"]]) == (3, sentences[:1])


# -- pairs laid out in reading order (migration 9) ----------------------------------------------


def _relation(n: int, a: str, b: str) -> object:
    return make_extraction(
        f"{a} and {b}, story {n}",
        [f"{a} competes with {b}, story {n}."],
        relations=[Relation("competes", a, b, f"{a} competes with {b}, story {n}.", 0)],
        source=f"pair{n}.txt",
    )


def test_migration_9_keeps_every_pair_of_an_older_database(tmp_path):
    path = tmp_path / "v8.db"
    _v6_database(path)
    conn = _upgrade(sqlite3.connect(path, isolation_level=None), 8)
    columns = "company, type, other, n, last_id, evidence"
    before = conn.execute(f"SELECT {columns} FROM relation_pairs ORDER BY company, other").fetchall()
    conn.close()
    assert len(before) == 4  # Sony-Microsoft (twice attested) and Sony-Google, both ways round

    store = Store(path)
    assert store.version == SCHEMA_VERSION
    after = store.conn.execute(f"SELECT {columns} FROM relation_pairs ORDER BY company, other").fetchall()
    assert [tuple(row) for row in after] == before
    # and the re-created triggers go on keeping them
    save(store, _relation(9, "Microsoft", "Sony"))
    [pair] = [p for p in store.relation_pairs("Sony") if p["other"].casefold() == "microsoft"]
    assert (pair["n"], pair["evidence"][0]["sentence"]) == (3, "Microsoft competes with Sony, story 9.")


@pytest.mark.sqlite_only
def test_a_companys_pairs_are_read_in_key_order_without_sorting(store):
    plan = store.query(
        "EXPLAIN QUERY PLAN SELECT other FROM relation_pairs WHERE company = ? AND type = 'competes'"
        " ORDER BY n DESC, last_id DESC LIMIT 6",
        ("Sony",),
    )
    assert [row["detail"] for row in plan] == ["SEARCH relation_pairs USING PRIMARY KEY (company=? AND type=?)"]


def test_a_pair_moves_up_as_it_is_attested_again(store):
    for n, (a, b) in enumerate([("Sony", "Google"), ("Sony", "Microsoft"), ("Nintendo", "Sony")]):
        save(store, _relation(n, a, b))
    assert [p["other"] for p in store.relation_pairs("sony")] == ["Nintendo", "Microsoft", "Google"]
    save(store, _relation(3, "Google", "Sony"))
    assert [(p["other"], p["n"]) for p in store.relation_pairs("sony")] == [
        ("Google", 2),
        ("Nintendo", 1),
        ("Microsoft", 1),
    ]
    [google] = [a for a in store.latest_articles(5) if a["title"] == "Google and Sony, story 3"]
    store.delete_article(google["id"])
    assert [p["other"] for p in store.relation_pairs("sony")] == ["Nintendo", "Microsoft", "Google"]


# -- citations at hand (migration 10) ------------------------------------------------------------


def _plans(store, read) -> list[str]:
    """The query plan of every statement ``read`` issues (as run, with its values)."""
    issued: list[str] = []
    store.conn.set_trace_callback(issued.append)
    try:
        read()
    finally:
        store.conn.set_trace_callback(None)
    selects = [sql for sql in issued if sql.lstrip().upper().startswith("SELECT")]
    assert selects
    return [row["detail"] for sql in selects for row in store.query(f"EXPLAIN QUERY PLAN {sql}")]


@pytest.mark.sqlite_only
def test_briefs_read_citations_from_the_index_not_the_articles_rows(news_store):
    for read in (
        lambda: news_store.search_articles("nokia"),
        lambda: news_store.articles_mentioning([1, 2]),
    ):
        plans = _plans(news_store, read)
        assert any("COVERING INDEX articles_cited" in p for p in plans), plans
        # no row of the two largest tables is read: neither an article's text nor a sentence
        assert not [p for p in plans if p.startswith("SEARCH a USING INTEGER PRIMARY KEY")], plans
        assert not [p for p in plans if " s " in f" {p} " or "sentences" in p], plans


@pytest.mark.sqlite_only
def test_quotes_are_read_whole_from_the_quotes_alone(news_store):
    for read in (
        lambda: news_store.quotes_by(speakers=["Satya Nadella"], orgs=["Microsoft"]),
        lambda: news_store.search_quotes("gaming"),
        lambda: news_store.latest_quotes(3),
        lambda: news_store.quotes_in_article(1),
    ):
        plans = _plans(news_store, read)
        assert not [p for p in plans if "articles" in p or "sentences" in p], plans
    # by speaker or organisation, from the index that holds them in that order, newest first
    plans = _plans(news_store, lambda: news_store.quotes_by(speakers=["Satya Nadella"], orgs=["Microsoft"]))
    searches = [p for p in plans if p.startswith("SEARCH")]
    assert searches == [
        "SEARCH quotes USING COVERING INDEX quotes_by_speaker (speaker=?)",
        "SEARCH quotes USING COVERING INDEX quotes_by_org (org=?)",
        "SEARCH quotes USING COVERING INDEX quotes_by_speaker (speaker=?)",
    ], plans


def test_a_quote_cites_its_article(store):
    save(store, GAMING, url="https://example.com/gaming", published="2026-11-20T10:00:00Z")
    [article] = store.latest_articles(1)
    quotes = store.quotes_in_article(article["id"])
    assert quotes and {(q["article_id"], q["title"], q["url"], q["published"]) for q in quotes} == {
        (article["id"], GAMING.title, "https://example.com/gaming", "2026-11-20T10:00:00Z")
    }


def test_migration_11_copies_each_quotes_citation_and_keeps_them_searchable(tmp_path):
    path = tmp_path / "v10.db"
    conn = _database_at(path, 10)
    conn.execute(
        "INSERT INTO articles (id, source, content_hash, title, body, url, published, ingested_at) VALUES"
        " (1, 's1', 'h1', 'Nokia speaks', 'Body.', 'https://example.com/n', '2020-01-02', '2020-01-01T00:00:00Z')"
    )
    conn.execute(
        "INSERT INTO quotes (article_id, text, sentence, speaker, org)"
        " VALUES (1, 'Phones matter', '\"Phones matter,\" said Ann.', 'Ann Lee', 'Nokia')"
    )
    conn.close()

    store = Store(path)
    assert store.version == SCHEMA_VERSION
    expected = [("Phones matter", "Nokia speaks", "https://example.com/n", "2020-01-02")]
    for rows in (store.quotes_by(speakers=["ann lee"]), store.quotes_by(orgs=["NOKIA"])):
        assert [(q["text"], q["title"], q["url"], q["published"]) for q in rows] == expected
    indexes = {row["name"] for row in store.query("SELECT name FROM sqlite_schema WHERE tbl_name = 'quotes'")}
    assert {"quotes_by_speaker", "quotes_by_org"} <= indexes and not {"quotes_speaker_id", "quotes_org_id"} & indexes
    # the full-text trigger set aside during the copy is back
    store.conn.execute("UPDATE quotes SET text = 'Tablets matter' WHERE speaker = 'Ann Lee'")
    assert (store.search_quotes("phones"), [q["text"] for q in store.search_quotes("tablets")]) == (
        [],
        ["Tablets matter"],
    )


def test_a_quote_carries_the_sentence_it_was_said_in(news_store):
    [quote] = news_store.quotes_by(speakers=[GAMING.quotes[0].speaker])
    said_in = next(s.text for s in GAMING.sentences if s.index == GAMING.quotes[0].sentence)
    assert quote["sentence"] == said_in and quote["text"] in said_in


def test_migration_10_copies_each_quotes_sentence_and_keeps_them_searchable(tmp_path):
    path = tmp_path / "v9.db"
    conn = _database_at(path, 9)
    conn.execute(
        "INSERT INTO articles (id, source, content_hash, title, body, ingested_at)"
        " VALUES (1, 's1', 'h1', 'Nokia speaks', 'Body.', '2020-01-01T00:00:00Z')"
    )
    conn.execute("INSERT INTO sentences (id, article_id, idx, text) VALUES (7, 1, 0, '\"Phones matter,\" said Ann.')")
    conn.execute(
        "INSERT INTO quotes (article_id, sentence_id, text, speaker) VALUES (1, 7, 'Phones matter', 'Ann Lee')"
    )
    conn.close()

    store = Store(path)
    assert store.version == SCHEMA_VERSION
    [quote] = store.quotes_by(speakers=["ann lee"])
    assert (quote["sentence"], quote["title"]) == ('"Phones matter," said Ann.', "Nokia speaks")
    assert [q["text"] for q in store.search_quotes("phones")] == ["Phones matter"]
    # the full-text trigger set aside during the copy is back: a changed quote is found by its new words
    store.conn.execute("UPDATE quotes SET text = 'Tablets matter' WHERE speaker = 'Ann Lee'")
    assert (store.search_quotes("phones"), [q["text"] for q in store.search_quotes("tablets")]) == (
        [],
        ["Tablets matter"],
    )


# -- search indexes merged after a bulk load --------------------------------------------------


def _segments(store, table: str) -> int:
    return store.conn.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0]


@pytest.mark.sqlite_only
def test_merging_the_search_indexes_leaves_one_segment_and_the_same_answers(store):
    for n in range(12):
        save(store, _relation(n, "Sony", f"Rival{n}"))
    before = [r["id"] for r in store.search_articles("sony competes", 20)]
    assert _segments(store, "articles_fts") > 1  # one a transaction, merged only in groups
    store.optimize_search()
    assert _segments(store, "articles_fts") == 1
    assert _segments(store, "quotes_fts") <= 1  # (no quotes here: no segment)
    assert [r["id"] for r in store.search_articles("sony competes", 20)] == before
    assert store.count_search_articles("sony") == 12


def test_a_loads_merging_follows_the_load_not_the_whole_index(tmp_path, monkeypatch):
    import random

    monkeypatch.setattr(Store, "MERGE_STEP", 8)  # a small store, and small steps, as a large one has
    monkeypatch.setattr(Store, "MERGE_PAGES", 2)
    rng = random.Random(3)
    words = [f"w{i}x" for i in range(3000)]
    store = Store(tmp_path / "m.db")
    stored = []

    def load(count: int) -> None:
        first = len(stored)
        store.save_articles(
            (
                make_extraction(f"Story {n}", [" ".join(rng.choices(words, k=20)) + " everyone." for _ in range(15)]),
                {
                    "source": f"s{n}.txt",
                    "content_hash": f"h{n}",
                },
            )
            for n in range(first, first + count)
        )
        stored.extend(range(first, first + count))

    for _ in range(8):
        load(40)
    before = store.conn.total_changes
    store.optimize_search()
    whole = store.conn.total_changes - before  # rows of the index written and removed by a rewrite
    for _ in range(16):
        for _ in range(3):  # three transactions: three new segments
            load(2)
        before = store.conn.total_changes
        store.merge_search(6)
        assert store.conn.total_changes - before < whole / 4
        assert _segments(store, "articles_fts") <= 8
    assert store.count_search_articles("everyone", cap=10_000) == len(stored) == 416


# -- a pair's lead (migration 12) -------------------------------------------------------------


def _leads_follow_the_evidence(store) -> list[tuple]:
    rows = [tuple(r.values()) for r in store.query("SELECT company, other, lead, evidence FROM relation_pairs")]
    for company, other, lead, evidence in rows:
        assert _json(lead) == _reading_order(_json(evidence))[0], (company, other)
    return rows


def test_a_pairs_lead_is_the_first_of_its_evidence_through_saves_and_deletes(store):
    ids = [save(store, _relation(n, *pair)).article_id for n, pair in enumerate([("Sony", "Google")] * 4)]
    two = make_extraction(
        "Two at once",
        ["Google competes with Sony in games.", "Sony competes with Google in clouds."],
        relations=[
            Relation("competes", "Google", "Sony", "Google competes with Sony in games.", 0),
            Relation("competes", "Sony", "Google", "Sony competes with Google in clouds.", 1),
        ],
        source="two.txt",
    )
    ids.append(save(store, two).article_id)
    assert len(_leads_follow_the_evidence(store)) == 2  # Sony-Google, both ways round
    [pair] = store.relation_pairs("sony", evidence=1)
    assert pair["evidence"][0]["sentence"] == "Google competes with Sony in games."
    for article_id in (ids[-1], ids[0]):
        store.delete_article(article_id)
        _leads_follow_the_evidence(store)
    [pair] = store.relation_pairs("google", evidence=1)
    assert (pair["n"], pair["evidence"][0]["sentence"]) == (3, "Sony competes with Google, story 3.")


def test_migration_12_gives_the_pairs_of_an_older_database_their_lead(tmp_path):
    path = tmp_path / "v11.db"
    _v6_database(path)
    conn = _upgrade(sqlite3.connect(path, isolation_level=None), 11)
    pairs = conn.execute("SELECT company, other, evidence FROM relation_pairs ORDER BY company, other").fetchall()
    conn.close()
    store = Store(path)
    assert store.version == SCHEMA_VERSION >= 12
    rows = _leads_follow_the_evidence(store)
    assert sorted((c, o, e) for c, o, _lead, e in rows) == sorted(pairs) and len(pairs) == 4


# -- opening: read-only stores, unclean stops ------------------------------------------------


def test_a_store_opened_read_only_answers_and_refuses_every_write(tmp_path):
    from storage import StoreReadOnly

    save(Store(tmp_path / "s.db"), GAMING)
    store = Store(tmp_path / "s.db", read_only=True)
    assert store.latest_articles(1)[0]["title"] == GAMING.title
    assert not store.writable
    with pytest.raises(StoreReadOnly, match=r"cannot write to .*s\.db: it was opened read-only"):
        save(store, PHONES)
    with pytest.raises(StoreReadOnly):
        store.delete_article(1)
    assert Store(tmp_path / "s.db").article_count() == 1


def test_a_store_opened_read_only_must_exist(tmp_path):
    with pytest.raises(StoreError, match="there is no store at"):
        Store(tmp_path / "none.db", read_only=True)
    assert not (tmp_path / "none.db").exists()


def _writer(path, *, then: str):
    """A process that opens the store, writes to it, and then ``then`` ("wait": holds it open
    until told; "die": is killed before it closes it)."""
    import subprocess
    import sys

    code = (
        "import os, signal, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute(\"INSERT INTO digest_workers (worker, beat_at) VALUES ('w', 'now')\")\n"
        "print('written', flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL) if sys.argv[2] == 'die' else sys.stdin.read()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(path), then], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline() == "written\n"
    return proc


def test_a_store_left_by_a_killed_writer_is_checked_when_next_opened(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    _writer(path, then="die").wait(timeout=60)
    store = Store(path)
    assert store.unclean and store.damage == [] and store.writable
    save(store, GAMING)
    store.close()
    assert not (tmp_path / "s.db-wal").exists()
    assert not Store(path).unclean  # closed cleanly this time


def test_a_store_another_process_has_open_is_not_taken_for_an_unclean_stop(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    holder = _writer(path, then="wait")
    try:
        assert (tmp_path / "s.db-wal").stat().st_size > 0  # its log is there, and live
        store = Store(path)
        assert not store.unclean
        store.close()
    finally:
        holder.kill()
        holder.wait(timeout=60)
    assert Store(path).unclean  # now nobody holds it: the log was left by a process that died


# -- transactions nest ---------------------------------------------------------------------------


def _feed_urls(store: Store) -> set[str]:
    return {row["url"] for row in store.query("SELECT url FROM feeds")}


def _add_feed(store, url: str) -> None:
    store.feeds.add(url)  # a transaction of its own, nested in the test's


def _in_transaction(store) -> bool:
    conn = store.conn
    if isinstance(conn, sqlite3.Connection):
        return conn.in_transaction
    return conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE


def test_a_nested_transaction_that_fails_undoes_only_its_own_work(store):
    with store.transaction():
        _add_feed(store, "https://a.example/feed")
        with pytest.raises(ZeroDivisionError), store.transaction():
            _add_feed(store, "https://b.example/feed")
            1 / 0  # noqa: B018
        _add_feed(store, "https://c.example/feed")
    assert _feed_urls(store) == {"https://a.example/feed", "https://c.example/feed"}
    assert not _in_transaction(store)


def test_a_nested_transaction_is_kept_with_the_outer_one_and_undone_with_it(store):
    with store.transaction():
        _add_feed(store, "https://a.example/feed")
        with store.transaction():
            _add_feed(store, "https://b.example/feed")
    assert _feed_urls(store) == {"https://a.example/feed", "https://b.example/feed"}
    with pytest.raises(ZeroDivisionError), store.transaction():
        _add_feed(store, "https://c.example/feed")
        with store.transaction():
            _add_feed(store, "https://d.example/feed")
        1 / 0  # noqa: B018
    assert _feed_urls(store) == {"https://a.example/feed", "https://b.example/feed"}
    assert not _in_transaction(store)


def test_migrations_are_literal_sql_files_numbered_in_order():
    from importlib import resources

    names = sorted(
        p.name for p in resources.files("storage").joinpath("migrations").iterdir() if p.name.endswith(".sql")
    )
    assert len(names) == len(MIGRATIONS) == SCHEMA_VERSION
    assert [name[:4] for name in names] == [f"{n:04d}" for n in range(1, len(names) + 1)]


# -- relation kinds as data; a directed kind keeps its direction (migration 13) ------------------


def _deal(source: str, buyer: str, target: str, sentence: str):
    return make_extraction(
        f"{buyer} buys {target}",
        [sentence],
        relations=[Relation("acquires", buyer, target, sentence, 0)],
        source=source,
    )


def test_an_acquisition_is_kept_with_its_direction(store):
    save(store, _deal("a.txt", "Microsoft", "Activision", "Microsoft completed its purchase of Activision."))
    save(store, _deal("b.txt", "Microsoft", "Activision", "Microsoft closed the Activision deal."))
    bought = store.relation_pairs("microsoft", kinds=("acquires", "~acquires"))
    assert [(r["type"], r["other"], r["n"]) for r in bought] == [("acquires", "Activision", 2)]
    assert [e["sentence"] for e in bought[0]["evidence"]] == [
        "Microsoft closed the Activision deal.",
        "Microsoft completed its purchase of Activision.",
    ]
    by = store.relation_pairs("Activision", kinds=("acquires", "~acquires"))
    assert [(r["type"], r["other"], r["n"]) for r in by] == [("~acquires", "Microsoft", 2)]
    assert by[0]["evidence"] == bought[0]["evidence"]
    # the undirected kinds read as before, and see nothing of it
    assert store.relation_pairs("Microsoft") == []
    # counted by side, in the order asked
    sides = ("competes", "partners", "acquires", "~acquires")
    assert store.count_pairs("Microsoft", kinds=sides) == (0, 0, 1, 0)
    assert store.count_pairs("Activision", kinds=sides) == (0, 0, 0, 1)
    assert store.count_pairs("Activision") == (0, 0)


def test_a_directed_pair_goes_with_its_last_relation(store):
    first = save(store, _deal("a.txt", "Microsoft", "Activision", "Microsoft bought Activision."))
    save(store, _deal("b.txt", "Activision", "Microsoft", "Activision bought Microsoft, said no one."))
    assert [(r["type"], r["other"]) for r in store.relation_pairs("Activision", kinds=("acquires", "~acquires"))] == [
        ("acquires", "Microsoft"),
        ("~acquires", "Microsoft"),
    ]
    store.delete_article(first.article_id)
    assert [(r["type"], r["other"]) for r in store.relation_pairs("Activision", kinds=("acquires", "~acquires"))] == [
        ("acquires", "Microsoft")
    ]
    assert [(r["type"], r["other"]) for r in store.relation_pairs("Microsoft", kinds=("acquires", "~acquires"))] == [
        ("~acquires", "Activision")
    ]


def test_a_kind_the_store_lacks_is_added_when_it_opens(tmp_path):
    path = tmp_path / "kinds.db"
    Store(path).conn.execute("DELETE FROM relation_kinds WHERE name = 'acquires'")
    store = Store(path)
    assert {r["name"]: r["directed"] for r in store.query("SELECT * FROM relation_kinds")} == {
        "competes": 0,
        "partners": 0,
        "acquires": 1,
    }
    save(store, _deal("a.txt", "Microsoft", "Activision", "Microsoft bought Activision."))
    assert store.relation_pairs("Activision", kinds=("~acquires",))[0]["other"] == "Microsoft"


def test_close_closes_every_thread_s_connection_and_an_ended_thread_s_goes_when_another_connects(tmp_path):
    """A stopping bot closes the store once its threads are done: each of their connections is
    closed (SQLite's files are left by all), not only the closing thread's; a thread that ended
    has its connection closed when the next thread connects."""
    import sqlite3
    import threading

    store = Store(tmp_path / "threads.db")
    made = []

    def connect():
        made.append(store.conn)
        made[-1].execute("SELECT 1")

    first = threading.Thread(target=connect)
    first.start()
    first.join()
    made[0].execute("SELECT 1")  # open after its thread ended
    second = threading.Thread(target=connect)
    second.start()
    second.join()
    with pytest.raises(sqlite3.ProgrammingError):
        made[0].execute("SELECT 1")  # closed when the second thread connected
    made[1].execute("SELECT 1")
    mine = store.conn
    store.close()
    for conn in (made[1], mine):
        with pytest.raises(sqlite3.ProgrammingError):
            conn.execute("SELECT 1")


def _in_the_file_alone(path, tmp_path) -> int:
    """How many articles the store's file holds without its write-ahead log (what was folded in)."""
    copy = tmp_path / "file-alone.db"
    copy.write_bytes(path.read_bytes())
    conn = sqlite3.connect(copy)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def test_a_bulk_loads_log_is_folded_into_the_store_at_its_end_not_after_each_transaction(tmp_path):
    path = tmp_path / "bulk.db"
    store = Store(path)
    store.conn.execute("PRAGMA wal_autocheckpoint = 10")  # an article's pages are more than ten
    save(store, make_extraction("Before the load", ["Acme opened a plant."], source="before.txt"))
    assert _in_the_file_alone(path, tmp_path) == 1  # folded in at its commit

    with store.bulk_load():
        for n in range(3):
            save(store, make_extraction(f"Loaded {n}", [f"Acme opened plant {n}."], source=f"load{n}.txt"))
        assert _in_the_file_alone(path, tmp_path) == 1  # in the log only, each transaction's pages
        assert store.count_search_articles("plant") == 4  # and read from there
    assert _in_the_file_alone(path, tmp_path) == 4  # folded in once, at the end
    assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 10  # as it was

    save(store, make_extraction("After the load", ["Acme closed a plant."], source="after.txt"))
    assert _in_the_file_alone(path, tmp_path) == 5


def _written() -> int:
    """Bytes this process has handed to write() so far (Linux)."""
    with open("/proc/self/io") as io:
        return next(int(line.split()[1]) for line in io if line.startswith("wchar"))


@pytest.mark.skipif(not os.path.exists("/proc/self/io"), reason="counts bytes written from /proc/self/io")
def test_a_bulk_load_writes_each_page_a_transaction_changes_to_the_log_once(tmp_path):
    path = tmp_path / "bulk.db"
    store = Store(path)
    store.conn.execute("PRAGMA cache_size = 5")  # far fewer pages than one transaction changes
    articles = [
        (
            make_extraction(f"Acme opens plant {n}", [f"Acme opened plant {n} in town {n * 7919 % 1000}."] * 6),
            {"source": f"load{n}.txt", "content_hash": f"hash-{n}"},
        )
        for n in range(300)
    ]
    with store.bulk_load():
        before = _written()
        store.save_articles(articles)
        written = _written() - before
        logged = path.with_name("bulk.db-wal").stat().st_size
    assert store.conn.execute("PRAGMA cache_size").fetchone()[0] == 5  # as it was
    # every page the transaction changed went to the log once: no page spilled to it midway and
    # written there again when changed again
    assert written <= logged + 64 * 1024
    assert store.article_count() == 300


def test_a_bulk_load_into_a_memory_store_or_a_read_only_one_changes_nothing(tmp_path):
    memory = Store(":memory:")
    with memory.bulk_load():
        save(memory, make_extraction("In memory", ["Acme opened a plant."], source="m.txt"))
    assert memory.article_count() == 1
    path = tmp_path / "ro.db"
    Store(path).close()
    reader = Store(path, read_only=True)
    with reader.bulk_load():
        assert reader.article_count() == 0
