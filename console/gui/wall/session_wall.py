"""The video wall of one signed-in session, as the main window hosts it.

``SessionWall`` builds the wall feature from plain callables the composition root hands it
(resolve a camera's streams, load and save patrol plans, queue a patrol record): the wall view
on the operator's saved workspace, its streams under the main-stream budget, the workspace
saver, the patrol runner and panel, the budget field for the status bar and the Wall menu.
It holds no HTTP client and no store.

Cameras that cannot play are told apart from broken streams: the catalogue (and the live
camera-status events) say which cameras are offline, the server's answer to a stream request
says the same (409 ``camera_offline``) or that the camera is not shared with this operator
(404/403). Such a tile says so, keeps its last picture if it had one, and nothing asks the
server again until the camera's status changes.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QScreen
from PySide6.QtWidgets import QDialog, QFrame, QMenu, QScrollArea, QWidget

from console.domain.incident import IncidentSource
from console.domain.model import PatrolPlan
from console.gui.patrol.panel import PatrolPanel
from console.gui.patrol.runner import PatrolRunner, move_to_screen
from console.gui.patrol.screen_dialog import hold_on_screen_window
from console.gui.wall.budget_label import StreamBudgetLabel
from console.gui.wall.page_view import WallPageView
from console.gui.wall.persistence import WorkspaceSaver
from console.gui.wall.streams import StreamResolver, Unplayable, WallStreams
from console.gui.wall.tile import WallTile
from console.gui.wall.wall_view import WallView, layout_label
from console.tasks import Task, TaskRunner
from console.text import fill
from console.video.supervisor import SupervisorConfig
from console.wall.layout import MAX_GRID, smallest_preset_for
from console.wall.model import WallPage
from console.wall.stream_policy import StreamPolicy
from console.wall.workspace import Workspace

logger = logging.getLogger(__name__)


class Availability(enum.Enum):
    """Why a camera cannot play, as far as the backend is concerned."""

    OFFLINE = "offline"
    NOT_SHARED = "not_shared"


class CameraUnavailable(Exception):
    """Raised by a stream resolver when the server refuses a camera's streams for a reason
    that retrying does not change (the camera is offline, or not shared)."""

    def __init__(self, camera_id: str, availability: Availability) -> None:
        super().__init__(f"camera {camera_id} is {availability.value}")
        self.camera_id = camera_id
        self.availability = availability


AvailabilityLookup = Callable[[str], Availability | None]


class CatalogueStreams(WallStreams):
    """``WallStreams`` that do not play cameras the backend says cannot play.

    ``known(camera_id)`` is what the catalogue says (offline, not shared, or None); what the
    server answered to a stream request comes on top, until ``camera_status_changed`` says the
    camera changed. A tile of such a camera shows why (and its last picture, marked, if it
    was playing); no player runs for it and nothing asks the server again.
    """

    def __init__(
        self,
        runner: TaskRunner,
        resolve_streams: StreamResolver,
        *,
        known: AvailabilityLookup,
        policy: StreamPolicy | None = None,
        supervisor_config: SupervisorConfig | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(
            runner,
            self._resolve_noting_refusals,
            policy=policy,
            supervisor_config=supervisor_config,
            parent=parent,
        )
        self._upstream = resolve_streams
        self._known = known
        # Written by the network lane's workers, read on the GUI thread.
        self._refused: dict[str, Availability] = {}
        self._refused_lock = threading.Lock()

    def availability(self, camera_id: str) -> Availability | None:
        """Why the camera cannot play (None: as far as anyone knows, it can)."""
        known = self._known(camera_id)
        if known is not None:
            return known
        with self._refused_lock:
            return self._refused.get(camera_id)

    def camera_status_changed(self, camera_ids: list[str]) -> None:
        """The catalogue has new statuses for these cameras: forget what the server said
        about them, and look at the tiles again."""
        with self._refused_lock:
            for camera_id in camera_ids:
                self._refused.pop(camera_id, None)
        for camera_id in camera_ids:
            self.addresses.forget(camera_id)
        self.schedule()

    def forget_refusals(self) -> None:
        """A fresh catalogue arrived: ask the server again about every refused camera."""
        with self._refused_lock:
            refused, self._refused = list(self._refused), {}
        for camera_id in refused:
            self.addresses.forget(camera_id)
        self.schedule()

    def availability_text(self, availability: Availability) -> str:
        if availability is Availability.OFFLINE:
            return self.tr("Offline")
        return self.tr("Not shared")

    def _resolve_noting_refusals(self, camera_id: str) -> tuple[str | None, str | None]:
        # Runs on the network lane.
        try:
            urls = self._upstream(camera_id)
        except CameraUnavailable as refusal:
            with self._refused_lock:
                self._refused[camera_id] = refusal.availability
            raise
        with self._refused_lock:
            self._refused.pop(camera_id, None)
        return urls

    def unplayable(self, camera_id: str) -> Unplayable | None:
        availability = self.availability(camera_id)
        if availability is None:
            return None
        return Unplayable(
            self.availability_text(availability),
            online=availability is not Availability.OFFLINE,
            shared=availability is not Availability.NOT_SHARED,
        )


class SessionTasks:
    """The task runner as one session's wall sees it: the work runs as usual (a workspace
    write or a patrol record queued at the end still happens), but once ``close()`` is called
    no result is handed back to the session's widgets, which are being deleted."""

    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner
        self.closed = False

    def run(
        self,
        lane: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        title: str | None = None,
    ) -> Task:
        return self._runner.run(
            lane,
            fn,
            *args,
            on_done=self._guarded(on_done),
            on_error=self._guarded(on_error),
            title=title,
        )

    def close(self) -> None:
        self.closed = True

    def _guarded(self, callback: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
        if callback is None:
            return None  # failures without a handler still reach the error sink

        def call(value: Any) -> None:
            if not self.closed:
                callback(value)

        return call


CameraNames = Callable[[str], str]
VIEW_MINIMUM_WIDTH = 320
VIEW_MINIMUM_HEIGHT = 200
RecordSink = Callable[[dict[str, Any], str], object]
PlanLoader = Callable[[], list[PatrolPlan]]
PlanSaver = Callable[[PatrolPlan], PatrolPlan]


class SessionWall(QObject):
    """The wall, its streams, its saved workspace and the video patrol of one session (see
    the module docstring).

    The composition root puts ``view`` into the wall dock, ``patrol_widget`` (the
    ``patrol_panel`` in a scroll area) into the patrol dock, ``budget_label`` into the status
    bar and ``menu`` into the menu bar, and calls ``dispose()`` when the session ends.

    Signals:
        raise_event_requested(str camera_id, str snapshot_path, str source): the operator
            wants to raise an event from this camera (``source`` an ``IncidentSource`` value;
            the path is empty when no snapshot could be taken);
        message_posted(str): a short line for the status bar (a snapshot saved, say);
        patrol_started(): a patrol is on the wall.
    """

    raise_event_requested = Signal(str, str, str)
    message_posted = Signal(str)
    patrol_started = Signal()

    def __init__(
        self,
        workspace: Workspace,
        workspace_path: Path,
        runner: TaskRunner,
        resolve_streams: StreamResolver,
        *,
        known: AvailabilityLookup,
        camera_name: CameraNames,
        load_plans: PlanLoader,
        save_plan: PlanSaver | None,
        submit_patrol_record: RecordSink,
        max_main_streams: int = 4,
        stale_after_s: float = 2.5,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.wall = workspace.wall
        self.library = workspace.library
        self.tasks = SessionTasks(runner)
        # The wall's parts only ever call ``run``.
        runner = cast(TaskRunner, self.tasks)
        self._camera_name = camera_name
        self._submit_record = submit_patrol_record
        self._awaiting_snapshot: set[str] = set()
        self._dialog_screens: dict[str, QScreen] = {}
        self._disposed = False

        self.streams = CatalogueStreams(
            runner,
            resolve_streams,
            known=known,
            policy=StreamPolicy(max_main=max_main_streams),
            supervisor_config=SupervisorConfig(stale_after_s=stale_after_s),
            parent=self,
        )
        self.view = WallView(
            self.wall, self.library, self.streams, runner, camera_name=self._name_of
        )
        self.view.setObjectName("wall_view")
        # The view's button row would otherwise set the whole window's minimum width; in a
        # narrow window the row is cut off at the right, and the tiles still shrink.
        self.view.setMinimumSize(VIEW_MINIMUM_WIDTH, VIEW_MINIMUM_HEIGHT)
        self.saver = WorkspaceSaver(self.wall, self.library, workspace_path, runner, parent=self)
        self.budget_label = StreamBudgetLabel()
        self.budget_label.setObjectName("stream_budget_label")
        self.streams.budget_changed.connect(self.budget_label.show_result)
        self.budget_label.show_result(self.streams.result)

        self.patrol = PatrolRunner(self.view, runner, self._queue_patrol_record, parent=self)
        self.patrol_panel = PatrolPanel(self.patrol, runner, load_plans, save_plan)
        self.patrol_panel.setObjectName("patrol_panel")
        # A narrow dock scrolls the panel rather than squeezing its buttons.
        self.patrol_widget = QScrollArea()
        self.patrol_widget.setObjectName("patrol_scroll_area")
        self.patrol_widget.setFrameShape(QFrame.Shape.NoFrame)
        self.patrol_widget.setWidgetResizable(True)
        self.patrol_widget.setWidget(self.patrol_panel)

        self.view.snapshot_saved.connect(self._on_view_snapshot_saved)
        self.view.snapshot_failed.connect(self._on_view_snapshot_failed)
        self.view.layout_refused.connect(self._on_view_layout_refused)
        self.patrol.raise_event_requested.connect(self._on_patrol_raise_event_requested)
        self.patrol.page_shown.connect(self._on_patrol_page_shown)
        self.patrol.record_submitted.connect(self._on_patrol_record_submitted)
        self.patrol.record_failed.connect(self._on_patrol_record_failed)
        # Every tile's menu (the patrol's pages too) gets "Raise event…".
        self.view.add_tile_menu_extension(self._add_raise_event_entry)

        self.menu = QMenu()
        self.menu.setObjectName("wall_menu")
        self._build_menu()
        self._retranslate()
        self._language_watch = _LanguageWatch(self._retranslate, self.view)

    # ---------------------------------------------------------------- commands

    def load_plans(self) -> None:
        """Fetch the patrol plans (network lane)."""
        self.patrol_panel.refresh()

    def open_camera(self, camera_id: str) -> int | None:
        """Put the camera on the current page: the selected tile if it is free, else the next
        free one after it, else the selected (or first) tile. A camera already on the page is
        just selected. Returns the cell, or None while a patrol has the wall."""
        if self.patrol.running:
            self.message_posted.emit(self.tr("A patrol is running; stop it to open other cameras."))
            return None
        index = self.wall.current
        page = self.wall.page(index)
        view = self.view.current_view()
        cell = page.cell_of(camera_id)
        if cell is None:
            cell = _target_cell(page.visible_cameras(), view.selected if view else -1)
            self.wall.assign(index, cell, camera_id)
        if view is not None:
            view.select(cell)
        return cell

    def show_cameras(self, camera_ids: list[str]) -> bool:
        """Make the current page show exactly ``camera_ids`` (the first 64), growing its
        layout to the smallest preset that holds them. False while a patrol has the wall."""
        if self.patrol.running:
            self.message_posted.emit(self.tr("A patrol is running; stop it to open other cameras."))
            return False
        wanted = list(dict.fromkeys(camera_ids))[: MAX_GRID * MAX_GRID]
        if not wanted:
            return False
        index = self.wall.current
        if self.wall.page(index).layout.size < len(wanted):
            self.wall.set_layout(index, smallest_preset_for(len(wanted)))
        self.wall.fill(index, wanted)
        return True

    def set_camera_statuses(self, camera_ids: list[str]) -> None:
        """Live status changes (the catalogue already has them)."""
        self.streams.camera_status_changed(camera_ids)

    def catalogue_replaced(self) -> None:
        """A new catalogue is shown: names may have changed, refusals are asked again."""
        for view in self._page_views():
            for tile in view.tiles:
                if tile.camera_id is not None:
                    tile.set_camera_name(self._name_of(tile.camera_id))
        self.streams.forget_refusals()

    def set_max_main_streams(self, count: int) -> None:
        self.streams.set_max_main(int(count))

    def set_stale_after(self, seconds: float) -> None:
        """For streams opened from now on."""
        self.streams.supervisor_config = SupervisorConfig(stale_after_s=float(seconds))

    def raise_event_from_selected(self) -> bool:
        """Snapshot the selected tile and ask for an event on its camera; False if no tile
        with a camera is selected."""
        view = self.view.current_view()
        if view is None or not 0 <= view.selected < len(view.tiles):
            self.message_posted.emit(self.tr("Select a tile first."))
            return False
        return self.raise_event_from_tile(view, view.selected)

    def raise_event_from_tile(self, view: WallPageView, cell: int) -> bool:
        camera_id = view.tile(cell).camera_id
        if camera_id is None:
            self.message_posted.emit(self.tr("The tile shows no camera."))
            return False
        self._awaiting_snapshot.add(camera_id)
        if not self.view.take_snapshot(view, cell):
            # No picture: the event is raised all the same, without one.
            self._awaiting_snapshot.discard(camera_id)
            self.raise_event_requested.emit(camera_id, "", IncidentSource.OPERATOR.value)
        return True

    def dispose(self) -> None:
        """The session ends: a running patrol is stopped (its record is queued), the
        workspace is saved, every player stops."""
        if self._disposed:
            return
        self._disposed = True
        self.patrol.stop()
        self.saver.stop()
        self.view.dispose()
        self.tasks.close()
        # A window without a parent widget (this object is none): only this deletes it and
        # its submenus, once the main window has taken it out of the menu bar.
        self.menu.deleteLater()

    # ---------------------------------------------------------------- internals

    def _name_of(self, camera_id: str) -> str:
        try:
            return self._camera_name(camera_id) or camera_id
        except KeyError:
            return camera_id

    def _page_views(self) -> list[WallPageView]:
        views = []
        for index in range(len(self.wall.pages)):
            try:
                views.append(self.view.page_view(index))
            except KeyError:
                continue
        return views

    def _add_raise_event_entry(
        self, menu: QMenu, view: WallPageView, cell: int, tile: WallTile
    ) -> None:
        menu.addSeparator()
        action = menu.addAction(self.tr("Raise event…"))
        action.setObjectName("raise_event_action")
        action.setEnabled(tile.camera_id is not None)
        action.triggered.connect(lambda: self.raise_event_from_tile(view, cell))

    def _queue_patrol_record(self, body: dict[str, Any]) -> object:
        # Runs on the store lane; translate() may be called from any thread.
        plan_id = body.get("plan_id") or ""
        names = {plan.id: plan.name for plan in self.patrol_panel.plans}
        summary = fill(
            QCoreApplication.translate("SessionWall", "Patrol record: %1"),
            names.get(plan_id, plan_id),
        )
        return self._submit_record(body, summary)

    def _on_view_snapshot_saved(self, camera_id: str, path: str) -> None:
        self.message_posted.emit(fill(self.tr("Snapshot saved: %1"), path))
        if camera_id in self._awaiting_snapshot:
            self._awaiting_snapshot.discard(camera_id)
            self.raise_event_requested.emit(camera_id, path, IncidentSource.OPERATOR.value)

    def _on_view_snapshot_failed(self, camera_id: str, message: str) -> None:
        self.message_posted.emit(fill(self.tr("No snapshot: %1"), message))
        if camera_id in self._awaiting_snapshot:
            self._awaiting_snapshot.discard(camera_id)
            self.raise_event_requested.emit(camera_id, "", IncidentSource.OPERATOR.value)

    def _on_view_layout_refused(self, reason: str) -> None:
        self.message_posted.emit(fill(self.tr("The grid was not saved: %1"), reason))

    def _on_patrol_raise_event_requested(self, camera_id: str, path: str) -> None:
        screen = self.patrol.screen_of_camera(camera_id)
        if screen is not None:
            self._dialog_screens[camera_id] = screen
        self.raise_event_requested.emit(camera_id, path, IncidentSource.PATROL.value)

    def place_raise_dialog(self, dialog: QWidget) -> None:
        """A raise-event dialog asked for by the patrol opens on the monitor the camera was
        patrolled on (the operator's eyes are there, not on the main window)."""
        # The raise-event dialog tells its camera by ``camera()``.
        camera_of = getattr(dialog, "camera", None)
        camera = camera_of() if callable(camera_of) else None
        screen = self._dialog_screens.pop(getattr(camera, "id", ""), None)
        window = self.patrol.window_of_camera(getattr(camera, "id", ""))
        if screen is not None and window is not None and isinstance(dialog, QDialog):
            # That screen's own dialog: see console.gui.patrol.screen_dialog for why.
            hold_on_screen_window(dialog, window, self.view.window())
        elif screen is not None:
            move_to_screen(dialog, screen)
            # Above the full-screen wall window there, and the keys go to it.
            dialog.raise_()
            dialog.activateWindow()

    def _on_patrol_page_shown(self, number: int, _total: int) -> None:
        if number == 0:
            self.patrol_started.emit()

    def _on_patrol_record_submitted(self, _body: object) -> None:
        self.message_posted.emit(self.tr("The patrol record is queued for the server."))

    def _on_patrol_record_failed(self, message: str) -> None:
        self.message_posted.emit(
            fill(self.tr("The patrol record could not be queued: %1"), message)
        )

    # ---------------------------------------------------------------- the Wall menu

    def _build_menu(self) -> None:
        menu = self.menu
        self.layout_menu = menu.addMenu("")
        self.layout_menu.setObjectName("wall_layout_menu")
        self.layout_menu.aboutToShow.connect(self._on_layout_menu_about_to_show)
        menu.addSeparator()
        self.previous_page_action = menu.addAction("")
        self.previous_page_action.triggered.connect(lambda: self.wall.step_page(-1))
        self.next_page_action = menu.addAction("")
        self.next_page_action.triggered.connect(lambda: self.wall.step_page(1))
        self.add_page_action = menu.addAction("")
        self.add_page_action.triggered.connect(self._on_add_page_action_triggered)
        self.remove_page_action = menu.addAction("")
        self.remove_page_action.triggered.connect(self._on_remove_page_action_triggered)
        self.screens_menu = menu.addMenu("")
        self.screens_menu.setObjectName("wall_screens_menu")
        self.screens_menu.aboutToShow.connect(self._on_screens_menu_about_to_show)
        menu.addSeparator()
        self.snapshot_action = menu.addAction("")
        self.snapshot_action.setObjectName("wall_snapshot_action")
        self.snapshot_action.triggered.connect(lambda: self.view.take_snapshot())
        self.raise_event_action = menu.addAction("")
        self.raise_event_action.setObjectName("wall_raise_event_action")
        self.raise_event_action.triggered.connect(self.raise_event_from_selected)
        menu.aboutToShow.connect(self._on_menu_about_to_show)

    def _retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Wall"))
        self.layout_menu.setTitle(self.tr("&Layout"))
        self.previous_page_action.setText(self.tr("&Previous page"))
        self.next_page_action.setText(self.tr("&Next page"))
        self.add_page_action.setText(self.tr("&Add page"))
        self.remove_page_action.setText(self.tr("&Remove page"))
        self.screens_menu.setTitle(self.tr("&Send page to screen"))
        self.snapshot_action.setText(self.tr("Snapshot of the selected &tile"))
        self.raise_event_action.setText(self.tr("Raise &event from the selected tile…"))

    def _on_menu_about_to_show(self) -> None:
        editable = not self.patrol.running
        pages = len(self.wall.main_window_pages())
        for action in (self.add_page_action, self.layout_menu.menuAction()):
            action.setEnabled(editable)
        self.remove_page_action.setEnabled(editable and len(self.wall.pages) > 1)
        self.previous_page_action.setEnabled(editable and pages > 1)
        self.next_page_action.setEnabled(editable and pages > 1)

    def _on_layout_menu_about_to_show(self) -> None:
        self.layout_menu.clear()
        group = QActionGroup(self.layout_menu)
        current = self.wall.page(self.wall.current).layout.name
        for name in self.library.names():
            if self.library.is_preset(name):
                text = fill(self.tr("%1 tiles (%2)"), name, layout_label(name))
                if layout_label(name) == name:
                    text = fill(self.tr("%1 tiles"), name)
            else:
                text = name
            action = QAction(text, self.layout_menu)
            action.setCheckable(True)
            action.setChecked(name == current)
            action.setActionGroup(group)
            action.triggered.connect(lambda _checked=False, n=name: self.view.set_layout(n))
            self.layout_menu.addAction(action)

    def _on_screens_menu_about_to_show(self) -> None:
        self.screens_menu.clear()
        page = self.wall.current
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            action = self.screens_menu.addAction(
                fill(self.tr("Screen %1 (%2)"), number, screen.name())
            )
            action.triggered.connect(
                lambda _checked=False, n=number: self.view.send_page_to_screen(page, n)
            )

    def _on_add_page_action_triggered(self) -> None:
        index = self.wall.add_page(WallPage(self.wall.page(self.wall.current).layout))
        self.wall.set_current(index)

    def _on_remove_page_action_triggered(self) -> None:
        if len(self.wall.pages) > 1:
            self.wall.remove_page(self.wall.current)


def _target_cell(cameras: list[str | None], selected: int) -> int:
    """Where an opened camera goes (see ``SessionWall.open_camera``)."""
    count = len(cameras)
    start = selected if 0 <= selected < count else 0
    for step in range(count):
        cell = (start + step) % count
        if cameras[cell] is None:
            return cell
    return start


class _LanguageWatch(QObject):
    """Calls ``retranslate`` when the language changes (menus receive no LanguageChange of
    their own while hidden, so the wall view's event is used)."""

    def __init__(self, retranslate: Callable[[], None], watched: QWidget) -> None:
        super().__init__(watched)
        self._retranslate = retranslate
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False
