"""Operator decisions on alerts, through the Alerts dock, the outbox and the real server:
acknowledge, dismiss as a false alarm with a reason, merge a suggested duplicate, promote to
an event with the snapshot attached. Each shows as pending, then lands on the server exactly
once."""

from __future__ import annotations

import uuid
from collections import Counter

import pytest
from pytestqt.qtbot import QtBot

from console.app import SessionWiring
from console.gui.alerts.dialogs import AlertDismissDialog
from console.gui.alerts.feature import AlertsFeature
from console.gui.alerts.model import AlertFilter
from console.gui.incidents import RaiseEventDialog
from console.store.outbox import OutboxState
from tests.gui.alerts.conftest import MARKUP, Http, png_bytes

pytestmark = pytest.mark.slow

WAIT_MS = 20_000


def feature_of(wiring: SessionWiring) -> AlertsFeature:
    feature = wiring.alerts
    assert isinstance(feature, AlertsFeature)
    feature.panel.set_group(AlertFilter.ALL)
    return feature


def select(qtbot: QtBot, feature: AlertsFeature, alert_id: str) -> None:
    qtbot.waitUntil(lambda: feature.model.row_of(alert_id) >= 0, timeout=WAIT_MS)
    assert feature.panel.select_alert(alert_id)
    preview_alert = feature.preview.alert()
    assert preview_alert is not None
    assert preview_alert.id == alert_id


def delivered_paths(wiring: SessionWiring) -> Counter[str]:
    return Counter(item.path for item in wiring.store.outbox.list([OutboxState.DELIVERED]))


def settle(qtbot: QtBot, feature: AlertsFeature, alert_id: str) -> None:
    """Wait until the alert's action has left the outbox, and say it was delivered."""
    with qtbot.waitSignal(
        feature.action_settled,
        timeout=WAIT_MS,
        check_params_cb=lambda settled_id, _state: settled_id == alert_id,
    ) as settled:
        pass
    assert settled.args == [alert_id, OutboxState.DELIVERED.value]


def test_acknowledge_goes_through_the_outbox_once(
    qtbot: QtBot, wiring: SessionWiring, detector: Http, reader: Http, camera_ids: list[str]
) -> None:
    feature = feature_of(wiring)
    alert_id = detector.post_alert("crowd", camera_ids[0])
    select(qtbot, feature, alert_id)
    with qtbot.waitSignal(feature.action_settled, timeout=WAIT_MS) as settled:
        feature.preview.ui.acknowledge_button.click()
        # Pending at once, and the buttons wait for it.
        assert feature.model.pending_action(alert_id) is not None
        assert "pending" in feature.model.status_text(feature.model.alert(alert_id))  # type: ignore[arg-type]
        assert not feature.preview.ui.acknowledge_button.isEnabled()
    assert settled.args == [alert_id, OutboxState.DELIVERED.value]
    assert feature.model.pending_action(alert_id) is None
    qtbot.waitUntil(
        lambda: feature.model.alert(alert_id).status.value == "acknowledged",  # type: ignore[union-attr]
        timeout=WAIT_MS,
    )
    assert reader.get(f"/alerts/{alert_id}")["status"] == "acknowledged"
    assert delivered_paths(wiring)[f"/alerts/{alert_id}/acknowledge"] == 1
    assert not feature.preview.ui.acknowledge_button.isEnabled()  # nothing left to acknowledge
    assert feature.preview.ui.dismiss_button.isEnabled()


def test_dismiss_needs_a_reason_and_keeps_it_as_written(
    qtbot: QtBot, wiring: SessionWiring, detector: Http, reader: Http, camera_ids: list[str]
) -> None:
    feature = feature_of(wiring)
    alert_id = detector.post_alert("street_vendor", camera_ids[1])
    select(qtbot, feature, alert_id)
    with qtbot.waitSignal(feature.dismiss_dialog_opened, timeout=WAIT_MS) as opened:
        feature.preview.ui.dismiss_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, AlertDismissDialog)
    dialog.ui.reason_combo.setCurrentIndex(dialog.ui.reason_combo.count() - 1)
    dialog.ui.reason_combo.activated.emit(dialog.ui.reason_combo.count() - 1)
    assert dialog.reason_text() == ""
    assert not dialog.submit()  # no reason: it stays open and says why
    assert dialog.message()
    assert dialog.isVisible()
    reason = "Shadow of a tree " + MARKUP
    dialog.ui.reason_edit.setPlainText(reason)
    with qtbot.waitSignal(feature.action_settled, timeout=WAIT_MS) as settled:
        dialog.ui.dismiss_button.click()
    assert settled.args == [alert_id, OutboxState.DELIVERED.value]
    on_server = reader.get(f"/alerts/{alert_id}")
    assert on_server["status"] == "dismissed"
    assert on_server["dismiss_reason"] == reason
    assert delivered_paths(wiring)[f"/alerts/{alert_id}/dismiss"] == 1
    # The reason comes back from the server and shows as written.
    qtbot.waitUntil(lambda: reason in feature.preview.ui.details_label.text(), timeout=WAIT_MS)


def test_a_suggested_duplicate_is_merged_once(
    qtbot: QtBot, wiring: SessionWiring, detector: Http, reader: Http, camera_ids: list[str]
) -> None:
    feature = feature_of(wiring)
    first = detector.post_alert("garbage", camera_ids[2])
    repeat = detector.post_alert("garbage", camera_ids[2])
    select(qtbot, feature, repeat)
    assert feature.preview.ui.merge_button.isVisibleTo(feature.preview)
    duplicate = feature.preview.duplicate()
    assert duplicate is not None
    assert duplicate.id == first
    with qtbot.waitSignal(feature.action_settled, timeout=WAIT_MS) as settled:
        feature.preview.ui.merge_button.click()
    assert settled.args == [repeat, OutboxState.DELIVERED.value]
    merged = reader.get(f"/alerts/{repeat}")
    assert merged["status"] == "merged"
    assert merged["merged_into"] == first
    assert reader.get(f"/alerts/{first}")["duplicate_count"] == 1
    assert delivered_paths(wiring)[f"/alerts/{repeat}/merge"] == 1
    # Merged, it offers nothing more, and the target's count arrives by the event stream.
    assert not feature.preview.ui.merge_button.isVisibleTo(feature.preview)
    qtbot.waitUntil(
        lambda: feature.model.alert(first).duplicate_count == 1,  # type: ignore[union-attr]
        timeout=WAIT_MS,
    )


def test_promote_raises_one_event_with_the_snapshot(
    qtbot: QtBot, wiring: SessionWiring, detector: Http, reader: Http, camera_ids: list[str]
) -> None:
    feature = feature_of(wiring)
    alert_id = detector.post_alert("smoke_fire", camera_ids[3], snapshot=png_bytes("#2e7d32"))
    select(qtbot, feature, alert_id)
    with qtbot.waitSignal(feature.promote_dialog_opened, timeout=WAIT_MS) as opened:
        feature.preview.ui.promote_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, RaiseEventDialog)
    assert dialog.category_code() == "smoke_fire"
    qtbot.waitUntil(dialog.has_thumbnail, timeout=WAIT_MS)
    marker = f"promoted-{uuid.uuid4().hex[:8]}"
    dialog.ui.title_edit.setText(f"Smoke {marker}")
    with qtbot.waitSignal(feature.action_settled, timeout=WAIT_MS) as settled:
        assert dialog.submit()
        assert feature.model.pending_action(alert_id) is not None
    assert settled.args == [alert_id, OutboxState.DELIVERED.value]
    incidents = reader.get("/incidents", q=marker)["items"]
    assert len(incidents) == 1
    incident = incidents[0]
    assert incident["alert_ids"] == [alert_id]
    assert incident["source"] == "alert"
    assert len(incident["attachments"]) == 1
    assert incident["attachments"][0]["content_type"] == "image/png"
    on_server = reader.get(f"/alerts/{alert_id}")
    assert on_server["status"] == "promoted"
    assert on_server["incident_id"] == incident["id"]
    qtbot.waitUntil(
        lambda: feature.model.alert(alert_id).status.value == "promoted",  # type: ignore[union-attr]
        timeout=WAIT_MS,
    )
    assert not feature.preview.ui.promote_button.isEnabled()


def test_a_refused_action_says_why_and_can_be_discarded(
    qtbot: QtBot, wiring: SessionWiring, detector: Http, reader: Http, camera_ids: list[str]
) -> None:
    feature = feature_of(wiring)
    alert_id = detector.post_alert("intrusion", camera_ids[4])
    select(qtbot, feature, alert_id)
    # A colleague dismisses it first; this console's acknowledgement then comes too late.
    reader.post(f"/alerts/{alert_id}/dismiss", {"reason": "seen by a colleague"})
    with qtbot.waitSignal(feature.action_settled, timeout=WAIT_MS) as settled:
        feature.acknowledge(alert_id)
    assert settled.args == [alert_id, OutboxState.REJECTED.value]
    assert feature.model.refusal(alert_id)
    assert "refused" in feature.preview.message()
    preview = feature.preview.ui
    assert preview.discard_button.isVisibleTo(feature.preview)
    assert not preview.promote_button.isEnabled()
    with qtbot.waitSignal(feature.action_settled, timeout=WAIT_MS) as discarded:
        preview.discard_button.click()
    assert discarded.args == [alert_id, OutboxState.DISCARDED.value]
    assert feature.model.refusal(alert_id) is None
    assert not preview.discard_button.isVisibleTo(feature.preview)
    states = [
        item.state
        for item in wiring.store.outbox.list()
        if item.path == f"/alerts/{alert_id}/acknowledge"
    ]
    assert states == [OutboxState.DISCARDED]
    assert reader.get(f"/alerts/{alert_id}")["status"] == "dismissed"
