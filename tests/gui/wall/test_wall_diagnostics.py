"""The Diagnostics dialog shows the video wall: players, the main-stream budget and one row per
tile with a camera, refreshed while the dialog is open, with real libvlc on live streams."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from console.diagnostics import LatenessProbe
from console.gui.diagnostics_dialog import DiagnosticsDialog, WallFiguresBox
from console.gui.wall.wall_figures import WallFigures, collect
from console.tasks import TaskRunner
from console.video.vlc_source import wedged_players
from tests.gui.wall.conftest import WallRig
from tests.gui.wall.support import FIRST_PICTURE_MS, wait_for_pictures

pytestmark = [pytest.mark.media, pytest.mark.slow]

TILE, CAMERA, STATE, STREAM, FPS, LOST, AGE, RESTARTS = range(WallFiguresBox.COLUMNS)


@pytest.fixture
def dialog(qtbot: QtBot, rig: WallRig, runner: TaskRunner) -> Iterator[DiagnosticsDialog]:
    probe = LatenessProbe()
    probe.start()
    made = DiagnosticsDialog(probe, runner, wall=rig.view)
    qtbot.addWidget(made)
    yield made
    made.close()
    probe.stop()
    probe.deleteLater()


def _rows(dialog: DiagnosticsDialog) -> list[list[str]]:
    assert dialog.wall_box is not None
    table = dialog.wall_box.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def _number(text: str) -> float:
    return float(text.split()[0])


def test_rows_show_two_live_cameras_and_one_without_stream(
    qtbot: QtBot, rig: WallRig, dialog: DiagnosticsDialog
) -> None:
    rig.wall.assign(0, 0, "cam-1")
    rig.wall.assign(0, 1, "cam-2")
    rig.wall.assign(0, 3, "missing-9")  # the backend knows no such camera: no stream
    page = rig.view.page_view(0)
    for cell in (0, 1):
        wait_for_pictures(qtbot, page.tile(cell))

    dialog.show()
    qtbot.waitExposed(dialog)

    def two_live_rows_with_pictures_per_second() -> bool:
        rows = _rows(dialog)
        if len(rows) != 3:
            return False
        live = rows[:2]
        return all(row[STATE] == "live" and _number(row[FPS]) > 0 for row in live)

    # The dialog refreshes itself once a second; nothing here asks it to.
    qtbot.waitUntil(two_live_rows_with_pictures_per_second, timeout=FIRST_PICTURE_MS)
    rows = _rows(dialog)
    assert [row[TILE] for row in rows] == ["1/1", "1/2", "1/4"]
    assert [row[CAMERA] for row in rows] == ["Camera cam-1", "Camera cam-2", "Camera missing-9"]
    for row in rows[:2]:
        assert row[STREAM] == "sub"  # quarter tiles are small: the sub stream serves them
        assert int(row[LOST]) >= 0
        assert row[AGE].endswith("s ago")
        assert _number(row[AGE]) < 5
        assert int(row[RESTARTS]) >= 0
    missing = rows[2]
    assert missing[STATE] == "no stream yet"
    assert missing[STREAM] == missing[FPS] == missing[LOST] == missing[AGE] == "–"

    box = dialog.wall_box
    assert box is not None
    assert box.players_value.text() == "2"
    assert box.wedged_value.text().split()[0] == str(wedged_players())
    assert box.main_value.text() == "0 in use of 4"

    report = dialog.report()
    assert "Video wall" in report
    assert "Players in use: 2" in report
    assert "Camera cam-1\tlive\tsub" in report
    assert "Camera missing-9\tno stream yet" in report


def test_a_maximised_tile_shows_its_main_stream_against_the_budget(
    qtbot: QtBot, rig: WallRig, dialog: DiagnosticsDialog
) -> None:
    rig.wall.assign(0, 0, "cam-1")
    rig.wall.assign(0, 1, "cam-2")
    page = rig.view.page_view(0)
    for cell in (0, 1):
        wait_for_pictures(qtbot, page.tile(cell))
    rig.streams.set_max_main(1)
    page.maximise(0)
    dialog.show()

    def main_on_the_maximised_tile() -> bool:
        rows = _rows(dialog)
        return (
            len(rows) == 2
            and rows[0][STREAM] == "main"
            and rows[0][STATE] == "live"
            and _number(rows[0][FPS]) > 0
        )

    qtbot.waitUntil(main_on_the_maximised_tile, timeout=FIRST_PICTURE_MS)
    box = dialog.wall_box
    assert box is not None
    qtbot.waitUntil(lambda: box.main_value.text() == "1 in use of 1", timeout=5_000)
    figures = collect(rig.view)
    assert figures.max_main == 1
    assert figures.main_in_use == 1
    # The covered neighbour keeps playing its sub stream (pre-rolled for going back).
    assert figures.tiles[1].stream.value == "sub"


def test_wedged_players_still_inside_their_hung_call_are_told_apart(qtbot: QtBot) -> None:
    box = WallFiguresBox()
    qtbot.addWidget(box)
    figures = WallFigures(
        players=16,
        wedged=3,
        wedged_waiting=1,
        main_in_use=0,
        main_wanted=0,
        main_granted=0,
        max_main=4,
        tiles=(),
    )
    box.show_figures(figures)
    assert box.wedged_value.text() == "3 (1 not released yet)"
    box.show_figures(dataclasses.replace(figures, wedged_waiting=0))
    assert box.wedged_value.text() == "3"
