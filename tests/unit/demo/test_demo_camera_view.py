"""Demo cameras look at what they watch: checkpoint lanes along their road against the
traffic, beach cameras out to sea, the rest at their place; lenses within 50–90°, PTZ widest."""

from __future__ import annotations

from collections import Counter

import pytest

from console.domain.geo import angle_between, path_position
from console.domain.model import CameraKind
from console.server.demo import roads
from console.server.demo.world import World, build_world


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(7)


def test_every_camera_has_a_heading_and_a_field_of_view(world: World) -> None:
    for camera in world.cameras:
        assert camera.heading_deg is not None
        assert 0 <= camera.heading_deg < 360
        assert camera.fov_deg is not None
        assert 50 <= camera.fov_deg <= 90
    ptz = [c.fov_deg or 0 for c in world.cameras if c.ptz]
    fixed = [c.fov_deg or 0 for c in world.cameras if not c.ptz]
    assert min(ptz) >= 80 > sum(fixed) / len(fixed)
    assert len({c.heading_deg for c in world.cameras}) > 1000


def test_checkpoints_stand_on_main_roads_with_road_names(world: World) -> None:
    checkpoints = [c for c in world.cameras if c.kind is CameraKind.CHECKPOINT]
    assert len(checkpoints) == 450
    sites = Counter(c.name.rsplit(" ", 1)[0] for c in checkpoints)
    assert "G98 嘉积收费站卡口" in sites
    assert set(sites) <= {site.name for site in roads.CHECKPOINT_SITES}
    for camera in checkpoints:
        site = next(s for s in roads.CHECKPOINT_SITES if camera.name.startswith(s.name))
        road = roads.ROADS_BY_KEY[site.road]
        assert path_position(camera.position, road.points).off_m < 30
        along = roads.point_along(road, site.along).bearing_deg
        # Lanes run with the road one way or the other, and look along it.
        assert min(angle_between(camera.heading_deg or 0, along + turn) for turn in (0, 180)) < 5


def test_beach_cameras_look_out_to_sea(world: World) -> None:
    beach = [c for c in world.cameras if c.kind is CameraKind.BEACH]
    assert beach
    assert all(angle_between(c.heading_deg or 0, 100) <= 25 for c in beach)


def test_airport_cameras_look_towards_the_airport(world: World) -> None:
    from console.domain.geo import bearing_deg, haversine_m
    from console.server.demo.geography import BOAO_AIRPORT

    anchor, _ = BOAO_AIRPORT
    airport = [c for c in world.cameras if c.kind is CameraKind.AIRPORT]
    far_enough = [c for c in airport if haversine_m(c.position, anchor) > 100]
    assert far_enough
    for camera in far_enough:
        toward = bearing_deg(camera.position, anchor)
        assert angle_between(camera.heading_deg or 0, toward) <= 13


def test_views_do_not_depend_on_the_catalogue_size(world: World) -> None:
    small = build_world(7, camera_count=200)
    assert all(c.heading_deg is not None and c.fov_deg is not None for c in small.cameras)
    assert build_world(7, camera_count=200) == small
