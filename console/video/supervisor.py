"""The watchdog behind every tile: honest stream states and reconnection without an operator.

libvlc does not reliably report a lost network stream (no error, the picture just stops), so
the supervisor trusts only pictures: a stream that shows nothing new for ``stale_after_s`` is
stale. The last picture stays on screen, marked; reconnection follows with exponential backoff
(1, 2, 4 ... 30 s, with jitter so a hundred tiles do not retry in step) until pictures come
back. Nothing here blocks: ``tick()`` is called by the owner's timer (the GUI's repaint clock)
and only reads counters and queues work on the source.

The clock and the random source are injected, so the logic is tested without libvlc.
"""

from __future__ import annotations

import enum
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from console.scrub import scrub
from console.video.source import SourceEvent, VideoSource

logger = logging.getLogger(__name__)


class StreamState(enum.Enum):
    """What a tile can honestly say about its stream."""

    CONNECTING = "connecting"  # first attempt, no picture yet
    LIVE = "live"  # new pictures keep arriving
    STALE = "stale"  # pictures stopped; the last one is held; a reconnect is scheduled
    RECONNECTING = "reconnecting"  # an attempt is running or scheduled after a failed one
    OFFLINE = "offline"  # the backend says the camera is offline; nothing is tried
    NOT_SHARED = "not_shared"  # this operator may not see the camera
    ERROR = "error"  # no source on this machine can play the URL


@dataclass(frozen=True)
class Backoff:
    """Delay before reconnect attempt n: ``initial_s * factor**(n-1)``, at most ``cap_s``,
    then spread by +/- ``jitter`` (a fraction)."""

    initial_s: float = 1.0
    cap_s: float = 30.0
    factor: float = 2.0
    jitter: float = 0.2

    def delay(self, attempt: int, rng: random.Random) -> float:
        base = min(self.cap_s, self.initial_s * self.factor ** max(0, attempt - 1))
        return base * (1.0 + rng.uniform(-self.jitter, self.jitter))


@dataclass(frozen=True)
class SupervisorConfig:
    """``stale_after_s``: no new picture for this long means frozen. ``connect_timeout_s``: an
    attempt that shows no picture in this time has failed (covers keyframe wait and
    buffering).

    The watchdog looks once per tick of its owner's clock (40 ms on the wall), and a picture
    is noticed at the tick after it arrives, so a freeze is marked up to two ticks after
    ``stale_after_s``; the default leaves room for that (and for a late tick on a busy
    machine) within the 3 s the console promises."""

    stale_after_s: float = 2.5
    connect_timeout_s: float = 10.0
    backoff: Backoff = field(default_factory=Backoff)


@dataclass(frozen=True)
class StreamStatus:
    """A snapshot for painting: the state, the reconnect attempt (1-based, 0 when none), when
    the next attempt starts (None while one runs), when the last picture arrived."""

    state: StreamState
    attempt: int = 0
    next_try_at: float | None = None
    last_frame_at: float | None = None
    detail: str = ""

    def next_try_in(self, now: float) -> float | None:
        return None if self.next_try_at is None else max(0.0, self.next_try_at - now)

    def frame_age(self, now: float) -> float | None:
        return None if self.last_frame_at is None else max(0.0, now - self.last_frame_at)


StatusListener = Callable[[StreamStatus], None]


class StreamSupervisor:
    """Watches one source playing one URL; see the module docstring.

    ``on_change`` is called (from ``tick`` or the setters, on the caller's thread) whenever the
    state, the attempt number or the scheduled time changes.
    """

    def __init__(
        self,
        source: VideoSource | None,
        url: str,
        *,
        config: SupervisorConfig | None = None,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        on_change: StatusListener | None = None,
        unplayable_reason: str = "",
    ):
        self.source = source
        self.url = url
        self.config = config or SupervisorConfig()
        self._clock = clock
        self._rng = rng or random.Random()
        self._on_change = on_change
        self._seen_counter = source.frame_counter if source is not None else 0
        self._attempt_started_at: float | None = None
        self._awaiting_open = False
        self._online = True
        self._shared = True
        self._status = StreamStatus(StreamState.CONNECTING)
        if source is None:
            self._status = StreamStatus(StreamState.ERROR, detail=unplayable_reason)
        self._started = False

    @property
    def status(self) -> StreamStatus:
        return self._status

    @property
    def state(self) -> StreamState:
        return self._status.state

    def set_listener(self, on_change: StatusListener | None) -> None:
        self._on_change = on_change

    # ---------------------------------------------------------------- commands

    def start(self) -> None:
        """Begin playing (idempotent)."""
        if self._started or self.source is None:
            return
        self._started = True
        if self._online and self._shared:
            self._begin_attempt(self._clock(), StreamState.CONNECTING)

    def stop(self) -> None:
        """Stop playing and release the source (off the caller's thread)."""
        self._started = False
        if self.source is not None:
            self.source.dispose()

    def set_online(self, online: bool) -> None:
        """The backend's view of the camera: offline stops attempts until it is back."""
        if online == self._online:
            return
        self._online = online
        self._apply_availability()

    def set_shared(self, shared: bool) -> None:
        """Whether this operator may see the camera."""
        if shared == self._shared:
            return
        self._shared = shared
        self._apply_availability()

    def _apply_availability(self) -> None:
        if self.source is None:
            return
        now = self._clock()
        if not self._shared or not self._online:
            self.source.close()
            self._attempt_started_at = None
            state = StreamState.NOT_SHARED if not self._shared else StreamState.OFFLINE
            self._set(StreamStatus(state, last_frame_at=self._status.last_frame_at))
        elif self._started:
            state = (
                StreamState.RECONNECTING
                if self._status.last_frame_at is not None
                else StreamState.CONNECTING
            )
            self._begin_attempt(now, state)

    # ---------------------------------------------------------------- the watchdog

    def tick(self, now: float | None = None) -> StreamStatus:
        """Look at the source once; cheap, never blocks. Returns the current status."""
        source = self.source
        if source is None or not self._started:
            return self._status
        now = self._clock() if now is None else now
        source.poll()
        events = source.take_events()
        counter = source.frame_counter
        new_picture = counter != self._seen_counter
        self._seen_counter = counter
        failed = self._attempt_failed(events)
        state = self._status.state

        if state in (StreamState.OFFLINE, StreamState.NOT_SHARED, StreamState.ERROR):
            return self._status
        if new_picture:
            if state is not StreamState.LIVE or self._status.attempt:
                self._attempt_started_at = None
                self._set(StreamStatus(StreamState.LIVE, last_frame_at=now))
            else:
                self._status = replace(self._status, last_frame_at=now)
            return self._status
        if self._attempt_started_at is not None:
            if failed or now - self._attempt_started_at > self.config.connect_timeout_s:
                self._schedule(now, StreamState.RECONNECTING, self._status.attempt + 1)
        elif state is StreamState.LIVE:
            last = self._status.last_frame_at or now
            if failed or now - last > self.config.stale_after_s:
                logger.info("stream %s froze; reconnecting", scrub(self.url))
                self._schedule(now, StreamState.STALE, 1)
        elif self._status.next_try_at is not None and now >= self._status.next_try_at:
            self._begin_attempt(now, StreamState.RECONNECTING)
        return self._status

    def _attempt_failed(self, events: list[SourceEvent]) -> bool:
        failed = False
        for event in events:
            if event is SourceEvent.OPENING:
                # Errors queued before this belonged to the media being replaced.
                self._awaiting_open = False
                failed = False
            elif event in (SourceEvent.ERROR, SourceEvent.ENDED) and not self._awaiting_open:
                failed = True
        return failed

    def _begin_attempt(self, now: float, state: StreamState) -> None:
        assert self.source is not None
        self.source.take_events()
        self._awaiting_open = True
        self._attempt_started_at = now
        self.source.open(self.url)
        attempt = self._status.attempt if state is StreamState.RECONNECTING else 0
        self._set(StreamStatus(state, attempt=attempt, last_frame_at=self._status.last_frame_at))

    def _schedule(self, now: float, state: StreamState, attempt: int) -> None:
        self._attempt_started_at = None
        delay = self.config.backoff.delay(attempt, self._rng)
        self._set(
            StreamStatus(
                state,
                attempt=attempt,
                next_try_at=now + delay,
                last_frame_at=self._status.last_frame_at,
            )
        )

    def _set(self, status: StreamStatus) -> None:
        changed = status != self._status
        self._status = status
        if changed and self._on_change is not None:
            self._on_change(status)
