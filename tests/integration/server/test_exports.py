"""Workstation keys and evidence export records on the real server: audited, attachable to an
incident, readable only under the rules."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from console.evidence.keys import WorkstationKey
from console.wire import IncidentOut
from console.wire.evidence import ExportOut, WorkstationKeyOut
from tests.integration.server.conftest import Client, Server
from tests.integration.server.world import CENTRE, POLICE

Clients = Callable[[str], Client]
START = datetime(2026, 3, 1, 8, 0, 0, tzinfo=UTC)


def _incident(client: Client, camera_id: str) -> IncidentOut:
    body = {
        "camera_ids": [camera_id],
        "title": "取证",
        "category": "garbage",
        "priority": 3,
        "source": "operator",
        "lat": 19.21,
        "lon": 110.46,
    }
    response = client.post("/incidents", json=body)
    assert response.status_code == 201, response.text
    return IncidentOut.model_validate(response.json())


def _register(client: Client, key: WorkstationKey, label: str = "值班台 3") -> WorkstationKeyOut:
    response = client.post(
        "/workstation-keys", json={"public_key": key.public_key_base64(), "label": label}
    )
    assert response.status_code in (200, 201), response.text
    return WorkstationKeyOut.model_validate(response.json())


def _export_body(key_id: str, camera_id: str, **extra: object) -> dict[str, object]:
    return {
        "manifest_sha256": hashlib.sha256(repr(extra).encode()).hexdigest(),
        "key_id": key_id,
        "camera_ids": [camera_id],
        "start": START.isoformat(),
        "end": (START + timedelta(seconds=30)).isoformat(),
        "officer": "值班员",
        "exported_at": (START + timedelta(hours=1)).isoformat(),
        "file_count": 1,
        "total_bytes": 123456,
        **extra,
    }


def test_a_key_is_registered_once_and_readable_by_anyone_signed_in(
    server: Server, clients: Clients
) -> None:
    key = WorkstationKey.generate()
    op, sup = clients("op"), clients("sup")
    first = op.post(
        "/workstation-keys", json={"public_key": key.public_key_base64(), "label": "值班台 1"}
    )
    assert first.status_code == 201, first.text
    made = WorkstationKeyOut.model_validate(first.json())
    assert made.fingerprint == key.fingerprint()
    assert made.registered_by == "user-op"

    again = sup.post(
        "/workstation-keys", json={"public_key": key.public_key_base64(), "label": "other"}
    )
    assert again.status_code == 200
    assert WorkstationKeyOut.model_validate(again.json()).id == made.id

    read = clients("police").get(f"/workstation-keys/{made.id}")
    assert read.status_code == 200
    assert read.json()["public_key"] == key.public_key_base64()
    assert clients("police").get("/workstation-keys/nope").status_code == 404

    trail = sup.get("/audit", params={"action": "workstation_key.register"}).json()["items"]
    assert [item["entity_id"] for item in trail].count(made.id) == 1


def test_a_bad_public_key_is_refused(server: Server, clients: Clients) -> None:
    op = clients("op")
    for bad in ("not base64!", "AAAA", "A" * 100):
        response = op.post("/workstation-keys", json={"public_key": bad, "label": "x"})
        assert response.status_code == 422, (bad, response.text)
    # A unit user does not make exports, so registers no workstation.
    unit = clients("police").post(
        "/workstation-keys",
        json={"public_key": WorkstationKey.generate().public_key_base64(), "label": "x"},
    )
    assert unit.status_code == 403


def test_an_export_is_audited_and_attached_to_its_incident(
    server: Server, clients: Clients
) -> None:
    own = sorted(server.world.cameras_visible_to(CENTRE) - server.world.cameras_visible_to(POLICE))[
        0
    ]
    op, op2, sup = clients("op"), clients("op2"), clients("sup")
    key = _register(op, WorkstationKey.generate())
    incident = _incident(op, own)
    response = op.post("/exports", json=_export_body(key.id, own, incident_id=incident.id))
    assert response.status_code == 201, response.text
    made = ExportOut.model_validate(response.json())
    assert (made.incident_id, made.camera_ids, made.key_fingerprint) == (
        incident.id,
        [own],
        key.fingerprint,
    )
    assert made.exported_by == "user-op"

    attached = op.get("/exports", params={"incident_id": incident.id})
    assert [e["id"] for e in attached.json()] == [made.id]

    trail = sup.get("/audit", params={"action": "evidence.export"}).json()["items"]
    line = next(item for item in trail if item["detail"].get("export_id") == made.id)
    assert (line["entity_type"], line["entity_id"], line["actor_id"]) == (
        "incident",
        incident.id,
        "user-op",
    )
    assert line["detail"]["manifest_sha256"] == made.manifest_sha256

    # Read rules: the maker and supervisors read it; another department's operator does
    # not (neither the incident nor the export), and cannot record one on its camera.
    assert op.get(f"/exports/{made.id}").status_code == 200
    assert sup.get(f"/exports/{made.id}").status_code == 200
    assert op2.get(f"/exports/{made.id}").status_code == 404
    assert made.id not in {e["id"] for e in op2.get("/exports").json()}
    assert op2.get("/exports", params={"incident_id": incident.id}).status_code == 404
    refused = op2.post("/exports", json=_export_body(key.id, own))
    assert refused.status_code == 422
    assert "camera_ids" in refused.text
    assert clients("police").post("/exports", json=_export_body(key.id, own)).status_code == 403


def test_an_export_needs_a_registered_key_a_readable_incident_and_a_range(
    server: Server, clients: Clients
) -> None:
    own = sorted(server.world.cameras_visible_to(CENTRE))[0]
    op = clients("op")
    key = _register(op, WorkstationKey.generate())
    cases = [
        (_export_body("no-such-key", own), "key_id"),
        (_export_body(key.id, own, incident_id="no-such-incident"), "incident_id"),
        (_export_body(key.id, own, end=START.isoformat()), "end"),
        (_export_body(key.id, own, manifest_sha256="XYZ"), "manifest_sha256"),
    ]
    for body, field in cases:
        response = op.post("/exports", json=body)
        assert response.status_code == 422, response.text
        assert field in response.text
    before = op.get("/exports").json()
    replay = _export_body(key.id, own)
    headers = {"Idempotency-Key": "export-once"}
    first = op.post("/exports", json=replay, headers=headers)
    second = op.post("/exports", json=replay, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert len(op.get("/exports").json()) == len(before) + 1
