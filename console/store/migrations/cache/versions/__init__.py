"""Revisions of the cache database, oldest first by down_revision."""
