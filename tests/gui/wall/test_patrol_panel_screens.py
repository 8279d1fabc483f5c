"""The patrol panel with the wall on two screens: how screens step (offered in the panel,
kept by the composition root in the settings), each screen's progress line, and the key that
marks the rest of a screen normal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from console.domain.model import PatrolPlan, PatrolVerdict
from console.gui.patrol.panel import REST_OK_KEY, PatrolPanel
from console.gui.patrol.runner import PatrolRunner
from console.gui.wall.streams import WallStreams
from console.gui.wall.wall_view import WallView
from console.tasks import TaskRunner
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage
from console.wall.patrol import StepMode

PLAN = PatrolPlan("plan-2", "Two screens", tuple(f"cam-{i}" for i in range(16)), dwell_s=30)


@pytest.fixture
def parts(qtbot: QtBot, runner: TaskRunner) -> Iterator[tuple[PatrolPanel, WallView]]:
    wall = Wall([WallPage(preset("4")), WallPage(preset("1"), ["away"])])
    view = WallView(wall, LayoutLibrary(), WallStreams(runner, lambda _c: (None, None)), runner)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.send_page_to_screen(1, 1)  # the offscreen platform has one monitor: it will do
    patrol = PatrolRunner(view, runner, lambda _body: None)
    panel = PatrolPanel(patrol, runner, lambda: [PLAN])
    qtbot.addWidget(panel)
    panel.show()
    yield panel, view
    patrol.stop()
    view.dispose()


def test_the_step_mode_is_offered_and_told(
    qtbot: QtBot, parts: tuple[PatrolPanel, WallView]
) -> None:
    panel, _view = parts
    patrol = panel.patrol
    modes = [patrol.step_mode]
    panel.set_step_mode("own_dwell")
    modes.append(patrol.step_mode)
    assert modes == [StepMode.TOGETHER, StepMode.OWN_DWELL]
    assert panel.step_mode_box.currentData() == "own_dwell"
    panel.set_step_mode("sideways")
    modes.append(patrol.step_mode)  # an unknown value falls back
    with qtbot.waitSignal(panel.step_mode_chosen) as chosen:
        panel.step_mode_box.activated.emit(1)
    assert chosen.args == ["own_dwell"]
    modes.append(patrol.step_mode)
    assert modes[2:] == [StepMode.TOGETHER, StepMode.OWN_DWELL]
    assert "Shift+Space" in panel.rest_ok_button.toolTip()
    assert REST_OK_KEY == "Shift+Space"


def test_progress_per_screen_and_the_rest_normal(
    qtbot: QtBot, parts: tuple[PatrolPanel, WallView]
) -> None:
    panel, view = parts
    panel.refresh()
    qtbot.waitUntil(lambda: bool(panel.plans))
    panel.start_button.click()
    patrol = panel.patrol
    assert patrol.running
    assert patrol.screen_count == 2
    assert not panel.step_mode_box.isEnabled(), "fixed while a patrol runs"
    lines = panel.progress.text().split("\n")
    assert len(lines) == 2
    assert lines[0].startswith("Main window")
    assert "page 1 of 2" in lines[0]
    assert lines[0].endswith("0 of 4 judged")
    assert lines[1].startswith("Detached screen 1")
    # The detached screen's own window holds its keys; the patrol stands in front there.
    window = view.screen_window(1)
    assert window is not None
    assert window.content is patrol.shown_view(1)
    assert patrol.mark_rest_ok(1) == 4
    assert panel.progress.text().split("\n")[1].endswith("4 of 4 judged")
    assert patrol.shown_view(1) is not None
    assert patrol.shown_view(1).tile(3).marker_text == "Normal"  # type: ignore[union-attr]
    assert patrol.mark_rest_ok(1) == 0, "nothing left to mark there"
    # The main window's screen: one by hand, then the rest; the step moves on together.
    first = patrol.shown_view(0)
    assert first is not None
    first.select(2)
    assert patrol.mark_selected(PatrolVerdict.ABNORMAL, 0)
    assert patrol.mark_rest_ok(0) == 3
    qtbot.waitUntil(lambda: patrol.shown_view(0) is not first)
    assert "page 2 of 2" in panel.progress.text().split("\n")[0]
    panel.stop_button.click()
    assert not patrol.running
    assert window.content is view.page_view(1), "the operator's page is back on screen"
    assert len(view.wall.pages) == 2
