"""Where a purchase's sides stand around its cue: the buyer before a verb, the company bought
after it, a passive's subject, a possessor, a relative clause, a list, a company referred back to.

:class:`Named` is a side as recognition found it; :class:`Sides` finds the sides of one sentence
for :func:`bot.extract.relations.acquisitions.acquisitions`, which reads the cues.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.extract.lexicon import NOT_COMPANIES
from bot.extract.people import plausible_name
from bot.extract.people_words import FEMALE_NAMES, MALE_NAMES
from bot.extract.relations.cues import (
    ACQUIRES,
    COMPANY_NOUN_AFTER,
    NOT_A_COMPANY_BOUGHT,
    NOT_IN_A_DESCRIPTION,
    NOT_YET,
    UNIT,
)
from bot.extract.relations.purchase_words import (
    BID_WON,
    COMPANY_KINDS,
    FEARED,
    JOINED_BY_POSSESSIVE,
    LATER_YEAR,
    MODAL_OR_OPTION,
    MORE_ACQUIRES,
    NAMED_AFTER_NOUN,
    NAMED_BEFORE_OWNER,
    NATIONALITY,
    NOT_QUITE,
    NOT_YET_MORE,
    PERSON_BETWEEN,
    POLITICAL,
    REPORTED,
    SERVICE_KINDS,
    UNIT_MORE,
    WANTED_BEFORE,
    WOULD,
)


class Named(NamedTuple):
    """A company or product named in a sentence, with where its name stands."""

    start: int
    end: int
    company: str  # what it stands for in a relation: a product stands for its owner
    name: str  # the entity named itself (a product's own name)
    product: bool = False


# a purchase's object recognition missed: a short description, then a capitalised run, closed
_UNNAMED_OBJECT = re.compile(
    r"\s+(?:the\s+|an?\s+)?(?:[a-z][\w-]*+\s+){0,3}?"
    r"(?P<name>[A-Z][\w&'\u2019.-]*+(?:\s+(?:[A-Z][\w&'\u2019.-]*+|of|&)){0,4}?)"
    r"(?=\s*(?:[,;:]|\.(?:\s|$)|$|\s*\([^()]{1,40}\)|\s+(?:for|in|from|last|earlier|this|on|at|to|as|after|before|which|that|with|over)\b))"
)
WHEN_WORDS = frozenset(
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul"
    " Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Q1 Q2 Q3 Q4"
    " Mid End Early Late".split()
)
_BEATEN_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|outbid|outbids|outbidding|pipped|pips|pipping|edged\s+out|saw\s+off|sees\s+off"
    r"|fended\s+off|fought\s+off|defeated|trumped|outmanoeuvred|outmaneuvered"
    r"|fought|fighting|battled|battling|vied\s+with|vying\s+with|(?:competed|competing)\s+(?:with|against))"
    r"\s+(?:(?:rival|rivals|out)\s+)?\Z",
    re.IGNORECASE,
)
_OWNER_APPOSITION = re.compile(
    r"['\u2019]s?\s+(?:new\s+|former\s+|current\s+)?(?:owner|parent|parent\s+company|buyer|acquirer|holding\s+company)"
    r"\s*,\s*"
)
_COMMA_VERB = re.compile(
    r"\s*,\s*(?:[a-z]+ed|bought|sold|took|made|won|said|says|agreed|has|had|have|is|was|were|are|will|would)\b"
)
# a relative clause opened before a company and closed after it: "Y, which bought Z in 2016, was"
_RELATIVE_OPEN = re.compile(r",\s*(?:which|who|whose|that)\s[^,;()]*\Z", re.IGNORECASE)
# what may stand before a sentence's subject: an opening phrase ("In June, "), a description
# ("Chipmaker ", "US-based investment firm ") or an owner ("Jack Dorsey's "), but no preposition
SUBJECT_PRE = re.compile(
    r"(?:[^,;.]{1,60},\s+)?"
    r"(?!(?:\S+\s+){0,5}?(?:and|or|but|by|with|from|to|of|for|than|that|as|in|on|at|after|before|over|against"
    r"|about|into|between|said|says|announced|acquired|bought|agreed|signed|has|have|had|is|was|are|were|will"
    r"|would|completed|owns|owned|sold|made|took|takes|behind|beside|besides|alongside|among|amid|versus|ahead)\s)"
    r"(?:\S+\s+){0,5}"
)
# a clause that opens the sentence before its subject: "After X acquired Y, "
_OPENING_CLAUSE = re.compile(
    r"\W{0,2}(?:(?:A|An|One|Two|Three|Four|Five|Six|Several|Days|Weeks|Months|Years|Shortly|Soon|Just|Only|Not\s+long"
    r"|Long|Hours|Minutes)\s+(?:[a-z]++\s+){0,2}(?:after|before)\s"  # "A week after X bought Y, Z bought W"
    r"|(?:After|When|While|Since|Before|As|Although|Though|Because|Once|Until|Whereas)\s)[^,;]{1,150}?,\s"
)
_OPENING_ITS = re.compile(r"\W{0,2}(?:Since|After|Before|Upon|On|Following|With|Through)\s+(its)\s[^,;]{1,120}?,\s")
# where a clause with a subject of its own starts (" : " ends a heading: "Food acquisition news : X
# has agreed to acquire Y"; "after striking an agreement to acquire": the gerund's subject is the
# clause's before it)
_CLAUSE = re.compile(
    r";|\u2014|\s--\s|\s:\s|\b(?:but|while|whereas|as|after|although|though|because|since)\s+(?=\S)(?![a-z]{1,20}?ing\b)"
)
# "it", "they", "the company", "the tech giant": a company named before
_REFERENCE = re.compile(
    rf"\b(?:[Ii]t|[Tt]hey|[Tt]he\s+(?:[\w$.,-]+\s+){{0,3}}?(?:{COMPANY_KINDS}|{SERVICE_KINDS}|owner|parent|buyer|acquirer))\b"
)
# a reference that reports what the company it names does: "The company said (on Monday) that
# it", "The $12bn-asset lender announced it"
_REFERENCE_REPORTS = re.compile(
    rf"(?:[^,;.]{{1,60}},\s+)?(?:It|it|[Tt]he\s+(?:[\w$.,-]+\s+){{0,3}}?(?:{COMPANY_KINDS}|{SERVICE_KINDS}))\s+(?:also\s+)?"
    r"(?:said|says|announced|announces|confirmed"
    r"|confirms|disclosed|revealed)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|today|yesterday))?(?:\s+that)?\s+"
)
# the verbs that make a subject the buyer in "X completed its acquisition of Y"
_COMPLETED = re.compile(
    r"\b(?:complet|clos|finalis|finaliz|announc|unveil|agree|made|make|confirm|sign|seal|struck|strike|approv"
    r"|clearance|green\s+light|go-ahead)\w*\b",
    re.IGNORECASE,
)
# "X's $2bn", "X' A$5.25 billion ($3.34 billion)", "Bristol-Myers Squibb's" (where only the
# name's first words are known)
_POSSESSIVE_TO_CUE = re.compile(
    r"(?:\s[A-Z][\w&-]*+){0,2}['\u2019]s?\s+(?:(?!(?:of|by|for|in|to|and)\s)[\w$€£.,-]++\s+){0,5}?"
    r"(?:\([^()]{0,30}\)\s+)?(?:(?!(?:of|by|for|in|to|and)\s)[\w$€£.,-]++\s+){0,2}?"
)
_ITS = re.compile(r"\b(?:its|their)\s+(?:[\w$€£.,-]+\s+){0,5}?$", re.IGNORECASE)
# after a nationality, what it describes: "Israeli startup", "Omani and Saudi assets"
_DESCRIBED_AFTER = re.compile(
    r"\s+and\s+[A-Z]|(?!\s+(?:for|in|from|and|or|on|at|as|to|last|this|earlier|later|back|after|before|over"
    r"|valued|worth|when|while|under|through|since|was|is|has|had|have|would|will|said|says|[a-z]+ed)\b)\s+[a-z]"
)
_PART_OF_BEFORE = re.compile(
    r"(?:\b(?:stakes?|shares?|interests?|holdings?|part|portion|assets|equity|minority|majority)|%|per\s?cent)"
    r"\s+(?:in|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PLAIN_WORD = re.compile(r"(?<![\w-])[A-Za-z]++(?![\w-])")
_OUR_TO_CUE = re.compile(r"\s+(?:(?!(?:of|by|for|in|to|and)\s)[\w$€£.,-]++\s+){0,3}?")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[$€£][\w.,]++\s+)?$")
_WORD = re.compile(r"\S+")
DEMONYM = re.compile(
    r"[A-Z][^\W\d_A-Z]+(?:an|ian|ese|ish|i|ic|ch|ean|ois)|[A-Z][\w.]*-(?:based|listed|born|headquartered)"
    r"|[A-Z][\w.]*-(?:focused|registered|owned|backed|controlled|managed)"
    r"|U\.S\.?|[A-Z]{2,3}\$[\d.,]+"
    r"|[A-Z]{2,5}"  # "BNPL provider", "AI startup": an initialism that names no company
)
# what may follow the company bought: the end of the phrase, or a preposition or verb
_AFTER_OBJECT = re.compile(
    r"(?:\s*\([^()]{0,40}\))?(?:\s*(?:$|[,.;:!?)\u2014\u2013\"\u201d]|--|-\s)"
    r"|\s+(?:for|in|from|and|or|on|at|as|to|which|that|who|with|by|last|this|earlier|later|back|after|before|over|an?|just|only"
    r"|valued|worth|when|while|under|through|since|was|is|has|had|have|would|will|said|says|amid|following"
    r"|outright|together|along|plus|including|among|than|but|because|despite|during|makes|owns|operates|runs"
    r"|employs|sells|got|gets|won|wins|faces|needs|requires|remains|means|could|may|might|can|must|it|private"
    r"|are|were|should|shall|gave|gives|brought|brings|became|becomes|drew|draws|took|takes|hurt|hurts|came|comes"
    r"|went|goes|creates|adds|helps|lets|allows|signals|raises|leaves|keeps|kept|[a-z]+ed"
    r"|marks|represents|expands|extends|strengthens|bolsters|boosts|complements|reflects|underscores|enables"
    r"|about|around|roughly|nearly|almost|approximately|some"  # "bought Y about 18 months ago"
    r"|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|few)\s+(?:years?|months?|weeks?|days?|decades?)\s+ago"
    r")\b)"
)
# "Y's chip business", "TPG Telecom's enterprise, government and wholesale fixed business"
_UNIT_AFTER = re.compile(
    r"(?:\s[A-Z][\w&-]*+)?(?:['\u2019]s|(?<=s)['\u2019])\s+(?:[\w-]++,?\s+){0,6}?(?:unit|units|business|division|arm"
    r"|operations)\b"
)
# a deal's noun opening the sentence: "Its $2bn ", "The planned " (no company before it)
_OPENING_NOMINAL = re.compile(r"\W{0,2}(Its|Their|The)\s+(?:(?!(?:of|by|for|in|to|and|with)\s)[\w$€£.,-]++\s+){0,4}")
# a sentence that tells of a deal its subject made: "X announced a $2bn deal", "X agreed to buy a chipmaker"
_DEAL_MADE = re.compile(
    r"\b(?:announc|agree|struck|strik|sign|reach|seal|clinch|ink|unveil)\w*\s+(?:(?:a|an|the|its|their)\s+)?"
    r"(?:[\w$€£.,-]++\s+){0,4}?(?:deal|agreement|acquisition|takeover|purchase|buyout)\b"
    r"|\bagreed\s+to\s+(?:buy|acquire|purchase|take\s+over)\b"
)
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:[Tt]he\s+)?")
# a noun between a company and the company it describes: "Facebook community Starterhub"
_HOST_NOUN = re.compile(
    r"\s+(?:[a-z][\w-]*+\s+)?(?:community|unit|subsidiary|division|arm|affiliate|spin-off|spinoff|offshoot|group"
    r"|brand|label|studio|app|platform|marketplace|site|service|network|journal|magazine|newspaper|portal"
    r"|supplier|provider|maker|manufacturer|developer|designer|operator|rival|competitor|distributor|retailer"
    r"|lender|producer|carrier|insurer|specialist|startup|start-up)\s+"
)
# "Spain's Shotl", "Australia's fast-growing Afterpay": a possessive before the company named
_OWNER_DESCRIBES = re.compile(r"['\u2019]s?\s+(?:[a-z][\w-]*+\s+){0,2}")
ITS_BEFORE = re.compile(r"\b(?:its|their)\s+\Z")
# a company that opens a sentence only to speak or to be told of: "Kestrel said Datavane had bought the firm"
_SPEAKS = re.compile(
    r"(?:\s+\w+ly)?\s+(?:said|says|told|tells|announced|announces|confirmed|reported|reports|added|noted|expects"
    r"|believes|thinks|argued|warned)\b|['\u2019]s?\s"
)
# a verb right after a company named in a list: the company opens a clause of its own
_CLAUSE_VERB_AFTER = re.compile(
    r"\s+(?:was|were|is|are|has|had|have|will|would|could|can|said|says|also|then|later|itself|announced|announces"
    r"|agreed|agrees|unveiled|launched|launches|reported|signed|signs|took|takes|made|makes|bought|buys|acquired"
    r"|acquires|sold|sells|paid|pays|invested|invests|raised|plans|planned|committed|struck|inked)\b"
    # "bought Eachnet and Interactivecorp, which owns Expedia, paid $168m for": a clause of its own
    r"|\s*,\s*(?:which|who)\s[^,;]{1,80},\s+(?:was|were|is|are|has|had|have|will|would|also|then|later|paid|pays"
    r"|bought|buys|acquired|acquires|agreed|agrees|said|says|took|takes|sold|sells|[a-z]+ed)\b"
)
# an apposition opened before a company and not closed: ", the parent company of ..."
_APPOSITION_OPEN = re.compile(r",\s+(?:the|an?|its|whose)\s[^,;]{0,120}\Z", re.IGNORECASE)
# a place and the state or country after it, then the company: "Wilton, CT-based Emery Worldwide"
_PLACE_BASED_AFTER = re.compile(
    r",\s*(?:[A-Z]{2}|[A-Z][a-z]+|[A-Z][a-z]{1,4}\.)-(?:based|headquartered)\s+(?:[a-z][\w-]*+\s+){0,3}(?=[A-Z])"
)
# a backer before the company it describes: "SoftBank Group funded ParkJockey"
_FUNDED_AFTER = re.compile(r"(?:\s+(?:Group|Holdings))?\s+(?:funded|backed|owned|controlled)\s+(?=[A-Z])")
# a relative clause whose verb is the purchase: ", which had previously acquired"
_RELATIVE_BEFORE_VERB = re.compile(r",\s*(?:which|who)\s+(?:[a-z]+\s+){0,3}\Z")
_BRACKET_DESCRIBES = re.compile(r"\s*\([a-z][^()]{0,40}\)")
_LIST_AFTER = re.compile(r"(?:\s+in\s+\d{4})?(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+)")


class Sides:
    """Finds the sides of a purchase around a cue in one sentence."""

    def __init__(self, sentence: str, named: list[Named], subject: str | None, anchor: str | None):
        self.sentence = sentence
        self.named = sorted(named)
        self.previous_subject = subject
        self.anchor = anchor

    def object(self, at: int, single: bool = False) -> list[Named]:
        """The companies a verb at ``at`` takes as its object: the first named after a description
        ("US rival Pioneer Natural Resources", "the Destiny developer, Bungie Inc.", "the
        enterprise unit of Symantec"), and those listed with it ("Gimlet and Anchor")."""
        first = self._first_after(at)
        if first is None:
            return []
        found = [first]
        while not single and len(found) < 6:
            place = _OF_PLACE.match(self.sentence, found[-1].end)  # "Corr Wireless of Alabama, "
            # "Postmates (food delivery) and Drizly (alcohol delivery)": a bracket that describes
            place = place or _BRACKET_DESCRIBES.match(self.sentence, found[-1].end)
            joint = _LIST_AFTER.match(self.sentence, place.end() if place else found[-1].end)
            apposition = joint and "," in joint.group(0) and "and" not in joint.group(0)
            if apposition and _APPOSITION.match(self.sentence, joint.end()):
                break  # "Schenker, the logistics arm of Deutsche Bahn": Deutsche Bahn describes it
            following = self._first_after(joint.end()) if joint else None
            if following is None and joint and joint.group(0).rstrip().endswith("and"):
                # "followed by AdMeld and Invite Media": the last of a list, which recognition missed
                following = unnamed_object(self.sentence, joint.end() - 1, self.named)
                if following is not None:
                    found.append(following)
                break
            if following is None or following in found or _CLAUSE_VERB_AFTER.match(self.sentence, following.end):
                break  # "acquired RJMetrics, and Stitch was spun out": Stitch opens a clause of its own
            found.append(following)
        return found

    def _first_after(self, at: int) -> Named | None:
        gap_start = at
        led = _LED_BY.match(self.sentence, at)
        if led:
            gap_start = led.end()  # "sold to an investment consortium led by X": X buys
        if _COMMA_VERB.match(self.sentence, gap_start):
            return None  # "Y, which X acquired, bought Z": the verb's object stood before it
        for n in self.named:
            if n.start < at:
                continue
            if n.start - gap_start > 90 or not a_description(self.sentence[gap_start : n.start]):
                return None
            whole = self._whole_name(n)
            if whole is not n:
                return whole
            if NATIONALITY.fullmatch(n.name) and _DESCRIBED_AFTER.match(self.sentence, n.end):
                gap_start = n.end  # "the Québecois chain Premiere Moisson", "other African startups"
                continue
            described = _PLACE_BASED_AFTER.match(self.sentence, n.end) or _FUNDED_AFTER.match(self.sentence, n.end)
            if described and any(o.start == described.end() for o in self.named):
                gap_start = n.end  # "Wilton, CT-based Emery Worldwide", "SoftBank funded ParkJockey"
                continue
            # "Y of Toronto in 2019", "Y (Nasdaq: Y) of the US"
            if _AFTER_OBJECT.match(self.sentence, n.end) or _OF_PLACE.match(self.sentence, n.end):
                return n
            noun = COMPANY_NOUN_AFTER.match(self.sentence, n.end)
            if noun and any(o.start == noun.end() + 1 and not o.product for o in self.named):
                gap_start = n.end  # "Aberdeen company DeltaTek Global": a place describes the company named
                continue
            if _UNIT_AFTER.match(self.sentence, n.end) or noun:
                return n
            kind = None if n.product else KIND_AFTER.match(self.sentence, n.end)  # ("the Destiny developer, Bungie")
            if (
                kind
                and _AFTER_OBJECT.match(self.sentence, kind.end())
                and not _NAMED_NEXT.match(self.sentence, kind.end())
            ):
                return n  # "Britain's Thomas Cook travel operator"
            owner = _OWNER_DESCRIBES.match(self.sentence, n.end)
            if owner and any(o.start == owner.end() for o in self.named):
                gap_start = n.end  # "Spain's Shotl", "Ireland's Movidius": the place or owner describes it
                continue
            host = _HOST_NOUN.match(self.sentence, n.end)
            if host and any(o.start == host.end() and not o.product for o in self.named):
                gap_start = n.end  # "Facebook community Starterhub", "Google unit Waymo": the name last
                continue
            if not n.product:
                return None  # "buy Samsung phones", "a stake in Y": what is bought is no company
            gap_start = n.end  # "the Destiny developer, Bungie": a product describing the company
        return None

    def _whole_name(self, n: Named) -> Named:
        """``n`` with the part of its name recognition cut at a possessive joined by a hyphen:
        "Snyder's-Lance" (cut to "Snyder"). (A possessive before the name, "Angie's Artisan
        Treats", is left: without a list of places it reads as "Aberdeen's Kestrel Labs".)"""
        s = self.sentence
        joined = None if n.product else JOINED_BY_POSSESSIVE.match(s, n.end)
        if joined:
            return Named(n.start, joined.end(), s[n.start : joined.end()], s[n.start : joined.end()])
        return n

    def listed_before(self, at: int, count: int) -> list[Named]:
        """The companies (two or more, at least ``count``) listed as the subject of a verb at
        ``at`` ("Both A and B have revealed plans to"), or none."""
        s = self.sentence
        start = max((m.end() for m in _CLAUSE.finditer(s, 0, at)), default=0)
        before = [n for n in self.named if start <= n.start and n.end <= at and not n.product]
        run = before[-1:]
        for n in reversed(before[:-1]):
            if not _LIST_JOINT.fullmatch(s, n.end, run[0].start):
                break
            run.insert(0, n)
        if len(run) < max(2, count) or _PREPOSITION_BEFORE.search(s, 0, run[0].start):
            return []
        return run

    def deal_before(self, at: int, previous: str) -> str | None:
        """The buyer of a deal's noun at ``at`` that opens the sentence with no company of its
        own before it, from the sentence before: "Its acquisition of Y" is that sentence's
        company's; "The $2bn acquisition of Y" too, where that sentence tells of a deal it made
        ("X announced a $2bn deal on Monday", "X agreed to buy a chipmaker")."""
        opening = _OPENING_NOMINAL.fullmatch(self.sentence, 0, at)
        if opening is None or self.previous_subject is None or NOT_YET_NOMINAL.search(opening.group(0)):
            return None  # (not "Its planned acquisition of Y")
        if opening.group(1).lower() == "the" and not _DEAL_MADE.search(previous):
            return None
        return self.previous_subject

    def head(self, buyer: Named) -> str | None:
        """The company this sentence opens with, before ``buyer``, unless it only speaks."""
        first = self.named[0]
        if first.end > buyer.start or first.company == buyer.company or first.product:
            return None
        if not SUBJECT_PRE.fullmatch(self.sentence, 0, first.start) or _SPEAKS.match(self.sentence, first.end):
            return None
        return first.company

    def opening_subject(self, at: int, opening: re.Pattern) -> Named | None:
        """The subject of the main clause, for a word at ``at`` inside the clause that opens the
        sentence and ends at its first comma ("Since acquiring Y in 2019, X has ...")."""
        m = opening.match(self.sentence)
        if m is None or not m.start(1) <= at < m.end():
            return None
        n = next((n for n in self.named if n.start >= m.end()), None)
        if n is None or n.product or not SUBJECT_PRE.fullmatch(self.sentence, m.end(), n.start):
            return None
        return n

    def its_head(self, at: int) -> Named | None:
        """The company the sentence opens with, for "its" right before a noun at ``at`` with no
        other company between: "Y will be delisted after its takeover by X"."""
        its = ITS_BEFORE.search(self.sentence, max(0, at - 12), at)
        before = [n for n in self.named if n.end <= at]
        if its is None or not before or len({n.company for n in before}) > 1 or before[0].product:
            return None
        return before[0] if SUBJECT_PRE.fullmatch(self.sentence, 0, before[0].start) else None

    def opening_its(self, at: int) -> Named | None:
        """Whose "its" is, right before a noun at ``at`` in an opening clause: "Following its
        acquisition of Y, X cut jobs"."""
        if ITS_BEFORE.search(self.sentence, max(0, at - 12), at) is None:
            return None
        return self.opening_subject(at - 1, _OPENING_ITS)

    def before(self, at: int, gap: re.Pattern) -> Named | None:
        """The company named right before ``at`` with only ``gap`` between."""
        for n in reversed(self.named):
            if n.end <= at:
                between = self.sentence[n.end : at]
                if _PART_OF_BEFORE.search(self.sentence, max(0, n.start - 40), n.start):
                    return None  # "a 20% stake in Y was bought by X": a part, no company
                if not gap.fullmatch(between) or not_yet(self.sentence, n.end, at):
                    return None
                described = next((o for o in reversed(self.named) if o.end <= n.start), None)
                if (
                    described
                    and between.lstrip().startswith(",")
                    and _APPOSITION_GAP.fullmatch(self.sentence, described.end, n.start)
                ):
                    return described  # "TracFone, the nation's largest MVNO, was bought by": TracFone
                clause = _RELATIVE_OPEN.search(self.sentence, described.end if described else 0, n.start)
                if clause and "," in between:
                    # "Activision, which bought King in 2016, was acquired by": the clause's
                    # company is not what was bought, the one it describes is
                    if described and not self.sentence[described.end : clause.start()].strip():
                        return described
                    return None
                return n
        return None

    def possessor(self, at: int) -> Named | None:
        """``X's $2bn`` before a noun at ``at``; "our" where a company speaks ("our acquisition
        of"); the company named as an attribute ("the Microsoft takeover of")."""
        s = self.sentence
        for n in reversed(self.named):
            if n.end <= at:
                between = s[n.end : at]
                if NOT_YET_NOMINAL.search(between):
                    return None
                if _POSSESSIVE_TO_CUE.fullmatch(between):
                    return n
                if s[n.start : n.end].lower() == "our" and _OUR_TO_CUE.fullmatch(between):
                    return n
                if between.isspace() and _ARTICLE_BEFORE.search(s, max(0, n.start - 30), n.start):
                    return n
                return None
        return None

    def owned_acquisitions(self, noun: re.Match) -> list[tuple[Named, Named]]:
        """The companies named as what a buyer's acquisition was: "Microsoft's latest
        acquisition, Activision", "Microsoft's acquisitions include A and B", "Activision is
        Microsoft's latest acquisition"."""
        buyer = self.possessor(noun.start())
        after = NAMED_AFTER_NOUN.match(self.sentence, noun.end())
        if buyer is None and after and "includ" in after.group(0).lower():
            # "Other AT&T regional carrier acquisitions include Corr Wireless": the company as an attribute
            buyer = next((n for n in reversed(self.named) if n.end <= noun.start()), None)
            if buyer and not _ATTRIBUTE_GAP.fullmatch(self.sentence, buyer.end, noun.start()):
                buyer = None
        if buyer is None or NOT_YET_NOMINAL.search(self.sentence, buyer.end, noun.start()):
            return []
        targets = self.object(after.end()) if after else []
        if not targets:
            before = self.before(buyer.start, NAMED_BEFORE_OWNER)
            targets = [before] if before else []
        return [(buyer, t) for t in targets]

    def owner_of_its(self, at: int) -> Named | str | bool | None:
        """The subject of the clause for "its" before a noun at ``at`` ("its acquisition of")."""
        its = _ITS.search(self.sentence, max(0, at - 60), at)
        if its is None or NOT_YET_NOMINAL.search(self.sentence, its.start(), at):
            return None
        owner = self.subject(its.start())
        last = next((n for n in reversed(self.named) if n.end <= its.start()), None)
        if isinstance(owner, Named) and last is not None and last != owner and its.start() - owner.end > 100:
            return False  # "Loblaw led, followed by Sobeys with ..., thanks to its acquisition of Y": whose?
        return owner

    def subject(self, at: int, completed: bool = False, gerund: bool = False) -> Named | str | None:
        """The buyer of a verb at ``at``: the company its clause is about ("Qualcomm, the largest
        maker of chips, signed an agreement to acquire"), the one right before it ("the $37
        billion Avago paid"), or the company "it" or "the firm" refers to."""
        s = self.sentence
        start = max((m.end() for m in _CLAUSE.finditer(s, 0, at)), default=0)
        opening = _OPENING_CLAUSE.match(s)
        if opening and opening.end() <= at:
            start = max(start, opening.end())  # "After X acquired Y, Z bought W": Z is the subject
        candidates = [n for n in self.named if start <= n.start and n.end <= at]
        chosen: Named | None = None
        if candidates:
            head = next((n for n in candidates if SUBJECT_PRE.fullmatch(s, start, n.start)), None)
            first = head
            described = next((n for n in candidates if head and n.start > head.end), None)
            if described and _describes_next(s[head.end : described.start]):
                head = described  # "Mass transport startup SWVL", "Google parent Alphabet": the name last
            elif described and _OWNER_APPOSITION.fullmatch(s, head.end, described.start):
                head = described  # "Activision's owner, Microsoft, bought": the owner named after the comma
            elif described and _place_based(s, head, described):
                head = described  # "Greenville, Tenn.-based Forward Air announced": the place is no buyer
            nearest = candidates[-1]
            # "after striking an agreement with the U.S. carmaker General Motors to acquire its Opel":
            # the company a preposition brings in is the other side of the deal, not the buyer
            other_side = _WITH_PHRASE.search(s, max(0, nearest.start - 60), nearest.start) is not None
            # "X acquired Y last year and announced the purchase of Z": Y is the object of a verb
            object_of_a_verb = head is not None and any(
                v.end() <= nearest.start and a_description(s[v.end() : nearest.start])
                for v in ACQUIRES.finditer(s, head.end, nearest.start)
            )  # (not "X bought Y, and Z bought W": Z opens a clause of its own)
            # "X sold Y last year and bought Z", "X sued Y, then bought Z": a verb's object, then a
            # second verb of the same subject
            coordinated = (
                first is not None
                and first is not nearest
                and _VERB_BETWEEN.search(s, first.end, nearest.start) is not None
                and _AND_THEN_VERB.fullmatch(s, nearest.end, at) is not None
            )
            head = first if coordinated else head
            # "X (the parent of Y) bought", "X (formerly Y) bought": the bracket describes the subject
            bracketed = s.rfind("(", start, nearest.start) > s.rfind(")", start, nearest.start)
            bracketed = bracketed and ")" in s[nearest.end : at]
            # "X beat Sony to buy Y", "X outbid rival Z for": the company beaten is no buyer
            beaten = _BEATEN_BEFORE.search(s, max(0, nearest.start - 30), nearest.start) is not None
            # "Vend's buyer was its rival, Lightspeed, which paid": the relative clause's own subject
            relative_subject = not nearest.product and _WHICH_VERB.fullmatch(s, nearest.end, at) is not None
            if relative_subject and not other_side and not beaten:
                chosen = nearest
            elif head is not None and (
                head is nearest
                or "," in s[nearest.end : at]
                or other_side
                or object_of_a_verb
                or bracketed
                or beaten
                or coordinated
            ):
                chosen = head
            elif (
                not other_side
                and not beaten
                and (
                    _PREPOSITION_BEFORE.search(s, max(0, nearest.start - 16), nearest.start) is None
                    or _MANAGED_BY_BEFORE.search(s, max(0, nearest.start - 60), nearest.start)  # "funds managed by X"
                    or (gerund and not s[nearest.end : at].strip())
                )
            ):
                # "Alliance Entertainment, the parent of distributor AMPED, acquired": a company
                # inside an apposition describes the subject, and is none
                inside = bracketed or ("," in s[nearest.end : at] and _APPOSITION_OPEN.search(s, start, nearest.start))
                # "ordered to sell Y to gain approval to acquire Z": Y is what another verb acts on
                acted_on = _OBJECT_OF_INFINITIVE.search(s, max(0, nearest.start - 60), nearest.start)
                # "MaxAB acquiring startup WaystoCap, edtech startup Tyro buying Y": what was bought
                # before (Tyro not recognised) is no buyer
                bought_before = any(
                    v.end() <= nearest.start and a_description(s[v.end() : nearest.start])
                    for v in [
                        *ACQUIRES.finditer(s, start, nearest.start),
                        *MORE_ACQUIRES.finditer(s, start, nearest.start),
                    ]
                )
                chosen = None if inside or acted_on or bought_before else nearest
            if chosen is not None:
                gap = s[chosen.end : at]
                if len(gap) > 220 or not_yet(s, chosen.end, at) or (completed and not _COMPLETED.search(gap)):
                    return None
                if _IF_BEFORE.search(s, max(0, chosen.start - 40), chosen.start):
                    return None  # "If X buys Y, prices will rise"
                if _TO_BEFORE.search(s, max(0, at - 4), at) and WANTED_BEFORE.search(
                    s, max(0, chosen.start - 40), chosen.start
                ):
                    return None  # "the regulator wants X to buy Y", "analysts expect X to buy Y"
                relative = _RELATIVE_BEFORE_VERB.search(s, chosen.end, at)
                if relative and re.search(r"[A-Z]", s[chosen.end : relative.start()]):
                    return None  # "X invested in Y, a maker of trailers, which had acquired Z": Y's clause
                person = PERSON_BETWEEN.match(s, chosen.end, at)
                if person and (" " not in person.group("name") or plausible_name(person.group("name"))):
                    return None  # "Tesla chief executive Elon Musk bought Twitter": a person bought
                if chosen.product and chosen.company == chosen.name:
                    return None
                return chosen
        reference = None
        for m in _REFERENCE.finditer(s, start, at):
            reference = m
        if reference is None or not (
            SUBJECT_PRE.fullmatch(s, start, reference.start())
            or _REFERENCE_REPORTS.fullmatch(s, start, reference.start())  # "The company said it would buy Y"
        ):
            return None
        gap = s[reference.end() : at]
        if len(gap) > 160 or not_yet(s, reference.end(), at) or (completed and not _COMPLETED.search(gap)):
            return None
        if _IF_BEFORE.search(s, max(0, reference.start() - 40), reference.start()):
            return None
        return self.previous_subject or self.anchor

    def passive_subject(self, at: int, was: bool = True) -> Named | str | None:
        """What a passive verb at ``at`` says was bought when no name stands right before it: the
        company its clause starts with ("MyEdu, formerly Pick-A-Prof, was acquired by"), or the
        one "it" or "the company" refers to."""
        s = self.sentence
        start = max((m.end() for m in _CLAUSE.finditer(s, 0, at)), default=0)
        inside = [n for n in self.named if start <= n.start < at]
        # no other company between it and the verb (its own products may stand there)
        head = inside[0] if inside and len({n.company for n in inside}) == 1 else None
        if head is not None and SUBJECT_PRE.fullmatch(s, start, head.start):
            gap = s[head.end : at]
        else:
            reference = _OPENING_REFERENCE.match(s, start)
            if reference is None:
                return None
            head, gap = self.previous_subject, s[reference.end() : at]
        if head is None or len(gap) > 160 or not_yet(s, at - len(gap), at):
            return None
        words = [w.lower() for w in _PLAIN_WORD.findall(gap)[:3]]
        part = next((i for i, w in enumerate(words) if w in NOT_A_COMPANY_BOUGHT), None)
        if part is not None and not any(w in UNIT for w in words[part + 1 :]):
            return None  # "Y's 20% stake was sold to X", "Y shares were bought by X" (but "the Y products business")
        owned = _OWNED_HEAD.search(gap)  # "the Y brand name was sold to X" (not "Y, a discount store, is owned by")
        if owned and owned.group(1).lower() in _ASSETS and not gap.lstrip().startswith(","):
            return None
        if (was and not _WAS.search(gap)) or (not was and not _SHORT_GAP.fullmatch(gap)):
            return None
        if _NOT_A_COMPANY_NOUN.search(gap):
            return None  # "Y was a customer acquired by X": what was acquired is no company
        possessed = _POSSESSED.match(gap)
        if possessed and any(w in NOT_A_COMPANY_BOUGHT or w in _NOT_A_UNIT for w in possessed.group(1).split()):
            return None  # "Y's losses were absorbed by X" (but "Y's television stations were sold to X")
        return head

    def relative(self, at: int, verb_end: int) -> tuple[Named | str | None, Named | None]:
        """The buyer and the company bought before a verb at ``at`` that has no object after it:
        "Y, which X bought", "Y, a chipmaker the tech giant bought"."""
        s = self.sentence
        if not _AFTER_OBJECT.match(s, verb_end):
            return None, None
        reference = _REFERENCE_BEFORE.search(s, max(0, at - 40), at)
        buyer: Named | str | None = None
        if reference:
            end = reference.start()
        else:
            near = [n for n in self.named if n.end <= at and _VERB_AFTER_BUYER.fullmatch(s, n.end, at)]
            if not near:
                return None, None
            buyer, end = near[-1], near[-1].start
        relative = _RELATIVE_GAP.search(s, max(0, end - 60), end)
        target = next((n for n in reversed(self.named) if relative and n.end == relative.start()), None)
        if target is None:
            return None, None
        if reference:  # "the tech giant": the company the sentence names first, or the one before
            first = next((n for n in self.named if n.end <= end and n != target), None)
            buyer = first.company if first else self.previous_subject or self.anchor
        return buyer, target


_NOUN_WORD = re.compile(r"[a-z][a-z-]*+")
_VERB_FORM = re.compile(
    r"\w*(?:ed|ing)|bought|sold|took|made|won|owns|buys|sells|makes|says|tells|beat|beats|outbid|outbids|saw|sees|pips"
)


def unnamed_object(sentence: str, at: int, named: list[Named]) -> Named | None:
    """The name of a company a purchase verb at ``at`` takes as its object that recognition
    missed ("buys Night School Studio for $100m", "acquired the smaller chip maker Altera."): a
    run of capitalised words after a short description, closed by a price, a time, a clause or the
    sentence's end; not a place, a month, a nationality, a person, a list or a capitalised heading."""
    m = _UNNAMED_OBJECT.match(sentence, at)
    if m is None or any(n.end > at and n.start < m.end("name") for n in named):
        return None
    name = m.group("name").rstrip(".")
    words = name.split()
    first = words[0].rstrip("'\u2019s")
    if " and " in name or words[-1] == "&" or (len(words) > 1 and name.isupper()):
        return None  # "Talon and Dig" (a list), "CHIP DESIGNER MOVIDIUS" (a heading)
    if name in NOT_COMPANIES or first in NOT_COMPANIES or first in WHEN_WORDS or first in _PLACE_OPENERS:
        return None
    # "bought Meridian, which", "bought Titan for $2bn": a word shaped like a nationality that the
    # sentence closes as a name (a nationality stands before a noun)
    closed_as_name = len(words) == 1 and _CLOSED_AS_NAME.match(sentence, m.start("name") + len(name))
    if (NATIONALITY.fullmatch(first) and not closed_as_name) or first in FEW_DEMONYMS or first.lower() in POLITICAL:
        return None
    if (words[0] in MALE_NAMES or words[0] in FEMALE_NAMES) or (len(words) == 2 and plausible_name(name)):
        return None  # "bought John Smith's stake": a person
    if not a_description(sentence[at : m.start("name")]):
        return None  # "bought a stake in Y", "bought shares of Y"
    return Named(m.start("name"), m.start("name") + len(name), name, name)


_CLOSED_AS_NAME = re.compile(r"\s*,\s+(?:which|a|an|the|its)\s|\s+for\s+(?:about\s+)?(?:US|A|C)?[$\u20ac\u00a3]")
FEW_DEMONYMS = frozenset("Swiss Greek Thai Czech Dutch French Welsh Basque Maltese".split())


def _describes_next(gap: str) -> bool:
    """Whether the words between two names are a noun that describes the second ("Mass transport
    startup SWVL", "Google parent Alphabet"), not a verb or a joint ("Microsoft and Google")."""
    words = gap.split()
    return 0 < len(words) <= 3 and all(
        _NOUN_WORD.fullmatch(w) and w not in NOT_IN_A_DESCRIPTION and w != "and" and not _VERB_FORM.fullmatch(w)
        for w in words
    )


def not_yet(sentence: str, start: int, end: int) -> bool:
    """Whether the words between a buyer (ending at ``start``) and its verb (at ``end``) make
    the purchase only an intention, a bid, a condition or a rumour: "X is in talks to buy",
    "X would buy Y under the plan" (but "X said it would buy Y" is agreed)."""
    for m in NOT_YET.finditer(sentence, start, end):
        if not BID_WON.search(sentence, max(0, m.start() - 40), m.start()):
            return True  # (but "X won the bidding and acquired Y")
    if NOT_YET_MORE.search(sentence, start, end) or MODAL_OR_OPTION.search(sentence, start, end):
        return True
    if NOT_QUITE.search(sentence, max(start, end - 40), end):
        return True  # "X nearly bought Y", "X declined to buy Y"
    would = WOULD.search(sentence, start, end)
    if would is None or LATER_YEAR.search(sentence, end, end + 80):
        return False  # "X would acquire Y in 2003": what history tells
    said = [m.end() for m in REPORTED.finditer(sentence, max(0, would.start() - 100), would.start())]
    return not said or FEARED.search(sentence, said[-1], would.start()) is not None


# between a company and "now owned by", "merged into": an apposition at most, then a few verbs
_SHORT_GAP = re.compile(r"(?:\s*,[^,;:\"\u201c\u201d]{1,80},)?\s*(?:[a-z]++\s+){0,4}")
# a condition or a doubt before the buyer: "If X buys Y", "It is unlikely that X will buy Y"
_IF_BEFORE = re.compile(
    r"\b(?:[Ii]f|[Uu]nless|[Ww]hether|(?:unlikely|doubtful|conceivable|possible|uncertain|unclear|improbable)\s+that)"
    r"\s+(?:\S++\s+){0,3}$"
)
_APPOSITION = re.compile(r"(?:the|an?)\s", re.IGNORECASE)
NOT_YET_NOMINAL = re.compile(
    r"\b(?:potential|possible|rumou?red|planned|failed|abandoned|blocked|aborted|attempted|hostile|mooted"
    r"|would-be|proposal|bid|talks|interest)\b",
    re.IGNORECASE,
)
# between a company and the verb of the relative clause it opens: ", which has since"
_WHICH_VERB = re.compile(r"\s*,\s*(?:which|who)\s+(?:(?:has|have|had|later|then|also|eventually|\w+ly)\s+){0,2}")
# what stands between a verb's object and a second verb of the same subject: "Y in 2019 and", "Y, then"
_AND_THEN_VERB = re.compile(
    r"(?:\s+(?:in|on|last|earlier|this|late|early|for)\b[^,;()]{0,30}?)?\s*,?\s+(?:and|then|and\s+then)\s+"
    r"(?:(?:later|then|also|subsequently|eventually|recently|since|has|have|had|is|was|will|would)\s+){0,2}"
)
_VERB_BETWEEN = re.compile(r"\s(?!(?:and|or|the|of|its|their)\b)[a-z]{3,}\b")
_WITH_PHRASE = re.compile(r"\b(?:with|from)\s+(?:[\w.&'\u2019-]+\s+){1,4}$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|for|from|with|to|by|in|on|at|against|than|about|into|between|like|including|whether|behind|beside"
    r"|besides|alongside|among|amid|versus|vs\.?|ahead\s+of|such\s+as)\s+$",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(
    rf"(?:\b[Tt]he\s+(?:[\w-]+\s+){{0,3}}?(?:{COMPANY_KINDS}|{SERVICE_KINDS})|(?<=which\s)it)\s+"
    r"(?:(?:has|had|have|later|eventually|then|first|originally)\s+){0,2}$"
)
# "It", "The company", "In 2010 the firm" opening a clause: the company the sentence before is about
_OPENING_REFERENCE = re.compile(
    r"(?:[^,;.]{1,40},\s+|[Ii]n\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+|(?:Last|Earlier\s+this|This)\s+(?:year|month|week)\s+)?"
    rf"(?:[Ii]t|[Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?:{COMPANY_KINDS}|{SERVICE_KINDS}|brand|station))\b"
)
_WAS = re.compile(
    r"\b(?:was|were|is|has\s+been|had\s+been|have\s+been|being|be|got|gets)\s+(?:[a-z]+\s+){0,2}\Z"
    r"|\b(?:was|were|is|are)\s+(?:an?|one\s+of\s+the)\s+(?:[a-z][\w-]*+\s+){1,4}\Z"  # "Y was a big carrier acquired by"
)
_TO_BEFORE = re.compile(r"\bto\s+\Z")
# a buyer that leads or manages those who buy: "an investment consortium led by X", "a fund managed by X"
_LED_BY = re.compile(
    r"\s*(?:an?|the)\s+(?:[\w-]++\s+){0,3}?(?:consortium|fund|group\s+of\s+investors|investor\s+group|vehicle)"
    r"\s+(?:led|managed|run|controlled|advised|formed)\s+by\s+"
)
# what kind of company a name is, after it: "Thomas Cook travel operator", "Acme software maker"
KIND_AFTER = re.compile(
    r"(?:\s+[a-z][\w-]*+){0,2}\s+(?:operator|maker|company|firm|group|chain|business|brand|startup|start-up"
    r"|retailer|provider|developer|publisher|lender|bank|insurer|brewer|airline|carrier|studio|platform|miner"
    r"|manufacturer|producer|supplier|distributor)\b"
)
_NAMED_NEXT = re.compile(r"\s*,\s*(?:the\s+)?[A-Z]")  # "the Destiny developer, Bungie": the name follows
# a buyer that those who buy stand for: "funds managed by X acquired Y"
_MANAGED_BY_BEFORE = re.compile(
    r"(?:^|,\s|\b[Ii]n\s+\d{4}\s)\s*(?:[Ff]unds?|[Vv]ehicles?|[Aa]ffiliates?|[Ee]ntities|[Aa]\s+consortium|[Aa]n?\s+(?:investor\s+)?group)"
    r"\s+(?:managed|advised|controlled|owned|backed|led)\s+by\s+\Z"
)
# a place after a company's name: "Corr Wireless of Alabama, " (then a list goes on or ends)
_OF_PLACE = re.compile(
    r"(?:\s*\([^()]{0,40}\))?\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*+\s+){0,3}[A-Z][\w-]*+"
    r"(?=\s*[,.;]|\s+(?:and|in|for|from|last|earlier|this|at|on)\s)"
)
# between a company and the noun it is an attribute of: "AT&T regional carrier "
_ATTRIBUTE_GAP = re.compile(r"(?:\s+[a-z][\w-]*+){0,3}\s+")
# a company after an infinitive's verb: "to sell No.2 delivery service Yogiyo"
_OBJECT_OF_INFINITIVE = re.compile(r"\bto\s+[a-z]++\s+(?:[\w.'\u2019-]++\s+){0,5}\Z")
# the last word before a passive verb that says what was acquired is no company: "Y was a customer acquired by"
_NOT_A_COMPANY_NOUN = re.compile(
    r"\b(?:customer|client|user|subscriber|member|asset|property|stake|share|licen[cs]e|patent|product)s?\s+\Z"
)
# what a company owns that is no company, as the head of a passive's subject: "the Y brand name
# was sold to X", "Y's plant was bought by X" (beside cues.NOT_A_COMPANY_BOUGHT); not in an
# apposition, where they describe the company ("Y, a steel mill, is owned by X")
_ASSETS = frozenset(
    "name names trademark trademarks catalogue catalog plant plants factory factories mine mines mill mills"
    " loans portfolio".split()
)
# the word a passive verb's subject ends with: "the Y brand name was", "Y's factories were"
_OWNED_HEAD = re.compile(r"([A-Za-z]+)\s+(?:was|were|is|are|(?:has|have|had)\s+been)\s+(?:[a-z]+ly\s+)?\Z")
# what a company has that is no unit of it, beside cues.NOT_A_COMPANY_BOUGHT
_NOT_A_UNIT = frozenset(
    "losses loss debt debts headquarters office offices customers staff employees workers contract contracts deposits"
    " loans portfolio".split()
)
_POSSESSED = re.compile(r"['\u2019]s?\s+((?:[a-z][\w-]*+\s+){1,4}?)(?:was|were|is|are|has|had|have)\b")
# an apposition between a company and the description named in it: ", the nation's largest "
_APPOSITION_GAP = re.compile(r",\s+(?:the|an?|its|their)\s+(?:[^,;()]{1,60}?\s)?")
_VERB_AFTER_BUYER = re.compile(r"\s+(?:(?:has|had|have|later|eventually|then|first|originally)\s+){0,2}")
# ", which", ", an Israeli chipmaker": what stands between the company bought and its buyer
_RELATIVE_GAP = re.compile(r",\s*(?:(?:which|that)\s+|(?:an?|the)\s+(?:[\w-]+\s+){0,4}?)?\Z")
# "acquired several franchises including Buick": what follows are examples of things, no companies
_EXAMPLES_FOLLOW = frozenset("including like such among".split())
_KIND_NOUNS = frozenset(
    "company firm group startup start-up business bank lender brewer retailer operator chain".split()
)
_PLACE_OPENERS = frozenset(
    "New South North East West Southeast Southern Northern Eastern Western Central Hong Latin Middle Saudi Sri"
    " Costa El San Los Las Abu United Sub-Saharan Pan".split()
)
_POSSESSIVE_WORD = re.compile(r"[A-Z][\w.-]*+['\u2019]s")


_PLACE_BASED_WORD = re.compile(r"[A-Z][\w.]*-(?:based|headquartered)")
_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")


def a_description(gap: str) -> bool:
    """Words that may describe the company bought before its name: no preposition or verb, no
    stake or shares, no other name (a place or a nationality may stand: "US rival")."""
    words = _WORD.findall(gap)
    if len(words) > 10:
        return False
    previous = ""
    for i, raw in enumerate(words):
        word = raw.strip(",:\"'\u201c\u201d")
        lower = word.lower()
        if not word:
            continue
        if lower == "of" and (previous in UNIT or previous in UNIT_MORE or previous == "control"):
            previous = lower
            continue
        if lower == "equity" and previous == "private":
            previous = lower
            continue  # "the private equity firm Apax Partners": a kind of buyer, no stake
        if lower in NOT_IN_A_DESCRIPTION or lower in NOT_A_COMPANY_BOUGHT or lower in _EXAMPLES_FOLLOW:
            return False  # (kinds of company before "including" are read apart: cues.SEVERAL)
        if word[0].isupper():
            bare = re.sub(r"['\u2019]s$", "", word)
            # "Britain's Thomas Cook", "Latin America's ViaPool": a place (no company named) owns it
            possessive = _POSSESSIVE_WORD.fullmatch(word) or (
                i + 1 < len(words) and words[i + 1][0].isupper() and _POSSESSIVE_WORD.fullmatch(words[i + 1])
            )
            # "New Zealand-based", "Southeast Asian": a place's first word before its demonym
            place = bare in _PLACE_OPENERS and i + 1 < len(words) and DEMONYM.fullmatch(words[i + 1].strip(",:"))
            # "New York based": a place of one or two words, then "based"
            place = place or (
                any(w == "based" for w in words[i + 1 : i + 3])
                and all(w[:1].isupper() for w in words[i + 1 : words.index("based", i + 1)])
            )
            # "Inverness firm Y", "Aberdeen company Y": a place before the kind of company the name is
            # (or "fellow Granite City firm Y": a place of up to three words)
            kind = (
                i + 4 >= len(words) >= i + 2
                and words[-1].strip(",").lower() in _KIND_NOUNS
                and all(w[:1].isupper() for w in words[i:-1])
            )
            # "Tel Aviv-based", "Hong Kong-headquartered": a place's first word before its "-based"
            place = place or (i + 1 < len(words) and _PLACE_BASED_WORD.fullmatch(words[i + 1].strip(",:")))
            # "SaaS provider", "IoT specialist", "B2B marketplace": a term of the trade, no name
            term = _trade_term(bare)
            if not (bare in NOT_COMPANIES or DEMONYM.fullmatch(bare) or possessive or place or kind or term):
                return False
        previous = lower
    return not re.search(r"[.;()]\s", _INITIALS.sub("", gap))  # ("U.S. chipmaker": no sentence ends)


def _trade_term(word: str) -> bool:
    """A short word of letters and digits with two capitals, or a capital and a digit, that is no
    all-capital initialism ("SaaS", "IoT", "B2B", "DeFi"; not "Meta", "AI", "PayPal")."""
    if not (2 <= len(word) <= 5 and word.isalnum() and word[0].isupper()):
        return False
    capitals = sum(c.isupper() for c in word)
    digits = any(c.isdigit() for c in word)
    return (capitals >= 2 or (capitals and digits)) and not (word.isupper() and word.isalpha())


def _place_based(sentence: str, place: Named, company: Named) -> bool:
    """Whether ``place`` is a town before a "-based" that describes ``company`` ("Greenville,
    Tenn.-based Forward Air")."""
    based = _PLACE_BASED_AFTER.match(sentence, place.end)
    return based is not None and based.end() == company.start
