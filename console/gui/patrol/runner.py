"""Runs a patrol on the wall: page after page of cameras on every wall screen, each screen's
next page pre-rolled.

The wall's screens are the main window (screen 0) and the monitor of every page the operator
detached (screens 1…, in the order of those pages). Each screen gets two transient wall pages
taking turns: one is shown, the other holds that screen's next page (its cameras' stream
addresses asked for a second into the step) and plays its sub streams while hidden for a lead
time before
the step, so each step shows live pictures at once. A hidden page decodes as dearly as a
shown one, so the lead is learnt (``PrerollLead``): the runner times every camera it asks to
play, pre-rolled or shown cold, until its pictures move (its player's second picture: libvlc
shows the first at once, then fills its network buffer), and a page starts that long before
its step, with a margin, never sooner than ``preroll_s`` (the ``patrol.preroll_s`` setting,
also the lead while nothing has been timed yet). A step that comes sooner (all judged, "Next
page") shows its page at once all the same, its pictures coming live there; judging a
step's first camera starts the pre-roll, since the last verdict moves the step on. On a
detached screen both stand in
the monitor's window in front of the operator's own page, which comes back when the patrol
ends; in the main window the operator's current page comes back.

The plan's pages are dealt to the screens round robin (``console.wall.patrol``); the screens
step together or each on its own dwell (``step_mode``). The operator's verdict goes on the
selected tile of the screen that has the focus (``mark_selected``; one key each, see
``VERDICT_KEYS``), or on every camera of that screen still unjudged (``mark_rest_ok``); an
abnormal verdict takes a snapshot and asks for an event to be raised with it
(``raise_event_requested``; ``screen_of_camera`` says on which monitor the dialog belongs,
``window_of_camera`` which detached screen's window it belongs to).
When every camera on a step is judged the patrol moves on without waiting for the dwell.

A monitor unplugged during the patrol takes its screen with it: the wall view brings that
screen's pages home to the main window, and the patrol hands the pages it had not shown yet to
the screens still there (``PatrolRun.drop_screen``), pre-rolled as usual, so nothing planned
waits unseen in the main window's stack. Should another monitor stand in for the lost one
(the wall view's choice), the screen goes on there, with its keys moved to that window.

At the end the record is handed to ``submit_record`` on the task runner's store lane (the
composition root puts it in the outbox, which delivers it to ``POST /patrol-records``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from console.domain.model import PatrolPlan, PatrolVerdict
from console.gui.wall.page_view import WallPageView
from console.gui.wall.tile import WallTile
from console.gui.wall.wall_view import WallView
from console.tasks import STORE, TaskRunner
from console.video.supervisor import StreamState
from console.wall.layout import smallest_preset_for
from console.wall.model import ScreenRef, WallPage
from console.wall.patrol import (
    Coverage,
    Expander,
    PatrolRun,
    PatrolState,
    PrerollLead,
    ScreenProgress,
    StepMode,
)

logger = logging.getLogger(__name__)

TICK_MS = 200
# While a screen's new step is not yet all live, or the pictures of a camera asked to play do
# not move yet, they are looked at this often (step-live times, the cameras' times to start).
LIVE_CHECK_MS = 40
# A camera asked to play that shows no picture for this long is not timed (it is dead, or
# offline): its time says nothing about how soon others start.
FIRST_PICTURE_WATCH_S = 20.0
# A camera is timed until its player's second picture: libvlc shows the first at once, then
# fills its network buffer before the next, so a step shown in between would stand still.
PICTURES_TO_MOVE = 2
# The next page's stream addresses are asked for this long into a step: not at the step, when
# the server's answers would hold up the new page's first pictures, nor at the pre-roll, whose
# lead would have to cover them.
ADDRESSES_AFTER_S = 1.0
RecordSink = Callable[[dict[str, Any]], object]

OK_KEY = "Space"
ABNORMAL_KEY = "X"
REST_OK_KEY = "Shift+Space"

VERDICT_COLOURS = {
    PatrolVerdict.OK: QColor(30, 140, 70),
    PatrolVerdict.ABNORMAL: QColor(200, 40, 40),
}


@dataclass
class _Screen:
    """One wall screen during a patrol: its two transient pages taking turns."""

    ref: ScreenRef | None  # None: the main window
    monitor: str
    pages: list[WallPage]
    home: WallPage | None = None  # the operator's page its window showed before
    shown: int = 0
    shown_at: float = 0.0
    step: int = -1
    showing: bool = False  # the shown page has cameras of the run's current page
    all_live: bool = False
    live: set[str] = field(default_factory=set)
    shortcuts: list[QShortcut] = field(default_factory=list)
    window: QWidget | None = None  # the detached window holding its keys
    lost: bool = False  # its monitor went away; its pages went to the other screens
    prerolled: bool = False  # its standby page plays the next step's cameras (hidden)
    addressed: bool = False  # the stream addresses of its standby page's cameras were asked for


class PatrolRunner(QObject):
    """Drives one ``PatrolRun`` on a ``WallView`` (see the module docstring).

    Signals:
        page_shown(int number, int total): screen 0 shows a new patrol page (0-based plan page
            number, of all the plan's pages);
        screen_step_shown(int screen, int step, int steps): a screen shows its next page
            (``step`` 0-based; ``step == steps`` when it has no more and shows nothing);
        step_live(int screen, int step, float seconds): every camera tile of that screen's
            step shows live pictures, ``seconds`` after the step was shown;
        progress_changed(): something ``progress()`` tells changed (a step, a verdict);
        cameras_shown(object camera_ids): a screen shows a new page with these cameras (a
            tuple, in tile order), whichever screen it is;
        screen_lost(int screen): that screen's monitor went away during the patrol; its
            pages not shown yet went to the other screens;
        camera_marked(str camera_id, str verdict);
        raise_event_requested(str camera_id, str snapshot_path): an abnormal verdict;
        record_submitted(object body): the record is in the outbox;
        record_failed(str message);
        finished(object coverage): the patrol is over (``Coverage``).
    """

    page_shown = Signal(int, int)
    screen_step_shown = Signal(int, int, int)
    step_live = Signal(int, int, float)
    progress_changed = Signal()
    cameras_shown = Signal(object)
    screen_lost = Signal(int)
    camera_marked = Signal(str, str)
    raise_event_requested = Signal(str, str)
    record_submitted = Signal(object)
    record_failed = Signal(str)
    finished = Signal(object)

    def __init__(
        self,
        wall_view: WallView,
        runner: TaskRunner,
        submit_record: RecordSink,
        *,
        clock: Callable[[], float] = time.monotonic,
        advance_when_judged: bool = True,
        step_mode: StepMode | str = StepMode.TOGETHER,
        preroll_s: float | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        # The longest a step's pages play hidden before it, and the lead before any camera's
        # first picture was timed (None: for the whole dwell); the ``patrol.preroll_s`` setting.
        self.preroll_s = preroll_s
        # Learns the lead from the cameras' times to start (kept across patrols: a plan
        # patrolled again meets the same cameras).
        self.lead = PrerollLead()
        # Cameras asked to play (pre-rolled or shown cold) whose pictures do not move yet:
        # (screen, asked at).
        self._asked: dict[str, tuple[int, float]] = {}
        self.wall_view = wall_view
        self.wall = wall_view.wall
        self._runner = runner
        self._submit = submit_record
        self._clock = clock
        self.advance_when_judged = advance_when_judged
        self.step_mode = StepMode(step_mode)
        self.run: PatrolRun | None = None
        self._screens: list[_Screen] = []
        self._home_page = 0
        self._awaiting_snapshot: set[str] = set()
        self._camera_screens: dict[str, int] = {}
        self._worked_on = 0  # the screen that last had the keyboard focus
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._live_timer = QTimer(self)
        self._live_timer.setInterval(LIVE_CHECK_MS)
        self._live_timer.timeout.connect(self._on_live_timer_timeout)
        # Starts a pre-roll when its lead time comes (the tick would be up to TICK_MS late).
        self._preroll_timer = QTimer(self)
        self._preroll_timer.setSingleShot(True)
        self._preroll_timer.timeout.connect(self._start_prerolls_due)
        wall_view.snapshot_saved.connect(self._on_wall_view_snapshot_saved)
        wall_view.snapshot_failed.connect(self._on_wall_view_snapshot_failed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
            # After the wall view's own handler (connected first): it has placed the pages.
            app.screenRemoved.connect(self._on_screen_removed)

    # ---------------------------------------------------------------- reading

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.state in (PatrolState.RUNNING, PatrolState.PAUSED)

    @property
    def screen_count(self) -> int:
        """How many screens the running (or last) patrol uses."""
        return len(self._screens) if self._screens else (self.run.screens if self.run else 0)

    def screen_names(self) -> list[str]:
        return [screen.monitor for screen in self._screens]

    def shown_view(self, screen: int = 0) -> WallPageView | None:
        if not 0 <= screen < len(self._screens):
            return None
        slot = self._screens[screen]
        return self._view_of(slot.pages[slot.shown])

    def standby_view(self, screen: int = 0) -> WallPageView | None:
        if not 0 <= screen < len(self._screens):
            return None
        slot = self._screens[screen]
        return self._view_of(slot.pages[1 - slot.shown])

    def _view_of(self, page: WallPage) -> WallPageView | None:
        try:
            return self.wall_view.page_view(self.wall.index_of(page))
        except (KeyError, ValueError):
            return None  # the wall went away under the patrol (the console is closing)

    def all_live(self, screen: int | None = None) -> bool:
        """Every camera tile of the shown step of ``screen`` (of every screen, for None)
        shows live pictures."""
        screens = range(len(self._screens)) if screen is None else [screen]
        return self.running and all(self._tiles_live(s) for s in screens)

    def preroll_lead_s(self, screen: int = 0) -> float | None:
        """How long before its step ``screen``'s next page starts playing hidden, as things
        stand (None: for the whole dwell, or it has none)."""
        run = self.run
        upcoming = run.upcoming_on(screen) if run is not None else None
        if upcoming is None:
            return None
        return self.lead.lead_s(upcoming.camera_ids, self.preroll_s)

    def progress(self) -> list[ScreenProgress]:
        """Where each screen is (empty before the first patrol)."""
        return self.run.progress() if self.run is not None else []

    def focused_screen(self) -> int:
        """The screen the operator works on: the one holding the keyboard focus, else the
        one whose window is active, else the one that had the focus last (the operator
        clicked a button of the patrol panel, say), else the main window (0)."""
        screen = self._screen_at_focus()
        if screen is None:
            screen = self._worked_on if self._worked_on < len(self._screens) else 0
        if 0 <= screen < len(self._screens) and self._screens[screen].lost:
            return 0
        return screen

    def _screen_at_focus(self) -> int | None:
        focus = QApplication.focusWidget()
        views = [None if slot.lost else self.shown_view(s) for s, slot in enumerate(self._screens)]
        if focus is not None:
            for screen, view in enumerate(views):
                if view is not None and (focus is view or view.isAncestorOf(focus)):
                    return screen
        active = QApplication.activeWindow()
        for screen, view in enumerate(views):
            if screen and view is not None and view.window() is active:
                return screen
        return None

    def _on_focus_changed(self, _old: QWidget | None, _now: QWidget | None) -> None:
        if self._screens:
            screen = self._screen_at_focus()
            if screen is not None:
                self._worked_on = screen

    def window_of_camera(self, camera_id: str) -> QWidget | None:
        """The detached screen's window showing (or that last showed) the camera in this
        patrol; None for the main window's screen, a lost screen or a camera not patrolled."""
        screen = self._camera_screens.get(camera_id)
        if screen is None or not 0 < screen < len(self._screens):
            return None
        slot = self._screens[screen]
        if slot.lost:
            return None
        view = self.shown_view(screen)
        window = view.window() if view is not None else None
        return window if window is not None and window is not self.wall_view.window() else None

    def screen_of_camera(self, camera_id: str) -> QScreen | None:
        """The monitor showing (or that last showed) the camera in this patrol."""
        screen = self._camera_screens.get(camera_id)
        view = self.shown_view(screen) if screen is not None else None
        if view is None and screen is not None and screen < len(self._screens):
            view = self.standby_view(screen)
        if view is None:
            return None
        return view.window().screen()

    # ---------------------------------------------------------------- commands

    def start(
        self,
        plan: PatrolPlan,
        *,
        tiles_per_page: int = 4,
        expand: Expander | None = None,
        step_mode: StepMode | str | None = None,
    ) -> None:
        """Patrol ``plan`` over every wall screen (see the module docstring)."""
        if self.running:
            raise RuntimeError("a patrol is already running")
        mode = StepMode(step_mode) if step_mode is not None else self.step_mode
        screens = self._wall_screens()
        run = PatrolRun(
            plan,
            tiles_per_page=tiles_per_page,
            clock=self._clock,
            expand=expand,
            screens=len(screens),
            step_mode=mode,
            monitors=[monitor for _ref, monitor, _home in screens],
        )
        self.run = run
        self._camera_screens = {}
        self._asked = {}
        self._worked_on = 0
        self._home_page = self.wall.current
        layout = smallest_preset_for(tiles_per_page)
        self._screens = [
            _Screen(
                ref,
                monitor,
                [
                    WallPage(layout, name=plan.name, screen=ref, transient=True),
                    WallPage(layout, name=plan.name, screen=ref, transient=True),
                ],
                home=home,
            )
            for ref, monitor, home in screens
        ]
        for slot in self._screens:
            for page in slot.pages:
                self.wall.add_page(page)
        first = run.start(self._clock())
        if first is None and run.state is PatrolState.FINISHED:
            self._finish()
            return
        for number, slot in enumerate(self._screens):
            self._install_keys(number, slot)
            self._show(number, first_step=True)
        self._timer.start()
        self._start_prerolls_due()
        self.progress_changed.emit()

    def mark_selected(self, verdict: PatrolVerdict, screen: int | None = None) -> bool:
        """The verdict for the selected tile of ``screen`` (None: the screen with the focus);
        False if there is none."""
        if not self.running:
            return False
        screen = self.focused_screen() if screen is None else screen
        view = self.shown_view(screen)
        if view is None:
            return False
        cell = view.selected
        camera_id = view.tile(cell).camera_id if 0 <= cell < len(view.tiles) else None
        if camera_id is None:
            return False
        self.mark(camera_id, verdict)
        return True

    def mark_rest_ok(self, screen: int | None = None) -> int:
        """Mark every camera of ``screen``'s step (None: the screen with the focus) that has
        no verdict yet as normal; returns how many."""
        run = self.run
        if run is None or not self.running:
            return 0
        screen = self.focused_screen() if screen is None else screen
        cameras = run.unjudged_on(screen) if 0 <= screen < len(self._screens) else []
        for camera_id in cameras:
            self._apply_mark(screen, camera_id, PatrolVerdict.OK, "")
        if cameras:
            self._after_marks(screen)
        return len(cameras)

    def mark(self, camera_id: str, verdict: PatrolVerdict, note: str = "") -> None:
        run = self.run
        screen = run.screen_of(camera_id) if run is not None else None
        if screen is None:
            return
        self._apply_mark(screen, camera_id, verdict, note)
        view = self.shown_view(screen)
        if view is not None:
            self._select_next_unjudged(view)
        self._after_marks(screen)

    def next_page(self) -> None:
        """Every screen moves on to its next page now."""
        run = self.run
        if run is None or not self.running:
            return
        self._collect_live()
        self._show_moved(run.advance_all(self._clock()))

    def next_page_on(self, screen: int) -> None:
        """``screen`` moves on now (every screen, when they step together)."""
        run = self.run
        if run is None or not self.running:
            return
        self._collect_live()
        self._show_moved(run.advance_screen(screen, self._clock()))

    def pause(self) -> None:
        if self.run is not None:
            self._collect_live()
            self.run.pause(self._clock())
            self.progress_changed.emit()

    def resume(self) -> None:
        if self.run is not None:
            self.run.resume(self._clock())
            self._start_prerolls_due()
            self.progress_changed.emit()

    def stop(self) -> None:
        if self.run is None or not self.running:
            return
        self._collect_live()
        self.run.stop(self._clock())
        self._finish()

    # ---------------------------------------------------------------- screens

    def _wall_screens(self) -> list[tuple[ScreenRef | None, str, WallPage | None]]:
        """(where, monitor name, the operator's page shown there) for the main window and
        each monitor an operator's page is detached to."""
        main = self.wall_view.screen()
        screens: list[tuple[ScreenRef | None, str, WallPage | None]] = [
            (None, main.name() if main is not None else "", None)
        ]
        taken: set[str] = set()
        for index, page in enumerate(self.wall.pages):
            if page.screen is None or page.transient or page.screen.name in taken:
                continue
            window = self.wall_view.screen_window(index)
            if window is None:
                continue
            taken.add(page.screen.name)
            shown = window.content
            home = next(
                (
                    p
                    for i, p in enumerate(self.wall.pages)
                    if self.wall_view.screen_window(i) is window
                    and self.wall_view.page_view(i) is shown
                ),
                page,
            )
            screens.append((page.screen, window.screen().name(), home))
        return screens

    def _install_keys(self, number: int, slot: _Screen) -> None:
        """A detached screen's window gets the verdict keys too (the main window's are the
        patrol panel's, on the wall view)."""
        if slot.ref is None:
            return
        window = self.wall_view.screen_window(self.wall.index_of(slot.pages[0]))
        if window is None:
            return
        slot.window = window
        for key, action in (
            (OK_KEY, lambda: self.mark_selected(PatrolVerdict.OK, number)),
            (ABNORMAL_KEY, lambda: self.mark_selected(PatrolVerdict.ABNORMAL, number)),
            (REST_OK_KEY, lambda: self.mark_rest_ok(number)),
        ):
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(action)
            slot.shortcuts.append(shortcut)

    @staticmethod
    def _drop_keys(slot: _Screen) -> None:
        for shortcut in slot.shortcuts:
            if isValid(shortcut):  # gone already with a window that went away
                shortcut.setEnabled(False)
                shortcut.deleteLater()
        slot.shortcuts.clear()
        slot.window = None

    def _on_screen_removed(self, _screen: QScreen) -> None:
        if self.running:
            # Once the wall view has placed its pages again (it may do so later than now).
            QTimer.singleShot(0, self, self._check_screens)

    def _check_screens(self) -> None:
        """Find detached screens whose pages lost their window (their monitor went away)
        or moved to another window (another monitor stands in for theirs)."""
        if not self.running:
            return
        for number, slot in enumerate(self._screens):
            if slot.ref is None or slot.lost:
                continue
            try:
                index = self.wall.index_of(slot.pages[slot.shown])
            except ValueError:
                continue  # the console is closing
            window = self.wall_view.screen_window(index)
            if window is None:
                self._lose_screen(number)
                if not self.running:
                    return
            elif window is not slot.window:
                self._move_screen(number, window)

    def _move_screen(self, number: int, window: QWidget) -> None:
        """Screen ``number``'s pages stand on another monitor now: its keys follow them, and
        the patrol's page stays in front there."""
        slot = self._screens[number]
        self._drop_keys(slot)
        self._install_keys(number, slot)
        self.wall_view.bring_to_front(self.wall.index_of(slot.pages[slot.shown]))
        monitor = window.screen().name() if window.screen() is not None else ""
        logger.info("patrol screen %d goes on on monitor %s", number, monitor)
        slot.monitor = monitor
        if self.run is not None:
            self.run.set_monitor(number, monitor)
        self.progress_changed.emit()

    def _lose_screen(self, number: int) -> None:
        """Screen ``number``'s monitor is gone: its pages not shown yet go to the other
        screens (see the module docstring)."""
        run = self.run
        if run is None:
            return
        slot = self._screens[number]
        logger.info(
            "patrol screen %d (%s) is gone; its pages go on elsewhere", number, slot.monitor
        )
        self._collect_live()  # live time up to now
        now = self._clock()
        before = [(run.current_on(s), run.upcoming_on(s)) for s in range(len(self._screens))]
        slot.lost = True
        # Its pages wait hidden in the main window until the patrol ends, decoding nothing;
        # the operator's own page from that monitor is already home.
        self._drop_keys(slot)
        slot.home = None
        for page in slot.pages:
            view = self._view_of(page)
            if view is not None:
                view.set_preroll(False)
        self._load(slot.pages[1 - slot.shown], ())
        run.drop_screen(number, now)
        self.screen_lost.emit(number)
        if run.state is PatrolState.FINISHED:
            self._finish()
            return
        for other, (current, upcoming) in enumerate(before):
            if other == number or self._screens[other].lost:
                continue
            if run.current_on(other) != current:
                self._show(other)
            elif run.upcoming_on(other) != upcoming:
                self._preroll(other)
        self._start_prerolls_due()
        self.progress_changed.emit()

    def _preroll(self, number: int) -> None:
        """Screen ``number``'s next page just changed: its standby page takes it."""
        self._load_standby(number)

    def _load_standby(self, number: int) -> None:
        """Screen ``number``'s standby page holds the run's next page for that screen, without
        players until the lead time (``_preroll_if_due``)."""
        run = self.run
        if run is None:
            return
        slot = self._screens[number]
        upcoming = run.upcoming_on(number)
        standby = slot.pages[1 - slot.shown]
        view = self._view_of(standby)
        if view is not None:
            view.set_preroll(False)
        slot.prerolled = False
        slot.addressed = False
        self._load(standby, upcoming.camera_ids if upcoming is not None else ())
        self._preroll_if_due(number)

    def _ask_addresses_if_due(self, number: int, now: float) -> None:
        """Ask for the stream addresses of screen ``number``'s next cameras once its step has
        been on for ``ADDRESSES_AFTER_S`` (a request to the server each, unless known)."""
        run = self.run
        slot = self._screens[number]
        if run is None or slot.addressed or slot.lost:
            return
        if run.elapsed_on_page(now, number) < ADDRESSES_AFTER_S:
            return
        slot.addressed = True
        upcoming = run.upcoming_on(number)
        addresses = self.wall_view.streams.addresses
        for camera_id in upcoming.camera_ids if upcoming is not None else ():
            addresses.get(camera_id)

    def _preroll_if_due(self, number: int) -> None:
        """Screen ``number``'s standby page starts playing its cameras (hidden) once the run
        says its step is near (``preroll_s``); until then it holds them without players."""
        run = self.run
        slot = self._screens[number]
        if run is None or slot.lost or slot.prerolled:
            return
        now = self._clock()
        lead = self.preroll_lead_s(number)
        if not run.preroll_due(number, lead, now, judging_ends_step=self.advance_when_judged):
            return
        slot.prerolled = True
        slot.addressed = True  # the wall asks for them as the page plays
        view = self._view_of(slot.pages[1 - slot.shown])
        if view is not None:
            view.set_preroll(True)
            self._ask(number, view, now)

    def _start_prerolls_due(self) -> None:
        """Pre-roll every screen whose lead time has come; wake up when the next one's
        does."""
        self._preroll_timer.stop()
        run = self.run
        if run is None or not self.running:
            return
        waits = []
        for number, slot in enumerate(self._screens):
            self._preroll_if_due(number)
            self._ask_addresses_if_due(number, self._clock())
            if slot.prerolled or slot.lost:
                continue
            wait = run.preroll_due_in(number, self.preroll_lead_s(number), self._clock())
            if wait is not None:
                waits.append(wait)
        if waits:
            # A moment late rather than early: the run decides by its own clock.
            self._preroll_timer.start(max(1, int(min(waits) * 1000) + 1))

    # ---------------------------------------------------------------- first pictures

    def _ask(self, number: int, view: WallPageView, now: float) -> None:
        """Screen ``number``'s ``view`` has just been asked to play its cameras: time those
        whose pictures do not move yet until they do (see ``PrerollLead``)."""
        for tile in view.tiles:
            camera_id = tile.camera_id
            if camera_id is None or camera_id in self._asked or self._tile_moving(tile):
                continue
            self._asked[camera_id] = (number, now)
        if self._asked and not self._live_timer.isActive():
            self._live_timer.start()

    def _time_first_pictures(self) -> None:
        """Record the asked cameras whose pictures move now (``PICTURES_TO_MOVE``); forget
        those whose tile went (another page, the patrol moved on) or that stay dark too
        long."""
        if not self._asked:
            return
        now = self._clock()
        for camera_id, (number, asked_at) in list(self._asked.items()):
            tile = None
            if number < len(self._screens) and not self._screens[number].lost:
                for view in (self.shown_view(number), self.standby_view(number)):
                    tile = view.tile_for(camera_id) if view is not None else None
                    if tile is not None:
                        break
            if tile is None or now - asked_at > FIRST_PICTURE_WATCH_S:
                del self._asked[camera_id]
            elif self._tile_moving(tile):
                del self._asked[camera_id]
                self.lead.record(camera_id, now - asked_at)

    @staticmethod
    def _tile_moving(tile: WallTile) -> bool:
        supervisor = tile.supervisor
        if supervisor is None or supervisor.state is not StreamState.LIVE:
            return False
        source = supervisor.source
        return source is not None and source.frame_counter >= PICTURES_TO_MOVE

    # ---------------------------------------------------------------- internals

    def _apply_mark(self, screen: int, camera_id: str, verdict: PatrolVerdict, note: str) -> None:
        run = self.run
        view = self.shown_view(screen)
        if run is None or view is None:
            return
        run.mark(camera_id, verdict, note)
        tile = view.tile_for(camera_id)
        if tile is not None:
            label = self.tr("Normal") if verdict is PatrolVerdict.OK else self.tr("Abnormal")
            tile.set_marker(label, VERDICT_COLOURS.get(verdict))
        self.camera_marked.emit(camera_id, verdict.value)
        if verdict is PatrolVerdict.ABNORMAL and tile is not None:
            self._awaiting_snapshot.add(camera_id)
            # A failed snapshot still raises the event, without a picture.
            self.wall_view.take_snapshot(view, tile.cell)

    def _after_marks(self, screen: int) -> None:
        run = self.run
        if run is None:
            return
        self.progress_changed.emit()
        if not self.advance_when_judged:
            return
        if run.step_mode is StepMode.TOGETHER:
            if run.all_judged():
                self.next_page()
        elif run.all_judged(screen):
            self.next_page_on(screen)
        self._start_prerolls_due()  # judging has begun: the step may end any moment

    def _load(self, page: WallPage, camera_ids: tuple[str, ...]) -> None:
        self.wall.fill(self.wall.index_of(page), list(camera_ids))

    def _show(self, number: int, *, first_step: bool = False) -> None:
        """Screen ``number`` shows its run's current page (the standby page, pre-rolled, unless
        this is the first step) and pre-rolls the one after."""
        run = self.run
        slot = self._screens[number]
        if run is None:
            return
        if not first_step:
            self._check_step_live(number)  # the step it leaves, if the last look missed it
            slot.shown = 1 - slot.shown
        shown = slot.pages[slot.shown]
        current = run.current_on(number)
        # Normally the pre-rolled page already holds these (then nothing changes); a screen
        # that was given a lost screen's pages while it showed nothing has them loaded now.
        self._load(shown, current.camera_ids if current is not None else ())
        shown_view = self._view_of(shown)
        if shown_view is None:
            return
        shown_view.set_preroll(False)
        index = self.wall.index_of(shown)
        if slot.ref is None or self.wall_view.screen_window(index) is not None:
            self.wall_view.bring_to_front(index)
        # else: the monitor went away; its pages wait in the main window's stack, hidden,
        # rather than taking the main window's place, until _check_screens hands them on.
        # Those of its cameras not pre-rolled start now, where the operator sees them.
        self._ask(number, shown_view, self._clock())
        # The next page's cameras are in place at once; they play from the lead time on.
        self._load_standby(number)
        slot.shown_at = self._clock()
        slot.step = current.step if current is not None else run.steps_on(number)
        slot.showing = current is not None
        slot.all_live = False
        slot.live = set()
        if current is not None:
            for camera_id in current.camera_ids:
                self._camera_screens[camera_id] = number
            self.cameras_shown.emit(current.camera_ids)
            shown_view.select(0)
            if number == 0 or self.focused_screen() == number:
                shown_view.setFocus()
        self.screen_step_shown.emit(number, slot.step, run.steps_on(number))
        if number == 0 and current is not None:
            self.page_shown.emit(current.number, len(run.pages))
        # Pre-rolled pictures are live from the moment the step shows.
        self._collect_live()
        self._check_step_live(number)
        if not slot.all_live:
            self._live_timer.start()

    def _show_moved(self, moved: list[int]) -> None:
        run = self.run
        if run is None:
            return
        if run.state is PatrolState.FINISHED:
            self._finish()
            return
        for number in moved:
            self._show(number)
        self._start_prerolls_due()
        self.progress_changed.emit()

    def _tiles_live(self, number: int) -> bool:
        view = self.shown_view(number)
        if view is None:
            return False
        for tile in view.tiles:
            if tile.camera_id is None:
                continue
            supervisor = tile.supervisor
            if supervisor is None or supervisor.state is not StreamState.LIVE:
                return False
        return True

    def _check_step_live(self, number: int) -> None:
        slot = self._screens[number]
        run = self.run
        if slot.all_live or not slot.showing or run is None or run.current_on(number) is None:
            return
        if self._tiles_live(number):
            slot.all_live = True
            self.step_live.emit(number, slot.step, max(0.0, self._clock() - slot.shown_at))

    def _select_next_unjudged(self, view: WallPageView) -> None:
        run = self.run
        if run is None:
            return
        count = len(view.tiles)
        for step in range(1, count + 1):
            cell = (view.selected + step) % count
            camera_id = view.tile(cell).camera_id
            if camera_id is not None and run.outcome(camera_id).verdict is None:
                view.select(cell)
                return

    def _collect_live(self) -> None:
        """Tell the run which shown cameras play live pictures now, and which stopped."""
        run = self.run
        if run is None:
            return
        now = self._clock()
        for number, slot in enumerate(self._screens):
            view = self.shown_view(number)
            if view is None or run.current_on(number) is None:
                continue
            for tile in view.tiles:
                camera_id = tile.camera_id
                if not camera_id:
                    continue
                supervisor = tile.supervisor
                live = supervisor is not None and supervisor.state is StreamState.LIVE
                if live and camera_id not in slot.live:
                    slot.live.add(camera_id)
                    run.report_live(camera_id, now)
                elif not live and camera_id in slot.live:
                    slot.live.discard(camera_id)
                    run.report_lost(camera_id, now)

    def _on_timer_timeout(self) -> None:
        run = self.run
        if self.shown_view(0) is None:
            self._timer.stop()
            return
        if run is None or not self.running:
            return
        self._check_screens()  # paused too: a monitor may go at any time
        if run.state is not PatrolState.RUNNING:
            return
        self._collect_live()
        moved = run.tick_screens(self._clock())
        if moved:
            self._show_moved(moved)
        else:
            # Between steps only the countdown moves, which the panel counts down itself.
            self._start_prerolls_due()

    def _on_live_timer_timeout(self) -> None:
        if not self.running:
            self._live_timer.stop()
            return
        for number in range(len(self._screens)):
            self._check_step_live(number)
        self._collect_live()
        self._time_first_pictures()
        if not self._asked and all(
            slot.all_live or slot.lost or (self.run is not None and self.run.current_on(n) is None)
            for n, slot in enumerate(self._screens)
        ):
            self._live_timer.stop()

    def _finish(self) -> None:
        self._timer.stop()
        self._live_timer.stop()
        self._preroll_timer.stop()
        self._asked = {}
        run = self.run
        screens, self._screens = self._screens, []
        for slot in screens:
            self._drop_keys(slot)
            for page in slot.pages:
                view = self._view_of(page)
                if view is not None:
                    view.set_preroll(False)
        for slot in screens:
            for page in slot.pages:
                try:
                    self.wall.remove_page(self.wall.index_of(page))
                except ValueError:
                    continue  # already gone (the console is closing)
        # The operator's pages come back where they were.
        for slot in screens:
            if slot.home is not None and any(p is slot.home for p in self.wall.pages):
                self.wall_view.bring_to_front(self.wall.index_of(slot.home))
        if 0 <= self._home_page < len(self.wall.pages):
            self.wall.set_current(self._home_page)
        if run is None:
            return
        body = run.record_body()
        coverage: Coverage = run.coverage()
        self._runner.run(
            STORE,
            self._submit,
            body,
            on_done=lambda _result: self.record_submitted.emit(body),
            on_error=lambda exc: self.record_failed.emit(str(exc)),
        )
        self.progress_changed.emit()
        self.finished.emit(coverage)

    def _on_wall_view_snapshot_saved(self, camera_id: str, path: str) -> None:
        if camera_id in self._awaiting_snapshot:
            self._awaiting_snapshot.discard(camera_id)
            self.raise_event_requested.emit(camera_id, path)

    def _on_wall_view_snapshot_failed(self, camera_id: str, message: str) -> None:
        if camera_id in self._awaiting_snapshot:
            logger.warning("no snapshot for the abnormal camera %s: %s", camera_id, message)
            self._awaiting_snapshot.discard(camera_id)
            self.raise_event_requested.emit(camera_id, "")


def move_to_screen(widget: QWidget, screen: QScreen) -> None:
    """Centre a top-level ``widget`` (a dialog) on ``screen``."""
    # The screen first: a window moved only by geometry may keep its old screen (and DPI).
    widget.setScreen(screen)
    area = screen.availableGeometry()
    size = widget.frameGeometry().size()
    widget.move(
        area.x() + max(0, (area.width() - size.width()) // 2),
        area.y() + max(0, (area.height() - size.height()) // 2),
    )
