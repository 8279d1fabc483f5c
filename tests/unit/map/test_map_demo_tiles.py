"""The bundled offline map of Qionghai: present, well formed, and drawn where the demo is."""

from __future__ import annotations

import io
import math
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from console.domain.geo import QIONGHAI_BBOX
from console.map.demo_labels import Fonts, find_fonts, place_labels
from console.map.demo_scene import HARBOUR, LAGOON, Town, build_scene, land_outline
from console.map.demo_style import SEA
from console.map.demo_tiles import render_tiles
from console.map.mbtiles import MBTiles
from console.map.tiles import demo_mbtiles_path, serve_tile
from console.map.webmercator import TILE, world_pixel
from console.server.demo import geography
from console.server.demo.world import build_world

JIAJI = next(t.center for t in geography.TOWNS if t.key == "jiaji")
BOAO = next(t.center for t in geography.TOWNS if t.key == "boao")


@pytest.fixture(scope="module")
def demo() -> Iterator[MBTiles]:
    tiles = MBTiles(demo_mbtiles_path())
    yield tiles
    tiles.close()


def _pixel(tiles: MBTiles, lat: float, lon: float, zoom: int) -> tuple[int, int, int]:
    x, y = world_pixel(lat, lon, zoom)
    data = tiles.tile(zoom, int(x // TILE), int(y // TILE))
    assert data is not None, (lat, lon, zoom)
    image = Image.open(io.BytesIO(data)).convert("RGB")
    return image.getpixel((int(x % TILE), int(y % TILE)))  # type: ignore[return-value]


def _is_sea(colour: tuple[int, int, int]) -> bool:
    return math.dist(colour, SEA) < 12


def test_the_demo_file_is_small_and_describes_itself(demo: MBTiles) -> None:
    assert demo_mbtiles_path().stat().st_size <= 6_000_000
    meta = demo.metadata()
    assert meta["format"] == "png"
    assert (meta["minzoom"], meta["maxzoom"]) == ("8", "16")
    west, south, east, north = (float(v) for v in meta["bounds"].split(","))
    box = QIONGHAI_BBOX
    assert west <= box.west
    assert south <= box.south
    assert east >= box.east
    assert north >= box.north


@pytest.mark.parametrize("zoom", range(8, 17))
def test_jiaji_has_a_tile_at_every_zoom(demo: MBTiles, zoom: int) -> None:
    x, y = world_pixel(JIAJI.lat, JIAJI.lon, zoom)
    data = demo.tile(zoom, int(x // TILE), int(y // TILE))
    assert data is not None
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    assert image.size == (TILE, TILE)


def test_boao_has_detail_tiles_and_the_countryside_does_not(demo: MBTiles) -> None:
    x, y = world_pixel(BOAO.lat, BOAO.lon, 16)
    assert demo.tile(16, int(x // TILE), int(y // TILE)) is not None
    # Huishan, far from both detail areas, stops at zoom 13 (and is enlarged beyond it).
    huishan = next(t.center for t in geography.TOWNS if t.key == "huishan")
    hx, hy = world_pixel(huishan.lat, huishan.lon, 16)
    assert demo.tile(16, int(hx // TILE), int(hy // TILE)) is None
    assert serve_tile(demo, 16, int(hx // TILE), int(hy // TILE)) is not None


def test_identical_tiles_are_stored_once() -> None:
    connection = sqlite3.connect(f"{demo_mbtiles_path().as_uri()}?mode=ro", uri=True)
    try:
        (placed,) = connection.execute("SELECT count(*) FROM map").fetchone()
        (images,) = connection.execute("SELECT count(*) FROM images").fetchone()
    finally:
        connection.close()
    assert images < placed


@pytest.mark.parametrize("zoom", [10, 13])
def test_every_town_is_on_land_and_the_open_sea_is_sea(demo: MBTiles, zoom: int) -> None:
    # A wrong y flip or projection would put towns in the sea (the coast runs north-south).
    for town in geography.TOWNS:
        assert not _is_sea(_pixel(demo, town.center.lat, town.center.lon, zoom)), town.key
    for lat in (19.0, 19.2, 19.4):
        assert _is_sea(_pixel(demo, lat, 110.715, zoom)), lat


def _inside(polygon: tuple[tuple[float, float], ...], lat: float, lon: float) -> bool:
    """Even-odd rule: a ray east from the point crosses the outline an odd number of times."""
    inside = False
    for (lat1, lon1), (lat2, lon2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (lat1 > lat) != (lat2 > lat):
            crossing = lon1 + (lat - lat1) * (lon2 - lon1) / (lat2 - lat1)
            if lon < crossing:
                inside = not inside
    return inside


def test_the_demo_cameras_stand_on_land() -> None:
    # By the shapes rather than by pixels: rivers share the sea's colour, and a camera on a
    # river bank is fine; one out at sea is not.
    land = land_outline()
    cameras = build_world().cameras
    at_sea = [c.id for c in cameras if not _inside(land, c.position.lat, c.position.lon)]
    in_inlets = [
        c.id
        for c in cameras
        if _inside(LAGOON, c.position.lat, c.position.lon)
        or _inside(HARBOUR, c.position.lat, c.position.lon)
    ]
    assert at_sea == []
    # A handful of scattered positions may fall in the Boao lagoon or Tanmen harbour.
    assert len(in_inlets) <= len(cameras) // 500, in_inlets


def test_rendering_is_deterministic() -> None:
    fonts = find_fonts()
    towns = {
        t.key: Town(t.name, t.center.lat, t.center.lon, 0.01, t.key == "jiaji", t.key)
        for t in geography.TOWNS
    }
    scene = build_scene(towns)
    first = list(render_tiles(scene, [], [], fonts, zooms=[8, 9]))
    second = list(render_tiles(scene, [], [], fonts, zooms=[8, 9]))
    assert first == second
    assert {z for z, *_ in first} == {8, 9}


def test_without_chinese_glyphs_the_map_is_drawn_with_latin_names() -> None:
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.is_file():
        pytest.skip("fonts-dejavu-core is not installed")
    latin = Fonts(str(dejavu), 0, cjk=False)
    towns = {"jiaji": Town("嘉积镇", JIAJI.lat, JIAJI.lon, 0.02, True, "Jiaji")}
    labels = place_labels(build_scene(towns), [], latin, 11)
    assert [label.text for label in labels] == ["Jiaji"]
    rendered = list(render_tiles(build_scene(towns), [], [], latin, zooms=[8]))
    assert rendered


@pytest.mark.parametrize(
    ("lat", "lon"), [(0.0, 0.0), (19.236, 110.468), (-33.86, 151.21), (60.0, -150.0)]
)
def test_web_mercator_pixels_match_the_textbook_formula(lat: float, lon: float) -> None:
    # y = (1 - asinh(tan(lat)) / pi) / 2 * world size: the same projection written another way.
    zoom = 16
    size = TILE * 2**zoom
    expected_y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * size
    expected_x = (lon + 180) / 360 * size
    assert world_pixel(lat, lon, zoom) == pytest.approx((expected_x, expected_y), abs=1e-3)
