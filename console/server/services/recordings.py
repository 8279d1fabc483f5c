"""Recorded clips: registered from files on disk, listed per camera, exported (audited)."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.server.db.tables import CameraRow, RecordingRow
from console.server.services import audit
from console.server.services.caller import Caller
from console.server.services.cameras import camera_row, visible_clause
from console.server.services.clock import new_id
from console.server.services.errors import NotFound


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def register(
    session: Session,
    camera_id: str,
    start: datetime,
    end: datetime,
    path: Path,
    *,
    content_type: str = "video/mp4",
) -> RecordingRow:
    """Make an existing file downloadable as a recording of ``camera_id``."""
    if end <= start:
        raise ValueError("a recording ends after it starts")
    if session.get(CameraRow, camera_id) is None:
        raise NotFound(f"no camera {camera_id}")
    resolved = path.resolve()
    row = RecordingRow(
        id=new_id(),
        camera_id=camera_id,
        start=start,
        end=end,
        size=resolved.stat().st_size,
        sha256=_digest(resolved),
        path=str(resolved),
        content_type=content_type,
    )
    session.add(row)
    return row


def list_recordings(
    session: Session,
    caller: Caller,
    *,
    camera_id: str | None,
    start: datetime | None,
    end: datetime | None,
    limit: int = 1000,
) -> list[RecordingRow]:
    """Recordings of visible cameras overlapping [start, end], oldest first."""
    query = (
        select(RecordingRow)
        .join(CameraRow, CameraRow.id == RecordingRow.camera_id)
        .where(visible_clause(caller))
        .order_by(RecordingRow.start, RecordingRow.id)
        .limit(limit)
    )
    if camera_id:
        query = query.where(RecordingRow.camera_id == camera_id)
    if start is not None:
        query = query.where(RecordingRow.end >= start)
    if end is not None:
        query = query.where(RecordingRow.start <= end)
    return list(session.scalars(query))


def export(session: Session, caller: Caller, recording_id: str) -> tuple[RecordingRow, Path]:
    """The recording's file for download; the export is audited."""
    row = session.get(RecordingRow, recording_id)
    if row is None:
        raise NotFound(f"no recording {recording_id}")
    camera_row(session, caller, row.camera_id)  # 404 unless the camera is visible
    path = Path(row.path)
    if not path.is_file():
        raise NotFound(f"the file of recording {recording_id} is missing")
    audit.record(
        session,
        caller,
        "recording.export",
        entity_type="recording",
        entity_id=row.id,
        detail={"camera_id": row.camera_id, "sha256": row.sha256},
    )
    return row, path
