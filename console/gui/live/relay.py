"""Carries callbacks from the client's and the store's worker threads to the GUI thread."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.client import RefreshReason, StreamState
from console.client.delivery import DeliveryState, QueuedItem
from console.client.transport import RawAnswer
from console.store.outbox import OutboxChange
from console.wire import EventOut


class WorkerRelay(QObject):
    """Re-emits worker callbacks as queued signals on the GUI thread.

    It lives on the GUI thread, so a signal emitted from a worker is queued to it. The
    workers stop some time after the session closes (on the store lane), while the relay is
    deleted with the session: ``close()`` makes every later callback a no-op, and an emit
    already under way finishes before ``close()`` returns.

    Signals:
        stream_state_changed(object): a StreamState of the event stream.
        event_arrived(object): an EventOut from the stream.
        refresh_needed(object): a RefreshReason: the store lacks what the stream skipped.
        pending_changed(int): the delivery counted this many waiting actions.
        outbox_changed(): something was queued, sent or dropped.
        delivery_state_changed(object): a DeliveryState of the outbox delivery.
        item_delivered(object, object): an outbox item the server accepted, and its RawAnswer.
    """

    stream_state_changed = Signal(object)
    event_arrived = Signal(object)
    refresh_needed = Signal(object)
    pending_changed = Signal(int)
    outbox_changed = Signal()
    delivery_state_changed = Signal(object)
    item_delivered = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._open = True

    def close(self) -> None:
        with self._lock:
            self._open = False

    def _emit(self, signal: Any, *args: Any) -> None:
        with self._lock:
            if self._open:
                signal.emit(*args)

    def on_stream_state(self, state: StreamState) -> None:
        self._emit(self.stream_state_changed, state)

    def on_event(self, event: EventOut) -> None:
        self._emit(self.event_arrived, event)

    def on_refresh_needed(self, reason: RefreshReason) -> None:
        self._emit(self.refresh_needed, reason)

    def on_pending(self, count: int) -> None:
        self._emit(self.pending_changed, count)

    def on_outbox_change(self, change: OutboxChange) -> None:
        self._emit(self.outbox_changed)

    def on_delivery_state(self, state: DeliveryState) -> None:
        self._emit(self.delivery_state_changed, state)

    def on_delivered(self, item: QueuedItem, answer: RawAnswer) -> None:
        self._emit(self.item_delivered, item, answer)
