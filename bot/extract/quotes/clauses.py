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

from bot.extract.people import word_kind
from bot.extract.people_words import PREPOSITIONS

_WORD = re.compile(r"[^\s,;:()\[\]\u2014\u2013\"\u201c\u201d]++|[,;:()\[\]\u2014\u2013\"\u201c\u201d]")
# an opening phrase before the subject: "In an e-mail, ", "However, ", "Asked about the comment, "
_OPENER = re.compile(r"[^,;:\"\u201c\u201d]{1,120},\s+")
_PRONOUN_SUBJECTS = frozenset("He She They It We I".split())
# words that sit between a subject and its verb: "Smith further noted", "He has also said"
_BETWEEN = frozenset("has have had also then later further again once now still too".split())
# the small words of an apposition: "Ben Wood, an analyst at Gartner"
# capitalised words that open a phrase before the subject, or a clause with no named subject
_OPENING_WORDS = frozenset(
    """
    In On At For From By With As If When While After Before Since Until Under Over Into Through Although Though
    Despite According Many Most Some Other Such Every Each Both This That These Those Its Last Next There Here
    What Who Why How Where Which Whether Asked Speaking Commenting Writing Days Weeks Months Years Earlier Later
    Today Yesterday Tomorrow Also Instead Even Only Unlike Like Without Within Among Amid Across Against During
    """.split()
)
_CONJUNCTIONS = frozenset("But And So Yet Still Now Then Meanwhile However".split())
_APPOSITION_WORDS = frozenset("a an the its his her their and & who".split())
_OF_A_PLACE = frozenset({"of", "at", "from", "for", "with"})
# nouns an organisation is named by after "the": "the company said", "the agency said"
_ORG_NOUN = re.compile(
    r"(?:company|firm|group|agency|commission|regulator|watchdog|office|ministry|department|authority|council"
    r"|board|bank|court|tribunal|committee|government|union|association|organisation|organization|institute"
    r"|maker|giant|operator|provider|retailer|carrier|chain|startup|start-up|developer|publisher|studio|network"
    r"|newspaper|magazine|paper|website|site|broadcaster|agency|body|charity|consortium|companies|firms|systems)"
)
_SUBJECT_KINDS = frozenset({"name", "initials", "title", "honorific", "particle", "possessive"})
_MAX_WORDS = 12


@dataclass
class Subject:
    phrase: str  # the words that name the subject ("Rogers CEO Tony Staffieri", "He", "the FTC")
    start: int  # where the phrase starts in the text read
    verb: str  # the lower-case word that follows (its verb, mostly)
    verb_end: int  # where that word ends


def subject_at(text: str, start: int = 0) -> Subject | None:
    """The subject of the clause that starts at ``start`` of ``text``, when it is a name, a
    pronoun, an organisation's noun (``the agency``) or a titled or organisation's phrase,
    followed by a lower-case word."""
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, start, min(len(text), start + 400))]
    if not words:
        return None
    if words[0][2] in _CONJUNCTIONS:
        words = words[1:]  # "But Bristol-Myers CEO Giovanni Caforio told"
        if not words:
            return None
    i = 1 if words[0][2] in ("The", "the") else 0
    first = i
    if i == 0 and words[0][2] in _PRONOUN_SUBJECTS:
        i = 1
    elif i == 1 and len(words) > 2 and _ORG_NOUN.fullmatch(words[1][2]):
        i = 2  # "The company told", "the agency said"
    elif i == 1 and len(words) > 3 and words[1][2].islower() and _ORG_NOUN.fullmatch(words[2][2]):
        i = 3  # "the Californian company said"
    else:
        if i < len(words) and words[i][2] in _OPENING_WORDS:
            return None  # "In its filing", "With China sending"
        while i < len(words) and i - first < _MAX_WORDS:
            word = words[i][2]
            if word_kind(word) in _SUBJECT_KINDS or (word in ("and", "&") and i > first):
                i += 1
                continue
            break
        if i == first or (words[first][2][:1].islower() and word_kind(words[first][2]) != "title"):
            return None
        if i < len(words) and _ORG_NOUN.fullmatch(words[i][2]):
            i += 1  # "The California-based company", "Google's parent company"
    end = words[i - 1][1]
    j = i
    if j < len(words) and words[j][2] == ",":
        # an apposition ("Ben Wood, an analyst at Gartner, said"; "MTN Group CEO, Ralph Mupita,
        # said"), closed by a comma or running up to the verb
        k, titled = j + 1, False
        while k < len(words) and words[k][1] - words[j][0] <= 160:
            word = words[k][2]
            if word in (",", ";", ":", '"', "\u201c", "\u201d"):
                break
            kind = word_kind(word)
            titled = titled or kind in ("title", "name")
            if kind in _SUBJECT_KINDS or word in PREPOSITIONS or word in _APPOSITION_WORDS:
                k += 1
                continue
            break
        if k == j + 1 and k < len(words) and words[k][2][:1].islower():
            j = k  # "Giovanni Caforio, told the Journal": a stray comma before the verb
        elif k < len(words) and words[k][2] == ",":
            end, j = words[k - 1][1], k + 1
        elif titled and k < len(words) and words[k][2][:1].islower():
            end, j = words[k - 1][1], k
        else:
            return None
    elif j < len(words) and words[j][2] in _OF_A_PLACE:
        # a name's organisation after a preposition ("Mr Hirsch from Retail Banking Research said")
        k = j + 1
        while k < len(words) and (word_kind(words[k][2]) in _SUBJECT_KINDS or words[k][2] in ("and", "&", "the")):
            k += 1
        if k > j + 1:
            j = k
    while j < len(words) and words[j][2] in _BETWEEN:
        j += 1
    if j < len(words) and words[j][2].endswith("ly") and words[j][2].islower():
        j += 1  # "Smith publicly said"
    if j >= len(words) or not words[j][2][:1].islower() or words[j][2] in PREPOSITIONS:
        return None
    phrase_start = words[0][0]
    return Subject(text[phrase_start:end], phrase_start, words[j][2], words[j][1])


def sentence_subject(text: str, start: int = 0) -> Subject | None:
    """The subject of the sentence that starts at ``start``: at its start, or after one or two
    opening phrases ("In its filing Tuesday, however, the FTC said")."""
    for _ in range(3):
        found = subject_at(text, start)
        if found is not None:
            return found
        m = _OPENER.match(text, start)
        if m is None:
            return None
        start = m.end()
    return None
