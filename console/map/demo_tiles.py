"""Rendering the offline demo map of Qionghai into an MBTiles file.

Tiles are drawn with Pillow in blocks of several tiles plus a margin, at twice the size and
then scaled down (smooth edges). Everything is placed in global Web Mercator pixels and label
placement is decided once per zoom, so a label crossing a tile edge is drawn the same way in
both tiles and never cut. The output is a pure function of the scene and the font: the same
inputs give the same bytes.

Zooms 8–13 cover the whole area; 14–16 only the detail areas (Jiaji and Boao), which keeps the
file at a few megabytes. Identical tiles (open sea) are stored once.
"""

from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from console.map.demo_labels import Fonts, Label, Landmark, along, place_labels, text_origin
from console.map.demo_scene import (
    AREA,
    HARBOUR,
    LAGOON,
    LAGOON_MOUTH,
    RAILWAY,
    RIVERS,
    LatLon,
    Road,
    Scene,
    land_outline,
)
from console.map.demo_style import (
    CITY_AREA,
    EXPRESSWAY_CASING,
    EXPRESSWAY_FILL,
    HALO,
    LAND,
    RAILWAY_DARK,
    RAILWAY_LIGHT,
    ROAD_CASING,
    ROAD_MAIN,
    ROAD_MINOR,
    ROAD_MINOR_CASING,
    RUNWAY,
    SEA,
    STREET,
    TOWN_AREA,
    Colour,
)
from console.map.mbtiles import write_mbtiles
from console.map.webmercator import TILE, metres_per_pixel, tile_range, world_pixel

SUPERSAMPLE = 2
BLOCK = 4  # tiles per block side
MARGIN = 1  # tiles of margin around a block (labels and wide lines that spill over)

VILLAGE_RADIUS = 0.0016  # degrees: a hamlet of a few hundred metres

# Where route-number shields go along a road (fractions of its drawn length, continuations
# beyond the city included), and how far (degrees) they keep from town centres.
SHIELD_FRACTIONS = (0.3, 0.45, 0.6)
SHIELD_TOWN_CLEARANCE = 0.012

MIN_ZOOM = 8
AREA_MAX_ZOOM = 13
MAX_ZOOM = 16


@dataclass(frozen=True)
class DetailArea:
    """A box (west, south, east, north) that gets zooms above AREA_MAX_ZOOM."""

    name: str
    west: float
    south: float
    east: float
    north: float


# ----------------------------------------------------------------------------- drawing


class _Canvas:
    """One block being drawn: converts lat/lon to the block's supersampled pixels."""

    def __init__(self, zoom: int, tile_x0: int, tile_y0: int, tiles_wide: int, tiles_high: int):
        self.zoom = zoom
        self.origin = (tile_x0 * TILE, tile_y0 * TILE)
        self.image = Image.new(
            "RGB", (tiles_wide * TILE * SUPERSAMPLE, tiles_high * TILE * SUPERSAMPLE), SEA
        )
        self.draw = ImageDraw.Draw(self.image)

    def near(self, x: float, y: float) -> bool:
        """Whether global pixel (x, y) is close enough to the block for its label to show."""
        reach = 2 * TILE  # longer than any label
        width, height = (size / SUPERSAMPLE for size in self.image.size)
        return (
            self.origin[0] - reach <= x <= self.origin[0] + width + reach
            and self.origin[1] - reach <= y <= self.origin[1] + height + reach
        )

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        x, y = world_pixel(lat, lon, self.zoom)
        return (x - self.origin[0]) * SUPERSAMPLE, (y - self.origin[1]) * SUPERSAMPLE

    def path(self, points: Sequence[LatLon]) -> list[tuple[float, float]]:
        return [self.xy(lat, lon) for lat, lon in points]

    def polygon(self, points: Sequence[LatLon], fill: Colour) -> None:
        self.draw.polygon(self.path(points), fill=fill)

    def line(self, points: Sequence[LatLon], colour: Colour, width: float) -> None:
        pixels = max(1, round(width * SUPERSAMPLE))
        self.draw.line(self.path(points), fill=colour, width=pixels, joint="curve")
        # Round caps: Pillow's lines end square, which shows at junctions of thick roads.
        if pixels >= 4:
            radius = pixels / 2
            for x, y in (self.xy(*points[0]), self.xy(*points[-1])):
                self.draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)

    def dashed(self, points: Sequence[LatLon], colour: Colour, width: float, dash: float) -> None:
        pixels = max(1, round(width * SUPERSAMPLE))
        step = dash * SUPERSAMPLE
        path = self.path(points)
        for (x1, y1), (x2, y2) in zip(path, path[1:], strict=False):
            length = math.hypot(x2 - x1, y2 - y1)
            # Dashes start at a fixed phase in global pixels so they join across blocks.
            start = -((x1 + self.origin[0] * SUPERSAMPLE) % (2 * step)) if length else 0.0
            position = start
            while position < length:
                a = max(position, 0.0) / length
                b = min(position + step, length) / length
                if b > a:
                    self.draw.line(
                        (
                            x1 + a * (x2 - x1),
                            y1 + a * (y2 - y1),
                            x1 + b * (x2 - x1),
                            y1 + b * (y2 - y1),
                        ),
                        fill=colour,
                        width=pixels,
                    )
                position += 2 * step

    def text(self, label: Label, fonts: Fonts) -> None:
        font = fonts.at(label.size * SUPERSAMPLE)
        left, top, right, bottom = font.getbbox(label.text)
        width, height = (right - left) / SUPERSAMPLE, (bottom - top) / SUPERSAMPLE
        ox, oy = text_origin(label, width, height)
        x = (ox - self.origin[0]) * SUPERSAMPLE - left
        y = (oy - self.origin[1]) * SUPERSAMPLE - top
        if label.dot:
            cx = (label.x - self.origin[0]) * SUPERSAMPLE
            cy = (label.y - self.origin[1]) * SUPERSAMPLE
            r = 3 * SUPERSAMPLE
            self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=label.colour, outline=HALO)
        self.draw.text(
            (x, y),
            label.text,
            font=font,
            fill=label.colour,
            stroke_width=2 * SUPERSAMPLE,
            stroke_fill=HALO,
        )


def _rounded(polygon: Sequence[LatLon], rounds: int = 3) -> list[LatLon]:
    """Chaikin's corner cutting: each round replaces every corner by two points at a quarter
    and three quarters of its edges, so hand-placed outlines lose their sharp corners."""
    points = list(polygon)
    for _ in range(rounds):
        cut: list[LatLon] = []
        for (lat1, lon1), (lat2, lon2) in zip(points, points[1:] + points[:1], strict=True):
            cut.append((0.75 * lat1 + 0.25 * lat2, 0.75 * lon1 + 0.25 * lon2))
            cut.append((0.25 * lat1 + 0.75 * lat2, 0.25 * lon1 + 0.75 * lon2))
        points = cut
    return points


def _town_outline(lat: float, lon: float, radius: float) -> list[LatLon]:
    """A blob, not a circle: the radius wobbles with the angle (deterministically)."""
    points = []
    squash = 1.0 / math.cos(math.radians(lat))
    seed = lat * 1000 + lon * 100
    for step in range(36):
        angle = step * math.tau / 36
        wobble = 1.0 + 0.18 * math.sin(3 * angle + seed) + 0.08 * math.sin(7 * angle + seed * 2)
        r = radius * wobble
        points.append((lat + r * math.cos(angle), lon + r * math.sin(angle) * squash))
    return points


def _road_widths(zoom: int, grade: int) -> tuple[float, float]:
    """(casing, fill) widths in pixels for a road of ``grade`` at ``zoom``."""
    base = {8: 0.8, 9: 1.0, 10: 1.4, 11: 2.0, 12: 3.0, 13: 4.5, 14: 6.0, 15: 8.0, 16: 11.0}[zoom]
    fill = {1: base, 2: base * 0.7, 3: max(0.8, base * 0.4)}[grade]
    casing_from = 10 if grade < 3 else 13
    return fill + (1.6 if zoom >= casing_from else 0.0), fill


def _shown(road: Road, zoom: int) -> bool:
    return zoom >= {1: 0, 2: 9, 3: 11}[road.grade]


def _draw_block(
    canvas: _Canvas,
    scene: Scene,
    landmarks: Sequence[Landmark],
    labels: Sequence[Label],
    fonts: Fonts,
) -> None:
    zoom = canvas.zoom
    mid_lat = (AREA[1] + AREA[3]) / 2
    canvas.polygon(land_outline(), LAND)
    # Built-up areas first, so water and roads lie on top of them.
    if zoom >= 10:
        for town in scene.towns:
            canvas.polygon(
                _town_outline(town.lat, town.lon, town.radius),
                CITY_AREA if town.is_city else TOWN_AREA,
            )
    if zoom >= 12:
        for village in scene.villages:
            canvas.polygon(_town_outline(village.lat, village.lon, VILLAGE_RADIUS), TOWN_AREA)
    for shape in (_rounded(LAGOON), LAGOON_MOUTH, _rounded(HARBOUR)):
        canvas.polygon(shape, SEA)
    for _name_text, width_m, points in RIVERS:
        width = max(0.8 if zoom < 10 else 1.2, width_m / metres_per_pixel(mid_lat, zoom))
        if zoom >= 9 or width_m >= 150:
            canvas.line(points, SEA, width)
    if zoom >= 14:
        for street in scene.streets:
            canvas.line(street, ROAD_MINOR_CASING, 4.0 if zoom >= 16 else 3.0)
        for street in scene.streets:
            canvas.line(street, STREET, 2.6 if zoom >= 16 else 1.8)
    if zoom >= 12:
        for landmark in landmarks:
            if landmark.kind == "airport":
                _draw_runway(canvas, landmark)
    # Roads: casings of all, then fills, minor under major, so junctions look joined.
    # Expressways pass over everything else (railway included), as on printed maps.
    roads = sorted((r for r in scene.roads if not r.expressway), key=lambda r: -r.grade)
    if zoom >= 10:
        for road in roads:
            casing, fill = _road_widths(zoom, road.grade)
            if _shown(road, zoom) and casing > fill:
                colour = ROAD_CASING if road.grade == 1 else ROAD_MINOR_CASING
                canvas.line(road.points, colour, casing)
    for road in roads:
        if not _shown(road, zoom):
            continue
        _casing, fill = _road_widths(zoom, road.grade)
        canvas.line(road.points, ROAD_MAIN if road.grade == 1 else ROAD_MINOR, fill)
    if zoom >= 10:
        heavy = {13: 3.0, 14: 3.5, 15: 4.0, 16: 5.0}.get(zoom, 2.0)
        canvas.line(RAILWAY, RAILWAY_DARK, heavy)
        canvas.dashed(RAILWAY, RAILWAY_LIGHT, heavy * 0.4, 6.0 if zoom < 14 else 10.0)
    expressways = [r for r in scene.roads if r.expressway and _shown(r, zoom)]
    if zoom >= 10:
        for road in expressways:
            casing, _fill = _road_widths(zoom, road.grade)
            canvas.line(road.points, EXPRESSWAY_CASING, casing + 0.5)
    for road in expressways:
        _casing, fill = _road_widths(zoom, road.grade)
        canvas.line(road.points, EXPRESSWAY_FILL, fill + 0.5)
    if zoom >= 11:
        _draw_shields(canvas, scene, fonts)
    for label in labels:
        if canvas.near(label.x, label.y):
            canvas.text(label, fonts)


def _draw_runway(canvas: _Canvas, airport: Landmark) -> None:
    # About 2.6 km long, running a little east of north.
    half = 0.0118
    dlon = half * math.sin(math.radians(20)) / math.cos(math.radians(airport.lat))
    dlat = half * math.cos(math.radians(20))
    ends = [(airport.lat - dlat, airport.lon - dlon), (airport.lat + dlat, airport.lon + dlon)]
    width = 45 / metres_per_pixel(airport.lat, canvas.zoom)
    canvas.line(ends, RUNWAY, max(2.0, width))


def _draw_shields(canvas: _Canvas, scene: Scene, fonts: Fonts) -> None:
    """Route numbers (G98, G223, S213...) on small shields along their roads."""
    towns = [(town.lat, town.lon) for town in scene.towns]
    places: list[tuple[Road, LatLon]] = []
    for road in scene.roads:
        if not _is_route_number(road.name):
            continue  # street names ("博鳌大道") are not signposted on shields
        for fraction in SHIELD_FRACTIONS:
            point = along(road.points, fraction)
            # A shield on a town would hide its centre and label.
            if all(math.dist(point, town) > SHIELD_TOWN_CLEARANCE for town in towns):
                places.append((road, point))
    font = fonts.at(10 * SUPERSAMPLE)
    for road, point in places:
        x, y = canvas.xy(*point)
        left, top, right, bottom = font.getbbox(road.name)
        w, h = right - left, bottom - top
        pad = 3 * SUPERSAMPLE
        colour = EXPRESSWAY_CASING if road.expressway else ROAD_CASING
        canvas.draw.rounded_rectangle(
            (x - w / 2 - pad, y - h / 2 - pad, x + w / 2 + pad, y + h / 2 + pad),
            radius=pad,
            fill=colour,
            outline=HALO,
            width=SUPERSAMPLE,
        )
        canvas.draw.text((x - w / 2 - left, y - h / 2 - top), road.name, font=font, fill=HALO)


def _is_route_number(name: str) -> bool:
    """ "G98", "S213": a letter and digits (Latin, so any font draws it)."""
    return len(name) > 1 and name[0].isascii() and name[0].isalpha() and name[1:].isdigit()


# ----------------------------------------------------------------------------- tiles


def _encode(tile: Image.Image) -> bytes:
    # A palette of 64 colours loses nothing visible on flat map colours and halves the size.
    paletted = tile.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    paletted.save(out, format="PNG", optimize=True)
    return out.getvalue()


def tiles_wanted(details: Sequence[DetailArea]) -> dict[int, set[tuple[int, int]]]:
    """Which (x, y) tiles each zoom gets: the whole area up to 13, detail areas above."""
    wanted: dict[int, set[tuple[int, int]]] = {}
    for zoom in range(MIN_ZOOM, MAX_ZOOM + 1):
        boxes = (
            [AREA]
            if zoom <= AREA_MAX_ZOOM
            else [(d.west, d.south, d.east, d.north) for d in details]
        )
        cells: set[tuple[int, int]] = set()
        for west, south, east, north in boxes:
            x0, y0, x1, y1 = tile_range(west, south, east, north, zoom)
            cells.update((x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1))
        wanted[zoom] = cells
    return wanted


def render_tiles(
    scene: Scene,
    landmarks: Sequence[Landmark],
    details: Sequence[DetailArea],
    fonts: Fonts,
    zooms: Sequence[int] | None = None,
) -> Iterator[tuple[int, int, int, bytes]]:
    """Every tile of the demo map (of ``zooms`` only, if given) as XYZ ``(z, x, y, png)``,
    in a fixed order."""
    encoded: dict[bytes, bytes] = {}
    for zoom, cells in sorted(tiles_wanted(details).items()):
        if zooms is not None and zoom not in zooms:
            continue
        labels = place_labels(scene, landmarks, fonts, zoom)
        blocks = sorted({(x // BLOCK, y // BLOCK) for x, y in cells})
        for bx, by in blocks:
            inside = sorted((x, y) for x, y in cells if x // BLOCK == bx and y // BLOCK == by)
            x0, y0 = bx * BLOCK - MARGIN, by * BLOCK - MARGIN
            span = BLOCK + 2 * MARGIN
            canvas = _Canvas(zoom, x0, y0, span, span)
            _draw_block(canvas, scene, landmarks, labels, fonts)
            # A 2x2 box average: the antialiasing wanted, at a fraction of Lanczos' cost.
            image = canvas.image.reduce(SUPERSAMPLE)
            for x, y in inside:
                left, top = (x - x0) * TILE, (y - y0) * TILE
                tile = image.crop((left, top, left + TILE, top + TILE))
                pixels = tile.tobytes()
                key = hashlib.sha1(pixels, usedforsecurity=False).digest()
                if key not in encoded:  # open sea repeats hundreds of times; encode it once
                    encoded[key] = _encode(tile)
                yield zoom, x, y, encoded[key]


def build_demo_mbtiles(
    path: Path,
    scene: Scene,
    landmarks: Sequence[Landmark],
    details: Sequence[DetailArea],
    fonts: Fonts,
) -> tuple[int, int]:
    """Render the demo map and write it to ``path``. Returns (tiles, distinct images)."""
    west, south, east, north = AREA
    city = next((t for t in scene.towns if t.is_city), None)
    centre = (
        f"{city.lon},{city.lat},11" if city else f"{(west + east) / 2},{(south + north) / 2},10"
    )
    metadata = {
        "name": "Qionghai demo map",
        "description": "Simplified map of Qionghai (Hainan) drawn for the Tianmu demo; "
        "not survey data.",
        "attribution": "Tianmu demo map (simplified, not survey data)",
        "format": "png",
        "type": "baselayer",
        "version": "1",
        "bounds": f"{west},{south},{east},{north}",
        "center": centre,
        "minzoom": str(MIN_ZOOM),
        "maxzoom": str(MAX_ZOOM),
        "scheme": "tms",
    }
    return write_mbtiles(path, metadata, render_tiles(scene, landmarks, details, fonts))
