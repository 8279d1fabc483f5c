"""Alert rows as domain values."""

from __future__ import annotations

from console.domain.model import Alert, AlertKind, AlertStatus, GeoPoint
from console.server.db.tables import AlertRow
from console.server.services.media import media_of


def alert_of(row: AlertRow) -> Alert:
    return Alert(
        id=row.id,
        kind=AlertKind(row.kind),
        camera_id=row.camera_id,
        position=GeoPoint(row.lat, row.lon),
        detected_at=row.detected_at,
        confidence=row.confidence,
        status=AlertStatus(row.status),
        snapshot=media_of(row.snapshot) if row.snapshot is not None else None,
        incident_id=row.incident_id,
        handled_by=row.handled_by,
        dismiss_reason=row.dismiss_reason,
        merged_into=row.merged_into,
        duplicate_count=row.duplicate_count or 0,
        suggested_duplicate_of=row.suggested_duplicate_of,
    )
