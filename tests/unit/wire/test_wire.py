"""The wire schemas: strict requests, tolerant responses, faithful domain round trips."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from console.domain import (
    Action,
    Actor,
    Evidence,
    Feedback,
    FeedbackResult,
    GeoPoint,
    Incident,
    IncidentSource,
    IncidentState,
    MediaKind,
    MediaRef,
    Priority,
    Role,
    Verification,
    VerificationVerdict,
    attach_verification,
    transition,
)
from console.domain.model import Camera, CameraKind, CameraStatus, Unit, UnitKind, UnitStatus
from console.wire import (
    ActionIn,
    CameraOut,
    IncidentIn,
    IncidentOut,
    LoginIn,
    UnitOut,
    camera_out,
    incident_out,
    unit_out,
)

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
OP = Actor("user-op", Role.OPERATOR)
UNIT = Actor("user-unit", Role.UNIT, "unit-1")


def _walked_incident() -> Incident:
    incident = Incident(
        id="inc-1",
        number="QH-20260301-0001",
        title="占道经营",
        category="street_vendor",
        priority=Priority.P3,
        source=IncidentSource.ALERT,
        state=IncidentState.REPORTED,
        position=GeoPoint(19.24, 110.47),
        created_by="user-op",
        created_at=T0,
        updated_at=T0,
        camera_ids=("cam-1",),
        alert_ids=("alert-1",),
    )
    step = iter(range(1, 100))

    def at() -> datetime:
        return T0 + timedelta(minutes=next(step))

    incident = transition(incident, Action.ACCEPT, OP, at=at())
    incident = transition(
        incident, Action.FILE, OP, Evidence(category="vendor", priority=Priority.P2), at=at()
    )
    incident = transition(
        incident, Action.DISPATCH, OP, Evidence(unit_id="unit-1", assignment_id="a-1"), at=at()
    )
    incident = transition(incident, Action.SIGN, UNIT, at=at())
    incident = transition(incident, Action.START, UNIT, at=at())
    photo = MediaRef("m-1", MediaKind.PHOTO, "ab" * 32, "image/jpeg", 10, T0)
    feedback = Feedback(
        "f-1", "inc-1", "unit-1", "user-unit", at(), FeedbackResult.FIXED, "done", (photo,)
    )
    incident = transition(
        incident, Action.REPORT_FEEDBACK, UNIT, Evidence(feedback=feedback), at=at()
    )
    proof = MediaRef("m-2", MediaKind.SNAPSHOT, "cd" * 32, "image/png", 20, at(), "cam-1")
    verification = Verification(
        "v-1",
        "inc-1",
        "user-op",
        proof.captured_at,
        VerificationVerdict.PASS,
        ("cam-1",),
        (proof,),
        "ok",
    )
    return attach_verification(incident, verification, OP, at=at())


def test_an_incident_survives_the_round_trip_through_json() -> None:
    incident = _walked_incident()
    wire = incident_out(incident)
    again = IncidentOut.model_validate_json(wire.model_dump_json())
    assert again.to_domain() == incident
    assert again.state == "feedback"
    assert again.feedbacks[0].photos[0].sha256 == "ab" * 32


def test_cameras_and_units_round_trip() -> None:
    camera = Camera(
        "c1",
        "路口",
        CameraKind.ROAD,
        "r1",
        GeoPoint(19.1, 110.2),
        CameraStatus.ONLINE,
        "d1",
        frozenset({"d2", "d3"}),
        True,
    )
    assert CameraOut.model_validate_json(camera_out(camera).model_dump_json()).to_domain() == camera
    unit = Unit(
        "u1", "警车", UnitKind.MEMBER, "u0", "d1", UnitStatus.EN_ROUTE, GeoPoint(19.0, 110.0), T0
    )
    assert UnitOut.model_validate_json(unit_out(unit).model_dump_json()).to_domain() == unit
    nowhere = Unit("u2", "队", UnitKind.TEAM, None, "d1")
    assert unit_out(nowhere).to_domain() == nowhere


def test_requests_refuse_unknown_fields_nan_nul_and_naive_times() -> None:
    good = {
        "title": "t",
        "category": "c",
        "priority": 1,
        "source": "operator",
        "lat": 19.0,
        "lon": 110.0,
    }
    IncidentIn.model_validate(good)
    for bad in (
        {**good, "surprise": 1},
        {**good, "lat": float("nan")},
        {**good, "lat": 91},
        {**good, "title": "a\x00b"},
        {**good, "title": ""},
        {**good, "priority": 7},
    ):
        with pytest.raises(ValidationError):
            IncidentIn.model_validate(bad)
    with pytest.raises(ValidationError):
        ActionIn.model_validate({"action": "request_delay", "due_at": "2026-03-01T08:00:00"})
    assert (
        ActionIn.model_validate(
            {"action": "request_delay", "due_at": "2026-03-01T08:00:00Z"}
        ).due_at
        == T0
    )
    with pytest.raises(ValidationError):
        ActionIn.model_validate({"action": "teleport"})
    with pytest.raises(ValidationError):
        LoginIn.model_validate({"username": "x"})


def test_responses_ignore_fields_a_newer_server_adds() -> None:
    body = incident_out(_walked_incident()).model_dump(mode="json")
    body["brand_new_field"] = {"anything": True}
    assert IncidentOut.model_validate(body).id == "inc-1"
