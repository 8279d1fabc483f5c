"""What a verdict sends, in which order, and which cameras the view shows (plain logic)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.domain.incident import (
    Assignment,
    Incident,
    IncidentSource,
    IncidentState,
    Priority,
    VerificationVerdict,
)
from console.domain.model import Camera, CameraKind, CameraStatus, GeoPoint
from console.gui.verification.nearby import nearby_cameras
from console.gui.verification.plan import Verdict, VerdictRefused, start_waiting, verdict_steps
from console.store.outbox import Encoding, OutboxItem, OutboxState

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
PLACE = GeoPoint(19.25, 110.47)


def incident(state: IncidentState = IncidentState.FEEDBACK) -> Incident:
    return Incident(
        id="inc-1",
        number="QH-1",
        title="占道经营",
        category="street_vendor",
        priority=Priority.P3,
        source=IncidentSource.OPERATOR,
        state=state,
        position=PLACE,
        created_by="op",
        created_at=NOW,
        updated_at=NOW,
        assignments=(
            Assignment(
                id="as-1",
                incident_id="inc-1",
                unit_id="unit-urban_management",
                dispatched_by="op",
                dispatched_at=NOW,
            ),
        ),
        assisting_unit_ids=("unit-police",),
    )


def verdict(kind: VerificationVerdict, comment: str = "", shots: int = 1) -> Verdict:
    return Verdict(
        kind,
        tuple(Path(f"/tmp/shot{n}.png") for n in range(shots)),
        ("cam-1",),
        NOW + timedelta(minutes=5),
        comment,
    )


def test_pass_verifies_before_it_closes() -> None:
    steps = verdict_steps(incident(), verdict(VerificationVerdict.PASS, " 路面畅通 "))
    assert [s.purpose for s in steps] == ["start", "verification", "close"]
    assert {s.path.rsplit("/", 1)[0] for s in steps} == {"/incidents/inc-1"}
    check = steps[1]
    assert check.path == "/incidents/inc-1/verifications"
    assert check.body == {
        "verdict": "pass",
        "comment": "路面畅通",
        "camera_ids": ["cam-1"],
        "captured_at": NOW + timedelta(minutes=5),
    }
    assert check.files == (("media", "shot0.png", "image/png", Path("/tmp/shot0.png")),)
    assert steps[2].body == {"action": "close", "disposition": "resolved", "reason": "路面畅通"}


def test_already_verifying_needs_no_start() -> None:
    steps = verdict_steps(
        incident(IncidentState.VERIFYING), verdict(VerificationVerdict.PASS, shots=2)
    )
    assert [s.purpose for s in steps] == ["verification", "close"]
    assert len(steps[0].files) == 2


def test_fail_reopens_and_sends_back_to_the_same_units() -> None:
    steps = verdict_steps(incident(), verdict(VerificationVerdict.FAIL, "摊位仍在"))
    assert [s.purpose for s in steps] == ["start", "verification", "reopen", "dispatch"]
    assert steps[2].body == {"action": "reopen", "reason": "摊位仍在"}
    assert steps[3].body == {
        "action": "dispatch",
        "unit_id": "unit-urban_management",
        "instructions": "摊位仍在",
        "assisting_unit_ids": ["unit-police"],
    }


def test_fail_without_a_unit_only_reopens() -> None:
    bare = replace(incident(), assignments=())
    steps = verdict_steps(bare, verdict(VerificationVerdict.FAIL, "仍在"))
    assert [s.purpose for s in steps] == ["start", "verification", "reopen"]


@pytest.mark.parametrize(
    ("state", "given", "problem"),
    [
        (IncidentState.FEEDBACK, verdict(VerificationVerdict.PASS, shots=0), "snapshot"),
        (IncidentState.FEEDBACK, verdict(VerificationVerdict.FAIL, "   "), "reason"),
        (IncidentState.IN_PROGRESS, verdict(VerificationVerdict.PASS), "state"),
        (IncidentState.CLOSED, verdict(VerificationVerdict.FAIL, "x"), "state"),
    ],
)
def test_refusals(state: IncidentState, given: Verdict, problem: str) -> None:
    with pytest.raises(VerdictRefused) as refused:
        verdict_steps(incident(state), given)
    assert refused.value.problem == problem


def camera(camera_id: str, north_m: float, status: CameraStatus = CameraStatus.ONLINE) -> Camera:
    return Camera(
        id=camera_id,
        name=camera_id,
        kind=CameraKind.ROAD,
        region_id="r",
        position=GeoPoint(PLACE.lat + north_m / 111_320.0, PLACE.lon),
        status=status,
        owner_department_id="d",
    )


def test_named_cameras_first_then_the_nearest_online_ones() -> None:
    catalogue = [
        camera("far", 1_400),
        camera("near", 50),
        camera("named", 900),
        camera("offline", 10, CameraStatus.OFFLINE),
        camera("too-far", 5_000),
        camera("mid", 300),
    ]
    chosen = nearby_cameras(PLACE, ["named", "unknown"], catalogue, count=4)
    assert [c.camera_id for c in chosen] == ["named", "unknown", "near", "mid"]
    assert [c.named for c in chosen] == [True, True, False, False]
    assert chosen[0].metres == pytest.approx(900, rel=0.01)
    assert chosen[1].metres is None
    assert [c.camera_id for c in nearby_cameras(PLACE, [], catalogue, count=9)] == [
        "near",
        "mid",
        "named",
        "far",
    ]


def test_a_start_already_waiting_is_not_sent_twice() -> None:
    steps = verdict_steps(incident(), verdict(VerificationVerdict.PASS), start_queued=True)
    assert [s.purpose for s in steps] == ["verification", "close"]


def queued(entity: str, body: dict[str, Any]) -> OutboxItem:
    return OutboxItem(
        seq=1,
        idempotency_key="k",
        kind="incident.action",
        method="POST",
        path=entity + "/actions",
        body=body,
        encoding=Encoding.JSON,
        entity=entity,
        summary="",
        state=OutboxState.PENDING,
        attempts=0,
        created_at=NOW,
        updated_at=NOW,
        next_attempt_at=NOW,
    )


def test_start_waiting_looks_at_this_incident_only() -> None:
    start = {"action": "start_verification"}
    assert start_waiting([queued("/incidents/inc-1", start)], "inc-1")
    assert not start_waiting([queued("/incidents/inc-2", start)], "inc-1")
    assert not start_waiting([queued("/incidents/inc-1", {"action": "accept"})], "inc-1")
    assert not start_waiting([], "inc-1")


def test_a_start_delivered_after_the_feedback_counts_one_before_it_does_not() -> None:
    # The pane queued the start and it reached the server before the store heard of it: the
    # verdict must not start the verification again (the server would refuse it).
    start = {"action": "start_verification"}
    delivered = replace(queued("/incidents/inc-1", start), state=OutboxState.DELIVERED)
    feedback_before = NOW - timedelta(minutes=1)
    feedback_after = NOW + timedelta(minutes=1)
    assert start_waiting([delivered], "inc-1", feedback_before)
    assert not start_waiting([delivered], "inc-1", feedback_after)  # an earlier round's
    assert not start_waiting([delivered], "inc-1")
