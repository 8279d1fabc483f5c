"""Cameras keep where they look and how wide, in the cache and across its migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from console.domain.model import Camera, CameraKind, CameraStatus, GeoPoint
from console.store import Store, StoreDatabase, open_store
from console.store.engine import make_engine
from console.store.migrate import alembic_config


def _camera(number: int, heading: float | None, fov: float | None) -> Camera:
    return Camera(
        id=f"4690020000132000{number:04d}",
        name=f"摄像机 {number}",
        kind=CameraKind.ROAD,
        region_id="469002100",
        position=GeoPoint(19.24, 110.47),
        status=CameraStatus.ONLINE,
        owner_department_id="dept-centre",
        heading_deg=heading,
        fov_deg=fov,
    )


def test_heading_and_field_of_view_round_trip(store: Store) -> None:
    looking = _camera(1, 271.5, 62.0)
    unknown = _camera(2, None, None)
    store.cameras.replace_all([looking, unknown])
    assert store.cameras.get(looking.id) == looking
    assert store.cameras.get(unknown.id) == unknown
    turned = _camera(1, 10.0, 85.0)
    store.cameras.upsert([turned])
    assert store.cameras.get(turned.id) == turned


def test_a_cache_from_before_camera_views_migrates_and_asks_for_a_refresh(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    path = folder / StoreDatabase.CACHE.filename
    engine = make_engine(path, StoreDatabase.CACHE.synchronous)
    try:
        with engine.connect() as connection:
            command.upgrade(alembic_config(StoreDatabase.CACHE, connection), "cache_0002")
            connection.commit()
    finally:
        engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO cameras (id, name, kind, region_id, lat, lon, status,"
            " owner_department_id, shared_with, ptz) VALUES ('46900200001320000009', '旧',"
            " 'road', '469002100', 19.2, 110.4, 'online', 'dept-centre', '[]', 0)"
        )
        db.execute("INSERT INTO meta (key, value) VALUES ('last_event_id', '12')")
    store = open_store(folder)
    try:
        assert store.problems == []
        old = store.cameras.get("46900200001320000009")
        assert old is not None
        assert (old.heading_deg, old.fov_deg) == (None, None)
        assert store.meta.last_event_id is None
    finally:
        store.close()
