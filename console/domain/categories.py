"""The category catalogue: major (大类) and minor (小类) categories with their time limits.

An incident's ``category`` is a minor code; its major follows from the catalogue. Minor codes
match the alert kinds where both exist, so an incident promoted from a smoke alert and one
raised by hand share a category. Each category carries its time limit (``SlaPolicy``), the
department whose units normally lead it (a department code such as ``police``), and the grid
level that answers for it first (``start_level``), from which escalation climbs.

Names are the catalogue's own Chinese names; the console shows its translated labels by code.
Unknown codes (from an older or newer peer) fall back to ``other``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from console.domain.sla import GridLevel, SlaPolicy

OTHER = "other"


@dataclass(frozen=True, slots=True)
class Category:
    """A minor category with what it implies."""

    code: str
    major: str
    name: str
    policy: SlaPolicy
    lead_department: str
    start_level: GridLevel

    @property
    def major_name(self) -> str:
        return MAJORS[self.major]


MAJORS: Mapping[str, str] = {
    "public_safety": "公共安全",
    "city_appearance": "市容环境",
    "traffic": "交通秩序",
    "facilities": "公共设施",
    OTHER: "其他",
}


def _hours(value: float) -> SlaPolicy:
    return SlaPolicy(handle=timedelta(hours=value))


CATEGORIES: tuple[Category, ...] = (
    Category("smoke_fire", "public_safety", "烟火", _hours(1), "fire_rescue", GridLevel.TOWN),
    Category("crowd", "public_safety", "人员聚集", _hours(2), "police", GridLevel.TOWN),
    Category(
        "street_vendor",
        "city_appearance",
        "占道经营",
        _hours(4),
        "urban_management",
        GridLevel.VILLAGE,
    ),
    Category(
        "garbage", "city_appearance", "暴露垃圾", _hours(24), "urban_management", GridLevel.GROUP
    ),
    Category("illegal_parking", "traffic", "违章停车", _hours(2), "police", GridLevel.VILLAGE),
    Category("road_hazard", "traffic", "道路隐患", _hours(4), "transport", GridLevel.VILLAGE),
    Category(
        "facility_damage",
        "facilities",
        "公共设施损坏",
        _hours(48),
        "urban_management",
        GridLevel.VILLAGE,
    ),
    Category(OTHER, OTHER, "其他", _hours(72), "urban_management", GridLevel.HOUSEHOLD),
)

_BY_CODE: Mapping[str, Category] = {item.code: item for item in CATEGORIES}


def category(code: str) -> Category:
    """The category ``code``; an unknown code is ``other``."""
    return _BY_CODE.get(code.strip(), _BY_CODE[OTHER])


def major_of(minor: str) -> str:
    """The major category code of the minor code ``minor``."""
    return category(minor).major


def is_known(code: str) -> bool:
    return code.strip() in _BY_CODE
