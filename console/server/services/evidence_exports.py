"""Workstation keys and the record of evidence exports; every change is audited.

A workstation registers its Ed25519 public key once; registering the same key again answers
the stored record. An export is recorded by whoever made it on a duty workstation, naming
its key, the cameras (which the caller must be able to see) and, optionally, an incident the
caller may read: that attaches the export to the incident.

Reading an export: its maker, supervisors and administrators, and whoever may read the
incident it is attached to. Anyone else gets 404, as for a record that does not exist.
Public keys are not secret: any signed-in user may read one, to verify an export.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from console.domain.model import Role
from console.server.db.tables import EvidenceExportRow, WorkstationKeyRow
from console.server.services import audit, incidents
from console.server.services.caller import Caller
from console.server.services.cameras import visible_camera_ids
from console.server.services.clock import new_id, utcnow
from console.server.services.errors import Invalid, NotFound

MAX_LISTED = 500
_MAKERS = (Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN)


def _raw_key(text: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise Invalid("public_key", "not base64") from None
    try:
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise Invalid("public_key", "not an Ed25519 public key (32 bytes)") from None
    return raw


def fingerprint(raw: bytes) -> str:
    return "SHA256:" + hashlib.sha256(raw).hexdigest()


def register_key(
    session: Session, caller: Caller, public_key: str, label: str
) -> tuple[bool, WorkstationKeyRow]:
    """(made now, the record) for ``public_key``; audited ``workstation_key.register``."""
    caller.require(*_MAKERS)
    raw = _raw_key(public_key)
    name = fingerprint(raw)
    existing = session.scalar(
        select(WorkstationKeyRow).where(WorkstationKeyRow.fingerprint == name)
    )
    if existing is not None:
        return False, existing
    row = WorkstationKeyRow(
        id=new_id(),
        public_key=base64.b64encode(raw).decode("ascii"),
        fingerprint=name,
        label=label,
        registered_by=caller.user_id,
        registered_at=utcnow(),
    )
    session.add(row)
    audit.record(
        session,
        caller,
        "workstation_key.register",
        entity_type="workstation_key",
        entity_id=row.id,
        detail={"fingerprint": name, "label": label},
    )
    return True, row


def get_key(session: Session, key_id: str) -> WorkstationKeyRow:
    row = session.get(WorkstationKeyRow, key_id)
    if row is None:
        raise NotFound(f"no workstation key {key_id}")
    return row


@dataclass(frozen=True, slots=True)
class NewExport:
    manifest_sha256: str
    key_id: str
    camera_ids: list[str]
    start: datetime
    end: datetime
    incident_id: str | None
    officer: str
    exported_at: datetime
    file_count: int
    total_bytes: int


def record_export(session: Session, caller: Caller, new: NewExport) -> EvidenceExportRow:
    """Store the record of an export; audited ``evidence.export`` (with the incident)."""
    caller.require(*_MAKERS)
    if new.end <= new.start:
        raise Invalid("end", "the range must end after it starts")
    key = session.get(WorkstationKeyRow, new.key_id)
    if key is None:
        raise Invalid("key_id", f"no registered workstation key {new.key_id}")
    visible = visible_camera_ids(session, caller)
    unseen = [c for c in new.camera_ids if visible is not None and c not in visible]
    if unseen:
        raise Invalid("camera_ids", f"no camera {unseen[0]}")
    if new.incident_id is not None and not incidents.readable_ids(
        session, caller, [new.incident_id]
    ):
        raise Invalid("incident_id", f"no incident {new.incident_id}")
    row = EvidenceExportRow(
        id=new_id(),
        manifest_sha256=new.manifest_sha256,
        key_id=key.id,
        camera_ids=sorted(set(new.camera_ids)),
        start=new.start,
        end=new.end,
        incident_id=new.incident_id,
        officer=new.officer,
        exported_at=new.exported_at,
        file_count=new.file_count,
        total_bytes=new.total_bytes,
        exported_by=caller.user_id,
        recorded_at=utcnow(),
    )
    row.key = key
    session.add(row)
    audit.record(
        session,
        caller,
        "evidence.export",
        entity_type="incident" if new.incident_id else "evidence_export",
        entity_id=new.incident_id or row.id,
        detail={
            "export_id": row.id,
            "manifest_sha256": row.manifest_sha256,
            "key_fingerprint": key.fingerprint,
            "camera_ids": row.camera_ids,
            "start": row.start.isoformat(),
            "end": row.end.isoformat(),
            "officer": row.officer,
            "files": row.file_count,
            "bytes": row.total_bytes,
        },
    )
    return row


def _sees_all(caller: Caller) -> bool:
    return caller.role in (Role.SUPERVISOR, Role.ADMIN)


def get_export(session: Session, caller: Caller, export_id: str) -> EvidenceExportRow:
    row = session.get(EvidenceExportRow, export_id)
    if row is None or not _readable(session, caller, row):
        raise NotFound(f"no export {export_id}")
    return row


def _readable(session: Session, caller: Caller, row: EvidenceExportRow) -> bool:
    if _sees_all(caller) or row.exported_by == caller.user_id:
        return True
    return bool(row.incident_id and incidents.readable_ids(session, caller, [row.incident_id]))


def list_exports(
    session: Session, caller: Caller, *, incident_id: str | None = None
) -> list[EvidenceExportRow]:
    """Newest first. With ``incident_id``: the exports attached to that incident (404 when
    the caller may not read it); otherwise the ones the caller may read."""
    query = (
        select(EvidenceExportRow)
        .order_by(EvidenceExportRow.recorded_at.desc(), EvidenceExportRow.id)
        .limit(MAX_LISTED)
    )
    if incident_id is not None:
        if not incidents.readable_ids(session, caller, [incident_id]):
            raise NotFound(f"no incident {incident_id}")
        return list(session.scalars(query.where(EvidenceExportRow.incident_id == incident_id)))
    if not _sees_all(caller):
        readable_incidents = incidents.readable_ids(
            session,
            caller,
            set(
                session.scalars(
                    select(EvidenceExportRow.incident_id).where(
                        EvidenceExportRow.incident_id.is_not(None)
                    )
                )
            ),
        )
        query = query.where(
            or_(
                EvidenceExportRow.exported_by == caller.user_id,
                EvidenceExportRow.incident_id.in_(readable_incidents),
            )
        )
    return list(session.scalars(query))
