#!/usr/bin/env python3
"""Rebuild the local cache of labelled article texts from the pages they were labelled on.

    python eval/rebuild.py todo [--batch m7]          # ids missing or not as labelled: url, query, chars
    python eval/rebuild.py fit ID EXCERPT_FILE [--headline "..."]

A text is the page's opening as the `pages` corpus of the search tool gives it, written by
eval/LABELLING.md ("Writing the text file"): a headline line, a blank line, then the body one
paragraph a line, cut at ``chars`` characters. ``fit`` takes a result's excerpt (the text itself,
or the JSON string literal the search answer holds it in, quotes and escapes included), tries each
line of it and the address's slug as the headline, each paragraph as the body's first (leaving out
at most one paragraph after it, as a photo caption), and writes the text to the cache only when
its sha256 is the label's. Nothing else is written; a text that fits nothing is reported.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run


def _slug_headlines(url: str, excerpt: str = "") -> list[str]:
    parts = [p for p in urlsplit(url).path.split("/") if p]
    out = []
    for part in reversed(parts):
        part = re.sub(r"\.(html?|php|aspx?|shtml)$", "", unquote(part))
        words = [w for w in re.split(r"[-_+]+", part) if w]
        if len(words) < 3:
            continue
        while words and re.fullmatch(r"[0-9a-f]{6,}|\d+|a?\d+[a-z]?\d*", words[-1]):
            words.pop()
        if words:
            line = " ".join(words)
            out += [line, line[:1].upper() + line[1:], " ".join(w[:1].upper() + w[1:] for w in words)]
            # each word as the page writes it ("Mylan throws out Teva bid")
            forms = {}
            for w in re.findall(r"[\w']+", excerpt):
                if w.lower() != w:
                    forms.setdefault(w.lower(), w)
            cased = " ".join(forms.get(w.lower(), w) for w in words)
            out += [cased, cased[:1].upper() + cased[1:]]
        break
    return out


def _paragraphs(excerpt: str) -> list[list[str]]:
    lines = excerpt.split("\n")
    stripped = [line.strip() for line in lines if line.strip()]
    right = [line.rstrip() for line in lines if line.strip()]
    kept = [line for line in lines if line.strip()]  # a paragraph's closing space, as some pages end one
    out = [p for i, p in enumerate((stripped, right, kept)) if p not in (stripped, right, kept)[:i]]
    # a leading metadata marker (" date 2024-06-12 ...") is dropped from the text (LABELLING.md)
    undated = [p for p in (_DATE.sub("", line).strip() for line in stripped) if p]
    return out if undated == stripped else [*out, undated]


_DATE = re.compile(r"^\s*date \d{4}-\d\d-\d\d\s*")


def fit(row: dict, excerpt: str, headlines: list[str]) -> str | None:
    want, chars = row["sha256"], row["chars"]

    def ok(text: str) -> str | None:
        for cand in (text[:chars], text[: chars - 1] + "\n"):
            if len(cand) == chars and hashlib.sha256(cand.encode("utf-8")).hexdigest() == want:
                return cand
        return None

    for paras in _paragraphs(excerpt):
        slugs = _slug_headlines(row["url"], excerpt)
        heads = list(dict.fromkeys(headlines + [p for p in paras if len(p) < 300] + slugs))
        for head in heads:
            for i in range(len(paras)):
                bodies = [paras[i:]]
                for k in range(i + 1, min(len(paras), i + 12)):
                    bodies.append(paras[i:k] + paras[k + 1 :])
                for body in bodies:
                    found = ok(head + "\n\n" + "\n\n".join(body))
                    if found:
                        return found
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    todo = sub.add_parser("todo")
    todo.add_argument("--batch")
    f = sub.add_parser("fit")
    f.add_argument("id")
    f.add_argument("excerpt", type=Path)
    f.add_argument("--headline", action="append", default=[])
    args = ap.parse_args(argv)

    rows = {row["id"]: row for row in run.labels("all")}
    if args.cmd == "todo":
        pick = [r for r in rows.values() if not args.batch or r["id"].split("-")[0] == args.batch]
        found, _problems = run.texts(pick)
        missing = [r for r in pick if r["id"] not in found]
        for r in missing:
            print(json.dumps({k: r[k] for k in ("id", "url", "query", "chars")}, ensure_ascii=False))
        print(f"{len(missing)} of {len(pick)} to rebuild", file=sys.stderr)
        return 0
    row = rows[args.id]
    raw = args.excerpt.read_text(encoding="utf-8")
    excerpt = json.loads(raw) if raw.lstrip().startswith('"') else raw
    text = fit(row, excerpt, args.headline)
    if text is None:
        print(f"{args.id}: no text from this excerpt has the label's sha256 ({row['chars']} characters)")
        return 1
    run.cache_dir().mkdir(parents=True, exist_ok=True)
    (run.cache_dir() / f"{args.id}.txt").write_bytes(text.encode("utf-8"))
    print(f"{args.id}: written ({row['chars']} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
