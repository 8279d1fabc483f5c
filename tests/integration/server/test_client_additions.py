"""The console's ``BackendClient`` calls for categories, the clock, escalation, assisting
units, hotline callers and alert merges, against a real server with a movable clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from console.client import BackendClient
from console.client.errors import ConflictError, ProtocolError
from console.domain.incident import Action, IncidentSource, Priority
from console.server.services import clock
from console.wire import ActionIn, IncidentIn
from tests.integration.server.conftest import Server, start_server
from tests.integration.server.world import CENTRE, PASSWORDS


@pytest.fixture(scope="module")
def timed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    live, app, world, media_dir = start_server(
        tmp_path_factory.mktemp("client-additions"), "sqlite", clock_control=True
    )
    try:
        yield Server(live, app, world, live.url + "/api/v1", media_dir)
    finally:
        live.stop()
        app.state.tianmu.db.dispose()
        clock.reset()


def _signed_in(server: Server, username: str) -> BackendClient:
    client = BackendClient(server.live.url)
    client.login(username, PASSWORDS[username])
    return client


def test_the_client_reaches_every_new_operation(timed: Server) -> None:
    op, admin = _signed_in(timed, "op"), _signed_in(timed, "admin")
    try:
        codes = {item.code: item for item in op.categories()}
        assert codes["garbage"].major == "city_appearance"
        assert codes["garbage"].handle_hours == 24

        before = op.server_clock()
        assert before.controllable
        moved = admin.advance_clock(3600)
        assert moved.offset_s >= before.offset_s + 3600
        health = op.health()
        assert health.now is not None
        assert health.now >= moved.now

        raised = op.create_incident(
            IncidentIn(
                title="热线：路面塌陷",
                category="road_hazard",
                priority=Priority.P2,
                source=IncidentSource.HOTLINE_12345,
                lat=19.21,
                lon=110.46,
                caller_name="赵六",
                caller_phone="13600001111",
            )
        )
        assert (raised.caller_name, raised.caller_phone) == ("赵六", "13600001111")
        assert raised.major_category == "traffic"
        op.incident_action(raised.id, ActionIn(action=Action.ACCEPT))
        op.incident_action(
            raised.id, ActionIn(action=Action.FILE, category="road_hazard", priority=Priority.P2)
        )
        dispatched = op.incident_action(
            raised.id,
            ActionIn(
                action=Action.DISPATCH, unit_id="unit-police", assisting_unit_ids=["unit-urban"]
            ),
        )
        assert dispatched.assisting_unit_ids == ["unit-urban"]
        assert dispatched.to_domain().unit_ids == ("unit-police", "unit-urban")

        up = op.escalate_incident(raised.id, "村级处置不了", expected_version=dispatched.version)
        assert up.escalation is not None
        assert up.escalation.value == "town"
        with pytest.raises(ConflictError):
            op.escalate_incident(raised.id, "again", expected_version=dispatched.version)

        camera = next(c.id for c in timed.world.cameras if c.owner_department_id == CENTRE)
        first = _ingest(timed, camera)
        second = _ingest(timed, camera)
        assert op.alert(second).suggested_duplicate_of == first
        merged = op.merge_alert(second, first, idempotency_key="merge-once")
        assert merged.merged_into == first
        again = op.merge_alert(second, first, idempotency_key="merge-once")  # replayed
        assert again == merged
        assert op.alert(first).duplicate_count == 1
    finally:
        op.close()
        admin.close()


def _ingest(server: Server, camera_id: str) -> str:
    response = requests.post(
        server.url("/alerts"),
        headers={"Authorization": f"Bearer {server.token('admin')}"},
        data={"kind": "crowd", "camera_id": camera_id, "confidence": "0.7"},
        timeout=10,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def test_requests_the_server_would_refuse_are_refused_before_sending() -> None:
    client = BackendClient("http://127.0.0.1:9")  # nothing listens: any request would fail
    try:
        with pytest.raises(ProtocolError):
            client.merge_alert("a", "")
        with pytest.raises(ProtocolError):
            client.advance_clock(-1)
        with pytest.raises(ProtocolError):
            client.escalate_incident("i", "   ")
    finally:
        client.close()
