"""Where things are in the demo Qionghai: the city's box, its towns and a few landmarks.

Centres are approximations good enough for a map at city scale (WGS-84 degrees); they are
not survey data.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.geo import QIONGHAI_BBOX
from console.domain.model import GeoPoint

CITY_CODE = "469002"  # GB/T 2260 code of Qionghai
CITY_NAME = "琼海市"
CITY_CENTER = GeoPoint(19.24, 110.47)

# The city's bounding box; everything generated lies strictly inside it.
SOUTH, NORTH = QIONGHAI_BBOX.south, QIONGHAI_BBOX.north
WEST, EAST = QIONGHAI_BBOX.west, QIONGHAI_BBOX.east
_INSET = 0.002


@dataclass(frozen=True, slots=True)
class TownSpec:
    """One of the 13 towns: its ascii key, name, GB/T 10114 code, centre and how busy it is."""

    key: str
    name: str
    short: str
    code: str
    center: GeoPoint
    villages: int
    weight: float  # relative share of cameras and activity
    spread: float  # typical distance (degrees) of its villages from the centre


TOWNS: tuple[TownSpec, ...] = (
    TownSpec("jiaji", "嘉积镇", "嘉积", "469002100", GeoPoint(19.236, 110.468), 28, 9.0, 0.035),
    TownSpec("wanquan", "万泉镇", "万泉", "469002101", GeoPoint(19.197, 110.405), 18, 1.2, 0.030),
    TownSpec("shibi", "石壁镇", "石壁", "469002102", GeoPoint(19.170, 110.305), 14, 0.8, 0.030),
    TownSpec("zhongyuan", "中原镇", "中原", "469002103", GeoPoint(19.150, 110.480), 17, 1.2, 0.030),
    TownSpec("boao", "博鳌镇", "博鳌", "469002104", GeoPoint(19.160, 110.580), 16, 3.0, 0.025),
    TownSpec("yangjiang", "阳江镇", "阳江", "469002105", GeoPoint(19.080, 110.360), 14, 0.8, 0.030),
    TownSpec("longjiang", "龙江镇", "龙江", "469002106", GeoPoint(19.125, 110.335), 12, 0.8, 0.028),
    TownSpec("tanmen", "潭门镇", "潭门", "469002107", GeoPoint(19.240, 110.625), 14, 1.5, 0.022),
    TownSpec("tayang", "塔洋镇", "塔洋", "469002108", GeoPoint(19.300, 110.515), 19, 1.2, 0.030),
    TownSpec("changpo", "长坡镇", "长坡", "469002109", GeoPoint(19.360, 110.585), 21, 1.0, 0.030),
    TownSpec("dalu", "大路镇", "大路", "469002110", GeoPoint(19.375, 110.455), 18, 0.9, 0.030),
    TownSpec("huishan", "会山镇", "会山", "469002111", GeoPoint(19.010, 110.275), 12, 0.5, 0.035),
    TownSpec(
        "bincunshan",
        "彬村山华侨经济区",
        "彬村山",
        "469002400",
        GeoPoint(19.275, 110.420),
        6,
        0.6,
        0.015,
    ),
)

# Landmarks that cameras of some kinds cluster around, with the town they belong to.
QIONGHAI_STATION = (GeoPoint(19.247, 110.445), "jiaji")  # 琼海站 on the east-ring railway
BOAO_STATION = (GeoPoint(19.163, 110.556), "boao")  # 博鳌站
BOAO_AIRPORT = (GeoPoint(19.139, 110.454), "zhongyuan")  # 博鳌国际机场
BEACHES = (
    ("玉带滩", GeoPoint(19.151, 110.597), "boao"),
    ("博鳌亚洲论坛海滩", GeoPoint(19.168, 110.593), "boao"),
    ("潭门港海滩", GeoPoint(19.243, 110.640), "tanmen"),
    ("长坡青葛海滩", GeoPoint(19.345, 110.640), "changpo"),
)
# The railway crosses the city roughly north to south; points along it are interpolated.
RAILWAY_LINE = (
    GeoPoint(19.440, 110.520),
    GeoPoint(19.330, 110.480),
    GeoPoint(19.247, 110.445),
    GeoPoint(19.163, 110.556),
    GeoPoint(19.050, 110.520),
    GeoPoint(18.960, 110.470),
)


def clamp(lat: float, lon: float) -> GeoPoint:
    """The point, pulled just inside the city's box if it fell outside."""
    return GeoPoint(
        round(min(max(lat, SOUTH + _INSET), NORTH - _INSET), 6),
        round(min(max(lon, WEST + _INSET), EAST - _INSET), 6),
    )


def nearest_town(point: GeoPoint) -> TownSpec:
    return min(
        TOWNS, key=lambda t: (t.center.lat - point.lat) ** 2 + (t.center.lon - point.lon) ** 2
    )
