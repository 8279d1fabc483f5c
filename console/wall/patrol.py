"""Video patrol (视频巡检) as plain logic: a plan becomes pages of cameras shown for the plan's
dwell time each, on one screen or on several at once; the operator's verdicts, the cameras that
never showed a picture, where and for how long each camera was on screen become the record.

Several screens: the plan's pages are dealt round robin, so screen ``s`` of ``S`` shows pages
``s``, ``s + S``, ``s + 2S``…; step ``k`` of the patrol is pages ``k*S`` … ``k*S + S - 1``, the
plan read in order across the screens. Each screen's next page is therefore known from the
start and can be pre-rolled. Screens step together (``StepMode.TOGETHER``, one dwell for the
whole step; the default) or each on its own dwell (``StepMode.OWN_DWELL``: a screen whose
cameras are all judged moves on without waiting for the others).

Stepping together, the workspace keeps one step clock: every screen that shows a page turns
when the dwell has passed since the step began (sooner when everything shown is judged, or on
"Next page"), so the operator sees all screens turn at the same moment, once a dwell. A screen
that has shown all its pages shows nothing more and takes no part in the steps: the others go
on without it. Since the screens' page counts differ by one at most (dealt round robin, and a
lost screen's pages to those with least left), that is the last step only. The GUI leaves
that screen's patrol page empty, decoding nothing, and its progress says it is done; it does
not bring back the operator's own page there before the patrol ends (a lost monitor's pages
may still come to it; the operator's pages all come back together at the end).

The clock (``time.monotonic`` by default) and the wall clock are injected, so a whole patrol
runs in a unit test in microseconds. The GUI calls ``tick()`` from a timer, reports which
cameras show live pictures (``report_live`` / ``report_lost``) and passes the operator's
verdicts (``mark``).

At the end every planned camera has one entry, in plan order:

* the operator's verdict (``ok`` / ``abnormal``) where one was given;
* ``dead`` for a camera that was shown but never delivered a picture, unless judged;
* ``skipped`` with note ``unjudged`` for a camera shown live but not judged;
* ``skipped`` with note ``not_reached`` for a camera the patrol stopped before.

Each entry also says on which ``screen`` (0-based; 0 is the main window) and ``monitor`` and
on which ``tile`` (0-based cell) the camera was shown, how long it was on screen (``dwell_s``)
and how long of that it showed live pictures (``live_s``); paused time counts for neither.

A screen can go away during the patrol (its monitor unplugged): ``drop_screen`` closes the
page it showed there and then (those cameras keep where they were shown, for how long and
their verdicts) and deals the pages it had not shown yet to the screens still there, so the
patrol carries on where the operator can see it and the record still has every camera once.
A screen that showed nothing starts the first page it is given at once. Stepping together it
joins the common step clock rather than making the others wait for a dwell of its own: it
turns with them at the end of the current step, or, when less than half a dwell of that step
is left, sits that turn out and turns at the one after, so its first page stays up between half
a dwell and one and a half. Should no other screen be showing a page, the step begins anew
with it. (Dealt as above, screens that step together from the start never leave one idle
while a lost one still has pages; the rule is there so that no path makes the others wait.)

Each screen's next page is pre-rolled (played hidden) for a lead time before its step, so the
step is live at once; a hidden page decodes as dearly as a shown one, so the lead is as short
as its cameras allow. ``PrerollLead`` learns it: each camera's time from being asked to play
to its first pictures (its own recent times, and those of every camera lately), plus a margin;
the configured lead is the upper bound, and the guess while nothing has been seen yet.
"""

from __future__ import annotations

import enum
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
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


class StepMode(enum.StrEnum):
    TOGETHER = "together"
    OWN_DWELL = "own_dwell"


class PatrolError(RuntimeError):
    """A command that does not fit the patrol's state (marking a camera not on screen)."""


@dataclass(frozen=True, slots=True)
class PatrolPage:
    """One screenful: its 0-based ``number`` in the plan, the cameras on it in tile order, the
    ``screen`` that shows it and the ``step`` (that screen's 0-based page count) it is."""

    number: int
    camera_ids: tuple[str, ...]
    screen: int = 0
    step: int = 0


@dataclass
class CameraOutcome:
    """What happened to one planned camera so far."""

    camera_id: str
    seen_at: datetime | None = None
    dwell_s: float = 0.0
    live: bool = False
    live_s: float = 0.0
    verdict: PatrolVerdict | None = None
    note: str = ""
    screen: int | None = None
    monitor: str = ""
    tile: int | None = None
    # Time on its page (pauses excluded) when the current live stretch began.
    live_since: float | None = None


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


@dataclass(frozen=True, slots=True)
class ScreenProgress:
    """Where one screen is: showing its ``step`` (0-based) of ``steps``, with ``remaining_s``
    of dwell left and ``judged`` of its ``cameras`` judged; ``finished`` once it has shown all
    its pages (it then shows nothing until the patrol ends); ``lost`` once its monitor went away
    (its remaining pages went to the other screens)."""

    screen: int
    monitor: str
    step: int
    steps: int
    remaining_s: float
    judged: int
    cameras: int
    finished: bool
    paused: bool
    lost: bool = False


def utc_now() -> datetime:
    return datetime.now(UTC)


class PrerollLead:
    """How long before its step a page starts playing hidden: long enough for its slowest
    camera's first picture, with a margin, and no longer (see the module docstring).

    ``record`` takes a camera's time from being asked to play (its page set to pre-roll, or
    shown cold) to its first pictures (the GUI times it until they move). A camera's need is its
    own latest time (the slowest of its last ``per_camera``), but no less than the median of
    every camera's lately (what the machine's load makes of a start now); a camera never seen
    needs the 95th percentile of those. A page's lead is its neediest camera's need times
    ``spread`` plus ``margin_s``, at most the configured lead, which also stands while fewer
    than ``min_seen`` times are known (a patrol's first pages, shown cold, give those before any
    pre-roll is due).
    """

    def __init__(
        self,
        *,
        margin_s: float = 0.5,
        spread: float = 1.25,
        recent: int = 64,
        per_camera: int = 3,
        min_seen: int = 4,
        cameras_kept: int = 2048,
    ):
        if margin_s < 0 or spread < 1 or recent < 1 or per_camera < 1 or min_seen < 1:
            raise ValueError("a lead needs a margin of at least 0 s and a spread of at least 1")
        self.margin_s = margin_s
        self.spread = spread
        self.min_seen = min_seen
        self._per_camera = per_camera
        self._recent: deque[float] = deque(maxlen=recent)
        self._ordered: list[float] | None = None  # the recent times sorted (None: to sort)
        # The cameras timed, least recently timed first; a console patrols for days over
        # thousands of cameras, so only the latest ``cameras_kept`` are remembered.
        self._cameras: OrderedDict[str, deque[float]] = OrderedDict()
        self._cameras_kept = max(1, cameras_kept)

    @property
    def seen(self) -> int:
        """How many recent times the lead is learnt from."""
        return len(self._recent)

    def record(self, camera_id: str, seconds: float) -> None:
        """``camera_id`` showed its first picture ``seconds`` after it was asked to play."""
        seconds = max(0.0, float(seconds))
        self._recent.append(seconds)
        self._ordered = None
        own = self._cameras.get(camera_id)
        if own is None:
            own = self._cameras[camera_id] = deque(maxlen=self._per_camera)
            while len(self._cameras) > self._cameras_kept:
                self._cameras.popitem(last=False)
        else:
            self._cameras.move_to_end(camera_id)
        own.append(seconds)

    def need_s(self, camera_id: str) -> float | None:
        """The time ``camera_id`` is expected to take to its first picture now (None while
        too little is known)."""
        if len(self._recent) < self.min_seen:
            return None
        own = self._cameras.get(camera_id)
        if own:
            return max(max(own), self._quantile(0.5))
        return self._quantile(0.95)

    def lead_s(self, camera_ids: Iterable[str], ceiling_s: float | None) -> float | None:
        """How long before its step a page of ``camera_ids`` should start playing; None
        (for the whole dwell) when ``ceiling_s`` is None; ``ceiling_s`` while too little is
        known."""
        if ceiling_s is None:
            return None
        needs = [self.need_s(camera_id) for camera_id in camera_ids]
        if not needs:
            return 0.0  # nothing to play
        if any(need is None for need in needs):
            return ceiling_s
        neediest = max(need for need in needs if need is not None)
        return min(ceiling_s, neediest * self.spread + self.margin_s)

    def _quantile(self, share: float) -> float:
        if self._ordered is None:
            self._ordered = sorted(self._recent)
        ordered = self._ordered
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def pages_of(
    plan: PatrolPlan, tiles_per_page: int, expand: Expander | None = None, screens: int = 1
) -> tuple[PatrolPage, ...]:
    """The plan's cameras (groups expanded, repeats dropped) cut into pages, each dealt to a
    screen round robin (see the module docstring)."""
    if tiles_per_page < 1:
        raise ValueError("a patrol page shows at least one camera")
    if screens < 1:
        raise ValueError("a patrol needs at least one screen")
    cameras: list[str] = []
    for entry in plan.camera_ids:
        cameras.extend(expand(entry) if expand is not None else (entry,))
    unique = list(dict.fromkeys(cameras))
    return tuple(
        PatrolPage(
            number,
            tuple(unique[start : start + tiles_per_page]),
            screen=number % screens,
            step=number // screens,
        )
        for number, start in enumerate(range(0, len(unique), tiles_per_page))
    )


class _Dwell:
    """Time on screen since ``restart``, paused time excluded."""

    def __init__(self) -> None:
        self.started = 0.0
        self.paused_at: float | None = None
        self.paused_total = 0.0

    def restart(self, now: float, *, paused: bool) -> None:
        self.started = now
        self.paused_at = now if paused else None
        self.paused_total = 0.0

    def hold(self, now: float) -> None:
        if self.paused_at is None:
            self.paused_at = now

    def release(self, now: float) -> None:
        if self.paused_at is not None:
            self.paused_total += now - self.paused_at
            self.paused_at = None

    def elapsed(self, now: float) -> float:
        paused = self.paused_total
        if self.paused_at is not None:
            paused += now - self.paused_at
        return max(0.0, now - self.started - paused)


class _Lane(_Dwell):
    """One screen's queue of pages and the time its current page has been on screen."""

    def __init__(self, screen: int, monitor: str, pages: tuple[PatrolPage, ...]):
        super().__init__()
        self.screen = screen
        self.monitor = monitor
        self.pages = list(pages)
        self.lost = False
        self.index = -1
        self.opened = 0  # pages shown so far, the current one included
        # Stepping together: it joined the step late and sits the next turn out.
        self.sits_out = False

    @property
    def current(self) -> PatrolPage | None:
        return self.pages[self.index] if 0 <= self.index < len(self.pages) else None

    @property
    def upcoming(self) -> PatrolPage | None:
        following = self.index + 1
        return self.pages[following] if following < len(self.pages) else None

    @property
    def done(self) -> bool:
        return self.index >= len(self.pages)

    @property
    def left(self) -> int:
        """Pages not shown yet."""
        return len(self.pages) - self.opened


class PatrolRun:
    """One walk through a plan on ``screens`` screens (see the module docstring)."""

    def __init__(
        self,
        plan: PatrolPlan,
        *,
        tiles_per_page: int = 4,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = utc_now,
        expand: Expander | None = None,
        dwell_s: float | None = None,
        screens: int = 1,
        step_mode: StepMode | str = StepMode.TOGETHER,
        monitors: Sequence[str] = (),
    ):
        self.plan = plan
        self.dwell_s = float(plan.dwell_s if dwell_s is None else dwell_s)
        self.step_mode = StepMode(step_mode)
        self.pages = pages_of(plan, tiles_per_page, expand, screens)
        self._clock = clock
        self._wall_clock = wall_clock
        names = list(monitors) + [""] * screens
        self._lanes = [
            _Lane(s, names[s], tuple(p for p in self.pages if p.screen == s))
            for s in range(screens)
        ]
        self._outcomes = {
            camera_id: CameraOutcome(camera_id)
            for page in self.pages
            for camera_id in page.camera_ids
        }
        # Stepping together: the time since the current step began (see the module docstring).
        self._step_clock = _Dwell()
        self.state = PatrolState.READY
        self.started_at: datetime | None = None
        self.finished_at: datetime | None = None

    # ---------------------------------------------------------------- reading

    @property
    def screens(self) -> int:
        return len(self._lanes)

    def monitor(self, screen: int) -> str:
        return self._lanes[screen].monitor

    def set_monitor(self, screen: int, name: str) -> None:
        """The screen's pages now show on monitor ``name`` (another stood in for its own);
        cameras already shown keep the one they were shown on."""
        self._lanes[screen].monitor = name

    def screen_lost(self, screen: int) -> bool:
        return self._lanes[screen].lost

    @property
    def current(self) -> PatrolPage | None:
        """The page on screen 0 (the main window)."""
        return self.current_on(0)

    @property
    def upcoming(self) -> PatrolPage | None:
        """The page after screen 0's current one (to pre-roll), if any."""
        return self.upcoming_on(0)

    def current_on(self, screen: int) -> PatrolPage | None:
        if self.state in (PatrolState.RUNNING, PatrolState.PAUSED):
            return self._lanes[screen].current
        return None

    def upcoming_on(self, screen: int) -> PatrolPage | None:
        if self.state is PatrolState.FINISHED:
            return None
        return self._lanes[screen].upcoming

    def steps_on(self, screen: int) -> int:
        return len(self._lanes[screen].pages)

    def screen_done(self, screen: int) -> bool:
        return self.state is PatrolState.FINISHED or self._lanes[screen].done

    def screen_of(self, camera_id: str) -> int | None:
        """The screen whose current page shows the camera, if any."""
        for lane in self._live_lanes():
            page = lane.current
            if page is not None and camera_id in page.camera_ids:
                return lane.screen
        return None

    def outcome(self, camera_id: str) -> CameraOutcome:
        return self._outcomes[camera_id]

    def elapsed_on_page(self, now: float | None = None, screen: int = 0) -> float:
        now = self._clock() if now is None else now
        return self._lanes[screen].elapsed(now)

    def remaining_s(self, now: float | None = None, screen: int = 0) -> float:
        if self.state not in (PatrolState.RUNNING, PatrolState.PAUSED):
            return 0.0
        due = self.step_due_in(screen, now)
        return 0.0 if due is None else due

    def step_due_in(self, screen: int, now: float | None = None) -> float | None:
        """Seconds until ``screen`` moves on by the dwell (paused time does not count); None
        when it shows nothing. Screens stepping together move at the end of the common step
        (a screen sitting a turn out, one dwell later)."""
        if self.state not in (PatrolState.RUNNING, PatrolState.PAUSED):
            return None
        lane = self._lanes[screen]
        if lane.current is None:
            return None
        now = self._now(now)
        if self.step_mode is not StepMode.TOGETHER:
            return max(0.0, self.dwell_s - lane.elapsed(now))
        due = max(0.0, self.dwell_s - self._step_clock.elapsed(now))
        return due + self.dwell_s if lane.sits_out else due

    def preroll_due(
        self,
        screen: int,
        lead_s: float | None,
        now: float | None = None,
        *,
        judging_ends_step: bool = True,
    ) -> bool:
        """Whether ``screen``'s next page should play (hidden) from now on: its step is due
        within ``lead_s`` seconds (None: pre-roll for the whole dwell), or, with
        ``judging_ends_step``, the operator has begun judging the step (the last verdict
        moves it on without waiting for the dwell). Playing a page costs as much hidden as
        shown, so the lead is the time a cold page needs to show live pictures, not more."""
        if self.upcoming_on(screen) is None:
            return False
        due = self.step_due_in(screen, now)
        if due is None:
            return False
        if lead_s is None or due <= lead_s:
            return True
        if not judging_ends_step:
            return False
        lanes = self._live_lanes() if self.step_mode is StepMode.TOGETHER else [self._lanes[screen]]
        return any(
            self._outcomes[camera_id].verdict is not None
            for lane in lanes
            if lane.current is not None
            for camera_id in lane.current.camera_ids
        )

    def preroll_due_in(
        self, screen: int, lead_s: float | None, now: float | None = None
    ) -> float | None:
        """Seconds until ``screen``'s next page is due to pre-roll by the lead time alone
        (0: now; None: it has none, or its step is not running down: paused, or nothing
        shown). ``preroll_due`` is the whole rule."""
        if self.state is not PatrolState.RUNNING or self.upcoming_on(screen) is None:
            return None
        due = self.step_due_in(screen, now)
        if due is None:
            return None
        return 0.0 if lead_s is None else max(0.0, due - lead_s)

    def progress(self, now: float | None = None) -> list[ScreenProgress]:
        now = self._now(now)
        rows = []
        for lane in self._lanes:
            page = lane.current if self.state is not PatrolState.FINISHED else None
            cameras = page.camera_ids if page is not None else ()
            rows.append(
                ScreenProgress(
                    screen=lane.screen,
                    monitor=lane.monitor,
                    step=min(max(lane.index, 0), len(lane.pages)),
                    steps=len(lane.pages),
                    remaining_s=self.remaining_s(now, lane.screen),
                    judged=sum(1 for c in cameras if self._outcomes[c].verdict is not None),
                    cameras=len(cameras),
                    finished=page is None and self.state is not PatrolState.READY,
                    paused=self.state is PatrolState.PAUSED,
                    lost=lane.lost,
                )
            )
        return rows

    def all_judged(self, screen: int | None = None) -> bool:
        """Every camera on the screen's current page (every screen's, for None) is judged;
        False when there is nothing on screen."""
        if self.state not in (PatrolState.RUNNING, PatrolState.PAUSED):
            return False
        lanes = self._live_lanes() if screen is None else [self._lanes[screen]]
        pages = [lane.current for lane in lanes if lane.current is not None]
        return bool(pages) and all(
            self._outcomes[c].verdict is not None for page in pages for c in page.camera_ids
        )

    def unjudged_on(self, screen: int) -> list[str]:
        page = self.current_on(screen)
        if page is None:
            return []
        return [c for c in page.camera_ids if self._outcomes[c].verdict is None]

    # ---------------------------------------------------------------- commands

    def start(self, now: float | None = None) -> PatrolPage | None:
        """Show every screen's first page; returns screen 0's (None for an empty plan, which
        finishes at once)."""
        if self.state is not PatrolState.READY:
            raise PatrolError("the patrol has already started")
        self.started_at = self._wall_clock()
        if not self.pages:
            self._finish()
            return None
        self.state = PatrolState.RUNNING
        now = self._now(now)
        self._step_clock.restart(now, paused=False)
        for lane in self._lanes:
            self._open(lane, now)
        return self.current

    def tick(self, now: float | None = None) -> PatrolPage | None:
        """Move on where the dwell is up; returns screen 0's new page when it moved (see
        ``tick_screens`` for every screen)."""
        moved = self.tick_screens(now)
        return self.current if 0 in moved else None

    def tick_screens(self, now: float | None = None) -> list[int]:
        """Move on where the dwell is up; returns the screens whose page changed (a screen
        that ran out of pages counts: it now shows nothing)."""
        if self.state is not PatrolState.RUNNING:
            return []
        now = self._now(now)
        if self.step_mode is StepMode.TOGETHER:
            if self._step_clock.elapsed(now) < self.dwell_s:
                return []
            sitting_out = [lane for lane in self._live_lanes() if lane.sits_out]
            return self._advance_all(now, sitting_out)
        due = [lane for lane in self._live_lanes() if lane.elapsed(now) >= self.dwell_s]
        if not due:
            return []
        moved = []
        for lane in due:
            self._step(lane, now)
            moved.append(lane.screen)
        self._finish_if_done()
        return moved

    def advance(self, now: float | None = None) -> PatrolPage | None:
        """Close the current pages now (the operator skipped ahead, or all were judged) and
        show the next on every screen; returns screen 0's, or None when it has no more."""
        if self.state not in (PatrolState.RUNNING, PatrolState.PAUSED):
            return None
        self._advance_all(self._now(now))
        return self.current

    def advance_all(self, now: float | None = None) -> list[int]:
        """``advance`` returning the screens whose page changed."""
        if self.state not in (PatrolState.RUNNING, PatrolState.PAUSED):
            return []
        return self._advance_all(self._now(now))

    def advance_screen(self, screen: int, now: float | None = None) -> list[int]:
        """Move one screen on (every screen, when they step together); returns the screens
        whose page changed."""
        if self.state not in (PatrolState.RUNNING, PatrolState.PAUSED):
            return []
        now = self._now(now)
        if self.step_mode is StepMode.TOGETHER:
            return self._advance_all(now)
        lane = self._lanes[screen]
        if lane.done:
            return []
        if self.state is PatrolState.PAUSED:
            self.resume(now)
        self._step(lane, now)
        self._finish_if_done()
        return [screen]

    def drop_screen(self, screen: int, now: float | None = None) -> list[int]:
        """Screen ``screen`` is gone (its monitor was unplugged): the page it shows closes now
        (its cameras keep their screen, tile, live time and verdicts), and the pages it had not
        shown yet are dealt, in plan order, to the screens still there with the least left to
        show; each screen's own pages still to come are kept in plan order with those. A
        screen that had run out of pages shows its first new one at once. Returns the screens
        given pages. Screen 0 (the main window) cannot be dropped."""
        if not 0 < screen < len(self._lanes):
            raise PatrolError(f"screen {screen} cannot be dropped")
        lane = self._lanes[screen]
        if lane.lost or self.state is PatrolState.FINISHED:
            return []
        now = self._now(now)
        lane.lost = True
        orphans = lane.pages[lane.opened :]
        if lane.current is not None:
            self._close(lane, now)
        del lane.pages[lane.opened :]
        lane.index = len(lane.pages)
        receivers = [other for other in self._lanes if not other.lost]
        started = self.state in (PatrolState.RUNNING, PatrolState.PAUSED)
        idle = {id(other) for other in receivers if started and other.done}
        given: dict[int, _Lane] = {}
        for page in orphans:
            target = min(receivers, key=lambda other: (other.left, other.screen))
            target.pages.append(page)
            given[target.screen] = target
        woken = []
        for target in given.values():
            first = target.opened
            coming = sorted(target.pages[first:], key=lambda page: page.number)
            target.pages[first:] = [
                replace(page, screen=target.screen, step=first + offset)
                for offset, page in enumerate(coming)
            ]
            if id(target) in idle:
                target.index = first - 1
                self._open(target, now)
                woken.append(target)
        if woken and self.step_mode is StepMode.TOGETHER:
            self._join_step(woken, now)
        by_number = {page.number: page for other in self._lanes for page in other.pages}
        self.pages = tuple(by_number[number] for number in sorted(by_number))
        if started:
            self._finish_if_done()
        return sorted(given)

    def pause(self, now: float | None = None) -> None:
        if self.state is PatrolState.RUNNING:
            now = self._now(now)
            self._step_clock.hold(now)
            for lane in self._live_lanes():
                lane.hold(now)
            self.state = PatrolState.PAUSED

    def resume(self, now: float | None = None) -> None:
        if self.state is PatrolState.PAUSED:
            now = self._now(now)
            self._step_clock.release(now)
            for lane in self._lanes:
                lane.release(now)
            self.state = PatrolState.RUNNING

    def stop(self, now: float | None = None) -> None:
        """End the patrol early: the current pages close, later cameras are not reached."""
        if self.state in (PatrolState.RUNNING, PatrolState.PAUSED):
            now = self._now(now)
            for lane in self._live_lanes():
                self._close(lane, now)
        if self.state is not PatrolState.FINISHED:
            self._finish()

    def report_live(self, camera_id: str, now: float | None = None) -> None:
        """The camera's tile shows live pictures while on screen (from ``now`` if it did not
        already)."""
        lane = self._lane_showing(camera_id)
        if lane is None:
            return
        outcome = self._outcomes[camera_id]
        outcome.live = True
        if outcome.live_since is None:
            outcome.live_since = lane.elapsed(self._now(now))

    def report_lost(self, camera_id: str, now: float | None = None) -> None:
        """The camera's tile stopped showing live pictures (frozen, reconnecting)."""
        lane = self._lane_showing(camera_id)
        if lane is not None:
            self._end_live(self._outcomes[camera_id], lane.elapsed(self._now(now)))

    def mark(self, camera_id: str, verdict: PatrolVerdict, note: str = "") -> None:
        """The operator's verdict on a camera on a current page (a later one replaces it)."""
        if self._lane_showing(camera_id) is None:
            raise PatrolError(f"camera {camera_id} is not on a current patrol page")
        outcome = self._outcomes[camera_id]
        outcome.verdict = verdict
        outcome.note = note

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
            screen = outcome.screen
            monitor = outcome.monitor if screen is not None else ""
            entries.append(
                {
                    "camera_id": outcome.camera_id,
                    "seen_at": seen_at.isoformat(),
                    "dwell_s": round(outcome.dwell_s, 3),
                    "verdict": verdict.value,
                    "note": note,
                    "screen": outcome.screen,
                    "monitor": monitor or None,
                    "tile": outcome.tile,
                    "live_s": round(outcome.live_s, 3) if screen is not None else None,
                }
            )
        return entries

    # ---------------------------------------------------------------- internals

    def _now(self, now: float | None) -> float:
        return self._clock() if now is None else now

    def _live_lanes(self) -> list[_Lane]:
        return [lane for lane in self._lanes if lane.current is not None]

    def _lane_showing(self, camera_id: str) -> _Lane | None:
        if self.state not in (PatrolState.RUNNING, PatrolState.PAUSED):
            return None
        for lane in self._live_lanes():
            page = lane.current
            if page is not None and camera_id in page.camera_ids:
                return lane
        return None

    def _advance_all(self, now: float, sitting_out: Sequence[_Lane] = ()) -> list[int]:
        """Every screen with pages left moves on but those ``sitting_out`` a turn (they take
        the next one); a new common step begins."""
        if self.state is PatrolState.PAUSED:
            self.resume(now)
        self._step_clock.restart(now, paused=False)
        moved = []
        for lane in self._lanes:
            if lane in sitting_out:
                lane.sits_out = False
            elif not lane.done:
                lane.sits_out = False
                self._step(lane, now)
                moved.append(lane.screen)
        self._finish_if_done()
        return moved

    def _join_step(self, woken: list[_Lane], now: float) -> None:
        """Stepping together, screens that had shown everything were just given pages: they
        join the common step (see the module docstring)."""
        if not any(lane.current is not None for lane in self._lanes if lane not in woken):
            self._step_clock.restart(now, paused=self.state is PatrolState.PAUSED)
            return
        left = self.dwell_s - self._step_clock.elapsed(now)
        for lane in woken:
            lane.sits_out = left < self.dwell_s / 2

    def _step(self, lane: _Lane, now: float) -> None:
        if lane.current is not None:
            self._close(lane, now)
        self._open(lane, now)

    def _open(self, lane: _Lane, now: float) -> None:
        lane.index += 1
        lane.restart(now, paused=self.state is PatrolState.PAUSED)
        page = lane.current
        if page is None:
            return
        lane.opened += 1
        seen_at = self._wall_clock()
        for tile, camera_id in enumerate(page.camera_ids):
            outcome = self._outcomes[camera_id]
            if outcome.seen_at is None:
                outcome.seen_at = seen_at
                outcome.screen = lane.screen
                outcome.monitor = lane.monitor
                outcome.tile = tile

    def _close(self, lane: _Lane, now: float) -> None:
        page = lane.current
        if page is None:
            return
        shown = lane.elapsed(now)
        for camera_id in page.camera_ids:
            outcome = self._outcomes[camera_id]
            outcome.dwell_s += shown
            self._end_live(outcome, shown)

    @staticmethod
    def _end_live(outcome: CameraOutcome, at: float) -> None:
        if outcome.live_since is not None:
            outcome.live_s += max(0.0, at - outcome.live_since)
            outcome.live_since = None

    def _finish_if_done(self) -> None:
        if all(lane.done for lane in self._lanes):
            self._finish()

    def _finish(self) -> None:
        self.state = PatrolState.FINISHED
        self.finished_at = self._wall_clock()
