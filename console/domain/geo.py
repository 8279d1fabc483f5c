"""Plane-free geometry on WGS-84 points: boxes, distances, bearings, paths, nearest
neighbours, cameras toward a point, GCJ-02.

Tianmu keeps every coordinate in WGS-84. Chinese web maps (AMap/Gaode, Tencent) draw on
GCJ-02, a published obfuscation that shifts points by a few hundred metres; a layer drawn
on such tiles converts at the edge with ``wgs84_to_gcj02`` and reads clicks back with
``gcj02_to_wgs84``.
"""

from __future__ import annotations

import enum
import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from console.domain.model import Camera, GeoPoint

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


# ----------------------------------------------------------------------------- bearings and paths


def bearing_deg(a: GeoPoint, b: GeoPoint) -> float:
    """Initial great-circle bearing from ``a`` to ``b``: degrees clockwise from north, [0, 360)."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlon = math.radians(b.lon - a.lon)
    x = math.sin(dlon) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(dlon)
    return math.degrees(math.atan2(x, y)) % 360.0


def angle_between(a_deg: float, b_deg: float) -> float:
    """The smaller angle between two bearings, in [0, 180]."""
    difference = abs(a_deg - b_deg) % 360.0
    return min(difference, 360.0 - difference)


@dataclass(frozen=True, slots=True)
class PathPosition:
    """Where a point lies relative to a path: how far off it, and how far along it."""

    off_m: float  # distance to the nearest point of the path
    along_m: float  # path length from its start to that nearest point


def path_position(point: GeoPoint, path: Sequence[GeoPoint]) -> PathPosition:
    """The point's distance from a polyline and its position along it.

    Each segment is measured in a flat projection around ``point`` (metres east and north);
    for paths of a few kilometres near the point this is within a fraction of a percent.
    """
    if not path:
        raise ValueError("a path needs at least one point")
    metres_per_deg_lat = math.radians(1.0) * EARTH_MEAN_RADIUS_M
    metres_per_deg_lon = metres_per_deg_lat * math.cos(math.radians(point.lat))

    def flat(p: GeoPoint) -> tuple[float, float]:
        return (p.lon - point.lon) * metres_per_deg_lon, (p.lat - point.lat) * metres_per_deg_lat

    best = PathPosition(off_m=math.hypot(*flat(path[0])), along_m=0.0)
    walked = 0.0
    for start, end in zip(path, path[1:], strict=False):
        (x1, y1), (x2, y2) = flat(start), flat(end)
        dx, dy = x2 - x1, y2 - y1
        length_sq = dx * dx + dy * dy
        # The segment's point nearest the origin (our point), clamped to the segment.
        t = 0.0 if length_sq == 0.0 else min(1.0, max(0.0, -(x1 * dx + y1 * dy) / length_sq))
        off = math.hypot(x1 + t * dx, y1 + t * dy)
        length = math.sqrt(length_sq)
        if off < best.off_m:
            best = PathPosition(off_m=off, along_m=walked + t * length)
        walked += length
    return best


# ----------------------------------------------------------------------------- cameras toward a point


class Sight(enum.IntEnum):
    """Whether a camera's field of view takes in a point; lower sorts first."""

    FACING = 0  # the point lies inside the field of view
    ANYWHERE = 1  # no heading known, or a PTZ camera that can be turned to it
    AWAY = 2  # a fixed camera looking elsewhere


DEFAULT_FOV_DEG = 60.0
"""The field of view assumed for a camera with a heading but no stated width."""

_SAME_SPOT_M = 5.0  # closer than this the bearing means nothing: the camera sees the point


@dataclass(frozen=True, slots=True)
class RankedCamera:
    camera: Camera
    distance_m: float
    sight: Sight


def sight_of(camera: Camera, point: GeoPoint, distance_m: float) -> Sight:
    """How ``camera`` sees ``point`` (at ``distance_m``) given its heading and field of view."""
    if distance_m < _SAME_SPOT_M:
        return Sight.FACING
    if camera.heading_deg is not None:
        half_width = (camera.fov_deg or DEFAULT_FOV_DEG) / 2.0
        off_axis = angle_between(camera.heading_deg, bearing_deg(camera.position, point))
        if off_axis <= half_width:
            return Sight.FACING
    if camera.heading_deg is None or camera.ptz:
        return Sight.ANYWHERE
    return Sight.AWAY


def cameras_toward(
    point: GeoPoint, cameras: Iterable[Camera], n: int, max_m: float
) -> list[RankedCamera]:
    """The ``n`` cameras within ``max_m`` best placed to show ``point``, best first.

    The ranking key is ``(sees, distance, sight)``: first every camera that can show the
    point — it lies in the field of view (FACING), or the camera has no known heading or can
    be turned (ANYWHERE) — nearest first, and at equal distance a FACING camera before an
    ANYWHERE one; after them the fixed cameras looking away (AWAY), nearest first. A camera
    looking away never outranks one that can show the point, however close it is.
    """
    if n <= 0:
        return []
    ranked = []
    for camera in cameras:
        metres = haversine_m(point, camera.position)
        if metres <= max_m:
            ranked.append(RankedCamera(camera, metres, sight_of(camera, point, metres)))
    return heapq.nsmallest(
        n, ranked, key=lambda r: (r.sight is Sight.AWAY, r.distance_m, int(r.sight))
    )


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
