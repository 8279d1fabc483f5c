"""Alerts: listing, handling, promotion, and ingest from the field."""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response
from pydantic import AwareDatetime
from sqlalchemy.orm import Session

from console.domain.model import AlertKind, AlertStatus
from console.server.api.deps import CallerDep, IdempotencyKey, PathId, State, read_upload, write
from console.server.api.errors import documented
from console.server.services import alerts
from console.server.services.errors import Invalid
from console.wire.alerts import AlertOut, AlertPage, DismissIn, MergeIn, PromoteIn, alert_out
from console.wire.common import NO_NUL
from console.wire.incidents import IncidentOut, incident_out

router = APIRouter(tags=["alerts"])


def _statuses(value: str | None) -> tuple[AlertStatus, ...]:
    if not value:
        return ()
    try:
        return tuple(AlertStatus(part.strip()) for part in value.split(",") if part.strip())
    except ValueError:
        allowed = ", ".join(s.value for s in AlertStatus)
        raise Invalid("status", f"a comma list of: {allowed}") from None


@router.get("/alerts", response_model=AlertPage, responses=documented(401, 422))
def list_alerts(
    caller: CallerDep,
    state: State,
    status: Annotated[
        str | None, Query(max_length=200, pattern=NO_NUL, description="one status or a comma list")
    ] = None,
    kind: AlertKind | None = None,
    since: AwareDatetime | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    cursor: Annotated[str | None, Query(max_length=500, pattern=NO_NUL)] = None,
) -> AlertPage:
    """Alerts on cameras the caller may see, newest first."""
    where = alerts.AlertFilter(statuses=_statuses(status), kind=kind, since=since)
    with state.db.read() as session:
        items, next_cursor, total = alerts.list_alerts(
            session, caller, where, limit=limit, cursor=cursor
        )
    return AlertPage(items=[alert_out(a) for a in items], next_cursor=next_cursor, total=total)


@router.get("/alerts/{alert_id}", response_model=AlertOut, responses=documented(401, 404))
def get_alert(alert_id: PathId, caller: CallerDep, state: State) -> AlertOut:
    with state.db.read() as session:
        return alert_out(alerts.get_alert(session, caller, alert_id))


@router.post(
    "/alerts",
    response_model=AlertOut,
    status_code=201,
    responses=documented(400, 401, 403, 404, 413, 422),
    summary="Ingest a detection (administrators: analytics boxes, the field simulator)",
)
def ingest_alert(
    request: Request,
    caller: CallerDep,
    state: State,
    kind: Annotated[AlertKind, Form()],
    camera_id: Annotated[str, Form(min_length=1, max_length=64, pattern=NO_NUL)],
    confidence: Annotated[float, Form(ge=0.0, le=1.0)],
    idempotency_key: IdempotencyKey = None,
    detected_at: Annotated[AwareDatetime | None, Form()] = None,
    lat: Annotated[float | None, Form(ge=-90, le=90)] = None,
    lon: Annotated[float | None, Form(ge=-180, le=180)] = None,
    snapshot: Annotated[UploadFile | None, File(description="image/jpeg or image/png")] = None,
) -> Response:
    """Creates a NEW alert and an ``alert.created`` event. Multipart form; ``snapshot``
    optional. Position defaults to the camera's."""
    upload = (
        read_upload(snapshot, "snapshot", state.media.max_bytes) if snapshot is not None else None
    )
    new = alerts.NewAlert(
        kind=kind,
        camera_id=camera_id,
        confidence=confidence,
        detected_at=detected_at,
        lat=lat,
        lon=lon,
    )
    payload = repr((new, hashlib.sha256(upload.data).hexdigest() if upload else None))

    def work(session: Session) -> tuple[int, AlertOut]:
        alert = alerts.ingest(session, caller, state.media, new, upload)
        return 201, alert_out(alert)

    return write(state, caller, idempotency_key, request, payload, work)


@router.post(
    "/alerts/{alert_id}/acknowledge",
    response_model=AlertOut,
    responses=documented(400, 401, 403, 404, 409, 422),
)
def acknowledge(
    alert_id: PathId,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    return write(
        state,
        caller,
        idempotency_key,
        request,
        "",
        lambda session: (200, alert_out(alerts.acknowledge(session, caller, alert_id))),
    )


@router.post(
    "/alerts/{alert_id}/dismiss",
    response_model=AlertOut,
    responses=documented(400, 401, 403, 404, 409, 422),
)
def dismiss(
    alert_id: PathId,
    body: DismissIn,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    return write(
        state,
        caller,
        idempotency_key,
        request,
        body.model_dump_json(),
        lambda session: (200, alert_out(alerts.dismiss(session, caller, alert_id, body.reason))),
    )


@router.post(
    "/alerts/{alert_id}/merge",
    response_model=AlertOut,
    responses=documented(400, 401, 403, 404, 409, 422),
)
def merge(
    alert_id: PathId,
    body: MergeIn,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Mark the alert a duplicate of ``into`` (status ``merged``, ``merged_into``); the
    other alert's ``duplicate_count`` grows. Both are announced as ``alert.updated``. 409
    when this alert is already handled or ``into`` is itself merged."""
    return write(
        state,
        caller,
        idempotency_key,
        request,
        body.model_dump_json(),
        lambda session: (200, alert_out(alerts.merge(session, caller, alert_id, body.into))),
    )


@router.post(
    "/alerts/{alert_id}/promote",
    response_model=IncidentOut,
    status_code=201,
    responses=documented(400, 401, 403, 404, 409, 422),
)
def promote(
    alert_id: PathId,
    request: Request,
    caller: CallerDep,
    state: State,
    body: PromoteIn | None = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Raise an incident from the alert (source ``alert``); body fields are optional."""
    body = body or PromoteIn()

    def work(session: Session) -> tuple[int, IncidentOut]:
        incident = alerts.promote(
            session,
            caller,
            alert_id,
            title=body.title,
            category=body.category,
            priority=body.priority,
        )
        return 201, incident_out(incident)

    return write(state, caller, idempotency_key, request, body.model_dump_json(), work)
