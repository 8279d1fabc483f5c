"""Incidents: raise, list, read, act, feedback and verification uploads."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import AwareDatetime, ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData
from starlette.datastructures import UploadFile as ReceivedFile

from console.domain.categories import CATEGORIES
from console.domain.incident import (
    FeedbackResult,
    IncidentState,
    Priority,
    VerificationVerdict,
)
from console.server.api.deps import (
    CallerDep,
    IdempotencyKey,
    PathId,
    QueryText,
    State,
    clean_text,
    read_upload,
    write,
)
from console.server.api.errors import documented
from console.server.services import incidents
from console.server.services.errors import ApiError, Invalid
from console.server.services.media import Upload
from console.wire.common import NO_NUL, Statement
from console.wire.incidents import (
    ActionIn,
    CategoryOut,
    EscalateIn,
    IncidentIn,
    IncidentOut,
    IncidentPage,
    category_out,
    incident_out,
)

router = APIRouter(tags=["incidents"])

_MAX_FILES = 20
_SNAPSHOTS = "snapshots"
# Lists travel as comma lists in forms (as in the verification form and the console's outbox).
_LIST_FIELDS = ("camera_ids", "alert_ids")


class UnsupportedMediaType(ApiError):
    status = 415
    code = "unsupported_media_type"


@dataclass(frozen=True, slots=True)
class _Report:
    """``POST /incidents`` as received: the fields, and the snapshot files when multipart."""

    body: IncidentIn
    snapshots: list[ReceivedFile]


def _refused(error: ValidationError) -> RequestValidationError:
    """Pydantic's complaint about the body, reported like FastAPI's own body validation."""
    return RequestValidationError(
        [
            {**e, "loc": ("body", *e.get("loc", ()))}
            for e in error.errors(include_url=False, include_context=False)
        ]
    )


def _json_report(raw: bytes) -> _Report:
    try:
        data = json.loads(raw)
    except ValueError:
        raise RequestValidationError(
            [{"type": "json_invalid", "loc": ("body",), "msg": "JSON decode error"}]
        ) from None
    try:
        return _Report(IncidentIn.model_validate(data), [])
    except ValidationError as error:
        raise _refused(error) from None


def _form_report(form: FormData) -> _Report:
    fields: dict[str, Any] = {}
    snapshots: list[ReceivedFile] = []
    for name, value in form.multi_items():
        if name == _SNAPSHOTS:
            if not isinstance(value, ReceivedFile):
                raise Invalid(_SNAPSHOTS, "expected files")
            snapshots.append(value)
        elif isinstance(value, ReceivedFile):
            raise Invalid(name, "expected a text field, not a file")
        elif name in fields:
            raise Invalid(name, "given more than once")
        else:
            fields[name] = value
    for name in _LIST_FIELDS:
        if name in fields:
            text = clean_text(fields[name], name)
            fields[name] = [part.strip() for part in text.split(",") if part.strip()]
    try:
        return _Report(IncidentIn.model_validate(fields), snapshots)
    except ValidationError as error:
        raise _refused(error) from None


async def _report(request: Request) -> AsyncIterator[_Report]:
    """The incident to raise, from a JSON body or from multipart form fields plus files."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == "multipart/form-data":
        form = await request.form(max_files=_MAX_FILES + 1, max_fields=len(_FORM_FIELDS) + 1)
        try:
            yield _form_report(form)
        finally:
            await form.close()
    elif media_type in ("", "application/json") or media_type.endswith("+json"):
        yield _json_report(await request.body())
    else:
        raise UnsupportedMediaType(
            f"send application/json, or multipart/form-data with {_SNAPSHOTS} files"
        )


ReportDep = Annotated[_Report, Depends(_report)]


def _request_body_schemas() -> tuple[dict[str, Any], dict[str, Any]]:
    """The JSON and the multipart schema of ``POST /incidents``, for the OpenAPI document.

    The enums are referenced from the components the response models put there.
    """
    json_schema = IncidentIn.model_json_schema(ref_template="#/components/schemas/{model}")
    json_schema.pop("$defs", None)
    properties = dict(json_schema["properties"])
    for name in _LIST_FIELDS:
        properties[name] = {
            "type": "string",
            "maxLength": 10_000,
            "pattern": NO_NUL,
            "default": "",
            "description": "comma list of ids",
            "title": properties[name]["title"],
        }
    properties[_SNAPSHOTS] = {
        "type": "array",
        "maxItems": _MAX_FILES,
        "items": {"type": "string", "contentMediaType": "application/octet-stream"},
        "description": "evidence at report: image/jpeg or image/png files (sha256 kept)",
        "title": "Snapshots",
    }
    form_schema = {
        "type": "object",
        "title": "IncidentForm",
        "description": "Raise an incident (上报) with snapshots: the JSON fields as form "
        "fields, lists as comma lists.",
        "properties": properties,
        "required": json_schema["required"],
        "additionalProperties": False,
    }
    return json_schema, form_schema


_JSON_SCHEMA, _FORM_SCHEMA = _request_body_schemas()
_FORM_FIELDS = tuple(_FORM_SCHEMA["properties"])


@router.post(
    "/incidents",
    response_model=IncidentOut,
    status_code=201,
    responses=documented(400, 401, 403, 413, 415, 422),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": _JSON_SCHEMA},
                "multipart/form-data": {"schema": _FORM_SCHEMA},
            },
        }
    },
)
def create_incident(
    request: Request,
    caller: CallerDep,
    state: State,
    report: ReportDep,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Raise an incident (state ``reported``); linked alerts become ``promoted``.

    Send JSON, or multipart/form-data with the same fields (lists as comma lists) plus
    ``snapshots`` files (JPEG/PNG), which become the report's ``attachments``.
    """
    body = report.body
    uploads = _files(report.snapshots, _SNAPSHOTS, state.media.max_bytes)
    new = incidents.NewIncident(
        title=body.title,
        category=body.category,
        priority=body.priority,
        source=body.source,
        lat=body.lat,
        lon=body.lon,
        description=body.description,
        address=body.address,
        camera_ids=tuple(body.camera_ids),
        alert_ids=tuple(body.alert_ids),
        caller_name=body.caller_name,
        caller_phone=body.caller_phone,
    )
    payload = body.model_dump_json()
    if uploads:
        payload = repr((payload, [_digest(u) for u in uploads]))

    def work(session: Session) -> tuple[int, IncidentOut]:
        created = incidents.create(session, caller, new, store=state.media, snapshots=uploads)
        return 201, incident_out(created)

    return write(state, caller, idempotency_key, request, payload, work)


def _states(value: str | None) -> tuple[IncidentState, ...]:
    if not value:
        return ()
    try:
        return tuple(IncidentState(part.strip()) for part in value.split(",") if part.strip())
    except ValueError:
        raise Invalid("state", "a state or a comma list of states") from None


@router.get("/incidents", response_model=IncidentPage, responses=documented(401, 422))
def list_incidents(
    caller: CallerDep,
    state: State,
    state_filter: Annotated[
        str | None,
        Query(
            alias="state", max_length=300, pattern=NO_NUL, description="one state or a comma list"
        ),
    ] = None,
    priority: Priority | None = None,
    unit_id: Annotated[
        str | None,
        Query(
            max_length=64,
            pattern=NO_NUL,
            description="active assignment to this unit or one under it",
        ),
    ] = None,
    q: QueryText = None,
    updated_since: AwareDatetime | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    cursor: Annotated[str | None, Query(max_length=500, pattern=NO_NUL)] = None,
) -> IncidentPage:
    """Incidents the caller may read, most recently updated first: unit users those their
    unit leads or assists in; operators and supervisors those their department's cameras or
    villages cover, those dispatched to its units and those they raised; administrators all."""
    where = incidents.IncidentFilter(
        states=_states(state_filter),
        priority=priority,
        unit_id=unit_id,
        q=q or None,
        updated_since=updated_since,
    )
    with state.db.read() as session:
        items, next_cursor, total = incidents.list_incidents(
            session, caller, where, limit=limit, cursor=cursor
        )
    return IncidentPage(
        items=[incident_out(i) for i in items], next_cursor=next_cursor, total=total
    )


@router.get("/incidents/{incident_id}", response_model=IncidentOut, responses=documented(401, 404))
def get_incident(incident_id: PathId, caller: CallerDep, state: State) -> IncidentOut:
    with state.db.read() as session:
        return incident_out(incidents.get(session, caller, incident_id))


@router.post(
    "/incidents/{incident_id}/actions",
    response_model=IncidentOut,
    responses=documented(400, 401, 403, 404, 409, 422),
)
def act(
    incident_id: PathId,
    body: ActionIn,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """One step of the life cycle, decided by the state machine. 409 ``illegal_transition``
    (with ``current_state`` and ``allowed_actions``), 409 ``version_conflict`` when
    ``expected_version`` is stale, 403 ``not_permitted``, 422 ``evidence_missing``."""
    action = incidents.ActionRequest(
        action=body.action,
        expected_version=body.expected_version,
        reason=body.reason,
        unit_id=body.unit_id,
        instructions=body.instructions,
        due_at=body.due_at,
        category=body.category,
        priority=body.priority,
        disposition=body.disposition,
        merged_into=body.merged_into,
        assisting_unit_ids=tuple(body.assisting_unit_ids),
    )
    return write(
        state,
        caller,
        idempotency_key,
        request,
        body.model_dump_json(),
        lambda session: (200, incident_out(incidents.act(session, caller, incident_id, action))),
    )


def _files(items: Sequence[ReceivedFile] | None, field: str, max_bytes: int) -> list[Upload]:
    uploads = list(items or [])
    if len(uploads) > _MAX_FILES:
        raise Invalid(field, f"at most {_MAX_FILES} files")
    return [read_upload(u, f"{field}.{i}", max_bytes) for i, u in enumerate(uploads)]


def _digest(upload: Upload) -> str:
    return hashlib.sha256(upload.data).hexdigest()


@router.post(
    "/incidents/{incident_id}/feedback",
    response_model=IncidentOut,
    responses=documented(400, 401, 403, 404, 409, 413, 422),
)
def feedback(
    incident_id: PathId,
    request: Request,
    caller: CallerDep,
    state: State,
    result: Annotated[FeedbackResult, Form()],
    text: Annotated[Statement, Form()],
    photos: Annotated[
        list[UploadFile] | None, File(description="after-photos: image/jpeg or image/png")
    ] = None,
    expected_version: Annotated[int | None, Form(ge=1)] = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """The assigned unit reports what it did (the ``report_feedback`` action), with photos."""
    uploads = _files(photos, "photos", state.media.max_bytes)
    payload = repr((result, text, expected_version, [_digest(u) for u in uploads]))

    def work(session: Session) -> tuple[int, IncidentOut]:
        incident = incidents.report_feedback(
            session,
            caller,
            state.media,
            incident_id,
            result=result,
            text=text,
            photos=uploads,
            expected_version=expected_version,
        )
        return 200, incident_out(incident)

    return write(state, caller, idempotency_key, request, payload, work)


@router.post(
    "/incidents/{incident_id}/verifications",
    response_model=IncidentOut,
    status_code=201,
    responses=documented(400, 401, 403, 404, 409, 413, 422),
)
def verification(
    incident_id: PathId,
    request: Request,
    caller: CallerDep,
    state: State,
    verdict: Annotated[VerificationVerdict, Form()],
    comment: Annotated[str, Form(max_length=10_000, pattern=NO_NUL)] = "",
    camera_ids: Annotated[
        str, Form(max_length=10_000, pattern=NO_NUL, description="comma list")
    ] = "",
    captured_at: Annotated[AwareDatetime | None, Form()] = None,
    media: Annotated[
        list[UploadFile] | None,
        File(description="proof: image/jpeg, image/png or video/mp4 (sha256 kept)"),
    ] = None,
    expected_version: Annotated[int | None, Form(ge=1)] = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """The duty officer's video re-check of the site, in ``feedback`` or ``verifying``."""
    comment = clean_text(comment, "comment")
    cameras = [c.strip() for c in clean_text(camera_ids, "camera_ids").split(",") if c.strip()]
    uploads = _files(media, "media", state.media.max_bytes)
    payload = repr(
        (verdict, comment, cameras, captured_at, expected_version, [_digest(u) for u in uploads])
    )

    def work(session: Session) -> tuple[int, IncidentOut]:
        incident = incidents.add_verification(
            session,
            caller,
            state.media,
            incident_id,
            verdict=verdict,
            comment=comment,
            camera_ids=cameras,
            captured_at=captured_at,
            media=uploads,
            expected_version=expected_version,
        )
        return 201, incident_out(incident)

    return write(state, caller, idempotency_key, request, payload, work)


@router.post(
    "/incidents/{incident_id}/escalate",
    response_model=IncidentOut,
    responses=documented(400, 401, 403, 404, 409, 422),
)
def escalate(
    incident_id: PathId,
    body: EscalateIn,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Move the responsibility one grid level up (household → group → village → town →
    city), by an operator or a supervisor, with a reason. 409 ``illegal_transition`` when the
    incident is finished or already at the city. Time limits also escalate by themselves:
    one level when the overdue ladder reaches ``report``, one more per further half window."""
    return write(
        state,
        caller,
        idempotency_key,
        request,
        body.model_dump_json(),
        lambda session: (
            200,
            incident_out(
                incidents.escalate_by_hand(
                    session,
                    caller,
                    incident_id,
                    body.reason,
                    expected_version=body.expected_version,
                )
            ),
        ),
    )


@router.get("/categories", response_model=list[CategoryOut], responses=documented(401))
def categories(caller: CallerDep) -> list[CategoryOut]:
    """The category catalogue: minor categories (an incident's ``category``) with their major
    category, time limit and warning thresholds, leading department and first grid level."""
    return [category_out(item) for item in CATEGORIES]
