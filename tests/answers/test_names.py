"""The name index: forgiving look-ups, and a rebuild that never holds up an answer."""

import threading
import time

import pytest

from bot.answers import names as names_module
from bot.answers.names import NameIndex
from bot.extract.model import Entity
from tests.conftest import make_extraction, save


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Micrsoft", "Microsoft"),  # a letter left out
        ("Nicrosoft", "Microsoft"),  # the first letter wrong
        ("Xmicrosoft", "Microsoft"),  # one letter too many in front
        ("Mircosoft", "Microsoft"),  # two letters swapped
        ("Sonny", "Sony"),
        ("Nokla", "Nokia"),
    ],
)
def test_a_small_slip_finds_the_name(news_store, typed, meant):
    assert [n.name for n in NameIndex(news_store).lookup(typed)] == [meant]


def test_words_far_from_any_name_find_nothing(news_store):
    index = NameIndex(news_store)
    assert index.lookup("Zyxwvut") == []
    assert index.lookup("streaming") == []


def test_names_added_later_are_found_after_a_rebuild_off_the_answers_path(news_store, monkeypatch):
    index = NameIndex(news_store)
    assert index.lookup("Initech") == []
    save(
        news_store,
        make_extraction("Initech grows", ["Initech grows."], entities=[Entity("Initech", "company")], source="i.txt"),
    )
    monkeypatch.setattr(names_module, "REFRESH_SECONDS", 0.0)
    started = threading.Event()
    real = names_module._Snapshot

    class SlowSnapshot(real):
        __slots__ = ()

        def __init__(self, store, generation):
            started.set()
            time.sleep(0.2)
            super().__init__(store, generation)

    monkeypatch.setattr(names_module, "_Snapshot", SlowSnapshot)
    # the first look after the change starts a rebuild and answers from the names it has
    begun = time.monotonic()
    assert index.lookup("Initech") == []
    assert time.monotonic() - begun < 0.15
    assert started.wait(5)
    deadline = time.monotonic() + 5
    while not index.lookup("Initech") and time.monotonic() < deadline:
        time.sleep(0.02)
    assert [n.name for n in index.lookup("Initech")] == ["Initech"]


def test_invalidate_rebuilds_before_the_next_answer(news_store):
    index = NameIndex(news_store)
    assert index.lookup("Initech") == []
    save(
        news_store,
        make_extraction("Initech grows", ["Initech grows."], entities=[Entity("Initech", "company")], source="i.txt"),
    )
    index.invalidate()
    assert [n.name for n in index.lookup("Initech")] == ["Initech"]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("who competes with Sony Corp. these days?", ["Sony"]),
        ("is Sony Corporation's rival Microsoft?", ["Sony", "Microsoft"]),
        ("what did Microsoft\u2019s chief say about Sonys' consoles", ["Microsoft", "Sony"]),
        ("(Mr Nadella) on Azure, and Google's Stadia", ["Satya Nadella", "Azure", "Google", "Stadia"]),
        ("apple computer inc versus nokia", ["Apple", "Nokia"]),
    ],
)
def test_names_in_a_question_are_found_whatever_their_possessive_suffix_or_punctuation(news_store, question, named):
    assert [n.name for n in NameIndex(news_store).find_in(question)] == named


@pytest.mark.parametrize("text", ["Sony Corp.", "  Sony   Corp  ", "SONY\u2019S", "sony's corp", "(Sony)"])
def test_a_name_is_normalised_the_same_however_it_is_spaced_cased_or_punctuated(text):
    assert names_module.normalise(text) == "sony"


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("/rivals Procter & Gamble", ["Procter & Gamble"]),
        ("who competes with Procter & Gamble?", ["Procter & Gamble"]),
        ("AT&T and <Acme>", ["AT&T", "<Acme>"]),
        ("Acme", ["<Acme>"]),
    ],
)
def test_names_with_ampersands_and_brackets_are_found_as_typed(tmp_path, question, named):
    """A question's words never hold a lone "&" or brackets; nor, now, does a name's key."""
    from tests.conftest import open_test_store

    store = open_test_store(tmp_path / "names.db")
    entities = [Entity("AT&T", "company"), Entity("Procter & Gamble", "company"), Entity("<Acme>", "company")]
    save(store, make_extraction("T", ["AT&T, Procter & Gamble and <Acme> met."], entities=entities))
    assert [n.name for n in NameIndex(store).find_in(question)] == named


def test_a_company_is_found_without_its_trade_word(tmp_path):
    """'who bought Pyra?' means Pyra Labs; but not when 'Acme' is a name of its own, nor when two
    companies share the head (Acme Labs and Acme Software)."""
    from tests.conftest import open_test_store

    store = open_test_store(tmp_path / "n.db")
    companies = ["Pyra Labs", "Initech Software", "Initech Systems", "Globex", "Globex Media"]
    save(
        store,
        make_extraction(
            "Deals", ["Pyra Labs, Initech and Globex."], entities=[Entity(c, "company") for c in companies], source="d"
        ),
    )
    index = NameIndex(store)
    assert [n.name for n in index.lookup("Pyra")] == ["Pyra Labs"]
    assert [n.name for n in index.find_in("who bought Pyra?")] == ["Pyra Labs"]
    assert [n.name for n in index.lookup("Globex")] == ["Globex"]  # its own name first
    assert index.lookup("Initech", fuzzy=False) == []  # two companies: which is unknown
