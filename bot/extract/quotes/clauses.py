"""The subject that opens a clause: who a sentence is about, and who speaks in it.

News sentences name their subject first, often behind an opening phrase and with titles,
an organisation or an apposition around the name (``In its filing Tuesday, however, the FTC
said``, ``Rogers CEO Tony Staffieri seems``, ``Gert Schoonbee, Managing Director at T-Systems,
says``). The subject is read from the words, not from a list of known names: a short run of
capitalised words, titles and small name words, then a lower-case word (the verb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.people import ROLE_NOUN, word_kind
from bot.extract.people_words import PREPOSITIONS, SENTENCE_OPENERS

_WORD = re.compile(r"[^\s,;:()\[\]\u2014\u2013\"\u201c\u201d]++|[,;:()\[\]\u2014\u2013\"\u201c\u201d]")
# an opening phrase before the subject: "In an e-mail, ", "However, ", "Asked about the comment, "
_OPENER = re.compile(r"[^,;:\"\u201c\u201d]{1,120},\s+")
_PRONOUN_SUBJECTS = frozenset("He She They It We I".split())
# words that sit between a subject and its verb: "Smith further noted", "He has also said"
_BETWEEN = frozenset(
    "has have had also then later further again once now still too yesterday today recently earlier".split()
)
_WHEN = frozenset({"on", "last", "this", "late", "early"})
_TIMES = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday week month year weekend night morning evening
    """.split()
)
# the small words of an apposition: "Ben Wood, an analyst at Gartner"
# capitalised words that open a phrase before the subject, or a clause with no named subject
OPENING_WORDS = (
    frozenset(
        """
    In On At For From By With As If When While After Before Since Until Under Over Into Through Although Though
    Despite According Many Most Some Other Such Every Each Both This That These Those Its Last Next There Here
    What Who Why How Where Which Whether Asked Speaking Commenting Writing Days Weeks Months Years Earlier Later
    Today Yesterday Tomorrow Also Instead Even Only Unlike Like Without Within Among Amid Across Against During
    One Another Some Several Both Either Neither Few
    """.split()
    )
    | SENTENCE_OPENERS
)
_CONJUNCTIONS = frozenset("But And So Yet Still Now Then Meanwhile However".split())
_APPOSITION_WORDS = frozenset("a an the its his her their and & who".split())
_OF_A_PLACE = frozenset({"of", "at", "from", "for", "with"})
# nouns an organisation is named by after "the": "the company said", "the agency said"; and what
# speaks for one: "A statement on Friday said"
_ORG_NOUN = re.compile(
    r"(?:company|firm|group|agency|commission|regulator|watchdog|office|ministry|department|authority|council"
    r"|board|bank|court|tribunal|committee|government|union|association|organisation|organization|institute"
    r"|maker|giant|operator|provider|retailer|carrier|chain|startup|start-up|developer|publisher|studio|network"
    r"|newspaper|magazine|paper|website|site|broadcaster|agency|body|charity|consortium|companies|firms|systems"
    r"|app|statement)"
)
_AGE = re.compile(r"\d{1,3}-year-old\s+(?=[A-Z])")
_AGE_AFTER_OPENER = re.compile(r"(?<=,\s)(?=\d{1,3}-year-old\s+[A-Z])")
_SUBJECT_KINDS = frozenset({"name", "initials", "title", "honorific", "particle", "possessive"})
_MAX_WORDS = 12
_OPENERS = 3  # opening phrases before a subject at most: "At a rally in Portland, Maine, on Thursday, Trump"


@dataclass
class Subject:
    phrase: str  # the words that name the subject ("Rogers CEO Tony Staffieri", "He", "the FTC")
    start: int  # where the phrase starts in the text read
    verb: str  # the lower-case word that follows (its verb, mostly)
    verb_end: int  # where that word ends


class _Words:
    """The words of a text from a position on, read only as far as they are asked for."""

    def __init__(self, text: str, start: int):
        self._found = _WORD.finditer(text, start, min(len(text), start + 400))
        self._words: list[tuple[int, int, str]] = []

    def __call__(self, i: int) -> str:
        """The ``i``-th word, or ``""`` past the end."""
        while len(self._words) <= i:
            m = next(self._found, None)
            if m is None:
                return ""
            self._words.append((m.start(), m.end(), m.group(0)))
        return self._words[i][2]

    def start(self, i: int) -> int:
        return self._words[i][0]

    def end(self, i: int) -> int:
        return self._words[i][1]


def subject_at(text: str, start: int = 0) -> Subject | None:
    """The subject of the clause that starts at ``start`` of ``text``, when it is a name, a
    pronoun, an organisation's noun (``the agency``) or a titled or organisation's phrase,
    followed by a lower-case word."""
    age = _AGE.match(text, start)
    if age is not None:
        start = age.end()  # "62-year-old Brenda Johnson also railed": the name after the age
    if not (text[start : start + 1].isupper() or text.startswith(("the ", "a ", "an "), start)):
        return None
    w = _Words(text, start)
    i = 1 if w(0) in _CONJUNCTIONS else 0  # "But Bristol-Myers CEO Giovanni Caforio told"
    head = i
    if w(i) in ("The", "the", "A", "a", "An", "an"):
        i += 1
    first = i
    if i == head and w(i) in _PRONOUN_SUBJECTS:
        i += 1
    elif i > head and _ORG_NOUN.fullmatch(w(i)) and w(i + 1):
        i += 1  # "The company told", "the agency said"
    elif i > head and w(i).islower() and _ORG_NOUN.fullmatch(w(i + 1)):
        i += 2  # "the Californian company said"
    else:
        if w(i) in OPENING_WORDS:
            return None  # "In its filing", "With China sending"
        while w(i) and i - first < _MAX_WORDS:
            word = w(i)
            if i > first and word in _PRONOUN_SUBJECTS and word != "I":  # (but "Seven & I")
                break  # "in the U.S. He says": a new sentence's pronoun
            if word_kind(word) in _SUBJECT_KINDS or (word in ("and", "&") and i > first):
                i += 1
                continue
            if i > first and word.islower() and word_kind(w(i - 1)) == "title" and word_kind(w(i + 1)) == "title":
                i += 1  # "Movidius co-founder and chief technology officer David Moloney called"
                continue
            if (
                i > first
                and word.islower()
                and ROLE_NOUN.fullmatch(word)
                and word_kind(w(i + 1)) == "title"
                and word_kind(w(i + 2)) in ("name", "title")
            ):
                i += 1  # "Clinton campaign Chairman John Podesta offered", "Apple design chief Jony Ive said"
                continue
            if word in ("of", "for") and i > first and w(i - 1)[:1].isupper() and w(i + 1)[:1].isupper():
                i += 1  # "RNC Chief of Staff Katie Walsh explained", "The Ministry of Electronics issued"
                continue
            break
        if i == first or (w(first)[:1].islower() and word_kind(w(first)) != "title"):
            return None
        if _ORG_NOUN.fullmatch(w(i)):
            i += 1  # "The California-based company", "Google's parent company"
    if not w(i - 1):
        return None
    end = w.end(i - 1)
    j = i
    if w(j) == "(":
        # a party and state or an age in brackets: "Rep. Elijah Cummings (D-Md.), chair of ..."
        k = j + 1
        while w(k) and w(k) != ")" and k - j < 6:
            k += 1
        if w(k) == ")":
            j = k + 1
    if w(j) == ",":
        # an apposition ("Ben Wood, an analyst at Gartner, said"; "Clinton, during a town hall in
        # Columbus, Ohio, said"; "MTN Group CEO, Ralph Mupita, said"), closed by a comma, or
        # running up to the verb when it holds titles and names only
        k = j + 1
        while w(k) and w(k) not in (",", ";", ":", '"', "\u201c", "\u201d") and w.end(k) - w.start(j) <= 160:
            k += 1
        closed = w(k) == "," and k > j + 1
        k2, titled = j + 1, False
        while w(k2) and k2 < k:
            kind = word_kind(w(k2))
            if not (kind in _SUBJECT_KINDS or w(k2) in PREPOSITIONS or w(k2) in _APPOSITION_WORDS):
                break
            titled = titled or kind in ("title", "name")
            k2 += 1
        if k2 == j + 1 and w(k2)[:1].islower() and w(k2) not in PREPOSITIONS:
            j = k2  # "Giovanni Caforio, told the Journal": a stray comma before the verb
        elif closed:
            end, j = w.end(k - 1), k + 1
            if w(j)[:1].isupper() and w(j + 1) == "," and word_kind(w(j)) == "name":
                j += 2  # "in Columbus, Ohio, said": a place and its state
        elif titled and w(k2)[:1].islower():
            end, j = w.end(k2 - 1), k2
        else:
            return None
    elif w(j) in _OF_A_PLACE:
        # a name's organisation after a preposition ("Mr Hirsch from Retail Banking Research said")
        k = j + 1
        while w(k) and (word_kind(w(k)) in _SUBJECT_KINDS or w(k) in ("and", "&", "the")):
            k += 1
        if k > j + 1:
            j = k
    while w(j) in _BETWEEN or (w(j) in _WHEN and w(j + 1) in _TIMES) or _a_date(w, j):
        # "Pat Gelsinger on Wednesday told", "Smith last week said", "Chung Jin-haeng on Aug. 17 hinted"
        j += 3 if _a_date(w, j) else 2 if w(j) in _WHEN else 1
    if w(j).endswith("ly") and w(j).islower():
        j += 1  # "Smith publicly said"
    if not w(j)[:1].islower() or w(j) in PREPOSITIONS:
        return None
    phrase_start = w.start(head)
    return Subject(text[phrase_start:end], phrase_start, w(j), w.end(j))


_SOURCE_TAG = re.compile(r"\[[^\]\n]{1,40}\]\s+")
_MONTH = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}[.\u2024]?")


def _a_date(w: _Words, j: int) -> bool:
    """``on Aug. 17``: a day of a month after "on"."""
    return w(j) == "on" and bool(_MONTH.fullmatch(w(j + 1))) and w(j + 2).isdigit()


def sentence_subject(text: str, start: int = 0) -> Subject | None:
    """The subject of the sentence that starts at ``start``: at its start, or after one or two
    opening phrases ("In its filing Tuesday, however, the FTC said"); a person given with their
    age after an opening phrase first ("In St. Clairsville, Ohio, 62-year-old Brenda Johnson")."""
    tag = _SOURCE_TAG.match(text, start) if text.startswith("[", start) else None
    if tag is not None:
        start = tag.end()  # "[THE INVESTOR] Hyundai Motor President Chung Jin-haeng ...": a wire's tag first
    aged = _AGE_AFTER_OPENER.search(text, start, start + 160) if "-year-old" in text[start : start + 160] else None
    if aged is not None:
        found = subject_at(text, aged.end())
        if found is not None:
            return found
    for _ in range(_OPENERS + 1):
        found = subject_at(text, start)
        if found is not None:
            return found
        m = _OPENER.match(text, start)
        if m is None:
            return None
        start = m.end()
    return None
