"""Who reads which incident: department sharing for duty staff, assignments for units.

Scene: a police operator raises an incident on a police camera shared with no one; a centre
operator raises one on a centre camera shared with no one and a hotline report that names no
camera. Each role is checked on GET, the list, an action, the event stream and the files the
incident holds; then dispatching with an assisting unit opens the incident to that unit.
The hotline report also checks that its caller is stored in full, returned to readers, and
masked in the audit trail and the server log.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from console.wire import IncidentOut
from tests.integration.server.conftest import (
    Client,
    EventStream,
    SampleMedia,
    Server,
    act,
)
from tests.integration.server.world import CENTRE, POLICE

Clients = Callable[[str], Client]
ROLES = ("admin", "op", "op2", "sup", "police", "urban")


def _private_camera(server: Server, owner: str) -> str:
    return next(
        c.id for c in server.world.cameras if c.owner_department_id == owner and not c.shared_with
    )


def _raise(client: Client, sample: SampleMedia, camera_ids: list[str], **extra: str) -> IncidentOut:
    response = client.post(
        "/incidents",
        data={
            "title": "可见性测试",
            "category": "street_vendor",
            "priority": "3",
            "source": "operator",
            "lat": "19.21",
            "lon": "110.46",
            "camera_ids": ",".join(camera_ids),
            **extra,
        },
        files=[("snapshots", ("report.jpg", sample.jpeg, "image/jpeg"))],
    )
    assert response.status_code == 201, response.text
    return IncidentOut.model_validate(response.json())


@dataclass
class Scene:
    police_camera_incident: IncidentOut
    centre_camera_incident: IncidentOut
    hotline: IncidentOut


@pytest.fixture(scope="module")
def scene(server: Server, clients: Clients, sample_media: SampleMedia) -> Scene:
    police_camera = _private_camera(server, POLICE)
    centre_camera = _private_camera(server, CENTRE)
    return Scene(
        police_camera_incident=_raise(clients("op2"), sample_media, [police_camera]),
        centre_camera_incident=_raise(clients("op"), sample_media, [centre_camera]),
        hotline=_raise(
            clients("op"),
            sample_media,
            [],
            source="hotline_12345",
            caller_name="张三明",
            caller_phone="13812345678",
        ),
    )


def _readers(clients: Clients, incident: IncidentOut) -> set[str]:
    found = set()
    for role in ROLES:
        status = clients(role).get(f"/incidents/{incident.id}").status_code
        assert status in (200, 404), (role, status)
        if status == 200:
            found.add(role)
    return found


def _listers(clients: Clients, incident: IncidentOut) -> set[str]:
    found = set()
    for role in ROLES:
        response = clients(role).get("/incidents", params={"limit": 1000})
        assert response.status_code == 200
        if incident.id in {item["id"] for item in response.json()["items"]}:
            found.add(role)
    return found


def _media_readers(clients: Clients, incident: IncidentOut) -> set[str]:
    media_id = incident.attachments[0].id
    return {role for role in ROLES if clients(role).get(f"/media/{media_id}").status_code == 200}


def test_an_incident_on_a_camera_is_as_private_as_the_camera(
    scene: Scene, clients: Clients
) -> None:
    police_side = scene.police_camera_incident
    assert _readers(clients, police_side) == {"admin", "op2"}
    assert _listers(clients, police_side) == {"admin", "op2"}
    assert _media_readers(clients, police_side) == {"admin", "op2"}
    centre_side = scene.centre_camera_incident
    assert _readers(clients, centre_side) == {"admin", "op", "sup"}
    assert _listers(clients, centre_side) == {"admin", "op", "sup"}
    assert _media_readers(clients, centre_side) == {"admin", "op", "sup"}


def test_a_report_without_camera_is_read_by_the_departments_that_see_its_village(
    server: Server, scene: Scene, clients: Clients
) -> None:
    village = scene.hotline.region_id
    assert village is not None
    departments_seeing = {
        department
        for department in (CENTRE, POLICE)
        if any(
            camera.region_id == village
            for camera in server.world.cameras
            if camera.id in server.world.cameras_visible_to(department)
        )
    }
    expected = {"admin"}
    if CENTRE in departments_seeing:
        expected |= {"op", "sup"}
    if POLICE in departments_seeing:
        expected.add("op2")
    assert "op" in expected  # the raiser reads it in any case
    assert _readers(clients, scene.hotline) == expected


def test_actions_on_an_incident_one_may_not_read_answer_404(scene: Scene, clients: Clients) -> None:
    incident = scene.police_camera_incident
    op = clients("op")
    refused = op.post(f"/incidents/{incident.id}/actions", json={"action": "accept"})
    assert refused.status_code == 404
    assert op.post(f"/incidents/{incident.id}/escalate", json={"reason": "x"}).status_code == 404
    merge = op.post(
        f"/incidents/{scene.centre_camera_incident.id}/actions",
        json={"action": "merge", "merged_into": incident.id},
    )
    assert merge.status_code == 422  # merging into an unreadable incident names no incident


def test_dispatch_with_an_assisting_unit_opens_it_to_both_units_only(
    server: Server, clients: Clients, sample_media: SampleMedia
) -> None:
    op2 = clients("op2")
    incident = _raise(op2, sample_media, [_private_camera(server, POLICE)])
    assert _readers(clients, incident) == {"admin", "op2"}
    act(op2, incident.id, action="accept")
    act(op2, incident.id, action="file", category="street_vendor", priority=3)
    dispatched = act(
        op2,
        incident.id,
        action="dispatch",
        unit_id="unit-police-team",
        assisting_unit_ids=["unit-urban", "unit-police-team"],
    )
    assert dispatched.assisting_unit_ids == ["unit-urban"]  # the lead is not its own helper
    assert _readers(clients, incident) == {"admin", "op2", "police", "urban"}
    assert _media_readers(clients, incident) == {"admin", "op2", "police", "urban"}
    # The assisting unit reads but does not lead: it may not sign.
    refused = clients("urban").post(f"/incidents/{incident.id}/actions", json={"action": "sign"})
    assert refused.status_code == 403
    unknown = op2.post(
        f"/incidents/{incident.id}/actions",
        json={"action": "dispatch", "unit_id": "unit-police", "assisting_unit_ids": ["nope"]},
    )
    assert unknown.status_code == 422


def test_the_event_stream_sends_an_incident_only_to_its_readers(
    server: Server, clients: Clients, sample_media: SampleMedia
) -> None:
    streams = {role: EventStream(server, clients(role).token) for role in ("op", "op2", "urban")}
    try:
        for stream in streams.values():
            stream.wait_until(lambda s: "connected" in s.comments())
        hidden = _raise(clients("op2"), sample_media, [_private_camera(server, POLICE)])
        # A marker every duty stream receives, written after the hidden one.
        marker = _raise(clients("op"), sample_media, [], caller_name="李四")

        def ids(stream: EventStream) -> set[str]:
            return {
                json.loads(frame.data)["id"]
                for frame in stream.events()
                if frame.type and frame.type.startswith("incident.") and frame.data
            }

        streams["op"].wait_until(lambda s: marker.id in ids(s))
        streams["op2"].wait_until(lambda s: hidden.id in ids(s))
        assert hidden.id not in ids(streams["op"])
        act(clients("op2"), hidden.id, action="accept")
        act(clients("op2"), hidden.id, action="file", category="garbage", priority=3)
        act(clients("op2"), hidden.id, action="dispatch", unit_id="unit-urban")
        # Once dispatched to it, the urban unit reads it, and its stream says so.
        streams["urban"].wait_until(lambda s: hidden.id in ids(s))
        assert hidden.id not in ids(streams["op"])
        assert marker.id not in ids(streams["urban"])
    finally:
        for stream in streams.values():
            stream.close()


def test_the_hotline_caller_is_kept_for_readers_and_masked_in_audit_and_log(
    server: Server, clients: Clients, sample_media: SampleMedia, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        raised = _raise(
            clients("op"),
            sample_media,
            [],
            source="hotline_12345",
            caller_name="王小红",
            caller_phone="13987654321",
        )
    read = IncidentOut.model_validate(clients("op").get(f"/incidents/{raised.id}").json())
    assert (read.caller_name, read.caller_phone) == ("王小红", "13987654321")
    audit = clients("sup").get("/audit", params={"action": "incident.create", "limit": 100})
    (line,) = [item for item in audit.json()["items"] if item["entity_id"] == raised.id]
    assert line["detail"]["caller_name"] == "王*红"
    assert line["detail"]["caller_phone"] == "139****4321"
    assert "13987654321" not in json.dumps(line, ensure_ascii=False)
    assert "王小红" not in json.dumps(line, ensure_ascii=False)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "139****4321" in logged
    assert "13987654321" not in logged
    assert "王小红" not in logged

    bad = clients("op").post(
        "/incidents",
        json={
            "title": "x",
            "category": "other",
            "priority": 3,
            "source": "hotline_12345",
            "lat": 19.2,
            "lon": 110.4,
            "caller_phone": "138<script>",
        },
    )
    assert bad.status_code == 422
