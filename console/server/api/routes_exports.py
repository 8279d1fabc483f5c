"""Evidence exports: workstation signing keys and the record of each export."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from console.server.api.deps import CallerDep, IdempotencyKey, PathId, QueryId, State, write
from console.server.api.errors import documented
from console.server.db.tables import EvidenceExportRow, WorkstationKeyRow
from console.server.services import evidence_exports
from console.wire.evidence import ExportIn, ExportOut, WorkstationKeyIn, WorkstationKeyOut

router = APIRouter(tags=["evidence"])


def _key_out(row: WorkstationKeyRow) -> WorkstationKeyOut:
    return WorkstationKeyOut(
        id=row.id,
        public_key=row.public_key,
        fingerprint=row.fingerprint,
        label=row.label,
        registered_by=row.registered_by,
        registered_at=row.registered_at,
    )


def _export_out(row: EvidenceExportRow) -> ExportOut:
    return ExportOut(
        id=row.id,
        manifest_sha256=row.manifest_sha256,
        key_id=row.key_id,
        key_fingerprint=row.key.fingerprint,
        camera_ids=list(row.camera_ids),
        start=row.start,
        end=row.end,
        incident_id=row.incident_id,
        officer=row.officer,
        exported_at=row.exported_at,
        file_count=row.file_count,
        total_bytes=row.total_bytes,
        exported_by=row.exported_by,
        recorded_at=row.recorded_at,
    )


@router.post(
    "/workstation-keys",
    response_model=WorkstationKeyOut,
    status_code=201,
    responses={
        **documented(400, 401, 403, 422),
        200: {"model": WorkstationKeyOut, "description": "already registered"},
    },
)
def register_workstation_key(
    body: WorkstationKeyIn,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Register a workstation's Ed25519 public key (201); a key registered before answers
    its stored record (200). Audited ``workstation_key.register``."""

    def work(session: Session) -> tuple[int, WorkstationKeyOut]:
        made, row = evidence_exports.register_key(session, caller, body.public_key, body.label)
        return (201 if made else 200), _key_out(row)

    return write(state, caller, idempotency_key, request, body.model_dump_json(), work)


@router.get(
    "/workstation-keys/{key_id}",
    response_model=WorkstationKeyOut,
    responses=documented(401, 404),
)
def get_workstation_key(key_id: PathId, caller: CallerDep, state: State) -> WorkstationKeyOut:
    """A registered public key (public: any signed-in user, to verify an export's origin)."""
    with state.db.read() as session:
        return _key_out(evidence_exports.get_key(session, key_id))


@router.post(
    "/exports",
    response_model=ExportOut,
    status_code=201,
    responses=documented(400, 401, 403, 422),
)
def record_export(
    body: ExportIn,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Record an evidence export made on a workstation; audited ``evidence.export``. With
    ``incident_id`` the export is attached to that incident (which the caller must read)."""

    def work(session: Session) -> tuple[int, ExportOut]:
        row = evidence_exports.record_export(
            session,
            caller,
            evidence_exports.NewExport(
                manifest_sha256=body.manifest_sha256,
                key_id=body.key_id,
                camera_ids=list(body.camera_ids),
                start=body.start,
                end=body.end,
                incident_id=body.incident_id,
                officer=body.officer,
                exported_at=body.exported_at,
                file_count=body.file_count,
                total_bytes=body.total_bytes,
            ),
        )
        session.flush()
        return 201, _export_out(row)

    return write(state, caller, idempotency_key, request, body.model_dump_json(), work)


@router.get("/exports", response_model=list[ExportOut], responses=documented(401, 404))
def list_exports(caller: CallerDep, state: State, incident_id: QueryId = None) -> list[ExportOut]:
    """Newest first: the exports attached to ``incident_id`` (404 unless the caller may read
    the incident), or else those the caller may read (their own, and those on incidents
    they may read; supervisors and administrators: all)."""
    with state.db.read() as session:
        rows = evidence_exports.list_exports(session, caller, incident_id=incident_id)
        return [_export_out(r) for r in rows]


@router.get("/exports/{export_id}", response_model=ExportOut, responses=documented(401, 404))
def get_export(export_id: PathId, caller: CallerDep, state: State) -> ExportOut:
    with state.db.read() as session:
        return _export_out(evidence_exports.get_export(session, caller, export_id))
