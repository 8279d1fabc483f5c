"""A wall console under remote control, for the tests on a real multi-head X server. Not a
test module itself; ``remote.py`` starts and drives it.

    python console_child.py SETUP_JSON

SETUP_JSON: ``{"workspace": PATH, "restore": bool, "pages": [[LAYOUT, [CAMERA...]], ...],
"sub_url": URL, "main_url": URL}``. With ``restore`` the wall comes from the workspace file
(as the console does at start); otherwise from ``pages``. The workspace is saved to PATH after
every change, as in the console.

It then reads one JSON command per line on stdin and answers each with one line
``REPLY {json}`` on stdout; see ``Console.COMMANDS``. Qt picks its platform once per process,
which is why each console is a process of its own (``QT_QPA_PLATFORM=xcb`` and the server's
``DISPLAY`` come from the environment).
"""

from __future__ import annotations

import json
import os
import select
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QRect
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from console.gui.video_tile import RepaintClock
from console.gui.wall.persistence import WorkspaceSaver
from console.gui.wall.streams import WallStreams
from console.gui.wall.wall_view import WallView
from console.tasks import TaskRunner
from console.video.supervisor import StreamState
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage
from console.wall.workspace import read_workspace, workspace_to_dict

LIVE_TIMEOUT_S = 40.0  # keyframe wait + buffering on a loaded 2-core machine
SETTLE_TIMEOUT_S = 15.0


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def is_black(image: QImage) -> bool:
    return all(
        image.pixelColor(x, y).value() < 16
        for y in range(0, image.height(), max(1, image.height() // 12))
        for x in range(0, image.width(), max(1, image.width() // 12))
    )


class Console:
    def __init__(self, app: QApplication, setup: dict[str, Any]) -> None:
        self.app = app
        self.path = Path(setup["workspace"])
        self.runner = TaskRunner()
        if setup.get("restore"):
            loaded = read_workspace(self.path)
            if loaded is None:
                raise SystemExit("no workspace to restore")
            self.wall, self.library = loaded.wall, loaded.library
        else:
            self.wall = Wall(
                WallPage(preset(layout), list(cameras)) for layout, cameras in setup["pages"]
            )
            self.library = LayoutLibrary()
        urls = (setup["sub_url"], setup["main_url"])
        self.streams = WallStreams(self.runner, lambda _camera: urls)
        self.view = WallView(
            self.wall, self.library, self.streams, self.runner, clock=RepaintClock()
        )
        self.saver = WorkspaceSaver(self.wall, self.library, self.path, self.runner, delay_ms=100)
        primary = QGuiApplication.primaryScreen()
        self.view.setGeometry(primary.geometry().adjusted(40, 40, -40, -40))
        self.view.show()

    COMMANDS = (
        "report",  # where every page is, what it shows, what plays
        "send",  # {"page": i, "screen": n}: detach page i (0-based) to monitor n (1-based)
        "home",  # {"page": i}: bring page i back to the main window
        "show",  # {"page": i}: make main-window page i the one shown there
        "assign",  # {"page": i, "cell": c, "camera": id}
        "wait_live",  # {"pages": [i...]}: until every camera of those pages shows pictures
        "wait_screens",  # {"count": n}: until Qt has n screens and has settled; then a report
        "wait_saved",  # until the file on disk holds the current workspace
        "grab_screen",  # {"screen": name}: what the X server shows on that monitor
        "quit",  # dispose everything and exit normally
    )

    def run(self, command: dict[str, Any]) -> dict[str, Any]:
        name = command["do"]
        if name == "report":
            return self.report()
        if name == "send":
            self.view.send_page_to_screen(command["page"], command["screen"])
            self.settle()
            return self.report()
        if name == "home":
            self.view.bring_page_home(command["page"])
            self.settle()
            return self.report()
        if name == "show":
            self.wall.set_current(command["page"])
            self.settle()
            return self.report()
        if name == "assign":
            self.wall.assign(command["page"], command["cell"], command["camera"])
            return {}
        if name == "wait_live":
            started = time.monotonic()
            ok = self.wait(lambda: all(self.page_live(i) for i in command["pages"]))
            return {"live": ok, "seconds": round(time.monotonic() - started, 2)}
        if name == "wait_screens":
            ok = self.wait(lambda: len(QGuiApplication.screens()) == command["count"])
            self.settle()
            return {"ok": ok, **self.report()}
        if name == "grab_screen":
            return self.grab_screen(command["screen"])
        if name == "wait_saved":
            return {"saved": self.wait(self.saved, SETTLE_TIMEOUT_S)}
        raise ValueError(f"unknown command {name!r}")

    # ------------------------------------------------------------------ state

    def report(self) -> dict[str, Any]:
        pages = []
        for index, page in enumerate(self.wall.pages):
            window = self.view.screen_window(index)
            page_view = self.view.page_view(index)
            pages.append(
                {
                    "screen_ref": page.screen.name if page.screen is not None else None,
                    "window": None
                    if window is None
                    else {
                        "screen": window.screen().name(),
                        "geometry": rect(window.geometry()),
                        "full_screen": window.isFullScreen(),
                        "visible": window.isVisible(),
                        "holds_page": page_view.window() is window,
                    },
                    "layout": page.layout.name,
                    "cameras": list(page.cameras),
                    "tile_cameras": [tile.camera_id for tile in page_view.tiles],
                }
            )
        return {
            "screens": [
                {"name": s.name(), "geometry": rect(s.geometry())}
                for s in QGuiApplication.screens()
            ],
            "main_window_screen": self.view.screen().name(),
            "main_window_pages": self.wall.main_window_pages(),
            "current": self.wall.current,
            "pages": pages,
        }

    def page_live(self, index: int) -> bool:
        page_view = self.view.page_view(index)
        tiles = [tile for tile in page_view.tiles if tile.camera_id is not None]
        return bool(tiles) and all(self.tile_live(tile) for tile in tiles)

    @staticmethod
    def tile_live(tile: Any) -> bool:
        supervisor = tile.supervisor
        if supervisor is None or supervisor.state is not StreamState.LIVE:
            return False
        frame = tile.grab_frame()
        return not frame.isNull() and not is_black(frame)

    def grab_screen(self, name: str) -> dict[str, Any]:
        """The monitor's pixels from the X server: whether they show something (not all
        black) and whether they change within a few seconds (moving pictures)."""
        screen = next(s for s in QGuiApplication.screens() if s.name() == name)
        first = screen.grabWindow(0).toImage()
        moving = self.wait(lambda: screen.grabWindow(0).toImage() != first, 5.0)
        return {
            "size": [first.width(), first.height()],
            "black": is_black(first),
            "moving": moving,
        }

    def saved(self) -> bool:
        try:
            on_disk = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return False
        return bool(on_disk == json.loads(json.dumps(workspace_to_dict(self.wall, self.library))))

    # ------------------------------------------------------------------ event loop

    def wait(self, condition: Callable[[], bool], timeout: float = LIVE_TIMEOUT_S) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.app.processEvents()
            if condition():
                return True
            time.sleep(0.02)
        return False

    def settle(self, seconds: float = 0.5) -> None:
        """Let the X server and Qt exchange what a change causes (map, configure, expose)."""
        self.wait(lambda: False, seconds)

    def dispose(self) -> None:
        self.view.dispose()
        self.saver.stop()
        self.runner.shutdown(5.0)
        # Widgets deleted while Python is whole: PySide's exit-time cleanup would send hide
        # events into Python overrides after parts of the interpreter are gone.
        self.view.close()
        self.view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def read_command(app: QApplication) -> dict[str, Any] | None:
    """The next command from stdin, keeping the event loop turning meanwhile; None at EOF."""
    line = b""
    while not line.endswith(b"\n"):
        app.processEvents()
        ready, _, _ = select.select([sys.stdin.buffer], [], [], 0.02)
        if ready:
            chunk = os.read(sys.stdin.fileno(), 1)
            if not chunk:
                return None
            line += chunk
    return json.loads(line)  # type: ignore[no-any-return]


def main() -> None:
    app = QApplication([])
    console = Console(app, json.loads(sys.argv[1]))
    console.settle()
    print("REPLY " + json.dumps(console.report()), flush=True)
    while (command := read_command(console.app)) is not None:
        if command["do"] == "quit":
            break
        print("REPLY " + json.dumps(console.run(command)), flush=True)
    console.dispose()
    print("REPLY " + json.dumps({"bye": True}), flush=True)


if __name__ == "__main__":
    main()
