"""Incidents: raising, listing, and moving them through the life cycle.

The domain's ``transition`` decides every move; this module loads the incident, passes the
caller's actor and the request's evidence, and writes the result back with its audit line and
its live event, all in the caller's one transaction.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, exists, false, func, or_, select
from sqlalchemy.orm import Session, selectinload

from console.domain.incident import (
    Action,
    Assignment,
    Disposition,
    Evidence,
    EvidenceMissing,
    Feedback,
    FeedbackResult,
    IllegalTransition,
    Incident,
    IncidentSource,
    IncidentState,
    NotPermitted,
    Priority,
    TransitionError,
    TransitionRecord,
    Verification,
    VerificationVerdict,
    allowed_actions,
    attach_verification,
    default_due_at,
    escalate,
    sla_update,
    transition,
    verification_since_feedback,
)
from console.domain.model import AlertStatus, GeoPoint, MediaKind, MediaRef, RegionKind, Role
from console.domain.privacy import mask_name, mask_phone
from console.domain.sla import GridLevel, Ladder, SlaLevel, SlaStep, SlaStepKind
from console.server.db.tables import (
    AlertRow,
    AssignmentRow,
    CameraRow,
    FeedbackPhotoRow,
    FeedbackRow,
    HistoryRow,
    IncidentCameraRow,
    IncidentMediaRow,
    IncidentRow,
    IncidentUnitRow,
    RegionRow,
    SlaHistoryRow,
    UnitRow,
    VerificationMediaRow,
    VerificationRow,
)
from console.server.services import audit, counters, events
from console.server.services.alert_rows import alert_of
from console.server.services.caller import Caller
from console.server.services.cameras import check_visible, visible_clause
from console.server.services.clock import new_id, utcnow
from console.server.services.errors import ApiError, Conflict, Invalid, NotFound
from console.server.services.media import IMAGE_TYPES, VIDEO_TYPES, MediaStore, Upload, media_of
from console.server.services.paging import decode_cursor, encode_cursor
from console.server.services.units import subtree_ids
from console.wire.alerts import alert_out
from console.wire.events import EventType
from console.wire.incidents import incident_out

logger = logging.getLogger(__name__)

# How far in the future a client clock may be before its capture time is refused.
_CLOCK_SKEW = timedelta(minutes=5)

# ----------------------------------------------------------------------------- rows <-> domain


def incident_of(row: IncidentRow) -> Incident:
    return Incident(
        id=row.id,
        number=row.number,
        title=row.title,
        category=row.category,
        priority=Priority(row.priority),
        source=IncidentSource(row.source),
        state=IncidentState(row.state),
        position=GeoPoint(row.lat, row.lon),
        created_by=row.created_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
        description=row.description,
        address=row.address,
        region_id=row.region_id,
        camera_ids=tuple(row.camera_ids),
        alert_ids=tuple(row.alert_ids),
        disposition=Disposition(row.disposition) if row.disposition else None,
        merged_into=row.merged_into,
        rework_count=row.rework_count,
        due_at=row.due_at,
        version=row.version,
        assignments=tuple(
            Assignment(
                id=a.id,
                incident_id=a.incident_id,
                unit_id=a.unit_id,
                dispatched_by=a.dispatched_by,
                dispatched_at=a.dispatched_at,
                instructions=a.instructions,
                due_at=a.due_at,
                signed_at=a.signed_at,
                feedback_at=a.feedback_at,
                returned_reason=a.returned_reason,
                active=a.active,
            )
            for a in row.assignments
        ),
        feedbacks=tuple(
            Feedback(
                id=f.id,
                incident_id=f.incident_id,
                unit_id=f.unit_id,
                author_id=f.author_id,
                reported_at=f.reported_at,
                result=FeedbackResult(f.result),
                text=f.text,
                photos=tuple(media_of(p.media) for p in f.photos),
            )
            for f in row.feedbacks
        ),
        verifications=tuple(
            Verification(
                id=v.id,
                incident_id=v.incident_id,
                verifier_id=v.verifier_id,
                captured_at=v.captured_at,
                verdict=VerificationVerdict(v.verdict),
                camera_ids=tuple(v.camera_ids),
                media=tuple(media_of(m.media) for m in v.media),
                comment=v.comment,
            )
            for v in row.verifications
        ),
        history=tuple(
            TransitionRecord(
                action=Action(h.action),
                actor_id=h.actor_id,
                from_state=IncidentState(h.from_state),
                to_state=IncidentState(h.to_state),
                at=h.at,
                reason=h.reason,
            )
            for h in row.history
        ),
        requested_due_at=row.requested_due_at,
        attachments=tuple(media_of(item.media) for item in row.attachments),
        caller_name=row.caller_name,
        caller_phone=row.caller_phone,
        assisting_unit_ids=tuple(row.assisting_unit_ids or ()),
        sla_level=SlaLevel(row.sla_level),
        ladder=Ladder(row.ladder),
        escalation=GridLevel(row.escalation) if row.escalation else None,
        sla_history=tuple(
            SlaStep(
                at=step.at,
                kind=SlaStepKind(step.kind),
                value=step.value,
                actor_id=step.actor_id,
                reason=step.reason,
            )
            for step in row.sla_history
        ),
    )


def _store(row: IncidentRow, incident: Incident) -> None:
    """Write ``incident`` into ``row``: scalars replaced, child lists updated or appended."""
    row.title = incident.title
    row.category = incident.category
    row.priority = int(incident.priority)
    row.state = incident.state.value
    row.description = incident.description
    row.address = incident.address
    row.region_id = incident.region_id
    row.camera_ids = list(incident.camera_ids)
    row.alert_ids = list(incident.alert_ids)
    row.disposition = incident.disposition.value if incident.disposition else None
    row.merged_into = incident.merged_into
    row.rework_count = incident.rework_count
    row.due_at = incident.due_at
    row.requested_due_at = incident.requested_due_at
    row.version = incident.version
    row.updated_at = incident.updated_at
    row.caller_name = incident.caller_name
    row.caller_phone = incident.caller_phone
    row.assisting_unit_ids = list(incident.assisting_unit_ids)
    row.sla_level = incident.sla_level.value
    row.ladder = incident.ladder.value
    row.escalation = incident.escalation.value if incident.escalation else None
    _sync_links(row, incident)

    for seq in range(len(row.sla_history), len(incident.sla_history)):
        step = incident.sla_history[seq]
        row.sla_history.append(
            SlaHistoryRow(
                incident_id=incident.id,
                seq=seq,
                at=step.at,
                kind=step.kind.value,
                value=step.value,
                actor_id=step.actor_id,
                reason=step.reason,
            )
        )

    by_id = {a.id: a for a in row.assignments}
    for seq, assignment in enumerate(incident.assignments):
        target = by_id.get(assignment.id)
        if target is None:
            target = AssignmentRow(id=assignment.id, incident_id=incident.id, seq=seq)
            row.assignments.append(target)
        target.unit_id = assignment.unit_id
        target.dispatched_by = assignment.dispatched_by
        target.dispatched_at = assignment.dispatched_at
        target.instructions = assignment.instructions
        target.due_at = assignment.due_at
        target.signed_at = assignment.signed_at
        target.feedback_at = assignment.feedback_at
        target.returned_reason = assignment.returned_reason
        target.active = assignment.active

    known = {f.id for f in row.feedbacks}
    for seq, feedback in enumerate(incident.feedbacks):
        if feedback.id in known:
            continue
        row.feedbacks.append(
            FeedbackRow(
                id=feedback.id,
                incident_id=incident.id,
                seq=seq,
                unit_id=feedback.unit_id,
                author_id=feedback.author_id,
                reported_at=feedback.reported_at,
                result=feedback.result.value,
                text=feedback.text,
                photos=[
                    FeedbackPhotoRow(position=i, media_id=photo.id)
                    for i, photo in enumerate(feedback.photos)
                ],
            )
        )

    known = {v.id for v in row.verifications}
    for seq, verification in enumerate(incident.verifications):
        if verification.id in known:
            continue
        row.verifications.append(
            VerificationRow(
                id=verification.id,
                incident_id=incident.id,
                seq=seq,
                verifier_id=verification.verifier_id,
                captured_at=verification.captured_at,
                verdict=verification.verdict.value,
                camera_ids=list(verification.camera_ids),
                comment=verification.comment,
                media=[
                    VerificationMediaRow(position=i, media_id=item.id)
                    for i, item in enumerate(verification.media)
                ],
            )
        )

    for seq in range(len(row.history), len(incident.history)):
        record = incident.history[seq]
        row.history.append(
            HistoryRow(
                incident_id=incident.id,
                seq=seq,
                action=record.action.value,
                actor_id=record.actor_id,
                from_state=record.from_state.value,
                to_state=record.to_state.value,
                at=record.at,
                reason=record.reason,
            )
        )


def _sync_links(row: IncidentRow, incident: Incident) -> None:
    """Keep the camera and unit link rows (what the read rule queries) equal to the incident's."""
    cameras = set(incident.camera_ids)
    row.cameras[:] = [link for link in row.cameras if link.camera_id in cameras]
    present = {link.camera_id for link in row.cameras}
    row.cameras.extend(
        IncidentCameraRow(incident_id=incident.id, camera_id=camera)
        for camera in incident.camera_ids
        if camera not in present
    )
    units = set(incident.unit_ids)
    row.units[:] = [link for link in row.units if link.unit_id in units]
    present = {link.unit_id for link in row.units}
    row.units.extend(
        IncidentUnitRow(incident_id=incident.id, unit_id=unit)
        for unit in incident.unit_ids
        if unit not in present
    )


def _with_children() -> tuple[Any, ...]:
    return (
        selectinload(IncidentRow.assignments),
        selectinload(IncidentRow.feedbacks),
        selectinload(IncidentRow.verifications),
        selectinload(IncidentRow.history),
        selectinload(IncidentRow.attachments),
        selectinload(IncidentRow.sla_history),
        selectinload(IncidentRow.cameras),
        selectinload(IncidentRow.units),
    )


# ----------------------------------------------------------------------------- refusals


class TransitionRefused(ApiError):
    """A refusal by the state machine, carrying the current state and the allowed actions."""


def refusal(error: TransitionError) -> ApiError:
    allowed = [action.value for action in error.allowed]
    extra: dict[str, Any] = {
        "current_state": error.current_state.value,
        "allowed_actions": allowed,
    }
    refused = TransitionRefused(error.message, code=error.code, **extra)
    if isinstance(error, IllegalTransition):
        refused.status = 409
    elif isinstance(error, NotPermitted):
        refused.status = 403
    elif isinstance(error, EvidenceMissing):
        refused.status = 422
        refused.fields = [(error.field, error.message)]
    return refused


# ----------------------------------------------------------------------------- visibility


def _visible(session: Session, caller: Caller) -> ColumnElement[bool] | None:
    """SQL condition: the incident row may be read by ``caller`` (None: every row).

    Administrators read all. Unit users read the incidents their unit, or a unit under it,
    was ever dispatched to or assists in. Operators and supervisors read an incident that
    names a camera their department may see; one that names no camera (a hotline call, a
    point on the map) when it lies in a village where their department may see a camera;
    one dispatched to a unit of their department; and one they raised themselves. An
    incident seen through cameras is as private as they are: a village where the department
    sees other cameras does not open it. Anything else answers 404 everywhere: the
    list, the record, its actions, its live events and its files.
    """
    if caller.is_admin:
        return None
    if caller.role is Role.UNIT:
        units = subtree_ids(session, caller.unit_id) if caller.unit_id else set()
        return exists().where(
            IncidentUnitRow.incident_id == IncidentRow.id, IncidentUnitRow.unit_id.in_(units)
        )
    if not caller.is_duty:
        return false()
    seen_camera = exists().where(
        IncidentCameraRow.incident_id == IncidentRow.id,
        CameraRow.id == IncidentCameraRow.camera_id,
        visible_clause(caller),
    )
    no_camera = ~exists().where(IncidentCameraRow.incident_id == IncidentRow.id)
    seen_region = no_camera & IncidentRow.region_id.in_(
        select(CameraRow.region_id).where(visible_clause(caller)).distinct()
    )
    own_units = exists().where(
        IncidentUnitRow.incident_id == IncidentRow.id,
        UnitRow.id == IncidentUnitRow.unit_id,
        UnitRow.department_id == caller.department_id,
    )
    return or_(seen_camera, seen_region, own_units, IncidentRow.created_by == caller.user_id)


def _load(session: Session, caller: Caller, incident_id: str, *, lock: bool) -> IncidentRow:
    query = select(IncidentRow).where(IncidentRow.id == incident_id).options(*_with_children())
    condition = _visible(session, caller)
    if condition is not None:
        query = query.where(condition)
    if lock:
        # PostgreSQL: one writer per incident at a time (SQLite serialises all writers).
        query = query.with_for_update(of=IncidentRow)
    row = session.scalar(query)
    if row is None:
        raise NotFound(f"no incident {incident_id}")
    return row


def get(session: Session, caller: Caller, incident_id: str) -> Incident:
    return incident_of(_load(session, caller, incident_id, lock=False))


def readable_ids(session: Session, caller: Caller, incident_ids: Collection[str]) -> set[str]:
    """Those of ``incident_ids`` that ``caller`` may read, by the rule of ``get``."""
    if not incident_ids:
        return set()
    query = select(IncidentRow.id).where(IncidentRow.id.in_(list(incident_ids)))
    condition = _visible(session, caller)
    if condition is not None:
        query = query.where(condition)
    return set(session.scalars(query))


def _announce(session: Session, incident: Incident, event_type: EventType) -> None:
    events.emit(
        session,
        event_type,
        incident_out(incident),
        unit_ids=incident.unit_ids,
        incident_id=incident.id,
    )


# ----------------------------------------------------------------------------- raising


@dataclass(frozen=True, slots=True)
class NewIncident:
    title: str
    category: str
    priority: Priority
    source: IncidentSource
    lat: float
    lon: float
    description: str = ""
    address: str = ""
    camera_ids: tuple[str, ...] = ()
    alert_ids: tuple[str, ...] = ()
    caller_name: str = ""
    caller_phone: str = ""


def _nearest_village(session: Session, lat: float, lon: float) -> str | None:
    rows = session.execute(
        select(RegionRow.id, RegionRow.lat, RegionRow.lon).where(
            RegionRow.kind == RegionKind.VILLAGE.value
        )
    ).all()
    if not rows:
        return None
    scale = math.cos(math.radians(lat))
    return str(min(rows, key=lambda r: (r.lat - lat) ** 2 + ((r.lon - lon) * scale) ** 2).id)


def create(
    session: Session,
    caller: Caller,
    new: NewIncident,
    *,
    store: MediaStore | None = None,
    snapshots: Sequence[Upload] = (),
    attach: Sequence[MediaRef] = (),
) -> Incident:
    """Raise an incident (state REPORTED); linked alerts become PROMOTED.

    ``snapshots`` (JPEG/PNG, checked like verification media, sha256 kept) become the
    report's ``attachments``; every file is checked before any is stored. ``attach`` adds
    files already stored (an alert's snapshot when the alert is promoted) before them.
    """
    caller.require(Role.OPERATOR, Role.SUPERVISOR)
    if snapshots and store is None:
        raise ValueError("snapshots need a media store")
    camera_ids = check_visible(session, caller, new.camera_ids, field="camera_ids")
    alert_ids = list(dict.fromkeys(new.alert_ids))
    alerts: list[AlertRow] = []
    for index, alert_id in enumerate(alert_ids):
        alert = session.scalar(
            select(AlertRow)
            .join(CameraRow, CameraRow.id == AlertRow.camera_id)
            .where(AlertRow.id == alert_id, visible_clause(caller))
        )
        if alert is None:
            raise Invalid(f"alert_ids.{index}", f"no alert {alert_id}")
        if alert.status == AlertStatus.PROMOTED.value:
            raise Invalid(f"alert_ids.{index}", f"alert {alert_id} already has an incident")
        alerts.append(alert)
    if store is not None:
        for index, upload in enumerate(snapshots):
            store.check(upload, field=f"snapshots.{index}", allowed=IMAGE_TYPES)

    now = utcnow()
    attachments = (
        *attach,
        *_save_snapshots(session, caller, store, snapshots, camera_ids, now),
    )
    sequence = counters.bump(session, f"incident:{now:%Y%m%d}")
    incident = Incident(
        id=new_id(),
        number=f"QH-{now:%Y%m%d}-{sequence:04d}",
        title=new.title.strip(),
        category=new.category.strip(),
        priority=new.priority,
        source=new.source,
        state=IncidentState.REPORTED,
        position=GeoPoint(new.lat, new.lon),
        created_by=caller.user_id,
        created_at=now,
        updated_at=now,
        description=new.description,
        address=new.address,
        region_id=_nearest_village(session, new.lat, new.lon),
        camera_ids=tuple(camera_ids),
        alert_ids=tuple(alert_ids),
        attachments=attachments,
        caller_name=new.caller_name.strip(),
        caller_phone=new.caller_phone.strip(),
        due_at=default_due_at(new.category, now),
    )
    incident = sla_update(incident, now)
    row = IncidentRow(
        id=incident.id,
        number=incident.number,
        source=incident.source.value,
        lat=new.lat,
        lon=new.lon,
        created_by=caller.user_id,
        created_at=now,
        assignments=[],
        feedbacks=[],
        verifications=[],
        history=[],
        sla_history=[],
        cameras=[],
        units=[],
        attachments=[
            IncidentMediaRow(position=i, media_id=item.id) for i, item in enumerate(attachments)
        ],
    )
    _store(row, incident)
    session.add(row)
    for alert in alerts:
        alert.status = AlertStatus.PROMOTED.value
        alert.incident_id = incident.id
        alert.handled_by = caller.user_id
        events.emit(
            session, EventType.ALERT_UPDATED, alert_out(alert_of(alert)), camera_id=alert.camera_id
        )
    audit.record(
        session,
        caller,
        "incident.create",
        entity_type="incident",
        entity_id=incident.id,
        detail={
            "number": incident.number,
            "source": incident.source.value,
            "attachments": [item.sha256 for item in attachments],
            **_masked_caller(incident),
        },
        at=now,
    )
    logger.info(
        "incident %s raised by %s (%s)%s",
        incident.number,
        caller.username,
        incident.source.value,
        "".join(f" {key}={value}" for key, value in _masked_caller(incident).items()),
    )
    _announce(session, incident, EventType.INCIDENT_CREATED)
    return incident


def _masked_caller(incident: Incident) -> dict[str, str]:
    """The hotline caller as the audit trail and the log may show them: masked."""
    found: dict[str, str] = {}
    if incident.caller_name:
        found["caller_name"] = mask_name(incident.caller_name)
    if incident.caller_phone:
        found["caller_phone"] = mask_phone(incident.caller_phone)
    return found


def _save_snapshots(
    session: Session,
    caller: Caller,
    store: MediaStore | None,
    snapshots: Sequence[Upload],
    camera_ids: Sequence[str],
    now: datetime,
) -> tuple[MediaRef, ...]:
    """Store the report's snapshots; one camera named means they show that camera."""
    if store is None or not snapshots:
        return ()
    camera = camera_ids[0] if len(camera_ids) == 1 else None
    saved = [
        store.save(
            session,
            caller,
            upload,
            kind=MediaKind.SNAPSHOT,
            field=f"snapshots.{index}",
            allowed=IMAGE_TYPES,
            captured_at=now,
            camera_id=camera,
        )
        for index, upload in enumerate(snapshots)
    ]
    session.flush()
    return tuple(media_of(row) for row in saved)


# ----------------------------------------------------------------------------- listing


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    states: tuple[IncidentState, ...] = ()
    priority: Priority | None = None
    unit_id: str | None = None
    q: str | None = None
    updated_since: datetime | None = None


def list_incidents(
    session: Session, caller: Caller, where: IncidentFilter, *, limit: int, cursor: str | None
) -> tuple[list[Incident], str | None, int]:
    """A page of incidents, most recently updated first, with the total match count."""
    conditions: list[ColumnElement[bool]] = []
    visible = _visible(session, caller)
    if visible is not None:
        conditions.append(visible)
    if where.states:
        conditions.append(IncidentRow.state.in_([s.value for s in where.states]))
    if where.priority is not None:
        conditions.append(IncidentRow.priority == int(where.priority))
    if where.unit_id:
        conditions.append(
            exists().where(
                AssignmentRow.incident_id == IncidentRow.id,
                AssignmentRow.unit_id.in_(subtree_ids(session, where.unit_id)),
                AssignmentRow.active.is_(True),
            )
        )
    if where.updated_since is not None:
        conditions.append(IncidentRow.updated_at >= where.updated_since)
    if where.q:
        pattern = "%" + where.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(
            or_(
                IncidentRow.title.like(pattern, escape="\\"),
                IncidentRow.number.like(pattern, escape="\\"),
                IncidentRow.address.like(pattern, escape="\\"),
                IncidentRow.description.like(pattern, escape="\\"),
            )
        )
    total = session.scalar(select(func.count()).select_from(IncidentRow).where(*conditions)) or 0
    query = (
        select(IncidentRow)
        .where(*conditions)
        .order_by(IncidentRow.updated_at.desc(), IncidentRow.id.desc())
        .limit(limit + 1)
        .options(*_with_children())
    )
    if cursor:
        stamp, last_id = decode_cursor(cursor, 2)
        try:
            before = datetime.fromisoformat(str(stamp))
        except ValueError:
            raise Invalid("cursor", "not a cursor this server issued") from None
        if before.tzinfo is None:
            raise Invalid("cursor", "not a cursor this server issued")
        query = query.where(
            or_(
                IncidentRow.updated_at < before,
                (IncidentRow.updated_at == before) & (IncidentRow.id < str(last_id)),
            )
        )
    rows = list(session.scalars(query))
    page = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        next_cursor = encode_cursor(page[-1].updated_at.isoformat(), page[-1].id)
    return [incident_of(row) for row in page], next_cursor, total


# ----------------------------------------------------------------------------- moving


@dataclass(frozen=True, slots=True)
class ActionRequest:
    action: Action
    expected_version: int | None = None
    reason: str = ""
    unit_id: str | None = None
    instructions: str = ""
    due_at: datetime | None = None
    category: str | None = None
    priority: Priority | None = None
    disposition: Disposition | None = None
    merged_into: str | None = None
    assisting_unit_ids: tuple[str, ...] = ()


def _check_version(incident: Incident, expected: int | None, caller: Caller) -> None:
    if expected is not None and expected != incident.version:
        raise Conflict(
            f"the incident is at version {incident.version}, not {expected}",
            code="version_conflict",
            current_version=incident.version,
            current_state=incident.state.value,
            allowed_actions=[a.value for a in allowed_actions(incident, caller.actor)],
        )


def _apply(
    session: Session,
    caller: Caller,
    row: IncidentRow,
    before: Incident,
    after: Incident,
    audit_action: str,
    detail: Mapping[str, object],
) -> Incident:
    after = sla_update(after, after.updated_at)
    _store(row, after)
    audit.record(
        session,
        caller,
        audit_action,
        entity_type="incident",
        entity_id=after.id,
        detail={
            "from": before.state.value,
            "to": after.state.value,
            "version": after.version,
            **detail,
        },
        at=after.updated_at,
    )
    _announce(session, after, EventType.INCIDENT_CHANGED)
    return after


def _closes_without_looking(incident: Incident, action: Action) -> bool:
    """Closing from verifying with no verification since the unit's latest feedback."""
    return (
        action is Action.CLOSE
        and incident.state is IncidentState.VERIFYING
        and verification_since_feedback(incident) is None
    )


def act(session: Session, caller: Caller, incident_id: str, request: ActionRequest) -> Incident:
    row = _load(session, caller, incident_id, lock=True)
    incident = incident_of(row)
    _check_version(incident, request.expected_version, caller)
    dispatching = request.action is Action.DISPATCH
    if dispatching and request.unit_id and session.get(UnitRow, request.unit_id) is None:
        raise Invalid("unit_id", f"no unit {request.unit_id}")
    if dispatching:
        for index, unit_id in enumerate(request.assisting_unit_ids):
            if session.get(UnitRow, unit_id) is None:
                raise Invalid(f"assisting_unit_ids.{index}", f"no unit {unit_id}")
    merging = request.action is Action.MERGE and request.merged_into
    if merging and not readable_ids(session, caller, [str(request.merged_into)]):
        raise Invalid("merged_into", f"no incident {request.merged_into}")
    due_at = request.due_at
    if request.action is Action.FILE and due_at is None and request.category:
        # Filing decides the category, and with it the time limit.
        due_at = default_due_at(request.category, incident.created_at)
    evidence = Evidence(
        reason=request.reason,
        unit_id=request.unit_id,
        assignment_id=new_id() if request.action is Action.DISPATCH else None,
        instructions=request.instructions,
        due_at=due_at,
        category=request.category,
        priority=request.priority,
        disposition=request.disposition,
        merged_into=request.merged_into,
        assisting_unit_ids=request.assisting_unit_ids if dispatching else (),
    )
    try:
        changed = transition(incident, request.action, caller.actor, evidence, at=utcnow())
    except TransitionError as error:
        raise refusal(error) from None
    detail: dict[str, object] = {}
    if request.reason.strip():
        detail["reason"] = request.reason.strip()[:500]
    if request.unit_id:
        detail["unit_id"] = request.unit_id
    if dispatching and request.assisting_unit_ids:
        detail["assisting_unit_ids"] = list(request.assisting_unit_ids)
    if request.disposition is not None:
        detail["disposition"] = request.disposition.value
    if _closes_without_looking(incident, request.action):
        # Only a supervisor gets here (the state machine refuses operators): the override
        # is marked in the trail so that it can be found and reviewed.
        detail["without_verification"] = True
    return _apply(
        session, caller, row, incident, changed, f"incident.{request.action.value}", detail
    )


def report_feedback(
    session: Session,
    caller: Caller,
    store: MediaStore,
    incident_id: str,
    *,
    result: FeedbackResult,
    text: str,
    photos: list[Upload],
    expected_version: int | None = None,
) -> Incident:
    """A unit's report (the ``report_feedback`` action) with its after-photos."""
    row = _load(session, caller, incident_id, lock=True)
    incident = incident_of(row)
    _check_version(incident, expected_version, caller)
    now = utcnow()
    feedback = Feedback(
        id=new_id(),
        incident_id=incident.id,
        unit_id=caller.unit_id or "",
        author_id=caller.user_id,
        reported_at=now,
        result=result,
        text=text,
    )
    action = Action.REPORT_FEEDBACK
    try:
        # Refuse before storing any file if the move itself is not possible.
        transition(incident, action, caller.actor, Evidence(feedback=feedback), at=now)
        for index, upload in enumerate(photos):
            store.check(upload, field=f"photos.{index}", allowed=IMAGE_TYPES)
        stored = tuple(
            media_of(
                store.save(
                    session,
                    caller,
                    upload,
                    kind=MediaKind.PHOTO,
                    field=f"photos.{index}",
                    allowed=IMAGE_TYPES,
                    captured_at=now,
                )
            )
            for index, upload in enumerate(photos)
        )
        session.flush()
        with_photos = replace(feedback, photos=stored)
        changed = transition(incident, action, caller.actor, Evidence(feedback=with_photos), at=now)
    except TransitionError as error:
        raise refusal(error) from None
    detail = {"result": result.value, "photos": [m.sha256 for m in stored]}
    return _apply(session, caller, row, incident, changed, "incident.report_feedback", detail)


def add_verification(
    session: Session,
    caller: Caller,
    store: MediaStore,
    incident_id: str,
    *,
    verdict: VerificationVerdict,
    comment: str,
    camera_ids: list[str],
    captured_at: datetime | None,
    media: list[Upload],
    expected_version: int | None = None,
) -> Incident:
    """The duty officer's video re-check with its proof (snapshots, clips), hashes kept."""
    row = _load(session, caller, incident_id, lock=True)
    incident = incident_of(row)
    _check_version(incident, expected_version, caller)
    now = utcnow()
    captured = captured_at or now
    if captured > now + _CLOCK_SKEW:
        raise Invalid("captured_at", "the capture time lies in the future")
    verification = Verification(
        id=new_id(),
        incident_id=incident.id,
        verifier_id=caller.user_id,
        captured_at=captured,
        verdict=verdict,
        comment=comment,
    )
    try:
        attach_verification(incident, verification, caller.actor, at=now)
        cameras = check_visible(session, caller, camera_ids, field="camera_ids")
        for index, upload in enumerate(media):
            store.check(upload, field=f"media.{index}", allowed=IMAGE_TYPES + VIDEO_TYPES)
        camera = cameras[0] if len(cameras) == 1 else None
        stored = []
        for index, upload in enumerate(media):
            saved = store.save(
                session,
                caller,
                upload,
                kind=MediaKind.SNAPSHOT,
                field=f"media.{index}",
                allowed=IMAGE_TYPES + VIDEO_TYPES,
                captured_at=captured,
                camera_id=camera,
            )
            if saved.content_type in VIDEO_TYPES:
                saved.kind = MediaKind.CLIP.value
            stored.append(media_of(saved))
        session.flush()
        complete = Verification(
            id=verification.id,
            incident_id=incident.id,
            verifier_id=caller.user_id,
            captured_at=captured,
            verdict=verdict,
            camera_ids=tuple(cameras),
            media=tuple(stored),
            comment=comment,
        )
        changed = attach_verification(incident, complete, caller.actor, at=now)
    except TransitionError as error:
        raise refusal(error) from None
    detail = {"verdict": verdict.value, "media": [m.sha256 for m in stored], "cameras": cameras}
    return _apply(session, caller, row, incident, changed, "incident.verification", detail)


def escalate_by_hand(
    session: Session,
    caller: Caller,
    incident_id: str,
    reason: str,
    *,
    expected_version: int | None = None,
) -> Incident:
    """Move the responsibility for the incident one grid level up (audited, announced)."""
    row = _load(session, caller, incident_id, lock=True)
    incident = incident_of(row)
    _check_version(incident, expected_version, caller)
    try:
        changed = escalate(incident, caller.actor, reason, at=utcnow())
    except TransitionError as error:
        raise refusal(error) from None
    _store(row, changed)
    audit.record(
        session,
        caller,
        "incident.escalate",
        entity_type="incident",
        entity_id=changed.id,
        detail={
            "from": incident.escalation.value if incident.escalation else None,
            "to": changed.escalation.value if changed.escalation else None,
            "reason": reason.strip()[:500],
            "version": changed.version,
        },
        at=changed.updated_at,
    )
    _announce(session, changed, EventType.INCIDENT_CHANGED)
    return changed


# ----------------------------------------------------------------------------- for the sweep


def lock_rows(session: Session, incident_ids: Collection[str]) -> list[IncidentRow]:
    """The incident rows with their children (loaded together), locked for writing,
    whoever may read them."""
    query = (
        select(IncidentRow)
        .where(IncidentRow.id.in_(list(incident_ids)))
        .options(*_with_children())
        .with_for_update(of=IncidentRow)
    )
    return list(session.scalars(query))


def stamped(incident: Incident, at: datetime) -> Incident:
    """``incident`` as a new version changed at ``at``."""
    return replace(incident, version=incident.version + 1, updated_at=at)


def save(session: Session, row: IncidentRow, incident: Incident) -> None:
    """Write ``incident`` into its row (the caller audits and announces)."""
    _store(row, incident)


def announce(session: Session, incident: Incident, event_type: EventType) -> None:
    """Publish ``incident`` on the event stream, for those who may read it."""
    _announce(session, incident, event_type)
