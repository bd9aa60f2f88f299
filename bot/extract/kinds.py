"""The kinds of fact newsbot states between two companies, as data.

Extraction finds them (each kind has its cues in ``bot/extract/relations``), the store keeps
them (a directed kind keeps which side did what), and every renderer words them from here. A
new kind is an entry here, its cues, and its tests.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RelationKind:
    name: str  # as stored and as ``newsbot extract --json`` prints it
    label: str  # the heading of a company's list of them ("Competitors")
    verb: str  # a does this to b: "Sony competes with Microsoft", "Microsoft bought Activision"
    directed: bool = False  # a and b cannot swap: a bought b
    inverse_label: str | None = None  # a directed kind seen from b: "Bought by"
    inverse_verb: str | None = None  # "Activision was bought by Microsoft"


KINDS: tuple[RelationKind, ...] = (
    RelationKind("competes", "Competitors", "competes with"),
    RelationKind("partners", "Partners", "partners with"),
    RelationKind(
        "acquires", "Acquisitions", "bought", directed=True, inverse_label="Bought by", inverse_verb="was bought by"
    ),
)

BY_NAME: dict[str, RelationKind] = {kind.name: kind for kind in KINDS}

# how the store names a directed kind seen from its object's side ("~acquires": was bought by)
INVERSE = "~"


def kind(name: str) -> RelationKind:
    """The kind named ``name`` (``~acquires`` is ``acquires`` seen from the other side)."""
    return BY_NAME[name.removeprefix(INVERSE)]


def is_inverse(name: str) -> bool:
    return name.startswith(INVERSE)


def label(name: str) -> str:
    """The heading of a list of ``name`` facts: "Competitors", "Bought by"."""
    k = kind(name)
    return (k.inverse_label or k.label) if is_inverse(name) else k.label


def verb(name: str) -> str:
    """How a fact of kind ``name`` reads between its two sides: "competes with", "was bought by"."""
    k = kind(name)
    return (k.inverse_verb or k.verb) if is_inverse(name) else k.verb


def sides(name: str) -> tuple[str, ...]:
    """The names a company's list of facts is read under: ``acquires`` and ``~acquires``."""
    k = kind(name)
    return (k.name, INVERSE + k.name) if k.directed else (k.name,)
