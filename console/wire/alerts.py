"""Machine detections (alerts) and what an operator does with them."""

from __future__ import annotations

from datetime import datetime

from console.domain.incident import Priority
from console.domain.model import Alert, AlertKind, AlertStatus, GeoPoint
from console.wire.common import Ident, Name, Page, RequestModel, Statement, WireModel
from console.wire.media import MediaOut, media_out


class AlertOut(WireModel):
    """A detection. ``merged_into``: the alert this duplicate was merged into (status
    ``merged``); ``duplicate_count``: how many were merged into this one;
    ``suggested_duplicate_of``: an earlier alert of the same camera and kind, detected shortly
    before, that this one probably repeats (the server's suggestion for a merge)."""

    id: str
    kind: AlertKind
    camera_id: str
    lat: float
    lon: float
    detected_at: datetime
    confidence: float
    status: AlertStatus
    snapshot: MediaOut | None = None
    incident_id: str | None = None
    handled_by: str | None = None
    dismiss_reason: str | None = None
    merged_into: str | None = None
    duplicate_count: int = 0
    suggested_duplicate_of: str | None = None

    def to_domain(self) -> Alert:
        return Alert(
            id=self.id,
            kind=self.kind,
            camera_id=self.camera_id,
            position=GeoPoint(self.lat, self.lon),
            detected_at=self.detected_at,
            confidence=self.confidence,
            status=self.status,
            snapshot=self.snapshot.to_domain() if self.snapshot is not None else None,
            incident_id=self.incident_id,
            handled_by=self.handled_by,
            dismiss_reason=self.dismiss_reason,
            merged_into=self.merged_into,
            duplicate_count=self.duplicate_count,
            suggested_duplicate_of=self.suggested_duplicate_of,
        )


def alert_out(alert: Alert) -> AlertOut:
    return AlertOut(
        id=alert.id,
        kind=alert.kind,
        camera_id=alert.camera_id,
        lat=alert.position.lat,
        lon=alert.position.lon,
        detected_at=alert.detected_at,
        confidence=alert.confidence,
        status=alert.status,
        snapshot=media_out(alert.snapshot) if alert.snapshot is not None else None,
        incident_id=alert.incident_id,
        handled_by=alert.handled_by,
        dismiss_reason=alert.dismiss_reason,
        merged_into=alert.merged_into,
        duplicate_count=alert.duplicate_count,
        suggested_duplicate_of=alert.suggested_duplicate_of,
    )


class AlertPage(Page[AlertOut]):
    """A page of alerts, newest first."""


class DismissIn(RequestModel):
    reason: Statement


class MergeIn(RequestModel):
    """Merge this alert, a duplicate, into the alert ``into``."""

    into: Ident


class PromoteIn(RequestModel):
    """Raise an incident from an alert; omitted fields are derived from the alert."""

    title: Name | None = None
    category: Name | None = None
    priority: Priority | None = None
