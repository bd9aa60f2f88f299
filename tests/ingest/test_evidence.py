"""A relation is stored only with evidence that names, or clearly resolves, both companies:
"the three firms" alone names none of them."""

from __future__ import annotations

from bot.cli import main
from bot.extract.model import Entity, Quote, Relation
from bot.ingest.evidence import grounded
from bot.ingest.files import ArticleText
from bot.ingest.pipeline import store_text
from tests.conftest import make_extraction

ENTITIES = [
    Entity("Sony", "company", aliases=["Sony Corporation"]),
    Entity("IBM", "company"),
    Entity("Toshiba", "company"),
    Entity("PlayStation", "product", owner="Sony"),
    Entity("Ken Kutaragi", "person", role="chief executive", org="Sony"),
]


def chip_story(sentences, relations, *, title="A new chip", quotes=()):
    ex = make_extraction(title, sentences, entities=ENTITIES, relations=relations, quotes=list(quotes))
    for s in ex.sentences:  # two sentences a paragraph
        s.paragraph = s.index // 2
    return ex


def evidence_of(ex) -> dict[tuple[str, str], str]:
    return {(r.a, r.b): r.evidence for r in grounded(ex).relations}


def test_a_sentence_that_names_both_sides_is_the_evidence_however_it_names_them():
    ex = chip_story(
        [
            "Sony Corporation and IBM agreed to build the Cell chip.",
            "The PlayStation will compete with Toshiba's players.",  # Sony through its product
            "Ken Kutaragi said IBM was the right partner.",  # Sony through its person
            '"Toshiba has been good to us," said Ken Kutaragi.',  # "us": the speaker's company
        ],
        [
            Relation("partners", "Sony", "IBM", "Sony Corporation and IBM agreed to build the Cell chip.", 0),
            Relation("competes", "Sony", "Toshiba", "The PlayStation will compete with Toshiba's players.", 1),
            Relation("partners", "Sony", "IBM", "Ken Kutaragi said IBM was the right partner.", 2),
            Relation("partners", "Sony", "Toshiba", '"Toshiba has been good to us," said Ken Kutaragi.', 3),
        ],
        quotes=[Quote("Toshiba has been good to us,", "Ken Kutaragi", "chief executive", "Sony", 3)],
    )
    assert grounded(ex).relations == ex.relations


def test_the_three_firms_alone_name_none_of_them_and_are_left_out():
    ex = chip_story(
        [
            "Sony, IBM and Toshiba have released details of the Cell chip.",
            "The chip has several cores.",
            "The PlayStation 3 is due in 2006.",
            "In a joint statement the three firms gave hints about the chip.",
        ],
        [Relation("partners", "IBM", "Toshiba", "In a joint statement the three firms gave hints about the chip.", 3)],
    )
    assert evidence_of(ex) == {}


def test_the_two_companies_are_stored_with_the_sentence_just_before_that_names_them():
    ex = chip_story(
        ["IBM and Toshiba signed a deal on chips.", "The two companies will share their factories."],
        [Relation("partners", "IBM", "Toshiba", "The two companies will share their factories.", 1)],
    )
    assert evidence_of(ex) == {
        ("IBM", "Toshiba"): "IBM and Toshiba signed a deal on chips. The two companies will share their factories."
    }


def test_a_side_the_headline_names_is_resolved_by_the_citation_and_a_pronoun_by_the_sentence_before():
    headline = chip_story(
        ["Rival Toshiba has been making similar chips."],
        [Relation("competes", "IBM", "Toshiba", "Rival Toshiba has been making similar chips.", 0)],
        title="IBM shows its fastest chip",
    )
    assert evidence_of(headline) == {("IBM", "Toshiba"): "Rival Toshiba has been making similar chips."}
    pronoun = chip_story(
        ["Sony won an award for its design.", "The electronics giant beat strong competition from Toshiba."],
        [Relation("competes", "Sony", "Toshiba", "The electronics giant beat strong competition from Toshiba.", 1)],
    )
    assert evidence_of(pronoun) == {
        (
            "Sony",
            "Toshiba",
        ): "Sony won an award for its design. The electronics giant beat strong competition from Toshiba."
    }
    far = chip_story(
        ["Sony won an award.", "Its chips are fast.", "Sales rose.", "But it faces competition from Toshiba."],
        [Relation("competes", "Sony", "Toshiba", "But it faces competition from Toshiba.", 3)],
    )
    assert evidence_of(far) == {}  # "it", three sentences and a paragraph away: not clear


def test_rivals_never_cite_evidence_that_names_neither_company(tmp_path, monkeypatch, capsys):
    """Seen in /rivals: 'IBM partners with Sony', with 'the three firms gave hints' for proof."""
    from tests.conftest import open_test_store, store_location

    story = chip_story(
        [
            "Sony, IBM and Toshiba have released details of the Cell chip.",
            "The chip has several cores.",
            "IBM will make the chip with Sony in New York.",
            "In a joint statement the three firms gave hints about how the chip will work.",
        ],
        [
            Relation("partners", "IBM", "Sony", "IBM will make the chip with Sony in New York.", 2),
            Relation(
                "partners",
                "Sony",
                "Toshiba",
                "In a joint statement the three firms gave hints about how the chip will work.",
                3,
            ),
        ],
    )
    monkeypatch.setattr("bot.extract.article.extract_article", lambda text, source: story)
    store = open_test_store(tmp_path / "e.db")
    store_text(store, ArticleText("cell.txt", "A new chip\n\nbody", "hash-cell"))
    store.close()
    assert main(["--db", str(store_location(tmp_path / "e.db")), "ask", "/rivals", "Sony"]) == 0
    out = capsys.readouterr().out
    assert "Sony partners with IBM" in out and "IBM will make the chip with Sony" in out
    assert "three firms" not in out and "Toshiba" not in out
