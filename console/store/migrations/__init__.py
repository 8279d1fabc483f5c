"""Alembic script folders of the store databases (one per database)."""
