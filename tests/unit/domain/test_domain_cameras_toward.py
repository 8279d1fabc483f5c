"""Bearings, positions along a path, and cameras ranked by distance and by where they look."""

from __future__ import annotations

import math

import pytest

from console.domain.geo import (
    DEFAULT_FOV_DEG,
    Sight,
    angle_between,
    bearing_deg,
    cameras_toward,
    haversine_m,
    path_position,
    sight_of,
)
from console.domain.model import Camera, CameraKind, CameraStatus, GeoPoint

SPOT = GeoPoint(19.24, 110.47)
METRE_LAT = 1 / 111_195.0  # degrees of latitude per metre (mean Earth radius)


def north_of(point: GeoPoint, metres: float) -> GeoPoint:
    return GeoPoint(point.lat + metres * METRE_LAT, point.lon)


def east_of(point: GeoPoint, metres: float) -> GeoPoint:
    return GeoPoint(point.lat, point.lon + metres * METRE_LAT / math.cos(math.radians(point.lat)))


def camera(
    name: str,
    position: GeoPoint,
    heading: float | None,
    fov: float | None = 60.0,
    *,
    ptz: bool = False,
) -> Camera:
    return Camera(
        id=name,
        name=name,
        kind=CameraKind.ROAD,
        region_id="r",
        position=position,
        status=CameraStatus.ONLINE,
        owner_department_id="d",
        ptz=ptz,
        heading_deg=heading,
        fov_deg=fov,
    )


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (north_of(SPOT, 1000), 0.0),
        (east_of(SPOT, 1000), 90.0),
        (north_of(SPOT, -1000), 180.0),
        (east_of(SPOT, -1000), 270.0),
    ],
)
def test_bearings_point_the_right_way(target: GeoPoint, expected: float) -> None:
    assert angle_between(bearing_deg(SPOT, target), expected) < 0.05


def test_angle_between_takes_the_short_way_round() -> None:
    assert angle_between(350, 10) == pytest.approx(20)
    assert angle_between(10, 350) == pytest.approx(20)
    assert angle_between(0, 180) == pytest.approx(180)
    assert angle_between(-90, 270) == pytest.approx(0)


def test_path_position_measures_off_and_along() -> None:
    start = SPOT
    corner = east_of(SPOT, 1000)
    end = north_of(corner, 1000)
    path = (start, corner, end)
    beside = north_of(east_of(SPOT, 400), 30)  # 30 m north of the first leg, 400 m along
    where = path_position(beside, path)
    assert where.off_m == pytest.approx(30, abs=0.5)
    assert where.along_m == pytest.approx(400, abs=2)
    later = east_of(north_of(corner, 600), 50)  # 50 m east of the second leg, 1,600 m along
    where = path_position(later, path)
    assert where.off_m == pytest.approx(50, abs=0.5)
    assert where.along_m == pytest.approx(1600, abs=3)
    past_the_end = north_of(end, 200)
    assert path_position(past_the_end, path).off_m == pytest.approx(200, abs=1)
    assert path_position(SPOT, (SPOT,)).off_m == 0
    with pytest.raises(ValueError, match="at least one point"):
        path_position(SPOT, ())


def test_sight_follows_heading_and_field_of_view() -> None:
    south = north_of(SPOT, -100)  # a camera 100 m south of the spot; the spot is due north
    assert sight_of(camera("a", south, 0.0), SPOT, 100) is Sight.FACING
    assert sight_of(camera("b", south, 29.0, 60.0), SPOT, 100) is Sight.FACING
    assert sight_of(camera("c", south, 31.0, 60.0), SPOT, 100) is Sight.AWAY
    assert sight_of(camera("d", south, 350.0, None), SPOT, 100) is Sight.FACING
    # Without a stated width the default applies: half of it either side of the heading.
    assert sight_of(camera("d2", south, DEFAULT_FOV_DEG / 2 + 1, None), SPOT, 100) is Sight.AWAY
    assert sight_of(camera("e", south, 180.0), SPOT, 100) is Sight.AWAY
    assert sight_of(camera("f", south, None, None), SPOT, 100) is Sight.ANYWHERE
    assert sight_of(camera("g", south, 180.0, ptz=True), SPOT, 100) is Sight.ANYWHERE
    assert sight_of(camera("h", south, 0.0, ptz=True), SPOT, 100) is Sight.FACING
    assert sight_of(camera("i", SPOT, 180.0), SPOT, 0.0) is Sight.FACING  # on the spot


def test_facing_cameras_rank_before_cameras_looking_away() -> None:
    away_near = camera("away-near", north_of(SPOT, -20), 180.0)  # 20 m, looking south
    facing_far = camera("facing-far", north_of(SPOT, -200), 0.0)  # 200 m, looking north
    facing_near = camera("facing-near", east_of(SPOT, 80), 270.0)
    unknown_mid = camera("unknown-mid", east_of(SPOT, -120), None, None)
    ranked = cameras_toward(SPOT, [away_near, facing_far, facing_near, unknown_mid], 10, 500)
    assert [r.camera.id for r in ranked] == [
        "facing-near",
        "unknown-mid",
        "facing-far",
        "away-near",
    ]
    assert [r.sight for r in ranked] == [Sight.FACING, Sight.ANYWHERE, Sight.FACING, Sight.AWAY]
    assert ranked[0].distance_m == pytest.approx(80, abs=0.5)


def test_at_equal_distance_a_facing_camera_beats_one_without_heading() -> None:
    unknown = camera("unknown", north_of(SPOT, 100), None, None)
    facing = camera("facing", north_of(SPOT, -100), 0.0)
    ranked = cameras_toward(SPOT, [unknown, facing], 2, 500)
    assert [r.camera.id for r in ranked] == ["facing", "unknown"]
    assert ranked[0].distance_m == pytest.approx(ranked[1].distance_m, abs=0.01)


def test_limits_count_and_distance() -> None:
    cameras = [camera(f"c{k}", north_of(SPOT, -50 * (k + 1)), 0.0) for k in range(10)]
    ranked = cameras_toward(SPOT, cameras, 3, 1000)
    assert [r.camera.id for r in ranked] == ["c0", "c1", "c2"]
    within = cameras_toward(SPOT, cameras, 50, 260)
    assert [r.camera.id for r in within] == ["c0", "c1", "c2", "c3", "c4"]
    assert all(r.distance_m <= 260 for r in within)
    assert cameras_toward(SPOT, cameras, 0, 1000) == []
    assert all(r.distance_m == pytest.approx(haversine_m(SPOT, r.camera.position)) for r in ranked)
