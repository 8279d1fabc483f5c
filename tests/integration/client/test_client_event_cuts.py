"""The live event stream cut at every stage of a connection, against the real server.

Every event must reach the local store exactly once, whether the link drops before the
server's greeting, inside it, after it, before the first event id, inside a frame or just
short of its end; and a console installed a moment ago must not lose what happens while its
first connection is down.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from console.client import BackendClient, RefreshReason
from tests.support.live_server import LiveDemoServer
from tests.support.polling import wait_for
from tests.support.sse_cuts import (
    ALL_STAGES,
    AT_CONNECT,
    BEFORE_GREETING,
    Stage,
    StagedCutProxy,
    StoreFeed,
    incident_in,
    run_cut_everywhere,
)
from tests.support.tcp_proxy import CuttableProxy

MakeClient = Callable[..., BackendClient]


def test_cuts_at_every_stage_lose_and_repeat_nothing(
    demo_server: LiveDemoServer, make_client: MakeClient, tmp_path: Path
) -> None:
    writer = make_client()
    assert writer.token is not None
    result = run_cut_everywhere(
        demo_server.url,
        writer.token,
        tmp_path / "store",
        events=3 * len(ALL_STAGES),
        min_cuts=3 * len(ALL_STAGES),
    )
    assert set(result.cuts) == {stage.name for stage in ALL_STAGES}, "a stage was never cut"
    assert len(result.cuts) >= 3 * len(ALL_STAGES)
    assert result.lost == 0
    assert result.duplicated == 0
    assert result.gaps == 0
    # Only the first connections began without a position; every later one resumed.
    assert result.refreshes == [RefreshReason.START]


def _created_during_drop(writer: BackendClient, prefix: str, count: int) -> list[str]:
    """Create ``count`` incidents spread over about a second."""
    ids = []
    for number in range(count):
        ids.append(writer.create_incident(incident_in(f"{prefix}-{number}")).id)
        time.sleep(1.0 / count)  # the drop lasts about a second, as an outage would
    return ids


def test_a_fresh_console_keeps_what_happens_in_a_drop_after_connecting(
    demo_server: LiveDemoServer, make_client: MakeClient, tmp_path: Path, unique: str
) -> None:
    writer = make_client()
    proxy = CuttableProxy(demo_server.port).start()
    stream_client = BackendClient(proxy.url, token=writer.token)
    feed = StoreFeed(stream_client, writer, tmp_path / "store")
    try:
        feed.start()
        wait_for(lambda: feed.stream.last_event_id is not None, what="the greeting's position")
        proxy.cut()
        ids = _created_during_drop(writer, unique, 5)
        proxy.heal()
        wait_for(lambda: all(feed.has_incident(i) for i in ids), what="the incidents")
    finally:
        feed.close()
        proxy.stop()
        stream_client.close()
    assert len(feed.delivered) == len(set(feed.delivered))


def test_a_fresh_console_cut_before_the_greeting_still_gets_everything(
    demo_server: LiveDemoServer, make_client: MakeClient, tmp_path: Path, unique: str
) -> None:
    writer = make_client()
    refusing = threading.Event()

    def schedule(number: int) -> Stage | None:
        if number == 0:
            refusing.set()  # later connections are refused until the drop ends
            return BEFORE_GREETING
        return AT_CONNECT if refusing.is_set() else None

    proxy = StagedCutProxy(demo_server.port, schedule).start()
    stream_client = BackendClient(proxy.url, token=writer.token, retries=0)
    feed = StoreFeed(stream_client, writer, tmp_path / "store")
    try:
        feed.start()
        wait_for(lambda: BEFORE_GREETING.name in proxy.cuts, what="the first cut")
        ids = _created_during_drop(writer, unique, 5)
        refusing.clear()
        wait_for(lambda: all(feed.has_incident(i) for i in ids), what="the incidents")
        wait_for(lambda: feed.settled, what="the refresh to land")
    finally:
        feed.close()
        proxy.stop()
        stream_client.close()
    assert feed.refreshes == [RefreshReason.START]
    assert len(feed.delivered) == len(set(feed.delivered))
