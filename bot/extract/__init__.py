"""Offline, deterministic extraction: sentences, entities, quotes, relations, summary scores.

``extract`` is imported when first asked for: the rules' modules compile hundreds of patterns
(a tenth of a second), which a process that only reads the store (the Slack app, whose pages
are read in worker processes) or only needs the data model or the relation kinds never uses;
so is the data model (``bot.extract.model``), which the Slack app's start does not use.
"""

MODEL = ("Entity", "Extraction", "Mention", "Quote", "Relation", "Sentence")
__all__ = [*MODEL, "extract"]


def __getattr__(name: str):
    if name in MODEL:
        from bot.extract import model

        return getattr(model, name)
    if name == "extract":
        from bot.extract.article import extract_article

        return extract_article
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
