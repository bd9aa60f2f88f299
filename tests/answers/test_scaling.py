"""No answer does work in proportion to the store: the SQLite instructions an answer runs
stay the same when the store holds four times as many articles about the same companies
(a brief's total is counted up to a cap, which both stores here exceed).

Counted with SQLite's progress handler (a callback every N virtual-machine instructions):
deterministic, unlike time, so a query that starts walking or sorting every match (all of a
company's relations grouped, every article that mentions it ordered by date) fails here.
(A bare ``SELECT count(*) FROM t`` is one instruction that walks the table in C: this count
does not see it.)
"""

import pytest
import time_machine

from bot.answers import Answers
from bot.extract.model import Entity, Quote, Relation
from storage import Store
from tests.conftest import make_extraction, save

COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"]
QUESTIONS = [
    ("rivals", "Acme"),
    ("rivals", "Hooli"),
    ("quotes", "Ada Stone"),
    ("quotes", "Acme CEO"),
    ("quotes", "Globex"),
    ("brief", ""),
    ("brief", "cloud"),
    ("brief", "Initech"),
    ("ask", "who competes with Globex?"),
    ("ask", "what did Stone say?"),
    ("rivals", "Acme Globex"),
    ("brief", "cloud this week"),
    ("brief", "Initech since 2020"),
    ("ask", "news from this month"),
    ("ask", "who does Acme partner with?"),
    ("ask", "what did Stone say about cloud?"),
    ("ask", "what did chief executives say about chips?"),
    ("ask", "what was said about cloud?"),
    ("ask", "which companies do you know?"),
    ("rivals", "Acme since 2020"),
]
STEP = 10  # the progress handler runs every STEP instructions


def _article(n: int):
    a, b = COMPANIES[n % len(COMPANIES)], COMPANIES[(n * 7 + 1) % len(COMPANIES)]
    if a == b:
        b = COMPANIES[(n + 1) % len(COMPANIES)]
    sentences = [
        f"{a} will compete with {b} in cloud services, article {n}.",
        f"{a} and {b} signed a partnership on chips, article {n}.",
        f'"Cloud is the future," said Ada Stone, chief executive of {a}.',
        f"Markets moved on the news, article {n}.",
    ]
    return make_extraction(
        f"{a} and {b}, story {n}",
        sentences,
        entities=[
            Entity(a, "company"),
            Entity(b, "company"),
            Entity("Ada Stone", "person", role="chief executive", org="Acme", aliases=["Stone"]),
        ],
        quotes=[Quote("Cloud is the future,", "Ada Stone", "chief executive", "Acme", 2)],
        relations=[
            Relation("competes", a, b, sentences[0], 0),
            Relation("partners", a, b, sentences[1], 1),
        ],
        source=f"story{n}.txt",
    )


def _instructions(store: Store) -> dict[tuple[str, str], int]:
    answers = Answers(store)
    answers.COUNT_CAP = 20  # a brief's total is counted up to a cap: both stores exceed it
    store.WALK = 40  # and what a time or a topic is looked for among is bounded: both exceed it
    for command, text in QUESTIONS:  # the name index is built once, outside the count
        answers.ask(text) if command == "ask" else answers.command(command, text)
    counted = {}
    for command, text in QUESTIONS:
        ticks = [0]

        def tick(ticks=ticks) -> int:
            ticks[0] += 1
            return 0

        store.conn.set_progress_handler(tick, STEP)
        answers.ask(text) if command == "ask" else answers.command(command, text)
        store.conn.set_progress_handler(None, STEP)
        counted[(command, text)] = ticks[0]
    return counted


@pytest.fixture(scope="module")
def counts(tmp_path_factory):
    small, large = (Store(tmp_path_factory.mktemp(name) / "s.db") for name in ("small", "large"))
    for n in range(600):
        if n < 150:
            save(small, _article(n))
        save(large, _article(n))
    with time_machine.travel("2026-12-09 12:00Z", tick=False):  # the stories' dates are the moments stored
        return _instructions(small), _instructions(large)


@pytest.mark.parametrize(("command", "text"), QUESTIONS)
def test_an_answer_does_not_grow_with_the_store(counts, command, text):
    small, large = counts
    assert large[(command, text)] <= 1.3 * small[(command, text)] + 20, (small[(command, text)], large[(command, text)])
