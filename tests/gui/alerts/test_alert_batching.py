"""The alert batcher: a lone alert goes through at once; a burst is gathered per interval."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from console.domain.model import AlertKind, AlertStatus
from console.gui.alerts.batching import AlertBatcher
from console.wire.alerts import AlertOut


def alert(alert_id: str, status: str = "new") -> AlertOut:
    return AlertOut(
        id=alert_id,
        kind=AlertKind.CROWD,
        camera_id="cam-1",
        lat=19.2,
        lon=110.4,
        detected_at=datetime(2026, 12, 4, 12, 0, tzinfo=UTC),
        confidence=0.8,
        status=AlertStatus(status),
    )


def test_first_at_once_then_one_batch_per_interval(qtbot: QtBot) -> None:
    batches: list[list[str]] = []
    batcher = AlertBatcher(200, lambda got: batches.append([a.id for a in got]))
    batcher.add_many([alert("a")])
    assert batches == [["a"]]  # quiet before: no wait
    batcher.add_many([alert("b")])
    batcher.add_many([alert("c"), alert("b", "acknowledged")])
    assert batches == [["a"]]  # within the interval: gathered
    qtbot.waitUntil(lambda: len(batches) == 2, timeout=2_000)
    assert batches[1] == ["c", "b"]  # the later change of b replaced the earlier
    batcher.stop()
