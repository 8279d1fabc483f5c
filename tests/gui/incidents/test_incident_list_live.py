"""The Incidents dock of a signed-in console over the real demo server: incidents raised over
HTTP appear live, the selection survives the updates, filters and "show this incident"
work, and server text stays plain text."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import Console, Services, SessionWiring
from console.client import BackendClient
from console.domain.incident import Action
from console.gui.docks import DockId
from console.gui.incidents.list_model import Column
from console.gui.incidents.panel import IncidentListPanel
from console.wire.incidents import ActionIn, IncidentIn
from tests.gui.console.conftest import sign_in
from tests.support.console_services import running_console
from tests.support.live_server import LiveDemoServer, start_demo_server

OPERATOR = "operator-1"
WAIT_MS = 30_000
HOSTILE = "<img src=x onerror=alert(1)><b>占道</b> %1 &amp; \u202eevil"


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    server = start_demo_server(tmp_path_factory.mktemp("incident-list"), camera_count=200)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def writer(demo_server: LiveDemoServer) -> Iterator[BackendClient]:
    client = BackendClient(demo_server.url)
    client.login(OPERATOR, demo_server.password(OPERATOR))
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def console(services: Services, demo_server: LiveDemoServer) -> Iterator[Console]:
    with running_console(services, demo_server.url, demo_server.passwords) as made:
        yield made


@pytest.fixture
def panel(qtbot: QtBot, console: Console, demo_server: LiveDemoServer) -> IncidentListPanel:
    wiring: SessionWiring = sign_in(qtbot, console, OPERATOR, demo_server.password(OPERATOR))
    found = wiring.window.dock(DockId.INCIDENTS).widget()
    assert isinstance(found, IncidentListPanel)
    qtbot.waitUntil(lambda: "Connected" in wiring.connection_text(), timeout=WAIT_MS)
    return found


def _raise(writer: BackendClient, title: str, category: str = "street_vendor", **more: str) -> str:
    incident = IncidentIn.model_validate(
        {
            "title": title,
            "category": category,
            "priority": 2,
            "source": "operator",
            "lat": 19.246,
            "lon": 110.466,
            **more,
        }
    )
    return writer.create_incident(incident).id


def _search(qtbot: QtBot, panel: IncidentListPanel, text: str) -> None:
    with qtbot.waitSignal(panel.model.query_shown, timeout=WAIT_MS):
        panel.filter_bar.search.setText(text)


def test_incidents_raised_over_http_appear_live_and_keep_the_selection(
    qtbot: QtBot, panel: IncidentListPanel, writer: BackendClient
) -> None:
    tag = f"list-{uuid.uuid4().hex[:8]}"
    first = _raise(writer, f"{tag} first")
    _search(qtbot, panel, tag)
    qtbot.waitUntil(lambda: panel.model.row_of(first) is not None, timeout=WAIT_MS)
    panel.view.select_row(panel.model.row_of(first))  # type: ignore[arg-type]
    assert panel.detail.incident_id == first

    # Raised elsewhere while the operator looks at the list: it shows up on its own,
    # newest first, and the selection stays on the incident chosen.
    second = _raise(writer, f"{tag} second")
    qtbot.waitUntil(lambda: panel.model.row_of(second) == 0, timeout=WAIT_MS)
    current = panel.view.currentIndex()
    assert panel.model.incident_id(current.row()) == first
    assert current.row() == 1
    assert panel.filter_bar.count.text() == "Incidents: 2"
    assert panel.detail.incident_id == first

    # The place and the category come from the store's regions and the catalogue.
    row = panel.model.row_of(second)
    assert row is not None
    assert panel.model.data(panel.model.index(row, Column.CATEGORY)) == (
        "City appearance / Street vendor"
    )
    assert " / " in str(panel.model.data(panel.model.index(row, Column.PLACE)))


def test_rows_moving_under_a_stale_selection_never_change_the_pane(
    qtbot: QtBot, panel: IncidentListPanel, writer: BackendClient
) -> None:
    tag = f"stale-{uuid.uuid4().hex[:8]}"
    ids = [_raise(writer, f"{tag} {n}") for n in range(3)]
    elsewhere = _raise(writer, f"{tag} accepted")
    writer.incident_action(elsewhere, ActionIn(action=Action.ACCEPT))
    _search(qtbot, panel, tag)
    combo = panel.filter_bar.state
    with qtbot.waitSignal(panel.model.query_shown, timeout=WAIT_MS):
        combo.setCurrentIndex(combo.findData("reported"))
    qtbot.waitUntil(lambda: panel.model.total == 3, timeout=WAIT_MS)
    panel.view.select_row(panel.model.row_of(ids[1]))  # type: ignore[arg-type]
    assert panel.detail.incident_id == ids[1]

    # Another feature asks for an incident this filter does not show: the pane shows it and
    # no row of the list may still look chosen.
    panel._session.signals.incident_requested.emit(elsewhere)
    qtbot.waitUntil(lambda: not panel.view.selectionModel().hasSelection(), timeout=WAIT_MS)
    assert panel.detail.incident_id == elsewhere

    # New incidents push the rows down, one refresh after another: the pane stays put.
    for n in range(3):
        _raise(writer, f"{tag} later {n}")
        qtbot.waitUntil(lambda n=n: panel.model.total == 4 + n, timeout=WAIT_MS)  # type: ignore[misc]
        assert panel.detail.incident_id == elsewhere
    assert not panel.view.selectionModel().hasSelection()

    # An incident the list shows is selected where it now stands.
    panel._session.signals.incident_requested.emit(ids[1])
    qtbot.waitUntil(
        lambda: panel.model.incident_id(panel.view.currentIndex().row()) == ids[1],
        timeout=WAIT_MS,
    )
    assert panel.detail.incident_id == ids[1]


def test_show_incident_selects_it_and_filters_narrow_the_list(
    qtbot: QtBot, panel: IncidentListPanel, writer: BackendClient
) -> None:
    tag = f"show-{uuid.uuid4().hex[:8]}"
    vendor = _raise(writer, f"{tag} vendor")
    smoke = _raise(writer, f"{tag} smoke", category="smoke_fire")
    _search(qtbot, panel, tag)
    qtbot.waitUntil(lambda: panel.model.total == 2, timeout=WAIT_MS)
    panel._session.signals.incident_requested.emit(vendor)
    qtbot.waitUntil(
        lambda: panel.model.incident_id(panel.view.currentIndex().row()) == vendor,
        timeout=WAIT_MS,
    )
    assert panel.detail.incident_id == vendor
    # Sorting anew keeps the incident selected, wherever it lands.
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        with qtbot.waitSignal(panel.model.query_shown, timeout=WAIT_MS):
            panel.view.sortByColumn(Column.TITLE, order)
        qtbot.waitUntil(
            lambda: panel.model.incident_id(panel.view.currentIndex().row()) == vendor,
            timeout=WAIT_MS,
        )
    # A major category (public safety) keeps the smoke report only.
    combo = panel.filter_bar.category
    with qtbot.waitSignal(panel.model.query_shown, timeout=WAIT_MS):
        combo.setCurrentIndex(combo.findData("major:public_safety"))
    assert panel.model.total == 1
    assert panel.model.incident_id(0) == smoke
    with qtbot.waitSignal(panel.model.query_shown, timeout=WAIT_MS):
        panel.filter_bar.mine.setChecked(True)
    assert panel.model.total == 1  # the operator raised it
    with qtbot.waitSignal(panel.model.query_shown, timeout=WAIT_MS):
        panel.filter_bar.awaiting.setChecked(True)
    assert panel.model.total == 0


def test_hostile_titles_show_as_written(
    qtbot: QtBot, panel: IncidentListPanel, writer: BackendClient
) -> None:
    tag = uuid.uuid4().hex[:8]
    hostile = _raise(writer, f"{HOSTILE} {tag}")
    _search(qtbot, panel, tag)
    qtbot.waitUntil(lambda: panel.model.row_of(hostile) is not None, timeout=WAIT_MS)
    row = panel.model.row_of(hostile)
    assert row is not None
    title = panel.model.index(row, Column.TITLE)
    assert panel.model.data(title) == f"{HOSTILE} {tag}"
    assert "<img" not in str(panel.model.data(title, 3))  # Qt.ToolTipRole


def test_hotline_callers_show_masked(
    qtbot: QtBot, panel: IncidentListPanel, writer: BackendClient
) -> None:
    tag = f"call-{uuid.uuid4().hex[:8]}"
    called = _raise(
        writer,
        f"{tag} 噪音扰民",
        source="hotline_12345",
        caller_name="张三明",
        caller_phone="13812345678",
    )
    _search(qtbot, panel, tag)
    qtbot.waitUntil(lambda: panel.model.row_of(called) is not None, timeout=WAIT_MS)
    row = panel.model.row_of(called)
    assert row is not None
    shown = str(panel.model.data(panel.model.index(row, Column.CALLER)))
    assert shown == "张*明 138****5678"


def test_incidents_already_on_the_server_show_once_the_working_set_is_in(
    qtbot: QtBot, console: Console, demo_server: LiveDemoServer, writer: BackendClient
) -> None:
    before = _raise(writer, f"before-{uuid.uuid4().hex[:8]} sign-in")
    wiring = sign_in(qtbot, console, OPERATOR, demo_server.password(OPERATOR))
    found = wiring.window.dock(DockId.INCIDENTS).widget()
    assert isinstance(found, IncidentListPanel)
    # No event brings it: the full refresh after sign-in does, and the list follows it.
    qtbot.waitUntil(lambda: found.model.row_of(before) is not None, timeout=WAIT_MS)
    assert found.model.total >= 1
