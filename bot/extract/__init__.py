"""Offline, deterministic extraction: sentences, entities, quotes, relations, summary scores."""
