"""Distinct, real questions about a store made by ``build_store.py``, for the benchmarks.

Real: every company, person and topic asked about is in the store (``synth.world``: 300
companies, 600 people, 12 topics), and a topic of two words pairs a topic with a word of the
generated articles' other sentences ("cloud regulators"), which articles hold together.
Distinct: a mix never asks the same question twice, nor the same company of ``/rivals`` and
of "who competes with X?" (the same rows), nor the same person of ``/quotes`` and "what did X
say?". Each kind's questions are drawn, in a random order, from its pool without putting any
back, so a mix holds at most the pool's size of each kind.
"""

from __future__ import annotations

import random

from bench.synth import TOPICS, World, world

# words of the generated articles' other sentences (synth.FILLER), each found with any topic
WORDS = (
    "market users devices analysts prices competition europe launch testing regulators deal findings shares"
    " results engineers platform"
).split()


def pools(w: World | None = None) -> dict[str, list[str]]:
    """Every distinct subject of each kind: companies, people's names, topics."""
    w = w or world()
    people = list(dict.fromkeys(name for name, _role, _org in w.people))
    topics = list(TOPICS) + [f"{topic} {word}" for topic in TOPICS for word in WORDS]
    return {"companies": list(w.companies), "people": people, "topics": topics}


def draw(counts: dict[str, int], seed: int, w: World | None = None) -> list[tuple[str, str, str]]:
    """``(kind, command or "ask", text)``, as many of each kind as ``counts`` asks (at most what
    its pool holds), shuffled: no question twice, no subject under two kinds that read the
    same rows."""
    rng = random.Random(seed)
    subjects = {name: rng.sample(pool, len(pool)) for name, pool in pools(w).items()}
    taken = {name: 0 for name in subjects}

    def take(pool: str, n: int) -> list[str]:
        start = taken[pool]
        taken[pool] = start + n
        return subjects[pool][start : start + n]

    companies_for_pairs = len(subjects["companies"]) // 2
    people_split = len(subjects["people"]) // 2
    made = {
        "/rivals": [("rivals", c) for c in take("companies", min(counts.get("/rivals", 0), companies_for_pairs))],
        "who competes": [
            ("ask", f"who competes with {c}?")
            for c in take("companies", min(counts.get("who competes", 0), companies_for_pairs))
        ],
        "/quotes person": [("quotes", p) for p in take("people", min(counts.get("/quotes person", 0), people_split))],
        "what did X say": [
            ("ask", f"what did {p} say?") for p in take("people", min(counts.get("what did X say", 0), people_split))
        ],
        "/brief topic": [("brief", t) for t in take("topics", counts.get("/brief topic", 0))],
    }
    # a company's articles and its people's quotes are other rows than its pairs: any company
    others = rng.sample(subjects["companies"], len(subjects["companies"]))
    made["/brief company"] = [("brief", c) for c in others[: counts.get("/brief company", 0)]]
    rng.shuffle(others)
    made["/quotes role"] = [("quotes", f"{c} CEO") for c in others[: counts.get("/quotes role", 0)]]
    mix = [(kind, command, text) for kind, asked in made.items() if kind in counts for command, text in asked]
    rng.shuffle(mix)
    return mix
