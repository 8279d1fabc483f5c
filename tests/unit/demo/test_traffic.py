"""Simulated checkpoint traffic: reproducible, in time order, at road speeds, seen by the lane
camera facing the vehicle, and the same whether asked for a week or day by day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.geo import angle_between, haversine_m
from console.domain.model import CameraKind
from console.domain.vehicles import normalize_plate
from console.server.demo.traffic import REGULARS, Checkpoint, Traffic, sample_plates
from console.server.demo.world import World, build_world

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
UNTIL = SINCE + timedelta(days=7)


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(7, camera_count=1500)


@pytest.fixture(scope="module")
def traffic(world: World) -> Traffic:
    return Traffic(7, checkpoints_of(world))


def checkpoints_of(world: World) -> list[Checkpoint]:
    return [
        Checkpoint(c.id, c.name, c.position, c.heading_deg)
        for c in world.cameras
        if c.kind is CameraKind.CHECKPOINT
    ]


def test_a_week_of_one_plate_is_reproducible_and_in_time_order(
    world: World, traffic: Traffic
) -> None:
    week = traffic.passes("琼C·12345", SINCE, UNTIL)
    assert len(week) >= 5
    assert [p.time for p in week] == sorted(p.time for p in week)
    assert all(SINCE <= p.time <= UNTIL for p in week)
    again = Traffic(7, reversed(checkpoints_of(world))).passes("琼C·12345", SINCE, UNTIL)
    assert again == week
    assert Traffic(8, checkpoints_of(world)).passes("琼C·12345", SINCE, UNTIL) != week
    assert traffic.passes("琼A·88888", SINCE, UNTIL) != week


def test_asking_day_by_day_gives_the_same_passes(traffic: Traffic) -> None:
    week = traffic.passes("琼A·88888", SINCE, UNTIL)
    pieces = []
    for day in range(7):
        start = SINCE + timedelta(days=day)
        end = start + timedelta(days=1) - timedelta(microseconds=1)
        pieces.extend(traffic.passes("琼A·88888", start, end))
    assert pieces == week


def test_vehicles_keep_to_road_speeds_between_checkpoints(traffic: Traffic) -> None:
    for plate in [*sample_plates(3, 40), *REGULARS]:
        passes = traffic.passes(plate, SINCE, UNTIL)
        for before, after in zip(passes, passes[1:], strict=False):
            seconds = (after.time - before.time).total_seconds()
            metres = haversine_m(before.checkpoint.position, after.checkpoint.position)
            assert metres / max(seconds, 1) < 80 / 3.6 + 1, plate


def test_the_lane_camera_is_the_one_facing_the_vehicle(world: World, traffic: Traffic) -> None:
    lanes: dict[str, list[float]] = {}
    for camera in world.cameras:
        if camera.kind is CameraKind.CHECKPOINT and camera.heading_deg is not None:
            lanes.setdefault(camera.name.rsplit(" ", 1)[0], []).append(camera.heading_deg)
    checked = 0
    for plate in sample_plates(4, 10):
        for item in traffic.passes(plate, SINCE, UNTIL):
            heading = item.checkpoint.heading_deg
            assert heading is not None
            # A lane camera looks against its traffic, so it faces the vehicle head-on; no
            # other lane of the same checkpoint faces it better.
            oncoming = item.travel_bearing_deg + 180
            site = item.checkpoint.name.rsplit(" ", 1)[0]
            best = min(angle_between(h, oncoming) for h in lanes[site])
            assert angle_between(heading, oncoming) == pytest.approx(best)
            checked += 1
    assert checked > 20


def test_the_plates_of_the_demo_guide_drive_every_day(traffic: Traffic) -> None:
    for plate in REGULARS:
        for day in range(14):
            until = UNTIL - timedelta(days=day)
            assert len(traffic.passes(plate, until - timedelta(hours=24), until)) >= 2


def test_plates_from_elsewhere_and_empty_networks_have_no_passes(traffic: Traffic) -> None:
    assert traffic.passes("粤B·12345", SINCE, UNTIL) == []
    assert Traffic(7, []).passes("琼C·12345", SINCE, UNTIL) == []
    assert traffic.passes("琼C·12345", UNTIL, SINCE) == []


def test_sample_plates_are_canonical_hainan_plates() -> None:
    plates = sample_plates(1, 50)
    assert len(set(plates)) == 50
    assert all(normalize_plate(p) == p and p.startswith("琼") for p in plates)
