"""Who may download a stored file: whoever may read a record that holds it.

A file is held by incidents (evidence sent with the report, a unit's after-photos, the duty
officer's verification proof) and by alerts (their snapshot). Each holder is read by its own
rule (``incidents.readable_ids``, ``alerts.readable_ids``), so a file is exactly as visible as
the record it belongs to. A file held by no record but taken from a camera is read by the
camera's rule. A file held by nothing at all is an administrator's business only. Patrol
records hold no files. Refusals are 404, as for the holders themselves, so that probing ids
reveals nothing. Every download is audited (``media.download``) with the holder it went
through.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.server.db.tables import (
    AlertRow,
    FeedbackPhotoRow,
    FeedbackRow,
    IncidentMediaRow,
    MediaRow,
    VerificationMediaRow,
    VerificationRow,
)
from console.server.services import alerts, audit, incidents
from console.server.services.caller import Caller
from console.server.services.cameras import camera_row
from console.server.services.errors import NotFound
from console.server.services.media import MediaStore


@dataclass(frozen=True, slots=True)
class Holder:
    """A record a file belongs to: ``kind`` is ``incident``, ``alert`` or ``camera``."""

    kind: str
    id: str


def _incidents_holding(session: Session, media_id: str) -> set[str]:
    attached = select(IncidentMediaRow.incident_id).where(IncidentMediaRow.media_id == media_id)
    photographed = (
        select(FeedbackRow.incident_id)
        .join(FeedbackPhotoRow, FeedbackPhotoRow.feedback_id == FeedbackRow.id)
        .where(FeedbackPhotoRow.media_id == media_id)
    )
    verified = (
        select(VerificationRow.incident_id)
        .join(VerificationMediaRow, VerificationMediaRow.verification_id == VerificationRow.id)
        .where(VerificationMediaRow.media_id == media_id)
    )
    return set(session.scalars(attached.union(photographed, verified)))


def _alerts_holding(session: Session, media_id: str) -> set[str]:
    return set(session.scalars(select(AlertRow.id).where(AlertRow.snapshot_id == media_id)))


def _readable_holder(session: Session, caller: Caller, row: MediaRow) -> Holder | None:
    """The first holder of ``row`` that ``caller`` may read; None when nothing holds it and
    the caller is an administrator. Raises ``NotFound`` otherwise."""
    refused = NotFound(f"no media {row.id}")
    incident_ids = _incidents_holding(session, row.id)
    alert_ids = _alerts_holding(session, row.id)
    if incident_ids or alert_ids:
        readable = sorted(incidents.readable_ids(session, caller, incident_ids))
        if readable:
            return Holder("incident", readable[0])
        readable = sorted(alerts.readable_ids(session, caller, alert_ids))
        if readable:
            return Holder("alert", readable[0])
        raise refused
    if row.camera_id is not None:
        try:
            camera_row(session, caller, row.camera_id)
        except NotFound:
            raise refused from None
        return Holder("camera", row.camera_id)
    if caller.is_admin:
        return None
    raise refused


def download(
    session: Session, caller: Caller, store: MediaStore, media_id: str
) -> tuple[MediaRow, Path]:
    """The file ``media_id`` and its row if ``caller`` may read it; the download is audited.

    Run in a write transaction: the audit line is written beside the check.
    """
    row = session.get(MediaRow, media_id)
    if row is None:
        raise NotFound(f"no media {media_id}")
    holder = _readable_holder(session, caller, row)
    path = store.file_of(row)
    audit.record(
        session,
        caller,
        "media.download",
        entity_type="media",
        entity_id=row.id,
        detail={
            "sha256": row.sha256,
            "holder_type": holder.kind if holder else None,
            "holder_id": holder.id if holder else None,
        },
    )
    return row, path
