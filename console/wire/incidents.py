"""Incidents and everything attached to them: assignments, feedback, verifications, history."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, Field

from console.domain.incident import (
    Action,
    Assignment,
    Disposition,
    Feedback,
    FeedbackResult,
    Incident,
    IncidentSource,
    IncidentState,
    Priority,
    TransitionRecord,
    Verification,
    VerificationVerdict,
)
from console.domain.model import GeoPoint
from console.wire.common import (
    Ident,
    Latitude,
    Longitude,
    Name,
    Page,
    RequestModel,
    Text,
    WireModel,
)
from console.wire.media import MediaOut, media_out


class IncidentIn(RequestModel):
    """Raise an incident (上报)."""

    title: Name
    category: Name
    priority: Priority
    source: IncidentSource
    lat: Latitude
    lon: Longitude
    description: Text = ""
    address: Text = ""
    camera_ids: list[Ident] = Field(default_factory=list, max_length=100)
    alert_ids: list[Ident] = Field(default_factory=list, max_length=100)


class ActionIn(RequestModel):
    """One step of the life cycle. Only the fields the action needs are read.

    ``expected_version``: when given and the incident has moved on, the answer is 409
    ``version_conflict`` and nothing changes.
    """

    action: Action
    expected_version: int | None = Field(default=None, ge=1)
    reason: Text = ""
    unit_id: Ident | None = None
    instructions: Text = ""
    due_at: AwareDatetime | None = None
    category: Name | None = None
    priority: Priority | None = None
    disposition: Disposition | None = None
    merged_into: Ident | None = None


class AssignmentOut(WireModel):
    id: str
    incident_id: str
    unit_id: str
    dispatched_by: str
    dispatched_at: datetime
    instructions: str = ""
    due_at: datetime | None = None
    signed_at: datetime | None = None
    feedback_at: datetime | None = None
    returned_reason: str | None = None
    active: bool = True

    def to_domain(self) -> Assignment:
        return Assignment(**self.model_dump())


class FeedbackOut(WireModel):
    id: str
    incident_id: str
    unit_id: str
    author_id: str
    reported_at: datetime
    result: FeedbackResult
    text: str
    photos: list[MediaOut] = []

    def to_domain(self) -> Feedback:
        return Feedback(
            id=self.id,
            incident_id=self.incident_id,
            unit_id=self.unit_id,
            author_id=self.author_id,
            reported_at=self.reported_at,
            result=self.result,
            text=self.text,
            photos=tuple(photo.to_domain() for photo in self.photos),
        )


class VerificationOut(WireModel):
    id: str
    incident_id: str
    verifier_id: str
    captured_at: datetime
    verdict: VerificationVerdict
    camera_ids: list[str] = []
    media: list[MediaOut] = []
    comment: str = ""

    def to_domain(self) -> Verification:
        return Verification(
            id=self.id,
            incident_id=self.incident_id,
            verifier_id=self.verifier_id,
            captured_at=self.captured_at,
            verdict=self.verdict,
            camera_ids=tuple(self.camera_ids),
            media=tuple(item.to_domain() for item in self.media),
            comment=self.comment,
        )


class TransitionOut(WireModel):
    """One line of an incident's history."""

    action: Action
    actor_id: str
    from_state: IncidentState
    to_state: IncidentState
    at: datetime
    reason: str = ""

    def to_domain(self) -> TransitionRecord:
        return TransitionRecord(**self.model_dump())


class IncidentOut(WireModel):
    """An incident with everything attached to it. ``attachments`` is the evidence sent with
    the report itself (snapshots at 上报); fetch each from ``GET /media/{id}``."""

    id: str
    number: str
    title: str
    category: str
    priority: Priority
    source: IncidentSource
    state: IncidentState
    lat: float
    lon: float
    created_by: str
    created_at: datetime
    updated_at: datetime
    description: str = ""
    address: str = ""
    region_id: str | None = None
    camera_ids: list[str] = []
    alert_ids: list[str] = []
    disposition: Disposition | None = None
    merged_into: str | None = None
    rework_count: int = 0
    due_at: datetime | None = None
    requested_due_at: datetime | None = None
    version: int = 1
    assignments: list[AssignmentOut] = []
    feedbacks: list[FeedbackOut] = []
    verifications: list[VerificationOut] = []
    history: list[TransitionOut] = []
    attachments: list[MediaOut] = []

    def to_domain(self) -> Incident:
        return Incident(
            id=self.id,
            number=self.number,
            title=self.title,
            category=self.category,
            priority=self.priority,
            source=self.source,
            state=self.state,
            position=GeoPoint(self.lat, self.lon),
            created_by=self.created_by,
            created_at=self.created_at,
            updated_at=self.updated_at,
            description=self.description,
            address=self.address,
            region_id=self.region_id,
            camera_ids=tuple(self.camera_ids),
            alert_ids=tuple(self.alert_ids),
            disposition=self.disposition,
            merged_into=self.merged_into,
            rework_count=self.rework_count,
            due_at=self.due_at,
            version=self.version,
            assignments=tuple(a.to_domain() for a in self.assignments),
            feedbacks=tuple(f.to_domain() for f in self.feedbacks),
            verifications=tuple(v.to_domain() for v in self.verifications),
            history=tuple(h.to_domain() for h in self.history),
            requested_due_at=self.requested_due_at,
            attachments=tuple(item.to_domain() for item in self.attachments),
        )


def assignment_out(assignment: Assignment) -> AssignmentOut:
    return AssignmentOut(
        id=assignment.id,
        incident_id=assignment.incident_id,
        unit_id=assignment.unit_id,
        dispatched_by=assignment.dispatched_by,
        dispatched_at=assignment.dispatched_at,
        instructions=assignment.instructions,
        due_at=assignment.due_at,
        signed_at=assignment.signed_at,
        feedback_at=assignment.feedback_at,
        returned_reason=assignment.returned_reason,
        active=assignment.active,
    )


def feedback_out(feedback: Feedback) -> FeedbackOut:
    return FeedbackOut(
        id=feedback.id,
        incident_id=feedback.incident_id,
        unit_id=feedback.unit_id,
        author_id=feedback.author_id,
        reported_at=feedback.reported_at,
        result=feedback.result,
        text=feedback.text,
        photos=[media_out(photo) for photo in feedback.photos],
    )


def verification_out(verification: Verification) -> VerificationOut:
    return VerificationOut(
        id=verification.id,
        incident_id=verification.incident_id,
        verifier_id=verification.verifier_id,
        captured_at=verification.captured_at,
        verdict=verification.verdict,
        camera_ids=list(verification.camera_ids),
        media=[media_out(item) for item in verification.media],
        comment=verification.comment,
    )


def transition_out(record: TransitionRecord) -> TransitionOut:
    return TransitionOut(
        action=record.action,
        actor_id=record.actor_id,
        from_state=record.from_state,
        to_state=record.to_state,
        at=record.at,
        reason=record.reason,
    )


def incident_out(incident: Incident) -> IncidentOut:
    return IncidentOut(
        id=incident.id,
        number=incident.number,
        title=incident.title,
        category=incident.category,
        priority=incident.priority,
        source=incident.source,
        state=incident.state,
        lat=incident.position.lat,
        lon=incident.position.lon,
        created_by=incident.created_by,
        created_at=incident.created_at,
        updated_at=incident.updated_at,
        description=incident.description,
        address=incident.address,
        region_id=incident.region_id,
        camera_ids=list(incident.camera_ids),
        alert_ids=list(incident.alert_ids),
        disposition=incident.disposition,
        merged_into=incident.merged_into,
        rework_count=incident.rework_count,
        due_at=incident.due_at,
        requested_due_at=incident.requested_due_at,
        version=incident.version,
        assignments=[assignment_out(a) for a in incident.assignments],
        feedbacks=[feedback_out(f) for f in incident.feedbacks],
        verifications=[verification_out(v) for v in incident.verifications],
        history=[transition_out(h) for h in incident.history],
        attachments=[media_out(item) for item in incident.attachments],
    )


class IncidentPage(Page[IncidentOut]):
    """A page of incidents, most recently updated first."""
