"""The alert queue's model on its own: order, incremental changes, filters, pending and
refused states, blinking, and the duplicate suggestion."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.domain.model import AlertKind, AlertStatus
from console.gui.alerts import model as model_module
from console.gui.alerts.duplicates import suggested_duplicate_of
from console.gui.alerts.model import RESET_ABOVE, SORT_KEY_ROLE, AlertFilter, AlertQueueModel
from console.wire.alerts import AlertOut

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def alert(
    alert_id: str,
    kind: str,
    seconds_ago: int,
    *,
    camera: str = "cam-1",
    status: str = "new",
) -> AlertOut:
    return AlertOut(
        id=alert_id,
        kind=AlertKind(kind),
        camera_id=camera,
        lat=19.2,
        lon=110.4,
        detected_at=NOW - timedelta(seconds=seconds_ago),
        confidence=0.8,
        status=AlertStatus(status),
    )


def make_model() -> AlertQueueModel:
    return AlertQueueModel(lambda camera_id: f"Camera {camera_id}")


def test_rows_follow_priority_then_time(qtmodeltester: ModelTester) -> None:
    model = make_model()
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    model.apply(
        [
            alert("g-old", "garbage", 300),
            alert("g-new", "garbage", 10),
            alert("smoke", "smoke_fire", 600),
            alert("intrusion", "intrusion", 5),
        ]
    )
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.shown_ids() == ["smoke", "intrusion", "g-new", "g-old"]
    keys = [model.index(row, 0).data(SORT_KEY_ROLE) for row in range(model.rowCount())]
    assert keys == sorted(keys)


def test_small_batches_move_rows_without_a_reset(qtbot: QtBot) -> None:
    model = make_model()
    model.apply([alert(f"a{n}", "garbage", n) for n in range(10)])
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    fresh = model.apply([alert("fire", "smoke_fire", 100), alert("a3", "garbage", 3)])
    assert [a.id for a in fresh] == ["fire"]
    assert inserted == [(0, 0)]
    assert not resets
    assert not removed
    # Acknowledged, it stays in the open queue; dismissed, it leaves: one row removed.
    model.apply([alert("a3", "garbage", 3, status="acknowledged")])
    assert "a3" in model.shown_ids()
    assert not removed
    model.apply([alert("a4", "garbage", 4, status="dismissed")])
    assert removed == [(5, 5)]
    assert "a4" not in model.shown_ids()
    assert not resets
    model.set_filter(AlertFilter.ACKNOWLEDGED)
    assert model.shown_ids() == ["a3"]
    model.set_filter(AlertFilter.OPEN)
    assert "a3" in model.shown_ids()
    assert "a4" not in model.shown_ids()
    model.set_filter(AlertFilter.ALL, "CAMERA CAM-1")
    assert len(model.shown_ids()) == 11
    model.set_filter(AlertFilter.ALL, "smoke")
    assert model.shown_ids() == ["fire"]
    assert len(resets) == 4  # only the filter changes reset


def test_a_large_batch_resets_once() -> None:
    model = make_model()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.apply([alert(f"b{n}", "crowd", n) for n in range(RESET_ABOVE + 1)])
    assert resets == [1]
    assert model.rowCount() == RESET_ABOVE + 1


def test_pending_and_refused_show_in_the_status(qtbot: QtBot) -> None:
    model = make_model()
    model.apply([alert("a", "crowd", 1)])
    status_column = model.COLUMNS.index("status")
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    model.set_pending("a", "acknowledging")
    assert changed == [0]
    text = model.index(0, status_column).data()
    assert "acknowledging" in text
    assert "pending" in text
    model.set_pending("a", None)
    model.set_refused("a", "<b>cannot</b>")
    assert "refused" in model.index(0, status_column).data()
    tooltip = model.index(0, status_column).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;cannot&lt;/b&gt;" in tooltip


def test_new_urgent_rows_blink_then_stop(qtbot: QtBot) -> None:
    model = make_model()
    model.apply([alert("fire", "smoke_fire", 1)])
    model.flash(["fire"], seconds=1.0)
    assert model.is_flashing("fire")
    seen: set[bool] = set()
    for _ in range(8):
        seen.add(model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None)
        qtbot.wait(120)
    assert seen == {True, False}
    qtbot.waitUntil(lambda: not model.is_flashing("fire"), timeout=3_000)
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_duplicate_is_the_earliest_repeat_on_the_same_camera() -> None:
    first = alert("first", "garbage", 400)
    second = alert("second", "garbage", 200)
    repeat = alert("repeat", "garbage", 10)
    elsewhere = alert("elsewhere", "garbage", 100, camera="cam-2")
    other_kind = alert("crowd", "crowd", 50)
    long_ago = alert("old", "garbage", 3_600)
    others = [first, second, repeat, elsewhere, other_kind, long_ago]
    found = suggested_duplicate_of(repeat, others)
    assert found is not None
    assert found.id == "first"
    assert suggested_duplicate_of(first, others) is None  # nothing before it in the window
    dismissed = alert("first", "garbage", 400, status="dismissed")
    found = suggested_duplicate_of(repeat, [dismissed, second])
    assert found is not None
    assert found.id == "second"
    # The server's suggestion wins.
    told = repeat.model_copy(update={"suggested_duplicate_of": "second"})
    found = suggested_duplicate_of(told, others)
    assert found is not None
    assert found.id == "second"


def test_old_handled_alerts_are_forgotten_open_ones_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_module, "MAX_HANDLED", 20)
    monkeypatch.setattr(model_module, "KEEP_HANDLED", 10)
    model = make_model()
    model.apply([alert(f"open{n}", "crowd", 1_000 + n) for n in range(5)])
    model.apply([alert(f"done{n}", "garbage", n, status="dismissed") for n in range(21)])
    kept = {a.id for a in model.alerts()}
    assert {f"open{n}" for n in range(5)} <= kept
    # The newest ten handled ones stay (detected 0..9 seconds ago).
    assert {a for a in kept if a.startswith("done")} == {f"done{n}" for n in range(10)}


def test_a_burst_goes_in_as_few_runs_of_rows(qtmodeltester: ModelTester) -> None:
    model = make_model()
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    model.apply([alert(f"old{n}", kind, 100 + n) for n, kind in enumerate(("crowd", "garbage"))])
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    burst = [alert(f"new{n}", ("crowd", "garbage")[n % 2], n) for n in range(6)]
    model.apply(burst)
    # Three new urgent ones at the top, three routine ones above the old routine one.
    assert inserted == [(0, 2), (4, 6)]
    assert model.shown_ids() == ["new0", "new2", "new4", "old0", "new1", "new3", "new5", "old1"]


def test_a_burst_of_urgent_rows_stays_lit_instead_of_blinking(qtbot: QtBot) -> None:
    model = make_model()
    ids = [f"fire{n}" for n in range(model_module.BLINK_MAX + 1)]
    model.apply([alert(alert_id, "smoke_fire", n) for n, alert_id in enumerate(ids)])
    model.flash(ids, seconds=1.0)
    changes: list[int] = []
    model.dataChanged.connect(lambda *_args: changes.append(1))
    lit: set[bool] = set()
    for _ in range(6):
        lit.add(model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None)
        qtbot.wait(120)
    assert lit == {True}
    assert not changes  # no repaint while they stay lit
    qtbot.waitUntil(lambda: not model.is_flashing(ids[0]), timeout=3_000)
    qtbot.waitUntil(lambda: bool(changes), timeout=1_000)  # one change as they go out
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
