"""Where an article names people and reports them speaking, indexed once for the whole body:
the subjects of sentences, people introduced with a role, said-clauses, unnamed spokesmen.
Attribution reads these in article order (:class:`Timeline`) as it goes from quotation to
quotation, for pronouns and for quotations that carry no attribution of their own."""

from __future__ import annotations

import bisect
import re

from bot.extract.patterns import FromWordStarts, trie_pattern, words_at_word_start
from bot.extract.people import HONORIFIC, NAME, ROLE_WORDS, STAFF_NOUNS, UPPER, People, person_in, plausible_name
from bot.extract.people_words import PREPOSITIONS, TITLE_WORDS
from bot.extract.quotes.clauses import sentence_subject
from bot.extract.quotes.speakers import Speakers
from bot.extract.quotes.words import HEADLINE_WORDS, VERBS, VERBS_BEFORE_SPEAKER

_PERSON = rf"\b(?=[A-Z])(?:{HONORIFIC}\s+[A-Z][\w'\u2019-]+|{NAME})"
# Patterns of the words before a verb of speech end where the verb starts (\Z): they are tried
# at each verb the body has, over the words before it, rather than at every word of the body.
# "Mr Hirsch from Retail Banking Research said", "Ben Wood, an analyst at Gartner, says"
_SPEAKER_VERB = FromWordStarts(
    re.compile(
        rf"(?P<who>{_PERSON})(?:,[^,\"\u201c\u201d]{{1,90}},|\s+(?:from|of|at)\s+(?:the\s+)?"
        rf"[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){{0,4}})?\s+\Z"
    ),
    UPPER,
)
# a verb right after a name: "said Trump continued to ...": the name is the reported clause's subject
_CLAUSE_VERB = r"[a-z]+ed\b|[a-z]+s\b|is\b|was\b|has\b|had\b|will\b|would\b|could\b|can\b|did\b|does\b|should\b"
# "said Sun's chief operating officer Jonathan Schwartz", "says analyst Ben Wood" (from the verb on)
# (or a word or two that say what the person is: "said farmer Bill Rowell", "says resident Ann Ward")
_DESCRIPTOR = (
    r"(?:(?!(?:that|the|an?|in|on|at|of|to|for|with|by|from|it|he|she|they|we|his|her|its|their|this|last|and"
    r"|but|as|when|after|before|during|about|earlier|later|then|also|not)\b)[a-z-]++\s+)"
)
# an office written capitalised before its holder's name: "says Prime Minister Hamid Rahman"
_OFFICE = (
    r"(?:[A-Z][a-z]+\s+){0,2}?(?:Minister|Secretary|President|Premier|Governor|Mayor|Senator|Chancellor"
    r"|Commissioner|Ambassador)\s+"
)
_VERB_SPEAKER = re.compile(
    rf"{VERBS_BEFORE_SPEAKER}\s+(?:(?:[A-Z][\w&.-]*\s+){{0,2}}?[A-Z][\w&.-]*['\u2019]s\s+)?"
    rf"(?:(?:[a-z-]+\s+){{0,3}}?{ROLE_WORDS}\s+|{_DESCRIPTOR}{{1,2}}|{_OFFICE})?"
    # (a service before a rank: "said retired Army Lt. Gen. Mark Dwyer", "said RCMP Staff Sgt. Ann Roy",
    # "says Prime Minister Tun Dr Mahathir Mohamad")
    rf"(?:[A-Z][\w-]*+\s+(?:[A-Z][\w-]*+\s+){{0,2}}?(?={HONORIFIC}\s))?"
    # (or a surname alone and a comma: '"...," said Iampaglia, who graduated')
    rf"(?P<who>{_PERSON}|[A-Z][\w'\u2019-]++(?=,\s))(?!\s+(?:{_CLAUSE_VERB}))"
)
_WHO_SPOKE = FromWordStarts(
    re.compile(rf"(?P<who>{_PERSON})(?:\s+of\s+[A-Z][\w.'\u2019-]*+)?,[^,;\"\u201c\u201d]{{0,100}},?\s+who\s+\Z"),
    UPPER,
)
_CLAUSE_SUBJECT = re.compile(
    words_at_word_start("which whom when where while after before because as and but that".split())
    + rf"\s+(?P<who>(?:Mr|Mrs|Ms|Dr|Prof|Cr|Cllr|Sen|Rep|Gov)\.?\s+{NAME})\s+(?:also\s+)?[a-z]+\b"
)
_STANCE = re.compile(r"(?:To|For)\s+(?P<who>[^,.;:\"\u201c\u201d]{3,100}),\s")
_RELATIVE_SUBJECT = re.compile(
    rf"(?P<who>(?:{HONORIFIC}\s+)?[{UPPER}][\w'\u2019-]*+(?:\s+[{UPPER}][\w'\u2019-]*+){{0,2}}),\s+who\s"
)
_WHO_SPEAKS = re.compile(rf"(?P<who>{NAME}),\s+who\s+(?:also\s+|then\s+|later\s+)?(?:spoke|speaks|addressed|{VERBS})\b")
_INTRODUCED = FromWordStarts(
    re.compile(rf"(?P<who>{_PERSON}),\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){{0,3}}?{ROLE_WORDS}\b"), UPPER
)
_SPEECH_VERB = re.compile(VERBS)
# the space before each verb of speech (every pattern before a verb ends in one): a pattern
# that starts with a character, not a look-behind, is scanned for by re at C speed
_VERB_AT = re.compile(rf"\s(?={VERBS}\b)")
NAMED, SUBJECT, SPEAKING = 0, 1, 2
_SPEAKING_PARTICIPLE = re.compile(
    r",\s+(?:saying|adding|noting|arguing|explaining|warning|insisting|stressing|pointing out|claiming|stating"
    r"|declaring|asserting|acknowledging|recalling|telling|writing)\b"
)
_WORD = rf"(?:[A-Z]\.){{1,3}}|[{UPPER}][\w'\u2019&-]*+"  # a capitalised word or initials, no full stop
# capitalised words right before a verb of speech ("Google said", "the FTC has said")
_NEXT_WORD = rf"(?!(?:He|She|It|They|We)\b)(?:{_WORD})"  # "in the U.S. He says": a new sentence's pronoun
_NAME_BEFORE_VERB = FromWordStarts(
    re.compile(
        # (an apposition's closing comma between: "Takatso's chief executive, Gidon Novick, said")
        rf"(?<![\w'\u2019&.-])(?P<who>(?:{_WORD})(?:[^\S\n]+(?:{_NEXT_WORD})){{0,4}})(?<!['\u2019]s),?"
        rf"[^\S\n]+(?:(?:has|had|also|then|later|further)[^\S\n]+){{0,2}}\Z"
    ),
    UPPER,
)
# the same, read in a sentence: the capitalised words and the verb after them (not a
# possessive's: "Donald Trump's continued appeal")
NAME_SAID = re.compile(
    rf"(?<![\w'\u2019&.-])(?P<who>(?:{_WORD})(?:[^\S\n]+(?:{_NEXT_WORD})){{0,4}})(?<!['\u2019]s)"
    rf"[^\S\n]+(?:(?:has|had|also|then|later|further)[^\S\n]+){{0,2}}{VERBS}\b"
)
# "according to Ms Simonetti", "According to Maria Pia Lindley, Ops Lead at ...": reported speech too
_ACCORDING_TO = re.compile(rf"\b[Aa]ccording to (?P<who>{_PERSON})")
_SPOKESMAN_SAID = re.compile(
    r"\b(?P<who>(?:[Aa]n?|[Tt]he)\s+(?:[\w&'\u2019-]+(?:\.[a-z]{2,4})?\s+){0,4}?spokes(?:man|woman|person)"
    r"(?:\s+(?:for|from|at|of|with)\s+(?:the\s+)?[A-Z][^.;,\"\u201c\u201d]{0,100}?)?)"
    r"(?:,[^,.\"\u201c\u201d]{0,120},|\s+(?:which|who)\s[^.\"\u201c\u201d]{0,120}?)?\s+\Z"
)
# a person named at a sentence's start, after an opening phrase at most
_NAMED_FIRST = re.compile(
    rf"(?:[^,.\"\u201c\u201d]{{0,40}},\s+)?(?:\d{{1,3}}-year-old\s+)?"
    rf"(?P<who>{HONORIFIC}\s+{NAME}|{HONORIFIC}\s+[A-Z][\w'\u2019-]+|{NAME})"
)
_HONORIFIC_FIRST = re.compile(rf"{HONORIFIC}\s")
# a name's chain going on to the person it is about: " aide Huma Abedin", " campaign chairman John Podesta"
_CHAIN_ON = re.compile(rf"\s+(?:[a-z-]+\s+){{0,2}}?{trie_pattern(TITLE_WORDS | STAFF_NOUNS)}\s+{NAME}")
# how far before its verb each pattern can start, longer than any of its matches
_SPEAKER_REACH, _NAME_REACH, _SPOKESMAN_REACH = 200, 160, 400


def after_preposition(text: str, position: int) -> bool:
    before = text[max(0, position - 12) : position].split()
    return bool(before) and before[-1].casefold() in PREPOSITIONS


class Timeline:
    """``(position, name)`` events in article order, read once from the start as the article is read."""

    def __init__(self, events: list[tuple[int, str]]):
        self.events = sorted(events)
        self._cursor = 0

    def before(self, position: int):
        """The events before ``position`` not yet read."""
        while self._cursor < len(self.events) and self.events[self._cursor][0] < position:
            yield self.events[self._cursor]
            self._cursor += 1

    def add(self, position: int, name: str) -> None:
        """An event at ``position``, read already when the reading has passed it."""
        bisect.insort(self.events, (position, name))
        if self._cursor < len(self.events) and self.events[self._cursor][0] > position:
            return
        self._cursor += 1


class Events:
    """Where people are named and reported speaking, for pronouns and reported speech."""

    def __init__(self, body: str, people: People, extra_names, sentence_starts: list[int], until: int | None = None):
        """``extra_names``: how the body names companies (no person's name); ``until``: where the
        last quotation's paragraph ends (nothing after it is ever asked for)."""
        until = len(body) if until is None else until
        sentence_starts = [start for start in sentence_starts if start < until]
        # the subject of each sentence: the person or organisation a pronoun after it most likely
        # means, and a speaker when its verb reports speech
        # as (position, (phrase, kind)): NAMED (a name alone), SUBJECT, or SPEAKING (its verb reports speech)
        subjects: list[tuple[int, tuple[str, int]]] = []
        for start in sentence_starts:
            found = sentence_subject(body, start)
            if found is not None:
                # "Mr Pearson picks up the theme, pointing out that ...": a participle of speech
                end = body.find(".", found.verb_end, found.verb_end + 300)
                speaking = _SPEECH_VERB.fullmatch(found.verb) or _SPEAKING_PARTICIPLE.search(
                    body, found.verb_end, end if end > 0 else found.verb_end + 300
                )
                kind = SPEAKING if speaking else SUBJECT
                subjects.append((found.start, (found.phrase, kind)))
        # a person named at a sentence's start, after an opening phrase at most ("Computer
        # specialist at the IAEA, Peter Smith, would like ...", "For his part, Adam Curry's ...")
        for start in sentence_starts:
            m = _NAMED_FIRST.match(body, start)
            if m is None:
                continue
            name = m.group("who")
            if name in extra_names or not (_HONORIFIC_FIRST.match(name) or plausible_name(name)):
                continue
            if _CHAIN_ON.match(body, m.end()):
                continue  # "Hillary Clinton aide Huma Abedin": whom the name's staff is, not the subject
            if any(w in HEADLINE_WORDS for w in name.split()[1:]):
                continue  # "Republicans' Long, Uneasy History With Race": a heading's words, no name
            found = person_in(name)
            if found is None or not name.endswith(found[0]) or (found[0] != name and " " not in found[0]):
                continue  # "Republican Rep", "Nonproliferation Studies": no person's name
            # "Headteacher Anne Ward": the name without the word of a role before it
            subjects.append((m.start("who") + len(name) - len(found[0]), (found[0], NAMED)))
        # whom a sentence gives the view of ("To Florida consultant Rick Wilson, the party line
        # is silly", "For Jonathan Chait, ..."), and a person a relative clause opens with
        # ("Westmacott, who will retire soon after ..., praised ..."): whom a "he" after it means
        for start in sentence_starts:
            m = _STANCE.match(body, start) or _RELATIVE_SUBJECT.match(body, start)
            if m is None or m.group("who") in extra_names:
                continue
            found = person_in(m.group("who"))
            if found is None or not m.group("who").endswith(found[0]):
                continue
            if " " in found[0] or found[1] or (m.re is _RELATIVE_SUBJECT and found[0][-1] != "s"):
                subjects.append((m.start("who") + len(m.group("who")) - len(found[0]), (found[0], NAMED)))
        # a person named in full whom a relative clause has speak, anywhere in a sentence ("At
        # center stage was his daughter, Ivanka Trump, who spoke about ...")
        if ", who " in body:
            for m in _WHO_SPEAKS.finditer(body, 0, until):
                if " " in m.group("who") and plausible_name(m.group("who")) and m.group("who") not in extra_names:
                    subjects.append((m.start("who"), (m.group("who"), NAMED)))
        # a titled name that is the subject of a clause inside a sentence ("during which Cr Peter
        # Hodge made it clear that ...")
        for m in _CLAUSE_SUBJECT.finditer(body, 0, until):
            subjects.append((m.start("who"), (m.group("who"), NAMED)))
        # a person introduced with their role anywhere in a sentence ("For Rick Dean, director of
        # business development at THX, ...") is whom a "he" after it most likely means
        for m in _INTRODUCED.finditer(body, 0, until):
            if plausible_name(m.group("who")) and m.group("who") not in extra_names:
                subjects.append((m.start("who"), (m.group("who"), NAMED)))
        # capitalised words right before a verb of speech, wherever in a sentence ("In a
        # statement Google said", "With China sending warplanes, Gelsinger asked")
        verbs = [m.end() for m in _VERB_AT.finditer(body, 0, until)]
        speech: list[tuple[int, str]] = []
        voices: list[tuple[int, str]] = []
        spokesman = "spokes" in body
        for v in verbs:
            m = _NAME_BEFORE_VERB.search(body, max(0, v - _NAME_REACH), v)
            if m and not after_preposition(body, m.start()):  # not "a spokesman for Delta said"
                subjects.append((m.start(), (m.group("who"), SPEAKING)))
            m = _SPEAKER_VERB.search(body, max(0, v - _SPEAKER_REACH), v)
            if m and not after_preposition(body, m.start()):  # "... Center for Nonproliferation Studies wrote"
                speech.append((m.start(), m.group("who")))
            m = _VERB_SPEAKER.match(body, v)
            if m:
                speech.append((m.start("who"), m.group("who")))
            if body.endswith("who ", max(0, v - 4), v):
                # "Sen. Dianne Feinberg of California, the ranking Democrat, who said": a "she said" after it is hers
                m = _WHO_SPOKE.search(body, max(0, v - _SPEAKER_REACH), v)
                if m:
                    speech.append((m.start("who"), m.group("who")))
            m = _SPOKESMAN_SAID.search(body, max(0, v - _SPOKESMAN_REACH), v) if spokesman else None
            if m:
                # "A spokesman for the Oxford University Press said that ...": a "he said" after it is theirs
                voices.append((m.start(), m.group("who")))
        self.subjects = Timeline(subjects)
        speech += [(pos, phrase) for pos, (phrase, kind) in subjects if kind == SPEAKING]
        if "ccording to" in body:
            speech += [(m.start("who"), m.group("who")) for m in _ACCORDING_TO.finditer(body, 0, until)]
        self.speech = Timeline(speech)
        self.voices = Timeline(voices)
        self.people = people
        self.body = body

    def speaker_before(self, position: int, speakers: Speakers):
        """The last person reported speaking in this paragraph or the one before."""
        floor = self.body.rfind("\n\n", 0, max(0, self.body.rfind("\n\n", 0, position)))
        speech = self.speech.events
        i = bisect.bisect_left(speech, (position, ""))
        while i > 0:
            pos, who = speech[i - 1]
            if pos < floor:
                return None
            # (a surname alone in a said-clause, "Masi said ...", is a speaker)
            result = speakers.resolve(who, pos, unknown_orgs=False, in_slot=" " not in who)
            if result is not None and result[0]:
                return result
            i -= 1
        return None
