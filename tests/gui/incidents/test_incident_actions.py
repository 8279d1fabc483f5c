"""The incident action dialogs, the requests they make, and the prediction of waiting actions.

Real widgets and the real state machine; the server side of each action is exercised in
test_incident_detail.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from console.domain.incident import (
    Action,
    Actor,
    Assignment,
    Disposition,
    FeedbackResult,
    Incident,
    IncidentSource,
    IncidentState,
    Priority,
    allowed_actions,
)
from console.domain.model import GeoPoint, Role, Unit, UnitKind, UnitStatus
from console.gui.incidents.actions import (
    ACTION_KIND,
    FEEDBACK_KIND,
    ActionBar,
    CloseDialog,
    DelayDialog,
    FeedbackDialog,
    FileDialog,
    ReasonDialog,
    action_request,
    feedback_request,
)
from console.gui.incidents.dispatch_dialog import DispatchDialog, rank_units
from console.gui.incidents.merge_dialog import Found, MergeDialog
from console.gui.incidents.pending_actions import PendingBanner, predict
from console.gui.incidents.timeline import EntryKind, timeline_entries
from console.store import OutboxItem, OutboxState
from console.store.outbox import Encoding

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
HOSTILE = "<b>bold</b><img src='x'> & <script>alert(1)</script>"
OPERATOR = Actor("user-op", Role.OPERATOR)
SUPERVISOR = Actor("user-sup", Role.SUPERVISOR)
UNIT = Actor("user-um", Role.UNIT, "unit-urban_management")


def incident(state: IncidentState = IncidentState.REPORTED, **changes: object) -> Incident:
    made = Incident(
        id="inc-1",
        number="QH-20261204-0001",
        title="Vendor on the road",
        category="street_vendor",
        priority=Priority.P3,
        source=IncidentSource.OPERATOR,
        state=state,
        position=GeoPoint(19.2466, 110.4665),
        created_by="user-op",
        created_at=NOW,
        updated_at=NOW,
        due_at=NOW + timedelta(hours=4),
        version=3,
    )
    return replace(made, **changes)  # type: ignore[arg-type]


def dispatched(state: IncidentState) -> Incident:
    lead = Assignment(
        id="as-1",
        incident_id="inc-1",
        unit_id="unit-urban_management",
        dispatched_by="user-op",
        dispatched_at=NOW,
    )
    return incident(state, assignments=(lead,))


def unit(
    unit_id: str,
    department: str,
    lat: float,
    status: UnitStatus = UnitStatus.AVAILABLE,
    kind: UnitKind = UnitKind.LINKED_UNIT,
) -> Unit:
    return Unit(
        id=unit_id,
        name=unit_id.replace("unit-", ""),
        kind=kind,
        parent_id=None,
        department_id=department,
        status=status,
        position=GeoPoint(lat, 110.4665),
    )


@pytest.fixture
def parent(qapp: QApplication) -> Iterator[QWidget]:
    """A parent for the dialogs, so nothing is left behind as a top-level widget."""
    host = QWidget()
    yield host
    host.deleteLater()
    QApplication.sendPostedEvents(None, 0)


def item(seq: int, kind: str, body: dict[str, object], state: OutboxState) -> OutboxItem:
    return OutboxItem(
        seq=seq,
        idempotency_key=f"key-{seq}",
        kind=kind,
        method="POST",
        path="/incidents/inc-1/actions",
        body=body,
        encoding=Encoding.JSON,
        entity="/incidents/inc-1",
        summary=f"item {seq}",
        state=state,
        attempts=0,
        created_at=NOW,
        updated_at=NOW,
        next_attempt_at=NOW,
        response_status=422 if state is OutboxState.REJECTED else None,
        reason="closing as resolved needs a passing verification"
        if state is OutboxState.REJECTED
        else None,
    )


# ----------------------------------------------------------------------------- requests


def test_action_requests_carry_the_version_and_only_the_given_fields() -> None:
    request = action_request(incident(), Action.REJECT, {"reason": "Duplicate"}, expected_version=3)
    assert request.kind == ACTION_KIND
    assert request.path == "/incidents/inc-1/actions"
    assert request.body == {"action": "reject", "expected_version": 3, "reason": "Duplicate"}
    assert "QH-20261204-0001" in request.summary
    assert action_request(incident(), Action.ACCEPT, expected_version=None).body == {
        "action": "accept"
    }


def test_feedback_requests_are_multipart_with_the_photos(tmp_path: Path) -> None:
    photo = tmp_path / "after.JPG"
    photo.write_bytes(b"\xff\xd8\xff")
    request = feedback_request(
        incident(IncidentState.IN_PROGRESS),
        FeedbackResult.FIXED,
        "Stall moved",
        [photo],
        expected_version=7,
    )
    assert request.kind == FEEDBACK_KIND
    assert request.path == "/incidents/inc-1/feedback"
    assert request.body == {"result": "fixed", "text": "Stall moved", "expected_version": 7}
    assert request.files == (("photos", "after.JPG", "image/jpeg", photo),)


def test_ids_are_quoted_in_paths() -> None:
    request = action_request(incident(id="a/b?c"), Action.ACCEPT, expected_version=None)
    assert request.path == "/incidents/a%2Fb%3Fc/actions"


# ----------------------------------------------------------------------------- the bar


def test_the_bar_offers_exactly_the_actions_given(qtbot: QtBot) -> None:
    bar = ActionBar()
    qtbot.addWidget(bar)
    bar.show()
    offered = allowed_actions(incident(IncidentState.REPORTED), OPERATOR)
    bar.set_actions(offered)
    assert bar.offered() == offered == (Action.ACCEPT, Action.REJECT, Action.MERGE, Action.CANCEL)
    with qtbot.waitSignal(bar.action_triggered) as pressed:
        button = bar.button(Action.REJECT)
        assert button is not None
        button.click()
    assert pressed.args == ["reject"]
    bar.set_actions(())
    assert bar.offered() == ()
    assert [b for b in bar.findChildren(type(button)) if b.isVisibleTo(bar)] == []


# ----------------------------------------------------------------------------- dialogs


def test_a_reason_dialog_will_not_close_without_a_reason(parent: QWidget) -> None:
    dialog = ReasonDialog(Action.CANCEL, incident(title=HOSTILE), parent)
    dialog.open()
    dialog.ui.reason_edit.setPlainText("   ")
    dialog.ui.button_box.accepted.emit()
    assert dialog.isVisible()
    assert dialog.ui.error_label.text() == "Give a reason."
    dialog.ui.reason_edit.setPlainText("  Called twice  ")
    dialog.ui.button_box.accepted.emit()
    assert not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.fields() == {"reason": "Called twice"}
    # The incident's title is shown as written.
    assert dialog.ui.prompt_label.textFormat() is Qt.TextFormat.PlainText
    assert HOSTILE in dialog.ui.prompt_label.text()


def test_the_file_dialog_sends_category_priority_and_an_optional_due_time(
    parent: QWidget,
) -> None:
    dialog = FileDialog(incident(IncidentState.ACCEPTED, due_at=None), parent)
    assert dialog.ui.category_combo.currentData() == "street_vendor"
    assert not dialog.ui.due_check.isChecked()
    dialog.ui.category_combo.setCurrentIndex(dialog.ui.category_combo.findData("road_hazard"))
    dialog.ui.priority_combo.setCurrentIndex(dialog.ui.priority_combo.findData(2))
    assert dialog.fields() == {"category": "road_hazard", "priority": 2}
    dialog.ui.due_check.setChecked(True)
    due = dialog.fields()["due_at"]
    assert datetime.fromisoformat(due) > datetime.now(UTC)


def test_the_close_dialog_needs_a_reason_unless_resolved(parent: QWidget) -> None:
    dialog = CloseDialog(incident(IncidentState.VERIFYING), parent)
    assert dialog.choices[0] is Disposition.RESOLVED
    assert dialog.problem() is None
    assert dialog.fields() == {"disposition": "resolved"}
    dialog.set_disposition(Disposition.INVALID)
    assert dialog.problem() == "Give a reason."
    dialog.ui.reason_edit.setPlainText("Nobody there")
    assert dialog.fields() == {"disposition": "invalid", "reason": "Nobody there"}
    suspended = CloseDialog(incident(IncidentState.SUSPENDED), parent)
    assert suspended.choices == (Disposition.BACKLOGGED,)


def test_a_delay_must_move_the_due_time_later(parent: QWidget) -> None:
    current = incident(IncidentState.IN_PROGRESS)
    dialog = DelayDialog(Action.REQUEST_DELAY, current, parent)
    assert current.due_at is not None
    assert dialog.due() > current.due_at  # proposed a day later
    dialog.ui.due_edit.setDateTime(dialog.ui.due_edit.dateTime().addDays(-2))
    assert dialog.problem() == "The new due time must be later than the current one."
    dialog.ui.due_edit.setDateTime(dialog.ui.due_edit.dateTime().addDays(3))
    assert dialog.problem() == "Give a reason."
    dialog.ui.reason_edit.setPlainText("Waiting for a truck")
    assert dialog.problem() is None
    assert set(dialog.fields()) == {"due_at", "reason"}

    asked = current.due_at + timedelta(hours=6)
    approve = DelayDialog(
        Action.APPROVE_DELAY,
        incident(IncidentState.DELAY_REQUESTED, requested_due_at=asked),
        parent,
    )
    assert approve.ui.reason_edit.isHidden()
    assert approve.problem() is None
    assert approve.fields() == {}  # the unit's own request stands
    approve.ui.due_edit.setDateTime(approve.ui.due_edit.dateTime().addSecs(3600))
    granted = datetime.fromisoformat(approve.fields()["due_at"])
    assert granted == asked + timedelta(hours=1)


def test_feedback_needs_text_and_takes_only_pictures(parent: QWidget, tmp_path: Path) -> None:
    dialog = FeedbackDialog(dispatched(IncidentState.IN_PROGRESS), parent)
    assert dialog.problem() == "Say what was done on site."
    text_file = tmp_path / "notes.txt"
    text_file.write_text("x")
    picture = tmp_path / "after.png"
    picture.write_bytes(b"\x89PNG")
    problems = dialog.add_photos([text_file, tmp_path / "gone.jpg", picture])
    assert len(problems) == 2
    assert dialog.photos == [picture]
    assert dialog.ui.photo_list.count() == 1
    dialog.ui.text_edit.setPlainText("Done")
    assert dialog.problem() is None


def test_the_merge_dialog_finds_the_target_by_number(parent: QWidget) -> None:
    target = incident(id="inc-2", number="QH-20261204-0002", title=HOSTILE)
    asked: list[str] = []

    known = {target.number: target, incident().number: incident()}

    def find(number: str, found: Found) -> None:
        asked.append(number)
        found(known.get(number), "")

    dialog = MergeDialog(incident(), find, parent)
    assert dialog.problem() == "Find the event to keep first."
    dialog.ui.number_edit.setText("QH-nothing")
    dialog.look_up()
    assert "There is no event numbered QH-nothing." in dialog.ui.target_label.text()
    dialog.ui.number_edit.setText(incident().number)
    dialog.look_up()
    assert dialog.target is None
    assert "itself" in dialog.ui.target_label.text()
    dialog.ui.number_edit.setText(target.number)
    dialog.look_up()
    assert dialog.target == target
    assert HOSTILE in dialog.ui.target_label.text()
    assert dialog.ui.target_label.textFormat() is Qt.TextFormat.PlainText
    assert dialog.fields() == {"merged_into": "inc-2"}
    assert asked == ["QH-nothing", incident().number, target.number]


def test_dispatch_suggests_the_nearest_available_unit_of_the_right_department(
    parent: QWidget,
) -> None:
    units = [
        unit("unit-police", "dept-police", 19.2467),  # nearest, wrong department
        unit("unit-town-jiaji", "dept-command_centre", 19.2468, kind=UnitKind.TOWN),
        unit("unit-urban_management", "dept-urban_management", 19.30),
        unit("unit-um-busy", "dept-urban_management", 19.2470, UnitStatus.ON_SCENE),
        unit("unit-um-team", "dept-urban_management", 19.2466, kind=UnitKind.TEAM),
    ]
    ranked = [c.unit.id for c in rank_units(incident(IncidentState.FILED), units)]
    # Teams cannot sign; the right department first, available before busy, then distance.
    assert ranked == ["unit-urban_management", "unit-um-busy", "unit-police", "unit-town-jiaji"]

    dialog = DispatchDialog(incident(IncidentState.FILED), parent)
    assert dialog.problem() == "Choose the lead unit."
    dialog.set_units(units)
    assert dialog.lead_unit_id() == "unit-urban_management"
    dialog.set_assisting(["unit-police", "unit-urban_management"])
    assert dialog.assisting_unit_ids() == ["unit-police"]  # the lead does not assist itself
    dialog.ui.instructions_edit.setPlainText(HOSTILE)
    assert dialog.fields() == {
        "unit_id": "unit-urban_management",
        "instructions": HOSTILE,
        "assisting_unit_ids": ["unit-police"],
    }
    dialog.choose_lead("unit-town-jiaji")
    assert dialog.fields()["unit_id"] == "unit-town-jiaji"


# ----------------------------------------------------------------------------- waiting actions


def test_waiting_actions_are_applied_through_the_state_machine() -> None:
    stored = incident(IncidentState.REPORTED)
    items = [
        item(1, ACTION_KIND, {"action": "accept", "expected_version": 3}, OutboxState.PENDING),
        item(
            2,
            ACTION_KIND,
            {"action": "file", "category": "garbage", "priority": 2},
            OutboxState.PENDING,
        ),
        item(3, ACTION_KIND, {"action": "dispatch", "unit_id": "unit-x"}, OutboxState.PENDING),
    ]
    predicted = predict(stored, items, OPERATOR, NOW)
    assert predicted.state is IncidentState.DISPATCHED
    assert predicted.category == "garbage"
    assert allowed_actions(predicted, OPERATOR) == ()
    # An action the machine refuses stops the prediction there.
    refused = [item(1, ACTION_KIND, {"action": "sign"}, OutboxState.PENDING), *items]
    assert predict(stored, refused, OPERATOR, NOW) == stored
    # A refused item is the server's word: nothing after it is assumed.
    stopped = [item(1, ACTION_KIND, {"action": "accept"}, OutboxState.REJECTED), *items[1:]]
    assert predict(stored, stopped, OPERATOR, NOW) == stored


def test_a_unit_feedback_waiting_in_the_outbox_is_predicted() -> None:
    stored = dispatched(IncidentState.IN_PROGRESS)
    waiting = [item(1, FEEDBACK_KIND, {"result": "fixed", "text": "Done"}, OutboxState.PENDING)]
    assert predict(stored, waiting, UNIT, NOW).state is IncidentState.FEEDBACK


def test_the_banner_shows_waiting_and_refused_actions_as_plain_text(qtbot: QtBot) -> None:
    banner = PendingBanner()
    qtbot.addWidget(banner)
    banner.show()
    banner.set_items([])
    assert not banner.isVisible()
    hostile = replace(
        item(2, ACTION_KIND, {"action": "close"}, OutboxState.REJECTED), summary=HOSTILE
    )
    banner.set_items([item(1, ACTION_KIND, {"action": "accept"}, OutboxState.PENDING), hostile])
    assert banner.isVisible()
    assert "item 1" in banner.pending_label.text()
    [text] = banner.refusal_texts()
    assert HOSTILE in text
    assert "422" in text
    assert "passing verification" in text
    for label in banner.findChildren(QLabel):
        assert label.textFormat() is Qt.TextFormat.PlainText
    with qtbot.waitSignal(banner.discard_requested) as dropped:
        button = banner.findChild(QPushButton, "discard_refused")
        assert button is not None
        button.click()
    assert dropped.args == [2]


def test_the_timeline_lists_report_transitions_and_time_limit_steps_in_order() -> None:
    from console.domain.incident import TransitionRecord
    from console.domain.sla import SlaStep, SlaStepKind

    history = (
        TransitionRecord(
            Action.ACCEPT, "user-op", IncidentState.REPORTED, IncidentState.ACCEPTED, NOW
        ),
        TransitionRecord(
            Action.DISPATCH,
            "user-op",
            IncidentState.FILED,
            IncidentState.DISPATCHED,
            NOW + timedelta(minutes=2),
        ),
    )
    lead = Assignment(
        id="as-1",
        incident_id="inc-1",
        unit_id="unit-urban_management",
        dispatched_by="user-op",
        dispatched_at=NOW + timedelta(minutes=2),
        instructions=HOSTILE,
    )
    steps = (SlaStep(NOW + timedelta(minutes=1), SlaStepKind.LEVEL, "yellow"),)
    shown = incident(
        IncidentState.DISPATCHED,
        created_at=NOW - timedelta(minutes=1),
        history=history,
        assignments=(lead,),
        sla_history=steps,
    )
    entries = timeline_entries(shown, unit_name=lambda u: f"name of {u}")
    assert [e.kind for e in entries] == [
        EntryKind.REPORT,
        EntryKind.TRANSITION,
        EntryKind.TIME_LIMIT,
        EntryKind.TRANSITION,
    ]
    assert entries[3].details == (
        "Lead unit: name of unit-urban_management",
        f"Instructions: {HOSTILE}",
    )
    assert entries[2].title == "Time limit: Yellow"


@pytest.fixture(autouse=True)
def _no_dialogs_left(qapp: QApplication) -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if shiboken6.isValid(widget) and widget.isVisible():
            widget.close()
