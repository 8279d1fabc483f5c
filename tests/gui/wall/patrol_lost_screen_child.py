"""A console process on a real two-headed X server whose second monitor is unplugged in the
middle of a patrol over both, driven by test_patrol_lost_screen.py. Not a test module itself.

    python patrol_lost_screen_child.py WORKDIR SERVER_URL PASSWORD PLAN_ID SUB_URL MAIN_URL [MODE]

The wall (``SessionWall``) has the operator's page in the main window and a second page
detached to monitor 2. The patrol of plan PLAN_ID (24 cameras, four per page: the main window
gets pages 1, 3, 5 and monitor 2 pages 2, 4, 6) starts; an abnormal verdict on monitor 2 opens
the real raise-event dialog there. Then the child prints ``REMOVE <monitor>`` and waits for a
line on stdin: the test switches that head off with xrandr meanwhile. The patrol must go on in
the main window with monitor 2's pages not shown yet, pre-rolled, the dialog must come along,
and the record go through the real outbox to the real demo server once. MODE ``stand_in``
(three heads): a monitor to the right of monitor 2 takes its place, and the patrol goes on
there with its keys. One line ``RESULT {json}`` tells what was seen.
"""

from __future__ import annotations

import json
import select
import sys
import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from console.domain.incident import IncidentSource
from console.gui.incidents.raise_dialog import RaiseEventDialog, raise_event_from_camera
from console.gui.patrol.runner import PatrolRunner
from console.gui.wall.session_wall import SessionWall
from console.video.supervisor import StreamState
from tests.gui.wall.patrol_child_console import (
    DEADLINE_S,
    focus_on,
    start_patrol_console,
    wait_until,
)


def wait_for_line(app: QApplication, timeout: float = 60.0) -> str:
    """The next line on stdin, the event loop turning meanwhile."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        ready, _, _ = select.select([sys.stdin], [], [], 0.02)
        if ready:
            return sys.stdin.readline().strip()
    raise TimeoutError("no word from the test")


def cameras(view: Any) -> list[str | None]:
    return [tile.camera_id for tile in view.tiles] if view is not None else []


def tiles_live(view: Any) -> bool:
    return view is not None and all(
        t.supervisor is not None and t.supervisor.state is StreamState.LIVE
        for t in view.tiles
        if t.camera_id
    )


def main() -> None:
    mode = sys.argv[7] if len(sys.argv) > 7 else "unplug"
    console = start_patrol_console(*sys.argv[1:7])
    app, client, runner, wall = console.app, console.client, console.runner, console.wall
    session_wall, view, patrol = console.session_wall, console.view, console.patrol
    away_window, queued, plan = console.away_window, console.queued, console.plan
    away_monitor = away_window.screen().name()
    result: dict[str, Any] = {
        "screens_before": [screen.name() for screen in app.screens()],
        "away_monitor": away_monitor,
        "main_monitor": view.window().screen().name(),
    }

    dialogs: list[RaiseEventDialog] = []

    def open_dialog(camera_id: str, path: str, source: str) -> None:
        # What the incidents feature does: the real dialog over the main window, then placed
        # by the wall where the camera was patrolled.
        camera = client.camera(camera_id).to_domain()
        dialog = raise_event_from_camera(
            view.window(),
            camera,
            path or None,
            lambda *_args, **_options: None,
            source=IncidentSource(source),
            runner=runner,
        )
        session_wall.place_raise_dialog(dialog)
        dialogs.append(dialog)
        result["raised"] = {
            "camera": camera_id,
            "parent_is_away_window": dialog.parentWidget() is away_window,
            "screen": dialog.screen().name(),
            "modality": dialog.windowModality().name,
        }

    session_wall.raise_event_requested.connect(open_dialog)
    step_live: list[tuple[int, int, float]] = []
    patrol.step_live.connect(lambda s, k, seconds: step_live.append((s, k, seconds)))
    lost: list[int] = []
    patrol.screen_lost.connect(lost.append)

    patrol.start(plan, tiles_per_page=4, step_mode="together")
    patrol.pause()  # pictures first, however slow the machine is now
    away0 = patrol.shown_view(1)
    result["first_cameras"] = [cameras(patrol.shown_view(0)), cameras(away0)]
    result["first_all_live"] = wait_until(app, lambda: patrol.all_live(), DEADLINE_S)
    patrol.resume()
    assert away0 is not None
    result["away_focus"] = focus_on(app, away0)
    away0.select(0)
    QTest.keyClick(away0, Qt.Key.Key_X)
    wait_until(app, lambda: "raised" in result, 20.0)
    dialog = dialogs[0] if dialogs else None
    if dialog is not None:
        dialog.ui.title_edit.setText("Ladder at the gate")
    wait_until(app, lambda: False, 1.0)  # a second of live pictures on both monitors

    # The test pulls monitor 2's cable.
    print(f"REMOVE {away_monitor}", flush=True)
    result["word"] = wait_for_line(app)
    if mode == "stand_in":
        stand_in(app, patrol, result, lost)
        result["dialog_alive"] = dialog is not None and isValid(dialog)
    else:
        went_away(app, session_wall, dialog, result, lost)
    result["step_live"] = step_live
    result["running_at_end"] = patrol.running
    result["pages_after"] = len(wall.pages)
    result["main_window_pages"] = wall.main_window_pages()
    result["queued"] = wait_until(app, lambda: bool(queued), 10.0)
    result["queued_count"] = len(queued)
    console.deliver(result)
    console.close()
    print("RESULT " + json.dumps(result), flush=True)


def stand_in(
    app: QApplication, patrol: PatrolRunner, result: dict[str, Any], lost: list[int]
) -> None:
    """Another monitor took monitor 2's place: screen 1 goes on there, keys and all."""
    result["lost_seen"] = wait_until(app, lambda: bool(lost), 1.5)
    result["screens_after"] = [screen.name() for screen in app.screens()]
    shown = patrol.shown_view(1)
    assert shown is not None
    window = shown.window()
    result["screen_1_window"] = window.screen().name()
    result["screen_1_in_front"] = getattr(window, "content", None) is shown
    result["screen_names"] = patrol.screen_names()
    result["focus"] = focus_on(app, shown)
    QTest.keyClick(shown, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    result["judged_by_keys"] = patrol.progress()[1].judged
    steps = 0
    while patrol.running and steps < 6:
        wait_until(app, lambda: tiles_live(patrol.standby_view(1)), 30.0)
        patrol.next_page()
        steps += 1
        if patrol.running:
            wait_until(app, lambda: patrol.all_live(1), 10.0)


def went_away(
    app: QApplication,
    session_wall: SessionWall,
    dialog: RaiseEventDialog | None,
    result: dict[str, Any],
    lost: list[int],
) -> None:
    """Monitor 2 is gone with no other in its place: the main window goes on with its pages."""
    patrol, panel, view = session_wall.patrol, session_wall.patrol_panel, session_wall.view
    wall = view.wall
    result["lost_seen"] = wait_until(app, lambda: bool(lost), 20.0)
    result["lost"] = lost
    result["screens_after"] = [screen.name() for screen in app.screens()]
    result["running"] = patrol.running
    result["progress_lost"] = [row.lost for row in patrol.progress()]
    result["progress_text"] = panel.progress.text()
    result["dialog_after"] = (
        {
            "alive": True,
            "parent_is_main": dialog.parentWidget() is view.window(),
            "visible": dialog.isVisible(),
            "screen": dialog.screen().name(),
            "title": dialog.ui.title_edit.text(),
        }
        if dialog is not None and isValid(dialog)
        else {"alive": False}
    )
    if dialog is not None and isValid(dialog):
        dialog.close()
    result["away_page_home"] = view.screen_window(1) is None and 1 in wall.main_window_pages()

    # The main window goes on with its own pages and those monitor 2 had not shown yet.
    shown: list[list[str | None]] = [cameras(patrol.shown_view(0))]
    standby_live: list[bool] = []
    while patrol.running and len(shown) < 8:
        standby_live.append(wait_until(app, lambda: tiles_live(patrol.standby_view(0)), 30.0))
        patrol.next_page()
        if patrol.running:
            shown.append(cameras(patrol.shown_view(0)))
            wait_until(app, lambda: patrol.all_live(0), 10.0)
    result["shown_after"] = shown
    result["standby_live"] = standby_live


if __name__ == "__main__":
    main()
