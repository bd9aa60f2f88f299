"""A small trained choice of speaker for a quotation no rule attributes.

When no said-clause, continuation, introduction or last speaker names anyone, the people and
organisations of the few paragraphs before the quotation (and the name of a said-clause right
after it that no rule read as a name: "xQc said") are scored by one logistic regression
over what the text tells of each (a person or an organisation, how many paragraphs back, heard
speaking, a sentence's subject, the organisation last quoted, named inside a quotation, how
often named, where the quotation stands); the best is the speaker when its probability reaches
the threshold, else nobody. Weights in ``fallback_weights.json`` beside this file, made by
``eval/train_speaker_fallback.py`` from the train part of the modern set only.

Pure Python, read once per process; the cost is a look at the few paragraphs before the
quotations no rule attributes.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.extract import logistic

REACH = 3  # paragraphs before the quotation's own whose people and organisations are candidates
COLLECT: list | None = None  # the trainer's list: each scored quotation's (key, candidates)
# the rules that attribute a quotation with no said-clause of its own: the trainer learns from
# their quotations too (their candidates are of the same kind), the model decides only when none does
WEAK = frozenset({"continues", "introduced", "last speaker", "runs on", "signed", "line"})


@cache
def _model() -> dict:
    path = Path(__file__).with_name("fallback_weights.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def overrules(how: str, ref: str | None, left: str) -> bool:
    """Whether the model may overrule what a weak rule gave (``how``; ``ref``: how a said-clause
    with no name refers to its speaker; ``left``: ``"phrase"`` for a phrase no rule gives anyone,
    inside a sentence with no verb of speech), as cross-validation on train chose."""
    model = _model()
    if left == "phrase":
        return bool(model) and model.get("threshold_nobody", 1.01) <= 1.0
    return bool(model) and (how if ref is None else f"{how} {ref}") in model.get("overrule", ())


def done_to(features: list[str]) -> bool:
    return "passive:org" in features or "passive:person" in features


def probability(features: list[str], model: dict | None = None) -> float:
    model = _model() if model is None else model
    if not model:
        return 0.0
    return logistic.probability(features, model["weights"], model["bias"])


def _bucket(n: int, top: int) -> str:
    return str(n) if n < top else f"{top}+"


def same_speaker(a: tuple, b: tuple | None) -> bool:
    """Whether two ``(speaker, role, org)`` name the same one: the same name, the last word of
    ``b``'s among ``a``'s ("Mark Dwyer" and "Lt. Gen. Mark"), or the same organisation for an
    ``a`` with no role."""
    if b is None or not b[0] or not a[0]:
        return False
    last = str(b[0]).split()[-1]
    return a[0] == b[0] or last in str(a[0]).split() or (a[2] is not None and a[2] == b[2] and a[1] is None)


@dataclass(frozen=True)
class Quotation:
    """What the choice reads of one quotation besides the article's people and organisations."""

    position: int  # where it opens in the body
    opens: bool  # it opens its paragraph
    whole: bool  # it fills its paragraph
    words: int = 0  # its length
    mid: bool = False  # set inside a sentence of the writer's
    rule: tuple | None = None  # the ``(speaker, role, org)`` a weak rule gave it
    how: str = ""  # that rule (and how a said-clause with no name refers)
    unread: bool = True  # no rule attributes it and its words let the model read it
    said_by: str = ""  # the subject of a said-clause after it that no rule read ('xQc said')


# a name followed by a passive verb: the one something is done to ("X was fined", "were told")
_PASSIVE = re.compile(
    r"\s+(?:was|were|is|are|has been|have been|had been)\s+(?:(?:also|not|later|then|\w+ly)\s+)?"
    r"(?!quoted|reported)(?:\w+ed|told|given|found|hit|sued|taken)\b"
)


def candidates(speakers, q: Quotation) -> list[tuple[tuple, list[str]]]:
    """``((speaker, role, org), features)`` for each person and organisation the paragraphs
    before the quotation name, latest first, and the one a weak rule chose (``q.rule``, by
    ``q.how``) when those paragraphs do not name it."""
    position, rule, how = q.position, q.rule, q.how
    body = speakers.body
    floor = position
    for _ in range(REACH + 1):
        floor = body.rfind("\n\n", 0, floor)
        if floor < 0:
            floor = 0
            break
    window = body[floor:position]

    def back(at: int) -> int:
        return body.count("\n\n", at, position)

    found: dict[str, list] = {}  # name -> [who, last position, kind, extra features]
    for at, name in speakers.history:
        if floor <= at < position:
            person = speakers.people.resolve(name)
            who = (person.name, person.role, person.org) if person else (name, None, None)
            extra = ["inquote"] if speakers.inside_quotation(at) else []
            if speakers.organisation_like(name):
                extra.append("orglike")
            found[who[0]] = [who, at, "person", extra]
    for start, company in speakers.companies_in(window):
        at = floor + start
        if company in found or speakers.inside_quotation(at):
            continue
        written = speakers.written(company, window)
        found[company] = [(written, None, company), at, "org", []]
    for label, held in (("voice", speakers.last_voice), ("orgsubject", speakers.last_org)):
        if held is not None and floor <= held[0] < position:
            name = held[1]
            if name not in found:
                org = speakers.organisations.get(name, name)
                found[name] = [(name, None, org), held[0], "org", []]
            found[name][3].append(label)
    last_company = speakers.last_company(position)
    named = rule is not None and bool(rule[0])
    if named and not any(same_speaker(x[0], rule) for x in found.values()):
        kind = "person" if speakers.people.resolve(rule[0]) is not None else "org"
        found[rule[0]] = [rule, floor - 1, kind, ["farther"]]
    if q.said_by and not any(same_speaker(x[0], (q.said_by, None, None)) for x in found.values()):
        # the name of the said-clause after the quotation, when no rule could read it
        person = speakers.people.resolve(q.said_by)
        who = (person.name, person.role, person.org) if person else (q.said_by, None, None)
        kind = "person" if person is not None or not speakers.organisation_like(q.said_by) else "org"
        found[who[0]] = [who, position, kind, ["said_by"]]
    ranked = sorted(found.values(), key=lambda x: -x[1])
    starts = speakers.sentence_starts
    k = bisect.bisect_right(starts, position - 1) - 1
    sentence = max(starts[k] if k >= 0 else 0, body.rfind("\n\n", 0, position) + 2)
    within = [x[1] for x in ranked if sentence <= x[1] < position]  # named in the quotation's sentence
    of_kind = {kind: [x for x in ranked if x[2] == kind] for kind in ("person", "org")}
    out = []
    for k, (who, at, kind, extra) in enumerate(ranked):
        same = of_kind[kind]
        heard = [p for p in speakers.heard.get(who[0], ()) if p < position]
        subject = any(name == who[0] and p < position for p, name in speakers.subjects)
        times = window.count(who[0].split()[-1]) if who[0] else 0
        f = [
            f"kind={kind}",
            f"back={_bucket(back(at), 3)}:{kind}",
            f"rank={_bucket(k, 3)}",
            f"rank_kind={_bucket(same.index([who, at, kind, extra]), 3)}:{kind}",
            f"times={_bucket(times, 4)}:{kind}",
            *(f"{e}:{kind}" for e in extra),
        ]
        if sentence <= at < position:
            f.append(f"sentence:{kind}")  # 'Pichai described AI as "..."'
            if at == min(within):
                f.append(f"sentence_first:{kind}")
            if _PASSIVE.match(body, at + len(who[0]) if body.startswith(who[0], at) else at):
                f.append(f"passive:{kind}")  # 'X was cited for failing to "..."': told of, not telling
        if heard:
            f.append(f"heard_back={_bucket(back(heard[-1]), 3)}")
        if subject:
            f.append(f"subject:{kind}")
        if last_company is not None and who[2] == last_company:
            f.append("last_company")
        if q.opens:
            f.append(f"opens:{kind}")
        if q.whole:
            f.append(f"whole:{kind}")
        if len(same) == 1:
            f.append(f"sole:{kind}")
        f.append(f"words={_bucket(q.words // 6, 3)}:{kind}")  # a scare-quoted phrase or a statement
        if q.mid:
            f.append(f"mid:{kind}")  # the quotation set inside a sentence of the writer's
        f.append(f"how={how or 'none'}:{'named' if named else 'nobody'}")
        if named and same_speaker(who, rule):
            f += [f"rule={how}", f"rule={how}:{kind}"]
        out.append((who, f))
    return out


def choose(speakers, q: Quotation, key=None) -> tuple | None:
    """The speaker the model finds likely enough, or ``None`` (``q.unread`` false: one of the
    quotations left with nobody, or a weak rule's; ``key``: what the trainer keeps with the
    candidates)."""
    found = candidates(speakers, q)
    rule = q.rule
    if COLLECT is not None:
        COLLECT.append((key, found))
        return None  # the trainer reads the rules alone: the weights do not depend on themselves
    model = _model()
    if not q.unread and not (rule is not None and rule[0]):
        # a phrase in a sentence with no verb of speech: an organisation's, or someone heard speaking
        # and not the one its sentence says something was done to ("X was cited for failing to '...'")
        found = [
            (who, f)
            for who, f in found
            if ("kind=org" in f or any(x.startswith("heard_back=") for x in f)) and not done_to(f)
        ]
    if not found or not model:
        return None
    best, p = max(((who, probability(f, model)) for who, f in found), key=lambda x: x[1])
    if rule is not None and rule[0]:
        return best if p >= model["overrule_threshold"] else None  # overrules the weak rule's pick
    return best if p >= model["threshold" if q.unread else "threshold_nobody"] else None
