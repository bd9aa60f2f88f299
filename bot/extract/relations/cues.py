"""The words of rivalry, cooperation and purchase: what relation cues are made of.

Data for :mod:`bot.extract.relations`: each pattern is a closed set of the ways news writing
names a relation, kept apart from the logic that finds the companies on its sides.
"""

from __future__ import annotations

import re

# every cue starts a word: trying one only where a word starts spares the regex engine every
# position inside a word (the cue regexes run on every sentence)
AT_WORD_START = r"(?<!\w)(?=\w)"

# a newcomer to a market competes with the company the article is about, its incumbent
ENTRY = (
    r"\b(?:enter(?:s|ed|ing)?|entry into|mov(?:e|es|ed|ing) into|break(?:s|ing)? into|push(?:es|ed|ing)? into)\s+"
    r"(?:the\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,3}?(?:market|business|sector|fray|race)\b"
    # "entered into a business and capital alliance with Toyota": a pact, no entry into a market
    r"(?!\s+(?:and\s+[\w-]+\s+)?(?:alliances?|partnerships?|agreements?|deals?|relationships?|ventures?|tie-ups?"
    r"|pacts?|contracts?|collaborations?|cooperation)\b)"
    r"|\bjoin(?:s|ed|ing)? the (?:fray|race|battle)\b"
)
# an edge given to a company after "competitive", which no rivalry cue reads ("giving a competitive
# edge to firms like X"); :data:`EDGE_GIVEN` finds the whole phrase
_EDGE_GIVEN_AFTER = r"\s+(?:edge|advantage|boost)\s+(?:to|for)\b"
COMPETES = re.compile(
    AT_WORD_START
    + "(?:"
    + (
        r"\b(?:rival(?:s|ry|ries|led|ling)?|compet(?:e|es|ed|ing|ition|itor|itors|itive(?!"
        + _EDGE_GIVEN_AFTER
        + r"))|battl(?:e|es|ing)|war(?:s)?"
        r"|tak(?:e|es|ing) on|took on|challeng(?:e|es|er|ers|ing)|versus|vs\.?|fight(?:s|ing)? for|fought"
        r"|answer to|alternative(?:s)? to|market share|trail(?:s|ed|ing)? (?:behind |(?=(?-i:[A-Z])))|lead over"
        r"|head[ -]to[ -]head|neck[ -](?:and|to)[ -]neck|fight(?:s|ing)? (?:[\w-]+ ){0,2}?(?:with|against)"
        r"|threats?(?= ?[\u2013\u2014:-] ?(?-i:[A-Z]))"
        r"|go(?:es)? up against|going up against|up against|catch up with|overtak(?:e|es|en|ing)|overtook"
        r"|outs(?:ell|ells|elling|old)|outstrip(?:s|ped|ping)?|outpac(?:e|es|ed|ing)|surpass(?:es|ed|ing)?"
        r"|(?:in|into|win(?:s|ning)?|won|lead(?:s|ing)?|led|los(?:e|es|ing)|lost) (?:a|the) race|contest(?=\s+between)"
        r"|pit(?:s|ted|ting)? (?=(?:[\w&.'-]+ ){1,4}against\b)"
        r"|(?:los(?:e|es|ing)|lost|gain(?:s|ed|ing)?) ground (?:to|on)"
        # winning buyers from a rival: "fighting to win back customers from AMD", "poached users from X"
        r"|(?:win(?:s|ning)?|won|lur(?:e|es|ed|ing)|poach(?:es|ed|ing)?) (?:back )?(?:[\w-]+ ){0,2}?(?:customers"
        r"|subscribers|users|clients|viewers|shoppers|passengers|business) from(?= (?:the )?(?-i:[A-Z]))"
        # losing buyers to a rival: "lost subscribers to Apple", "lost out to Apple and Samsung"
        r"|(?:los(?:e|es|ing)|lost) (?:out to|(?:[\w-]+ ){0,2}?(?:customers|subscribers|users|clients|viewers"
        r"|listeners|shoppers|passengers|sales|business|share|orders|contracts) to)(?= (?:the )?(?-i:[A-Z]))"
        # pressure from rivals: "the big three grocers face continuing pressure from Walmart"; level with
        # a rival: "a strong number two, more on par with Verizon and AT&T"
        r"|fac(?:e|es|ed|ing) (?:[\w-]+ ){0,2}?pressure from|on (?:a )?par with"
        # taking market share from a rival: "Aldi has taken a share of the retail market from Woolworths"
        r"|(?:tak(?:e|es|en|ing)|took|steal(?:s|ing)?|stole|grab(?:s|bed|bing)?|wrest(?:s|ed|ing)?|win(?:s|ning)?|won"
        r"|gain(?:s|ed|ing)?) (?:a |more |market |further )?share (?:of (?:the )?(?:[\w-]+ ){0,3}?(?:market|sector"
        r"|industry) )?from"
        r"|eat into|steal(?:ing)? (?:customers|market)|threat(?:s)? (?:to|from)|crown from|dethron(?:e|ed|ing)"
        # winning over a rival: "beat out X for the bid", "edged out X", "won the contract ahead of X"
        r"|beat(?:s|en|ing)?(?: out)?(?= (?-i:[A-Z]))|edg(?:e|es|ed|ing) out|outbid(?:s|ding)?|pipped"
        r"|ahead of(?= (?-i:[A-Z]))|(?:won|wins?|winning) (?:[\w-]+ ){0,3}?(?:over|against)"
        # a place in a ranking behind a rival: "Amazon was second place in rankings behind MercadoLibre"
        r"|(?:second|third|fourth|fifth|number (?:two|three|four))[\w-]*+(?: [\w-]+){0,4}? behind"
        r"(?= (?:the )?(?-i:[A-Z]))"
        # the firms that hold a market: "has left the market for security software to firms such as
        # X and Y", "entering a market dominated by X"
        r"|(?:left|leaves|leaving) (?:the|this|that) (?:[\w-]+ ){0,6}?market (?:[\w-]+ ){0,6}?to"
        r"|market(?: [\w-]+){0,6}? (?:dominated|led|ruled|owned|controlled) by"
        # two that hold a market between them: "the duopoly held by Globe and PLDT", "Visa and Mastercard's duopoly"
        r"|duopol(?:y|ies|istic)"
        # contests: "Samsung and LG are vying for the top spot", "vying with Intel for"
        r"|vy(?:e|es|ing)|vied)\b"
        # a figure behind a rival's: "16.2 million connections by the end of June, behind Safaricom's 32.3 million"
        r"|behind(?= (?:the )?(?-i:[A-Z])[\w&.-]*+(?: (?-i:[A-Z])[\w&.-]*+){0,2}['\u2019]s "
        r"(?:[$\u20ac\u00a3]|\d[\d.,]*+ ?(?:%|per ?cent|percent|million|billion|bn|m\b)))"
        # a comparison opening the sentence: "Compared to Airtel and Vodafone Idea, Jio offers better data"
        r"|(?-i:Compared)\s+(?:to|with)(?=\s+(?:the\s+)?(?-i:[A-Z]))"
        # the holders of a market: "Visa and Mastercard dominate the card market"
        r"|dominat(?:e|es|ed|ing)(?= (?:the |a |an )?(?:[\w-]+ ){0,4}?(?:market|industry|sector)s?\b)"
        # a market's leaders told after their names: "Uber and Lyft are the two biggest ride-hailing firms"
        r"|(?:(?<=\bare )|(?<=\bwere )|(?<=\bremain ))the (?:world['\u2019]s |country['\u2019]s |nation['\u2019]s )?"
        r"(?:two|three|four|five) (?:biggest|largest|leading|top|major|dominant|main)"
        # a place in a ranking: "Samsung is second only to Apple"
        r"|second only to(?= (?:the )?(?-i:[A-Z]))"
        r"|(?:giv(?:e|es|en|ing)|gave)"
        r"(?= (?:[\w&.'\u2019-]+ ){1,6}?a (?:real )?run for (?:their|its|his|her|the) money)"
        rf"|{ENTRY}"
    )
    + ")",
    re.IGNORECASE,
)
# lower-case pieces one of which every match of COMPETES (and of PARTNERS below) holds: plain
# string search for them spares most sentences the slower scan (tests/extract/test_cues.py holds
# the promise on the BBC corpus)
COMPETES_STEMS = (
    "rival", "compet", "battl", "war", "take on", "neck", "threat", "takes on", "taking on", "took on", "challeng",
    "versus", "vs", "fight", "fought", "answer to", "alternative", "market", "trail", "lead over", "head-to-head",
    "head to head", "against",
    "catch up", "overt", "outs", "outstrip", "outpac", "surpass", "race", "contest", "pit", "ground", "eat into",
    "steal", "threat", "crown", "dethron", "enter", "entry", "into", "join", "beat", "edg", "outbid", "pipped",
    "ahead of", "won ", "win", "behind", "share from", "market from", "pressure from", "par with", "out to",
    "customers to",
    "subscribers to", "users to", "clients to", "viewers to", "listeners to", "shoppers to", "passengers to",
    "sales to", "business to", "share to", "customers from", "subscribers from", "users from", "clients from",
    "viewers from", "shoppers from", "passengers from", "business from", "duopol", "vy", "vie", "compared", "giv",
    "gave", "dominat", "the two", "the three", "the four", "the five", "'s two", "'s three", "\u2019s two",
    "\u2019s three", "second only", "orders to", "contracts to",
)  # fmt: skip
PARTNERS_STEMS = (
    "partner", "allian", "allied", "joint", "produc", "develop", "collaborat", "team", "operat", "suppl", "licen",
    "sold", "sell", "gave", "give", "grant", "memorandum", "agree", "deal", "sign", "work", "forces", "conjunction",
    "tie", "between", "enter", "relationship", "survey", "study", "report", "research", "poll", "host", "organi",
    "sponsor", "fund", "publish", "present", "built", "designed", "created", "made", "inked", "inks ", "inking",
    "seal", "pact with", "mou with", "hands", "codeshar", "code-shar", "contract", "consorti",
)  # fmt: skip


def _stems(stems: tuple[str, ...]) -> re.Pattern:
    """One pattern for plain pieces of text: one search instead of a search per piece."""
    tree: dict = {}
    for stem in stems:
        node = tree
        for ch in stem:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        if "" in node:
            return ""  # a shorter stem is found already
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return re.compile(pattern(tree))


PARTNERS = re.compile(
    AT_WORD_START
    + "(?:"
    + (
        r"\b(?:partner(?:s|ed|ing|ship|ships)?|alliance|allied|joint(?:ly)? (?:venture|development|project|bid|effort)"
        r"|co-?production|co-?develop(?:ed|ing|ment)?|collaborat(?:e|es|ed|ing|ion)|team(?:s|ed|ing)? (?:up|with)"
        r"|co-?produc(?:e|es|ed|ing)(?= with)"
        r"|co-?operat(?:e|es|ed|ing|ion)"
        r"|suppl(?:y|ies|ied|ying|ier|iers) (?!chains?\b)(?=(?:[\w&.'-]+ ){0,4}?(?:to|for|with)\b)"
        r"|licen[cs](?:e|es|ed|ing) (?=(?:[\w&.'-]+ ){0,4}?to\b)|licen[cs]ed (?:by|to|from)|licen[cs]ees?"
        r"|under licen[cs]e|(?:sold|sells|selling|gave|gives|granted|grants)(?= (?:[\w&.'-]+ ){1,3}?(?:the )?"
        r"(?:exclusive )?(?:rights|licen[cs]e)\b)"
        r"|(?:developed|built|designed|created|made) (?:together )?with"
        r"|co-?(?:host|organi[sz]|sponsor|fund|publish|present)(?:s|ed|ing)?(?= by)"
        r"|memorandum of understanding|agree(?:d|ment|ments)? (?:with|to work|to develop|to supply|to license"
        # "Toyota and Suzuki agreed to jointly develop the car"
        r"|to (?:jointly|together) (?:develop|build|produce|make|run|operate|invest|launch|work))"
        r"|deals? (?:in place )?(?:with|to)|licen[cs](?:e|ing) (?:deal|agreement)|supply (?:deal|agreement)"
        r"|(?:sign|ink|seal)(?:ed|s|ing)? (?:a |an |the )?(?:[\w-]+ ){0,3}?(?:deal|agreement|contract|pact)s?"
        r"|(?:pact|mou) with"
        # a contract held with a company, and a maker under contract: "Ericsson had got big contracts with
        # AT&T", "Wistron, a contract manufacturer for Apple"
        # "E-Mart formed a consortium with Naver" (not "a consortium of A, B and C": the labels pair its
        # members in some articles and not others; rel13 measured it on m65-m79, 0 right for 3 given)
        r"|consorti(?:um|a) with"
        r"|contracts? (?:in place )?with|contract (?:manufacturer|assembler|supplier|producer)s? (?:for|to)"
        r"|work(?:s|ed|ing)? (?:closely )?(?:together|with|alongside)|join(?:s|ed)? forces|in conjunction with"
        # "Naver has joined hands with Shinsegae", "a codeshare agreement", "A and B will jointly run"
        r"|join(?:s|ed|ing)? hands|code-?shar(?:e|es|ed|ing)"
        r"|tie-?ups?"
        r"|(?:agreements?|deals?|pacts?|contracts?)(?= between\b)|suppl(?:y|ies|ied|ying) (?=(?-i:[A-Z]))"
        r"|enter(?:s|ed|ing)? into (?:a |an )?(?:[\w-]+ ){0,3}?(?:agreements?|partnerships?|alliances?|deals?"
        r"|joint ventures?|contracts?)"
        r"|(?:long-standing|longstanding|long-term|close|strategic|business|working|commercial) relationships? with"
        r"|developed by \S+(?: \S+)? and (?:launched|sold|marketed|distributed) by"
        r"|(?:survey|study|report|research|poll)(?: \w+){0,2} by|jointly|joint (?:statement|announcement))\b"
    )
    + ")",
    re.IGNORECASE,
)
NOT_PARTNERS = re.compile(
    AT_WORD_START
    + "(?:"
    + (
        r"\b(?:acquir(?:e|es|ed|ing)|acquisition|buy(?:s|ing)?(?![ -]now)|bought|takeover|take over|took over"
        # goods bought on an agreement: "signed a purchase agreement with Embraer for 18 jets" (a
        # customer; not the supply deal of "a power purchase agreement")
        r"|(?<!power )purchas(?:e|es|ed|ing)"
        r"|merg(?:e|er|ed)"
        r"|su(?:e|es|ed|ing)|lawsuit|court|legal action|break(?:s|ing)? up|ended"
        r"|end(?:s|ing)? (?:its|the|their) (?:[\w()-]+ ){0,4}?(?:deal|partnership|contract)s?"
        r"|final time|no longer|split(?:s|ting)? up"
        r"|part(?:s|ed|ing) company|settl(?:e|es|ed|ing|ement)|dispute"
        # a deal undone before it began: "abandoning a $80 billion deal with Nvidia" (a partnership or an
        # alliance that ended was one: the labels count former partners, "Suzuki's breakup with Volkswagen")
        r"|(?:abandon(?:s|ed|ing)?|scrap(?:s|ped|ping)?|terminat(?:e|es|ed|ing)|call(?:s|ed|ing)? off"
        r"|cancel(?:s|led|ed|ling|ing)?) (?:[\w$.,-]+ ){0,4}?(?:deal|agreement|pact)s?)\b"
    )
    + ")",
    re.IGNORECASE,
)
# competition as the law's concern: "the competition authorities", "competition concerns"
COMPETITION_LAW = (
    r"competition\s+(?:concerns?|authorit\w+|regulators?|laws?|rules|watchdogs?|grounds|issues|policy|commissioner"
    r"|tribunal|bureau|act|probe|investigation|review|scrutiny|enforcers?|officials?)"
)
COMPETITION_LAW_AT = re.compile(AT_WORD_START + COMPETITION_LAW, re.IGNORECASE)
# where a rivalry cue names no rivalry of companies: a lawsuit ("a legal battle"), a job ("take on
# the role"), competition in general ("would reduce competition", "competition concerns",
# "competing apps")
NOT_RIVALRY = re.compile(
    AT_WORD_START
    + r"(?:(?:legal|court|courtroom|patent|antitrust|copyright|trademark|licensing|regulatory|custody|boardroom|proxy"
    r"|political|election)\s+(?:battles?|fights?|wars?|disputes?|challenges?)"
    r"|tak(?:e|es|ing|en)\s+on\s+(?:the\s+|a\s+|an\s+|more\s+|new\s+|its\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+)?"
    r"(?:role|roles|job|jobs|position|post|responsibility|responsibilities|task|tasks|debt|staff|workers|employees|risk"
    r"|title|duties|work|challenge|challenges|project|projects|board|chair)\b"
    r"|(?:reduc|lessen|harm|hurt|stifl|restrict|limit|increas|boost|promot|protect|preserv|foster|encourag|spur"
    r"|distort|weaken|eliminat|substantially\s+lessen)\w*\s+(?:the\s+)?competition" + rf"|{COMPETITION_LAW}"
    r"|(?:anti|pro)-?competitive|competition\s+(?:in|within)\s+the\s+(?:industry|market|sector)"
    # pressure from someone who is no rival: "faces pressure from activist investor Trian Partners"
    r"|fac(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,2}?pressure\s+from\s+(?:its\s+|the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:investors?|shareholders?|regulators?|unions?|lawmakers|governments?|officials|activists?|customers|consumers"
    r"|critics|owners?|lenders|banks|creditors|staff|employees|workers)\b"
    # a struggle, not a rival: "faced an uphill battle in trying to get Unilever to negotiate"
    r"|(?:uphill|losing|long|tough|hard|constant|ongoing)\s+(?:battle|fight|struggle|war)s?"
    r"|battl(?:e|es|ed|ing)\s+(?:in\s+trying\s+)?to\s+(?:get|keep|stay|survive|make|convince|persuade|win\s+over)"
    # a struggle of workers, not a market: "a battle to unionise" (but "fighting to stop Uber" may be a
    # market's incumbents against a newcomer, and "a war of words" rivals' quarrel)
    r"|(?:battl|fight|fought|struggl)\w*+\s+(?:for\s+the\s+right\s+)?to\s+(?:unioni[sz]e|organi[sz]e|form\s+a\s+union"
    r"|strike|keep\s+(?:their|its|his|her)\s+jobs?)\b"
    # a contest, not a market: "a trading competition", "competed in film festivals", "the competition Arrow"
    r"|(?:trading|design|pitch|film|song|talent|student|startup|start-up|photo|art|cooking|essay|coding|beauty"
    r"|business|innovation|sports?|quiz|dance|singing|architecture|architectural)\s+competitions?"
    r"|compet(?:e|es|ed|ing)\s+in\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:festivals?|tournaments?"
    r"|championships?|leagues?|awards?|contests?|cups?|games|olympics|events?|competitions?|races?|elections?)"
    r"|(?-i:the\s+competition\s+[A-Z])"
    r"|surpass(?:es|ed|ing)?\s+(?:its|the|their|a|an|all)\s+(?:[\w$.,£€-]+\s+){0,3}?(?:targets?|expectations?"
    r"|forecasts?|estimates?|records?|goals?|milestones?|thresholds?|marks?|levels?|peaks?)"
    r"|compet(?:ing|itive)\s+(?:[a-z][\w-]*+\s+)?(?:apps|products|services|offers|bids|devices|platforms|technologies|pressures?"
    r"|landscape|environment|prices?|rates?|salaries|wages|position|field|sports?|markets?|industry)"
    r"(?!\s+(?:from|by|such as|like|including|made by|offered by)\b))",
    re.IGNORECASE,
)
# a contest that is a bid for a company ("a bruising battle ... as X seeks to buy Y"): no rivalry
BID_CONTEST = re.compile(r"\b(?:bid|bids|takeover|buyout|acquisition|offer)\b", re.IGNORECASE)
# an edge given to a company, which the rivalry cue refuses (:data:`COMPETES` reads no "competitive"
# before it): the one cue whose refusal stands in the pattern itself
EDGE_GIVEN = re.compile(r"\bcompetitive" + _EDGE_GIVEN_AFTER, re.IGNORECASE)
CONTEST_WORD = re.compile(r"battl|fight|fought|war", re.IGNORECASE)
# a market and the companies in it: "key players include A, B, C and D", "the market is
# dominated by A, B and C": every company listed competes with every other
# ("rivals such as A and B" are the rivals of someone named before, not of each other)
MARKET_LIST = re.compile(
    r"\b(?:(?:key|major|main|leading|big|biggest|top|dominant|largest|other|established)\s+)?"
    r"(?:(?:players|contenders|vendors|incumbents)\b"
    r"(?:\s+in\s+(?:the\s+|this\s+)?(?:[\w-]+\s+){0,4}?(?:market|industry|sector|space|business|race))?"
    r"|(?:rivals|competitors)\s+in\s+(?:the\s+|this\s+)?(?:[\w-]+\s+){0,4}?(?:market|industry|sector|space|race))"
    r"\s+(?:include|included|including|such as|like|are|were)\b",
    re.IGNORECASE,
)
# "the market is dominated by A, B and C": a market held by three or more
# "the big three national food retailers: A, B and C", "Cambodia has six mobile operators: A, B, C"
BIG_FEW = re.compile(
    r"\b(?:the\s+[\"\u201c\u2018']?(?:big|biggest|largest|top|major|leading)\s+(?:two|three|four|five|2|3|4|5)"
    r"[\"\u201d\u2019']?"
    r"|has\s+(?:two|three|four|five|six|seven|eight|\d)\s+(?:[\w-]+\s+){0,3}?(?:operators|carriers|providers|retailers"
    r"|players|makers|manufacturers|banks|airlines|chains|supermarkets|networks|companies|firms)\s*:"
    # "the three major telecom operators, A, B and C", "two large telecom players \u2014 A and B"
    r"|(?:two|three|four|five)\s+(?:major|big|biggest|large|largest|leading|main|dominant|top|incumbent)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:operators|carriers|players|providers|retailers|grocers|supermarkets|chains|makers"
    r"|manufacturers|airlines|banks|telcos|platforms|vendors|automakers|carmakers|chipmakers)"
    # "the two major players in the U.S. beer market, A and B"
    r"(?:\s+in\s+(?:the\s+|this\s+)?(?:[\w.-]+\s+){0,4}?(?:market|industry|sector))?\s*[,:\u2014\u2013-])"
    # "the big four multi-category online retail platforms A, B, C and D"
    r"(?:\s+[\w-]+){0,4}?\s*(?=[\u2014\u2013:(,-]?\s*(?:are\s+|were\s+|include\s+|including\s+)?(?-i:[A-Z]))",
    re.IGNORECASE,
)
# market shares side by side: "Woolworths held 38.5 per cent of the market, while Coles held 31.8 per cent"
MARKET_FIGURE = re.compile(
    r"(?:%|\bper\s?cent\b|\bpercent\b)\s+(?:market\s+)?share\b"
    r"|(?:%|\bper\s?cent\b|\bpercent\b)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:market|sector|sales|industry|segment"
    r"|shipments|subscribers|customers)\b|\bmarket\s+share\b",
    re.IGNORECASE,
)
FIGURE = re.compile(r"(?<![\d.,])\d[\d.,]*+\s*(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
NOT_A_MARKET_FIGURE = re.compile(
    r"\b(?:stake|stakes|shares|stock|shareholders?|owns|owned|holding|voting)\b", re.IGNORECASE
)
# prices side by side: "Uber charges a 25 per cent commission, while apps like Taxify charge 15 per
# cent", "Ghacem set the bar at GHS30 a bag, while Dangote reduced its price to GHS26"
PRICE_CONTRAST = re.compile(r"\b(?:while|whereas|compared\s+(?:with|to))\b", re.IGNORECASE)
PRICE_WORD = re.compile(
    r"\b(?:price[sd]?|pricing|charg(?:e|es|ed|ing)|commissions?|fares?|tariffs?|(?:sold|sells?|selling)\s+at"
    r"|set\s+the\s+bar\s+at|per\s+(?:month|bag|litre|liter|gallon|ride|trip|kg|tonne))\b",
    re.IGNORECASE,
)
MONEY = re.compile(
    r"(?<![\w.])(?:(?:US|A|C|NZ|HK|S)?[$\u20ac\u00a3\u00a5\u20b9\u20a6]|(?:Rs\.?|GHS|GH\u20b5|GH|KSh|Ksh|RM|INR|USD|EUR"
    r"|GBP|CAD|AUD|NZD)[ ]?)\d"
    r"|(?<![\d.,])\d[\d.,]*+[ ]*(?:%|per[ ]?cent\b|percent\b|dollars\b|euros\b|pounds\b|rupees\b|cedis\b|naira\b"
    r"|shillings\b|cents\b|pence\b)"
)
# companies listed as the subjects of one move on prices: "Loblaws, Sobeys and Walmart all plan to lower prices"
PRICE_MOVE = re.compile(
    r"\b(?:cut|cuts|cutting|lower(?:s|ed|ing)?|slash(?:es|ed|ing)?|reduc(?:e|es|ed|ing)|match(?:es|ed|ing)?)"
    r"\s+(?:(?:their|its|some|many|the)\s+)?prices\b",
    re.IGNORECASE,
)
MARKET_HELD = re.compile(r"\bmarket\s+(?:(?:is|was|has been|remains)\s+)?(?:dominated|led|controlled|ruled)\s+by\b")
LIST_CUE = re.compile(r"\b(?:competitors|rivals|challengers)\s+(?:like|such as|including|from)\b", re.IGNORECASE)
# "the rivalry between", "competition has intensified among": the cue's parties follow
BETWEEN = re.compile(
    r"(?:(?:is|was|are|were|has been)\s+)?(?:(?:going on|(?:has|have|had)\s+(?:intensified|heated up|escalated))\s+)?"
    r"(?:between|among(?:st)?)\b",
    re.IGNORECASE,
)


# what introduces a company in a list: "wireless provider Broadreach and net telephony firm Skype",
# "Toyota and Chinese carmaker BYD"
KIND = (
    r"(?:firm|companies|company|provider|giant|operator|developer|publisher|carrier|specialist"
    r"|(?:car|auto|chip|drug|phone|handset|smartphone|game|toy|film|truck|aircraft|plane|steel|beer|software)?maker"
    r"|manufacturer|group|start-?up|retailer|vendor|outfit|network|broadcaster|service|telco|bank|lender|insurer"
    r"|airline|grocer|chain|conglomerate)s?"
)
DESCRIPTION_BEFORE = rf"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\w&-]+\s+){{0,4}}?{KIND}\s+"
# a place's possessive before a name in a list: "Pfizer and Japan's Eisai", "Tesla, South Korea's Hyundai"
PLACE_POSSESSIVE = r"(?:[A-Z][a-z]++(?:\s[A-Z][a-z]++)?['\u2019]s\s+)"
# where a company is based, before its name in a list: "Gokongwei and Singapore-based Tyme"
BASED = r"(?:[A-Z][\w.]*+(?:\s[A-Z][\w.]*+)?-based\s+)"
LIST_GAP = re.compile(
    rf"(?:['\u2019]s)?(?:\s*\([A-Z][\w&.]*\))?\s*(?:,|and|&|or|/|,\s*and)?\s*(?:{DESCRIPTION_BEFORE})?"
    rf"{PLACE_POSSESSIVE}?{BASED}?"
)


# "telecoms regulator Ofcom", "the industry watchdog, Ofcom": an authority is no party anywhere in the article
AUTHORITY_BEFORE = re.compile(
    r"\b(?:regulator|watchdog|government|ministry|(?:government|space|federal) agency|commission|court|authority"
    r"|university|trade body|trade association|industry body)[,\s]+(?:the\s+)?\Z"
)


JOINS_A_CONTEST = re.compile(r"\b(?:enter|join)(?:s|ed|ing)?\s+the\s+(?:fray|race|battle|contest)\b", re.IGNORECASE)


# "the two companies", "both firms", "the two tech giants", "the three firms": the companies
# named together last, when there were as many
THE_TWO = re.compile(
    r"\b(?:the (?P<n>two|three|four)|(?P<both>both)|all (?P<all>three|four))\s+(?:[\w-]+\s+)?"
    r"(?:companies|firms|giants|groups|businesses|manufacturers|makers|partners)\b",
    re.IGNORECASE,
)
COUNT = {"two": 2, "three": 3, "four": 4}


# the things companies make or run together, in the singular
MADE_THING = re.compile(
    r"(?:chip|processor|service|network|phone|handset|console|device|system|platform|standard|format|technology"
    r"|software|browser|player|product|venture|centre|center|factory|plant|portal|store|tool|game|computer"
    r"|supercomputer|server|display|screen|camera|engine|application|programme|program|scheme|trial|project"
    r"|initiative|consortium|site|website|card|disc|disk|television|radio|station|satellite|test|study|model"
    r"|version|edition)",
    re.IGNORECASE,
)

MADE_WITH = re.compile(r"(?:developed|built|designed|created|made) (?:together )?with", re.IGNORECASE)
# cues that name one act of all their subjects together
RECIPROCAL = re.compile(
    r"work(?:s|ed|ing)? together|team(?:s|ed|ing)? up|join(?:s|ed)? forces|join(?:s|ed|ing)? hands|code-?shar\w*"
    r"|alliance|joint(?:ly)? \w+|co-?operat\w*"
    r"|collaborat\w*|co-?develop\w*|partnership",
    re.IGNORECASE,
)

PARTNERED = re.compile(r"(?:-|\s+)(?:partner(?:s|ed)?|licensees?|allies|backed)\b", re.IGNORECASE)


# -- acquisitions -----------------------------------------------------------------------------
# the starts of words one of which every acquisition cue holds, in lower case: found with plain
# string search, a quick test before the slower scans
ACQUISITION_STEMS = (
    "acqui", "buy", "bought", "purchas", "takeover", "take over", "taken over", "taking over", "took over",
    "snap", "sold", "sell", "paid", "merged into", "sale to", "private",
)  # fmt: skip


def acquisition_cues(text: str) -> list[int]:
    """Where a word in ``text`` starts with one of :data:`ACQUISITION_STEMS`, in order."""
    lowered = text.lower()
    found = []
    for stem in ACQUISITION_STEMS:
        at = lowered.find(stem)
        while at != -1:
            if at == 0 or not lowered[at - 1].isalnum():
                found.append(at)
            at = lowered.find(stem, at + 1)
    return sorted(found)


# "X acquired Y", "X agreed to buy Y", "X is buying Y", "X snapped up Y", "X took over Y"
ACQUIRES = re.compile(
    AT_WORD_START + r"(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)"
    r"|snap(?:s|ped|ping)?\s+up|tak(?:e|es|ing)\s+over|took\s+over)\b",
    re.IGNORECASE,
)
# "Y was acquired by X", "Y, bought by X in 2016"
ACQUIRED_BY = re.compile(
    AT_WORD_START + r"(?:acquired|bought|purchased|snapped\s+up|taken\s+over|merged\s+into)"
    r"(?:\s+(?:fully|outright|entirely|wholly|100%))?(?:\s+and\s+[a-z]+ed)?"  # "purchased and privatised by"
    r"(?:\s+(?:in|on|last|earlier|this)\s+[\w,]+(?:\s+\d{4})?)?"
    r"(?:\s+from\s+(?:[\w&.'\u2019-]+\s+){1,4}?)?\s+(?:by|into)\b",  # "bought from its founders by"
    re.IGNORECASE,
)
# "acquiring bank", "the buying public": the words as terms of a trade, no purchase
NOT_A_PURCHASE_WORD = re.compile(
    r"(?:acquiring|buying|selling|purchasing)\s+(?:banks?|power|public|spree|decisions?|habits?|guides?|season)\b",
    re.IGNORECASE,
)
# what a buyer may have bought several of, then named: "acquired several startups, including X and Y"
SEVERAL = re.compile(
    r"\s+(?:(?:a\s+number\s+of|several|many|two|three|four|five|some|a\s+string\s+of|dozens\s+of|numerous)\s+)"
    r"(?:[\w-]+\s+){0,2}?(?:companies|firms|businesses|startups|start-ups|rivals|competitors|studios|brands"
    r"|makers|developers|providers)(?:\s+in\s+[^,.;]{1,60}?)?,?\s+(?:including|such as|like|among them)\s+",
    re.IGNORECASE,
)
# a word for the company bought, after its name: "acquired the Grundy group", "bought the Acme chain",
# "bought Sybari Software" (where the lexicon knows Sybari)
COMPANY_NOUN_AFTER = re.compile(
    r"\s+(?:group|company|business|businesses|unit|division|chain|brand|studio|firm|subsidiary|operations|arm"
    r"|stores|network|empire)\b"
    r"|[ ](?:Software|Systems|Technologies|Networks|Group|Holdings|Labs|Interactive|Entertainment|Communications"
    r"|Solutions|Semiconductors?|Electronics|Media|Games|Studios|Inc|Corp|Ltd)\b(?![ ][A-Z])"
)
# "X's $2bn acquisition of Y", "X completed its takeover of Y", "the acquisition of Y by X"
ACQUISITION_OF = re.compile(
    AT_WORD_START + r"(?:acquisition|purchase|takeover|buyout|buy-out)s?\s+(?P<prep>of|by)\b", re.IGNORECASE
)
# "X paid $37bn for Y"
PAID_FOR = re.compile(
    AT_WORD_START + r"paid\s+(?:(?:about|roughly|nearly|some|more than|over|almost|around|an estimated)\s+)?"
    r"(?:(?:US|A|C)?[$€£¥]\s?[\d.,]+\s*(?:billion|million|bn|m|b)?\s+)?(?:in\s+(?:cash|stock|shares)\s+)?for\b",
    re.IGNORECASE,
)
# "Z agreed to sell Y to X", "Y is being sold to X"
SELLS = re.compile(AT_WORD_START + r"(?:sell|sells|selling|sold)\b", re.IGNORECASE)
SOLD_TO = re.compile(AT_WORD_START + r"sold\s+to\b", re.IGNORECASE)
# what makes a sentence's purchase no purchase: it was blocked, abandoned, refused, undone, or
# is only talked of ("a blocked or abandoned bid, a stake or an investment is no purchase")
NOT_DONE = re.compile(
    AT_WORD_START + r"(?:block(?:s|ed|ing)?|abandon\w*|withdr[ae]w\w*|reject\w*|rebuff\w*|scrap(?:s|ped|ping)?"
    r"|terminat\w*|call(?:s|ed|ing)?\s+off|walk(?:s|ed|ing)?\s+away|collaps\w*|fail(?:s|ed|ing|ure)?|unwind\w*"
    r"|end(?:s|ed|ing)?\s+(?:the|its|their)\s+(?:\w+\s+){0,3}?(?:deal|bid|merger|agreement|combination|talks)"
    r"|stop\w*\s+(?:\S+\s+){1,4}?from|prevent\w*|sued\s+to|sue\s+to|thwart\w*|derail\w*)\b",
    re.IGNORECASE,
)
# what makes one buyer's purchase only an intention, a bid or a rumour
NOT_YET = re.compile(
    AT_WORD_START + r"(?:seek(?:s|ing)?|sought|bid(?:s|ding)?|offer(?:s|ed|ing)?|attempt\w*|tr(?:y|ies|ied|ying)"
    r"|talks?|discussions?|negotiat\w*|consider\w*|explor\w*|interest(?:s|ed)?|eye(?:s|d|ing)?|want(?:s|ed)?"
    r"|hop(?:e|es|ed|ing)|propos(?:e|es|al|als)|could|may|might|potential(?:ly)?|possibl[ey]|possibilit(?:y|ies)|rumou?r\w*"
    r"|reported(?:ly)?|speculat\w*|weigh\w*|mull\w*|pursu\w*|approach\w*|hostile|aim(?:s|ed|ing)?|if|whether"
    r"|not|never|no|n't|cannot|longer|instead|rather)\b",
    re.IGNORECASE,
)
# the noun after "takeover" that makes it a bid: "a takeover bid for Y", "takeover talks"
BID_AFTER = re.compile(
    r"\s+(?:bid|offer|approach|talks|attempt|battle|proposal|interest|speculation|target|bids|offers)\b"
)
# what a buyer buys when it is no company: shares, a stake, products, assets
NOT_A_COMPANY_BOUGHT = frozenset(
    """
    stake stakes share shares stock stocks interest interests equity bond bonds debt minority majority part
    portion piece assets asset land property properties building buildings products product devices phones
    chips licences licenses rights patents ads advertising tickets copies units spectrum some more most
    """.split()
)
# words that may stand between a buying verb and the company bought: "buy US rival Pioneer",
# "acquire the Destiny developer, Bungie"; no preposition, verb or clause word
NOT_IN_A_DESCRIPTION = frozenset(
    """
    for from in into of on at by with to as than that which who whom whose when where while if or but
    after before over under about through since until is are was were be been being has have had will would
    can could may might should it its itself they them their he she we you i this these those
    behind beside besides around near against without within across between among via
    """.split()
) - {"its", "their"}
# a unit of a company: "the enterprise software unit of Symantec" (a named business unit counts)
UNIT = frozenset("unit units business businesses division divisions arm operations subsidiary".split())
# a purchase agreed or planned but not said to be completed: undone by a later "the deal was blocked"
PENDING = re.compile(
    r"\b(?:agree[sd]?|agreement|will|would|to\s+(?:buy|acquire|purchase|take\s+over|snap\s+up)|plans?|planned"
    r"|set\s+to|expected\s+to|is\s+(?:buying|acquiring)|are\s+(?:buying|acquiring)|proposed|offer(?:ed|s)?|pending"
    r"|subject\s+to)\b",
    re.IGNORECASE,
)
COMPLETED = re.compile(r"\b(?:complet(?:e|es|ed|ing)|closed|finali[sz]ed)\b", re.IGNORECASE)
# what undoes an agreed purchase anywhere in the article: "regulators blocked the deal"
UNDONE = re.compile(
    r"\b(?:block(?:s|ed|ing)?|abandon\w*|terminat\w*|call(?:s|ed|ing)?\s+off|collaps\w*|scrap(?:s|ped|ping)?"
    r"|walk(?:s|ed|ing)?\s+away|fell\s+through|f[ae]ll(?:s|ing)?\s+through|reject\w*|withdr[ae]w\w*"
    r"|pull(?:s|ed|ing)?\s+out|prohibit\w*|veto(?:es|ed)?|fail(?:s|ed)?|ended|ending)\b",
    re.IGNORECASE,
)
DEAL_WORD = re.compile(
    r"\b(?:deal|merger|takeover|acquisition|bid|offer|combination|transaction|purchase|buyout|sale|agreement)s?\b",
    re.IGNORECASE,
)
# "will pay $1.5bn if it terminates the deal": what might undo a deal has not undone it
HYPOTHETICAL = re.compile(r"\b(?:if|unless|should|could|may|might|would|whether)\b", re.IGNORECASE)


# the stems above as one pattern each, searched in a lower-cased sentence
COMPETES_STEM = _stems(COMPETES_STEMS)
PARTNERS_STEM = _stems(PARTNERS_STEMS)
CUE_STEM = _stems(COMPETES_STEMS + PARTNERS_STEMS)
ACQUISITION_STEM = _stems(ACQUISITION_STEMS)
