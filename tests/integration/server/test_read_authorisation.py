"""Every role against every resource that has an owner, on the read and list routes.

A scene is built over HTTP: incidents dispatched to the police, to the urban unit and to
nobody, and one raised on a police camera shared with no one, each with report snapshots
(the police one also with the unit's after-photo and the operator's verification proof);
alert snapshots and recordings of a centre camera and of a police camera; a file of a camera
held by no record and a file held by nothing; patrol plans and records of two duty officers.
The expected outcome of every (role, resource) pair is written out below; any other answer,
above all an unexpected 200, fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.domain.model import MediaKind
from console.server.services import recordings
from console.server.services.media import IMAGE_TYPES, Upload
from console.wire import IncidentOut
from tests.integration.server.conftest import (
    Client,
    SampleMedia,
    Server,
    act,
    dispatch,
    take_to_work,
)
from tests.integration.server.world import CENTRE, POLICE

Clients = Callable[[str], Client]

ROLES = ("admin", "op", "op2", "sup", "police", "urban")
"""Administrator; centre operator; police-department operator; centre supervisor; the
police unit's desk; the urban unit's desk."""

EVERYONE = frozenset(ROLES)
DUTY = frozenset({"admin", "op", "op2", "sup"})
CENTRE_STAFF = frozenset({"admin", "op", "sup"})
POLICE_STAFF = frozenset({"admin", "op2", "police"})


@dataclass(frozen=True)
class Read:
    """``GET path``: 200 for ``readers``, ``refusal`` for everyone else."""

    label: str
    path: str
    readers: frozenset[str]
    refusal: int = 404


@dataclass(frozen=True)
class Listing:
    """``GET path``: 200 for everyone in ``seen`` (a role -> ids map), listing exactly those
    of ``ids`` (others may be listed too); ``refusal`` for roles not in ``seen``."""

    label: str
    path: str
    ids: frozenset[str]
    seen: dict[str, frozenset[str]]
    refusal: int = 403
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Scene:
    reads: list[Read]
    listings: list[Listing]
    media_ids: dict[str, str]


def _raise_with_snapshot(
    op: Client, sample: SampleMedia, title: str, camera_id: str = ""
) -> IncidentOut:
    response = op.post(
        "/incidents",
        data={
            "title": title,
            "category": "garbage",
            "priority": "3",
            "source": "operator",
            "lat": "19.21",
            "lon": "110.46",
            "camera_ids": camera_id,
        },
        files=[("snapshots", ("report.jpg", sample.jpeg, "image/jpeg"))],
    )
    assert response.status_code == 201, response.text
    return IncidentOut.model_validate(response.json())


def _handled_by_police(
    op: Client, police: Client, sample: SampleMedia, incident_id: str
) -> tuple[str, str]:
    """Dispatched to the police, feedback with a photo, then the operator's verification
    with proof: the ids of the photo and the proof."""
    take_to_work(op, police, incident_id, "unit-police")
    response = police.post(
        f"/incidents/{incident_id}/feedback",
        data={"result": "fixed", "text": "已清理"},
        files=[("photos", ("after.jpg", sample.jpeg, "image/jpeg"))],
    )
    assert response.status_code == 200, response.text
    photo = IncidentOut.model_validate(response.json()).feedbacks[-1].photos[0].id
    act(op, incident_id, action="start_verification")
    response = op.post(
        f"/incidents/{incident_id}/verifications",
        data={"verdict": "pass"},
        files=[("media", ("proof.png", sample.png, "image/png"))],
    )
    assert response.status_code == 201, response.text
    proof = IncidentOut.model_validate(response.json()).verifications[-1].media[0].id
    return photo, proof


def _alert_snapshot(admin: Client, sample: SampleMedia, camera_id: str) -> tuple[str, str]:
    response = admin.post(
        "/alerts",
        data={"kind": "crowd", "camera_id": camera_id, "confidence": "0.8"},
        files={"snapshot": ("snap.jpg", sample.jpeg, "image/jpeg")},
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"]), str(response.json()["snapshot"]["id"])


def _stored_without_holder(server: Server, data: bytes, camera_id: str | None) -> str:
    """A file in the server's own store that no incident or alert holds."""
    state = server.app.state.tianmu
    with state.db.write() as session:
        row = state.media.save(
            session,
            None,
            Upload("loose.jpg", "image/jpeg", data),
            kind=MediaKind.SNAPSHOT,
            field="file",
            allowed=IMAGE_TYPES,
            camera_id=camera_id,
        )
        return str(row.id)


def _recording(server: Server, camera_id: str, clip: bytes, folder: Path) -> str:
    path = folder / f"{camera_id}.mp4"
    path.write_bytes(clip)
    start = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    with server.app.state.tianmu.db.write() as session:
        row = recordings.register(session, camera_id, start, start + timedelta(seconds=1), path)
        return str(row.id)


def _patrol_record(client: Client, camera_id: str) -> str:
    response = client.post(
        "/patrol-records",
        json={
            "started_at": "2026-03-01T08:00:00Z",
            "entries": [
                {
                    "camera_id": camera_id,
                    "seen_at": "2026-03-01T08:00:05Z",
                    "dwell_s": 5,
                    "verdict": "ok",
                }
            ],
        },
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _private_camera(server: Server, owner: str) -> str:
    """A camera of ``owner`` shared with no other department."""
    return next(
        c.id for c in server.world.cameras if c.owner_department_id == owner and not c.shared_with
    )


@pytest.fixture(scope="module")
def scene(
    server: Server,
    clients: Clients,
    sample_media: SampleMedia,
    tmp_path_factory: pytest.TempPathFactory,
) -> Scene:
    admin, op, sup, police = clients("admin"), clients("op"), clients("sup"), clients("police")
    centre_camera = _private_camera(server, CENTRE)
    police_camera = _private_camera(server, POLICE)

    to_police = _raise_with_snapshot(op, sample_media, "派往公安")
    to_urban = _raise_with_snapshot(op, sample_media, "派往执法")
    unassigned = _raise_with_snapshot(op, sample_media, "未派遣")
    # Seen through a police camera shared with no one: the police department's business only.
    on_police_camera = _raise_with_snapshot(
        clients("op2"), sample_media, "公安摄像机上的事件", police_camera
    )
    dispatch(op, to_urban.id, "unit-urban")
    photo, proof = _handled_by_police(op, police, sample_media, to_police.id)
    centre_alert, centre_snapshot = _alert_snapshot(admin, sample_media, centre_camera)
    police_alert, police_snapshot = _alert_snapshot(admin, sample_media, police_camera)
    camera_file = _stored_without_holder(server, sample_media.jpeg, centre_camera)
    loose_file = _stored_without_holder(server, sample_media.jpeg, None)

    folder = tmp_path_factory.mktemp("recordings")
    centre_recording = _recording(server, centre_camera, sample_media.mp4, folder)
    police_recording = _recording(server, police_camera, sample_media.mp4, folder)
    op_record = _patrol_record(op, centre_camera)
    sup_record = _patrol_record(sup, centre_camera)
    plan = op.post("/patrol-plans", json={"name": "值班员的巡检", "camera_ids": [centre_camera]})
    assert plan.status_code == 201, plan.text

    police_readers = DUTY | {"police"}
    urban_readers = DUTY | {"urban"}
    media_ids = {
        "report snapshot (police incident)": to_police.attachments[0].id,
        "after-photo (police incident)": photo,
        "verification proof (police incident)": proof,
        "report snapshot (urban incident)": to_urban.attachments[0].id,
        "report snapshot (unassigned incident)": unassigned.attachments[0].id,
        "report snapshot (incident on a police camera)": on_police_camera.attachments[0].id,
        "alert snapshot (centre camera)": centre_snapshot,
        "alert snapshot (police camera)": police_snapshot,
        "camera file held by no record": camera_file,
        "file held by nothing": loose_file,
    }
    media_readers = {
        "report snapshot (police incident)": police_readers,
        "after-photo (police incident)": police_readers,
        "verification proof (police incident)": police_readers,
        "report snapshot (urban incident)": urban_readers,
        "report snapshot (unassigned incident)": DUTY,
        "report snapshot (incident on a police camera)": frozenset({"admin", "op2"}),
        "alert snapshot (centre camera)": CENTRE_STAFF,
        "alert snapshot (police camera)": POLICE_STAFF,
        "camera file held by no record": CENTRE_STAFF,
        "file held by nothing": frozenset({"admin"}),
    }
    reads = [
        Read("incident dispatched to the police", f"/incidents/{to_police.id}", police_readers),
        Read("incident dispatched to the urban unit", f"/incidents/{to_urban.id}", urban_readers),
        Read("incident dispatched to nobody", f"/incidents/{unassigned.id}", DUTY),
        Read(
            "incident on a police camera",
            f"/incidents/{on_police_camera.id}",
            frozenset({"admin", "op2"}),
        ),
        *(
            Read(f"media: {label}", f"/media/{media_id}", media_readers[label])
            for label, media_id in media_ids.items()
        ),
        Read("alert of a centre camera", f"/alerts/{centre_alert}", CENTRE_STAFF),
        Read("alert of a police camera", f"/alerts/{police_alert}", POLICE_STAFF),
        Read("centre camera", f"/cameras/{centre_camera}", CENTRE_STAFF),
        Read("police camera", f"/cameras/{police_camera}", POLICE_STAFF),
        Read(
            "recording of a centre camera",
            f"/recordings/{centre_recording}/download",
            CENTRE_STAFF,
        ),
        Read(
            "recording of a police camera",
            f"/recordings/{police_recording}/download",
            POLICE_STAFF,
        ),
        Read("an operator's own patrol plan", f"/patrol-plans/{plan.json()['id']}", CENTRE_STAFF),
        # The unit tree is the dispatch directory: everyone signed in reads it.
        Read("a unit", "/units/unit-police", EVERYONE),
        Read("the unit list", "/units", EVERYONE),
        Read("the audit trail", "/audit", frozenset({"admin", "sup"}), refusal=403),
    ]
    incident_ids = frozenset({to_police.id, to_urban.id, unassigned.id, on_police_camera.id})
    hotline_ids = frozenset({to_police.id, to_urban.id, unassigned.id})
    record_ids = frozenset({op_record, sup_record})
    recording_ids = frozenset({centre_recording, police_recording})
    alert_ids = frozenset({centre_alert, police_alert})
    listings = [
        Listing(
            "incident list",
            "/incidents",
            incident_ids,
            {
                **dict.fromkeys(("op", "sup"), hotline_ids),
                **dict.fromkeys(("admin", "op2"), incident_ids),
                "police": frozenset({to_police.id}),
                "urban": frozenset({to_urban.id}),
            },
            params=(("limit", "1000"),),
        ),
        Listing(
            "alert list",
            "/alerts",
            alert_ids,
            {
                "admin": alert_ids,
                "op": frozenset({centre_alert}),
                "sup": frozenset({centre_alert}),
                "op2": frozenset({police_alert}),
                "police": frozenset({police_alert}),
                "urban": frozenset(),
            },
            params=(("limit", "1000"),),
        ),
        Listing(
            "recording list",
            "/recordings",
            recording_ids,
            {
                "admin": recording_ids,
                "op": frozenset({centre_recording}),
                "sup": frozenset({centre_recording}),
                "op2": frozenset({police_recording}),
                "police": frozenset({police_recording}),
                "urban": frozenset(),
            },
        ),
        Listing(
            "patrol records",
            "/patrol-records",
            record_ids,
            {
                "admin": record_ids,
                "sup": record_ids,
                "op": frozenset({op_record}),
                **{role: frozenset() for role in ("op2", "police", "urban")},
            },
        ),
        Listing(
            "patrol records of another operator",
            "/patrol-records",
            record_ids,
            {
                "admin": frozenset({op_record}),
                "sup": frozenset({op_record}),
                "op": frozenset({op_record}),
            },
            params=(("operator_id", "user-op"),),
        ),
    ]
    return Scene(reads, listings, media_ids)


def _ids(body: object) -> set[str]:
    items = body["items"] if isinstance(body, dict) else body
    assert isinstance(items, list)
    return {str(item["id"]) for item in items}


def test_every_role_reads_exactly_what_it_owns_or_was_given(scene: Scene, clients: Clients) -> None:
    wrong: list[str] = []
    for read in scene.reads:
        for role in ROLES:
            status = clients(role).get(read.path).status_code
            expected = 200 if role in read.readers else read.refusal
            if status != expected:
                wrong.append(f"{role:>6} GET {read.label}: {status}, expected {expected}")
    for listing in scene.listings:
        for role in ROLES:
            response = clients(role).get(listing.path, params=dict(listing.params))
            if role not in listing.seen:
                if response.status_code != listing.refusal:
                    wrong.append(
                        f"{role:>6} GET {listing.label}: {response.status_code}, "
                        f"expected {listing.refusal}"
                    )
                continue
            if response.status_code != 200:
                wrong.append(f"{role:>6} GET {listing.label}: {response.status_code}")
                continue
            listed = _ids(response.json()) & listing.ids
            if listed != listing.seen[role]:
                wrong.append(
                    f"{role:>6} GET {listing.label}: lists {sorted(listed)}, "
                    f"expected {sorted(listing.seen[role])}"
                )
    assert not wrong, "\n".join(wrong)


def test_each_download_is_audited_with_the_record_it_went_through(
    scene: Scene, clients: Clients
) -> None:
    police, admin = clients("police"), clients("admin")
    photo = scene.media_ids["after-photo (police incident)"]
    loose = scene.media_ids["file held by nothing"]
    before = _downloads(clients("sup"), photo)
    assert police.get(f"/media/{photo}").status_code == 200
    assert police.get(f"/media/{photo}").status_code == 200
    after = _downloads(clients("sup"), photo)
    mine = [line for line in after[: len(after) - len(before)] if line["actor_id"] == "user-police"]
    assert len(mine) == 2
    assert mine[0]["detail"]["holder_type"] == "incident"
    assert mine[0]["detail"]["sha256"]

    assert admin.get(f"/media/{loose}").status_code == 200
    (line,) = _downloads(clients("sup"), loose)[:1]
    assert (line["actor_id"], line["detail"]["holder_type"]) == ("user-admin", None)
    # A refused download reads nothing and so leaves no download line.
    assert clients("urban").get(f"/media/{photo}").status_code == 404
    assert all(item["actor_id"] != "user-urban" for item in _downloads(clients("sup"), photo))


def _downloads(supervisor: Client, media_id: str) -> list[dict[str, Any]]:
    response = supervisor.get("/audit", params={"action": "media.download", "limit": 1000})
    assert response.status_code == 200
    return [item for item in response.json()["items"] if item["entity_id"] == media_id]
