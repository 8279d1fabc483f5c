"""Persistence of the reference server: tables and the database handle."""
