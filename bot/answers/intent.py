"""What a question asks for, and about what: its intent and its slots.

"who does Microsoft partner with?" is a question about rivals and partners (the intent), of
Microsoft (the subject), partners only (the relation). "what did analysts say about the iPod?"
asks for quotes (the intent) by analysts (the speakers' role) about the iPod (the topic). "news
from December 2004" asks for a brief, bounded by time. The intent is read from the words that
say what is wanted; the slots from what is left, so that the words that ask never end up
searched for as a topic ("which companies do you know?" is not a search for "companies know").

Names are not looked up here: the answers resolve the subject against the store (a subject
that names two companies is a question about that pair).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from functools import cache

from bot.answers import timespan
from bot.answers.commands import BY_NAME, SLASH
from bot.answers.roles import role_of
from bot.answers.timespan import When
from bot.extract.kinds import KINDS as RELATION_KINDS
from storage.fts import STOPWORDS

COMMANDS = (*(c.name for c in SLASH), "help")
KINDS = (*BY_NAME, "help", "more")


@dataclass(frozen=True)
class Intent:
    """A question understood: what it asks for (``kind``) and its slots."""

    kind: str  # one of KINDS
    subject: str | None = None  # the names or words it is about
    relation: str | None = None  # rivals: one kind only ("competes", "acquires"; None: all)
    topic: str | None = None  # quotes: what was said about
    role: str | None = None  # quotes: the speakers' role ("analyst", "ceo")
    when: When | None = None  # bounded by time
    known: str | None = None  # known: "company", "person" or "product"
    help_topic: str | None = None  # help: the command asked about
    reason: str | None = None  # help: why the question got help instead of an answer
    text: str = ""  # the question as asked


def _words(*words: str) -> str:
    return r"\b(?:" + "|".join(words) + r")\b"


# what reads a question, rather than a command, is compiled when a question first needs it
# (``compile_patterns`` compiles the rest once the bot serves): a start-up needs none of it
_re = cache(re.compile)


_HELP = re.compile(
    r"^(?:help|\?+|commands|usage|menu|what can you do|what do you do|how do i use (?:you|this|it|newsbot)"
    r"|how does this work|what can i ask(?: you)?|what are you|who are you)[?!. ]*$"
)
_GREETING = r"^(?:hi|hello|hey|hiya|yo|good (?:morning|afternoon|evening)|thanks?(?: you)?|thx|cheers)\b[\w ,!.?]*$"
_MORE = re.compile(r"^(?:more|next|more please|show more|go on|continue|and more|keep going)[?!. ]*$")
_FOLLOW = r"^(?:and|what about|how about|and what about|and how about|same for|now)\b[, ]*(.*)$"

# the words that ask about each kind of relation (``bot/extract/kinds.py``)
_RELATIONS = {kind.name: _words(*kind.asked) for kind in RELATION_KINDS}
_QUOTES = _words(
    r"say",
    r"says",
    r"said",
    r"saying",
    r"quotes?",
    r"quoted",
    r"quoting",
    r"told",
    r"comment\w*",
    r"think",
    r"thinks",
    r"thought",
    r"opinions?",
    r"views?",
    r"reckons?",
    r"react\w*",
    r"statements?",
    r"words",
)
_BRIEF = _words(
    r"summar\w*",
    r"brief\w*",
    r"recap\w*",
    r"overview",
    r"headlines?",
    r"tl;?dr",
    r"news",
    r"latest",
    r"happening",
    r"happened",
    r"updates?",
    r"stories",
    r"story",
    r"articles?",
    r"(?:[Ww]hat(?:'?s| is)|[Aa]nything|[Ss]omething) new",
    r"tell me about",
    r"going on",
)
_KNOWN = (
    r"\b(?:(?:which|what) (?P<what>companies|firms|businesses|people|persons|products|names|brands)"
    r" (?:do you know|are there|have you got|do you have|can i ask about|are in the news|are in the store"
    r"|do you cover|are covered|you know)"
    r"|(?:list|show|name)(?: me)?(?: all)?(?: the)? (?P<what2>companies|firms|people|products|names|brands)"
    r"(?: you know| you have)?"
    r"|who do you (?:know|cover|have)(?: about)?"
    r"|(?P<what3>companies|firms|people|products) (?:you know|known))\b"
)
_TOPIC = (
    r"(?i)"
    r"\b(?:about|regarding|concerning|on the subject of)\b"
    r"|\b(?:say|said|says|saying|comment(?:ed|s|ing)?|views?|thoughts?|think|thinks|thought) (?:on|of)\b"
)

# words that ask rather than name: dropped from what the question is about
_ASKING = _words(
    r"who(?:'s| is| are)?",
    r"whom",
    r"which",
    r"what(?:'s| is| are)?",
    r"how",
    r"is",
    r"are",
    r"do",
    r"does",
    r"did",
    r"has",
    r"have",
    r"had",
    r"can",
    r"could",
    r"would",
    r"will",
    r"any",
    r"anything",
    r"something",
    r"everything",
    r"give",
    r"show",
    r"tell",
    r"find",
    r"get",
    r"list",
    r"please",
    r"hey",
    r"hi",
    r"hello",
    r"me",
    r"us",
    r"newsbot",
    r"biggest",
    r"main",
    r"top",
    r"key",
    r"major",
    r"recent",
    r"recently",
    r"lately",
    r"these days",
    r"currently",
    r"now",
    r"doing",
    r"up to",
    r"the",
    r"a",
    r"an",
    r"of",
    r"with",
    r"between",
    r"and",
    r"or",
    r"to",
    r"for",
    r"by",
    r"from",
    r"in",
    r"on",
    r"at",
    r"about",
    r"people",
    r"publicly",
    r"really",
    r"know",
    r"you",
    r"i",
    r"was",
    r"were",
    r"been",
    r"being",
    r"it",
    r"they",
    r"them",
    r"their",
    r"its",
    r"there",
    r"some",
    r"most",
    r"more",
    r"other",
    r"others",
    r"whom",
    r"world",
)
_PUNCTUATION = ".,;:!?()[]{}\"'\u201c\u201d\u2018\u2019"


def understand(
    text: str,
    *,
    previous: Intent | None = None,
    now: datetime | None = None,
    zone: tzinfo | None = None,
) -> Intent:
    """What ``text`` asks for (``previous``: the question before it, for a follow-up such as
    "and Google?" or "what about this week?")."""
    text = " ".join((text or "").split())
    low = text.casefold()
    if not text or _HELP.match(low):
        return Intent("help", text=text)
    if _MORE.match(low):
        return Intent("more", text=text)
    command, _, rest = text.partition(" ")
    name = command.lstrip("/").casefold()
    if command.startswith("/") or (name in COMMANDS and not rest):
        return _command(name, rest.strip(), text, now=now, zone=zone)
    when, rest = timespan.find(text, now=now, zone=zone)
    rest = rest.replace("\u2019", "'")  # phones type "what’s"
    low = rest.casefold()
    follow = _re(_FOLLOW).match(low.strip(_PUNCTUATION + " "))
    if (
        previous is not None
        and previous.kind in ("brief", "quotes", "rivals")
        and (follow or (when and not _slots(low)))
    ):
        return _follow_up(previous, rest[follow.start(1) :] if follow else "", when, text)
    if _re(_GREETING).match(low):
        return Intent("help", reason="Hello! Ask me about the news I have.", text=text)
    known = _re(_KNOWN).search(low)
    if known:
        what = known.group("what") or known.group("what2") or known.group("what3") or "people"
        return Intent("known", known=_KNOWN_KINDS.get(what, "company"), when=when, text=text)
    asked = [name for name, words in _RELATIONS.items() if _re(words).search(low)]
    if asked and _re(_QUOTES).search(low) and _re(_TOPIC).search(rest):
        asked = []  # "what did Sony say about the takeover?": quotes, about it
    if asked:
        relation = asked[0] if len(asked) == 1 else None
        for name in asked:
            rest = _re(_RELATIONS[name]).sub(" ", rest)
        return Intent("rivals", subject=_subject(rest), relation=relation, when=when, text=text)
    if _re(_QUOTES).search(low):
        return _quotes(rest, when, text)
    subject = _subject(_re(_BRIEF).sub(" ", rest))
    if _re(_BRIEF).search(low) or subject:
        return Intent("brief", subject=subject, when=when, text=text)
    if when is not None:
        return Intent("brief", when=when, text=text)
    return Intent("help", reason=f"I'm not sure what you're asking: {text[:200]!r}.", text=text)


_KNOWN_KINDS = {
    "companies": "company",
    "firms": "company",
    "businesses": "company",
    "brands": "product",
    "products": "product",
    "people": "person",
    "persons": "person",
    "names": "person",
}


def _command(name: str, rest: str, text: str, *, now, zone) -> Intent:
    if name not in COMMANDS:
        return Intent("help", reason=f"There is no /{name[:40]} command.", text=text)
    if name == "help" or rest.casefold() in {"help", "-h", "--help", "?"}:
        return Intent("help", help_topic=None if name == "help" else name, text=text)
    if BY_NAME[name].elsewhere:
        return Intent("help", help_topic=name, reason=BY_NAME[name].elsewhere, text=text)
    when, rest = timespan.find(rest, now=now, zone=zone)
    if name == "quotes":
        return _quotes(rest, when, text, command=True)
    if name == "brief" and not _subject(_re(_BRIEF).sub(" ", rest.casefold())):
        rest = ""  # "/brief news from yesterday", "/brief the latest stories": no topic
    return Intent(name, subject=rest.strip() or None, when=when, text=text)


def _quotes(rest: str, when: When | None, text: str, *, command: bool = False) -> Intent:
    """Who said it (a name, or a role: analysts) and about what."""
    split = _re(_TOPIC).search(rest)
    who, topic = (rest[: split.start()], rest[split.end() :]) if split else (rest, "")
    topic = _subject(topic)
    speakers = who if command else _re(_QUOTES).sub(" ", who)
    role, named = role_of(speakers)
    subject = speakers.strip() or None if command else _subject(speakers)
    if role and not (_subject(named) if not command else named.strip()):
        return Intent("quotes", role=role, topic=topic, when=when, text=text)
    return Intent("quotes", subject=subject, topic=topic, when=when, text=text)


def _follow_up(previous: Intent, rest: str, when: When | None, text: str) -> Intent:
    subject = _subject(rest)
    changes: dict = {"text": text}
    if subject:
        changes["subject"] = subject
        changes["role"] = None if previous.kind == "quotes" else previous.role
    if when is not None:
        changes["when"] = when
    return replace(previous, **changes)


def _slots(low: str) -> bool:
    """Whether the question says what it wants (beyond a time)."""
    return any(_re(p).search(low) for p in (*_RELATIONS.values(), _QUOTES, _BRIEF, _KNOWN)) or bool(_subject(low))


def _subject(text: str) -> str | None:
    """What is left of ``text`` once the words that ask are gone: the names or topic."""
    kept = []
    for token in _re(_ASKING).sub(" ", text.replace("\u2019", "'")).split():
        base = _unowned(token.strip(_PUNCTUATION).casefold())
        if not base or base in STOPWORDS or base in {"s", "'s"}:
            continue
        kept.append(_unowned(token.strip('.,;:!?()[]{}"\u201c\u201d')))
    return " ".join(kept) or None


def _unowned(word: str) -> str:
    """``word`` without a possessive ``'s`` at its end (a token holds no line break)."""
    return word[:-2] if word.endswith("'s") else word


def compile_patterns() -> None:
    """Compile what reads questions, so that the first question does not wait for it."""
    for pattern in (_GREETING, _FOLLOW, *_RELATIONS.values(), _QUOTES, _BRIEF, _KNOWN, _TOPIC, _ASKING):
        _re(pattern)
