"""A console process with two monitors (Qt's offscreen platform with a screen config file),
driven by test_two_screens.py. Not a test module itself.

    python two_screens_child.py detach|restore WORKSPACE SUB_URL MAIN_URL

``detach`` builds a wall, detaches page 2 to screen 2 with a camera on it, waits for live
pictures there and for the workspace to be saved, then dies without any cleanup (as in a
crash). ``restore`` reads the workspace back, reports where page 2 ended up, disposes the wall
and exits normally. Each prints one line ``RESULT {json}``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from console.gui.video_tile import RepaintClock
from console.gui.wall.persistence import WorkspaceSaver
from console.gui.wall.streams import WallStreams
from console.gui.wall.wall_view import WallView
from console.tasks import TaskRunner
from console.video.supervisor import StreamState
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage
from console.wall.workspace import read_workspace

DEADLINE_S = 40.0


def wait_until(app: QApplication, condition, timeout: float = DEADLINE_S) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return False


def main() -> None:
    phase, workspace, sub_url, main_url = sys.argv[1:5]
    path = Path(workspace)
    app = QApplication([])
    runner = TaskRunner()
    if phase == "detach":
        wall = Wall([WallPage(preset("4"), ["cam-home"]), WallPage(preset("1"))])
        library = LayoutLibrary()
    else:
        loaded = read_workspace(path)
        assert loaded is not None, "the workspace file is there"
        wall, library = loaded.wall, loaded.library
    streams = WallStreams(runner, lambda _camera: (sub_url, main_url))
    view = WallView(wall, library, streams, runner, clock=RepaintClock())
    saver = WorkspaceSaver(wall, library, path, runner, delay_ms=100)
    written: list[str] = []
    saver.saved.connect(written.append)
    view.resize(1000, 600)
    view.show()
    if phase == "detach":
        view.send_page_to_screen(1, 2)
        wall.assign(1, 0, "cam-away")
    window = view.screen_window(1)
    if window is None:
        wall.set_current(1)  # the page came home: look at it
    page_view = view.page_view(1)
    tile = page_view.tile(0)
    live = wait_until(
        app,
        lambda: tile.supervisor is not None and tile.supervisor.state is StreamState.LIVE,
    )
    result = {
        "screens": [screen.name() for screen in app.screens()],
        "window_screen": window.screen().name() if window is not None else None,
        "full_screen": bool(window is not None and window.isFullScreen()),
        "window_geometry": list(window.geometry().getRect()) if window is not None else None,
        "page_view_in_window": window is not None and page_view.window() is window,
        "camera": tile.camera_id,
        "live": live,
        "main_window_pages": wall.main_window_pages(),
        "home_tile_camera": view.page_view(0).tile(0).camera_id,
    }
    if phase == "detach":
        result["saved"] = wait_until(app, lambda: bool(written), 10.0)
        print("RESULT " + json.dumps(result), flush=True)
        os._exit(0)  # no cleanup at all: the workspace must already be safe on disk
    view.dispose()
    saver.stop()
    runner.shutdown(5.0)
    close_widgets(view)
    print("RESULT " + json.dumps(result), flush=True)
    # Returns normally: the interpreter's own teardown (and libvlc's, at exit) must be clean.


def close_widgets(view: WallView) -> None:
    """Delete the wall's widgets while Python is whole, before the program returns.

    Widgets left for PySide's exit-time cleanup are destroyed after parts of Python are gone;
    closing them then sends hide events into Python overrides, and a failure there crashes
    the process.
    """
    view.close()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


if __name__ == "__main__":
    main()
