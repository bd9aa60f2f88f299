"""More words of purchase: the ways news states who bought whom beyond the cues in
:mod:`bot.extract.relations.cues`, and the words that make a stated purchase none.

Data for :mod:`bot.extract.relations.acquisitions`; every pattern starts at the start of a
word and repeats no group of words without a bound (tests/extract/test_linear.py).
"""

from __future__ import annotations

import re

from bot.extract.people_words import TITLE_WORDS

AT_WORD_START = r"(?<!\w)(?=\w)"

# the kinds of company a reference back or a description names: "the company", "the chip designer",
# "paid $2bn for the Auckland firm"
COMPANY_KINDS = (
    r"company|firm|group|giant|business|startup|start-up|conglomerate|behemoth|\w*maker|developer|designer"
    r"|manufacturer|producer|supplier|distributor|vendor|provider|operator|carrier"
    r"|retailer|chain|bank|lender|insurer|airline|publisher|studio|brewer|miner"
    r"|streamer|broadcaster|telco|utility|outfit|multinational|refiner"
)
# kinds that name a product as often as its company: a subject referred back to ("the streaming
# service agreed to buy"), never what is bought ("none had paid for the service")
SERVICE_KINDS = r"service|platform|network"

# the starts of words (lower case) that the cues below hold, beside cues.ACQUISITION_STEMS
MORE_STEMS = (
    "accept", "recommend", "agreed", "takes over",
    "scoop", "swallow", "gobbl", "owned by", "part of", "merge", "sale of", "deal for", "owner of", "owners of",
    "sale to", "sell-off to", "parent of", "paying", "pays", "pay ",
    "control of", "ownership of", "absorb", "offer for", "bid for", "winning bidder", "offload",
    "divest", "new owner", "new parent", "purchaser", "complet", "holders will receive", "holders would receive",
    "holders will get", "holders would get", "subsidiary of", "unit of", "division of",
    " nab ", "nabs ", "nabbed", "nabbing", "pick up", "picks up", "picked up", "picking up", "auction for",
    "bidding for", "bidding war for", "spent $", "spend $", "spends $",
    "spending $", "spent us$", "spent \u00a3", "spent \u20ac", "private by",
    "swoop", "plunk", "forked out", "forks out", "shelled out", "shells out", "take-private", "new owner",
)  # fmt: skip

# "X scooped up Y", "X swallowed Y", "X gobbled up Y", "X has taken over Y"
MORE_ACQUIRES = re.compile(
    AT_WORD_START + r"(?:scoop(?:s|ed|ing)?\s+up|swallow(?:s|ed|ing)?(?!\s+(?:up|hard|losses|costs|the\s+cost))"
    r"|gobbl(?:e|es|ed|ing)\s+up|(?<=has\s)taken\s+over|(?<=have\s)taken\s+over"
    # "X took control of Y", "X has taken full ownership of Y", "X absorbed Y"
    r"|(?:take|takes|took|taken|taking)\s+(?:full\s+|majority\s+|outright\s+|complete\s+)?(?:control|ownership)\s+of"
    r"|(?:gain|gains|gained|gaining)\s+(?:full\s+|outright\s+|complete\s+)?control\s+of"
    r"|absorb(?:s|ed|ing)?"
    # "X nabbed Y", "X picked up Y for $50m", "X won the auction for Y"
    r"|nab(?:s|bed|bing)?|pick(?:s|ed|ing)?\s+up"
    r"|(?:win|wins|won|winning)\s+(?:the|an?)\s+(?:[\w-]+\s+)?(?:auction|bidding(?:\s+war)?)\s+for"
    # a headline's "X swoops on Y", "X swooped for Y"
    r"|swoop(?:s|ed|ing)?\s+(?:on|for))\b",
    re.IGNORECASE,
)
# "Y was swallowed up by X", "Y was absorbed by X", "Y was bought up by X" (beside cues.ACQUIRED_BY)
ABSORBED_BY = re.compile(
    AT_WORD_START + r"(?:swallowed(?:\s+up)?|gobbled\s+up|scooped\s+up|absorbed|bought\s+(?:up|out))"
    r"(?:\s+in\s+\d{4})?\s+by\s+",
    re.IGNORECASE,
)
# "X's $2bn offer for Y was accepted": the target's yes makes the offer a purchase agreed
OFFER_FOR = re.compile(AT_WORD_START + r"(?:offer|bid|proposal)\s+for\s+", re.IGNORECASE)
OFFER_TAKEN_AFTER = re.compile(
    r"\s+(?:was|were|has\s+been|had\s+been)\s+(?:(?:formally|unanimously|finally|later)\s+)?"
    r"(?:accepted|approved|agreed|recommended)\b"
)
# "X agreed a recommended $2bn cash offer for Y", "X struck a $2bn deal for Y", "X completed its
# $2bn deal for Y": X buys Y
DEAL_FOR = re.compile(
    AT_WORD_START + r"(?:agreed|struck|strikes|strike|signed|clinched|sealed|inked|completed|completes|closed|closes"
    r"|finali[sz]ed|finali[sz]es)\s+(?:an?|the|its)\s+"
    r"(?:[\w$€£.,-]++\s+){0,4}?(?:offer|deal|takeover)\s+for\s+",
    re.IGNORECASE,
)
# "X completed the Y deal", "X completes $2bn Y deal" (a headline): the company named before the
# deal, right after the verb of its completion, was bought
COMPLETED_DEAL = re.compile(
    AT_WORD_START + r"complet(?:e|es|ed|ing)\s+(?:(?:its|the|a)\s+)?"
    r"(?:[$€£][\d.,]++\s*(?:billion|million|bn|m|b)?\s+)?",
    re.IGNORECASE,
)
DEAL_AFTER = re.compile(r"\s+(?:deal|transaction)\b(?!\s+(?:with|to)\b)")
# "Y was sold on to X in 1998": a second sale (beside cues.SOLD_LATER_TO)
SOLD_ON_TO = re.compile(r"sold\s+on\s+(?:(?:in|last|earlier)\s+[^,;.]{1,30}?\s+)?to\s+")
# "Y, owned by X since 2006", "Y has been owned by X since 2019": an owner since a year bought it
OWNED_BY = re.compile(AT_WORD_START + r"(?:wholly\s+|fully\s+|majority[\s-])?owned\s+by\s+", re.IGNORECASE)
SINCE_YEAR = re.compile(r"\s+since\s+(?:(?:early|late|mid|mid-)\s*)?(?:[A-Z][a-z]+\s+)?(?:1[89]|20)\d\d\b")
# after the company bought: "Y shareholders will receive 7.875 shares of X for each Y share", "Y's
# stockholders would get 0.5 X shares for each": X pays for Y with its own shares
HOLDERS_RECEIVE = re.compile(
    r"(?:['\u2019]s?)?\s+(?:share|stock)holders\s+(?:will|would)\s+(?:receive|get)\s+(?:about\s+|approximately\s+)?"
    r"[\d.,]++\s+(?:new\s+)?(?:(?:ordinary|common)\s+)?(?:(?P<of>shares?\s+(?:of|in)\s+)|(?=[A-Z]))"
)
SHARES_AFTER = re.compile(r"\s+(?:(?:ordinary|common)\s+)?shares?\s+for\s+(?:each|every)\b")
EACH_AFTER = re.compile(r"\s+for\s+(?:each|every)\b")
# a merger that names its survivor is a merger into it: "the merger of X and Y, with X as the
# surviving bank", "X will be the surviving company", "the surviving entity will be X"
MERGER_WORD = re.compile(AT_WORD_START + r"(?:merg(?:e|es|ed|er|ers|ing)|amalgamat\w*)\b", re.IGNORECASE)
_SURVIVOR = (
    r"surviving\s+(?:[a-z]++\s+)?(?:company|entity|bank|corporation|firm|group|parent|business|brand|lender|insurer"
    r"|institution|issuer|operator|carrier)"
)
SURVIVOR_AFTER = re.compile(
    r"\s+(?:as|will\s+be|would\s+be|is|being|to\s+be|remains|will\s+remain|would\s+remain|becomes|will\s+become)"
    r"\s+the\s+" + _SURVIVOR + r"\b"
    r"|\s+(?:will|would)\s+(?:be\s+the\s+one\s+to\s+)?survive\s+(?:the|this|that)\s+(?:merger|combination)\b"
)
SURVIVOR_BEFORE = re.compile(
    r"\bthe\s+" + _SURVIVOR + r"(?:\s*,|\s+(?:will|would)\s+be|\s+is|\s+being)\s+(?:the\s+)?\Z", re.IGNORECASE
)
# a merger's survivor told by the name kept: "the resulting entity will maintain the brand name X"
# (not "run under the X brand": a unit may be); or by the larger part of the new company its owners
# hold: "X shareholders would own 64 per cent of the new company"
NAME_KEPT_BEFORE = re.compile(
    r"\b(?:keep|keeps|kept|keeping|retain|retains|retained|retaining|maintain|maintains|maintained|maintaining)"
    r"\s+the\s+(?:brand\s+|corporate\s+|company\s+)?name,?\s+\Z",
    re.IGNORECASE,
)
OWNERS_HOLD_AFTER = re.compile(
    r"['\u2019]?\s+(?:shareholders|stockholders|investors|holders)\s+(?:will|would|are\s+to)\s+own\s+"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+)?(\d\d(?:\.\d+)?)\s?(?:%|per\s?cent|percent)\s+of\s+the\s+"
    r"(?:new|combined|enlarged|merged)\b",
    re.IGNORECASE,
)
# the company a merger values is the one bought: "an all-share merger valuing Y at $3.4bn"
VALUED_BEFORE = re.compile(r"\b(?:valuing|values|valued)\s+\Z", re.IGNORECASE)
VALUED_AFTER = re.compile(r"\s+at\s+(?:about\s+|around\s+)?(?:[$\u20ac\u00a3]|US\$|A\$|C\$|\d)")
# "Z offloaded Y to X", "Z divested Y to X" (beside cues.SELLS)
MORE_SELLS = re.compile(AT_WORD_START + r"(?:offload|divest)(?:s|ed|ing)?\b", re.IGNORECASE)
# "Y's new owner X", "Y's buyer, X": X bought Y
NEW_OWNER_AFTER = re.compile(
    r"['\u2019]s?\s+(?:new\s+(?:owner|parent)|buyer|acquirer|purchaser)(?:\s*,\s*|\s+)(?:the\s+)?", re.IGNORECASE
)
# the company bought as the subject that accepts the buyer's deal: "Y has agreed to a takeover by",
# "Y shareholders approved the $2bn acquisition by"
TARGET_ACCEPTS = re.compile(
    r"(?:['\u2019]s?)?(?:\s+(?:shareholders|stockholders|board|directors|investors))?\s+(?:(?:have|has|had)\s+)?"
    r"(?:(?:formally|overwhelmingly|unanimously|finally)\s+)?(?:agreed\s+to|approved|accepted|backed|endorsed|recommended"
    r"|welcomed|voted\s+(?:in\s+favou?r\s+of|for))\s+(?:an?|the|its)\s+(?:[\w$€£.,-]++\s+){0,3}?\Z",
    re.IGNORECASE,
)
# "Y will become a wholly owned subsidiary of X" (a press release's words for the deal's end): X
# buys Y. Not the past: "Y became a subsidiary of X in 1987" was as often a group reorganised.
BECOMES_SUBSIDIARY = re.compile(
    AT_WORD_START + r"(?:will|would|shall|to)\s+become\s+an?\s+(?:(?:wholly|fully|100%|direct|indirect)[\s-]+)?"
    r"(?:owned\s+)?(?:subsidiary|unit|division)\s+of\s+",
    re.IGNORECASE,
)
# a parent formed over a company it already had is no purchase: "Google became a subsidiary of
# Alphabet, a new holding company"
RESTRUCTURING = re.compile(
    r"\b(?:holding\s+company|restructur\w*|reorgani[sz]\w*|newly\s+(?:formed|created)|spin-?offs?|spun)\b",
    re.IGNORECASE,
)
# "Y, now owned by X", "Y is now part of X", "Y became part of X in 2019": X bought Y
NOW_OWNED_BY = re.compile(
    AT_WORD_START + r"(?:(?:is|are|was|were|has\s+been)\s+)?(?:now\s+(?:(?:wholly|fully|majority)[\s-]+)?owned\s+by"
    r"|now\s+(?:a\s+)?part\s+of|(?:became|become|becomes|becoming)\s+(?:a\s+)?part\s+of)\s+",
    re.IGNORECASE,
)
# "Y merged into X", "the merger of Y into X": a merger into one company counts for it
MERGED_INTO = re.compile(
    AT_WORD_START + r"(?:merged|merges|merging|merge)\s+(?:(?:fully|formally)\s+)?into\s+", re.IGNORECASE
)
MERGER_OF = re.compile(AT_WORD_START + r"merger\s+of\s+", re.IGNORECASE)
INTO = re.compile(r"\s+into\s+")
# "the sale of Y to X", "the deal for Y by X"
SALE_OF = re.compile(
    AT_WORD_START + r"(?:sale|deal|divestiture|divestment|disposal|swoop)\s+(?P<prep>of|for)\s+", re.IGNORECASE
)
# a buyout firm's vehicle in a buyer's slot: "acquired by an affiliate of X", "sold to funds managed by X",
# "by a consortium led by X": X is the buyer
VEHICLE_OF = re.compile(
    r"\s*(?:an?\s+|the\s+|certain\s+)?(?:(?:newly\s+formed|investment|acquisition|holding)\s+)?"
    r"(?:affiliates?|affiliated\s+(?:funds?|entit(?:y|ies))|funds?|entit(?:y|ies)|vehicles?|consortium|subsidiar(?:y|ies))"
    r"\s+(?:(?:managed|advised|controlled|owned|formed|led|sponsored)\s+by|of)\s+"
)
# "the take-private of Y", "X's take-private of Y": a buyout (beside cues.ACQUISITION_OF)
TAKE_PRIVATE_OF = re.compile(
    AT_WORD_START + r"take-private\s+(?:deal\s+|transaction\s+)?(?P<prep>of|by)\b", re.IGNORECASE
)
# "Y's sale to X", "the Y sale to X": X bought Y
SALE_TO = re.compile(AT_WORD_START + r"(?:sale|sell-off)\s+to\s+", re.IGNORECASE)
# "Y sold itself to X", "Z sold its China operations to X": the seller is the company bought
SOLD_ITSELF = re.compile(
    r"\s+(?:itself|(?:its|their)\s+(?:[\w-]+\s+){0,6}?(?:unit|units|business|businesses|division|divisions|arm"
    r"|operations|subsidiary|subsidiaries|segment|group))\s+to\s+",
    re.IGNORECASE,
)
# the means of growing: "X moved into bakeries with the acquisition of Y", "through the purchase of Y"
MEANS_BEFORE = re.compile(
    r"\b(?:with|through|via|thanks\s+to)\s+(?:the|a|its|their)?\s*(?:[\w$€£.,-]++\s+){0,3}?$", re.IGNORECASE
)
# a buyer that only would, might or is said to be about to buy (beside cues.NOT_YET): "X would
# buy Y under the plan", "X denied that it would buy Y", "X is the frontrunner to buy Y"
NOT_YET_MORE = re.compile(
    AT_WORD_START + r"(?:den(?:y|ies|ied|ying)|frontrunner|front-runner|favou?rite|suitors?|bidders?|contenders?"
    r"|candidates?|race|lobby\w*|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|for)|proposed\s+to|plotting"
    r"|preparing|ready\s+to|willing|keen|open\s+to|eager|push(?:es|ed|ing)?\s+(?:for|to)"
    r"|look(?:s|ed|ing)?\s+(?:at|into)|near(?:s|ing)?|close\s+to|(?:is|are|was|were)\s+said\s+to)\b",
    re.IGNORECASE,
)
# right before the verb: "X nearly bought Y", "X declined to buy Y", "X decided against buying Y",
# "Y refused to sell itself to X", "X is looking to buy Y", "X gave up on buying Y" (not "X, with
# nearly 2,000 staff, bought Y"); what X can do is
# not what it did: "X can afford to buy Y", "X is big enough to buy Y", "X has the cash to buy Y"
NOT_QUITE = re.compile(
    AT_WORD_START + r"(?:(?:nearly|almost|narrowly)(?:\s+(?:had|have|has))?"
    r"|(?:declin|refus)(?:e|es|ed|ing)\s+to|(?:decid|vot|advis)(?:e|es|ed|ing)\s+against"
    r"|rul(?:e|es|ed|ing)\s+out|(?:unable|reluctant|unwilling)\s+to"
    r"|pass(?:es|ed|ing)?\s+on|look(?:s|ed|ing)?\s+to|g(?:ive|ives|ave|iving|iven)\s+up\s+on|ba(?:u)?lk(?:s|ed|ing)?\s+at|opt(?:s|ed|ing)?\s+against|sh(?:y|ies|ied|ying)\s+away\s+from"
    r"|can(?:not)?(?:\s+(?:easily|still|only|now))?(?:\s+afford\s+to)?|can['\u2019]t(?:\s+afford\s+to)?"
    r"|(?<!was\s)(?<!were\s)(?<!been\s)able\s+to|(?:afford|affords|afforded|enough)\s+to"
    r"|(?:has|have|had|having|lacks?|lacked)\s+(?:the\s+)?(?:[\w-]++\s+){0,3}?(?:size|scale|cash|money|means"
    r"|firepower|capacity|resources|muscle|pockets|capital|funds|wherewithal|clout)\s+to)\s+\Z",
    re.IGNORECASE,
)
# before a buyer, a wish or a forecast of others: "the regulator wants X to buy Y", "analysts expect X to buy Y"
WANTED_BEFORE = re.compile(
    r"(?<![\w-])(?:wants?|wanted|wanting|expects?|expected|expecting|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|press(?:es|ed|ing)"
    r"|pressur(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|invit(?:e|es|ed|ing)|lobb(?:y|ies|ied|ying)|prefer(?:s|red)?"
    r"|need(?:s|ed)?|would\s+like|tip(?:s|ped)|back(?:s|ed)?(?!\s+by\b)|favou?r(?:s|ed)?)\s+(?:\S+\s+){0,3}\Z",
    re.IGNORECASE,
)
# more words of a deal undone (beside cues.NOT_DONE and cues.UNDONE): those that undo only a deal
# they name ("regulators killed the deal", "the takeover was torpedoed"; not "shares dropped"), and
# those that tell of nothing else ("the deal fell apart", "did not go ahead", "backed out of")
_DEAL_NOUNS = (
    r"(?:deal|bid|offer|merger|takeover|acquisition|purchase|buyout|plan|plans|agreement|transaction|sale|tie-up)"
)
_UNDOING_VERBS = (
    r"(?:cancel\w*|scupper\w*|kill(?:s|ed|ing)?|ditch\w*|drop(?:s|ped|ping)?|torpedo\w*|nix\w*|quash\w*|shelv\w*"
    r"|halt\w*|sank|sunk|sink(?:s|ing)?|struck\s+down|strik(?:e|es|ing)\s+down|vot(?:e|es|ed|ing)\s+down"
    r"|turn(?:s|ed|ing)?\s+down|spurn\w*|aborted|gave\s+up|gives?\s+up)"
)
MORE_UNDONE = re.compile(
    AT_WORD_START
    + _UNDOING_VERBS
    + r"\s+(?:(?:the|its|their|an?|this|that)\s+)?(?:[\w$€£.,-]++\s+){0,3}?"
    + _DEAL_NOUNS
    + r"\b"
    + r"|"
    + AT_WORD_START
    + _DEAL_NOUNS
    + r"\s+(?:[\w.-]++\s+){0,5}?(?:was|were|is|has\s+been|had\s+been|got)\s+"
    r"(?:(?:later|eventually|finally|then|effectively|formally|quietly)\s+)?"
    + _UNDOING_VERBS
    + r"\b"
    + r"|"
    + AT_WORD_START
    + r"(?:f[ae]ll(?:s|ing)?\s+apart|(?:did\s+not|didn['\u2019]t|never|would\s+not)\s+go\s+(?:ahead|through)"
    r"|never\s+(?:completed|closed|went\s+through|materiali[sz]ed)|back(?:s|ed|ing)?\s+(?:out\s+of|away\s+from)"
    r"|unravel\w*|lapsed|vot(?:e|es|ed|ing)\s+against"
    # "called the deal off", "voted the deal down", "agreed to end the agreement"
    r"|(?:call(?:s|ed|ing)?|vot(?:e|es|ed|ing))\s+(?:the|its|their)\s+(?:[\w$€£.,-]++\s+){0,3}?"
    + _DEAL_NOUNS
    + r"\s+(?:off|down)|end\s+(?:the|its|their)\s+(?:[\w$€£.,-]++\s+){0,3}?"
    + _DEAL_NOUNS
    + r")\b",
    re.IGNORECASE,
)
# more words for a deal an undoing sentence is about (beside cues.DEAL_WORD): "Y rejected the
# approach", "the companies ended talks", "X abandoned its pursuit of Y"
MORE_DEAL_WORD = re.compile(r"\b(?:approach(?:es)?|talks|pursuit|arrangement)\b", re.IGNORECASE)
# a clause that opens with "Had": "Had X bought Y, it would have ...": what did not happen
COUNTERFACTUAL = re.compile(r"(?:^|[,;:]\s)[\"'\u201c\u2018]?Had\s")

# "would" makes a purchase only a condition unless someone said, agreed or announced it would
WOULD = re.compile(AT_WORD_START + r"would\b", re.IGNORECASE)
REPORTED = re.compile(
    AT_WORD_START + r"(?:said|says|say|announc\w*|agree\w*|confirm\w*|reveal\w*|told|tells|stated|disclos\w*"
    r"|unveil\w*|declar\w*|decided|expect\w*)\b",
    re.IGNORECASE,
)
# a fear or a belief that a buyer would buy: "Sony said it was worried X would buy Y", "analysts
# believe X would buy Y" (not "X said it would buy Y")
FEARED = re.compile(
    AT_WORD_START + r"(?:worr(?:y|ies|ied|ying)|fear(?:s|ed|ing)?|concern(?:s|ed)?|warn(?:s|ed|ing)?|predict\w*"
    r"|believ\w*|think(?:s|ing)?|thought|suspect\w*|suggest\w*|speculat\w*|argu\w*)\b",
    re.IGNORECASE,
)
# a clause that opens with a condition: "If X buys Y, prices will rise"
CONDITION = re.compile(r"(?:^|[,;:\u2014(]\s*|\s-\s)(?:[Ii]f|[Uu]nless|[Ww]hether|[Ss]hould)\s")
# "Y was sold to X", "Y was sold in 2014 to X", "sold for $55 million to X"
SOLD_LATER_TO = re.compile(r"sold\s+(?:(?:for|in|on|last|earlier|this)\s+(?:[^,;.]|\.(?=\d)){1,40}?\s+)?to\s+")
# "Y was acquired on July 1, 1997, by X"
ACQUIRED_ON_BY = re.compile(
    AT_WORD_START + r"(?:acquired|bought|purchased|taken\s+over)\s+(?:on|in)\s+[^,;]{1,20}?(?:,\s*\d{4})?,\s+by\s+",
    re.IGNORECASE,
)
# "X won the bidding and acquired Y": a bid won is no bid any more
BID_WON = re.compile(r"\b(?:won|wins|winning|win)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
# "X would acquire Y in 2003": a purchase history tells of, no condition
LATER_YEAR = re.compile(r"\b(?:in|by)\s+(?:\w+\s+)?(?:1[89]|20)\d\d\b|\b(?:later|subsequently)\b")
# more words for a named unit of a company ("the LPG distribution branch of Repsol"), beside cues.UNIT
UNIT_MORE = frozenset("branch branches segment segments subsidiaries".split())
# "X has been acquiring studios such as Y and Z" (beside cues.SEVERAL, which wants a number)
KINDS_SUCH_AS = re.compile(
    # "acquired an eclectic mix of companies such as X and Y", "a string of rivals, including X"
    r"\s+(?:an?\s+(?:[\w-]++\s+)?(?:mix|range|host|series|string|slew|raft|collection|variety|handful)\s+of\s+)?"
    r"(?:[\w-]++\s+){0,2}?(?:companies|firms|businesses|startups|start-ups|rivals|competitors|studios|brands"
    r"|makers|developers|providers|chains|banks|insurers|lenders)\s*,?\s+(?:including|such\s+as|like)\s+",
    re.IGNORECASE,
)
# "X acquired two startups in recent months: Spain's Y and Z" (beside cues.SEVERAL, which wants "including")
SEVERAL_LISTED = re.compile(
    r"\s+(?:a\s+number\s+of|several|many|two|three|four|five|six|some|a\s+string\s+of|a\s+handful\s+of"
    r"|numerous|a\s+pair\s+of)\s+(?:[\w-]++\s+){0,2}?(?:companies|firms|businesses|startups|start-ups|rivals"
    r"|competitors|studios|brands|makers|developers|providers|chains|banks|insurers|lenders)"
    r"(?:\s+(?:in|over|during|since|last|this|earlier)\s+[^,.;:]{1,40}?)?\s*(?::|\s[\u2013\u2014-])\s*",
    re.IGNORECASE,
)
# "Microsoft, the buyer of Activision", "the new owner of Just Eat"
BUYER_OF = re.compile(
    AT_WORD_START + r"(?:(?:buyer|acquirer|purchaser|new\s+owners?|new\s+parent)\s+of|winning\s+bidder\s+for)\s+",
    re.IGNORECASE,
)
# "his recently acquired shares", "the newly acquired studio": a participle describing, no purchase stated
ADJECTIVAL_BEFORE = re.compile(r"\b(?:his|her|my|your|the|a|an)\s+(?:(?:recently|newly|just)\s+)?$", re.IGNORECASE)
# parties and chambers, which "take over" one another but are no companies
POLITICAL = frozenset(
    """
    house senate congress parliament gop democrats democratic republicans republican labour tories
    conservatives conservative liberals assembly council
    """.split()
)
# "X is paying $1.46bn for Y", "X will pay $69bn for Y" (beside cues.PAID_FOR)
PAYS_FOR = re.compile(
    AT_WORD_START + r"(?:paying|pays|pay|paid|plunk(?:s|ed|ing)?\s+down|(?:fork|shell)(?:s|ed|ing)?\s+out)"
    r"\s+(?:(?:about|roughly|nearly|some|more\s+than|over|almost|around"
    r"|an\s+estimated|up\s+to)\s+)?(?:(?:US|A|C|NZ)?[$€£¥]\s?[\d.,]++\s*(?:billion|million|bn|m|b)?\s+)?"
    r"(?:(?:a|per)\s+share\s+)?(?:in\s+(?:cash|stock|shares)\s+)?for\b",
    re.IGNORECASE,
)
# the deal an undoing sentence is about, and the company after it: "terminated its merger
# agreement with Entegris", "abandoned its plan to buy Activision", "its bid for Y was rejected"
DEAL_WITH = re.compile(
    AT_WORD_START + r"(?:deal|merger|agreement|talks|bid|offer|takeover|combination|transaction|plan|plans)"
    r"\s+(?:agreement\s+)?(?:with|for|to\s+(?:buy|acquire|purchase|take\s+over|merge\s+with))\s+(?:the\s+)?",
    re.IGNORECASE,
)
# the company bought named before the noun: "X completes Y acquisition", "X's Y takeover"
ATTRIBUTIVE = re.compile(
    AT_WORD_START + r"(?:acquisition|takeover|purchase|buyout|buy-out)s?\b(?!\s+(?:of|by)\b)", re.IGNORECASE
)
# what the buyer of a whole company buys: "all outstanding shares of Y", "100% of Y", "the
# remaining 51% of Y" (a stake short of the whole is no purchase)
WHOLE_OF = re.compile(
    r"\s+(?:(?:an?|the)\s+(?:entire|whole|100\s?%|100\s+per\s?cent)|all|100\s?%|100\s+per\s?cent"
    r"|the\s+(?:remaining|rest)(?:\s+[\d.]{1,5}\s?%)?)"
    r"(?:\s+of\s+the|\s+the)?(?:\s+(?:outstanding|issued|remaining|ordinary|common|and)){0,4}"
    r"(?:\s+(?:shares|stock|equity|share\s+capital|stake|interest|holding))?\s+(?:of|in)\s+",
    re.IGNORECASE,
)
# what tells a sentence's purchase as a rumour, wherever it stands: "X is buying Y, according to
# people familiar with the matter"
RUMOUR = re.compile(
    r"\b(?:people|persons|sources)\s+(?:familiar|close|briefed|with\s+knowledge)\b|\bfamiliar\s+with\s+the\s+(?:matter|talks|plans)"
    r"|\baccording\s+to\s+(?:people|sources|reports|a\s+report|media\s+reports)\b|\bunnamed\s+sources\b",
    re.IGNORECASE,
)
# what tells the purchase after it as speculated: "media had been speculating that X would buy Y"
# (not one told before it: "X's move to buy Y spurred speculation of more deals")
SPECULATED = re.compile(r"\b(?:speculat\w*|rumou?r(?:s|ed)?)\s+(?:that|of)\b", re.IGNORECASE)
# "Microsoft's latest acquisition, Activision", "Microsoft's acquisitions include Activision"
NAMED_AFTER_NOUN = re.compile(
    r"\s*,\s*|\s+[\u2013\u2014-]\s+"
    r"|(?:\s+(?:within|in|over|during|since)\s+[^,;]{1,40}?)?\s+includ(?:e|es|ed|ing)\s+(?:the\s+)?",
    re.IGNORECASE,
)
# "Activision is Microsoft's latest acquisition", "Activision, Microsoft's latest acquisition,"
NAMED_BEFORE_OWNER = re.compile(r"\s*,\s*|\s+(?:is|was|became|has\s+become|remains)\s+")
# a target's board taking a buyer's offer: "Y accepted a $69bn takeover offer from X", "Y's
# board recommended X's offer", "Y shareholders voted in favour of a takeover offer from X" (an
# offer agreed is a purchase agreed)
ACCEPTED_OFFER = re.compile(
    AT_WORD_START + r"(?:accept(?:s|ed|ing)?|recommend(?:s|ed|ing)?|agreed(?:\s+to)?|approv(?:e|es|ed|ing)|backed"
    r"|endors(?:e|es|ed|ing)|vot(?:e|es|ed|ing)\s+(?:on\s+\w+\s+)?(?:in\s+favou?r\s+of|for))\s+"
    r"(?:[\"'\u201c\u2018]?in\s+principle[\"'\u201d\u2019]?\s+)?"  # "accepted 'in principle' a takeover offer"
    r"(?:(?:an?|the)\s+(?:[\w$€£.,-]++\s+){0,4}?(?:\([^()]{0,30}\)\s+)?(?:[\w-]++\s+)?(?:offer|bid|proposal)\s+(?:from|by)\s+"
    r"|(?=\S+(?:\s[A-Z][\w&-]*+){0,2}['\u2019]s?\s+(?:[\w$€£.,-]++\s+){0,4}?(?:offer|bid|proposal)\b))",
    re.IGNORECASE,
)
OFFER_AFTER = re.compile(r"(?:\s[A-Z][\w&-]*+){0,2}['\u2019]s?\s+(?:[\w$€£.,-]++\s+){0,4}?(?:offer|bid|proposal)\b")
# words for a person that a company's name may stand before ("Tesla chief executive Elon Musk",
# "Amazon founder Jeff Bezos"), or that recognition may leave glued to a name ("Billionaire Elon
# Musk"): whoever they name is a person, and a person is no buyer
PERSON_TITLES = TITLE_WORDS | frozenset("tycoon magnate mogul financier heir heiress tech-billionaire".split())
# between a company and a verb: a person it describes ("Tesla chief executive Elon Musk bought",
# "Tesla's Elon Musk has bought"), who is the subject
PERSON_BETWEEN = re.compile(
    r"(?:['\u2019]s?\s+|\s+(?:[\w-]++\s+){0,3}?(?i:"
    + "|".join(sorted((re.escape(w) for w in PERSON_TITLES), key=len, reverse=True))
    + r")\s+)(?P<name>[A-Z][\w.'\u2019-]*+(?:\s+[A-Z][\w.'\u2019-]*+){0,2}?)"
    r",?(?:\s+(?:has|had|have|also|later|then|eventually|recently|first|personally|himself|herself)){0,3}\s+\Z"
)
# a buyer that only may buy: "should", "won't", "has an option to", "the right to"
MODAL_OR_OPTION = re.compile(
    AT_WORD_START + r"(?:should|shall|must|(?:won|wouldn|can|couldn|didn|doesn|don|isn|aren|wasn|weren|hasn|haven"
    r"|hadn|shouldn|mustn)['\u2019]t|options?|rights?\s+(?:to|of)|first\s+refusal|call\s+option)\b",
    re.IGNORECASE,
)
# "Kessler Group took Morlan Tooling private": a buyout of the whole company
TAKES_PRIVATE = re.compile(AT_WORD_START + r"(?:take|takes|taking|took|taken)\s+", re.IGNORECASE)
PRIVATE_AFTER = re.compile(r"\s+private\b")
# "Y was acquired out of administration by X": a company bought from its administrators
ACQUIRED_OUT_OF_BY = re.compile(
    AT_WORD_START + r"(?:acquired|bought|purchased|taken\s+over|rescued)\s+out\s+of\s+(?:administration|receivership"
    r"|bankruptcy|liquidation|insolvency|chapter\s+11)(?:\s+(?:in|on|last|earlier|this)\s+[\w,]+(?:\s+\d{4})?)?\s+by\s+",
    re.IGNORECASE,
)
# "buy now, pay later": a kind of credit, no purchase
BUY_NOW = re.compile(r"buy\s+now,?\s+pay\s+later", re.IGNORECASE)
# "X spent $2bn on Y" (beside PAYS_FOR)
SPENT_ON = re.compile(
    AT_WORD_START + r"(?:spend|spends|spent|spending)\s+(?:(?:about|roughly|nearly|some|more\s+than|over|almost|around"
    r"|an\s+estimated|up\s+to)\s+)?(?:US|A|C|NZ)?[$\u20ac\u00a3\u00a5]\s?[\d.,]++\s*(?:billion|million|bn|m|b)?\s+on\b",
    re.IGNORECASE,
)
# "Y was taken private by X" (beside cues.ACQUIRED_BY)
TAKEN_PRIVATE_BY = re.compile(AT_WORD_START + r"(?:taken|took)\s+private\s+by\s+", re.IGNORECASE)
# "Y will merge with a wholly owned subsidiary of X": X buys Y (beside MERGED_INTO)
MERGES_WITH_UNIT_OF = re.compile(
    AT_WORD_START + r"(?:merged|merges|merging|merge)\s+with\s+(?:and\s+into\s+)?an?\s+"
    r"(?:(?:wholly|newly|indirect|direct|wholly-owned|owned|formed|created|special-purpose|acquisition)[\s-]+){0,3}"
    r"(?:subsidiary|unit|affiliate)\s+of\s+",
    re.IGNORECASE,
)

# a nationality before a name: "the Colombian BLU Logistics" ("American" is read apart)
NATIONALITY = re.compile(r"[A-Z][^\W\d_A-Z]+(?:an|ian|ese|ish|i|ic|ch|ean|ois)")
# a name recognition cut at a possessive: "Snyder's-Lance"
JOINED_BY_POSSESSIVE = re.compile(r"['\u2019]s-[A-Z][\w&]*+")
