"""People: names, and the roles and organisations news writing gives them.

Patterns (``Org`` is a company the article names):

- ``Satya Nadella, CEO, Microsoft`` and ``Ben Wood, an analyst at Gartner`` (apposition);
- ``Sony's chief executive Howard Stringer`` and ``Microsoft chief executive Steve Ballmer``;
- ``Mr Gates`` after ``Bill Gates``: the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

ROLE_WORDS = (
    r"\b(?:(?:senior|chief|vice|deputy|executive|managing|general|founding|acting|former|co)[ -]?){0,4}"
    r"(?:president|chairman|chairwoman|chair|ceo|cto|cfo|coo|chief executive(?: officer)?|chief technology officer"
    r"|chief operating officer|chief financial officer|chief scientist|founder|co-founder|director|manager|head"
    r"|analyst|editor|spokesman|spokeswoman|spokesperson|researcher|professor|lecturer|engineer|consultant"
    r"|correspondent|officer|executive|boss|partner|secretary|minister|leader|designer|developer|producer"
    r"|architect|expert|evangelist|strategist|economist|scientist|programmer|adviser|advisor|commissioner|member)"
)
_NAME_PART = r"(?:(?:Mc|Mac|O['\u2019]|D['\u2019])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\.)"
# words that open a clause, never a name: "But Graham Cluley said" names Graham Cluley
CLAUSE_WORDS = (
    r"But|And|Or|So|Yet|Then|The|A|An|In|On|At|For|From|By|With|As|If|When|While|After|Before|Since|Until|Also"
    r"|Said|Says|Commenting|According|Meanwhile|However|Now|Today|Yesterday|Last|Next|This|That|These|Those"
)
NAME = (
    rf"\b(?=[A-Z])(?!(?:{CLAUSE_WORDS})\s){_NAME_PART}"
    rf"(?:\s+(?:(?:de|van|von|der|den|del|da|di|le|la|bin|al)\s+)?{_NAME_PART}){{1,2}}"
)
# titles before a surname, police and military ranks included ("Chief Supt Deats", "Det Insp Lee")
HONORIFIC = (
    r"(?:(?:Chief|Det|Detective|Acting)\s+){0,3}"
    r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Supt|Insp|Sgt|Cllr|Gen|Col|Capt|Cdr|Rev)\.?"
)

NOT_FIRST_NAMES = frozenset(
    """
    The A An This That These Those It Its In On At For From By With As But And Or If When While After Before
    Since Until Under Over Into Through Mr Mrs Ms Dr Prof Sir Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November December Last Next
    New North South East West Many Most Some Other Such Every Each Both According Meanwhile However Although
    Despite Chief Senior Vice General Managing Executive President Director Head Professor Analyst Editor
    Internet Web World Digital British American European Japanese Chinese Korean French German Indian UK US
    EU Net Online Mobile Windows Apple Google Microsoft Sony Nintendo Intel Yahoo Broadband Wi Hi High Low
    Christmas Easter Silicon Wall Downing Capitol Hollywood Bollywood Latin Middle Asian African Australian
    Canadian Irish Scottish Welsh English Spanish Italian Russian Dutch Swedish Finnish Norwegian Danish Video
    Game Games Music Film Movie Radio Television TV Phone Cell Data Security Science Technology Tech Research
    Said Says Added Adds Told Asked Commenting Speaking Writing
    """.split()
)
NOT_NAME_WORDS = frozenset(
    """
    Inc Corp Ltd Plc Group Software Systems Networks Technologies Technology Labs Media Entertainment Games
    Music Records Studios Pictures Computer Computers Electronics Communications Telecom Association Council
    Institute University College School Office Department Ministry Commission Agency Foundation Society Union
    Bank Fund Trust Centre Center News Website Magazine Times Post Journal Review Weekly Daily Street Road
    Square Park House Hall Court Valley Bay Island City County State Kingdom Republic Act Awards Show Festival
    Conference Expo Summit Party Service Services Network Project Programme Program Store Shop Day Week
    Year Month Online Live Player Pro Portable Edition Version Console Phone Mobile Digital Cinema Film Screen
    Christmas Internet Web Research Life Project Press Dictionary Review Corporation Industry
    Mr Mrs Ms Dr Prof Sir Detective Superintendent Inspector Sergeant Constable Supt Insp Sgt Commander
    Commissioner Officer
    """.split()
)


@dataclass
class Person:
    name: str
    role: str | None = None
    org: str | None = None
    aliases: set[str] = field(default_factory=set)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def plausible_name(text: str) -> bool:
    """``Steve Ballmer`` yes; ``The Register``, ``Digital Screen Network``, ``Microsoft Windows``,
    ``Telewest Broadband`` (a company's name first) no."""
    words = text.split()
    if not 2 <= len(words) <= 4:
        return False
    if words[0] in NOT_FIRST_NAMES or words[0] in _known_names() or text in _known_names():
        return False
    return not any(w.strip(".,") in NOT_NAME_WORDS for w in words)


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """Company and product names that are no ordinary word or first name ("Ask Jeeves", "Sun")."""
    from bot.extract.lexicon import default_lexicon  # the lexicon is data beside this module

    lex = default_lexicon()
    return frozenset(s for s in lex.surfaces if s not in lex.ambiguous)


def trim_name(text: str) -> str:
    """``But Graham Cluley`` -> ``Graham Cluley``: words that start a clause are no part of a name."""
    words = text.split()
    while len(words) > 2 and words[0] in NOT_FIRST_NAMES:
        words.pop(0)
    return " ".join(words)


def clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = re.sub(r"^(?:the|an?|its|their|his|her)\s+", "", role.strip(" ,"), flags=re.IGNORECASE)
    return role or None


class People:
    """The people one article names, found as the article is read."""

    def __init__(self) -> None:
        self.by_name: dict[str, Person] = {}

    def __iter__(self):
        return iter(self.by_name.values())

    def add(self, name: str, role: str | None = None, org: str | None = None) -> Person:
        name = " ".join(name.split())
        person = self.resolve(name) if len(name.split()) == 1 else self.by_name.get(name)
        if person is None:
            # "Bill Gates" after a lone "Gates": the full name is the better name
            person = self.by_name.pop(name.split()[-1], None) or Person(name)
            person.name = name
            self.by_name[name] = person
        if role and not person.role:
            person.role = clean_role(role)
        if org and not person.org:
            person.org = org
        person.aliases.add(person.surname)
        return person

    def resolve(self, mention: str) -> Person | None:
        """``Mr Gates``, ``Gates`` or ``Bill Gates`` -> the person named in full earlier."""
        mention = re.sub(rf"^{HONORIFIC}\s+", "", mention.strip())
        if mention in self.by_name:
            return self.by_name[mention]
        surname = mention.split()[-1] if mention else ""
        matches = [p for p in self.by_name.values() if p.surname == surname]
        return matches[-1] if matches else None


def people_from_captions(captions: list[str], people: People, companies_in) -> None:
    """``Kenichiro Yoshida, President and CEO, Sony Corporation (left), and Satya Nadella, CEO, Microsoft.``

    ``companies_in(text)`` gives the ``(start, company)`` of each company ``text`` names."""
    from bot.extract.lexicon import LEGAL_SUFFIX  # the lexicon reads this module

    for caption in captions:
        caption = re.sub(r"\((?:left|right|centre|center|pictured|above|below)\)", "", caption)
        caption = re.split(r"\b(?:Image|Photo|Picture)\s+credit", caption, flags=re.IGNORECASE)[0]
        for part in re.split(r",?\s+and\s+(?=[A-Z][a-z]+\s+[A-Z])|;", caption):
            m = re.match(rf"\s*(?P<name>{NAME}),\s*(?P<rest>.+)", part)
            if m and plausible_name(m.group("name")):
                rest = m.group("rest").strip(" .,")
                role, _, org_text = rest.rpartition(",") if "," in rest else (rest, "", "")
                orgs = [c for _p, c in companies_in(org_text or rest)]
                org = orgs[-1] if orgs else re.sub(rf"\s+{LEGAL_SUFFIX}$", "", org_text.strip()) or None
                people.add(m.group("name"), role.strip(" ,") or None, org)


def people_from_appositions(body: str, people: People, companies_in) -> None:
    """``Ben Wood, an analyst at Gartner`` and ``Sony's chief executive Howard Stringer``."""
    for m in re.finditer(rf"(?P<name>{NAME}),\s+(?P<rest>[^,;.\"\u201c\u201d]{{2,90}})", body):
        name, rest = m.group("name"), m.group("rest")
        role = re.search(ROLE_WORDS, rest.casefold())
        if not plausible_name(name) or role is None:
            continue
        orgs = [c for _p, c in companies_in(rest)]
        org = orgs[-1] if orgs else org_phrase(rest)
        people.add(name, rest[: role.end()].strip(), org)
    for m in re.finditer(
        rf"(?<![\w&.-])(?P<org>[A-Z][\w&.-]*+(?:\s[A-Z][\w&.-]*+){{0,2}}?)(?:['\u2019]s)?\s+(?P<role>{ROLE_WORDS})\s+(?P<name>{NAME})",
        body,
    ):
        orgs = [c for _p, c in companies_in(m.group("org"))]
        if orgs and plausible_name(m.group("name")):
            people.add(m.group("name"), m.group("role"), orgs[-1])


def org_phrase(rest: str) -> str | None:
    m = re.search(r"\b(?:at|of|for|from)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w&'\u2019.-]*\s?){1,5})", rest)
    if not m:
        return None
    return re.sub(r"['\u2019]s$", "", m.group("org").strip()) or None
