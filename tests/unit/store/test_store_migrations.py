"""The store creates, checks and migrates its two databases at open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from console.store import Store, StoreDatabase, open_store
from console.store.engine import make_engine
from console.store.migrate import head_revision, known_revisions, upgrade_to_head


def _pragma(path: Path, name: str) -> object:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]


def test_open_creates_both_databases_at_head(store: Store, store_dir: Path) -> None:
    for database in StoreDatabase:
        path = store_dir / database.filename
        with sqlite3.connect(path) as connection:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        assert revision == [(head_revision(database),)]
        assert _pragma(path, "journal_mode") == "wal"


def test_connections_carry_the_durability_settings(store: Store) -> None:
    expected = {StoreDatabase.CACHE: 1, StoreDatabase.OUTBOX: 2}  # NORMAL, FULL
    for database, sessions in zip(StoreDatabase, store._databases, strict=True):
        for engine in (sessions.read_engine, sessions.write_engine):
            with engine.connect() as connection:
                assert (
                    connection.exec_driver_sql("PRAGMA synchronous").scalar() == expected[database]
                )
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
                assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


@pytest.mark.parametrize("database", list(StoreDatabase))
def test_models_and_migration_head_agree(database: StoreDatabase, tmp_path: Path) -> None:
    engine = make_engine(tmp_path / database.filename, database.synchronous)
    try:
        upgrade_to_head(engine, database)
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, database.metadata) == []
    finally:
        engine.dispose()


def test_reopening_keeps_data_and_revision(store_dir: Path) -> None:
    first = open_store(store_dir)
    first.meta.set("marker", "kept")
    first.close()
    second = open_store(store_dir)
    try:
        assert second.problems == []
        assert second.meta.get("marker") == "kept"
    finally:
        second.close()


def test_every_revision_is_known_and_the_head_is_among_them() -> None:
    for database in StoreDatabase:
        assert head_revision(database) in known_revisions(database)
