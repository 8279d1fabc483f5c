"""The demo world loads in bulk, and camera list filters are answered from indexes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from console.domain.model import Role
from console.server.app import build_state
from console.server.demo.world import build_world
from console.server.services import cameras
from console.server.services.caller import Caller
from console.server.services.world import load_world
from console.server.settings import ServerSettings


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder: Path = tmp_path_factory.mktemp("world")
    state = build_state(
        ServerSettings(database_url=f"sqlite:///{folder / 'demo.db'}", media_dir=folder / "media")
    )
    world = build_world(7)
    with state.db.write() as session:
        counts = load_world(session, world, password_cost=2**10)
    yield state, world, counts
    state.db.dispose()


def test_the_whole_demo_world_is_loaded(loaded: Any) -> None:
    state, world, counts = loaded
    assert counts["cameras"] == len(world.cameras) == 7_500
    centre = world.command_centre_id
    operator = Caller("u", "u", Role.OPERATOR, centre)
    with state.db.read() as session:
        _items, _cursor, total = cameras.list_cameras(
            session, operator, cameras.CameraFilter(), limit=1, cursor=None
        )
    expected = sum(
        1 for c in world.cameras if c.owner_department_id == centre or centre in c.shared_with
    )
    assert total == expected


def _plans(state: Any, where: cameras.CameraFilter, caller: Caller) -> list[str]:
    captured: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT CAMERAS."):
            captured.append((statement, parameters))

    engine = state.db.engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        with state.db.read() as session:
            cameras.list_cameras(session, caller, where, limit=50, cursor=None)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert captured, "the page query was seen"
    statement, parameters = captured[-1]
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    return [str(row[-1]) for row in rows]


def test_camera_filters_use_indexes(loaded: Any) -> None:
    state, world, _ = loaded
    operator = Caller("u", "u", Role.OPERATOR, world.command_centre_id)
    town = next(r for r in world.regions if r.kind == "town")
    by_region = _plans(state, cameras.CameraFilter(region_id=town.id), operator)
    assert any("ix_cameras_region_id" in line for line in by_region), by_region
    by_box = _plans(state, cameras.CameraFilter(bbox=(110.40, 19.20, 110.45, 19.25)), operator)
    assert any("ix_cameras_lat_lon" in line for line in by_box), by_box
    sharing = _plans(state, cameras.CameraFilter(), operator)
    assert any("camera_shares" in line and "INDEX" in line for line in sharing), sharing
