"""How urgent an alert is, how the queue orders alerts, and the words it shows for them.

Alerts carry no priority of their own: it follows from the kind of detection, the same way an
event raised from the alert gets its default priority (``gui/incidents/categories.py``), so
the queue and the event it may become agree. Intrusion has no event category; it is pressing.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from console.domain.incident import Priority
from console.gui.incidents.categories import category
from console.settings import QT_TRANSLATE_NOOP
from console.wire.alerts import AlertOut

CONTEXT = "AlertQueue"

# P1 and P2 ("urgent" and "high") flash and sound when they arrive.
HIGH_PRIORITY = frozenset({Priority.P1, Priority.P2})

_KIND_PRIORITY: dict[str, Priority] = {"intrusion": Priority.P2}

_KIND_LABELS: dict[str, str] = {
    "smoke_fire": QT_TRANSLATE_NOOP("AlertQueue", "Smoke or fire"),
    "street_vendor": QT_TRANSLATE_NOOP("AlertQueue", "Street vendor"),
    "crowd": QT_TRANSLATE_NOOP("AlertQueue", "Crowd gathering"),
    "illegal_parking": QT_TRANSLATE_NOOP("AlertQueue", "Illegal parking"),
    "garbage": QT_TRANSLATE_NOOP("AlertQueue", "Exposed garbage"),
    "intrusion": QT_TRANSLATE_NOOP("AlertQueue", "Intrusion"),
}

_STATUS_LABELS: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("AlertQueue", "New"),
    "acknowledged": QT_TRANSLATE_NOOP("AlertQueue", "Acknowledged"),
    "dismissed": QT_TRANSLATE_NOOP("AlertQueue", "Dismissed"),
    "promoted": QT_TRANSLATE_NOOP("AlertQueue", "Promoted"),
    "merged": QT_TRANSLATE_NOOP("AlertQueue", "Merged"),
}

# Statuses an operator still has to decide on (dismiss, promote or merge): acknowledging
# says someone is on it, not that it is settled, so it stays in the open queue.
OPEN_STATUSES = frozenset({"new", "acknowledged"})
ACKNOWLEDGED_STATUSES = frozenset({"acknowledged"})
# What each status still allows (the server's rule; the buttons follow it).
ALLOWED: dict[str, frozenset[str]] = {
    "new": frozenset({"acknowledge", "dismiss", "promote", "merge"}),
    "acknowledged": frozenset({"dismiss", "promote", "merge"}),
}


def status_value(alert: AlertOut) -> str:
    return alert.status.value


def kind_value(alert: AlertOut) -> str:
    return alert.kind.value


def alert_priority(kind: str) -> Priority:
    known = _KIND_PRIORITY.get(kind)
    return known if known is not None else category(kind).default_priority


def is_high_priority(alert: AlertOut) -> bool:
    return alert_priority(kind_value(alert)) in HIGH_PRIORITY


def sort_key(alert: AlertOut) -> tuple[int, float, str]:
    """Most urgent first, then newest first; the id keeps equal alerts in a fixed order."""
    return (int(alert_priority(kind_value(alert))), -_stamp(alert.detected_at), alert.id)


def _stamp(when: datetime) -> float:
    return when.timestamp()


def kind_label(kind: str) -> str:
    """The translated name of a detection kind; a kind this console does not know shows as sent."""
    source = _KIND_LABELS.get(kind)
    return QCoreApplication.translate(CONTEXT, source) if source is not None else kind


def status_label(status: str) -> str:
    source = _STATUS_LABELS.get(status)
    return QCoreApplication.translate(CONTEXT, source) if source is not None else status


def allowed_actions(alert: AlertOut) -> frozenset[str]:
    return ALLOWED.get(status_value(alert), frozenset())
