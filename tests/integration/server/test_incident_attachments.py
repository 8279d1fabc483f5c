"""Evidence at report time: ``POST /incidents`` as multipart with snapshot files."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

import requests

from console.wire import ErrorOut, IncidentOut, IncidentPage
from tests.integration.server.conftest import Client, SampleMedia, Server
from tests.integration.server.world import CENTRE

Clients = Callable[[str], Client]


def _fields(server: Server, **extra: str) -> dict[str, str]:
    camera = sorted(server.world.cameras_visible_to(CENTRE))[0]
    return {
        "title": "占道经营 <b>现场</b>",
        "category": "street_vendor",
        "priority": "3",
        "source": "patrol",
        "lat": "19.21",
        "lon": "110.46",
        "description": "巡检发现",
        "camera_ids": camera,
        **extra,
    }


def _multipart(fields: dict[str, str]) -> list[tuple[str, tuple[None, str]]]:
    """Form fields as multipart parts (requests sends a bare ``data=`` as urlencoded)."""
    return [(name, (None, value)) for name, value in fields.items()]


def _incidents_titled(client: Client, title: str) -> list[IncidentOut]:
    response = client.get("/incidents", params={"q": title, "limit": 50})
    assert response.status_code == 200, response.text
    page = IncidentPage.model_validate(response.json())
    return [item for item in page.items if item.title == title]


def test_a_multipart_report_keeps_its_png_with_the_hash_of_its_bytes(
    server: Server, clients: Clients, sample_media: SampleMedia
) -> None:
    op = clients("op")
    fields = _fields(server)
    response = op.post(
        "/incidents",
        data=fields,
        files=[("snapshots", ("tile.png", sample_media.png, "image/png"))],
    )
    assert response.status_code == 201, response.text
    created = IncidentOut.model_validate(response.json())
    assert created.state == "reported"
    assert created.source == "patrol"
    assert created.title == fields["title"]
    assert created.camera_ids == [fields["camera_ids"]]
    [attachment] = created.attachments
    expected = hashlib.sha256(sample_media.png).hexdigest()
    assert attachment.sha256 == expected
    assert attachment.content_type == "image/png"
    assert attachment.kind == "snapshot"
    assert attachment.size == len(sample_media.png)
    assert attachment.camera_id == fields["camera_ids"]

    again = IncidentOut.model_validate(op.get(f"/incidents/{created.id}").json())
    assert [a.id for a in again.attachments] == [attachment.id]
    assert again.to_domain().attachments[0].sha256 == expected

    media = op.get(f"/media/{attachment.id}")
    assert media.status_code == 200
    assert media.headers["content-type"] == "image/png"
    assert media.headers["X-Content-SHA256"] == expected
    assert hashlib.sha256(media.content).hexdigest() == expected


def test_several_snapshots_keep_their_order_and_json_reports_have_none(
    server: Server, clients: Clients, sample_media: SampleMedia
) -> None:
    op = clients("op")
    response = op.post(
        "/incidents",
        data=_fields(server, title="two pictures"),
        files=[
            ("snapshots", ("a.jpg", sample_media.jpeg, "image/jpeg")),
            ("snapshots", ("b.png", sample_media.png, "image/png")),
        ],
    )
    assert response.status_code == 201, response.text
    shas = [a.sha256 for a in IncidentOut.model_validate(response.json()).attachments]
    assert shas == [
        hashlib.sha256(sample_media.jpeg).hexdigest(),
        hashlib.sha256(sample_media.png).hexdigest(),
    ]

    plain = op.post(
        "/incidents",
        json={
            "title": "no pictures",
            "category": "other",
            "priority": 4,
            "source": "operator",
            "lat": 19.2,
            "lon": 110.4,
        },
    )
    assert plain.status_code == 201, plain.text
    assert IncidentOut.model_validate(plain.json()).attachments == []


def test_the_same_idempotency_key_twice_raises_one_incident(
    server: Server, clients: Clients, sample_media: SampleMedia
) -> None:
    op = clients("op")
    title = f"idempotent {uuid.uuid4()}"
    key = str(uuid.uuid4())
    answers = [
        op.post(
            "/incidents",
            data=_fields(server, title=title),
            files=[("snapshots", ("tile.png", sample_media.png, "image/png"))],
            headers={"Idempotency-Key": key},
        )
        for _ in range(2)
    ]
    assert [a.status_code for a in answers] == [201, 201], answers[1].text
    assert answers[1].headers.get("Idempotent-Replayed") == "true"
    assert answers[0].json() == answers[1].json()
    assert len(_incidents_titled(op, title)) == 1

    # The key names that request: other fields (or other files) under it are refused.
    reused = op.post(
        "/incidents",
        data=_fields(server, title=title),
        files=[("snapshots", ("tile.jpg", sample_media.jpeg, "image/jpeg"))],
        headers={"Idempotency-Key": key},
    )
    assert reused.status_code == 422
    assert ErrorOut.model_validate(reused.json()).error.code == "idempotency_key_reused"
    assert len(_incidents_titled(op, title)) == 1


def _refusal(response: Any) -> tuple[str, list[str]]:
    error = ErrorOut.model_validate(response.json()).error
    return error.code, [f.field for f in error.fields]


def test_a_bad_file_is_a_422_field_error_and_nothing_is_raised(
    server: Server, clients: Clients, sample_media: SampleMedia
) -> None:
    op = clients("op")
    title = f"bad file {uuid.uuid4()}"
    cases = [
        ("x.png", b"not a picture at all", "image/png"),  # bytes are no image
        ("clip.mp4", sample_media.mp4, "video/mp4"),  # a clip is not a snapshot
        ("fake.jpg", sample_media.png, "image/jpeg"),  # declared as something else
        ("empty.png", b"", "image/png"),
    ]
    for name, data, content_type in cases:
        response = op.post(
            "/incidents",
            data=_fields(server, title=title),
            files=[
                ("snapshots", ("good.png", sample_media.png, "image/png")),
                ("snapshots", (name, data, content_type)),
            ],
        )
        assert response.status_code == 422, (name, response.text)
        assert _refusal(response) == ("validation_error", ["snapshots.1"]), name
    assert _incidents_titled(op, title) == []


def test_form_fields_are_validated_like_the_json_body(server: Server, clients: Clients) -> None:
    op = clients("op")
    bad = _fields(server, priority="9", lat="north", extra="1")
    del bad["title"]
    response = op.post("/incidents", files=_multipart(bad))
    assert response.status_code == 422
    code, fields = _refusal(response)
    assert code == "validation_error"
    assert {"title", "priority", "lat", "extra"} <= set(fields)

    unknown_camera = op.post(
        "/incidents", files=_multipart(_fields(server, camera_ids="no-such-camera, other"))
    )
    assert unknown_camera.status_code == 422
    assert _refusal(unknown_camera)[1] == ["camera_ids.0"]

    as_text = op.post(
        "/incidents", files=_multipart({**_fields(server), "snapshots": "not a file"})
    )
    assert as_text.status_code == 422
    assert _refusal(as_text)[1] == ["snapshots"]


def test_other_body_types_are_415_and_units_may_not_report(
    server: Server, clients: Clients, sample_media: SampleMedia
) -> None:
    op, police = clients("op"), clients("police")
    for content_type in ("text/plain", "application/x-www-form-urlencoded"):
        other = op.post("/incidents", data=b"title=x", headers={"Content-Type": content_type})
        assert other.status_code == 415, content_type
        assert _refusal(other)[0] == "unsupported_media_type"

    refused = police.post(
        "/incidents",
        data=_fields(server),
        files=[("snapshots", ("tile.png", sample_media.png, "image/png"))],
    )
    assert refused.status_code == 403

    unsigned = requests.post(
        server.url("/incidents"), files=_multipart(_fields(server)), timeout=10
    )
    assert unsigned.status_code == 401
    # Who is asking is settled before what is asked: a bad body from nobody is still a 401.
    unsigned_bad = requests.post(server.url("/incidents"), json={"title": ""}, timeout=10)
    assert unsigned_bad.status_code == 401
