"""Alembic environment of the cache database."""

from console.store.cache_schema import CacheBase
from console.store.migrations.env_common import run_migrations

run_migrations(CacheBase.metadata)
