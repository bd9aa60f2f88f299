"""Competition and partnership stated by one sentence: the companies on the sides of a cue."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations, pairwise

from bot.extract.patterns import CaseBlind
from bot.extract.relations.cues import (
    BETWEEN,
    BID_CONTEST,
    BIG_FEW,
    COMPETES,
    COMPETES_STEM,
    COMPETITION_LAW_AT,
    CONTEST_WORD,
    COUNT,
    CUE_STEM,
    DESCRIPTION_BEFORE,
    EDGE_GIVEN,
    ENTRY,
    FIGURE,
    LIST_CUE,
    LIST_GAP,
    MADE_THING,
    MADE_WITH,
    MARKET_FIGURE,
    MARKET_HELD,
    MARKET_LIST,
    MONEY,
    NOT_A_MARKET_FIGURE,
    NOT_PARTNERS,
    NOT_RIVALRY,
    PARTNERED,
    PARTNERS,
    PARTNERS_STEM,
    PRICE_CONTRAST,
    PRICE_MOVE,
    PRICE_WORD,
    RECIPROCAL,
    THE_TWO,
)

# ", said Jane Roe, an analyst at Gartner": who said it, not who the sentence is about
_TRAILING_ATTRIBUTION = re.compile(
    r"[,\"\u201d]\s*(?:said|says|added|adds|explained|explains|according to|reported|reports)\s+"
    r"(?:Mr|Mrs|Ms|Dr|Prof)?\.?\s*[A-Z]"
    r"|,\s*(?:the\s+)?(?:[A-Z][\w&.\-]*\s+){1,4}(?:said|says|added|adds|claimed|claims|reported|reports)"
    r"(?:\s+(?:on|last|this)\s+\w+)?\s*[.!]?\s*$"
)
_PRESS = re.compile(
    r"(?:told|telling|tells|said to|speaking to|according to|quoted\s+(?:as\s+saying\s+)?by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# the firm a figure or a report comes from is no party: "according to market research firm Kantar
# Worldpanel", "a report from Desjardins Securities", "data from Counterpoint", "analysts at Jefferies"
# (but a study "by" two firms is their joint work)
_SOURCE = re.compile(
    r"(?<!\w)(?=[adfnerstcbmo])(?:(?:according[ ]to|(?:data|figures|numbers|estimates|(?:a[ ])?report"
    r"|(?:a[ ])?note)[ ]+(?:from|by)|(?:research|(?:a[ ])?survey|(?:a[ ])?study)[ ]+from|analysts?[ ]+(?:at|from|with))"
    r"[ ]+(?:the[ ]+)?"
    r"(?:(?-i:[a-z])[\w-]*+[ ]+){0,4}+"
    r"|(?:research|analyst|analytics|consultancy|consulting|data|advisory|brokerage)[ ]+(?:firms?|company|group|house"
    r"|outfit)[ ]+)",
    re.IGNORECASE,
)
# one of which every _SOURCE match holds
_SOURCE_WORDS = (
    "according", "data ", "figures ", "numbers ", "estimates ", "report ", "note ", "research", "survey ", "study ",
    "analyst", "consult", "advisory ", "brokerage ",
)  # fmt: skip
_PRESS_AFTER = re.compile(r"\s+(?:News\s+)?(?:website|Online|programme|radio|News)\b|\)\s*[-\u2013\u2014:]")
# a picture's credit names the agency that took it, no party: "[File: Beawiharta/Reuters]", "(Photo: AFP)"
_CREDIT = re.compile(r"(?:File|Photo|Photograph|Image|Picture|Credit)s?:[^\]\[()]{0,40}$")


class Before:
    """The sentence before the one being read, for what "it", "them" and "the firm" refer to.

    ``subject`` is the company its clause starts with ("Quantel filed for bankruptcy and was
    sold to Initrode": Quantel), the subject of the sentence before it when it starts with
    "it" or "the firm" itself, or nobody when it starts otherwise ("Sales fell and Quantel was
    sold": the subject is not a company, and a guess would be as likely wrong as right).
    """

    def __init__(self, text: str, mentions: list[tuple[int, str]], previous: Before | None = None):
        self.mentions = mentions
        first = mentions[0] if mentions else None
        if first and _SUBJECT_PRE.fullmatch(text, 0, first[0]):
            self.subject = first[1]
        elif previous is not None and _OPENING_REFERENCE.match(text):
            self.subject = previous.subject  # "BT is the biggest provider. It has been losing customers."
        else:
            self.subject = None


_OPENING_REFERENCE = re.compile(
    r"(?:[^,;.]{1,60},\s+)?(?:It|The\s+(?:[a-z][\w-]*\s+){0,2}?(?:firm|company|group))\s+[a-z]"
)

# what may stand before a sentence's subject: an opening phrase ("In 1994, "), a description
# ("Dutch firm "), but no verb or preposition that would make the company an object
_SUBJECT_PRE = re.compile(
    r"(?:[^,;.]{1,60},\s+)?"
    r"(?!(?:[\w-]+\s+){0,4}?(?:and|or|but|by|with|from|to|of|for|than|that|as|in|on|at|after|before|over)\s)"
    r"(?:[\w-]+\s+){0,4}"
)


# what makes a partnership one only sought: "is seeking partnerships", "have sought a partnership",
# "discussing a tie-up", "in talks about an alliance"
_SOUGHT = re.compile(
    r"(?:seek|seeks|seeking|sought|discuss(?:es|ed|ing)?|explor(?:e|es|ed|ing)|consider(?:s|ed|ing)?|look(?:s|ed|ing)?"
    r"[ ]for|(?:search|hunt)(?:s|es|ed|ing)?[ ]for|in[ ]search[ ]of|talks[ ](?:about|on|over|for)"
    r"|negotiat(?:e|es|ed|ing)|pursu(?:e|es|ed|ing)|mull(?:s|ed|ing)?)[ ]+"
    r"(?:(?:a|an|the|new|possible|potential|further|closer|more|strategic|business|technology)[ ]+){0,3}"
    # "seeking a deeper alliance with": one they have already
    r"(?!(?:[\w-]+[ ]+)*?(?:deeper|stronger|broader|wider|expanded|extended)[ ])(?:(?-i:[a-z])[\w-]*+[ ]+){0,3}?\Z"
    # only wished for: "wants to work with Tesla" (one that ended was one: "terminated its partnership")
    r"|(?<![\w-])(?:wants?|wanted|wish(?:es|ed)?|hop(?:e|es|ed|ing)|would[ ]like)[ ]+to[ ]+\Z"
    # only offered: "was open to collaborating with", "is willing to partner with", "interested in a tie-up"
    r"|(?<![\w-])(?:(?:open|willing|eager|keen)[ ]+to|interested[ ]+in)[ ]+(?:a[ ]+|an[ ]+)?\Z"
    # only possible: "Airbus could close a deal with AirAsia", "any potential collaboration between"
    r"|(?<![\w-])(?-i:could|might|may)[ ]+(?:[a-z]+[ ]+){0,3}\Z"
    r"|(?<![\w-])(?:potential|possible|prospective|hypothetical)[ ]+(?:[a-z-]+[ ]+)?\Z",
    re.IGNORECASE,
)


def _sought(sentence: str, cue: re.Match) -> bool:
    return bool(_SOUGHT.search(sentence, max(0, cue.start() - 60), cue.start()))


def _between_the_group(sentence: str, group: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """Relations a sentence states of "the two companies" it does not name again ("The two
    tech giants signed the memorandum"; "the two companies have also been competing"; "in a
    joint statement the three firms said"): they are the companies the article last named
    together, if there were as many."""
    m = _THE_TWO_FOUND.search(sentence)
    if not m or COUNT.get((m.group("n") or m.group("all") or "two").lower()) != len(group):
        return []
    found = []
    if speaks_of_rivalry(sentence) and _said_of_the_group(sentence, m):
        found.extend(("competes", a, b) for a, b in combinations(group, 2))
    if any(not _sought(sentence, m) for m in _partners(sentence)) and not _not_partners(sentence):
        found.extend(("partners", a, b) for a, b in combinations(group, 2))
    return found


# what may stand between "the two companies" and the rivalry said of them: "the two companies'
# fierce competition", "the two firms have long been rivals"; and before them: "the rivalry between"
_GROUP_TO_CUE = re.compile(r"(?:['\u2019]s?)?(?:[ ]+[\w'\u2019-]+){0,6}?[ ]+")
_CUE_TO_GROUP = re.compile(r"[ ]+(?:between|among|of|for)[ ]+")


def _said_of_the_group(sentence: str, group: re.Match) -> bool:
    """A rivalry cue said of "the two companies" themselves, in the phrase that names them, not
    one of the sentence's other words ("no overlap between the two companies' customers, and no
    complaints from competitors"; "while both companies expected the merger ..., challenges in
    obtaining approvals")."""
    for cue in _competes(sentence):
        if _no_rivalry(sentence, cue):
            continue
        if cue.start() >= group.end() and _GROUP_TO_CUE.fullmatch(sentence, group.end(), cue.start()):
            return True
        if cue.end() <= group.start() and _CUE_TO_GROUP.fullmatch(sentence, cue.end(), group.start()):
            return True
    return False


@lru_cache(maxsize=1024)
def has_cue_stem(sentence: str) -> bool:
    """Whether a word of rivalry or cooperation may stand in ``sentence``: the plain stem of one
    does (asked first for every sentence; a sentence with none is searched no further)."""
    return CUE_STEM.search(sentence.lower()) is not None


# the cue patterns, tried only where a cue word's beginning stands in the lowered sentence
_COMPETES_FOUND = CaseBlind(COMPETES)
_THE_TWO_FOUND = CaseBlind(THE_TWO)
_MARKET_FIGURE_FOUND = CaseBlind(MARKET_FIGURE)
_PARTNERS_FOUND = CaseBlind(PARTNERS)
_NOT_PARTNERS_FOUND = CaseBlind(NOT_PARTNERS)


# each sentence's cues, found once: several rules ask for them (the stems of either kind are
# some of CUE_STEM's)
@lru_cache(maxsize=1024)
def _competes(sentence: str) -> tuple[re.Match, ...]:
    found = has_cue_stem(sentence) and COMPETES_STEM.search(sentence.lower())
    return tuple(_COMPETES_FOUND.finditer(sentence)) if found else ()


@lru_cache(maxsize=1024)
def _partners(sentence: str) -> tuple[re.Match, ...]:
    found = has_cue_stem(sentence) and PARTNERS_STEM.search(sentence.lower())
    return tuple(_PARTNERS_FOUND.finditer(sentence)) if found else ()


@lru_cache(maxsize=1024)
def _not_partners(sentence: str) -> bool:
    """Words that make a sentence's cooperation something else: a purchase, a lawsuit, a split;
    but not a purchase the partners set out to make together ("a partnership with X to buy Y")."""
    for m in _NOT_PARTNERS_FOUND.finditer(sentence):
        if _in_a_name(sentence, m.start()):
            continue
        if any(c.end() < m.start() and _LATER_CLAUSE.search(sentence, c.end(), m.start()) for c in _partners(sentence)):
            continue  # "X and Y began working together after both buying stakes in Z": another clause
        if sentence[max(0, m.start() - 3) : m.start()] == "to " and any(
            c.start() < m.start() and _TOGETHER.match(c.group(0)) for c in _partners(sentence)
        ):
            continue
        return True
    return False


# what starts a clause of its own after a cue: a purchase told there is no part of the cooperation
_LATER_CLAUSE = re.compile(r"\b(?:after|before|since|following|when|while|until|years before)\b|;")
# cues of working together, rather than of a deal that may be a purchase
_TOGETHER = re.compile(r"partner|allian|allied|joint|collaborat|team|join|co-?operat|consorti", re.IGNORECASE)
_OPENING = re.compile(r"[\s\"'\u201c\u2018(\[-]*")


# a company that joins, or is one of, the partners a list names: their fellow, no partner of them
# ("X joins a roster of strategic partners that includes Y and Z", "X is among the partners, such as Y")
_ONE_OF = re.compile(
    r"\b(?:join(?:s|ed|ing)?|(?:is|are|was|were|becomes?|became)\s+(?:one\s+of|among)|one\s+of|among)"
    r"(?:\s+(?!with\b)[\w,-]+){0,6}?\s+$",
    re.IGNORECASE,
)
_LISTED_AFTER = re.compile(
    r"partners\b(?!\s+of\b)[^.;]{0,60}?\b(?:includ(?:e|es|ed|ing)|such\s+as|like)\b", re.IGNORECASE
)


def _one_of_the_partners(sentence: str, cue: re.Match) -> bool:
    """The cue is a list of partners the subject joins or is one of (see :data:`_ONE_OF`)."""
    return bool(
        _LISTED_AFTER.match(sentence, cue.start()) and _ONE_OF.search(sentence, max(0, cue.start() - 80), cue.start())
    )


def _in_a_name(sentence: str, at: int) -> bool:
    """A cue word capitalised inside a sentence is part of a name ("the Competition Bureau"),
    unless the sentence capitalises every word (a headline: "Nokia And Ericsson Go Head To Head")."""
    return sentence[at].isupper() and not _OPENING.fullmatch(sentence, 0, at) and not _title_case(sentence)


@lru_cache(maxsize=1024)
def _title_case(sentence: str) -> bool:
    words = _WORD.findall(sentence)
    return len(words) >= 4 and sum(w[0].isupper() or w[0].isdigit() for w in words) >= 0.8 * len(words)


_WORD = re.compile(r"[^\W_][\w'\u2019-]*")


@lru_cache(maxsize=1024)
def _not_rivalry(sentence: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in NOT_RIVALRY.finditer(sentence))


def speaks_of_rivalry(sentence: str) -> bool:
    """A cue of rivalry that may be the rivalry of a company the sentence does not name ("BT
    faces increasing competition"): not competition as the law's concern ("the competition
    authorities"), nor a name ("the Competition Commission of India")."""
    law = [m.start() for m in COMPETITION_LAW_AT.finditer(sentence)] if "ompetition" in sentence else []
    return any(m.start() not in law and not _in_a_name(sentence, m.start()) for m in _competes(sentence))


def rivalry_refused(sentence: str) -> bool:
    """Whether the sentence's words of rivalry are all ones the rules read as no rivalry ("a legal
    battle", "giving a competitive edge to X"): then no trained reading makes one of them."""
    if any(not _no_rivalry(sentence, m) and not _in_a_name(sentence, m.start()) for m in _competes(sentence)):
        return False
    return bool(_not_rivalry(sentence)) or EDGE_GIVEN.search(sentence) is not None


def _no_rivalry(sentence: str, cue: re.Match) -> bool:
    """A rivalry cue that names none: "a legal battle", "take on the role", "reduce competition";
    or a contest that is a bid for a company ("a battle ... as X seeks to buy Y")."""
    if any(a <= cue.start() < b for a, b in _not_rivalry(sentence)):
        return True
    return bool(CONTEST_WORD.match(cue.group(0)) and BID_CONTEST.search(sentence))


def relations_in(
    sentence: str, mentions: list[tuple[int, str]], anchor: str | None, before: Before | None = None
) -> list[tuple[str, str, str]]:
    """``(type, a, b)`` relations one sentence states; ``mentions`` are (position, company),
    products already standing for their owners.

    ``anchor`` is the company the article is mostly about, for "competitors like X" with
    nobody else named; ``before`` is the sentence before, for "it", "them" and "the firm". A
    company named only as the press someone spoke to ("told the BBC News website") or in a
    trailing attribution (", said X of Gartner") is a source, not a party.
    """
    return _relations_of(sentence, parties(sentence, mentions), anchor, before or Before("", []))


def cues(sentence: str) -> list[re.Match]:
    """The words of rivalry and cooperation in ``sentence`` that name a relation of companies."""
    found = [m for m in _competes(sentence) if not _no_rivalry(sentence, m)]
    if not _not_partners(sentence):
        found += _partners(sentence)
    return [m for m in found if not _in_a_name(sentence, m.start()) and sentence[m.start() - 1 : m.start()] != "-"]


# the firm a company works with named by its trade of advice: an adviser, no partner ("is working
# with investment bank Lazard on its plans", "worked with law firm X")
_ADVISER_AFTER = re.compile(
    r"[ ]+(?:its[ ]+|the[ ]+|an?[ ]+)?(?:[\w-]+[ ]+){0,2}?(?:investment[ ]+banks?|bankers|financial[ ]+advis[eo]rs?"
    r"|advis[eo]rs?|advisory[ ]+firms?|law[ ]+firms?|lawyers|legal[ ]+counsel|consultanc(?:y|ies)|consultants?"
    r"|auditors?|accountants|accounting[ ]+firms?)[ ]+(?-i:[A-Z])",
    re.IGNORECASE,
)


# a partnership the sentence denies, in the words right before its cue: "is not working with", "has no
# partnership with" (not "not only", "no longer": one that ended was one)
_NEGATED = re.compile(
    r"(?<![\w'\u2019])(?:not|never|no|without)[ ]+(?!only\b|just\b|longer\b|doubt\b)(?:[a-z]+[ ]+){0,2}\Z"
    r"|n['\u2019]t[ ]+(?!only\b|just\b)(?:[a-z]+[ ]+){0,2}\Z"
)


def _denied(sentence: str, cue: re.Match) -> bool:
    """The words right before ``cue`` deny it (see :data:`_NEGATED`)."""
    return bool(_NEGATED.search(sentence, max(0, cue.start() - 40), cue.start()))


# a web page's line of subjects or tags, kept with the text: it states nothing of the companies it lists
_TAG_LINE = re.compile(r"\s*(?:(?:Related\s+)?(?:Topics|Tags|Keywords)|Filed\s+under|Categories)\s*:", re.IGNORECASE)


def _relations_of(sentence, mentions, anchor, before, sources: dict | None = None) -> list[tuple[str, str, str]]:
    """:func:`relations_in` of mentions that are parties already; ``sources``, when given, gains
    for each ``(kind, pair)`` found the rule that read it first (a pattern's name, or ``cue:``
    and the cue word)."""
    if _TAG_LINE.match(sentence):
        return []  # "Topics: Partnerships, Newzoo, FTX": a page's index of subjects, no statement
    # "Tencent-backed JD.com": the investor describes the company and is no party to what it does
    if "-" in sentence and _INVESTOR.search(sentence):
        mentions = [(p, c) for p, c in mentions if not _invests(sentence, p)]
    if not mentions:
        return []
    companies = _distinct(mentions)
    found: list[tuple[str, str, str]] = [("partners", a, b) for a, b in _fellow_partners(sentence, mentions)]
    tags = [(len(found), "fellows")]  # where the pairs each rule read start in ``found``
    if len(mentions) >= 2 and not _not_partners(sentence) and not _competes(sentence):
        found.extend(("partners", a, b) for a, b in _joint_action(sentence, mentions))
    lowered = sentence.lower()
    markets = [(MARKET_LIST, 2)] if any(w in lowered for w in _MARKET_WORDS) else []
    markets += [(MARKET_HELD, 3)] if "market" in lowered else []
    markets += [(BIG_FEW, 2)] if any(w in lowered for w in _FEW_WORDS) else []
    tags.append((len(found), "joint"))
    found.extend(("competes", a, b) for a, b in _market_figures(sentence, mentions))
    tags.append((len(found), "figures"))
    if "pric" in lowered or "charg" in lowered or "commission" in lowered or " fare" in lowered:
        found.extend(("competes", a, b) for a, b in _prices(sentence, mentions))
    tags.append((len(found), "prices"))
    for pattern, least in markets:
        for m in pattern.finditer(sentence):
            listed_here = _run(sentence, [(p, c) for p, c in mentions if p >= m.end()])
            if len(listed_here) >= least and _near(sentence, m, mentions):
                found.extend(("competes", a, b) for a, b in combinations(listed_here[:5], 2))
    tags.append((len(found), "market"))
    for kind, cues in (("competes", _competes), ("partners", _partners)):
        if kind == "partners" and _not_partners(sentence):
            continue
        for m in cues(sentence):
            if kind == "partners" and _sought(sentence, m):
                continue  # "Hyundai says it's discussing partnerships with Google": none yet
            if kind == "partners" and _denied(sentence, m):
                continue  # "X is not working with Y", "has no partnership with" (but "cannot compete with Y": rivals)
            if kind == "partners" and _ADVISER_AFTER.match(sentence, m.end()):
                continue  # "Iliad is working with investment bank Lazard": an adviser hired, no partner
            if kind == "partners" and _one_of_the_partners(sentence, m):
                continue  # "X joins a roster of partners including Y and Z": X is one of them, no partner of them
            if m.start() and sentence[m.start() - 1] == "-":
                continue  # "Microsoft-partnered devices": a description, not a statement about two parties
            if _in_a_name(sentence, m.start()):
                continue  # "the Competition Bureau", "Buy Now, Pay Later"
            if kind == "competes" and _no_rivalry(sentence, m):
                continue
            venture = _the_venture(sentence, m, mentions) if kind == "partners" else None
            for a, b in _pairs(kind, sentence, m, mentions, companies, anchor, before):
                if a and b and a != b and venture not in (a, b):
                    found.append((kind, a, b))
            tags.append((len(found), "cue:" + m.group(0).split()[0].lower()))
    unique: dict[tuple[str, frozenset], tuple[str, str, str]] = {}
    for kind, a, b in found:
        unique.setdefault((kind, frozenset((a, b))), (kind, a, b))
    if sources is not None:
        at = 0
        for end, tag in tags:
            for kind, a, b in found[at:end]:
                sources.setdefault((kind, frozenset((a, b))), tag)
            at = max(at, end)
    return list(unique.values())


def parties(sentence: str, mentions: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The mentions that can be parties: not the press someone spoke to, nor the source in a
    trailing attribution."""
    if not mentions:
        return []
    cut = _attribution_at(sentence)
    sources = _sources(sentence)
    kept = [
        (p, c)
        for p, c in mentions
        if p < cut
        and p not in sources
        and not _press(sentence, p, c)
        and not _speakers_employer(sentence, p)
        and not _a_source_by_name(sentence, p)
        and not authority_by_name(sentence, p)
        and not _owner_in_apposition(sentence, p)
    ]
    # what a company's possessive names is that company's: "Symbian's Series 60 software" is
    # Symbian's, whoever else the product is known for; "Google's YouTube" is Google's
    for i in range(1, len(kept)):
        (p, owner), (q, c) = kept[i - 1], kept[i]
        name = _NAME_AT.match(sentence, p)
        if c != owner and name and _POSSESSIVE_GAP.fullmatch(sentence, name.end(), q):
            kept[i] = (q, owner)
    return kept


# the company a speaker works for, named in the attribution: "Michele Levine, CEO of Roy Morgan
# Research, has said that a new competitor ...", ", Jane Roe, director at Strategy Analytics, said."
_EMPLOYER_BEFORE = re.compile(
    r"(?:CEO|chief[ ]executive|executive|director|analyst|head|president|founder|chair(?:man|woman)?|spokes\w+"
    r"|economist|manager|officer|partner|researcher|principal|strategist)[ ]+(?:of|at|with|from)[ ]+(?:the[ ]+)?\Z",
    re.IGNORECASE,
)
_SAYS_AFTER = re.compile(
    r"[\w&.+]*+(?:[ ][A-Z][\w&.+]*+){0,4},?[ ]+(?:has[ ]+|had[ ]+)?(?:said|says|told|tells|added|adds|noted|notes"
    r"|explained|explains|wrote|writes)\b"
)


# the firm a figure comes from, named before what it gave: "the Counterpoint Research report",
# "Canalys data", "Eight Capital analyst Jane Roe"; or after "per": "per Counterpoint Research"
_SOURCE_AFTER_NAME = re.compile(
    r"[ ]+(?:(?:report|data|survey|study|estimates|figures|analysis|research[ ]note|note)s?\b(?![ ]+(?:to|with)\b)"
    r"|analysts?[ ]+[A-Z])"
)
_PER = re.compile(r"(?<![\w-])(?-i:per)[ ]+(?:the[ ]+)?\Z")


# an authority known by its name's form: "the Communications and Information Technology Commission
# (CITC)", "the Communications Authority of Kenya (CA)": no party (authorities never are)
_AUTHORITY_WORDS = "Commission|Authority|Ministry|Regulator|Agency|Bureau|Tribunal"
_AUTHORITY_NAME = re.compile(
    rf"(?-i:[A-Z][\w&-]*[ ]+){{0,6}}?(?-i:{_AUTHORITY_WORDS}|Department|Council|Court)"
    r"(?:[ ]+(?:of|for)(?:[ ]+(?:the[ ]+)?(?-i:[A-Z][\w-]*))+)?[ ]*\([ ]*\Z"
)
# the owner of a company, named in the apposition that describes it: "TenPay Global, Tencent's payment
# platform, and Western Union"
_OWNER_BEFORE = re.compile(r"(?<=[\w.)])[ ]*,[ ]+(?:the[ ]+)?\Z")
_OWNED_AFTER = re.compile(
    r"['\u2019]s?[ ]+(?:[\w-]+[ ]+){0,3}?(?:platform|unit|subsidiary|arm|division|brand|affiliate|venture|app"
    r"|business|operator|label|service)s?\b",
    re.IGNORECASE,
)


_AUTHORITY_RUN = re.compile(r"(?-i:[A-Z][\w&-]*)(?:[ ]+(?:(?:and|of|for|the)[ ]+)?(?-i:[A-Z][\w&-]*)){0,7}")
_CORPORATE = re.compile(r"\b(?:Ltd|Limited|Inc|Corp|Corporation|plc|PLC|Co|Company|Group|SA|AG|Bhd|Berhad|LLC)\b")
_AUTHORITY_WORD = re.compile(rf"\b(?:{_AUTHORITY_WORDS})\b")


def authority_by_name(sentence: str, at: int) -> bool:
    """The name at ``at`` is an authority's (see :data:`_AUTHORITY_NAME`): its own words, or the
    short name in brackets after them."""
    name = _AUTHORITY_RUN.match(sentence, at)
    if name and _AUTHORITY_WORD.search(name.group(0)):
        return not _CORPORATE.search(name.group(0))  # "Steel Authority of India Ltd" is a company
    start = max(0, at - 120)
    if not sentence[start:at].rstrip(" ").endswith("("):
        return False  # (the pattern ends with a bracket: few names stand right after one)
    return _AUTHORITY_NAME.search(sentence, start, at) is not None


# the owner named after the unit it owns: "Aramco Digital, a technology subsidiary of Saudi Aramco"
_UNIT_OF_BEFORE = re.compile(
    r"(?<=[\w.)])[ ]*,[ ]+(?:an?|the|its)[ ]+(?:[\w-]+[ ]+){0,3}?(?:subsidiary|unit|division|arm|affiliate"
    r"|business|part)[ ]+of[ ]+(?:the[ ]+)?\Z",
    re.IGNORECASE,
)


def _owner_in_apposition(sentence: str, at: int) -> bool:
    """The name at ``at`` is the owner of the company named before it, in the apposition that
    describes that one (see :data:`_OWNED_AFTER`, :data:`_UNIT_OF_BEFORE`)."""
    if at > 0 and _UNIT_OF_BEFORE.search(sentence, max(0, at - 80), at):
        return True
    name = _NAME_AT.match(sentence, at)
    return bool(
        name
        and _OWNER_BEFORE.search(sentence, max(0, at - 6), at)
        and _OWNED_AFTER.match(sentence, name.end())
        and at > 0
    )


def _a_source_by_name(sentence: str, at: int) -> bool:
    """The name at ``at`` is the firm a figure or a report comes from (see :data:`_SOURCE_AFTER_NAME`)."""
    if _PER.search(sentence, max(0, at - 10), at):
        return True
    name = _NAME_AT.match(sentence, at)
    return bool(name) and _SOURCE_AFTER_NAME.match(sentence, name.end()) is not None


def _speakers_employer(sentence: str, at: int) -> bool:
    """The name at ``at`` is the employer of someone the sentence quotes, named in the attribution."""
    return bool(_SAYS_AFTER.match(sentence, at)) and bool(_EMPLOYER_BEFORE.search(sentence, max(0, at - 40), at))


def _list_ending_at(sentence: str, mentions: list[tuple[int, str]], last: int) -> list[str]:
    """The companies listed together up to the one named at ``last`` ("Microsoft and OpenAI, which")."""
    group: list[tuple[int, str]] = []
    for p, c in sorted(m for m in mentions if m[0] <= last):
        name = _NAME_AT.match(sentence, group[-1][0]) if group else None
        if not (name and name.end() < p and LIST_GAP.fullmatch(sentence, name.end(), p)):
            group = []
        group.append((p, c))
    return _distinct(group)


_RELATIVE = re.compile(r"\A(?:['\u2019]s?)?,[ ](?:which|who|that)[ ](?:[a-z][\w-]*+[ ]+){0,8}?\Z")
_INVESTOR = re.compile(r"-(?:backed|funded|financed|owned|controlled)\b")


def _invests(sentence: str, at: int) -> bool:
    """The name at ``at`` describes another company as its investor's ("Tencent-backed JD.com")."""
    name = _NAME_AT.match(sentence, at)
    return bool(name and _INVESTOR.match(sentence, name.end()))


_POSSESSIVE_GAP = re.compile(r"['\u2019]s?\s+")


@lru_cache(maxsize=2048)
def _attribution_at(sentence: str) -> int:
    attribution = _TRAILING_ATTRIBUTION.search(sentence)
    return attribution.start() if attribution else len(sentence)


# "Sony, IBM and Toshiba, who have been working on the Cell processor", "wireless provider
# Broadreach and net telephony firm Skype are rolling out a service": companies joined as the
# subject of one act of making or launching one thing (singular: "launching new consoles" is
# each their own; so are "both", "each", "their own", "rival" and "competing" ones)
_JOINT_PRE = re.compile(rf"(?:[^,;.]{{1,60}},\s+)?(?:{DESCRIPTION_BEFORE})?")
_JOINT_ACT = re.compile(
    r"(?:\s*,\s*(?:who|which)\s+|\s+)"
    r"(?:(?:are|is|were|was|have|has|had|will|would|could|can|to|plans?|aims?|hopes?|set|be|been|now|also"
    r"|already|recently|currently|soon|jointly|together)\s+){0,4}"
    r"(?:work(?:s|ed|ing)?\s+on|develop(?:s|ed|ing)?|build(?:s|ing)?|built|design(?:s|ed|ing)?"
    r"|roll(?:s|ed|ing)?\s+out|launch(?:es|ed|ing)?|creat(?:e|es|ed|ing)|produc(?:e|es|ed|ing)|test(?:s|ed|ing)?"
    r"|trial(?:s|led|ling)?|pilot(?:s|ed|ing)?|set(?:s|ting)?\s+up|form(?:s|ed|ing)?|unveil(?:s|ed|ing)?"
    r"|announc(?:e|es|ed|ing))\s+"
    r"(?:a|an|the|one)\s+(?P<object>(?:[\w'-]+\s+){0,4}?[\w-]+)"
    r"(?=\s+(?:at|for|in|on|to|that|which|with|from|by|this|next|across|around|called|known|dubbed|based|using"
    r"|of|aimed|since|later|early|last)\b|\s*[,.;:(\"\u201c-]|\s*$)"
)
_NOT_JOINT = re.compile(
    r"\b(?:both|each|also|separate(?:ly)?|own|their|rival|rivals|competing|similar|respective|different|alternative"
    r"|versions|independently)\b",
    re.IGNORECASE,
)


def _joint_action(sentence: str, mentions: list[tuple[int, str]]) -> list[tuple[str, str]]:
    ordered = sorted(mentions)
    if len(ordered) < 2 or not _JOINT_PRE.fullmatch(sentence, 0, ordered[0][0]):
        return []
    subjects = [ordered[0]]
    for p, c in ordered[1:]:
        name = _NAME_AT.match(sentence, subjects[-1][0])
        if not (name and name.end() < p and LIST_GAP.fullmatch(sentence, name.end(), p)):
            break
        subjects.append((p, c))
    companies = _distinct(subjects)
    if len(companies) < 2:
        return []
    name = _NAME_AT.match(sentence, subjects[-1][0])
    act = _JOINT_ACT.match(sentence, name.end()) if name else None
    clause = re.search(r"[,;.]|$", sentence[act.end() :]) if act else None
    if act is None or _NOT_JOINT.search(sentence, name.end(), act.end() + clause.start()):
        return []
    head = act.group("object").split()[-1]
    if not MADE_THING.fullmatch(head):
        return []  # "launching new consoles" is each their own; "testing the market" is no joint product
    return list(combinations(companies[:4], 2))


def _distinct(mentions: list[tuple[int, str]]) -> list[str]:
    return list(dict.fromkeys(c for _p, c in mentions))


# a clause of its own before a cue: "good news for Sony because Microsoft outsold them"
_CLAUSE_BEFORE = re.compile(
    r"\b(?:because|while|whereas|although|though|but|since)\s+|;\s*"
    # "..., and Nvidia is fighting for share": a clause with a subject of its own
    r"|,\s+and\s+(?=(?:the\s+)?[A-Z][\w&.\-]*+(?:\s+[A-Z][\w&.\-]*+){0,2}\s+(?:is|are|was|were|has|have|had|will"
    r"|would|said|says)\b)"
    # "Google is making chips, and OpenAI struck a deal with Broadcom": after a clause of words, not a list of names
    r"|(?<=[a-z]),\s+and\s+(?=(?:the\s+)?[A-Z][\w&.\-]*+(?:\s+[A-Z][\w&.\-]*+){0,2}\s+(?:[a-z]+ly\s+)?[a-z]{3,}\b)"
    # "X's chairman noted that A and B decided to cooperate with C": the clause reported
    r"|\b(?:said|says|noted|notes|added|adds|told\s+(?:\w+\s+){1,3}?|announced|reported|believes?|thinks?)\s+that\s+"
)
# a phrase opening the sentence before its subject: "Following the listing of Coupang, Naver has
# joined hands with Shinsegae" (Naver did, not Coupang)
_OPENING_CLAUSE = re.compile(
    r"(?:[A-Z][a-z]+(?:ed|ing)|After|Before|Since|Amid|Despite|Unlike|With|As|In|Like)\b[^,;]{1,120}?,\s+"
    r"(?=(?:the\s+)?(?:[\w'\u2019-]+\s+){0,5}?[A-Z])"
)
# where the side after a cue ends: a relative clause, or a clause with a subject of its own
_CLAUSE_AFTER = re.compile(
    r",\s*(?:which|who|whose|where|while|whereas|but|although|though)\b|;"
    # "... is hurting listed rivals while Amazon's investment in Deliveroo ...": a clause of its own
    r"|\s+(?:while|whereas)\s+(?=(?:the\s+)?[A-Z])"
    # "Tweed, a subsidiary of Canopy": the owner is no party; "to buy X", "to develop Y": a clause of its own
    r"|,\s*(?:an?|the|its)\s+(?:[\w-]+\s+){0,2}?(?:subsidiary|unit|division|arm|parent|owner|part)\s+of\b"
    r"|,\s*(?:owned|backed|controlled)\s+by\b"
    # "Stellantis, owner of brands including Jeep": what it owns is no party either
    r"|,\s*(?:the\s+)?(?:owner|maker|parent|operator)\s+(?:(?:company|group|firm)\s+)?of\b"
    r"|\s+to\s+(?:[a-z]+\s+){0,2}?(?:buy|acquire|purchase|take over|develop"
    r"|create|produce|build|make|launch|introduce|bring|offer|provide|sell|supply|deliver|market|co-produce)\b"
    r"|,\s*and\s+(?:[A-Z][\w&.\-]*\s+){1,3}(?:has|have|is|are|was|were|will|would|can|could|did|does|do|said|says)\b"
    r"|,\s*and\s+(?:it|they|he|she|this|that)\b"
    # "at war over app store rules, with Epic Games backing Spotify": a clause of its own
    r"|,\s*with\s+(?:[A-Z][\w&.\-]*+\s+){1,3}[a-z]+ing\b"
    # "teamed up with X to share towers, a move that rivals Y and Z may follow": what the move leads to
    r"|,\s*(?:in\s+)?(?:a|the)\s+(?:[\w-]+\s+)?(?:move|step|decision|development|deal|sign)\s+(?:that|which|seen|aimed"
    r"|expected|likely)\b"
    # "took share from Intel, building credibility with cloud providers like Microsoft": a clause of its own
    r"|,\s*(?!including\b|excluding\b|among\b|notably\b|spanning\b)[a-z]+ing\b"
)
# "it" or "the (computer) firm" as the side before a cue; "it is a challenge" is no company, and "the
# Chinese firm" after "IBM sold its unit to Lenovo" is the newcomer rather than the subject
_SUBJECT_REFERENCE = re.compile(
    r"\b(?:[Ii]t(?!\s+(?:is|was|will be|would be|could be|may be|might be|has been|had been)\b)(?!['\u2019]s)"
    r"|[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?(?:firm|company|group|giant|maker|manufacturer|operator|provider|business"
    r"|telco|carrier|lender|bank|chipmaker|automaker|carmaker|retailer|airline|insurer|startup|start-up|platform)"
    r"(?!['\u2019]s))\b"
)
# "Its first grocery partnership was with 7-Eleven", "its rival Samsung": the company of the sentence before
_ITS = re.compile(r"(?<![\w'\u2019])[Ii]ts\s+(?:[\w-]+\s+){0,3}\Z")
_CAPITALISED = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019.&-]*+")
# capitalised words that open a sentence and name nobody
_OPENERS = frozenset(
    "The In But And Also Now Meanwhile However Last This Earlier Later On At Since After Before Still Yet So".split()
)


def _its_subject(sentence: str, start: int, end: int) -> bool:
    """ "Its" right before a cue, with no name before it in the sentence that it may stand for
    ("Vend's buyer was one of its chief rivals" is Vend's rival, whether or not Vend is known)."""
    its = _ITS.search(sentence, start, end)
    return bool(its) and all(w in _OPENERS for w in _CAPITALISED.findall(sentence, 0, its.start()))


# "X, Y and Z deepened ties with key technology partners": partners of each, unnamed; "X and Y are partners"
_THEIR_PARTNERS = re.compile(r"partners", re.IGNORECASE)
_ARE_PARTNERS = re.compile(
    r"\b(?:are|were|be|been|being|become|became|remain|remained|as)\s+(?:(?:long-?time|longtime|close|strategic)\s+)?\Z"
)
# "outsold them", "to compete with it" as the side after a cue; "between them and Xbox"
_OBJECT_REFERENCE = re.compile(r"\s+(?:(?:with|to|from|against)\s+)?(?:them|it)\b(?!['\u2019]|\s+out\b)")
# "X is Y's biggest rival": the second company owns the cue
_POSSESSOR = re.compile(r"['\u2019]s?\s+(?:[\w-]+\s+){0,2}\Z")
_BETWEEN_REFERENCE = re.compile(r"\s*(?:them|it)\s+and\b")


# "it" right after the company that reports what it did: "Netflix said it has partnered with", "X
# announced on Monday that it will compete with" (the company named last before the report)
_REPORTED_IT = re.compile(
    r"\s*(?:(?:has|had|also)\s+)?(?:said|says|announced|announces|stated|states|confirmed|confirms|revealed"
    r"|reveals|disclosed|discloses)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|today|yesterday))?(?:\s+that)?\s+it\s"
)
# a later clause of the sentence whose subject "it" stands for: ", but it does partner with GM"
_LATER_IT = re.compile(r"(?:,[ ]*(?:but|and|while|although|though|as)|;)[ ]+it[ ]")


def _own_subject(sentence: str, mentions: list[tuple[int, str]], at: int) -> str | None:
    """The company a sentence opens with as its subject, when "it" in a later clause of the
    sentence, before ``at``, stands for it."""
    later = _LATER_IT.search(sentence, 0, at)
    if later is None:
        return None
    if mentions and mentions[0][0] < later.start() and _SUBJECT_PRE.fullmatch(sentence, 0, mentions[0][0]):
        return mentions[0][1]
    named = _OPENING_NAME.match(sentence)
    if named and not any(p < named.end() for p, _c in mentions):
        return ""  # "Honda Motor has no tie-up ..., but it does partner with GM", Honda unknown: nobody known
    return None


_OPENING_NAME = re.compile(
    r"(?!(?:It|This|That|These|Those|The|He|She|They|We|There|Its)\b)(?:[A-Z][\w&.-]*+[ ]){0,3}[A-Z][\w&.-]*+[ ]"
    r"(?:has|have|had|is|was|does|did|will|would|said|says)\b"
)


# what a partnership's parties may follow: "a joint venture formed in 1999 between X and Y" (X and Y are
# its partners, and the venture itself none)
_FORMED_BETWEEN = re.compile(
    r"[ ](?:formed|signed|struck|set[ ]up|created|established|launched|announced|reached|agreed)[ ]"
    r"(?:[\w,]+[ ]){0,3}?(?=between\b)"
)
# "joined hands with X to take on Y": the rival the partners set out to face is no partner
_RIVAL_PURPOSE = re.compile(
    r"\s+to\s+(?:[a-z]+\s+){0,2}?(?:take\s+on|compete|challenge|rival|fight|battle|counter|fend\s+off)\b"
    r"|\s+against\b"  # "to form an alliance against Coupang"
)


_BOUGHT_BEFORE = re.compile(
    r"\b(?:acquisition|purchase|takeover)\s+of\s+(?:[\w-]+\s+){0,3}\Z|\b(?:acquir|buy|bought|purchas)\w*\s+(?:[\w-]+\s+){0,3}\Z"
)


def _pairs(kind, sentence, cue, mentions, companies, anchor, before):
    if kind == "competes" and _COMPARED.match(cue.group(0)):
        # "Compared to Airtel, Jio offers better data": the subject of the main clause against those compared
        fronted = _fronted_subject(sentence, cue, mentions)
        return [(fronted[0], c) for c in fronted[1] if c != fronted[0]] if fronted else []
    if kind == "competes" and anchor and re.fullmatch(ENTRY, cue.group(0), re.IGNORECASE):
        # the newcomers are the companies of the cue's part of the sentence, but those they buy:
        # "...; and Metro moved into the bakery market with the acquisition of Premiere Moisson"
        start = sentence.rfind(";", 0, cue.start()) + 1
        end = sentence.find(";", cue.end())
        end = len(sentence) if end == -1 else end
        return [
            (anchor, c)
            for p, c in mentions
            if start <= p < end and c != anchor and not _BOUGHT_BEFORE.search(sentence, max(0, p - 40), p)
        ]
    if kind == "competes" and _RIVAL_BEFORE_NAME.fullmatch(cue.group(0)):
        named_rival = _rival_is(sentence, cue, mentions)
        if named_rival:
            return [named_rival]  # "the biggest competitor to Samsung is Apple"
    if _NOT_A_PARTY_BEFORE.search(sentence, max(0, cue.start() - 30), cue.start()) or _CLIENTS.match(
        sentence, cue.end()
    ):
        return []  # "his partner", "worked with clients such as": no relation of companies
    start = max((m.end() for m in _CLAUSE_BEFORE.finditer(sentence, 0, cue.start())), default=0)
    opening = _OPENING_CLAUSE.match(sentence) if start == 0 else None
    if opening and opening.end() <= cue.start() and any(opening.end() <= p < cue.start() for p, _c in mentions):
        start = opening.end()
    in_clause = [(p, c) for p, c in mentions if p >= start]  # the subjects are listed together in the cue's clause
    if _PEOPLE_CLAUSE.search(sentence, max(0, cue.start() - 40), cue.start()):
        left = []  # "founded by two engineers who worked together at X": people did
    else:
        left = _distinct([(p, c) for p, c in mentions if start <= p < cue.end()]) or _distinct(
            [(p, c) for p, c in mentions if p < cue.end()]
        )
    if kind == "competes" and left:
        # "an offer to buy Spirit, upsetting a competing bid by rival Frontier": the buyer's rival, not the bought
        bought = {c for p, c in mentions if p < cue.start() and _BOUGHT_BEFORE.search(sentence, max(0, p - 40), p)}
        left = [c for c in left if c not in bought]
    last_left = max((p for p, _c in mentions if p < cue.start()), default=None)
    if last_left is not None and _SUBJECT_REFERENCE.search(_gap(sentence, last_left, cue.start())):
        # "the link-up with Ecobank will help the telco compete with X": the telco, not Ecobank; "Honda
        # has no tie-up with a domestic carmaker, but it does partner with GM": the sentence's own subject
        # ("" where "it" stands for a name that is no company known here: nobody)
        own = _own_subject(sentence, mentions, cue.start())
        if own is None and _REPORTED_IT.match(_gap(sentence, last_left, cue.start())):
            own = next(c for p, c in mentions if p == last_left)  # "Netflix said it has partnered with X": Netflix
        subject = own if own is not None else (before.subject or anchor)
        left = [subject] if subject else []
    elif (
        left
        and _RIVAL_BEFORE_NAME.fullmatch(cue.group(0))
        and _NEAR_AFTER.fullmatch(
            sentence, cue.end(), min((p for p, _c in mentions if p >= cue.end()), default=cue.end())
        )
    ):
        left = [left[-1]]  # "Vocus' takeover of local rival TPG": the rival of the one named last
    owner = _possessor(sentence, cue.start(), mentions)
    if owner:
        # "Mazda, a Toyota partner on batteries, as well as Subaru": Toyota's partner, and nobody else's
        described = _appositive(sentence, max(p for p, c in mentions if p < cue.start()), mentions)
        if described and described != owner:
            return [(described, owner)]
    appositive = _appositive(sentence, cue.start(), mentions)
    if appositive:
        left = [appositive]  # "Leo Lynch, a rival of Jones Engineering": the rival is the one described
    elif last_left is not None and _RELATIVE.search(_gap(sentence, last_left, cue.start())):
        # "a rival to Netflix, which has been investing with partners such as Sony": Netflix's partner
        left = _list_ending_at(sentence, mentions, last_left)
    if _OVER.match(cue.group(0)):
        # "ranking Apple ahead of Acer", "beat out X for": the two right beside the words, nobody further
        earlier = [(p, c) for p, c in mentions if p < cue.start()]
        near_left = [c for p, c in earlier if _NEAR_BEFORE.fullmatch(_gap(sentence, p, cue.start()))]
        if not near_left and len(_distinct(earlier)) == 1:
            near_left = _distinct(earlier)  # "Samsung to launch its phone ahead of Huawei": the one subject
        elif not near_left and earlier and earlier[0][0] == 0 and sentence[: cue.start()].endswith(", "):
            near_left = [earlier[0][1]]  # "Boeing won a contract from Delta, beating Airbus": the subject won
        near_right = [c for p, c in mentions if p >= cue.end() and _NEAR_AFTER.fullmatch(sentence, cue.end(), p)]
        return [(near_left[-1], near_right[0])] if near_left and near_right else []
    end = _CLAUSE_AFTER.search(sentence, cue.end())
    if kind == "partners":
        purpose = _RIVAL_PURPOSE.search(sentence, cue.end(), end.start() if end else len(sentence))
        end = purpose or end
    right = _distinct([(p, c) for p, c in mentions if cue.end() <= p < (end.start() if end else len(sentence))])
    if _BY_THE_AUTHORS.match(cue.group(0)):
        run = _run(sentence, [(p, c) for p, c in mentions if p >= cue.end()])
        return list(combinations(run, 2)) if 2 <= len(run) <= 3 else []  # "a survey by X and Y"
    between = BETWEEN.match(sentence, cue.end() + 1) if cue.end() < len(sentence) else None
    if between is None and kind == "partners":
        between = _FORMED_BETWEEN.match(sentence, cue.end())  # "a partnership formed in 1995 between X and Y"
    if between and not _BETWEEN_GAP.fullmatch(
        sentence, between.end(), min((p for p, _c in mentions if p > between.start()), default=between.end())
    ):
        between = None  # "competition between a smaller group of giants ...: In June, X bought Y": another phrase
    if between:
        after = _distinct([(p, c) for p, c in mentions if p > between.start()])
        run = _run(sentence, [(p, c) for p, c in mentions if p > between.start()])
        if len(run) >= 3:
            return list(combinations(run[:5], 2))  # "competition between Lazada, Shopee, Tokopedia and Bukalapak"
        if len(after) >= 2:
            return list(combinations(after[:3], 2))
        if len(after) == 1 and _BETWEEN_REFERENCE.match(sentence, between.end()):
            return [(after[0], _recent(mentions, before, cue.start(), after))]
    if LIST_CUE.match(sentence, cue.start()) or LIST_CUE.search(sentence[max(0, cue.start() - 2) : cue.end() + 12]):
        subject = left[0] if left else (anchor if kind == "competes" else None)
        return [(subject, c) for c in right if subject] if right else []
    if len(left) >= 2 and RECIPROCAL.fullmatch(cue.group(0)) and _joined(sentence, in_clause, cue.start()):
        # "X, Y and Z have been working together on the Cell chip": the subjects pair among themselves;
        # what follows the cue is a party only when "with" brings it in
        third = right[:2] if _WITH.match(sentence, cue.end()) else []
        return list(combinations(left[:4] + [c for c in third if c not in left], 2))
    if left and right:
        subjects = left if _joined(sentence, in_clause, cue.start()) else left[:1]
        if _DIRECT_OBJECT.match(cue.group(0)):  # "supplies Apple Inc., will pay X": its object only
            return [(s, c) for s in subjects for c in _run(sentence, [(p, c) for p, c in mentions if p >= cue.end()])]
        first = min(p for p, c in mentions if c == right[0] and p >= cue.end())
        if (
            kind == "competes"
            and _RIVAL_BEFORE_NAME.fullmatch(cue.group(0))
            and _NEAR_AFTER.fullmatch(sentence, cue.end(), first)
        ):
            # "its snack rival Amplify for $1.6bn, and Mars bought a stake in Kind": the rival is the
            # one the noun names, and those listed with it, no company of a later phrase
            return [(s, c) for s in subjects for c in _run(sentence, [(p, c) for p, c in mentions if p >= first])]
        found = [(subject, c) for subject in subjects for c in _lists(sentence, mentions, right)]
        if kind == "partners" and _VENTURE.fullmatch(cue.group(0)) and _WITH.match(sentence, cue.end()):
            # "its joint venture with Mercedes and TotalEnergies": those it shares the venture with are partners too
            run = _run(sentence, [(p, c) for p, c in mentions if p >= cue.end()])
            found += list(combinations(run, 2)) if 2 <= len(run) <= 3 else []
        return found
    if (
        2 <= len(left) <= 3
        and _joined(sentence, in_clause, cue.start())
        and not _TRANSITIVE.match(cue.group(0))
        and not _EACH_THEIR_OWN.search(sentence, max(0, cue.start() - 40), cue.start())
        and _verb_gap(sentence, _gap(sentence, max(p for p, _c in mentions if p < cue.start()), cue.start()))
        and not (
            kind == "partners"
            and _THEIR_PARTNERS.fullmatch(cue.group(0))
            and not _ARE_PARTNERS.search(sentence, max(0, cue.start() - 30), cue.start())
        )
    ):
        return list(combinations(left, 2))  # "X and Y compete"; not "X and Y merge to beat out Z"
    if left and not right and _OBJECT_REFERENCE.match(sentence, cue.end()):
        return [(left[-1], _recent(mentions, before, cue.start(), left))]
    if len(left) == 2 and not right and _POSSESSOR.search(sentence, 0, cue.start()):
        return [(left[0], left[1])]  # "Dell is HP's biggest rival"
    if re.match(r"pit", cue.group(0), re.IGNORECASE) and len(right) >= 2:
        return [(right[0], right[1])]  # "the deal pits Vodafone against O2"
    if right and not left and kind_symmetric(cue.group(0)):
        run = _run(sentence, [(p, c) for p, c in mentions if p >= cue.end()])
        if 2 <= len(run) <= 3:
            return list(combinations(run, 2))  # "a survey by X and Y", "rivalry of X and Y"
    if (
        right
        and not left
        and (_SUBJECT_REFERENCE.search(sentence, start, cue.start()) or _its_subject(sentence, start, cue.start()))
    ):
        own = _own_subject(sentence, mentions, cue.start())
        if own == "":
            return []  # "it" stands for a name that is no company known here
        subject = own or before.subject or anchor
        return [(subject, c) for c in _lists(sentence, mentions, right)] if subject not in right else []
    if kind == "partners" and right and not left and anchor and anchor not in right and MADE_WITH.match(cue.group(0)):
        # "The service, which has been developed with Nomad Digital": the article's company's service
        return [(anchor, c) for c in _lists(sentence, mentions, right)]
    if kind == "partners" and right and not left and _PARTNER_OPENING.match(sentence):
        fronted = _fronted_subject(sentence, cue, mentions, _PARTNER_OPENING)
        if fronted is not None:
            subject, partners = fronted
            return [(subject, c) for c in partners if c != subject]
    if kind == "competes" and right and not left:
        fronted = _fronted_subject(sentence, cue, mentions)
        if fronted is not None:
            subject, rivals = fronted
            return [(subject, c) for c in rivals if c != subject]
    if (
        kind == "competes"
        and right
        and not left
        and anchor
        and anchor not in right
        and _near(sentence, cue, mentions)
        and not _named_subject(sentence, cue)
        and not _opening_subject(sentence, cue, mentions)
    ):
        return [(anchor, c) for c in _lists(sentence, mentions, right)]  # "rivalry from firms such as X and Y"
    return []


_OF_WHOM = re.compile(r"\s+(?:to|of|for)\s+")
_IS_THE = re.compile(
    r"(?:['\u2019]s?\s+[a-z][\w-]*)?(?:\s+in\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}?[a-z][\w-]*)?,?\s+(?:is|was|remains|has\s+long\s+been|has\s+been)\s+(?:the\s+)?"
)


def _rival_is(sentence: str, cue: re.Match, mentions: list[tuple[int, str]]) -> tuple[str, str] | None:
    """ "The biggest competitor to Samsung is Apple": the company the rival is named for, and the
    one the sentence then says it is."""
    to = _OF_WHOM.match(sentence, cue.end())
    if not to:
        return None
    at = dict(mentions)
    if to.end() not in at:
        return None
    name = _NAME_AT.match(sentence, to.end())
    if not name:
        return None
    for p, c in mentions:
        if p > name.end() and _IS_THE.fullmatch(sentence, name.end(), p):
            return (at[to.end()], c) if c != at[to.end()] else None
    return None


def _named_subject(sentence: str, cue: re.Match) -> bool:
    """A verb of rivalry, or a rival it takes as object ("set Dorsey up to challenge established
    rival PayPal"), whose subject the sentence names as someone else than a company."""
    verb = cue
    for m in _competes(sentence):
        if m.end() < cue.start() and _OBJECT_GAP.fullmatch(sentence, m.end(), cue.start()):
            verb = m
            break
    return bool(_VERB_CUE.match(verb.group(0)) and _NAMED_SUBJECT.search(sentence, 0, verb.start()))


# the words between a verb and the rival it takes on: "challenge (established) rival"
_OBJECT_GAP = re.compile(r"[ ](?:(?:the|its|an?|their|established|bigger|larger|local|main|chief|key|old)[ ]){0,2}")


def _opening_subject(sentence: str, cue: re.Match, mentions: list[tuple[int, str]]) -> bool:
    """The cue stands in an opening phrase and the company right after it is the subject of the
    sentence ("Despite intense competition Qualcomm has kept the top spot"): that company faces
    rivals the sentence does not name, and the article's company is none of its sides."""
    if not _OPENING_PHRASE.match(sentence):
        return False
    first = min(p for p, _c in mentions if p >= cue.end())
    if re.search(r"[,;:]", sentence[cue.end() : first]):
        return False
    name = _NAME_AT.match(sentence, first)
    return bool(name and _FRONTED_AFTER.match(sentence, name.end()))


# a phrase opening a sentence with a participle or "amid": "Unsettled by", "Facing", "Amid"
_OPENING_PHRASE = re.compile(r"[\"'\u201c\u2018]?(?:[A-Z][a-z]+(?:ed|ing|en)|Amid|Despite|Against|Under|Unlike)\b")
_COMPARED = re.compile(r"Compared\s")
# "Together with Nokia, Ericsson launched", "In collaboration with Google, Samsung is developing"
_PARTNER_OPENING = re.compile(
    r"[\"'\u201c\u2018]?(?:Together|(?:In|Through)[ ](?:a[ ])?(?:[\w-]+[ ])?(?:collaboration|partnership|conjunction"
    r"|alliance|cooperation)|Working|Partnering|Teaming[ ]up|Alongside)\b"
)
_FRONTED_AFTER = re.compile(r"(?:['\u2019]s)?[ ]+(?:(?:has|had|have|is|was|were|also|now|on[ ]\w+)[ ]+){0,2}[a-z]")


def _fronted_subject(
    sentence: str, cue, mentions: list[tuple[int, str]], opening: re.Pattern | None = None
) -> tuple[str, list[str]] | None:
    """The subject of a main clause after an opening phrase that holds the cue, and the companies
    that phrase names: "Unsettled by strong trading at rival Bloomberg, Reuters took a battering"
    (Reuters and Bloomberg), "Facing competition from X and Y, Z cut its prices"."""
    comma = sentence.find(", ", cue.end())
    if comma == -1 or "," in sentence[: cue.start()] or not (opening or _OPENING_PHRASE).match(sentence):
        return None
    after = [(p, c) for p, c in mentions if p > comma]
    if not after or sentence[comma + 2 : after[0][0]] not in ("", "the ", "The "):
        return None
    name = _NAME_AT.match(sentence, after[0][0])
    if name is None or not _FRONTED_AFTER.match(sentence, name.end()):
        return None
    rivals = _distinct([(p, c) for p, c in mentions if cue.end() <= p < comma])
    return (after[0][1], rivals) if rivals else None


# a verb of rivalry whose own subject the sentence names as someone else than a company: "the
# regulator will challenge the merger of X and Y", "set Dorsey up to challenge rival PayPal", "the
# new chip will challenge Intel": not the article's company's act
_VERB_CUE = re.compile(
    r"(?:challeng(?:e|es|ing)\b|tak(?:e|es|ing) on|took on|overt|outs|outpac|surpass|beat|go(?:es)? up against"
    r"|going up against|catch up)",
    re.IGNORECASE,
)
_NAMED_SUBJECT = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Tt]his|[Ii]ts|[Tt]heir)[ ]+(?:[a-z][\w-]*+[ ]+){0,3}?[a-z][\w-]*+"
    r"|\b[A-Z][a-z]++(?:[ ][A-Z][a-z]++)?)[ ]+(?:(?:will|would|could|can|may|might|to|up[ ]to|is|are|was|were"
    r"|has|have|had|also|now|could[ ]well|set[ ]to|aims?[ ]to|plans?[ ]to|hopes?[ ]to|wants?[ ]to)[ ]+){1,3}\Z"
    r"|\bup[ ]to[ ]\Z"
)


_WITH = re.compile(r"\s+(?:[\w-]+\s+)?with\b")
# a venture of several members: "a joint venture with A and B" makes A and B partners of each other
_VENTURE = re.compile(r"joint (?:venture|project|bid)|alliance", re.IGNORECASE)
# "a survey by X and Y", "jointly owned by X and Y": the companies after the cue act together, and
# whoever the sentence is about is no party to it
_BY_THE_AUTHORS = re.compile(r"(?:survey|study|report|research|poll)\b|jointly\b", re.IGNORECASE)
# words one of which every MARKET_LIST match holds
_FEW_WORDS = (
    "the big",
    "the biggest",
    "the largest",
    "the top",
    "the major",
    "the leading",
    ":",
    "two ",
    "three ",
    "four ",
    "five ",
    "big four",  # 'the "big four" platforms'
    "big three",
    "big five",
)


def _market_figures(sentence: str, mentions: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """Companies whose shares of one market a sentence gives side by side ("Samsung accounted for
    37% of smartphones sold and Apple captured a 29% share"): rivals in it. Not stakes or stock
    ("owns 10% of X", "shares of X rose 5%")."""
    holders = share_holders(sentence, mentions)
    return list(combinations(holders[:4], 2)) if len(holders) >= 2 else []


def share_holders(sentence: str, mentions: list[tuple[int, str]]) -> list[str]:
    """The companies a sentence gives a share of a market, each with its figure after its name
    ("Telstra's market share was down 0.3% to 43.7%"); none where the figures are stakes or stock."""
    if ("%" not in sentence and "cent" not in sentence) or not _MARKET_FIGURE_FOUND.search(sentence):
        return []
    if NOT_A_MARKET_FIGURE.search(sentence):
        return []
    ordered = sorted(mentions)
    holders = []
    for k, (p, c) in enumerate(ordered):
        end = ordered[k + 1][0] if k + 1 < len(ordered) else len(sentence)
        if _BOUGHT_BEFORE.search(sentence, max(0, p - 40), p):
            continue  # "the acquisition of eBay Korea will raise the figure to 15%": the buyer's share
        if FIGURE.search(sentence, p, end) and c not in holders:
            holders.append(c)
    return holders


def _prices(sentence: str, mentions: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """Companies whose prices a sentence sets side by side ("Uber charges a 25 per cent
    commission, while apps like Taxify and Little Car charge 15 per cent"), or that it lists as
    the subjects of one move on prices ("Loblaws, Sobeys and Walmart all plan to lower prices"):
    rivals for the same buyers."""
    ordered = [
        (p, c) for k, (p, c) in enumerate(sorted(mentions)) if not (k and sentence[p - 1 : p] == "(")
    ]  # "Ghacem (HeidelbergCement group) set the bar at": the owner in brackets is an aside
    move = PRICE_MOVE.search(sentence)
    if move:
        before = [(p, c) for p, c in ordered if p < move.start()]
        subjects = _run(sentence, before[: len(before)]) if before else []
        last = max((p for p, _c in before), default=None)
        if len(subjects) >= 2 and last is not None and _verb_gap(sentence, _gap(sentence, last, move.start())):
            return list(combinations(subjects[:4], 2))
    contrast = PRICE_CONTRAST.search(sentence)
    if contrast is None or not PRICE_WORD.search(sentence) or NOT_A_MARKET_FIGURE.search(sentence):
        return []
    groups: list[list[tuple[int, str]]] = []
    for p, c in ordered:
        name = _NAME_AT.match(sentence, groups[-1][-1][0]) if groups else None
        if name and name.end() < p and LIST_GAP.fullmatch(sentence, name.end(), p):
            groups[-1].append((p, c))
        else:
            groups.append([(p, c)])
    holders: list[str] = []
    sides = set()
    for k, group in enumerate(groups):
        end = groups[k + 1][0][0] if k + 1 < len(groups) else len(sentence)
        if MONEY.search(sentence, group[-1][0], end) and PRICE_WORD.search(sentence, group[-1][0], end):
            holders += [c for _p, c in group if c not in holders]
            sides.add(group[0][0] < contrast.start())
    return list(combinations(holders[:4], 2)) if len(holders) >= 2 and sides == {True, False} else []


_MARKET_WORDS = ("player", "contender", "vendor", "incumbent", "rivals in", "competitors in")
# between two companies named together and a cue they are the subjects of: "X and Y have long
# been fierce rivals", not "said of X and Y, 'great competition ...'"
_VERB_GAP = re.compile(r"(?:-\w+)?(?:[ ](?:[a-z][\w-]*|[A-Z][a-z]+(?=[ ]+[a-z]))){0,8}[ ]|[ ]*-[ ]*")


def _verb_gap(sentence: str, gap: str) -> bool:
    """Words that may join two subjects to their cue: a verb phrase ("have long been fierce"); in
    a headline that capitalises every word, a few words of any case ("Go")."""
    return bool(_VERB_GAP.fullmatch(gap)) or (_title_case(sentence) and len(gap.split()) <= 3 and "," not in gap)


# "rival X", "competitor X" as a noun before the rival's name
_RIVAL_BEFORE_NAME = re.compile(r"(?:rival|competitor|challenger)s?", re.IGNORECASE)
# winning over a rival: the cues whose two sides stand right beside them
_OVER = re.compile(r"beat|edg|outbid|pipped|ahead of|won|wins?\b|winning|second only", re.IGNORECASE)
_NEAR_BEFORE = re.compile(
    r"(?:[ ](?:has|have|had|was|is|also|just|narrowly|easily|finally|again|reportedly|ranked|ranking"
    r"|placed|placing)){0,3}[ ]"
)
_NEAR_AFTER = re.compile(r"[ ](?:out[ ])?(?:rival[ ]|rivals[ ]|the[ ])?")


def _gap(sentence: str, at: int, end: int) -> str:
    """The text between the name at ``at`` and ``end`` (a name of capitalised words runs no
    further than ``end``: a headline capitalises every word)."""
    name = _NAME_AT.match(sentence, at)
    stop = name.end() if name else at
    if stop > end:
        words = _NAME_WORDS.match(sentence, at, end)
        stop = words.end() if words else at
    return sentence[stop:end]


_NAME_WORDS = re.compile(r"[\w&.+]++(?:\s+[A-Z][\w&.+]*+){0,5}?(?=\s+\S+\s*\Z)")


_DIRECT_OBJECT = re.compile(r"suppl(?:y|ies|ied|ying) ?$", re.IGNORECASE)
# "his partner", "worked with clients such as": what a cue says of people or customers
_NOT_A_PARTY_BEFORE = re.compile(r"\b(?:his|her|my|your)\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE)
_CLIENTS = re.compile(r"\s+(?:(?:its|their|our|many|major|big|large)\s+)?(?:clients|customers)\b", re.IGNORECASE)
# "founded by X and Y, who first worked together": people, not the companies before them
_PEOPLE_CLAUSE = re.compile(r"\bwho\s+(?:[a-z]+\s+){0,3}\Z")
# companies named together that each do the act on their own: "X and Y both announced separate
# partnerships with a self-driving firm" (with the firm, not with each other)
_EACH_THEIR_OWN = re.compile(r"\b(?:separate|separately|respective|respectively|individual|individually|each)\b")
# rivalry cues that need their object named: "X and Y merge to beat out Z" makes no rivals of X and Y
_TRANSITIVE = re.compile(
    r"beat|edg|outbid|pipped|ahead|won|win|overt|outs|outstrip|outpac|surpass|trail|lead over|catch|answer|altern"
    r"|threat|eat|steal|crown|dethron|tak|took|challeng",
    re.IGNORECASE,
)


# ", a fellow chipmaker and rival of": the words between a company and a cue describing it
_APPOSITION = re.compile(r",\s+(?:an?|the|its|their|another|fellow|longtime|long-time)\s+(?:[\w-]+\s+){0,3}?\Z")


def _possessor(sentence: str, at: int, mentions: list[tuple[int, str]]) -> str | None:
    """The company named right before a cue noun, whose partner or rival the noun names ("a Toyota
    partner", "a longtime Microsoft rival", "an Uber's rival")."""
    before = [(p, c) for p, c in mentions if p < at]
    if not before:
        return None
    p, c = before[-1]
    name = _NAME_AT.match(sentence, p)
    return c if name and re.fullmatch(r"(?:['\u2019]s?)?[ ]+", sentence[name.end() : at]) else None


def _appositive(sentence: str, at: int, mentions: list[tuple[int, str]]) -> str | None:
    """The company a cue at ``at`` describes in apposition ("X, a rival of Y"), if any."""
    before = [(p, c) for p, c in mentions if p < at]
    if not before:
        return None
    p, c = before[-1]
    name = _NAME_AT.match(sentence, p)
    return c if name and _APPOSITION.fullmatch(sentence, name.end(), at) else None


# a venture named beside the words that say what it is: "Solenova, a joint venture with Sonangol",
# "Dito -- a joint venture between A and B", "(a joint venture of A and B)"; "its joint venture with
# GM, called Ultium Cells"
_VENTURE_CUE = re.compile(r"joint venture|venture", re.IGNORECASE)
_VENTURE_BEFORE = re.compile(r"(?:,|[ ]+[-\u2013\u2014]+|[ ]*\()[ ]+(?:an?|the|its|their)[ ]+(?:[\w-]+[ ]+){0,2}?\Z")
_VENTURE_AFTER = re.compile(r"[^,;()]{0,60}?,?[ ]+(?:called|named|dubbed|known[ ]as)[ ]+\Z")


# what may stand between "between" and the first company it joins: "between the two tech giants, X and Y",
# "between two of the biggest rivals in AI: X and Y"
_BETWEEN_GAP = re.compile(r"[^:;()]{0,80}(?::[ ]+)?")


def _the_venture(sentence: str, cue: re.Match, mentions: list[tuple[int, str]]) -> str | None:
    """The company a joint venture cue names as the venture itself, no partner of its owners."""
    if not _VENTURE_CUE.match(cue.group(0)):
        return None
    for p, c in reversed(mentions):
        if p < cue.start():
            name = _NAME_AT.match(sentence, p)
            if name and name.end() <= cue.start() and _VENTURE_BEFORE.fullmatch(sentence, name.end(), cue.start()):
                return c
            break
    for p, c in mentions:
        if p > cue.end() and _VENTURE_AFTER.fullmatch(sentence, cue.end(), p):
            return c
    return None


def _near(sentence: str, cue: re.Match, mentions: list[tuple[int, str]]) -> bool:
    """The side after a cue follows it in the same phrase: "rivalry from firms such as X", not
    "a price war, with X and Y cutting prices", where X and Y are the ones at war."""
    first = min(p for p, _c in mentions if p >= cue.end())
    gap = sentence[cue.end() : first]
    return not re.search(r"[,;:]", re.sub(r",\s*(?:such as|like|including)\b", "", gap))


def _lists(sentence: str, mentions: list[tuple[int, str]], side: list[str], most: int = 3) -> list[str]:
    """The companies of ``side`` that are parties: whole lists, taken while fewer than ``most``
    are taken ("rivals such as Yahoo and Microsoft, and new entrants such as Amazon and Blinkx"
    are four), so a list is never cut in its middle and a long sentence adds no stray names."""
    wanted = set(side)
    ordered = sorted((p, c) for p, c in mentions if c in wanted)
    taken: list[str] = []
    while ordered and len(taken) < most:
        run = _run(sentence, ordered)
        taken += [c for c in run if c not in taken]
        ordered = [(p, c) for p, c in ordered if c not in run]
    return taken


def _run(sentence: str, mentions: list[tuple[int, str]]) -> list[str]:
    """The companies listed together from the first of ``mentions`` on ("X and Y" in
    "a survey by X and Y found that 90% of Windows PCs ...")."""
    ordered = sorted(mentions)
    run = ordered[:1]
    # a list in a relative clause ends at its "and": "Globe, which is owned by A and B, and PLDT"
    relative = bool(ordered) and bool(_RELATIVE_OPENING.search(sentence, max(0, ordered[0][0] - 60), ordered[0][0]))
    closed = False
    for p, c in ordered[1:]:
        name = _NAME_AT.match(sentence, run[-1][0])
        if not (name and name.end() < p and LIST_GAP.fullmatch(sentence, name.end(), p)):
            break
        gap = sentence[name.end() : p]
        if closed and "," in gap:
            break
        closed = relative and (closed or bool(_CONJUNCTION.search(gap)))
        run.append((p, c))
    return _distinct(run)


_CONJUNCTION = re.compile(r"\b(?:and|or)\b|&")
_RELATIVE_OPENING = re.compile(r",[ ](?:which|who|that)[ ][^,;]*+\Z")


def _recent(mentions, before: Before, limit: int, others: list[str]) -> str | None:
    """What "them" or "it" refers to: the company named last before ``limit`` in this sentence,
    then in the one before, that is not on the other side of the cue."""
    for _p, c in [*before.mentions, *((p, c) for p, c in mentions if p < limit)][::-1]:
        if c not in others:
            return c
    return None


def kind_symmetric(cue: str) -> bool:
    """Cues that name a joint act of the companies after them, rather than a rival to someone."""
    return bool(
        re.match(
            r"(?:survey|study|report|research|poll|developed by|co-?production|joint|alliance|jointly|duopol"
            r"|co-?(?:host|organi[sz]|sponsor|fund|publish|present))",
            cue,
            re.I,
        )
    )


def _joined(sentence: str, mentions, limit: int) -> bool:
    """Companies listed together ("X and Y", "X, Y and Apple's Z") rather than scattered."""
    positions = sorted(p for p, _c in mentions if p < limit)
    if len(positions) < 2:
        return False
    for here, there in pairwise(positions):
        gap = re.sub(r"^[\w&.\-]++(?:\s+[A-Z][\w&.\-]*+){0,5}(?:['\u2019]s)?", "", sentence[here:there])
        if not LIST_GAP.fullmatch(gap):
            return False
    return True


def _press(sentence: str, position: int, company: str) -> bool:
    return (
        bool(_PRESS.search(sentence[max(0, position - 20) : position]))
        or bool(_PRESS_AFTER.match(sentence, position + len(company)))
        or bool(_CREDIT.search(sentence, max(0, position - 50), position))
    )


def _sources(sentence: str) -> set[int]:
    """Where the names of firms a report or a figure comes from start (see :data:`_SOURCE`)."""
    lowered = sentence.lower()
    if not any(word in lowered for word in _SOURCE_WORDS):
        return set()
    return {m.end() for m in _SOURCE.finditer(sentence)}


_NAME_AT = re.compile(r"[\w&.+]++(?:\s+[A-Z][\w&.+]*+){0,5}")
_OTHER = re.compile(r"\s*(?:,|and|or|,\s*and)?\s*other\s+")


def _fellow_partners(sentence: str, mentions: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """``Dell and other Microsoft partners``, ``Creative, other Microsoft-partnered devices``:
    the first is one of the second's partners."""
    found = []
    for (p, a), (q, b) in pairwise(mentions):
        name = _NAME_AT.match(sentence, p)
        after = _NAME_AT.match(sentence, q)
        if (
            name
            and after
            and _OTHER.fullmatch(sentence, name.end(), q)
            and PARTNERED.match(sentence, after.end())
            and a != b
        ):
            found.append((a, b))
    return found


# a list of the customers a company makes or sells for: "it makes chipsets for various brands, including
# AMD and IBM", "customers such as Apple and Dell": no rivals of it
_CUSTOMERS_LISTED = re.compile(
    r"\b(?:(?:for|to|supplies|supplying|serves|serving)\s+(?:[\w-]+\s+){0,3}?(?:brands|customers|clients|companies"
    r"|firms|makers|manufacturers|carmakers|automakers|retailers|operators|airlines|banks)"
    r"|customers|clients|buyers)\s*,?\s+(?:include|includes|included|including|such\s+as|like)\b",
    re.IGNORECASE,
)


def customers_listed(sentence: str) -> bool:
    """The sentence lists a company's customers (see :data:`_CUSTOMERS_LISTED`)."""
    return bool(_CUSTOMERS_LISTED.search(sentence))


def listed(sentence: str, mentions: list[tuple[int, str]]) -> list[str]:
    """The companies of the longest list in a sentence ("Creative, Real, Sony and so on")."""
    best: list[str] = []
    run: list[str] = []
    ordered = sorted(mentions)
    for i, (p, c) in enumerate(ordered):
        if run and not _list_gap(sentence, ordered[i - 1][0], p):
            best, run = max(best, run, key=len), []
        run.append(c)
    best = max(best, run, key=len)
    return _distinct([(0, c) for c in best])


def listed_rivals(sentence: str, mentions: list[tuple[int, str]], anchor: str) -> list[str]:
    """The companies of a sentence's list that may be the rivals of ``anchor`` the sentence before
    spoke of without naming them ("The threat from others is always present." then "Dell, Sony and
    Samsung are spending more"): none where the list holds ``anchor`` itself (a list of its peers,
    "Chinese EV makers Li Auto, Xpeng, Nio post sales declines"), nor where the sentence names another
    company outside the list, one that acts on them or beside them ("Alibaba slashed prices, forcing
    other players like Baidu and Tencent", "Globe, owned by Ayala and Singtel, and PLDT, owned by NTT")."""
    run = listed(sentence, mentions)
    if anchor in run or any(c not in run and c != anchor for _p, c in mentions):
        return []
    return run


def _list_gap(sentence: str, here: int, there: int) -> bool:
    name = _NAME_AT.match(sentence, here)
    gap = sentence[name.end() if name else here : there]
    gap = re.sub(r"^-[\w-]+", "", gap)
    return bool(re.search(r",|\band\b|\bor\b", gap)) and len(gap.split()) <= 3
