"""The console the patrol child processes run (``patrol_screens_child.py``,
``patrol_lost_screen_child.py``, ``tests/gui/multihead/patrol_keys_child.py``): signed in to
the real demo server, a store with the real outbox, the wall as the console builds it
(``SessionWall``) with the operator's page in the main window and a second page detached to
monitor 2, and the patrol record queued in the outbox when the patrol ends. Not a test module.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget

from console.client import BackendClient, OutboxDelivery
from console.domain.model import PatrolPlan
from console.gui.patrol.panel import PatrolPanel
from console.gui.patrol.runner import PatrolRunner
from console.gui.wall.screens import ScreenWindow
from console.gui.wall.session_wall import SessionWall
from console.gui.wall.wall_view import WallView
from console.scrub import clear_secrets
from console.store import OutboxState, Store, open_store
from console.tasks import TaskRunner
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage
from console.wall.workspace import Workspace

DEADLINE_S = 60.0
OPERATOR = "operator-1"


def wait_until(
    app: QApplication, condition: Callable[[], bool], timeout: float = DEADLINE_S
) -> bool:
    """Turn the event loop until ``condition()`` holds (True) or ``timeout`` passes (False)."""
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


@dataclass
class PatrolConsole:
    """The parts a patrol child works with (see the module docstring)."""

    app: QApplication
    runner: TaskRunner
    client: BackendClient
    store: Store
    plan: PatrolPlan
    wall: Wall
    session_wall: SessionWall
    away_window: ScreenWindow
    queued: list[dict[str, Any]] = field(default_factory=list)

    @property
    def view(self) -> WallView:
        return self.session_wall.view

    @property
    def patrol(self) -> PatrolRunner:
        return self.session_wall.patrol

    @property
    def panel(self) -> PatrolPanel:
        return self.session_wall.patrol_panel

    def deliver(self, result: dict[str, Any]) -> None:
        """Run the outbox's delivery worker until the record is delivered (or 30 s); what it
        did goes into ``result`` (``delivered``, ``outbox_counts``)."""
        delivery = OutboxDelivery(self.client, self.store.outbox)
        delivery.start()
        try:
            result["delivered"] = wait_until(
                self.app,
                lambda: self.store.outbox.counts().get(OutboxState.DELIVERED) == 1,
                30.0,
            )
        finally:
            delivery.stop()
        result["outbox_counts"] = {k.value: v for k, v in self.store.outbox.counts().items()}

    def close(self) -> None:
        self.session_wall.dispose()
        self.runner.shutdown(5.0)
        self.store.close()
        self.client.close()
        clear_secrets()
        self.panel.deleteLater()
        self.session_wall.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def start_patrol_console(
    workdir: str, server_url: str, password: str, plan_id: str, sub_url: str, main_url: str
) -> PatrolConsole:
    """Sign in, open the store, build the wall and detach its second page to monitor 2 (see
    the module docstring); the main window and the patrol panel are shown."""
    work = Path(workdir)
    app = QApplication([])
    runner = TaskRunner()
    client = BackendClient(server_url)
    client.login(OPERATOR, password)
    store = open_store(work / "store")
    plan = next(p.to_domain() for p in client.patrol_plans() if p.id == plan_id)
    wall = Wall([WallPage(preset("4"), ["home-cam"]), WallPage(preset("1"), ["away-cam"])])
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
    view.resize(1000, 640)
    view.show()
    session_wall.patrol_panel.show()
    view.send_page_to_screen(1, 2)
    away_window = view.screen_window(1)
    assert away_window is not None, "page 2 is detached"
    return PatrolConsole(app, runner, client, store, plan, wall, session_wall, away_window, queued)
