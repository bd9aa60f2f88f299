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

from bot.extract.lexicon import NOT_COMPANIES, default_lexicon
from bot.extract.patterns import trie_pattern
from bot.extract.people import plausible_name
from bot.extract.people_words import FEMALE_NAMES, MALE_NAMES
from bot.extract.relations.cues import (
    ACQUIRED_BY,
    ACQUIRES,
    ACQUISITION_OF,
    ACQUISITION_STEMS,
    NOT_A_PURCHASE_WORD,
    PAID_FOR,
    SELLS,
    SEVERAL,
    SOLD_TO,
)
from bot.extract.relations.deals_undone import not_done
from bot.extract.relations.purchase_sides import (
    DEMONYM,
    FEW_DEMONYMS,
    ITS_BEFORE,
    KIND_AFTER,
    NOT_YET_NOMINAL,
    SUBJECT_PRE,
    WHEN_WORDS,
    Named,
    Sides,
    a_description,
    not_yet,
    unnamed_object,
)
from bot.extract.relations.purchase_words import (
    ABSORBED_BY,
    ACCEPTED_OFFER,
    ACQUIRED_ON_BY,
    ACQUIRED_OUT_OF_BY,
    ADJECTIVAL_BEFORE,
    ATTRIBUTIVE,
    BECOMES_SUBSIDIARY,
    BUY_NOW,
    BUYER_OF,
    COMPANY_KINDS,
    COMPLETED_DEAL,
    COUNTERFACTUAL,
    DEAL_AFTER,
    DEAL_FOR,
    EACH_AFTER,
    HOLDERS_RECEIVE,
    INTO,
    KINDS_SUCH_AS,
    MEANS_BEFORE,
    MERGED_INTO,
    MERGER_OF,
    MERGES_WITH_UNIT_OF,
    MORE_ACQUIRES,
    MORE_SELLS,
    MORE_STEMS,
    NATIONALITY,
    NEW_OWNER_AFTER,
    NOW_OWNED_BY,
    OFFER_AFTER,
    OFFER_FOR,
    OFFER_TAKEN_AFTER,
    OWNED_BY,
    PAYS_FOR,
    PERSON_TITLES,
    POLITICAL,
    PRIVATE_AFTER,
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
    TAKE_PRIVATE_OF,
    TAKEN_PRIVATE_BY,
    TAKES_PRIVATE,
    TARGET_ACCEPTS,
    VEHICLE_OF,
    WHOLE_OF,
)


def acquisitions(
    sentence: str, named: list[Named], subject: str | None, anchor: str | None, previous: str = ""
) -> list[tuple[str, str]]:
    """``(buyer, target)`` for each purchase ``sentence`` states; ``named`` are its companies and
    products in order, ``subject`` the company the sentence before is about (for "it", "the
    company"), ``anchor`` the company the article is about, ``previous`` the sentence before (a
    deal it tells of is "the acquisition" of this one)."""
    if not named or not _has_cue(sentence.lower()) or not_done(sentence, named) or RUMOUR.search(sentence):
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
    reader = Sides(sentence, named, subject, anchor)
    found: list[tuple[Named | str, Named]] = []
    passive_at = set()
    passives = [ACQUIRED_BY, ACQUIRED_ON_BY, ABSORBED_BY, ACQUIRED_OUT_OF_BY, TAKEN_PRIVATE_BY]
    for m in [m for cue in passives for m in cue.finditer(sentence)]:
        if _BOUGHT_INTO.fullmatch(m.group(0)):
            continue  # "X bought into Y": a stake in Y, no purchase (only "merged into" is one)
        passive_at.add(m.start())
        buyers = _buyer_after(reader, m.end())
        # "Y was acquired by X"; "The company, renamed Y in 2009, was acquired by X"
        target = reader.before(m.start(), _PASSIVE_GAP) or reader.passive_subject(m.start())
        if buyers and target is None:  # "After being acquired by X, Y cut jobs"
            target = reader.opening_subject(m.start(), _OPENING_BEING)
        if buyers and target is None:  # "Y cut jobs after being acquired by X"
            being = _AFTER_BEING.search(sentence, max(0, m.start() - 40), m.start())
            target = reader.subject(being.start()) if being else None
        if buyers and target:
            found.append((buyers[0], target))
    for m in [*ACQUISITION_OF.finditer(sentence), *TAKE_PRIVATE_OF.finditer(sentence)]:
        if m.group("prep").lower() == "by":  # "Y's acquisition by X"
            target = reader.possessor(m.start()) or reader.opening_its(m.start()) or reader.its_head(m.start())
            buyers = _buyer_after(reader, m.end())
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
        kind = KIND_AFTER.match(sentence, targets[-1].end)  # "the purchase of Y travel operator by X"
        bracket = _BRACKET_AFTER.match(sentence, targets[-1].end)  # "the acquisition of Y (BancABC) by X"
        by = _BY.match(sentence, kind.end() if kind else bracket.end() if bracket else targets[-1].end)
        buyer = _buyer_after(reader, by.end()) if by else None
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
        # "X ..., plunking down $170m for Y": a gerund's subject, the company that opens the sentence
        gerund = m.group(0).lower().startswith(_GERUNDS)
        buyer = reader.subject(m.start(), gerund=gerund) if targets else None
        if gerund and isinstance(buyer, Named) and buyer != reader.named[0]:
            first = reader.named[0]
            opens = not first.product and SUBJECT_PRE.fullmatch(sentence, 0, first.start)
            buyer = first if opens else None
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
                opens = which is None and target is reader.named[0] and SUBJECT_PRE.fullmatch(sentence, 0, target.start)
                target = reader.before(which.start(), _NO_GAP) if which else target if opens else None
            buyers = _buyer_after(reader, later.end() if later else m.end())
            if target and buyers:
                found.append((buyers[0], target))
                then = _THEN_TO_NEXT.match(sentence, buyers[0].end)  # "sold to A in 1996, then to B in 2000"
                following = reader.object(then.end(), single=True) if then else []
                found.extend((b, target) for b in following)
            continue
        itself = SOLD_ITSELF.match(sentence, m.end())
        if itself:  # "Y sold itself to X", "Y sold its China operations to X", "Y selling its unit to X"
            seller = reader.subject(m.start(), gerund=m.group(0).lower().endswith("ing"))
            buyers = _buyer_after(reader, itself.end())
            # "Z agreed to sell its Y unit to X": the unit named is what was bought
            unit = next((n for n in reader.named if m.end() < n.start and n.end < itself.end() and not n.product), None)
            if seller and buyers:
                found.append((buyers[0], unit or seller))
            continue
        targets = reader.object(m.end())
        # "Z sold Y to X", "Z agreed to sell Y's brewing operations in Hawaii to X"
        to = (
            (_SOLD_GAP_TO.match(sentence, targets[-1].end) or _UNIT_TO.match(sentence, targets[-1].end))
            if targets
            else None
        )
        buyers = _buyer_after(reader, to.end()) if to else None
        if buyers:
            found.extend((buyers[0], t) for t in targets)
        reference = None if targets else _SOLD_REFERENCE.match(sentence, m.end())
        if reference and not not_yet(sentence, 0, m.start()):
            # "The founders sold the company to X in 1984": the company the sentence before is about
            # (not where a company sells: "Z sold the business to X" may be Z's or another's)
            buyers = reader.object(reference.end(), single=True)
            seller = reader.subject(m.start())
            target = reader.previous_subject if seller is None else None
            if buyers and target:
                found.append((buyers[0], target))
    for m in SALE_OF.finditer(sentence):  # "the sale of Y to X", "the deal for Y by X"
        targets = reader.object(m.end(), single=True)
        after = targets[0].end if targets else 0
        # "the sale of Y to X", "the sale of its Y business to X", "the sale of Y for $2bn to X"; "the deal for Y by X"
        if not targets:
            joint = None
        elif m.group("prep").lower() == "of":
            joint = _SOLD_GAP_TO.match(sentence, after) or _UNIT_TO.match(sentence, after)
        else:
            joint = _BY.match(sentence, after)
        buyers = _buyer_after(reader, joint.end()) if joint else None
        if targets and not buyers and m.group(0).lower().startswith(("deal", "swoop")):  # "X's $2bn deal for Y closed"
            owner = reader.possessor(m.start())
            buyers = [owner] if owner and owner != targets[0] else None
        if buyers and not NOT_YET_NOMINAL.search(sentence, max(0, m.start() - 30), m.start()):
            found.append((buyers[0], targets[0]))
        itself = _ITSELF_TO.match(sentence, m.end()) if not targets and m.group("prep").lower() == "of" else None
        made = _SALE_MADE.search(sentence, max(0, m.start() - 60), m.start()) if itself else None
        if made and not NOT_YET_NOMINAL.search(sentence, made.start(), m.start()):
            # "Y's board approved the sale of the company to X": the company that made the sale is sold
            buyers, target = _buyer_after(reader, itself.end()), reader.subject(made.start())
            if buyers and target:
                found.append((buyers[0], target))
    for m in SALE_TO.finditer(sentence):  # "Y's sale to X", "the Y sale to X", "advised Y on its sale to X"
        if NOT_YET_NOMINAL.search(sentence, max(0, m.start() - 30), m.start()):
            continue  # "Y's planned sale to X"
        buyers = _buyer_after(reader, m.end())
        its = ITS_BEFORE.search(sentence, max(0, m.start() - 12), m.start())
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
        if buyers and a_description(sentence[m.end() : target.start]):
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
        if buyer and not NOT_YET_NOMINAL.search(sentence, at, m.start()):
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
        if deal and not NOT_YET_NOMINAL.search(sentence, m.end(), deal.end()):
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
        if owner and buyer is None:  # "X, Y's new owner, plans cuts"
            apposed = (o for o in reader.named if o.end < n.start and _APPOSED.fullmatch(sentence, o.end, n.start))
            buyer = next((o for o in apposed if not o.product), None)
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
        gerund = m.group(0).split()[0].lower().endswith("ing")  # "taking over", "snapping up" too
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
            unnamed = unnamed_object(sentence, m.end(), reader.named) if told else None
            if unnamed:
                buyer = reader.subject(m.start(), gerund=gerund)
                target = unnamed if isinstance(buyer, Named) and not buyer.product else None
            if buyer and target:
                found.append((buyer, target))
    pairs = []
    for buyer, target in found:
        if any(isinstance(n, Named) and _FAMILY_AFTER.match(sentence, n.end) for n in (buyer, target)):
            continue  # "The Glazer family bought Manchester United": people, no company
        if any(
            isinstance(n, Named) and n.name.isupper() and _A_KIND_BEFORE.search(sentence, 0, n.start)
            for n in (buyer, target)
        ):
            continue  # "merged into a SPAC", "bought a BMW dealership": an initialism after "a" is a kind
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
_OPENING_WORDS = frozenset(
    "another other each every such many most some several overall both either neither"
    " two three four five six seven eight nine ten few".split()
)


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


_A_KIND_BEFORE = re.compile(r"\b(?:a|an)\s+\Z")
_FAMILY_AFTER = re.compile(r"\s+(?:family|families|brothers|sisters|heirs|clan|dynasty)\b", re.IGNORECASE)


# every stem of a purchase's words, the cues' and the more ones, in one pattern: one search a sentence
_ANY_STEM = re.compile(trie_pattern((*ACQUISITION_STEMS, *MORE_STEMS)))


def _has_cue(lowered: str) -> bool:
    return _ANY_STEM.search(lowered) is not None


def _pair(buyer: Named | str, target: Named | str) -> tuple[str, str] | None:
    # a unit the lexicon lists as its owner's product buys under its own name ("LinkedIn acquired
    # Lynda.com", "PlayStation acquired Bungie"): the owner bought nothing
    a = buyer if isinstance(buyer, str) else buyer.name if buyer.product else buyer.company
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
    if _A_DEAL.search(a) or _A_DEAL.search(b):
        return None  # "Y Enters into Definitive Agreement to be Acquired by X": a headline's deal, no company
    if _AN_AMOUNT.fullmatch(a) or _AN_AMOUNT.fullmatch(b):
        return None  # "the Euro11.2bn acquisition of Y": a price, no buyer
    return (a, b) if a and b and a != b else None


_AN_AMOUNT = re.compile(
    r"(?:Euro|EUR|USD|US|GBP|Rs|INR|Sh|KSh|R|NZ|A|C)?[$\u20ac\u00a3]?\s?[\d.,]+\s?(?:bn|m|b|billion|million|trillion)?"
)
_A_DEAL = re.compile(r"\b(?:Agreement|Deal|Transaction|Acquisition|Takeover|Offer|Stake)\Z")


def _buyer_after(reader: Sides, at: int) -> list[Named]:
    """The buyer named at ``at`` in a buyer's slot, behind a buyout firm's vehicle: "by X", "to an
    affiliate of X", "by funds managed by X" (not in an object's slot: "acquired an affiliate of X")."""
    vehicle = VEHICLE_OF.match(reader.sentence, at)
    return reader.object(vehicle.end() if vehicle else at, single=True)


_APPOSED = re.compile(r"\s*,\s+")
_GERUNDS = ("plunking", "forking", "shelling")


def _a_person(name: str) -> bool:
    """A name recognition took for a company that a person's title opens ("Businessman Graham Hart")."""
    first, _, rest = name.partition(" ")
    given = rest.split(" ", 1)[0]
    return first.lower() in PERSON_TITLES and (given in MALE_NAMES or given in FEMALE_NAMES) and plausible_name(rest)


_BY = re.compile(r"\s+(?:in\s+\d{4}\s+)?by\s+")
# the verb of a sale its subject made: "Y announced a sale to X", "Y completed a $2bn sale to X"
_SALE_MADE = re.compile(
    r"\b(?:announc|agree|complet|confirm|finali[sz]|seal|approv|endors|back)\w*\s+(?:to\s+)?"
    r"(?:an?|the(?:\s+(?:company|firm|group)['\u2019]s)?)\s+(?:[$\u20ac\u00a3][\w.,]+\s+(?:million\s+|billion\s+)?)?\Z",
    re.IGNORECASE,
)
# what a company's own sale sells: "approved the sale of the company to X", "announced the sale of itself to X"
_ITSELF_TO = re.compile(
    r"(?:the\s+(?:company|firm)|itself)(?:\s+for\s+(?:about\s+)?(?:US|A|C)?[$\u20ac\u00a3][\w.,]+"
    r"(?:\s+(?:million|billion|bn|m))?)?\s+to\s+"
)
# a bracket after the company bought: its other name or its ticker
_BRACKET_AFTER = re.compile(r"\s*\([^()]{1,40}\)")
_CAPITALISED = re.compile(r"(?:the\s+)?([A-Z][\w&.-]*+)")
_THE_COMPANYS = re.compile(
    r"\b[Tt]he\s+(?:company|firm|group)['\u2019]s\s+(?:(?!(?:of|by|for|in|to|and|with)\s)[\w$\u20ac\u00a3.,-]++\s+){0,3}?\Z"
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
# what stands between the company sold and its buyer: "Z sold Y to X", "Z sold Y for $2bn to X",
# "Z sold Y in 2019 to X", "Z sold Y, the chipmaker it bought in 2015, to X"
_SOLD_GAP_TO = re.compile(
    r"(?:\s+for\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|an\s+estimated\s+)?(?:US|A|C|S|NZ)?[$\u20ac\u00a3\u00a5\u20b9]"
    r"\s?[\d.,]+\s*(?:billion|million|bn|mn|m|b|crore)?"
    r"|\s+(?:in|last|earlier\s+this|this)\s+(?:\d{4}|year|month|week|[A-Z][a-z]+)"
    r"|\s*,\s+(?:the|a|an|its)\s+[^,;()]{3,60}?,)?\s+to\s+"
)
_THEN_TO = re.compile(r"(?:\s*,?\s+(?:in|on|last|earlier)\s+[^,;]{1,30}?,?)?\s+to\s+")
_SOLD_REFERENCE = re.compile(
    r"\s+the\s+(?:[a-z][\w-]*+\s+){0,2}?(?:company|firm|business|chain|startup|start-up|group|brand|bank|studio)"
    r"\s+(?:(?:in|last|earlier|on)\s+[^,;]{1,20}?\s+)?to\s+"
)
_BOUGHT_INTO = re.compile(r"(?:bought|acquired|purchased)\s+into", re.IGNORECASE)
_TO = re.compile(r"\s+to\s+")
_OF = re.compile(r"(?:\s+(?:Holdings|Group|Inc|Corp|Ltd|plc|Co)\.?,?)?\s+of\s+")
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
# an opening clause whose verb is a gerund, or whose noun has "its", with no subject of its own
_OPENING_GERUND = re.compile(r"\W{0,2}(?:Since|After|Before|Upon|On|While|When|By)\s+(\w+ing)\s[^,;]{1,120}?,\s")
_OPENING_BEING = re.compile(
    r"\W{0,2}(?:Since|After|Before|Upon|Following|Shortly\s+after|Soon\s+after)\s+(being|having\s+been)\s[^,;]{1,120}?,\s"
)
_AFTER_BEING = re.compile(r"\b(?:since|after|before|upon|following)\s+(?:being|having\s+been)\s+(?:[a-z]+ly\s+)?\Z")
# "Microsoft, the buyer of", "Microsoft became the new owner of"
_BUYER_OF_GAP = re.compile(
    r",\s+(?:the|its)\s+(?:[\w-]++\s+){0,2}?"
    r"|\s+(?:is|was|became|has\s+become|is\s+now|will\s+be|emerged\s+as|emerges\s+as)\s+(?:the\s+)?(?:[\w-]++\s+)?"
)
_TO_DO = re.compile(r"\s+to\s+(?!be\b)[a-z]")
_APPOSITION_DASH = re.compile(r"\s*[,\u2013\u2014]\s*|\s+-\s+")
# "for the company", "for the Auckland firm": the company the sentence is about
_THE_COMPANY = re.compile(rf"\s+the\s+(?:[\w-]++\s+){{0,2}}?(?:{COMPANY_KINDS})\b(?!['\u2019])")
_SPACE = re.compile(r"\s+")
# what makes an offer one for the company: "a $69bn takeover offer", "an all-cash offer"
_TAKEOVER_OFFER = re.compile(
    r"(?:[$€£]\s?\d|\b(?:takeover|buyout|acquisition|cash|all-cash|all-share|per\s+share|recommended"
    r"|improved|increased|sweetened|revised)\b)"
    r"[^.;]{0,40}?\b(?:offer|bid|proposal)\b",
    re.IGNORECASE,
)
# what stands before the company bought in "X's $2bn Y takeover", "X completes its Y acquisition"
_OWNER_BEFORE = re.compile(
    r"(?:['\u2019]s?|\s(?P<its>its|their|the|an?))\s+(?:[$€£][\d.,]++\s*(?:billion|million|bn|m|b)?\s+)?\Z"
)
_PARENTHESIS = re.compile(r"\s*\([^()]{0,40}\)")
# the company the sentence before is about, as what a verb buys: "bought the company in 2019",
# "acquired the startup for $50m", "bought it for $2bn" ("it" only before a price or a year: "it"
# may be a product)
_OBJECT_REFERENCE = re.compile(
    r"\s+(?:the\s+(?:(?!(?:other|parent|holding|new|same|whole|entire|rival|joint|shell|last|first|next)\b)"
    r"[\w-]++\s+){0,2}?(?:" + COMPANY_KINDS + r"|brand)\b(?!"
    r"\s*['\u2019]s|\s+(?:of|that|which|behind)\b|\s+[A-Z]|\s+\d++(?!\s+(?:years?|months?|weeks?|decades?)\b))|it\s+(?=(?:for|in)\s+(?:[$€£]|\d|US\$|A\$)|(?:last|earlier\s+this)\s+(?:year|month)\b))"
)
_THEN_TO_NEXT = re.compile(r"(?:\s+(?:in|for)\s+[^,;]{1,30}?)?,?\s+(?:and\s+)?(?:then|later|subsequently)\s+to\s+")
# what a list of names ends with when they are no companies: "and other international brands"
_OTHER_THINGS = re.compile(
    r"(?:\s*,)?\s+(?:and|or)\s+(?:other|more|several|many)\s+(?:[a-z][\w-]*+\s+){0,2}?(?:brands|products|labels"
    r"|titles|assets|stores|properties|sites|trademarks|names)\b"
)
_ALL_OF = re.compile(r"\s+all\s+(?:of\s+)?")
_ITS_SHARES = re.compile(
    r"['\u2019]s?\s+(?:(?:outstanding|issued|remaining|ordinary|common|existing)\s+){0,3}(?:shares|stock|share\s+capital)\b"
)


def _unrecognised_name(word: re.Match | None) -> bool:
    """Whether a capitalised word names a company recognition missed (not a month, a place or a body)."""
    if word is None:
        return False
    bare = word.group(1).rstrip(".,")
    return not (bare in WHEN_WORDS or bare in NOT_COMPANIES or NATIONALITY.fullmatch(bare) or bare in FEW_DEMONYMS)


def _names_no_company(reference: re.Match | None) -> bool:
    """Whether an object like "the British company" refers to a company named before, and names
    none itself ("the smaller Safeway chain" names one, though not recognised)."""
    if reference is None:
        return False
    for word in reference.group(0).split()[1:-1]:
        bare = word.strip(",")
        if bare[:1].isupper() and not (bare in NOT_COMPANIES or DEMONYM.fullmatch(bare) or bare in FEW_DEMONYMS):
            return False
    return True


_NEW_OWNER_WORD = re.compile(r"['\u2019]s?\s+(?:new\s+(?:owner|parent)|buyer|acquirer|purchaser)\b")
