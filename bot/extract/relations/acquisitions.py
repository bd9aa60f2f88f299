"""Acquisitions: which company bought, agreed to buy or completed the purchase of which.

A purchase is directed (the buyer first). News states one in a closed set of ways:

- active: "X acquired Y", "X has agreed to buy Y", "X said it would buy Y", "X snapped up Y";
- passive: "Y was acquired by X", "Y, bought by X in 2016", "Y merged into X";
- nominal: "X's $2bn acquisition of Y", "X completed its takeover of Y", "the purchase of Y by X";
- relative: "Y, which X bought in 2019", "Y, a chipmaker the tech giant bought";
- a sale: "Z agreed to sell Y to X", "Y was sold to X"; a price: "X paid $37bn for Y".

What is bought must be a company (or a named unit of one): "a stake in Y", "Y shares", "Y's
products" are no purchase, and neither is a product of another company. A sentence that tells
of a blocked, abandoned, refused or undone deal states no purchase, and a buyer that only seeks,
bids, offers, is in talks, considers or is rumoured to buy is no buyer yet.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from bot.extract.lexicon import LEGAL_SUFFIX, NOT_COMPANIES, default_lexicon
from bot.extract.patterns import CaseBlind
from bot.extract.people import plausible_name
from bot.extract.people_words import FEMALE_NAMES, MALE_NAMES
from bot.extract.relations.cues import (
    ACQUIRED_BY,
    ACQUIRES,
    ACQUISITION_OF,
    ACQUISITION_STEM,
    COMPANY_NOUN_AFTER,
    DEAL_WORD,
    HYPOTHETICAL,
    NOT_A_COMPANY_BOUGHT,
    NOT_A_PURCHASE_WORD,
    NOT_DONE,
    NOT_IN_A_DESCRIPTION,
    NOT_YET,
    PAID_FOR,
    SELLS,
    SEVERAL,
    SOLD_TO,
    UNDONE,
    UNIT,
)
from bot.extract.relations.purchase_words import (
    ABSORBED_BY,
    ACCEPTED_OFFER,
    ACQUIRED_ON_BY,
    ACQUIRED_OUT_OF_BY,
    ADJECTIVAL_BEFORE,
    ATTRIBUTIVE,
    BECOMES_SUBSIDIARY,
    BID_WON,
    BUY_NOW,
    BUYER_OF,
    COMPLETED_DEAL,
    COUNTERFACTUAL,
    DEAL_AFTER,
    DEAL_FOR,
    DEAL_WITH,
    EACH_AFTER,
    FEARED,
    HOLDERS_RECEIVE,
    INTO,
    KINDS_SUCH_AS,
    LATER_YEAR,
    MEANS_BEFORE,
    MERGED_INTO,
    MERGER_OF,
    MERGER_WORD,
    MERGES_WITH_UNIT_OF,
    MODAL_OR_OPTION,
    MORE_ACQUIRES,
    MORE_DEAL_WORD,
    MORE_SELLS,
    MORE_STEMS,
    MORE_UNDONE,
    NAME_KEPT_BEFORE,
    NAMED_AFTER_NOUN,
    NAMED_BEFORE_OWNER,
    NEW_OWNER_AFTER,
    NOT_QUITE,
    NOT_YET_MORE,
    NOW_OWNED_BY,
    OFFER_AFTER,
    OFFER_FOR,
    OFFER_TAKEN_AFTER,
    OWNED_BY,
    OWNERS_HOLD_AFTER,
    PAYS_FOR,
    PERSON_BETWEEN,
    PERSON_TITLES,
    POLITICAL,
    PRIVATE_AFTER,
    REPORTED,
    RESTRUCTURING,
    RUMOUR,
    SALE_OF,
    SALE_TO,
    SEVERAL_LISTED,
    SHARES_AFTER,
    SINCE_YEAR,
    SOLD_ITSELF,
    SOLD_LATER_TO,
    SOLD_ON_TO,
    SPECULATED,
    SPENT_ON,
    SURVIVOR_AFTER,
    SURVIVOR_BEFORE,
    TAKEN_PRIVATE_BY,
    TAKES_PRIVATE,
    TARGET_ACCEPTS,
    UNIT_MORE,
    VALUED_AFTER,
    VALUED_BEFORE,
    WANTED_BEFORE,
    WHOLE_OF,
    WOULD,
)


class Named(NamedTuple):
    """A company or product named in a sentence, with where its name stands."""

    start: int
    end: int
    company: str  # what it stands for in a relation: a product stands for its owner
    name: str  # the entity named itself (a product's own name)
    product: bool = False


def acquisitions(
    sentence: str, named: list[Named], subject: str | None, anchor: str | None, previous: str = ""
) -> list[tuple[str, str]]:
    """``(buyer, target)`` for each purchase ``sentence`` states; ``named`` are its companies and
    products in order, ``subject`` the company the sentence before is about (for "it", "the
    company"), ``anchor`` the company the article is about, ``previous`` the sentence before (a
    deal it tells of is "the acquisition" of this one)."""
    if not named or not _has_cue(sentence.lower()) or _not_done(sentence, named) or RUMOUR.search(sentence):
        return []
    speculated = SPECULATED.search(sentence)
    if speculated and any(cue.search(sentence, speculated.end()) for cue in (ACQUIRES, MORE_ACQUIRES, ACQUISITION_OF)):
        return []  # "media had been speculating that X was planning to acquire Y"
    sentence = _little_words_lowered(sentence, named)
    named = [n for n in named if not _an_opening_word(sentence, n)]
    if COUNTERFACTUAL.search(sentence):
        return []  # "Had X bought Y, it would have ...": what did not happen
    if sentence.rstrip(" \"'\u201d\u2019").endswith("?"):
        return []  # "Should X buy Y?": a question states no purchase
    reader = _Reader(sentence, named, subject, anchor)
    found: list[tuple[Named | str, Named]] = []
    passive_at = set()
    passives = [ACQUIRED_BY, ACQUIRED_ON_BY, ABSORBED_BY, ACQUIRED_OUT_OF_BY, TAKEN_PRIVATE_BY]
    for m in [m for cue in passives for m in cue.finditer(sentence)]:
        if _BOUGHT_INTO.fullmatch(m.group(0)):
            continue  # "X bought into Y": a stake in Y, no purchase (only "merged into" is one)
        passive_at.add(m.start())
        buyers = reader.object(m.end(), single=True)
        # "Y was acquired by X"; "The company, renamed Y in 2009, was acquired by X"
        target = reader.before(m.start(), _PASSIVE_GAP) or reader.passive_subject(m.start())
        if buyers and target is None:  # "After being acquired by X, Y cut jobs"
            target = reader.opening_subject(m.start(), _OPENING_BEING)
        if buyers and target is None:  # "Y cut jobs after being acquired by X"
            being = _AFTER_BEING.search(sentence, max(0, m.start() - 40), m.start())
            target = reader.subject(being.start()) if being else None
        if buyers and target:
            found.append((buyers[0], target))
    for m in ACQUISITION_OF.finditer(sentence):
        if m.group("prep").lower() == "by":  # "Y's acquisition by X"
            target = reader.possessor(m.start()) or reader.opening_its(m.start()) or reader.its_head(m.start())
            buyers = reader.object(m.end(), single=True)
            if target is None:  # "Y has agreed to a takeover by X", "Y shareholders approved the acquisition by X"
                accepts = next((n for n in reversed(reader.named) if n.end <= m.start()), None)
                if accepts and TARGET_ACCEPTS.fullmatch(sentence, accepts.end, m.start()):
                    target = accepts
            if target is None:  # "the $26bn purchase by Rogers of Shaw"
                by = next((n for n in reader.named if n.start >= m.end()), None)
                of = _OF.match(sentence, by.end) if by and not sentence[m.end() : by.start].strip() else None
                targets = reader.object(of.end(), single=True) if of else []
                buyers, target = ([by], targets[0]) if targets else (buyers, None)
            if target and buyers:
                found.append((buyers[0], target))
            continue
        targets = reader.object(m.end())
        if not targets:
            continue
        kind = _KIND_AFTER.match(sentence, targets[-1].end)  # "the purchase of Y travel operator by X"
        bracket = _BRACKET_AFTER.match(sentence, targets[-1].end)  # "the acquisition of Y (BancABC) by X"
        by = _BY.match(sentence, kind.end() if kind else bracket.end() if bracket else targets[-1].end)
        buyer = reader.object(by.end(), single=True) if by else None
        buyer = buyer[0] if buyer else reader.possessor(m.start())
        if buyer is None and (
            (by and _unrecognised_name(_CAPITALISED.match(sentence, by.end())))
            or _unrecognised_name(_UNNAMED_POSSESSOR.search(sentence, max(0, m.start() - 50), m.start()))
        ):
            continue  # "by Kcb", "Bristol-Myers Squibb's takeover of Y": a buyer named, though not recognised
        buyer = buyer or reader.owner_of_its(m.start())
        if buyer is None and _THE_COMPANYS.search(sentence, max(0, m.start() - 40), m.start()):
            # "The CEO of Zomato explained the company's acquisition of Blinkit": the one company named
            # before, or the one the sentence before is about
            before = {n.company for n in reader.named if n.end <= m.start() and not n.product} - {
                t.company for t in targets
            }
            buyer = before.pop() if len(before) == 1 else None if before else reader.previous_subject
        if buyer is None:  # "Following its acquisition of Y, X cut jobs" (False: "its" may be either's)
            buyer = reader.opening_its(m.start())
        if buyer is None:  # "X completed the purchase of Y", "X grew with the acquisition of Y"
            means = MEANS_BEFORE.search(sentence, max(0, m.start() - 60), m.start())
            buyer = reader.subject(m.start(), completed=means is None)
        if buyer is None:  # "X agreed a $2bn deal on Monday. The acquisition of Y ..."
            buyer = reader.deal_before(m.start(), previous)
        found.extend((buyer, t) for t in targets if buyer)  # False: "its" may be either's
    for m in [*PAID_FOR.finditer(sentence), *PAYS_FOR.finditer(sentence), *SPENT_ON.finditer(sentence)]:
        targets = reader.object(m.end())
        buyer = reader.subject(m.start()) if targets else None
        found.extend((buyer, t) for t in targets if buyer)
        if not targets and _THE_COMPANY.match(sentence, m.end()):  # "X paying $1.46bn for the company"
            buyer = reader.subject(m.start(), gerund=m.group(0).lower().startswith("paying"))
            first = next((n for n in reader.named if n.end <= m.start() and n != buyer), None)
            target = first or reader.previous_subject
            # (one company besides the buyer: "Z sold Y to X, which paid $4m for the company" is Y's or Z's)
            others = {n.company for n in reader.named if n.end <= m.start() and n != buyer and not n.product}
            if first is None and isinstance(buyer, Named) and target and target != buyer.company:
                found.append((buyer, target))  # "Kestrel makes chips. Norvale will pay $2bn for the chipmaker."
            elif (
                buyer
                and target
                and first is not None
                and not isinstance(buyer, str)
                and first.start < buyer.start
                and len(others) == 1
            ):
                found.append((buyer, target))
    for m in [*SELLS.finditer(sentence), *MORE_SELLS.finditer(sentence)]:
        later = SOLD_LATER_TO.match(sentence, m.start()) or SOLD_ON_TO.match(sentence, m.start())
        if later is None and sentence.startswith("sold by", m.start()):  # "Y was sold by Z, in 2011, to X"
            seller = next((n for n in reader.named if n.start == m.start() + 8), None)
            later = _THEN_TO.match(sentence, seller.end) if seller else None
        if SOLD_TO.match(sentence, m.start()) or later:  # "Y was sold to X", "it was sold in 2014 to X"
            target = reader.before(m.start(), _PASSIVE_GAP) or reader.passive_subject(m.start())
            if isinstance(target, Named) and not sentence[target.end : m.start()].strip():
                # "Y, which Z sold to X": Z sold, and the clause's company was sold (but a headline's
                # "Y sold to X": the company that opens it was sold)
                which = _WHICH_BEFORE.search(sentence, 0, target.start)
                opens = (
                    which is None and target is reader.named[0] and _SUBJECT_PRE.fullmatch(sentence, 0, target.start)
                )
                target = reader.before(which.start(), _NO_GAP) if which else target if opens else None
            buyers = reader.object(later.end() if later else m.end(), single=True)
            if target and buyers:
                found.append((buyers[0], target))
                then = _THEN_TO_NEXT.match(sentence, buyers[0].end)  # "sold to A in 1996, then to B in 2000"
                following = reader.object(then.end(), single=True) if then else []
                found.extend((b, target) for b in following)
            continue
        itself = SOLD_ITSELF.match(sentence, m.end())
        if itself:  # "Y sold itself to X", "Y sold its China operations to X", "Y selling its unit to X"
            seller = reader.subject(m.start(), gerund=m.group(0).lower().endswith("ing"))
            buyers = reader.object(itself.end(), single=True)
            # "Z agreed to sell its Y unit to X": the unit named is what was bought
            unit = next((n for n in reader.named if m.end() < n.start and n.end < itself.end() and not n.product), None)
            if seller and buyers:
                found.append((buyers[0], unit or seller))
            continue
        targets = reader.object(m.end())
        # "Z sold Y to X", "Z agreed to sell Y's brewing operations in Hawaii to X"
        to = (_TO.match(sentence, targets[-1].end) or _UNIT_TO.match(sentence, targets[-1].end)) if targets else None
        buyers = reader.object(to.end(), single=True) if to else None
        if buyers:
            found.extend((buyers[0], t) for t in targets)
        reference = None if targets else _SOLD_REFERENCE.match(sentence, m.end())
        if reference and not _not_yet(sentence, 0, m.start()):
            # "The founders sold the company to X in 1984": the company the sentence before is about
            # (not where a company sells: "Z sold the business to X" may be Z's or another's)
            buyers = reader.object(reference.end(), single=True)
            seller = reader.subject(m.start())
            target = reader.previous_subject if seller is None else None
            if buyers and target:
                found.append((buyers[0], target))
    for m in SALE_OF.finditer(sentence):  # "the sale of Y to X", "the deal for Y by X"
        targets = reader.object(m.end(), single=True)
        joint = (_TO if m.group("prep").lower() == "of" else _BY).match(sentence, targets[0].end) if targets else None
        buyers = reader.object(joint.end(), single=True) if joint else None
        if targets and not buyers and m.group(0).lower().startswith("deal"):  # "X's $2bn deal for Y closed"
            owner = reader.possessor(m.start())
            buyers = [owner] if owner and owner != targets[0] else None
        if buyers and not _NOT_YET_NOMINAL.search(sentence, max(0, m.start() - 30), m.start()):
            found.append((buyers[0], targets[0]))
    for m in SALE_TO.finditer(sentence):  # "Y's sale to X", "the Y sale to X", "advised Y on its sale to X"
        if _NOT_YET_NOMINAL.search(sentence, max(0, m.start() - 30), m.start()):
            continue  # "Y's planned sale to X"
        buyers = reader.object(m.end(), single=True)
        its = _ITS_BEFORE.search(sentence, max(0, m.start() - 12), m.start())
        if its:
            target = next((n for n in reversed(reader.named) if n.end <= its.start()), None)
        else:
            target = reader.possessor(m.start()) or reader.before(m.start(), _SPACE)
        made = None if target or its else _SALE_MADE.search(sentence, max(0, m.start() - 60), m.start())
        if made:  # "Y announced a sale to X": the company that made the sale is sold
            target = reader.subject(made.start())
        if buyers and target:
            found.append((buyers[0], target))
    for m in TAKES_PRIVATE.finditer(sentence) if "private" in sentence else ():  # "X took Y private"
        targets = reader.object(m.end(), single=True)
        if targets and PRIVATE_AFTER.match(sentence, targets[0].end):
            buyer = reader.subject(m.start(), gerund=m.group(0).lower().startswith("taking"))
            if buyer:
                found.append((buyer, targets[0]))
    for m in NOW_OWNED_BY.finditer(sentence):  # "Y, now owned by X", "Y became part of X"
        buyers = reader.object(m.end(), single=True)
        target = reader.before(m.start(), _PASSIVE_GAP) or reader.passive_subject(m.start(), was=False)
        if buyers and target:
            found.append((buyers[0], target))
    for m in OWNED_BY.finditer(sentence) if "since" in sentence else ():  # "Y, owned by X since 2006"
        buyers = reader.object(m.end(), single=True)
        if buyers and SINCE_YEAR.match(sentence, buyers[0].end):
            target = reader.before(m.start(), _PASSIVE_GAP) or reader.passive_subject(m.start())
            if target:
                found.append((buyers[0], target))
    for m in BECOMES_SUBSIDIARY.finditer(sentence) if not RESTRUCTURING.search(sentence) else ():
        buyers = reader.object(m.end(), single=True)  # "Y will become a wholly owned subsidiary of X"
        target = reader.before(m.start(), _PASSIVE_GAP) or reader.passive_subject(m.start(), was=False)
        if buyers and target:
            found.append((buyers[0], target))
    for m in [*MERGED_INTO.finditer(sentence), *MERGES_WITH_UNIT_OF.finditer(sentence)]:  # "Y merged into X"
        buyers = reader.object(m.end(), single=True)
        target = reader.before(m.start(), _PASSIVE_GAP) or reader.passive_subject(m.start(), was=False)
        if buyers and target:
            found.append((buyers[0], target))
    for m in MERGER_OF.finditer(sentence):  # "the merger of Y into X"
        target = next((n for n in reader.named if n.start >= m.end()), None)
        into = INTO.match(sentence, target.end) if target else None
        buyers = reader.object(into.end(), single=True) if into else None
        if buyers and _description(sentence[m.end() : target.start]):
            found.append((buyers[0], target))
    for m in ATTRIBUTIVE.finditer(sentence):  # "X completes Y acquisition", "X's $2bn Y takeover"
        target = reader.before(m.start(), _SPACE)
        if target is None:  # "X's latest acquisition, Y", "Y is X's latest acquisition"
            found.extend(reader.owned_acquisitions(m))
            continue
        owner = _OWNER_BEFORE.search(sentence, max(0, target.start - 40), target.start)
        at = owner.start() if owner else target.start
        buyer = reader.possessor(target.start) if owner and not owner.group("its") else None
        buyer = buyer or reader.subject(at, completed=True)  # "X completes (its) Y acquisition"
        if buyer and not _NOT_YET_NOMINAL.search(sentence, at, m.start()):
            found.append((buyer, target))
    for n in reader.named if "holders w" in sentence else ():
        receive = HOLDERS_RECEIVE.match(sentence, n.end)  # "Y shareholders will receive 7.875 shares of X for each"
        issuer = next((o for o in reader.named if receive and o.start == receive.end() and o != n), None)
        after = (
            (EACH_AFTER if receive and receive.group("of") else SHARES_AFTER).match(sentence, issuer.end)
            if issuer
            else None
        )
        if after and not n.product:
            found.append((issuer, n))
    for m in COMPLETED_DEAL.finditer(sentence):  # "X completed the Y deal", "X completes Y deal"
        target = next((n for n in reader.named if n.start == m.end()), None)
        deal = DEAL_AFTER.match(sentence, target.end) if target else None
        if deal and not _NOT_YET_NOMINAL.search(sentence, m.end(), deal.end()):
            buyer = reader.subject(m.start())
            if buyer:
                found.append((buyer, target))
    for m in ACCEPTED_OFFER.finditer(sentence):  # "Y accepted a takeover offer from X"
        if not _TAKEOVER_OFFER.search(sentence, m.start(), m.end() + 60):
            continue  # "accepted an offer from X" may be of anything
        if m.group(0).rstrip().lower().endswith(("from", "by")):
            buyers = reader.object(m.end(), single=True)
            buyer = buyers[0] if buyers else None
        else:  # "Y's board recommended X's $69bn offer"
            buyer = next((n for n in reader.named if n.start == m.end() and OFFER_AFTER.match(sentence, n.end)), None)
        target = reader.subject(m.start()) if buyer else None
        if target:
            found.append((buyer, target))
    for n in reader.named if _NEW_OWNER_WORD.search(sentence) else ():
        owner = NEW_OWNER_AFTER.match(sentence, n.end)  # "Y's new owner X", "Y's buyer, X"
        buyer = next((o for o in reader.named if owner and o.start == owner.end()), None)
        if buyer and not n.product:
            found.append((buyer, n))
    for m in OFFER_FOR.finditer(sentence):  # "X's $2bn offer for Y was accepted"
        targets = reader.object(m.end(), single=True)
        buyer = reader.possessor(m.start()) if targets and OFFER_TAKEN_AFTER.match(sentence, targets[0].end) else None
        if buyer:
            found.append((buyer, targets[0]))
    for m in DEAL_FOR.finditer(sentence):  # "X agreed a recommended $2bn cash offer for Y"
        targets = reader.object(m.end(), single=True)
        if targets and not _TO_DO.match(sentence, targets[0].end):  # (not "a deal for Y to supply chips")
            buyer = reader.subject(m.start())
            if buyer:
                found.append((buyer, targets[0]))
    for m in BUYER_OF.finditer(sentence):  # "Microsoft, the buyer of Activision"
        targets = reader.object(m.end(), single=True)
        buyer = reader.before(m.start(), _BUYER_OF_GAP) if targets else None
        if targets and buyer is None:  # "the new owner of Just Eat, Takeaway.com,"
            apposition = _APPOSITION_DASH.match(sentence, targets[0].end)
            after = reader.object(apposition.end(), single=True) if apposition else None
            buyer = after[0] if after else None
        if buyer:
            found.append((buyer, targets[0]))
    verbs = sorted([*ACQUIRES.finditer(sentence), *MORE_ACQUIRES.finditer(sentence)], key=lambda v: v.start())
    for m in verbs:
        gerund = m.group(0).lower().endswith("ing")
        if m.start() in passive_at or (not gerund and _BEING.search(sentence, max(0, m.start() - 12), m.start())):
            continue  # "was acquired by", "is being bought": the passive, read above
        if sentence[m.end() : m.end() + 1] == "-" or NOT_A_PURCHASE_WORD.match(sentence, m.start()):
            continue  # "buy-now, pay-later firm", "acquiring banks"
        if BUY_NOW.match(sentence, m.start()):
            continue  # "the buy now, pay later provider": a kind of credit
        if ADJECTIVAL_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
            continue  # "his recently acquired shares", "the newly acquired studio"
        # "acquired several startups, including X and Y", "acquiring studios such as X and Y"
        several = SEVERAL.match(sentence, m.end()) or KINDS_SUCH_AS.match(sentence, m.end())
        several = several or SEVERAL_LISTED.match(sentence, m.end())
        several = several or WHOLE_OF.match(sentence, m.end())  # "acquire all outstanding shares of Y"
        targets = reader.object(several.end() if several else m.end())
        whole = _ALL_OF.match(sentence, m.end()) if not targets else None
        if whole:  # "acquire all of Y's outstanding shares": the whole of Y
            first = next((n for n in reader.named if n.start == whole.end() and not n.product), None)
            targets = [first] if first and _ITS_SHARES.match(sentence, first.end) else []
        if targets and _OUT_OF_VENTURE.match(sentence, targets[-1].end):
            continue  # "X bought out Y from their joint venture": Y's share of the venture, not Y
        if targets and _OTHER_THINGS.match(sentence, targets[-1].end):
            continue  # "acquire the Skinny Pop, Tyrrells and other brands": brands, no companies
        buyers = reader.listed_before(m.start(), len(targets)) if targets and "respectively" in sentence else []
        if buyers:  # "A and B plan to acquire C and D, respectively" (D, though named, may not be recognised)
            found.extend(zip(buyers, targets, strict=False))
            continue
        buyer = reader.subject(m.start(), gerund=gerund) if targets else None
        if targets and buyer is None and gerund:  # "Since acquiring Y in 2019, X has doubled its sales"
            buyer = reader.opening_subject(m.start(), _OPENING_GERUND)
        if targets and any(_pair(buyer, t) for t in targets if buyer):
            found.extend((buyer, t) for t in targets if buyer)
        elif not targets and _names_no_company(_OBJECT_REFERENCE.match(sentence, m.end())):
            # "Kestrel Software was founded in 2010. Datavane Systems bought the company in 2019.";
            # "Kestrel makes drones, and Datavane bought the British company in 2019"
            buyer = reader.subject(m.start(), gerund=gerund)
            target = reader.head(buyer) if isinstance(buyer, Named) else None
            # not the sentence before's company where this one names another before the verb ("Z
            # will sell 10% of Y to W, after buying the business": Y's, or none; "a 51% stake in Y,
            # taking control of the company")
            others = any(
                n.end <= m.start() and not n.product and n.company != buyer.company
                for n in (reader.named if isinstance(buyer, Named) else ())
            )
            target = target or (None if others else reader.previous_subject)
            if isinstance(buyer, Named) and target and buyer.company != target:
                found.append((buyer, target))
        else:  # "Annapurna Labs, an Israeli chipmaker the tech giant bought"
            buyer, target = reader.relative(m.start(), m.end())
            # "Netflix buys Night School Studio": a name recognition missed (not in a headline that
            # capitalises every word: "Sony Acquires First Mobile Game Studio")
            told = not (targets or (buyer and target) or sentence[m.start()].isupper())
            unnamed = _unnamed_object(sentence, m.end(), reader.named) if told else None
            if unnamed:
                buyer = reader.subject(m.start(), gerund=gerund)
                target = unnamed if isinstance(buyer, Named) and not buyer.product else None
            if buyer and target:
                found.append((buyer, target))
    pairs = []
    for buyer, target in found:
        if any(isinstance(n, Named) and _FAMILY_AFTER.match(sentence, n.end) for n in (buyer, target)):
            continue  # "The Glazer family bought Manchester United": people, no company
        buyer, target = (_american(sentence, n) for n in (buyer, target))
        pair = _pair(buyer, target)
        if pair and pair not in pairs:
            pairs.append(pair)
    return pairs


def _american(sentence: str, n: Named | str) -> Named | str:
    """``n`` with the "American" that opens its name and that recognition read as a nationality
    ("Boston-based American Tower", "to American Industrial Partners"): news writes a US company's
    nationality "US" or with a noun between ("the American firm Y"), not right before its name."""
    if isinstance(n, str) or n.product or not _AMERICAN_BEFORE.search(sentence, max(0, n.start - 10), n.start):
        return n
    return Named(n.start - 9, n.end, "American " + n.company, "American " + n.name)


_AMERICAN_BEFORE = re.compile(r"(?<![\w'\u2019.-])American \Z")


def _an_opening_word(sentence: str, n: Named) -> bool:
    """Whether a name no list holds is only the word that opens the sentence ("Another deal saw",
    "Leading all deals was", "Especially when it"): an adverb, a gerund or a determiner."""
    if " " in n.name or not _OPENING.fullmatch(sentence, 0, n.start) or n.name in default_lexicon().surfaces:
        return False
    word = n.name.lower()
    return word in _OPENING_WORDS or (len(word) > 4 and word.endswith(("ly", "ing")))


_OPENING = re.compile(r"[\s\"'\u201c\u2018(]*")
_OPENING_WORDS = frozenset("another other each every such many most some several overall both either neither".split())


def _little_words_lowered(sentence: str, named: list[Named]) -> str:
    """A headline that capitalises every word ("Microsoft To Buy Activision In $69 Billion Deal")
    with its little words in lower case, as the rules read them (outside the names; the same
    length, so every position stands)."""
    words = _HEADLINE_WORD.findall(sentence)
    if len(words) < 3 or not all(w[0].isupper() or not w[0].isalpha() or len(w) <= 3 for w in words):
        return sentence
    inside = [(n.start, n.end) for n in named]

    def lowered(m: re.Match) -> str:
        return m.group(0) if any(a <= m.start() < b for a, b in inside) else m.group(0).lower()

    return _LITTLE_WORD.sub(lowered, sentence)


_HEADLINE_WORD = re.compile(r"[\w$][\w$.,'\u2019&-]*+")
_LITTLE_WORD = re.compile(
    r"(?<=\s)(?:In|For|To|Of|By|From|With|And|Or|As|At|On|Over|After|Amid|Into|The|A|An|Its|Their|Than|Via|Is|Be"
    r"|Was|Are|Will|Would|Has|Have|Had|After|Before|From|Deal|Bid|Stake|Shares|Offer|Talks)(?=\s|$)"
)


def _not_done(sentence: str, named: list[Named]) -> bool:
    """Whether the sentence tells of a deal blocked, abandoned or refused; a word of failure
    that describes a company ("the acquisition of collapsed Imperial Bank") tells of none."""
    starts = {n.start for n in named}
    words = [*NOT_DONE.finditer(sentence), *_MORE_UNDONE_FOUND.finditer(sentence)]
    return any(not _describes(sentence, m, starts) for m in words)


# the words of failure tried only where one's beginning stands in the lowered sentence
_MORE_UNDONE_FOUND = CaseBlind(MORE_UNDONE)
_FAMILY_AFTER = re.compile(r"\s+(?:family|families|brothers|sisters|heirs|clan|dynasty)\b", re.IGNORECASE)
_DESCRIBING = re.compile(r"\s+(?:[a-z][\w-]*+\s+)?")
_DEAL_NOUN = re.compile(r"\b(?:deal|takeover|acquisition|merger|bid|offer|purchase|buyout|tie-up|combination)\b", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:of|the|a|an|its|their|by|from|with|for|to)\s+$", re.IGNORECASE)


def _has_cue(lowered: str) -> bool:
    return ACQUISITION_STEM.search(lowered) is not None or any(stem in lowered for stem in MORE_STEMS)


def _pair(buyer: Named | str, target: Named | str) -> tuple[str, str] | None:
    a = buyer if isinstance(buyer, str) else buyer.company
    if isinstance(target, str):
        b = target  # "It was bought by X": the company the sentence before is about
    elif target.product:
        if target.company != a:
            return None  # buying another company's product is no purchase of a company
        b = target.name  # "Microsoft's acquisition of LinkedIn": the product was a company
    else:
        b = target.company
    if a.lower() in POLITICAL or b.lower() in POLITICAL:
        return None  # "Republicans took over the House": parties and chambers are no companies
    if _a_person(a) or _a_person(b):
        return None  # "Billionaire Elon Musk bought Twitter": a person is no party to a purchase
    return (a, b) if a and b and a != b else None


def _a_person(name: str) -> bool:
    """A name recognition took for a company that a person's title opens ("Businessman Graham Hart")."""
    first, _, rest = name.partition(" ")
    given = rest.split(" ", 1)[0]
    return first.lower() in PERSON_TITLES and (given in MALE_NAMES or given in FEMALE_NAMES) and plausible_name(rest)


_BY = re.compile(r"\s+(?:in\s+\d{4}\s+)?by\s+")
# the verb of a sale its subject made: "Y announced a sale to X", "Y completed a $2bn sale to X"
_SALE_MADE = re.compile(
    r"\b(?:announc|agree|complet|confirm|finali[sz]|seal)\w*\s+an?\s+(?:[$\u20ac\u00a3][\w.,]+\s+(?:million\s+|billion\s+)?)?\Z",
    re.IGNORECASE,
)
# a bracket after the company bought: its other name or its ticker
_BRACKET_AFTER = re.compile(r"\s*\([^()]{1,40}\)")
_CAPITALISED = re.compile(r"(?:the\s+)?([A-Z][\w&.-]*+)")
# a purchase's object recognition missed: a short description, then a capitalised run, closed
_UNNAMED_OBJECT = re.compile(
    r"\s+(?:the\s+|an?\s+)?(?:[a-z][\w-]*+\s+){0,3}?"
    r"(?P<name>[A-Z][\w&'\u2019.-]*+(?:\s+(?:[A-Z][\w&'\u2019.-]*+|of|&)){0,4}?)"
    r"(?=\s*(?:[,;:]|\.(?:\s|$)|$|\s+(?:for|in|from|last|earlier|this|on|at|to|as|after|before|which|that|with|over)\b))"
)
_THE_COMPANYS = re.compile(
    r"\b[Tt]he\s+(?:company|firm|group)['\u2019]s\s+(?:(?!(?:of|by|for|in|to|and|with)\s)[\w$\u20ac\u00a3.,-]++\s+){0,3}?\Z"
)
_WHEN_WORDS = frozenset(
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul"
    " Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Q1 Q2 Q3 Q4"
    " Mid End Early Late".split()
)
# a possessive name right before the deal's noun: "Bristol-Myers Squibb's $74 billion takeover of"
_UNNAMED_POSSESSOR = re.compile(
    r"(?<![\w&.'\u2019-])([A-Z][\w&.-]*+)['\u2019]s?\s+(?:(?:US|A|C)?[$€£]?[\d.,]++\s*(?:billion|million|bn|m|b)?\s+)?"
    r"(?:[a-z][\w-]*+\s+){0,2}\Z"
)
_UNIT_TO = re.compile(
    r"(?:['\u2019]s)?\s+(?:[a-z][\w-]*+\s+){0,2}?(?:unit|units|business|businesses|division|divisions|arm|operations|subsidiary)"
    r"(?:\s+in\s+(?:[A-Z][\w.-]*+\s+){0,2}[A-Z][\w.-]*+)?\s+to\s+"
)
_THEN_TO = re.compile(r"(?:\s*,?\s+(?:in|on|last|earlier)\s+[^,;]{1,30}?,?)?\s+to\s+")
_SOLD_REFERENCE = re.compile(
    r"\s+the\s+(?:[a-z][\w-]*+\s+){0,2}?(?:company|firm|business|chain|startup|start-up|group|brand|bank|studio)"
    r"\s+(?:(?:in|last|earlier|on)\s+[^,;]{1,20}?\s+)?to\s+"
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
_BOUGHT_INTO = re.compile(r"(?:bought|acquired|purchased)\s+into", re.IGNORECASE)
_TO = re.compile(r"\s+to\s+")
_OF = re.compile(r"(?:\s+(?:Holdings|Group|Inc|Corp|Ltd|plc|Co)\.?,?)?\s+of\s+")
# a relative clause opened before a company and closed after it: "Y, which bought Z in 2016, was"
_RELATIVE_OPEN = re.compile(r",\s*(?:which|who|whose|that)\s[^,;()]*\Z", re.IGNORECASE)
_OUT_OF_VENTURE = re.compile(
    r"\s+(?:out\s+)?(?:of|from)\s+(?:the|their|its|a)\s+(?:[\w-]+\s+){0,2}?(?:venture|partnership|consortium|alliance)\b",
    re.IGNORECASE,
)
_WHICH_BEFORE = re.compile(r",\s*(?:which|that)\s+\Z")
_NO_GAP = re.compile(r"\s*")
_BEING = re.compile(r"\b(?:be|been|being|is|are|was|were|get|got)\s+$", re.IGNORECASE)
# between a company bought and the passive verb: "Y, which has been", "Y was later"
_PASSIVE_GAP = re.compile(
    r"(?:\s*\([^()]{0,40}\))?[\s,]*(?:(?:which|that|after|since|before|when|while|until)\s+)?"
    r"(?:(?:has|have|had|was|were|is|are|being|been|be|got|gets|get|will|to|later|recently|eventually|officially|now"
    r"|already"
    r"|subsequently|since|then|itself|finally|formally|also|first|originally|agreed|agrees|in\s+\d{4},?)\s+){1,5}"
    r"|\s*,\s*|\s+",
    re.IGNORECASE,
)
# what may stand before a sentence's subject: an opening phrase ("In June, "), a description
# ("Chipmaker ", "US-based investment firm ") or an owner ("Jack Dorsey's "), but no preposition
_SUBJECT_PRE = re.compile(
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
# an opening clause whose verb is a gerund, or whose noun has "its", with no subject of its own
_OPENING_GERUND = re.compile(r"\W{0,2}(?:Since|After|Before|Upon|On|While|When|By)\s+(\w+ing)\s[^,;]{1,120}?,\s")
_OPENING_BEING = re.compile(
    r"\W{0,2}(?:Since|After|Before|Upon|Following|Shortly\s+after|Soon\s+after)\s+(being|having\s+been)\s[^,;]{1,120}?,\s"
)
_AFTER_BEING = re.compile(r"\b(?:since|after|before|upon|following)\s+(?:being|having\s+been)\s+(?:[a-z]+ly\s+)?\Z")
_OPENING_ITS = re.compile(r"\W{0,2}(?:Since|After|Before|Upon|On|Following|With|Through)\s+(its)\s[^,;]{1,120}?,\s")
# the kinds of company a reference back names: "the company", "the chip designer", "the streaming service"
_KINDS = (
    r"company|firm|group|giant|business|startup|start-up|conglomerate|behemoth|\w*maker|developer|designer"
    r"|manufacturer|producer|supplier|distributor|vendor|provider|service|platform|network|operator|carrier"
    r"|retailer|chain|bank|lender|insurer|airline|publisher|studio|brewer|miner"
)
# where a clause with a subject of its own starts (" : " ends a heading: "Food acquisition news : X
# has agreed to acquire Y"; "after striking an agreement to acquire": the gerund's subject is the
# clause's before it)
_CLAUSE = re.compile(
    r";|\u2014|\s--\s|\s:\s|\b(?:but|while|whereas|as|after|although|though|because|since)\s+(?=\S)(?![a-z]{1,20}?ing\b)"
)
# "it", "they", "the company", "the tech giant": a company named before
_REFERENCE = re.compile(
    rf"\b(?:[Ii]t|[Tt]hey|[Tt]he\s+(?:[\w$.,-]+\s+){{0,3}}?(?:{_KINDS}|owner|parent|buyer|acquirer))\b"
)
# a reference that reports what the company it names does: "The company said (on Monday) that
# it", "The $12bn-asset lender announced it"
_REFERENCE_REPORTS = re.compile(
    rf"(?:[^,;.]{{1,60}},\s+)?(?:It|it|[Tt]he\s+(?:[\w$.,-]+\s+){{0,3}}?(?:{_KINDS}))\s+(?:also\s+)?"
    r"(?:said|says|announced|announces|confirmed"
    r"|confirms|disclosed|revealed)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|today|yesterday))?(?:\s+that)?\s+"
)
# the verbs that make a subject the buyer in "X completed its acquisition of Y"
_COMPLETED = re.compile(
    r"\b(?:complet|clos|finalis|finaliz|announc|unveil|agree|made|make|confirm|sign|seal|struck|strike|approv)\w*\b",
    re.IGNORECASE,
)
# "X's $2bn", "X' A$5.25 billion ($3.34 billion)", "Bristol-Myers Squibb's" (where only the
# name's first words are known)
_POSSESSIVE_TO_CUE = re.compile(
    r"(?:\s[A-Z][\w&-]*+){0,2}['\u2019]s?\s+(?:(?!(?:of|by|for|in|to|and)\s)[\w$€£.,-]++\s+){0,5}?"
    r"(?:\([^()]{0,30}\)\s+)?(?:(?!(?:of|by|for|in|to|and)\s)[\w$€£.,-]++\s+){0,2}?"
)
_ITS = re.compile(r"\b(?:its|their)\s+(?:[\w$€£.,-]+\s+){0,5}?$", re.IGNORECASE)
_NATIONALITY = re.compile(r"[A-Z][^\W\d_A-Z]+(?:an|ian|ese|ish|i|ic|ch|ean|ois)")
# after a nationality, what it describes: "Israeli startup", "Omani and Saudi assets"
_DESCRIBED_AFTER = re.compile(
    r"\s+and\s+[A-Z]|(?!\s+(?:for|in|from|and|or|on|at|as|to|last|this|earlier|later|back|after|before|over"
    r"|valued|worth|when|while|under|through|since|was|is|has|had|have|would|will|said|says|[a-z]+ed)\b)\s+[a-z]"
)
# "Microsoft, the buyer of", "Microsoft became the new owner of"
_BUYER_OF_GAP = re.compile(
    r",\s+(?:the|its)\s+(?:[\w-]++\s+){0,2}?"
    r"|\s+(?:is|was|became|has\s+become|is\s+now|will\s+be|emerged\s+as|emerges\s+as)\s+(?:the\s+)?(?:[\w-]++\s+)?"
)
_TO_DO = re.compile(r"\s+to\s+(?!be\b)[a-z]")
_APPOSITION_DASH = re.compile(r"\s*[,\u2013\u2014]\s*|\s+-\s+")
# the kinds of company a description names: "the Auckland firm", "the chipmaker"
_FIRM_KINDS = (
    r"company|firm|business|startup|start-up|group|chain|\w*maker|developer|lender"
    r"|retailer|insurer|brewer|operator|publisher|studio|miner|producer|supplier|airline|carrier"
)
# "for the company", "for the Auckland firm": the company the sentence is about
_THE_COMPANY = re.compile(rf"\s+the\s+(?:[\w-]++\s+){{0,2}}?(?:{_FIRM_KINDS})\b(?!['\u2019])")
_SPACE = re.compile(r"\s+")
# what makes an offer one for the company: "a $69bn takeover offer", "an all-cash offer"
_TAKEOVER_OFFER = re.compile(
    r"(?:[$€£]\s?\d|\b(?:takeover|buyout|acquisition|cash|all-cash|all-share|per\s+share|recommended"
    r"|improved|increased|sweetened|revised)\b)"
    r"[^.;]{0,40}?\b(?:offer|bid|proposal)\b",
    re.IGNORECASE,
)
_PART_OF_BEFORE = re.compile(
    r"(?:\b(?:stakes?|shares?|interests?|holdings?|part|portion|assets|equity|minority|majority)|%|per\s?cent)"
    r"\s+(?:in|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PLAIN_WORD = re.compile(r"(?<![\w-])[A-Za-z]++(?![\w-])")
# what stands before the company bought in "X's $2bn Y takeover", "X completes its Y acquisition"
_OWNER_BEFORE = re.compile(
    r"(?:['\u2019]s?|\s(?P<its>its|their|the|an?))\s+(?:[$€£][\d.,]++\s*(?:billion|million|bn|m|b)?\s+)?\Z"
)
_OUR_TO_CUE = re.compile(r"\s+(?:(?!(?:of|by|for|in|to|and)\s)[\w$€£.,-]++\s+){0,3}?")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[$€£][\w.,]++\s+)?$")
_PARENTHESIS = re.compile(r"\s*\([^()]{0,40}\)")
_WORD = re.compile(r"\S+")
_DEMONYM = re.compile(
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
# the company the sentence before is about, as what a verb buys: "bought the company in 2019",
# "acquired the startup for $50m", "bought it for $2bn" ("it" only before a price or a year: "it"
# may be a product)
_OBJECT_REFERENCE = re.compile(
    r"\s+(?:the\s+(?:(?!(?:other|parent|holding|new|same|whole|entire|rival|joint|shell|last|first|next)\b)"
    r"[\w-]++\s+){0,2}?(?:" + _FIRM_KINDS + r"|bank|brand)\b(?!"
    r"\s*['\u2019]s|\s+(?:of|that|which|behind)\b|\s+[A-Z]|\s+\d++(?!\s+(?:years?|months?|weeks?|decades?)\b))|it\s+(?=(?:for|in)\s+(?:[$€£]|\d|US\$|A\$)|(?:last|earlier\s+this)\s+(?:year|month)\b))"
)
# a deal's noun opening the sentence: "Its $2bn ", "The planned " (no company before it)
_OPENING_NOMINAL = re.compile(r"\W{0,2}(Its|Their|The)\s+(?:(?!(?:of|by|for|in|to|and|with)\s)[\w$€£.,-]++\s+){0,4}")
# a sentence that tells of a deal its subject made: "X announced a $2bn deal", "X agreed to buy a chipmaker"
_DEAL_MADE = re.compile(
    r"\b(?:announc|agree|struck|strik|sign|reach|seal|clinch|ink|unveil)\w*\s+(?:(?:a|an|the|its|their)\s+)?"
    r"(?:[\w$€£.,-]++\s+){0,4}?(?:deal|agreement|acquisition|takeover|purchase|buyout)\b"
    r"|\bagreed\s+to\s+(?:buy|acquire|purchase|take\s+over)\b"
)
_THEN_TO_NEXT = re.compile(r"(?:\s+(?:in|for)\s+[^,;]{1,30}?)?,?\s+(?:and\s+)?(?:then|later|subsequently)\s+to\s+")
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:[Tt]he\s+)?")
# what a list of names ends with when they are no companies: "and other international brands"
_OTHER_THINGS = re.compile(
    r"(?:\s*,)?\s+(?:and|or)\s+(?:other|more|several|many)\s+(?:[a-z][\w-]*+\s+){0,2}?(?:brands|products|labels"
    r"|titles|assets|stores|properties|sites|trademarks|names)\b"
)
_ALL_OF = re.compile(r"\s+all\s+(?:of\s+)?")
_ITS_SHARES = re.compile(
    r"['\u2019]s?\s+(?:(?:outstanding|issued|remaining|ordinary|common|existing)\s+){0,3}(?:shares|stock|share\s+capital)\b"
)
# a noun between a company and the company it describes: "Facebook community Starterhub"
_HOST_NOUN = re.compile(
    r"\s+(?:[a-z][\w-]*+\s+)?(?:community|unit|subsidiary|division|arm|affiliate|spin-off|spinoff|offshoot|group"
    r"|brand|label|studio|app|platform|marketplace|site|service|network|journal|magazine|newspaper|portal"
    r"|supplier|provider|maker|manufacturer|developer|designer|operator|rival|competitor|distributor|retailer"
    r"|lender|producer|carrier|insurer|specialist|startup|start-up)\s+"
)
# "Spain's Shotl", "Australia's fast-growing Afterpay": a possessive before the company named
_OWNER_DESCRIBES = re.compile(r"['\u2019]s?\s+(?:[a-z][\w-]*+\s+){0,2}")
_ITS_BEFORE = re.compile(r"\b(?:its|their)\s+\Z")
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
# a name recognition cut at a possessive: "Snyder's-Lance"
_JOINED_BY_POSSESSIVE = re.compile(r"['\u2019]s-[A-Z][\w&]*+")
_PLACE_BASED_AFTER = re.compile(
    r",\s*(?:[A-Z]{2}|[A-Z][a-z]+|[A-Z][a-z]{1,4}\.)-(?:based|headquartered)\s+(?:[a-z][\w-]*+\s+){0,3}(?=[A-Z])"
)
# a backer before the company it describes: "SoftBank Group funded ParkJockey"
_FUNDED_AFTER = re.compile(r"(?:\s+(?:Group|Holdings))?\s+(?:funded|backed|owned|controlled)\s+(?=[A-Z])")
# a relative clause whose verb is the purchase: ", which had previously acquired"
_RELATIVE_BEFORE_VERB = re.compile(r",\s*(?:which|who)\s+(?:[a-z]+\s+){0,3}\Z")
_LIST_AFTER = re.compile(r"(?:\s+in\s+\d{4})?(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+)")


class _Reader:
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
            joint = _LIST_AFTER.match(self.sentence, place.end() if place else found[-1].end)
            apposition = joint and "," in joint.group(0) and "and" not in joint.group(0)
            if apposition and _APPOSITION.match(self.sentence, joint.end()):
                break  # "Schenker, the logistics arm of Deutsche Bahn": Deutsche Bahn describes it
            following = self._first_after(joint.end()) if joint else None
            if following is None and joint and joint.group(0).rstrip().endswith("and"):
                # "followed by AdMeld and Invite Media": the last of a list, which recognition missed
                following = _unnamed_object(self.sentence, joint.end() - 1, self.named)
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
            if n.start - gap_start > 90 or not _description(self.sentence[gap_start : n.start]):
                return None
            whole = self._whole_name(n)
            if whole is not n:
                return whole
            if _NATIONALITY.fullmatch(n.name) and _DESCRIBED_AFTER.match(self.sentence, n.end):
                gap_start = n.end  # "the Québecois chain Premiere Moisson", "other African startups"
                continue
            described = _PLACE_BASED_AFTER.match(self.sentence, n.end) or _FUNDED_AFTER.match(self.sentence, n.end)
            if described and any(o.start == described.end() for o in self.named):
                gap_start = n.end  # "Wilton, CT-based Emery Worldwide", "SoftBank funded ParkJockey"
                continue
            if _AFTER_OBJECT.match(self.sentence, n.end) or _OF_PLACE.match(self.sentence, n.end):
                return n
            noun = COMPANY_NOUN_AFTER.match(self.sentence, n.end)
            if noun and any(o.start == noun.end() + 1 and not o.product for o in self.named):
                gap_start = n.end  # "Aberdeen company DeltaTek Global": a place describes the company named
                continue
            if _UNIT_AFTER.match(self.sentence, n.end) or noun:
                return n
            kind = None if n.product else _KIND_AFTER.match(self.sentence, n.end)  # ("the Destiny developer, Bungie")
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
        joined = None if n.product else _JOINED_BY_POSSESSIVE.match(s, n.end)
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
        if opening is None or self.previous_subject is None or _NOT_YET_NOMINAL.search(opening.group(0)):
            return None  # (not "Its planned acquisition of Y")
        if opening.group(1).lower() == "the" and not _DEAL_MADE.search(previous):
            return None
        return self.previous_subject

    def head(self, buyer: Named) -> str | None:
        """The company this sentence opens with, before ``buyer``, unless it only speaks."""
        first = self.named[0]
        if first.end > buyer.start or first.company == buyer.company or first.product:
            return None
        if not _SUBJECT_PRE.fullmatch(self.sentence, 0, first.start) or _SPEAKS.match(self.sentence, first.end):
            return None
        return first.company

    def opening_subject(self, at: int, opening: re.Pattern) -> Named | None:
        """The subject of the main clause, for a word at ``at`` inside the clause that opens the
        sentence and ends at its first comma ("Since acquiring Y in 2019, X has ...")."""
        m = opening.match(self.sentence)
        if m is None or not m.start(1) <= at < m.end():
            return None
        n = next((n for n in self.named if n.start >= m.end()), None)
        if n is None or n.product or not _SUBJECT_PRE.fullmatch(self.sentence, m.end(), n.start):
            return None
        return n

    def its_head(self, at: int) -> Named | None:
        """The company the sentence opens with, for "its" right before a noun at ``at`` with no
        other company between: "Y will be delisted after its takeover by X"."""
        its = _ITS_BEFORE.search(self.sentence, max(0, at - 12), at)
        before = [n for n in self.named if n.end <= at]
        if its is None or not before or len({n.company for n in before}) > 1 or before[0].product:
            return None
        return before[0] if _SUBJECT_PRE.fullmatch(self.sentence, 0, before[0].start) else None

    def opening_its(self, at: int) -> Named | None:
        """Whose "its" is, right before a noun at ``at`` in an opening clause: "Following its
        acquisition of Y, X cut jobs"."""
        if _ITS_BEFORE.search(self.sentence, max(0, at - 12), at) is None:
            return None
        return self.opening_subject(at - 1, _OPENING_ITS)

    def before(self, at: int, gap: re.Pattern) -> Named | None:
        """The company named right before ``at`` with only ``gap`` between."""
        for n in reversed(self.named):
            if n.end <= at:
                between = self.sentence[n.end : at]
                if _PART_OF_BEFORE.search(self.sentence, max(0, n.start - 40), n.start):
                    return None  # "a 20% stake in Y was bought by X": a part, no company
                if not gap.fullmatch(between) or _not_yet(self.sentence, n.end, at):
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
                if _NOT_YET_NOMINAL.search(between):
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
        if buyer is None or _NOT_YET_NOMINAL.search(self.sentence, buyer.end, noun.start()):
            return []
        targets = self.object(after.end()) if after else []
        if not targets:
            before = self.before(buyer.start, NAMED_BEFORE_OWNER)
            targets = [before] if before else []
        return [(buyer, t) for t in targets]

    def owner_of_its(self, at: int) -> Named | str | bool | None:
        """The subject of the clause for "its" before a noun at ``at`` ("its acquisition of")."""
        its = _ITS.search(self.sentence, max(0, at - 60), at)
        if its is None or _NOT_YET_NOMINAL.search(self.sentence, its.start(), at):
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
            head = next((n for n in candidates if _SUBJECT_PRE.fullmatch(s, start, n.start)), None)
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
                v.end() <= nearest.start and _description(s[v.end() : nearest.start])
                for v in ACQUIRES.finditer(s, head.end, nearest.start)
            )  # (not "X bought Y, and Z bought W": Z opens a clause of its own)
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
                head is nearest or "," in s[nearest.end : at] or other_side or object_of_a_verb or bracketed or beaten
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
                    v.end() <= nearest.start and _description(s[v.end() : nearest.start])
                    for v in [
                        *ACQUIRES.finditer(s, start, nearest.start),
                        *MORE_ACQUIRES.finditer(s, start, nearest.start),
                    ]
                )
                chosen = None if inside or acted_on or bought_before else nearest
            if chosen is not None:
                gap = s[chosen.end : at]
                if len(gap) > 220 or _not_yet(s, chosen.end, at) or (completed and not _COMPLETED.search(gap)):
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
            _SUBJECT_PRE.fullmatch(s, start, reference.start())
            or _REFERENCE_REPORTS.fullmatch(s, start, reference.start())  # "The company said it would buy Y"
        ):
            return None
        gap = s[reference.end() : at]
        if len(gap) > 160 or _not_yet(s, reference.end(), at) or (completed and not _COMPLETED.search(gap)):
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
        if head is not None and _SUBJECT_PRE.fullmatch(s, start, head.start):
            gap = s[head.end : at]
        else:
            reference = _OPENING_REFERENCE.match(s, start)
            if reference is None:
                return None
            head, gap = self.previous_subject, s[reference.end() : at]
        if head is None or len(gap) > 160 or _not_yet(s, at - len(gap), at):
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


def _unnamed_object(sentence: str, at: int, named: list[Named]) -> Named | None:
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
    if name in NOT_COMPANIES or first in NOT_COMPANIES or first in _WHEN_WORDS or first in _PLACE_OPENERS:
        return None
    if _NATIONALITY.fullmatch(first) or first in _FEW_DEMONYMS or first.lower() in POLITICAL:
        return None
    if (words[0] in MALE_NAMES or words[0] in FEMALE_NAMES) or (len(words) == 2 and plausible_name(name)):
        return None  # "bought John Smith's stake": a person
    if not _description(sentence[at : m.start("name")]):
        return None  # "bought a stake in Y", "bought shares of Y"
    return Named(m.start("name"), m.start("name") + len(name), name, name)


def _unrecognised_name(word: re.Match | None) -> bool:
    """Whether a capitalised word names a company recognition missed (not a month, a place or a body)."""
    if word is None:
        return False
    bare = word.group(1).rstrip(".,")
    return not (bare in _WHEN_WORDS or bare in NOT_COMPANIES or _NATIONALITY.fullmatch(bare) or bare in _FEW_DEMONYMS)


def _names_no_company(reference: re.Match | None) -> bool:
    """Whether an object like "the British company" refers to a company named before, and names
    none itself ("the smaller Safeway chain" names one, though not recognised)."""
    if reference is None:
        return False
    for word in reference.group(0).split()[1:-1]:
        bare = word.strip(",")
        if bare[:1].isupper() and not (bare in NOT_COMPANIES or _DEMONYM.fullmatch(bare) or bare in _FEW_DEMONYMS):
            return False
    return True


_FEW_DEMONYMS = frozenset("Swiss Greek Thai Czech Dutch French Welsh Basque Maltese".split())


def _describes_next(gap: str) -> bool:
    """Whether the words between two names are a noun that describes the second ("Mass transport
    startup SWVL", "Google parent Alphabet"), not a verb or a joint ("Microsoft and Google")."""
    words = gap.split()
    return 0 < len(words) <= 3 and all(
        _NOUN_WORD.fullmatch(w) and w not in NOT_IN_A_DESCRIPTION and w != "and" and not _VERB_FORM.fullmatch(w)
        for w in words
    )


def _not_yet(sentence: str, start: int, end: int) -> bool:
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
_NOT_YET_NOMINAL = re.compile(
    r"\b(?:potential|possible|rumou?red|planned|failed|abandoned|blocked|aborted|attempted|hostile|mooted"
    r"|would-be|proposal|bid|talks|interest)\b",
    re.IGNORECASE,
)
# between a company and the verb of the relative clause it opens: ", which has since"
_WHICH_VERB = re.compile(r"\s*,\s*(?:which|who)\s+(?:(?:has|have|had|later|then|also|eventually|\w+ly)\s+){0,2}")
_WITH_PHRASE = re.compile(r"\b(?:with|from)\s+(?:[\w.&'\u2019-]+\s+){1,4}$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|for|from|with|to|by|in|on|at|against|than|about|into|between|like|including|whether|behind|beside"
    r"|besides|alongside|among|amid|versus|vs\.?|ahead\s+of|such\s+as)\s+$",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(
    rf"(?:\b[Tt]he\s+(?:[\w-]+\s+){{0,3}}?(?:{_KINDS})|(?<=which\s)it)\s+"
    r"(?:(?:has|had|have|later|eventually|then|first|originally)\s+){0,2}$"
)
# "It", "The company", "In 2010 the firm" opening a clause: the company the sentence before is about
_OPENING_REFERENCE = re.compile(
    r"(?:[^,;.]{1,40},\s+|[Ii]n\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+|(?:Last|Earlier\s+this|This)\s+(?:year|month|week)\s+)?"
    rf"(?:[Ii]t|[Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?:{_KINDS}|brand|station))\b"
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
_KIND_AFTER = re.compile(
    r"(?:\s+[a-z][\w-]*+){0,2}\s+(?:operator|maker|company|firm|group|chain|business|brand|startup|start-up"
    r"|retailer|provider|developer|publisher|lender|bank|insurer|brewer|airline|carrier|studio|platform|miner"
    r"|manufacturer|producer|supplier|distributor)\b"
)
_NAMED_NEXT = re.compile(r"\s*,\s*(?:the\s+)?[A-Z]")  # "the Destiny developer, Bungie": the name follows
_NEW_OWNER_WORD = re.compile(r"['\u2019]s?\s+(?:new\s+(?:owner|parent)|buyer|acquirer|purchaser)\b")
# a buyer that those who buy stand for: "funds managed by X acquired Y"
_MANAGED_BY_BEFORE = re.compile(
    r"(?:^|,\s|\b[Ii]n\s+\d{4}\s)\s*(?:[Ff]unds?|[Vv]ehicles?|[Aa]ffiliates?|[Ee]ntities|[Aa]\s+consortium|[Aa]n?\s+(?:investor\s+)?group)"
    r"\s+(?:managed|advised|controlled|owned|backed|led)\s+by\s+\Z"
)
# a place after a company's name: "Corr Wireless of Alabama, " (then a list goes on or ends)
_OF_PLACE = re.compile(r"\s+of\s+(?:[A-Z][\w-]*+\s+){0,3}[A-Z][\w-]*+(?=\s*[,.;]|\s+and\s)")
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


def _description(gap: str) -> bool:
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
            place = bare in _PLACE_OPENERS and i + 1 < len(words) and _DEMONYM.fullmatch(words[i + 1].strip(",:"))
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
            if not (bare in NOT_COMPANIES or _DEMONYM.fullmatch(bare) or possessive or place or kind):
                return False
        previous = lower
    return not re.search(r"[.;()]\s", gap)


def _place_based(sentence: str, place: Named, company: Named) -> bool:
    """Whether ``place`` is a town before a "-based" that describes ``company`` ("Greenville,
    Tenn.-based Forward Air")."""
    based = _PLACE_BASED_AFTER.match(sentence, place.end)
    return based is not None and based.end() == company.start


def made(sentence: str, bought: list[tuple[str, str]], pending: bool) -> list[tuple[str, str]]:
    """Of the purchases a sentence states, those it tells as made, which a deal undone later in
    the article leaves standing: all of them where the sentence is not ``pending`` (agreed, to
    close), else those a clause of history tells ("the largest since Facebook acquired WhatsApp",
    "a year after X bought Y")."""
    if not pending:
        return bought
    told = [m.group(0) for m in _HISTORY_PURCHASE.finditer(sentence)]
    return [pair for pair in bought if any(pair[0] in clause for clause in told)]


_HISTORY_PURCHASE = re.compile(
    r"\b(?:since|after|when|before)\s+(?:[A-Z][\w&.'\u2019-]*+\s+){1,4}(?:acquired|bought|purchased)\b"
)


def merged_into_survivors(sentences: list[tuple[str, list[Named]]]) -> list[tuple[int, str, str, str]]:
    """``(index, "acquires", survivor, other)`` for a merger of two companies the article names
    together, where it says which of them survives ("the merger between the two banks, with BPI
    as the surviving bank"): a merger into one of them is its purchase of the other. ``index``
    is the sentence that names the survivor. The survivor is also the company whose name the
    merged one keeps ("will maintain the brand name X"), whose owners hold most of it ("X
    shareholders would own 64 per cent of the new company"), or the one a merger does not value
    ("an all-share merger valuing Y at $3.4bn": Y is bought); not "run under the X brand". A merger
    with no survivor named is no purchase (which side buys is not guessed)."""
    parties: list[tuple[str, str]] = []
    survivors: dict[str, int] = {}
    valued: dict[str, int] = {}  # the companies a merger puts a price on: the ones bought
    for i, (text, named) in enumerate(sentences):
        lowered = text.lower()
        merger = ("merg" in lowered or "amalgam" in lowered) and MERGER_WORD.search(text) is not None
        # each cue only where its words stand (a plain search first)
        survivor = "surviv" in lowered
        kept = "name" in lowered and any(w in lowered for w in ("keep", "kept", "retain", "maintain"))
        held = " own " in lowered and OWNERS_HOLD_AFTER.search(text) is not None
        valuing = merger and any(w in lowered for w in ("valuing ", "values ", "valued "))
        if not (merger or survivor or kept or held):
            continue
        companies = list(dict.fromkeys(n.company for n in named if not n.product))
        if len(companies) == 2 and merger:
            parties.append((companies[0], companies[1]))
        for n in named if survivor or kept or held or valuing else ():
            if n.product:
                continue
            if survivor and (
                SURVIVOR_AFTER.match(text, n.end) or SURVIVOR_BEFORE.search(text, max(0, n.start - 60), n.start)
            ):
                survivors.setdefault(n.company, i)
            elif kept and NAME_KEPT_BEFORE.search(text, max(0, n.start - 40), n.start):
                survivors.setdefault(n.company, i)  # "will maintain the brand name X"
            elif held and (owners := OWNERS_HOLD_AFTER.match(text, n.end)) and float(owners.group(1)) > 50:
                survivors.setdefault(n.company, i)  # "X shareholders would own 64 per cent of the new company"
            elif (
                valuing
                and VALUED_BEFORE.search(text, max(0, n.start - 10), n.start)
                and VALUED_AFTER.match(text, n.end)
            ):
                valued.setdefault(n.company, i)  # "an all-share merger valuing Y at $3.4bn"
    for a, b in parties:  # the other side of a merger that values one of them
        for bought, other in ((a, b), (b, a)):
            if bought in valued and other not in valued and bought not in survivors:
                survivors.setdefault(other, valued[bought])
    found: dict[str, tuple[int, str, str, str]] = {}
    for a, b in parties:
        for survivor, other in ((a, b), (b, a)):
            if survivor in survivors and other not in survivors and survivor not in found:
                # one merger each: the other side as first named ("Robinsons Bank", later "RBC")
                found[survivor] = (survivors[survivor], "acquires", survivor, other)
    return list(found.values())


def one_name_each(found: list[tuple], mentions: Counter | None = None, written: Counter | None = None) -> list[tuple]:
    """``found`` (``(index, kind, a, b)``, in text order) without the purchases an article states
    again under another name of the same companies ("Microchip Tech buys Microsemi", then
    "Microchip Technology Inc. said it was buying Microsemi"; "Wilson Mining Services", then
    "WMS"): the first name stands, as the headline gives it, unless the article names the
    company more often by a shorter or longer form of it (``mentions``: how often each name
    stands): "Regal Entertainment Group has agreed to be acquired", then "Regal" five times.
    A name the article never writes alone is given as written (``written``: how often each
    ``(company, text)`` stands): "Pirate Brands", "Freescale Semiconductor" (recognition's
    "Pirate", "Freescale"), but "Uber" where "Uber" stands alone beside "Uber Technologies"."""
    kept: list[tuple] = []
    firsts: list[tuple[str, str]] = []
    for f in found:
        if f[1] != "acquires":
            kept.append(f)
            continue
        buyer, target = (_most_named(f[2], mentions), _most_named(f[3], mentions)) if mentions else f[2:4]
        if written:
            buyer, target = _as_written(buyer, written), _as_written(target, written)
        f = (*f[:2], buyer, target, *f[4:])
        if any(_same_name(buyer, a) and _same_name(target, b) for a, b in firsts):
            if (buyer, target) in firsts:
                kept.append(f)  # the very names again: more evidence of the same fact
            continue
        firsts.append((buyer, target))
        kept.append(f)
    return kept


_NAME_WORD = re.compile(r"[^\W_]+")


def _most_named(name: str, mentions: Counter) -> str:
    """The form of ``name`` (itself, or one whose words open the other's) the article uses most
    (not the possessive that opens a name joined by it: "Snyder" for "Snyder's-Lance")."""
    first, _, rest = name.partition(" ")
    if rest and first != "American" and _NATIONALITY.fullmatch(first) and mentions.get(rest):
        name = rest  # "the Colombian BLU Logistics", then "BLU Logistics": the nationality describes it
    words = _NAME_WORD.findall(name.lower())
    best = name
    if _JOINED_BY_POSSESSIVE.search(name):
        return name
    for other, count in mentions.items():
        if count <= mentions.get(best, 0) or other == name:
            continue
        found = _NAME_WORD.findall(other.lower())
        short, long = sorted((words, found), key=len)
        if short and long[: len(short)] == short:
            best = other
    return best


def _as_written(name: str, written: Counter) -> str:
    """``name`` as the article writes it where it never writes it alone: the form most written that
    opens with it ("Pirate Brands" for "Pirate"; legal suffixes and "Group" left out)."""
    forms = Counter()
    for (company, text), count in written.items():
        if company == name:
            if text == name:
                return name
            form = _WRITTEN_LEGAL.sub("", text)
            if form.startswith(name + " "):
                forms[form] += count
    return forms.most_common(1)[0][0] if forms else name


# what the common name leaves out: legal suffixes and the words of a group ("Cineworld Group" is Cineworld)
_WRITTEN_LEGAL = re.compile(rf"(?:[ ,]+(?:{LEGAL_SUFFIX}|Group|Holdings?|Company|International))+$")


def _same_name(one: str, other: str) -> bool:
    """Whether two names are one company's: the same, one the other's first words ("Microchip",
    "Microchip Technology"; "PMC", "PMC-Sierra"), or one the other's initials ("WMS")."""
    a, b = (_NAME_WORD.findall(name.lower()) for name in (one, other))
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    if long[: len(short)] == short:
        return True
    return len(short) == 1 and len(long) > 1 and short[0] == "".join(w[0] for w in long)


def undoing(sentence: str, mentions: list[tuple[int, str]]) -> set[str] | None:
    """The companies whose pending purchases a sentence undoes (``mentions``: where each
    company stands, in order), or None where it tells of no deal blocked, abandoned or refused.
    Where it names the company the deal was with ("Versum terminated its merger agreement with
    Entegris"), only deals with that one; else every company it names (all, where it names
    none: "regulators blocked the deal"). A word of failure that describes a company ("the
    acquisition of collapsed Imperial Bank") undoes nothing."""
    lowered = sentence.lower()
    if not any(stem in lowered for stem in _DEAL_STEMS) or not (
        DEAL_WORD.search(sentence) or MORE_DEAL_WORD.search(sentence)
    ):
        return None
    starts = dict(mentions)
    words = [*UNDONE.finditer(sentence), *_MORE_UNDONE_FOUND.finditer(sentence)]
    undone = [m for m in words if not _describes(sentence, m, starts) and not _tried_or_before(sentence, m)]
    # (a condition, "if it terminates the deal", undoes nothing; the month of May is no "may")
    conditional = any(m.group(0) != "May" or m.start() == 0 for m in HYPOTHETICAL.finditer(sentence))
    if not undone or conditional:
        return None
    parties = {starts[m.end()] for m in DEAL_WITH.finditer(sentence) if m.end() in starts}
    return parties or {company for _at, company in mentions}


# the starts of cues.DEAL_WORD's words: a plain search first, the pattern only where one stands
_DEAL_STEMS = ("deal", "merger", "takeover", "acquisition", "bid", "offer", "combination", "transaction", "purchase",
               "buyout", "sale", "agreement", "approach", "talks", "pursuit", "arrangement")  # fmt: skip


def _tried_or_before(sentence: str, word: re.Match) -> bool:
    """Whether a word of failure only tells of a power or an attempt to undo ("has no power to
    block the merger", "sued to block", "threatened to scrap"), or of offers refused before the
    one taken ("had repeatedly rejected offers", "after initially rejecting", "rejected an earlier
    offer"): no deal undone."""
    before = sentence[max(0, word.start() - 40) : word.start()]
    if _TRIED_BEFORE.search(before):
        return True
    refused = _REFUSAL.match(word.group(0)) is not None
    return refused and (
        _EARLIER_BEFORE.search(before) is not None
        or _EARLIER_AFTER.match(sentence, word.end()) is not None
        or _EARLIER_OFFER_BEFORE.search(sentence, max(0, word.start() - 100), word.start()) is not None
    )


_TRIED_BEFORE = re.compile(
    r"\b(?:power|powers|right|ability|attempts?|bid|efforts?|seeks?|sought|seeking|tr(?:y|ies|ied|ying)|wants?|wanted"
    r"|threaten(?:s|ed)?|vow(?:s|ed)?|moved?|moves|sue[sd]?|suing|lawsuit|plans?|planned|asked|urged|calls?|called)"
    r"\s+to\s+\Z",
    re.IGNORECASE,
)
_REFUSAL = re.compile(r"(?:reject|rebuff|refus|turn)", re.IGNORECASE)
_EARLIER_AFTER = re.compile(
    r"\w*+(?:\s+down)?\s+(?:(?:(?:an|the|its|their|two|several)\s+)?(?:earlier|previous|initial|first|prior|lower"
    r"|original|several|multiple)|an?)\s+(?:[\w$.,-]+\s+){0,3}?(?:offers?|bids?|approach(?:es)?|proposals?)\b",
    re.IGNORECASE,
)
# the refusal told after the offer: "with an earlier $23bn bid rejected", "a previous offer from X was rejected"
_EARLIER_OFFER_BEFORE = re.compile(
    r"\b(?:an?|the|its|their)\s+(?:earlier|previous|initial|first|prior|lower|original)\s+(?:[\w$.,-]+\s+){0,3}?"
    r"(?:offers?|bids?|approach(?:es)?|proposals?)(?:\s+(?:from|by)\s+[^,;]{1,40}?)?"
    r"\s+(?:(?:was|were|had\s+been|has\s+been|been|being|is)\s+)?(?:\w+ly\s+)?\Z",
    re.IGNORECASE,
)
_EARLIER_BEFORE = re.compile(
    r"\b(?:had|having|after|initially|previously|earlier|first|once)\s+(?:(?:repeatedly|initially|previously|earlier"
    r"|already|twice|first)\s+)?\Z",
    re.IGNORECASE,
)


def _describes(sentence: str, word: re.Match, starts) -> bool:
    """Whether a word of failure stands as an adjective before a company's name."""
    name = _DESCRIBING.match(sentence, word.end())
    adjective = _DETERMINER_BEFORE.search(sentence, max(0, word.start() - 8), word.start())
    if not (adjective and name and name.end() in starts):
        return False
    return not _DEAL_NOUN.search(sentence, name.end(), name.end() + 50)  # "the failed Y takeover": the deal's
