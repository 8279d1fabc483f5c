"""Migrations of the outbox database."""
