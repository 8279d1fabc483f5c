"""A console process with two monitors running a patrol over both, driven by
test_patrol_screens.py (and the multi-head X test). Not a test module itself.

    python patrol_screens_child.py MODE WORKDIR SERVER_URL PASSWORD PLAN_ID SUB_URL MAIN_URL

The wall (``SessionWall``, as the console builds it) has the operator's page in the main
window and a second page detached to screen 2. The patrol of plan PLAN_ID (16 cameras, four
per page) runs over both screens in MODE (``together`` or ``own_dwell``); verdicts are given by
keys on each screen's own window: abnormal (X) and the rest normal (Shift+Space) on screen 2,
normal (Space) and the rest normal on the main window, while the abnormal camera's real
raise-event dialog, placed by the wall on screen 2's window, is still open. The record goes through the real outbox and its delivery worker
to the real demo server. One line ``RESULT {json}`` tells what was seen.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from console.domain.incident import IncidentSource
from console.gui.incidents.raise_dialog import raise_event_from_camera
from console.video.supervisor import StreamState
from tests.gui.wall.patrol_child_console import (
    DEADLINE_S,
    focus_on,
    start_patrol_console,
    wait_until,
)


def main() -> None:
    mode = sys.argv[1]
    console = start_patrol_console(*sys.argv[2:8])
    app, client, runner, wall = console.app, console.client, console.runner, console.wall
    session_wall, view, patrol, panel = (
        console.session_wall,
        console.view,
        console.patrol,
        console.panel,
    )
    away_window, queued, plan = console.away_window, console.queued, console.plan
    home_view, away_view = view.page_view(0), view.page_view(1)
    result: dict[str, Any] = {
        "screens": [screen.name() for screen in app.screens()],
        "away_window_screen": away_window.screen().name(),
    }
    wait_until(app, lambda: away_view.tile(0).supervisor is not None, 20.0)

    dialogs: list[QDialog] = []

    def open_dialog(camera_id: str, path: str, source: str) -> None:
        # What the incidents feature does with the request: the real raise-event dialog over
        # the main window, with the snapshot; the wall then places it on the patrolled monitor.
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
            "snapshot": bool(path) and Path(path).is_file(),
            "source": source,
            "dialog_screen": dialog.screen().name(),
            "dialog_centre": [dialog.geometry().center().x(), dialog.geometry().center().y()],
            "parent_is_away_window": dialog.parentWidget() is away_window,
            "modality": dialog.windowModality().name,
        }

    session_wall.raise_event_requested.connect(open_dialog)
    step_live: list[tuple[int, int, float]] = []
    patrol.step_live.connect(lambda s, k, seconds: step_live.append((s, k, seconds)))
    shown: list[tuple[int, int, int]] = []
    patrol.screen_step_shown.connect(lambda s, k, n: shown.append((s, k, n)))

    panel.set_step_mode(mode)
    patrol.start(plan, tiles_per_page=4)
    result["screen_count"] = patrol.screen_count
    result["monitors"] = patrol.screen_names()
    patrol.pause()  # pictures first, however slow the machine is now
    main0, away0 = patrol.shown_view(0), patrol.shown_view(1)
    assert main0 is not None
    assert away0 is not None
    result["main_page_in_main_window"] = main0.window() is view.window()
    result["away_page_in_away_window"] = away0.window() is away_window
    result["away_window_shows_patrol"] = away_window.content is away0
    result["first_cameras"] = [
        [t.camera_id for t in main0.tiles],
        [t.camera_id for t in away0.tiles],
    ]
    result["first_all_live"] = wait_until(app, lambda: patrol.all_live(), DEADLINE_S)
    result["standby_prerolled"] = wait_until(
        app,
        lambda: all(
            (v := patrol.standby_view(s)) is not None
            and not v.isVisible()
            and all(
                t.supervisor is not None and t.supervisor.state is StreamState.LIVE
                for t in v.tiles
                if t.camera_id
            )
            for s in (0, 1)
        ),
        DEADLINE_S,
    )
    patrol.resume()

    # Screen 2: abnormal on its first tile, then every other camera normal, by keys there.
    result["away_focus"] = focus_on(app, away0)
    result["focused_screen_away"] = patrol.focused_screen()
    away0.select(0)
    QTest.keyClick(away0, Qt.Key.Key_X)
    QTest.keyClick(away0, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    wait_until(app, lambda: "raised" in result, 20.0)
    app.processEvents()
    progress_away = patrol.progress()[1]
    result["away_judged"] = [progress_away.judged, progress_away.cameras]
    result["still_step_0"] = patrol.shown_view(1) is away0
    result["progress_text"] = panel.progress.text()

    # The main window: normal on tile 2, then the rest.
    result["main_focus"] = focus_on(app, main0)
    result["focused_screen_main"] = patrol.focused_screen()
    main0.select(1)
    QTest.keyClick(main0, Qt.Key.Key_Space)
    result["main_marker"] = main0.tile(1).marker_text
    QTest.keyClick(main0, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    # All that with screen 2's dialog open: it belongs to screen 2 and blocks nothing else.
    result["dialog_open_meanwhile"] = [dialog.isVisible() for dialog in dialogs]
    for dialog in dialogs:
        dialog.close()  # the operator is done with it
    dialogs.clear()  # it deletes itself once closed
    # Both screens judged: the step moves on, the pre-rolled pages live at once.
    wait_until(app, lambda: patrol.shown_view(0) is not main0, 10.0)
    result["second_cameras"] = [
        [t.camera_id for t in patrol.shown_view(0).tiles],  # type: ignore[union-attr]
        [t.camera_id for t in patrol.shown_view(1).tiles],  # type: ignore[union-attr]
    ]
    wait_until(app, lambda: len(step_live) >= 4, 10.0)
    result["step_live"] = step_live
    result["shown"] = shown
    # Step 2 left unjudged: stop.
    app.processEvents()
    time.sleep(0.5)
    app.processEvents()
    patrol.stop()
    result["home_current"] = wall.current
    result["pages_after"] = len(wall.pages)
    result["away_window_back"] = view.screen_window(1) is away_window and (
        away_window.content is away_view
    )
    result["home_back"] = view.current_view() is home_view
    result["queued"] = wait_until(app, lambda: bool(queued), 10.0)
    result["record_body_screens"] = [e.get("screen") for e in queued[0]["entries"]]
    console.deliver(result)
    console.close()
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
