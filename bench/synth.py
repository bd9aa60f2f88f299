"""Generated news, for benchmarks: realistic length, companies, products, people, quotes and
relations, with the facts known by construction. No real article text is used."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bot.extract.model import Entity, Extraction, Mention, Quote, Relation, Sentence

SYLLABLES = (
    "ac ar bel cor dex el fin gal hex ion jet kor lum max nor omn pix quo ral syn tek ul vex wav xen yor zen".split()
)
SUFFIXES = ["", " Systems", " Labs", " Networks", " Media", " Software"]
ROLES = ["chief executive", "CEO", "president", "chief technology officer", "spokeswoman", "analyst", "founder"]
FIRST = (
    "Anna Ben Carla David Elena Farid Grace Hiro Ines Jon Kofi Lena Marta Nils Omar Priya Quinn Rosa Sam Tara".split()
)
LAST = "Berg Chen Diaz Evans Fischer Garcia Hughes Ito Jansen Kumar Lopez Moreau Novak Okafor Patel Rossi Silva".split()
TOPICS = "cloud gaming phones chips browsers search music streaming broadband security storage robots".split()
FILLER = (
    "the market grew quickly last year as users moved to new devices and services",
    "analysts expect prices to fall further as competition increases across europe and asia",
    "the firm said the launch would take place in the spring after months of testing",
    "regulators are studying the deal and will publish their findings later this year",
    "shares rose sharply in early trading after the results were published on monday",
    "the company plans to hire hundreds of engineers to work on the new platform",
)


@dataclass(frozen=True)
class World:
    companies: list[str]
    products: dict[str, str]  # product -> owner
    people: list[tuple[str, str, str]]  # name, role, org


def world(seed: int = 7, companies: int = 300) -> World:
    rng = random.Random(seed)
    names: list[str] = []
    while len(names) < companies:
        name = (rng.choice(SYLLABLES) + rng.choice(SYLLABLES)).capitalize() + rng.choice(SUFFIXES)
        if name not in names:
            names.append(name)
    products = {f"{c.split()[0]} {rng.choice(['One', 'Pro', 'Go', 'Max', 'Air'])}": c for c in names[:150]}
    people = [(f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES), rng.choice(names)) for _ in range(600)]
    return World(names, products, people)


def _zipf(rng: random.Random, items: list, s: float = 1.1):
    weights = [1 / (i + 1) ** s for i in range(len(items))]
    return rng.choices(items, weights=weights, k=1)[0]


def article(w: World, n: int, seed: int = 7) -> Extraction:
    """The ``n``th generated article: about 25 sentences, 2 quotes, 2 relations."""
    rng = random.Random(seed * 1_000_003 + n)
    a, b = _zipf(rng, w.companies), _zipf(rng, w.companies)
    while b == a:
        b = rng.choice(w.companies)
    topic = rng.choice(TOPICS)
    person = rng.choice([p for p in w.people if p[2] == a] or w.people)
    product = next((p for p, owner in w.products.items() if owner == a), None)
    title = f"{a} and {b} {rng.choice(['clash', 'team up', 'race'])} over {topic} ({n})"
    texts = [
        f"{a} said on {rng.choice(['Monday', 'Tuesday', 'Friday'])} it would expand its {topic} business.",
        f"{a} will compete with {b} in {topic}, where {b} has led for years.",
        f"{a} and {b} also signed a partnership to share {topic} patents.",
        f'"We think {topic} will change everything for our customers," said {person[0]}, {person[1]} of {person[2]}.',
    ]
    if product:
        texts.append(f"The {product} is {a}'s answer to the best-selling devices from {b}.")
    while len(texts) < 25:
        texts.append(rng.choice(FILLER).capitalize() + ".")
    rng.shuffle(texts[4:])
    sentences = [Sentence(i, t, score=rng.random(), paragraph=i // 3) for i, t in enumerate(texts)]
    entities = [Entity(a, "company"), Entity(b, "company"), Entity(person[0], "person", role=person[1], org=person[2])]
    if product:
        entities.append(Entity(product, "product", owner=a))
    mentions = [Mention(e.name, s.index) for e in entities for s in sentences if e.name in s.text]
    quote_sentence = 3
    quotes = [Quote(texts[3].split('"')[1], person[0], person[1], person[2], quote_sentence)]
    relations = [
        Relation("competes", a, b, texts[1], 1),
        Relation("partners", a, b, texts[2], 2),
    ]
    return Extraction(
        source=f"synthetic/{n}.txt",
        title=title,
        body="\n\n".join(texts),
        sentences=sentences,
        entities=entities,
        mentions=mentions,
        quotes=quotes,
        relations=relations,
    )
