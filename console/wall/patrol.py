"""Video patrol (视频巡检) as plain logic: a plan becomes pages of cameras shown for the plan's
dwell time each; the operator's verdicts, the cameras that never showed a picture and the time
each camera was on screen become the patrol record.

The clock (``time.monotonic`` by default) and the wall clock are injected, so a whole patrol
runs in a unit test in microseconds. The GUI calls ``tick()`` from a timer, reports which
cameras show live pictures (``report_live``) and passes the operator's verdicts (``mark``).

At the end every planned camera has one entry, in plan order:

* the operator's verdict (``ok`` / ``abnormal``) where one was given;
* ``dead`` for a camera that was shown but never delivered a picture, unless judged;
* ``skipped`` with note ``unjudged`` for a camera shown live but not judged;
* ``skipped`` with note ``not_reached`` for a camera the patrol stopped before.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from console.domain.model import PatrolPlan, PatrolVerdict

NOTE_UNJUDGED = "unjudged"
NOTE_NOT_REACHED = "not_reached"

Expander = Callable[[str], Sequence[str]]


class PatrolState(enum.Enum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class PatrolError(RuntimeError):
    """A command that does not fit the patrol's state (marking a camera not on screen)."""


@dataclass(frozen=True, slots=True)
class PatrolPage:
    """One screenful: its 0-based ``number`` and the cameras on it, in tile order."""

    number: int
    camera_ids: tuple[str, ...]


@dataclass
class CameraOutcome:
    """What happened to one planned camera so far."""

    camera_id: str
    seen_at: datetime | None = None
    dwell_s: float = 0.0
    live: bool = False
    verdict: PatrolVerdict | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Coverage:
    """The end-of-patrol summary."""

    planned: int
    seen: int
    ok: int
    abnormal: int
    dead: int
    unjudged: int
    not_reached: int

    @property
    def judged(self) -> int:
        return self.ok + self.abnormal

    @property
    def seen_ratio(self) -> float:
        return self.seen / self.planned if self.planned else 1.0


def utc_now() -> datetime:
    return datetime.now(UTC)


def pages_of(
    plan: PatrolPlan, tiles_per_page: int, expand: Expander | None = None
) -> tuple[PatrolPage, ...]:
    """The plan's cameras (groups expanded, repeats dropped) cut into pages."""
    if tiles_per_page < 1:
        raise ValueError("a patrol page shows at least one camera")
    cameras: list[str] = []
    for entry in plan.camera_ids:
        cameras.extend(expand(entry) if expand is not None else (entry,))
    unique = list(dict.fromkeys(cameras))
    return tuple(
        PatrolPage(number, tuple(unique[start : start + tiles_per_page]))
        for number, start in enumerate(range(0, len(unique), tiles_per_page))
    )


class PatrolRun:
    """One walk through a plan (see the module docstring)."""

    def __init__(
        self,
        plan: PatrolPlan,
        *,
        tiles_per_page: int = 4,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = utc_now,
        expand: Expander | None = None,
        dwell_s: float | None = None,
    ):
        self.plan = plan
        self.dwell_s = float(plan.dwell_s if dwell_s is None else dwell_s)
        self.pages = pages_of(plan, tiles_per_page, expand)
        self._clock = clock
        self._wall_clock = wall_clock
        self._outcomes = {
            camera_id: CameraOutcome(camera_id)
            for page in self.pages
            for camera_id in page.camera_ids
        }
        self.state = PatrolState.READY
        self._index = -1
        self._page_started = 0.0
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self.started_at: datetime | None = None
        self.finished_at: datetime | None = None

    # ---------------------------------------------------------------- reading

    @property
    def current(self) -> PatrolPage | None:
        if self.state in (PatrolState.RUNNING, PatrolState.PAUSED):
            return self.pages[self._index]
        return None

    @property
    def upcoming(self) -> PatrolPage | None:
        """The page after the current one (to pre-roll), if any."""
        if self.state is PatrolState.FINISHED:
            return None
        following = self._index + 1
        return self.pages[following] if following < len(self.pages) else None

    def outcome(self, camera_id: str) -> CameraOutcome:
        return self._outcomes[camera_id]

    def elapsed_on_page(self, now: float | None = None) -> float:
        now = self._clock() if now is None else now
        paused = self._paused_total
        if self._paused_at is not None:
            paused += now - self._paused_at
        return max(0.0, now - self._page_started - paused)

    def remaining_s(self, now: float | None = None) -> float:
        if self.state not in (PatrolState.RUNNING, PatrolState.PAUSED):
            return 0.0
        return max(0.0, self.dwell_s - self.elapsed_on_page(now))

    # ---------------------------------------------------------------- commands

    def start(self) -> PatrolPage | None:
        """Show the first page (None for an empty plan, which finishes at once)."""
        if self.state is not PatrolState.READY:
            raise PatrolError("the patrol has already started")
        self.started_at = self._wall_clock()
        if not self.pages:
            self._finish()
            return None
        self.state = PatrolState.RUNNING
        self._open(0)
        return self.current

    def tick(self, now: float | None = None) -> PatrolPage | None:
        """Move on when the page's dwell is up; returns the new page when it moved."""
        if self.state is not PatrolState.RUNNING:
            return None
        if self.elapsed_on_page(now) < self.dwell_s:
            return None
        return self.advance(now)

    def advance(self, now: float | None = None) -> PatrolPage | None:
        """Close the current page now (the operator skipped ahead, or all were judged) and
        show the next; returns it, or None when the patrol is over."""
        if self.state not in (PatrolState.RUNNING, PatrolState.PAUSED):
            return None
        self._close(now)
        if self._index + 1 >= len(self.pages):
            self._finish()
            return None
        self.state = PatrolState.RUNNING
        self._open(self._index + 1, now)
        return self.current

    def pause(self, now: float | None = None) -> None:
        if self.state is PatrolState.RUNNING:
            self._paused_at = self._clock() if now is None else now
            self.state = PatrolState.PAUSED

    def resume(self, now: float | None = None) -> None:
        if self.state is PatrolState.PAUSED and self._paused_at is not None:
            now = self._clock() if now is None else now
            self._paused_total += now - self._paused_at
            self._paused_at = None
            self.state = PatrolState.RUNNING

    def stop(self, now: float | None = None) -> None:
        """End the patrol early: the current page closes, later cameras are not reached."""
        if self.state in (PatrolState.RUNNING, PatrolState.PAUSED):
            self._close(now)
        if self.state is not PatrolState.FINISHED:
            self._finish()

    def report_live(self, camera_id: str) -> None:
        """The camera's tile showed live pictures while on screen."""
        page = self.current
        if page is not None and camera_id in page.camera_ids:
            self._outcomes[camera_id].live = True

    def mark(self, camera_id: str, verdict: PatrolVerdict, note: str = "") -> None:
        """The operator's verdict on a camera on the current page (a later one replaces it)."""
        page = self.current
        if page is None or camera_id not in page.camera_ids:
            raise PatrolError(f"camera {camera_id} is not on the current patrol page")
        outcome = self._outcomes[camera_id]
        outcome.verdict = verdict
        outcome.note = note

    def all_judged(self) -> bool:
        page = self.current
        return page is not None and all(
            self._outcomes[c].verdict is not None for c in page.camera_ids
        )

    # ---------------------------------------------------------------- results

    def coverage(self) -> Coverage:
        counts = {"ok": 0, "abnormal": 0, "dead": 0, "unjudged": 0, "not_reached": 0}
        seen = 0
        for entry in self._final_entries():
            verdict, note = entry["verdict"], entry["note"]
            if note == NOTE_NOT_REACHED and verdict == PatrolVerdict.SKIPPED.value:
                counts["not_reached"] += 1
                continue
            seen += 1
            if verdict == PatrolVerdict.SKIPPED.value:
                counts["unjudged"] += 1
            else:
                counts[str(verdict)] += 1
        return Coverage(planned=len(self._outcomes), seen=seen, **counts)

    def record_body(self) -> dict[str, Any]:
        """The ``POST /patrol-records`` body (``console.wire.patrol.PatrolRecordIn``)."""
        if self.state is not PatrolState.FINISHED or self.started_at is None:
            raise PatrolError("the patrol has not finished")
        return {
            "plan_id": self.plan.id or None,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "entries": self._final_entries(),
        }

    def _final_entries(self) -> list[dict[str, Any]]:
        ended = self.finished_at or self._wall_clock()
        entries = []
        for outcome in self._outcomes.values():
            if outcome.seen_at is None:
                verdict, note, seen_at = PatrolVerdict.SKIPPED, NOTE_NOT_REACHED, ended
            elif outcome.verdict is not None:
                verdict, note, seen_at = outcome.verdict, outcome.note, outcome.seen_at
            elif not outcome.live:
                verdict, note, seen_at = PatrolVerdict.DEAD, "", outcome.seen_at
            else:
                verdict, note, seen_at = PatrolVerdict.SKIPPED, NOTE_UNJUDGED, outcome.seen_at
            entries.append(
                {
                    "camera_id": outcome.camera_id,
                    "seen_at": seen_at.isoformat(),
                    "dwell_s": round(outcome.dwell_s, 3),
                    "verdict": verdict.value,
                    "note": note,
                }
            )
        return entries

    # ---------------------------------------------------------------- internals

    def _open(self, index: int, now: float | None = None) -> None:
        self._index = index
        self._page_started = self._clock() if now is None else now
        self._paused_at = None
        self._paused_total = 0.0
        seen_at = self._wall_clock()
        for camera_id in self.pages[index].camera_ids:
            outcome = self._outcomes[camera_id]
            if outcome.seen_at is None:
                outcome.seen_at = seen_at

    def _close(self, now: float | None) -> None:
        shown = self.elapsed_on_page(now)
        for camera_id in self.pages[self._index].camera_ids:
            self._outcomes[camera_id].dwell_s += shown

    def _finish(self) -> None:
        self.state = PatrolState.FINISHED
        self.finished_at = self._wall_clock()
