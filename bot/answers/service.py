"""The answers: briefs, quotes, rivalries and what the store knows, from the store, as plain data."""

from __future__ import annotations

import copy
import re
from collections import OrderedDict
from collections.abc import Callable
from datetime import tzinfo

from bot.answers import routing
from bot.answers.intent import Intent, understand
from bot.answers.model import (
    Answer,
    ArticleBrief,
    Brief,
    Evidence,
    Known,
    KnownName,
    QuoteFact,
    Quotes,
    RelationFact,
    Rivals,
    Source,
    attribution,
)
from bot.answers.names import NOT_NAMES, Named, NameIndex, word_key
from bot.answers.roles import roles_in, stored_words, strip_roles
from bot.answers.timespan import When
from bot.extract import kinds
from bot.extract.kinds import SIDES
from storage import terms
from storage.interface import Reads
from storage.teams import TeamReads

SUMMARY_SENTENCES = 2
EVIDENCE_PER_PAIR = 3  # asked about one pair (``/rivals Sony Microsoft``), its latest sentences
OVERVIEW_EVIDENCE = 1  # in a company's list of pairs, each pair's latest sentence (and its count)
EACH_OF_A_PAIR = 3  # nothing between two companies: this many pairs of each

Zone = tzinfo | Callable[[], tzinfo | None] | None
"""The asker's time zone, or how to learn it when a question needs it (Slack: ``users.info``)."""


class Answers:
    """Answers questions over one store. Cheap to keep for a process's life."""

    COUNT_CAP = 100  # totals are counted up to this many ("100+")

    def __init__(self, store: Reads, *, limit: int = 5):
        self.store = store
        self.names = NameIndex(store)
        self.limit = limit
        self.team: str | None = None

    def for_team(self, team: str | None) -> Answers:
        """These answers as the workspace ``team`` gets them (many workspaces, issue 22): read
        from everyone's articles and its own, never another workspace's; ``None``: these."""
        if team is None:
            return self
        scoped = copy.copy(self)
        scoped.store = TeamReads(self.store, team)
        scoped.names = self.names.for_team(scoped.store, team)
        scoped.team = team
        return scoped

    def ask(self, question: str, *, previous: Intent | None = None, zone: Zone = None) -> Answer:
        """A plain-English question or a slash command, routed to the answer that fits (see
        :mod:`bot.answers.intent`); ``previous``: the question before it, for follow-ups."""
        return self.answer(self.understand(question, previous=previous, zone=zone))

    def understand(self, question: str, *, previous: Intent | None = None, zone: Zone = None) -> Intent:
        return understand(question, previous=previous, zone=zone)

    def answer(self, intent: Intent, *, limit: int | None = None) -> Answer:
        """The answer to a question understood, read from one state of the store."""
        with self.store.reading():
            return routing.answer(self, intent, limit=limit)

    def command(self, name: str, text: str = "", *, zone: Zone = None) -> Answer:
        """A slash command (``brief``, ``quotes``, ``rivals``, ``digest``, ``help``) and its text,
        read from one state of the store."""
        with self.store.reading():
            return routing.run_command(self, name, text, zone=zone)

    # -- /brief ------------------------------------------------------------------------------

    def brief(self, topic: str | None = None, *, when: When | None = None, limit: int | None = None) -> Brief:
        """The latest articles, or those about ``topic``, each with a short summary; ``when``:
        dated within that time."""
        limit = limit or self.limit
        topic = (topic or "").strip() or None
        span = when.span if when else None
        label = when.label if when else None
        if topic is None:
            rows = self.store.latest_articles(limit, within=span)
            total = self.store.count_articles(within=span, cap=self.COUNT_CAP)
            capped = span is not None and total >= self.COUNT_CAP
            note = None
            if not rows:
                note = self._nothing_then(f"No articles {label}." if label else None)
            return Brief(None, self._article_briefs(rows), total, note=note, capped=capped, when=label)
        rows, total, capped = self._articles_about(topic, limit, span)
        note = None
        if not rows:
            note = f"No articles about {topic!r}{' ' + label if label else ''}."
            if label and self._articles_about(topic, 1, None)[0]:
                note += f" There are some at other times: /brief {topic}."
            else:
                hints = self.names.suggestions(topic)
                if hints:
                    note += " Known names like it: " + ", ".join(hints) + "."
        return Brief(topic, self._article_briefs(rows), total, note=note, capped=capped, when=label)

    def _nothing_then(self, note: str | None) -> str:
        """Why a brief is empty: no article at all, or none then (and when the latest is from)."""
        latest = self.store.latest_articles(1)
        if not latest:
            return "No articles yet. Add some with: newsbot ingest PATH (or /brief add URL in Slack)."
        source = Source.from_row(latest[0])
        if not note:
            return ""
        return f"{note} The latest I have is from {source.date}." if source.date else note

    def _articles_about(self, topic: str, limit: int, span) -> tuple[list[dict], int, bool]:
        # full text first: every word of the topic, the most specific match
        found = self.store.find_articles(topic, limit, within=span, cap=self.COUNT_CAP) if terms(topic) else None
        rows = found.rows if found else []
        if found and len(rows) == limit:
            return rows, max(len(rows), found.total), found.capped or found.total >= self.COUNT_CAP
        # too few: add the articles that name what the topic names (or its products)
        entity_ids = self._with_products(self.names.find_in(topic))
        total, capped = (found.total, found.capped) if found else (0, False)
        if entity_ids:
            named = self.store.find_mentioning(entity_ids, limit, within=span, cap=self.COUNT_CAP)
            seen = {r["id"] for r in rows}
            extra = [r for r in named.rows if r["id"] not in seen]
            rows = sorted(rows + extra, key=lambda r: (r["published"] or r["ingested_at"], r["id"]), reverse=True)
            total, capped = max(total, named.total, len(rows)), capped or named.capped
        return rows[:limit], max(total, len(rows[:limit])), capped or total >= self.COUNT_CAP

    def _with_products(self, named: list[Named]) -> list[int]:
        ids = []
        for n in named:
            ids.append(n.id)
            if n.type == "company":
                ids += self.names.products_of(n.name)
        return list(dict.fromkeys(ids))

    def _article_briefs(self, rows: list[dict]) -> list[ArticleBrief]:
        summaries = self.store.top_sentences_of([r["id"] for r in rows], SUMMARY_SENTENCES)
        return [ArticleBrief(Source.from_row(r), [s["text"] for s in summaries.get(r["id"], [])]) for r in rows]

    # -- /quotes -----------------------------------------------------------------------------

    def quotes(
        self,
        who_or_topic: str | None = None,
        *,
        topic: str | None = None,
        role: str | None = None,
        when: When | None = None,
        limit: int | None = None,
    ) -> Quotes:
        """Quotes by a person, by people of a company (``Microsoft CEO``), by people of a role
        (``role``: analysts), or about a topic; ``topic``: about that; ``when``: dated then."""
        limit = limit or self.limit
        query = (who_or_topic or "").strip() or None
        topic = (topic or "").strip() or None
        span = when.span if when else None
        label = when.label if when else None
        about = f" about {topic}" if topic else ""
        then = f" {label}" if label else ""
        if role is not None and query is None:
            found = self.store.find_quotes(
                roles=stored_words(role), about=topic, within=span, limit=limit, cap=self.COUNT_CAP
            )
            plural = {"expert": "experts", "ceo": "chief executives"}.get(role, role + "s")
            result = self._quotes(None, found.rows, limit, matched=plural + about, total=found.total, when=label)
            result.capped = found.capped
            if not found.rows:
                result.note = f"No quotes from {plural}{about}{then} in the news I have."
            return result
        if query is None and topic:
            # "what was said about the iPod": in so many words, or in the stories about it
            found = self.store.find_quotes(about=topic, within=span, limit=limit, cap=self.COUNT_CAP)
            result = self._quotes(None, found.rows, limit, matched=None, total=found.total, when=label)
            result.query, result.capped = topic, found.capped
            if not found.rows:
                result.note = f"Nothing said about {topic}{then} in the news I have."
            return result
        if query is None:
            rows = self.store.latest_quotes(limit + 1, within=span)
            result = self._quotes(None, rows, limit, matched=None, when=label)
            if not rows:
                result.note = f"No quotes{then} in the news I have." if label else "No quotes yet."
            return result
        named = self.names.find_in(query)
        people = [n for n in named if n.type == "person"]
        companies = list(dict.fromkeys(n.company for n in named if n.company))
        wanted_roles = roles_in(query)
        if not people and companies and wanted_roles:
            people = self._people_in_role(companies, wanted_roles)
            if not people:
                role_name = strip_roles(query) and " ".join(sorted(wanted_roles))
                return Quotes(
                    query,
                    [],
                    0,
                    note=f"No quotes from a {role_name} of {' or '.join(companies)} in the news I have.",
                    when=label,
                )
        if people:
            speakers = [p.name for p in people]
            rows = self.store.quotes_by(speakers=speakers, limit=limit + 1, within=span, about=topic)
            matched = ", ".join(self._describe(p) for p in people)
            result = self._quotes(query, rows, limit, matched=matched + about, when=label)
            if len(rows) > limit and not topic:
                result.total = self.store.count_quotes_by(speakers, within=span, cap=self.COUNT_CAP)
                result.capped = result.total >= self.COUNT_CAP
            if not rows:
                result.note = self._no_quotes(", ".join(speakers), topic, label, speakers=speakers)
            return result
        if companies:
            rows = self.store.quotes_by(orgs=companies, limit=limit + 1, within=span, about=topic)
            own = len(rows)
            if own <= limit and not topic:
                seen = {r["id"] for r in rows}
                found = self.store.find_quotes(" ".join(companies), limit + 1, within=span, cap=self.COUNT_CAP)
                rows += [r for r in found.rows if r["id"] not in seen]
            result = self._quotes(query, rows, limit, matched=" and ".join(companies) + about, when=label)
            result.also_about = len(rows) > own
            if len(rows) > limit and not topic:
                result.total = self.store.count_quotes_by(orgs=companies, within=span, cap=self.COUNT_CAP)
                result.capped = result.total >= self.COUNT_CAP
            if not rows:
                result.note = f"No quotes from or about {' or '.join(companies)}{about}{then} in the news I have."
            return result
        found = self.store.find_quotes(query, limit, within=span, about=topic, cap=self.COUNT_CAP)
        result = self._quotes(query, found.rows, limit, matched=None, total=found.total, when=label)
        result.capped = found.capped
        if not found.rows:
            hints = self.names.suggestions(query)
            result.note = f"No quotes by or about {query!r}{about}{then} in the news I have." + (
                " Known names like it: " + ", ".join(hints) + "." if hints else ""
            )
        return result

    def _no_quotes(self, who: str, topic: str | None, label: str | None, *, speakers: list[str]) -> str:
        """Why a person's quotes are empty: nothing about the topic, nothing then, or nothing at all."""
        if (topic or label) and self.store.quotes_by(speakers=speakers, limit=1):
            return (
                f"{who} said nothing{' about ' + topic if topic else ''}{' ' + label if label else ''}"
                f" in the news I have. Everything said: /quotes {speakers[0]}"
            )
        return f"No quotes from {who} in the news I have."

    def _people_in_role(self, companies: list[str], wanted: set[str]) -> list[Named]:
        found = []
        for company in companies:
            for person in self.store.people(org=company):
                if roles_in(person["role"]) & wanted:
                    found.append(
                        Named(
                            person["id"], person["name"], "person", None, person["name"], person["role"], person["org"]
                        )
                    )
        return found

    def _describe(self, person: Named) -> str:
        role, org = self.names.details(person)
        return attribution(person.name, role, org)

    @staticmethod
    def _quotes(
        query: str | None,
        rows: list[dict],
        limit: int,
        *,
        matched: str | None,
        total: int | None = None,
        when: str | None = None,
    ) -> Quotes:
        facts = [
            QuoteFact(
                text=r["text"],
                speaker=r["speaker"],
                role=r["role"],
                org=r["org"],
                evidence=Evidence(r["sentence"] or r["text"], Source.from_row(r)),
            )
            for r in rows[:limit]
        ]
        if total is None:
            total = len(rows) if len(rows) <= limit else limit + 1
        return Quotes(query, facts, max(total, len(facts)), matched=matched, when=when, capped=total > len(rows))

    # -- /rivals -----------------------------------------------------------------------------

    def rivals(
        self,
        company: str | None = None,
        *,
        other: str | None = None,
        relation: str | None = None,
        when: When | None = None,
        limit: int | None = None,
    ) -> Rivals:
        """Who competes with ``company``, who partners with it, what it bought and who bought it
        (every kind in ``bot/extract/kinds.py``, each side of a directed one), at most ``limit``
        pairs of each (as many as the other answers' items: a sixth pair of rivals is one "Show
        more" away), each with its latest sentence and how many sentences say so; with ``other``
        (or a second company named), that pair with its latest sentences, or, when nothing is
        known between them, each one's own; with no company, the pairs of the latest relations
        stored. ``relation``: one kind only (``competes``, ``acquires``); ``when``: stated in
        articles dated then."""
        limit = limit or self.limit
        query = (company or "").strip() or None
        label = when.label if when else None
        if query is None:
            rows = self.store.relations(limit=limit * EVIDENCE_PER_PAIR * 4)
            lists = _only(relation, _group(rows, None, limit))
            note = None if any(lists.values()) else "No rivalries or partnerships in the store yet."
            return _rivals(None, lists, note=note, relation=relation)
        named = [n for n in self.names.find_in(query) if n.company]
        unknown = self._unknown_words(query, named)
        if not named:
            hints = self.names.suggestions(query, types=("company", "product"))
            note = f"No company named {query!r} in the news I have."
            if hints:
                note += " Did you mean " + " or ".join(hints) + "?"
            return _rivals(query, {}, note=note, when=label, relation=relation)
        target = named[0]
        name = target.company
        assert name is not None
        others = [n.company for n in named[1:] if n.company and n.company.casefold() != name.casefold()]
        if other is None and others:
            other = others[0]
        notes = []
        if target.type == "product":
            notes.append(f"{target.name} is {name}'s, so this is about {name}.")
        if unknown:
            notes.append(f"I know no company named {' or '.join(repr(w) for w in unknown)}.")
        if other is not None:
            return self._pair(name, other, relation, when, limit, notes)
        lists, more = self._pairs_of(name, None, when, limit)
        totals = None
        if more and when is None:
            totals = dict(zip(SIDES, self.store.count_pairs(name, cap=self.COUNT_CAP, kinds=SIDES), strict=True))
        asked = _only(relation, lists)
        if relation and not any(asked.values()) and any(lists.values()):
            kind = kinds.kind(relation).label.lower()
            notes.append(f"No {kind} of {name}{' ' + label if label else ''} in the news I have; here is the rest.")
        else:
            lists = asked
            if totals is not None and relation:
                totals = {side: n if side in kinds.sides(relation) else 0 for side, n in totals.items()}
        if not any(lists.values()):
            what = "rivalries or partnerships of"
            if relation and relation not in ("competes", "partners"):
                what = f"{kinds.kind(relation).plural.lower()} involving"
            notes.append(f"No {what} {name}{' ' + label if label else ''} in the news I have.")
        if totals is not None:
            more = any(totals[side] > len(facts) for side, facts in lists.items())
        return _rivals(
            name, lists, note=" ".join(notes) or None, more=more, when=label, totals=totals, relation=relation
        )

    def _pair(self, name: str, other: str, relation, when: When | None, limit: int, notes: list[str]) -> Rivals:
        label = when.label if when else None
        lists, _more = self._pairs_of(name, other, when, limit)
        between = (name, other)
        then = f" {label}" if label else ""
        if any(lists.values()):
            asked = _only(relation, lists)
            if relation and not any(asked.values()):
                said = kinds.kind(relation).noun
                found = "they partner" if lists.get("partners") else "they compete" if lists.get("competes") else None
                found = found or " and ".join(
                    f"{f.company} {f.verb} {f.other}" for facts in lists.values() for f in facts[:1]
                )
                notes.append(f"No {said} between {name} and {other}{then} in the news I have, but {found}:")
            return _rivals(name, lists, note=" ".join(notes) or None, when=label, between=between, relation=relation)
        # nothing between the two: say so, and show each one's own
        notes.append(f"Nothing between {name} and {other}{then} in the news I have. Here is what I have on each.")
        both: dict[str, list[RelationFact]] = {}
        for company in (name, other):
            own, _ = self._pairs_of(company, None, when, EACH_OF_A_PAIR)
            for side, facts in own.items():
                both.setdefault(side, []).extend(facts)
            if not any(own.values()):
                notes.append(f"{company}: no rivalries or partnerships{then} in the news I have.")
        return _rivals(name, both, note=" ".join(notes), when=label, between=between, more=False, relation=relation)

    def _pairs_of(
        self, name: str, other: str | None, when: When | None, limit: int
    ) -> tuple[dict[str, list[RelationFact]], bool]:
        # one pair more of each side than is shown says whether the store has more
        per_pair = OVERVIEW_EVIDENCE if other is None else EVIDENCE_PER_PAIR
        if when is None:
            rows = self.store.relation_pairs(name, limit=limit + 1, other=other, evidence=per_pair, kinds=SIDES)
            lists = _pairs(rows, name, self._added(rows))
        else:
            rows = self.store.relations_within(name, when.span, other=other)
            lists = _group(rows, name, limit + 1, other=other, counted=True, per_pair=per_pair)
        more = any(len(facts) > limit for facts in lists.values())
        return {side: facts[:limit] for side, facts in lists.items()}, more

    def _added(self, rows: list[dict]) -> dict[int, str]:
        """When each undated article cited in ``rows``' evidence was stored (what it shows for a date)."""
        undated = {e["article_id"] for pair in rows for e in pair["evidence"] if not e.get("published")}
        return self.store.stored_at(list(undated)) if undated else {}

    def _unknown_words(self, query: str, named: list[Named]) -> list[str]:
        """The words of ``query`` that look like names and name nothing known (``Zorblax`` in
        ``Apple Zorblax``): each starts with a letter, and has a capital unless ``query`` is a
        few words only (what a command is given); a mention (``@ada``, ``#general``) is none."""
        said = {word_key(w) for n in named for w in n.said.split()}
        words = query.split()
        unknown = []
        for word in words:
            key = word_key(word)
            looks = word[:1].isalpha() and (len(words) <= 3 or word != word.lower())
            if looks and key and key not in said and key not in NOT_NAMES and re.search(r"[^\W\d_]", key):
                unknown.append(word.strip(".,;:!?"))
        return unknown

    # -- what the store knows ------------------------------------------------------------------

    def known(self, what: str = "company", *, limit: int | None = None) -> Known:
        """The companies (``person``: people, ``product``: products) most articles mention."""
        limit = (limit or self.limit) * 2
        rows = self.store.known_entities(what, limit)
        names = []
        for r in rows:
            if what == "product":
                detail = f"{r['owner']}'s" if r["owner"] else None
            elif what == "person":
                detail = attribution(None, r["role"], r["org"]).removeprefix("unnamed speaker").strip(" ()") or None
            else:
                detail = None
            names.append(KnownName(r["name"], r["articles"], detail))
        return Known(what, names, self.store.count_entities(what, cap=1000))


def _rivals(company: str | None, lists: dict[str, list[RelationFact]], **kw) -> Rivals:
    """A :class:`Rivals` answer of ``lists`` (side -> facts)."""
    others = {side: facts for side, facts in lists.items() if side not in ("competes", "partners") and facts}
    totals = kw.pop("totals", None)
    if totals is not None:
        totals = tuple(totals.get(side, 0) for side in SIDES)
    return Rivals(company, lists.get("competes", []), lists.get("partners", []), others=others, totals=totals, **kw)


def _only(relation: str | None, lists: dict[str, list[RelationFact]]) -> dict[str, list[RelationFact]]:
    """The lists of the kind asked about (``None``: all; ``acquires``: both its sides)."""
    if relation is None:
        return lists
    wanted = kinds.sides(relation)
    return {side: facts if side in wanted else [] for side, facts in lists.items()}


def _pairs(rows: list[dict], company: str, added: dict[int, str]) -> dict[str, list[RelationFact]]:
    """The store's pairs (most attested first), each with its evidence, as facts about
    ``company``, by side (``competes``, ``~acquires``...)."""
    lists: dict[str, list[RelationFact]] = {side: [] for side in SIDES}
    sources: dict[int, Source] = {}  # one Source per article cited
    for pair in rows:
        evidence: list[Evidence] = []
        for e in pair["evidence"]:
            source = sources.get(e["article_id"])
            if source is None:
                source = sources[e["article_id"]] = Source.from_row(e, added.get(e["article_id"]))
            item = Evidence(e["sentence"], source)
            if item not in evidence:
                evidence.append(item)
        fact = RelationFact(pair["type"], company, pair["other"], evidence, pair["n"])
        lists.setdefault(pair["type"], []).append(fact)
    return lists


def _group(
    rows: list[dict],
    company: str | None,
    limit: int,
    *,
    other: str | None = None,
    counted: bool = False,
    per_pair: int = EVIDENCE_PER_PAIR,
) -> dict[str, list[RelationFact]]:
    """Relations grouped by (side, pair), most attested first, each with its latest evidence
    (``counted``: with how many relations state it), at most ``limit`` of each side. Seen from
    ``company`` (when given): it comes first, and a directed relation it is the object of reads
    from its side (``~acquires``: was bought by)."""
    groups: OrderedDict[tuple[str, str, str], RelationFact] = OrderedDict()
    for r in rows:
        side, a, b = r["type"], r["a"], r["b"]
        if company is not None and b.casefold() == company.casefold() and a.casefold() != company.casefold():
            a, b = b, a
            side = kinds.INVERSE + side if kinds.kind(side).directed else side
        if company is not None:
            a = company
        if other is not None and b.casefold() != other.casefold():
            continue
        key = (side, a.casefold(), b.casefold())
        fact = groups.get(key)
        if fact is None:
            fact = groups[key] = RelationFact(side, a, b, [])
        fact.mentions += 1 if counted else 0
        evidence = Evidence(r["evidence"], Source.from_row(r))
        if len(fact.evidence) < per_pair and evidence not in fact.evidence:
            fact.evidence.append(evidence)
    ordered = sorted(groups.values(), key=lambda f: -(f.mentions if counted else len(f.evidence)))
    return {side: [f for f in ordered if f.type == side][:limit] for side in SIDES}
