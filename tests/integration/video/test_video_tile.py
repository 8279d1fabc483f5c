"""Tiles on real streams: libvlc on HTTP MPEG-TS, FFmpeg on RTSP, the watchdog on a camera
that dies silently and comes back, and a URL that never answers."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from console.gui.video_tile import RepaintClock, VideoTile
from console.video.av_source import PyAvSource
from console.video.schemes import factory_for, scheme_support
from console.video.source import SourceEvent
from console.video.supervisor import Backoff, StreamState, StreamStatus, SupervisorConfig
from console.video.vlc_source import VlcSource, wedged_players
from tests.support.live_stream import LiveStream, silent_tcp_server

pytestmark = [pytest.mark.media, pytest.mark.slow]

FIRST_PICTURE_S = 20_000  # ms: keyframe wait + buffering + a loaded 2-core machine


@pytest.fixture
def tile(qtbot: QtBot) -> Iterator[VideoTile]:
    clock = RepaintClock()
    widget = VideoTile("CAM", clock=clock)
    qtbot.addWidget(widget)
    widget.resize(480, 270)
    widget.show()
    yield widget
    widget.close()


def _distinct_colours(image: QImage, step: int = 16) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def _is_black(image: QImage) -> bool:
    return all(
        image.pixelColor(x, y).value() < 16
        for y in range(0, image.height(), 20)
        for x in range(0, image.width(), 20)
    )


def _wait_for_new_pictures(qtbot: QtBot, tile: VideoTile, count: int) -> None:
    source = tile.supervisor.source  # type: ignore[union-attr]
    start = source.frame_counter
    qtbot.waitUntil(lambda: source.frame_counter >= start + count, timeout=10_000)


def _assert_pictures_change(qtbot: QtBot, tile: VideoTile) -> None:
    qtbot.waitUntil(lambda: tile.supervisor.state is StreamState.LIVE, timeout=FIRST_PICTURE_S)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: tile.grab_frame().size().toTuple() == (640, 360), timeout=5_000)
    first = tile.grab_frame()
    assert not _is_black(first)
    assert _distinct_colours(first) > 8, "a test pattern, not a uniform picture"
    _wait_for_new_pictures(qtbot, tile, 25)
    second = tile.grab_frame()
    assert second != first, "the picture a second later differs (the clock moved)"
    painted = tile.grab().toImage()
    assert _distinct_colours(painted) > 8, "the widget paints the picture"


def test_libvlc_tile_shows_pictures_that_change(
    qtbot: QtBot, tile: VideoTile, live_stream: LiveStream
) -> None:
    supervisor = tile.play(live_stream.http_url)
    assert supervisor.source is not None
    assert supervisor.source.kind == "libvlc"
    _assert_pictures_change(qtbot, tile)
    qtbot.waitUntil(lambda: supervisor.source.stats().displayed > 0, timeout=5_000)  # type: ignore[union-attr]


def test_rtsp_plays_through_the_ffmpeg_source(
    qtbot: QtBot, tile: VideoTile, live_stream: LiveStream
) -> None:
    supervisor = tile.play(live_stream.rtsp_url, source_factory=PyAvSource)
    assert supervisor.source is not None
    assert supervisor.source.kind == "ffmpeg"
    _assert_pictures_change(qtbot, tile)


def test_rtsp_is_routed_to_a_source_that_can_play_it() -> None:
    support = scheme_support("rtsp")
    factory = factory_for("rtsp://127.0.0.1:1/x")
    assert support.source_kind is not None
    expected = VlcSource if support.libvlc else PyAvSource
    assert factory is expected


def test_frozen_camera_goes_stale_then_live_again_without_any_action(
    qtbot: QtBot, tile: VideoTile, own_live_stream: LiveStream
) -> None:
    changes: list[StreamStatus] = []
    tile.status_changed.connect(changes.append)
    config = SupervisorConfig(
        stale_after_s=3.0, connect_timeout_s=8.0, backoff=Backoff(initial_s=1.0, cap_s=2.0)
    )
    supervisor = tile.play(own_live_stream.http_url, config=config)
    qtbot.waitUntil(lambda: supervisor.state is StreamState.LIVE, timeout=FIRST_PICTURE_S)
    qtbot.waitUntil(lambda: tile.grab_frame().size().toTuple() == (640, 360), timeout=5_000)

    own_live_stream.stop_camera()
    source = supervisor.source
    assert source is not None
    # Pictures already in flight still arrive; the watchdog counts from the last one.
    _wait_until_no_new_pictures(qtbot, source)
    qtbot.waitUntil(lambda: supervisor.state is StreamState.STALE, timeout=5_000)
    held = tile.grab_frame()
    assert held.size().toTuple() == (640, 360), "the last picture is held while stale"
    assert _distinct_colours(held) > 8

    own_live_stream.start_camera()
    qtbot.waitUntil(lambda: supervisor.state is StreamState.LIVE, timeout=30_000)
    states = [status.state for status in changes]
    stale_at = states.index(StreamState.STALE)
    assert StreamState.LIVE in states[:stale_at]
    assert states[-1] is StreamState.LIVE
    _wait_for_new_pictures(qtbot, tile, 10)


def _wait_until_no_new_pictures(qtbot: QtBot, source: object, quiet_s: float = 0.5) -> None:
    seen = {"counter": -1, "since": time.monotonic()}

    def quiet() -> bool:
        counter = source.frame_counter  # type: ignore[attr-defined]
        now = time.monotonic()
        if counter != seen["counter"]:
            seen["counter"], seen["since"] = counter, now
        return now - seen["since"] >= quiet_s

    qtbot.waitUntil(quiet, timeout=10_000)


def test_stop_and_close_run_off_the_gui_thread(
    qtbot: QtBot, tile: VideoTile, live_stream: LiveStream
) -> None:
    supervisor = tile.play(live_stream.http_url)
    qtbot.waitUntil(lambda: supervisor.state is StreamState.LIVE, timeout=FIRST_PICTURE_S)
    source = supervisor.source
    assert isinstance(source, VlcSource)
    assert source.controller is not None
    controller = source.controller
    source.close()
    tile.stop()
    qtbot.waitUntil(lambda: any(op == "release" for op, _ in controller.calls), timeout=10_000)
    gui_thread = threading.get_ident()
    operations = {op for op, _ in controller.calls}
    assert {"stop", "release"} <= operations
    assert all(thread != gui_thread for _, thread in controller.calls)
    assert controller.join(10.0), "the controller's thread ends after release"


def test_url_that_never_answers_reconnects_with_growing_delays(
    qtbot: QtBot, tile: VideoTile
) -> None:
    server, url = silent_tcp_server()
    try:
        scheduled: list[float] = []

        def on_status(status: StreamStatus) -> None:
            if status.next_try_at is not None:
                assert status.state is StreamState.RECONNECTING
                scheduled.append(status.next_try_at - time.monotonic())

        tile.status_changed.connect(on_status)
        config = SupervisorConfig(
            connect_timeout_s=1.5, backoff=Backoff(initial_s=0.4, cap_s=30.0, jitter=0.2)
        )
        supervisor = tile.play(url, config=config)
        assert supervisor.state is StreamState.CONNECTING
        qtbot.waitUntil(lambda: len(scheduled) >= 3, timeout=20_000)
        assert supervisor.status.attempt >= 3
        assert scheduled[0] < scheduled[1] < scheduled[2]
        assert tile.badge_text(supervisor.status, time.monotonic()).startswith("Reconnecting")
    finally:
        server.close()


def test_a_wedged_player_is_abandoned_counted_and_replaced(
    qtbot: QtBot, live_stream: LiveStream
) -> None:
    source = VlcSource("wedge", stuck_after_s=0.5)
    source.open(live_stream.http_url)
    first = source.controller
    assert first is not None
    qtbot.waitUntil(lambda: source.frame_counter > 0, timeout=FIRST_PICTURE_S)
    wedged_before = wedged_players()
    hang = threading.Event()
    # Stands in for a libvlc call that never returns (stop() on a dead network stream).
    first.call("stop", lambda _player: hang.wait())
    try:
        qtbot.waitUntil(lambda: (source.poll(), source.controller is not first)[1], timeout=5_000)
        assert wedged_players() == wedged_before + 1
        assert SourceEvent.ERROR in source.take_events()
        counter = source.frame_counter
        qtbot.waitUntil(lambda: source.frame_counter > counter + 5, timeout=FIRST_PICTURE_S)
    finally:
        hang.set()
        source.dispose()
