"""Bookmarks on recordings: create, list, delete under the camera's rule; audited; idempotent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from console.wire import IncidentOut
from console.wire.bookmarks import BookmarkOut
from tests.integration.server.conftest import Client, Server
from tests.integration.server.world import CENTRE, POLICE

Clients = Callable[[str], Client]
AT = datetime(2026, 3, 1, 8, 0, 12, tzinfo=UTC)


def _incident(client: Client) -> IncidentOut:
    body = {
        "title": "可疑人员",
        "category": "garbage",
        "priority": 3,
        "source": "operator",
        "lat": 19.21,
        "lon": 110.46,
    }
    response = client.post("/incidents", json=body)
    assert response.status_code == 201, response.text
    return IncidentOut.model_validate(response.json())


def _bookmark(client: Client, camera_id: str, **extra: object) -> BookmarkOut:
    body = {"camera_id": camera_id, "at": AT.isoformat(), "note": "白色面包车驶入", **extra}
    response = client.post("/bookmarks", json=body)
    assert response.status_code == 201, response.text
    return BookmarkOut.model_validate(response.json())


def _listed(client: Client, **params: str) -> list[BookmarkOut]:
    response = client.get("/bookmarks", params=params)
    assert response.status_code == 200, response.text
    return [BookmarkOut.model_validate(b) for b in response.json()]


def test_create_list_and_delete_follow_the_camera_rule(server: Server, clients: Clients) -> None:
    centre = server.world.cameras_visible_to(CENTRE)
    police = server.world.cameras_visible_to(POLICE)
    own = sorted(centre - police)[0]
    op, op2, sup = clients("op"), clients("op2"), clients("sup")
    incident = _incident(op)
    made = _bookmark(op, own, incident_id=incident.id)
    assert (made.camera_id, made.at, made.incident_id) == (own, AT, incident.id)
    assert made.author_id == "user-op"

    assert made.id in {b.id for b in _listed(op, camera_id=own)}
    assert made.id in {b.id for b in _listed(op, incident_id=incident.id)}
    window = {"since": (AT - timedelta(seconds=1)).isoformat(), "until": AT.isoformat()}
    assert made.id in {b.id for b in _listed(op, camera_id=own, **window)}
    later = {"since": (AT + timedelta(seconds=1)).isoformat()}
    assert _listed(op, camera_id=own, **later) == []

    # Another department's operator neither sees nor touches it, as with the camera itself.
    assert made.id not in {b.id for b in _listed(op2)}
    assert op2.post("/bookmarks", json={"camera_id": own, "at": AT.isoformat()}).status_code == 404
    assert op2.http.delete(server.url(f"/bookmarks/{made.id}"), timeout=10).status_code == 404

    deleted = sup.http.delete(server.url(f"/bookmarks/{made.id}"), timeout=10)
    assert deleted.status_code == 200, deleted.text
    assert BookmarkOut.model_validate(deleted.json()).note == "白色面包车驶入"
    assert made.id not in {b.id for b in _listed(op, camera_id=own)}
    again = sup.http.delete(server.url(f"/bookmarks/{made.id}"), timeout=10)
    assert again.status_code == 404

    trail = sup.get("/audit", params={"action": "bookmark.create"}).json()["items"]
    assert made.id in {item["entity_id"] for item in trail}
    trail = sup.get("/audit", params={"action": "bookmark.delete"}).json()["items"]
    assert made.id in {item["entity_id"] for item in trail}


def test_only_the_author_or_a_supervisor_removes_a_shared_cameras_bookmark(
    server: Server, clients: Clients
) -> None:
    shared = sorted(
        server.world.cameras_visible_to(CENTRE) & server.world.cameras_visible_to(POLICE)
    )
    made = _bookmark(clients("op"), shared[0], note="")
    op2 = clients("op2")
    assert made.id in {b.id for b in _listed(op2, camera_id=shared[0])}
    refused = op2.http.delete(server.url(f"/bookmarks/{made.id}"), timeout=10)
    assert refused.status_code == 403
    mine = clients("op").http.delete(server.url(f"/bookmarks/{made.id}"), timeout=10)
    assert mine.status_code == 200


def test_a_repeated_key_makes_one_bookmark(server: Server, clients: Clients) -> None:
    camera = sorted(server.world.cameras_visible_to(CENTRE))[1]
    op = clients("op")
    body = {"camera_id": camera, "at": AT.isoformat(), "note": "重复提交"}
    headers = {"Idempotency-Key": "bookmark-key-1"}
    first = op.post("/bookmarks", json=body, headers=headers)
    second = op.post("/bookmarks", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.headers.get("Idempotent-Replayed") == "true"
    assert first.json()["id"] == second.json()["id"]
    notes = [b for b in _listed(op, camera_id=camera) if b.note == "重复提交"]
    assert len(notes) == 1
    reused = op.post("/bookmarks", json={**body, "note": "别的"}, headers=headers)
    assert reused.status_code == 422

    removal = {"Idempotency-Key": "bookmark-key-2"}
    path = server.url(f"/bookmarks/{first.json()['id']}")
    gone = op.http.delete(path, headers=removal, timeout=10)
    replayed = op.http.delete(path, headers=removal, timeout=10)
    assert gone.status_code == replayed.status_code == 200
    assert replayed.headers.get("Idempotent-Replayed") == "true"


def test_bad_input_is_refused_clearly(server: Server, clients: Clients) -> None:
    camera = sorted(server.world.cameras_visible_to(CENTRE))[2]
    op = clients("op")
    naive = op.post("/bookmarks", json={"camera_id": camera, "at": "2026-03-01T08:00:00"})
    assert naive.status_code == 422
    unknown = op.post(
        "/bookmarks",
        json={"camera_id": camera, "at": AT.isoformat(), "incident_id": "no-such-incident"},
    )
    assert unknown.status_code == 422
    assert "incident_id" in unknown.text
    assert (
        op.post("/bookmarks", json={"camera_id": "nope", "at": AT.isoformat()}).status_code == 404
    )
    assert op.get("/bookmarks", params={"since": "yesterday"}).status_code == 422
    assert (
        clients("op")
        .get(
            "/bookmarks", params={"since": AT.isoformat(), "until": (AT - timedelta(1)).isoformat()}
        )
        .status_code
        == 422
    )
