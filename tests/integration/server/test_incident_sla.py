"""Time limits over HTTP with the server's clock moved forward: levels, the overdue ladder,
escalation, the event stream, delays, escalation by hand, and a restart on the same database.

The server runs with clock control (``POST /clock``, administrators): moving the clock also
sweeps the time limits at once, so each step is visible on the next GET. One test moves the
clock in-process instead and waits for the server's own background sweep.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import requests

from console.server.app import create_app
from console.server.live import LiveServer
from console.server.services import clock
from console.server.settings import ServerSettings
from console.wire import ErrorOut, IncidentOut
from console.wire.clock import ClockOut
from tests.integration.server.conftest import (
    TIMEOUT,
    Client,
    EventStream,
    Server,
    act,
    start_server,
)
from tests.integration.server.world import CENTRE

MINUTE = timedelta(minutes=1)


@pytest.fixture(scope="module")
def timed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A SQLite server whose clock administrators may move; the clock is put back after."""
    tmp = tmp_path_factory.mktemp("sla")
    live, app, world, media_dir = start_server(tmp, "sqlite", clock_control=True, sla_sweep_s=0.3)
    try:
        yield Server(live, app, world, live.url + "/api/v1", media_dir)
    finally:
        live.stop()
        app.state.tianmu.db.dispose()
        clock.reset()


def _camera(server: Server) -> str:
    return next(c.id for c in server.world.cameras if c.owner_department_id == CENTRE)


def _raise(client: Client, server: Server, category: str = "smoke_fire") -> IncidentOut:
    response = client.post(
        "/incidents",
        json={
            "title": "时限测试",
            "category": category,
            "priority": 1,
            "source": "operator",
            "lat": 19.21,
            "lon": 110.46,
            "camera_ids": [_camera(server)],
        },
    )
    assert response.status_code == 201, response.text
    return IncidentOut.model_validate(response.json())


def _advance(admin: Client, by: timedelta) -> ClockOut:
    response = admin.post("/clock", json={"advance_s": by.total_seconds()})
    assert response.status_code == 200, response.text
    return ClockOut.model_validate(response.json())


def _get(client: Client, incident_id: str) -> IncidentOut:
    response = client.get(f"/incidents/{incident_id}")
    assert response.status_code == 200, response.text
    return IncidentOut.model_validate(response.json())


def _steps(incident: IncidentOut) -> list[tuple[str, str]]:
    return [(step.kind.value, step.value) for step in incident.sla_history]


def test_a_new_incident_carries_its_limit_from_the_catalogue(timed: Server) -> None:
    op = timed.client("op")
    incident = _raise(op, timed)
    assert incident.major_category == "public_safety"
    assert incident.sla is not None
    assert incident.due_at == incident.created_at + timedelta(hours=1)
    assert incident.sla.due_at == incident.due_at
    assert incident.sla.yellow_at == incident.created_at + 30 * MINUTE
    assert incident.sla.red_at == incident.created_at + 54 * MINUTE
    assert incident.sla.report_at == incident.due_at + 30 * MINUTE
    assert (incident.sla_level.value, incident.ladder.value) == ("normal", "none")
    assert incident.escalation is not None
    assert incident.escalation.value == "town"
    assert incident.sla.running
    categories = op.get("/categories").json()
    smoke = next(item for item in categories if item["code"] == "smoke_fire")
    assert (smoke["major"], smoke["handle_hours"], smoke["yellow"]) == ("public_safety", 1.0, 0.5)


def test_moving_the_clock_walks_levels_ladder_and_grid_on_get_and_stream(timed: Server) -> None:
    op, admin, sup = timed.client("op"), timed.client("admin"), timed.client("sup")
    incident = _raise(op, timed)
    stream = EventStream(timed, op.token)
    try:
        _advance(admin, 31 * MINUTE)
        yellow = _get(op, incident.id)
        assert yellow.sla_level.value == "yellow"
        assert yellow.version == incident.version + 1
        assert yellow.updated_at > incident.updated_at
        assert _steps(yellow) == [("level", "yellow")]
        assert incident.sla is not None
        assert yellow.sla_history[0].at == incident.sla.yellow_at
        assert yellow.sla_history[0].actor_id == "system"

        def changed_to(level: str) -> bool:
            for frame in stream.events():
                if frame.type == "incident.changed" and frame.data:
                    data = json.loads(frame.data)
                    if data["id"] == incident.id and data["sla_level"] == level:
                        return True
            return False

        stream.wait_until(lambda _: changed_to("yellow"))

        _advance(admin, 30 * MINUTE)  # 61 minutes: past the deadline
        overdue = _get(op, incident.id)
        assert (overdue.sla_level.value, overdue.ladder.value) == ("overdue", "remind")
        assert _steps(overdue) == [
            ("level", "yellow"),
            ("level", "orange"),
            ("level", "red"),
            ("level", "overdue"),
            ("ladder", "remind"),
        ]
        stream.wait_until(lambda _: changed_to("overdue"))

        _advance(admin, 30 * MINUTE)  # 91 minutes: supervised, reported, escalated
        reported = _get(op, incident.id)
        assert reported.ladder.value == "report"
        assert reported.escalation is not None
        assert reported.escalation.value == "city"
        assert _steps(reported)[-3:] == [
            ("ladder", "supervise"),
            ("ladder", "report"),
            ("escalation", "city"),
        ]
        assert reported.version == overdue.version + 1
    finally:
        stream.close()
    audit = sup.get("/audit", params={"action": "incident.sla", "limit": 100}).json()["items"]
    mine = [line for line in audit if line["entity_id"] == incident.id]
    assert len(mine) == 3
    assert mine[0]["detail"]["escalation"] == "city"


def test_the_background_sweep_moves_limits_without_any_request(timed: Server) -> None:
    op = timed.client("op")
    incident = _raise(op, timed)
    clock.advance(31 * MINUTE)  # in-process: no HTTP call sweeps for us
    deadline = time.monotonic() + 15
    while _get(op, incident.id).sla_level.value != "yellow":
        assert time.monotonic() < deadline, "the background sweep never ran"
        time.sleep(0.1)


def test_after_feedback_the_clock_stops_and_a_delay_lowers_the_level(timed: Server) -> None:
    op, sup, admin = timed.client("op"), timed.client("sup"), timed.client("admin")
    police = timed.client("police")
    incident = _raise(op, timed, category="crowd")  # two hours
    act(op, incident.id, action="accept")
    filed = act(op, incident.id, action="file", category="crowd", priority=1)
    assert filed.due_at == incident.due_at  # same category, same limit
    act(op, incident.id, action="dispatch", unit_id="unit-police")
    act(police, incident.id, action="sign")
    act(police, incident.id, action="start")
    _advance(admin, 110 * MINUTE)
    red = _get(op, incident.id)
    assert red.sla_level.value == "red"
    assert red.due_at is not None
    act(
        police,
        incident.id,
        action="request_delay",
        reason="人多，需要增援",
        due_at=(red.due_at + timedelta(hours=4)).isoformat(),
    )
    granted = act(sup, incident.id, action="approve_delay")
    # The answer to the approval already shows the lowered level, without waiting a sweep.
    assert (granted.sla_level.value, granted.ladder.value) == ("normal", "none")
    assert granted.sla_history[-1].reason == "deadline moved"
    assert granted.sla is not None
    assert granted.sla.due_at == red.due_at + timedelta(hours=4)

    response = police.post(
        f"/incidents/{incident.id}/feedback", data={"result": "fixed", "text": "已疏散"}
    )
    assert response.status_code == 200, response.text
    stopped = IncidentOut.model_validate(response.json())
    assert stopped.sla is not None
    assert not stopped.sla.running
    _advance(admin, timedelta(hours=8))
    assert _get(op, incident.id).sla_history == stopped.sla_history


def test_escalation_by_hand_goes_one_level_and_stops_at_the_city(timed: Server) -> None:
    op, police, urban = timed.client("op"), timed.client("police"), timed.client("urban")
    incident = _raise(op, timed, category="street_vendor")
    assert incident.escalation is not None
    assert incident.escalation.value == "village"
    act(op, incident.id, action="accept")
    act(op, incident.id, action="file", category="street_vendor", priority=3)
    act(op, incident.id, action="dispatch", unit_id="unit-police")

    refused = police.post(f"/incidents/{incident.id}/escalate", json={"reason": "处理不了"})
    assert refused.status_code == 403
    assert ErrorOut.model_validate(refused.json()).error.code == "not_permitted"
    hidden = urban.post(f"/incidents/{incident.id}/escalate", json={"reason": "x"})
    assert hidden.status_code == 404

    up = op.post(f"/incidents/{incident.id}/escalate", json={"reason": "村级无法处理"})
    assert up.status_code == 200, up.text
    town = IncidentOut.model_validate(up.json())
    assert town.escalation is not None
    assert town.escalation.value == "town"
    assert town.sla_history[-1].actor_id == "user-op"
    stale = op.post(
        f"/incidents/{incident.id}/escalate", json={"reason": "再升", "expected_version": 1}
    )
    assert stale.status_code == 409
    assert ErrorOut.model_validate(stale.json()).error.code == "version_conflict"
    city = op.post(f"/incidents/{incident.id}/escalate", json={"reason": "再升"})
    assert city.status_code == 200
    top = op.post(f"/incidents/{incident.id}/escalate", json={"reason": "还升"})
    assert top.status_code == 409
    assert ErrorOut.model_validate(top.json()).error.code == "illegal_transition"


def test_the_clock_is_read_by_all_and_moved_only_by_an_administrator(timed: Server) -> None:
    op, admin = timed.client("op"), timed.client("admin")
    assert op.post("/clock", json={"advance_s": 60}).status_code == 403
    assert admin.post("/clock", json={"advance_s": -5}).status_code == 422
    before = ClockOut.model_validate(op.get("/clock").json())
    moved = _advance(admin, MINUTE)
    assert moved.controllable
    assert moved.offset_s == pytest.approx(before.offset_s + 60)
    reading = ClockOut.model_validate(op.get("/clock").json())
    assert reading.offset_s == moved.offset_s
    health = requests.get(timed.url("/health"), timeout=TIMEOUT).json()
    server_now = datetime.fromisoformat(health["now"])
    assert abs((server_now - reading.now).total_seconds()) < 30
    moves = timed.client("sup").get("/audit", params={"action": "clock.advance"}).json()["items"]
    assert moves[0]["actor_id"] == "user-admin"
    assert moves[0]["detail"]["seconds"] == 60


def test_an_ordinary_server_refuses_to_move_its_clock(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    live, app, world, media_dir = start_server(tmp_path_factory.mktemp("fixed"), "sqlite")
    server = Server(live, app, world, live.url + "/api/v1", media_dir)
    try:
        admin = server.client("admin")
        assert admin.post("/clock", json={"advance_s": 60}).status_code == 404
        assert admin.get("/clock").json()["controllable"] is False
    finally:
        live.stop()
        app.state.tianmu.db.dispose()


def _serve_again(settings: ServerSettings) -> tuple[LiveServer, object]:
    app = create_app(settings)
    return LiveServer(app).start(), app


def test_timers_continue_across_a_restart_on_the_same_database(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    tmp: Path = tmp_path_factory.mktemp("restart")
    live, app, world, media_dir = start_server(tmp, "sqlite", clock_control=True)
    settings: ServerSettings = app.state.tianmu.settings
    try:
        first = Server(live, app, world, live.url + "/api/v1", media_dir)
        op, admin = first.client("op"), first.client("admin")
        incident = _raise(op, first, category="street_vendor")  # four hours
        _advance(admin, 125 * MINUTE)
        assert _get(op, incident.id).sla_level.value == "yellow"
        live.stop()
        app.state.tianmu.db.dispose()

        clock.advance(60 * MINUTE)  # time passes while the server is down: 3h05 = 77 %
        live, app = _serve_again(settings)
        second = Server(live, app, world, live.url + "/api/v1", media_dir)
        op, admin = second.client("op"), second.client("admin")
        deadline = time.monotonic() + 15
        while _get(op, incident.id).sla_level.value != "orange":
            assert time.monotonic() < deadline, "the restarted server did not catch up"
            time.sleep(0.1)
        _advance(admin, 60 * MINUTE)  # 4h05: overdue
        after = _get(op, incident.id)
        assert _steps(after) == [
            ("level", "yellow"),
            ("level", "orange"),
            ("level", "red"),
            ("level", "overdue"),
            ("ladder", "remind"),
        ]
        assert after.sla is not None
        assert [step.at for step in after.sla_history[:4]] == [
            after.sla.yellow_at,
            after.sla.orange_at,
            after.sla.red_at,
            after.sla.due_at,
        ]
    finally:
        live.stop()
        app.state.tianmu.db.dispose()  # type: ignore[attr-defined]
        clock.reset()


def test_filing_under_another_category_takes_its_limit_unless_a_deadline_is_given(
    timed: Server,
) -> None:
    op = timed.client("op")
    incident = _raise(op, timed, category="smoke_fire")  # one hour
    act(op, incident.id, action="accept")
    refiled = act(op, incident.id, action="file", category="garbage", priority=3)
    assert refiled.due_at == incident.created_at + timedelta(hours=24)
    assert refiled.major_category == "city_appearance"
    assert refiled.sla is not None
    assert refiled.sla.yellow_at == incident.created_at + timedelta(hours=12)

    other = _raise(op, timed, category="smoke_fire")
    act(op, other.id, action="accept")
    chosen = other.created_at + timedelta(hours=3)
    filed = act(
        op, other.id, action="file", category="garbage", priority=3, due_at=chosen.isoformat()
    )
    assert filed.due_at == chosen
