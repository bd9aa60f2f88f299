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

from bot.extract.patterns import FromWordStarts, trie_pattern
from bot.extract.people_words import (
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    NAME_ADJECTIVE_ENDINGS,
    NAME_PARTICLES,
    NOT_FIRST_NAMES,
    NOT_NAME_OPENERS,
    NOT_NAME_WORDS,
    PAGE_WORDS,
    PREPOSITIONS,
    SENTENCE_OPENERS,
    SPEECH_OPENERS,
    SURNAME_WORDS,
    TITLE_WORDS,
)

ROLE_WORDS = (
    r"\b(?:(?:senior|chief|vice|deputy|executive|managing|general|founding|acting|former|co)[ -]?){0,4}"
    r"(?:president|chairman|chairwoman|chair|ceo|cto|cfo|coo|chief executive(?: officer)?|chief technology officer"
    r"|chief operating officer|chief financial officer|chief scientist|founder|co-founder|director|manager|head"
    r"|analyst|editor|spokesman|spokeswoman|spokesperson|researcher|professor|lecturer|engineer|consultant"
    r"|correspondent|officer|executive|boss|partner|secretary|minister|leader|designer|developer|producer"
    r"|architect|expert|evangelist|strategist|economist|scientist|programmer|adviser|advisor|commissioner|member)"
)
# letters of names in the Latin scripts ("Köppen", "Péladeau", "Łukasz"); Latin Extended-A mixes
# both cases, and names are read leniently there
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
# (a Korean given name's second syllable is written small after its hyphen: "Chung Eui-sun",
# "Lee Jae-yong"; not a word that makes a name an adjective: "Musk-led", "Sony-made")
_SMALL_SYLLABLE = rf"-(?!(?:{'|'.join(sorted(NAME_ADJECTIVE_ENDINGS))})(?![\w-]))"
_NAME_PART = (
    rf"(?:(?:Mc|Mac|O['\u2019]|D['\u2019]|De|Di|Da|Du|Le|La|Van|Von)?[{UPPER}][{LOWER}]++"
    rf"(?:-[{UPPER}][{LOWER}]++|{_SMALL_SYLLABLE}[a-z]{{2,5}}+(?![\w-]))?"
    r"|[A-Z][.\u2024](?:[A-Z][.\u2024]){0,2})"  # initials; \u2024: a full stop masked while reading clauses
)
# words that open a clause, never a name: "But Graham Cluley said" names Graham Cluley
# (one pattern branching on shared beginnings: it is read at every capitalised word)
CLAUSE_WORDS = trie_pattern(
    """
    But And Or So Yet Then The A An In On At For From By With As If When While After Before Since Until Also
    Said Says Commenting According Meanwhile However Now Today Yesterday Last Next This That These Those
    """.split()
    + sorted(SENTENCE_OPENERS | NOT_NAME_OPENERS)
)
NAME = (
    rf"\b(?=[{UPPER}])(?!(?:{CLAUSE_WORDS})\s){_NAME_PART}"
    rf"(?:\s+(?:(?:de|van|von|der|den|del|da|di|le|la|bin|al)\s+)?(?!(?:He|She|It|They|We)\b){_NAME_PART}){{1,2}}"
)
# titles before a surname, police and military ranks included ("Chief Supt Deats", "Det Insp Lee",
# "Lt. Gen. Mick Ross", "Rear Adm. Ann Lee")
HONORIFIC = (
    r"(?:(?:Chief|Det|Detective|Acting|Staff|(?:Lt|Maj|Brig|Sgt)[.\u2024]?|Vice|Rear|Lieutenant|Major)\s+){0,3}"
    r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Supt|Insp|Sgt|Cllr|Gen|Col|Capt|Cdr|Rev"
    r"|Coun|Const|Cst|Cpl|Ald|Lt|Maj|Adm|Cmdr|Brig)\.?"  # (Canadian news and police: "Coun. Josh Matlow")
)


# a word or a mark of a speaker's phrase: names keep their inner dots, hyphens and apostrophes
_TOKEN = re.compile(r"[^\s,;:()\[\]\u2014\u2013\"\u201c\u201d]++|[,;:()\[\]\u2014\u2013]")
# an Arabic surname written with its article joined by a hyphen ("al-Nowais", "el-Sayed")
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|abu|bin|ibn)-[A-Z][a-z]+")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]{2}")  # "C.C. Wei", "J. Smith", "TM Roh"
_POSSESSIVE = re.compile(r".['\u2019]s?$")
_JOINERS = frozenset({"and", "&"})
_ARTICLES = frozenset({"the", "a", "an"})
# pronouns and the words that open a sentence: never a name, though capitalised
_PRONOUNS = frozenset(
    """
    He She They We I It You His Her Its Their Our One Two Three Four Five So Yet Still Now Then Thus Hence Also
    Even Just Only Here There Why What How Where Who Whom Whose Which Whether Not No Yes Indeed Perhaps Maybe
    Regarding Following Including Concerning Considering Citing Noting Adding Saying Asked Speaking Writing
    """.split()
)
NO_NAME = _PRONOUNS | NOT_FIRST_NAMES | SENTENCE_OPENERS | NOT_NAME_OPENERS
FIRST_NAMES = MALE_NAMES | FEMALE_NAMES
# words that open a clause before a name: "But Graham Cluley said", "As Jon Cornell put it"
_CLAUSE_OPENERS = (
    frozenset(
        "But And As So Yet Then Also However Meanwhile Now Still Or Nor While When If Though Although Because Since"
        " After Before Once Until Unless Whereas Per".split()
    )
    | SPEECH_OPENERS
)


# titles that are nobody's surname: "Orvia Chairman", "Masdar CEO" are an organisation and a title
HEAD_TITLES = frozenset(
    """
    Chairman Chairwoman Chairperson CEO CFO COO CTO CIO CMO Officer Manager Director President Executive Founder
    Co-Founder Cofounder Spokesman Spokeswoman Spokesperson Chief Managing General Senior Deputy Vice MD SVP EVP VP GM
    """.split()
)


@lru_cache(maxsize=8192)
def word_kind(word: str) -> str:
    """What a word of a speaker's phrase is: ``name``, ``initials``, ``title``, ``honorific``,
    ``particle``, ``possessive`` (a capitalised word with ``'s``), ``mark`` or ``other``."""
    if word in ",;:()[]\u2014\u2013":
        return "mark"
    if word in HONORIFICS:
        return "honorific"
    low = word.casefold().rstrip(".")
    if low in TITLE_WORDS or ("-" in low and all(part in TITLE_WORDS for part in low.split("-"))):
        return "title"  # "chairman", "Secretary-Treasurer"
    if word in NAME_PARTICLES:
        return "particle"
    if _INITIALS.fullmatch(word):
        return "initials"
    if _PARTICLE_NAME.fullmatch(word):
        return "name"  # "al-Nowais", "el-Sayed": a surname with its article
    if word[0].isupper():
        if "-" in word and word.rpartition("-")[2] in NAME_ADJECTIVE_ENDINGS:
            return "other"  # "Musk-led", "Sony-made": an adjective, no part of a name
        if _POSSESSIVE.search(word):
            return "possessive"
        return "name"
    return "other"


@dataclass
class _Run:
    """Capitalised words in a row, with what stands around them."""

    words: list[str]
    start: int  # index of the first word
    before: str  # the kind of word before ("start" at the beginning)
    before_word: str
    after: str  # the kind of word after ("end" at the end)


def _runs(words: list[str]) -> list[_Run]:
    runs: list[_Run] = []
    kinds = [word_kind(w) for w in words]
    for i in range(1, len(words)):
        # "Julie Bishop said", "Peter Singer, a philosopher": a title's word after a first name,
        # with no name after it, is a surname
        capitalised = words[i][:1].isupper() and not words[i].isupper()
        last = i + 1 == len(words) or (
            kinds[i + 1] not in ("name", "initials", "title", "honorific")
            and words[i + 1].casefold() not in PREPOSITIONS  # "Salga Head of Energy": a title's field
            and words[i + 1] not in _JOINERS
        )
        if kinds[i] == "title" and kinds[i - 1] == "name" and capitalised and last and words[i] not in HEAD_TITLES:
            kinds[i] = "name"
        elif kinds[i] == "honorific" and words[i - 1] in FIRST_NAMES and capitalised and last:
            kinds[i] = "name"  # "Gregory Reeve", "John Major": an honorific's word after a given name
    i = 0
    while i < len(words):
        if kinds[i] not in ("name", "initials"):
            i += 1
            continue
        j = i + 1
        while j < len(words) and (
            kinds[j] == "name"
            or (kinds[j] == "initials" and j + 1 < len(words) and kinds[j + 1] == "name")
            or (kinds[j] == "particle" and j + 1 < len(words) and kinds[j + 1] in ("name", "particle"))
        ):
            j += 1
        while j - i > 1 and words[i] in _CLAUSE_OPENERS:
            i += 1  # "As Jon Cornell", "But Graham Cluley": a clause's first word is no part of a name
        before = kinds[i - 1] if i else "start"
        k = i - 1
        while before == "other" and k > 0 and words[k].casefold() in _ARTICLES:
            k -= 1  # "to the United States": the article stands between
            before = kinds[k]
        start = i
        joined = (
            before == "other" and words[i - 1] in _JOINERS and runs and runs[-1].start + len(runs[-1].words) == i - 1
        )
        if joined and runs[-1].before == "preposition":
            before = "preposition"  # "Head of Energy and Electricity Distribution": the same field
        elif before == "other" and words[k] == "by" and k and words[k - 1] in ("led", "headed", "chaired"):
            before = "title"  # "Jefferies analysts led by Mark Lipacis"
        elif before == "other" and words[k].casefold() in PREPOSITIONS:
            before = "preposition"
            if words[k].casefold() == "of" and k and kinds[k - 1] in ("title", "honorific") and j - i > 2:
                # "Secretary of State John Kerry", "Chief of Staff Reince Priebus": the title's
                # field, then the name
                start, before = j - 2, "title"
        after = kinds[j] if j < len(words) else "end"
        if after == "other" and words[j] in _JOINERS:
            after = "joiner"
        elif after == "other" and j + 1 < len(words) and words[j].islower() and kinds[j + 1] in ("title", "honorific"):
            after = "title"  # "DoubleLine Capital portfolio manager Bonnie Baha": the field before a title
        if j - start == 3 and words[start] not in FIRST_NAMES and words[start + 1] in FIRST_NAMES:
            start, before = start + 1, "title"  # "Resident Alan Cole", "Headteacher Anne Ward"
        if j - start > 4 and plausible_name(" ".join(words[j - 2 : j])):
            # "Maricopa County Recorder Helen Purcell": a long run of a place, an office and a name
            start, before = j - 2, "title"
        runs.append(_Run(words[start:j], start, before, words[start - 1] if start else "", after))
        i = j
    return runs


def _person_run(run: _Run, is_company) -> bool:
    """Whether a run of capitalised words in a speaker's phrase is the person's name: not the
    organisation or field before a title (``Netflix`` Chief ``Creative`` Officer), not a place or
    an organisation after a preposition, not a company, no page leftovers."""
    words = run.words
    if run.after in ("title", "honorific", "possessive") or (
        run.after == "joiner" and run.before in ("title", "honorific")
    ):
        return False
    if run.before == "preposition" or len(words) > 4:
        return False
    if words[0] in (_PRONOUNS if run.before == "honorific" else NO_NAME):
        return False  # "Mr Irish" is a name, "Irish" alone is not
    if _no_name_word(words) and not _FAMILY_NAME_FIRST.fullmatch(" ".join(words)):
        return False
    if words[0] in PAGE_WORDS and len(words) > 1:
        return False  # "Article Continued Below", "Highlights TikTok CEO ...": what the page left
    if len(words) == 1 and _INITIALS.fullmatch(words[0]):
        return False
    if len(words) > 1 and run.before not in ("honorific", "title") and not plausible_name(" ".join(words)):
        return False  # "Ask Jeeves", "Sun Grid": a product's or company's name
    return not is_company(" ".join(words))


def _bare(word: str) -> str:
    """A word without the full stop that ends a sentence after it; initials (``C.C.``) and titles
    (``Sen.``) keep theirs."""
    if not word.endswith(".") or _INITIALS.fullmatch(word) or word in HONORIFICS:
        return word
    return word.rstrip(".") or word


def person_in(phrase: str, is_company=lambda name: False) -> tuple[str, bool] | None:
    """The person a speaker's phrase names, and whether the phrase gives a title before the name
    (``Ms Bayer Rosmarin``: then it may be a surname): the first run of capitalised words that
    stands where a name stands (see :func:`_person_run`). ``Quebecor president and CEO Pierre
    Karl P\u00e9ladeau`` -> ``Pierre Karl P\u00e9ladeau``; ``TM Roh``; ``C.C. Wei``; ``Jassy``."""
    words = [_bare(w) for w in _TOKEN.findall(phrase)]
    every = _runs(words)
    # "Trade and Industry Minister Chan Chun Sing": a field joined to the field before a title is
    # no name (but "John Smith and Mary Jones" are two)
    runs = [
        run
        for k, run in enumerate(every)
        if _person_run(run, is_company)
        and not (run.after == "joiner" and k + 1 < len(every) and every[k + 1].after in ("title", "honorific"))
    ]
    for run in runs:
        # "Telecoms ombudsman Elizabeth France": a word alone before a lower-case word is the field
        # of the name after it, not a surname
        alone = len(run.words) == 1 and run.before != "honorific" and run.after == "other"
        if alone and any(len(later.words) > 1 for later in runs):
            continue
        # "Fox Business moderator Gerard Baker", "Harbour Breton resident Ann Ward": a name's
        # field, a noun of what they are, then the name (not "Bill Gates told Satya Nadella")
        end = run.start + len(run.words)
        between = words[end] if end < len(words) else ""
        if (
            run.after == "other"
            # ("former George W. Bush speechwriter Noam Neusner": a person's staff, named after them)
            and (run.words[0] not in FIRST_NAMES or between in TITLE_WORDS or between in STAFF_NOUNS)
            and ROLE_NOUN.fullmatch(between)
            and any(later.start == end + 1 and len(later.words) > 1 for later in runs)
        ):
            continue
        return " ".join(run.words), run.before == "honorific"
    for run in every:
        # "James Park CEO, President & Co-Founder of Fitbit": a given name and a surname, then
        # titles up to the end of the phrase or a comma, no name after them
        if run.after != "title" or run.words[0] not in FIRST_NAMES:
            continue
        end = run.start + len(run.words)
        rest = words[end : next((i for i in range(end, len(words)) if word_kind(words[i]) == "mark"), len(words))]
        if (
            2 <= len(run.words) <= 3
            and run.before in ("start", "mark")
            and all(w in HEAD_TITLES for w in rest)
            and plausible_name(" ".join(run.words))
            and not is_company(" ".join(run.words))
        ):
            return " ".join(run.words), False
    return None


# people who work for a person, named after them
STAFF_NOUNS = frozenset("speechwriter speechwriters aide aides adviser advisor confidant ally protege".split())
# a lower-case noun, no verb's form (told, praises, met): what the person after it is
ROLE_NOUN = re.compile(
    r"(?!(?:told|met|saw|gave|took|made|sent|won|beat|hit|let|put|led|left|got)\b)[a-z][a-z-]*+(?<!ed)(?<![^s]s)"
)


# capitalised words in a row, small name words between them, read from the start of a run only
# (the look-behind after the first capital, not before it, for the scan's speed)
_CAPITAL_RUN = re.compile(
    rf"[{UPPER}](?<![\w'\u2019.&-].)[\w'\u2019.&-]*+"
    rf"(?:[^\S\n]++(?:(?:{'|'.join(sorted(NAME_PARTICLES))})[^\S\n]++){{0,2}}[{UPPER}][\w'\u2019.&-]*+){{0,7}}"
)


_NON_SPACE = re.compile(r"\S++")


def names_in_text(text: str) -> list[tuple[int, str]]:
    """Where ``text`` names people in full, as ``(end, name)``: the names that runs of capitalised
    words hold once titles and organisations are set aside (``Chief Executive Darren Woods``,
    ``Amazon's CEO, Andy Jassy``), two to four words that make a plausible name."""
    found = []
    for m in _CAPITAL_RUN.finditer(text):
        if len(m.group(0).split(maxsplit=1)) < 2:
            continue  # one word: no full name
        written = [(w.end(), w.group(0)) for w in _NON_SPACE.finditer(m.group(0))]
        if len(written) < 2:
            continue
        sentence: list[tuple[int, str]] = []
        for k, (end, word) in enumerate(written):
            sentence.append((end, word))
            if k + 1 < len(written) and not (word.endswith(".") and not _INITIALS.fullmatch(word)):
                continue
            # a full stop after a word that is no initial ends a sentence: "... C.C. Wei. The Times"
            words = [_bare(w) for _e, w in sentence]
            for run in _runs(words):
                name = " ".join(run.words)
                if len(run.words) >= 2 and _person_run(run, _no_company) and plausible_name(name):
                    found.append((m.start() + sentence[run.start + len(run.words) - 1][0], name))
                elif run.after == "possessive" and run.words[0] in FIRST_NAMES and len(run.words) < 3:
                    # "from CEO James Park's mouth": a first name, then a surname with its 's
                    end = run.start + len(run.words)
                    whole = _Run([*run.words, _POSSESSIVE_END.sub("", words[end])], run.start, run.before, "", "other")
                    name = " ".join(whole.words)
                    if _person_run(whole, _no_company) and plausible_name(name):
                        found.append((m.start() + sentence[end][0], name))
            sentence = []
    return found


def _no_company(name: str) -> bool:
    return False


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
    if not all(w[:1].isupper() or w in NAME_PARTICLES or _PARTICLE_NAME.fullmatch(w) for w in words):
        return False  # "the governor"
    if words[0] in NO_NAME or words[0] in _known_names() or text in _known_names():
        return False
    if _FAMILY_NAME_FIRST.fullmatch(text):
        return True  # "Park Chul-wan": a given name of two syllables after the family name
    return not _no_name_word([w.strip(".,") for w in words])


# a family name first, then a romanised given name of two syllables joined by a hyphen, the
# second in lower case ("Park Chul-wan", "Lee Jae-yong", "Koh Dong-jin")
_FAMILY_NAME_FIRST = re.compile(r"[A-Z][a-z]{1,4} [A-Z][a-z]{1,4}-[a-z]{2,5}")


def _no_name_word(words: list[str]) -> bool:
    """Whether a word of no person's name is among ``words``: ``Central Park`` yes, ``James
    Park`` no (a first name, then a word that is a common surname too)."""
    last = len(words) - 1
    return any(
        w.rstrip(".") in NOT_NAME_WORDS
        and not (k == last and k in (1, 2) and w in SURNAME_WORDS and words[0] in FIRST_NAMES)
        for k, w in enumerate(words)
    )


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
    role = _DETERMINER_FIRST.sub("", role.strip(" ,"))
    return role or None


_DETERMINER_FIRST = re.compile(r"^(?:the|an?|its|their|his|her)\s+", re.IGNORECASE)
_HONORIFIC_FIRST = re.compile(rf"^{HONORIFIC}\s+")
_POSSESSIVE_END = re.compile(r"['\u2019]s$")


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
        mention = _HONORIFIC_FIRST.sub("", mention.strip())
        mention = _POSSESSIVE_END.sub("", mention)  # "Donald Trump's eldest daughter"
        if mention in self.by_name:
            return self.by_name[mention]
        words = mention.split()
        surname = words[-1] if words else ""
        matches = [p for p in self.by_name.values() if p.surname == surname]
        first = next((w for w in words[:-1] if w not in HONORIFICS and w.casefold() not in TITLE_WORDS), "")
        if first:
            # "Bill Clinton" is not "Hillary Clinton": a full name matches only the same first name
            matches = [p for p in matches if p.name.split()[0] == first or p.name.endswith(mention)]
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
    for m in _APPOSED.finditer(body):
        name, rest = m.group("name"), m.group("rest")
        role = ROLE.search(rest.casefold())
        if not plausible_name(name) or role is None:
            continue
        orgs = [c for _p, c in companies_in(rest)]
        org = orgs[-1] if orgs else org_phrase(rest)
        people.add(name, rest[: role.end()].strip(), org)
    for m in _ORG_ROLE_NAME.finditer(body):
        orgs = [c for _p, c in companies_in(m.group("org"))]
        if orgs and plausible_name(m.group("name")):
            people.add(m.group("name"), m.group("role"), orgs[-1])


ROLE = re.compile(ROLE_WORDS)
_APPOSED = FromWordStarts(re.compile(rf"(?P<name>{NAME}),\s+(?P<rest>[^,;.\"\u201c\u201d]{{2,90}})"), UPPER)
# (the look-behind after the first capital, not before it: a pattern that opens with a
# character is scanned for at C speed)
_ORG_ROLE_NAME = re.compile(
    rf"(?P<org>[A-Z](?<![\w&.-].)[\w&.-]*+(?:\s[A-Z][\w&.-]*+){{0,2}}?)(?:['\u2019]s)?\s+(?P<role>{ROLE_WORDS})\s+(?P<name>{NAME})"
)


def org_phrase(rest: str) -> str | None:
    m = re.search(r"\b(?:at|of|for|from)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w&'\u2019.-]*\s?){1,5})", rest)
    if not m:
        return None
    return re.sub(r"['\u2019]s$", "", m.group("org").strip()) or None
