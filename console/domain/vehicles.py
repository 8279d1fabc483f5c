"""Vehicles seen by ANPR checkpoints (卡口) and routes guarded for major events (重大活动安保).

Plates are compared in one canonical spelling, ``琼C·12345``: the province abbreviation, the
issuing authority's letter, a middle dot (U+00B7), then the serial. People type plates with
full-width letters, spaces, lower case or another dot, so every search goes through
``normalize_plate`` first; it either returns the canonical text or says what is wrong.
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from console.domain.model import GeoPoint

# The 31 provincial abbreviations of mainland plates (GA 36).
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
# Serial characters: digits and capitals except I and O (they read as 1 and 0).
_SERIAL_CHARACTERS = frozenset("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
# A plate whose last character names its use instead of a serial character.
_USE_SUFFIXES = frozenset("挂学警港澳领")
# Dots and separators people put between the authority letter and the serial.
_SEPARATORS = frozenset("·・･•‧∙⋅.．-－_ \u3000\t")
MIDDLE_DOT = "\u00b7"
REGULAR_SERIAL = 5
NEW_ENERGY_SERIAL = 6  # green plates of electric and hybrid cars have one more character


class PlateError(ValueError):
    """A plate that cannot be a mainland number plate; the message says why."""


def normalize_plate(text: str) -> str:
    """The canonical spelling of ``text`` (``琼C·12345``) or ``PlateError`` with the reason.

    Accepted: full-width or half-width letters and digits, any case, any kind of middle dot
    or none, spaces anywhere; new-energy plates (six serial characters) and plates ending in
    a use character (挂, 学, 警, ...).
    """
    folded = unicodedata.normalize("NFKC", text)
    compact = "".join(ch for ch in folded if ch not in _SEPARATORS and not ch.isspace())
    compact = compact.upper()
    if not compact:
        raise PlateError("the plate is empty")
    province, rest = compact[0], compact[1:]
    if province not in PROVINCES:
        raise PlateError(
            f"a plate starts with a province abbreviation such as 琼 or 粤, not {province!r}"
        )
    if not rest or not ("A" <= rest[0] <= "Z"):
        raise PlateError("the second character of a plate is the issuing authority's letter A–Z")
    authority, serial = rest[0], rest[1:]
    body = serial[:-1] if serial and serial[-1] in _USE_SUFFIXES else serial
    if serial and serial[-1] in _USE_SUFFIXES:
        expected: tuple[int, ...] = (REGULAR_SERIAL - 1,)
    else:
        expected = (REGULAR_SERIAL, NEW_ENERGY_SERIAL)
    if len(body) not in expected or not set(body) <= _SERIAL_CHARACTERS:
        raise PlateError(
            "after the authority letter a plate has 5 characters (6 on a new-energy plate), "
            "digits and letters except I and O"
        )
    return f"{province}{authority}{MIDDLE_DOT}{serial}"


class Compass(enum.StrEnum):
    """Which way a vehicle was travelling, to the nearest of eight winds."""

    N = "N"
    NE = "NE"
    E = "E"
    SE = "SE"
    S = "S"
    SW = "SW"
    W = "W"
    NW = "NW"


def compass(bearing_deg: float) -> Compass:
    """The wind nearest ``bearing_deg`` (degrees clockwise from north)."""
    winds = tuple(Compass)
    return winds[round((bearing_deg % 360.0) / 45.0) % 8]


@dataclass(frozen=True, slots=True)
class VehiclePass:
    """One sighting of a plate by a checkpoint camera.

    ``checkpoint_id`` names the checkpoint site; in the reference backend every checkpoint
    camera is its own site, so it equals ``camera_id``. ``snapshot_media_id`` is a stored
    picture of the vehicle (``GET /media/{id}``), readable by whoever may see the camera.
    """

    id: str
    plate: str
    time: datetime
    checkpoint_id: str
    checkpoint_name: str
    camera_id: str
    position: GeoPoint
    direction: Compass
    snapshot_media_id: str | None = None


@dataclass(frozen=True, slots=True)
class RoutePoint:
    """A named place on a guarded route: a checkpoint where vehicles are checked."""

    name: str
    position: GeoPoint


@dataclass(frozen=True, slots=True)
class RoutePost:
    """A manned post on a guarded route, optionally held by a unit."""

    name: str
    position: GeoPoint
    unit_id: str | None = None


@dataclass(frozen=True, slots=True)
class RouteGuard:
    """A route secured for a major event (重大活动安保): the road, its checkpoints and posts.

    ``camera_ids`` are the cameras along the road that the reader may see, in the order a
    vehicle passes them; the server fills them in per reader.
    """

    id: str
    name: str
    path: tuple[GeoPoint, ...]
    checkpoints: tuple[RoutePoint, ...] = ()
    posts: tuple[RoutePost, ...] = ()
    camera_ids: tuple[str, ...] = ()
