"""Runs a patrol on the wall: page after page of cameras, the next page pre-rolled.

Two transient wall pages take turns: one is shown, the other already plays the next page's
sub streams while hidden, so each switch shows live pictures at once. The operator's verdict
goes on the selected tile (``mark_selected``, one key each); an abnormal verdict takes a
snapshot and asks for an event to be raised with it (``raise_event_requested``). When every
camera on a page is judged the patrol moves on without waiting for the dwell to run out.

At the end the record is handed to ``submit_record`` on the task runner's store lane (the
composition root puts it in the outbox, which delivers it to ``POST /patrol-records``), the
patrol pages go away and the operator's own pages come back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor

from console.domain.model import PatrolPlan, PatrolVerdict
from console.gui.wall.page_view import WallPageView
from console.gui.wall.wall_view import WallView
from console.tasks import STORE, TaskRunner
from console.video.supervisor import StreamState
from console.wall.layout import smallest_preset_for
from console.wall.model import WallPage
from console.wall.patrol import Coverage, Expander, PatrolRun, PatrolState

logger = logging.getLogger(__name__)

TICK_MS = 200
RecordSink = Callable[[dict[str, Any]], object]

VERDICT_COLOURS = {
    PatrolVerdict.OK: QColor(30, 140, 70),
    PatrolVerdict.ABNORMAL: QColor(200, 40, 40),
}


class PatrolRunner(QObject):
    """Drives one ``PatrolRun`` on a ``WallView`` (see the module docstring).

    Signals:
        page_shown(int number, int total): a patrol page is on screen (0-based number);
        camera_marked(str camera_id, str verdict);
        raise_event_requested(str camera_id, str snapshot_path): an abnormal verdict;
        record_submitted(object body): the record is in the outbox;
        record_failed(str message);
        finished(object coverage): the patrol is over (``Coverage``).
    """

    page_shown = Signal(int, int)
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
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.wall_view = wall_view
        self.wall = wall_view.wall
        self._runner = runner
        self._submit = submit_record
        self._clock = clock
        self.advance_when_judged = advance_when_judged
        self.run: PatrolRun | None = None
        self._pages: list[WallPage] = []
        self._shown = 0
        self._home_page = 0
        self._awaiting_snapshot: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        wall_view.snapshot_saved.connect(self._on_wall_view_snapshot_saved)
        wall_view.snapshot_failed.connect(self._on_wall_view_snapshot_failed)

    # ---------------------------------------------------------------- reading

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.state in (PatrolState.RUNNING, PatrolState.PAUSED)

    def shown_view(self) -> WallPageView | None:
        return self._view_of(self._shown)

    def standby_view(self) -> WallPageView | None:
        return self._view_of(1 - self._shown)

    def _view_of(self, which: int) -> WallPageView | None:
        if not self._pages:
            return None
        try:
            return self.wall_view.page_view(self.wall.index_of(self._pages[which]))
        except (KeyError, ValueError):
            return None  # the wall went away under the patrol (the console is closing)

    # ---------------------------------------------------------------- commands

    def start(
        self, plan: PatrolPlan, *, tiles_per_page: int = 4, expand: Expander | None = None
    ) -> None:
        if self.running:
            raise RuntimeError("a patrol is already running")
        run = PatrolRun(plan, tiles_per_page=tiles_per_page, clock=self._clock, expand=expand)
        self.run = run
        self._home_page = self.wall.current
        layout = smallest_preset_for(tiles_per_page)
        name = plan.name
        self._pages = [
            WallPage(layout, name=name, transient=True),
            WallPage(layout, name=name, transient=True),
        ]
        for page in self._pages:
            self.wall.add_page(page)
        self._shown = 0
        first = run.start()
        if first is None:
            self._finish()
            return
        self._load(self._pages[0], first.camera_ids)
        self._load_standby()
        self.wall.set_current(self.wall.index_of(self._pages[0]))
        self._after_page_change()
        self._timer.start()

    def mark_selected(self, verdict: PatrolVerdict) -> bool:
        """The verdict for the selected tile of the shown page; False if there is none."""
        view = self.shown_view()
        if view is None or not self.running:
            return False
        cell = view.selected
        camera_id = view.tile(cell).camera_id if 0 <= cell < len(view.tiles) else None
        if camera_id is None:
            return False
        self.mark(camera_id, verdict)
        return True

    def mark(self, camera_id: str, verdict: PatrolVerdict, note: str = "") -> None:
        run = self.run
        view = self.shown_view()
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
        self._select_next_unjudged(view)
        if self.advance_when_judged and run.all_judged():
            self.next_page()

    def next_page(self) -> None:
        run = self.run
        if run is None or not self.running:
            return
        self._collect_live()
        page = run.advance()
        self._show_next(page)

    def pause(self) -> None:
        if self.run is not None:
            self.run.pause()

    def resume(self) -> None:
        if self.run is not None:
            self.run.resume()

    def stop(self) -> None:
        if self.run is None or not self.running:
            return
        self._collect_live()
        self.run.stop()
        self._finish()

    # ---------------------------------------------------------------- internals

    def _load(self, page: WallPage, camera_ids: tuple[str, ...]) -> None:
        self.wall.fill(self.wall.index_of(page), list(camera_ids))

    def _load_standby(self) -> None:
        run = self.run
        standby = self._pages[1 - self._shown]
        upcoming = run.upcoming if run is not None else None
        self._load(standby, upcoming.camera_ids if upcoming is not None else ())
        view = self.wall_view.page_view(self.wall.index_of(standby))
        view.set_preroll(upcoming is not None)

    def _show_next(self, page: object) -> None:
        if page is None:
            self._finish()
            return
        self._shown = 1 - self._shown
        shown = self._pages[self._shown]
        self.wall_view.page_view(self.wall.index_of(shown)).set_preroll(False)
        self.wall.set_current(self.wall.index_of(shown))
        self._load_standby()
        self._after_page_change()

    def _after_page_change(self) -> None:
        run = self.run
        view = self.shown_view()
        if run is None or view is None or run.current is None:
            return
        view.select(0)
        view.setFocus()
        self.page_shown.emit(run.current.number, len(run.pages))

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
        run = self.run
        view = self.shown_view()
        if run is None or view is None:
            return
        for tile in view.tiles:
            supervisor = tile.supervisor
            if tile.camera_id and supervisor is not None and supervisor.state is StreamState.LIVE:
                run.report_live(tile.camera_id)

    def _on_timer_timeout(self) -> None:
        run = self.run
        if self.shown_view() is None:
            self._timer.stop()
            return
        if run is None or run.state is not PatrolState.RUNNING:
            return
        self._collect_live()
        if run.remaining_s() <= 0:
            self._show_next(run.advance())

    def _finish(self) -> None:
        self._timer.stop()
        run = self.run
        for page in self._pages:
            index = self.wall.index_of(page)
            self.wall_view.page_view(index).set_preroll(False)
        for page in self._pages:
            self.wall.remove_page(self.wall.index_of(page))
        self._pages = []
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
