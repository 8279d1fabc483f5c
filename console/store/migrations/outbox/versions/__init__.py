"""Revisions of the outbox database, oldest first by down_revision."""
