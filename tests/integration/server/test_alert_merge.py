"""Duplicate alerts: the server's suggestion (same camera and kind within ten minutes) and
merging one alert into another, with its audit line and events."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from console.wire import AlertOut, ErrorOut
from tests.integration.server.conftest import Client, EventStream, SampleMedia, Server
from tests.integration.server.world import CENTRE, POLICE

Clients = Callable[[str], Client]
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _ingest(admin: Client, camera_id: str, at: datetime, kind: str = "street_vendor") -> AlertOut:
    response = admin.post(
        "/alerts",
        data={
            "kind": kind,
            "camera_id": camera_id,
            "confidence": "0.8",
            "detected_at": at.isoformat(),
        },
    )
    assert response.status_code == 201, response.text
    return AlertOut.model_validate(response.json())


def _private(server: Server, owner: str, skip: int = 0) -> str:
    found = [
        c.id for c in server.world.cameras if c.owner_department_id == owner and not c.shared_with
    ]
    return found[skip]


def test_a_repeat_within_ten_minutes_is_suggested_as_a_duplicate(
    server: Server, clients: Clients
) -> None:
    admin = clients("admin")
    camera = _private(server, CENTRE, skip=1)
    first = _ingest(admin, camera, T0)
    assert first.suggested_duplicate_of is None
    again = _ingest(admin, camera, T0 + timedelta(minutes=4))
    assert again.suggested_duplicate_of == first.id
    other_kind = _ingest(admin, camera, T0 + timedelta(minutes=5), kind="garbage")
    assert other_kind.suggested_duplicate_of is None
    much_later = _ingest(admin, camera, T0 + timedelta(minutes=30))
    assert much_later.suggested_duplicate_of is None
    # A false alarm is nothing to repeat: after a dismissal no suggestion points at it.
    dismissed = clients("op").post(f"/alerts/{much_later.id}/dismiss", json={"reason": "误报"})
    assert dismissed.status_code == 200
    after_dismissal = _ingest(admin, camera, T0 + timedelta(minutes=32))
    assert after_dismissal.suggested_duplicate_of is None


def test_merging_marks_the_duplicate_counts_it_audits_and_announces(
    server: Server, clients: Clients
) -> None:
    admin, op, sup = clients("admin"), clients("op"), clients("sup")
    camera = _private(server, CENTRE, skip=2)
    original = _ingest(admin, camera, T0)
    duplicate = _ingest(admin, camera, T0 + timedelta(minutes=1))
    stream = EventStream(server, op.token)
    try:
        stream.wait_until(lambda s: "connected" in s.comments())
        response = op.post(f"/alerts/{duplicate.id}/merge", json={"into": original.id})
        assert response.status_code == 200, response.text
        merged = AlertOut.model_validate(response.json())
        assert (merged.status.value, merged.merged_into) == ("merged", original.id)
        assert merged.handled_by == "user-op"
        target = AlertOut.model_validate(op.get(f"/alerts/{original.id}").json())
        assert target.duplicate_count == 1

        def updated(alert_id: str) -> bool:
            return any(
                frame.type == "alert.updated"
                and frame.data is not None
                and json.loads(frame.data)["id"] == alert_id
                for frame in stream.events()
            )

        stream.wait_until(lambda s: updated(duplicate.id) and updated(original.id))
    finally:
        stream.close()
    audit = sup.get("/audit", params={"action": "alert.merge", "limit": 100}).json()["items"]
    (line,) = [item for item in audit if item["entity_id"] == duplicate.id]
    assert (line["actor_id"], line["detail"]["into"]) == ("user-op", original.id)

    listed = op.get("/alerts", params={"status": "merged", "limit": 1000}).json()["items"]
    assert duplicate.id in {item["id"] for item in listed}


def test_merges_that_make_no_sense_are_refused(server: Server, clients: Clients) -> None:
    admin, op = clients("admin"), clients("op")
    camera = _private(server, CENTRE, skip=3)
    a = _ingest(admin, camera, T0)
    b = _ingest(admin, camera, T0 + timedelta(minutes=2))
    c = _ingest(admin, camera, T0 + timedelta(minutes=3))
    itself = op.post(f"/alerts/{a.id}/merge", json={"into": a.id})
    assert itself.status_code == 422
    unknown = op.post(f"/alerts/{a.id}/merge", json={"into": "no-such-alert"})
    assert unknown.status_code == 422
    assert op.post(f"/alerts/{b.id}/merge", json={"into": a.id}).status_code == 200
    again = op.post(f"/alerts/{b.id}/merge", json={"into": c.id})
    assert again.status_code == 409
    assert ErrorOut.model_validate(again.json()).error.code == "illegal_transition"
    into_merged = op.post(f"/alerts/{c.id}/merge", json={"into": b.id})
    assert into_merged.status_code == 409
    assert clients("police").post(f"/alerts/{c.id}/merge", json={"into": a.id}).status_code in (
        403,
        404,
    )
    # Another department's alert is not there at all for this operator.
    police_alert = _ingest(admin, _private(server, POLICE), T0)
    assert op.post(f"/alerts/{police_alert.id}/merge", json={"into": a.id}).status_code == 404
    assert op.post(f"/alerts/{a.id}/merge", json={"into": police_alert.id}).status_code == 422


def test_a_promoted_alert_brings_its_snapshot_into_the_incident(
    server: Server, clients: Clients, sample_media: SampleMedia
) -> None:
    admin, op = clients("admin"), clients("op")
    camera = _private(server, CENTRE, skip=4)
    response = admin.post(
        "/alerts",
        data={"kind": "garbage", "camera_id": camera, "confidence": "0.9"},
        files={"snapshot": ("s.jpg", sample_media.jpeg, "image/jpeg")},
    )
    assert response.status_code == 201, response.text
    alert = AlertOut.model_validate(response.json())
    promoted = op.post(f"/alerts/{alert.id}/promote", json={})
    assert promoted.status_code == 201, promoted.text
    attachments = promoted.json()["attachments"]
    assert alert.snapshot is not None
    assert [item["id"] for item in attachments] == [alert.snapshot.id]
