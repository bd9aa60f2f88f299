"""Who said each quotation.

The speaker is looked for, in order: in the attribution around the quotation (``," said X``,
``X said: "``, ``," he added``, ``according to X``); as the continuation of the quotation
before it; on an attribution line after a quotation paragraph (``Kenichiro Yoshida, Sony CEO``);
and as the last person reported speaking just before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.people import HONORIFIC, NAME, ROLE, UPPER, names_in_text, person_in, plausible_name
from bot.extract.people_words import (
    FEMALE_NAMES,
    MALE_NAMES,
    NOT_NAME_OPENERS,
    PAGE_WORDS,
    PREPOSITIONS,
    TITLE_WORDS,
)
from bot.extract.quotes import fallback
from bot.extract.quotes.clauses import OPENING_WORDS, sentence_subject
from bot.extract.quotes.events import NAME_SAID, NAMED, SPEAKING, after_preposition
from bot.extract.quotes.spans import Span
from bot.extract.quotes.speakers import _VOICE_NOUNS, ACRONYM_IN_CHAIN, Speakers, _is_name, _role_and_org
from bot.extract.quotes.words import (
    ABBREVIATED,
    FUNCTION_WORDS,
    HEADLINE_WORDS,
    MEMBERS,
    PRONOUNS,
    THINGS_WRITTEN,
    UNNAMED_PEOPLE,
    VERBS,
    VERBS_BEFORE_SPEAKER,
    alternatives,
    trie_pattern,
)


@dataclass
class Found:
    span: Span
    speaker: str | None
    role: str | None
    org: str | None
    how: str = ""  # which words attributed it: "after" ('"...," she said'), "before", "continues" ...

    @property
    def said_after(self) -> bool:
        return self.how == "after"


_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,\u2014\u2013-]*{VERBS_BEFORE_SPEAKER}\s+(?P<who>[^,.;:!?\"\u201c\u201d]{{1,120}})"
)
_AFTER_WHO_FIRST = re.compile(
    rf"^[\s,\u2014\u2013-]*(?P<who>[^,.;:!?\"\u201c\u201d]{{1,100}}?),?\s+"
    rf"(?:has |had |have |also |then |later |once )?{VERBS}\b"
)
_AFTER_WHO_APPOSED = re.compile(
    # an initial's full stop is no sentence's end: "an analyst at Sanford C. Bernstein & Co, told"
    rf"^[\s,\u2014\u2013-]*(?P<who>[^,.;:!?\"\u201c\u201d]{{1,60}},(?:[^\"\u201c\u201d.;]|\.(?=\w)|(?<=\b[A-Z])\.)"
    rf"{{1,160}}?),?\s+"
    rf"(?:has |had |have |also |then |later |once )?{VERBS}\b"
)
# '"..." - Dana Pruitt, Orvia CEO.': a dash and the speaker's name (and role)
# ('"..." -- Globe CEO Ernest Cu.': two hyphens for a dash, the name after its organisation and title)
_AFTER_DASH = re.compile(
    rf"^\s*[-\u2013\u2014]{{1,2}}\s*(?P<who>(?:[A-Z][\w&'\u2019-]*+\s+){{0,4}}?(?:{HONORIFIC}\s+)?{NAME}"
    rf"(?:,[^.;:!?\"\u201c\u201d]{{1,80}})?)\s*\.?\s*$"
)
# '"...," AP quoted prosecutor Russell McGuire as saying', '..., media reports quoted a Grofers
# spokesperson on Tuesday as saying', '..., Reuters quoted Ann Lee, Orvia's chief executive, as telling'
_AFTER_QUOTED = re.compile(
    r"^[\s,]*(?:(?:[A-Z][\w&.'\u2019-]*\s+){1,3}|(?:media|news|press)\s+reports?\s+)quoted\s+"
    r"(?P<who>[^,.;:!?\"\u201c\u201d]{1,100}?(?:,[^.;:!?\"\u201c\u201d]{1,100}?)?),?"
    r"(?:\s+(?:on|last)\s+[A-Z]\w+)?\s+as\s+(?:saying|telling|stating|having\s+said)\b"
)
# 'Said the Pew report: "..."'; '..., explained Rosenberg, "..."'
_BEFORE_INVERTED = re.compile(
    r"(?:^|[.!?]\s+)(?:[Ss]aid|[Ss]ays|[Aa]dded|[Ww]rote|[Ee]xplained)\s+(?P<who>[^.;!?\"\u201c\u201d]{1,100}?)\s*:\s*$"
    rf"|(?:^|[,;]\s+){VERBS_BEFORE_SPEAKER}\s+(?P<named>[^.;!?,\"\u201c\u201d]{{1,60}}?)\s*,\s*$"
)
_AFTER_ACCORDING = re.compile(r"^[\s,]*according to\s+(?P<who>[^,.;:!?\"\u201c\u201d]{1,100})", re.IGNORECASE)
_VERB_TO_END = (
    rf"{VERBS}(?:\s+(?:that|in a statement|on \w+|in an interview|to [\w ]{{1,40}}"
    # whatever stands between the verb and a colon: "told reporters:", "said in Geneva on Monday:"
    rf"|[^:;.!?\"\u201c\u201d]{{1,50}}?(?=\s*:\s*$)"
    # a phrase of where or how before a comma: "it said in the shareholders letter,"
    rf"|(?:in|on|at|during|via|through)\s[^:;,.!?\"\u201c\u201d]{{1,50}}?(?=\s*,\s*$)))?\s*[:,]?\s*$"
)
_BEFORE = re.compile(
    rf"(?P<who>[^.;!?\"\u201c\u201d]{{1,160}}?)\s+(?:has |had |have |also |then |later )?"
    # ("a spokesman for Bernie Sanders could only quip:")
    rf"(?:(?:could|would|can|will|might|did) (?:only |also |simply |just )?)?{_VERB_TO_END}"
)
# what _BEFORE ends with, from its verb (after a space, as there): text without it cannot match
# _BEFORE, and finding that out costs a scan where _BEFORE tries 160 lengths at each position
_BEFORE_END = re.compile(rf"(?<=\s){_VERB_TO_END}")
# "according to X," and "according to X, Orvia's chief executive,"
# "In his words, "we are not at the stage of competition yet""
_BEFORE_IN_WORDS = re.compile(r"\b[Ii]n\s+(?P<who>his|her|their)\s+(?:own\s+)?words,?\s*$")
_BEFORE_ACCORDING = re.compile(
    r"according to\s+(?P<who>[^,.;:!?\"\u201c\u201d]{1,100}(?:,[^.;:!?\"\u201c\u201d]{1,100})?),?\s*$", re.IGNORECASE
)
_APPOSED_SUBJECT = re.compile(rf"^(?:{HONORIFIC}\s+)?{NAME},\s+[^,]{{2,100}}$")
_APPOSITION = re.compile(rf"^(?P<name>{NAME}),\s+(?P<role>[^,]{{2,80}}?)(?:,|$|\s+(?:said|says|who)\b)")


# '"...," read the statement'
_AFTER_READ = re.compile(
    r"^[\s,]*(?:reads?\s+(?P<who>(?:the|a|an|its|their)\s+[^,.;:!?\"\u201c\u201d]{1,60})"
    rf"|(?P<holder>(?:the\s+)?[^,.;:!?\"\u201c\u201d]{{1,60}}?\s(?:{_VOICE_NOUNS}))\s+read\b)"
)


# '"...," was the message that greeted customers', '"...," is the sign on the door': words of a
# thing, read as that thing's (its maker's when the text names one), never the last speaker's
_AFTER_WAS_THE = re.compile(
    r"^[\s,]*(?:was|is|were|are)\s+(?P<who>(?:the|a|an|its|their|one)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:{_VOICE_NOUNS}|{'|'.join(THINGS_WRITTEN)}))\b"
)


def attribute(spans_by_paragraph, paragraphs, attributions, speakers: Speakers, events) -> list[Found]:
    """Give each quoted span a speaker (see the module's docstring)."""
    found: list[Found] = []
    previous: Found | None = None
    for p_index, spans in enumerate(spans_by_paragraph):
        if not spans:
            continue
        text = mask_abbreviations(paragraphs[p_index].text)
        for k, span in enumerate(spans):
            position = paragraphs[p_index].offset + span.start
            for pos, (phrase, kind) in events.subjects.before(position):
                if kind == NAMED:
                    speakers.mention(pos, phrase)
                else:
                    speakers.subject(pos, phrase, speech=kind == SPEAKING)
            for pos, name in events.speech.before(position):
                speakers.spoke(pos, name)
            for pos, who in events.voices.before(position):
                org = speakers.resolve(who, pos)
                if org is not None and org[0]:
                    speakers.spokesman(pos, org[0])
            who = _said_after(text, span, speakers, position)
            how = "after"
            if who == (None, None, None) and _runs_on(previous, span):
                # '"... [new paragraph] ...," the chairman said' with no chairman on record: the
                # quotation the paragraph before opened, so its speaker's
                who = (previous.speaker, previous.role, previous.org)
            if who is None:
                lead_in = mask_abbreviations(paragraphs[p_index - 1].text) if p_index and span.start <= 1 else ""
                who, how = _said_before(text, span, spans[k - 1] if k else None, speakers, position, lead_in), "before"
            if who is None and p_index in attributions:
                who, how = speakers.resolve(attributions[p_index].split(",")[0], position), "line"
                if who is not None:
                    name = who[0]
                    rest = attributions[p_index].partition(",")[2]
                    role, org = _role_and_org(rest, "", [c for _s, c in speakers.companies_in(rest)])
                    person = speakers.people.add(name, role, org) if name else None
                    who = (name, person.role if person else role, person.org if person else org)
            if who is None and k == len(spans) - 1 and p_index + 1 < len(paragraphs) and _whole(text, spans):
                following = mask_abbreviations(paragraphs[p_index + 1].text)
                who = _signed(following, speakers, position) or _named_next(following, speakers, position)
                how = "signed"
            if who is None and previous is not None and _continues(previous, span, paragraphs):
                who, how = (previous.speaker, previous.role, previous.org), "continues"
            if who is None:
                who, how = _introduced(text, span, speakers, position), "introduced"
            if who is None and p_index and span.start <= 1:
                # "But first, Pence sounded a positive note about Trump. [new paragraph] "I want to
                # commend ..."": the person the paragraph before ended on
                who, how = _introduced_before(paragraphs[p_index - 1].text, speakers, position), "introduced"
            if who is None:
                who, how = events.speaker_before(position, speakers) or (None, None, None), "last speaker"
            if who[0] and _no_name(who[0]):
                who = (None, None, None)
            left = _left_to_the_model(text, span) if who[0] is None and how == "last speaker" else ""
            unread = left == "read"
            ref = _referred(text, span, how) if who[0] else None
            weak = how in fallback.WEAK or ref is not None
            if unread or (
                weak and (fallback.COLLECT is not None or ((who[0] or left) and fallback.overrules(how, ref, left)))
            ):
                # no rule names anyone: the trained choice among the people and organisations before
                quotation = fallback.Quotation(
                    position,
                    opens=span.start <= 1,
                    whole=_whole(text, spans),
                    words=span.text.count(" ") + 1,
                    mid=text[: max(0, span.start - 1)].rstrip()[-1:] not in ("", ".", "!", "?", ":", '"', "\u201d"),
                    rule=who,
                    how=how if ref is None else f"{how} {ref}",
                    unread=unread,
                    said_by=_subject_after(text, span),
                )
                chosen = fallback.choose(speakers, quotation, key=(quotation.how, span, who, left))
                if chosen is not None and not fallback.same_speaker(chosen, who):
                    who, how = chosen, "learned"
            previous = Found(span, *who, how=how)
            found.append(previous)
            if who[0]:
                events.speech.add(position, who[0])  # an attributed quotation counts as reported speech
                person = speakers.people.resolve(who[0])
                if person is not None:
                    speakers.mention(position, person.name)
                    speakers.spoke(position, person.name)
                else:
                    speakers.last_voice = (position, who[0])
                    if who[2] is None and how in ("after", "before") and " " not in who[0]:
                        speakers.spoke(position, who[0], person=True)  # '"...," Pruitt said. "...," she added
    _run_back(found)
    return found


_SPEECH_WORD = re.compile(rf"\b{VERBS}")
_UNNAMED_VOICE = re.compile(r"\b(?:one|a|an|another|some|several|many|most|two|three)\s", re.IGNORECASE)


def _left_to_the_model(text: str, span: Span) -> str:
    """Whether the trained choice may name the speaker of a quotation no rule attributes: its
    sentence has a said-clause of a pronoun or a description the rules could not resolve ("he
    said", "the inquiry said"), or the quotation opens a sentence of its own; not when the words
    give it to someone the rules could not name ("one passenger said", "Later the Ministry of
    Justice said it would"), nor a phrase set inside a sentence with no verb of speech ("The raids
    were aimed at fighting "..."").

    ``"read"`` where it may, ``"phrase"`` for a phrase inside a sentence with no verb of speech
    (the model names someone there only at a stricter threshold), ``""`` for the rest."""
    before = _SENTENCES.split(text[: max(0, span.start - 1)])[-1]
    after = re.split(r"\s(?<=[.!?]\s)", text[span.end + 1 :], maxsplit=1)[0]
    if re.match(r"\s*[-\u2013\u2014]", after):
        return ""  # '"..." -- Reporting by Manila Desk Staff.': a dash's line the rules read as no one
    spoken = False
    for part in (before, after):
        m = _SPEECH_WORD.search(part)
        if m is None:
            continue
        subject = re.split(r"[,;:\"\u201c\u201d]", part[: m.start()])[-1].split()[-6:]
        capitalised = [w for k, w in enumerate(subject) if w[:1].isupper() and not (k == 0 and w in _OPENERS)]
        if capitalised or _UNNAMED_VOICE.search(" ".join(subject) + " "):
            return ""
        spoken = True
    return "read" if spoken or not before.strip() else "phrase"


_WHEN = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August"
    " September October November December Today Yesterday Tomorrow".split()
)


def _subject_after(text: str, span: Span) -> str:
    """The name a said-clause right after the quotation gives as its speaker, as written, when it
    starts with a capital letter or holds one (a name, a handle: '," xQc said about',
    '," Ann Lee, CEO, Orvia, said in a release', '," said Park Chul-wan, a professor'); the
    trained choice's candidate where the rules could not read it. ``""`` for the rest ("he said",
    "the company said")."""
    if not span.closed:
        return ""
    after = text[span.end : span.end + 200].lstrip(" \"'\u201c\u201d\u2018\u2019")
    after = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
    for pattern in (_AFTER_VERB_FIRST, _AFTER_WHO_FIRST, _AFTER_WHO_APPOSED):
        m = pattern.match(after)
        if m is None:
            continue
        words = m.group("who").split(",")[0].split()
        while words and words[0] in _OPENERS:
            words = words[1:]
        if words and len(words) <= 4 and not words[0].islower() and words[0].lower() not in PRONOUNS:
            return "" if _WHEN & {re.sub(r"['\u2019]s$", "", w) for w in words} else " ".join(words)
        return ""
    return ""


_REFERRING = {"he": "he", "she": "he", "it": "it", "they": "it", "we": "it"}


def _referred(text: str, span: Span, how: str) -> str | None:
    """How a said-clause's subject that names no one refers to its speaker ("he said": ``"he"``;
    "it said", "they said": ``"it"``; "the company said", "a spokesperson emailed": ``"the"``), for
    a quotation the words right after (``how == "after"``) or before (``"before"``) attribute;
    ``None`` when the subject is a name, or for the other rules."""
    if how == "after":
        part = re.split(r"(?<=[.!?])\s", text[span.end + 1 :], maxsplit=1)[0]
    elif how == "before":
        part = _SENTENCES.split(text[: max(0, span.start - 1)])[-1]
    else:
        return None
    m = _SPEECH_WORD.search(part)
    if m is None:
        return None
    subject = re.split(r"[,;:\"\u201c\u201d]", part[: m.start()])[-1].split()[-4:]
    if not subject:
        m2 = re.match(r"\s*(?:\w+\s+){0,2}?(?P<w>\w+)", part[m.end() :])  # '"...," said the company'
        subject = [m2.group("w")] if m2 else []
    if not subject or any(w[:1].isupper() and w.lower() not in _REFERRING and w not in _OPENERS for w in subject):
        return None
    last = subject[-1].lower()
    return _REFERRING.get(last, "the" if last not in PRONOUNS else None)


_OPENERS = frozenset(FUNCTION_WORDS | {"Later", "Earlier", "Then", "Now", "Also", "Meanwhile", "However"})


# a line that signs the quotation before it: "-Michelle Marks, Philadelphia.", "Dean Baker, Center
# for Economic and Policy Research."", "S.C. Rep. Jim Clyburn."
_SIGNATURE = re.compile(
    r"(?:[-\u2013\u2014]\s*)?(?P<who>[^,.;:!?\"\u201c\u201d]{2,80}?)\s*(?:,[^\"\u201c\u201d]{0,120}?)?\.?[\"\u201d]?"
)
_SIGNATURE_WORDS = 14
_SIGNATURE_SMALL = frozenset("of for and the at in on".split())


def _whole(text: str, spans) -> bool:
    """One quotation fills its paragraph: no words of the writer's around it."""
    return len(spans) == 1 and spans[0].start <= 1 and not text[spans[0].end :].strip(' .,"\u201c\u201d')


def _signed(line: str, speakers: Speakers, position: int):
    """The person a short line after a quotation names, and nothing else ("-President Obama, tweeting
    after Clinton's speech."), never a sentence of the article ("Some voters disagree.")."""
    if len(line.split()) > _SIGNATURE_WORDS:
        return None
    line = line.strip()
    m = _SIGNATURE.fullmatch(line)
    if m is None or not _a_name(m.group("who").strip()) or m.group("who").isupper():
        return None  # (a heading: "REGIONAL WORRIES")
    dashed, closing = line[:1] in "-\u2013\u2014", line[-1:] in '"\u201d'
    bare = all(w[:1].isupper() or w in _SIGNATURE_SMALL for w in line.split())
    if not (dashed or closing or (bare and line.endswith("."))):
        return None  # "Sanders, accordingly, is counting on ...": a sentence; "Get Data Sheet": no signature
    if any(w in PAGE_WORDS for w in line.split()):
        return None
    result = speakers.resolve(m.group("who").strip(), position, unknown_orgs=False)
    return result if result is not None and result[0] else None


# the paragraph after a quotation that stands alone, naming who said it: "That's how Mayor Ann Lee
# explained the vote", "So said Gord Pattison, a rancher", "That was the warning from X"
_NAMED_NEXT = re.compile(
    r"(?:(?:That['\u2019]s|That\s+(?:is|was)|Those\s+(?:are|were)|Such\s+(?:is|was))\s+"
    r"(?:(?:what|how)\s+(?P<what>[^,.;:!?\"\u201c\u201d]{2,100}?)\s+(?:has\s+|had\s+)?"
    rf"(?:{VERBS}|describes?|described|puts?\s+it|sees?\s+it|saw\s+it|sums?\s+(?:it\s+)?up|summed\s+(?:it\s+)?up)\b"
    r"|the\s+(?:[\w-]+\s+){0,2}?(?:message|warning|verdict|view|assessment|words?|advice|reaction|take|plea"
    r"|promise|response|answer)\s+(?:of|from)\s+(?P<of>[^,.;:!?\"\u201c\u201d]{2,100}))"
    r"|So\s+(?:says|said)\s+(?P<so>[^,.;:!?\"\u201c\u201d]{2,100}))"
)


def _named_next(line: str, speakers: Speakers, position: int):
    """Who the paragraph after a lone quotation says spoke it ("That's how X put it", "So said X,
    ..."), or ``None``."""
    m = _NAMED_NEXT.match(line)
    if m is None:
        return None
    who = m.group("what") or _clause_end(m.group("of") or m.group("so"))
    result = speakers.resolve(who, position, unknown_orgs=False)
    return result if result is not None and result[0] else None


def _run_back(found: list[Found]) -> None:
    """A quotation run over paragraphs, each opened with a mark and closed only at its end, then
    attributed there (news style: '"The MoU is the first step ... [new paragraph] "The venture will
    build a mill ...," the two companies said.'): its opening paragraphs that no words attributed
    are the same speaker's."""
    for k in range(len(found) - 2, -1, -1):
        this, after = found[k], found[k + 1]
        if (
            this.speaker is None
            and not this.span.closed
            and after.speaker is not None
            and after.how in ("after", "before", "continues", "runs on")
            and after.span.paragraph == this.span.paragraph + 1
            and after.span.start <= 1
        ):
            found[k] = Found(this.span, after.speaker, after.role, after.org, how="runs on")


def _no_name(speaker: str) -> bool:
    """``Children With Down Syndrome``, ``Don't Republicans``, ``One Sunday``: words of a heading
    or of a sentence's opening that no rule should have taken for a speaker's name."""
    words = speaker.split()
    # (a middle word only: "Al From" is a name)
    return any(w in HEADLINE_WORDS for w in words[1:-1]) or (
        len(words) > 1 and words[0] in ("One", "Don't", "Don\u2019t", "Doesn't", "Doesn\u2019t")
    )


_BEFORE_REACH = 400  # longer than any match of _BEFORE (who: 160, the verb and its tail: under 200)
_AFTER_PATTERNS = (
    _AFTER_DASH,
    _AFTER_ACCORDING,
    _AFTER_QUOTED,
    _AFTER_READ,
    _AFTER_VERB_FIRST,
    _AFTER_WHO_FIRST,
    _AFTER_WHO_APPOSED,
)


# (the first capital, then the look-behind, then the rest of an abbreviation that starts with that
# capital: re skips to the next capital at C speed)
_ABBREVIATION_REST = "|".join(
    rf"(?<={first})(?:{'|'.join(sorted(re.escape(w[1:]) for w in ABBREVIATED if w[0] == first))})"
    for first in sorted({w[0] for w in ABBREVIATED})
)
_ABBREVIATION_DOT = re.compile(rf"[A-Z](?<![\w.].)(?:{_ABBREVIATION_REST})?\.(?=[\s),\-])")
MASKED_DOT = "\u2024"  # one dot leader: a full stop that ends no sentence, read back as "."


# a nickname in quotation marks inside a name: 'Angelito "Lito" M. Villanueva', 'Dwayne "The Rock" Johnson'
# (the first capital, then the look-behind: re skips to the next capital at C speed)
_NICKNAME = re.compile(
    rf"(?P<first>[{UPPER}](?<![\w.\u2024].)[a-z\u00e0-\u00ff]{{1,20}} )"
    rf"[\"\u201c][{UPPER}][\w'\u2019.-]{{1,15}}(?: [{UPPER}][\w'\u2019.-]{{1,15}})?[\"\u201d] "
    rf"(?=[{UPPER}][\w.\u2024]*+[ ,])"
)


@lru_cache(maxsize=64)  # a paragraph is masked for each of its quotations and the next one's
def mask_abbreviations(text: str) -> str:
    """``text`` with the full stops of abbreviations and initials (``Sen.``, ``D-Conn.``,
    ``C.``) made into another mark of the same length, so that no pattern takes them for a
    sentence's end, and a nickname inside a name blanked (its marks open no quotation);
    positions are unchanged."""
    if "." in text:
        text = _ABBREVIATION_DOT.sub(lambda m: m.group(0)[:-1] + MASKED_DOT, text)
    if '"' in text or "\u201c" in text:
        text = _NICKNAME.sub(lambda m: m.group("first") + " " * (len(m.group(0)) - len(m.group("first"))), text)
    return text


# "the approval", "a letter": a said-clause's subject that is a thing the text does not name
_DESCRIBED = re.compile(r"(?:the|a|an|its|their)\s+[a-z][\w-]*$")
# '"...digital channels." He noted.': a sentence of a subject and a verb of speech alone
_SHORT_CLAUSE = re.compile(
    rf"\s*(?:He|She|They|We|[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)\s+(?:also\s+)?{VERBS}\s*[.,]"
)
_REPORTS_MORE = re.compile(rf"\s*[A-Z][\w'\u2019-]*+(?:\s+[A-Z][\w'\u2019-]*+)?\s+{VERBS}\s+(?:to\s+\w+\s+)?that\s")
# (after a comma too, a contrast: '"0.1% of console sales", while PlayStation 4 claimed 10.1%')
_GOES_ON = re.compile(
    r"\s*(?:and|but|or|while|because|so|yet|if|when|than|to|for|is|was|are|were)\s|\s*,\s*(?:while|whereas)\s"
)


_PREPOSITION_ON = re.compile(r"\s*(?:by|in|on|at|of|with|from|into|about|after|before|over|under|through)\s")
# a quotation joined by "and" to another that ends on a comma: '" and in the past was "...,"'
_BRIDGED = re.compile(r'\s*(?:and|or|but)\s[^.!?;:"\u201c\u201d]{0,60}?["\u201c][^"\u201c\u201d]{1,160}?,["\u201d]')


def _said_after(text: str, span: Span, speakers: Speakers, position: int):
    """The speaker the words right after a quotation name (``," said X``, ``," X said``)."""
    after = text[span.end : span.end + 200].lstrip() if span.closed else ""
    if after and text[span.end + 200 : span.end + 201].isalnum():
        after = after[: after.rfind(" ") + 1]  # not a word cut short: "said Alan Abramow(itz)"
    after = after[2:] if after[:2] in ("\u2019\u2019", "''") else after[1:] if after[:1] in '"\u201c\u201d' else after
    # (past the closing mark, whichever was typed: ", ”, “, ’’)
    if span.text[-1:] == "." and after.lstrip()[:1].isupper() and not _SHORT_CLAUSE.match(after):
        # '"... done." Prof Reddy says he ...': a new sentence, not this one's attribution (but
        # '"Have I started?" Sanders replied.' and '"... channels." He noted.' are, and so is
        # '"..." That was the verdict of coach Rick Tocchet.')
        named = _named_next(after.lstrip(), speakers, position) if after.lstrip()[:2] in ("Th", "So") else None
        if named is not None:
            return named
        after = ""
    elif span.text[-1:] in "?!" and after.lstrip()[:1].isupper() and _REPORTS_MORE.match(after):
        # '"... for the long run!" She replied to him that it was an "honor"': a new sentence
        # that reports what came next, not this quotation's said-clause
        after = ""
    bridged = _BRIDGED.match(after)
    if bridged is not None:
        # '"...crisis" and "stunt children's growth," Howard Dean, the former governor, proclaimed':
        # the said-clause after the quotation its sentence joins on is this one's too
        tail = after[bridged.end() :]
        for pattern in (_AFTER_VERB_FIRST, _AFTER_WHO_FIRST, _AFTER_WHO_APPOSED):
            m = pattern.match(tail)
            if m is None:
                continue
            who = m.group("who")
            if pattern is _AFTER_VERB_FIRST:
                who = _with_apposition(_clause_end(who), tail[m.start("who") :])
            result = speakers.resolve(who, position)
            if result is not None:
                return result  # (no name: '" and "...," the report said': nobody's it names)
    next_mark = re.search(r'["\u201c\u201d]', after)
    if next_mark:
        after = after[: next_mark.start()]
        if span.text[-1:] in "?!" and after.lstrip()[:1].isupper() and after.rstrip().endswith(":"):
            return None  # '"... or can you?" He concludes: "..."': a new sentence, for the next one
    after = re.split(r"\s(?<=[.!?]\s)(?<![\s.][A-Z]\.\s)", after, maxsplit=1)[0]
    # '"..." and Clevelanders get nervous, said Christine Link': the sentence goes on after the
    # quotation, so only a said-clause after one of its commas attributes it (below)
    thing = _AFTER_WAS_THE.match(after)
    if thing is not None:
        return speakers.resolve(thing.group("who"), position) or (None, None, None)
    clause_goes_on = bool(_GOES_ON.match(after)) or (
        # 'of breaking "that highest, hardest glass ceiling" by being elected, and she jokes': a
        # quoted phrase the sentence goes on after with a preposition
        span.text.rstrip()[-1:] not in ",.!?;:" and bool(_PREPOSITION_ON.match(after))
    )
    described = False
    for pattern in () if clause_goes_on else _AFTER_PATTERNS:
        m = pattern.match(after)
        if m and pattern is _AFTER_DASH and span.start > 1 and after.lstrip().startswith("--"):
            continue  # 'insisted his party was "still the No. 1 force."--Kim Hjelmgaard.': a byline
        if m:
            who = m.group("who") or m.group("holder")
            if pattern is _AFTER_VERB_FIRST:
                who = _clause_end(who)
                who = _with_apposition(who, after[m.start("who") :])
            result = speakers.resolve(who, position)
            if result is not None:
                return result
            described = described or bool(_DESCRIBED.match(who.strip()))
    # '"The two make a good combination," with complementary businesses, said Patrick Moorhead';
    # '"...the FTC undertook only a limited review" of the deals, the agency said.': the rest of
    # the sentence after its last comma attributes the quotation
    continues = after.lstrip()[:1].islower() and not span.text.rstrip().endswith(".")
    for comma in re.finditer(r",\s+", after) if continues and not re.search(r'["\u201c\u201d]', after) else ():
        rest = after[comma.end() :]
        for pattern in (_AFTER_VERB_FIRST, _AFTER_WHO_FIRST, _AFTER_QUOTED):
            m = pattern.match(rest)
            if m is None or len(rest[: m.start("who")].split()) > 2:
                continue
            who = m.group("who")
            if pattern is _AFTER_VERB_FIRST:
                who = _clause_end(who)
                who = _with_apposition(who, rest[m.start("who") :])
            result = speakers.resolve(who, position)
            if result is not None and result[0]:
                return result
    if described:
        return (None, None, None)  # '"...," the approval said': a said-clause about something unnamed
    return None


def _clause_end(who: str) -> str:
    """The words after a verb that name its speaker, up to the clause that follows them ("said
    Smith at a conference", "Smith, who runs ..."), but "analysts at Jefferies" whole."""
    if _AT_A_HOUSE.match(who):
        return who
    return _CLAUSE_AFTER_NAME.split(who, maxsplit=1)[0]


_CLAUSE_AFTER_NAME = re.compile(
    r"\s+(?:who|which|that|in|at|on|when|as|during|after|before|whether|if|about|through|via)\s"
)


_AT_A_HOUSE = re.compile(r"(?:[\w-]+\s+){0,2}?(?:analysts?|economists?|strategists?|researchers?)\s+(?:at|from|with)\s")


_PARTICIPLE_OPENER = re.compile(r"[A-Z][a-z]{3,}ing\s+[a-z]")  # "Recalling that night", "Appearing before"


def _without_opener(clause: str) -> str:
    """``Recalling that moment, David Axelrod, who was ...``, ``Eight years ago, she``: the words
    before a said-clause's verb without the phrases that open the sentence before its subject."""
    segments = clause.split(",")
    while len(segments) > 1 and _opens(segments[0].strip()) and _subject_first(segments[1]):
        segments = segments[1:]
    return ",".join(segments).strip()


def _subject_first(segment: str) -> bool:
    """``Mark Dolan``, ``she supported the governor``: a segment that opens with a subject (not
    ``Orvia's chief executive`` after ``Here is what Dana Pruitt``)."""
    words = segment.split()
    return bool(words) and (words[0].casefold() in PRONOUNS or person_in(segment) is not None)


def _opens(segment: str) -> bool:
    first = segment.split()[0] if segment.split() else ""
    return (
        first in OPENING_WORDS
        or first in NOT_NAME_OPENERS
        or first.casefold() in PREPOSITIONS
        or first[:1].isdigit()
        or bool(_PARTICIPLE_OPENER.match(segment))
    )


def _a_name(text: str) -> bool:
    """``Bolton``, ``Sen. Ted Cruz``, ``Former secretary of state Hillary Rodham Clinton``: a name
    and its titles, and nothing else."""
    found = person_in(text)
    if found is None or not text.endswith(found[0]):
        return False
    extra = text.split()[: -len(found[0].split())]
    return len(extra) <= 2 or (len(extra) <= 6 and any(w.casefold() in TITLE_WORDS for w in extra))


# '..., Spicer said, adding, "..."', 'Sanders compared himself to Clinton, saying: "..."': a
# participle of speech right before the quotation
_PARTICIPLE_BEFORE = re.compile(
    r"(?<![\w-])(?:and\s+)?(?:saying|adding|noting|arguing|explaining|warning|insisting|declaring|asking|stating"
    r"|remarking|writing|telling\s+(?:him|her|them|reporters|the\s+[A-Z][\w-]*+))\s*[,:]?\s*$"
    # a few words of what was said before a quoted phrase: "released its report, saying the present",
    # "issued a news release stating it"
    r"|(?:,|\s(?:release|statement|report|letter|filing|post|note|email))\s+"
    r"(?:saying|adding|noting|arguing|warning|insisting|declaring|stating)\s+(?:that\s+)?"
    r"(?:[a-z][\w'\u2019-]*+\s+){0,4}[a-z][\w'\u2019-]*+\s*$"
    # any participle before a colon: "with Trump reportedly yelling:", "is shown lecturing:"
    r"|(?<![\w-])[a-z]{2,}ing\s*:\s*$"
)
# "with Donald Trump tweeting that ... and asking": the person the participles are of
_WITH_WHO = re.compile(
    rf"\bwith\s+(?P<who>(?:{HONORIFIC}\s+)?{NAME}|[A-Z][\w'\u2019-]++)\s+(?:[a-z]+ly\s+)?[a-z]+ing\b"
)


def _participle_speaker(before: str, speakers: Speakers, position: int, *, orgs: bool = False):
    """Who a participle of speech before a quotation is of: the person after "with" ("with Donald
    Trump tweeting ... and asking,"); the speaker of a said-clause in the sentence ("..., Spicer
    said, adding,", "as Joel Pollard of the Courier observed,"); else the sentence's subject
    ("Sanders compared himself to Clinton, saying,"), an organisation too with ``orgs``."""
    sentence = _SENTENCES.split(before.rstrip(" ,"))[-1]
    candidates = [m.group("who") for m in _WITH_WHO.finditer(sentence)][-1:]
    candidates += [m.group("who") for m in _AS_WHO.finditer(sentence)][-1:]
    candidates += [m.group("who") for m in NAME_SAID.finditer(sentence) if not after_preposition(sentence, m.start())][
        -1:
    ]
    said = _PRONOUN_SAID.search(sentence)
    if said is not None:
        candidates.append(said.group("who"))
    for who in candidates:
        result = speakers.resolve(who, position, unknown_orgs=False)
        if result is not None and result[0]:
            return result
    # (not an adverb after an apposition: "Chris Christie, a staunch ally, effectively acknowledged")
    voice = [m.group("who") for m in _ANY_SAID.finditer(sentence) if not _ADVERB.fullmatch(m.group("who"))]
    if voice:
        # "even a top GOP strategist said Clinton will have to choose, saying,": whoever the
        # said-clause names, or nobody named
        return speakers.resolve(_without_opener(voice[-1]), position) or (None, None, None)
    subject = sentence_subject(sentence)
    if subject is None:
        # "On Thursday morning it released its draft report, saying": a pronoun after a time phrase
        pronoun = _PRONOUN_AFTER_WHEN.match(sentence)
        who = pronoun.group("who") if pronoun is not None else None
    else:
        who = subject.phrase
    result = speakers.resolve(who, position, unknown_orgs=orgs) if who is not None else None
    return result if result is not None and result[0] else None


_ADVERB = re.compile(r"[a-z]{2,}ly")
_PRONOUN_AFTER_WHEN = re.compile(
    r"^(?:On|In|Last|This|Earlier|Later)\s+(?:[\w-]+\s+){0,3}?(?P<who>it|he|she|they)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b"
)


_AS_WHO = re.compile(rf"\b[Aa]s\s+(?P<who>[^,;:\"\u201c\u201d]{{3,100}}?)\s+(?:{VERBS}|observed|put\s+it)(?:,|\s*$)")
_ANY_SAID = re.compile(rf"(?:^|,\s+)(?P<who>[^,;:\"\u201c\u201d]{{2,100}}?)\s+(?:has\s+|also\s+)?{VERBS}\b")


_PRONOUN_SAID = re.compile(rf"\b(?P<who>he|she|they)\s+(?:also\s+)?{VERBS}\s*,?\s*$")
# where a sentence ends: after a full stop and the closing mark of a quotation that ends with it
# (the space first, then the stop behind it: re skips to the next space at C speed)
_SENTENCES = re.compile(r"\s(?:(?<=[.!?]\s)|(?<=[.!?][\"\u201d\u2019]\s))\s*")


# a sentence that opens (after a phrase of its own at most) with a name, then a title after a comma
# or a dash, and ends with a verb of speech: the name is the speaker
_LEAD_APPOSED = re.compile(
    rf"\s*(?:[A-Z][^,;:\"\u201c\u201d]{{0,60}},\s+)??(?P<who>(?:{HONORIFIC}\s+)?{NAME})"
    r"(?:,|\s+[-\u2013\u2014])\s+(?P<title>[^,;:\"\u201c\u201d]{2,100})"
    # (more of the chain: titles, organisations, places, a participle's clause; no clause of its own)
    r"(?P<rest>(?:,\s+(?:[A-Z&]|[a-z]+ing\s|(?:the|a|an|and)\s)[^,;:\"\u201c\u201d]{0,100}?){0,4}),?\s+"
    rf"(?:has\s+|also\s+|then\s+)?(?:{VERBS}|expressed|commented)(?:\s+[a-z]+){{0,4}}\s*[:,]\s*$"
)
_CLAUSE_START = re.compile(r"\s(?<=[.!?;]\s)\s*")
_CLAUSE_JOINS = re.compile(r"\b(?:and|but|while|because|as|so)\s+|,\s+(?:where|when|although|though|whereas)\s+")
_NAMED_COLON = re.compile(r"(?:^|[.!?]\s+|\s[-\u2013\u2014]\s+)(?P<who>[^.;!?\"\u201c\u201d\u2013\u2014]{3,160}):\s*$")
# a party and a state in brackets after a name: "Rep. Paul Ryan (R-WI) said", "Sen. Chris Murphy (D-Conn.)"
_PARTY_STATE = re.compile(r"(?<!\s)\s*+\((?:[DRI]|Dem|Rep|Ind)[-\u2013][A-Z][\w.\u2024 ]{0,12}\)")


def _said_before(text: str, span: Span, before_span: Span | None, speakers: Speakers, position: int, lead_in: str):
    """The speaker the words before a quotation name (``X said: "``, ``according to X, "``), in
    its paragraph or, for a quotation that opens one, at the end of the paragraph before when
    that ends with a colon (``Sunil Taldar, Airtel's CEO, also said:``)."""
    start = span.start - 1
    floor = before_span.end + 1 if before_span is not None else 0
    before = _PARTY_STATE.sub("", text[floor:start]) if "-" in text[floor:start] else text[floor:start]
    before = ACRONYM_IN_CHAIN.sub("", before) if "(" in before else before
    if not before.strip() and lead_in.rstrip().endswith(":"):
        before = lead_in.rstrip()
    before = re.split(r"\s(?<=[.!?]\s)\s*", before)[-1] if before_span is None else before
    # (after a sentence's end or a dash: "Pollsters agree - Carl Bialik:")
    named = _NAMED_COLON.search(before[-_BEFORE_REACH:])
    who = named.group("who").split(" - ")[-1] if named else ""  # "Pollsters agree - Carl Bialik:"
    if named and _a_name(re.sub(r"\s*\([^()]{1,40}\)$", "", who.split(",")[0].strip())):
        # "Koen Köppen, Chief Technology Officer at Klarna:", "Dana Pruitt (Orvia):"
        # "Koen Köppen, Chief Technology Officer at Klarna: "...": a name and a title, then a colon
        result = speakers.resolve(who, position)
        if result is not None and result[0]:
            return result
    pair = _TWO_NAMES.fullmatch(who.strip()) if named else None
    if pair is not None and all(_an_author(pair.group(k), speakers, position) for k in ("a", "b")):
        # "VOTERS CARE MORE - Frank Newport and Jim Harter:", "More from Blumenthal and Cohen:":
        # the two who wrote it together
        a, b = (_full_or_surname(pair.group(k), speakers, position) for k in ("a", "b"))
        return f"{a} and {b}", None, None
    lead = (
        _LEAD_APPOSED.match(_CLAUSE_START.split(before[-_BEFORE_REACH:])[-1])
        if before.rstrip().endswith((":", ","))
        else None
    )
    if lead is not None and any(w.casefold() in TITLE_WORDS for w in re.findall(r"[\w-]+", lead.group("title"))):
        # "Tongai Maramba, Chief Executive Officer, Tigo Rwanda, expressed:", "Robert Cantwell -
        # President and CEO of B&G Foods, commenting on the sale, said:": the name that opens a
        # chain of titles before the verb, not a title or an organisation inside it
        rest = re.split(r",\s+[a-z]+ing\b", lead.group("rest") or "")[0]  # not ", commenting on the sale"
        chain = f"{lead.group('who')}, {lead.group('title')}{rest}"
        result = speakers.resolve(chain, position, unknown_orgs=False)
        if result is not None and result[0] and speakers.people.resolve(result[0]) is not None:
            return result
    participle = _PARTICIPLE_BEFORE.search(before[-_BEFORE_REACH:])
    if participle is not None:
        result = _participle_speaker(before[-_BEFORE_REACH:][: participle.start()], speakers, position)
        if result is not None:
            return result
    m = _BEFORE_INVERTED.search(before[-_BEFORE_REACH:])
    if m:
        result = speakers.resolve(m.group("who") or m.group("named"), position)
        if result is not None and (result[0] or m.group("who")):
            return result
    # both patterns end at the end of ``before``: only its tail can match, and searching the
    # whole of a long paragraph from every position costs far more
    tail = before[-_BEFORE_REACH:]
    for pattern in (_BEFORE_IN_WORDS, _BEFORE_ACCORDING, _BEFORE):
        m = pattern.search(tail) if pattern is not _BEFORE or _BEFORE_END.search(tail) else None
        if m and m.start("who") and tail[m.start("who") - 1] == "." and not m.group("who")[:1].isspace():
            continue  # "editor of fansite Halo.Bungie.Org, said": a dotted name's last part is no subject
        if m:
            # (the clause the verb is in: "at the same event last year, where he said,")
            clause = _without_opener(_CLAUSE_JOINS.split(m.group("who"))[-1])
            # the subject first ("Prassana Rambathla, one of Prof Reddy's students, says"),
            # then the words nearest the verb
            parts = re.split(r"[,(]\s*", clause)
            nearest = parts[-1].strip()
            relative = nearest == "who" and len(parts) > 1
            if relative:
                # "from Mike Lee, who declared in the spin room,": the person the clause is about
                nearest = re.sub(r"^(?:from|by|with|to|for|of|and)\s+", "", parts[-2].strip())
            candidates = [clause.split(",")[0], nearest]
            if nearest.casefold() in PRONOUNS or re.match(rf"(?:{HONORIFIC}\s+)?{NAME}$", nearest) or _a_name(nearest):
                candidates.reverse()  # "which, he says, ..." is about "he", not the sentence's subject
            if re.search(r"\s(?:and|but|then)$", m.group("who")):
                # "she supported the governor and said": the subject of the verbs the "and" joins
                subject = sentence_subject(clause[:1].upper() + clause[1:])
                if subject is not None:
                    candidates.insert(0, subject.phrase)
            whole = _without_opener(m.group("who").strip(" ,"))
            if (
                _APPOSED_SUBJECT.match(whole)
                or any(_is_name(seg.strip()) for seg in whole.split(",")[1:])
                or _titled_chain(whole)
            ):
                # "Eric Tveter, president and chief operating officer at Telewest, said": the "and"
                # is inside his title, not between two clauses
                candidates.insert(0, whole)
            if relative:
                candidates.insert(0, nearest)
            nobody = None
            for candidate in candidates:
                result = speakers.resolve(candidate, position)
                if result is not None and result[0]:
                    return result
                nobody = nobody or result  # "one analyst said": a voice, but no name; a later candidate may name one
            if nobody is not None:
                return nobody
    called = _CALLED.search(tail) if re.search(r"call|describe", tail[-_CALLED_REACH:]) else None
    if called is not None:
        result = _caller(tail[: called.start()], speakers, position)
        if result is not None:
            return result
        if _PASSIVE_END.search(tail[: called.start()].rstrip()):
            # "Bush was called "..." by Trump": the one it was called by, or no one named; never
            # the one called so
            by = _CALLED_BY.match(text, span.end + 1)
            found = speakers.resolve(by.group("who"), position, unknown_orgs=False) if by else None
            return found if found is not None and found[0] else (None, None, None)
    if before.rstrip().endswith(":") and before_span is None:
        # "Of course, as Joel Pollak observed, the winner was the stage itself:", "The Clinton
        # Foundation describes itself in the following way:": the said-clause or the subject of
        # the sentence that leads into the quotation
        result = _participle_speaker(before.rstrip()[:-1], speakers, position, orgs=True)
        if result is not None and result[0] and " " not in result[0] and result[2] is None:
            return None  # "Partial transcript:", "See below:": no one's name
        return result
    return None


# "Dave Gorab called the show "...", "what aide Kevin Phillips called "...", "who Beck on Wednesday
# called "...": the words are the caller's (not "so-called", nor "a company called")
_CALLED = re.compile(
    r"(?<![\w-])(?:call(?:ed|s)|describe[ds])\s+(?:(?:for|on)\s+)?(?:[^\s\"\u201c\u201d.;:!?]++\s+){0,6}$"
)
_CALLED_REACH = 80
_CALLED_BY = re.compile(rf"[,.]?\s*+by\s+(?P<who>(?:{HONORIFIC}\s+)?{NAME}|[{UPPER}][\w'\u2019-]*+)")
_CALLER_CLAUSE = re.compile(r"[,;:]\s+|\b(?:what|who|whom|which|that|as|and|but|while|when)\s+")
_CALLER_WORDS = frozenset("of the for at former then longtime senior top".split())
_CALLER_TIME = re.compile(
    r"(?:\s+(?:also|later|once|then|even|has|had|have|recently|previously|famously|(?:on|last|this|in)\s+[A-Z0-9][\w-]*+))+$"
)
_PASSIVE_END = re.compile(
    r"\b(?:was|is|were|are|be|been|being|gets|got|get)(?:\s+(?:also|later|once|then|even|often|widely|repeatedly))?$",
    re.IGNORECASE,
)


_TWO_NAMES = re.compile(
    rf"(?:(?:[Mm]ore\s+)?from\s+)?(?P<a>{NAME}|[{UPPER}][\w'\u2019-]*+)\s+(?:and|&)\s+(?P<b>{NAME}|[{UPPER}][\w'\u2019-]*+)"
)


def _an_author(name: str, speakers: Speakers, position: int) -> bool:
    """A person's full name, or a surname of one named in full before (not "Questions")."""
    if " " in name:
        return _a_name(name)
    return speakers.people.resolve(name) is not None or speakers.earlier.full_name(name, position) is not None


def _full_or_surname(name: str, speakers: Speakers, position: int) -> str:
    """``Cohen`` -> ``Jon Cohen``, named in full before; a full name as it is."""
    if " " in name:
        return name
    person = speakers.people.resolve(name)
    return person.name if person is not None else (speakers.earlier.full_name(name, position) or name)


def _caller(before: str, speakers: Speakers, position: int):
    """Who "called" something in the quoted words after: the subject of the clause the verb ends
    (a name, a title chain with a name, or "he"/"she"), never a passive ("was called")."""
    sentence = _SENTENCES.split(before)[-1]
    clause = sentence[_last_match_end(_CALLER_CLAUSE, sentence) :].strip()
    clause = _CALLER_TIME.sub("", _without_opener(ACRONYM_IN_CHAIN.sub("", clause)))
    if not clause or _PASSIVE_END.search(clause):
        return None
    words = clause.split()
    if clause.casefold() not in {"he", "she", "it"} and not (
        len(words) <= 8
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w.casefold() in TITLE_WORDS or w in _CALLER_WORDS for w in words)
    ):
        return None  # "a company called", "the crowd was called": no one's words
    named = {name for _end, name in names_in_text(clause)}
    if len(named) == 1 and clause.endswith(next(iter(named))):
        clause = named.pop()  # "Clinton campaign chairman John Podesta": the name the chain ends on
    result = speakers.resolve(clause, position)
    if result is None or not result[0]:
        return None
    return result if clause.casefold() in {"he", "she", "it"} or result[0].split()[-1] in words else None


def _last_match_end(pattern: re.Pattern, text: str) -> int:
    last = _last_of(pattern, text)
    return last.end() if last is not None else 0


_OPENING = r"(?:[A-Z][^,\"\u201c\u201d]{0,40},\s+)?"  # "In an e-mail, "
_TITLE_WORD = trie_pattern(w for w in TITLE_WORDS if w.isalpha() and w.islower())
# (the lower-case word after the name is no title: "Washington Post columnist Michael Gerson calls")
_SUBJECT = re.compile(
    # (nor "of" after it: "National Union of Journalists (NUJ) general secretary Michelle Stanistreet")
    rf"^{_OPENING}(?P<who>(?:{HONORIFIC}\s+)?{NAME}|He|She)\b(?:,[^,]{{1,140}},)?\s+(?!(?:{_TITLE_WORD}|of)\b)[a-z]"
)
_ORG_SUBJECT = re.compile(
    rf"^{_OPENING}(?P<who>(?:The\s+)?[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){{0,4}}"
    r"|The\s+(?:[\w-]+\s+)?(?:firm|company|magazine|newspaper|paper|website|report|study|survey|watchdog|regulator"
    r"|group))(?:,[^,\"\u201c\u201d]{1,120},)?\s+"
    rf"(?:has\s+|had\s+|also\s+)?(?:{VERBS}|defines|defined|describes|described|calls|called|specified|specifies"
    r"|found|finds|estimates|estimated|recommends|recommended)\b"
)

# "A board director at FEMSA provided some market context, "..."": an unnamed member of an
# organisation (Speakers.resolve tells whether one who speaks for it) and a verb
_MEMBER_SUBJECT = re.compile(
    rf"^{_OPENING}(?P<who>(?:An?|One|Another)\s+(?:[\w-]+\s+){{1,3}}?(?:at|with|of|for|to|from)\s+(?:the\s+)?"
    r"[A-Z][\w&.'\u2019-]*+(?:\s+(?:&\s+)?[A-Z][\w&.'\u2019-]*+){0,4}(?:\s+in\s+[A-Z][\w-]*+)?)\s+[a-z]"
)
_ACCORDING_FIRST = re.compile(
    r"^(?:[A-Z][^,\"\u201c\u201d]{0,40},\s+)?According\s+to\s+(?P<who>[^,.;:\"\u201c\u201d]{3,100}),\s"
)

# "Cruz said that the "...", "Rubio said only that his "...", "Cruz claimed on Tuesday that "...":
# a said-clause and "that", a few words before the quoted words
_SAID_THAT_TAIL = re.compile(
    rf"(?<![\w'\u2019.-])(?P<who>he|she|(?:{HONORIFIC}\s+)?{NAME}|[{UPPER}][\w'\u2019-]*+"
    rf"|(?:one|an?|another)\s+(?:[a-z][\w-]*+\s+)?{alternatives(sorted(set(MEMBERS + UNNAMED_PEOPLE)))})\s+"
    r"(?:(?:also|only|then|later|further|has|had)\s+)?"
    rf"{VERBS}(?:\s+(?:only|also|again|on\s+[A-Z]\w*+|last\s+\w++|this\s+\w++|to\s+reporters))?\s+that"
    r"(?:\s+[^\s,\"\u201c\u201d.;:!?]++){0,6}\s*$"
)
_SAID_THAT_REACH = 160
# "..., which it said would lead to "...", "what he called "...": a relative clause's said-clause
# just before the quotation
_RELATIVE_SAID = re.compile(
    r"\b(?:which|what)\s+(?P<who>he|she|it|they)\s+(?:also\s+)?(?:said|says|claimed|claims|argued|argues"
    r"|warned|warns|believed|believes|described|describes|called|calls)"
    r"(?:\s+[^\s,\"\u201c\u201d.;:!?]++){0,6}\s*$"
)
_THE_TITLED = rf"the\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(sorted(TITLE_WORDS, key=len, reverse=True))})"
_SAID_ASIDE = re.compile(
    rf",\s+(?P<who>[Hh]e|[Ss]he|(?:{HONORIFIC}\s+)?{NAME}|{_THE_TITLED})\s+(?:also\s+)?{VERBS},\s"
    # ("The agreement, said the mayor, is "...""): the verb before whom it names
    rf"|,\s+{VERBS_BEFORE_SPEAKER}\s+(?P<after>(?:{HONORIFIC}\s+)?{NAME}|{_THE_TITLED}),\s"
)


# a said-clause that ends a sentence, a name and its apposition before the verb: ", Ann Cole,
# Orvia Quantum COO told the Journal."
_SAID_END_APPOSED = re.compile(
    rf",\s+(?P<who>(?:{HONORIFIC}\s+)?{NAME})(?:,\s+[^,;:\"\u201c\u201d]{{2,80}}?)?,?\s+(?:also\s+)?{VERBS}"
    r"(?:\s+[\w-]+){0,4}\.$"
)


def _introduced(text: str, span: Span, speakers: Speakers, position: int):
    """A quotation in or right after a sentence whose subject is a person ("Doug Kaye, a
    podcaster, praises the former VJ. "Adam created..."; "In an e-mail, Dan Lane calls it
    "..."") or an organisation that speaks ("The MPAA said in a statement that it would
    combat "..."", "Merriam-Webster defines a blog as: "...""). The speaker is that subject."""
    before = text[: span.start - 1].rstrip()
    sentences = _SENTENCES.split(before)  # ('Trump said Clinton "caused death." Fiorina said Cruz "...')
    if len(sentences) < 1 or not before:
        return None
    ended = _SAID_END_APPOSED.search(sentences[-1]) if sentences[-1].endswith(".") else None
    if ended is not None and not re.search(r"[\"\u201c\u201d]", sentences[-1]):
        # "Google estimates a computer would need a million qubits, Ann Cole, Google Quantum COO
        # told the Journal. "We have ...": the speaker of the said-clause that ends the sentence
        # before, not its subject
        result = speakers.resolve(ended.group("who"), position, unknown_orgs=False)
        if result is not None and result[0] and speakers.people.resolve(result[0]) is not None:
            return result
    aside = _SAID_ASIDE.search(sentences[-1])
    if aside is not None:
        # "Cost estimates, he added, were "based on a prototype"": a said-clause set inside the sentence
        result = speakers.resolve(aside.group("who") or aside.group("after"), position)
        if result is not None and result[0]:
            return result
    tail = sentences[-1][-_SAID_THAT_REACH:]
    said_that = _SAID_THAT_TAIL.search(tail) if " that " in tail else None
    if said_that is not None and not after_preposition(tail, said_that.start()):
        # "..., while Cruz said that the "...", "After Cruz argued ..., Rubio said only that his
        # "...": the said-clause the quoted words complete, not the sentence's first subject
        result = speakers.resolve(said_that.group("who"), position, unknown_orgs=False)
        if said_that.group("who")[:1].islower() and said_that.group("who") not in ("he", "she"):
            return result or (None, None, None)  # "while one aide said that the "...": a voice, named or not
        if (
            result is not None
            and result[0]
            and (said_that.group("who") in ("he", "she") or speakers.people.resolve(result[0]) is not None)
        ):
            return result
    relative = _RELATIVE_SAID.search(tail) if "which " in tail or "what " in tail else None
    if relative is not None:
        # "the merger, which it said would lead to "..."": the said-clause of the relative clause
        # the quoted words complete
        result = speakers.resolve(relative.group("who"), position, unknown_orgs=False)
        if result is not None and result[0]:
            return result
    according = _ACCORDING_FIRST.match(sentences[-1])
    if according is not None:
        # "According to a report by Fitch Ratings, Vodafone Idea will lose share. "We expect ..."":
        # the words the sentence reports are of whom it says it reports them from
        result = speakers.resolve(according.group("who"), position)
        if result is not None and result[0]:
            return result
    joined = _WITH_PARTICIPLE.search(sentences[-1]) if "with " in sentences[-1] else None
    if joined is not None:
        # "Both Intel and AMD declined to comment, with an AMD spokesperson stating they "...": the
        # one the participle of speech is about, not the sentence's subject
        result = speakers.resolve(joined.group("who"), position)
        if result is not None:
            return result  # (or nobody named: "with residents saying it was "..."")
    said = [m for m in NAME_SAID.finditer(sentences[-1])] if sentences[-1].count(" said ") > 1 else []
    if len(said) > 1 and _ANOTHER_CLAUSE.search(sentences[-1], said[-2].end(), said[-1].start()):
        # "Uber CEO Dara Khosrowshahi said the venture "...," while Baidu chief Robin Li said it
        # represents "...": the said-clause of the quotation's own clause
        result = speakers.resolve(said[-1].group("who"), position, unknown_orgs=False)
        if result is not None and result[0]:
            return result
    m = _SUBJECT.match(sentences[-1]) or _ORG_SUBJECT.match(sentences[-1]) or _MEMBER_SUBJECT.match(sentences[-1])
    if m is not None:
        result = speakers.resolve(m.group("who"), position)
        if result is not None and result[0]:
            return result
    # "In its filing Tuesday, however, the FTC said the case involves "...""; "He further noted
    # that ..." : the subject of a verb of speech in the sentence the quotation stands in, or a
    # person subject of any verb ("Moore thanked him for "stepping up when Congress won't"")
    for pattern, needle in ((_ASKED_BY, " by "), (_WHO_SAID, ", who ")):
        # "Rubio was asked by moderator Gerard Baker whether ... would risk "..."", "from Mike Lee,
        # who declared in the spin room, "..."": the asker, the person the relative clause is about
        found = [m.group("who") for m in pattern.finditer(sentences[-1])] if needle in sentences[-1] else []
        result = speakers.resolve(_clause_end(found[-1]), position, unknown_orgs=False) if found else None
        if result is not None and result[0] and speakers.people.resolve(result[0]) is not None:
            return result
    subject = sentence_subject(sentences[-1])
    # "The official Xinhua News Agency said the crackdown was to create a "..."", 'Yet Trump is
    # also a "change agent," Cole said.': a said-clause in the sentence
    speech = subject is not None and _SPEECH.fullmatch(subject.verb)
    said = (
        []
        if speech
        else [m for m in NAME_SAID.finditer(sentences[-1]) if not after_preposition(sentences[-1], m.start())]
    )
    joined_said = None if speech or said else _last_of(_ORG_SAID_JOINED, sentences[-1])
    if speech:
        who = subject.phrase
    elif said:
        who = said[-1].group("who")
    elif joined_said is not None:
        # "Orvia agreed a merger in 2014, though the Department of Justice said the merger would
        # make it "...": the said-clause of the quotation's own clause, not the sentence's subject
        result = speakers.resolve(joined_said.group("who"), position)
        if result is not None and result[0]:
            return result
        return None
    elif subject is not None:
        result = speakers.resolve(subject.phrase, position, unknown_orgs=False)
        person = result is not None and result[0] and speakers.people.resolve(result[0]) is not None
        return result if person else _the_one_named(sentences[-1], speakers, position)
    else:
        return _the_one_named(sentences[-1], speakers, position)
    result = speakers.resolve(who, position)
    return result if result is not None and result[0] else None


# an organisation's said-clause after a word that joins a second clause to the sentence, a few
# words before the quoted ones: ", though the Department of Justice said the merger would make"
_ORG_SAID_JOINED = re.compile(
    r"(?:,\s+|;\s+|\s(?:though|although|while|whereas|but)\s+)(?P<who>(?:the\s+)?[A-Z][\w&.'\u2019-]*+"
    r"(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w&.'\u2019-]*+){0,5})\s+(?:has\s+|had\s+|also\s+)?"
    r"(?:said|says|argued|argues|warned|warns|claimed|claims|stated|states)"
    r"(?:\s+[^\s,;:\"\u201c\u201d]++){0,9}\s*$"
)


def _last_of(pattern: re.Pattern, text: str) -> re.Match | None:
    found = None
    for m in pattern.finditer(text):
        found = m
    return found


_WITH_PARTICIPLE = re.compile(
    r"(?:^|,\s+|\s)with\s+(?P<who>[^,;:\"\u201c\u201d]{2,80}?)\s+(?:saying|stating|adding|noting|arguing|claiming"
    r"|insisting|warning|explaining|telling\s+\w+)\b[^\"\u201c\u201d.;]{0,80}$"
)
_ANOTHER_CLAUSE = re.compile(r",[\"\u201d]?\s+(?:while|whereas|but|and)\s|;\s")
_PARTICIPLE_FIRST = re.compile(r"(?:^|,)\s*+[a-z]++(?<=ing)\s")
# what follows a subject's name: its apposition, a bracket, or a lower-case word (its verb)
_A_SUBJECT_AFTER = re.compile(r"(?:,\s|\s\(|\s[a-z])")


def _the_one_named(sentence: str, speakers: Speakers, position: int):
    """The one person a sentence names in full before a quotation set in it, when no other
    person is named there ("Sirius XM Vice President for news and talk Dave Gorab called the
    show "..."", "76-year-old Morton Blackwell, founder of ..., endorsed Cruz, saying he "..."")."""
    names = {name for _end, name in names_in_text(sentence)}
    if len(names) != 1:
        return None
    name = names.pop()
    at = sentence.find(name)
    if at < 0 or (name.split()[0] not in MALE_NAMES and name.split()[0] not in FEMALE_NAMES):
        return None  # a given name first: no "Going Viral", "Morning Joe", "United States"
    if not _A_SUBJECT_AFTER.match(sentence, at + len(name)) or not _a_name(_without_opener(sentence[: at + len(name)])):
        # the subject, after the sentence's opening phrases and titles at most: not "attacking
        # nominee Mitt Romney as", "said Grimm, a Donald Trump supporter", "told Bill O'Reilly"
        return None
    if _PARTICIPLE_FIRST.search(sentence[:at]):
        return None  # "attacking nominee Mitchell Rooney as": a participle's object
    known = speakers.people.resolve(name.split()[-1])
    if known is not None and known.name != name:
        return None  # another person of that surname is in mind
    result = speakers.resolve(name, position, unknown_orgs=False)
    return result if result is not None and result[0] else None


_ASKED_BY = re.compile(
    # (or what they said: "the news was confirmed by Lian Yubo, executive vice president of BYD. "...")
    r"\b(?:was|were|been|being|is|are)\s+(?:asked|questioned|pressed|challenged|interviewed|confirmed|announced"
    r"|denied|disclosed|revealed|explained|echoed)\s+by\s+"
    r"(?P<who>[^,;:.?!\"\u201c\u201d]{3,80})"
)
_WHO_SAID = re.compile(
    rf"(?P<who>(?:{HONORIFIC}\s+)?{NAME}),\s+who\s+(?:(?:[a-z]+ly|has|had|also|then|later)\s+){{0,2}}{VERBS}\b"
)


# a said-clause that ends a sentence: ", he told reporters.", ", Kang said on Monday."
_SAID_AT_THE_END = re.compile(
    rf",\s+(?P<who>[Hh]e|[Ss]he|(?:{HONORIFIC}\s+)?{NAME})\s+(?:also\s+)?{VERBS}(?:\s+[\w-]+){{0,4}}\.$"
)


def _introduced_before(text: str, speakers: Speakers, position: int):
    """The person who is the subject of the last sentence of the paragraph before a quotation
    that opens its own, with none of its own attribution."""
    last = re.split(r"\s(?<=[.!?:]\s)\s*", mask_abbreviations(text).rstrip())[-1]
    said = _SAID_AT_THE_END.search(last)
    if said is not None and not re.search(r'[,.]["\u201d]', last):
        # (words quoted inside it, but no quotation of its own: "like "maybe" and "perhaps", he said")
        # "People should provide evidence ..., he told reporters. [new paragraph] "This is
        # extremely irresponsible."": the speaker of the said-clause that ends it
        result = speakers.resolve(said.group("who"), position)
        if result is not None and result[0]:
            return result
    subject = sentence_subject(last)
    if re.search(r'["\u201c\u201d]', last) and not (subject is not None and subject.phrase in ("He", "She")):
        # that sentence quotes someone itself: the fallbacks decide (not 'He denied as "nonsense"
        # the rumours.': the words are his, and so is the quotation after it)
        return None
    if subject is None:
        return None
    result = speakers.resolve(subject.phrase, position, unknown_orgs=False)
    if result is None or not result[0] or speakers.people.resolve(result[0]) is None:
        return None
    return result


# (a region or a department of the title may stand between: "said Netflix director of public
# policy, sub-Saharan Africa, Shola Sanni")
def _titled_chain(phrase: str) -> bool:
    """``Pascal Gauvin, Managing Director, India, Middle East and Africa, IHG``: a person's name,
    then the parts of their title (one with a role's word), its region and the organisation."""
    first, _, rest = phrase.partition(",")
    if not rest or not _is_name(first.strip()) or ROLE.search(rest.casefold()) is None:
        return False
    # no pronoun: "Tom Reyes, a director, met her at the fair in May, when she" is a clause about others
    return not _PERSONAL_PRONOUNS.intersection(rest.replace(",", " ").split())


_PERSONAL_PRONOUNS = frozenset("he she him her they them we us".split())


_NAME_AFTER_ROLE = re.compile(
    rf"(?:,\s+[^,.;:\"\u201c\u201d]{{1,40}}){{0,2}},\s+(?P<name>(?:{HONORIFIC}\s+)?{NAME})\s*(?:[.,;]|$)"
)


_CHAIN_REST = re.compile(r",\s+([^.;:!?\"\u201c\u201d]{1,80})")


def _with_apposition(who: str, tail: str) -> str:
    """``said Ben Wood, an analyst at Gartner`` keeps the apposition for the role;
    ``said Opera spokeswoman, Berit Hanson`` names the person after the role."""
    m = _APPOSITION.match(tail)
    if m:
        return f"{m.group('name')}, {m.group('role')}"
    if who.split()[-1:] and who.split()[-1].casefold() in TITLE_WORDS and tail.startswith(who + ","):
        # "said ALLETE Chair, President and CEO Bethany Owen": the chain of titles goes on to the name
        rest = _CHAIN_REST.match(tail, len(who))
        chained = person_in(f"{who} {rest.group(1).replace(',', ' ')}") if rest else None
        if chained is not None and " " in chained[0] and chained[0] in rest.group(1):
            return f"{who}, {rest.group(1)[: rest.group(1).index(chained[0]) + len(chained[0])]}"
    named = _NAME_AFTER_ROLE.match(tail, len(who)) if tail.startswith(who) else None
    if named and person_in(who) is None and plausible_name(re.sub(rf"^{HONORIFIC}\s+", "", named.group("name"))):
        return f"{named.group('name')}, {who}"
    return who


def _continues(previous: Found, span: Span, paragraphs) -> bool:
    """A quotation that carries on the one before: that one ran on without closing; or this one
    follows it in the same paragraph with nothing between but the rest of its sentence (``"...,"
    said Ann Lee. "..."``); or this one opens the paragraph after the one that ended with that
    quotation or the rest of its sentence (news style: one speaker's words over paragraphs). Words
    between that report someone speaking are the previous quotation's own attribution only when
    it was attributed by them."""
    if previous.how == "signed":
        return False  # its signature line ended it
    if not previous.span.closed:
        return True
    before = mask_abbreviations(paragraphs[previous.span.paragraph].text)  # "said Rep. Dina Titus." is one sentence
    between = range(previous.span.paragraph + 1, span.paragraph)
    if previous.span.paragraph == span.paragraph:
        gap = before[previous.span.end + 1 : span.start - 1]
    elif span.start <= 1 and all(_page_leftover(paragraphs[k].text) for k in between):
        # the paragraph after (or after what the page left between them: "Article content")
        gap = before[previous.span.end + 1 :]
    else:
        return False
    own = previous.said_after and previous.span.paragraph == span.paragraph and _rest_of_a_sentence(gap)
    if (
        previous.span.text.rstrip()[-1:] in ".!?"
        and gap.strip()[:1].isupper()
        and not _SHORT_CLAUSE.match(gap)
        and not own  # ('"...?" Ann Lee, a founder of Orvia told Reuters. "..."': its own said-clause)
    ):
        return False  # '"...caused death." Sandler called Trent a "...': a new sentence, someone else's
    if len(gap.split()) <= 3:
        return True
    return _rest_of_a_sentence(gap) and (previous.said_after or not _SPEECH.search(gap))


def _runs_on(previous: Found | None, span: Span) -> bool:
    """Whether ``span`` goes on with the quotation ``previous``, left open in an earlier paragraph."""
    return (
        previous is not None
        and bool(previous.speaker)
        and not previous.span.closed
        and previous.span.paragraph < span.paragraph
        and span.start == 0
    )


def _page_leftover(text: str) -> bool:
    """``Article content``, ``Advertisement``, ``Story continues below``: a line the web page
    left between two paragraphs of the article."""
    words = text.split()
    return 0 < len(words) <= 4 and words[0] in PAGE_WORDS and not any(mark in text for mark in '.!?"\u201c\u201d')


_SPEECH = re.compile(rf"\b{VERBS}\b")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+\S")


def _rest_of_a_sentence(text: str) -> bool:
    """No more than one sentence's end in ``text`` (``, he said. ``), and no quotation."""
    return not _SENTENCE_END.search(text.strip()) and not re.search(r'["\u201c\u201d]', text)
