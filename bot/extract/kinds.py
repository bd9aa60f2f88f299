"""The kinds of fact newsbot states between two companies, as data.

Extraction finds them (each kind has its cues in ``bot/extract/relations``), the store keeps
them (a directed kind keeps which side did what), questions ask for them by the words in
``asked`` (``bot/answers/intent.py``), and every answer and renderer words them from here. A new
kind is an entry here, its cues, and its tests.
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
    noun: str = ""  # one fact of the kind: "rivalry"
    plural: str = ""  # a list of them, of no company in particular: "Rivalries"
    asked: tuple[str, ...] = ()  # words (regular expressions) that ask a question about the kind


KINDS: tuple[RelationKind, ...] = (
    RelationKind(
        "competes",
        "Competitors",
        "competes with",
        noun="rivalry",
        plural="Rivalries",
        asked=(
            r"compet\w*",
            r"rival\w*",
            r"versus",
            r"vs\.?",
            r"v\.?",
            r"against",
            r"enem\w*",
            r"foes?",
            r"battl\w*",
            r"fight\w*",
            r"challeng\w*",
            r"tak(?:e|es|ing) on",
            r"took on",
            r"up against",
        ),
    ),
    RelationKind(
        "partners",
        "Partners",
        "partners with",
        noun="partnership",
        plural="Partnerships",
        asked=(
            r"partner\w*",
            r"allian\w*",
            r"allies",
            r"ally",
            r"allied",
            r"team(?:s|ed|ing)? up",
            r"collaborat\w*",
            r"work(?:s|ed|ing)? (?:together|with)",
            r"joint ventures?",
            r"join(?:s|ed)? forces",
            r"friends?",
            r"co-?operat\w*",
        ),
    ),
    RelationKind(
        "acquires",
        "Acquisitions",
        "bought",
        directed=True,
        inverse_label="Bought by",
        inverse_verb="was bought by",
        noun="acquisition",
        plural="Acquisitions",
        asked=(
            r"b(?:uy|uys|uying|ought)",
            r"acquir\w*",
            r"acquisitions?",
            r"purchas\w*",
            r"takeovers?",
            r"t(?:ake|akes|aking|ook) over",
            r"owns?",
            r"owners?",
            r"owned",
        ),
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


# every list a company's facts are read under, in the order answers show them:
# ("competes", "partners", "acquires", "~acquires")
SIDES: tuple[str, ...] = tuple(side for k in KINDS for side in sides(k.name))
