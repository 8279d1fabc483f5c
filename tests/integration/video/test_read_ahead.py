"""libvlc's read-ahead of a network stream is a small ring, not its default 16 MiB: the ring
stays resident once a stream has passed through all of it, so a wall showing the same
cameras for hours would hold 16 MiB per tile. libvlc's own debug log says the ring it made."""

from __future__ import annotations

import ctypes
import re
from pathlib import Path

import pytest
import vlc

from console.video.engine import EngineConfig
from tests.support.live_stream import LiveStream
from tests.support.polling import wait_for

pytestmark = pytest.mark.media

_RING = re.compile(rb"prefetch debug: using (\d+) bytes buffer, (\d+) bytes read")


def test_a_network_stream_is_read_ahead_into_a_small_ring(
    live_stream: LiveStream, tmp_path: Path
) -> None:
    log = tmp_path / "libvlc.log"
    config = EngineConfig()
    # The console's own options, with libvlc's debug lines written to a file for this test.
    instance = vlc.Instance([*config.args(), "--verbose=2", "--file-logging", f"--logfile={log}"])
    player = instance.media_player_new()
    picture = ctypes.create_string_buffer(160 * 90 * 4)
    shown = [0]

    @vlc.CallbackDecorators.VideoLockCb  # type: ignore[untyped-decorator]
    def lock(_opaque: object, planes: ctypes.Array[ctypes.c_void_p]) -> None:
        planes[0] = ctypes.cast(picture, ctypes.c_void_p)

    @vlc.CallbackDecorators.VideoDisplayCb  # type: ignore[untyped-decorator]
    def display(_opaque: object, _picture: object) -> None:
        shown[0] += 1

    try:
        player.video_set_callbacks(lock, None, display, None)
        player.video_set_format("RV32", 160, 90, 160 * 4)
        player.set_media(instance.media_new(live_stream.http_url))
        player.play()
        wait_for(lambda: shown[0] > 10, 30.0, "pictures from the stream")
        wait_for(lambda: _RING.search(log.read_bytes()) is not None, 10.0, "the ring in the log")
    finally:
        player.stop()
        player.release()
        instance.release()
    found = _RING.search(log.read_bytes())
    assert found is not None
    ring, read = int(found.group(1)), int(found.group(2))
    assert ring == config.prefetch_kib * 1024, found.group(0)
    assert read <= ring, found.group(0)
