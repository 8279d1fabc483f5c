"""A cache written before the incident list's columns existed: opening it adds them, drops
the incidents cached without them and the stream's cursor, so the next connection refreshes
everything and every column is filled from the server's bodies."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from console.store import StoreDatabase, open_store
from console.store.engine import make_engine
from console.store.incidents import IncidentFilter, Mine
from console.store.migrate import alembic_config, head_revision
from tests.integration.store.incident_world import make_incident_world


def _cache_at_first_release(folder: Path) -> Path:
    path = folder / StoreDatabase.CACHE.filename
    engine = make_engine(path, StoreDatabase.CACHE.synchronous)
    try:
        with engine.connect() as connection:
            command.upgrade(alembic_config(StoreDatabase.CACHE, connection), "cache_0001")
            connection.commit()
    finally:
        engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO incidents (id, number, state, urgency, unit_id, region_id, updated_at,"
            " version, search_text) VALUES ('inc-old', 'QH1', 'reported', -3, NULL, NULL,"
            " '2026-01-01 00:00:00.000000', 1, 'qh1')"
        )
        db.execute("INSERT INTO incident_bodies (id, body) VALUES ('inc-old', '{}')")
        db.execute("INSERT INTO meta (key, value) VALUES ('last_event_id', '41')")
        db.execute("INSERT INTO meta (key, value) VALUES ('last_full_refresh', '2026-01-01')")
        db.execute("INSERT INTO meta (key, value) VALUES ('marker', 'kept')")
    return path


def test_an_old_cache_is_migrated_and_refilled(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    path = _cache_at_first_release(folder)
    store = open_store(folder)
    try:
        assert store.problems == []
        assert store.incidents.count() == 0
        assert store.meta.last_event_id is None
        assert store.meta.last_full_refresh is None
        assert store.meta.get("marker") == "kept"
        world = make_incident_world(300, seed=2)
        store.regions.replace_all(world.regions)
        store.units.replace_all(world.units)
        store.incidents.upsert(world.incidents)
        mine = IncidentFilter(mine=Mine("user-op1"))
        expected = sum(1 for b in world.incidents if b.created_by == "user-op1")
        assert expected > 0
        assert store.incidents.list_page(mine).total == expected
    finally:
        store.close()
    with sqlite3.connect(path) as db:
        [(revision,)] = db.execute("SELECT version_num FROM alembic_version").fetchall()
        columns = {row[1] for row in db.execute("PRAGMA table_info(incidents)")}
    assert revision == head_revision(StoreDatabase.CACHE)
    assert {"title", "category", "created_by", "due_at", "due_key", "caller"} <= columns
