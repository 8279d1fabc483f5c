"""The incident list model over a real store: pages on demand, sorting by header, the
remaining time and its colours, and live changes that keep the selected incident selected."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from console.domain.incident import IncidentState
from console.gui.incidents.list_model import (
    LEVEL_ROLE,
    PAGE,
    Column,
    IncidentListModel,
    ListQuery,
)
from console.store import Store, open_store
from console.store.incidents import IncidentFilter, IncidentSort
from console.tasks import TaskRunner
from tests.integration.store.incident_world import NOW, IncidentWorld, make_incident_world

COUNT = 1_500


@pytest.fixture(scope="module")
def world() -> IncidentWorld:
    return make_incident_world(COUNT, seed=29)


@pytest.fixture
def filled(tmp_path: Path, world: IncidentWorld) -> Iterator[Store]:
    store = open_store(tmp_path / "store")
    store.regions.replace_all(world.regions)
    store.units.replace_all(world.units)
    store.incidents.upsert(world.incidents)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def model(qtbot: QtBot, filled: Store) -> Iterator[IncidentListModel]:
    runner = TaskRunner()
    clock = {"now": NOW}
    made = IncidentListModel(runner, filled.incidents, now=lambda: clock["now"])
    made.clock = clock  # type: ignore[attr-defined]
    try:
        yield made
    finally:
        runner.shutdown()
        runner.deleteLater()


def _show(qtbot: QtBot, model: IncidentListModel, query: ListQuery) -> int:
    with qtbot.waitSignal(model.query_shown, timeout=10_000) as shown:
        model.set_query(query)
    return int(shown.args[0])


def _load_all(qtbot: QtBot, model: IncidentListModel) -> None:
    for page in range(0, model.rowCount(), PAGE):
        model.set_visible_rows(page, page + PAGE - 1)
        model.ensure_row(page)
        qtbot.waitUntil(partial(_has_row, model, page), timeout=10_000)


def _has_row(model: IncidentListModel, row: int) -> bool:
    return model.row_data(row) is not None


def test_the_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: Any, model: IncidentListModel
) -> None:
    _show(qtbot, model, ListQuery())
    qtmodeltester.check(model)


def test_rows_come_a_page_at_a_time_in_the_stores_order(
    qtbot: QtBot, model: IncidentListModel, filled: Store, world: IncidentWorld
) -> None:
    assert _show(qtbot, model, ListQuery()) == COUNT
    assert model.rowCount() == COUNT
    assert model.row_data(PAGE) is None
    # Painting a row of a missing page asks for it, showing a placeholder meanwhile.
    assert model.data(model.index(PAGE + 3, Column.NUMBER)) == "…"
    qtbot.waitUntil(lambda: model.row_data(PAGE + 3) is not None, timeout=10_000)
    newest = sorted(world.incidents, key=lambda b: (b.updated_at, b.id), reverse=True)
    assert model.incident_id(PAGE + 3) == newest[PAGE + 3].id
    body = newest[PAGE + 3]
    assert model.data(model.index(PAGE + 3, Column.TITLE)) == body.title


def test_header_sorts_and_filters_run_in_the_store(
    qtbot: QtBot, model: IncidentListModel, world: IncidentWorld
) -> None:
    _show(qtbot, model, ListQuery())
    with qtbot.waitSignal(model.query_shown, timeout=10_000):
        model.sort(Column.PRIORITY, Qt.SortOrder.AscendingOrder)
    assert model.query.sort is IncidentSort.PRIORITY
    firsts = [model.row_data(row) for row in range(20)]
    assert all(row is not None and row.priority == 1 for row in firsts)
    with qtbot.waitSignal(model.query_shown, timeout=10_000):
        model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    titles = [model.row_data(row).title for row in range(PAGE)]  # type: ignore[union-attr]
    assert titles == sorted(titles, reverse=True)
    verifying = IncidentFilter(states=frozenset({IncidentState.VERIFYING}))
    total = _show(qtbot, model, ListQuery(verifying, IncidentSort.DUE, False))
    assert total == sum(1 for b in world.incidents if b.state is IncidentState.VERIFYING)
    assert model.rowCount() == total


def test_remaining_time_counts_down_and_turns_colour(
    qtbot: QtBot, model: IncidentListModel, world: IncidentWorld
) -> None:
    running = [b for b in world.incidents if b.sla is not None and b.sla.running]
    # The one whose deadline comes last: still on time at NOW.
    latest = max(running, key=lambda b: b.sla.due_at)  # type: ignore[union-attr]
    assert latest.sla is not None
    where = IncidentFilter(text=latest.number)
    assert _show(qtbot, model, ListQuery(where)) == 1
    remaining = model.index(0, Column.REMAINING)
    window = latest.sla.due_at - latest.sla.started_at
    early = latest.sla.started_at + window * 0.1
    model.clock["now"] = early  # type: ignore[attr-defined]
    assert model.data(remaining) == _clock(latest.sla.due_at - early)
    assert model.data(remaining, LEVEL_ROLE) == "normal"
    assert model.data(remaining, Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, Column.OVERDUE)) == ""
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), b.row())))
    for fraction, level in ((0.6, "yellow"), (0.8, "orange"), (0.95, "red"), (1.01, "overdue")):
        model.clock["now"] = latest.sla.started_at + window * fraction  # type: ignore[attr-defined]
        model.tick(0, 0)
        assert model.data(remaining, LEVEL_ROLE) == level
        assert model.data(remaining, Qt.ItemDataRole.BackgroundRole) is not None
    assert changed == [(0, 0)] * 4
    assert model.data(model.index(0, Column.OVERDUE)) == "Overdue"
    assert str(model.data(remaining)).startswith("-")


def _clock(left: timedelta) -> str:
    seconds = int(left.total_seconds())
    days, rest = divmod(seconds, 86_400)
    text = f"{rest // 3600:02d}:{rest % 3600 // 60:02d}:{rest % 60:02d}"
    return f"{days}d {text}" if days else text


def test_live_changes_keep_the_selected_incident_selected(
    qtbot: QtBot, model: IncidentListModel, filled: Store, world: IncidentWorld
) -> None:
    view = QTableView()
    view.setModel(model)
    view.resize(900, 400)
    view.show()
    try:
        _show(qtbot, model, ListQuery())
        _load_all(qtbot, model)
        model.set_visible_rows(0, 40)
        chosen_row = 10
        chosen = model.incident_id(chosen_row)
        view.selectionModel().setCurrentIndex(
            model.index(chosen_row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        # Three incidents change: they move to the top (newest first), above the selection.
        newest = max(b.updated_at for b in world.incidents)
        moved = [
            body.model_copy(
                update={
                    "version": body.version + 1,
                    "updated_at": newest + timedelta(minutes=n + 1),
                    "title": f"{body.title} (updated)",
                }
            )
            for n, body in enumerate(world.incidents[100:103])
        ]
        filled.incidents.upsert(moved)
        with qtbot.waitSignal(model.refreshed, timeout=10_000):
            model.refresh()
        current = view.selectionModel().currentIndex()
        assert current.isValid()
        assert model.incident_id(current.row()) == chosen
        assert current.row() == chosen_row + 3
        assert model.row_data(0).title.endswith("(updated)")  # type: ignore[union-attr]
        assert model.rowCount() == COUNT
        # One incident gone: the count follows, the selection stays on its incident.
        filled.incidents.remove([moved[0].id])
        with qtbot.waitSignal(model.refreshed, timeout=10_000):
            model.refresh()
        assert model.rowCount() == COUNT - 1
        current = view.selectionModel().currentIndex()
        assert model.incident_id(current.row()) == chosen
    finally:
        view.close()
        view.deleteLater()


def test_hostile_titles_are_plain_text(
    qtbot: QtBot, model: IncidentListModel, filled: Store, world: IncidentWorld
) -> None:
    hostile = "<img src=x onerror=alert(1)><b>粗体</b> %1 &amp;"
    body = world.incidents[7].model_copy(
        update={"title": hostile, "version": world.incidents[7].version + 1}
    )
    filled.incidents.upsert([body])
    assert _show(qtbot, model, ListQuery(IncidentFilter(text="onerror"))) == 1
    title = model.index(0, Column.TITLE)
    assert model.data(title) == hostile
    tooltip = str(model.data(title, Qt.ItemDataRole.ToolTipRole))
    assert "<img" not in tooltip
    assert "&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;粗体&lt;/b&gt; %1 &amp;amp;" in tooltip
    assert model.data(QModelIndex()) is None


def test_a_store_that_cannot_answer_is_reported(
    qtbot: QtBot, model: IncidentListModel, tmp_path: Path
) -> None:
    with sqlite3.connect(tmp_path / "store" / "cache.sqlite") as db:
        db.execute("DROP TABLE incidents")
    with qtbot.waitSignal(model.failed, timeout=10_000) as failed:
        model.set_query(ListQuery())
    assert "incidents" in failed.args[0]
    assert model.rowCount() == 0
