#!/usr/bin/env python3
"""Where relation recall is lost: to company-name recognition, or later (TRAIN split only).

    python eval/recognition.py [--split train] [--kind competes] [--show lost|wrong|classes]

For every gold ``competes``/``partners``/``acquires`` pair of the labelled modern set, whether
each side is recognised as a company in the article (an extracted company entity by its name or
an alias, as ``score.py`` compares names) and whether both are recognised together in one
sentence (or the headline); then whether the pair was found, or found under a form of a side's
name the label does not list (scored as lost: ``score.py`` compares the relation's name only).
Also counts the names taken for companies that no gold pair or quote names (``--show wrong``
lists them, to be judged by eye: people, places, products and agencies taken for companies
invent relations).

The unrecognised sides written in the text are counted by the class of writing that names them
(where the article writes them: a description before, an apposition after, a list after a
company word, a company's act or officer, a relation's slot only, no slot) and by their shape
(initials, small letters or figures inside, several words with no legal suffix, one word).

Per-article output is for the TRAIN split only (EXTRACT17.md: validation is read as an aggregate).
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.run import SCORE, labels, texts  # noqa: E402

_spec = importlib.util.spec_from_file_location("score", SCORE)
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)

KINDS = ("competes", "partners", "acquires")


def alternatives(name: str) -> set[str]:
    return {score.norm_company(x) for x in str(name).split("|")} - {""}


def classify(row: dict, result) -> tuple[list[tuple], list[str]]:
    """Each gold pair's fate, and the company names no label names."""
    companies = [e for e in result.entities if e.type == "company"]
    names_of = {e.name: {score.norm_company(s) for s in (e.name, *e.aliases)} for e in companies}
    in_sentence: dict[int, set[str]] = {}
    for m in result.mentions:
        if m.name in names_of:
            in_sentence.setdefault(m.sentence, set()).add(m.name)
    title = score.norm_text(result.title)
    in_sentence[-1] = {n for n, forms in names_of.items() if any(f and f in title for f in forms)}
    body = score.norm_text(result.title + "\n" + result.body)
    out = []
    for kind in KINDS:
        predicted = score.pred_pairs(result.to_json(), kind)
        for a, b in row.get(kind) or []:
            alts_a, alts_b = alternatives(a), alternatives(b)
            sides = []
            for side, alts in ((a, alts_a), (b, alts_b)):
                recognised = {n for n, forms in names_of.items() if forms & alts}
                written = any(re.search(rf"(?<![a-z0-9]){re.escape(x)}(?![a-z0-9])", body) for x in alts)
                sides.append((side, recognised, written))
            pair = tuple(sorted((tuple(sorted(alts_a)), tuple(sorted(alts_b)))))
            found = any(score.same_pair(pair, p) for p in predicted)
            together = any(sides[0][1] & names and sides[1][1] & names for names in in_sentence.values())
            # both sides paired under a form the label does not list ("Didi" for "Didi Chuxing"):
            # score.py compares the name a relation is given, not the entity's other forms
            named_otherwise = not found and any(
                (names_of.get(r.a, set()) & alts_a and names_of.get(r.b, set()) & alts_b)
                or (names_of.get(r.a, set()) & alts_b and names_of.get(r.b, set()) & alts_a)
                for r in result.relations
                if r.type == kind
            )
            if found:
                fate = "found"
            elif named_otherwise:
                fate = "lost: paired under another name"
            elif not sides[0][1] or not sides[1][1]:
                fate = "lost: a side not recognised"
            elif not together:
                fate = "lost: never recognised together in a sentence"
            else:
                fate = "lost later (both recognised in a sentence)"
            out.append((kind, fate, sides))
    gold_names = set()
    for kind in KINDS:
        for p in row.get(kind) or []:
            for side in p:
                gold_names |= alternatives(side)
    for q in row.get("quotes") or []:
        for key in ("org", "speaker"):
            if q.get(key):
                gold_names |= alternatives(q[key])
    unlabelled = [n for n, forms in names_of.items() if not forms & gold_names]
    return out, unlabelled


_KIND = (
    r"(?:company|firm|start-?up|maker|provider|operator|producer|retailer|chain|lender|bank|carrier|group|platform"
    r"|app|developer|business|subsidiary|unit|division|partner|rival|competitor|supplier|manufacturer|airline"
    r"|insurer|giant|brand|fintech|telco|brewer|miner|publisher|distributor|contractor)s?"
)
# the classes of writing an unrecognised side is named in, in the order one is given to a name:
# each with what may stand before a mention (up to it) and what may follow it (from it)
_NAMES_BEFORE = r"(?:[A-Z][\w&'.-]*(?:[ ][A-Z][\w&'.-]*)*(?:[ ]\([^)]*\))?(?:,[ ]|,?[ ]and[ ]))+"
WRITING = (
    ("description before", re.compile(rf"\b{_KIND},?[ ](?:[a-z][\w-]*[ ])?\Z"), None),
    (
        "apposition after",
        None,
        re.compile(rf",?[ ](?:--|\u2014|\u2013)?[ ]?(?:an?|the|its)[ ](?:[\w$.'\u2019-]+[ ]){{0,5}}?{_KIND}\b"),
    ),
    (
        "list after a company word",
        re.compile(rf"\b(?:{_KIND}|between)[ ,:-]+(?:(?:such as|including|like)[ ])?{_NAMES_BEFORE}\Z"),
        None,
    ),
    (
        "company act, officer or possessive",
        re.compile(r"(?:[Ss]hares[ ]of|CEO[ ]of|MD[ ]of|[Oo]fficer[ ](?:at|of)|chairman[ ]of|owner[ ]of)[ ]\Z"),
        re.compile(
            r"['\u2019]s?[ ](?:[\w-]+[ ]){0,2}?(?:chief|CEO|chairman|shares|stock|purchase|buyout|product|revenue"
            r"|market|customers|subscribers|portfolio|stake|merger)"
            r"|,?[ ](?:which[ ])?(?:has[ ]|have[ ])?(?:said[ ](?:its|in[ ]a[ ]statement)|reported|announced|operates"
            r"|acquired|bought|signed|posted|offers|sells|owns|launched|agreed|plans|will[ ]acquire)"
        ),
    ),
    (
        "a relation's slot only",
        re.compile(r"(?:with|to|from|by|buy|bought|acquire[sd]?|acquiring|between|and)[ ](?:the[ ])?\Z"),
        re.compile(r"[ ](?:and|to|have|has|signed|will)\b"),
    ),
)


def writing_class(text: str, alts: set[str]) -> str:
    """The first class of :data:`WRITING` any mention of a name (``alts``: its forms, in small
    letters) is written in, or "no slot"."""
    low = text.lower()
    seen = set()
    for alt in alts:
        for m in re.finditer(rf"(?<![a-z0-9]){re.escape(alt)}(?![a-z0-9])", low):
            before, after = text[max(0, m.start() - 120) : m.start()], text[m.end() : m.end() + 80]
            for label, rx_before, rx_after in WRITING:
                if (rx_before and rx_before.search(before)) or (rx_after and rx_after.match(after)):
                    seen.add(label)
    return next((label for label, _b, _a in WRITING if label in seen), "no slot")


def shape_class(name: str) -> str:
    first = name.split("|")[0]
    if re.fullmatch(r"[A-Z&]{2,6}", first):
        return "initials"
    if re.search(r"[a-z][A-Z]|\d|^[a-z]", first):
        return "small letters or figures inside"
    if " " in first:
        return "several words, no legal suffix"
    return "one word"


# the forms of a labelled side's name (its first form, as labelled), in the order one is given
_FOREIGN = re.compile(
    r"\b(?:Banque|Banco|Banca|Grupo|Gruppo|Groupe|Société|Compagnie|Compañía|Companhia|Empresa|Telecomunicações"
    r"|Telecomunicaciones|GmbH|AG|SpA|SA|SAS|AB|ASA|Oyj|NV|BV|KK|Tbk|Bhd|PT|JSC|PJSC|de|del|da|do|di|du|y|et|und)\b"
)
_GROUP_FORM = re.compile(
    r"[ ](?:Group|Holdings?|Technologies|Technology|Tech|Systems|Solutions|Industries|Enterprises|Networks|Labs"
    r"|Ventures|Capital|Partners|Global|International|Communications|Telecom|Media|Energy|Motors|Pharma"
    r"|Pharmaceuticals|Therapeutics|Bank|Financial|Insurance|Airlines|Foods|Brands|Games|Studios|Entertainment"
    r"|Mobile|Electronics|Semiconductor|Robotics|Software|Digital|Health|Healthcare|Logistics|Retail)\Z"
)
_TITLE_CHAIN = re.compile(
    r"(?:['\u2019]s?|[ ](?:chairman|chairwoman|chief|ceo|cfo|cto|founder|co-founder|president|boss|head|executive"
    r"|director|managing|spokesman|spokeswoman|spokesperson|vice|general|senior|md))\b",
    re.I,
)


def form_class(side: str, text: str, body_start: int, lex) -> str:
    """The form of an unrecognised side's name: its shape, where and how the article writes it."""
    forms = [f for f in str(side).split("|") if f.strip()]
    first = forms[0].strip()
    low = text.lower()
    spans = []
    for f in forms:
        for m in re.finditer(rf"(?<![a-z0-9]){re.escape(f.lower().strip())}(?![a-z0-9])", low):
            spans.append((m.start(), m.end()))
    spans = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]  # the longest form
    if spans and all(a < body_start for a, _b in spans):
        return "headline only"
    first_line_end = text.find("\n", body_start + 1)
    if spans and len(spans) == 1 and spans[0][0] < (first_line_end if first_line_end > 0 else len(text)):
        return "headline or first line only, once"
    known = lex.surfaces.get(first)
    if known is not None and known.type == "product":
        return "a product standing for its owner"
    if spans and all(_TITLE_CHAIN.match(text, b) for _a, b in spans):
        return "possessive or title chain only"
    if re.search(r"[^\x00-\x7f]", first) or _FOREIGN.search(first):
        return "non-English name"
    if re.match(r"[a-z]", first) or re.search(r"[a-z][A-Z]", first):
        return "lower-case or camel-case"
    if re.fullmatch(r"[A-Z&]{2,7}", first) or (first.isupper() and len(first) > 1):
        return "all-caps acronym"
    if re.search(r"[\d&+!./@#*'\u2019]", first):
        return "digits or symbols"
    if _GROUP_FORM.search(first):
        return "X Group / Holdings / Technologies ..."
    if first.split()[0] in lex.surfaces:
        return "a listed company's name opens it"
    from bot.extract.companies import _public
    from bot.extract.people import plausible_name

    if _public(first):
        return "a public or generic word in it"
    if plausible_name(first):
        return "built like a person's name"
    return "plain capitalised name" + (" (one word)" if " " not in first else " (several words)")


def why_missed(side: str, doc, result, lex) -> str:
    """Why a side written in the text is never recognised: no capitalised name of the body is it
    (never a candidate); a name holds it inside a longer or shorter span (cut wrong); a recognised
    company's name opens with it or is opened by it (an alias not joined); the name is the model's
    to judge and it refuses (or no word of rivalry or cooperation near it, so it is never asked);
    or the rules keep it from the model (the lexicon's, a public word, not company-shaped)."""
    from bot.extract import company_model
    from bot.extract.companies import capitalised_runs, clean_name

    forms = {score.norm_company(f) for f in str(side).split("|")} - {""}
    names = {clean_name(r) for _s, _e, r in capitalised_runs(doc.body)} - {""}
    exact = {n for n in names if score.norm_company(n) in forms}
    companies = [e for e in result.entities if e.type == "company"]
    for e in companies:
        for s in (e.name, *e.aliases):
            low = score.norm_company(s)
            if any(low.startswith(f + " ") or f.startswith(low + " ") for f in forms):
                return "an alias not joined (a recognised name opens with it, or it with one)"
    if not exact:
        if any(
            any(re.search(rf"(?<![a-z0-9]){re.escape(f)}(?![a-z0-9])", score.norm_company(n)) for f in forms)
            for n in names
        ):
            return "a span cut wrong (inside a longer name)"
        return "never a candidate span"
    feats = company_model.name_features(doc.body, lex, title=doc.title)
    asked = [n for n in exact if n in feats]
    if asked:
        weights, bias, _t = company_model._model()
        p = max(company_model.probability(feats[n], weights, bias) for n in asked)
        return f"the model refuses (p {min(int(p * 10), 9) / 10:.1f}-)"
    from bot.extract.companies import _public, companyish

    if all(n in lex.surfaces or n.split()[0] in lex.surfaces or _public(n) or not companyish(n) for n in exact):
        return "kept from the model by the rules (listed, a public word, not company-shaped)"
    return "never asked: no word of rivalry or cooperation near it (or decided by a rule against it)"


def partly_recognised(result, recognised: set[str], side: str) -> bool:
    """Whether a recognised side is written in some body sentence where no mention of it is."""
    with_mention = {m.sentence for m in result.mentions if m.name in recognised}
    alts = [x.lower().strip() for x in str(side).split("|") if x.strip()]
    for s in result.sentences:
        low = s.text.lower()
        if s.index not in with_mention and any(
            re.search(rf"(?<![a-z0-9]){re.escape(x)}(?![a-z0-9])", low) for x in alts
        ):
            return True
    return False


def in_batches(row_id: str, spec: str | None) -> bool:
    if not spec:
        return True
    lo, hi = (int(x.lstrip("m")) for x in spec.split("-"))
    return lo <= int(row_id.split("-")[0].lstrip("m")) <= hi


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train", choices=["train", "validation"])
    ap.add_argument("--kind", choices=KINDS)
    ap.add_argument("--show", choices=["lost", "wrong", "later", "classes", "forms", "why"])
    ap.add_argument("--batches", help="only these batches, as m1-m40")
    ap.add_argument("--skip-missing", action="store_true", help="read only the articles whose text is cached")
    ap.add_argument(
        "--held-out-gazetteer",
        action="store_true",
        help="train: read each article with the company gazetteer its own outlet fold's labels are not in",
    )
    a = ap.parse_args()
    if a.show and a.split != "train":
        raise SystemExit("per-article output is for the train split only")
    from bot.extract import company_model, extract
    from bot.extract.lexicon import default_lexicon
    from bot.extract.text import layout

    lex = default_lexicon()
    rows = [r for r in labels(a.split) if in_batches(r["id"], a.batches)]
    paths, problems = texts(rows)
    if problems and not a.skip_missing:
        raise SystemExit("\n".join(problems))
    if problems:
        rows = [r for r in rows if r["id"] in paths]
        print(f"{len(problems)} articles left out (not cached as labelled)", file=sys.stderr)
    table: Counter = Counter()
    whys: Counter = Counter()
    unseen_sides: Counter = Counter()
    writing: Counter = Counter()
    shapes: Counter = Counter()
    listed = unlisted = 0
    sides_seen: dict[tuple[str, str], bool] = {}
    side_state: dict[tuple[str, str], str] = {}  # once an article: everywhere / some mentions / form class
    if a.held_out_gazetteer:
        sys.path.insert(0, str(ROOT / "eval"))
        from train_companies import known_elsewhere

        held = known_elsewhere(labels("train"))
    for row in rows:
        if a.held_out_gazetteer:
            company_model.gazetteer = lambda known=held[row["id"]]: known
        result = extract(paths[row["id"]].read_text(encoding="utf-8"), source=row["id"])
        fates, unlabelled = classify(row, result)
        for kind, fate, sides in fates:
            if a.kind and kind != a.kind:
                continue
            for side, recognised, written in sides:
                key = (row["id"], side)
                sides_seen[key] = sides_seen.get(key, False) or bool(recognised)
                if key in side_state:
                    continue
                if recognised:
                    part = partly_recognised(result, recognised, side)
                    side_state[key] = "recognised, only in some mentions" if part else "recognised everywhere"
                    if part and a.show == "forms":
                        print(f"{row['id']}\t{side}\trecognised, only in some mentions")
                elif not written:
                    side_state[key] = "unrecognised: not written as labelled"
                else:
                    text = result.title + "\n" + result.body
                    side_state[key] = "unrecognised: " + form_class(side, text, len(result.title) + 1, lex)
                    if a.show == "forms":
                        print(f"{row['id']}\t{side}\t{side_state[key]}")
                    if a.show == "why":
                        why = why_missed(side, layout(paths[row["id"]].read_text(encoding="utf-8")), result, lex)
                        whys[why] += 1
                        print(f"{row['id']}\t{side}\t{side_state[key]}\t{why}")
            table[(kind, fate)] += 1
            table[("all", fate)] += 1
            if fate == "lost: a side not recognised":
                body = result.title + "\n" + result.body
                for side, recognised, written in sides:
                    if not recognised:
                        unseen_sides["written in the text" if written else "not written as labelled"] += 1
                    if not recognised and written:
                        label = writing_class(body, alternatives(side))
                        writing[label] += 1
                        shapes[shape_class(side)] += 1
                        if a.show == "classes":
                            print(f"{row['id']}\t{side}\t{label}\t{shape_class(side)}")
            if a.show == "lost" and fate.startswith("lost: a side"):
                miss = [f"{s}{'' if w else ' (not in text)'}" for s, r, w in sides if not r]
                print(f"{row['id']}\t{kind}\t{sides[0][0]} / {sides[1][0]}\tmissing: {', '.join(miss)}")
            if a.show == "later" and fate.startswith("lost later"):
                print(f"{row['id']}\t{kind}\t{sides[0][0]} / {sides[1][0]}")
        for name in unlabelled:
            if name in lex.surfaces:
                listed += 1
            else:
                unlisted += 1
                if a.show == "wrong":
                    print(f"{row['id']}\tunlabelled company\t{name}")
    fates = ["found", "lost: a side not recognised", "lost: never recognised together in a sentence"]
    fates += ["lost later (both recognised in a sentence)", "lost: paired under another name"]
    print(f"{'kind':10}" + "".join(f"{f[:26]:>28}" for f in fates))
    for kind in (*KINDS, "all"):
        print(f"{kind:10}" + "".join(f"{table[(kind, f)]:>28}" for f in fates))
    for why, n in whys.most_common():
        print(f"  why never recognised: {why}: {n}")
    print(f"labelled sides (once an article) recognised: {sum(sides_seen.values())} of {len(sides_seen)}")
    for state, n in sorted(Counter(side_state.values()).items(), key=lambda x: (not x[0].startswith("rec"), -x[1])):
        print(f"  {state}: {n}")
    print(f"unrecognised sides: {dict(unseen_sides)}")
    print(f"  written in the text, by class of writing: {dict(writing.most_common())}")
    print(f"  written in the text, by shape: {dict(shapes.most_common())}")
    print(f"companies no label names: {listed} from the lexicon, {unlisted} recognised from the text")


if __name__ == "__main__":
    main()
