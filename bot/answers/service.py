"""The answers: briefs, quotes and rivalries, from the store, as plain data."""

from __future__ import annotations

from collections import OrderedDict

from bot.answers import routing
from bot.answers.model import Answer, ArticleBrief, Brief, Evidence, QuoteFact, Quotes, RelationFact, Rivals, Source
from bot.answers.names import Named, NameIndex
from bot.answers.roles import roles_in, strip_roles
from storage import terms
from storage.interface import Reads

SUMMARY_SENTENCES = 2
EVIDENCE_PER_PAIR = 3  # asked about one pair (``/rivals Sony Microsoft``), its latest sentences
OVERVIEW_EVIDENCE = 1  # in a company's list of pairs, each pair's latest sentence (and its count)


class Answers:
    """Answers questions over one store. Cheap to keep for a process's life."""

    COUNT_CAP = 100  # a brief's total counts the matching articles up to this many ("100+")

    def __init__(self, store: Reads, *, limit: int = 5):
        self.store = store
        self.names = NameIndex(store)
        self.limit = limit

    def ask(self, question: str) -> Answer:
        """A plain-English question, routed to the answer that fits (see ``bot.answers.ask``)."""
        return routing.ask(self, question)

    def command(self, name: str, text: str = "") -> Answer:
        """A slash command (``brief``, ``quotes``, ``rivals``, ``digest``, ``help``) and its text."""
        return routing.run_command(self, name, text)

    # -- /brief ------------------------------------------------------------------------------

    def brief(self, topic: str | None = None, *, limit: int | None = None) -> Brief:
        """The latest articles, or those about ``topic``, each with a short summary."""
        limit = limit or self.limit
        topic = (topic or "").strip() or None
        if topic is None:
            rows = self.store.latest_articles(limit)
            return Brief(None, self._article_briefs(rows), self.store.article_count())
        rows, total = self._articles_about(topic, limit)
        capped = total >= self.COUNT_CAP
        note = None
        if not rows:
            note = f"No articles about {topic!r}."
            hints = self.names.suggestions(topic)
            if hints:
                note += " Known names like it: " + ", ".join(hints) + "."
        return Brief(topic, self._article_briefs(rows), total, note=note, capped=capped)

    def _articles_about(self, topic: str, limit: int) -> tuple[list[dict], int]:
        # full text first: every word of the topic, the most specific match
        rows = self.store.search_articles(topic, limit) if terms(topic) else []
        if rows and len(rows) == limit:
            return rows, max(len(rows), self.store.count_search_articles(topic, cap=self.COUNT_CAP))
        # too few: add the articles that name what the topic names (or its products)
        entity_ids = self._with_products(self.names.find_in(topic))
        if entity_ids:
            seen = {r["id"] for r in rows}
            rows += [r for r in self.store.articles_mentioning(entity_ids, limit) if r["id"] not in seen]
        return rows[:limit], len(rows)

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

    def quotes(self, who_or_topic: str | None = None, *, limit: int | None = None) -> Quotes:
        """Quotes by a person, by people of a company (``Microsoft CEO``), or about a topic."""
        limit = limit or self.limit
        query = (who_or_topic or "").strip() or None
        if query is None:
            rows = self.store.latest_quotes(limit + 1)
            return self._quotes(None, rows, limit, matched="the latest quotes")
        named = self.names.find_in(query)
        people = [n for n in named if n.type == "person"]
        companies = list(dict.fromkeys(n.company for n in named if n.company))
        wanted_roles = roles_in(query)
        if not people and companies and wanted_roles:
            people = self._people_in_role(companies, wanted_roles)
            if not people:
                role = strip_roles(query) and " ".join(sorted(wanted_roles))
                return Quotes(
                    query,
                    [],
                    0,
                    note=f"No quotes from a {role} of {' or '.join(companies)} in the store.",
                )
        if people:
            speakers = [p.name for p in people]
            rows = self.store.quotes_by(speakers=speakers, limit=limit + 1)
            return self._quotes(query, rows, limit, matched=", ".join(self._describe(p) for p in people))
        if companies:
            rows = self.store.quotes_by(orgs=companies, limit=limit + 1)
            if len(rows) <= limit:
                seen = {r["id"] for r in rows}
                rows += [r for r in self.store.search_quotes(" ".join(companies), limit + 1) if r["id"] not in seen]
            return self._quotes(query, rows, limit, matched=" and ".join(companies))
        rows = self.store.search_quotes(query, limit + 1)
        result = self._quotes(query, rows, limit, matched=None)
        if not rows:
            hints = self.names.suggestions(query)
            result.note = f"No quotes by or about {query!r}." + (
                " Known names like it: " + ", ".join(hints) + "." if hints else ""
            )
        return result

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
        details = [x for x in self.names.details(person) if x]
        return f"{person.name} ({', '.join(details)})" if details else person.name

    @staticmethod
    def _quotes(query: str | None, rows: list[dict], limit: int, *, matched: str | None) -> Quotes:
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
        total = len(rows) if len(rows) <= limit else limit + 1
        return Quotes(query, facts, total, matched=matched)

    # -- /rivals -----------------------------------------------------------------------------

    def rivals(self, company: str | None = None, *, other: str | None = None, limit: int | None = None) -> Rivals:
        """Who competes and who partners with ``company``, at most ``limit`` pairs of each kind
        (as many as the other answers' items: a sixth pair of rivals is one "Show more" away),
        each with its latest sentence and how many sentences say so; with ``other`` (or a
        second company named), that pair with its latest sentences; with no company, every
        pair known."""
        limit = limit or self.limit
        query = (company or "").strip() or None
        if query is None:
            rows = self.store.relations(limit=limit * EVIDENCE_PER_PAIR * 4)
            competes, partners = _group(rows, None, limit)
            note = None if competes or partners else "No rivalries or partnerships in the store yet."
            return Rivals(None, competes, partners, note=note)
        named = [n for n in self.names.find_in(query) if n.company]
        if not named:
            hints = [h for h in self.names.suggestions(query)]
            note = f"No company named {query!r} in the store."
            if hints:
                note += " Did you mean " + " or ".join(hints) + "?"
            return Rivals(query, [], [], note=note)
        target = named[0]
        name = target.company
        assert name is not None
        if other is None and len(named) > 1:
            other = named[1].company
        # one pair more of each type than is shown says whether the store has more
        per_pair = OVERVIEW_EVIDENCE if other is None else EVIDENCE_PER_PAIR
        rows = self.store.relation_pairs(name, limit=limit + 1, other=other, evidence=per_pair)
        competes, partners = _pairs(rows, name)
        more = len(competes) > limit or len(partners) > limit
        competes, partners = competes[:limit], partners[:limit]
        note = None
        if target.type == "product":
            note = f"{target.name} is {name}'s, so this is about {name}."
        if not competes and not partners:
            note = (note + " " if note else "") + f"No rivalries or partnerships of {name} in the store."
        return Rivals(name, competes, partners, note=note, more=more)


def _pairs(rows: list[dict], company: str) -> tuple[list[RelationFact], list[RelationFact]]:
    """The store's pairs (most attested first), each with its evidence, as facts about ``company``."""
    competes, partners = [], []
    sources: dict[int, Source] = {}  # one Source per article cited
    for pair in rows:
        evidence: list[Evidence] = []
        for e in pair["evidence"]:
            source = sources.get(e["article_id"])
            if source is None:
                source = sources[e["article_id"]] = Source.from_row(e)
            item = Evidence(e["sentence"], source)
            if item not in evidence:
                evidence.append(item)
        fact = RelationFact(pair["type"], company, pair["other"], evidence, pair["n"])
        (competes if pair["type"] == "competes" else partners).append(fact)
    return competes, partners


def _group(rows: list[dict], company: str | None, limit: int, *, other: str | None = None) -> tuple[list, list]:
    """Relations grouped by (type, pair), most attested first, each with its evidence."""
    groups: OrderedDict[tuple[str, str, str], RelationFact] = OrderedDict()
    for r in rows:
        a, b = r["a"], r["b"]
        if company is not None and b.casefold() == company.casefold():
            a, b = b, a
        if company is not None:
            a = company
        if other is not None and b.casefold() != other.casefold():
            continue
        key = (r["type"], a.casefold(), b.casefold())
        fact = groups.get(key)
        if fact is None:
            fact = groups[key] = RelationFact(r["type"], a, b, [])
        evidence = Evidence(r["evidence"], Source.from_row(r))
        if len(fact.evidence) < EVIDENCE_PER_PAIR and evidence not in fact.evidence:
            fact.evidence.append(evidence)
    ordered = sorted(groups.values(), key=lambda f: -len(f.evidence))
    competes = [f for f in ordered if f.type == "competes"][:limit]
    partners = [f for f in ordered if f.type == "partners"][:limit]
    return competes, partners
