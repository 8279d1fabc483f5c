"""A patrol on the wall, end to end: plans from the real demo server (one saved through the
plan API), pages on live streams with the next page pre-rolled, verdicts by key, a snapshot
for the abnormal camera, and the record through the real outbox and its delivery worker to
the server's ``POST /patrol-records``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.client import BackendClient, OutboxDelivery
from console.domain.model import PatrolPlan, PatrolVerdict
from console.gui.patrol.panel import PatrolPanel
from console.gui.patrol.runner import PatrolRunner
from console.gui.wall.snapshot import KEY_CAMERA_ID, read_snapshot_tags
from console.scrub import clear_secrets
from console.store import OutboxState, Store, open_store
from console.tasks import TaskRunner
from console.video.supervisor import StreamState
from console.wall.patrol import NOTE_UNJUDGED, PatrolState
from console.wire.patrol import PatrolPlanIn
from tests.gui.wall.conftest import WallRig
from tests.gui.wall.support import wait_for_pictures
from tests.support.live_server import LiveDemoServer, start_demo_server

pytestmark = [pytest.mark.media, pytest.mark.slow]

OPERATOR = "operator-1"


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    server = start_demo_server(tmp_path_factory.mktemp("patrol-server"), camera_count=300)
    yield server
    server.close()


@pytest.fixture
def client(demo_server: LiveDemoServer) -> Iterator[BackendClient]:
    backend = BackendClient(demo_server.url)
    backend.login(OPERATOR, demo_server.password(OPERATOR))
    yield backend
    backend.close()
    clear_secrets()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    local = open_store(tmp_path / "store")
    yield local
    local.close()


def save_plan(client: BackendClient, plan: PatrolPlan) -> PatrolPlan:
    body = PatrolPlanIn(name=plan.name, camera_ids=list(plan.camera_ids), dwell_s=plan.dwell_s)
    if plan.id:
        return client.update_patrol_plan(plan.id, body).to_domain()
    return client.create_patrol_plan(body).to_domain()


def test_a_patrol_walks_the_plan_and_its_record_reaches_the_server(
    qtbot: QtBot,
    rig: WallRig,
    runner: TaskRunner,
    client: BackendClient,
    store: Store,
) -> None:
    server_plans = [p.to_domain() for p in client.patrol_plans()]
    assert server_plans, "the demo world has patrol plans"
    cameras = server_plans[0].camera_ids[:6]
    assert len(cameras) == 6
    ours = save_plan(client, PatrolPlan("", "wall test", cameras, dwell_s=8))

    submitted: list[dict] = []

    def submit(body: dict) -> None:
        store.outbox.enqueue(
            "patrol.record", "POST", "/patrol-records", body, summary="patrol record"
        )
        submitted.append(body)

    patrol = PatrolRunner(rig.view, runner, submit)
    panel = PatrolPanel(
        patrol,
        runner,
        lambda: [p.to_domain() for p in client.patrol_plans()],
        lambda plan: save_plan(client, plan),
    )
    qtbot.addWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: any(p.id == ours.id for p in panel.plans), timeout=10_000)
    panel.plan_list.setCurrentRow([p.id for p in panel.plans].index(ours.id))
    home_pages = len(rig.wall.pages)

    raised: list[tuple[str, str]] = []
    patrol.raise_event_requested.connect(lambda cam, path: raised.append((cam, path)))
    shown: list[int] = []
    patrol.page_shown.connect(lambda number, _total: shown.append(number))
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert patrol.running
    assert shown == [0]
    # Paused while the first pictures arrive, however slow this machine is right now.
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert patrol.run is not None
    assert patrol.run.state is PatrolState.PAUSED
    first = patrol.shown_view()
    standby = patrol.standby_view()
    assert first is not None
    assert standby is not None
    assert [t.camera_id for t in first.tiles] == list(cameras[:4])
    assert [t.camera_id for t in standby.tiles][:2] == list(cameras[4:6])
    for tile in first.tiles:
        wait_for_pictures(qtbot, tile)
    # The next page plays while hidden, so the switch shows live pictures at once.
    assert not standby.isVisible()
    for tile in standby.tiles[:2]:
        wait_for_pictures(qtbot, tile)
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert patrol.run.state is PatrolState.RUNNING
    first.select(0)
    qtbot.keyClick(rig.view, Qt.Key.Key_Space)
    assert first.tile(0).marker_text == "Normal"
    assert first.selected == 1, "the selection moves on to the next unjudged camera"
    qtbot.keyClick(rig.view, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: bool(raised), timeout=5_000)
    camera, snapshot = raised[0]
    assert camera == cameras[1]
    assert read_snapshot_tags(Path(snapshot))[KEY_CAMERA_ID] == cameras[1]
    # Tiles 3 and 4 stay unjudged: the dwell runs out and page 2 comes up, already live.
    qtbot.waitUntil(lambda: shown == [0, 1], timeout=20_000)
    second = patrol.shown_view()
    assert second is standby
    for tile in second.tiles[:2]:
        assert tile.supervisor is not None
        assert tile.supervisor.state is StreamState.LIVE
    assert second.tiles[2].camera_id is None
    with qtbot.waitSignal(patrol.finished, timeout=5_000) as done:
        second.select(0)
        qtbot.keyClick(rig.view, Qt.Key.Key_Space)
        qtbot.keyClick(rig.view, Qt.Key.Key_Space)
    coverage = done.args[0]
    assert (coverage.planned, coverage.seen, coverage.ok, coverage.abnormal) == (6, 6, 3, 1)
    assert (coverage.unjudged, coverage.dead, coverage.not_reached) == (2, 0, 0)
    assert "6 of 6 cameras seen" in panel.summary.text()
    assert len(rig.wall.pages) == home_pages, "the patrol pages are gone"
    assert not patrol.running

    qtbot.waitUntil(lambda: bool(submitted), timeout=5_000)
    assert store.outbox.counts().get(OutboxState.PENDING) == 1
    delivery = OutboxDelivery(client, store.outbox)
    delivery.start()
    try:
        qtbot.waitUntil(
            lambda: store.outbox.counts().get(OutboxState.DELIVERED) == 1, timeout=15_000
        )
    finally:
        delivery.stop()
    records = [r for r in client.patrol_records() if r.plan_id == ours.id]
    assert len(records) == 1
    verdicts = {e.camera_id: (e.verdict, e.note) for e in records[0].entries}
    assert verdicts == {
        cameras[0]: (PatrolVerdict.OK, ""),
        cameras[1]: (PatrolVerdict.ABNORMAL, ""),
        cameras[2]: (PatrolVerdict.SKIPPED, NOTE_UNJUDGED),
        cameras[3]: (PatrolVerdict.SKIPPED, NOTE_UNJUDGED),
        cameras[4]: (PatrolVerdict.OK, ""),
        cameras[5]: (PatrolVerdict.OK, ""),
    }
    entries = {e.camera_id: e for e in records[0].entries}
    assert entries[cameras[2]].dwell_s >= 8.0, "the unjudged page stayed up for its dwell"
