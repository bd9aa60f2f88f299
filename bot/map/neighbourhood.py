"""A company's neighbourhood, as plain data: the pairs a map draws, each with how many articles
state it and when, and what was left out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

MAX_LINKS = 25  # drawn; the rest are counted in the caption
EXPANDED = 10  # with two hops, the neighbours whose own pairs are read (the most attested)
SUPPORTED = 60  # candidates whose articles are counted, the most attested first
KINDS = ("competes", "partners")


@dataclass(frozen=True)
class Link:
    """``a`` competes or partners (``kind``) with ``b``: ``articles`` articles say so
    (``mentions`` sentences), from ``first`` to ``last`` (``YYYY-MM-DD``). ``hop``: 1 when it
    touches the company, 2 when it is between two of the others."""

    a: str
    b: str
    kind: str
    articles: int
    mentions: int
    first: str | None
    last: str | None
    hop: int


@dataclass
class Neighbourhood:
    company: str | None
    hops: int
    links: list[Link] = field(default_factory=list)
    left_out: int = 0  # pairs read and not drawn
    note: str | None = None
    kind: str = field(default="map", init=False)

    @property
    def names(self) -> list[str]:
        """Every company drawn, the company first, then in the order their links rank."""
        seen = {self.company.casefold(): self.company} if self.company else {}
        for link in self.links:
            for name in (link.a, link.b):
                seen.setdefault(name.casefold(), name)
        return list(seen.values())

    @property
    def first(self) -> str | None:
        days = [link.first for link in self.links if link.first]
        return min(days) if days else None

    @property
    def last(self) -> str | None:
        days = [link.last for link in self.links if link.last]
        return max(days) if days else None

    def of_kind(self, kind: str) -> list[str]:
        """The companies linked to the company by ``kind``, strongest first."""
        return [link.b for link in self.links if link.hop == 1 and link.kind == kind]

    @property
    def period(self) -> str | None:
        """``3 Mar 2026 to 4 Mar 2026`` (one day: ``3 Mar 2026``), or ``None``."""
        first, last = day(self.first), day(self.last)
        if not first:
            return None
        return first if first == last else f"{first} to {last}"

    def caption(self, rivals_command: str | None = None) -> str:
        """One paragraph under the picture: what it shows, the date range of the evidence, what
        was left out, and where the sentences are (``rivals_command``, e.g. ``/rivals Sony``)."""
        if self.note and not self.links:
            return self.note
        rivals, partners = len(self.of_kind("competes")), len(self.of_kind("partners"))
        parts = [f"{self.company}: {_count(rivals, 'rival')} and {_count(partners, 'partner')}"]
        if self.hops > 1:
            parts[0] += ", and theirs"
        lines = f"{_count(len(self.links), 'line')}, each as wide as the articles that state it"
        parts.append(f" ({lines}; evidence from {self.period})" if self.period else f" ({lines})")
        parts.append(".")
        if self.left_out:
            parts.append(f" {_count(self.left_out, 'weaker pair')} not drawn.")
        if rivals_command:
            parts.append(f" The sentences behind each line: {rivals_command}")
        return "".join(parts)


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def day(text: str | None) -> str | None:
    """``2026-03-03`` as people write it: ``3 Mar 2026``."""
    if not text:
        return None
    try:
        when = date.fromisoformat(text[:10])
    except ValueError:
        return None
    return f"{when.day} {when:%b %Y}"


def neighbourhood(answers, query: str, *, hops: int = 1, max_links: int = MAX_LINKS) -> Neighbourhood:
    """The neighbourhood of the company ``query`` names (as ``/rivals`` finds it: aliases,
    products, typos), to ``hops`` (1 or 2) steps, its strongest ``max_links`` pairs."""
    hops = 2 if hops >= 2 else 1
    query = (query or "").strip()
    named = [n for n in answers.names.find_in(query) if n.company] if query else []
    if not named:
        hints = answers.names.suggestions(query) if query else []
        note = f"No company named {query!r} in the store." if query else "Name a company: map Sony."
        if hints:
            note += " Did you mean " + " or ".join(hints) + "?"
        return Neighbourhood(query or None, hops, note=note)
    company = named[0].company
    assert company is not None
    store = answers.store
    candidates = _candidates(store, company, hops)
    if not candidates:
        return Neighbourhood(company, hops, note=f"No rivalries or partnerships of {company} in the store.")
    # the most attested first; the articles behind each counted for the strongest of them
    candidates.sort(key=lambda c: (-c[3], c[4], c[2], c[0].casefold(), c[1].casefold()))
    links = []
    for a, b, kind, mentions, hop in candidates[:SUPPORTED]:
        support = store.graph.pair_support(a, b, kind)
        links.append(Link(a, b, kind, support["articles"] or 0, mentions, support["first"], support["last"], hop))
    links.sort(key=lambda x: (-x.articles, -x.mentions, x.hop, x.kind, x.a.casefold(), x.b.casefold()))
    drawn = _connected(company, links, max_links)
    return Neighbourhood(company, hops, drawn, left_out=len(candidates) - len(drawn))


def _candidates(store, company: str, hops: int) -> list[tuple[str, str, str, int, int]]:
    """(a, b, kind, mentions, hop) for each pair of the neighbourhood, each pair once."""
    found: dict[tuple[str, str, str], tuple[str, str, str, int, int]] = {}
    # the map draws rivals and partners: acquisitions are listed by /rivals, not drawn
    first_ring = [pair for pair in store.graph.pairs_of(company) if pair["type"] in KINDS]
    for pair in first_ring:
        key = (pair["type"], company.casefold(), pair["other"].casefold())
        if pair["other"].casefold() != company.casefold():
            found.setdefault(key, (company, pair["other"], pair["type"], pair["n"], 1))
    if hops > 1:
        neighbours = list(dict.fromkeys(pair["other"] for pair in first_ring))[:EXPANDED]
        for neighbour in neighbours:
            for pair in store.graph.pairs_of(neighbour, limit=50):
                other = pair["other"]
                if pair["type"] not in KINDS:
                    continue
                if other.casefold() in (company.casefold(), neighbour.casefold()):
                    continue
                ends = sorted((neighbour.casefold(), other.casefold()))
                found.setdefault((pair["type"], *ends), (neighbour, other, pair["type"], pair["n"], 2))
    return list(found.values())


def _connected(company: str, ranked: list[Link], limit: int) -> list[Link]:
    """The strongest ``limit`` links, each drawn only once it touches what is drawn already (a
    second hop hangs from its neighbour), so no company floats apart from the rest."""
    drawn: list[Link] = []
    reached = {company.casefold()}
    pending = list(ranked)
    progress = True
    while pending and len(drawn) < limit and progress:
        progress = False
        for link in list(pending):
            if len(drawn) >= limit:
                break
            if link.a.casefold() in reached or link.b.casefold() in reached:
                drawn.append(link)
                reached.update((link.a.casefold(), link.b.casefold()))
                pending.remove(link)
                progress = True
                break  # start again from the strongest: it may hang from this one
    return drawn
