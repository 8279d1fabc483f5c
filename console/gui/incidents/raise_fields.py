"""Checking what an operator types for a hotline call: the caller's phone and a position.

Plain functions without Qt: each returns the clean value or raises ``FieldProblem`` with a
``Problem`` the dialog words in the operator's language.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from console.domain.model import GeoPoint, Region, RegionKind

PHONE_MIN_DIGITS = 7
PHONE_MAX_DIGITS = 15  # the longest number E.164 allows
# Spaces, dashes, dots and brackets are how people write numbers; they carry nothing.
_PHONE_SEPARATORS = re.compile(r"[\s\-.()（）]")
# "19.2466, 110.4665", "19.2466 110.4665", "19.2466，110.4665" (a full-width comma).
_COORDINATE_SPLIT = re.compile(r"\s*[,，;；]\s*|\s+")


class Problem(enum.Enum):
    PHONE_CHARACTERS = enum.auto()  # something other than digits (and one leading +)
    PHONE_LENGTH = enum.auto()  # fewer than 7 or more than 15 digits
    COORDINATES_FORMAT = enum.auto()  # not two numbers
    LATITUDE_RANGE = enum.auto()  # outside -90..90
    LONGITUDE_RANGE = enum.auto()  # outside -180..180
    COORDINATES_SWAPPED = enum.auto()  # looks like longitude, latitude


class FieldProblem(ValueError):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.name)
        self.problem = problem


def normalise_phone(text: str) -> str:
    """The number as digits (with a leading ``+`` if given), or ``""`` for no number."""
    compact = _PHONE_SEPARATORS.sub("", text.strip())
    if not compact:
        return ""
    plus = compact.startswith("+")
    digits = compact[1:] if plus else compact
    if not digits.isascii() or not digits.isdigit():
        raise FieldProblem(Problem.PHONE_CHARACTERS)
    if not PHONE_MIN_DIGITS <= len(digits) <= PHONE_MAX_DIGITS:
        raise FieldProblem(Problem.PHONE_LENGTH)
    return ("+" if plus else "") + digits


def parse_coordinates(text: str) -> GeoPoint:
    """WGS-84 ``latitude, longitude`` in decimal degrees."""
    parts = [part for part in _COORDINATE_SPLIT.split(text.strip()) if part]
    if len(parts) != 2:
        raise FieldProblem(Problem.COORDINATES_FORMAT)
    try:
        lat, lon = (float(part) for part in parts)
    except ValueError:
        raise FieldProblem(Problem.COORDINATES_FORMAT) from None
    if any(value != value or value in (float("inf"), float("-inf")) for value in (lat, lon)):
        raise FieldProblem(Problem.COORDINATES_FORMAT)
    if not -90.0 <= lat <= 90.0:
        if -90.0 <= lon <= 90.0 and -180.0 <= lat <= 180.0:
            raise FieldProblem(Problem.COORDINATES_SWAPPED)
        raise FieldProblem(Problem.LATITUDE_RANGE)
    if not -180.0 <= lon <= 180.0:
        raise FieldProblem(Problem.LONGITUDE_RANGE)
    return GeoPoint(lat, lon)


@dataclass(frozen=True, slots=True)
class RegionChoice:
    """A town or village to pick, with the label the list shows (``town / village``)."""

    region: Region
    label: str


def region_choices(regions: Iterable[Region]) -> list[RegionChoice]:
    """Towns and their villages, each town followed by its villages, by name."""
    by_id = {region.id: region for region in regions}
    towns = sorted(
        (r for r in by_id.values() if r.kind is RegionKind.TOWN), key=lambda r: (r.code, r.name)
    )
    villages: dict[str, list[Region]] = {}
    for region in by_id.values():
        if region.kind is RegionKind.VILLAGE and region.parent_id is not None:
            villages.setdefault(region.parent_id, []).append(region)
    choices: list[RegionChoice] = []
    for town in towns:
        choices.append(RegionChoice(town, town.name))
        for village in sorted(villages.get(town.id, ()), key=lambda r: (r.code, r.name)):
            choices.append(RegionChoice(village, f"{town.name} / {village.name}"))
    return choices


def find_choice(choices: Sequence[RegionChoice], label: str) -> RegionChoice | None:
    wanted = label.strip()
    return next((choice for choice in choices if choice.label == wanted), None)
