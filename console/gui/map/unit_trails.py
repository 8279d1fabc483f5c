"""Where each unit has been in the last ten minutes, for the trail behind its map marker.

Memory stays bounded however long the shift: points older than the window are dropped,
points closer in time than ``min_gap_s`` replace the unit's latest one instead of adding to
it (200 position reports a second must not grow a trail by 200 points), every trail holds at
most ``max_points``, and a unit that has not moved for a whole window keeps no trail at all.
The clock is injected so tests run a shift in microseconds.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from console.domain.model import GeoPoint

WINDOW_S = 600.0
MIN_GAP_S = 5.0
MAX_POINTS = 150  # a point every 5 s for 10 minutes is 120; some headroom for late clocks


class UnitTrails:
    """Recent positions per unit id, oldest first (see the module docstring)."""

    def __init__(
        self,
        *,
        window_s: float = WINDOW_S,
        min_gap_s: float = MIN_GAP_S,
        max_points: int = MAX_POINTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.window_s = window_s
        self.min_gap_s = min_gap_s
        self.max_points = max_points
        self._clock = clock
        self._trails: dict[str, deque[tuple[float, float, float]]] = {}

    def __len__(self) -> int:
        """How many units have a trail."""
        return len(self._trails)

    def point_count(self) -> int:
        return sum(len(trail) for trail in self._trails.values())

    def add(self, unit_id: str, position: GeoPoint) -> None:
        """The unit is at ``position`` now."""
        now = self._clock()
        trail = self._trails.get(unit_id)
        if trail is None:
            trail = self._trails[unit_id] = deque(maxlen=self.max_points)
        if trail and (trail[-1][1], trail[-1][2]) == (position.lat, position.lon):
            return  # a status change without a move
        if len(trail) >= 2 and now - trail[-2][0] < self.min_gap_s:
            trail[-1] = (now, position.lat, position.lon)
        else:
            trail.append((now, position.lat, position.lon))
        self._drop_old(unit_id, trail, now)

    def trail(self, unit_id: str) -> list[list[float]]:
        """The unit's recent positions as ``[[lat, lon], ...]``, oldest first (the page's form)."""
        trail = self._trails.get(unit_id)
        if trail is None:
            return []
        self._drop_old(unit_id, trail, self._clock())
        return [[lat, lon] for _at, lat, lon in trail]

    def forget(self, unit_id: str) -> None:
        self._trails.pop(unit_id, None)

    def prune(self) -> list[str]:
        """Drop what has aged out of the window; returns the units whose trail changed."""
        now = self._clock()
        changed = []
        for unit_id, trail in list(self._trails.items()):
            before = len(trail)
            self._drop_old(unit_id, trail, now)
            if len(trail) != before:
                changed.append(unit_id)
        return changed

    def _drop_old(self, unit_id: str, trail: deque[tuple[float, float, float]], now: float) -> None:
        oldest = now - self.window_s
        # The newest point is where the unit still is: it stays as long as the unit does.
        while len(trail) > 1 and trail[0][0] < oldest:
            trail.popleft()
        if len(trail) == 1 and trail[0][0] < oldest:
            # Parked for a whole window: nothing to draw behind it, nothing to keep.
            del self._trails[unit_id]
