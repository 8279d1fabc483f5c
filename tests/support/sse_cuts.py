"""Cutting the live event stream at chosen points, and counting what reaches the store.

``StagedCutProxy(upstream_port, schedule)`` is a ``CuttableProxy`` that also decides per
connection where to cut it: ``schedule(n)`` names a ``Stage`` for the n-th
connection (or None: relay it whole). A stage looks at the bytes the server has sent on that
connection so far (HTTP head, chunk framing and all) and says after how many of them the
client is cut off: before any byte, inside the response head, before the stream's greeting,
inside the greeting's ``id`` line, after it, before, inside or just short of an event frame.

``run_cut_everywhere(...)`` writes incidents on the server while a console's ``EventStream``
reads through such a proxy that cuts every connection, cycling through every stage; events
and full refreshes go into a real local store. It then counts incidents that never reached
the store (lost), events handed over more than once (duplicated), and events the server
holds in the delivered range that the stream skipped (gaps). Used by the event-stream tests
and by ``bench/sse_cuts.py``.
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from console.client import BackendClient, BackendError, EventStream, RefreshReason
from console.client.sync import Synchroniser
from console.store import open_store
from console.wire import IncidentIn
from console.wire.events import EventOut
from tests.support.tcp_proxy import CuttableProxy
from tests.support.tcp_proxy import _close as close_socket

CutPoint = Callable[[bytes], int | None]


@dataclass(frozen=True)
class Stage:
    """Where to cut one connection: ``cut_at(sent)`` is the number of bytes the client
    gets, once the server's bytes ``sent`` so far show where that is (None: not yet)."""

    name: str
    cut_at: CutPoint


def _body_start(sent: bytes) -> int | None:
    end = sent.find(b"\r\n\r\n")
    return None if end < 0 else end + 4


def _greeting_end(sent: bytes) -> int | None:
    marker = b": connected\n\n"
    at = sent.find(marker)
    return None if at < 0 else at + len(marker)


def _frame(sent: bytes, number: int) -> tuple[int, int] | None:
    """Start and end of the ``number``-th (1-based) event frame after the greeting, once
    it has arrived whole."""
    position = _greeting_end(sent)
    if position is None:
        return None
    for _ in range(number):
        start = sent.find(b"id: ", position)
        if start < 0:
            return None
        end = sent.find(b"\n\n", start)
        if end < 0:
            return None
        position = end + 2
    return start, position


def _in_frame(number: int, offset: Callable[[bytes, int, int], int]) -> CutPoint:
    def cut_at(sent: bytes) -> int | None:
        frame = _frame(sent, number)
        return None if frame is None else offset(sent, *frame)

    return cut_at


def _after(find: Callable[[bytes], int | None], extra: int = 0) -> CutPoint:
    def cut_at(sent: bytes) -> int | None:
        at = find(sent)
        return None if at is None else at + extra

    return cut_at


def _greeting_id(sent: bytes) -> int | None:
    start = _body_start(sent)
    if start is None or _greeting_end(sent) is None:
        return None
    at = sent.find(b"\nid: ", start)
    return None if at < 0 else at + len(b"\nid: ") + 1  # one digit of the id, no more


AT_CONNECT = Stage("at_connect", lambda sent: 0)
IN_HEAD = Stage("in_head", lambda sent: 12 if len(sent) >= 12 else None)
BEFORE_GREETING = Stage("before_greeting", _after(_body_start))
IN_GREETING_ID = Stage("in_greeting_id", _greeting_id)
AFTER_GREETING = Stage("after_greeting", _after(_greeting_end))
BEFORE_FIRST_ID = Stage("before_first_id", _in_frame(1, lambda sent, start, end: start))
IN_FIRST_ID = Stage("in_first_id", _in_frame(1, lambda sent, start, end: start + 5))
MID_FRAME = Stage("mid_frame", _in_frame(1, lambda sent, start, end: (start + end) // 2))
BEFORE_BLANK_LINE = Stage("before_blank_line", _in_frame(1, lambda sent, start, end: end - 1))
AFTER_FRAME = Stage("after_frame", _in_frame(1, lambda sent, start, end: end))
MID_THIRD_FRAME = Stage("mid_third_frame", _in_frame(3, lambda sent, start, end: start + 9))

ALL_STAGES: tuple[Stage, ...] = (
    AT_CONNECT,
    IN_HEAD,
    BEFORE_GREETING,
    IN_GREETING_ID,
    AFTER_GREETING,
    BEFORE_FIRST_ID,
    IN_FIRST_ID,
    MID_FRAME,
    BEFORE_BLANK_LINE,
    AFTER_FRAME,
    MID_THIRD_FRAME,
)

Schedule = Callable[[int], Stage | None]


def cycling(stages: Sequence[Stage]) -> Schedule:
    """Cut every connection, taking the stages in turn."""
    return lambda number: stages[number % len(stages)]


class StagedCutProxy(CuttableProxy):
    """A loopback TCP relay that cuts each connection where its schedule says.

    ``cuts`` lists the stage names of the cuts made, in order; ``stop_cutting()`` relays
    every later connection whole. (``cut()`` and ``heal()`` still work as in the base.)
    """

    def __init__(self, upstream_port: int, schedule: Schedule) -> None:
        super().__init__(upstream_port)
        self._schedule = schedule
        self._count = itertools.count()
        self._cutting = True
        self._schedule_lock = threading.Lock()
        self.cuts: list[str] = []

    def start(self) -> StagedCutProxy:
        super().start()
        return self

    def stop_cutting(self) -> None:
        with self._schedule_lock:
            self._cutting = False

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            from_server = source.getpeername() == self._upstream
        except OSError:
            from_server = False
        stage = None
        if from_server:
            with self._schedule_lock:
                stage = self._schedule(next(self._count)) if self._cutting else None
        if stage is None:
            super()._pump(source, target)
            return
        sent = b""
        point = stage.cut_at(sent)
        with contextlib.suppress(OSError):
            while point is None and (data := source.recv(65536)):
                before = len(sent)
                sent += data
                point = stage.cut_at(sent)
                target.sendall(data if point is None else sent[before:point])
        if point is not None:
            with self._schedule_lock:
                self.cuts.append(stage.name)
        for sock in (source, target):
            with self._lock:
                self._open.discard(sock)
            close_socket(sock)


# ---------------------------------------------------------------------- a console under cuts


class StoreFeed:
    """A console's event stream into a real local store, as the application wires it: each
    event is applied as it arrives, and a refresh the stream asks for is fetched (directly,
    not through the cut link) and applied on another thread, retried until it lands.

    ``delivered`` lists the ids of the events handed over; ``refreshes`` the reasons given.
    """

    def __init__(self, stream_client: BackendClient, rest_client: BackendClient, store_dir: Path):
        self.store = open_store(store_dir)
        self._sync = Synchroniser(rest_client, self.store)
        self._lock = threading.Lock()  # one writer at a time, like the console's store lane
        self.delivered: list[int] = []
        self.refreshes: list[RefreshReason] = []
        self._owed: RefreshReason | None = None
        self._refreshing = False
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._refresher = threading.Thread(target=self._refresh_loop, daemon=True)
        self.stream = EventStream(
            stream_client,
            on_event=self._on_event,
            on_refresh_needed=self._on_refresh,
            min_backoff_s=0.02,
            max_backoff_s=0.2,
            read_timeout_s=10.0,
        )

    def start(self) -> None:
        self._refresher.start()
        self.stream.start()

    def close(self) -> None:
        self.stream.stop(5.0)
        self._stopping.set()
        self._wake.set()
        self._refresher.join(10)
        self.store.close()

    @property
    def settled(self) -> bool:
        with self._lock:
            return self._owed is None and not self._refreshing

    def has_incident(self, incident_id: str) -> bool:
        with self._lock:
            return self.store.incidents.get(incident_id) is not None

    def _on_event(self, event: EventOut) -> None:
        with self._lock:
            self.delivered.append(event.id)
            self._sync.handle_events([event])

    def _on_refresh(self, reason: RefreshReason) -> None:
        with self._lock:
            self.refreshes.append(reason)
            if self._owed is not RefreshReason.RESET:
                self._owed = reason
        self._wake.set()

    def _refresh_loop(self) -> None:
        while not self._stopping.is_set():
            self._wake.wait(0.2)
            self._wake.clear()
            with self._lock:
                reason, self._owed = self._owed, None
                self._refreshing = reason is not None
            if reason is None:
                continue
            working_set = None
            while working_set is None and not self._stopping.is_set():
                try:
                    working_set = self._sync.full_refresh(reset=reason is RefreshReason.RESET)
                except BackendError:
                    time.sleep(0.1)  # the server is busy; the refresh is still owed
            with self._lock:
                self._refreshing = False


@dataclass
class CutRunResult:
    """What a cut-everywhere run counted."""

    written: int
    lost: int  # written incidents that never reached the store
    duplicated: int  # events handed to the store more than once
    gaps: int  # events the server holds inside the delivered range that were skipped
    cuts: list[str] = field(default_factory=list)
    refreshes: list[RefreshReason] = field(default_factory=list)
    seconds: float = 0.0


def incident_in(title: str) -> IncidentIn:
    """A new road incident called ``title``."""
    fields = {"category": "road", "priority": 3, "source": "operator", "lat": 19.2, "lon": 110.4}
    return IncidentIn.model_validate({"title": title, **fields})


def replayed_ids(client: BackendClient, after: int, through: int, timeout_s: float) -> list[int]:
    """The ids an uncut stream delivers from ``after`` up to ``through`` (same user)."""
    seen: list[int] = []
    reached = threading.Event()

    def take(event: EventOut) -> None:
        if event.id <= through:
            seen.append(event.id)
        if event.id >= through:
            reached.set()

    stream = EventStream(client, on_event=take, last_event_id=after)
    stream.start()
    try:
        if not reached.wait(timeout_s):
            raise AssertionError(f"the replay did not reach event {through}")
    finally:
        stream.stop(5.0)
    return seen


def run_cut_everywhere(
    server_url: str,
    token: str,
    store_dir: Path,
    *,
    events: int,
    min_cuts: int = 0,
    stages: Sequence[Stage] = ALL_STAGES,
    pace_s: float = 0.01,
    settle_timeout_s: float = 60.0,
) -> CutRunResult:
    """Write ``events`` incidents while every connection of a console's event stream is cut
    (stages in turn), and more until ``min_cuts`` cuts were made (at most ten times as many:
    cuts inside frames need events to cut); then stop cutting, write one marker and count
    (see the module)."""
    started = time.monotonic()
    prefix = f"cut-{uuid.uuid4().hex[:8]}"
    proxy = StagedCutProxy(_port_of(server_url), cycling(stages)).start()
    writer = BackendClient(server_url, token=token)
    stream_client = BackendClient(proxy.url, token=token, retries=0)
    rest_client = BackendClient(server_url, token=token)
    feed = StoreFeed(stream_client, rest_client, store_dir)
    written: list[str] = []
    try:
        feed.start()
        for number in itertools.count():
            if number >= events and (len(proxy.cuts) >= min_cuts or number >= 10 * events):
                break
            written.append(writer.create_incident(incident_in(f"{prefix}-{number}")).id)
            time.sleep(pace_s)  # a steady pace, so that cuts fall among the writes
        proxy.stop_cutting()
        marker = writer.create_incident(incident_in(f"{prefix}-marker")).id
        deadline = time.monotonic() + settle_timeout_s
        while not (feed.has_incident(marker) and feed.settled):
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        feed.stream.stop(5.0)
        lost = sum(1 for incident_id in written if not feed.has_incident(incident_id))
        delivered = list(feed.delivered)
        duplicated = len(delivered) - len(set(delivered))
        gaps = 0
        if delivered:
            replay = replayed_ids(writer, min(delivered) - 1, max(delivered), settle_timeout_s)
            gaps = len(set(replay) - set(delivered))
        return CutRunResult(
            written=len(written),
            lost=lost,
            duplicated=duplicated,
            gaps=gaps,
            cuts=list(proxy.cuts),
            refreshes=list(feed.refreshes),
            seconds=time.monotonic() - started,
        )
    finally:
        feed.close()
        proxy.stop()
        for client in (writer, stream_client, rest_client):
            client.close()


def _port_of(url: str) -> int:
    return int(url.rstrip("/").rsplit(":", 1)[1].split("/", 1)[0])
