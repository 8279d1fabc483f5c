"""Deterministic synthetic regions and cameras for camera-tree tests and benchmarks.

The shape follows the demo city (one city, 13 towns, about 209 villages) at any camera
count. Names are Chinese, as in the field; about a fifth of the cameras are road junctions
(``路口``), which gives searches a realistic broad match. Some cameras hang directly on a town.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from console.domain.model import Camera, CameraKind, CameraStatus, GeoPoint, Region, RegionKind

TOWNS = (
    "嘉积镇", "万泉镇", "石壁镇", "中原镇", "博鳌镇", "阳江镇", "龙江镇",
    "潭门镇", "塔洋镇", "长坡镇", "大路镇", "会山镇", "彬村山华侨经济区",
)  # fmt: skip
_VILLAGE_HEADS = "东南西北上下新旧大小文龙凤石水田岭山溪湖塘坡"
_VILLAGE_TAILS = "村坡园岭洋港头湾"
_PLACES: dict[CameraKind, tuple[str, ...]] = {
    CameraKind.ROAD: ("路口",),
    CameraKind.CHECKPOINT: ("卡口",),
    CameraKind.RAILWAY: ("铁路桥", "铁路涵洞"),
    CameraKind.AIRPORT: ("机场T1航站楼", "机场停车场"),
    CameraKind.STATION: ("汽车站", "高铁站广场"),
    CameraKind.SCHOOL: ("小学门口", "中学操场"),
    CameraKind.VILLAGE: ("村委会", "文化广场", "祠堂"),
    CameraKind.BEACH: ("海滩", "码头"),
    CameraKind.MARKET: ("农贸市场", "商业街"),
    CameraKind.HOSPITAL: ("卫生院", "医院急诊"),
}
_KIND_WEIGHTS = {
    CameraKind.ROAD: 20, CameraKind.CHECKPOINT: 8, CameraKind.RAILWAY: 3,
    CameraKind.AIRPORT: 2, CameraKind.STATION: 6, CameraKind.SCHOOL: 8,
    CameraKind.VILLAGE: 28, CameraKind.BEACH: 7, CameraKind.MARKET: 10, CameraKind.HOSPITAL: 8,
}  # fmt: skip
CITY_ID = "469002000000"


@dataclass(frozen=True)
class SyntheticWorld:
    """Regions (city first), cameras, and the ids of cameras not shared with the operator."""

    regions: list[Region]
    cameras: list[Camera]
    not_shared: frozenset[str]


def make_world(
    camera_count: int = 7_500,
    *,
    villages: int = 209,
    seed: int = 7,
    offline_ratio: float = 0.12,
    not_shared_ratio: float = 0.05,
    on_town_ratio: float = 0.15,
) -> SyntheticWorld:
    rng = random.Random(seed)
    city = Region(CITY_ID, CITY_ID, "琼海市", RegionKind.CITY, None, GeoPoint(19.25, 110.47))
    towns: list[Region] = []
    for index, name in enumerate(TOWNS):
        code = f"469002{100 + index:03d}000"
        centre = GeoPoint(rng.uniform(18.95, 19.45), rng.uniform(110.20, 110.70))
        towns.append(Region(code, code, name, RegionKind.TOWN, CITY_ID, centre))
    village_regions: list[Region] = []
    used_names: set[str] = set()
    for index in range(villages):
        town = towns[index % len(towns)]
        while True:
            name = (
                rng.choice(_VILLAGE_HEADS) + rng.choice(_VILLAGE_HEADS) + rng.choice(_VILLAGE_TAILS)
            )
            if name not in used_names:
                used_names.add(name)
                break
        code = f"{town.code[:9]}{index // len(towns) + 1:03d}"
        centre = GeoPoint(town.center.lat + rng.uniform(-0.03, 0.03),
                          town.center.lon + rng.uniform(-0.03, 0.03))  # fmt: skip
        village_regions.append(Region(code, code, name, RegionKind.VILLAGE, town.id, centre))

    kinds = list(_KIND_WEIGHTS)
    weights = list(_KIND_WEIGHTS.values())
    cameras: list[Camera] = []
    not_shared: set[str] = set()
    for serial in range(1, camera_count + 1):
        kind = rng.choices(kinds, weights)[0]
        if rng.random() < on_town_ratio:
            region = towns[rng.randrange(len(towns))]
            prefix = region.name
        else:
            region = village_regions[rng.randrange(len(village_regions))]
            prefix = region.name
        place = rng.choice(_PLACES[kind])
        name = f"{prefix}{place}{rng.randint(1, 40)}号"
        camera_id = f"4690020{kinds.index(kind)}{serial % 100:02d}132{serial:07d}"
        status = CameraStatus.OFFLINE if rng.random() < offline_ratio else CameraStatus.ONLINE
        position = GeoPoint(region.center.lat + rng.uniform(-0.01, 0.01),
                            region.center.lon + rng.uniform(-0.01, 0.01))  # fmt: skip
        cameras.append(
            Camera(
                camera_id,
                name,
                kind,
                region.id,
                position,
                status,
                "dept-police",
                ptz=kind is CameraKind.ROAD,
            )  # fmt: skip
        )
        if rng.random() < not_shared_ratio:
            not_shared.add(camera_id)
    return SyntheticWorld([city, *towns, *village_regions], cameras, frozenset(not_shared))
