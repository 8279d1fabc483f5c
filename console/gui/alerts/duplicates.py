"""Which earlier alert a new one probably repeats: same camera, same kind, within a window.

A detector fires again and again on one smouldering bin; the operator should handle it once.
The server may say so itself (``suggested_duplicate_of``); otherwise the queue looks among
the alerts it holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from console.gui.alerts.ordering import kind_value, status_value
from console.wire.alerts import AlertOut

DUPLICATE_WINDOW = timedelta(minutes=10)
# An alert that is gone from the queue is no target to merge into.
_NOT_TARGETS = frozenset({"dismissed", "merged"})


def suggested_duplicate_of(
    alert: AlertOut, others: Iterable[AlertOut], window: timedelta = DUPLICATE_WINDOW
) -> AlertOut | None:
    """The earliest alert ``alert`` repeats, or None.

    A server's suggestion wins when the alert it names is among ``others``.
    """
    candidates = {other.id: other for other in others if other.id != alert.id}
    named = alert.suggested_duplicate_of
    if named is not None and named in candidates:
        return candidates[named]
    if alert.merged_into:
        return None
    best: AlertOut | None = None
    for other in candidates.values():
        if (
            other.camera_id != alert.camera_id
            or kind_value(other) != kind_value(alert)
            or status_value(other) in _NOT_TARGETS
            or other.merged_into
        ):
            continue
        gap = alert.detected_at - other.detected_at
        earlier = gap > timedelta(0) or (gap == timedelta(0) and other.id < alert.id)
        if not earlier or gap > window:
            continue
        if best is None or (other.detected_at, other.id) < (best.detected_at, best.id):
            best = other
    return best
