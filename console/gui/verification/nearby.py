"""Which cameras look at an incident's place: the ones named on the incident first, then the
nearest others this operator may see that are online, nearest first.

The catalogue knows where each camera stands but not which way it faces, so nearness is all
that ranks the others; the cameras named on the incident (the one it was raised from, an
alert's) are known to see the place and come first whatever their distance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from console.domain.geo import haversine_m, nearest
from console.domain.model import Camera, CameraStatus, GeoPoint

#: Cameras farther than this from the place are no use for looking at it.
NEAR_ENOUGH_M = 1_500.0


@dataclass(frozen=True, slots=True)
class NearbyCamera:
    camera_id: str
    metres: float | None  # None: where the camera stands is not known here
    named: bool  # named on the incident itself


def nearby_cameras(
    place: GeoPoint,
    named: Iterable[str],
    catalogue: Iterable[Camera],
    *,
    count: int = 4,
    within_m: float = NEAR_ENOUGH_M,
) -> list[NearbyCamera]:
    """Up to ``count`` cameras for looking at ``place`` (see the module docstring);
    ``catalogue`` holds the cameras this operator may see."""
    known = {camera.id: camera for camera in catalogue}
    chosen: list[NearbyCamera] = []
    for camera_id in dict.fromkeys(named):
        camera = known.get(camera_id)
        metres = haversine_m(place, camera.position) if camera is not None else None
        chosen.append(NearbyCamera(camera_id, metres, named=True))
    taken = {item.camera_id for item in chosen}
    room = count - len(chosen)
    if room > 0:
        candidates = (
            (camera.id, camera.position)
            for camera in known.values()
            if camera.id not in taken and camera.status is CameraStatus.ONLINE
        )
        for camera_id, metres in nearest(place, candidates, room, within_m=within_m):
            chosen.append(NearbyCamera(camera_id, metres, named=False))
    return chosen[:count] if len(chosen) > count else chosen
