"""The demo map draws the roads the demo server's checkpoints and vehicle tracks lie on."""

from __future__ import annotations

import io
import math
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image

from console.domain.geo import path_position
from console.domain.model import CameraKind, GeoPoint
from console.map.demo_scene import Scene
from console.map.demo_style import (
    EXPRESSWAY_CASING,
    EXPRESSWAY_FILL,
    ROAD_CASING,
    ROAD_MAIN,
    ROAD_MINOR,
    ROAD_MINOR_CASING,
)
from console.map.mbtiles import MBTiles
from console.map.tiles import demo_mbtiles_path
from console.map.webmercator import TILE, metres_per_pixel, world_pixel
from console.server.demo import geography, roads
from console.server.demo.traffic import Checkpoint, Traffic
from console.server.demo.world import World, build_world
from scripts.make_demo_tiles import demo_scene

# A lane camera stands up to 24 m beside its road's centre line; 60 m leaves room for the
# drawn line's width but not for a road drawn somewhere else.
NEAR_ROAD_M = 60.0


@pytest.fixture(scope="module")
def scene() -> Scene:
    return demo_scene()


@pytest.fixture(scope="module")
def world() -> World:
    return build_world()


def _drawn_roads(scene: Scene) -> list[tuple[GeoPoint, ...]]:
    # Village lanes (grade 3) appear only from zoom 11 and no checkpoint stands on them.
    return [tuple(GeoPoint(*p) for p in road.points) for road in scene.roads if road.grade <= 2]


def _off_road_m(point: GeoPoint, drawn: Sequence[Sequence[GeoPoint]]) -> float:
    return min(path_position(point, path).off_m for path in drawn)


def _checkpoint_cameras(world: World) -> list[tuple[str, GeoPoint]]:
    return [(c.id, c.position) for c in world.cameras if c.kind is CameraKind.CHECKPOINT]


def test_every_checkpoint_camera_stands_on_a_drawn_road(scene: Scene, world: World) -> None:
    drawn = _drawn_roads(scene)
    cameras = _checkpoint_cameras(world)
    assert len(cameras) > 100
    off = {cid: round(_off_road_m(p, drawn)) for cid, p in cameras}
    assert {cid: m for cid, m in off.items() if m > NEAR_ROAD_M} == {}


def test_a_plate_track_runs_from_road_to_road(scene: Scene, world: World) -> None:
    drawn = _drawn_roads(scene)
    checkpoints = [
        Checkpoint(c.id, c.name, c.position, c.heading_deg)
        for c in world.cameras
        if c.kind is CameraKind.CHECKPOINT
    ]
    until = datetime(2026, 12, 4, tzinfo=UTC)
    passes = Traffic(7, checkpoints).passes("琼C·12345", until - timedelta(days=3), until)
    assert len(passes) >= 3
    worst = max(_off_road_m(p.checkpoint.position, drawn) for p in passes)
    assert worst <= NEAR_ROAD_M


def test_the_boao_route_guard_follows_drawn_roads(scene: Scene) -> None:
    drawn = _drawn_roads(scene)
    route = roads.Road("route", "", "", roads.BOAO_ROUTE_PATH)
    for step in range(41):
        point = roads.point_along(route, step / 40).position
        assert _off_road_m(point, drawn) <= NEAR_ROAD_M, step / 40


def test_every_town_lies_on_a_drawn_road(scene: Scene) -> None:
    drawn = _drawn_roads(scene)
    off = {t.key: round(_off_road_m(t.center, drawn)) for t in geography.TOWNS}
    assert {key: m for key, m in off.items() if m > NEAR_ROAD_M} == {}


def test_the_main_roads_are_drawn_exactly_as_the_server_has_them(scene: Scene) -> None:
    # Continuations beyond the city may be added at either end; inside it nothing moves.
    drawn = [road.points for road in scene.roads]
    for road in roads.MAIN_ROADS:
        points = tuple((p.lat, p.lon) for p in road.points)
        assert any(_contains(line, points) for line in drawn), road.key


def _contains(line: Sequence[tuple[float, float]], part: Sequence[tuple[float, float]]) -> bool:
    return any(tuple(line[i : i + len(part)]) == tuple(part) for i in range(len(line)))


# ----------------------------------------------------------------- the committed tiles

# Road fills and casings. Label halos are white like minor roads' fill, but labels rarely sit
# on checkpoints: the tiles drawn before the roads were shared fail this for 324 of 450.
_ROAD_COLOURS = (
    EXPRESSWAY_CASING,
    EXPRESSWAY_FILL,
    ROAD_CASING,
    ROAD_MAIN,
    ROAD_MINOR,
    ROAD_MINOR_CASING,
)


@pytest.fixture(scope="module")
def demo() -> Iterator[MBTiles]:
    tiles = MBTiles(demo_mbtiles_path())
    yield tiles
    tiles.close()


class _Pixels:
    """Pixels of one zoom of an MBTiles file by global pixel coordinates."""

    def __init__(self, tiles: MBTiles, zoom: int) -> None:
        self.tiles, self.zoom = tiles, zoom
        self.images: dict[tuple[int, int], Image.Image | None] = {}

    def at(self, x: int, y: int) -> tuple[int, int, int] | None:
        key = (x // TILE, y // TILE)
        if key not in self.images:
            data = self.tiles.tile(self.zoom, *key)
            self.images[key] = None if data is None else Image.open(io.BytesIO(data)).convert("RGB")
        image = self.images[key]
        return None if image is None else image.getpixel((x % TILE, y % TILE))  # type: ignore[return-value]

    def road_near(self, x: float, y: float, reach: float) -> bool:
        r = math.ceil(reach)
        for dy in range(-r, r + 1):
            for dx in range(-r, r + 1):
                if dx * dx + dy * dy > reach * reach:
                    continue
                pixel = self.at(int(x) + dx, int(y) + dy)
                if pixel is not None and any(math.dist(pixel, c) < 12 for c in _ROAD_COLOURS):
                    return True
        return False


def checkpoints_off_drawn_roads(tiles: MBTiles, world: World, zoom: int) -> tuple[int, list[str]]:
    """(checkpoint cameras with a tile at ``zoom``, those with no road pixel within reach)."""
    pixels = _Pixels(tiles, zoom)
    checked, missing = 0, []
    for camera_id, position in _checkpoint_cameras(world):
        x, y = world_pixel(position.lat, position.lon, zoom)
        if pixels.at(int(x), int(y)) is None:
            continue  # zooms above 13 exist only around Jiaji and Boao
        checked += 1
        reach = NEAR_ROAD_M / metres_per_pixel(position.lat, zoom)
        if not pixels.road_near(x, y, reach):
            missing.append(camera_id)
    return checked, missing


@pytest.mark.parametrize("zoom", [13, 15])
def test_the_bundled_tiles_show_a_road_under_every_checkpoint(
    demo: MBTiles, world: World, zoom: int
) -> None:
    # Catches a demo file not rebuilt after the roads changed.
    checked, missing = checkpoints_off_drawn_roads(demo, world, zoom)
    assert checked > (100 if zoom == 13 else 10)
    assert missing == []
