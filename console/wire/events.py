"""The live event stream (``GET /events``, server-sent events) and the health probe."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from console.wire.common import WireModel


class EventType(enum.StrEnum):
    """What an event is about. ``data`` is the entity's full Out model unless noted."""

    ALERT_CREATED = "alert.created"  # AlertOut
    ALERT_UPDATED = "alert.updated"  # AlertOut
    INCIDENT_CREATED = "incident.created"  # IncidentOut
    INCIDENT_CHANGED = "incident.changed"  # IncidentOut
    UNIT_MOVED = "unit.moved"  # UnitOut
    UNIT_STATUS = "unit.status"  # UnitOut
    CAMERA_STATUS = "camera.status"  # CameraStatusData
    RESET = "reset"  # ResetData: refetch everything, then continue from this id


class EventOut(WireModel):
    """One event: the SSE frame ``id: <id>`` / ``event: <type>`` / ``data: <json of data>``."""

    id: int
    type: EventType
    data: dict[str, Any]


class CameraStatusData(WireModel):
    camera_id: str
    status: str


class ResetData(WireModel):
    """Sent first when the requested id is older than the retained window (or unknown)."""

    reason: str
    last_event_id: int


class HealthOut(WireModel):
    """``now``: the server's clock (time limits run on it; a console shows countdowns by it)."""

    status: str = "ok"
    version: str
    demo: bool = False
    now: datetime | None = None
