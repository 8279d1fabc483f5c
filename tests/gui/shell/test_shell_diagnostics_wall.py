"""A signed-in session's Diagnostics dialog shows the session's video wall.

The shell's demo server hands out no stream addresses, so the rows say why a tile has no
picture: an offline camera is "offline" (the catalogue says so), an online one has no stream.
Live pictures in the same dialog are covered by tests/gui/wall/test_wall_diagnostics.py.
"""

from __future__ import annotations

from console.app import Console
from console.domain.model import CameraStatus
from tests.gui.shell.conftest import sign_in_through_dialog

CAMERA, STATE, STREAM = 1, 2, 3


def test_diagnostics_lists_the_wall_tiles_of_the_session(
    qtbot, console: Console, demo_server
) -> None:
    session = sign_in_through_dialog(
        qtbot, console, "operator-1", demo_server.password("operator-1")
    )
    qtbot.waitUntil(lambda: session.catalog is not None, timeout=30_000)
    catalog = session.catalog
    assert catalog is not None
    ids = catalog.camera_ids()
    online = next(i for i in ids if catalog.camera(i).status is CameraStatus.ONLINE)
    offline = next(i for i in ids if catalog.camera(i).status is CameraStatus.OFFLINE)
    assert session.wall.open_camera(online) == 0
    assert session.wall.open_camera(offline) == 1

    dialog = session.open_diagnostics()
    box = dialog.wall_box
    assert box is not None

    def rows() -> list[list[str]]:
        table = box.table
        return [
            [table.item(row, column).text() for column in range(table.columnCount())]
            for row in range(table.rowCount())
        ]

    def both_tiles_listed() -> bool:
        shown = rows()
        return len(shown) == 2 and shown[1][STATE] == "offline"

    qtbot.waitUntil(both_tiles_listed, timeout=10_000)
    shown = rows()
    assert shown[0][CAMERA] == catalog.camera(online).name
    assert shown[0][STATE] == "no stream yet"
    assert shown[1][CAMERA] == catalog.camera(offline).name
    assert [row[STREAM] for row in shown] == ["–", "–"]
    assert box.players_value.text() == "0"
    assert "Main streams: 0 in use of 4" in dialog.report()
