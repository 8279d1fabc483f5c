"""Migrations of the cache database."""
