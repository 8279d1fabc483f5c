"""Alerts: ingest from the field, listing, and an operator's handling."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from console.wire import AlertOut, AlertPage, ErrorOut, IncidentOut
from tests.integration.server.conftest import Client, SampleMedia, Server
from tests.integration.server.world import CENTRE

Clients = Callable[[str], Client]


def _ingest(admin: Client, camera_id: str, **extra: object) -> AlertOut:
    response = admin.post(
        "/alerts",
        data={"kind": "smoke_fire", "camera_id": camera_id, "confidence": "0.91", **extra},
    )
    assert response.status_code == 201, response.text
    return AlertOut.model_validate(response.json())


def test_only_administrators_ingest_and_snapshots_keep_their_hash(
    server: Server, clients: Clients, sample_media: SampleMedia
) -> None:
    camera = sorted(server.world.cameras_visible_to(CENTRE))[1]
    refused = clients("op").post(
        "/alerts", data={"kind": "crowd", "camera_id": camera, "confidence": "0.5"}
    )
    assert refused.status_code == 403
    response = clients("admin").post(
        "/alerts",
        data={"kind": "crowd", "camera_id": camera, "confidence": "0.7"},
        files={"snapshot": ("snap.jpg", sample_media.jpeg, "image/jpeg")},
    )
    assert response.status_code == 201, response.text
    alert = AlertOut.model_validate(response.json())
    assert alert.snapshot is not None
    assert alert.snapshot.sha256 == hashlib.sha256(sample_media.jpeg).hexdigest()
    assert clients("op").get(f"/media/{alert.snapshot.id}").content == sample_media.jpeg
    bad = clients("admin").post(
        "/alerts", data={"kind": "meteor", "camera_id": camera, "confidence": "2"}
    )
    assert bad.status_code == 422
    assert {f.field for f in ErrorOut.model_validate(bad.json()).error.fields} == {
        "kind",
        "confidence",
    }


def test_acknowledge_dismiss_promote(server: Server, clients: Clients) -> None:
    admin, op = clients("admin"), clients("op")
    camera = sorted(server.world.cameras_visible_to(CENTRE))[2]
    first, second = _ingest(admin, camera), _ingest(admin, camera)

    page = AlertPage.model_validate(
        op.get("/alerts", params={"status": "new", "limit": 1000}).json()
    )
    assert {first.id, second.id} <= {a.id for a in page.items}

    acknowledged = op.post(f"/alerts/{first.id}/acknowledge")
    assert acknowledged.status_code == 200
    assert acknowledged.json()["status"] == "acknowledged"
    promoted = op.post(f"/alerts/{first.id}/promote", json={"priority": 1})
    assert promoted.status_code == 201, promoted.text
    incident = IncidentOut.model_validate(promoted.json())
    assert incident.source == "alert"
    assert incident.alert_ids == [first.id]
    assert incident.priority == 1
    assert incident.camera_ids == [camera]
    after = AlertOut.model_validate(op.get(f"/alerts/{first.id}").json())
    assert after.status == "promoted"
    assert after.incident_id == incident.id

    again = op.post(f"/alerts/{first.id}/dismiss", json={"reason": "误报"})
    assert again.status_code == 409
    error = ErrorOut.model_validate(again.json()).error
    assert error.code == "illegal_transition"
    assert error.current_state == "promoted"
    assert error.allowed_actions == []

    no_reason = op.post(f"/alerts/{second.id}/dismiss", json={"reason": "  "})
    assert no_reason.status_code == 422
    dismissed = op.post(f"/alerts/{second.id}/dismiss", json={"reason": "误报：树影"})
    assert dismissed.status_code == 200
    assert dismissed.json()["dismiss_reason"] == "误报：树影"


def test_alerts_on_hidden_cameras_are_not_listed(server: Server, clients: Clients) -> None:
    hidden = next(
        c.id for c in server.world.cameras if c.id not in server.world.cameras_visible_to(CENTRE)
    )
    alert = _ingest(clients("admin"), hidden)
    listed = clients("op").get("/alerts", params={"limit": 1000}).json()["items"]
    assert alert.id not in {a["id"] for a in listed}
    assert clients("op").get(f"/alerts/{alert.id}").status_code == 404
