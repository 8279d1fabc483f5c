"""The console's side of the backend connection (no Qt here: the GUI adapts callbacks).

* ``BackendClient`` (``rest``): typed REST calls, validated against ``console.wire``;
* ``BackendError`` and its kinds (``errors``): the one way any call fails;
* ``EventStream`` (``events``): the live event stream in a worker, with resume and backoff;
* ``OutboxDelivery`` (``delivery``): drains the outbox in order with idempotency keys;
* ``sync``: loads the working set and applies live events to the local store.
"""

from console.client.delivery import DeliveryState, DeliveryStatus, OutboxDelivery, RoundResult
from console.client.errors import BackendError, ErrorKind, FieldError
from console.client.events import EventStream, RefreshReason, StreamState, StreamStatus
from console.client.rest import DEFAULT_TIMEOUT, BackendClient, RawAnswer, UploadFile
from console.client.sync import (
    StoreUpdate,
    Synchroniser,
    WorkingSet,
    apply_update,
    apply_working_set,
    fetch_working_set,
    resolve_events,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "BackendClient",
    "BackendError",
    "DeliveryState",
    "DeliveryStatus",
    "ErrorKind",
    "EventStream",
    "FieldError",
    "OutboxDelivery",
    "RawAnswer",
    "RefreshReason",
    "RoundResult",
    "StoreUpdate",
    "StreamState",
    "StreamStatus",
    "Synchroniser",
    "UploadFile",
    "WorkingSet",
    "apply_update",
    "apply_working_set",
    "fetch_working_set",
    "resolve_events",
]
