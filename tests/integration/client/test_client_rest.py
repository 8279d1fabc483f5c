"""``BackendClient`` against the real reference server on loopback."""

from __future__ import annotations

import hashlib
import struct
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from console.client import BackendClient, BackendError, ErrorKind
from console.client.errors import ConflictError, ValidationError
from console.wire import ActionIn, IncidentIn, PatrolEntryIn, PatrolRecordIn
from tests.support.live_server import LiveDemoServer

MakeClient = Callable[..., BackendClient]


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def new_incident(title: str) -> IncidentIn:
    return IncidentIn(
        title=title, category="road", priority=3, source="operator", lat=19.24, lon=110.47
    )


def test_sign_in_and_the_catalogue_match_the_server(
    demo_server: LiveDemoServer, make_client: MakeClient
) -> None:
    client = make_client()
    assert client.health().demo is True
    assert client.me().username == "operator-1"
    assert len(client.regions()) == len(demo_server.world.regions)
    cameras = list(client.iter_cameras(page_size=37))
    assert len(cameras) == demo_server.visible_camera_count("operator-1")
    assert len({c.id for c in cameras}) == len(cameras)
    assert {u.id for u in client.units()} == {u.id for u in demo_server.world.units}
    assert client.patrol_plans()


def test_wrong_password_and_stale_token_are_unauthorized(demo_server: LiveDemoServer) -> None:
    client = BackendClient(demo_server.url)
    try:
        with pytest.raises(BackendError) as caught:
            client.login("operator-1", "not-the-password")
        assert caught.value.kind is ErrorKind.UNAUTHORIZED
        client.set_token("no-such-token")
        with pytest.raises(BackendError) as caught:
            client.me()
        assert caught.value.kind is ErrorKind.UNAUTHORIZED
    finally:
        client.close()


def test_a_repeated_key_returns_the_first_incident(make_client: MakeClient, unique: str) -> None:
    client = make_client()
    key = str(uuid.uuid4())
    first = client.create_incident(new_incident(unique), idempotency_key=key)
    again = client.create_incident(new_incident(unique), idempotency_key=key)
    assert again.id == first.id
    assert client.incidents_page(q=unique).total == 1


def test_refusals_carry_the_servers_reason(make_client: MakeClient, unique: str) -> None:
    client = make_client()
    incident = client.create_incident(new_incident(unique))
    with pytest.raises(ConflictError) as conflict:
        client.incident_action(incident.id, ActionIn(action="close"))
    assert conflict.value.code == "illegal_transition"
    assert conflict.value.current_state == "reported"
    assert "accept" in conflict.value.allowed_actions

    with pytest.raises(ValidationError) as invalid:
        client.send("POST", "/incidents", json_body={"title": "", "category": "road"})
    assert {f.field for f in invalid.value.fields} >= {"title", "priority"}

    with pytest.raises(BackendError) as missing:
        client.incident("no-such-incident")
    assert missing.value.kind is ErrorKind.NOT_FOUND

    with pytest.raises(BackendError) as forbidden:
        client.audit()
    assert forbidden.value.kind is ErrorKind.FORBIDDEN


def test_a_whole_case_with_feedback_and_verification_uploads(
    demo_server: LiveDemoServer, make_client: MakeClient, unique: str
) -> None:
    operator = make_client()
    police = make_client("police")
    unit_id = police.me().unit_id
    assert unit_id is not None
    case = operator.create_incident(new_incident(unique))
    case = operator.incident_action(case.id, ActionIn(action="accept"))
    case = operator.incident_action(case.id, ActionIn(action="file", category="road", priority=2))
    case = operator.incident_action(case.id, ActionIn(action="dispatch", unit_id=unit_id))
    case = police.incident_action(case.id, ActionIn(action="sign"))
    case = police.incident_action(case.id, ActionIn(action="start"))
    photo = tiny_png()
    case = police.report_feedback(
        case.id,
        result="fixed",
        text="cleared",
        photos=[("photos", "after.png", "image/png", photo)],
        idempotency_key=str(uuid.uuid4()),
    )
    assert case.state == "feedback"
    assert case.feedbacks[-1].photos[0].sha256 == hashlib.sha256(photo).hexdigest()
    case = operator.incident_action(case.id, ActionIn(action="start_verification"))
    case = operator.add_verification(
        case.id,
        verdict="pass",
        comment="looks fine",
        camera_ids=[],
        media=[("media", "proof.png", "image/png", photo)],
        idempotency_key=str(uuid.uuid4()),
    )
    proof = case.verifications[-1].media[0]
    content_type, data = operator.media(proof.id)
    assert (content_type, data) == ("image/png", photo)
    case = operator.incident_action(
        case.id, ActionIn(action="close", disposition="resolved", reason="fixed")
    )
    assert case.state == "closed"


def test_patrol_records_and_recordings(make_client: MakeClient, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    client = make_client()
    camera = next(client.iter_cameras(page_size=5))
    now = datetime.now(UTC)
    record = client.create_patrol_record(
        PatrolRecordIn(
            started_at=now,
            finished_at=now,
            entries=[PatrolEntryIn(camera_id=camera.id, seen_at=now, dwell_s=5, verdict="ok")],
        ),
        idempotency_key=str(uuid.uuid4()),
    )
    assert record.entries[0].camera_id == camera.id
    assert isinstance(client.recordings(camera_id=camera.id), list)
    with pytest.raises(BackendError) as caught:
        client.camera_streams(camera.id)  # the test server has no media server configured
    assert caught.value.kind in (ErrorKind.SERVER_ERROR, ErrorKind.CONFLICT)
