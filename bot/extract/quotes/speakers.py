"""Who an attribution's words name: a person (``Mr Gates`` is ``Bill Gates``, named before), an
organisation (``a Sony spokesman``, ``the firm``, ``the report``), or nobody in particular
(``one analyst``). Pronouns resolve to the last person named; ``it`` and ``they`` to the
organisation quoted or named last.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from bot.extract.patterns import FromLiterals, trie_pattern
from bot.extract.people import (
    CLAUSE_WORDS,
    HEAD_TITLES,
    HONORIFIC,
    NAME,
    ROLE,
    ROLE_WORDS,
    UPPER,
    People,
    names_in_text,
    person_in,
    plausible_name,
    trim_name,
)
from bot.extract.people_words import (
    FEMALE_NAMES,
    FEMALE_WORDS,
    HONORIFICS,
    MALE_NAMES,
    MALE_WORDS,
    SURNAME_WORDS,
    TITLE_WORDS,
)
from bot.extract.quotes.words import (
    FIRM_WORDS,
    FUNCTION_WORDS,
    LEGAL_DOCUMENTS,
    MADE,
    MAKERS,
    MEMBERS,
    ORG_KINDS,
    ORG_VOICES,
    ORGANISATION_NOUNS,
    PRONOUNS,
    PUBLICATION_WORDS,
    SAME_DOCUMENT,
    UNNAMED_DETERMINERS,
    UNNAMED_PEOPLE,
    VERBS,
    VOICE_NOUNS,
    alternatives,
)

_UNNAMED = re.compile(
    rf"^{alternatives(UNNAMED_DETERMINERS)}\s+(?:[\w-]+\s+){{0,3}}?{alternatives(UNNAMED_PEOPLE)}\b", re.IGNORECASE
)
_ORG_VOICE = re.compile(alternatives(ORG_VOICES), re.IGNORECASE)
_POSSESSIVE_END = re.compile(r"['\u2019]s$")
_ONE_WORD = re.compile(rf"[{UPPER}][\w&'\u2019-]+")
_RELATIVE_CLAUSE = re.compile(r",?\s+(?:who|which|whose)\s")
_TITLED_NAME = re.compile(rf"{HONORIFIC}\s")
_TITLED_SURNAME = re.compile(rf"{HONORIFIC}\s+[A-Z][\w'\u2019-]+")
_WHOLE_NAME = re.compile(NAME)
_AGED = re.compile(r"\d-year-old\s+$")
_ROLE_WORD = re.compile(rf"{ROLE_WORDS}\b")
# the last words of organisations' names
_ORG_HEADS = frozenset(ORG_KINDS) | frozenset(
    "league coalition church watch party foundation center centre institute university college school club times"
    " post news press federation alliance fund project society caucus forum hospital police army navy".split()
)


class Earlier:
    """What a pattern matches in the whole body, found once and then asked for the last match
    before a position: looking back from every quotation costs a look-up, not a new search of
    all the text before it."""

    def __init__(self, body: str):
        self.body = body
        self._found: dict[tuple, tuple[list[int], list]] = {}
        self._names: dict[str, tuple[list[int], list[str]]] | None = None
        self._first_words: dict[str, set[str]] = {}
        self._phrases: dict[str, tuple[list[int], list[str]]] | None = None
        self._proper: set[str] | None = None
        self._titled: dict[str, str] | None = None
        self._pronoun_sex: dict[str, str] | None = None
        self._in_full: list[tuple[int, str]] | None = None

    def last(self, pattern: str | re.Pattern, position: int, keep=None, value=lambda m: m):
        """``value`` of the last match ending by ``position`` for which ``keep(match)`` holds."""
        key = (pattern, keep, value)
        found = self._found.get(key)
        if found is None:
            matches = [m for m in re.finditer(pattern, self.body) if keep is None or keep(m)]
            found = self._found[key] = ([m.end() for m in matches], [value(m) for m in matches])
        ends, values = found
        i = bisect.bisect_right(ends, position)
        return values[i - 1] if i else None

    def full_name(self, surname: str, position: int) -> str | None:
        """The last person's full name ending in ``surname`` (one word or more) before
        ``position``; or, when none is named before, the first named after it."""
        if self._names is None:
            self._names, self._first_words = {}, {}
            for end, name in names_in_text(self.body):
                first = name.split()[0]
                if first.endswith("ing") and first not in MALE_NAMES and first not in FEMALE_NAMES:
                    continue  # "Electing Obama in '08", "Having Trump": a gerund, no given name
                ends, names = self._names.setdefault(name.split()[-1], ([], []))
                ends.append(end)
                names.append(name)
                self._first_words.setdefault(name.split()[0], set()).add(name)
        words = surname.split()
        ends, names = self._names.get(words[-1], ((), ()))
        longer = [(end, name) for end, name in zip(ends, names, strict=True) if _ends_with(name, words)]
        before = [name for end, name in longer if end <= position]
        if before:
            return before[-1]
        if longer:
            return longer[0][1]
        # "Wang Xiaochuan ... Wang said", "Koh Dong-jin ... Koh said": a family name written
        # first; "Doug Williams ... Doug said": a first name alone; either when one name alone
        # starts with it and none ends with it
        starting = self._first_words.get(surname, set()) if len(words) == 1 else set()
        if len(starting) == 1:
            return next(iter(starting))
        # "Bill Merry ... '...,' Marry said", "Chris Woleske ... Woleskse said": a surname
        # mistyped by one letter, when one surname alone of the people named in full is that close
        close = {s for s in self._names if _one_letter_apart(surname, s)} if len(words) == 1 else set()
        if f"the {surname}" in self.body or f"The {surname}" in self.body:
            close = set()  # "the Clintons": a family, no Clinton mistyped
        if len(close) == 1:
            written = close.pop()
            ends, names = self._names[written]
            before = [name for end, name in zip(ends, names, strict=True) if end <= position and " " in name]
            if not before:
                return None
            if self._times(surname) > self._times(written):
                # "Alex Water ... Waters said ... Waters added": the full name was the one mistyped
                return before[-1].rsplit(" ", 1)[0] + " " + surname
            return before[-1]
        return None

    def _times(self, word: str) -> int:
        return len(re.findall(rf"\b{re.escape(word)}\b", self.body))

    def titled(self, surname: str) -> str | None:
        """``m`` or ``f`` when the body writes Mr or Ms (and the like) before ``surname``."""
        if self._titled is None:
            self._titled = {}
            for m in _SEX_TITLE.finditer(self.body):
                sex = "m" if m.group("title").casefold() in MALE_WORDS else "f"
                self._titled.setdefault(m.group("surname"), sex)
        return self._titled.get(surname)

    def named_in_full(self, position: int, reach: int = 1200) -> list[tuple[int, str]]:
        """``(start, name)`` of the people named in full within ``reach`` before ``position``."""
        if self._in_full is None:
            self._in_full = sorted((end - len(name), name) for end, name in names_in_text(self.body))
        i = bisect.bisect_left(self._in_full, (position, ""))
        j = bisect.bisect_left(self._in_full, (position - reach, ""))
        return self._in_full[j:i]

    def pronoun_sex(self, surname: str) -> str | None:
        """``m`` or ``f`` when the body gives ``surname`` a pronoun of its own, the same each
        time: "Clinton herself", "Sherman said she", "Gowdy told reporters that he"."""
        if self._pronoun_sex is None:
            votes: dict[str, set[str]] = {}
            for m in _OWN_PRONOUN.finditer(self.body):
                pronoun = m.group("pronoun") or m.group("self")
                votes.setdefault(m.group("surname"), set()).add("f" if pronoun in ("she", "her") else "m")
            self._pronoun_sex = {name: sexes.pop() for name, sexes in votes.items() if len(sexes) == 1}
        return self._pronoun_sex.get(surname)

    def proper(self, word: str) -> bool:
        """Whether the body writes ``word`` capitalised inside a sentence somewhere (``"...," Li
        said``), which a common noun that opens a sentence (``Prosecutors said``) is not."""
        if self._proper is None:
            self._proper = set()
            body = self.body
            for m in _AFTER_A_SPACE.finditer(body):
                # after a word, a comma, or a closing mark after a comma or a question: inside a sentence
                at = m.start()
                before, earlier = body[at - 1 : at], body[at - 2 : at - 1]
                inside = before.isalnum() or (before and before in ",;_")
                if inside or (before and before in '"\u201d' and earlier and earlier in ",;?!"):
                    self._proper.add(m.group(1))
        return word in self._proper

    def longer_name(self, word: str, position: int) -> str | None:
        """The longest run of capitalised words starting with ``word`` before ``position``
        (``Pew`` -> ``Pew Research Center``), the first of equals."""
        if self._phrases is None:
            found: dict[str, list[tuple[int, str]]] = {}
            for m in _PHRASE.finditer(self.body):
                found.setdefault(m.group("first"), []).append((m.end("phrase"), m.group("phrase")))
            self._phrases = {}
            for first, phrases in found.items():
                ends, best = self._phrases[first] = ([], [])
                for end, phrase in sorted(phrases, key=lambda p: p[0]):
                    ends.append(end)
                    best.append(phrase if not best or len(phrase) > len(best[-1]) else best[-1])
        ends, best = self._phrases.get(word, ((), ()))
        i = bisect.bisect_right(ends, position)
        return best[i - 1] if i else None


class Speakers:
    """Turns the words of an attribution into a speaker, using what the article said before."""

    def __init__(self, people: People, companies_in, last_company, body: str = "", company_names=None):
        self.people = people
        self.company_names = company_names or {}  # how the body names companies: surface -> company
        self.companies_in = companies_in  # text -> [(start, company)]
        self.last_company = last_company  # position -> company named last before it, or None
        self.body = body  # the text positions refer to, for "the magazine" named earlier
        self.earlier = Earlier(body)
        self.last_person: tuple[int, str] | None = None
        self.last_speaker: tuple[int, str] | None = None
        self.last_voice: tuple[int, str] | None = None  # the last organisation quoted
        self.last_org: tuple[int, str] | None = None  # the last organisation a sentence is about
        self.last_spokesman: tuple[int, str] | None = None  # the organisation of the last unnamed spokesman
        self.last_pair: tuple[int, str] | None = None  # the last two organisations a sentence is about
        # the last sentence whose subject was "he" or "she" (where, the pronoun, whom it meant), and
        # where the last sentence's subject that is a person stood
        self.pronoun_subject: tuple[int, str, str] | None = None
        self.last_subject = -1
        self.recent: list[tuple[int, str]] = []  # the people last named or heard, latest last
        self.history: list[tuple[int, str]] = []  # every time a person was named or heard, in order
        self._org_like: dict[str, bool] = {}
        self.heard: dict[str, list[int]] = {}  # where each of them was heard speaking
        self.subjects: set[tuple[int, str]] = set()  # where a person was a sentence's subject, and who
        self.sentence_starts: list[int] = []  # where the body's sentences near quotations start
        self.quoted: list[tuple[int, int]] = []  # the quotations' (start, end) in the body, in order
        self.organisations: dict[str, str] = {}  # an organisation as the text writes it -> its company
        self.sexes: dict[str, str] = {}

    def mention(self, position: int, name: str) -> None:
        name = _POSSESSIVE_END.sub("", trim_name(name))  # "Donald Trump's eldest daughter": Donald Trump
        found = person_in(name) if " " in name else None
        if found is not None and found[1]:
            name = found[0]  # "Cr Peter Hodge": the name without its title
        if self.last_person is None or position >= self.last_person[0]:
            self.last_person = (position, name)
        self._recent(position, name)

    def _recent(self, position: int, name: str) -> None:
        """``name`` was named or heard speaking at ``position``: the people in mind, latest last."""
        self.recent = [x for x in self.recent if x[1] != name][-11:]
        bisect.insort(self.recent, (position, name))
        bisect.insort(self.history, (position, name))

    def sex(self, name: str, sex: str | None = None) -> str | None:
        """``m``, ``f`` or ``None`` for the person ``name``: told by ``sex`` (a pronoun the text
        gave them), a title the text writes before their surname (Mr, Ms), their role
        (spokeswoman) or their first name; the first evidence holds."""
        if sex and name not in self.sexes:
            self.sexes[name] = sex
        if name in self.sexes:
            return self.sexes[name]
        if " " not in name:
            # "Ash" heard speaking ('"...," Ash countered'): the sex of the person named in full
            person = self.people.resolve(name)
            if person is not None and person.name != name and " " in person.name:
                return self.sex(person.name)
        words = name.split()
        if words[0] in MALE_NAMES or words[0] in FEMALE_NAMES:
            return "m" if words[0] in MALE_NAMES else "f"
        titled = self.earlier.titled(words[-1]) or self.earlier.pronoun_sex(words[-1])
        if titled:
            return titled
        person = self.people.resolve(name)
        role = (person.role or "").casefold().split() if person else []
        if any(w in MALE_WORDS for w in role) != any(w in FEMALE_WORDS for w in role):
            return "m" if any(w in MALE_WORDS for w in role) else "f"
        return None

    def subject(self, position: int, phrase: str, *, speech: bool) -> None:
        """``phrase`` is the subject of a sentence at ``position`` (reporting speech, with
        ``speech``): the person a "he" after it means, or the organisation an "it" means. A
        pronoun subject keeps the person it means in mind."""
        if "\n" in phrase:
            return  # a heading with no full stop run into the paragraph after it: no one's name
        low = phrase.casefold()
        if low in {"he", "she"}:
            last = self._last_person(low, position)
            if last is not None and not self._spokesman_last(last):
                self.mention(position, last[1])
                self.pronoun_subject, self.last_subject = (position, low, last[1]), position
                self.subjects.add((position, last[1]))
            return
        if low in PRONOUNS:
            return
        pair = self._pair_of_organisations(phrase)
        if pair is not None:
            self.last_pair = (position, pair)  # "ArcelorMittal and SAIL have signed": "the two companies"
        if not speech and "," not in phrase and not _TITLED.search(phrase):
            named = person_in(phrase, self._is_company)
            if named is not None and (named[1] or self._known_person(named[0], position)):
                # (or a name after an honorific, a person whether named before or not: "Mr Collins debated")
                result = self.resolve(phrase, position, unknown_orgs=False)  # "Kasich took a different tack"
                if result is not None and result[0]:
                    self.mention(position, result[0])
                    self.last_subject = position
                    self.subjects.add((position, result[0]))
                return
            if named is not None and " " in named[0] and _AGED.search(self.body[max(0, position - 16) : position]):
                self.mention(position, named[0])  # "62-year-old Brenda Johnson also railed": a person
                return
            if named is not None and (named[1] or " " in named[0]):
                return  # a plain name is no evidence of a person ("Delta Airlines declined to comment")
            org = self._organisation_subject(phrase, position)
            if org is not None and not self.inside_quotation(position):
                # (not a subject inside a quotation: '"... with MoneySmart ...," [new paragraph]
                # "...," the company said' is the quoted company's)
                self.last_org = (position, org)
            return
        result = self.resolve(phrase, position, unknown_orgs=speech)
        if result is None and speech and _ONE_WORD.fullmatch(phrase):
            self.last_org = (position, phrase)  # "Ofcom said ...": no person, so what "the regulator" means
            return
        if result is None or not result[0]:
            return
        if self.people.resolve(result[0]) is not None:
            self.mention(position, result[0])
            self.last_subject = position
            self.subjects.add((position, result[0]))
            if speech:
                self.spoke(position, result[0])
        elif result[0] == result[2] or speech:
            self.last_org = (position, result[0])  # "Ofcom said ...": an organisation, or no person on record
            opens = self.body[max(0, position - 3) : position].rstrip()[-1:] in ("", ".", "!", "?", "\n")
            # (or a said-clause that ends its sentence after a comma: "..., Abuelsamid said.")
            ends = self.body.endswith(", ", 0, position) and _SAID_AND_STOP.match(self.body, position + len(phrase))
            if speech and (opens or ends) and result[2] is None and result[0] == phrase and self._bare_person(phrase):
                # "Masi said the water ... [new paragraph] She argued", "Cruz openly admitted ... he
                # said": or, opening a sentence, a surname the text never gives in full, whom a "she"
                # or "he" after it means (not "said Trumbull continued to ...", a reported clause's)
                self.spoke(position, phrase, person=True)

    def _pair_of_organisations(self, phrase: str) -> str | None:
        """``ArcelorMittal and Steel Authority of India Ltd``: two organisations a subject joins."""
        if " and " not in phrase:
            return None
        parts = [_LEGAL_SUFFIX_END.sub("", re.sub(r"^[Tt]he\s+", "", p.strip())) for p in phrase.split(" and ")]
        if len(parts) != 2 or not all(parts):
            return None
        for part in parts:
            if not (self.companies_in(part) or (_looks_like_org(part) and part.split()[-1][:1].isupper())):
                return None
        return " and ".join(parts)

    def _bare_person(self, word: str) -> bool:
        """``Cruz``, ``Masi``: one capitalised word that may be a surname: no company, no
        acronym or inner capitals, no plural noun (``Prosecutors``) unless written inside sentences."""
        return (
            " " not in word
            and word not in FUNCTION_WORDS
            and not _NOT_A_SURNAME.search(word)
            and not _looks_like_org(word)
            and not self.companies_in(word)
            and (word[-1] != "s" or self.earlier.proper(word))
        )

    def _known_person(self, name: str, position: int) -> bool:
        return self.people.resolve(name) is not None or self._full_name(name, position) is not None

    def _organisation_subject(self, phrase: str, position: int) -> str | None:
        """The organisation a sentence's subject names: a company, or capitalised words that are
        no person's name (``Seven & I``, ``the Competition Commission``, ``NortonLifeLock``), a
        single word only when the text also writes it capitalised inside a sentence."""
        companies = [c for _s, c in self.companies_in(phrase)]
        if companies:
            return self.written(companies[0], phrase)
        kind = _DEFINITE_ORG.match(phrase)
        if kind and not _NAMED_ORG.match(phrase):
            return self._named_as(kind.group("kind"), position)
        name = re.sub(r"^[Tt]he\s+", "", phrase)
        name = re.split(r"['\u2019]s?(?:\s|$)", name)[0]  # "Orvia's share price fell": Orvia
        if not name[:1].isupper() or name.split()[0] in FUNCTION_WORDS:
            return None
        if " " in name:
            return name if _looks_like_org(name) or "&" in name else None
        return name if self.earlier.proper(name) else None  # "Fans of the series" are no organisation

    def _spokesman_last(self, last: tuple[int, str]) -> bool:
        return self.last_spokesman is not None and self.last_spokesman > last

    def spoke(self, position: int, name: str, *, person: bool = False) -> None:
        """``name`` was reported speaking: "he added" most likely means them. Only a person (or
        an organisation's unnamed spokesman, see :meth:`spokesman`) can be "he" or "she";
        ``person``: the caller knows it is one (a surname in a said-clause, '"...," Pruitt said')."""
        name = trim_name(name)
        if person:
            if self.last_speaker is None or position >= self.last_speaker[0]:
                self.last_speaker = (position, name)
            self._recent(position, name)
            self.heard.setdefault(name, []).append(position)
            return
        if "," in name:  # "Lord Currie, chairman of Ofcom": the name, not its apposition
            found = person_in(name, self._is_company)
            if found is None:
                return
            known = self.people.resolve(found[0])
            name = known.name if known is not None else found[0]
        if not self._is_person(name):
            return
        if self.last_speaker is None or position >= self.last_speaker[0]:
            self.last_speaker = (position, name)
        self._recent(position, name)
        self.heard.setdefault(name, []).append(position)

    def spokesman(self, position: int, org: str) -> None:
        """An unnamed spokesman of ``org`` was reported speaking: a "he said" after it is theirs."""
        if self.last_spokesman is None or position >= self.last_spokesman[0]:
            self.last_spokesman = (position, org)

    def _membership(self, holder: str, position: int) -> tuple[str, str | None, str | None] | None:
        """Who an unnamed member speaks for: ``a Republican National Committee member``, ``a Google
        employee`` (the organisation); ``a Clinton campaign spokesman`` (the candidate, named in
        full before). Nothing for an adjective (``a Democratic official``)."""
        holder = re.sub(r"\s+campaign$", "", holder.strip())
        companies = [c for _s, c in self.companies_in(holder)]
        if companies:
            return self.written(companies[-1], holder), None, companies[-1]
        if " " not in holder and self._known_person(holder, position):
            person = self.people.resolve(holder)
            name = person.name if person is not None else self._full_name(holder, position)
            return name, None, None
        if _looks_like_org(holder):
            return holder, None, holder
        return None

    def _last_two_companies(self, position: int) -> str | None:
        """``the two companies said``: the last two companies named within the paragraph before,
        else within the few before that (the lead names the two, quotations of their chiefs follow)."""
        floor = self.body.rfind("\n\n", 0, max(0, self.body.rfind("\n\n", 0, position)))
        for start in (max(0, floor), max(0, position - _BOTH_REACH)):
            named: list[str] = []
            for _s, company in reversed(self.companies_in(self.body[start:position])):
                if company not in named:
                    named.append(company)
                if len(named) == 2:
                    window = self.body[start:position]  # as the text writes them: "MTN Group", "Airtel Africa"
                    return f"{self.written(named[1], window)} and {self.written(named[0], window)}"
        return None

    def _last_organisation(self, position: int, *, named_last: bool = True) -> str | None:
        """What "it" or "the company" means at ``position``: the organisation last quoted or last
        the subject of a sentence, within the paragraph before ('"...," said the magazine.
        [new paragraph] "...," it concluded.'), else the company named last."""
        recent = [
            x
            for x in (self.last_voice, self.last_org)
            if x is not None and self.body.count("\n\n", x[0], position) <= 1
        ]
        if recent:
            return max(recent)[1]
        return self.last_company(position) if named_last else None

    def _last_person(self, pronoun: str = "", position: int | None = None) -> tuple[int, str] | None:
        """The person named or heard speaking last, with where; for "he" or "she", the most
        salient person of the last sentence that names one the text does not tell is of the
        other sex (see :meth:`_salient`)."""
        known = [x for x in (self.last_speaker, self.last_person) if x is not None]
        want = {"he": "m", "she": "f"}.get(pronoun)
        if want is None:
            return max(known) if known else None
        fits = [x for x in self.recent if self.sex(x[1]) in (want, None)]
        if not fits:
            # "he" when everyone in mind is a woman: a man the text named in passing, or someone
            # it did not name ("Mr Collins debated Anna Price. "...," she said")
            return self._named_in_passing(want, position)
        return self._salient(want) or fits[-1]

    def _named_in_passing(self, want: str, position: int | None) -> tuple[int, str] | None:
        """The last person named in full in the paragraph before ``position`` or the one before
        it whom the text tells is of sex ``want`` (by a given name, a title or a pronoun of their own)."""
        if position is None:
            return None
        floor = self.body.rfind("\n\n", 0, max(0, self.body.rfind("\n\n", 0, position)))
        for start, name in reversed(self.earlier.named_in_full(position)):
            if start < floor:
                break
            if self.inside_quotation(start) or self.organisation_like(name):
                continue
            if self.sex(name) == want:
                return start, name
        return None

    def _salient(self, want: str) -> tuple[int, str] | None:
        """Whom a "he" or "she" means: of the people the last sentence naming any fitting one
        names (no organisation, none of a quotation's words, none the text tells is of the other
        sex), one the text tells is of that sex before one it does not tell of ("she" only), then
        the first heard speaking, then the sentence's subject, then the first named: the subject
        of "Zuckoff said the guards "heard Bob say" it" and of "Gowdy said the panel met Rice and
        Rhodes", not the people its clauses name after it."""
        fits: list[tuple[int, str]] = []
        start = 0
        for x in reversed(self.history):
            if fits and x[0] < start:
                break
            if self.inside_quotation(x[0]) or self.organisation_like(x[1]) or self.sex(x[1]) not in (want, None):
                continue
            if not fits:
                i = bisect.bisect_right(self.sentence_starts, x[0]) - 1
                start = self.sentence_starts[i] if i >= 0 else 0
            fits.append(x)
        if not fits:
            return None
        same = sorted(fits)
        latest = same[-1]
        if want == "f":
            # (a woman the text names as such before a person it tells nothing of: news names
            # more men than women, so "she" after "Denis McDonough read Wendy Sherman's note")
            same = [x for x in same if self.sex(x[1]) == want] or same
        heard = [x for x in same if any(start <= p <= latest[0] for p in self.heard.get(x[1], ()))]
        subject = [x for x in same if x in self.subjects]
        return (heard or subject or same)[0]

    def inside_quotation(self, position: int) -> bool:
        """Whether ``position`` is inside a quotation's words (not at its start, where an
        attributed quotation counts as its speaker's voice): "Trump said" quoted is nobody's cue."""
        i = bisect.bisect_left(self.quoted, (position, position)) - 1
        return i >= 0 and self.quoted[i][0] < position < self.quoted[i][1]

    def organisation_like(self, name: str) -> bool:
        """``Right Wing Watch``, ``Anti-Defamation League``: a name no "he" or "she" can mean."""
        if _TITLED_NAME.match(name):
            return False  # "Mr Flynn", "Prof Brewer"
        found = self._org_like.get(name)
        if found is None:
            found = self._org_like[name] = (
                name.split()[-1].casefold() in _ORG_HEADS or _looks_like_org(name) or bool(self.companies_in(name))
            )
        return found

    def _is_person(self, name: str) -> bool:
        return self.people.resolve(name) is not None or bool(re.match(rf"^{HONORIFIC}\s", name)) or plausible_name(name)

    def resolve(
        self, who: str, position: int, *, unknown_orgs: bool = True, in_slot: bool | None = None
    ) -> tuple[str | None, str | None, str | None] | None:
        """(speaker, role, org), or ``None`` when ``who`` is no attribution at all.

        With ``unknown_orgs``, a name the lexicon does not know but shaped like an
        organisation's (``The MPAA``, ``Merriam-Webster``) is the speaker: right for the words of
        an attribution, too loose for any capitalised words that happen to precede a verb.
        ``in_slot`` (``unknown_orgs`` unless given): ``who`` stands in a said-clause's speaker slot,
        so a surname alone the article never gives in full is a speaker too."""
        who = who.replace("\u2024", ".").strip(" ,\u2014\u2013-")  # abbreviations' full stops, masked to read clauses
        who = re.sub(r"\s{2,}", " ", who) if "  " in who else who  # a nickname blanked inside a name
        who = ACRONYM_IN_CHAIN.sub("", who) if "(" in who else who  # "Union of Public Employees (CUPE) chair"
        who = _RELATIVE.split(who, maxsplit=1)[0] if _RELATIVE_ORG.match(who) else who  # "Orvia, which makes chips"
        through = _THROUGH.fullmatch(who) if " through " in who else None
        if through is not None:
            who = f"{through.group('org')} {through.group('person')}"  # "ASML, through its CEO Peter Wennink"
        apposed = _APPOSED_ORG.match(who) if "," in who else None
        if apposed is not None and not plausible_name(apposed.group("org")):
            who = apposed.group("org")  # "MFS Africa, a pan-African digital payments hub"
        who = _CONJUNCTION.sub("", who)  # "But it concluded", "And the company said"
        opened = _OPENER_NO_COMMA.match(who)
        if opened is not None:
            who = opened.group("who")  # "In an email to Food On Demand the company said"
        low = _OBJECT_PRONOUNS.get(who.casefold(), who.casefold())  # "AFP quoted him as saying"
        if not who or len(who.split()) > 24:
            return None
        if low in PRONOUNS:
            last = self._last_person(low, position)
            if low in {"he", "she"} and self.last_spokesman and (last is None or self.last_spokesman > last):
                org = self.last_spokesman[1]
                return org, None, org
            held = self.pronoun_subject
            if (
                low in {"he", "she"}
                and last is not None
                and held is not None
                and held[1] == low
                and held[0] == self.last_subject
                and last[0] > held[0]
                and (self.last_speaker is None or self.last_speaker[0] <= held[0])
                and "\n\n" not in self.body[held[0] : position]
            ):
                # "He thanked his partner, Tom Reyes, who founded the firm. "...," he said": the
                # "he" the sentence before was about, not the man it named in passing
                last = (held[0], held[2])
            if low in {"he", "she"} and last is not None:
                name = last[1]
                person = self.people.resolve(name)
                if person is None:
                    bare = re.sub(rf"^{HONORIFIC}\s+", "", name)  # "says Prof Brewer": Eric Brewer, named before
                    person = self.people.add((" " not in bare and self._full_name(bare, position)) or bare)
                return person.name, person.role, person.org
            if low in {"it", "they", "we"}:
                company = self._last_organisation(position)
                return (company, None, self.organisations.get(company, company)) if company else (None, None, None)
            return (None, None, None)
        acronym = _THE_ACRONYM.fullmatch(who)
        if acronym is not None:
            # "the CEC added" after "Chief Election Commissioner Rajiv Kumar": the person whose
            # title the letters stand for
            titled = self.earlier.last(_titled_by(acronym.group(1)), position, value=_group_name)
            if titled is not None and plausible_name(titled):
                person = self.people.resolve(titled) or self.people.add(titled)
                return person.name, person.role, person.org
        team = _PERSON_TEAM.match(who)
        if team is not None:
            # "Rubio's campaign said", "Powell's office said", "the Sanders campaign": the person
            # named before speaks through them (no company: "Apple's office in London")
            holder = _POSSESSIVE_END.sub("", team.group("holder"))
            person = self.people.resolve(holder)
            if person is None and " " not in holder and not self._is_company(holder):
                full = self._full_name(holder, position)
                person = (self.people.resolve(full) or self.people.add(full)) if full else None
            if person is not None and " " in person.name and not self._is_company(holder):
                return person.name, person.role, person.org
        voice = self._voice(who, position)
        if voice:
            person = self.people.by_name.get(voice)
            return (person.name, person.role, person.org) if person else (self.written(voice, who), None, voice)
        member = _MEMBER.match(who)
        if member:
            # ("the senior Cruz adviser": who Cruz is, not the person the article talks about)
            found = self._membership(member.group("org"), position)
            if found is not None:
                return found
        member = _MEMBER_AT.match(who)
        if member:
            # "a board director at FEMSA", "a strategic advisor to Walmart in Mexico": one of its
            # people speaks for it (not "a customer of Walmart", nor "a former official at")
            org = member.group("org")
            found = self._membership(org, position)
            if found is None and " " not in org and self.earlier.proper(org) and not plausible_name(org):
                found = org, None, org  # a name the body writes capitalised inside its sentences
            if found is not None:
                return found
        titled = _THE_TITLE.fullmatch(who)
        if titled and not _NOT_A_TITLE.fullmatch(titled.group("title")):
            # "said the Tanaiste" after "Tanaiste Leo Varadkar", "the dean wrote" after "dean Tom
            # Harris": the person the article gave that title last, whatever lists hold the title
            person = self._titled_last(titled.group("title"), position)
            if person is not None:
                return person.name, person.role, person.org
        described = _DESCRIBED_PERSON.match(who) or _DESCRIBED_BY_ORG.match(who)
        if described and not re.search(r"\s(?:of|for)\s+[A-Z]", who):  # not "the Department of Justice"
            # "added the Uruguayan-born researcher": the person the article is talking about
            last = self._last_person()
            person = (self.people.resolve(last[1]) or self.people.add(last[1])) if last else None
            if person is not None:
                return person.name, person.role, person.org
        house = _ANALYSTS_AT.match(who)
        if house:  # "analysts at Bernstein said": the house speaks through them
            companies = [c for _s, c in self.companies_in(house.group("org"))]
            org = companies[0] if companies else house.group("org").strip()
            return self.written(org, who), None, org
        if _BOTH.match(who):
            both = self._last_two_companies(position)
            if both is None and self.last_pair is not None and position - self.last_pair[0] <= _BOTH_REACH:
                both = self.last_pair[1]
            return (both, None, None) if both else (None, None, None)
        unnamed = _UNNAMED.match(who)
        if unnamed and not (low.startswith("the ") and not unnamed.group(0).casefold().endswith(("s", "people"))):
            return (None, None, None)  # "one analyst", "the researchers"; not "the chief executive"
        voice_of_kind = _VOICE_FOR_KIND.match(who)
        if voice_of_kind:  # "a spokesperson for the company": the one the text is about
            named = self._last_organisation(position, named_last=voice_of_kind.group("kind").casefold() in FIRM_WORDS)
            return (named, None, self.organisations.get(named, named)) if named else (None, None, None)
        named = self._person_named(who, position, in_slot=unknown_orgs if in_slot is None else in_slot)
        companies = [c for _s, c in self.companies_in(who)]
        if not companies and who in self.company_names:
            companies = [self.company_names[who]]  # a name the body confirms as a company's elsewhere
        if named is not None:
            name, form = named
            role, org = _role_and_org(who, name, companies)
            if form == "full":
                person = self.people.add(name, role, org)
            else:
                person = self.people.resolve(name)
                if person is None or not person.name.endswith(name):
                    full = self._full_name(name, position)
                    if full is None and form == "surname":
                        # "Li said": a word the article never gives as a person's name in full
                        # is the speaker, but no person on record (nor a "he" after it)
                        return name, role, org
                    person = self.people.add(full or name, role, org)
                else:
                    person = self.people.add(person.name, role, org)  # a role or organisation given now
            return person.name, person.role, person.org
        if companies and (_ORG_VOICE.search(who) or len(who.split()) <= 3):
            return self.written(companies[-1], who), None, companies[-1]
        kind = _DEFINITE_ORG.match(who)
        if kind and not _NAMED_ORG.match(who):  # "the agency", not "the European Commission"
            named = self._named_as(kind.group("kind"), position)
            if named is None:
                # "the company said": the one last quoted or made a sentence's subject, or (for a
                # firm) named last; "the agency said": the organisation last quoted or subject
                firm = kind.group("kind").casefold() in FIRM_WORDS
                named = self._last_organisation(position, named_last=firm)
                if firm and named is not None and _PUBLIC_BODY_END.search(named):
                    named = self.last_company(position)  # "the company" is none of the authorities
            return (named, None, self.organisations.get(named, named)) if named else (None, None, None)
        org = _ORG_NAME.fullmatch(who) if unknown_orgs else None
        if org and _looks_like_org(org.group("org")):
            return org.group("org"), None, org.group("org")
        named = _THE_NAMED.fullmatch(who) if unknown_orgs else None
        if (
            named is not None
            and named.group("org").split()[-1].casefold() not in _NO_ORG_AFTER_THE
            and not re.search(r"-[a-z]+$", named.group("org"))  # "The Elon Musk-led company": an adjective
            and not _a_title(named.group("org").split())  # "the General Manager for Tellus Money"
        ):
            # "The Blaze reported", "the Post reported" (after "The Washington Post"), "the Association
            # of Flight Attendants union said": a name after "the" in a said-clause is an organisation's
            name = named.group("org")
            longer = self.earlier.last(rf"(?:[{UPPER}][\w&.'\u2019-]*\s+){{1,3}}{re.escape(name)}\b", position)
            name = re.sub(r"^[Tt]he\s+", "", longer.group(0)) if longer is not None and " " not in name else name
            return name, None, name
        document = _VOICE_OF.match(who)
        if document and document.group("noun").casefold() in LEGAL_DOCUMENTS:
            return (None, None, None)  # "the suit says": its maker is not named, and nobody else said it
        if _ORG_VOICE.search(who) or _ROLE_WORD.search(low):  # "editor", not "editorial"
            return (None, None, None)
        return None

    def _titled_last(self, title: str, position: int):
        """The person last named right after ``title`` before ``position`` ("Tanaiste Leo
        Varadkar", "CEO José Felix"), or ``None``."""
        word = rf"(?:(?:[{UPPER}]\.){{1,3}}|[{UPPER}][\w'\u2019-]+)"
        name = rf"{word}(?:\s+{word}){{1,3}}"
        title = rf"(?i:{re.escape(title)})"
        pattern = (
            rf"(?<![\w-]){title}\s+(?:{HONORIFIC}\.?\s+)?(?P<after>{name})\b"
            # "Stan Sclaroff, the university's dean of arts": the title in apposition
            rf"|(?<![\w-])(?P<before>{name}),\s+(?:the|an?|its|their)\s+(?:[\w'\u2019&.-]+\s+){{0,3}}?{title}\b"
        )

        def keep(m):
            name = m.group("after") or m.group("before")
            return plausible_name(name) and not self._is_company(name) and not self.inside_quotation(m.start())

        found = self.earlier.last(pattern, position, keep=keep)
        if found is None:
            return None
        name = found.group("after") or found.group("before")
        return self.people.resolve(name) or self.people.add(name)

    def _full_name(self, surname: str, position: int) -> str | None:
        """``Mr Bysshe`` -> ``Simon Bysshe``, named in passing before ("made by Simon Bysshe")."""
        return self.earlier.full_name(surname, position)

    def written(self, company: str, text: str) -> str:
        """``company`` as ``text`` writes it, without a legal suffix (``Walmart`` for the
        lexicon's Wal-Mart, ``NortonLifeLock`` for Symantec): the name the article gives the
        speaker; the organisation stays the company's name."""
        written = [(text.rfind(surface), surface) for surface, c in self.company_names.items() if c == company]
        written = [(at, surface) for at, surface in written if at >= 0]
        if not written:
            return company
        surface = _LEGAL_SUFFIX_END.sub("", max(written, key=lambda x: (x[0], len(x[1])))[1]) or company
        self.organisations[surface] = company
        return surface

    def _is_company(self, name: str) -> bool:
        """``Intel`` is a company; ``Claude Errera`` is no company for holding a product's name."""
        return name in self.company_names

    def _person_named(self, who: str, position: int, *, in_slot: bool) -> tuple[str, str] | None:
        """The person ``who`` names, and in what form: ``full``, ``titled`` (``Ms Bayer
        Rosmarin``, ``Mr Michael Joseph``) or ``surname`` (``Jassy``), the last two to be matched
        to a full name named before.

        The lead of the phrase is read first (``Ben Wood``, an analyst ...), then the later parts
        of a chain of titles that are a name and nothing else (``Globex's CEO, Cynthia Marsh``).
        A surname alone is a person when the article named them in full, or in the speaker's
        slot of an attribution (``in_slot``) when it is shaped like no organisation's name."""
        segments = who.split(",")
        if len(segments) > 1 and _DESCRIPTION.match(segments[0]) and any(_is_name(x.strip()) for x in segments[1:]):
            # "the head of Samsung's chip unit called System LSI, Inyup Kang": the name after the
            # description, no capitalised words inside it
            segments[0] = ""
        for k, segment in enumerate(segments):
            found = person_in(segment, self._is_company)
            if k == 0 and found is not None and len(segments) > 1 and found[0].split()[-1].casefold() in TITLE_WORDS:
                # "ALLETE Chair, President and CEO Bethany Owen": a chain of titles with commas in it,
                # the person at its end
                chained = person_in(" ".join(segments), self._is_company)
                if chained is not None and " " in chained[0] and chained[0] in segments[-1]:
                    return chained[0], "full"
                continue
            if found is None and k == 0 and segment.strip() in SURNAME_WORDS:
                # "Park said" after "CEO James Park": a word of places that is a surname too
                if self._full_name(segment.strip(), position):
                    return segment.strip(), "surname"
                continue
            if found is None and k == 0:
                # "Bloomberg told New York magazine" where the article named Michael Bloomberg: a
                # company's name that is also the surname of a person named in full before
                found = person_in(segment)
                if found is None or " " in found[0] or not self._full_name(found[0], position):
                    continue
                return found[0], "surname"
            if found is None:
                continue
            name, titled = found
            if k and not _only_name(segment, name):
                continue
            if k and any(w in _FIELD_WORDS or (len(w) > 2 and w.isupper()) for w in name.split()):
                continue  # "Executive Vice President, Market Development EEMEA": the title's field
            if titled:
                return name, "titled"
            if len(name.split()) > 1:
                return name, "full"
            if self.people.resolve(name) is not None or self._full_name(name, position):
                return name, "surname"
            if (
                k == 0
                and in_slot
                and not _looks_like_org(name)
                and (self.earlier.proper(name) or name[-1] != "s")
                and not re.match(r"\s*[Tt]he\s", segment)  # "the Courier reported": no person's surname
            ):
                # a word the body writes capitalised only at a sentence's start is a speaker's name
                # too (Orvia, Ofcom), unless it reads like a plural noun (Prosecutors said)
                return name, "surname"
        return None

    def _voice(self, who: str, position: int) -> str | None:
        """The organisation behind an unnamed voice: ``a spokesman for the World Summit on the
        Information Society (WSIS)``, ``the WSIS spokesman``, ``the World Bank report``, ``an
        agency statement`` (the agency named before), ``the report`` (whoever the article said
        wrote it), ``its authors`` (the company the article is about)."""
        m = _VOICE_FOR.match(who) or _PIECE_IN.match(who)
        if m and m.re is _VOICE_FOR and _KIND_AFTER.match(who, m.end()):
            return None  # "a spokesperson for the Colombian app": the app, not "Colombian"
        if m and m.re is _VOICE_FOR and m.end() < len(who):
            named = person_in(who[m.end() :], self._is_company)
            if named is not None and " " in named[0]:
                return None  # "a statement from Sabre spokeswoman Kristin Hay": hers
        if m:
            return self._org_name(m, position)
        m = _VOICE_OF.match(who)
        if m is None:
            return None
        holder, noun = (m.group("holder") or "").strip(), m.group("noun").casefold()
        holder = re.split(r"['\u2019]s\s", holder)[0]  # "Orvia's annual report": Orvia
        if holder.casefold() in {"its", "their"}:
            return self.last_company(position)
        if holder and holder[0].isupper():
            plain = len(holder.split()) == 1 and holder not in FUNCTION_WORDS  # "the Pew report"
            if not (plain or _looks_like_org(holder) or self.companies_in(holder)):
                return None
            companies = [c for _s, c in self.companies_in(holder)]
            return companies[-1] if companies else self._expand(holder, position)
        if holder:  # "an agency statement": the agency named before
            kind = holder.split()[-1]
            return self._named_as(kind, position) if kind.casefold() in _KINDS else None
        if noun.startswith(("spokes", "representative")):
            # "a spokesman" of nobody named: the organisation the sentences just before are about
            # ("Gojek denied the report. "...," a spokesman told Tech In Asia"), or the company
            # named last in the paragraph ("This has been denied by Gojek."); else the caller decides
            return self._organisation_in_view(position)
        return self._author(noun, position)

    def _organisation_in_view(self, position: int) -> str | None:
        paragraph = self.body[self.body.rfind("\n", 0, position) + 1 : position]
        named = [c for _s, c in self.companies_in(paragraph)]
        if named:
            return named[-1]
        recent = self._last_organisation(position, named_last=False)
        return recent if recent is not None and self._an_organisation(recent) else None

    def _an_organisation(self, name: str) -> bool:
        """A company or a name shaped like an organisation's (not "Manafort and", the start of a
        subject of two)."""
        return bool(self.companies_in(name) or _looks_like_org(name)) and name.split()[-1][:1].isupper()

    def _org_name(self, m: re.Match, position: int) -> str:
        org = re.sub(r"^(?:the\s+)?(?:(?:US|UK|EU|UN)(?:['\u2019]s)?\s+)", "", m.group("org").strip())
        return m.group("acronym") or self._expand(org, position)

    def _expand(self, name: str, position: int) -> str:
        """``Pew`` -> ``Pew Research Center``, the longer name the article gave before."""
        if " " in name or not name[:1].isupper():
            return name
        return self.earlier.longer_name(name, position) or name

    def _author(self, noun: str, position: int) -> str | None:
        """Who the article said made ``the report`` (``statement``, ``study`` ...) it now quotes."""
        org = _ORG_PHRASE.format(n="")
        best: re.Match | None = None
        for pattern in (
            # ("a report by e-commerce data platform Metric", "The report, published by The Asian news site")
            rf"\b{noun},?\s+(?:published\s+|released\s+|commissioned\s+)?(?:by|from)\s+"
            rf"(?:[Tt]he\s+)?(?:[a-z][\w-]*+\s+){{0,3}}{org}",
            rf"{org}(?:['\u2019]s)?\s+(?:[a-z-]+\s+)?{noun}\b",
            rf"\b[Ii]n\s+an?\s+{noun}\b[^.\n]{{0,80}}?\s{org}\s+(?:said|says|added|stated)\b",
        ):
            m = self.earlier.last(pattern, position, _org_not_function_word)
            if m is not None and (best is None or m.start() > best.start()):
                best = m
        # "Thomas Slattery filed the suit ... '...,' the lawsuit states": whoever filed or wrote it
        made = self.earlier.last(_made_by(noun), position, _plausible_maker)
        if made is not None and (best is None or made.start() > best.start()):
            return self.people.add(_maker(made)).name
        if best is not None:
            return self._org_name(best, position)
        if noun in LEGAL_DOCUMENTS:
            return None  # a lawsuit is mostly against the company named last, not by it
        # the organisation last quoted or a sentence's subject (within the paragraph before), else
        # the one quoted last, else the company named last
        recent = self._last_organisation(position, named_last=False)
        if recent is not None and self._an_organisation(recent):
            return recent
        if self.last_voice is not None:
            return self.last_voice[1]
        return self.last_company(position)

    def _named_as(self, kind: str, position: int) -> str | None:
        """``the magazine`` -> ``Mobile PC``, named earlier as ``magazine Mobile PC``; ``the group``
        -> ``Reporters Without Borders``, named earlier as ``the media watchdog, Reporters Without
        Borders`` (any organisation noun introduces an organisation's name)."""
        kinds = re.escape(kind)
        if kind.casefold() in ORGANISATION_NOUNS:
            kinds = "|".join(ORGANISATION_NOUNS)
        pattern = rf"\b(?i:{kinds}),?\s+(?:the\s+)?(?P<name>[A-Z][\w&'\u2019-]*+(?:\s+[A-Z][\w&'\u2019-]*+){{0,3}})"
        found = self.earlier.last(pattern, position, value=_group_name)
        if found is None and kind.casefold() in ORGANISATION_NOUNS:
            # "CENTR, the Council of European National Top Level Domain Registries, agrees"
            found = self.earlier.last(_ACRONYM_APPOSED, position, value=_group_acronym)
        if found is None and kind[:1].islower():
            # "the agency" after "the International Atomic Energy Agency (IAEA)"
            # "the ministry" after "India's Ministry of Finance": its name with what it is of
            named = _ORG_PHRASE.format(n=rf"\s+{kind.capitalize()}\b{_OF_WHAT}")
            found = self.earlier.last(named, position, value=_acronym_or_org)
        if found is None and kind.casefold() in _OVERSEERS:
            # "the watchdog" after "the Competition and Markets Authority": the public body named last
            found = self.earlier.last(_PUBLIC_BODY, position, value=_group_org)
        return found


# "analysts at Bernstein", "economists from Goldman Sachs": a house's research speaks for it
_ANALYSTS_AT = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?:analysts?|economists?|strategists?|researchers?)\s+(?:at|from|with)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][\w&.'\u2019-]*(?:\s+(?:&\s+)?[A-Z][\w&.'\u2019-]*){0,4})$"
)
# "a prominent Republican National Committee member who supports Trump", "a senior White House
# official", "a Clinton campaign spokesman": an unnamed member speaks for the organisation
_MEMBER = re.compile(
    r"^(?:an?|one|the|another|one\s+of\s+(?:the|its|their))\s+(?:(?:prominent|senior|top|former|longtime|veteran)\s+)?"
    rf"(?P<org>[{UPPER}][\w&.'\u2019-]*(?:\s+(?:of\s+)?[{UPPER}][\w&.'\u2019-]*){{0,5}}(?:\s+campaign)?)(?:['\u2019]s)?\s+"
    r"(?:senior\s+|top\s+)?(?:members?|officials?|employees?|staffers?|aides?|executives?|advisers?|advisors?|sources?"
    r"|insiders?|spokes(?:man|woman|person)|representatives?|lawyers?|attorneys?|strategists?|operatives?)"
    r"(?:\s+(?:who|which)\b.{0,120})?$"
)
# "a board director at FEMSA", "an official with P&W", "a strategic advisor to Walmart in Mexico"
_MEMBER_AT = re.compile(
    r"^(?:an?|one|another)\s+(?!(?:former|ex|retired|one-time)\b)(?:[\w-]+\s+){0,2}?"
    rf"(?:{alternatives(MEMBERS)})\s+(?:at|with|of|for|to|from|in)\s+(?:the\s+)?"
    rf"(?P<org>[{UPPER}][\w&.'\u2019-]*+(?:\s+(?:&\s+|of\s+)?[{UPPER}][\w&.'\u2019-]*+){{0,4}})"
    r"(?:\s+in\s+[A-Z][\w-]*+(?:\s+[A-Z][\w-]*+){0,2})?$",
    re.IGNORECASE,
)
# an organisation's name and what it is: "MFS Africa, a pan-African digital payments hub"
_APPOSED_ORG = re.compile(
    rf"(?P<org>(?:[Tt]he\s+)?[{UPPER}][\w&.'\u2019-]*+(?:\s+[{UPPER}][\w&.'\u2019-]*+){{0,4}}),\s+"
    r"(?:an?|one\s+of\s+the)\s+[a-z][^,;:\"\u201c\u201d]{1,80}$"
)
_DESCRIPTION = re.compile(r"\s*(?:the|a|an)\s+[a-z]")
_SAID_AND_STOP = re.compile(rf"\s+(?:also\s+)?{VERBS}\.")
_BOTH_REACH = 3000  # how far back "the two companies" looks for them at most
# "the two companies", "both firms": the two named last
_BOTH = re.compile(
    r"^(?:the\s+two|both(?:\s+the)?|the)\s+(?:companies|firms|groups|carriers|operators|partners|systems|banks"
    r"|airlines|carmakers|automakers|networks)$",
    re.I,
)
_LEGAL_SUFFIX_END = re.compile(r"[,\s]+(?:Inc|Corp|Corporation|Ltd|Limited|plc|PLC|LLC|GmbH|AG|SA|NV|Co)\.?$")
_RELATIVE = re.compile(r",\s+(?:which|that)\s")
# an organisation's letters in brackets inside a title chain, or before the comma that ends a
# said-clause ("told the Associated Press (AP), "..."), read as the words without them; not at the
# end of an organisation's name, nor before a relative clause (the letters are what it is called)
ACRONYM_IN_CHAIN = re.compile(
    r"(?<=[a-z])\s*\([A-Z][A-Za-z&]{1,9}\)(?=\s+(?!(?:which|that|who|whose)\b)[A-Za-z]|\s*[,:]\s*$)"
)
_RELATIVE_ORG = re.compile(
    rf"^(?:[Tt]he\s+)?[{UPPER}][\w&.'\u2019-]*(?:\s+[{UPPER}][\w&.'\u2019-]*){{0,4}},\s+(?:which|that)\s"
)
# "Having", "Typically", "Informed", "I'm": a word of a sentence's opening, no surname
_NOT_A_SURNAME = re.compile(r"(?:ing|ly|ed)$|['\u2019][a-z]")
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "his": "he", "them": "they", "their": "they", "us": "we", "me": "i"}
# "Mr Bysshe", "Ms. Simonetti": a title that tells a person's sex before their surname
# (found where one of the titles stands)
_SEX_TITLE = FromLiterals(
    re.compile(
        rf"\b(?P<title>Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+(?:[{UPPER}][\w'\u2019-]+\s+)?"
        rf"(?P<surname>[{UPPER}][\w'\u2019-]+)"
    )
)
# a surname and the pronoun it gives itself: "Clinton herself", "Sherman said she", "Gowdy told reporters that he"
_OWN_PRONOUN = re.compile(
    rf"(?P<surname>[{UPPER}](?<![\w'\u2019-].)[\w'\u2019-]+)(?:\s+(?P<self>him|her)self\b|(?:\s+(?:also|then|later|has|had))?"
    r"\s+(?:said|says|told(?:\s+\w+){1,2}?|added|argued|insisted|explained|noted|stressed|acknowledged|admitted)"
    r"(?:\s+that)?\s+(?P<pronoun>he|she)\s+(?!and\b))"
)
# a title or role among the words of a phrase: "Rogers CEO Tony Staffieri"
_TITLED = re.compile(rf"(?i:\b{trie_pattern(TITLE_WORDS)}\b)")  # (a title's word stands in the phrase)
_AFTER_A_SPACE = re.compile(rf" ([{UPPER}][\w'\u2019-]*+)")  # a capitalised word after a space
_A_NAME = re.compile(rf"\b(?P<name>{NAME})(?!\w)")
# at every capitalised word, the longest run of such words from it ("Pew Research Center"),
# read without consuming it so that each later word of the run starts one too
_PHRASE = re.compile(
    r"\b(?=(?P<phrase>(?P<first>[A-Z][\w&'\u2019-]*+)(?:\s+(?:of\s+|for\s+|on\s+)?[A-Z][\w&'\u2019-]*+){1,8}))"
)


def _group_name(m: re.Match) -> str:
    return m.group("name")


def _group_org(m: re.Match) -> str:
    return re.sub(r"^[Tt]he\s+", "", m.group("org"))


def _group_acronym(m: re.Match) -> str:
    return m.group("acronym")


def _acronym_or_org(m: re.Match) -> str:
    # (a name never runs across a paragraph: "Microsoft.\n\nIndia's Ministry of Finance")
    return m.group("acronym") or _OWNER.sub("", m.group("org").strip().rpartition("\n")[2])


_OF_WHAT = r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&'\u2019-]*+(?:\s+(?:and\s+)?[A-Z][\w&'\u2019-]*+){0,3})?"
_OWNER = re.compile(r"^[A-Z][\w-]*['\u2019]s\s+(?=\S)")  # "India's Ministry of Finance": the ministry's name


def _org_not_function_word(m: re.Match) -> bool:
    return m.group("org").split()[0] not in FUNCTION_WORDS


def _maker(m: re.Match) -> str:
    return _DEMONYM.sub("", trim_name(m.group("who")))  # "Californian Thomas Slattery"


def _plausible_maker(m: re.Match) -> bool:
    return plausible_name(_maker(m))


# an organisation's name: capitalised words, joined by "of", "for", "and", "on", "the", with its
# acronym in brackets when the article gives one; {n} is what must follow the name
_ORG_PHRASE = (
    "(?P<org>(?=[A-Z])(?!(?:" + CLAUSE_WORDS + r")\s)(?:[A-Z][\w&.'\u2019-]*+)"
    r"(?:\s+(?:(?:of|for|and|on|the|&)\s+){{0,2}}[A-Z][\w&.'\u2019-]*+){{0,7}}{n})"
    r"(?:\s*\((?P<acronym>[A-Z][A-Za-z&.-]{{1,12}})\))?"
)
_VOICE_NOUNS = alternatives(VOICE_NOUNS)
# what a regulator's name ends with, and the nouns that stand for one
_PUBLIC_BODY = _ORG_PHRASE.format(
    n=r"\s+(?:Authority|Commission|Agency|Office|Board|Bureau|Regulator|Ombudsman|Tribunal)\b" + _OF_WHAT
)
_OVERSEERS = frozenset({"watchdog", "regulator"})
_PUBLIC_BODY_END = re.compile(
    r"\b(?:Authority|Commission|Agency|Regulator|Ombudsman|Tribunal|Ministry|Department|Court)(?:\s+(?:of|for)\s.*)?$"
)


_THE_ACRONYM = re.compile(r"the\s+([A-Z]{2,5})")


@lru_cache(maxsize=64)
def _titled_by(acronym: str) -> str:
    """``Chief Election Commissioner Rajiv Kumar`` for ``CEC``: a title whose words' initials
    are the letters, then a name."""
    words = r"\s+".join(rf"{c}[a-z]++" for c in acronym)
    return rf"\b{words}\s+(?P<name>{NAME})"


@lru_cache(maxsize=32)
def _made_by(noun: str) -> re.Pattern:
    """``Thomas Slattery filed the suit``: who made the document ``noun`` names."""
    return re.compile(
        rf"(?P<who>{NAME}|{HONORIFIC}\s+[A-Z][\w'\u2019-]+)\s+(?:has\s+|had\s+)?{_MADE}\s+(?:the|a|an|his|her)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{noun}|{SAME_DOCUMENT.get(noun, noun)})\b"
    )


_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ese|ish|i)\s+(?=\S+\s+\S+$)")
_MADE = alternatives(MADE)
# "Rubio's campaign", "Powell's office", "the Sanders campaign": a person's own people
_PERSON_TEAM = re.compile(
    rf"^(?:[Tt]he\s+)?(?P<holder>(?:{HONORIFIC}\s+)?[{UPPER}][\w'\u2019-]*+(?:\s+[{UPPER}][\w'\u2019-]*+){{0,2}}?)"
    r"\s+(?:(?:presidential|re-?election|senate|congressional|press|campaign)\s+)?(?:campaign|office|team|aides|staff|camp)$"
)
# "a spokesman for the WSIS", "the report by Pew Research"
_VOICE_FOR = re.compile(
    rf"^(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?(?:{_VOICE_NOUNS})\s+(?:for|from|at|of|by|with)\s+(?:the\s+)?"
    + _ORG_PHRASE.format(n="")
)
# "an article in the British newspaper The Telegraph", "an editorial in the Post": what a
# paper publishes speaks for the paper
_PIECE_IN = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?(?:article|editorial|column|op-ed|report|story|piece|leader)\s+in\s+"
    r"(?:(?:the\s+)?(?:[\w-]++\s+){0,2}?(?:newspaper|paper|magazine|journal|daily|weekly|tabloid|outlet|website)\s+"
    r"|(?:the\s+)?(?=(?:The\s+)?(?:[A-Z][\w-]*+\s+){0,3}(?:" + "|".join(PUBLICATION_WORDS) + r")$))"
    r"(?:[Tt]he\s+)?" + _ORG_PHRASE.format(n="") + "$"
)
# "a spokesperson for the company": the organisation the text is about
_VOICE_FOR_KIND = re.compile(
    rf"^(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?(?:{_VOICE_NOUNS})\s+(?:for|from|at|of|with)\s+the\s+(?:[\w-]+\s+)?"
    rf"(?P<kind>{'|'.join(ORG_KINDS)})$",
    re.IGNORECASE,
)
# "the WSIS spokesman", "the World Bank report", "an agency statement", "the report", "its authors"
_VOICE_OF = re.compile(
    rf"^(?:(?:an?|the)\s+)?(?P<holder>[\w&.'\u2019 -]*?)(?:['\u2019]s?)?\s*"
    rf"\b(?P<noun>{_VOICE_NOUNS}|{'|'.join(MAKERS)})$",
    re.IGNORECASE,
)
# "ASML, through its CEO Peter Wennink": the organisation speaks by the person it names
_THROUGH = re.compile(
    rf"(?P<org>[{UPPER}][^,]{{0,60}}?),?\s+through\s+(?:its|their)\s+(?P<person>[^,]{{3,80}}?)(?:,.*)?"
)
# "the Tanaiste", "the dean", "the chief executive": a title, its last word
_THE_TITLE = re.compile(r"[Tt]he\s+(?:[\w-]+\s+){0,2}(?P<title>[\w-]{3,})")
# what names an organisation, a voice, a document or many people, no person's title
_NOT_A_TITLE = re.compile(
    rf"(?:{'|'.join(ORG_KINDS)}|{_VOICE_NOUNS}|{'|'.join(MAKERS)}|{'|'.join(LEGAL_DOCUMENTS)}|\w+s)",
    re.IGNORECASE,
)
# "the Uruguayan-born researcher", "the analyst": a person the article named before
_DESCRIBED_PERSON = re.compile(
    rf"^the\s+(?:[\w-]+\s+){{0,3}}?(?:{ROLE_WORDS}|{'|'.join(sorted(TITLE_WORDS, key=len, reverse=True))})$",
    re.IGNORECASE,
)

# "Orvia's founder", "the company's chief executive": a person of an organisation named before
_DESCRIBED_BY_ORG = re.compile(
    rf"^(?:the\s+\w+|[{UPPER}][\w&.-]*)['\u2019]s\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{'|'.join(sorted(TITLE_WORDS, key=len, reverse=True))})$",
    re.IGNORECASE,
)
_ACRONYM_APPOSED = re.compile(r"\b(?P<acronym>[A-Z]{2,}[A-Za-z]*),\s+the\s+[A-Z][^,.;]{3,120},")
# "the agency", "the Californian company"; not "the Aspen Institute Homeland Security Group", a name
_DEFINITE_ORG = re.compile(
    rf"^(?:the|a|an)\s+(?:[\w-]+\s+)?(?P<kind>{'|'.join(ORG_KINDS)})\b(?!\s+[A-Z])", re.IGNORECASE
)
# "the European Commission", "the Ministry of Electronics": capitalised words around the
# organisation's noun make it a name
_NAMED_ORG = re.compile(
    rf"^(?:[Tt]he|an?)\s+(?:(?:[{UPPER}][\w&.'\u2019-]*\s+){{1,4}}[{UPPER}]|[{UPPER}]\w+\s+(?:of|for)\s+[{UPPER}])"
)
# an opening phrase with no comma before the subject: "In an email to Food On Demand the company"
_OPENER_NO_COMMA = re.compile(
    r"^(?:In|On|At|During|Through|Via)\s+[^,;:\"\u201c\u201d]{3,80}?\s+"
    rf"(?P<who>(?:the|its)\s+(?:[\w-]+\s+)?(?:{'|'.join(ORG_KINDS)})|he|she|it|they)$"
)
_KINDS = frozenset(ORG_KINDS) | frozenset(ORGANISATION_NOUNS)
_CONJUNCTION = re.compile(r"^(?:But|And|Yet|So|Still)\s+(?=(?:he|she|it|they|we|the)\s|(?:he|she|it|they|we)$)")
_KIND_AFTER = re.compile(rf"\s+(?:{'|'.join(ORG_KINDS)})$", re.IGNORECASE)
# an organisation the lexicon does not know: "The MPAA", "Merriam-Webster", "the Consumer Electronics Association"
# "The Blaze", "the Post", "the Association of Flight Attendants union", "the influential Edge magazine"
_THE_NAMED = re.compile(
    rf"[Tt]he\s+(?:[a-z][\w-]*+\s+)?(?P<org>[{UPPER}][\w&.'\u2019-]*+(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[{UPPER}][\w&.'\u2019-]*+){{0,5}})"
    rf"(?:\s+(?:{'|'.join(ORG_KINDS)}))?"
)
# what follows "the" in a said-clause and is a person's title, no organisation's name ("the President")
_NO_ORG_AFTER_THE = TITLE_WORDS | frozenset(
    "pope queen king prince princess duke duchess emperor empress lord lady governor mayor speaker".split()
)
_ORG_NAME = re.compile(
    r"(?:[Tt]he )?(?P<org>(?:[A-Z]|[a-z](?=[A-Z]))[\w&.'\u2019-]*(?: (?:of |for |and )?[A-Z][\w&.'\u2019-]*){0,5})"
)


_ORG_WORD = re.compile(r"[A-Z0-9&]{2,}|[A-Z][a-z]+-[A-Z][\w-]+|[a-z]*[A-Z]\w*[A-Z]\w*|[a-z][A-Z][a-z]{2,}")


# words of a title's field or region, written after it, in no person's name
_FIELD_WORDS = frozenset(
    """
    Development Market Markets Marketing Sales Operations Business Affairs Relations Strategy Region Regions
    Products Services Communications Finance Policy Research Engineering Technology Africa Europe Asia Americas
    """.split()
)
_TITLE_OR_FIELD = TITLE_WORDS | {"of", "for", "at"}


def _a_title(words: list[str]) -> bool:
    """``Masdar Chairman``, ``General Manager for Tigo MFS``, ``CEO of B&G Foods``: a title (with
    its organisation), no name (``General Motors`` is one)."""
    return words[-1] in HEAD_TITLES or (
        len(words) > 1 and words[0] in HEAD_TITLES and words[1].casefold() in _TITLE_OR_FIELD
    )


def _looks_like_org(name: str) -> bool:
    """An acronym, a hyphenated or inner-capital name, or several capitalised words that are no person's name."""
    words = name.split()
    if len(words) == 1 and name.casefold() in TITLE_WORDS:
        return False  # "A LOCAL council CEO said": a title, no organisation
    if len(words) == 1:
        # (or a brand's lower-case letter before its capital: "iFood", "eBay")
        return bool(_ORG_WORD.fullmatch(name))
    capitalised = all(w[:1].isupper() or w in ("of", "for", "and", "the", "&") for w in words)  # no "X campaign"
    if _a_title(words):
        return False  # "Masdar Chairman", "General Manager for Tigo MFS", "CEO of B&G Foods": a title
    return capitalised and words[0] not in FUNCTION_WORDS and not plausible_name(name)


def _one_letter_apart(a: str, b: str) -> bool:
    """``Marry`` and ``Merry``, ``Woleskse`` and ``Woleske``: one letter changed, added or dropped
    (after the first), in surnames of five letters or more."""
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1 :]


def _ends_with(name: str, words: list[str]) -> bool:
    """``Kelly Bayer Rosmarin`` ends with ``Bayer Rosmarin`` and is longer."""
    have = name.split()
    return len(have) > len(words) and have[-len(words) :] == words


def _only_name(segment: str, name: str) -> bool:
    """``Mr Michael Joseph`` or ``Acting Chief Superintendent Mick Dale``: a name after titles at most."""
    words = segment.split()
    n = len(name.split())
    return words[-n:] == name.split() and all(
        w in HONORIFICS or w.casefold().rstrip(".") in TITLE_WORDS for w in words[:-n]
    )


def _is_name(text: str) -> bool:
    """``Mick Deats`` or ``Chief Supt Deats``: the whole of ``text`` is a person's name."""
    if _TITLED_SURNAME.fullmatch(text):
        return True
    return bool(_WHOLE_NAME.fullmatch(text)) and plausible_name(text)


def _role_and_org(who: str, name: str, companies: list[str]) -> tuple[str | None, str | None]:
    """``Microsoft chief executive Steve Ballmer`` / ``Ben Wood, an analyst at Gartner``."""
    before, _, after = who.partition(name) if name else ("", "", who)
    after = _RELATIVE_CLAUSE.split(after, maxsplit=1)[0]  # "who designed the screens for ..."
    role = None
    where, m = after, ROLE.search(after.casefold())
    if m is None:
        where, m = before, ROLE.search(before.casefold())
    if m:
        role = where[m.start() : m.end()]
    org = companies[-1] if companies else None
    if org is None and m is not None:
        # "Globex CEO": the capitalised words right before the role
        lead = re.search(r"((?:[A-Z][\w&.-]*+\s(?:(?:of|for|and|the)\s)?){0,4}[A-Z][\w&.-]*+\s)$", where[: m.start()])
        if lead:
            org = lead.group(1).strip().removesuffix("'s").removesuffix("\u2019s") or None
    if org is None:
        at = re.search(r"\b(?:at|of|for|from|with)\s+(?:the\s+)?((?:[A-Z][\w&'\u2019.-]*\s?){1,5})", after)
        if at:
            org = at.group(1).strip().removesuffix("'s").removesuffix("\u2019s")
        else:
            poss = re.search(r"((?:[A-Z][\w&.-]*\s?){1,3})['\u2019]s\s*$", before.split(",")[-1].strip() + "")
            if poss:
                org = poss.group(1).strip()
    if org and org.endswith(".") and len(org.split()[-1]) > 4:
        org = org[:-1]  # "an expert at Cranfield." ends a sentence, not an abbreviation
    return role, org
