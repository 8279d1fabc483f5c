"""Alerts: machine detections an operator acknowledges, dismisses or promotes to an incident."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from console.domain.incident import Incident, IncidentSource, Priority
from console.domain.model import Alert, AlertKind, AlertStatus, MediaKind, Role
from console.server.db.tables import AlertRow, CameraRow
from console.server.services import audit, events, incidents
from console.server.services.alert_rows import alert_of
from console.server.services.caller import Caller
from console.server.services.cameras import camera_row, visible_clause
from console.server.services.clock import new_id, utcnow
from console.server.services.errors import Conflict, Invalid, NotFound
from console.server.services.media import IMAGE_TYPES, MediaStore, Upload
from console.server.services.paging import decode_cursor, encode_cursor
from console.wire.alerts import alert_out
from console.wire.events import EventType

# What an operator may still do with an alert in each status.
_NEXT: dict[AlertStatus, tuple[str, ...]] = {
    AlertStatus.NEW: ("acknowledge", "dismiss", "promote", "merge"),
    AlertStatus.ACKNOWLEDGED: ("dismiss", "promote", "merge"),
    AlertStatus.DISMISSED: (),
    AlertStatus.PROMOTED: (),
    AlertStatus.MERGED: (),
}

DUPLICATE_WINDOW = timedelta(minutes=10)
"""An alert of the same camera and kind detected this soon after another is suggested as its
duplicate."""

_DEFAULT_PRIORITY = {
    AlertKind.SMOKE_FIRE: Priority.P1,
    AlertKind.CROWD: Priority.P2,
    AlertKind.INTRUSION: Priority.P2,
}

_LABELS = {
    AlertKind.SMOKE_FIRE: "Smoke or fire",
    AlertKind.STREET_VENDOR: "Street vendor on the road",
    AlertKind.CROWD: "Crowd gathering",
    AlertKind.ILLEGAL_PARKING: "Illegal parking",
    AlertKind.GARBAGE: "Garbage piled up",
    AlertKind.INTRUSION: "Intrusion",
}


@dataclass(frozen=True, slots=True)
class AlertFilter:
    statuses: tuple[AlertStatus, ...] = ()
    kind: AlertKind | None = None
    since: datetime | None = None


def _readable(caller: Caller, *columns: Any) -> Select[Any]:
    """``select(*columns)`` limited to the alerts ``caller`` may read: those of visible cameras."""
    return (
        select(*columns)
        .join(CameraRow, CameraRow.id == AlertRow.camera_id)
        .where(visible_clause(caller))
    )


def list_alerts(
    session: Session, caller: Caller, where: AlertFilter, *, limit: int, cursor: str | None
) -> tuple[list[Alert], str | None, int]:
    """Alerts on cameras the caller may see, newest first."""
    conditions: list[ColumnElement[bool]] = []
    if where.statuses:
        conditions.append(AlertRow.status.in_([s.value for s in where.statuses]))
    if where.kind is not None:
        conditions.append(AlertRow.kind == where.kind.value)
    if where.since is not None:
        conditions.append(AlertRow.detected_at >= where.since)
    base = _readable(caller, AlertRow).where(*conditions)
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    query = base.order_by(AlertRow.detected_at.desc(), AlertRow.id.desc()).limit(limit + 1)
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
                AlertRow.detected_at < before,
                (AlertRow.detected_at == before) & (AlertRow.id < str(last_id)),
            )
        )
    rows = list(session.scalars(query))
    page = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        next_cursor = encode_cursor(page[-1].detected_at.isoformat(), page[-1].id)
    return [alert_of(row) for row in page], next_cursor, total


def readable_ids(session: Session, caller: Caller, alert_ids: Collection[str]) -> set[str]:
    """Those of ``alert_ids`` that ``caller`` may read, by the rule of ``get_alert``."""
    if not alert_ids:
        return set()
    query = _readable(caller, AlertRow.id).where(AlertRow.id.in_(list(alert_ids)))
    return set(session.scalars(query))


def _visible_alert(session: Session, caller: Caller, alert_id: str, *, lock: bool) -> AlertRow:
    query = _readable(caller, AlertRow).where(AlertRow.id == alert_id)
    if lock:
        query = query.with_for_update(of=AlertRow)
    row: AlertRow | None = session.scalar(query)
    if row is None:
        raise NotFound(f"no alert {alert_id}")
    return row


def get_alert(session: Session, caller: Caller, alert_id: str) -> Alert:
    return alert_of(_visible_alert(session, caller, alert_id, lock=False))


def _handle(session: Session, caller: Caller, alert_id: str, step: str) -> AlertRow:
    caller.require(Role.OPERATOR, Role.SUPERVISOR)
    row = _visible_alert(session, caller, alert_id, lock=True)
    status = AlertStatus(row.status)
    if step not in _NEXT[status]:
        raise Conflict(
            f"cannot {step} an alert that is {status.value}",
            code="illegal_transition",
            current_state=status.value,
            allowed_actions=list(_NEXT[status]),
        )
    return row


def _changed(session: Session, caller: Caller, row: AlertRow, step: str) -> Alert:
    alert = alert_of(row)
    audit.record(session, caller, f"alert.{step}", entity_type="alert", entity_id=row.id)
    events.emit(session, EventType.ALERT_UPDATED, alert_out(alert), camera_id=row.camera_id)
    return alert


def acknowledge(session: Session, caller: Caller, alert_id: str) -> Alert:
    row = _handle(session, caller, alert_id, "acknowledge")
    row.status = AlertStatus.ACKNOWLEDGED.value
    row.handled_by = caller.user_id
    return _changed(session, caller, row, "acknowledge")


def dismiss(session: Session, caller: Caller, alert_id: str, reason: str) -> Alert:
    row = _handle(session, caller, alert_id, "dismiss")
    if not reason.strip():
        raise Invalid("reason", "say why the alert is dismissed")
    row.status = AlertStatus.DISMISSED.value
    row.handled_by = caller.user_id
    row.dismiss_reason = reason.strip()
    return _changed(session, caller, row, "dismiss")


def promote(
    session: Session,
    caller: Caller,
    alert_id: str,
    *,
    title: str | None,
    category: str | None,
    priority: Priority | None,
) -> Incident:
    """Raise an incident from the alert (source ``alert``); the alert becomes PROMOTED."""
    row = _handle(session, caller, alert_id, "promote")
    kind = AlertKind(row.kind)
    camera = session.get(CameraRow, row.camera_id)
    place = camera.name if camera is not None else row.camera_id
    new = incidents.NewIncident(
        title=title or f"{_LABELS[kind]} — {place}"[:200],
        category=category or kind.value,
        priority=priority or _DEFAULT_PRIORITY.get(kind, Priority.P3),
        source=IncidentSource.ALERT,
        lat=row.lat,
        lon=row.lon,
        camera_ids=(row.camera_id,),
        alert_ids=(row.id,),
    )
    snapshot = alert_of(row).snapshot
    incident = incidents.create(
        session, caller, new, attach=(snapshot,) if snapshot is not None else ()
    )
    audit.record(
        session,
        caller,
        "alert.promote",
        entity_type="alert",
        entity_id=row.id,
        detail={"incident_id": incident.id},
    )
    return incident


def merge(session: Session, caller: Caller, alert_id: str, into: str) -> Alert:
    """Mark the alert a duplicate of ``into`` (status ``merged``); ``into`` counts one more
    duplicate. Both changes are announced; the merge is audited."""
    row = _handle(session, caller, alert_id, "merge")
    if into == row.id:
        raise Invalid("into", "an alert cannot be merged into itself")
    target = session.scalar(
        _readable(caller, AlertRow).where(AlertRow.id == into).with_for_update(of=AlertRow)
    )
    if target is None:
        raise Invalid("into", f"no alert {into}")
    if target.status == AlertStatus.MERGED.value:
        raise Conflict(
            f"alert {into} is itself merged into {target.merged_into}; merge into that one",
            code="conflict",
        )
    row.status = AlertStatus.MERGED.value
    row.merged_into = target.id
    row.handled_by = caller.user_id
    target.duplicate_count = (target.duplicate_count or 0) + 1
    audit.record(
        session,
        caller,
        "alert.merge",
        entity_type="alert",
        entity_id=row.id,
        detail={"into": target.id, "camera_id": row.camera_id, "kind": row.kind},
    )
    merged = alert_of(row)
    events.emit(session, EventType.ALERT_UPDATED, alert_out(merged), camera_id=row.camera_id)
    events.emit(
        session, EventType.ALERT_UPDATED, alert_out(alert_of(target)), camera_id=target.camera_id
    )
    return merged


def _original_of(session: Session, camera_id: str, kind: str, detected_at: datetime) -> str | None:
    """The alert a new detection most likely repeats: the latest one of the same camera and
    kind in the window before it that is not itself a duplicate or a false alarm."""
    query = (
        select(AlertRow.id)
        .where(
            AlertRow.camera_id == camera_id,
            AlertRow.kind == kind,
            AlertRow.detected_at <= detected_at,
            AlertRow.detected_at >= detected_at - DUPLICATE_WINDOW,
            AlertRow.status.not_in([AlertStatus.MERGED.value, AlertStatus.DISMISSED.value]),
        )
        .order_by(AlertRow.detected_at.desc(), AlertRow.id.desc())
        .limit(1)
    )
    found = session.scalar(query)
    return str(found) if found is not None else None


@dataclass(frozen=True, slots=True)
class NewAlert:
    kind: AlertKind
    camera_id: str
    confidence: float
    detected_at: datetime | None = None
    lat: float | None = None
    lon: float | None = None


def ingest(
    session: Session,
    caller: Caller | None,
    store: MediaStore,
    new: NewAlert,
    snapshot: Upload | None,
) -> Alert:
    """Record a detection from the field (a simulator or an analytics box); emits alert.created.

    ``caller`` None means an in-process producer; over HTTP only administrators ingest.
    """
    if caller is not None:
        caller.require(Role.ADMIN)
        camera = camera_row(session, caller, new.camera_id)
    else:
        found = session.get(CameraRow, new.camera_id)
        if found is None:
            raise NotFound(f"no camera {new.camera_id}")
        camera = found
    detected_at = new.detected_at or utcnow()
    original = _original_of(session, camera.id, new.kind.value, detected_at)
    media_row = None
    if snapshot is not None:
        media_row = store.save(
            session,
            caller,
            snapshot,
            kind=MediaKind.SNAPSHOT,
            field="snapshot",
            allowed=IMAGE_TYPES,
            captured_at=detected_at,
            camera_id=camera.id,
        )
    row = AlertRow(
        id=new_id(),
        kind=new.kind.value,
        camera_id=camera.id,
        lat=new.lat if new.lat is not None else camera.lat,
        lon=new.lon if new.lon is not None else camera.lon,
        detected_at=detected_at,
        confidence=new.confidence,
        status=AlertStatus.NEW.value,
        snapshot=media_row,
        suggested_duplicate_of=original,
        duplicate_count=0,
    )
    session.add(row)
    alert = alert_of(row)
    events.emit(session, EventType.ALERT_CREATED, alert_out(alert), camera_id=camera.id)
    return alert
