#!/usr/bin/env python3
"""Draw the offline demo map of Qionghai into resources/map/tiles/qionghai.mbtiles.

The towns, landmarks and main roads come from the demo world (console.server.demo), so the
map shows the towns, stations, airport and beaches where the demo's cameras are, and draws
the very roads its checkpoint cameras and vehicle tracks lie on. Deterministic:
the same sources and font give the same file. Usage:

    .venv/bin/python scripts/make_demo_tiles.py [--out PATH] [--preview DIR]

``--preview`` also writes a few tiles as PNG files (z10, z13 and z16 over Jiaji and Boao)
for a look without a map viewer.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from console.domain.model import RegionKind  # noqa: E402
from console.map.demo_labels import Landmark, find_fonts  # noqa: E402
from console.map.demo_scene import Road, Scene, Town, Village, build_scene  # noqa: E402
from console.map.demo_tiles import DetailArea, build_demo_mbtiles  # noqa: E402
from console.map.mbtiles import MBTiles  # noqa: E402
from console.map.webmercator import TILE, world_pixel  # noqa: E402
from console.server.demo import geography as geo  # noqa: E402
from console.server.demo import roads as demo_roads  # noqa: E402
from console.server.demo.world import build_world  # noqa: E402

DEFAULT_OUT = ROOT / "resources" / "map" / "tiles" / "qionghai.mbtiles"

# Built-up radius (degrees) of each town; the city's own town is much larger.
_RADIUS = {"jiaji": 0.022, "boao": 0.009, "bincunshan": 0.005}
_DEFAULT_RADIUS = 0.0065


def demo_towns() -> dict[str, Town]:
    return {
        spec.key: Town(
            name=spec.name,
            lat=spec.center.lat,
            lon=spec.center.lon,
            radius=_RADIUS.get(spec.key, _DEFAULT_RADIUS),
            is_city=spec.key == "jiaji",
            latin=spec.key.capitalize(),
        )
        for spec in geo.TOWNS
    }


def demo_villages() -> list[Village]:
    """The demo world's villages (seed 7, the server's default), each with its town."""
    world = build_world(camera_count=1)  # regions do not depend on the camera count
    key_by_code = {spec.code: spec.key for spec in geo.TOWNS}
    return [
        Village(region.name, region.center.lat, region.center.lon, key_by_code[region.parent_id])
        for region in world.regions
        if region.kind is RegionKind.VILLAGE and region.parent_id in key_by_code
    ]


# Drawn in expressway colours (the server only knows "major" roads).
_EXPRESSWAYS = frozenset({"g98"})


def demo_main_roads() -> list[Road]:
    """The demo server's main roads (checkpoints stand on them) and the Boao route guard's
    path, as the scene's roads.

    console.map may not import the server (tests/unit/test_layering.py, import-linter), so
    this script, which may import both, hands the server's polylines to the scene: one
    source of road geometry for the tiles, the checkpoints and the vehicle tracks.
    """
    main = [
        Road(
            road.name,
            1 if road.major else 2,
            tuple((point.lat, point.lon) for point in road.points),
            expressway=road.key in _EXPRESSWAYS,
        )
        for road in demo_roads.MAIN_ROADS
    ]
    # The guarded route follows the airport road and 博鳌大道, then runs on to the forum's
    # island, which no main road reaches; drawn whole, it overlaps the two roads exactly.
    route = tuple((point.lat, point.lon) for point in demo_roads.BOAO_ROUTE_PATH)
    return [*main, Road("", 2, route)]


def demo_scene() -> Scene:
    """The scene the demo tiles draw (tests check the demo world against it)."""
    return build_scene(demo_towns(), demo_villages(), demo_main_roads())


def demo_landmarks() -> list[Landmark]:
    station, _ = geo.QIONGHAI_STATION
    boao_station, _ = geo.BOAO_STATION
    airport, _ = geo.BOAO_AIRPORT
    marks = [
        Landmark("琼海站", station.lat, station.lon, "station", 12, "Qionghai Station"),
        Landmark("博鳌站", boao_station.lat, boao_station.lon, "station", 12, "Boao Station"),
        Landmark("博鳌国际机场", airport.lat, airport.lon, "airport", 11, "Boao Airport"),
    ]
    latin_beaches = {
        "玉带滩": "Yudai Beach",
        "博鳌亚洲论坛海滩": "Forum Beach",
        "潭门港海滩": "Tanmen Beach",
        "长坡青葛海滩": "Qingge Beach",
    }
    for name, point, _town in geo.BEACHES:
        marks.append(Landmark(name, point.lat, point.lon, "beach", 13, latin_beaches.get(name, "")))
    return marks


def detail_areas() -> list[DetailArea]:
    towns = {t.key: t.center for t in geo.TOWNS}
    jiaji, boao = towns["jiaji"], towns["boao"]
    return [
        DetailArea(
            "jiaji", jiaji.lon - 0.04, jiaji.lat - 0.032, jiaji.lon + 0.04, jiaji.lat + 0.032
        ),
        DetailArea("boao", boao.lon - 0.03, boao.lat - 0.03, boao.lon + 0.04, boao.lat + 0.025),
    ]


def write_previews(mbtiles_path: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    towns = {t.key: t.center for t in geo.TOWNS}
    with MBTiles(mbtiles_path) as tiles:
        for key in ("jiaji", "boao"):
            point = towns[key]
            for zoom in (10, 13, 16):
                px, py = world_pixel(point.lat, point.lon, zoom)
                x, y = int(px // TILE), int(py // TILE)
                for dx in (0, 1):
                    for dy in (0, 1):
                        data = tiles.tile(zoom, x + dx - 1, y + dy - 1)
                        if data is not None:
                            name = f"{key}_z{zoom}_{x + dx - 1}_{y + dy - 1}.png"
                            (folder / name).write_bytes(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--preview", type=Path, default=None)
    args = parser.parse_args()
    fonts = find_fonts()
    if not fonts.cjk:
        print("no font with Chinese glyphs (install fonts-noto-cjk): names are drawn in Latin")
    started = time.monotonic()
    scene = demo_scene()
    count, distinct = build_demo_mbtiles(args.out, scene, demo_landmarks(), detail_areas(), fonts)
    size_mb = args.out.stat().st_size / 1e6
    print(
        f"{args.out}: {count} tiles ({distinct} distinct), {size_mb:.2f} MB, "
        f"{time.monotonic() - started:.1f} s"
    )
    if args.preview is not None:
        write_previews(args.out, args.preview)
    return 0


if __name__ == "__main__":
    sys.exit(main())
