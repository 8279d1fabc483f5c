"""Units, patrol plans and records, recordings, and the append-only audit trail."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DBAPIError

from console.server.db.tables import AuditRow
from console.server.services import recordings
from console.wire import PatrolPlanOut, PatrolRecordOut, RecordingOut, UnitOut
from tests.integration.server.conftest import Client, SampleMedia, Server
from tests.integration.server.world import CENTRE

Clients = Callable[[str], Client]


def test_unit_status_rules(server: Server, clients: Clients) -> None:
    units = [UnitOut.model_validate(u) for u in clients("op").get("/units").json()]
    assert {u.id for u in units} == {u.id for u in server.world.units}
    # A unit desk reports for itself and its members, not for another unit.
    own = clients("police").post(
        "/units/unit-police-car-1/status", json={"status": "on_scene", "lat": 19.3, "lon": 110.5}
    )
    assert own.status_code == 200
    assert UnitOut.model_validate(own.json()).lat == 19.3
    other = clients("police").post("/units/unit-urban/status", json={"status": "available"})
    assert other.status_code == 403
    half = clients("op").post("/units/unit-urban/status", json={"status": "available", "lat": 19.0})
    assert half.status_code == 422
    assert clients("op").get("/units/nope").status_code == 404


def test_patrol_plans_and_records(server: Server, clients: Clients) -> None:
    op, sup = clients("op"), clients("sup")
    visible = sorted(server.world.cameras_visible_to(CENTRE))
    plans = [PatrolPlanOut.model_validate(p) for p in op.get("/patrol-plans").json()]
    assert "plan-1" in {p.id for p in plans}
    created = op.post(
        "/patrol-plans", json={"name": "夜间巡检", "camera_ids": visible[:3], "dwell_s": 8}
    )
    assert created.status_code == 201
    plan = PatrolPlanOut.model_validate(created.json())
    assert plan.owner_id == "user-op"
    changed = op.put(
        f"/patrol-plans/{plan.id}",
        json={"name": "夜间巡检二", "camera_ids": visible[3:5], "dwell_s": 9},
    )
    assert changed.status_code == 200
    assert (
        PatrolPlanOut.model_validate(op.get(f"/patrol-plans/{plan.id}").json()).camera_ids
        == visible[3:5]
    )
    hidden = next(c.id for c in server.world.cameras if c.id not in visible)
    refused = op.post("/patrol-plans", json={"name": "x", "camera_ids": [hidden]})
    assert refused.status_code == 422
    assert clients("op2").get(f"/patrol-plans/{plan.id}").status_code == 404

    now = datetime.now(UTC)
    record = op.post(
        "/patrol-records",
        json={
            "plan_id": plan.id,
            "started_at": (now - timedelta(minutes=2)).isoformat(),
            "finished_at": now.isoformat(),
            "entries": [
                {
                    "camera_id": visible[3],
                    "seen_at": now.isoformat(),
                    "dwell_s": 9.5,
                    "verdict": "ok",
                },
                {
                    "camera_id": visible[4],
                    "seen_at": now.isoformat(),
                    "dwell_s": 3,
                    "verdict": "abnormal",
                    "note": "占道",
                },
            ],
        },
    )
    assert record.status_code == 201, record.text
    saved = PatrolRecordOut.model_validate(record.json())
    assert [e.verdict for e in saved.entries] == ["ok", "abnormal"]
    mine = [PatrolRecordOut.model_validate(r) for r in op.get("/patrol-records").json()]
    assert saved.id in {r.id for r in mine}
    assert op.get("/patrol-records", params={"operator_id": "user-sup"}).status_code == 403
    assert saved.id in {
        r["id"] for r in sup.get("/patrol-records", params={"operator_id": "user-op"}).json()
    }


def test_recordings_list_and_audited_download(
    server: Server,
    clients: Clients,
    sample_media: SampleMedia,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    visible = sorted(server.world.cameras_visible_to(CENTRE))
    hidden = next(c.id for c in server.world.cameras if c.id not in visible)
    folder = tmp_path_factory.mktemp("recordings")
    start = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    ids = {}
    with server.app.state.tianmu.db.write() as session:
        for camera in (visible[0], hidden):
            path = folder / f"{camera}.mp4"
            path.write_bytes(sample_media.mp4)
            ids[camera] = recordings.register(
                session, camera, start, start + timedelta(minutes=1), path
            ).id
    op = clients("op")
    listed = [RecordingOut.model_validate(r) for r in op.get("/recordings").json()]
    assert ids[visible[0]] in {r.id for r in listed}
    assert ids[hidden] not in {r.id for r in listed}
    window = op.get(
        "/recordings",
        params={"camera_id": visible[0], "start": (start + timedelta(minutes=5)).isoformat()},
    )
    assert window.json() == []
    download = op.get(f"/recordings/{ids[visible[0]]}/download")
    assert download.status_code == 200
    assert download.headers["content-type"] == "video/mp4"
    assert hashlib.sha256(download.content).hexdigest() == download.headers["X-Content-SHA256"]
    assert op.get(f"/recordings/{ids[hidden]}/download").status_code == 404
    trail = clients("sup").get("/audit", params={"action": "recording.export"}).json()["items"]
    assert ids[visible[0]] in {item["entity_id"] for item in trail}


def test_the_audit_trail_cannot_be_changed(server: Server) -> None:
    db = server.app.state.tianmu.db
    for statement in (update(AuditRow).values(action="tampered"), delete(AuditRow)):
        with pytest.raises(DBAPIError, match="append-only"), db.write() as session:
            session.execute(statement)
