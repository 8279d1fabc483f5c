"""``EventStream`` against the real server: resume after a cut link, reset, stop, sign-in."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from console.client import (
    BackendClient,
    EventStream,
    RefreshReason,
    StreamState,
    StreamStatus,
)
from console.wire import IncidentIn
from console.wire.events import EventOut
from tests.support.live_server import LiveDemoServer
from tests.support.polling import wait_for
from tests.support.tcp_proxy import CuttableProxy

MakeClient = Callable[..., BackendClient]


class Recorder:
    """Collects what a stream reports, thread-safely."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.events: list[EventOut] = []
        self.states: list[StreamState] = []
        self.refreshes: list[RefreshReason] = []
        self.persisted: list[int] = []

    def event(self, event: EventOut) -> None:
        with self.lock:
            self.events.append(event)

    def state(self, state: StreamState) -> None:
        with self.lock:
            self.states.append(state)

    def refresh(self, reason: RefreshReason) -> None:
        with self.lock:
            self.refreshes.append(reason)

    def persist(self, event_id: int) -> None:
        with self.lock:
            self.persisted.append(event_id)

    def statuses(self) -> list[StreamStatus]:
        with self.lock:
            return [s.status for s in self.states]

    def created_titles(self) -> list[str]:
        with self.lock:
            return [str(e.data.get("title")) for e in self.events if e.type == "incident.created"]


def stream_for(client: BackendClient, recorder: Recorder, **options: Any) -> EventStream:
    return EventStream(
        client,
        on_event=recorder.event,
        on_state=recorder.state,
        on_refresh_needed=recorder.refresh,
        persist_last_id=recorder.persist,
        min_backoff_s=0.1,
        max_backoff_s=0.5,
        read_timeout_s=5.0,
        **options,
    )


@pytest.fixture
def proxy(demo_server: LiveDemoServer) -> Iterator[CuttableProxy]:
    relay = CuttableProxy(demo_server.port).start()
    yield relay
    relay.stop()


def raise_incidents(client: BackendClient, titles: list[str]) -> None:
    for title in titles:
        client.create_incident(
            IncidentIn(
                title=title, category="road", priority=3, source="operator", lat=19.2, lon=110.4
            )
        )


def test_a_cut_link_resumes_without_gap_or_duplicate(
    demo_server: LiveDemoServer, make_client: MakeClient, proxy: CuttableProxy, unique: str
) -> None:
    writer = make_client()
    reader = BackendClient(proxy.url, token=writer.token)
    recorder = Recorder()
    stream = stream_for(reader, recorder)
    try:
        stream.start()
        wait_for(lambda: StreamStatus.CONNECTED in recorder.statuses(), what="connected")
        assert recorder.refreshes == [RefreshReason.START]
        before = [f"{unique}-a{n}" for n in range(5)]
        raise_incidents(writer, before)
        wait_for(lambda: set(before) <= set(recorder.created_titles()), what="first events")

        proxy.cut()
        wait_for(
            lambda: recorder.statuses()[-1] in (StreamStatus.RECONNECTING, StreamStatus.OFFLINE),
            what="the stream to notice the cut",
        )
        during = [f"{unique}-b{n}" for n in range(7)]
        raise_incidents(writer, during)  # straight to the server, while the reader is cut off
        proxy.heal()
        wait_for(lambda: set(during) <= set(recorder.created_titles()), what="resumed events")
    finally:
        assert stream.stop(5.0)
        reader.close()

    ids = [e.id for e in recorder.events]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids)), "an event was delivered twice"
    ours = [t for t in recorder.created_titles() if t.startswith(unique)]
    assert ours == before + during
    assert recorder.refreshes == [RefreshReason.START]  # a short gap needs no reload
    assert recorder.persisted[-1] == ids[-1]

    # No gap: a fresh stream replaying from just before our first event sees the same ids.
    replay = Recorder()
    check = stream_for(writer, replay, last_event_id=ids[0] - 1)
    try:
        check.start()
        wait_for(lambda: any(e.id >= ids[-1] for e in replay.events), what="the replay")
    finally:
        assert check.stop(5.0)
    assert [e.id for e in replay.events if e.id <= ids[-1]] == ids


def test_an_id_the_server_no_longer_holds_asks_for_a_reset(make_client: MakeClient) -> None:
    client = make_client()
    recorder = Recorder()
    stream = stream_for(client, recorder, last_event_id=10**12)
    try:
        stream.start()
        wait_for(lambda: RefreshReason.RESET in recorder.refreshes, what="reset")
    finally:
        assert stream.stop(5.0)
    assert stream.last_event_id is not None
    assert stream.last_event_id < 10**12
    assert recorder.persisted == [stream.last_event_id]


def test_a_long_gap_asks_for_a_full_refresh(make_client: MakeClient, proxy: CuttableProxy) -> None:
    writer = make_client()
    reader = BackendClient(proxy.url, token=writer.token)
    recorder = Recorder()
    stream = stream_for(reader, recorder, last_event_id=0, refresh_after_gap_s=0.3)
    try:
        stream.start()
        wait_for(lambda: StreamStatus.CONNECTED in recorder.statuses(), what="connected")
        proxy.cut()
        wait_for(lambda: StreamStatus.OFFLINE in recorder.statuses(), what="offline")
        time.sleep(0.4)  # stay away longer than the configured gap (that is the condition)
        proxy.heal()
        wait_for(lambda: RefreshReason.GAP in recorder.refreshes, what="gap refresh")
    finally:
        assert stream.stop(5.0)
        reader.close()


def test_a_refused_token_waits_for_sign_in(demo_server: LiveDemoServer) -> None:
    client = BackendClient(demo_server.url, token="not-a-token")
    recorder = Recorder()
    stream = stream_for(client, recorder)
    try:
        stream.start()
        wait_for(lambda: StreamStatus.LOGIN_NEEDED in recorder.statuses(), what="login needed")
        client.login("operator-2", demo_server.password("operator-2"))
        stream.wake()
        wait_for(lambda: StreamStatus.CONNECTED in recorder.statuses(), what="connected")
    finally:
        assert stream.stop(5.0)
        client.close()


def test_stop_ends_a_quiet_connected_stream_promptly(make_client: MakeClient) -> None:
    client = make_client()
    recorder = Recorder()
    # A read timeout far beyond the stop bound: stop must not wait for it.
    stream = EventStream(
        client, on_event=recorder.event, on_state=recorder.state, read_timeout_s=120
    )
    stream.start()
    wait_for(lambda: StreamStatus.CONNECTED in recorder.statuses(), what="connected")
    assert stream.stop(3.0)
    assert recorder.statuses()[-1] is StreamStatus.STOPPED
