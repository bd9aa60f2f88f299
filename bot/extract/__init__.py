"""Offline, deterministic extraction: sentences, entities, quotes, relations, summary scores.

``extract`` is imported when first asked for: the rules' modules compile hundreds of patterns
(a tenth of a second), which a process that only reads the store (the Slack app, whose pages
are read in worker processes) or only needs the data model or the relation kinds never uses.
"""

from bot.extract.model import Entity, Extraction, Mention, Quote, Relation, Sentence

__all__ = ["Entity", "Extraction", "Mention", "Quote", "Relation", "Sentence", "extract"]


def __getattr__(name: str):
    if name == "extract":
        from bot.extract.article import extract_article

        return extract_article
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
