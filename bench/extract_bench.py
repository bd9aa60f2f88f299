"""Extraction speed: all of `newsbot extract` next to sumy's TextRank summariser alone.

    .venv/bin/python bench/extract_bench.py [--repeat 5]

Runs on one core over the 200 BBC articles in ../shared/corpus/bbc-tech (read in place, never
copied). sumy gets a regex sentence splitter and word tokenizer, since its default needs NLTK
data that cannot be downloaded here. Prints articles per second and milliseconds per article
for each (best CPU time of --repeat alternating runs), and the ratio (goal: extraction at least
2x as fast).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-tech" / "articles"


class RegexTokenizer:
    """What sumy needs of a tokenizer, without NLTK's downloaded models."""

    language = "english"
    _SENTENCE = re.compile(r"(?<=[.!?])[\"'\u201d]?\s+(?=[\"'\u201c]?[A-Z0-9])")
    _WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s for s in self._SENTENCE.split(paragraph.strip()) if s)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(self._WORD.findall(sentence))


def best_times(repeat: int, runs: dict) -> dict[str, float]:
    """The best CPU time of each run over ``repeat`` rounds. The runs alternate within a round,
    so a machine busy for a while slows both alike rather than one of them."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is not here (the benchmark reads ../shared/corpus/bbc-tech)")
        return 0
    sys.path.insert(0, str(ROOT))
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.text_rank import TextRankSummarizer

    from bot.extract import extract

    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    tokenizer = RegexTokenizer()
    summarizer = TextRankSummarizer(Stemmer("english"))

    def run_extract():
        for name, text in texts:
            extract(text, name).to_json()

    def run_textrank():
        for _name, text in texts:
            document = PlaintextParser.from_string(text, tokenizer).document
            summarizer(document, 5)

    best = best_times(args.repeat, {"extract": run_extract, "textrank": run_textrank})
    ours, theirs = best["extract"], best["textrank"]
    n = len(texts)
    print(f"{n} articles, best CPU time of {args.repeat} alternating runs, one process")
    print(f"{'':32} {'articles/s':>11} {'ms/article':>11}")
    print(f"{'newsbot extract (everything)':32} {n / ours:11.1f} {ours / n * 1000:11.2f}")
    print(f"{'sumy TextRank (summary only)':32} {n / theirs:11.1f} {theirs / n * 1000:11.2f}")
    print(f"extraction is {theirs / ours:.2f}x the speed of TextRank alone (goal: >= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
