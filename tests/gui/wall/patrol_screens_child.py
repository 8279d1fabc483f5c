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

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from console.client import BackendClient, OutboxDelivery
from console.domain.incident import IncidentSource
from console.gui.incidents.raise_dialog import raise_event_from_camera
from console.gui.wall.session_wall import SessionWall
from console.scrub import clear_secrets
from console.store import OutboxState, open_store
from console.tasks import TaskRunner
from console.video.supervisor import StreamState
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage
from console.wall.workspace import Workspace

DEADLINE_S = 60.0
OPERATOR = "operator-1"


def wait_until(app: QApplication, condition, timeout: float = DEADLINE_S) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def focus_on(app: QApplication, widget: QWidget) -> bool:
    """Make ``widget``'s window the active one and give ``widget`` the keyboard focus."""
    window = widget.window()
    window.raise_()
    window.activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    return wait_until(
        app,
        lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is widget,
        10.0,
    )


def main() -> None:
    mode, workdir, server_url, password, plan_id, sub_url, main_url = sys.argv[1:8]
    work = Path(workdir)
    app = QApplication([])
    runner = TaskRunner()
    client = BackendClient(server_url)
    client.login(OPERATOR, password)
    store = open_store(work / "store")
    plan = next(p.to_domain() for p in client.patrol_plans() if p.id == plan_id)

    wall = Wall(
        [WallPage(preset("4"), ["home-cam"]), WallPage(preset("1"), ["away-cam"])],
    )
    queued: list[dict[str, Any]] = []

    def submit(body: dict[str, Any], summary: str) -> object:
        queued.append(body)
        return store.outbox.enqueue(
            "patrol.record", "POST", "/patrol-records", body, summary=summary
        )

    session_wall = SessionWall(
        Workspace(wall, LayoutLibrary()),
        work / "workspace.json",
        runner,
        lambda _camera: (sub_url, main_url),
        known=lambda _camera: None,
        camera_name=lambda camera_id: camera_id,
        load_plans=lambda: [plan],
        save_plan=None,
        submit_patrol_record=submit,
    )
    view = session_wall.view
    patrol = session_wall.patrol
    panel = session_wall.patrol_panel
    view.resize(1000, 640)
    view.show()
    panel.show()
    view.send_page_to_screen(1, 2)
    away_window = view.screen_window(1)
    assert away_window is not None, "page 2 is detached"
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
    delivery = OutboxDelivery(client, store.outbox)
    delivery.start()
    try:
        result["delivered"] = wait_until(
            app, lambda: store.outbox.counts().get(OutboxState.DELIVERED) == 1, 30.0
        )
    finally:
        delivery.stop()
    result["outbox_counts"] = {k.value: v for k, v in store.outbox.counts().items()}

    session_wall.dispose()
    runner.shutdown(5.0)
    store.close()
    client.close()
    clear_secrets()
    panel.deleteLater()
    session_wall.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
