#!/usr/bin/env python3
"""PolNeAR's training split as a test of newsbot's quote attribution (see eval/README.md).

    python eval/polnear.py build --repo PATH    # PolNeAR's repository (a clone, bare or not)
    python eval/polnear.py score [--json] [--pred OUT.jsonl]

PolNeAR (github.com/networkdynamics/PolNeAR) annotates attributions (source, cue, content) in
US political news of 2015-2016. Its licence is not stated: it is used here to measure, never to
train. Only ``data/train/`` is read; the dev and test parts are held out for others, and are
neither listed nor opened.

``build`` writes, into ``$NEWSBOT_EVAL_CACHE/polnear/`` (default ``~/.cache/newsbot-eval``),
never into the repository:

- ``texts/<id>.txt``: the article as newsbot reads one. PolNeAR's text file opens with the
  headline (with a full stop added) on its own line; that line is kept as the headline. The body
  is one paragraph a line with a blank line between: lines of the corpus's file are paragraphs,
  except a line that starts in lower case after one that ends in no sentence mark, which is the
  rest of a wrapped sentence and is joined to it; white space runs (non-breaking spaces too)
  become one space. Words and quote marks are kept as they are.
- ``train-labels.jsonl``: one line per article in the form of ``../shared/eval/GUIDELINES.md``.
  A quote is a span between double quotation marks (curly or straight; an unclosed mark runs to
  the paragraph's end) of four words or more, in the body, that lies (at least half of it) in the
  content of one of PolNeAR's attributions, and does not read like a title (every word
  capitalised, no sentence mark). Its ``speaker`` is who the attribution's source span names
  (see :class:`Speakers`): a person's full name, an organisation for its unnamed members, or
  ``unknown`` (unnamed people, and pronouns the corpus does not resolve). ``org`` is never
  given: PolNeAR does not mark it, and score.py does not use it. ``competes`` and ``partners``
  are empty: PolNeAR annotates no relations between companies.
- ``build-report.json``: what was kept and dropped, and why, and each quote's source span.

An article annotated by several people is read in one annotation (the first annotator's by id);
an article whose CoreNLP file the copy lacks (a partial clone) is left out.

``score`` extracts every cached text in process and scores it with ``../shared/eval/score.py``,
as ``eval/run.py`` does for the modern set.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import cache_root, score_texts

TRAIN = "data/train"
START_WORDS = 7  # a label's start: the span's first seven words (fewer when it has fewer)
MIN_WORDS = 4


def cache_dir() -> Path:
    return cache_root() / "polnear"


# ---------------------------------------------------------------------------------------------
# Reading the corpus: its train part only, from a checkout or through git (a bare clone works)


class Corpus:
    """The files under ``data/train/`` of a PolNeAR repository, and nothing else."""

    def __init__(self, repo: Path):
        self.repo = repo
        self.on_disk = (repo / TRAIN).is_dir()
        if self.on_disk:
            self.paths = sorted(str(p.relative_to(repo)) for p in (repo / TRAIN).rglob("*") if p.is_file())
        else:
            listing = subprocess.run(
                ["git", "-C", str(repo), "ls-tree", "-r", "--name-only", "HEAD", "--", f"{TRAIN}/"],
                capture_output=True,
                text=True,
            )
            if listing.returncode:
                raise SystemExit(f"{repo}: not a PolNeAR checkout nor a git repository ({listing.stderr.strip()})")
            self.paths = sorted(listing.stdout.split())
        # the listing is asked for data/train/ alone; held-out parts must never slip through
        self.paths = [p for p in self.paths if p.startswith(f"{TRAIN}/")]
        if not self.paths:
            raise SystemExit(f"{repo}: no {TRAIN}/ here (is it PolNeAR's repository?)")
        self._cat: subprocess.Popen | None = None

    def read(self, path: str) -> str:
        if not path.startswith(f"{TRAIN}/"):
            raise ValueError(f"only {TRAIN}/ is read: {path}")
        if self.on_disk:
            return (self.repo / path).read_bytes().decode("utf-8")  # no newline translation: offsets count "\r"
        if self._cat is None:
            self._cat = subprocess.Popen(
                ["git", "-C", str(self.repo), "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
        assert self._cat.stdin and self._cat.stdout
        self._cat.stdin.write(f"HEAD:{path}\n".encode())
        self._cat.stdin.flush()
        header = self._cat.stdout.readline().split()
        if header[-1:] == [b"missing"]:
            raise FileNotFoundError(path)  # a partial clone may list a large file it lacks
        if len(header) != 3:
            raise SystemExit(f"git cannot read {path}: {b' '.join(header).decode()}")
        data = self._cat.stdout.read(int(header[2]))
        self._cat.stdout.read(1)
        return data.decode("utf-8")

    def articles(self) -> list[tuple[str, str, str]]:
        """(id, text path, attributions path) of each article that has both. An article annotated
        by several people (16 of 840) is read in the annotation of the first annotator by id."""
        texts = {p.rsplit("/", 1)[1][: -len(".txt")]: p for p in self.paths if p.startswith(f"{TRAIN}/text/")}
        anns: dict[str, list[str]] = defaultdict(list)
        for p in self.paths:
            if p.startswith(f"{TRAIN}/attributions/") and p.endswith(".ann"):
                anns[p.rsplit("/", 1)[1][: -len(".ann")].rsplit("_", 1)[0]].append(p)
        return [(i, texts[i], sorted(anns[i])[0]) for i in sorted(texts) if anns.get(i)]

    def corenlp(self, article_id: str) -> str | None:
        try:
            return self.read(f"{TRAIN}/corenlp/{article_id}.txt.xml")
        except FileNotFoundError:
            return None

    def close(self) -> None:
        if self._cat is not None:
            self._cat.stdin.close()  # type: ignore[union-attr]
            self._cat.wait()


# ---------------------------------------------------------------------------------------------
# Annotations (brat standoff): text-bound spans T, attribution events E


@dataclass
class Attribution:
    id: str
    kind: str  # "Attribution" or "Attribution-no-source"
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)


def read_attributions(ann: str) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[tuple[str, str, dict[str, list[str]]]] = []
    for line in ann.split("\n"):
        m = re.match(r"([TE]\d+)\t([^\t]*)", line)
        if m is None:
            continue  # notes, or the rest of a span's text that ran over a line break
        ident, spec = m.groups()
        if ident[0] == "T":
            kind, ranges = spec.split(" ", 1)
            spans[ident] = (kind, [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))])
        else:
            head, *args = spec.split()
            roles: dict[str, list[str]] = defaultdict(list)
            for arg in args:
                role, ref = arg.split(":")
                roles[role.rstrip("0123456789")].append(ref)  # Content2 is more Content
            events.append((ident, head.split(":")[0], roles))
    found = []
    for ident, kind, roles in events:
        a = Attribution(ident, kind)
        for role in ("source", "cue", "content"):
            for ref in roles.get(role.capitalize(), []):
                if ref in spans:
                    getattr(a, role).extend(spans[ref][1])
        found.append(a)
    return found


# ---------------------------------------------------------------------------------------------
# The article's text in newsbot's form, with where each character of the corpus's text went

_SENTENCE_END = re.compile(r"[.!?:;\"\u201d\u2019)\]]\s*$")


def reflow(raw: str) -> tuple[str, list[int]]:
    """newsbot's text of a PolNeAR text file, and for each position in ``raw`` (and its end) the
    position it has in that text (a character dropped maps to where the next one went)."""
    raw = raw.replace("\r", "\n")
    lines, at = [], 0
    for line in raw.split("\n"):
        lines.append((at, at + len(line)))
        at += len(line) + 1
    paragraphs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for a, b in lines:
        line = raw[a:b]
        if not line.strip():
            if current:
                paragraphs.append(current)
            current = []
            continue
        wrapped = (
            current
            and len(paragraphs) > 0  # the headline is one line
            and line.lstrip()[:1].islower()
            and not _SENTENCE_END.search(raw[current[-1][0] : current[-1][1]])
        )
        if current and not wrapped:
            paragraphs.append(current)
            current = []
        current.append((a, b))
    if current:
        paragraphs.append(current)

    out: list[str] = []
    pos = [0] * (len(raw) + 1)
    size = 0
    for n, paragraph in enumerate(paragraphs):
        if n:
            out.append("\n\n")
            size += 2
        a, b = paragraph[0][0], paragraph[-1][1]
        pending_space = False
        started = False
        for i in range(a, b):
            ch = raw[i]
            if ch.isspace():
                pending_space = started
                pos[i] = size + (1 if pending_space else 0)
                continue
            if pending_space:
                out.append(" ")
                size += 1
                pending_space = False
            pos[i] = size
            out.append(ch)
            size += 1
            started = True
        end = size
        # what follows the paragraph (white space, blank lines) maps to its end
        nxt = paragraphs[n + 1][0][0] if n + 1 < len(paragraphs) else len(raw) + 1
        for i in range(b, min(nxt, len(raw) + 1)):
            pos[i] = end
    # positions before the first paragraph map to 0; fix a trailing space mapping past the end
    text = "".join(out) + "\n"
    return text, [min(p, len(text) - 1) for p in pos]


# ---------------------------------------------------------------------------------------------
# Quoted spans

_OPEN, _CLOSE = "\u201c", "\u201d"


@dataclass
class Span:
    start: int  # in the article's text, inside the marks
    end: int


def quoted_spans(text: str) -> tuple[list[Span], int]:
    """The spans between double quotation marks in each paragraph after the headline, and how
    many marks closed nothing. A mark left open runs to its paragraph's end (news style for a
    quotation that goes on in the next paragraph, which opens with a mark again)."""
    spans, stray = [], 0
    offset = 0
    for n, paragraph in enumerate(text.split("\n\n")):
        if n:  # the headline is not a body paragraph: newsbot reads no quote in it
            opened: int | None = None
            for i, ch in enumerate(paragraph):
                if ch not in (_OPEN, _CLOSE, '"'):
                    continue
                # where a mark stands says which it is, whichever way it is typed ("here,“ said")
                left = paragraph[i - 1] if i else " "
                right = paragraph[i + 1] if i + 1 < len(paragraph) else " "
                opens = (left.isspace() or left in "([{\u2014\u2013-/>") and not right.isspace()
                closes = not left.isspace() and (right.isspace() or right in ".,;:!?)]}\u2014\u2013-<'\u2019")
                if opened is None:
                    if opens or (ch != _CLOSE and not closes):
                        opened = i + 1
                    else:
                        stray += 1
                elif closes or (ch != _OPEN and not opens):
                    spans.append(Span(offset + opened, offset + i))
                    opened = None
                else:  # a mark opened inside an open quotation: the first was not closed
                    spans.append(Span(offset + opened, offset + i))
                    opened = i + 1
            if opened is not None:
                spans.append(Span(offset + opened, offset + len(paragraph.rstrip("\n"))))
        offset += len(paragraph) + 2
    return [s for s in (_trim(text, s) for s in spans) if s.end > s.start], stray


def _trim(text: str, s: Span) -> Span:
    while s.start < s.end and text[s.start].isspace():
        s.start += 1
    while s.end > s.start and text[s.end - 1].isspace():
        s.end -= 1
    return s


def words_of(fragment: str) -> list[str]:
    return [w for w in fragment.split() if re.search(r"\w", w)]


def looks_like_a_title(fragment: str) -> bool:
    """A title, a name or a slogan, not reported speech ("The Art of the Deal", "Make America
    Great Again"): every word capitalised but the small ones, and no sentence mark inside."""
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "as", "is"}
    ws = words_of(fragment)
    return (
        not re.search(r"[.,!?;:]", fragment.rstrip(".,"))
        and all(w[0].isupper() or w.lower() in small or not w[0].isalpha() for w in ws)
        and sum(w[0].isupper() for w in ws) >= 2
    )


# ---------------------------------------------------------------------------------------------
# Speakers: from the source span, with CoreNLP's tokens, named entities and coreference


@dataclass
class Token:
    start: int
    end: int
    word: str
    pos: str
    ner: str
    sentence: int


PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "i", "we", "you", "his", "its", "their", "who"}
GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_PARTY = re.compile(r"(?:Democrat|Republican|Independent)s?$")
# the words of a source that is an unnamed member of a side: "a Clinton campaign spokesman"
SIDE = {
    "campaign",
    "camp",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "spokesmen",
    "secretary",
    "office",
    "team",
    "administration",
    "staff",
    "committee",
    "organization",
    "statement",
}
# the words of a source that is an organisation's unnamed member or voice: "Sony officials"
MEMBER = SIDE | {"official", "officials", "representative", "representatives", "release", "staffer", "staffers"}


class CoreNLP:
    """The automatic annotation PolNeAR ships for each article (tokens, NER, coreference)."""

    def __init__(self, xml: str, raw: str):
        root = ET.fromstring(xml)
        # CoreNLP counts offsets in UTF-16 units; Python in code points (brat's too)
        unit_to_char: list[int] | None = None
        if any(ord(c) > 0xFFFF for c in raw):
            unit_to_char = []
            for i, c in enumerate(raw):
                unit_to_char.extend([i] * (2 if ord(c) > 0xFFFF else 1))
            unit_to_char.append(len(raw))
        self.tokens: list[Token] = []
        self.index: dict[tuple[int, int], int] = {}  # (sentence, token id) -> position in self.tokens
        for sentence in root.iter("sentence"):
            sid = int(sentence.get("id", "0"))
            for tok in sentence.iter("token"):
                a, b = int(tok.findtext("CharacterOffsetBegin", "0")), int(tok.findtext("CharacterOffsetEnd", "0"))
                if unit_to_char:
                    a, b = unit_to_char[min(a, len(unit_to_char) - 1)], unit_to_char[min(b, len(unit_to_char) - 1)]
                self.index[(sid, int(tok.get("id", "0")))] = len(self.tokens)
                self.tokens.append(
                    Token(a, b, tok.findtext("word", ""), tok.findtext("POS", ""), tok.findtext("NER", "O"), sid)
                )
        # coreference chains as lists of token ranges [i, j)
        self.chains: list[list[tuple[int, int]]] = []
        coref = root.find("document/coreference")
        for chain in coref.findall("coreference") if coref is not None else []:
            mentions = []
            for m in chain.findall("mention"):
                sid = int(m.findtext("sentence", "0"))
                i = self.index.get((sid, int(m.findtext("start", "0"))))
                j = self.index.get((sid, int(m.findtext("end", "0")) - 1))
                if i is not None and j is not None:
                    mentions.append((i, j + 1))
            self.chains.append(mentions)

    def tokens_in(self, spans: list[tuple[int, int]]) -> list[int]:
        return [i for i, t in enumerate(self.tokens) if any(a <= t.start and t.end <= b for a, b in spans)]

    def runs(self, indices: list[int], ner: str) -> list[tuple[int, int]]:
        """Runs of consecutive tokens tagged ``ner`` among ``indices`` (sorted)."""
        found: list[tuple[int, int]] = []
        for i in indices:
            if self.tokens[i].ner != ner:
                continue
            if found and found[-1][1] == i and self.tokens[i].sentence == self.tokens[i - 1].sentence:
                found[-1] = (found[-1][0], i + 1)
            else:
                found.append((i, i + 1))
        return found


@dataclass
class Named:
    name: str
    how: str  # how the source was read (for the report)
    person: bool = False


class Speakers:
    """Who each attribution's source is, named as GUIDELINES.md asks: the full name the article
    gives a person; an organisation for its unnamed members; ``unknown`` when neither is sure.

    The source span is PolNeAR's (by hand); who it names is read with CoreNLP's tokens, named
    entities and coreference chains (automatic, shipped with the corpus). A bare surname becomes
    the one full name the article gives with it. A pronoun is named when its coreference chain
    names one person (not called by the other pronoun), or when the source just before it names
    the only person named since outside quotations; when these two disagree, it is ``unknown``."""

    def __init__(self, raw: str, nlp: CoreNLP, quoted: Callable[[int], bool] = lambda _i: False):
        self.raw = raw
        self.nlp = nlp
        self.quoted = quoted  # whether a position of raw is inside quotation marks
        self.full_names: Counter[str] = Counter()  # names of two words or more, as written
        for a, b in nlp.runs(list(range(len(nlp.tokens))), "PERSON"):
            if b - a >= 2:
                self.full_names[self.text(a, b)] += 1
        self.surnames = {_fold(n.split()[-1]) for n in self.full_names}
        # he or she: how coreference refers to each person named in full (and each surname)
        self.gender: dict[str, Counter[str]] = defaultdict(Counter)
        for chain in nlp.chains:
            names = set(self.names_in_chain(chain))
            full = {n for n in names if len(n.split()) > 1}
            for name in (full if len(full) == 1 else set()) | {n for n in names if len(n.split()) == 1}:
                self.gender[_fold(name)].update(self.pronouns(chain))
        self.events: list[tuple[int, int, str]] = []  # (start, end, full name) of the people sources name

    def text(self, a: int, b: int) -> str:
        toks = self.nlp.tokens
        return " ".join(self.raw[toks[a].start : toks[b - 1].end].split())

    def full(self, name: str, chain: list[tuple[int, int]]) -> str:
        """A surname as the full name the article gives: the only one with that surname, unless
        the mention's coreference ``chain`` calls the person "she" where that one is "he", or the
        reverse. "Clinton" stays "Clinton" where Bill and Hillary Clinton are both named:
        coreference often makes one person of the two."""
        if len(name.split()) > 1:
            return name
        candidates = [n for n in self.full_names if _fold(n.split()[-1]) == _fold(name)]
        if len(candidates) != 1:
            return name
        said = self.pronouns(chain)
        if said and not self.may_be(candidates[0], said.most_common(1)[0][0]):
            return name
        return candidates[0]

    def pronouns(self, chain: list[tuple[int, int]]) -> Counter[str]:
        """How often a coreference chain says he, and she."""
        toks = self.nlp.tokens
        return Counter(GENDER[w] for i, j in chain if j - i == 1 and (w := toks[i].word.lower()) in GENDER)

    def chain_of(self, a: int, b: int) -> list[tuple[int, int]]:
        for chain in self.nlp.chains:
            if any(i < b and a < j for i, j in chain):
                return chain
        return []

    def names_in_chain(self, chain: list[tuple[int, int]]) -> list[str]:
        """The people a coreference chain names (not possessors: "Trump 's campaign")."""
        return [self.text(a, b) for i, j in chain for a, b in self.people(list(range(i, j)), heads_only=True)]

    def person(self, a: int, b: int, how: str) -> Named:
        name = self.full(self.text(a, b), self.chain_of(a, b))
        return Named(name, "surname completed" if how == "named" and name != self.text(a, b) else how, True)

    def people(self, part: list[int], heads_only: bool = False) -> list[tuple[int, int]]:
        """Runs of a part's tokens that name a person: tagged PERSON, or proper nouns ending with
        the surname of a person named in full elsewhere ("Trump" tagged as an organisation)."""
        toks = self.nlp.tokens
        runs = self.nlp.runs(part, "PERSON")
        taken = {i for a, b in runs for i in range(a, b)}
        for a, b in self.proper(part):
            if _fold(toks[b - 1].word) in self.surnames and not taken & set(range(a, b)):
                runs.append((a, b))
        runs.sort()
        if heads_only:
            runs = [(a, b) for a, b in runs if self.head(a, b, part)]
        return runs

    def proper(self, part: list[int]) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        for i in part:
            if self.nlp.tokens[i].pos in {"NNP", "NNPS"}:
                if found and found[-1][1] == i:
                    found[-1] = (found[-1][0], i + 1)
                else:
                    found.append((i, i + 1))
        return found

    def head(self, a: int, b: int, part: list[int]) -> bool:
        """Whether the name at tokens [a, b) is who the part is about, not a word qualifying
        another: a possessor ("Trump 's aide"), before a noun ("Trump supporters"), after a role
        and a preposition ("an aide to George W. Bush"; "a statement from Trump" is Trump's)."""
        toks = self.nlp.tokens
        if b in part and toks[b].pos in {"POS", "NN", "NNS"}:
            return False
        before = [i for i in part if i < a]
        preps = [k for k in before if toks[k].pos in {"IN", "TO"}]
        if not preps:
            return True
        k = preps[-1]  # "an aide to President Bush", not "secretary of state Hillary Clinton"
        if any(toks[n].pos in {"NN", "NNS"} for n in before if n > k):
            return True
        if toks[k].word.lower() in {"from", "by"} and k - 1 in part and toks[k - 1].pos in {"NN", "NNS"}:
            return True  # "a statement from Trump" is Trump's; "a paper owned by Adelson" is not
        return not any(toks[n].pos in {"NN", "NNS", "VBN"} for n in before if n < k)

    def parts(self, indices: list[int]) -> list[list[int]]:
        """The source's tokens cut at commas, dashes and brackets, without relative clauses
        ("One of his former supporters who still backs Randolph, Pat Schroeder": Schroeder)."""
        parts: list[list[int]] = [[]]
        clause = False
        for i in indices:
            word = self.nlp.tokens[i].word
            if word in {",", "--", "-LRB-", "-RRB-", "(", ")", "\u2014"}:
                parts.append([])
                clause = False
            elif word.lower() in {"who", "which", "that", "whose", "whom"}:
                parts.append([])
                clause = True
            elif not clause:
                parts[-1].append(i)
        return [p for p in parts if p]

    def name(self, att: Attribution) -> Named:
        if att.kind != "Attribution" or not att.source:
            return Named("unknown", "no source")
        toks = self.nlp.tokens
        indices = self.nlp.tokens_in(att.source)
        if not indices:
            return Named("unknown", "no tokens")
        words = [toks[i].word.lower() for i in indices if re.search(r"\w", toks[i].word)]
        parts = self.parts(indices)

        # a person named: in the first part that names one, the last name that is the head
        # ("Sanders campaign manager Jeff Weaver"; "Clinton's chairman, John Podesta,"; not
        # "Parker Eaton, who voted for Bill Clinton,")
        for part in parts:
            heads = self.people(part, heads_only=True)
            if heads:
                return self.person(*heads[-1], "named")
        # an organisation, or its unnamed members ("Sony officials", "a spokeswoman for the FBI")
        for part in parts:
            member = any(toks[i].word.lower() in MEMBER for i in part)
            orgs = [
                (a, b)
                for a, b in self.nlp.runs(part, "ORGANIZATION")
                if not _PARTY.search(self.text(a, b)) and (member or b == part[-1] + 1)
            ]
            if orgs:
                return Named(self.text(*orgs[-1]), "organisation")
        # "Clinton's campaign", "a Trump spokeswoman": the side its unnamed members speak for (as
        # "a Sony spokesman" is Sony); "Clinton's right-hand woman" is someone unnamed
        if any(w in SIDE for w in words):
            runs = self.people(indices)
            if runs:
                return self.person(*runs[0], "side of an unnamed member")

        if words and all(w in PRONOUNS for w in words):
            return self.pronoun(words[-1], indices, att.source[0][0])
        proper = self.proper(indices)
        if len(proper) == 1 and all(toks[i].pos in {"NNP", "NNPS", "DT"} for i in indices):
            return Named(self.text(*proper[0]), "named (no entity tag)", True)
        return Named("unknown", "unnamed")

    def pronoun(self, word: str, indices: list[int], position: int) -> Named:
        toks = self.nlp.tokens
        a, b = indices[0], indices[-1] + 1
        if word in GENDER:
            chain = self.chain_of(a, b)
            names = self.names_in_chain(chain)
            linked = None
            if names and len({_fold(n.split()[-1]) for n in names}) == 1:  # one person, or one family
                full = {n for n in names if len(n.split()) > 1}
                linked = full.pop() if len(full) == 1 else self.full(names[0].split()[-1], chain)
            near = self.nearest_before(position)
            linked, near = (n if n and self.may_be(n, GENDER[word]) else None for n in (linked, near))
            if linked and near and _fold(linked.split()[-1]) != _fold(near.split()[-1]):
                return Named("unknown", "pronoun unresolved (coreference and the source before disagree)")
            if linked and near:
                return Named(linked, "pronoun, coreference and the source before", True)
            if linked:
                return Named(linked, "pronoun, coreference alone", True)
            if near:
                return Named(near, "pronoun, the named source before", True)
            return Named("unknown", f"pronoun unresolved ({word})")
        if word == "who" and a >= 2 and toks[a - 1].word == ",":
            # "Jane Doe, who said": the name just before
            runs = [r for r in self.people(list(range(max(0, a - 6), a - 1))) if r[1] == a - 1]
            if runs:
                return self.person(*runs[-1], "pronoun, relative")
        if word in {"it", "they", "its", "their", "we"}:
            chain = self.chain_of(a, b)
            orgs = [self.text(x, y) for i, j in chain for x, y in self.nlp.runs(list(range(i, j)), "ORGANIZATION")]
            if orgs and len(set(orgs)) == 1:
                return Named(orgs[0], "pronoun, coreference to an organisation")
        return Named("unknown", f"pronoun unresolved ({word})")

    def may_be(self, name: str, gender: str) -> bool:
        """False when coreference calls this person by the other pronoun more often."""
        said = self.gender.get(_fold(name), Counter())
        return said[gender] >= said["f" if gender == "m" else "m"]

    def nearest_before(self, position: int) -> str | None:
        """The full name of the person the source just before ``position`` names, when it is
        within two paragraphs and no other person is named in between (but in quotations)."""
        before = [(p, e, n) for p, e, n in self.events if e <= position]
        if not before:
            return None
        _p, end, name = max(before)
        if self.raw[end:position].count("\n\n") > 2:
            return None
        toks = [
            i
            for i, t in enumerate(self.nlp.tokens)
            if end <= t.start and t.end <= position and not self.quoted(t.start)
        ]
        if {_fold(self.text(a, b).split()[-1]) for a, b in self.people(toks)} - {_fold(name.split()[-1])}:
            return None
        return name


def _fold(s: str) -> str:
    return s.replace("\u2019", "'").lower()


# ---------------------------------------------------------------------------------------------
# One article


@dataclass
class Article:
    id: str
    text: str
    quotes: list[dict]
    counts: Counter
    notes: list[str]


def overlap(a: int, b: int, spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(b, d) - max(a, c)) for c, d in spans)


def convert(article_id: str, raw: str, ann: str, corenlp: str) -> Article:
    text, pos = reflow(raw)
    atts = read_attributions(ann)
    counts: Counter = Counter()
    notes: list[str] = []
    moved = {att.id: [(pos[a], pos[b]) for a, b in att.content] for att in atts}
    spans, stray = quoted_spans(text)
    counts["stray closing marks"] += stray
    headline_end = text.index("\n")

    # each quoted span of the body goes to the attribution whose content holds most of it
    owner: dict[int, Attribution] = {}
    for k, s in enumerate(spans):
        best = max(atts, key=lambda att: overlap(s.start, s.end, moved[att.id]), default=None)
        if best is not None and 2 * overlap(s.start, s.end, moved[best.id]) >= s.end - s.start:
            owner[k] = best

    # every source is named, in the article's order (a "he" may mean the person named before)
    named: dict[str, Named] = {}
    if owner:
        starts = [s.start for s in spans]

        def quoted(i: int) -> bool:
            k = bisect.bisect_right(starts, pos[i]) - 1
            return k >= 0 and pos[i] < spans[k].end

        speakers = Speakers(raw, CoreNLP(corenlp, raw), quoted)
        for att in sorted(atts, key=lambda att: min((a for a, _b in att.source or att.content), default=0)):
            named[att.id] = speakers.name(att)
            if named[att.id].person and att.source:
                speakers.events.append((att.source[0][0], att.source[-1][1], named[att.id].name))

    quotes = []
    kept_atts: set[str] = set()
    for k, s in enumerate(spans):
        fragment = text[s.start : s.end]
        ws = words_of(fragment)
        if len(ws) < MIN_WORDS:
            counts["quoted spans: under four words"] += 1
            continue
        if k not in owner:
            counts["quoted spans of 4+ words: in no attribution's content (dropped)"] += 1
            notes.append(f"unattributed: {fragment[:80]!r}")
            continue
        if looks_like_a_title(fragment):
            counts["quoted spans of 4+ words: title-like (dropped)"] += 1
            notes.append(f"title-like: {fragment[:80]!r}")
            continue
        att = owner[k]
        who = named[att.id]
        start = " ".join(fragment.split()[:START_WORDS])
        quotes.append({"start": start, "speaker": who.name})
        counts["quotes kept"] += 1
        counts["quotes kept: speaker unknown" if who.name == "unknown" else "quotes kept: speaker named"] += 1
        counts[f"speaker: {who.how.split(' (')[0]}"] += 1
        source = " ".join(" ".join(raw[a:b] for a, b in att.source).split()) or "-"
        notes.append(f"quote {start!r}: {who.name} <- {source!r} ({who.how})")
        kept_atts.add(att.id)

    for att in atts:
        if att.id in kept_atts:
            counts["attributions: kept"] += 1
            continue
        content = [(pos[a], pos[b]) for a, b in att.content]
        inside = [s for s in spans if 2 * overlap(s.start, s.end, content) >= s.end - s.start]
        if not att.content:
            counts["attributions: no content"] += 1
        elif all(b <= headline_end for _a, b in content):
            counts["attributions: in the headline"] += 1
        elif not inside and not any(ch in '\u201c\u201d"' for a, b in content for ch in text[a:b]):
            counts["attributions: indirect (no quotation mark)"] += 1
        elif inside and all(len(words_of(text[s.start : s.end])) < MIN_WORDS for s in inside):
            counts["attributions: quoted under four words"] += 1
        elif any(looks_like_a_title(text[s.start : s.end]) for s in inside):
            counts["attributions: quoted, title-like"] += 1
        elif inside:
            counts["attributions: its quoted span given to another attribution"] += 1
        else:
            counts["attributions: quotation marks, no quoted span matched"] += 1
            notes.append(f"unmatched attribution {att.id}: {text[content[0][0] : content[-1][1]][:100]!r}")
    return Article(article_id, text, quotes, counts, notes)


# ---------------------------------------------------------------------------------------------
# Commands


def build(repo: Path, out: Path, limit: int | None = None) -> dict:
    corpus = Corpus(repo)
    texts = out / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    for old in texts.glob("*.txt"):
        old.unlink()
    totals: Counter = Counter()
    notes: dict[str, list[str]] = {}
    labels = []
    skipped: list[str] = []
    try:
        for n, (article_id, text_path, ann_path) in enumerate(corpus.articles()[:limit]):
            corenlp = corpus.corenlp(article_id)
            if corenlp is None:  # its speakers could not be named as the others are
                skipped.append(article_id)
                continue
            article = convert(article_id, corpus.read(text_path), corpus.read(ann_path), corenlp)
            for q in article.quotes:
                if q["start"] not in article.text:
                    raise SystemExit(f"{article_id}: start not in the text: {q['start']!r}")
            (texts / f"{article_id}.txt").write_text(article.text, encoding="utf-8")
            labels.append({"id": article_id, "quotes": article.quotes, "competes": [], "partners": []})
            totals.update(article.counts)
            if article.notes:
                notes[article_id] = article.notes
            if n % 100 == 99:
                print(f"{n + 1} articles", file=sys.stderr)
    finally:
        corpus.close()
    (out / "train-labels.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in labels), encoding="utf-8"
    )
    report = {
        "articles": len(labels),
        "articles with quotes": sum(1 for r in labels if r["quotes"]),
        "quotes": sum(len(r["quotes"]) for r in labels),
        "skipped (no CoreNLP file in this copy)": skipped,
        "counts": dict(sorted(totals.items())),
    }
    (out / "build-report.json").write_text(json.dumps({**report, "notes": notes}, indent=1, ensure_ascii=False))
    return report


def labels(out: Path) -> list[dict]:
    path = out / "train-labels.jsonl"
    if not path.is_file():
        raise SystemExit(f"no labels at {path}: run `eval/polnear.py build --repo PATH` (see eval/README.md)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="convert PolNeAR's train split into the cache")
    b.add_argument("--repo", type=Path, required=True, help="PolNeAR's repository (a clone, bare or not)")
    b.add_argument("--limit", type=int, help="only the first N articles (a quick look)")
    s = sub.add_parser("score", help="extract the cached texts and score them")
    s.add_argument("--json", action="store_true")
    s.add_argument("--pred", type=Path, help="keep the predictions here")
    a = ap.parse_args()
    out = cache_dir()
    if a.command == "build":
        print(json.dumps(build(a.repo, out, a.limit), indent=1))
        print(f"written to {out}", file=sys.stderr)
        return
    rows = labels(out)
    paths = {r["id"]: out / "texts" / f"{r['id']}.txt" for r in rows}
    missing = [i for i, p in paths.items() if not p.is_file()]
    if missing:
        raise SystemExit(f"cannot score: {len(missing)} texts missing from {out / 'texts'} (rebuild the cache)")
    result = score_texts(rows, paths, as_json=a.json, pred=a.pred)
    if a.json:
        print(json.dumps(result, indent=1))
        return
    # PolNeAR annotates no relations between companies: only the quote figures mean anything
    print("".join(line + "\n" for line in str(result).splitlines() if not line.startswith(("competes", "partners"))))


if __name__ == "__main__":
    main()
