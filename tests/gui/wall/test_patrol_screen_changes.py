"""A patrol over two wall screens as the operator's workspace changes under it (offscreen, in
process): "Next page" turning only the screen worked on when each screen has its own dwell,
the cameras every screen shows reported (what the map's coverage follows), a detached screen
whose pages come home (as the wall view does when its monitor is unplugged) handing its pages
on, and the raise-event dialog of a detached screen held on that screen's window.

The real monitor unplugged on a real X server is in test_patrol_lost_screen.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.domain.model import (
    Camera,
    CameraKind,
    CameraStatus,
    GeoPoint,
    PatrolPlan,
    PatrolVerdict,
)
from console.gui.incidents.raise_dialog import RaiseEventDialog, raise_event_from_camera
from console.gui.patrol.panel import PatrolPanel
from console.gui.patrol.runner import PatrolRunner
from console.gui.patrol.screen_dialog import hold_on_screen_window
from console.gui.wall.streams import WallStreams
from console.gui.wall.wall_view import WallView
from console.tasks import TaskRunner
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage

# The offscreen platform cannot stack windows; what is on which screen is what counts here.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "propagateSizeHints")

CAMERAS = tuple(f"cam-{i:02d}" for i in range(16))  # 4 pages of 4: screen 0 gets 0, 2; 1 gets 1, 3
PLAN = PatrolPlan("plan-c", "Changes", CAMERAS, dwell_s=60)


class Parts:
    def __init__(self, main: QWidget, view: WallView, patrol: PatrolRunner, panel: PatrolPanel):
        self.main = main
        self.view = view
        self.patrol = patrol
        self.panel = panel
        self.records: list[dict[str, Any]] = []


@pytest.fixture
def parts(qtbot: QtBot, runner: TaskRunner) -> Iterator[Parts]:
    wall = Wall([WallPage(preset("4")), WallPage(preset("1"), ["away"])])
    view = WallView(wall, LayoutLibrary(), WallStreams(runner, lambda _c: (None, None)), runner)
    records: list[dict[str, Any]] = []
    patrol = PatrolRunner(view, runner, records.append)
    panel = PatrolPanel(patrol, runner, lambda: [PLAN])
    # The main window: the wall beside the patrol panel, as the console docks them.
    main = QWidget()
    row = QHBoxLayout(main)
    row.addWidget(view, 3)
    row.addWidget(panel, 1)
    qtbot.addWidget(main)
    main.resize(1100, 600)
    main.show()
    qtbot.waitExposed(main)
    view.send_page_to_screen(1, 1)  # the offscreen platform has one monitor: it will do
    assert view.screen_window(1) is not None
    found = Parts(main, view, patrol, panel)
    found.records = records
    yield found
    patrol.stop()
    view.dispose()


def cameras_of(patrol: PatrolRunner, screen: int, standby: bool = False) -> list[str | None]:
    view = patrol.standby_view(screen) if standby else patrol.shown_view(screen)
    assert view is not None
    return [tile.camera_id for tile in view.tiles]


def work_on(qtbot: QtBot, widget: QWidget) -> None:
    """The operator clicks into ``widget`` (its window comes to the front with the focus)."""
    window = widget.window()
    window.raise_()
    window.activateWindow()
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(
        lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is widget
    )


def start_from_panel(qtbot: QtBot, panel: PatrolPanel) -> None:
    panel.refresh()
    qtbot.waitUntil(lambda: bool(panel.plans))
    panel.start_button.click()
    assert panel.patrol.running


def test_next_page_turns_the_screen_worked_on_when_each_has_its_own_dwell(
    qtbot: QtBot, parts: Parts
) -> None:
    panel, patrol = parts.panel, parts.patrol
    assert "every screen" in panel.next_button.toolTip()
    panel.set_step_mode("own_dwell")
    assert "screen you work on" in panel.next_button.toolTip()
    start_from_panel(qtbot, panel)
    away, main = patrol.shown_view(1), patrol.shown_view(0)
    assert away is not None
    assert main is not None
    work_on(qtbot, away)
    # The click takes the focus to the panel in the main window; the detached screen turns,
    # the main one stays.
    work_on(qtbot, panel.next_button)
    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert cameras_of(patrol, 1) == list(CAMERAS[12:16])
    assert cameras_of(patrol, 0) == list(CAMERAS[0:4])
    work_on(qtbot, main)
    work_on(qtbot, panel.next_button)
    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert cameras_of(patrol, 0) == list(CAMERAS[8:12])
    assert cameras_of(patrol, 1) == list(CAMERAS[12:16])
    assert [row.step for row in patrol.progress()] == [1, 1]


def test_next_page_turns_every_screen_when_they_step_together(qtbot: QtBot, parts: Parts) -> None:
    panel, patrol = parts.panel, parts.patrol
    start_from_panel(qtbot, panel)
    away = patrol.shown_view(1)
    assert away is not None
    work_on(qtbot, away)
    work_on(qtbot, panel.next_button)
    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert cameras_of(patrol, 0) == list(CAMERAS[8:12])
    assert cameras_of(patrol, 1) == list(CAMERAS[12:16])


def test_every_screens_cameras_are_reported_shown(qtbot: QtBot, parts: Parts) -> None:
    patrol = parts.patrol
    shown: list[tuple[str, ...]] = []
    patrol.cameras_shown.connect(shown.append)
    patrol.start(PLAN, tiles_per_page=4)
    patrol.next_page()
    assert sorted(shown) == [CAMERAS[0:4], CAMERAS[4:8], CAMERAS[8:12], CAMERAS[12:16]]


def bring_detached_pages_home(view: WallView) -> None:
    """What the wall view does when the monitor of its detached pages is unplugged."""
    for index, page in enumerate(view.wall.pages):
        if page.screen is not None:
            view.wall.set_screen(index, None)


def test_a_screen_whose_pages_come_home_hands_its_pages_on(qtbot: QtBot, parts: Parts) -> None:
    patrol, view, panel = parts.patrol, parts.view, parts.panel
    start_from_panel(qtbot, panel)
    assert patrol.screen_count == 2
    patrol.mark("cam-05", PatrolVerdict.ABNORMAL)
    with qtbot.waitSignal(patrol.screen_lost, timeout=5000) as lost:
        bring_detached_pages_home(view)
    assert lost.args == [1]
    assert view.screen_window(1) is None
    assert patrol.running
    rows = patrol.progress()
    assert rows[1].lost
    assert "monitor gone" in panel.progress.text().split("\n")[1]
    # Screen 0 goes on: its own page 2, then page 3 that screen 1 had not shown yet.
    assert patrol.focused_screen() == 0
    assert cameras_of(patrol, 0) == list(CAMERAS[0:4])
    assert cameras_of(patrol, 0, standby=True) == list(CAMERAS[8:12])
    assert cameras_of(patrol, 1, standby=True) == [None] * 4, "the lost screen plays nothing"
    patrol.next_page()
    assert cameras_of(patrol, 0) == list(CAMERAS[8:12])
    assert cameras_of(patrol, 0, standby=True) == list(CAMERAS[12:16]), "pre-rolled"
    patrol.next_page()
    assert cameras_of(patrol, 0) == list(CAMERAS[12:16])
    assert view.current_view() is patrol.shown_view(0)
    with qtbot.waitSignal(patrol.record_submitted):
        patrol.next_page()
    assert not patrol.running
    assert len(parts.records) == 1, "the record goes once"
    entries = {e["camera_id"]: e for e in parts.records[0]["entries"]}
    assert list(entries) == list(CAMERAS)
    assert {entries[c]["screen"] for c in CAMERAS[4:8]} == {1}
    assert entries["cam-05"]["verdict"] == "abnormal"
    assert {entries[c]["screen"] for c in CAMERAS[12:16]} == {0}
    assert [entries[c]["tile"] for c in CAMERAS[12:16]] == [0, 1, 2, 3]
    assert all(e["note"] != "not_reached" for e in entries.values())
    # The patrol's pages are gone; the operator's two pages are in the main window.
    assert len(view.wall.pages) == 2
    assert view.wall.main_window_pages() == [0, 1]
    assert view.wall.current == 0


def test_a_screen_lost_while_the_main_one_has_nothing_left_wakes_it(
    qtbot: QtBot, parts: Parts
) -> None:
    patrol, view = parts.patrol, parts.view
    patrol.start(PLAN, tiles_per_page=4, step_mode="own_dwell")
    patrol.next_page_on(0)
    patrol.next_page_on(0)  # screen 0 has shown both its pages: it waits, empty
    assert cameras_of(patrol, 0) == [None] * 4
    shown: list[tuple[int, int, int]] = []
    patrol.screen_step_shown.connect(lambda s, k, n: shown.append((s, k, n)))
    with qtbot.waitSignal(patrol.screen_lost, timeout=5000):
        bring_detached_pages_home(view)
    assert cameras_of(patrol, 0) == list(CAMERAS[12:16]), "shown at once"
    assert shown == [(0, 2, 3)]
    assert view.current_view() is patrol.shown_view(0)
    patrol.next_page_on(0)
    assert not patrol.running
    qtbot.waitUntil(lambda: bool(parts.records))
    entries = {e["camera_id"]: e for e in parts.records[0]["entries"]}
    assert entries["cam-12"]["screen"] == 0
    assert entries["cam-04"]["screen"] == 1


class Blocks(QObject):
    """Records which watched windows a modal dialog blocks."""

    def __init__(self, *windows: QWidget):
        super().__init__()
        self.blocked: set[str] = set()
        for window in windows:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        name = watched.objectName()
        if event.type() == QEvent.Type.WindowBlocked:
            self.blocked.add(name)
        elif event.type() == QEvent.Type.WindowUnblocked:
            self.blocked.discard(name)
        return False


def test_the_raise_dialog_of_a_detached_screen_belongs_to_that_screens_window(
    qtbot: QtBot, parts: Parts
) -> None:
    patrol, view, main = parts.patrol, parts.view, parts.main
    patrol.start(PLAN, tiles_per_page=4)
    away_window = view.screen_window(view.wall.index_of(view.wall.pages[-1]))
    assert away_window is not None
    assert patrol.window_of_camera("cam-05") is away_window
    assert patrol.window_of_camera("cam-01") is None, "the main window's own"
    main.setObjectName("main")
    away_window.setObjectName("away")
    blocks = Blocks(main, away_window)
    camera = Camera(
        "cam-05",
        "Gate 5",
        CameraKind.ROAD,
        "r1",
        GeoPoint(19.2, 110.4),
        CameraStatus.ONLINE,
        "d1",
    )
    dialog: RaiseEventDialog = raise_event_from_camera(main, camera, None, lambda *_a, **_k: None)
    qtbot.waitUntil(lambda: "main" in blocks.blocked)
    hold_on_screen_window(dialog, away_window, main)
    assert dialog.isVisible()
    assert dialog.parentWidget() is away_window
    assert dialog.screen() is away_window.screen()
    qtbot.waitUntil(lambda: blocks.blocked == {"away"})
    # The main window (the panel, screen 0's keys) is free while the dialog is up.
    assert patrol.mark_selected(PatrolVerdict.OK, 0)
    dialog.ui.title_edit.setText("Ladder at the gate")
    # That window goes away (its monitor unplugged): the dialog and what was typed stay.
    with qtbot.waitSignal(dialog.destroyed, timeout=500, raising=False) as gone:
        bring_detached_pages_home(view)
        patrol.stop()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not gone.signal_triggered
    assert dialog.parentWidget() is main
    assert dialog.isVisible()
    assert dialog.ui.title_edit.text() == "Ladder at the gate"
    qtbot.waitUntil(lambda: blocks.blocked == {"main"} or "main" in blocks.blocked)
    dialog.close()


def test_a_screen_lost_while_paused_is_handed_on_and_the_pause_kept(
    qtbot: QtBot, parts: Parts
) -> None:
    patrol, view = parts.patrol, parts.view
    patrol.start(PLAN, tiles_per_page=4)
    patrol.pause()
    with qtbot.waitSignal(patrol.screen_lost, timeout=5000):
        bring_detached_pages_home(view)
    run = patrol.run
    assert run is not None
    assert run.state.value == "paused"
    assert patrol.progress()[1].lost
    assert cameras_of(patrol, 0, standby=True) == list(CAMERAS[8:12])
