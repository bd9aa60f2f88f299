"""One article's extraction, from its text to the :class:`Extraction` data."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from bot.extract.companies import (
    article_names,
    capitalised_runs,
    initials,
    main_company,
    unknown_companies,
    written_as_persons,
)
from bot.extract.company_model import likely_companies
from bot.extract.lexicon import LEGAL_SUFFIX, Hit, Known, default_lexicon, name_finder
from bot.extract.model import Entity, Extraction, Mention, Quote, Relation, Sentence
from bot.extract.people import People
from bot.extract.quotes import find_quotes
from bot.extract.relations import article_relations, dedupe, named
from bot.extract.summary import score_sentences
from bot.extract.text import Layout, balance_quotes, layout


def extract_article(text: str, source: str = "") -> Extraction:
    lex = default_lexicon()
    doc = layout(text)
    body = doc.body

    sentences, sentence_at = _sentences(doc)
    runs = capitalised_runs(body)  # the body's capitalised names, walked once for the rules and the model
    extra = unknown_companies(body, lex, doc.title, [s.text for s in sentences], runs, [s._offset for s in sentences])
    extra.update(initials(body, lex, extra))
    # the names the rules leave undecided that the learned model takes for companies
    # (none the article writes as a person's: "Raila Odinga", "Mr Odinga")
    likely = likely_companies(body, lex, extra, doc.title, runs)
    for name in likely - written_as_persons(body, likely) if likely else ():
        extra.setdefault(name, Known(name, "company"))
    hits = _bracketed_initials_dropped(body, lex.find(body, extra=extra))
    # a listed company by the name the article knows it by ("Citi", not Citigroup)
    names = article_names([(doc.title, lex.find(doc.title)), (body, hits)], lex)
    renamed = _renamer(names)
    hits = [renamed(h) for h in hits]
    company_hits = [(h.start, h.known.company) for h in hits]
    positions = [p for p, _c in company_hits]
    anchor = main_company(company_hits)

    def companies_in(fragment: str) -> list[tuple[int, str]]:
        return [(h.start, renamed(h).known.company) for h in lex.find(fragment, extra=extra)]

    def last_company(position: int) -> str | None:
        i = bisect.bisect_left(positions, position)
        return company_hits[i - 1][1] if i else None

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
    texts = [(doc.title, [named(renamed(h)) for h in lex.find(doc.title, extra=extra)], -1)]
    for s in sentences:
        start = _sentence_offset(doc, s)
        first, last = bisect.bisect_left(positions, start), bisect.bisect_left(positions, start + len(s.text))
        texts.append((s.text, [named(h, start) for h in hits[first:last]], s.paragraph))
    relations = [
        Relation(kind, a, b, texts[i][0], i - 1)
        for i, kind, a, b in article_relations(texts, anchor, _voices(quotes, sentences, extra, lex, names))
    ]
    # a person the article names is no party to a purchase ("Billionaire Elon Musk bought Twitter")
    persons = {name for person in people for name in (person.name, person.surname)}
    relations = [r for r in relations if r.type != "acquires" or not _a_person(r.a, persons)]

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
        relations=dedupe(relations),
    )


def _renamer(names: dict[str, str]):
    """A lexicon hit with its company (or its product's owner) renamed by ``names``."""

    def renamed(hit: Hit) -> Hit:
        k = hit.known
        if k.type == "company" and k.name in names:
            return replace(hit, known=Known(names[k.name], "company"))
        if k.type == "product" and k.owner in names:
            return replace(hit, known=Known(k.name, "product", names[k.owner]))
        return hit

    return renamed


# who speaks for a company but not as a company's officer: their "we" is no company's
_OBSERVER = re.compile(r"analyst|professor|researcher|economist|consultant|lawyer|expert|academic|official", re.I)


def _a_person(name: str, persons: set[str]) -> bool:
    """Whether a company's name is a person's the article names, or ends with one."""
    return name in persons or any(name.endswith(" " + p) for p in persons if " " in p)


def _voices(quotes: list[Quote], sentences: list[Sentence], extra: dict, lex, names: dict[str, str]) -> dict[int, str]:
    """The company each quoting sentence speaks for (by its index among the relation texts, the
    headline first): the speaker's organisation, or the speaker where a company speaks (by the
    name the article knows it by, ``names``)."""
    voices = {}
    for q in quotes:
        if q.role and _OBSERVER.search(q.role):
            continue
        for name in (q.org, q.speaker):
            known = extra.get(name) or lex.surfaces.get(name) if name else None
            if known is not None:
                # every sentence the quotation runs over speaks with the same voice
                quoted = _bare(q.text)
                for i in range(q.sentence, min(len(sentences), q.sentence + 8)):
                    if i > q.sentence and _bare(sentences[i].text) not in quoted:
                        break
                    voices.setdefault(i + 1, names.get(known.company, known.company))
                break
    return voices


def _bare(text: str) -> str:
    return _MARKS_AND_SPACES.sub(" ", text).strip()


_MARKS_AND_SPACES = re.compile(r"[\"\u201c\u201d\s]+")
_SUFFIX_END = re.compile(rf"\s+{LEGAL_SUFFIX}$")


def _bracketed_initials_dropped(body: str, hits: list) -> list:
    """Without the initials in brackets right after the name they stand for ("Sony Computer
    Entertainment (SCE) and IBM"): one mention, so a list stays joined."""
    kept = []
    for h in hits:
        if kept and kept[-1].known.company == h.known.company and body[kept[-1].end : h.start] in (" (", "("):
            continue
        kept.append(h)
    return kept


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


def _entities(doc, sentences, hits, people: People, quotes) -> tuple[list[Entity], list[Mention]]:
    entities: dict[tuple[str, str], Entity] = {}
    for h in hits:
        k = h.known
        key = (k.name, k.type)
        entity = entities.setdefault(key, Entity(k.name, k.type, owner=k.owner))
        for surface in (h.text, _SUFFIX_END.sub("", h.text)):
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
