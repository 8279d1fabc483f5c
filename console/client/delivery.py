"""``OutboxDelivery``: the worker that sends queued operator actions to the server.

It drains the outbox in order (strictly so on each entity), each item with its idempotency
key, so a repeat after a crash or a lost answer changes nothing on the server:

* 2xx: delivered; for a request that creates a record under a local id (``creates``), the
  server's id from the answer goes into the outbox with it, which rewrites the requests
  queued on the local id;
* no connection, timeout, 429, an unreadable answer: the server is away or overloaded; the
  item is tried again after a backoff and the whole queue waits with it (the round ends);
* 5xx: the server failed on this item; it and the later items on its entity back off, and
  the round goes on with other entities, so one broken record holds back nothing else;
* 409/422 and other refusals: the item is marked rejected with the server's reason for the
  operator to fix or discard; delivery goes on with items on other entities (the outbox holds
  back later items on the same entity);
* 401: delivery pauses and reports ``login_needed`` until ``resume()``.

The worker wakes when an item is queued (an outbox listener), when the next backoff ends,
and when ``server_reachable()`` says the server is back (the queue's wait then ends at once;
a record the server failed on keeps its own backoff).

The outbox is used through the small ``OutboxLike`` protocol (``console.store.Outbox``
satisfies it), so this module does not depend on the store package.
"""

from __future__ import annotations

import contextlib
import enum
import json
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from console.client.errors import BackendError, ErrorKind, ProtocolError
from console.client.events import backoff_s
from console.client.rest import BackendClient, UploadFile
from console.client.transport import RawAnswer

logger = logging.getLogger(__name__)

MAX_ERROR_TEXT = 500
PENDING_REPORT_S = 0.25


class QueuedFile(Protocol):
    @property
    def field(self) -> str: ...
    @property
    def filename(self) -> str: ...
    @property
    def content_type(self) -> str: ...
    @property
    def path(self) -> Path: ...


class QueuedItem(Protocol):
    @property
    def seq(self) -> int: ...
    @property
    def idempotency_key(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def body(self) -> dict[str, Any]: ...
    @property
    def encoding(self) -> str: ...
    @property
    def attempts(self) -> int: ...
    @property
    def summary(self) -> str: ...
    @property
    def next_attempt_at(self) -> datetime: ...
    @property
    def files(self) -> Sequence[QueuedFile]: ...
    @property
    def creates(self) -> str | None: ...


class OutboxLike(Protocol):
    """What delivery needs of the outbox (``console.store.Outbox`` has all of it)."""

    def next_due(self, now: datetime | None = None) -> QueuedItem | None: ...
    def next_attempt_time(self) -> datetime | None: ...
    def pending_count(self) -> int: ...
    def mark_delivered(
        self,
        seq: int,
        response_status: int,
        response_body: str | Mapping[str, Any] | None,
        *,
        created_id: str | None = None,
    ) -> object: ...
    def mark_failed_retryable(
        self, seq: int, error: str, next_attempt_at: datetime, *, alone: bool = False
    ) -> object: ...
    def mark_rejected(self, seq: int, status: int, reason: str) -> object: ...
    def retry_waiting(self) -> int: ...
    def add_listener(self, listener: Callable[[Any], None]) -> None: ...
    def remove_listener(self, listener: Callable[[Any], None]) -> None: ...


class DeliveryStatus(enum.StrEnum):
    IDLE = "idle"  # nothing due
    SENDING = "sending"
    WAITING = "waiting"  # the head failed; waiting for its retry time
    LOGIN_NEEDED = "login_needed"  # the server refused the token; paused
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class DeliveryState:
    """What delivery is doing. ``retry_in_s`` is set while waiting; ``error`` is the
    failure that made it wait or pause."""

    status: DeliveryStatus
    pending: int
    retry_in_s: float = 0.0
    error: BackendError | None = None


@dataclass(frozen=True, slots=True)
class RoundResult:
    """What one pass over the queue did."""

    delivered: int = 0
    rejected: int = 0
    failed: bool = False  # the round ended on a retryable failure (the server is away)
    login_needed: bool = False
    deferred: int = 0  # items the server failed on, backing off on their own entity


def created_id(answer: RawAnswer) -> str | None:
    """The ``id`` of the record a creating request made, from the server's answer."""
    try:
        body = json.loads(answer.text)
    except ValueError:
        return None
    value = body.get("id") if isinstance(body, dict) else None
    return value if isinstance(value, str) and value else None


def _server_failed_on(error: BackendError) -> bool:
    """A 5xx: the server is up but failed on this request (429 means it is overloaded)."""
    return error.status is not None and 500 <= error.status <= 599


def send_item(client: BackendClient, item: QueuedItem) -> RawAnswer:
    """Send one queued item as stored: JSON body, or form fields plus files."""
    if str(item.encoding) == "multipart":
        files: list[UploadFile] = [
            (f.field, f.filename, f.content_type, Path(f.path)) for f in item.files
        ]
        return client.send(
            item.method,
            item.path,
            form=item.body,
            files=files,
            idempotency_key=item.idempotency_key,
        )
    return client.send(
        item.method, item.path, json_body=item.body, idempotency_key=item.idempotency_key
    )


class OutboxDelivery:
    """Drains the outbox in a worker thread; see the module docstring.

    Callbacks (run on the worker thread; keep them short): ``on_state(DeliveryState)``,
    ``on_pending(int)`` when the number of pending items changes, ``on_rejected(item,
    BackendError)`` when the server refused an item, ``on_delivered(item, RawAnswer)``.
    """

    def __init__(
        self,
        client: BackendClient,
        outbox: OutboxLike,
        *,
        on_state: Callable[[DeliveryState], None] | None = None,
        on_pending: Callable[[int], None] | None = None,
        on_rejected: Callable[[QueuedItem, BackendError], None] | None = None,
        on_delivered: Callable[[QueuedItem, RawAnswer], None] | None = None,
        backoff_base_s: float = 1.0,
        backoff_cap_s: float = 60.0,
        idle_check_s: float = 30.0,
        rng: random.Random | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._client = client
        self._outbox = outbox
        self._on_state = on_state
        self._on_pending = on_pending
        self._on_rejected = on_rejected
        self._on_delivered = on_delivered
        self._backoff_base = backoff_base_s
        self._backoff_cap = backoff_cap_s
        self._idle_check = idle_check_s
        self._rng = rng or random.Random()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._skip_backoff = threading.Event()
        self._paused = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_pending: int | None = None
        self._last_report_at = 0.0
        self._state = DeliveryState(DeliveryStatus.STOPPED, 0)

    # ------------------------------------------------------------------ control

    @property
    def state(self) -> DeliveryState:
        return self._state

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stopping.clear()
        self._outbox.add_listener(self._on_outbox_change)
        self._thread = threading.Thread(target=self._run, name="tianmu-delivery", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 15.0) -> bool:
        """Finish the item in flight (bounded by the client's timeouts) and end the worker."""
        self._stopping.set()
        self._wake.set()
        thread = self._thread
        with contextlib.suppress(ValueError):
            self._outbox.remove_listener(self._on_outbox_change)
        if thread is None:
            return True
        thread.join(timeout_s)
        if thread.is_alive():
            logger.warning("the delivery worker did not stop within %.1f s", timeout_s)
            return False
        self._thread = None
        return True

    def wake(self) -> None:
        """Look at the queue now (something was queued or changed)."""
        self._wake.set()

    def server_reachable(self) -> None:
        """The server is back (the event stream reconnected): try the head without waiting."""
        self._skip_backoff.set()
        self._wake.set()

    def resume(self) -> None:
        """Continue after a new sign-in."""
        self._paused.clear()
        self._skip_backoff.set()
        self._wake.set()

    def _on_outbox_change(self, change: object) -> None:
        # Runs on whichever thread changed the outbox: only signal, never touch the database.
        self._wake.set()

    # ------------------------------------------------------------------ the worker

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            wait = self._idle_check
            try:
                if not self._paused.is_set():
                    self.run_round()
                    wait = self._until_next_attempt()
                self._report_pending()
            except Exception:
                # A broken outbox must not kill the worker; it will look again later.
                logger.exception("outbox delivery failed; trying again in %.0f s", wait)
            self._wake.wait(wait)
        self._set_state(DeliveryStatus.STOPPED)

    def _until_next_attempt(self) -> float:
        due = self._outbox.next_attempt_time()
        if due is None:
            return self._idle_check
        seconds = (due - self._clock()).total_seconds()
        return min(self._idle_check, max(0.0, seconds))

    def _set_state(
        self, status: DeliveryStatus, *, retry_in_s: float = 0.0, error: BackendError | None = None
    ) -> None:
        pending = self._last_pending if self._last_pending is not None else 0
        self._state = DeliveryState(status, pending, retry_in_s, error)
        if self._on_state is not None:
            try:
                self._on_state(self._state)
            except Exception:
                logger.exception("a delivery state listener failed")

    def _report_pending_soon(self) -> None:
        """Report the pending count mid-round, at most every ``PENDING_REPORT_S``: a count
        query per item would cost a fast drain a good part of its speed."""
        now = time.monotonic()
        if now - self._last_report_at >= PENDING_REPORT_S:
            self._report_pending()

    def _report_pending(self) -> None:
        self._last_report_at = time.monotonic()
        count = self._outbox.pending_count()
        if count != self._last_pending:
            self._last_pending = count
            if self._on_pending is not None:
                try:
                    self._on_pending(count)
                except Exception:
                    logger.exception("a pending-count listener failed")

    @property
    def paused(self) -> bool:
        """Whether delivery waits for a new sign-in (the server refused the token)."""
        return self._paused.is_set()

    def run_round(self) -> RoundResult:
        """Send due items in order until the queue is empty, waits, or needs a sign-in."""
        if self._skip_backoff.is_set():
            self._skip_backoff.clear()
            self._outbox.retry_waiting()
        delivered = rejected = deferred = 0
        while not self._stopping.is_set():
            item = self._outbox.next_due(self._clock())
            if item is None:
                self._set_state(DeliveryStatus.IDLE)
                return RoundResult(delivered, rejected, deferred=deferred)
            self._set_state(DeliveryStatus.SENDING)
            try:
                answer = send_item(self._client, item)
            except BackendError as error:
                if error.kind is ErrorKind.UNAUTHORIZED:
                    self._paused.set()
                    logger.warning("outbox delivery paused: sign-in needed")
                    self._set_state(DeliveryStatus.LOGIN_NEEDED, error=error)
                    return RoundResult(delivered, rejected, login_needed=True, deferred=deferred)
                if error.retryable and _server_failed_on(error):
                    self._fail(item, error, alone=True)
                    deferred += 1
                    continue
                if error.retryable:
                    self._fail(item, error)
                    return RoundResult(delivered, rejected, failed=True, deferred=deferred)
                self._reject(item, error)
                rejected += 1
                self._report_pending_soon()
                continue
            server_id = created_id(answer) if item.creates is not None else None
            if item.creates is not None and server_id is None:
                logger.warning(
                    "outbox item %d created %s, but the answer names no id", item.seq, item.creates
                )
            self._outbox.mark_delivered(item.seq, answer.status, answer.text, created_id=server_id)
            delivered += 1
            self._report_pending_soon()
            if self._on_delivered is not None:
                try:
                    self._on_delivered(item, answer)
                except Exception:
                    logger.exception("a delivered listener failed")
        return RoundResult(delivered, rejected)

    def _fail(self, item: QueuedItem, error: BackendError, *, alone: bool = False) -> None:
        delay = backoff_s(
            item.attempts + 1, base_s=self._backoff_base, cap_s=self._backoff_cap, rng=self._rng
        )
        text = str(error)[:MAX_ERROR_TEXT]
        self._outbox.mark_failed_retryable(
            item.seq, text, self._clock() + timedelta(seconds=delay), alone=alone
        )
        logger.info(
            "outbox item %d not delivered (%s); retry in %.1f s%s",
            item.seq,
            error.kind.value,
            delay,
            " (its entity waits; others go on)" if alone else "",
        )
        if alone:
            return
        self._set_state(DeliveryStatus.WAITING, retry_in_s=delay, error=error)

    def _reject(self, item: QueuedItem, error: BackendError) -> None:
        status = error.status if error.status is not None else 0
        reason = error.reason if error.status is not None else error.message
        if isinstance(error, ProtocolError) and error.status is None:
            reason = f"could not be sent: {error.message}"
        self._outbox.mark_rejected(item.seq, status, reason[:MAX_ERROR_TEXT])
        if self._on_rejected is not None:
            try:
                self._on_rejected(item, error)
            except Exception:
                logger.exception("a rejection listener failed")


__all__ = [
    "DeliveryState",
    "DeliveryStatus",
    "OutboxDelivery",
    "OutboxLike",
    "QueuedFile",
    "QueuedItem",
    "RoundResult",
    "created_id",
    "send_item",
]
