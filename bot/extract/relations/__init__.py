"""Competition, partnership and acquisition between companies, with the sentence that states it.

A relation needs a cue in the sentence (the words of rivalry or cooperation) and companies on
the sides the cue joins; products stand for their owners. Two companies merely named in one
sentence are not related. Some cues point at the company the article is about (its
``anchor``): a newcomer "entering the market" competes with it, and so do the companies listed
right after a sentence that speaks of its rivals without naming them.

A side may be named another way: "it" or "the firm" (the company the sentence before starts
with), "them" after a cue (the company named last that is not the other side), "the three
firms" (the three named together last). Companies joined as the subject of one act of making
or launching one thing ("X, Y and Z, who have been working on the Cell processor") are
partners. Authorities (regulators, governments, courts) and the press are never parties.

Acquisitions are directed (buyer first) and read by :mod:`.acquisitions`.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from bot.extract.kinds import BY_NAME
from bot.extract.model import Relation
from bot.extract.relations import learned, referents
from bot.extract.relations.acquisitions import Named, acquisitions
from bot.extract.relations.cues import (
    AUTHORITY_BEFORE,
    COMPLETED,
    JOINS_A_CONTEST,
    PENDING,
)
from bot.extract.relations.deals_undone import undoing
from bot.extract.relations.pairs import (
    Before,
    _between_the_group,
    _distinct,
    _partners,
    _relations_of,
    authority_by_name,
    customers_listed,
    listed_rivals,
    parties,
    rivalry_refused,
    share_holders,
    speaks_of_rivalry,
)
from bot.extract.relations.purchase_article import made, merged_into_survivors, one_name_each, recased_headline

# sentences apart that still tell of one market's shares ("Telstra's market share was 43.7% ...
# TPG was down to 23.3%, while Optus ... Aussie Broadband increased its market share to 6.1%")
SHARES_APART = 3
MOST_HOLDERS = 5

# the company speaking in a quotation: "We've had a strong partnership with Bungie"
_WE = re.compile(r"(?<![\w'\u2019])(?:[Ww]e|[Oo]ur|[Uu]s)(?!\w)")


def named(hit, offset: int = 0) -> Named:
    """A lexicon :class:`~bot.extract.lexicon.Hit` as a side of a relation, its position taken
    from ``offset`` (the start of its sentence)."""
    known = hit.known
    return Named(hit.start - offset, hit.end - offset, known.company, known.name, known.type == "product")


def article_relations(
    texts: list[tuple[str, list[Named], int | None]], anchor: str | None, voices: dict[int, str] | None = None
):
    """``(index, type, a, b)`` for each relation the sentences ``texts`` state, with the
    companies and products each names and its paragraph; ``index`` is the position in ``texts``.

    Beyond what each sentence states on its own: a sentence that speaks of rivals without
    naming them ("the threat from others was always present", "BT faces increasing
    competition"), followed by one that lists companies, makes those companies rivals of the
    article's company; so do lists in the rest of its paragraph (``texts`` may give each
    sentence's paragraph as a third item). "It", "them" and "the firm" on one side of a cue
    are companies the sentence before names (see :class:`Before`). ``voices`` gives, for a text
    (by position) that quotes someone speaking for a company, that company: the "we" of the
    quotation ("We've had a strong partnership with Bungie").
    """
    found = []
    done: set[tuple[str, str]] = set()  # purchases some sentence states as made, not only agreed
    undone: list[set[str]] = []  # the companies each sentence of a blocked or abandoned deal names
    unnamed_rivals = False
    rival_paragraph = None  # the paragraph in which the article's company faces rivals it does not name
    contestants: dict[str, int] = {}  # every company found competing so far, and the paragraph where last
    # the companies given a share of the market in the passage read last: rivals in it, but for
    # those the article calls partners
    holders: list[str] = []
    last_share = -SHARES_APART - 1  # the sentence that gave a share last
    last_group: tuple[str, ...] | None = None  # the companies named together last
    before = Before("", [])
    recent = referents.Recent()  # the sentences "the two", "the company" may refer back to
    paragraphs = [paragraph for _text, _named, paragraph in texts]
    authorities = {
        n.company
        for text, names, _p in texts
        for n in names
        if AUTHORITY_BEFORE.search(text, max(0, n.start - 40), n.start) or authority_by_name(text, n.start)
    }
    names = [[n for n in ns if n.company not in authorities] for _text, ns, _p in texts]
    for i, company in (voices or {}).items():
        we = _WE.search(texts[i][0])
        if we and not any(n.start <= we.start() < n.end for n in names[i]):
            names[i] = sorted([*names[i], Named(we.start(), we.end(), company, company)])
    texts = [(text, [(n.start, n.company) for n in ns]) for (text, _ns, _p), ns in zip(texts, names, strict=True)]
    elsewhere = [(text[n.start : n.end], n) for (text, _m), ns in zip(texts[1:], names[1:], strict=True) for n in ns]
    for i, (text, mentions) in enumerate(texts):
        paragraph = paragraphs[i]
        own = parties(text, mentions)
        sides = {p for p, _c in own}
        previous = texts[i - 1][0] if i > 1 else ""
        sentence, sides_named = text, [n for n in names[i] if n.start in sides]
        recased = recased_headline(text, elsewhere) if i == 0 and paragraphs[0] == -1 else None
        if recased:  # "western union to buy intermex": the names the article writes, with their capitals
            sentence = recased[0]
            sides_named = sorted(
                [
                    *recased[1],
                    *(n for n in sides_named if not any(o.start < n.end and n.start < o.end for o in recased[1])),
                ]
            )
        bought = acquisitions(sentence, sides_named, before.subject if i else None, anchor, previous)
        found.extend((i, "acquires", a, b) for a, b in bought)
        if bought:
            done.update(made(sentence, bought, PENDING.search(sentence) is not None and not COMPLETED.search(sentence)))
        undoes = undoing(text, mentions)
        if undoes is not None:
            undone.append(undoes)
        sources: dict = {}
        relations = _relations_of(text, own, anchor, before if i else Before("", []), sources)
        relations = _weighed(relations, text, names[i], own, i == 0 and paragraphs[0] == -1, sources)
        purchases = {frozenset(pair) for pair in bought}  # "a deal to snap up X": a purchase, no partnership
        relations = [r for r in relations if r[0] != "partners" or frozenset(r[1:]) not in purchases]
        if last_group is not None and {c for _p, c in mentions} <= set(last_group):
            # "the two companies have also been competing": what the sentence says of the two named last
            stated = {(kind, frozenset((a, b))) for kind, a, b in relations}
            relations += [r for r in _between_the_group(text, last_group) if (r[0], frozenset(r[1:])) not in stated]
        stated = {(kind, frozenset((a, b))) for kind, a, b in relations}
        relations += referents.referred(text, mentions, recent, anchor, before if i else Before("", []), stated)
        recent.add(text, mentions)  # sources and the press too: "the firm" may be one of them
        found.extend((i, kind, a, b) for kind, a, b in relations)
        here = share_holders(text, own)
        if here:
            if i - last_share > SHARES_APART:
                holders = []
            allied = {frozenset((a, b)) for _i, kind, a, b in found if kind == "partners"}
            found.extend(
                (i, "competes", a, b)
                for a in holders
                for b in here
                if b not in holders and frozenset((a, b)) not in allied
            )
            holders = [*holders, *(c for c in here if c not in holders)][:MOST_HOLDERS]
            last_share = i
        named = _distinct(sorted(mentions))
        if 2 <= len(named) <= 4:
            last_group = tuple(named)
        elif len(named) > 4:
            last_group = None
        later = rival_paragraph is not None and paragraph == rival_paragraph and not relations
        if (
            (unnamed_rivals or later)
            and anchor
            and not any(kind == "competes" for kind, _a, _b in relations)
            and not customers_listed(text)
        ):
            rivals = listed_rivals(text, own, anchor)
            if len(rivals) >= 2:
                found.extend((i, "competes", anchor, c) for c in rivals)
        unnamed_rivals = bool(anchor) and not {c for _p, c in mentions} - {anchor} and speaks_of_rivalry(text)
        if unnamed_rivals and paragraph is not None and anchor in {c for _p, c in mentions}:
            rival_paragraph = paragraph  # "BT faces increasing competition": the rest of the paragraph may name them
        elif paragraph != rival_paragraph:
            rival_paragraph = None
        if relations and JOINS_A_CONTEST.search(text):
            # "another giant to enter the fray is X": X takes on everyone already in it
            # (in this paragraph or the one before: an article may tell of more than one contest)
            newcomers = {c for kind, a, b in relations if kind == "competes" for c in (a, b)} - {anchor}
            near = {c for c, at in contestants.items() if paragraph is None or at is None or at >= paragraph - 1}
            found.extend((i, "competes", n, c) for n in sorted(newcomers) for c in sorted(near - {n, anchor}))
        contestants.update((c, paragraph) for kind, a, b in relations if kind == "competes" for c in (a, b))
        if i:
            before = Before(text, own, before)
    found = _deals_that_are_combinations(found, texts)
    survivors = merged_into_survivors([(text, ns) for (text, _m), ns in zip(texts, names, strict=True)])
    found = sorted([*found, *survivors], key=lambda f: f[0]) if survivors else found
    mentions = Counter(n.company for ns in names for n in ns if not n.product)
    pairs = zip(texts, names, strict=True)
    written = Counter((n.company, text[n.start : n.end]) for (text, _m), ns in pairs for n in ns)  # as each is written
    kept = [f for f in found if f[1] != "acquires" or not _undone(f[2:], done, undone)]
    return one_name_each(kept, mentions, written)


def _deals_that_are_combinations(found: list, texts: list[tuple[str, list[tuple[int, str]]]]) -> list:
    """A partnership read only from "a deal with" between two companies that a sentence of the
    article says merge or buy one another ("Dow did the deal with DuPont" beside "the merger of Dow
    and DuPont", "Pfizer's deal with Allergan, which would create the world's largest drugmaker"):
    the deal is that combination, no partnership."""
    combined = set()
    for i, (text, mentions) in enumerate(texts):
        companies = {c for _p, c in mentions}
        if len(companies) >= 2 and _COMBINATION.search(text):
            combined.update(frozenset(pair) for pair in combinations(sorted(companies), 2))
        combined.update(frozenset((a, b)) for j, kind, a, b in found if j == i and kind == "acquires")
    if not combined:
        return found
    return [
        f for f in found if f[1] != "partners" or frozenset(f[2:]) not in combined or not _only_a_deal(texts[f[0]][0])
    ]


# what a deal creates when it is two companies combining: "which would create the world's largest drugmaker"
_COMBINATION = re.compile(
    r"\bmerg(?:e|es|ed|er|ers|ing)\b|\b(?:creat(?:e|es|ed|ing)|form(?:s|ed|ing)?)\s+(?:the\s+|a\s+)?(?:world['\u2019]s\s+|nation['\u2019]s\s+|country['\u2019]s\s+)?"
    r"(?:largest|biggest|second-largest|third-largest|combined)\b|\bcombined\s+(?:company|group|entity|firm)\b",
    re.IGNORECASE,
)
_DEAL = re.compile(r"deals? (?:with|to)", re.IGNORECASE)


def _only_a_deal(text: str) -> bool:
    """The sentence's cooperation is told only as a deal ("X's deal with Y"), no word of working together."""
    cues = _partners(text)
    return bool(cues) and all(_DEAL.fullmatch(m.group(0)) for m in cues)


def _weighed(relations, text: str, names: list[Named], own: list[tuple[int, str]], title: bool, sources: dict):
    """The rules' rivalries and partnerships between two companies the sentence names, but for
    those the trained model (:mod:`.learned`) reads otherwise there (:func:`.learned.keeps`), and
    with the pairs no rule read that the model finds likely (:func:`.learned.adds`).
    ``sources`` gives the rule that read each ``(kind, pair)``."""
    if len({c for _p, c in own}) < 2:
        return relations  # the model reads two companies named in the sentence
    ruled = {(kind, frozenset((a, b))): sources.get((kind, frozenset((a, b))), "") for kind, a, b in relations}
    if not any(kind in learned.KINDS for kind, _pair in ruled) and not learned.may_add(text):
        return relations
    scored = learned.scores(text, party_spans(names, own), title, ruled)
    if not scored:
        return relations
    kept = []
    for kind, a, b in relations:
        p = scored.get(frozenset((a, b)))
        if (
            p is None
            or kind not in learned.KINDS
            or learned.keeps(kind, p, source=ruled.get((kind, frozenset((a, b))), ""))
        ):
            kept.append((kind, a, b))
    # the model proposes where the rules read nothing: not a pair they read, nor a kind they
    # read in this sentence (they have read its structure: "X competes with Y, while in Asia Z ...")
    read = {pair for _kind, pair in ruled}
    for kind in learned.KINDS:
        if any(k == kind for k, _pair in ruled) or (kind == "competes" and rivalry_refused(text)):
            continue
        kept.extend((kind, *sorted(pair)) for pair, p in scored.items() if pair not in read and learned.adds(kind, p))
    return kept


def party_spans(names: list[Named], own: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """``(start, end, company)`` of the names in a sentence that may be parties (``own``: their
    starts and the companies they stand for)."""
    party = dict(own)
    return [(n.start, n.end, party[n.start]) for n in names if n.start in party]


def _undone(pair: tuple[str, str], done: set, undone: list[set[str]]) -> bool:
    """An agreed purchase that a sentence of the article says was blocked, abandoned or refused:
    one that names either company, or names none ("regulators blocked the deal")."""
    return pair not in done and any(not names or names & set(pair) for names in undone)


EVIDENCE_PER_PAIR = 3


def dedupe(relations: list[Relation]) -> list[Relation]:
    """Each pair and type once per sentence, with up to :data:`EVIDENCE_PER_PAIR` sentences
    that state it (the headline and a quotation may both say so: both are evidence). The
    sides of a directed kind keep their order."""
    seen: set[tuple] = set()
    per_pair: dict[tuple, int] = {}
    kept = []
    for r in relations:
        pair = (r.type, (r.a, r.b) if BY_NAME[r.type].directed else frozenset((r.a, r.b)))
        if (pair, r.sentence) in seen or per_pair.get(pair, 0) >= EVIDENCE_PER_PAIR:
            continue
        seen.add((pair, r.sentence))
        per_pair[pair] = per_pair.get(pair, 0) + 1
        kept.append(r)
    return kept
