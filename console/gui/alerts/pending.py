"""Which alerts have an operator's action still in the outbox, followed from the outbox.

The outbox tells its listeners on whatever thread changed it (the delivery worker, the store
lane); ``OutboxWatch`` re-emits that as a queued signal on the GUI thread, and stops once
closed, since the workers outlive the session's widgets by a little.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.store.outbox import Outbox, OutboxChange, OutboxItem


class OutboxWatch(QObject):
    """Relays outbox changes to the GUI thread.

    Signals:
        changed(object): an OutboxChange (seq and its state now).
    """

    changed = Signal(object)

    def __init__(self, outbox: Outbox, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self._lock = threading.Lock()
        self._open = True
        outbox.add_listener(self._on_outbox_change)

    def close(self) -> None:
        with self._lock:
            if not self._open:
                return
            self._open = False
        self._outbox.remove_listener(self._on_outbox_change)

    def _on_outbox_change(self, change: OutboxChange) -> None:
        with self._lock:
            if self._open:
                self.changed.emit(change)


def alert_of_item(item: OutboxItem, alert_kinds: frozenset[str]) -> str | None:
    """The alert an outbox item acts on: the path's for alert actions, the one named by a
    raise-event request made from an alert."""
    if item.kind in alert_kinds:
        parts = [part for part in item.path.split("/") if part]
        return parts[1] if len(parts) >= 2 and parts[0] == "alerts" else None
    ids: Any = item.body.get("alert_ids") if isinstance(item.body, dict) else None
    if isinstance(ids, list) and len(ids) == 1 and isinstance(ids[0], str):
        return ids[0]
    return None
