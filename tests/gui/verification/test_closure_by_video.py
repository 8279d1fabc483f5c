"""Closure verified by video, the whole story against the real server and simulators.

On patrol the officer sees a street vendor's stall on a road camera (the camera simulator
draws it there), marks the camera abnormal and raises the event from the tile with its
snapshot; the event is accepted, filed and dispatched to urban-management enforcement; the
field simulator signs, travels and reports back. The officer opens the verification view
(what the detail pane's "Verify by video" button asks for), reads the live picture of the
camera named on the event, captures it and gives the verdict.

First run: the unit really cleared the road, the live picture is clear (pixels), pass: the
event is closed as resolved on the server. Second run: the first report is false, the stall
is still on the live picture, fail: the event goes back to the unit, which really clears it
this time; verified again, passed, closed.

Accepting, filing, dispatching and opening the verification view all go through the detail
pane of the Incidents dock (its action buttons and dialogs); its "start verification" button
queues that action and opens the view, which then must not queue a second one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from console.app import SessionWiring
from console.domain.incident import Action, IncidentState
from console.domain.model import Camera, CameraKind, CameraStatus
from console.gui.incidents.actions import FileDialog
from console.gui.incidents.detail import IncidentDetailPane
from console.gui.incidents.dispatch_dialog import DispatchDialog
from console.gui.verification.dialog import VerificationDialog
from console.server.demo.field import FieldSimulator, FieldTiming
from console.server.media.problem_art import problem_visible
from console.store.outbox import OutboxState
from console.video.supervisor import StreamState
from tests.gui.verification.conftest import OPERATOR, visible_cameras
from tests.gui.verification.field import URBAN_MANAGEMENT, Person
from tests.support.live_server import LiveDemoServer

pytestmark = [pytest.mark.media, pytest.mark.slow]

CATEGORY = "street_vendor"
FIRST_PICTURE_MS = 25_000
SERVER_MS = 30_000
# The unit's whole round (sign, start, travel, work, report) at 50x simulated speed.
FIELD_MS = 90_000
FAST_FIELD = FieldTiming(
    sign_delay_s=(2.0, 6.0),
    start_delay_s=(2.0, 6.0),
    work_s=(20.0, 40.0),
    report_every_s=5.0,
    drift_report_every_s=60.0,
    retry_after_s=5.0,
)


def rgb_array(image: QImage) -> np.ndarray[Any, Any]:
    """A decoded picture as the demo's pixel check reads it (height x width x RGB)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(rgb.constBits(), np.uint8, rgb.sizeInBytes())
    rows = raw.reshape(rgb.height(), rgb.bytesPerLine())[:, : rgb.width() * 3]
    # A copy: the array must not outlive the image whose memory it reads.
    return rows.reshape(rgb.height(), rgb.width(), 3).copy()


def stall_seen(picture: QImage | None) -> bool:
    return picture is not None and problem_visible(rgb_array(picture), CATEGORY)


def road_camera(server: LiveDemoServer, n: int) -> Camera:
    """An online road camera the operator may see (the n-th)."""
    roads = [
        c
        for c in visible_cameras(server)
        if c.status is CameraStatus.ONLINE and c.kind is CameraKind.ROAD
    ]
    return roads[n]


@pytest.fixture
def operator_api(demo_server: LiveDemoServer) -> Iterator[Person]:
    person = Person(demo_server, OPERATOR)
    yield person
    person.close()


def start_field(server: LiveDemoServer, *, lie_first: bool) -> FieldSimulator:
    simulator = FieldSimulator(
        server.api,
        server.world,
        seed=17,
        alert_rate_per_min=0,
        not_fixed_share=1.0 if lie_first else 0.0,
        speed=50,
        tick_s=0.1,
        poll_interval_s=0.3,
        timing=FAST_FIELD,
        problems=server.problems,
    )
    simulator.start()
    return simulator


def raise_on_patrol(
    qtbot: QtBot, session: SessionWiring, api: Person, camera: Camera, title: str
) -> str:
    """Patrol the camera, see the stall, mark it abnormal and raise the event from the tile;
    returns the server's id of the event."""
    plan = api.post("/patrol-plans", json={"name": title, "camera_ids": [camera.id], "dwell_s": 60})
    wall = session.wall
    wall.load_plans()  # the plan is newer than the sign-in
    panel = wall.patrol_panel
    qtbot.waitUntil(lambda: any(p.id == plan["id"] for p in panel.plans), timeout=10_000)
    panel.plan_list.setCurrentRow([p.id for p in panel.plans].index(plan["id"]))
    panel.tiles_box.setValue(1)
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    shown = wall.patrol.shown_view()
    assert shown is not None
    tile = shown.tile(0)
    assert tile.camera_id == camera.id

    def stall_on_tile() -> bool:
        supervisor = tile.supervisor
        if supervisor is None or supervisor.state is not StreamState.LIVE:
            return False
        frame = tile.grab_frame()
        return not frame.isNull() and stall_seen(frame)

    qtbot.waitUntil(stall_on_tile, timeout=FIRST_PICTURE_MS)
    with qtbot.waitSignal(session.raise_dialog_opened, timeout=10_000) as opened:
        qtbot.mouseClick(panel.abnormal_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert dialog.camera().id == camera.id
    assert dialog.snapshot_path() is not None
    dialog.ui.title_edit.setText(title)
    dialog.ui.category_combo.setCurrentIndex(dialog.ui.category_combo.findData(CATEGORY))
    assert dialog.submit()

    found: list[str] = []

    def on_server() -> bool:
        page = api.get("/incidents?limit=50")
        found[:] = [item["id"] for item in page["items"] if item["title"] == title]
        return bool(found)

    qtbot.waitUntil(on_server, timeout=SERVER_MS)
    return found[0]


def pane_of(session: SessionWiring) -> IncidentDetailPane:
    return session.incidents.list_panel.detail


def show(qtbot: QtBot, session: SessionWiring, incident_id: str, state: str) -> None:
    """Ask the Incidents dock to show the incident (as any feature does) and wait until its
    detail pane holds it in ``state``."""
    pane = pane_of(session)
    session.session.signals.incident_requested.emit(incident_id)

    def holds() -> bool:
        if pane.incident_id != incident_id:
            # The list's selection moved (a newer event came in): show ours again.
            pane.show_incident(incident_id)
            return False
        incident = pane.incident
        if incident is not None and incident.id == incident_id and incident.state == state:
            return not pane.busy
        if not pane.busy:
            pane.reload()
        return False

    try:
        qtbot.waitUntil(holds, timeout=SERVER_MS)
    except TimeoutError:
        shown = pane.incident
        raise AssertionError(
            f"the pane holds {shown.state if shown else None} (not {state}); outbox: "
            + repr(
                [
                    (i.kind, i.body, i.state, i.response_status, i.reason)
                    for i in session.store.outbox.list()
                ]
            )
        ) from None


def press(session: SessionWiring, action: Action) -> None:
    pane = pane_of(session)
    button = pane.action_bar.button(action)
    assert button is not None, f"{action} not offered; offered {pane.offered_actions()}"
    button.click()


def accept_dialog(qtbot: QtBot, session: SessionWiring) -> None:
    dialog = pane_of(session).dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.form.button_box.accepted.emit()  # type: ignore[attr-defined]


def dispatch(qtbot: QtBot, session: SessionWiring, api: Person, incident_id: str) -> None:
    """Accept, file and dispatch to urban-management enforcement in the detail pane."""
    show(qtbot, session, incident_id, "reported")
    press(session, Action.ACCEPT)
    show(qtbot, session, incident_id, "accepted")
    press(session, Action.FILE)
    filing = pane_of(session).dialog
    assert isinstance(filing, FileDialog)
    assert filing.ui.category_combo.currentData() == CATEGORY
    accept_dialog(qtbot, session)
    show(qtbot, session, incident_id, "filed")
    press(session, Action.DISPATCH)
    dispatching = pane_of(session).dialog
    assert isinstance(dispatching, DispatchDialog)
    qtbot.waitUntil(lambda: bool(dispatching.candidates), timeout=SERVER_MS)
    # Street vending is urban management's: its enforcement desk is suggested to lead.
    assert dispatching.lead_unit_id() == URBAN_MANAGEMENT
    dispatching.ui.instructions_edit.setPlainText("清理占道摊位")
    accept_dialog(qtbot, session)
    wait_for_state(qtbot, api, incident_id, "dispatched", SERVER_MS)


def wait_for_state(qtbot: QtBot, api: Person, incident_id: str, state: str, ms: int) -> Any:
    seen: list[Any] = []

    def reached() -> bool:
        seen.append(api.get(f"/incidents/{incident_id}"))
        return bool(seen[-1]["state"] == state)

    qtbot.waitUntil(reached, timeout=ms)
    return seen[-1]


def wait_in_store(
    qtbot: QtBot, session: SessionWiring, incident_id: str, state: IncidentState, feedbacks: int
) -> None:
    """Until the event stream has brought the unit's report into the local store."""

    def stored() -> bool:
        incident = session.store.incidents.get(incident_id)
        return (
            incident is not None
            and incident.state is state
            and len(incident.feedbacks) == feedbacks
        )

    qtbot.waitUntil(stored, timeout=SERVER_MS)


def open_view(qtbot: QtBot, session: SessionWiring, incident_id: str) -> VerificationDialog:
    """Open the verification view from the detail pane: its "start verification" action
    (the pane queues the action and opens the view) while the event awaits it, or its "Open
    verification view" button once verifying."""
    show(qtbot, session, incident_id, "feedback")
    pane = pane_of(session)
    with qtbot.waitSignal(session.verification.dialog_opened, timeout=SERVER_MS) as opened:
        if pane.action_bar.button(Action.START_VERIFICATION) is not None:
            press(session, Action.START_VERIFICATION)
        else:
            pane.verify_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, VerificationDialog)
    return dialog


def live_picture(qtbot: QtBot, dialog: VerificationDialog, camera_id: str) -> QImage:
    """The newest picture of the event's camera in the view, once it plays live."""
    view = dialog.camera_views[0]
    assert view.camera_id == camera_id, "the camera named on the event comes first"
    qtbot.waitUntil(
        lambda: (
            view.tile.supervisor is not None
            and view.tile.supervisor.state is StreamState.LIVE
            and view.grab_picture() is not None
        ),
        timeout=FIRST_PICTURE_MS,
    )
    picture = view.grab_picture()
    assert picture is not None
    return picture


def verify(qtbot: QtBot, dialog: VerificationDialog, *, passed: bool, comment: str) -> None:
    """Capture the selected camera and give the verdict with the buttons."""
    before = len(dialog.captures)
    qtbot.mouseClick(dialog.ui.capture_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.captures) == before + 1, timeout=10_000)
    dialog.ui.comment_edit.setPlainText(comment)
    button = dialog.ui.pass_button if passed else dialog.ui.fail_button
    with qtbot.waitSignal(dialog.verdict_queued, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_unit_clears_the_road_and_video_confirms_it(
    qtbot: QtBot,
    signed_in: SessionWiring,
    demo_server: LiveDemoServer,
    operator_api: Person,
) -> None:
    assert demo_server.problems is not None
    camera = road_camera(demo_server, 0)
    demo_server.problems.place(CATEGORY, camera.position)
    incident_id = raise_on_patrol(qtbot, signed_in, operator_api, camera, "占道经营 巡检发现 A")
    field = start_field(demo_server, lie_first=False)
    try:
        dispatch(qtbot, signed_in, operator_api, incident_id)
        wait_for_state(qtbot, operator_api, incident_id, "feedback", FIELD_MS)
        assert field.truly_fixed(incident_id)
    finally:
        field.stop()
    wait_in_store(qtbot, signed_in, incident_id, IncidentState.FEEDBACK, feedbacks=1)

    dialog = open_view(qtbot, signed_in, incident_id)
    live_picture(qtbot, dialog, camera.id)
    # The road is clear on the live picture (the drawing goes within about a second).
    qtbot.waitUntil(lambda: not stall_seen(dialog.camera_views[0].grab_picture()), timeout=10_000)
    verify(qtbot, dialog, passed=True, comment="路面畅通，摊位已撤离")

    closed = wait_for_state(qtbot, operator_api, incident_id, "closed", SERVER_MS)
    assert closed["disposition"] == "resolved"
    [verification] = closed["verifications"]
    assert verification["verdict"] == "pass"
    assert verification["camera_ids"] == [camera.id]
    assert len(verification["media"]) == 1
    assert verification["captured_at"] > closed["feedbacks"][-1]["reported_at"]
    assert closed["assignments"][-1]["unit_id"] == URBAN_MANAGEMENT
    actions = [step["action"] for step in closed["history"]]
    assert actions.count("start_verification") == 1
    assert actions[-2:] == ["start_verification", "close"]
    assert not signed_in.store.outbox.list([OutboxState.REJECTED]), "nothing refused"


def test_false_report_is_caught_sent_back_and_then_verified(
    qtbot: QtBot,
    signed_in: SessionWiring,
    demo_server: LiveDemoServer,
    operator_api: Person,
) -> None:
    assert demo_server.problems is not None
    camera = road_camera(demo_server, 1)
    demo_server.problems.place(CATEGORY, camera.position)
    incident_id = raise_on_patrol(qtbot, signed_in, operator_api, camera, "占道经营 巡检发现 B")
    field = start_field(demo_server, lie_first=True)
    try:
        dispatch(qtbot, signed_in, operator_api, incident_id)
        wait_for_state(qtbot, operator_api, incident_id, "feedback", FIELD_MS)
        assert not field.truly_fixed(incident_id), "the first report is false"
        wait_in_store(qtbot, signed_in, incident_id, IncidentState.FEEDBACK, feedbacks=1)

        # ---- the unit says fixed, the camera says otherwise
        dialog = open_view(qtbot, signed_in, incident_id)
        picture = live_picture(qtbot, dialog, camera.id)
        qtbot.waitUntil(lambda: stall_seen(dialog.camera_views[0].grab_picture()), timeout=5_000)
        assert stall_seen(picture) or stall_seen(dialog.camera_views[0].grab_picture())
        reason = "摊位仍占用道路，请再次清理"
        verify(qtbot, dialog, passed=False, comment=reason)
        back = wait_for_state(qtbot, operator_api, incident_id, "dispatched", SERVER_MS)
        assert back["rework_count"] == 1
        assert back["verifications"][-1]["verdict"] == "fail"
        assert back["assignments"][-1]["instructions"] == reason

        # ---- the rework is real; the second report is verified
        wait_for_state(qtbot, operator_api, incident_id, "feedback", FIELD_MS)
        assert field.truly_fixed(incident_id)
    finally:
        field.stop()
    wait_in_store(qtbot, signed_in, incident_id, IncidentState.FEEDBACK, feedbacks=2)
    dialog = open_view(qtbot, signed_in, incident_id)
    live_picture(qtbot, dialog, camera.id)
    qtbot.waitUntil(lambda: not stall_seen(dialog.camera_views[0].grab_picture()), timeout=10_000)
    verify(qtbot, dialog, passed=True, comment="复查：路面已清空")

    closed = wait_for_state(qtbot, operator_api, incident_id, "closed", SERVER_MS)
    assert closed["disposition"] == "resolved"
    assert [v["verdict"] for v in closed["verifications"]] == ["fail", "pass"]
    assert closed["rework_count"] == 1
    actions = [step["action"] for step in closed["history"]]
    assert actions.count("reopen") == 1
    assert actions.count("start_verification") == 2
    assert actions[-2:] == ["start_verification", "close"]
    assert not signed_in.store.outbox.list([OutboxState.REJECTED]), "nothing refused"
