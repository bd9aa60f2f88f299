"""A web page -> an article (trafilatura), stored like a seed with its link and date."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.fetch.addresses import FetchError, Policy
from bot.fetch.http import Response, fetch
from bot.fetch.links import canonical, clean, same_site
from bot.ingest.files import ArticleText, Unreadable, check_text, content_hash
from bot.ingest.pipeline import store_text
from bot.ingest.workers import Runner, inline
from storage import SaveResult
from storage.interface import NewsStore

log = logging.getLogger("bot.fetch")

HTML_TYPES = {"text/html", "application/xhtml+xml"}
MIN_WORDS = 20  # less is a menu, a cookie notice or a teaser, not an article


@dataclass(frozen=True)
class Page:
    url: str  # the link stored and cited: the page's canonical link when it names one on its own site
    title: str
    text: str
    published: str | None  # ISO 8601, UTC when the time is known


def read_page(url: str, policy: Policy, runner: Runner = inline) -> Page:
    return read(fetch_page(url, policy), runner)


def read(response: Response, runner: Runner = inline) -> Page:
    """The article in a fetched page, read through ``runner`` (here, or in a worker process
    under a deadline: see ``bot.ingest.workers``)."""
    try:
        return runner(page_of, response)
    except Unreadable as exc:  # too slow to read, or the bot is stopping
        raise FetchError(str(exc)) from exc


def fetch_page(url: str, policy: Policy) -> Response:
    """A web page's answer: 200 and HTML, else :class:`FetchError`."""
    response = fetch(url, policy, headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"})
    if response.status != 200:
        raise FetchError(f"HTTP {response.status} from {clean(response.url)[:200]}")
    if response.content_type not in HTML_TYPES:
        raise FetchError(f"not a web page ({response.content_type or 'no content type'})")
    return response


def page_of(response: Response) -> Page:
    """The article in a fetched HTML page: its text, headline, date and link."""
    import trafilatura  # imported on use: it is heavy, and only adding articles needs it
    from trafilatura.settings import set_date_params

    try:
        doc = trafilatura.bare_extraction(
            response.text,
            url=response.url,
            with_metadata=True,
            include_comments=False,
            # the date from the page's markup and link only: the extensive search takes any date
            # the story mentions ("they met on 12 March 2019") for the day it was published
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception as exc:  # a page trafilatura chokes on is a bad page, not a crash
        log.warning("trafilatura failed on %s", clean(response.url), exc_info=True)
        raise FetchError(f"could not read the page ({type(exc).__name__})") from exc
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (data.get("text") or "").strip()
    title = " ".join((data.get("title") or "").split())
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if lines and lines[0] == title:
        lines = lines[1:]
    words = sum(len(line.split()) for line in lines)
    if words < MIN_WORDS:
        raise FetchError(
            f"no article text found on the page ({words} words)" if words else "no article text found on the page"
        )
    if not title:
        raise FetchError("no headline found on the page")
    declared = data.get("url") or ""
    link = declared if declared.startswith(("http://", "https://")) and same_site(declared, response.url) else ""
    return Page(clean(link or response.url), title, "\n\n".join(lines), iso_date(data.get("date")))


def iso_date(value: str | None) -> str | None:
    """A date as stored: ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SSZ``; None when it is missing,
    unreadable or more than a day in the future (it would stay first in "latest" for ever)."""
    if not value:
        return None
    text = value.strip()
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    if when.replace(tzinfo=None) > datetime.now(UTC).replace(tzinfo=None) + timedelta(days=1):
        return None
    if len(text) <= 10:
        return when.strftime("%Y-%m-%d")
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def store_page(store: NewsStore, page: Page, *, published: str | None = None, runner: Runner = inline) -> SaveResult:
    """Store a fetched page as an article, keyed by its canonical link, its extraction run
    through ``runner``. ``published`` (the feed's date for the entry, when it has one) wins over
    the date guessed from the page."""
    try:
        text = check_text(f"{page.title}\n\n{page.text}")
        article = ArticleText(source=canonical(page.url), text=text, content_hash=content_hash(text))
        return store_text(store, article, url=page.url, published=iso_date(published) or page.published, runner=runner)
    except Unreadable as exc:
        raise FetchError(str(exc)) from exc
