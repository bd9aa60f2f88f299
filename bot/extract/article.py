"""One article's extraction, from its text to the :class:`Extraction` data."""

from __future__ import annotations

import bisect
import re

from bot.extract.companies import main_company, unknown_companies
from bot.extract.lexicon import LEGAL_SUFFIX, default_lexicon, name_finder
from bot.extract.model import Entity, Extraction, Mention, Quote, Relation, Sentence
from bot.extract.people import HONORIFIC, NAME, ROLE_WORDS, People, plausible_name
from bot.extract.quotes import VERBS, Speakers, attribute, find_spans
from bot.extract.relations import article_relations, dedupe, named
from bot.extract.summary import score_sentences
from bot.extract.text import Layout, balance_quotes, layout

_PERSON = rf"\b(?=[A-Z])(?:{HONORIFIC}\s+[A-Z][\w'\u2019-]+|{NAME})"
# "Mr Hirsch from Retail Banking Research said", "Ben Wood, an analyst at Gartner, says"
_SPEAKER_VERB = re.compile(
    rf"(?P<who>{_PERSON})(?:,[^,\"\u201c\u201d]{{1,90}},|\s+(?:from|of|at)\s+(?:the\s+)?"
    rf"[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){{0,4}})?\s+{VERBS}\b"
)
# "said Sun's chief operating officer Jonathan Schwartz", "says analyst Ben Wood"
_VERB_SPEAKER = re.compile(
    rf"\b{VERBS}\s+(?:(?:[A-Z][\w&.-]*\s+){{0,2}}?[A-Z][\w&.-]*['\u2019]s\s+)?(?:(?:[a-z-]+\s+){{0,3}}?{ROLE_WORDS}\s+)?"
    rf"(?P<who>{_PERSON})"
)
_INTRODUCED = re.compile(rf"(?P<who>{_PERSON}),\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){{0,3}}?{ROLE_WORDS}\b")
_SPOKESMAN_SAID = re.compile(
    r"\b(?P<who>(?:[Aa]n?|[Tt]he)\s+(?:[\w&'\u2019-]+(?:\.[a-z]{2,4})?\s+){0,4}?spokes(?:man|woman|person)"
    r"(?:\s+(?:for|from|at|of|with)\s+(?:the\s+)?[A-Z][^.;,\"\u201c\u201d]{0,100}?)?)"
    rf"(?:,[^,.\"\u201c\u201d]{{0,120}},|\s+(?:which|who)\s[^.\"\u201c\u201d]{{0,120}}?)?\s+{VERBS}\b"
)


class _Timeline:
    """``(position, name)`` events in article order, read once from the start as the article is read."""

    def __init__(self, events: list[tuple[int, str]]):
        self.events = sorted(events)
        self._cursor = 0

    def before(self, position: int):
        """The events before ``position`` not yet read."""
        while self._cursor < len(self.events) and self.events[self._cursor][0] < position:
            yield self.events[self._cursor]
            self._cursor += 1

    def add(self, position: int, name: str) -> None:
        """An event at ``position``, read already when the reading has passed it."""
        bisect.insort(self.events, (position, name))
        if self._cursor < len(self.events) and self.events[self._cursor][0] > position:
            return
        self._cursor += 1


class _Events:
    """Where people are named and reported speaking, for pronouns and reported speech."""

    def __init__(self, body: str, people: People, extra_names: set[str], sentence_starts: list[int]):
        mentions: list[tuple[int, str]] = []  # people as the subject of a sentence
        subject = re.compile(rf"(?:[^,.\"\u201c\u201d]{{0,40}},\s+)?(?P<who>{HONORIFIC}\s+[A-Z][\w'\u2019-]+|{NAME})")
        for start in sentence_starts:
            m = subject.match(body, start)
            if m is None:
                continue
            name = m.group("who")
            if name in extra_names or not (re.match(rf"{HONORIFIC}\s", name) or plausible_name(name)):
                continue
            mentions.append((m.start("who"), name))
        # a person introduced with their role anywhere in a sentence ("For Rick Dean, director of
        # business development at THX, ...") is whom a "he" after it most likely means
        for m in _INTRODUCED.finditer(body):
            if plausible_name(m.group("who")) and m.group("who") not in extra_names:
                mentions.append((m.start("who"), m.group("who")))
        self.mentions = _Timeline(mentions)
        self.speech = _Timeline(
            [(m.start(), m.group("who")) for m in _SPEAKER_VERB.finditer(body)]
            + [(m.start("who"), m.group("who")) for m in _VERB_SPEAKER.finditer(body)]
        )
        # "A spokesman for the Oxford University Press said that ...": a "he said" after it is theirs
        self.voices = _Timeline([(m.start(), m.group("who")) for m in _SPOKESMAN_SAID.finditer(body)])
        self.people = people
        self.body = body

    def speaker_before(self, position: int, speakers: Speakers):
        """The last person reported speaking in this paragraph or the one before."""
        floor = self.body.rfind("\n\n", 0, max(0, self.body.rfind("\n\n", 0, position)))
        speech = self.speech.events
        i = bisect.bisect_left(speech, (position, ""))
        while i > 0:
            pos, who = speech[i - 1]
            if pos < floor:
                return None
            result = speakers.resolve(who, pos, unknown_orgs=False)
            if result is not None and result[0]:
                return result
            i -= 1
        return None


def extract_article(text: str, source: str = "") -> Extraction:
    lex = default_lexicon()
    doc = layout(text)
    body = doc.body

    sentences, sentence_at = _sentences(doc)
    extra = unknown_companies(body, lex, doc.title, [s.text for s in sentences])
    hits = lex.find(body, extra=extra)
    company_hits = [(h.start, h.known.company) for h in hits]
    positions = [p for p, _c in company_hits]
    anchor = main_company(company_hits)

    def companies_in(fragment: str) -> list[tuple[int, str]]:
        return [(h.start, h.known.company) for h in lex.find(fragment, extra=extra)]

    def last_company(position: int) -> str | None:
        i = bisect.bisect_left(positions, position)
        return company_hits[i - 1][1] if i else None

    people = People()
    _people_from_captions(doc, people, companies_in)
    _people_from_appositions(body, people, companies_in)

    speakers = Speakers(people, companies_in, last_company, body)
    events = _Events(body, people, {h.text for h in hits}, [s._offset for s in sentences])
    spans = [find_spans(p.index, p.text) for p in doc.paragraphs]
    found = attribute(spans, doc.paragraphs, doc.attributions, speakers, events)
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
    texts = [(doc.title, [named(h) for h in lex.find(doc.title, extra=extra)], -1)]
    for s in sentences:
        start = _sentence_offset(doc, s)
        first, last = bisect.bisect_left(positions, start), bisect.bisect_left(positions, start + len(s.text))
        texts.append((s.text, [named(h, start) for h in hits[first:last]], s.paragraph))
    relations = [
        Relation(kind, a, b, texts[i][0], i - 1)
        for i, kind, a, b in article_relations(texts, anchor, _voices(quotes, sentences, extra, lex))
    ]

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


# who speaks for a company but not as a company's officer: their "we" is no company's
_OBSERVER = re.compile(r"analyst|professor|researcher|economist|consultant|lawyer|expert|academic|official", re.I)


def _voices(quotes: list[Quote], sentences: list[Sentence], extra: dict, lex) -> dict[int, str]:
    """The company each quoting sentence speaks for (by its index among the relation texts, the
    headline first): the speaker's organisation, or the speaker where a company speaks."""
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
                    voices.setdefault(i + 1, known.company)
                break
    return voices


def _bare(text: str) -> str:
    return re.sub(r"[\"\u201c\u201d\s]+", " ", text).strip()


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


def _people_from_captions(doc: Layout, people: People, companies_in) -> None:
    """``Kenichiro Yoshida, President and CEO, Sony Corporation (left), and Satya Nadella, CEO, Microsoft.``"""
    for caption in doc.captions:
        caption = re.sub(r"\((?:left|right|centre|center|pictured|above|below)\)", "", caption)
        caption = re.split(r"\b(?:Image|Photo|Picture)\s+credit", caption, flags=re.IGNORECASE)[0]
        for part in re.split(r",?\s+and\s+(?=[A-Z][a-z]+\s+[A-Z])|;", caption):
            m = re.match(rf"\s*(?P<name>{NAME}),\s*(?P<rest>.+)", part)
            if m and plausible_name(m.group("name")):
                rest = m.group("rest").strip(" .,")
                role, _, org_text = rest.rpartition(",") if "," in rest else (rest, "", "")
                orgs = [c for _p, c in companies_in(org_text or rest)]
                org = orgs[-1] if orgs else re.sub(rf"\s+{LEGAL_SUFFIX}$", "", org_text.strip()) or None
                people.add(m.group("name"), role.strip(" ,") or None, org)


def _people_from_appositions(body: str, people: People, companies_in) -> None:
    """``Ben Wood, an analyst at Gartner`` and ``Sony's chief executive Howard Stringer``."""
    for m in re.finditer(rf"(?P<name>{NAME}),\s+(?P<rest>[^,;.\"\u201c\u201d]{{2,90}})", body):
        name, rest = m.group("name"), m.group("rest")
        role = re.search(ROLE_WORDS, rest.casefold())
        if not plausible_name(name) or role is None:
            continue
        orgs = [c for _p, c in companies_in(rest)]
        org = orgs[-1] if orgs else _org_phrase(rest)
        people.add(name, rest[: role.end()].strip(), org)
    for m in re.finditer(
        rf"(?<![\w&.-])(?P<org>[A-Z][\w&.-]*+(?:\s[A-Z][\w&.-]*+){{0,2}}?)(?:['\u2019]s)?\s+(?P<role>{ROLE_WORDS})\s+(?P<name>{NAME})",
        body,
    ):
        orgs = [c for _p, c in companies_in(m.group("org"))]
        if orgs and plausible_name(m.group("name")):
            people.add(m.group("name"), m.group("role"), orgs[-1])


def _org_phrase(rest: str) -> str | None:
    m = re.search(r"\b(?:at|of|for|from)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w&'\u2019.-]*\s?){1,5})", rest)
    if not m:
        return None
    return re.sub(r"['\u2019]s$", "", m.group("org").strip()) or None


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
