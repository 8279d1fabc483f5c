"""Alembic environment of the outbox database."""

from console.store.migrations.env_common import run_migrations
from console.store.outbox_schema import OutboxBase

run_migrations(OutboxBase.metadata)
