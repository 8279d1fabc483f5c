"""The supervisor's state machine, driven by a scripted source and an injected clock."""

from __future__ import annotations

import random
from contextlib import nullcontext

import pytest

from console.video.source import FrameView, SourceEvent, SourceStats
from console.video.supervisor import (
    Backoff,
    StreamState,
    StreamStatus,
    StreamSupervisor,
    SupervisorConfig,
)


class ScriptedSource:
    """A stand-in decoder whose pictures and events the test hands out one by one."""

    kind = "scripted"

    def __init__(self) -> None:
        self.url: str | None = None
        self.frame_counter = 0
        self.opened: list[str] = []
        self.closed = 0
        self.disposed = False
        self._events: list[SourceEvent] = []

    def open(self, url: str) -> None:
        self.url = url
        self.opened.append(url)
        self._events.append(SourceEvent.OPENING)

    def close(self) -> None:
        self.url = None
        self.closed += 1

    def dispose(self) -> None:
        self.disposed = True

    def poll(self) -> None:
        pass

    def take_events(self) -> list[SourceEvent]:
        events, self._events = self._events, []
        return events

    def hold_frame(self) -> nullcontext[FrameView | None]:
        return nullcontext(None)

    def stats(self) -> SourceStats:
        return SourceStats()

    # test controls
    def picture(self) -> None:
        self.frame_counter += 1

    def fail(self, event: SourceEvent = SourceEvent.ERROR) -> None:
        self._events.append(event)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


URL = "http://127.0.0.1:1/cam.ts"


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make(
    source: ScriptedSource, clock: Clock, changes: list[StreamStatus] | None = None, **config: float
) -> StreamSupervisor:
    settings = SupervisorConfig(
        stale_after_s=config.get("stale_after_s", 3.0),
        connect_timeout_s=config.get("connect_timeout_s", 10.0),
        backoff=Backoff(jitter=config.get("jitter", 0.2)),
    )
    supervisor = StreamSupervisor(
        source,  # type: ignore[arg-type]
        URL,
        config=settings,
        clock=clock,
        rng=random.Random(7),
        on_change=None if changes is None else changes.append,
    )
    supervisor.start()
    return supervisor


def advance(supervisor: StreamSupervisor, clock: Clock, seconds: float, step: float = 0.1) -> None:
    end = clock.now + seconds
    while clock.now < end:
        clock.now = min(end, clock.now + step)
        supervisor.tick()


def test_first_picture_turns_connecting_into_live(clock: Clock) -> None:
    source = ScriptedSource()
    supervisor = make(source, clock)
    assert supervisor.state is StreamState.CONNECTING
    assert source.opened == [URL]
    source.picture()
    assert supervisor.tick().state is StreamState.LIVE
    assert supervisor.status.last_frame_at == clock.now


def test_frozen_stream_goes_stale_after_the_configured_time_and_holds_its_last_picture(
    clock: Clock,
) -> None:
    source = ScriptedSource()
    supervisor = make(source, clock, stale_after_s=3.0)
    source.picture()
    supervisor.tick()
    frozen_at = clock.now
    advance(supervisor, clock, 2.9)
    assert supervisor.state is StreamState.LIVE
    advance(supervisor, clock, 0.3)
    status = supervisor.status
    assert status.state is StreamState.STALE
    assert status.last_frame_at == frozen_at
    assert status.attempt == 1
    assert status.next_try_at is not None
    assert status.next_try_at > clock.now
    assert source.closed == 0, "the last picture stays: the source is not closed yet"


def test_stale_stream_that_resumes_by_itself_is_live_without_reconnecting(clock: Clock) -> None:
    source = ScriptedSource()
    supervisor = make(source, clock)
    source.picture()
    supervisor.tick()
    advance(supervisor, clock, 3.2)
    assert supervisor.state is StreamState.STALE
    source.picture()
    assert supervisor.tick().state is StreamState.LIVE
    assert source.opened == [URL]


def test_reconnect_attempts_back_off_exponentially_up_to_the_cap(clock: Clock) -> None:
    source = ScriptedSource()
    supervisor = make(source, clock, jitter=0.0, connect_timeout_s=5.0)
    delays = []
    for _ in range(8):
        started = clock.now
        while supervisor.status.next_try_at is None:  # until the attempt times out
            clock.now += 0.1
            supervisor.tick()
        assert clock.now - started == pytest.approx(5.1, abs=0.01)
        status = supervisor.status
        assert status.state is StreamState.RECONNECTING
        assert status.next_try_at is not None
        delays.append(round(status.next_try_at - clock.now, 1))
        clock.now = status.next_try_at
        supervisor.tick()  # the attempt starts
        assert supervisor.status.next_try_at is None
    assert delays == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0, 30.0]
    assert len(source.opened) == 9


def test_attempt_numbers_count_up_and_reset_when_pictures_return(clock: Clock) -> None:
    source = ScriptedSource()
    changes: list[StreamStatus] = []
    supervisor = make(source, clock, changes, jitter=0.0)
    for _ in range(3):
        source.fail()
        supervisor.tick()
        assert supervisor.status.next_try_at is not None
        clock.now = supervisor.status.next_try_at
        supervisor.tick()
    assert supervisor.status.attempt == 3
    source.picture()
    assert supervisor.tick() == StreamStatus(StreamState.LIVE, last_frame_at=clock.now)
    assert [c.attempt for c in changes if c.next_try_at is not None] == [1, 2, 3]


def test_an_error_queued_before_the_new_attempt_opened_does_not_fail_it(clock: Clock) -> None:
    source = ScriptedSource()
    supervisor = make(source, clock, jitter=0.0)
    source.take_events()  # the first OPENING is consumed
    source.picture()
    supervisor.tick()
    advance(supervisor, clock, 3.2)
    clock.now = supervisor.status.next_try_at or clock.now
    source.fail(SourceEvent.ENDED)  # from the frozen media, reported late
    supervisor.tick()
    assert supervisor.status.state is StreamState.RECONNECTING
    assert supervisor.status.next_try_at is None  # the attempt is still running


def test_jitter_spreads_delays_within_bounds() -> None:
    backoff = Backoff(initial_s=1.0, cap_s=30.0, jitter=0.2)
    rng = random.Random(1)
    samples = [backoff.delay(3, rng) for _ in range(200)]
    assert all(3.2 <= d <= 4.8 for d in samples)
    assert len({round(d, 3) for d in samples}) > 50
    assert all(24.0 <= backoff.delay(12, rng) <= 36.0 for _ in range(50))


def test_offline_camera_is_not_retried_until_it_is_back(clock: Clock) -> None:
    source = ScriptedSource()
    supervisor = make(source, clock)
    source.picture()
    supervisor.tick()
    supervisor.set_online(False)
    assert supervisor.state is StreamState.OFFLINE
    assert source.closed == 1
    advance(supervisor, clock, 120, step=1.0)
    assert supervisor.state is StreamState.OFFLINE
    assert source.opened == [URL]
    supervisor.set_online(True)
    assert supervisor.state is StreamState.RECONNECTING
    assert source.opened == [URL, URL]
    source.picture()
    assert supervisor.tick().state is StreamState.LIVE


def test_not_shared_camera_is_never_opened(clock: Clock) -> None:
    source = ScriptedSource()
    supervisor = StreamSupervisor(source, URL, clock=clock)  # type: ignore[arg-type]
    supervisor.set_shared(False)
    supervisor.start()
    assert supervisor.state is StreamState.NOT_SHARED
    assert source.opened == []


def test_unplayable_url_is_an_error_state_and_never_ticks(clock: Clock) -> None:
    supervisor = StreamSupervisor(None, "rtsp://x/y", clock=clock, unplayable_reason="no RTSP")
    supervisor.start()
    assert supervisor.tick().state is StreamState.ERROR
    assert supervisor.status.detail == "no RTSP"


def test_stop_disposes_the_source(clock: Clock) -> None:
    source = ScriptedSource()
    supervisor = make(source, clock)
    supervisor.stop()
    assert source.disposed
