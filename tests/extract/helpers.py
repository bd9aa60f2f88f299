"""Small hand-written articles for the extraction tests, and what to read off them."""

from bot.extract import extract


def article(*paragraphs: str, title: str = "Test headline about technology") -> str:
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def quotes_of(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract(text).quotes]


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text).quotes]


def pairs(text: str, kind: str) -> set[frozenset]:
    return {frozenset((r.a, r.b)) for r in extract(text).relations if r.type == kind}


def bought(text: str) -> set[tuple[str, str]]:
    """The purchases read in ``text``, buyer first."""
    return {(r.a, r.b) for r in extract(text).relations if r.type == "acquires"}
