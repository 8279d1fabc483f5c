"""The alert queue against the real server: alerts posted through the ingest endpoint reach
the console's Alerts dock live, in priority order; a burst is taken in batches and nothing is
lost; new urgent alerts blink and sound; every name from the server shows as written."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QModelIndex

# QtGui's Qt namespace is QtCore's plus what needs a GUI, such as mightBeRichText.
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from console.app import SessionWiring
from console.gui.alerts.feature import AlertsFeature
from console.gui.alerts.model import AlertFilter
from console.gui.docks import DockId, dock_title
from tests.gui.alerts.conftest import MARKUP, Http, png_bytes

pytestmark = pytest.mark.slow

ARRIVAL_MS = 20_000


def feature_of(wiring: SessionWiring) -> AlertsFeature:
    feature = wiring.alerts
    assert isinstance(feature, AlertsFeature)
    return feature


def wait_shown(qtbot: QtBot, feature: AlertsFeature, ids: list[str]) -> None:
    qtbot.waitUntil(lambda: set(ids) <= set(feature.model.shown_ids()), timeout=ARRIVAL_MS)


def test_alerts_arrive_live_most_urgent_first(
    qtbot: QtBot, wiring: SessionWiring, detector: Http, camera_ids: list[str]
) -> None:
    feature = feature_of(wiring)
    urgent: list[object] = []
    feature.urgent_arrived.connect(urgent.append)
    garbage = detector.post_alert("garbage", camera_ids[0])
    smoke = detector.post_alert("smoke_fire", camera_ids[1], snapshot=png_bytes())
    intrusion = detector.post_alert("intrusion", camera_ids[2])
    parking = detector.post_alert("illegal_parking", camera_ids[3])
    ids = [garbage, smoke, intrusion, parking]
    wait_shown(qtbot, feature, ids)

    shown = [alert_id for alert_id in feature.model.shown_ids() if alert_id in ids]
    # Smoke (P1), intrusion (P2), then the routine ones newest first.
    assert shown == [smoke, intrusion, parking, garbage]

    # The urgent ones blink and sound; the dock's title says so; routine ones stay quiet.
    flashed = {alert_id for batch in urgent for alert_id in batch}  # type: ignore[attr-defined]
    assert {smoke, intrusion} <= flashed
    assert garbage not in flashed
    assert parking not in flashed
    assert feature.model.is_flashing(smoke)
    row = feature.model.row_of(smoke)
    backgrounds = set()
    for _ in range(6):  # the row blinks: coloured in some intervals
        backgrounds.add(feature.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is None)
        qtbot.wait(150)
    assert backgrounds == {True, False}
    assert feature.sounds >= 1
    qtbot.waitUntil(
        lambda: wiring.window.dock(DockId.ALERTS).windowTitle() != dock_title(DockId.ALERTS),
        timeout=2_000,
    )
    qtbot.waitUntil(
        lambda: wiring.window.dock(DockId.ALERTS).windowTitle() == dock_title(DockId.ALERTS),
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: not feature.model.is_flashing(smoke), timeout=2_000)

    # The preview shows the snapshot downloaded from the server and the camera's live view.
    assert feature.panel.select_alert(smoke)
    qtbot.waitUntil(feature.preview.has_snapshot, timeout=ARRIVAL_MS)
    assert feature.live_view.camera_id == camera_ids[1]
    with qtbot.waitSignal(wiring.session.signals.camera_play_requested) as asked:
        feature.preview.ui.play_button.click()
    assert asked.args == [camera_ids[1]]


def test_sound_follows_the_setting(
    qtbot: QtBot, wiring: SessionWiring, detector: Http, camera_ids: list[str]
) -> None:
    feature = feature_of(wiring)
    wiring.services.settings.set("alerts.sound", False)
    crowd = detector.post_alert("crowd", camera_ids[4])
    with qtbot.waitSignal(feature.urgent_arrived, timeout=ARRIVAL_MS):
        pass
    wait_shown(qtbot, feature, [crowd])
    assert feature.model.is_flashing(crowd)
    assert feature.sounds == 0


def test_a_burst_is_taken_in_batches_and_nothing_is_lost(
    qtbot: QtBot, wiring: SessionWiring, detector: Http, camera_ids: list[str]
) -> None:
    feature = feature_of(wiring)
    feature.panel.set_group(AlertFilter.ALL)
    batches: list[int] = []
    feature.alerts_applied.connect(lambda alerts: batches.append(len(alerts)))
    resets: list[int] = []
    feature.model.modelReset.connect(lambda: resets.append(1))
    posted: list[str] = []
    count = 120

    def post() -> None:
        # 50 a second, as a busy set of detectors would.
        start = time.monotonic()
        for number in range(count):
            kind = ("crowd", "garbage", "street_vendor", "smoke_fire")[number % 4]
            posted.append(detector.post_alert(kind, camera_ids[number % len(camera_ids)]))
            time.sleep(max(0.0, start + (number + 1) / 50 - time.monotonic()))

    poster = threading.Thread(target=post, name="alert-burst-poster")
    poster.start()
    try:
        qtbot.waitUntil(lambda: not poster.is_alive(), timeout=60_000)
    finally:
        poster.join()
    wait_shown(qtbot, feature, posted)
    assert len(set(posted)) == count
    # Coalesced: far fewer model updates than alerts, and none of them a reset.
    assert len(batches) < count / 3, batches
    assert not resets
    # Still in order: every row's sort key follows the one before.
    ordered = [
        feature.model.index(row, 0).data(Qt.ItemDataRole.UserRole)
        for row in range(feature.model.rowCount())
    ]
    assert ordered == sorted(ordered)


def _plain(text: str, text_format: Qt.TextFormat) -> str:
    if text_format == Qt.TextFormat.PlainText:
        return text
    if text_format == Qt.TextFormat.AutoText and not Qt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def test_server_text_shows_as_written(
    qtbot: QtBot, wiring: SessionWiring, detector: Http, camera_ids: list[str]
) -> None:
    feature = feature_of(wiring)
    alert_id = detector.post_alert("garbage", camera_ids[5])
    wait_shown(qtbot, feature, [alert_id])
    assert feature.panel.select_alert(alert_id)
    model = feature.model
    row = model.row_of(alert_id)
    camera_cell = model.index(row, model.COLUMNS.index("camera"))
    assert MARKUP in camera_cell.data(Qt.ItemDataRole.DisplayRole)
    tooltip = camera_cell.data(Qt.ItemDataRole.ToolTipRole)
    assert MARKUP in _plain(tooltip, Qt.TextFormat.AutoText)
    for label in feature.panel.findChildren(QLabel):
        if label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert MARKUP in feature.preview.ui.title_label.text()
    assert MARKUP in _plain(feature.preview.ui.title_label.toolTip(), Qt.TextFormat.AutoText)
    assert model.rowCount(QModelIndex()) > 0
