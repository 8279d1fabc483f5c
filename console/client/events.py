"""``EventStream``: the live event stream (``GET /events``) read by a worker thread.

The worker connects, parses server-sent events and hands each one, validated as
``console.wire.EventOut``, to ``on_event``. When the connection fails or drops it reports
``reconnecting`` / ``offline`` and tries again with exponential backoff (1 s doubling to
30 s, with jitter), resuming with ``Last-Event-ID`` so no event is lost or repeated.

The stream always has a position to resume from once a connection has said anything: the
server's greeting carries an id (the position it starts from) before any event. A connection
opened without a position only gets events after the one the server starts from, so once it
has one it asks for a full refresh (``on_refresh_needed``) to cover what came before; a
connection that drops earlier leaves the stream without a position, and the next one does the
same. It also asks for a refresh when the server says ``reset`` (it no longer holds the events
after our id) and after being away longer than ``refresh_after_gap_s``. An event at or before
the position is a repeat and is not handed over again.

Callbacks run on the worker thread and must not block for long (the GUI adapts them to
signals). ``stop()`` closes the connection and joins within a bounded time.
"""

from __future__ import annotations

import contextlib
import enum
import json
import logging
import random
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests
from pydantic import ValidationError as PydanticValidationError

from console.client.errors import BackendError, ErrorKind, MalformedResponseError
from console.client.rest import BackendClient
from console.client.sse import SseEvent, SseParser
from console.client.transport import transport_error
from console.wire.events import EventOut, EventType, ResetData

logger = logging.getLogger(__name__)


class StreamStatus(enum.StrEnum):
    CONNECTING = "connecting"  # the first attempt is under way
    CONNECTED = "connected"  # events are flowing
    RECONNECTING = "reconnecting"  # the stream dropped; trying again shortly
    OFFLINE = "offline"  # the server cannot be reached; retrying with backoff
    LOGIN_NEEDED = "login_needed"  # the server refused the token; waiting for a new one
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class StreamState:
    """Where the stream stands. ``attempt`` counts failed tries in a row; ``next_in_s`` is
    the wait before the next one; ``error`` the failure that caused this state, if any."""

    status: StreamStatus
    attempt: int = 0
    next_in_s: float = 0.0
    error: BackendError | None = None


class RefreshReason(enum.StrEnum):
    START = "start"  # the connection began without a position: load what came before it
    RESET = "reset"  # the server no longer holds the events after our last id
    GAP = "gap"  # away longer than the configured gap


def backoff_s(attempt: int, *, base_s: float, cap_s: float, rng: random.Random) -> float:
    """Wait before retry ``attempt`` (1 = first): doubling from ``base_s`` to ``cap_s``,
    spread by ±20 % so that consoles cut off together do not all return at once."""
    if attempt < 1:
        return 0.0
    ceiling = min(cap_s, base_s * 2.0 ** min(attempt - 1, 30))
    return max(0.0, ceiling * rng.uniform(0.8, 1.2))


EventCallback = Callable[[EventOut], None]
StateCallback = Callable[[StreamState], None]
RefreshCallback = Callable[[RefreshReason], None]
IdCallback = Callable[[int], None]


class EventStream:
    """Reads ``GET /events`` in a worker thread; see the module docstring.

    Callbacks: ``on_event(EventOut)`` for every event but ``reset``;
    ``on_state(StreamState)`` on every change of connection state;
    ``on_refresh_needed(RefreshReason)`` when the working set must be loaded again;
    ``persist_last_id(int)`` after each event was handed over (store it, and pass it back as
    ``last_event_id`` on the next start).
    """

    def __init__(
        self,
        client: BackendClient,
        *,
        on_event: EventCallback,
        on_state: StateCallback | None = None,
        on_refresh_needed: RefreshCallback | None = None,
        persist_last_id: IdCallback | None = None,
        last_event_id: int | None = None,
        refresh_after_gap_s: float = 600.0,
        min_backoff_s: float = 1.0,
        max_backoff_s: float = 30.0,
        read_timeout_s: float = 45.0,
        rng: random.Random | None = None,
    ) -> None:
        self._client = client
        self._on_event = on_event
        self._on_state = on_state
        self._on_refresh = on_refresh_needed
        self._persist = persist_last_id
        self._last_id = last_event_id
        self._gap_s = refresh_after_gap_s
        self._min_backoff = min_backoff_s
        self._max_backoff = max_backoff_s
        self._read_timeout = read_timeout_s
        self._rng = rng or random.Random()
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._response: requests.Response | None = None
        self._thread: threading.Thread | None = None
        self._state = StreamState(StreamStatus.STOPPED)
        self._events_seen = 0

    # ------------------------------------------------------------------ control

    @property
    def last_event_id(self) -> int | None:
        return self._last_id

    @property
    def state(self) -> StreamState:
        return self._state

    @property
    def events_seen(self) -> int:
        return self._events_seen

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="tianmu-events", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Try to connect now instead of waiting out the backoff (after sign-in, say)."""
        self._wake.set()

    def stop(self, timeout_s: float = 5.0) -> bool:
        """Close the stream and wait for the worker; False if it did not end in time."""
        self._stopping.set()
        self._wake.set()
        self._interrupt()
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout_s)
        if thread.is_alive():
            logger.warning("the event stream worker did not stop within %.1f s", timeout_s)
            return False
        self._thread = None
        return True

    def _interrupt(self) -> None:
        """Unblock a read in progress: shut the socket down, then close the response."""
        with self._lock:
            response = self._response
        if response is None:
            return
        sock = _socket_of(response)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        try:
            response.close()
        except Exception:  # closing from another thread may race the reader; both end it
            logger.debug("closing the event response raced its reader", exc_info=True)

    # ------------------------------------------------------------------ the worker

    def _set_state(self, state: StreamState) -> None:
        self._state = state
        if self._on_state is not None:
            try:
                self._on_state(state)
            except Exception:
                logger.exception("an event-stream state listener failed")

    def _refresh(self, reason: RefreshReason) -> None:
        logger.info("event stream: full refresh needed (%s)", reason.value)
        if self._on_refresh is not None:
            try:
                self._on_refresh(reason)
            except Exception:
                logger.exception("an event-stream refresh listener failed")

    def _run(self) -> None:
        attempt = 0
        lost_at: float | None = None
        self._set_state(StreamState(StreamStatus.CONNECTING))
        while not self._stopping.is_set():
            try:
                response = self._client.open_events(self._last_id, read_timeout=self._read_timeout)
            except BackendError as failure:
                attempt += 1
                lost_at = lost_at if lost_at is not None else time.monotonic()
                self._wait_after_failure(failure, attempt, dropped=False)
                continue
            with self._lock:
                self._response = response
            if self._stopping.is_set():
                self._interrupt()
                break
            gap = time.monotonic() - lost_at if lost_at is not None else 0.0
            attempt = 0
            lost_at = None
            self._set_state(StreamState(StreamStatus.CONNECTED))
            if gap > self._gap_s and self._last_id is not None:
                self._refresh(RefreshReason.GAP)
            ended = self._read(response, owes_refresh=self._last_id is None)
            with self._lock:
                self._response = None
            response.close()
            if self._stopping.is_set():
                break
            attempt = 1
            lost_at = time.monotonic()
            self._wait_after_failure(ended, attempt, dropped=True)
        self._set_state(StreamState(StreamStatus.STOPPED))

    def _wait_after_failure(self, error: BackendError, attempt: int, *, dropped: bool) -> None:
        if self._stopping.is_set():
            return
        delay = backoff_s(attempt, base_s=self._min_backoff, cap_s=self._max_backoff, rng=self._rng)
        if error.kind is ErrorKind.UNAUTHORIZED:
            status = StreamStatus.LOGIN_NEEDED
            delay = self._max_backoff
        elif dropped:
            status = StreamStatus.RECONNECTING
        else:
            status = StreamStatus.OFFLINE
        logger.info(
            "event stream %s (%s); next try in %.1f s", status.value, error.kind.value, delay
        )
        self._set_state(StreamState(status, attempt=attempt, next_in_s=delay, error=error))
        self._wake.clear()
        self._wake.wait(delay)

    def _read(self, response: requests.Response, *, owes_refresh: bool) -> BackendError:
        """Read until the stream ends or fails; returns why it ended.

        ``owes_refresh``: the connection was opened without a position, so once the server
        has named one (its greeting, or failing that the first event) a full refresh must
        cover everything before it.
        """
        parser = SseParser()
        try:
            for chunk in response.iter_content(chunk_size=None):
                if self._stopping.is_set():
                    break
                for sse in parser.feed(chunk):
                    self._handle(sse)
                    if self._stopping.is_set():
                        break
                if owes_refresh and self._take_position(parser.position):
                    owes_refresh = False
                    self._refresh(RefreshReason.START)
        except Exception as exc:
            return transport_error(exc, "GET /events")
        return BackendError("the server closed the event stream", operation="GET /events")

    def _take_position(self, value: str | None) -> bool:
        """Adopt the position the server named at the end of a block; True once there is one.

        Kept in memory only: it is not handed to ``persist_last_id``, because what came
        before it is not in the caller's hands until the refresh it leads to has landed.
        """
        position = _event_id(value)
        if position is not None and self._last_id is None:
            self._last_id = position
        return self._last_id is not None

    def _handle(self, sse: SseEvent) -> None:
        event_id = _event_id(sse.id)
        if sse.event == EventType.RESET.value:
            try:
                reset = ResetData.model_validate_json(sse.data)
            except PydanticValidationError:
                reset = None
            new_id = reset.last_event_id if reset is not None else event_id
            if new_id is not None:
                self._advance(new_id)
            self._refresh(RefreshReason.RESET)
            return
        if event_id is not None and self._last_id is not None and event_id <= self._last_id:
            logger.debug("event stream: skipped repeated event %d", event_id)
            return
        try:
            event = EventOut(id=event_id, type=sse.event, data=json.loads(sse.data))  # type: ignore[arg-type]
        except (PydanticValidationError, ValueError, TypeError, RecursionError):
            problem = MalformedResponseError(
                f"an event of type {sse.event[:40]!r} could not be read", operation="GET /events"
            )
            logger.warning("event stream: skipped event %s: %s", sse.id, problem)
            if event_id is not None:
                self._advance(event_id)
            return
        self._events_seen += 1
        try:
            self._on_event(event)
        except Exception:
            logger.exception("an event listener failed on event %d (%s)", event.id, event.type)
        self._advance(event.id)

    def _advance(self, event_id: int) -> None:
        self._last_id = event_id
        if self._persist is not None:
            try:
                self._persist(event_id)
            except Exception:
                logger.exception("storing the last event id failed")


def _event_id(value: str | None) -> int | None:
    if value is None:
        return None
    value = value.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 19:
        return None
    return int(value)


def _socket_of(response: requests.Response) -> socket.socket | None:
    raw: Any = response.raw
    connection = getattr(raw, "connection", None) or getattr(raw, "_connection", None)
    sock = getattr(connection, "sock", None)
    if isinstance(sock, socket.socket):
        return sock
    fp = getattr(raw, "_fp", None)
    inner = getattr(getattr(getattr(fp, "fp", None), "raw", None), "_sock", None)
    return inner if isinstance(inner, socket.socket) else None


__all__ = [
    "EventStream",
    "RefreshReason",
    "StreamState",
    "StreamStatus",
    "backoff_s",
]
