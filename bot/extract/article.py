"""One article's extraction, from its text to the :class:`Extraction` data."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from bot.extract.lexicon import LEGAL_SUFFIX, Known, default_lexicon, name_finder, occurrences
from bot.extract.model import Entity, Extraction, Mention, Quote, Relation, Sentence
from bot.extract.people import HONORIFIC, NOT_FIRST_NAMES, ROLE_WORDS, People, plausible_name
from bot.extract.quotes import find_quotes
from bot.extract.relations import NOT_COMPANIES, article_relations, cue_companies
from bot.extract.summary import score_sentences
from bot.extract.text import Layout, balance_quotes, layout

# companies the lexicon does not know, recognised by how news introduces them
_COMPANY_NAME = r"(?:[A-Z0-9][\w&'.\-]*[A-Za-z0-9]|[A-Z])(?: +[A-Z][\w&\-]*+){0,5}"
_DESCRIBED = re.compile(
    rf"(?<!\w)(?=[a-z])(?:firm|company|companies|maker|makers|giant|start-?ups?|operator|provider|developer|specialists?|retailer"
    rf"|manufacturer|vendor|publisher|carrier|outfit|rival|partner)\s+(?P<names>{_COMPANY_NAME}"
    rf"(?:(?:,\s*|\s+and\s+){_COMPANY_NAME}){{0,10}})"
)
_SUFFIXED = re.compile(
    rf"(?<![\w&\-])(?=[A-Z])(?P<name>(?:[A-Z][\w&\-]*+\s+){{0,3}}[A-Z][\w&\-]*+)\s+{LEGAL_SUFFIX}(?!\w)"
)
# names built like companies' ("Sierra Wireless", "Tulip Computers", "Commodore International")
_COMPANY_WORDS = (
    "Software Computers Networks Wireless Studios Labs Interactive Microsystems Devices Systems Technologies"
    " Semiconductor Semiconductors Telecom International Holdings"
).split()
_COMPANY_WORD = "(?:" + "|".join(_COMPANY_WORDS) + ")"
# last words of names that are companies' rather than people's, though they name other things too
_TRADE_WORD = r"(?:Graphics|Electronics|Media|Research|Digital|Entertainment|Communications|Solutions|Group)"
_WORD = r"[A-Z][\w&\-]*+(?:\.[A-Za-z]\w*+){0,3}"
_BUILT_LIKE_A_COMPANY = re.compile(
    rf"(?<![\w&\-.])(?P<name>(?P<stem>{_WORD}(?: {_WORD})?) {_COMPANY_WORD})\b(?! [A-Z])"
)
# capitalised words that start the names of things rather than of firms ("Global Positioning Systems")
_GENERIC = frozenset(
    "Global Operating Emerging Portable Personal Local National International Olympic Commonwealth Information"
    " Consumer Electronic Computer Advanced Open Free Public Social Smart Wide Interactive Integrated".split()
)
# what a name is part of when it follows these: "MIT's Media Labs", "Entertainment and Leisure Software"
_INSIDE_A_NAME = re.compile(r"(?:[A-Z][\w&.\-]*|['\u2019]s) $|\band $")
# "Silicon Graphics' Columbia supercomputer": the maker of a named product
# (found from the mark on, then the name before it: a scan for a mark is quicker than one for names)
_POSSESSIVE_PRODUCT = re.compile(
    r"(?P<mark>['\u2019]s?)\s+(?:[A-Z][\w.\-/]*\s+){1,3}"
    r"(?:super)?(?:computer|console|handset|phone|browser|chip|processor|player|software|service|machine|device"
    r"|platform|engine|operating system|format|camera|laptop|portal)s?\b"
)
_NAME_BEFORE = re.compile(r"\b[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}\Z")
# "services such as TalkTalk and One.Tel", "firms like X": instances of a kind of company
_SUCH_AS = re.compile(r"(?:such as|like|including)\s+(?=[A-Z0-9])")
_KIND_BEFORE = re.compile(
    r"\b(?:firms|companies|providers|operators|services|carriers|retailers|publishers|makers|manufacturers|ISPs"
    r"|portals)\s*,?\s+\Z"
)
_NAMES = re.compile(rf"{_COMPANY_NAME}(?:(?:,\s*and\s+|,\s*|\s+and\s+){_COMPANY_NAME}){{0,10}}")
# "Japan's NEC Earth Simulator": a company's name before a product's ("the Earth Simulator" later)
_PRODUCT_AFTER = re.compile(r"\s+(?P<name>[A-Z][\w\-/]*(?:\s+[A-Z][\w\-/]*){1,2})(?=[\s,.;:)]|$)(?!\s+[A-Z])")


def extract_article(text: str, source: str = "") -> Extraction:
    lex = default_lexicon()
    doc = layout(text)
    body = doc.body

    extra = _unknown_companies(body, lex)
    hits = lex.find(body, extra=extra)
    company_hits = [(h.start, h.known.company) for h in hits]
    positions = [p for p, _c in company_hits]
    anchor = _main_company(company_hits)

    def companies_in(fragment: str) -> list[tuple[int, str]]:
        return [(h.start, h.known.company) for h in lex.find(fragment, extra=extra)]

    def last_company(position: int) -> str | None:
        i = bisect.bisect_left(positions, position)
        return company_hits[i - 1][1] if i else None

    sentences, sentence_at = _sentences(doc)
    company_names = {h.text: h.known.company for h in hits}
    found, people = find_quotes(doc, companies_in, last_company, company_names, [s._offset for s in sentences])
    quotes = [
        Quote(
            text=f.span.text.strip(),
            speaker=f.speaker,
            role=f.role,
            org=f.org,
            sentence=sentence_at(doc.paragraphs[f.span.paragraph].offset + f.span.start),
        )
        for f in found
    ]

    # the headline states relations too ("Sony and Microsoft announced a strategic partnership");
    # its evidence is the headline itself, which stands in no body sentence (index -1)
    title_mentions = [(h.start, h.known.company) for h in lex.find(doc.title, extra=extra)]
    texts = [(doc.title, title_mentions, -1)]
    for s in sentences:
        start = _sentence_offset(doc, s)
        first, last = bisect.bisect_left(positions, start), bisect.bisect_left(positions, start + len(s.text))
        texts.append((s.text, [(p - start, c) for p, c in company_hits[first:last]], s.paragraph))
    relations = [Relation(kind, a, b, texts[i][0], i - 1) for i, kind, a, b in article_relations(texts, anchor)]

    scores = score_sentences([s.text for s in sentences])
    for s, score in zip(sentences, scores, strict=True):
        s.score = score

    entities, mentions = _entities(doc, sentences, hits, people, quotes)
    # every position is read by now: a sentence from inside a quotation gets its marks back
    for s in sentences:
        s.text = balance_quotes(s.text)
    for r in relations:
        r.evidence = balance_quotes(r.evidence)
    return Extraction(
        source=source,
        title=doc.title,
        body=body,
        sentences=sentences,
        entities=entities,
        mentions=mentions,
        quotes=quotes,
        relations=_dedupe(relations),
    )


def _sentences(doc: Layout):
    sentences: list[Sentence] = []
    starts: list[int] = []
    for p in doc.paragraphs:
        for a, b in p.sentences:
            starts.append(p.offset + a)
            sentences.append(Sentence(len(sentences), p.text[a:b].strip(), paragraph=p.index))

    def sentence_at(position: int) -> int:
        return max(0, bisect.bisect_right(starts, position) - 1)

    for s, start in zip(sentences, starts, strict=True):
        s._offset = start  # type: ignore[attr-defined]
    return sentences, sentence_at


def _sentence_offset(doc: Layout, s: Sentence) -> int:
    return s._offset  # type: ignore[attr-defined]


# "a BBC World Service and WGBH-Boston co-production": a name coordinated with a known company
_JOINT_AFTER = re.compile(
    r"(?:\s+[A-Z][\w&\-]*){0,2}\s+and\s+(?P<name>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,2})\s+"
    r"(?:co-?production|joint venture|partnership|alliance|collaboration|consortium|project|deal|venture|service)\b"
)


def _canonical_company(name: str) -> str:
    """Broadcasters' call signs come with their city (``WGBH-Boston``): the company is the call sign."""
    m = re.fullmatch(r"([A-Z]{3,5})-[A-Z][a-z]+(?:\s[A-Z][a-z]+)?", name)
    return m.group(1) if m else name


def _unknown_companies(body: str, lex) -> dict[str, Known]:
    found: dict[str, Known] = {}
    hits = lex.find(body)
    for hit in hits:
        m = _JOINT_AFTER.match(body, hit.end)
        name = m.group("name") if m else None
        if name and name not in lex.surfaces and not plausible_name(name):
            found.setdefault(name, Known(_canonical_company(name), "company"))
    for m in _DESCRIBED.finditer(body):
        for name in re.split(r",\s*|\s+and\s+", m.group("names")):
            name = name.strip()
            built = _BUILT_LIKE_A_COMPANY.fullmatch(name)  # "company Sierra Wireless" is no person
            if name and name not in lex.surfaces and (built or not plausible_name(name)) and _companyish(name):
                found.setdefault(name, Known(name, "company"))
    for m in _SUFFIXED.finditer(body):
        name = m.group("name").strip()
        name = re.sub(r"^(?:The|A|An|By|And|For|With|From|At|In|On)\s+", "", name)
        if name and name not in lex.surfaces and _companyish(name):
            found.setdefault(name, Known(name, "company"))
    known_ends = {h.end + 1 for h in hits}
    built = list(_BUILT_LIKE_A_COMPANY.finditer(body)) if any(f" {w}" in body for w in _COMPANY_WORDS) else []
    stems = occurrences(
        body, {m.group("stem") for m in built if m.group("name").endswith(("International", "Holdings"))}
    )
    for m in built:
        name, stem = m.group("name"), m.group("stem")
        first = stem.split()[0]
        if name in lex.surfaces or first in lex.surfaces or first in NOT_FIRST_NAMES or first in _GENERIC:
            continue
        inside = _INSIDE_A_NAME.search(body, max(0, m.start() - 40), m.start())
        if inside and not (inside.group(0) == "and " and inside.start() in known_ends):
            continue  # but "China Mobile and Japan Telecom" is a list
        if not _companyish(name) or (stem in NOT_COMPANIES and not name.endswith(("Telecom", "Wireless"))):
            continue  # "Japan Telecom" is a company, "Europe Holdings" anyone's guess
        # "Commodore International", and "Commodore" alone elsewhere: the company is Commodore
        alone = name.endswith(("International", "Holdings")) and any(
            not _CAPITALISED_NEXT.match(body, at + len(stem)) for at in stems.get(stem, ())
        )
        found.setdefault(name, Known(stem if alone else name, "company"))
        if alone:
            found.setdefault(stem, Known(stem, "company"))
    candidates = []
    for m in _POSSESSIVE_PRODUCT.finditer(body):
        name = _NAME_BEFORE.search(body, max(0, m.start() - 60), m.start())
        if name and (m.group("mark") not in ("'", "\u2019") or name.group(0).endswith("s")):
            candidates.append(name.group(0))  # "Silicon Graphics' Columbia": a bare mark follows a plural
    for m in _SUCH_AS.finditer(body):
        if _KIND_BEFORE.search(body, max(0, m.start() - 20), m.start()):
            candidates += re.split(r",\s*and\s+|,\s*|\s+and\s+", _NAMES.match(body, m.end()).group(0))
    candidates += cue_companies(body)
    # "Ask's My Jeeves service" where the article names Ask Jeeves: a short form of a known name
    known_starts = {" ".join(k.split(" ")[:i]) for k in {h.text for h in hits} for i in range(1, k.count(" ") + 1)}
    named = []
    for name in candidates:
        name = re.sub(rf"\s+{LEGAL_SUFFIX}$", "", name.strip())  # "Globex Corp" is Globex
        if not name or name in lex.surfaces or name in found or not _companyish(name):
            continue
        if name.split()[0] in lex.surfaces or name in known_starts:
            continue
        person = plausible_name(name) and not re.search(rf"\s(?:{_COMPANY_WORD}|{_TRADE_WORD})$", name)
        if person or re.fullmatch(r"[A-Z]{4,}", name):
            continue
        named.append(name)
    products = []
    for hit in hits:
        m = _PRODUCT_AFTER.match(body, hit.end)
        if hit.known.type != "company" or m is None:
            continue
        name = m.group("name")
        first = name.split()[0]
        if name in lex.surfaces or first in lex.surfaces or first in NOT_COMPANIES or first in NOT_FIRST_NAMES:
            continue
        if first in {"To", "Of", "And", "For", "With", "From", "By", "As", "Or", "Is", "Are", "Was", "Will"}:
            continue  # "TiVo To Go": no name starts with a little word
        if re.match(ROLE_WORDS, name.casefold()) or re.match(LEGAL_SUFFIX, first):
            continue
        products.append((name, hit.known.company))
    people = _person_words(body, {*named, *(name for name, _owner in products)})
    for name in named:
        if name not in people:
            found[name] = Known(name, "company")
    for name, owner in products:
        if name not in people:
            found.setdefault(name, Known(name, "product", owner))
    return found


_CAPITALISED_NEXT = re.compile(r"\s+[A-Z]")
_FIRST_BEFORE = re.compile(rf"\b(?P<first>{HONORIFIC}|[A-Z][a-z]+)\s+$")


def _person_words(body: str, names: set[str]) -> set[str]:
    """The ``names`` the article also gives as a person's surname: ``Gates`` where it names
    ``Bill Gates`` or ``Mr Gates``."""
    found = set()
    for name, starts in occurrences(body, names).items():
        for at in starts:
            m = _FIRST_BEFORE.search(body, max(0, at - 40), at)
            if m and (re.fullmatch(HONORIFIC, m.group("first")) or plausible_name(body[m.start() : at] + name)):
                found.add(name)
                break
    return found


def _companyish(name: str) -> bool:
    """Not a pronoun or article, a place, a title, nor a plural abbreviation of a kind of firm (``ISPs``, ``PCs``)."""
    first = name.split()[0]
    if re.fullmatch(r"[A-Z]{2,}s", name) or name in NOT_COMPANIES:
        return False  # a place alone; "China Mobile" is a company
    if re.search(r"\b(?:University|Institute|College|School|Association|Federation|Foundation|Council|Agency)\b", name):
        return False
    if re.fullmatch(HONORIFIC, first):
        return False
    return first not in {"The", "This", "That", "It", "Its", "In", "On", "A", "An", "He", "She", "They", "We", "I"}


def _main_company(hits: list[tuple[int, str]]) -> str | None:
    counts = Counter(c for _p, c in hits)
    if not counts:
        return None
    (top, n), *rest = [*counts.most_common(2), (None, 0)]
    return top if n >= 3 and n > rest[0][1] else None


def _entities(doc, sentences, hits, people: People, quotes) -> tuple[list[Entity], list[Mention]]:
    entities: dict[tuple[str, str], Entity] = {}
    for h in hits:
        k = h.known
        key = (k.name, k.type)
        entity = entities.setdefault(key, Entity(k.name, k.type, owner=k.owner))
        for surface in (h.text, re.sub(rf"\s+{LEGAL_SUFFIX}$", "", h.text)):
            if surface != k.name and surface not in entity.aliases:
                entity.aliases.append(surface)
        if k.type == "product" and k.owner:
            entities.setdefault((k.owner, "company"), Entity(k.owner, "company"))
    speakers = {q.speaker for q in quotes if q.speaker}
    for person in people:
        if person.name in speakers or person.role or person.org:
            entities[(person.name, "person")] = Entity(
                person.name,
                "person",
                role=person.role,
                org=person.org,
                aliases=sorted(person.aliases | {f"Mr {person.surname}", f"Ms {person.surname}"}),
            )
    surfaces = {surface: e.name for e in entities.values() for surface in (e.name, *e.aliases)}
    starts = [_sentence_offset(doc, s) for s in sentences]
    named: dict[int, set[str]] = {}
    for start, _end, name in name_finder(tuple(surfaces)).finditer(doc.body):
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0:
            named.setdefault(i, set()).add(surfaces[name])
    mentions = [Mention(name, i) for i in sorted(named) for name in sorted(named[i])]
    return list(entities.values()), mentions


EVIDENCE_PER_PAIR = 3


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """Each pair and type once per sentence, with up to :data:`EVIDENCE_PER_PAIR` sentences
    that state it (the headline and a quotation may both say so: both are evidence)."""
    seen: set[tuple] = set()
    per_pair: dict[tuple, int] = {}
    kept = []
    for r in relations:
        pair = (r.type, frozenset((r.a, r.b)))
        if (pair, r.sentence) in seen or per_pair.get(pair, 0) >= EVIDENCE_PER_PAIR:
            continue
        seen.add((pair, r.sentence))
        per_pair[pair] = per_pair.get(pair, 0) + 1
        kept.append(r)
    return kept
