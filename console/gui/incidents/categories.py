"""What an event can be (category), how urgent (priority) and where it came from (source).

Category codes are what the server stores; they match the alert kinds where both exist, so an
event raised from a smoke/fire alert and one raised by hand land in the same category. Labels
are English source strings marked for translation and translated when shown. The default
priority per category follows the command centre's practice: fire and crowds are urgent,
road hazards are pressing, street order and rubbish are routine.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from console.domain.categories import CATEGORIES as DOMAIN_CATEGORIES
from console.domain.categories import major_of
from console.domain.incident import IncidentSource, Priority
from console.gui.incidents.labels import major_label
from console.settings import QT_TRANSLATE_NOOP

CONTEXT = "IncidentCategory"


@dataclass(frozen=True, slots=True)
class Category:
    """One category: its stored ``code``, its untranslated ``source_label`` and the priority
    an event of this kind gets unless the operator says otherwise."""

    code: str
    source_label: str
    default_priority: Priority

    def label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.source_label)


OTHER = "other"

CATEGORIES: tuple[Category, ...] = (
    Category("smoke_fire", QT_TRANSLATE_NOOP("IncidentCategory", "Smoke or fire"), Priority.P1),
    Category("street_vendor", QT_TRANSLATE_NOOP("IncidentCategory", "Street vendor"), Priority.P3),
    Category("crowd", QT_TRANSLATE_NOOP("IncidentCategory", "Crowd gathering"), Priority.P1),
    Category(
        "illegal_parking", QT_TRANSLATE_NOOP("IncidentCategory", "Illegal parking"), Priority.P3
    ),
    Category("garbage", QT_TRANSLATE_NOOP("IncidentCategory", "Exposed garbage"), Priority.P3),
    Category("road_hazard", QT_TRANSLATE_NOOP("IncidentCategory", "Road hazard"), Priority.P2),
    Category(
        "facility_damage",
        QT_TRANSLATE_NOOP("IncidentCategory", "Public facility damage"),
        Priority.P3,
    ),
    Category(OTHER, QT_TRANSLATE_NOOP("IncidentCategory", "Other"), Priority.P3),
)

_BY_CODE = {category.code: category for category in CATEGORIES}


def category(code: str) -> Category:
    """The category with ``code``; unknown codes (from another console version) are "other"."""
    return _BY_CODE.get(code, _BY_CODE[OTHER])


def category_label(code: str) -> str:
    """The translated label of ``code``, or the code itself when this console does not know it."""
    known = _BY_CODE.get(code)
    return known.label() if known is not None else code


_PRIORITY_LABELS: dict[Priority, str] = {
    Priority.P1: QT_TRANSLATE_NOOP("IncidentCategory", "P1 Urgent"),
    Priority.P2: QT_TRANSLATE_NOOP("IncidentCategory", "P2 High"),
    Priority.P3: QT_TRANSLATE_NOOP("IncidentCategory", "P3 Normal"),
    Priority.P4: QT_TRANSLATE_NOOP("IncidentCategory", "P4 Low"),
}


def priority_label(priority: Priority) -> str:
    return QCoreApplication.translate(CONTEXT, _PRIORITY_LABELS[priority])


# The sources an operator can name when raising by hand; the hotline, grid and map sources
# come from their own screens.
REPORT_SOURCES: tuple[IncidentSource, ...] = (
    IncidentSource.OPERATOR,
    IncidentSource.PATROL,
    IncidentSource.ALERT,
)

_SOURCE_LABELS: dict[IncidentSource, str] = {
    IncidentSource.OPERATOR: QT_TRANSLATE_NOOP("IncidentCategory", "Duty officer"),
    IncidentSource.PATROL: QT_TRANSLATE_NOOP("IncidentCategory", "Video patrol"),
    IncidentSource.ALERT: QT_TRANSLATE_NOOP("IncidentCategory", "Intelligent alert"),
    IncidentSource.HOTLINE_12345: QT_TRANSLATE_NOOP("IncidentCategory", "12345 hotline"),
    IncidentSource.GRID: QT_TRANSLATE_NOOP("IncidentCategory", "Grid worker"),
    IncidentSource.MAP: QT_TRANSLATE_NOOP("IncidentCategory", "Situation map"),
}


def source_label(source: IncidentSource) -> str:
    return QCoreApplication.translate(CONTEXT, _SOURCE_LABELS[source])


def category_path_label(code: str) -> str:
    """ "Major / minor" (大类/小类) of a minor category code, both translated."""
    return f"{major_label(major_of(code))} / {category_label(code)}"


def minors_of(major: str) -> frozenset[str]:
    """The minor category codes under the major category ``major``."""
    return frozenset(item.code for item in DOMAIN_CATEGORIES if item.major == major)


def majors() -> tuple[str, ...]:
    """The major category codes, in the catalogue's order."""
    return tuple(dict.fromkeys(item.major for item in DOMAIN_CATEGORIES))
