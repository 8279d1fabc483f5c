"""Simulated traffic through ANPR checkpoints: which checkpoints saw a plate, and when.

The reference backend has no real ANPR feed, so passes are made up, but reproducibly: a
plate's day is drawn from a generator seeded by (seed, plate, local date), so the same
question always gets the same answer and a window that spans days sees the same trips as
one that asks day by day. A plate drives a few trips a day from its home checkpoint to the
next checkpoint sites along the way, at road speeds, seen by the lane camera that faces it.
Only plates registered in Hainan (琼) travel in the demo; any other plate has no passes.
The plates of the demo guide (``REGULARS``) drive every day.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from console.domain.geo import angle_between, bearing_deg, haversine_m
from console.domain.model import GeoPoint

LOCAL_TIME = timezone(timedelta(hours=8), "CST")  # trips follow the day in Hainan
HOME_PROVINCE = "琼"
# Plates the demo guide names: they are on the road every day, so a search always finds them.
REGULARS = frozenset({"琼C·12345", "琼A·88888"})
SITE_RADIUS_M = 250.0  # lane cameras closer than this belong to one checkpoint site
_NEXT_CHOICES = 3  # a trip goes on to one of this many nearest sites not yet passed
_MAX_HOP_M = 25_000.0
_DETOUR = 1.3  # roads are longer than straight lines
_STOP = timedelta(minutes=20)  # at least this long between two trips of one car


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A checkpoint camera as the simulator needs it."""

    camera_id: str
    name: str
    position: GeoPoint
    heading_deg: float | None = None


@dataclass(frozen=True, slots=True)
class SimulatedPass:
    """One pass: ``id`` is stable for (seed, plate, camera, time)."""

    id: str
    plate: str
    time: datetime
    checkpoint: Checkpoint
    travel_bearing_deg: float


@dataclass(frozen=True, slots=True)
class _Site:
    position: GeoPoint
    lanes: tuple[Checkpoint, ...]


def _sites(checkpoints: Iterable[Checkpoint]) -> list[_Site]:
    """Group lane cameras into sites (greedy by camera id, so the grouping is stable)."""
    groups: list[list[Checkpoint]] = []
    for checkpoint in sorted(checkpoints, key=lambda c: c.camera_id):
        for group in groups:
            if haversine_m(group[0].position, checkpoint.position) <= SITE_RADIUS_M:
                group.append(checkpoint)
                break
        else:
            groups.append([checkpoint])
    return [_Site(group[0].position, tuple(group)) for group in groups]


def _digest(*parts: object) -> bytes:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()


def _rng(*parts: object) -> random.Random:
    return random.Random(int.from_bytes(_digest(*parts)[:8], "big"))


def _lane(site: _Site, travel_bearing: float) -> Checkpoint:
    """The lane camera that faces the oncoming vehicle (or the first one, if none faces)."""

    def facing_error(lane: Checkpoint) -> float:
        if lane.heading_deg is None:
            return 180.0
        return angle_between(lane.heading_deg, (travel_bearing + 180.0) % 360.0)

    return min(site.lanes, key=facing_error)


class Traffic:
    """The checkpoint network of one world; answers plate questions reproducibly."""

    def __init__(self, seed: int, checkpoints: Iterable[Checkpoint]) -> None:
        self.seed = seed
        self._sites = _sites(checkpoints)

    def passes(self, plate: str, since: datetime, until: datetime) -> list[SimulatedPass]:
        """Passes of ``plate`` (canonical spelling) with since <= time <= until, oldest first."""
        if not self._sites or not plate.startswith(HOME_PROVINCE) or until < since:
            return []
        found: list[SimulatedPass] = []
        day = since.astimezone(LOCAL_TIME).date() - timedelta(days=1)  # trips cross midnight
        last = until.astimezone(LOCAL_TIME).date()
        while day <= last:
            found.extend(p for p in self._day(plate, day) if since <= p.time <= until)
            day += timedelta(days=1)
        found.sort(key=lambda p: (p.time, p.checkpoint.camera_id))
        return found

    def _day(self, plate: str, day: date) -> list[SimulatedPass]:
        home = _rng(self.seed, plate, "home").randrange(len(self._sites))
        rng = _rng(self.seed, plate, day.isoformat())
        midnight = datetime.combine(day, time(0), LOCAL_TIME)
        trips = rng.choice((2, 3, 4) if plate in REGULARS else (0, 1, 1, 2, 2, 3))
        starts = sorted(rng.uniform(6.5, 21.5) for _ in range(trips))
        out: list[SimulatedPass] = []
        here = home
        for hours in starts:
            clock = midnight + timedelta(hours=hours)
            if out:  # one car is in one place: the next trip starts where it stopped, later
                clock = max(clock, out[-1].time + _STOP)
            trip, here = self._trip(plate, rng, here, clock)
            out.extend(trip)
        return out

    def _trip(
        self, plate: str, rng: random.Random, start_index: int, clock: datetime
    ) -> tuple[list[SimulatedPass], int]:
        """One drive from ``start_index`` on to a few nearby sites; its passes and the site
        it ended at."""
        route = [start_index]
        for _ in range(rng.randint(1, 5)):
            here = self._sites[route[-1]].position
            options = sorted(
                (haversine_m(here, site.position), index)
                for index, site in enumerate(self._sites)
                if index not in route
            )
            options = [o for o in options if o[0] <= _MAX_HOP_M][:_NEXT_CHOICES]
            if not options:
                break
            route.append(rng.choice(options)[1])
        if len(route) < 2:
            return [], start_index
        speed_m_s = rng.uniform(40.0, 80.0) / 3.6
        out: list[SimulatedPass] = []
        for step, index in enumerate(route):
            site = self._sites[index]
            if step > 0:
                previous = self._sites[route[step - 1]].position
                metres = haversine_m(previous, site.position) * _DETOUR
                clock += timedelta(seconds=metres / speed_m_s + rng.uniform(0, 120))
                bearing = bearing_deg(previous, site.position)
            else:
                bearing = bearing_deg(site.position, self._sites[route[1]].position)
            lane = _lane(site, bearing)
            stamp = clock.astimezone(UTC).replace(microsecond=0)
            pass_id = _digest(self.seed, plate, lane.camera_id, stamp.isoformat()).hex()[:32]
            out.append(SimulatedPass(pass_id, plate, stamp, lane, bearing))
        return out, route[-1]


def sample_plates(seed: int, count: int) -> Sequence[str]:
    """Plausible Hainan plates for demos and tests (琼A Haikou, 琼C Qionghai, ...)."""
    rng = _rng(seed, "plates")
    letters = "ABCDE"
    serial_characters = "0123456789" * 3 + "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return [
        f"琼{rng.choice(letters)}·{''.join(rng.choice(serial_characters) for _ in range(5))}"
        for _ in range(count)
    ]
