"""The demo Qionghai's main roads between towns, and the ANPR checkpoint sites on them.

Polylines are rough sketches (WGS-84 degrees), good enough for a city-scale map: the
expressway west of Jiaji, the old national road through the towns, the fast road to Boao
and the roads that link the outlying towns. Checkpoint cameras stand on these roads, so a
plate's track follows them. The map tiles may draw the same lines (``MAIN_ROADS``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from console.domain.geo import bearing_deg, haversine_m
from console.domain.model import GeoPoint

P = GeoPoint


@dataclass(frozen=True, slots=True)
class Road:
    key: str
    name: str  # as signposted: "G98", "博鳌大道"
    long_name: str
    points: tuple[GeoPoint, ...]
    major: bool = False  # an expressway or national road (drawn wider)


MAIN_ROADS: tuple[Road, ...] = (
    Road(
        "g98",
        "G98",
        "G98环岛高速",
        (
            P(19.445, 110.415),
            P(19.375, 110.425),
            P(19.300, 110.420),
            P(19.236, 110.415),
            P(19.190, 110.418),
            P(19.125, 110.430),
            P(19.060, 110.415),
            P(18.955, 110.390),
        ),
        major=True,
    ),
    Road(
        "g223",
        "G223",
        "G223国道",
        (
            P(19.445, 110.500),
            P(19.375, 110.462),
            P(19.300, 110.505),
            P(19.236, 110.468),
            P(19.190, 110.475),
            P(19.150, 110.480),
            P(19.060, 110.450),
            P(18.955, 110.440),
        ),
        major=True,
    ),
    Road(
        "jiabo",
        "嘉博快速路",
        "嘉积—博鳌快速路",
        (P(19.236, 110.468), P(19.215, 110.505), P(19.190, 110.540), P(19.166, 110.566)),
    ),
    Road(
        "airport",
        "机场路",
        "博鳌机场连接线",
        (P(19.139, 110.456), P(19.145, 110.468), P(19.150, 110.480)),
    ),
    Road(
        "boao",
        "博鳌大道",
        "博鳌大道",
        (
            P(19.150, 110.480),
            P(19.152, 110.520),
            P(19.158, 110.548),
            P(19.161, 110.566),
            P(19.160, 110.580),
            P(19.156, 110.588),
        ),
    ),
    Road(
        "s213",
        "S213",
        "S213省道",
        (P(19.236, 110.468), P(19.197, 110.405), P(19.170, 110.305), P(19.150, 110.215)),
    ),
    Road(
        "s303",
        "S303",
        "S303省道",
        (P(19.197, 110.405), P(19.125, 110.335), P(19.080, 110.360), P(19.010, 110.275)),
    ),
    Road(
        "jiatan",
        "嘉潭路",
        "嘉积—潭门公路",
        (P(19.236, 110.468), P(19.240, 110.540), P(19.240, 110.625)),
    ),
    Road(
        "coast",
        "滨海旅游公路",
        "滨海旅游公路",
        (
            P(19.166, 110.594),
            P(19.200, 110.612),
            P(19.240, 110.625),
            P(19.300, 110.632),
            P(19.345, 110.630),
            P(19.440, 110.650),
        ),
    ),
    Road(
        "tachang",
        "塔长路",
        "塔洋—长坡公路",
        (P(19.300, 110.505), P(19.330, 110.550), P(19.360, 110.585)),
    ),
)
ROADS_BY_KEY = {road.key: road for road in MAIN_ROADS}


@dataclass(frozen=True, slots=True)
class CheckpointSite:
    """A checkpoint (卡口) on a road: ``along`` is its place as a fraction of the road."""

    road: str
    label: str  # the checkpoint's name without the road, e.g. "嘉积收费站"
    along: float

    @property
    def name(self) -> str:
        """ "G98 嘉积收费站卡口"."""
        return f"{ROADS_BY_KEY[self.road].name} {self.label}卡口"


CHECKPOINT_SITES: tuple[CheckpointSite, ...] = (
    CheckpointSite("g98", "大路收费站", 0.14),
    CheckpointSite("g98", "嘉积收费站", 0.41),
    CheckpointSite("g98", "万泉收费站", 0.50),
    CheckpointSite("g98", "博鳌收费站", 0.65),
    CheckpointSite("g98", "琼万交界", 0.97),
    CheckpointSite("g223", "大路段", 0.13),
    CheckpointSite("g223", "塔洋段", 0.30),
    CheckpointSite("g223", "嘉积北", 0.42),
    CheckpointSite("g223", "嘉积南", 0.50),
    CheckpointSite("g223", "中原段", 0.64),
    CheckpointSite("g223", "琼万交界", 0.96),
    CheckpointSite("jiabo", "嘉积东", 0.25),
    CheckpointSite("jiabo", "博鳌西", 0.85),
    CheckpointSite("airport", "博鳌机场", 0.30),
    CheckpointSite("boao", "中原互通", 0.12),
    CheckpointSite("boao", "博鳌站", 0.62),
    CheckpointSite("boao", "东屿岛大桥", 0.95),
    CheckpointSite("s213", "万泉段", 0.30),
    CheckpointSite("s213", "石壁段", 0.70),
    CheckpointSite("s213", "琼屯交界", 0.97),
    CheckpointSite("s303", "龙江段", 0.38),
    CheckpointSite("s303", "阳江段", 0.62),
    CheckpointSite("s303", "会山段", 0.92),
    CheckpointSite("jiatan", "潭门西", 0.75),
    CheckpointSite("coast", "潭门", 0.33),
    CheckpointSite("coast", "长坡", 0.62),
    CheckpointSite("tachang", "长坡西", 0.80),
)


@dataclass(frozen=True, slots=True)
class RoadPoint:
    """A point on a road and the road's bearing there (in the road's drawing direction)."""

    position: GeoPoint
    bearing_deg: float


def point_along(road: Road, fraction: float) -> RoadPoint:
    """The point ``fraction`` of the way along ``road`` (0 = first point, 1 = last)."""
    legs = list(zip(road.points, road.points[1:], strict=False))
    lengths = [haversine_m(a, b) for a, b in legs]
    target = min(max(fraction, 0.0), 1.0) * sum(lengths)
    for (start, end), length in zip(legs, lengths, strict=True):
        if target <= length or (start, end) == legs[-1]:
            t = 0.0 if length == 0 else min(1.0, target / length)
            position = GeoPoint(
                start.lat + t * (end.lat - start.lat), start.lon + t * (end.lon - start.lon)
            )
            return RoadPoint(position, bearing_deg(start, end))
        target -= length
    raise ValueError(f"road {road.key} has no legs")


def offset(point: GeoPoint, bearing: float, metres: float) -> GeoPoint:
    """``point`` moved ``metres`` towards ``bearing`` (flat approximation, fine for metres)."""
    north = metres * math.cos(math.radians(bearing))
    east = metres * math.sin(math.radians(bearing))
    dlat = north / 111_195.0
    dlon = east / (111_195.0 * math.cos(math.radians(point.lat)))
    return GeoPoint(round(point.lat + dlat, 6), round(point.lon + dlon, 6))


# The guarded route of the demo: from Boao airport along the airport road and 博鳌大道 to
# the forum's island (东屿岛), as driven by delegations arriving for the annual conference.
BOAO_ROUTE_PATH: tuple[GeoPoint, ...] = (
    *ROADS_BY_KEY["airport"].points,
    *ROADS_BY_KEY["boao"].points[1:],
    P(19.1545, 110.5915),
)
