"""Incidents and everything attached to them: assignments, feedback, verifications, history."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AwareDatetime, Field, StringConstraints, computed_field

from console.domain.categories import Category, category
from console.domain.incident import (
    SLA_TIMED_STATES,
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
from console.domain.sla import GridLevel, Ladder, SlaLevel, SlaStep, SlaStepKind, sla_times
from console.wire.common import (
    NO_NUL,
    Ident,
    Latitude,
    Longitude,
    Name,
    Page,
    RequestModel,
    Statement,
    Text,
    WireModel,
)
from console.wire.media import MediaOut, media_out

CallerName = Annotated[str, StringConstraints(max_length=100, pattern=NO_NUL)]
"""A hotline caller's name; may be empty."""

CallerPhone = Annotated[str, StringConstraints(max_length=40, pattern=r"^[0-9+\-() ]*$")]
"""A hotline caller's phone number: digits, ``+``, ``-``, parentheses and spaces; may be empty."""


class IncidentIn(RequestModel):
    """Raise an incident (上报). ``caller_name``/``caller_phone``: the hotline caller, if any."""

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
    caller_name: CallerName = ""
    caller_phone: CallerPhone = ""


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
    assisting_unit_ids: list[Ident] = Field(default_factory=list, max_length=20)


class EscalateIn(RequestModel):
    """Move the responsibility for an incident one grid level up, by hand."""

    reason: Statement
    expected_version: int | None = Field(default=None, ge=1)


class SlaOut(WireModel):
    """The incident's time limit on the server's clock.

    The ``*_at`` instants are when it turns yellow, orange, red, overdue (``due_at``), is
    put under supervision and is reported to the supervisor; ``level``, ``ladder`` and
    ``escalation`` are what the server has recorded so far. ``running`` is false while the
    clock is stopped (after feedback, while suspended, at the end).
    """

    started_at: datetime
    due_at: datetime
    yellow_at: datetime
    orange_at: datetime
    red_at: datetime
    supervise_at: datetime
    report_at: datetime
    level: SlaLevel
    ladder: Ladder
    escalation: GridLevel | None = None
    running: bool = True


class SlaStepOut(WireModel):
    """One entry of the time-limit timeline (``actor_id`` ``system`` for the server)."""

    at: datetime
    kind: SlaStepKind
    value: str
    actor_id: str
    reason: str = ""

    def to_domain(self) -> SlaStep:
        return SlaStep(
            at=self.at, kind=self.kind, value=self.value, actor_id=self.actor_id, reason=self.reason
        )


class CategoryOut(WireModel):
    """A minor category (小类) of the catalogue with its major (大类) and time limit."""

    code: str
    major: str
    name: str
    major_name: str
    handle_hours: float
    yellow: float
    orange: float
    red: float
    lead_department: str
    start_level: GridLevel


def category_out(item: Category) -> CategoryOut:
    policy = item.policy
    return CategoryOut(
        code=item.code,
        major=item.major,
        name=item.name,
        major_name=item.major_name,
        handle_hours=policy.handle.total_seconds() / 3600,
        yellow=policy.yellow,
        orange=policy.orange,
        red=policy.red,
        lead_department=item.lead_department,
        start_level=item.start_level,
    )


def sla_out(
    code: str,
    created_at: datetime,
    due_at: datetime | None,
    state: IncidentState,
    level: SlaLevel,
    ladder: Ladder,
    escalation: GridLevel | None,
) -> SlaOut | None:
    """The time limit by the category ``code``'s policy; None without a deadline."""
    if due_at is None:
        return None
    times = sla_times(created_at, due_at, category(code).policy)
    return SlaOut(
        started_at=times.started_at,
        due_at=times.due_at,
        yellow_at=times.yellow_at,
        orange_at=times.orange_at,
        red_at=times.red_at,
        supervise_at=times.supervise_at,
        report_at=times.report_at,
        level=level,
        ladder=ladder,
        escalation=escalation,
        running=state in SLA_TIMED_STATES,
    )


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
    caller_name: str = ""
    caller_phone: str = ""
    assisting_unit_ids: list[str] = []
    sla_level: SlaLevel = SlaLevel.NORMAL
    ladder: Ladder = Ladder.NONE
    escalation: GridLevel | None = None
    sla_history: list[SlaStepOut] = []

    # Derived from the fields above by the shared catalogue, so that every copy of an
    # incident (the server's answer, the console's store) shows the same limit.
    @computed_field  # type: ignore[prop-decorator]
    @property
    def major_category(self) -> str:
        """The major category (大类) of ``category``."""
        return category(self.category).major

    @computed_field  # type: ignore[prop-decorator]
    @property
    def sla(self) -> SlaOut | None:
        """The time limit on the server's clock; None without a deadline."""
        return sla_out(
            self.category,
            self.created_at,
            self.due_at,
            self.state,
            self.sla_level,
            self.ladder,
            self.escalation,
        )

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
            caller_name=self.caller_name,
            caller_phone=self.caller_phone,
            assisting_unit_ids=tuple(self.assisting_unit_ids),
            sla_level=self.sla_level,
            ladder=self.ladder,
            escalation=self.escalation,
            sla_history=tuple(step.to_domain() for step in self.sla_history),
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


def sla_step_out(step: SlaStep) -> SlaStepOut:
    return SlaStepOut(
        at=step.at, kind=step.kind, value=step.value, actor_id=step.actor_id, reason=step.reason
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
        caller_name=incident.caller_name,
        caller_phone=incident.caller_phone,
        assisting_unit_ids=list(incident.assisting_unit_ids),
        sla_level=incident.sla_level,
        ladder=incident.ladder,
        escalation=incident.escalation,
        sla_history=[sla_step_out(step) for step in incident.sla_history],
    )


class IncidentPage(Page[IncidentOut]):
    """A page of incidents, most recently updated first."""
