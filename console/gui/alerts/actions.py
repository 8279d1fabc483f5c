"""The outbox requests of an operator's decisions on an alert.

Each is an ``Outbox.enqueue`` call's arguments; the request path names the alert, so the
outbox holds later actions on the same alert behind a refused one. Promoting goes through the
raise-event dialog instead (``POST /incidents`` with the alert's id and its snapshot).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.gui.alerts.ordering import kind_label
from console.text import fill
from console.wire.alerts import AlertOut

ACKNOWLEDGE = "alert.acknowledge"
DISMISS = "alert.dismiss"
MERGE = "alert.merge"


@dataclass(frozen=True, slots=True)
class AlertRequest:
    """One queued decision: ``Outbox.enqueue(kind, method, path, body, summary=summary)``."""

    kind: str
    path: str
    body: dict[str, Any] = field(default_factory=dict)
    summary: str = ""
    method: str = "POST"


def _what(alert: AlertOut, camera_name: str) -> str:
    return fill(
        QCoreApplication.translate("AlertQueue", "%1 at %2"),
        kind_label(str(alert.kind)),
        camera_name,
    )


def acknowledge(alert: AlertOut, camera_name: str) -> AlertRequest:
    return AlertRequest(
        ACKNOWLEDGE,
        f"/alerts/{alert.id}/acknowledge",
        {},
        fill(
            QCoreApplication.translate("AlertQueue", "Acknowledge alert: %1"),
            _what(alert, camera_name),
        ),
    )


def dismiss(alert: AlertOut, camera_name: str, reason: str) -> AlertRequest:
    return AlertRequest(
        DISMISS,
        f"/alerts/{alert.id}/dismiss",
        {"reason": reason},
        fill(
            QCoreApplication.translate("AlertQueue", "Dismiss alert as a false alarm: %1"),
            _what(alert, camera_name),
        ),
    )


def merge(alert: AlertOut, into: AlertOut, camera_name: str) -> AlertRequest:
    return AlertRequest(
        MERGE,
        f"/alerts/{alert.id}/merge",
        {"into": into.id},
        fill(
            QCoreApplication.translate("AlertQueue", "Merge duplicate alert: %1"),
            _what(alert, camera_name),
        ),
    )
