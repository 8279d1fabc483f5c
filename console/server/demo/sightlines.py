"""Which demo cameras see a place, and which live feed pictures each camera.

A problem on the ground is seen by the nearest online cameras around it (demo cameras carry
no heading, so nearness alone decides). The demo serves camera number ``k`` of the catalogue
(its ordinal) from live feed ``k % feeds``, as the stream resolvers in ``console.server.cli``
and ``tests/support/live_server.py`` do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from console.domain.geo import haversine_m
from console.domain.model import Camera, CameraStatus, GeoPoint
from console.server.demo.world import World

# A camera further away than this cannot make out a stall or a crowd.
SIGHT_RADIUS_M = 300.0
# At most this many cameras show one problem: the nearest ones.
MAX_WITNESSES = 3

_METRES_PER_DEGREE = 111_320.0


@dataclass(frozen=True)
class Sightlines:
    """Nearest-camera look-ups over one world's online cameras (built once, read-only)."""

    world: World
    radius_m: float = SIGHT_RADIUS_M
    limit: int = MAX_WITNESSES
    _ordinals: dict[str, int] = field(init=False, repr=False)
    _online: tuple[Camera, ...] = field(init=False, repr=False)
    _lat: np.ndarray = field(init=False, repr=False)
    _lon: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        online = tuple(c for c in self.world.cameras if c.status is CameraStatus.ONLINE)
        object.__setattr__(self, "_ordinals", {c.id: n for n, c in enumerate(self.world.cameras)})
        object.__setattr__(self, "_online", online)
        object.__setattr__(self, "_lat", np.array([c.position.lat for c in online]))
        object.__setattr__(self, "_lon", np.array([c.position.lon for c in online]))

    def cameras_seeing(self, place: GeoPoint) -> list[Camera]:
        """The nearest online cameras within ``radius_m`` of ``place``, nearest first."""
        if not self._online:
            return []
        # A flat-earth distance is exact enough to pick candidates; haversine orders them.
        north = (self._lat - place.lat) * _METRES_PER_DEGREE
        east = (self._lon - place.lon) * _METRES_PER_DEGREE * math.cos(math.radians(place.lat))
        rough = np.hypot(north, east)
        near = np.nonzero(rough <= self.radius_m * 1.01)[0]
        ranked = sorted(
            (haversine_m(self._online[i].position, place), self._online[i].id, int(i)) for i in near
        )
        return [self._online[i] for d, _id, i in ranked if d <= self.radius_m][: self.limit]

    def ordinal(self, camera_id: str) -> int:
        """The camera's place in the catalogue (KeyError for an unknown camera)."""
        return self._ordinals[camera_id]

    def feed_of(self, camera_id: str, feed_count: int) -> int:
        """The live feed that pictures ``camera_id`` when the demo runs ``feed_count`` feeds."""
        if feed_count < 1:
            raise ValueError("feed_count must be at least 1")
        return self.ordinal(camera_id) % feed_count
