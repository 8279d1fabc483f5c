"""Labels on the demo map: which font, which names, and where they go without overlapping.

Placement is decided once per zoom in global pixels, so every block of tiles draws the same
labels at the same places and a label crossing a tile edge is never cut or doubled.
"""

from __future__ import annotations

import functools
import math
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

from console.map.demo_scene import RIVERS, LatLon, Scene
from console.map.demo_style import TEXT, TOWN_TEXT, WATER_TEXT, Colour
from console.map.webmercator import world_pixel


@dataclass(frozen=True)
class Landmark:
    """A named place drawn as a dot and a label from ``min_zoom``: station, airport, beach."""

    name: str
    lat: float
    lon: float
    kind: str  # "station" | "airport" | "beach"
    min_zoom: int = 12
    latin: str = ""


@dataclass(frozen=True)
class Fonts:
    """The font file for labels; ``cjk`` False means names must be given in Latin letters."""

    path: str
    index: int
    cjk: bool

    def at(self, size: int) -> ImageFont.FreeTypeFont:
        return _font(self.path, self.index, size)


@functools.lru_cache(maxsize=32)
def _font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    # Loading a CJK collection costs milliseconds; labels ask for the same few sizes often.
    return ImageFont.truetype(path, size, index=index)


def find_fonts() -> Fonts:
    """A font with Chinese glyphs when one is installed (Noto Sans CJK SC preferred), else
    DejaVu Sans (then the map shows Latin names)."""
    try:
        listing = subprocess.run(
            ["fc-list", ":lang=zh", "file", "family", "style"],  # noqa: S607 - fontconfig tool
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        listing = ""
    candidates = sorted(
        line.split(":")[0]
        for line in listing.splitlines()
        if "Sans CJK" in line and "Regular" in line and "Mono" not in line
    )
    for path in candidates:
        for index in range(8):
            try:
                family = ImageFont.truetype(path, 12, index=index).getname()[0] or ""
            except OSError:
                break
            if family.endswith(" SC"):
                return Fonts(path, index, cjk=True)
    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    ):
        if Path(path).is_file():
            return Fonts(path, 0, cjk=False)
    raise FileNotFoundError("no usable font found (install fonts-noto-cjk or fonts-dejavu-core)")


@dataclass(frozen=True)
class Label:
    """One label placed at a zoom; ``dot`` draws a point at the anchor and the text beside it."""

    text: str
    x: float  # global pixel of the anchor at the label's zoom
    y: float
    size: int
    colour: Colour
    dot: bool


def place_labels(
    scene: Scene, landmarks: Sequence[Landmark], fonts: Fonts, zoom: int
) -> list[Label]:
    """Labels for ``zoom``, most important first, dropping any that would overlap another."""
    wanted: list[Label] = []
    if zoom <= 9:
        city = next((t for t in scene.towns if t.is_city), None)
        if city is not None:
            x, y = world_pixel(city.lat, city.lon, zoom)
            wanted.append(Label(_city_name(fonts), x, y, 15, TOWN_TEXT, True))
    else:
        for town in sorted(scene.towns, key=lambda t: (not t.is_city, t.name)):
            x, y = world_pixel(town.lat, town.lon, zoom)
            size = 13 + (3 if town.is_city else 0) + max(0, zoom - 12)
            wanted.append(
                Label(_name(town.name, town.latin, fonts), x, y, size, TOWN_TEXT, zoom < 12)
            )
    for landmark in landmarks:
        if zoom >= landmark.min_zoom:
            x, y = world_pixel(landmark.lat, landmark.lon, zoom)
            colour = WATER_TEXT if landmark.kind == "beach" else TEXT
            wanted.append(
                Label(_name(landmark.name, landmark.latin, fonts), x, y, 11, colour, True)
            )
    if zoom >= 13 and fonts.cjk:
        for village in sorted(scene.villages, key=lambda v: v.name):
            x, y = world_pixel(village.lat, village.lon, zoom)
            wanted.append(Label(_village_name(village.name), x, y, 11, TEXT, False))
    if zoom >= 12:
        for name, _width, points in RIVERS:
            if name:
                lat, lon = along(points, 0.45)
                x, y = world_pixel(lat, lon, zoom)
                wanted.append(Label(_river_name(name, fonts), x, y, 12, WATER_TEXT, False))
    placed: list[Label] = []
    boxes: list[tuple[float, float, float, float]] = []
    for label in wanted:
        box = _label_box(label, fonts)
        if any(_overlap(box, other) for other in boxes):
            continue
        placed.append(label)
        boxes.append(box)
    return placed


def _name(chinese: str, latin: str, fonts: Fonts) -> str:
    return chinese if fonts.cjk or not latin else latin


def _village_name(name: str) -> str:
    # "银岭村委会" is the committee; the map names the village, "银岭村".
    return name.removesuffix("委会") if name.endswith("村委会") else name


def _city_name(fonts: Fonts) -> str:
    return "琼海市" if fonts.cjk else "Qionghai"


def _river_name(name: str, fonts: Fonts) -> str:
    latin = {"万泉河": "Wanquan River", "九曲江": "Jiuqu River"}
    return name if fonts.cjk else latin.get(name, name)


def _label_box(label: Label, fonts: Fonts) -> tuple[float, float, float, float]:
    font = fonts.at(label.size)
    left, top, right, bottom = font.getbbox(label.text)
    width, height = right - left, bottom - top
    x, y = text_origin(label, width, height)
    pad = 4
    return x - pad, y - pad, x + width + pad, y + height + pad


def text_origin(label: Label, width: float, height: float) -> tuple[float, float]:
    # A label with a dot sits to the dot's right; one without is centred on its anchor.
    if label.dot:
        return label.x + 6, label.y - height / 2 - 2
    return label.x - width / 2, label.y - height / 2 - 2


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def along(points: Sequence[LatLon], fraction: float) -> LatLon:
    """The point ``fraction`` of the way along a polyline (by vertex-to-vertex length)."""
    lengths = [math.dist(a, b) for a, b in zip(points, points[1:], strict=False)]
    target = sum(lengths) * fraction
    for (a, b), length in zip(zip(points, points[1:], strict=False), lengths, strict=True):
        if target <= length and length > 0:
            t = target / length
            return a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
        target -= length
    return points[-1]
