"""Block Kit for the answers, within Slack's limits, with a plain-text fallback.

Every piece of text that came from a user or from an article is escaped (``&``, ``<``, ``>``),
so ``<!channel>``, ``<@U123>`` or a link typed by someone never pings or links through the bot.
Texts are cut to Slack's limits *before* they are put into mrkdwn, so a cut never lands inside
an entity (``&am``) or a link (``<https://...|Tit``). Every fact cites its article: the
headline, linked when the article has a web link.

Lengths are counted in UTF-16 code units (an emoji counts two), the stricter of the ways a
"character" can be counted, so a limit holds however Slack counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, singledispatch
from itertools import groupby
from operator import attrgetter
from urllib.parse import quote, urlsplit, urlunsplit

from bot.answers import Brief, Evidence, Help, Known, Quotes, RelationFact, Rivals, Source
from bot.answers.paging import items

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_CONTEXT = 2000  # a context element's text (Slack allows 3000; a note needs far less)
MAX_FALLBACK = 3000  # the notification text; Slack accepts more, nobody reads more
MAX_BUTTON_VALUE = 2000
MAX_TITLE = 200
MAX_URL = 800  # a longer link is not linked (the headline is still cited)
SHARE_ACTION = "share_answer"
MORE_ACTION = "more_answer"
MAP_ACTION = "map_answer"  # a /rivals answer's picture: bot.slack.maps

FULLWIDTH_BAR = "\uff5c"
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}

USAGE = {
    "brief": (
        "/brief [topic] [time]",
        "The latest articles, or those about a topic or from a time, each summarised: `/brief Azure`,"
        " `/brief Nvidia this week`, `/brief news from December 2004`. `/brief add URL` adds a web page's story;"
        " `/brief follow Sony` posts each new article about Sony here.",
    ),
    "quotes": (
        "/quotes [person | company | role | topic] [about topic]",
        "Who said what: a name (`/quotes Nadella`), a role (`/quotes Microsoft CEO`, `/quotes analysts about"
        " the iPod`), a company or a topic.",
    ),
    "rivals": (
        "/rivals [company] [other] [time]",
        "Who competes and who partners with a company (`/rivals Sony`, `/rivals Sony since 2024-01`), or"
        " between two (`/rivals Sony Microsoft`); alone, every pair known. `/rivals Sony map` draws them.",
    ),
    "digest": (
        "/digest daily HH:MM | status | now | off | feeds add URL",
        "A digest of new articles in this channel every day (`/digest daily 08:30`), its status, one now;"
        " `/digest feeds add URL | list | poll | remove URL`: the RSS/Atom feeds the news comes from.",
    ),
}
TIMES = "Times: `this week`, `last month`, `today`, `since 2024-01`, `in December 2004`, `before 2005`."


_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_NEEDS_WORK = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # in ASCII text: what fit would change


def clean(text: str | None) -> str:
    """``text`` without what no message should carry: control characters (but tab and newline)
    and lone surrogates (JSON's ``\\ud83c`` alone decodes to one, which cannot be encoded)."""
    return _UNSHOWABLE.sub("", text or "")


def length(text: str) -> int:
    """``text``'s length as Slack may count it: UTF-16 code units (one per character of ASCII
    text, which most text is: that case is not encoded)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def escape(text: str | None) -> str:
    """Slack's three control characters, escaped: no mention, link or command survives."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with "...". For raw text only: cutting mrkdwn can
    break an entity or a link, which :func:`fit` never does."""
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def fit(raw: str | None, limit: int) -> str:
    """``raw`` escaped and, when too long, cut between characters (never inside an entity) to
    at most ``limit`` UTF-16 units, ending in "..."."""
    if raw is not None and len(raw) <= limit and raw.isascii() and not _NEEDS_WORK.search(raw):
        return raw  # most text: nothing to strip, escape or cut
    raw = clean(raw)
    out = escape(raw)
    if length(out) <= limit:
        return out
    budget, used, pieces = limit - 3, 0, []
    for char in raw:
        piece = _ENTITIES.get(char, char)
        size = length(piece)
        if used + size > budget:
            break
        pieces.append(piece)
        used += size
    return "".join(pieces).rstrip() + "..."


def join_within(lines, limit: int) -> str:
    """``lines`` joined by newlines, as many as fit in ``limit`` UTF-16 units, whole lines only
    (each already escaped and fitted). Lengths add up, so nothing is measured twice; ``lines``
    may be lazy, and is read no further than the first line that does not fit."""
    if isinstance(lines, list):  # all of them, when all fit (most sections): measured once
        joined = "\n".join(lines)
        if length(joined) <= limit:
            return joined
    kept: list[str] = []
    used = -1  # no newline before the first line
    for line in lines:
        size = length(line) + 1
        if used + size > limit:
            break
        kept.append(line)
        used += size
    return "\n".join(kept)


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def inline(raw: str | None, limit: int) -> str:
    """``raw`` on one line (each run of whitespace one space), escaped and fitted: what
    ``fit(one_line(raw), limit)`` gives, without building anything for the text most answers
    are made of (printable, single spaces, nothing to escape, short enough). ``isprintable``
    is false for every control character, line break, lone surrogate and space but " "."""
    if (
        raw
        and raw.isprintable()
        and "  " not in raw
        and raw[0] != " "
        and raw[-1] != " "
        and "&" not in raw
        and "<" not in raw
        and ">" not in raw
        and length(raw) <= limit
    ):
        return raw
    return fit(one_line(raw), limit)


def link_target(url: str | None) -> str | None:
    """``url`` ready to stand inside ``<...|...>``: only http(s) links with a host; characters
    that would end the link (``>``, ``|``, spaces) percent-encoded and ``&`` escaped as Slack
    requires. ``None`` when the URL cannot be linked safely."""
    if not url or length(url) > MAX_URL:
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    try:
        netloc = parts.netloc.encode("idna").decode("ascii") if not parts.netloc.isascii() else parts.netloc
    except UnicodeError:
        return None
    if not re.fullmatch(r"[A-Za-z0-9.\-:@%_~!$'()*+,;=\[\]]+", netloc):
        return None
    keep = "/%:@!$'()*+,;=-._~&?#[]"
    target = urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            quote(parts.path, safe=keep),
            quote(parts.query, safe=keep),
            quote(parts.fragment, safe=keep),
        )
    )
    return target.replace("&", "&amp;")


@lru_cache(maxsize=4096)  # a pure function of an immutable source; an answer cites the same few again and again
def cite(source: Source) -> str:
    """The headline, linked when the article has a safe http(s) link, and its date: published,
    else when it was stored (``no date; added 6 Dec 2026``)."""
    title = inline(source.title, MAX_TITLE) or "untitled article"
    target = link_target(source.url)
    when = f" ({source.when})" if source.when else ""
    if target is None:
        return f"_{title}_{when}"
    # the first "|" ends the URL; one in the headline is shown as a look-alike
    return f"<{target}|{title.replace('|', FULLWIDTH_BAR)}>{when}"


def _section(text: str) -> dict:
    # every caller builds ``text`` within the limit; ``clip`` is only a last guard
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(text, MAX_SECTION)}}


def _header(raw: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": inline(raw, MAX_HEADER), "emoji": True}}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def _cited(evidence: list[Evidence]) -> list[str]:
    """Each run of sentences from one article, quoted, then that article cited once."""
    if len(evidence) == 1:  # a pair in a list of pairs: one sentence
        return [f"> {inline(evidence[0].sentence, 600)}\n\u2014 {cite(evidence[0].source)}"]
    return [
        "".join(f"> {inline(ev.sentence, 600)}\n" for ev in run) + f"\u2014 {cite(source)}"
        for source, run in groupby(evidence, key=attrgetter("source"))
    ]


class Message:
    """Blocks under construction, kept within the block limit with room for a footer, and
    the plain-text fallback (escaped, like every text Slack parses)."""

    RESERVED = 3  # the "...and N more" note, the "Shared by" note, and the buttons

    def __init__(self) -> None:
        self.blocks: list[dict] = []
        self.lines: list[str] = []
        self.last = ""  # a line the fallback always ends with (the "...and N more" note)

    @property
    def room(self) -> int:
        return MAX_BLOCKS - self.RESERVED - len(self.blocks)

    def add(self, *blocks: dict, fallback: str = "") -> bool:
        if len(blocks) > self.room:
            return False
        self.blocks.extend(blocks)
        if fallback:
            self.lines.append(inline(fallback, 300))
        return True

    def add_each(self, items, block_of) -> int:
        """Add ``block_of(item)`` (a block and its fallback line) for each item while there is
        room; returns how many went in."""
        for shown, item in enumerate(items):
            block, fallback = block_of(item)
            if not self.add(block, fallback=fallback):
                return shown
        return len(items)

    def payload(self) -> dict:
        text, used = [], length(self.last) + 5
        for line in self.lines or ["newsbot"]:
            used += length(line) + 1
            if used > MAX_FALLBACK:
                text.append("...")
                break
            text.append(line)
        if self.last:
            text.append(self.last)
        return {"blocks": self.blocks[:MAX_BLOCKS], "text": "\n".join(text)}


@dataclass
class Shown:
    """What a rendering left out because of the block limit, and how to ask for less."""

    cut: int = 0
    narrow: str = ""


@singledispatch
def _render(answer, message: Message) -> Shown:  # pragma: no cover - each answer type is registered
    raise TypeError(f"cannot render {type(answer).__name__}")


def _empty(message: Message, note: str | None, default: str) -> Shown:
    message.add(_section(fit(note or default, MAX_SECTION)), fallback=note or default)
    return Shown()


def _when(head: str, when: str | None) -> str:
    return f"{head} {when}" if when else head


@_render.register
def _(answer: Brief, message: Message) -> Shown:
    head = _when(f"News about {answer.topic}" if answer.topic else "Latest news", answer.when)
    message.add(_header(head), fallback=f"{head}:")
    if not answer.articles:
        return _empty(message, answer.note, "No articles yet.")
    shown = message.add_each(answer.articles, _article_block)
    return Shown(len(answer.articles) - shown, "`/brief [topic]`")


def _article_block(item) -> tuple[dict, str]:
    head = f"*{cite(item.source)}*"
    summary = one_line(" ".join(item.summary))
    body = fit(summary, MAX_SECTION - length(head) - 1)
    return _section(f"{head}\n{body}"), f"- {item.source.title}: {summary}"


@_render.register
def _(answer: Quotes, message: Message) -> Shown:
    if answer.matched and (answer.query or answer.matched != "the latest quotes"):
        head = f"Quotes from {answer.matched}"
    elif answer.query:
        head = f"Quotes about {answer.query}"
    else:
        head = "Latest quotes"
    head = _when(head, answer.when)
    message.add(_header(head), fallback=f"{head}:")
    if not answer.quotes:
        return _empty(message, answer.note, "No quotes found.")
    shown = message.add_each(answer.quotes, _quote_block)
    return Shown(len(answer.quotes) - shown, "a name or a topic: `/quotes [who]`")


def _quote_block(q) -> tuple[dict, str]:
    tail = f"\n\u2014 *{inline(q.attribution, 300)}*, in {cite(q.evidence.source)}"
    said = inline(q.text, MAX_SECTION - length(tail) - 4)
    return _section(f"> \u201c{said}\u201d{tail}"), f"- {q.attribution}: \u201c{q.text}\u201d"  # made one line by add


def _relation_block(fact: RelationFact) -> tuple[dict, str]:
    verb = "competes with" if fact.type == "competes" else "partners with"
    said = fact.more_said
    count = f" ({said})" if said else ""
    head = f"*{fit(fact.company, 200)}* {verb} *{fit(fact.other, 200)}*{count}"
    text = join_within([head, *_cited(fact.evidence)], MAX_SECTION)
    return _section(text), f"- {fact.company} {verb} {fact.other}"


@_render.register
def _(answer: Rivals, message: Message) -> Shown:
    if answer.between:
        head = f"{answer.between[0]} and {answer.between[1]}"
    else:
        head = f"Rivals and partners of {answer.company}" if answer.company else "Rivalries and partnerships"
    head = _when(head, answer.when)
    message.add(_header(head), fallback=f"{head}:")
    if answer.note:
        message.add(_context(fit(answer.note, MAX_CONTEXT)), fallback=answer.note)
    cut = 0
    for label, facts in (("Competitors", answer.competes), ("Partners", answer.partners)):
        if not facts:
            continue
        if not message.add(_section(f"*{label}*"), fallback=f"{label}:"):
            cut += len(facts)
            continue
        cut += len(facts) - message.add_each(facts, _relation_block)
    if not answer.competes and not answer.partners and not answer.note:
        _empty(message, None, "No rivalries or partnerships found.")
    company = fit(answer.company, 100) if answer.company else ""
    return Shown(cut, f"`/rivals {company} [other company]`" if company else "`/rivals [company]`")


KNOWN_HEADS = {"company": "Companies", "person": "People", "product": "Products"}
KNOWN_ASK = {"company": "`/rivals NAME` or `/brief NAME`", "person": "`/quotes NAME`", "product": "`/brief NAME`"}


@_render.register
def _(answer: Known, message: Message) -> Shown:
    head = f"{KNOWN_HEADS[answer.what]} I know most about"
    message.add(_header(head), fallback=f"{head}:")
    if not answer.names:
        return _empty(message, None, "None yet: no articles mention any.")
    lines = []
    for n in answer.names:
        detail = f", {inline(n.detail, 200)}" if n.detail else ""
        lines.append(f"\u2022 *{inline(n.name, 200)}*{detail} ({n.articles:,} article{'s' if n.articles != 1 else ''})")
    text = join_within(lines, MAX_SECTION)
    message.add(
        _section(text),
        _context(f"By the articles that mention them, of {answer.total:,}. Ask about one: {KNOWN_ASK[answer.what]}."),
        fallback=", ".join(n.name for n in answer.names),
    )
    return Shown(len(lines) - (text.count("\n") + 1), "`/brief NAME`")


@_render.register
def _(answer: Help, message: Message) -> Shown:
    if answer.reason:
        message.add(_section(fit(answer.reason, MAX_SECTION)), fallback=answer.reason)
    if answer.topic in USAGE:
        usage, what = USAGE[answer.topic]
        message.add(_section(f"*Usage:* `{usage}`\n{what}"), fallback=f"Usage: {usage}")
        return Shown()
    lines = [f"`{usage}`: {what}" for usage, what in USAGE.values()]
    examples = [f"\u2022 {fit(e, 200)}" for e in answer.examples if not e.startswith("/")]
    message.add(
        _section("*I answer from the news articles I have.*\n" + "\n".join(lines)),
        _section("Or mention me, or DM me, in plain English:\n" + "\n".join(examples) + "\n" + TIMES),
        fallback="I answer from the news I have: /brief, /quotes, /rivals, /digest, or ask me in plain English.",
    )
    return Shown()


def _button(text: str, action_id: str, value: str) -> dict:
    return {"type": "button", "action_id": action_id, "text": {"type": "plain_text", "text": text}, "value": value}


def render(
    answer,
    *,
    more: int | None = 0,
    more_value: str | None = None,
    share_value: str | None = None,
    shared_by: str | None = None,
    map_value: str | None = None,
) -> dict:
    """``{"blocks": [...], "text": ...}`` for ``answer``.

    ``more``: how many items the answers have beyond those in ``answer`` (``None``: some, not
    counted). ``more_value`` adds a "Show more" button (offered only when everything in
    ``answer`` fitted), ``share_value`` a "Share in channel" button (never on help, nor on an
    answer that found nothing); ``shared_by`` (a user id) notes who shared it; ``map_value``
    adds a "Map" button. Button values longer than Slack allows are left out rather than cut.
    """
    message = Message()
    shown = _render(answer, message)
    expandable = more_value is not None and more != 0 and shown.cut == 0
    if more != 0 or shown.cut:
        count = f" {more + shown.cut:,}" if more is not None else ""
        how = "Show more below, or narrow" if expandable else "Narrow"
        note = f"...and{count} more. {how} it with {shown.narrow}."
        message.blocks.append(_context(note))
        message.last = note
    if shared_by and re.fullmatch(r"[UW][A-Z0-9]{1,20}", shared_by):
        message.blocks.append(_context(f"Shared by <@{shared_by}>"))
    buttons = []
    if expandable and length(more_value) <= MAX_BUTTON_VALUE:
        buttons.append(_button("Show more", MORE_ACTION, more_value))
    # an answer with nothing in it ("nothing found") is no news for the channel
    shareable = answer.kind != "help" and items(answer) > 0
    if share_value is not None and shareable and length(share_value) <= MAX_BUTTON_VALUE:
        buttons.append(_button("Share in channel", SHARE_ACTION, share_value))
    if map_value is not None and length(map_value) <= MAX_BUTTON_VALUE:
        buttons.append(_button("Map", MAP_ACTION, map_value))
    if buttons:
        message.blocks.append({"type": "actions", "elements": buttons})
    return message.payload()


def plain(text: str) -> dict:
    """A short message (a command's reply), escaped, as one section and its fallback."""
    return {"blocks": [_section(fit(text, MAX_SECTION))], "text": fit(text, MAX_FALLBACK)}


def apology() -> dict:
    text = "Sorry, something went wrong while answering. Please try again in a moment."
    return {"blocks": [_section(text)], "text": text}
