"""The problems standing in the demo world, kept in step with the live camera pictures.

A problem (a street vendor's stall, smoke, debris, a crowd, anything else) stands at a place
from the moment the field simulator creates it, or an incident is raised for a place where
none stands yet. The nearest cameras see it (``Sightlines``): their live feeds draw it until a
unit *really* fixes it. A false "fixed" report changes nothing on the ground, so the cameras
keep showing it and verification by video can catch the lie.

Problems the field simulator creates for its alerts may carry a time to live: nobody raised
an incident for them, and the vendor moves on. Once an incident is linked to a problem it
stays until fixed; if every incident about it ends without a real fix (cancelled, rejected,
merged, or closed on a mistaken check) it is left to move on in its own time again.

The demo pictures many cameras with few feeds (camera ``k`` shows feed ``k % feeds``), so
every camera sharing a feed with a witness shows the drawing too. ``place(exclusive=True)``
refuses a problem whose drawing a witness's feed already shows for another problem, so one
fix never hides or leaves another problem's drawing.

All methods are thread-safe: the server's event thread, the field simulator and tests call in.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from console.domain.model import GeoPoint
from console.server.demo.sightlines import Sightlines
from console.server.demo.world import World
from console.server.media.problem_art import art_for

logger = logging.getLogger(__name__)

# How long a problem nobody is handling stays before it moves on by itself.
UNCLAIMED_TTL_S = 300.0

# Drawing kinds a feed shows, keyed by feed index; called with the full new set each time.
ShowProblems = Callable[[int, Iterable[str]], None]


@dataclass(frozen=True)
class Problem:
    """One problem on the ground and who sees it."""

    id: str
    category: str
    art: str  # the ``problem_art`` drawing kind
    position: GeoPoint
    cameras: tuple[str, ...]  # camera ids that see it, nearest first
    feeds: frozenset[int]  # live feeds drawing it
    incident_ids: frozenset[str] = frozenset()
    expires_at: float | None = None  # monotonic seconds; None: until fixed


@dataclass
class _Board:
    problems: dict[str, Problem] = field(default_factory=dict)
    shown: dict[int, frozenset[str]] = field(default_factory=dict)  # last drawn, per feed


class ProblemStage:
    """The demo world's problems; ``show`` (e.g. ``CameraSimulator.show_problems``) draws them.

    ``feed_count`` is how many live feeds picture the catalogue (0: none; problems are kept
    but drawn nowhere).
    """

    def __init__(
        self,
        world: World,
        *,
        feed_count: int = 0,
        show: ShowProblems | None = None,
        sightlines: Sightlines | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if feed_count < 0:
            raise ValueError("feed_count must not be negative")
        self.world = world
        self.sightlines = sightlines or Sightlines(world)
        self._feed_count = feed_count
        self._show = show
        self._clock = clock
        self._lock = threading.Lock()
        self._draw_lock = threading.Lock()  # keeps the feeds' layers in the board's order
        self._board = _Board()
        self._ids = itertools.count(1)

    # ------------------------------------------------------------------ queries

    def problems(self) -> list[Problem]:
        """Every problem standing now."""
        self.expire()
        with self._lock:
            return list(self._board.problems.values())

    def problem_for(self, incident_id: str) -> Problem | None:
        """The problem an incident is about, if one stands."""
        self.expire()
        with self._lock:
            return next(
                (p for p in self._board.problems.values() if incident_id in p.incident_ids), None
            )

    def cameras_showing(self, incident_id: str) -> list[str]:
        """Ids of the cameras that see the incident's problem (empty once it is fixed)."""
        problem = self.problem_for(incident_id)
        return list(problem.cameras) if problem is not None else []

    def feeds_showing(self, art: str) -> set[int]:
        """The live feeds drawing ``art`` (a ``problem_art`` kind) now."""
        self.expire()
        with self._lock:
            return {f for p in self._board.problems.values() if p.art == art for f in p.feeds}

    def feed_of(self, camera_id: str) -> int | None:
        """The live feed picturing ``camera_id`` (None without feeds)."""
        if self._feed_count == 0:
            return None
        return self.sightlines.feed_of(camera_id, self._feed_count)

    # ------------------------------------------------------------------ changes

    def place(
        self,
        category: str,
        position: GeoPoint,
        *,
        ttl_s: float | None = None,
        exclusive: bool = False,
        incident_id: str | None = None,
    ) -> Problem | None:
        """Put a problem of ``category`` at ``position``; returns it.

        With ``exclusive``, returns None (and places nothing) when no camera sees the place or
        a witness's feed already draws this kind of problem for another one.
        """
        cameras = self.sightlines.cameras_seeing(position)
        art = art_for(category)
        feeds = frozenset(f for c in cameras if (f := self.feed_of(c.id)) is not None)
        with self._lock:
            self._expire_locked()
            if exclusive:
                if not cameras:
                    return None
                busy = {f for p in self._board.problems.values() if p.art == art for f in p.feeds}
                if feeds & busy:
                    return None
            problem = Problem(
                id=f"problem-{next(self._ids)}",
                category=category,
                art=art,
                position=position,
                cameras=tuple(c.id for c in cameras),
                feeds=feeds,
                incident_ids=frozenset({incident_id} if incident_id else ()),
                expires_at=None if ttl_s is None else self._clock() + ttl_s,
            )
            self._board.problems[problem.id] = problem
        logger.info(
            "problem %s (%s) at %.5f,%.5f seen by %s",
            problem.id,
            category,
            position.lat,
            position.lon,
            ", ".join(problem.cameras) or "no camera",
        )
        self._redraw()
        return problem

    def link_incident(self, incident_id: str, category: str, position: GeoPoint) -> Problem:
        """An incident was raised at ``position``: tie it to the problem of its kind standing
        nearest there (within sight of one of the same cameras), or place a new one."""
        art = art_for(category)
        cameras = {c.id for c in self.sightlines.cameras_seeing(position)}
        with self._lock:
            self._expire_locked()
            for problem in self._board.problems.values():
                if incident_id in problem.incident_ids:
                    return problem
            candidates = [
                p
                for p in self._board.problems.values()
                if p.art == art and (cameras & set(p.cameras) or p.position == position)
            ]
            if candidates:
                nearest = min(candidates, key=lambda p: _rough_distance(p.position, position))
                linked = Problem(
                    id=nearest.id,
                    category=nearest.category,
                    art=nearest.art,
                    position=nearest.position,
                    cameras=nearest.cameras,
                    feeds=nearest.feeds,
                    incident_ids=nearest.incident_ids | {incident_id},
                    expires_at=None,
                )
                self._board.problems[linked.id] = linked
                logger.info("incident %s is about problem %s", incident_id, linked.id)
                return linked
        placed = self.place(category, position, incident_id=incident_id)
        assert placed is not None  # only an exclusive placement can be refused
        return placed

    def fix(self, incident_id: str) -> list[Problem]:
        """The unit really fixed the incident's problem: it is gone. Returns what went."""
        with self._lock:
            gone = [p for p in self._board.problems.values() if incident_id in p.incident_ids]
            for problem in gone:
                del self._board.problems[problem.id]
        if gone:
            logger.info("incident %s fixed: %s gone", incident_id, ", ".join(p.id for p in gone))
            self._redraw()
        return gone

    def release(self, incident_id: str, *, ttl_s: float = UNCLAIMED_TTL_S) -> None:
        """The incident ended without a real fix: its problem no longer waits for it."""
        with self._lock:
            for problem in list(self._board.problems.values()):
                if incident_id not in problem.incident_ids:
                    continue
                others = problem.incident_ids - {incident_id}
                self._board.problems[problem.id] = Problem(
                    id=problem.id,
                    category=problem.category,
                    art=problem.art,
                    position=problem.position,
                    cameras=problem.cameras,
                    feeds=problem.feeds,
                    incident_ids=others,
                    expires_at=None if others else self._clock() + ttl_s,
                )

    def remove(self, problem_id: str) -> bool:
        """Take one problem away (for tests and tools); False if it was not there."""
        with self._lock:
            gone = self._board.problems.pop(problem_id, None)
        if gone is not None:
            self._redraw()
        return gone is not None

    def expire(self) -> None:
        """Drop problems whose time ran out before anyone raised an incident for them."""
        with self._lock:
            changed = self._expire_locked()
        if changed:
            self._redraw()

    # ------------------------------------------------------------------ internals

    def _expire_locked(self) -> bool:
        now = self._clock()
        old = [
            p.id
            for p in self._board.problems.values()
            if p.expires_at is not None and p.expires_at <= now
        ]
        for problem_id in old:
            del self._board.problems[problem_id]
        return bool(old)

    def _redraw(self) -> None:
        if self._show is None or self._feed_count == 0:
            return
        with self._draw_lock:
            with self._lock:
                wanted: dict[int, set[str]] = {f: set() for f in range(self._feed_count)}
                for problem in self._board.problems.values():
                    for feed in problem.feeds:
                        wanted[feed].add(problem.art)
                changes = {
                    f: frozenset(kinds)
                    for f, kinds in wanted.items()
                    if self._board.shown.get(f, frozenset()) != kinds
                }
                self._board.shown.update(changes)
            for feed, kinds in sorted(changes.items()):
                try:
                    self._show(feed, kinds)
                except Exception:
                    logger.exception("drawing the problems of feed %s failed", feed)


def _rough_distance(a: GeoPoint, b: GeoPoint) -> float:
    return (a.lat - b.lat) ** 2 + (a.lon - b.lon) ** 2
