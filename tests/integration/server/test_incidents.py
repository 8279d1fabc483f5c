"""The incident life cycle over HTTP: refusals, validation, and report -> close with proof."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from console.wire import ErrorOut, IncidentOut, IncidentPage
from tests.integration.server.conftest import Client, SampleMedia, Server, act, take_to_work

Clients = Callable[[str], Client]


def _raise(client: Client, **extra: object) -> IncidentOut:
    body = {
        "title": "垃圾堆放",
        "category": "garbage",
        "priority": 3,
        "source": "operator",
        "lat": 19.21,
        "lon": 110.46,
        **extra,
    }
    response = client.post("/incidents", json=body)
    assert response.status_code == 201, response.text
    return IncidentOut.model_validate(response.json())


def test_an_illegal_transition_is_409_naming_state_and_allowed_actions(
    server: Server, clients: Clients
) -> None:
    op = clients("op")
    incident = _raise(op)
    response = op.post(
        f"/incidents/{incident.id}/actions", json={"action": "close", "disposition": "resolved"}
    )
    assert response.status_code == 409
    error = ErrorOut.model_validate(response.json()).error
    assert error.code == "illegal_transition"
    assert error.current_state == "reported"
    assert set(error.allowed_actions or []) == {"accept", "reject", "merge", "cancel"}


def test_a_stale_expected_version_is_409_version_conflict(server: Server, clients: Clients) -> None:
    op = clients("op")
    incident = _raise(op)
    act(op, incident.id, action="accept", expected_version=1)
    stale = op.post(
        f"/incidents/{incident.id}/actions",
        json={"action": "file", "category": "garbage", "priority": 2, "expected_version": 1},
    )
    assert stale.status_code == 409
    error = ErrorOut.model_validate(stale.json()).error
    assert error.code == "version_conflict"
    assert error.current_version == 2


def test_bad_input_is_422_with_field_errors(server: Server, clients: Clients) -> None:
    op = clients("op")
    response = op.post(
        "/incidents",
        json={
            "category": "x",
            "priority": 9,
            "source": "operator",
            "lat": 95,
            "lon": 110,
            "extra": 1,
        },
    )
    assert response.status_code == 422
    error = ErrorOut.model_validate(response.json()).error
    assert error.code == "validation_error"
    assert {"title", "priority", "lat", "extra"} <= {f.field for f in error.fields}

    incident = _raise(op)
    missing = op.post(f"/incidents/{incident.id}/actions", json={"action": "reject"})
    assert missing.status_code == 422
    error = ErrorOut.model_validate(missing.json()).error
    assert error.code == "evidence_missing"
    assert [f.field for f in error.fields] == ["reason"]

    unknown_camera = op.post(
        "/incidents",
        json={
            "title": "t",
            "category": "c",
            "priority": 1,
            "source": "operator",
            "lat": 19.2,
            "lon": 110.4,
            "camera_ids": ["no-such-camera"],
        },
    )
    assert unknown_camera.status_code == 422
    assert unknown_camera.json()["error"]["fields"][0]["field"] == "camera_ids.0"


def test_from_report_to_close_with_feedback_photo_and_verification_snapshot(
    server: Server, clients: Clients, sample_media: SampleMedia
) -> None:
    op, sup, police = clients("op"), clients("sup"), clients("police")
    camera = sorted(server.world.cameras_visible_to("dept-centre"))[0]
    incident = _raise(op, camera_ids=[camera], address="嘉积镇人民路")
    assert incident.state == "reported"
    assert incident.version == 1
    act(op, incident.id, action="accept")
    act(op, incident.id, action="file", category="garbage", priority=2)
    due = (datetime.now(UTC) + timedelta(hours=4)).isoformat()
    dispatched = act(
        op,
        incident.id,
        action="dispatch",
        unit_id="unit-police",
        instructions="尽快清理",
        due_at=due,
    )
    assert dispatched.assignments[-1].unit_id == "unit-police"
    act(police, incident.id, action="sign")
    act(police, incident.id, action="start")

    # The unit's feedback with an after-photo.
    response = police.post(
        f"/incidents/{incident.id}/feedback",
        data={"result": "fixed", "text": "已清理完毕"},
        files=[("photos", ("after.jpg", sample_media.jpeg, "image/jpeg"))],
    )
    assert response.status_code == 200, response.text
    with_feedback = IncidentOut.model_validate(response.json())
    assert with_feedback.state == "feedback"
    photo = with_feedback.feedbacks[-1].photos[0]
    assert photo.sha256 == hashlib.sha256(sample_media.jpeg).hexdigest()

    act(op, incident.id, action="start_verification")
    # Nobody has looked yet: the operator may not close at all, and even a supervisor may
    # not close as resolved without a passing verification.
    early = op.post(
        f"/incidents/{incident.id}/actions", json={"action": "close", "disposition": "resolved"}
    )
    assert early.status_code == 403
    assert early.json()["error"]["code"] == "not_permitted"
    early = clients("sup").post(
        f"/incidents/{incident.id}/actions", json={"action": "close", "disposition": "resolved"}
    )
    assert early.status_code == 422
    assert early.json()["error"]["fields"][0]["field"] == "verification"

    response = op.post(
        f"/incidents/{incident.id}/verifications",
        data={"verdict": "pass", "comment": "视频复核现场已恢复", "camera_ids": camera},
        files=[
            ("media", ("proof.png", sample_media.png, "image/png")),
            ("media", ("proof.mp4", sample_media.mp4, "video/mp4")),
        ],
    )
    assert response.status_code == 201, response.text
    verified = IncidentOut.model_validate(response.json())
    proof = verified.verifications[-1]
    assert proof.camera_ids == [camera]
    assert [m.sha256 for m in proof.media] == [
        hashlib.sha256(sample_media.png).hexdigest(),
        hashlib.sha256(sample_media.mp4).hexdigest(),
    ]
    assert [m.kind for m in proof.media] == ["snapshot", "clip"]

    # The stored bytes come back unchanged, with their hash in a header.
    for item, original in zip(proof.media, (sample_media.png, sample_media.mp4), strict=True):
        fetched = op.get(f"/media/{item.id}")
        assert fetched.status_code == 200
        assert fetched.content == original
        assert fetched.headers["X-Content-SHA256"] == item.sha256
        assert fetched.headers["content-type"].startswith(item.content_type)
    assert op.get(f"/media/{photo.id}").content == sample_media.jpeg

    closed = act(op, incident.id, action="close", disposition="resolved", reason="")
    assert closed.state == "closed"
    assert closed.disposition == "resolved"
    assert [h.action for h in closed.history] == [
        "accept",
        "file",
        "dispatch",
        "sign",
        "start",
        "report_feedback",
        "start_verification",
        "close",
    ]

    fetched = IncidentOut.model_validate(op.get(f"/incidents/{incident.id}").json())
    assert fetched == closed
    trail = sup.get("/audit", params={"limit": 1000}).json()["items"]
    done = {item["action"] for item in trail if item["entity_id"] == incident.id}
    assert {
        "incident.create",
        "incident.dispatch",
        "incident.close",
        "incident.verification",
    } <= done


def _awaiting_verification(op: Client, police: Client) -> IncidentOut:
    """An incident the police unit has reported back on, now being verified."""
    incident = _raise(op)
    take_to_work(op, police, incident.id, "unit-police")
    response = police.post(
        f"/incidents/{incident.id}/feedback", data={"result": "partial", "text": "已移交"}
    )
    assert response.status_code == 200, response.text
    return act(op, incident.id, action="start_verification")


def _close_lines(supervisor: Client, incident_id: str) -> list[dict[str, Any]]:
    trail = supervisor.get("/audit", params={"action": "incident.close", "limit": 1000})
    assert trail.status_code == 200
    return [item for item in trail.json()["items"] if item["entity_id"] == incident_id]


def test_closing_without_a_verification_is_a_supervisors_audited_decision(
    server: Server, clients: Clients
) -> None:
    op, sup, police = clients("op"), clients("sup"), clients("police")
    close = {"action": "close", "disposition": "transferred", "reason": "属县级职责"}
    for disposition in ("transferred", "invalid", "duplicate", "resolved"):
        incident = _awaiting_verification(op, police)
        refused = op.post(
            f"/incidents/{incident.id}/actions", json={**close, "disposition": disposition}
        )
        assert refused.status_code == 403, refused.text
        error = ErrorOut.model_validate(refused.json()).error
        assert error.code == "not_permitted"
        assert "verification since the latest feedback" in error.message
        assert error.allowed_actions == ["reopen"]
        assert op.get(f"/incidents/{incident.id}").json()["state"] == "verifying"
        assert _close_lines(sup, incident.id) == []

    closed = act(sup, incident.id, **close)
    assert (closed.state, closed.disposition) == ("closed", "transferred")
    (line,) = _close_lines(sup, incident.id)
    assert line["actor_id"] == "user-sup"
    assert line["detail"] == {
        "from": "verifying",
        "to": "closed",
        "version": closed.version,
        "reason": "属县级职责",
        "disposition": "transferred",
        "without_verification": True,
    }


def test_an_operator_who_verified_after_the_feedback_closes_as_transferred(
    server: Server, clients: Clients
) -> None:
    op, sup, police = clients("op"), clients("sup"), clients("police")
    incident = _awaiting_verification(op, police)
    looked = op.post(
        f"/incidents/{incident.id}/verifications",
        data={"verdict": "fail", "comment": "现场仍有摊位，属县级职责"},
    )
    assert looked.status_code == 201, looked.text
    closed = act(op, incident.id, action="close", disposition="transferred", reason="属县级职责")
    assert closed.state == "closed"
    (line,) = _close_lines(sup, incident.id)
    assert line["actor_id"] == "user-op"
    assert "without_verification" not in line["detail"]


def test_an_upload_that_is_not_what_it_claims_is_refused(
    server: Server, clients: Clients, sample_media: SampleMedia
) -> None:
    op, police = clients("op"), clients("police")
    incident = _raise(op)
    take_to_work(op, police, incident.id, "unit-police")
    response = police.post(
        f"/incidents/{incident.id}/feedback",
        data={"result": "fixed", "text": "ok"},
        files=[("photos", ("x.jpg", b"not a picture at all", "image/jpeg"))],
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "photos.0"
    still = IncidentOut.model_validate(police.get(f"/incidents/{incident.id}").json())
    assert still.state == "in_progress"
    assert not still.feedbacks


def test_incident_lists_filter_and_page(server: Server, clients: Clients) -> None:
    op = clients("op")
    marker = "分页测试"
    created = [_raise(op, title=f"{marker} {n}") for n in range(5)]
    act(op, created[0].id, action="accept")
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, object] = {"q": marker, "limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = IncidentPage.model_validate(op.get("/incidents", params=params).json())
        assert page.total == 5
        seen.extend(i.id for i in page.items)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(seen) == sorted(i.id for i in created)
    assert seen[0] == created[0].id  # most recently updated first
    accepted = op.get("/incidents", params={"q": marker, "state": "accepted"}).json()
    assert [i["id"] for i in accepted["items"]] == [created[0].id]
    bad = op.get("/incidents", params={"state": "sideways"})
    assert bad.status_code == 422
