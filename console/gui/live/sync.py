"""Keeps the session's store in step with the backend and tells the session how it goes.

``LiveSync`` runs the event stream and the outbox delivery (each in its own thread, see
``console.client``), refreshes the working set when the stream asks for it, applies live
events to the store in batches and counts the actions still waiting to be sent. Fetching runs
on the network lane, writing to the store on the store lane; what follows on the GUI thread
goes out on the session's signals and to the main window's status bar.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from console.client import (
    EventStream,
    OutboxDelivery,
    RefreshReason,
    StoreUpdate,
    StreamState,
    StreamStatus,
    WorkingSet,
    apply_update,
    apply_working_set,
    fetch_working_set,
    resolve_events,
)
from console.client.delivery import DeliveryState, DeliveryStatus, QueuedItem
from console.client.sync import forget_full_refresh
from console.client.transport import RawAnswer
from console.domain.model import Camera, Region
from console.gui.live.relay import WorkerRelay
from console.gui.session import Session
from console.gui.status_bar import ConnectionState
from console.store import Store
from console.tasks import NET, STORE, Coalescer, Debouncer
from console.wire import EventOut, IncidentOut

logger = logging.getLogger(__name__)

PENDING_DEBOUNCE_MS = 200
# Live events are applied in batches: a burst of alerts costs one fetch and one write.
EVENT_BATCH_MS = 100

_CONNECTION_OF_STREAM = {
    StreamStatus.CONNECTING: ConnectionState.CONNECTING,
    StreamStatus.CONNECTED: ConnectionState.CONNECTED,
    StreamStatus.RECONNECTING: ConnectionState.RECONNECTING,
    StreamStatus.OFFLINE: ConnectionState.OFFLINE,
    StreamStatus.LOGIN_NEEDED: ConnectionState.LOGIN_NEEDED,
}


def apply_working_set_and_reload(
    store: Store, working_set: WorkingSet, reset: bool, keep_incidents: frozenset[str]
) -> tuple[list[Region], list[Camera]]:
    # Events raised here and not yet created on the server are in no working set.
    keep = keep_incidents | store.outbox.waiting_local_ids()
    apply_working_set(store, working_set, reset=reset, keep_incidents=keep)
    return working_set.regions, working_set.cameras


def replace_local_incident(store: Store, local_id: str, answer_text: str) -> StoreUpdate:
    """The server created the event raised here as ``local_id``: its record replaces the
    local stand-in in the store (store lane)."""
    update = StoreUpdate(removed_incidents={local_id})
    try:
        created = IncidentOut.model_validate_json(answer_text)
    except ValueError:
        logger.warning("the server's answer to creating %s is not an incident", local_id)
        created = None
    store.incidents.remove([local_id])
    if created is not None:
        store.incidents.upsert([created])
        update.incidents[created.id] = created
    return update


def apply_update_and_report(store: Store, update: StoreUpdate) -> StoreUpdate:
    apply_update(store, update)
    return update


def stop_session_workers(stream: EventStream, delivery: OutboxDelivery) -> None:
    """Stop the threads that read the server and write the store (they join: not on the
    GUI thread)."""
    stream.stop()
    delivery.stop()


class LiveSync(QObject):
    """The session's live link: event stream, outbox delivery, working-set refresh.

    Besides its own signals it emits ``store_updated``, ``connection_changed`` and
    ``pending_counted`` on the session's signals, and keeps the status bar's connection and
    pending fields current.

    When the server refuses the session's token, delivery pauses and ``sign_in_needed`` asks
    for a new sign-in; ``resume_after_sign_in(token)`` carries on with the same outbox.

    Signals:
        working_set_stored(object): (regions, cameras) of a working set now in the store.
        refresh_failed(object): the working set could not be refreshed (the exception);
            it is fetched again when ``start_refresh`` is next called.
        sign_in_needed(): the server ended the session (token revoked or expired).
        local_incident_created(str, str): an event raised here under a local id now exists
            on the server: (local id, server id).
    """

    working_set_stored = Signal(object)
    refresh_failed = Signal(object)
    sign_in_needed = Signal()
    local_incident_created = Signal(str, str)

    def __init__(
        self,
        session: Session,
        last_event_id: int | None,
        *,
        stream_backoff_s: tuple[float, float] = (1.0, 30.0),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.pending: int | None = None
        self._refreshing = False
        self._written_during_refresh: set[str] = set()
        self._refresh_owed: RefreshReason | None = None
        self._events_in_flight = False
        self._waiting_events: list[EventOut] = []

        self._relay = WorkerRelay(self)
        self._relay.stream_state_changed.connect(self._on_stream_state_changed)
        self._relay.refresh_needed.connect(self._on_refresh_needed)
        self._relay.pending_changed.connect(self._on_pending_counted)
        self._event_batcher: Coalescer[EventOut] = Coalescer(
            EVENT_BATCH_MS, self._on_event_batch, parent=self
        )
        self._relay.event_arrived.connect(self._event_batcher.add)
        self._pending_debouncer = Debouncer(PENDING_DEBOUNCE_MS, self.count_pending, self)
        self._relay.outbox_changed.connect(self._pending_debouncer.trigger)
        session.store.outbox.add_listener(self._relay.on_outbox_change)

        self.stream = EventStream(
            session.client,
            on_event=self._relay.on_event,
            on_state=self._relay.on_stream_state,
            on_refresh_needed=self._relay.on_refresh_needed,
            last_event_id=last_event_id,
            min_backoff_s=stream_backoff_s[0],
            max_backoff_s=stream_backoff_s[1],
        )
        self._relay.delivery_state_changed.connect(self._on_delivery_state_changed)
        self._relay.item_delivered.connect(self._on_item_delivered)
        self.delivery = OutboxDelivery(
            session.client,
            session.store.outbox,
            on_pending=self._relay.on_pending,
            on_state=self._relay.on_delivery_state,
            on_delivered=self._relay.on_delivered,
        )

    def start(self) -> None:
        self.count_pending()
        self.stream.start()
        self.delivery.start()

    def close(self) -> None:
        """Stop listening and stop the workers (on the store lane, ahead of its close)."""
        self._pending_debouncer.cancel()
        self._session.store.outbox.remove_listener(self._relay.on_outbox_change)
        self._relay.close()
        self._session.runner.run(STORE, stop_session_workers, self.stream, self.delivery)

    # ------------------------------------------------------------------ outbox

    def count_pending(self) -> None:
        if not self._session.closed:
            self._session.runner.run(
                STORE, self._session.store.outbox.pending_count, on_done=self._on_pending_counted
            )

    def _on_pending_counted(self, count: int) -> None:
        if self._session.closed:
            return
        self.pending = count
        self._session.window.set_pending(count)
        self._session.signals.pending_counted.emit(count)

    def _on_delivery_state_changed(self, state: DeliveryState) -> None:
        if not self._session.closed and state.status is DeliveryStatus.LOGIN_NEEDED:
            logger.warning("The server ended the session; delivery waits for a new sign-in")
            self.sign_in_needed.emit()

    def _on_item_delivered(self, item: QueuedItem, answer: RawAnswer) -> None:
        local_id = item.creates
        # Bookmarks and workstation keys are created under local ids too; only events here.
        made_event = item.path.split("?", 1)[0].rstrip("/").endswith("/incidents")
        if local_id is None or self._session.closed or not made_event:
            return
        self._session.runner.run(
            STORE,
            replace_local_incident,
            self._session.store,
            local_id,
            answer.text,
            on_done=lambda update: self._on_local_incident_replaced(local_id, update),
        )

    def _on_local_incident_replaced(self, local_id: str, update: StoreUpdate) -> None:
        if self._session.closed:
            return
        self._session.signals.store_updated.emit(update)
        for server_id in update.incidents:
            self.local_incident_created.emit(local_id, server_id)

    def resume_after_sign_in(self, token: str) -> None:
        """Carry on with ``token`` from a new sign-in: delivery and the stream resume."""
        self._session.client.set_token(token)
        self.delivery.resume()
        self.stream.wake()

    # ------------------------------------------------------------------ connection

    def _on_stream_state_changed(self, state: StreamState) -> None:
        if self._session.closed or state.status is StreamStatus.STOPPED:
            return
        connection = _CONNECTION_OF_STREAM[state.status]
        self._session.window.set_connection(connection, state.attempt)
        self._session.signals.connection_changed.emit(connection.value, state.attempt)
        if state.status is StreamStatus.CONNECTED:
            self.delivery.server_reachable()
        elif state.status is StreamStatus.LOGIN_NEEDED:
            self.sign_in_needed.emit()

    # ------------------------------------------------------------------ working set

    def _on_refresh_needed(self, reason: RefreshReason) -> None:
        # A request that arrives while a refresh runs is kept, not dropped: the running one
        # may have read the server before the position that asked for this one.
        if reason is RefreshReason.RESET and not self._session.closed:
            self._session.runner.run(STORE, forget_full_refresh, self._session.store)
        if self._refresh_owed is not RefreshReason.RESET:
            self._refresh_owed = reason
        self.start_refresh()

    def start_refresh(self) -> None:
        """Fetch the working set if one is owed and none is under way."""
        reason = self._refresh_owed
        if self._session.closed or self._refreshing or reason is None:
            return
        self._refresh_owed = None
        self._refreshing = True
        self._written_during_refresh = set()
        reset = reason is RefreshReason.RESET
        self._session.runner.run(
            NET,
            fetch_working_set,
            self._session.client,
            on_done=lambda working_set: self._on_working_set_fetched(working_set, reset),
            on_error=lambda error: self._on_working_set_failed(error, reason),
        )

    def _on_working_set_fetched(self, working_set: WorkingSet, reset: bool) -> None:
        if self._session.closed:
            return
        reason = RefreshReason.RESET if reset else RefreshReason.START
        self._session.runner.run(
            STORE,
            apply_working_set_and_reload,
            self._session.store,
            working_set,
            reset,
            # Written by live events queued on the store lane ahead of this working set: newer
            # than it, so a reset must not forget them.
            frozenset(self._written_during_refresh),
            on_done=self._on_working_set_stored,
            on_error=lambda error: self._on_working_set_failed(error, reason),
        )

    def _on_working_set_stored(self, catalogue: tuple[list[Region], list[Camera]]) -> None:
        self._refreshing = False
        if not self._session.closed:
            self.working_set_stored.emit(catalogue)
            self.start_refresh()

    def _on_working_set_failed(self, error: BaseException, reason: RefreshReason) -> None:
        self._refreshing = False
        logger.warning("Could not refresh the working set (will try again): %s", error)
        if self._refresh_owed is not RefreshReason.RESET:
            self._refresh_owed = reason
        if not self._session.closed:
            self.refresh_failed.emit(error)

    # ------------------------------------------------------------------ live events

    def _on_event_batch(self, events: list[EventOut]) -> None:
        # One batch at a time, so the store sees events in the order the server sent them.
        self._waiting_events.extend(events)
        if self._events_in_flight or self._session.closed or not self._waiting_events:
            return
        batch, self._waiting_events = self._waiting_events, []
        self._events_in_flight = True
        self._session.runner.run(
            NET,
            resolve_events,
            self._session.client,
            batch,
            on_done=self._on_events_resolved,
            on_error=self._on_events_failed,
        )

    def _on_events_resolved(self, update: StoreUpdate) -> None:
        if self._session.closed:
            return
        if self._refreshing:
            self._written_during_refresh.update(update.incidents)
        self._session.runner.run(
            STORE,
            apply_update_and_report,
            self._session.store,
            update,
            on_done=self._on_events_stored,
            on_error=self._on_events_failed,
        )

    def _on_events_stored(self, update: StoreUpdate) -> None:
        self._events_in_flight = False
        if self._session.closed:
            return
        self._session.signals.store_updated.emit(update)
        self._on_event_batch([])

    def _on_events_failed(self, error: BaseException) -> None:
        self._events_in_flight = False
        logger.warning("Could not apply live events: %s", error)
        # The stream has moved past these events; only a full refresh brings them back.
        self._on_refresh_needed(RefreshReason.RESET)
        self._on_event_batch([])
