"""Alert changes taken into the queue at most once per interval, without waiting when quiet.

The live link already hands alerts over in batches; a burst still brings one every hundred
milliseconds or so, each a model update and a repaint. ``AlertBatcher`` lets the first batch
after a quiet spell through at once (no added delay for a lone alert) and gathers what comes
within ``interval_ms`` of the last hand-over into the next one; a later change of an alert
replaces an earlier one still waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer

from console.wire.alerts import AlertOut


class AlertBatcher(QObject):
    """Hands ``callback`` lists of alerts, at most one list per ``interval_ms``."""

    def __init__(
        self,
        interval_ms: int,
        callback: Callable[[list[AlertOut]], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._interval_s = interval_ms / 1000.0
        self._callback = callback
        self._waiting: dict[str, AlertOut] = {}
        self._last = float("-inf")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def add_many(self, alerts: Iterable[AlertOut]) -> None:
        for alert in alerts:
            self._waiting.pop(alert.id, None)
            self._waiting[alert.id] = alert
        if self._timer.isActive() or not self._waiting:
            return
        wait_s = self._last + self._interval_s - time.monotonic()
        if wait_s <= 0:
            self.flush()
        else:
            self._timer.start(max(1, round(wait_s * 1000)))

    def flush(self) -> None:
        self._timer.stop()
        if not self._waiting:
            return
        batch = list(self._waiting.values())
        self._waiting.clear()
        self._last = time.monotonic()
        self._callback(batch)

    def stop(self) -> None:
        self._timer.stop()
        self._waiting.clear()
