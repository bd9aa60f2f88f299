"""Offline, deterministic extraction: sentences, entities, quotes, relations, summary scores."""

from bot.extract.article import extract_article as extract
from bot.extract.model import Entity, Extraction, Mention, Quote, Relation, Sentence

__all__ = ["Entity", "Extraction", "Mention", "Quote", "Relation", "Sentence", "extract"]
