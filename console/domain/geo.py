"""Plane-free geometry on WGS-84 points: boxes, distances, nearest neighbours, GCJ-02.

Tianmu keeps every coordinate in WGS-84. Chinese web maps (AMap/Gaode, Tencent) draw on
GCJ-02, a published obfuscation that shifts points by a few hundred metres; a layer drawn
on such tiles converts at the edge with ``wgs84_to_gcj02`` and reads clicks back with
``gcj02_to_wgs84``.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from console.domain.model import GeoPoint

EARTH_MEAN_RADIUS_M = 6_371_008.8  # IUGG mean radius; haversine error stays below 0.5 %

K = TypeVar("K")


# ----------------------------------------------------------------------------- boxes


@dataclass(frozen=True, slots=True)
class BBox:
    """A longitude/latitude rectangle: west, south, east, north, in degrees.

    Boxes do not cross the antimeridian (west <= east); none of ours come near it.
    """

    west: float
    south: float
    east: float
    north: float

    def __post_init__(self) -> None:
        values = (self.west, self.south, self.east, self.north)
        if not all(math.isfinite(value) for value in values):
            raise ValueError(f"bbox edges must be finite numbers, got {values}")
        if not (-180.0 <= self.west <= self.east <= 180.0):
            raise ValueError(f"need -180 <= west <= east <= 180, got {self.west}, {self.east}")
        if not (-90.0 <= self.south <= self.north <= 90.0):
            raise ValueError(f"need -90 <= south <= north <= 90, got {self.south}, {self.north}")

    @classmethod
    def from_string(cls, text: str) -> BBox:
        """Parse ``"west,south,east,north"`` (the order of API ``bbox`` query parameters)."""
        parts = text.split(",")
        if len(parts) != 4:
            raise ValueError(f"a bbox is 'west,south,east,north', got {text!r}")
        try:
            west, south, east, north = (float(part) for part in parts)
        except ValueError:
            raise ValueError(f"bbox edges must be numbers, got {text!r}") from None
        return cls(west, south, east, north)

    def to_string(self) -> str:
        return f"{self.west},{self.south},{self.east},{self.north}"

    def contains(self, point: GeoPoint) -> bool:
        """True when ``point`` lies inside or on the edge."""
        return self.west <= point.lon <= self.east and self.south <= point.lat <= self.north

    @property
    def center(self) -> GeoPoint:
        return GeoPoint(lat=(self.south + self.north) / 2, lon=(self.west + self.east) / 2)

    def expanded(self, degrees: float) -> BBox:
        """This box grown by ``degrees`` on every side, clamped to the globe."""
        return BBox(
            west=max(-180.0, self.west - degrees),
            south=max(-90.0, self.south - degrees),
            east=min(180.0, self.east + degrees),
            north=min(90.0, self.north + degrees),
        )


QIONGHAI_BBOX = BBox(west=110.20, south=18.95, east=110.70, north=19.45)
"""Roughly the city of Qionghai, Hainan: the demo world lives inside it."""


# ----------------------------------------------------------------------------- distances


def haversine_m(a: GeoPoint, b: GeoPoint) -> float:
    """Great-circle distance between two points in metres (spherical Earth)."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    half_dlat = (lat2 - lat1) / 2
    half_dlon = math.radians(b.lon - a.lon) / 2
    h = math.sin(half_dlat) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(half_dlon) ** 2
    # min() guards asin against rounding just above 1 for antipodal points.
    return 2 * EARTH_MEAN_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def nearest(
    origin: GeoPoint,
    candidates: Iterable[tuple[K, GeoPoint]],
    n: int,
    *,
    within_m: float | None = None,
) -> list[tuple[K, float]]:
    """The ``n`` candidates closest to ``origin`` as ``(id, metres)``, nearest first.

    ``within_m`` drops candidates farther than that. Equal distances keep input order.
    """
    if n <= 0:
        return []
    measured = ((key, haversine_m(origin, point)) for key, point in candidates)
    if within_m is not None:
        limit = within_m
        measured = ((key, metres) for key, metres in measured if metres <= limit)
    return heapq.nsmallest(n, measured, key=lambda item: item[1])


# ----------------------------------------------------------------------------- GCJ-02

_KRASOVSKY_A = 6_378_245.0  # semi-major axis the GCJ-02 formula is built on
_KRASOVSKY_EE = 0.00669342162296594323  # its first eccentricity squared

# A coarse rectangle around China; outside it GCJ-02 equals WGS-84.
_CHINA = BBox(west=72.004, south=0.8293, east=137.8347, north=55.8271)

# 1e-9 degrees is about 0.1 mm: far below anything a map can show.
_INVERSE_TOLERANCE_DEG = 1e-9
_INVERSE_MAX_STEPS = 30


def in_china(point: GeoPoint) -> bool:
    """True inside the rectangle where GCJ-02 applies (coarse: includes neighbours)."""
    return _CHINA.contains(point)


def _offset_north_m(x: float, y: float) -> float:
    """Northward shift in (pseudo-)metres at ``x`` = lon - 105, ``y`` = lat - 35."""
    base = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ripples = (
        20.0 * math.sin(6.0 * math.pi * x)
        + 20.0 * math.sin(2.0 * math.pi * x)
        + 20.0 * math.sin(math.pi * y)
        + 40.0 * math.sin(math.pi * y / 3.0)
        + 160.0 * math.sin(math.pi * y / 12.0)
        + 320.0 * math.sin(math.pi * y / 30.0)
    )
    return base + ripples * 2.0 / 3.0


def _offset_east_m(x: float, y: float) -> float:
    """Eastward shift in (pseudo-)metres at ``x`` = lon - 105, ``y`` = lat - 35."""
    base = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ripples = (
        20.0 * math.sin(6.0 * math.pi * x)
        + 20.0 * math.sin(2.0 * math.pi * x)
        + 20.0 * math.sin(math.pi * x)
        + 40.0 * math.sin(math.pi * x / 3.0)
        + 150.0 * math.sin(math.pi * x / 12.0)
        + 300.0 * math.sin(math.pi * x / 30.0)
    )
    return base + ripples * 2.0 / 3.0


def _gcj_shift_deg(lat: float, lon: float) -> tuple[float, float]:
    """The (dlat, dlon) in degrees that GCJ-02 adds at a WGS-84 point."""
    north_m = _offset_north_m(lon - 105.0, lat - 35.0)
    east_m = _offset_east_m(lon - 105.0, lat - 35.0)
    phi = math.radians(lat)
    w = 1.0 - _KRASOVSKY_EE * math.sin(phi) ** 2
    meridian_radius = _KRASOVSKY_A * (1.0 - _KRASOVSKY_EE) / (w * math.sqrt(w))
    parallel_radius = _KRASOVSKY_A / math.sqrt(w) * math.cos(phi)
    return math.degrees(north_m / meridian_radius), math.degrees(east_m / parallel_radius)


def wgs84_to_gcj02(point: GeoPoint) -> GeoPoint:
    """The GCJ-02 coordinates of a WGS-84 point (unchanged outside China)."""
    if not in_china(point):
        return point
    dlat, dlon = _gcj_shift_deg(point.lat, point.lon)
    return GeoPoint(lat=point.lat + dlat, lon=point.lon + dlon)


def gcj02_to_wgs84(point: GeoPoint) -> GeoPoint:
    """The WGS-84 point whose GCJ-02 image is ``point``, found by fixed-point iteration.

    The shift changes slowly with position, so each step ``guess += target - f(guess)``
    shrinks the error by orders of magnitude; a few steps reach sub-millimetre.
    """
    if not in_china(point):
        return point
    lat, lon = point.lat, point.lon
    for _ in range(_INVERSE_MAX_STEPS):
        image = wgs84_to_gcj02(GeoPoint(lat=lat, lon=lon))
        err_lat, err_lon = point.lat - image.lat, point.lon - image.lon
        lat, lon = lat + err_lat, lon + err_lon
        if abs(err_lat) < _INVERSE_TOLERANCE_DEG and abs(err_lon) < _INVERSE_TOLERANCE_DEG:
            break
    return GeoPoint(lat=lat, lon=lon)
