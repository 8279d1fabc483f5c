"""The incident detail pane against the real demo server: what it shows, which actions it
offers to whom, and the life cycle driven through its buttons and dialogs until the server
has it, in order.

Everything is real: the demo server on loopback, the console signed in (its store, outbox,
delivery worker and event stream), and other users acting through the real client as a
second workstation would (the unit signing and reporting back, the officer's verification).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from console.app import Console, Services, SessionWiring
from console.client import BackendClient
from console.domain.geo import Sight, sight_of
from console.domain.incident import (
    Action,
    Actor,
    Disposition,
    Incident,
    IncidentSource,
    IncidentState,
    Priority,
    allowed_actions,
)
from console.domain.model import Camera, CameraStatus
from console.domain.sla import GridLevel
from console.gui.incidents.actions import CloseDialog, DelayDialog, FileDialog, ReasonDialog
from console.gui.incidents.detail import IncidentDetailPane
from console.gui.incidents.dispatch_dialog import DispatchDialog
from console.gui.incidents.escalate import EscalateDialog
from console.gui.incidents.merge_dialog import MergeDialog
from console.gui.incidents.timeline import EntryKind
from console.store import OutboxState
from console.wire.incidents import ActionIn, IncidentIn
from tests.gui.console.conftest import sign_in
from tests.support.console_services import running_console
from tests.support.leak_guard import ThreadOwnership
from tests.support.live_server import LiveDemoServer, start_demo_server

# What the offscreen platform says when a window (the verification view) is raised.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

OPERATOR = "operator-1"
SUPERVISOR = "supervisor-1"
UNIT = "urban_management"
UNIT_ID = "unit-urban_management"
WAIT_MS = 20_000
HOSTILE = "<b>bold</b><img src='x'> & <script>alert(1)</script>\u202egnp.exe"


def png_bytes(width: int = 32, height: int = 18) -> bytes:
    """A real, small PNG (a plain red picture)."""
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    server = start_demo_server(tmp_path_factory.mktemp("detail-server"), camera_count=300)
    try:
        yield server
    finally:
        server.close()


class Field:
    """Other workstations: each user through the real client."""

    def __init__(self, server: LiveDemoServer) -> None:
        self.server = server
        self._clients: dict[str, BackendClient] = {}

    def client(self, username: str) -> BackendClient:
        if username not in self._clients:
            made = BackendClient(self.server.url)
            made.login(username, self.server.password(username))
            self._clients[username] = made
        return self._clients[username]

    def close(self) -> None:
        for made in self._clients.values():
            made.close()

    def camera(self) -> Camera:
        """An online camera the command centre may see."""
        department = next(
            u.department_id for u in self.server.world.users if u.username == OPERATOR
        )
        return next(
            c
            for c in self.server.world.cameras
            if (c.owner_department_id == department or department in c.shared_with)
            and c.status is CameraStatus.ONLINE
        )

    def raise_incident(self, title: str = "Street vendor on the road", **extra: object) -> str:
        camera = self.camera()
        body = IncidentIn(
            title=title,
            category="street_vendor",
            priority=Priority.P3,
            source=IncidentSource.OPERATOR,
            lat=camera.position.lat,
            lon=camera.position.lon,
            camera_ids=[camera.id],
            **extra,  # type: ignore[arg-type]
        )
        return self.client(OPERATOR).create_incident(body).id

    def act(self, username: str, incident_id: str, action: Action, **fields: object) -> None:
        self.client(username).incident_action(
            incident_id,
            ActionIn(action=action, **fields),  # type: ignore[arg-type]
        )

    def feedback(self, incident_id: str, text: str = "Stall removed", photo: bool = True) -> None:
        photos = [("photos", "after.png", "image/png", png_bytes())] if photo else []
        self.client(UNIT).report_feedback(incident_id, result="fixed", text=text, photos=photos)

    def incident(self, incident_id: str) -> Incident:
        return self.client(SUPERVISOR).incident(incident_id).to_domain()

    def advance(self, incident_id: str, state: IncidentState) -> str:
        """Drive ``incident_id`` to ``state`` through the real API."""
        path: list[tuple[str, Action, dict[str, object]]] = [
            (OPERATOR, Action.ACCEPT, {}),
            (OPERATOR, Action.FILE, {"category": "street_vendor", "priority": Priority.P3}),
            (OPERATOR, Action.DISPATCH, {"unit_id": UNIT_ID}),
            (UNIT, Action.SIGN, {}),
            (UNIT, Action.START, {}),
        ]
        stops = [
            IncidentState.ACCEPTED,
            IncidentState.FILED,
            IncidentState.DISPATCHED,
            IncidentState.SIGNED,
            IncidentState.IN_PROGRESS,
        ]
        for (user, action, fields), reached in zip(path, stops, strict=True):
            if self.incident(incident_id).state is state:
                return incident_id
            self.act(user, incident_id, action, **fields)
            if reached is state:
                return incident_id
        if state is IncidentState.DELAY_REQUESTED:
            due = self.incident(incident_id).due_at or datetime.now(UTC)
            self.act(
                UNIT,
                incident_id,
                Action.REQUEST_DELAY,
                reason="Waiting for a truck",
                due_at=due + timedelta(hours=6),
            )
        elif state is IncidentState.SUSPENDED:
            self.act(SUPERVISOR, incident_id, Action.SUSPEND, reason="Road works")
        elif state in (IncidentState.FEEDBACK, IncidentState.VERIFYING):
            self.feedback(incident_id)
            if state is IncidentState.VERIFYING:
                self.act(OPERATOR, incident_id, Action.START_VERIFICATION)
        assert self.incident(incident_id).state is state
        return incident_id


@pytest.fixture(scope="module")
def field(demo_server: LiveDemoServer) -> Iterator[Field]:
    made = Field(demo_server)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def console(services: Services, demo_server: LiveDemoServer) -> Iterator[Console]:
    with running_console(services, demo_server.url, demo_server.passwords) as made:
        yield made


def signed_in_pane(
    qtbot: QtBot, console: Console, server: LiveDemoServer, username: str
) -> tuple[SessionWiring, IncidentDetailPane]:
    wiring = sign_in(qtbot, console, username, server.password(username))
    qtbot.waitUntil(lambda: wiring.catalog is not None, timeout=WAIT_MS)
    pane = IncidentDetailPane(wiring.session)
    qtbot.addWidget(pane)
    pane.resize(760, 820)
    pane.show()
    return wiring, pane


def show(qtbot: QtBot, pane: IncidentDetailPane, incident_id: str, version: int) -> Incident:
    """Show the incident and wait until the pane holds (at least) ``version`` of it, read
    again from the store while the event stream brings it in."""
    pane.show_incident(incident_id)

    def current() -> bool:
        incident = pane.incident
        if incident is not None and incident.id == incident_id and incident.version >= version:
            return not pane.busy
        if not pane.busy:
            pane.reload()
        return False

    qtbot.waitUntil(current, timeout=WAIT_MS)
    assert pane.incident is not None
    return pane.incident


def wait_for_server_state(
    qtbot: QtBot, field: Field, incident_id: str, state: IncidentState
) -> Incident:
    found: list[Incident] = []

    def reached() -> bool:
        found[:] = [field.incident(incident_id)]
        return found[0].state is state

    qtbot.waitUntil(reached, timeout=WAIT_MS)
    return found[0]


def press(qtbot: QtBot, pane: IncidentDetailPane, action: Action) -> None:
    button = pane.action_bar.button(action)
    assert button is not None, f"{action} not offered; offered {pane.offered_actions()}"
    button.click()


def accept_dialog(qtbot: QtBot, pane: IncidentDetailPane) -> None:
    dialog = pane.dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        dialog.form.button_box.accepted.emit()  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------- offered actions

STATES = (
    IncidentState.REPORTED,
    IncidentState.ACCEPTED,
    IncidentState.FILED,
    IncidentState.DISPATCHED,
    IncidentState.IN_PROGRESS,
    IncidentState.DELAY_REQUESTED,
    IncidentState.SUSPENDED,
    IncidentState.FEEDBACK,
    IncidentState.VERIFYING,
)


@pytest.fixture(scope="module")
def incidents_by_state(field: Field) -> dict[IncidentState, str]:
    return {
        state: field.advance(field.raise_incident(f"State {state.value}"), state)
        for state in STATES
    }


@pytest.mark.parametrize("username", [OPERATOR, SUPERVISOR, UNIT])
def test_offered_actions_are_what_the_state_machine_allows(
    qtbot: QtBot,
    console: Console,
    demo_server: LiveDemoServer,
    field: Field,
    incidents_by_state: dict[IncidentState, str],
    username: str,
) -> None:
    wiring, pane = signed_in_pane(qtbot, console, demo_server, username)
    user = wiring.session.user
    actor = Actor(user.id, user.role, user.unit_id)
    seen: dict[IncidentState, tuple[Action, ...]] = {}
    for state, incident_id in incidents_by_state.items():
        on_server = field.incident(incident_id)
        if username == UNIT and not on_server.assignments:
            continue  # a unit sees only what was dispatched to it
        show(qtbot, pane, incident_id, on_server.version)
        expected = allowed_actions(on_server, actor)
        assert pane.offered_actions() == expected, state
        buttons = {
            b.objectName()
            for b in pane.action_bar.findChildren(type(pane.verify_button))
            if b.isVisibleTo(pane)
        }
        assert buttons == {f"action_{a.value}" for a in expected}
        seen[state] = expected
    # The matrix is not empty: every role can do something somewhere, and not everything.
    assert any(seen.values())
    if username == UNIT:
        assert seen[IncidentState.DISPATCHED] == (Action.SIGN, Action.RETURN)
        assert seen[IncidentState.FEEDBACK] == ()
    elif username == SUPERVISOR:
        assert Action.APPROVE_DELAY in seen[IncidentState.DELAY_REQUESTED]
        assert Action.CLOSE in seen[IncidentState.VERIFYING]
    else:
        assert seen[IncidentState.DELAY_REQUESTED] == ()
        assert Action.CLOSE not in seen[IncidentState.VERIFYING]  # not without a look


# ----------------------------------------------------------------------------- the life cycle


def test_the_whole_path_through_the_pane_lands_on_the_server_in_order(
    qtbot: QtBot, console: Console, demo_server: LiveDemoServer, field: Field
) -> None:
    wiring, pane = signed_in_pane(qtbot, console, demo_server, OPERATOR)
    incident_id = field.raise_incident("Vendor blocking the road")
    show(qtbot, pane, incident_id, 1)

    press(qtbot, pane, Action.ACCEPT)
    wait_for_server_state(qtbot, field, incident_id, IncidentState.ACCEPTED)
    show(qtbot, pane, incident_id, 2)

    press(qtbot, pane, Action.FILE)
    dialog = pane.dialog
    assert isinstance(dialog, FileDialog)
    dialog.ui.priority_combo.setCurrentIndex(dialog.ui.priority_combo.findData(2))
    accept_dialog(qtbot, pane)
    filed = wait_for_server_state(qtbot, field, incident_id, IncidentState.FILED)
    assert filed.priority is Priority.P2
    show(qtbot, pane, incident_id, filed.version)

    press(qtbot, pane, Action.DISPATCH)
    dispatch = pane.dialog
    assert isinstance(dispatch, DispatchDialog)
    qtbot.waitUntil(lambda: bool(dispatch.candidates), timeout=WAIT_MS)
    # Street vending is urban management's: its desk is suggested first.
    assert dispatch.lead_unit_id() == UNIT_ID
    dispatch.set_assisting(["unit-police"])
    dispatch.ui.instructions_edit.setPlainText("Clear the stall from the carriageway")
    accept_dialog(qtbot, pane)
    dispatched = wait_for_server_state(qtbot, field, incident_id, IncidentState.DISPATCHED)
    lead = dispatched.lead_assignment
    assert lead is not None
    assert lead.unit_id == UNIT_ID
    assert lead.instructions == "Clear the stall from the carriageway"
    assert dispatched.assisting_unit_ids == ("unit-police",)

    # The unit signs, starts and reports back from its own workstation.
    field.act(UNIT, incident_id, Action.SIGN)
    field.act(UNIT, incident_id, Action.START)
    field.feedback(incident_id)
    reported = field.incident(incident_id)
    show(qtbot, pane, incident_id, reported.version)
    assert pane.offered_actions() == (Action.START_VERIFICATION,)

    with qtbot.waitSignal(wiring.session.signals.verification_requested, timeout=WAIT_MS) as asked:
        press(qtbot, pane, Action.START_VERIFICATION)
    assert asked.args == [incident_id]
    verifying = wait_for_server_state(qtbot, field, incident_id, IncidentState.VERIFYING)

    # The officer's look on video (the verification view's part) is on the server...
    field.client(OPERATOR).add_verification(
        incident_id,
        verdict="pass",
        comment="Road clear",
        media=[("media", "check.png", "image/png", png_bytes(48, 27))],
    )
    show(qtbot, pane, incident_id, verifying.version + 1)
    [check] = [e for e in pane.timeline.entries if e.kind is EntryKind.VERIFICATION]
    assert "Road clear" in check.details
    assert len(check.media) == 1
    assert Action.CLOSE in pane.offered_actions()
    # While it is being verified the view can be opened again (not a life-cycle step).
    assert pane.verify_button.isVisibleTo(pane)
    with qtbot.waitSignal(wiring.session.signals.verification_requested, timeout=5000) as again:
        pane.verify_button.click()
    assert again.args == [incident_id]

    press(qtbot, pane, Action.CLOSE)
    close = pane.dialog
    assert isinstance(close, CloseDialog)
    close.set_disposition(Disposition.RESOLVED)
    accept_dialog(qtbot, pane)
    closed = wait_for_server_state(qtbot, field, incident_id, IncidentState.CLOSED)
    assert closed.disposition is Disposition.RESOLVED
    assert [record.action for record in closed.history] == [
        Action.ACCEPT,
        Action.FILE,
        Action.DISPATCH,
        Action.SIGN,
        Action.START,
        Action.REPORT_FEEDBACK,
        Action.START_VERIFICATION,
        Action.CLOSE,
    ]
    assert {record.actor_id for record in closed.history if record.action is not Action.SIGN} >= {
        wiring.session.user.id
    }
    show(qtbot, pane, incident_id, closed.version)
    assert pane.offered_actions() == ()


def test_a_unit_signs_starts_and_reports_back_with_a_photo(
    qtbot: QtBot, console: Console, demo_server: LiveDemoServer, field: Field, tmp_path: Path
) -> None:
    incident_id = field.advance(field.raise_incident("Unit's own work"), IncidentState.DISPATCHED)
    _wiring, pane = signed_in_pane(qtbot, console, demo_server, UNIT)
    show(qtbot, pane, incident_id, field.incident(incident_id).version)
    assert pane.offered_actions() == (Action.SIGN, Action.RETURN)

    press(qtbot, pane, Action.SIGN)
    signed = wait_for_server_state(qtbot, field, incident_id, IncidentState.SIGNED)
    show(qtbot, pane, incident_id, signed.version)
    press(qtbot, pane, Action.START)
    started = wait_for_server_state(qtbot, field, incident_id, IncidentState.IN_PROGRESS)
    show(qtbot, pane, incident_id, started.version)

    photo = tmp_path / "after.png"
    photo.write_bytes(png_bytes(64, 36))
    press(qtbot, pane, Action.REPORT_FEEDBACK)
    dialog = pane.dialog
    from console.gui.incidents.actions import FeedbackDialog

    assert isinstance(dialog, FeedbackDialog)
    assert dialog.add_photos([tmp_path / "notes.txt"]) != []  # refused, said why
    assert dialog.add_photos([photo]) == []
    dialog.ui.text_edit.setPlainText("Stall moved to the market")
    accept_dialog(qtbot, pane)
    reported = wait_for_server_state(qtbot, field, incident_id, IncidentState.FEEDBACK)
    feedback = reported.latest_feedback
    assert feedback is not None
    assert feedback.text == "Stall moved to the market"
    assert len(feedback.photos) == 1

    # The photo comes back into the timeline as a thumbnail, fetched from the server.
    show(qtbot, pane, incident_id, reported.version)

    def thumbnail_shown() -> bool:
        for widget in pane.timeline.entry_widgets():
            buttons = getattr(widget, "thumbnails", {})
            if feedback.photos[0].id in buttons:
                return not buttons[feedback.photos[0].id].icon().isNull()
        return False

    qtbot.waitUntil(thumbnail_shown, timeout=WAIT_MS)
    # A click shows the photo at its own size.
    [button] = [
        w.thumbnails[feedback.photos[0].id]  # type: ignore[attr-defined]
        for w in pane.timeline.entry_widgets()
        if feedback.photos[0].id in getattr(w, "thumbnails", {})
    ]
    button.click()
    viewer = pane.findChild(QDialog, "picture_viewer")
    assert viewer is not None
    assert viewer.isVisible()
    [picture] = [label for label in viewer.findChildren(QLabel) if label.pixmap() is not None]
    assert (picture.pixmap().width(), picture.pixmap().height()) == (64, 36)
    viewer.close()


def test_a_refused_action_shows_the_servers_reason(
    qtbot: QtBot, console: Console, demo_server: LiveDemoServer, field: Field
) -> None:
    incident_id = field.advance(
        field.raise_incident("Closed without a look"), IncidentState.VERIFYING
    )
    wiring, pane = signed_in_pane(qtbot, console, demo_server, SUPERVISOR)
    show(qtbot, pane, incident_id, field.incident(incident_id).version)
    # A supervisor may close without an operator's look, but not as resolved: that needs a
    # passing verification after the latest feedback, which only the server can judge.
    press(qtbot, pane, Action.CLOSE)
    dialog = pane.dialog
    assert isinstance(dialog, CloseDialog)
    dialog.set_disposition(Disposition.RESOLVED)
    accept_dialog(qtbot, pane)

    def refused() -> bool:
        if not pane.busy:
            pane.reload()
        return bool(pane.banner.refusal_texts())

    qtbot.waitUntil(refused, timeout=WAIT_MS)
    [text] = pane.banner.refusal_texts()
    assert "422" in text
    assert "verification" in text
    assert pane.banner.isVisible()
    assert field.incident(incident_id).state is IncidentState.VERIFYING

    # Discarding the refused action lets the operator go on.
    discard = pane.banner.findChild(type(pane.verify_button), "discard_refused")
    assert discard is not None
    discard.click()
    qtbot.waitUntil(lambda: not pane.banner.refusal_texts(), timeout=WAIT_MS)
    items = wiring.session.store.outbox.list([OutboxState.DISCARDED])
    assert any(item.entity == f"/incidents/{incident_id}" for item in items)


def test_a_reason_is_required_before_anything_is_queued(
    qtbot: QtBot, console: Console, demo_server: LiveDemoServer, field: Field
) -> None:
    incident_id = field.raise_incident("Needs a reason to reject")
    wiring, pane = signed_in_pane(qtbot, console, demo_server, OPERATOR)
    show(qtbot, pane, incident_id, 1)
    press(qtbot, pane, Action.REJECT)
    dialog = pane.dialog
    assert isinstance(dialog, ReasonDialog)
    dialog.ui.button_box.accepted.emit()
    assert dialog.isVisible()
    assert dialog.ui.error_label.text() != ""
    assert wiring.session.store.outbox.list([OutboxState.PENDING]) == []
    dialog.ui.reason_edit.setPlainText("Duplicate call")
    accept_dialog(qtbot, pane)
    rejected = wait_for_server_state(qtbot, field, incident_id, IncidentState.REJECTED)
    assert rejected.history[-1].reason == "Duplicate call"


# ----------------------------------------------------------------------------- what it shows


def test_the_pane_shows_server_text_as_plain_text_and_plays_nearby_cameras(
    qtbot: QtBot, console: Console, demo_server: LiveDemoServer, field: Field
) -> None:
    incident_id = field.raise_incident(HOSTILE, description=HOSTILE, address=HOSTILE)
    field.act(OPERATOR, incident_id, Action.REJECT, reason=HOSTILE)
    wiring, pane = signed_in_pane(qtbot, console, demo_server, OPERATOR)
    incident = show(qtbot, pane, incident_id, 2)

    labels = pane.findChildren(QLabel)
    hostile = [label for label in labels if HOSTILE in label.text()]
    assert len(hostile) >= 4  # title, place, description, reason
    for label in hostile:
        assert label.textFormat() is Qt.TextFormat.PlainText, label.objectName()

    for widget in pane.findChildren(QWidget):
        tip = widget.toolTip()
        assert "<b>bold</b>" not in tip, widget.objectName()

    entries = pane.timeline.entries
    assert [entry.kind.value for entry in entries] == ["report", "transition"]
    assert HOSTILE in entries[1].details[-1]

    camera_id = incident.camera_ids[0]
    qtbot.waitUntil(lambda: len(pane.cameras.cameras) > 1, timeout=WAIT_MS)
    buttons = pane.cameras.play_buttons()
    assert buttons
    assert buttons[0].property("camera_id") == camera_id
    assert len(pane.cameras.cameras) > 1  # the event's own camera and its neighbours
    # Neighbours that can show the place first, then fixed cameras looking away; nearest first
    # within each.
    catalog = wiring.catalog
    assert catalog is not None
    order = [
        (
            sight_of(catalog.camera(c.camera_id), incident.position, c.distance_m or 0.0)
            is Sight.AWAY,
            c.distance_m or 0.0,
        )
        for c in pane.cameras.cameras[1:]
    ]
    assert order == sorted(order)
    with qtbot.waitSignal(wiring.session.signals.camera_play_requested, timeout=5000) as played:
        buttons[0].click()
    assert played.args == [camera_id]


def test_the_remaining_time_counts_down_on_the_servers_clock(
    qtbot: QtBot, console: Console, demo_server: LiveDemoServer, field: Field
) -> None:
    incident_id = field.advance(field.raise_incident("Counting down"), IncidentState.FILED)
    _wiring, pane = signed_in_pane(qtbot, console, demo_server, OPERATOR)
    incident = show(qtbot, pane, incident_id, field.incident(incident_id).version)
    assert incident.due_at is not None
    label = pane.values["remaining"]
    first = label.text()
    assert ":" in first
    qtbot.waitUntil(lambda: label.text() != first, timeout=3000)
    hours, minutes, seconds = (int(part) for part in label.text().split(" ")[-1].split(":"))
    shown = timedelta(hours=hours, minutes=minutes, seconds=seconds)
    expected = incident.due_at - pane.server_now()
    assert abs(shown - expected) <= timedelta(seconds=2)


def test_actions_wait_visibly_while_the_server_is_away_and_land_in_order(
    qtbot: QtBot,
    console: Console,
    demo_server: LiveDemoServer,
    field: Field,
    thread_ownership: ThreadOwnership,
) -> None:
    incident_id = field.raise_incident("Raised before the outage")
    _wiring, pane = signed_in_pane(qtbot, console, demo_server, OPERATOR)
    show(qtbot, pane, incident_id, 1)
    demo_server.stop()
    try:
        press(qtbot, pane, Action.ACCEPT)
        qtbot.waitUntil(
            lambda: pane.predicted is not None and pane.predicted.state is IncidentState.ACCEPTED,
            timeout=WAIT_MS,
        )
        assert pane.banner.isVisible()
        assert "Waiting to be sent (1)" in pane.banner.pending_label.text()
        assert "Accepted" in pane.values["state"].text()
        # What the accept will allow is offered already: the operator files while offline.
        assert Action.FILE in pane.offered_actions()
        press(qtbot, pane, Action.FILE)
        accept_dialog(qtbot, pane)
        qtbot.waitUntil(
            lambda: pane.predicted is not None and pane.predicted.state is IncidentState.FILED,
            timeout=WAIT_MS,
        )
        assert "Waiting to be sent (2)" in pane.banner.pending_label.text()
    finally:
        with thread_ownership.started_for_a_fixture():  # the module's server, serving again
            demo_server.restart()
    filed = wait_for_server_state(qtbot, field, incident_id, IncidentState.FILED)
    assert [record.action for record in filed.history] == [Action.ACCEPT, Action.FILE]
    show(qtbot, pane, incident_id, filed.version)
    qtbot.waitUntil(lambda: not pane.outbox_items, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not pane.banner.isVisible(), timeout=WAIT_MS)


def test_merge_finds_the_target_by_number_and_lands_on_the_server(
    qtbot: QtBot, console: Console, demo_server: LiveDemoServer, field: Field
) -> None:
    keep = field.raise_incident("The call everyone made")
    duplicate = field.raise_incident("Same call again")
    _wiring, pane = signed_in_pane(qtbot, console, demo_server, OPERATOR)
    kept = show(qtbot, pane, keep, 1)
    show(qtbot, pane, duplicate, 1)
    press(qtbot, pane, Action.MERGE)
    dialog = pane.dialog
    assert isinstance(dialog, MergeDialog)
    dialog.ui.number_edit.setText(kept.number)
    dialog.look_up()
    qtbot.waitUntil(lambda: dialog.target is not None, timeout=WAIT_MS)
    accept_dialog(qtbot, pane)
    merged = wait_for_server_state(qtbot, field, duplicate, IncidentState.MERGED)
    assert merged.merged_into == keep


def test_a_supervisor_approves_a_delay_and_suspends_and_resumes(
    qtbot: QtBot, console: Console, demo_server: LiveDemoServer, field: Field
) -> None:
    incident_id = field.advance(
        field.raise_incident("Needs more time"), IncidentState.DELAY_REQUESTED
    )
    asked = field.incident(incident_id).requested_due_at
    assert asked is not None
    _wiring, pane = signed_in_pane(qtbot, console, demo_server, SUPERVISOR)
    show(qtbot, pane, incident_id, field.incident(incident_id).version)
    assert pane.offered_actions() == (Action.APPROVE_DELAY, Action.DENY_DELAY)
    press(qtbot, pane, Action.APPROVE_DELAY)
    assert isinstance(pane.dialog, DelayDialog)
    accept_dialog(qtbot, pane)
    resumed = wait_for_server_state(qtbot, field, incident_id, IncidentState.IN_PROGRESS)
    assert resumed.due_at == asked

    show(qtbot, pane, incident_id, resumed.version)
    press(qtbot, pane, Action.SUSPEND)
    reason = pane.dialog
    assert isinstance(reason, ReasonDialog)
    reason.ui.reason_edit.setPlainText("Waiting for the road works")
    accept_dialog(qtbot, pane)
    suspended = wait_for_server_state(qtbot, field, incident_id, IncidentState.SUSPENDED)
    show(qtbot, pane, incident_id, suspended.version)
    assert pane.offered_actions() == (Action.RESUME, Action.CLOSE)
    press(qtbot, pane, Action.RESUME)
    wait_for_server_state(qtbot, field, incident_id, IncidentState.IN_PROGRESS)


def test_escalating_by_hand_moves_the_incident_one_grid_level_up(
    qtbot: QtBot, console: Console, demo_server: LiveDemoServer, field: Field
) -> None:
    incident_id = field.raise_incident("Nobody in the village can handle it")
    before = field.incident(incident_id)
    assert before.escalation is GridLevel.VILLAGE  # street vending starts at the village
    _wiring, pane = signed_in_pane(qtbot, console, demo_server, OPERATOR)
    show(qtbot, pane, incident_id, before.version)
    assert pane.escalate_button.isVisibleTo(pane)
    pane.escalate_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, EscalateDialog)
    dialog.ui.reason_edit.setPlainText("Needs the town's enforcement team")
    accept_dialog(qtbot, pane)

    def escalated() -> bool:
        return field.incident(incident_id).escalation is GridLevel.TOWN

    qtbot.waitUntil(escalated, timeout=WAIT_MS)
    after = field.incident(incident_id)
    assert after.state is IncidentState.REPORTED  # not a life-cycle step
    shown = show(qtbot, pane, incident_id, after.version)
    assert shown.escalation is GridLevel.TOWN
    assert "Town" in pane.values["sla"].text()
    steps = [e for e in pane.timeline.entries if e.kind is EntryKind.TIME_LIMIT]
    assert any("Town" in e.title for e in steps)
