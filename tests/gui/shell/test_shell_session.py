"""A signed-in session against the real server: tree, status bar, banner, diagnostics."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from console.app import Console
from console.gui.docks import DockId
from tests.gui.shell.conftest import sign_in_through_dialog
from tests.support.leak_guard import ThreadOwnership


def _number(text: str) -> float:
    match = re.search(r"\d+(?:\.\d+)?", text)
    assert match is not None, f"no number in {text!r}"
    return float(match.group(0))


def test_tree_loads_all_7500_cameras_and_filters(qtbot, console: Console, demo_server) -> None:
    session = sign_in_through_dialog(qtbot, console, "admin", demo_server.password("admin"))
    qtbot.waitUntil(lambda: session.catalog is not None, timeout=30_000)
    assert session.catalog is not None
    assert len(session.catalog) == 7_500  # the administrator sees every camera
    panel = session.window.dock(DockId.CAMERAS).widget()
    assert panel is session.camera_panel
    assert panel.tree_model.rowCount() == 1  # the city at the root

    town = next(r for r in demo_server.world.regions if r.kind.value == "town")
    panel.set_search_text(town.name)
    assert panel.is_searching()
    matches = panel.results_model.rowCount()
    assert 0 < matches < 7_500
    assert str(matches) in panel.results_label.text()

    some_camera = demo_server.world.cameras[1234]
    panel.set_search_text(some_camera.id)
    assert panel.results_model.rowCount() == 1
    panel.clear_search()
    assert not panel.is_searching()


def test_tree_holds_what_the_operator_may_see(qtbot, console: Console, demo_server) -> None:
    session = sign_in_through_dialog(
        qtbot, console, "operator-1", demo_server.password("operator-1")
    )
    qtbot.waitUntil(lambda: session.catalog is not None, timeout=30_000)
    assert len(session.catalog) == demo_server.visible_camera_count("operator-1") < 7_500


def _patrol_record(n: int) -> dict[str, object]:
    now = datetime.now(UTC)
    return {"started_at": now - timedelta(minutes=n + 1), "finished_at": now, "entries": []}


def test_status_bar_pending_count_follows_the_outbox(
    qtbot, console: Console, demo_server, thread_ownership: ThreadOwnership
) -> None:
    session = sign_in_through_dialog(
        qtbot, console, "operator-2", demo_server.password("operator-2")
    )
    window = session.window
    status = window.status
    qtbot.waitUntil(lambda: status.pending_label.text() == "Unsent: 0", timeout=10_000)
    qtbot.waitUntil(lambda: "Connected" in status.connection_label.text(), timeout=10_000)
    demo_server.stop()  # actions made while the server is away wait in the outbox
    try:
        qtbot.waitUntil(window.is_offline_banner_shown, timeout=15_000)
        for n in range(3):
            session.store.outbox.enqueue(
                "patrol.record", "POST", "/patrol-records", _patrol_record(n), summary=f"run {n}"
            )
        qtbot.waitUntil(lambda: status.pending_label.text() == "Unsent: 3", timeout=10_000)
        assert session.pending == 3
        assert "Waiting to be sent: 3." in window.offline_banner.text()
    finally:
        with thread_ownership.started_for_a_fixture():  # the session's server, running again
            demo_server.restart()
    # Back online, delivery sends them in order and the count follows down to zero.
    qtbot.waitUntil(lambda: status.pending_label.text() == "Unsent: 0", timeout=30_000)
    records = session.signed_in.client.patrol_records(limit=50)
    assert len([r for r in records if not r.entries]) >= 3


def test_status_bar_shows_lateness_and_diagnostics_shows_numbers(
    qtbot, console: Console, demo_server
) -> None:
    session = sign_in_through_dialog(
        qtbot, console, "operator-1", demo_server.password("operator-1")
    )
    status = session.window.status
    qtbot.waitUntil(lambda: status.lateness_label.text() != "Loop p99: – ms", timeout=5_000)
    assert _number(status.lateness_label.text()) >= 0

    with qtbot.waitSignal(session.window.diagnostics_requested):
        session.window.diagnostics_action.trigger()
    dialog = session.diagnostics.dialog
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.ui.ticks_value.text() not in ("-", "0"), timeout=5_000)
    for label in (dialog.ui.p50_value, dialog.ui.p99_value, dialog.ui.max_value):
        assert _number(label.text()) >= 0
    assert _number(dialog.ui.p50_value.text()) <= _number(dialog.ui.p99_value.text())
    assert _number(dialog.ui.p99_value.text()) <= _number(dialog.ui.max_value.text())
    assert "Connected" in dialog.ui.connection_value.text() or "Connecting" in (
        dialog.ui.connection_value.text()
    )
    assert dialog.ui.log_file_value.text().endswith("tianmu.log")
    assert "99th percentile" in dialog.report()


def test_offline_banner_while_server_unreachable(
    qtbot, console: Console, demo_server, thread_ownership: ThreadOwnership
) -> None:
    session = sign_in_through_dialog(
        qtbot, console, "operator-3", demo_server.password("operator-3")
    )
    window = session.window
    qtbot.waitUntil(lambda: "Connected" in window.status.connection_label.text(), timeout=10_000)
    assert not window.is_offline_banner_shown()
    seen: list[tuple[str, int]] = []
    session.connection_changed.connect(lambda state, attempt: seen.append((state, attempt)))
    demo_server.stop()
    try:
        qtbot.waitUntil(window.is_offline_banner_shown, timeout=15_000)
        assert "cannot be reached" in window.offline_banner.text()
        qtbot.waitUntil(lambda: "Offline" in window.status.connection_label.text(), timeout=15_000)
        # The stream dropped first (reconnecting), then found nobody listening (offline).
        assert seen[0] == ("reconnecting", 1)
        assert any(state == "offline" and attempt >= 2 for state, attempt in seen)
    finally:
        with thread_ownership.started_for_a_fixture():  # the session's server, running again
            demo_server.restart()
    qtbot.waitUntil(lambda: not window.is_offline_banner_shown(), timeout=15_000)
    assert "Connected" in window.status.connection_label.text()
