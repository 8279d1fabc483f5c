"""The console end to end: sign in, open cameras from the tree onto the wall, watch live
pictures from the real camera simulator, see honest tiles for cameras that cannot play, run a
video patrol, raise an event from its abnormal camera with the snapshot, and find the patrol
record and the event on the server.

Everything is real: the demo server on loopback with its camera simulator (ffmpeg encoders
behind the stream host), libvlc decoding into the tiles, the user's SQLite store with its
outbox and delivery worker, and the workspace file on disk.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from console.app import Console, SessionWiring, workspace_file
from console.client import BackendClient
from console.domain.incident import IncidentSource
from console.domain.model import CameraStatus
from console.gui.docks import DockId
from console.gui.wall.session_wall import Availability
from console.gui.wall.snapshot import KEY_CAMERA_ID, read_snapshot_tags
from console.gui.wall.tile import WallTile
from console.video.supervisor import StreamState
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage
from console.wall.workspace import workspace_to_dict
from tests.gui.console.conftest import Api, sign_in
from tests.support.live_server import LiveDemoServer

pytestmark = [
    pytest.mark.media,
    pytest.mark.slow,
    # What the offscreen platform says when a popup menu opens; not about our code.
    pytest.mark.qt_log_ignore(
        "This plugin does not support raise", "This plugin does not support grabbing"
    ),
]

OPERATOR = "operator-1"
FIRST_PICTURE_MS = 25_000


def is_black(image: QImage) -> bool:
    return all(
        image.pixelColor(x, y).value() < 16
        for y in range(0, image.height(), max(1, image.height() // 12))
        for x in range(0, image.width(), max(1, image.width() // 12))
    )


def wait_for_live_picture(qtbot: QtBot, tile: WallTile) -> QImage:
    """Until the tile plays live and holds a real (not black) picture; returns it."""
    grabbed: list[QImage] = []

    def live() -> bool:
        supervisor = tile.supervisor
        if supervisor is None or supervisor.state is not StreamState.LIVE:
            return False
        frame = tile.grab_frame()
        if frame.isNull() or is_black(frame):
            return False
        grabbed.append(frame)
        return True

    qtbot.waitUntil(live, timeout=FIRST_PICTURE_MS)
    return grabbed[-1]


def open_from_tree(qtbot: QtBot, session: SessionWiring, camera_id: str) -> None:
    """Search the camera tree for the camera and double-click the match, as an operator."""
    panel = session.camera_panel
    assert panel is not None
    panel.set_search_text(camera_id)
    panel.apply_search()
    view = panel.results_view
    qtbot.waitUntil(lambda: view.model().rowCount() == 1, timeout=5_000)
    index = view.model().index(0, 0)
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


@pytest.fixture
def api(demo_server: LiveDemoServer) -> Iterator[Api]:
    made = Api(demo_server, OPERATOR)
    yield made
    made.close()


@pytest.fixture
def stream_requests(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the console asked the server for each camera's streams (the real call,
    counted on its way through)."""
    counts: Counter[str] = Counter()
    real = BackendClient.camera_streams

    def counted(self: BackendClient, camera_id: str) -> object:
        counts[camera_id] += 1
        return real(self, camera_id)

    monkeypatch.setattr(BackendClient, "camera_streams", counted)
    return counts


def test_duty_officer_watches_patrols_and_raises_an_event(
    qtbot: QtBot,
    console: Console,
    demo_server: LiveDemoServer,
    api: Api,
    stream_requests: Counter[str],
) -> None:
    world = demo_server.world
    department = next(u.department_id for u in world.users if u.username == OPERATOR)
    visible = [
        (ordinal, camera)
        for ordinal, camera in enumerate(world.cameras)
        if camera.owner_department_id == department or department in camera.shared_with
    ]
    online = [(o, c) for o, c in visible if c.status is CameraStatus.ONLINE]
    # Two cameras on different feeds, so the two tiles show different pictures.
    first = online[0][1]
    second = next(c for o, c in online if o % 3 != online[0][0] % 3)
    offline = next(c for _o, c in visible if c.status is not CameraStatus.ONLINE)
    hidden = next(
        c
        for c in world.cameras
        if c.owner_department_id != department and department not in c.shared_with
    )
    # The operator's saved wall still holds a camera that is no longer shared with them.
    path = workspace_file(demo_server.url, OPERATOR)
    path.parent.mkdir(parents=True, exist_ok=True)
    saved = workspace_to_dict(Wall([WallPage(preset("4"), [hidden.id])]), LayoutLibrary())
    path.write_text(json.dumps(saved), "utf-8")
    plan_cameras = [c.id for _o, c in online[3:5]]
    plan = api.post(
        "/patrol-plans", {"name": "交接班巡检", "camera_ids": plan_cameras, "dwell_s": 60}
    )

    session = sign_in(qtbot, console, OPERATOR, demo_server.password(OPERATOR))
    window = session.window
    wall = session.wall
    assert window.dock(DockId.WALL).widget() is wall.view
    qtbot.waitUntil(lambda: session.camera_panel is not None, timeout=20_000)
    assert wall.wall.page(0).cameras == [hidden.id], "the user's workspace came back"

    # ---- the tree's "open" fills the free tiles, one after the other
    for camera in (first, second, offline):
        open_from_tree(qtbot, session, camera.id)
    page = wall.view.current_view()
    assert page is not None
    assert [t.camera_id for t in page.tiles] == [hidden.id, first.id, second.id, offline.id]
    assert page.tile(1).camera_name == first.name

    # ---- both live tiles show pictures that change, and differ from each other
    pictures = [wait_for_live_picture(qtbot, page.tile(cell)) for cell in (1, 2)]
    for cell, before in zip((1, 2), pictures, strict=True):
        tile = page.tile(cell)
        qtbot.waitUntil(lambda t=tile, b=before: t.grab_frame() != b, timeout=10_000)
        assert not is_black(tile.grab_frame())
    assert pictures[0] != pictures[1]
    assert "Main streams" in wall.budget_label.text()

    # ---- cameras that cannot play say so, and nothing keeps asking the server
    offline_tile, hidden_tile = page.tile(3), page.tile(0)
    qtbot.waitUntil(
        lambda: wall.streams.availability(hidden.id) is Availability.NOT_SHARED, timeout=10_000
    )
    qtbot.waitUntil(lambda: wall.streams.notice_for(hidden.id) == "Not shared", timeout=5_000)
    assert wall.streams.availability(offline.id) is Availability.OFFLINE
    assert wall.streams.notice_for(offline.id) == "Offline"
    assert offline_tile.supervisor is None
    assert hidden_tile.supervisor is None
    assert stream_requests[offline.id] == 0, "the catalogue already says it is offline"
    # At most the one request made before the catalogue arrived.
    assert stream_requests[hidden.id] <= 1
    asked_for_hidden = stream_requests[hidden.id]

    # ---- the tile menu raises an event with the tile's snapshot
    tile = page.tile(1)
    tile.customContextMenuRequested.emit(QPoint(20, 20))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    action = menu.findChild(QAction, "raise_event_action")
    assert action is not None
    assert action.isEnabled()
    with qtbot.waitSignal(session.raise_dialog_opened, timeout=10_000) as opened:
        action.trigger()
        menu.close()
    dialog = opened.args[0]
    assert dialog.camera().id == first.id
    assert dialog.source() is IncidentSource.OPERATOR
    snapshot = dialog.snapshot_path()
    assert snapshot is not None
    assert read_snapshot_tags(snapshot)[KEY_CAMERA_ID] == first.id
    dialog.ui.title_edit.setText("路口积水 from the wall")
    assert dialog.submit()

    # ---- a short patrol: one camera normal, one abnormal
    panel = wall.patrol_panel
    qtbot.waitUntil(lambda: any(p.id == plan["id"] for p in panel.plans), timeout=10_000)
    panel.plan_list.setCurrentRow([p.id for p in panel.plans].index(plan["id"]))
    panel.tiles_box.setValue(2)
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    patrol = wall.patrol
    assert patrol.running
    assert window.dock(DockId.PATROL).isVisible()
    shown = patrol.shown_view()
    assert shown is not None
    assert [t.camera_id for t in shown.tiles][:2] == plan_cameras
    for cell in (0, 1):
        wait_for_live_picture(qtbot, shown.tile(cell))
    shown.select(0)
    qtbot.mouseClick(panel.ok_button, Qt.MouseButton.LeftButton)
    assert shown.selected == 1
    with qtbot.waitSignal(session.raise_dialog_opened, timeout=10_000) as opened:
        qtbot.mouseClick(panel.abnormal_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert dialog.camera().id == plan_cameras[1]
    assert dialog.source() is IncidentSource.PATROL
    snapshot = dialog.snapshot_path()
    assert snapshot is not None
    assert read_snapshot_tags(snapshot)[KEY_CAMERA_ID] == plan_cameras[1]
    qtbot.waitUntil(lambda: not patrol.running, timeout=5_000)
    assert "2 of 2 cameras seen" in panel.summary.text()
    assert wall.view.current_view() is page, "the operator's own page is back"
    dialog.reject()

    # ---- the record and the event reach the server through the outbox
    def verdicts() -> dict[str, str]:
        for record in api.get("/patrol-records"):  # type: ignore[union-attr]
            if record["plan_id"] == plan["id"]:
                return {e["camera_id"]: e["verdict"] for e in record["entries"]}
        return {}

    qtbot.waitUntil(lambda: bool(verdicts()), timeout=15_000)
    assert verdicts() == {plan_cameras[0]: "ok", plan_cameras[1]: "abnormal"}

    def raised() -> list[dict]:
        page_ = api.get("/incidents", q="路口积水")
        return page_["items"]  # type: ignore[index]

    qtbot.waitUntil(lambda: bool(raised()), timeout=15_000)
    incident = raised()[0]
    assert incident["camera_ids"] == [first.id]
    assert len(incident["attachments"]) == 1
    qtbot.waitUntil(lambda: session.pending == 0, timeout=10_000)

    # ---- the wall is kept for this user
    def saved_cameras() -> list:
        try:
            return json.loads(path.read_text("utf-8"))["pages"][0]["cameras"]
        except (OSError, ValueError, KeyError, IndexError):
            return []

    qtbot.waitUntil(
        lambda: saved_cameras() == [hidden.id, first.id, second.id, offline.id], timeout=5_000
    )
    # Nothing more for the camera that is not shared: no hammering.
    assert stream_requests[hidden.id] == asked_for_hidden
    assert stream_requests[offline.id] == 0
