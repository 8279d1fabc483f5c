"""The live buffer setting (``video.network_caching_ms``) reaches the streams opened after it
changes: libvlc buffers about that much of a live stream before it plays on.

libvlc shows a stream's first picture as soon as it is decoded, buffering or not; what the
buffer delays is the play after it, so the tests time the first two seconds of pictures."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from console.video import engine
from console.video.vlc_source import VlcSource
from tests.support.live_stream import LiveStream
from tests.support.polling import wait_for

pytestmark = pytest.mark.media

SHORT_MS = 100
LONG_MS = 3000


@pytest.fixture
def restore_live_buffer() -> Iterator[None]:
    yield
    engine.set_live_buffer_ms(engine.config().network_caching_ms)


# Two seconds of the test camera's pictures (25 a second).
PICTURES = 50


def seconds_to_play_two_seconds(url: str) -> float:
    source = VlcSource("live-buffer")
    try:
        source.request_size(160, 90)
        started = time.monotonic()
        source.open(url)
        wait_for(lambda: source.frame_counter >= PICTURES, 30.0, "two seconds of pictures")
        return time.monotonic() - started
    finally:
        source.dispose()


def test_options_carry_the_buffer_for_network_streams_only(restore_live_buffer: None) -> None:
    engine.set_live_buffer_ms(750)
    assert engine.live_stream_options("http://127.0.0.1:8554/cam") == [":network-caching=750"]
    assert engine.live_stream_options("RTSP://127.0.0.1/live") == [":network-caching=750"]
    assert engine.live_stream_options("file:///tmp/clip.mp4") == []
    assert engine.live_stream_options("/tmp/clip.mp4") == []
    engine.set_live_buffer_ms(-5)
    assert engine.live_stream_options("http://host/cam") == [":network-caching=0"]


def test_a_longer_live_buffer_holds_the_play_back(
    live_stream: LiveStream, restore_live_buffer: None
) -> None:
    # Alternated, so that a machine busy for a moment weighs on both alike.
    short, long = [], []
    for _round in range(2):
        engine.set_live_buffer_ms(SHORT_MS)
        short.append(seconds_to_play_two_seconds(live_stream.http_url))
        engine.set_live_buffer_ms(LONG_MS)
        long.append(seconds_to_play_two_seconds(live_stream.http_url))
    # Measured here: 3.6 s against 6.4 s; the buffer adds about 2.9 s.
    assert min(long) - max(short) > 1.5, (short, long)
