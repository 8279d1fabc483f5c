"""What the offline demo map of Qionghai shows: coast, rivers, roads, railway and towns.

Simple hand-drawn shapes, not survey data: the coast and the Wanquan river follow the real
city closely enough to recognise, and are placed so that the demo world's towns, beaches,
stations, roads and cameras (``console.server.demo``) sit where a viewer expects them: towns
on land, beaches at the water, rivers clear of the roads. The towns, villages and main roads
are passed in by the caller (scripts/make_demo_tiles.py), so this module does not depend on
the server's demo package and the map draws exactly the roads the server's checkpoints use.

Every point is (lat, lon) in WGS-84 degrees.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

LatLon = tuple[float, float]

# The area the demo map covers (west, south, east, north), a little wider than the city.
AREA = (110.20, 18.90, 110.72, 19.60)

# The coast from north to south; the sea lies east of it. Tanmen's harbour and the sand spit
# of Yudai beach (玉带滩) in front of the Boao lagoon are the two features worth drawing.
COAST: tuple[LatLon, ...] = (
    # Beyond the city only the outline of the island matters (low zooms show it).
    (20.000, 109.600),
    (20.060, 110.150),
    (20.050, 110.400),
    (19.980, 110.560),
    (20.160, 110.700),
    (19.950, 110.950),
    (19.650, 111.030),
    (19.600, 110.870),
    (19.540, 110.760),
    (19.480, 110.672),
    # East of Changpo the coast keeps clear of the server's coast road (滨海旅游公路).
    (19.440, 110.662),
    (19.410, 110.655),
    (19.380, 110.648),
    (19.360, 110.644),
    (19.345, 110.652),
    (19.325, 110.644),
    (19.300, 110.634),
    (19.280, 110.636),
    (19.262, 110.648),
    (19.250, 110.668),
    (19.236, 110.672),
    (19.222, 110.663),
    (19.200, 110.656),
    (19.185, 110.630),
    (19.172, 110.619),
    (19.150, 110.617),
    (19.130, 110.608),
    (19.115, 110.598),
    (19.100, 110.586),
    (19.080, 110.547),
    (19.060, 110.531),
    (19.020, 110.518),
    (19.000, 110.506),
    (18.980, 110.496),
    (18.960, 110.484),
    (18.900, 110.462),
    (18.800, 110.440),
    (18.650, 110.400),
    (18.500, 110.100),
    (18.300, 109.800),
    (18.200, 109.500),
    (18.300, 109.000),
)


def land_outline() -> tuple[LatLon, ...]:
    """The island: the coast closed round its west side."""
    return (*COAST, (18.600, 108.500), (19.600, 108.500))


# Tanmen's harbour (潭门港): an inlet reaching in to the town's beach.
HARBOUR: tuple[LatLon, ...] = (
    (19.2470, 110.6800),
    (19.2465, 110.6500),
    (19.2445, 110.6475),
    (19.2420, 110.6480),
    (19.2400, 110.6540),
    (19.2385, 110.6800),
)

# The Boao lagoon (the river mouth, 沙美内海 in miniature) behind the Yudai spit (玉带滩).
LAGOON: tuple[LatLon, ...] = (
    (19.176, 110.6065),
    (19.170, 110.6100),
    (19.155, 110.6105),
    (19.140, 110.6095),
    (19.134, 110.6075),
    (19.140, 110.6060),
    (19.160, 110.6060),
)
# Where the lagoon meets the sea, cut through the spit.
LAGOON_MOUTH: tuple[LatLon, ...] = (
    (19.1455, 110.6080),
    (19.1455, 110.6250),
    (19.1415, 110.6250),
    (19.1415, 110.6080),
)
# The Wanquan river (万泉河): two head streams meet west of Wanquan town, then the river runs
# past Jiaji to the Boao lagoon. Widths are metres, so the river grows with the zoom.
RIVERS: tuple[tuple[str, float, tuple[LatLon, ...]], ...] = (
    (
        "万泉河",
        180.0,
        (
            (19.140, 110.330),
            (19.170, 110.362),
            (19.195, 110.392),
            (19.208, 110.420),
            (19.222, 110.445),
            (19.226, 110.468),
            # Below Jiaji the river keeps north of the Jiaji–Boao road (嘉博快速路), which
            # crosses it once just outside the town instead of running along its bank.
            (19.226, 110.490),
            (19.218, 110.515),
            (19.205, 110.540),
            (19.190, 110.556),
            (19.176, 110.568),
            (19.166, 110.580),
            (19.162, 110.590),
            (19.159, 110.598),
            (19.158, 110.607),
        ),
    ),
    (
        "",
        90.0,
        (
            (18.985, 110.215),
            (19.010, 110.262),
            (19.050, 110.288),
            (19.090, 110.312),
            (19.140, 110.330),
        ),
    ),
    (
        "",
        90.0,
        (
            (19.210, 110.205),
            (19.190, 110.250),
            (19.170, 110.290),
            (19.140, 110.330),
        ),
    ),
    (
        "九曲江",
        60.0,
        (
            (19.060, 110.470),
            (19.100, 110.520),
            (19.125, 110.560),
            (19.134, 110.590),
            (19.136, 110.607),
        ),
    ),
)

# The east-ring high-speed railway; the same line the demo world places its cameras on.
RAILWAY: tuple[LatLon, ...] = (
    (20.020, 110.680),
    (19.440, 110.520),
    (19.330, 110.480),
    (19.247, 110.445),
    (19.163, 110.556),
    (19.050, 110.520),
    (18.960, 110.470),
    (18.800, 110.405),
    (18.550, 110.150),
)


@dataclass(frozen=True)
class Town:
    """A town to draw: where it is, its name, and how big its built-up area is (degrees)."""

    name: str
    lat: float
    lon: float
    radius: float
    is_city: bool = False
    latin: str = ""  # shown instead of ``name`` when no font with Chinese glyphs is installed


@dataclass(frozen=True)
class Village:
    """A village drawn as a hamlet joined to its town by a lane."""

    name: str
    lat: float
    lon: float
    town: str  # key of its town


@dataclass(frozen=True)
class Road:
    """A road: ``grade`` 1 is a national road, 2 a provincial or county road, 3 a lane.

    ``name`` is the signposted name ("G98", "博鳌大道"); route numbers get a shield on the map.
    """

    name: str
    grade: int
    points: tuple[LatLon, ...]
    expressway: bool = False


@dataclass(frozen=True)
class Scene:
    towns: tuple[Town, ...]
    roads: tuple[Road, ...]
    streets: tuple[tuple[LatLon, ...], ...] = field(default=())
    villages: tuple[Village, ...] = field(default=())


# Where the main roads go beyond the city, keyed by signposted name: (points before the
# road's first point, points after its last). Only the island-scale zooms show them; the
# roads inside the city are the caller's, untouched, so checkpoints stay on them.
_BEYOND_CITY: dict[str, tuple[tuple[LatLon, ...], tuple[LatLon, ...]]] = {
    "G98": (((20.020, 110.330), (19.700, 110.410)), ((18.800, 110.370), (18.550, 110.120))),
    "G223": (((19.980, 110.520), (19.700, 110.560)), ((18.800, 110.425), (18.550, 110.190))),
    "S213": ((), ((19.180, 110.050),)),
    "S303": ((), ((18.900, 110.150),)),
}

# A town farther than this (degrees) from every main road gets a road of its own to the
# nearest one; so does the end of a named road that stops short of another road, if the
# other road is at most _JOIN_MAX away (farther, the road simply ends in the countryside).
_JOIN_MIN = 0.0015  # about 150 m
_JOIN_MAX = 0.014  # about 1.5 km


def build_scene(
    towns: dict[str, Town],
    villages: Sequence[Village] = (),
    main_roads: Sequence[Road] = (),
) -> Scene:
    """The scene for ``towns`` (keyed like the demo world's towns: "jiaji", "boao", ...),
    their ``villages`` and the city's ``main_roads``.

    The main roads are drawn exactly as given: they are the demo server's roads
    (``console.server.demo.roads.MAIN_ROADS``, passed in by scripts/make_demo_tiles.py since
    console.map may not import the server), and its checkpoint cameras and vehicle tracks
    must lie on the drawn lines. The scene only adds what the server has no use for: the
    roads' continuations beyond the city, links from towns off the main roads and from road
    ends that stop just short of another road, and the lanes to the villages.
    """
    roads = [_beyond_city(road) for road in main_roads]
    roads.extend(_links(towns, main_roads))
    roads.extend(_lanes(towns, villages))
    streets = tuple(
        street for town in towns.values() if town.radius >= 0.009 for street in _grid_streets(town)
    )
    return Scene(
        towns=tuple(towns.values()),
        roads=tuple(roads),
        streets=streets,
        villages=tuple(villages),
    )


def _beyond_city(road: Road) -> Road:
    before, after = _BEYOND_CITY.get(road.name, ((), ()))
    return replace(road, points=(*before, *road.points, *after))


def _links(towns: dict[str, Town], main_roads: Sequence[Road]) -> list[Road]:
    """County roads from each town centre off the main roads, and from each loose end of a
    named main road, to the nearest point of another main road (the demo server's roads
    bypass a few towns and stop short of each other near Boao)."""
    # (where the link starts, the roads it may lead to, the longest link worth drawing)
    starts: list[tuple[LatLon, Sequence[Road], float]] = [
        ((town.lat, town.lon), main_roads, math.inf) for _key, town in sorted(towns.items())
    ]
    for road in main_roads:
        if road.name and len(road.points) > 1:
            others = [other for other in main_roads if other is not road]
            starts.extend((end, others, _JOIN_MAX) for end in (road.points[0], road.points[-1]))
    links = []
    for start, targets, longest in starts:
        nearest = [_nearest_on(start, road.points) for road in targets if len(road.points) > 1]
        if not nearest:
            continue
        target = min(nearest, key=lambda point: _distance(start, point))
        if _JOIN_MIN < _distance(start, target) <= longest:
            links.append(Road("", 2, (start, *_bend(start, target), target)))
    return links


def _nearest_on(point: LatLon, polyline: Sequence[LatLon]) -> LatLon:
    """The point of ``polyline`` nearest to ``point`` (plane geometry, as in ``_distance``)."""
    best, best_distance = polyline[0], math.inf
    scale = 0.946  # longitude degrees are shorter by cos(19°)
    for (lat1, lon1), (lat2, lon2) in zip(polyline, polyline[1:], strict=False):
        dy, dx = lat2 - lat1, (lon2 - lon1) * scale
        length2 = dy * dy + dx * dx
        t = 0.0
        if length2 > 0:
            py, px = point[0] - lat1, (point[1] - lon1) * scale
            t = min(1.0, max(0.0, (py * dy + px * dx) / length2))
        candidate = (lat1 + t * (lat2 - lat1), lon1 + t * (lon2 - lon1))
        distance = _distance(point, candidate)
        if distance < best_distance:
            best, best_distance = candidate, distance
    return best


def _lanes(towns: dict[str, Town], villages: Sequence[Village]) -> list[Road]:
    """Lanes joining each town's villages into a tree: nearest villages to the town first, each
    village joined to whichever is closest of the town and the villages already joined (a
    star of lanes all running into the town centre looks drawn by a machine)."""
    lanes = []
    for key, town in sorted(towns.items()):
        own = sorted(
            (v for v in villages if v.town == key),
            key=lambda v: _distance((v.lat, v.lon), (town.lat, town.lon)),
        )
        joined: list[LatLon] = [(town.lat, town.lon)]
        for village in own:
            start = (village.lat, village.lon)
            end = min(joined, key=lambda point: _distance(start, point))
            lanes.append(Road("", 3, (start, *_bend(start, end), end)))
            joined.append(start)
    return lanes


def _distance(a: LatLon, b: LatLon) -> float:
    # Plane distance in latitude degrees; longitude degrees are shorter by cos(19°).
    return math.hypot(a[0] - b[0], (a[1] - b[1]) * 0.946)


def _bend(start: LatLon, end: LatLon) -> list[LatLon]:
    """Two points between ``start`` and ``end``, pushed sideways a little (an S-curve)."""
    (lat1, lon1), (lat2, lon2) = start, end
    dlat, dlon = lat2 - lat1, lon2 - lon1
    # A perpendicular nudge of about 4 % of the length, one way then the other.
    nlat, nlon = -dlon * 0.04, dlat * 0.04
    return [
        (lat1 + dlat / 3 + nlat, lon1 + dlon / 3 + nlon),
        (lat1 + 2 * dlat / 3 - nlat, lon1 + 2 * dlon / 3 - nlon),
    ]


def _grid_streets(town: Town) -> tuple[tuple[LatLon, ...], ...]:
    """A loose street grid over a large town's built-up area (visible from zoom 14)."""
    streets: list[tuple[LatLon, ...]] = []
    half = town.radius * 0.8
    step = 0.004 if town.is_city else 0.003
    count = int(2 * half / step)
    for index in range(count + 1):
        offset = -half + index * step
        # Slightly skewed so the grid does not look ruled onto the tiles.
        streets.append(
            ((town.lat - half, town.lon + offset - 0.002), (town.lat + half, town.lon + offset))
        )
        streets.append(
            ((town.lat + offset, town.lon - half), (town.lat + offset + 0.001, town.lon + half))
        )
    return tuple(streets)
