"""The plain data one article's extraction produces.

This is the contract between extraction (``bot.extract``), the store (``storage``) and
``newsbot extract --json`` (``to_json``), whose shape ``../shared/eval/README.md`` fixes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["company", "product", "person"]
RelationType = Literal["competes", "partners", "acquires"]  # acquires: a bought b


@dataclass
class Sentence:
    """One body sentence, in article order, with its summary score (higher: more central)."""

    index: int
    text: str
    score: float = 0.0
    paragraph: int = 0


@dataclass
class Entity:
    """A company, a product (with the company that owns it) or a person (role, organisation)."""

    name: str
    type: EntityType
    owner: str | None = None
    role: str | None = None
    org: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Mention:
    """An entity named in a sentence (by its canonical name)."""

    name: str
    sentence: int


@dataclass
class Quote:
    """Words someone said, with the speaker as precisely as the article allows.

    ``speaker`` is a person's full name, an organisation (for "a Sony spokesman said"), or
    ``None`` when the article does not say who spoke. ``sentence`` is the index of the body
    sentence the quote stands in (or nearest to), so answers can cite it.
    """

    text: str
    speaker: str | None = None
    role: str | None = None
    org: str | None = None
    sentence: int = 0


@dataclass
class Relation:
    """Two companies that compete, partner, or of which ``a`` bought ``b`` (``acquires``: the
    only kind whose order counts), with the sentence that says so.

    ``sentence`` is the index of that body sentence, or -1 when the evidence is the headline.
    """

    type: RelationType
    a: str
    b: str
    evidence: str
    sentence: int = 0


@dataclass
class Extraction:
    source: str
    title: str
    body: str
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def summary(self, k: int = 3) -> list[str]:
        """The ``k`` best-scored sentences, in article order."""
        top = sorted(self.sentences, key=lambda s: (-s.score, s.index))[:k]
        return [s.text for s in sorted(top, key=lambda s: s.index)]

    def to_json(self) -> dict:
        """The ``newsbot extract --json`` object (see ``../shared/eval/README.md``)."""
        return {
            "source": self.source,
            "title": self.title,
            "sentences": [{"text": s.text, "score": round(s.score, 6)} for s in self.sentences],
            "summary": self.summary(),
            "quotes": [
                {k: v for k, v in (("text", q.text), ("speaker", q.speaker), ("role", q.role), ("org", q.org)) if v}
                for q in self.quotes
            ],
            "entities": [
                {
                    k: v
                    for k, v in (
                        ("name", e.name),
                        ("type", e.type),
                        ("owner", e.owner),
                        ("role", e.role),
                        ("org", e.org),
                    )
                    if v
                }
                for e in self.entities
            ],
            "relations": [{"type": r.type, "a": r.a, "b": r.b, "evidence": r.evidence} for r in self.relations],
        }
