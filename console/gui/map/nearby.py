"""What is near a place: the cameras best placed to show it and the nearest available units.

Plain computation. A rough box around the place is cut first with comparisons only, so only
a few cameras of a 7,500-camera catalogue are measured and ranked (``cameras_toward``: in
the field of view first, then by distance).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from console.domain.geo import EARTH_MEAN_RADIUS_M, Sight, cameras_toward, nearest
from console.domain.model import Camera, CameraStatus, GeoPoint, Unit, UnitStatus
from console.gui.map.selection_panel import NearCamera, NearUnit

CAMERAS_LISTED = 6
CAMERAS_WITHIN_M = 1_000.0
UNITS_LISTED = 5
UNITS_WITHIN_M = 30_000.0

_METRES_PER_DEG_LAT = math.radians(1.0) * EARTH_MEAN_RADIUS_M


def _inside_box(point: GeoPoint, position: GeoPoint, metres: float) -> bool:
    dlat = metres / _METRES_PER_DEG_LAT
    dlon = dlat / max(math.cos(math.radians(point.lat)), 1e-6)
    return abs(position.lat - point.lat) <= dlat and abs(position.lon - point.lon) <= dlon


def near_cameras(
    point: GeoPoint,
    cameras: Iterable[Camera],
    *,
    count: int = CAMERAS_LISTED,
    within_m: float = CAMERAS_WITHIN_M,
) -> list[NearCamera]:
    candidates = [c for c in cameras if _inside_box(point, c.position, within_m)]
    return [
        NearCamera(
            ranked.camera.id,
            ranked.camera.name,
            ranked.distance_m,
            ranked.sight is Sight.FACING,
            ranked.camera.status is CameraStatus.ONLINE,
        )
        for ranked in cameras_toward(point, candidates, count, within_m)
    ]


def near_units(
    point: GeoPoint,
    units: Iterable[Unit],
    *,
    count: int = UNITS_LISTED,
    within_m: float = UNITS_WITHIN_M,
) -> list[NearUnit]:
    """The nearest units that are free to take a task and say where they are."""
    available = {
        unit.id: unit
        for unit in units
        if unit.status is UnitStatus.AVAILABLE and unit.position is not None
    }
    found = nearest(
        point,
        ((unit_id, unit.position) for unit_id, unit in available.items() if unit.position),
        count,
        within_m=within_m,
    )
    return [NearUnit(unit_id, available[unit_id].name, metres) for unit_id, metres in found]
