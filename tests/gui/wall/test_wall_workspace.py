"""The workspace saved on every change (debounced, off the GUI thread) and a wall rebuilt
from it: custom layout, pages, cameras, the current page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.gui.video_tile import RepaintClock
from console.gui.wall.persistence import WorkspaceSaver
from console.gui.wall.wall_view import WallView
from console.tasks import TaskRunner
from console.wall.layout import Cell, custom
from console.wall.model import WallPage
from console.wall.workspace import default_path, read_workspace
from tests.gui.wall.conftest import WallRig
from tests.gui.wall.support import wait_for_pictures

pytestmark = [pytest.mark.media, pytest.mark.slow]


def test_layouts_and_cameras_are_saved_and_restored(
    qtbot: QtBot, rig: WallRig, runner: TaskRunner, home: Path
) -> None:
    saver = WorkspaceSaver(rig.wall, rig.library, default_path(), runner, delay_ms=50)
    gate = custom("Gate", 2, 3, [Cell(0, 0, 2, 2)])
    rig.library.save(gate)
    with qtbot.waitSignal(saver.saved, timeout=5_000):
        rig.view.set_layout("Gate")
        rig.wall.place(0, 0, ["cam-a", "cam-b", "cam-c"])
    with qtbot.waitSignal(saver.saved, timeout=5_000):
        rig.wall.place(1, 0, ["cam-x"])
        rig.wall.set_current(1)
    assert saver.writes == 2, "a burst of changes is one write"
    saver.stop()

    restored = read_workspace(home / "data" / "wall-workspace.json")
    assert restored is not None
    assert restored.library.get("Gate") == gate
    assert restored.wall.current == 1
    view = WallView(restored.wall, restored.library, rig.streams, runner, clock=RepaintClock())
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    try:
        first = view.page_view(0)
        assert first.page.layout == gate
        assert [tile.camera_id for tile in first.tiles] == ["cam-a", "cam-b", "cam-c"]
        second = view.current_view()
        assert second is view.page_view(1)
        assert second.tile(0).camera_id == "cam-x"
        wait_for_pictures(qtbot, second.tile(0))
    finally:
        view.dispose()


def test_a_change_of_patrol_pages_alone_writes_nothing(
    qtbot: QtBot, rig: WallRig, runner: TaskRunner, home: Path
) -> None:
    saver = WorkspaceSaver(rig.wall, rig.library, default_path(), runner, delay_ms=50)
    with qtbot.waitSignal(saver.saved, timeout=5_000):
        rig.wall.place(0, 0, ["cam-a"])
    assert saver.writes == 1
    # A patrol's pages come, are shown and go: the saved workspace would be the same.
    layout = rig.wall.page(0).layout
    patrol_page = rig.wall.add_page(WallPage(layout, ["cam-b"], transient=True))
    rig.wall.set_current(patrol_page)
    rig.wall.set_current(0)
    rig.wall.remove_page(patrol_page)
    qtbot.wait(400)  # eight save delays
    assert saver.writes == 1
    # A real change is still written.
    with qtbot.waitSignal(saver.saved, timeout=5_000):
        rig.wall.place(0, 0, ["cam-c"])
    assert saver.writes == 2
    saver.stop()
