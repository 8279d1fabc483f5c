"""Department sharing of cameras and the role rules of the incident life cycle."""

from __future__ import annotations

from collections.abc import Callable

from console.wire import CameraPage, ErrorOut, IncidentOut, StreamsOut
from tests.integration.server.conftest import Client, Server, act
from tests.integration.server.world import CENTRE, POLICE

Clients = Callable[[str], Client]


def _all_camera_ids(client: Client, **params: object) -> set[str]:
    found: set[str] = set()
    cursor = None
    while True:
        query = {"limit": 7, **params}
        if cursor:
            query["cursor"] = cursor
        response = client.get("/cameras", params=query)
        assert response.status_code == 200, response.text
        page = CameraPage.model_validate(response.json())
        found.update(c.id for c in page.items)
        cursor = page.next_cursor
        if cursor is None:
            assert page.total == len(found)
            return found


def test_camera_lists_hold_only_cameras_of_or_shared_with_the_department(
    server: Server, clients: Clients
) -> None:
    world = server.world
    assert _all_camera_ids(clients("op")) == world.cameras_visible_to(CENTRE)
    assert _all_camera_ids(clients("op2")) == world.cameras_visible_to(POLICE)
    assert _all_camera_ids(clients("admin")) == {c.id for c in world.cameras}
    assert world.cameras_visible_to(CENTRE) != world.cameras_visible_to(POLICE)


def test_a_camera_not_shared_with_the_caller_is_404_by_id(server: Server, clients: Clients) -> None:
    hidden = sorted({c.id for c in server.world.cameras} - server.world.cameras_visible_to(CENTRE))
    assert hidden
    for camera_id in hidden[:3]:
        for path in (f"/cameras/{camera_id}", f"/cameras/{camera_id}/streams"):
            response = clients("op").get(path)
            assert response.status_code == 404
            assert ErrorOut.model_validate(response.json()).error.code == "not_found"
        assert clients("admin").get(f"/cameras/{camera_id}").status_code == 200


def test_camera_filters(server: Server, clients: Clients) -> None:
    world = server.world
    visible = world.cameras_visible_to(CENTRE)
    town = {c.id for c in world.cameras if c.region_id.startswith("r-village-1-")} & visible
    assert _all_camera_ids(clients("op"), region_id="r-town-1") == town
    offline = {c.id for c in world.cameras if c.status == "offline"} & visible
    assert _all_camera_ids(clients("op"), status="offline") == offline
    box = {
        c.id
        for c in world.cameras
        if 19.2 <= c.position.lat <= 19.23 and 110.45 <= c.position.lon <= 110.48
    } & visible
    assert _all_camera_ids(clients("op"), bbox="110.45,19.2,110.48,19.23") == box
    assert (
        _all_camera_ids(clients("op"), q="摄像机 1")
        == {c.id for c in world.cameras if "摄像机 1" in c.name} & visible
    )
    bad = clients("op").get("/cameras", params={"bbox": "1,2,3"})
    assert bad.status_code == 422
    assert ErrorOut.model_validate(bad.json()).error.fields[0].field == "bbox"


def test_streams_are_handed_out_and_audited_and_refused_when_offline(
    server: Server, clients: Clients
) -> None:
    visible = server.world.cameras_visible_to(CENTRE)
    online = next(c for c in server.world.cameras if c.id in visible and c.status == "online")
    offline = next(c for c in server.world.cameras if c.id in visible and c.status == "offline")
    response = clients("op").get(f"/cameras/{online.id}/streams")
    assert response.status_code == 200
    streams = StreamsOut.model_validate(response.json())
    assert streams.camera_id == online.id
    assert streams.main.rtsp.startswith("rtsp://")
    refused = clients("op").get(f"/cameras/{offline.id}/streams")
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "camera_offline"
    trail = clients("sup").get("/audit", params={"action": "stream.fetch", "actor_id": "user-op"})
    assert online.id in {item["entity_id"] for item in trail.json()["items"]}


def _new_incident(client: Client) -> IncidentOut:
    response = client.post(
        "/incidents",
        json={
            "title": "占道经营",
            "category": "street_vendor",
            "priority": 3,
            "source": "operator",
            "lat": 19.24,
            "lon": 110.47,
        },
    )
    assert response.status_code == 201, response.text
    return IncidentOut.model_validate(response.json())


def test_role_rules_of_the_life_cycle(server: Server, clients: Clients) -> None:
    op, police, urban = clients("op"), clients("police"), clients("urban")
    incident = _new_incident(op)
    act(op, incident.id, action="accept")
    act(op, incident.id, action="file", category="street_vendor", priority=2)

    # Before any dispatch to it, a unit does not see the incident at all.
    refused = police.post(
        f"/incidents/{incident.id}/actions", json={"action": "dispatch", "unit_id": "unit-police"}
    )
    assert refused.status_code == 404
    dispatched = act(op, incident.id, action="dispatch", unit_id="unit-police")
    assert dispatched.state == "dispatched"

    # Now the police desk sees it; it can dispatch nothing, and an operator cannot sign.
    refused = police.post(
        f"/incidents/{incident.id}/actions", json={"action": "dispatch", "unit_id": "unit-police"}
    )
    assert refused.status_code == 409  # dispatch does not apply to a dispatched incident
    cannot_sign = op.post(f"/incidents/{incident.id}/actions", json={"action": "sign"})
    assert cannot_sign.status_code == 403
    error = ErrorOut.model_validate(cannot_sign.json()).error
    assert error.code == "not_permitted"
    assert error.current_state == "dispatched"

    # Another unit does not even see the incident.
    assert urban.get(f"/incidents/{incident.id}").status_code == 404
    assert (
        urban.post(f"/incidents/{incident.id}/actions", json={"action": "sign"}).status_code == 404
    )

    signed = act(police, incident.id, action="sign")
    assert signed.state == "signed"


def test_a_filed_incident_refuses_dispatch_by_a_unit_user_with_403(
    server: Server, clients: Clients
) -> None:
    op, police = clients("op"), clients("police")
    first = _new_incident(op)
    act(op, first.id, action="accept")
    act(op, first.id, action="file", category="garbage", priority=3)
    act(op, first.id, action="dispatch", unit_id="unit-police")
    act(police, first.id, action="sign")
    act(police, first.id, action="return", reason="不属于本单位职责")
    # Returned: the police desk still sees it (it was dispatched there) but may not dispatch.
    refused = police.post(
        f"/incidents/{first.id}/actions", json={"action": "dispatch", "unit_id": "unit-urban"}
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "not_permitted"


def test_administrators_and_units_cannot_raise_incidents_and_operators_cannot_read_audit(
    server: Server, clients: Clients
) -> None:
    body = {
        "title": "x",
        "category": "c",
        "priority": 1,
        "source": "operator",
        "lat": 19.0,
        "lon": 110.3,
    }
    assert clients("admin").post("/incidents", json=body).status_code == 403
    assert clients("police").post("/incidents", json=body).status_code == 403
    assert clients("op").get("/audit").status_code == 403
    assert clients("sup").get("/audit").status_code == 200
