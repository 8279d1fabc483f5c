"""A console running a patrol over two monitors of a real X server, for
``test_patrol_keys.py``: the test gives the focus and types the verdict keys through the X
server (XTEST), this process reports what the console made of them. Not a test module.

    python patrol_keys_child.py SETUP_JSON

SETUP_JSON: ``{"workdir", "server_url", "password", "plan_id", "sub_url", "main_url"}``. The
console is the patrol children's (``tests/gui/wall/patrol_child_console.py``): signed in to the
demo server, the operator's page in the main window and a second page detached to monitor 2.
Each command is one JSON line on stdin, answered by one line ``REPLY {json}`` on stdout (see
``KeysConsole.COMMANDS``); the event loop turns while it waits, so keys and clicks sent
through the X server meanwhile reach the console as they would from a keyboard.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid

from console.domain.incident import IncidentSource
from console.gui.incidents.raise_dialog import raise_event_from_camera
from tests.gui.multihead.console_child import read_command
from tests.gui.wall.patrol_child_console import (
    DEADLINE_S,
    PatrolConsole,
    start_patrol_console,
    wait_until,
)

WAIT_S = 15.0  # for what a key or click causes, once it is sent


def global_rect(widget: QWidget) -> list[int]:
    """The widget's rectangle on the X server's root window."""
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


class KeysConsole:
    COMMANDS = (
        "start",  # the patrol over both screens (together), once every first tile is live
        "state",  # focus, selection, verdicts, progress, dialogs (see state())
        "wait_focus",  # {"screen": n}: until the patrol says screen n has the focus
        "wait_judged",  # {"count": n}: until n cameras have a verdict, then half a second more
        "wait_dialog",  # {"open": bool}: until a raise-event dialog is open (or none is)
        "stop",  # end the patrol; the record through the outbox to the server
        "quit",
    )

    def __init__(self, console: PatrolConsole) -> None:
        self.console = console
        self.app = console.app
        self.dialogs: list[QDialog] = []
        self.raised: list[dict[str, Any]] = []
        console.session_wall.raise_event_requested.connect(self._open_dialog)

    def run(self, command: dict[str, Any]) -> dict[str, Any]:
        name = command["do"]
        if name == "start":
            return self.start()
        if name == "state":
            return self.state()
        if name == "wait_focus":
            screen = command["screen"]
            ok = self.wait(
                lambda: self.console.patrol.focused_screen() == screen and self.active_is(screen)
            )
            return {"ok": ok, **self.state()}
        if name == "wait_judged":
            ok = self.wait(lambda: len(self.judged()) >= command["count"])
            self.wait(lambda: False, 0.5)  # nothing more comes of it
            return {"ok": ok, **self.state()}
        if name == "wait_dialog":
            wanted = command["open"]
            ok = self.wait(lambda: bool(self.open_dialogs()) == wanted)
            self.wait(lambda: False, 0.5)  # mapped, placed and focused by the X server
            return {"ok": ok, **self.state()}
        if name == "stop":
            return self.stop()
        raise ValueError(f"unknown command {name!r}")

    # ------------------------------------------------------------------ commands

    def start(self) -> dict[str, Any]:
        patrol = self.console.patrol
        patrol.start(self.console.plan, tiles_per_page=4, step_mode="together")
        patrol.pause()  # pictures first (a snapshot needs one), however slow the machine is
        live = wait_until(self.app, patrol.all_live, DEADLINE_S)
        patrol.resume()
        return {"all_live": live, **self.state()}

    def stop(self) -> dict[str, Any]:
        console = self.console
        console.patrol.stop()
        result: dict[str, Any] = {
            "queued": wait_until(self.app, lambda: bool(console.queued), 10.0)
        }
        console.deliver(result)
        return result

    # ------------------------------------------------------------------ state

    def state(self) -> dict[str, Any]:
        patrol = self.console.patrol
        run = patrol.run
        screens = []
        for screen in range(patrol.screen_count):
            view = patrol.shown_view(screen)
            if view is None:
                screens.append(None)
                continue
            screens.append(
                {
                    "window_id": int(view.window().winId()),
                    "monitor": view.window().screen().name(),
                    "cameras": [tile.camera_id for tile in view.tiles],
                    "tiles": [global_rect(tile) for tile in view.tiles],
                    "selected": view.selected,
                    "step": run.progress()[screen].step if run is not None else None,
                }
            )
        active = QApplication.activeWindow()
        return {
            "monitors": {s.name(): rect(s.geometry()) for s in self.app.screens()},
            "screens": screens,
            "focused_screen": patrol.focused_screen(),
            "active_window_id": int(active.winId()) if active is not None else None,
            "judged": self.judged(),
            "raised": self.raised,
            "dialogs": [self.dialog_state(dialog) for dialog in self.open_dialogs()],
        }

    def judged(self) -> dict[str, str]:
        run = self.console.patrol.run
        if run is None:
            return {}
        verdicts = {}
        for page in run.pages:
            for camera_id in page.camera_ids:
                verdict = run.outcome(camera_id).verdict
                if verdict is not None:
                    verdicts[camera_id] = verdict.value
        return verdicts

    def open_dialogs(self) -> list[QDialog]:
        return [d for d in self.dialogs if isValid(d) and d.isVisible()]

    def dialog_state(self, dialog: QDialog) -> dict[str, Any]:
        return {
            "window_id": int(dialog.winId()),
            "monitor": dialog.screen().name(),
            "geometry": rect(dialog.geometry()),
            "active": QApplication.activeWindow() is dialog,
            "parent_is_screen_2": dialog.parentWidget() is self.console.away_window,
            "modality": dialog.windowModality().name,
        }

    def active_is(self, screen: int) -> bool:
        view = self.console.patrol.shown_view(screen)
        return view is not None and QApplication.activeWindow() is view.window()

    def wait(self, condition: Callable[[], bool], timeout: float = WAIT_S) -> bool:
        return wait_until(self.app, condition, timeout)

    def _open_dialog(self, camera_id: str, path: str, source: str) -> None:
        # What the incidents feature does with the request: the real raise-event dialog over
        # the main window, with the snapshot; the wall then places it on the patrolled monitor.
        console = self.console
        dialog = raise_event_from_camera(
            console.view.window(),
            console.client.camera(camera_id).to_domain(),
            path or None,
            lambda *_args, **_options: None,
            source=IncidentSource(source),
            runner=console.runner,
        )
        console.session_wall.place_raise_dialog(dialog)
        self.dialogs.append(dialog)
        self.raised.append(
            {"camera": camera_id, "snapshot": bool(path) and Path(path).is_file(), "source": source}
        )


def main() -> None:
    setup = json.loads(sys.argv[1])
    console = start_patrol_console(
        setup["workdir"],
        setup["server_url"],
        setup["password"],
        setup["plan_id"],
        setup["sub_url"],
        setup["main_url"],
    )
    keys = KeysConsole(console)
    wait_until(console.app, lambda: False, 0.5)  # mapped and placed by the X server
    print("REPLY " + json.dumps(keys.state()), flush=True)
    while (command := read_command(console.app)) is not None:
        if command["do"] == "quit":
            break
        print("REPLY " + json.dumps(keys.run(command)), flush=True)
    for dialog in keys.open_dialogs():
        dialog.close()
    console.close()
    print("REPLY " + json.dumps({"bye": True}), flush=True)


if __name__ == "__main__":
    main()
