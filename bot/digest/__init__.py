"""Scheduled digests: what goes in one, when it is due, and posting it exactly once."""
