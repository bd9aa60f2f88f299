"""A web page -> an article (trafilatura), stored like a seed with its link and date."""

from __future__ import annotations

from dataclasses import dataclass

from bot.fetch.http import FetchError, Policy, fetch
from bot.fetch.links import canonical
from bot.ingest.files import ArticleText, Unreadable, check_text, content_hash
from bot.ingest.pipeline import store_text
from storage import SaveResult, Store

HTML_TYPES = {"text/html", "application/xhtml+xml"}


@dataclass(frozen=True)
class Page:
    url: str
    title: str
    text: str
    published: str | None


def read_page(url: str, policy: Policy) -> Page:
    import trafilatura  # imported on use: it is heavy, and only adding articles needs it

    response = fetch(url, policy, headers={"Accept": "text/html,application/xhtml+xml"})
    if response.status != 200:
        raise FetchError(f"HTTP {response.status} from {response.url[:200]}")
    if response.content_type not in HTML_TYPES:
        raise FetchError(f"not a web page ({response.content_type or 'no content type'})")
    doc = trafilatura.bare_extraction(response.text, url=response.url, with_metadata=True)
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (data.get("text") or "").strip()
    title = (data.get("title") or "").strip()
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and lines[0].strip() == title:
        lines = lines[1:]
    if not title or not lines:
        raise FetchError("no article found on the page")
    return Page(response.url, title, "\n\n".join(lines), data.get("date"))


def store_page(store: Store, page: Page, *, published: str | None = None) -> SaveResult:
    """Store a fetched page as an article, keyed by its canonical link."""
    try:
        text = check_text(f"{page.title}\n\n{page.text}")
    except Unreadable as exc:
        raise FetchError(str(exc)) from exc
    article = ArticleText(source=canonical(page.url), text=text, content_hash=content_hash(text))
    return store_text(store, article, url=page.url, published=page.published or published)
