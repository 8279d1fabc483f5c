"""Pieces of the field simulator that need no server: movement, photos, alert choices."""

from __future__ import annotations

import io
import random
import time

import pytest

from console.domain.geo import QIONGHAI_BBOX, haversine_m
from console.domain.model import CameraKind, GeoPoint, Unit, UnitKind
from console.server.demo import photos
from console.server.demo.field import (
    ALERT_KINDS,
    FieldSimulator,
    _new_mover,
    _step_towards,
    _wander,
)
from console.server.demo.field_api import api_root
from console.server.demo.world import build_world

PIL = pytest.importorskip("PIL.Image", reason="Pillow decodes the pictures under test")


@pytest.fixture(scope="module")
def members() -> list[Unit]:
    world = build_world(3)
    return [u for u in world.units if u.kind is UnitKind.MEMBER]


def test_a_mover_reaches_its_target_in_bounded_steps(members: list[Unit]) -> None:
    mover = _new_mover(members[0])
    target = GeoPoint(19.160, 110.580)  # Boao, kilometres from Jiaji
    rng = random.Random(1)
    start_distance = haversine_m(mover.position, target)
    step = mover.speed_mps * 10
    steps = 0
    while not _step_towards(mover, target, step, rng):
        steps += 1
        assert QIONGHAI_BBOX.contains(mover.position)
        assert steps < 3 * start_distance / step
    assert mover.position == target


def test_each_step_gets_closer(members: list[Unit]) -> None:
    mover = _new_mover(members[1])
    target = GeoPoint(19.30, 110.50)
    rng = random.Random(2)
    before = haversine_m(mover.position, target)
    for _ in range(20):
        _step_towards(mover, target, 200.0, rng)
        after = haversine_m(mover.position, target)
        assert after < before
        before = after


def test_wandering_stays_near_home(members: list[Unit]) -> None:
    mover = _new_mover(members[2])
    rng = random.Random(3)
    for _ in range(2_000):
        _wander(mover, 60.0, rng)
        assert QIONGHAI_BBOX.contains(mover.position)
    assert haversine_m(mover.position, mover.home) < 2_500.0


def test_every_camera_kind_has_alert_kinds() -> None:
    assert set(ALERT_KINDS) == set(CameraKind)
    assert all(ALERT_KINDS[kind] for kind in CameraKind)


def test_feedback_photo_is_a_decodable_picture() -> None:
    photo = photos.scene_photo("QH-0001 嘉积派出所", seed=5)
    image = PIL.open(io.BytesIO(photo.data))
    assert image.size == (photos.WIDTH, photos.HEIGHT)
    assert image.format == {"image/jpeg": "JPEG", "image/png": "PNG"}[photo.content_type]
    assert photos.scene_photo("QH-0001 嘉积派出所", seed=5) == photo
    assert photos.scene_photo("QH-0001 嘉积派出所", seed=6).data != photo.data


def test_the_plain_png_fallback_decodes() -> None:
    data = photos._plain_png(9)
    image = PIL.open(io.BytesIO(data))
    image.load()
    assert image.format == "PNG"
    assert image.size == (photos.WIDTH, photos.HEIGHT)


def test_api_root_adds_the_prefix_once() -> None:
    assert api_root("http://127.0.0.1:8000") == "http://127.0.0.1:8000/api/v1"
    assert api_root("http://127.0.0.1:8000/api/v1/") == "http://127.0.0.1:8000/api/v1"


def test_simulator_refuses_nonsense_settings() -> None:
    world = build_world(3)
    with pytest.raises(ValueError, match="positive"):
        FieldSimulator("http://127.0.0.1:9", world, seed=1, speed=0)
    with pytest.raises(ValueError, match="not_fixed_share"):
        FieldSimulator("http://127.0.0.1:9", world, seed=1, not_fixed_share=1.5)


def test_stop_is_prompt_when_the_server_is_down() -> None:
    """No server on the port: the thread keeps failing quietly and still stops when asked."""
    world = build_world(3)
    simulator = FieldSimulator(
        "http://127.0.0.1:9", world, seed=1, speed=50, tick_s=0.05, request_timeout_s=0.5
    )
    simulator.start()
    try:
        deadline = time.monotonic() + 10
        while simulator.progress().get("errors", 0) == 0:
            assert time.monotonic() < deadline, "the simulator never tried to reach the server"
            time.sleep(0.02)
    finally:
        simulator.stop()
    assert not simulator.running
