"""What a digest holds, as posted (within Slack's limits) and as ``newsbot digest --print`` shows it."""

from datetime import timedelta

from bot.cli import main
from bot.digest import content
from bot.extract.model import Entity, Quote, Relation
from storage import open_store
from tests.conftest import GAMING, make_extraction, save
from tests.digest.conftest import CHANNEL, digest_posts, make_scheduler, periods, subscribe, utc

FIRE = utc(2026, 6, 1, 7, 0)


def many(store, n, *, long=False, prefix="Story"):
    for i in range(n):
        words = "word " * (400 if long else 5)
        title = f"{prefix} {i} " + ("with a very long headline " * 20 if long else "")
        sentences = [f"First sentence {i} {words}.", f"Second sentence {i} {words}.", f"Third sentence {i}."]
        sentences.append(f'"Quote {i} {words}," said Jane Doe, the chief executive of Acme.')
        save(
            store,
            make_extraction(
                title,
                sentences,
                entities=[Entity("Acme", "company"), Entity("Globex", "company")],
                quotes=[Quote(f"Quote {i} {words},", "Jane Doe", "chief executive", "Acme", 3)],
                relations=[
                    Relation("competes", "Acme", f"Rival{j}", f"Acme competes with Rival{j} {words}.", 0)
                    for j in range(6)
                ],
                source=f"{prefix}-{i}.txt",
            ),
            url=f"https://example.com/{prefix}/{i}",
        )


def test_each_item_has_headline_link_summary_quote_and_relations(db_path, client, slack, clock):
    store = open_store(db_path)
    subscribe(db_path)
    clock.now = FIRE
    make_scheduler(db_path, client, clock).fire(CHANNEL)
    [post] = [c for c in slack.of("chat.postMessage")]
    sections = [b["text"]["text"] for b in post.body["blocks"] if b["type"] == "section"]
    gaming = next(s for s in sections if "Sony and Microsoft team up" in s)
    assert "Sony and Microsoft signed a partnership on cloud gaming." in gaming  # the two best sentences
    assert "said Satya Nadella" in gaming
    assert "We are delighted to work with Sony" in gaming and "Satya Nadella (chief executive, Microsoft)" in gaming
    assert "Microsoft partners with Sony: _Sony and Microsoft signed a partnership on cloud gaming._" in gaming
    assert "Microsoft competes with Sony: _The deal comes despite the rivalry between Xbox and PlayStation._" in gaming
    assert "Google competes with Sony" in gaming
    assert post.body["metadata"] == {
        "event_type": "newsbot_digest",
        "event_payload": {"channel": CHANNEL, "period": "2026-06-01"},
    }
    assert store.article_count() == 2 and len(sections) == 2


def test_the_best_quote_is_one_with_a_speaker():
    from storage import Store as S

    store = S(":memory:")
    save(
        store,
        make_extraction(
            "Two quotes",
            ['"Nobody knows," it was said.', '"We will win," said Jane Doe.'],
            quotes=[Quote("Nobody knows,", None, None, None, 0), Quote("We will win,", "Jane Doe", None, None, 1)],
            source="q.txt",
        ),
    )
    [item] = content.build(store).items
    assert item.quote.text == "We will win," and item.quote.speaker == "Jane Doe"


def test_a_link_is_shown_with_the_headline(db_path, client, slack, clock):
    store = open_store(db_path)
    many(store, 1, prefix="Linked")
    subscribe(db_path)
    clock.now = FIRE
    make_scheduler(db_path, client, clock).fire(CHANNEL)
    text = " ".join(b["text"]["text"] for b in slack.of("chat.postMessage")[0].body["blocks"] if b["type"] == "section")
    assert "<https://example.com/Linked/0|Linked 0" in text


def test_a_first_digest_holds_the_latest_few(db_path, client, slack, clock):
    many(open_store(db_path), 8)
    subscribe(db_path)
    clock.now = FIRE
    make_scheduler(db_path, client, clock).fire(CHANNEL)
    [post] = digest_posts(slack)
    assert post["text"].count("\n- ") == content.FIRST_DIGEST
    assert "more" not in post["text"]


def test_a_large_digest_stays_within_slacks_limits_and_says_how_many_more(db_path, client, slack, clock):
    store = open_store(db_path)
    subscribe(db_path)
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.fire(CHANNEL)  # the first digest
    many(store, 30, long=True)
    clock.now = FIRE + timedelta(days=1)
    assert scheduler.fire(CHANNEL).status == "posted"  # the strict fake refuses blocks over the limits
    post = slack.of("chat.postMessage")[-1].body
    assert len(post["blocks"]) <= 50
    assert all(len(b["text"]["text"]) <= 3000 for b in post["blocks"] if b["type"] == "section")
    shown = sum(1 for b in post["blocks"] if b["type"] == "section")
    assert shown == content.MAX_ITEMS
    assert f"...and {30 - shown} more" in post["blocks"][-1]["elements"][0]["text"]
    assert periods(slack) == ["2026-06-01", "2026-06-02"]


def test_an_article_stored_while_a_digest_is_built_waits_for_the_next_one(db_path, client, slack, clock, monkeypatch):
    store = open_store(db_path)
    Digests = type(store.digests)  # the ledger class of this store: every process's is patched
    subscribe(db_path)
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.fire(CHANNEL)
    save(store, make_extraction("Before the build", ["Acme did a thing."], source="a.txt"))
    newest = Digests.newest_ingestion

    def then_one_more(digests):
        until = newest(digests)
        save(store, make_extraction("During the build", ["Acme did another thing."], source="b.txt"))
        return until

    monkeypatch.setattr(Digests, "newest_ingestion", then_one_more)
    clock.now = FIRE + timedelta(days=1)
    scheduler.fire(CHANNEL)
    monkeypatch.undo()
    clock.now = FIRE + timedelta(days=2)
    scheduler.fire(CHANNEL)
    texts = [p["text"] for p in digest_posts(slack)]
    assert "Before the build" in texts[1] and "During the build" not in texts[1] and "more" not in texts[1]
    assert "During the build" in texts[2] and "Before the build" not in texts[2]


def test_newsbot_digest_print_shows_the_digest_in_the_terminal(db_path, capsys):
    assert main(["--db", str(db_path), "digest", "--print"]) == 0
    out = capsys.readouterr().out
    assert "Sony and Microsoft team up on cloud gaming" in out
    assert "Nokia takes on Apple with new music phone" in out
    assert "\u201cWe are delighted to work with Sony,\u201d \u2014 Satya Nadella (chief executive, Microsoft)" in out
    assert "Microsoft partners with Sony: Sony and Microsoft signed a partnership on cloud gaming." in out
    assert "Apple competes with Nokia: Nokia unveiled a music phone" in out


def test_newsbot_digest_print_for_a_channel_shows_only_what_is_new(db_path, client, slack, clock, capsys):
    subscribe(db_path)
    clock.now = FIRE
    make_scheduler(db_path, client, clock).fire(CHANNEL)
    assert main(["--db", str(db_path), "digest", "--print", "--channel", CHANNEL]) == 0
    assert capsys.readouterr().out == "Nothing new since the last digest.\n"
    save(open_store(db_path), GAMING.__class__(**{**GAMING.__dict__, "source": "again.txt", "title": "A new story"}))
    main(["--db", str(db_path), "digest", "--print", "--channel", CHANNEL])
    out = capsys.readouterr().out
    assert "A new story" in out and "Nokia takes on Apple" not in out
    assert periods(slack) == ["2026-06-01"]  # printing posts nothing


def test_hostile_and_long_text_is_escaped_and_fitted_without_breaking_an_entity_or_a_link():
    from bot.answers.model import Evidence, QuoteFact, RelationFact, Source
    from bot.digest.blocks import render
    from bot.digest.content import Digest, DigestItem
    from tests.slack.test_limits import check_limits

    nasty = "<!channel> R&D <@U1> & <http://x|y> " * 60
    items = []
    for i in range(12):
        source = Source(i, f"Headline {i} {nasty}", f"https://example.com/a?b={i}&c=<2>", "2026-06-01")
        quote = QuoteFact(nasty, "Jane & <Doe> " * 40, "chief & executive", "Acme <Corp>", Evidence(nasty, source))
        facts = [RelationFact("competes", "A&B " * 40, "C<D> " * 40, [Evidence(nasty, source)]) for _ in range(5)]
        items.append(DigestItem(source, [nasty, nasty], quote, facts))
    payload = render(Digest(items, 40, None), period="2026-06-01")
    check_limits(payload)
    text = " ".join(b["text"]["text"] for b in payload["blocks"] if b["type"] == "section")
    assert "<!channel>" not in text and "<@U1>" not in text and "<!channel>" not in payload["text"]
    assert "...and 28 more" in payload["blocks"][-1]["elements"][0]["text"]


def test_the_printed_digest_cites_each_article_with_its_date_and_link():
    from bot.answers.model import Source
    from bot.digest.content import Digest, DigestItem
    from bot.digest.text import render

    source = Source(1, "Acme and Globex team up", "https://example.com/a", "2026-06-01T09:30:00+00:00")
    out = render(Digest([DigestItem(source, ["Acme and Globex signed a deal."])], 1, None))
    assert "* [Acme and Globex team up] (1 Jun 2026) <https://example.com/a>" in out.replace("\u00a0", " ")


def test_newsbot_digest_print_on_an_empty_store_says_there_are_no_articles_yet(location, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NEWSBOT_SEEDS", str(tmp_path / "no-seeds"))  # nothing to build the store from
    assert main(["--db", str(location), "digest", "--print"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("No articles yet: add some with newsbot ingest PATH") and "Nothing new" not in out


def test_a_digest_holds_this_week_s_stories_before_an_archive_stored_after_them(location):
    store = open_store(location)
    save(store, make_extraction("Fresh from the feed", ["Acme rose today."], source="f.txt"), published="2026-05-30")
    for n in range(3):
        old = make_extraction(f"From the 2004 archive {n}", [f"Acme fell, story {n}."], source=f"a{n}.txt")
        save(store, old, published="2004-12-13")
    digest = content.build(store)
    assert digest.items[0].source.title == "Fresh from the feed"
    assert [item.source.when for item in digest.items] == ["30 May 2026", "13 Dec 2004", "13 Dec 2004", "13 Dec 2004"]
