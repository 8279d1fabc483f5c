"""libvlc hands pictures over at the size the tile shows them, and follows the tile when it
keeps a new size, without the stream going stale or the tile going black."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from console.gui.video_tile import RepaintClock, VideoTile
from console.video.supervisor import StreamState
from console.video.vlc_source import VlcSource
from tests.support.live_stream import LiveStream

pytestmark = [pytest.mark.media, pytest.mark.slow]

FIRST_PICTURE_MS = 20_000


@pytest.fixture
def tile(qtbot: QtBot) -> Iterator[VideoTile]:
    widget = VideoTile("CAM", clock=RepaintClock())
    qtbot.addWidget(widget)
    widget.resize(480, 270)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()


def _picture_size(source: VlcSource) -> tuple[int, int] | None:
    with source.hold_frame() as frame:
        return None if frame is None else (frame.width, frame.height)


def test_pictures_come_at_the_tile_size_and_follow_a_resize(
    qtbot: QtBot, tile: VideoTile, live_stream: LiveStream
) -> None:
    states: list[StreamState] = []
    tile.status_changed.connect(lambda status: states.append(status.state))
    supervisor = tile.play(live_stream.http_url)
    source = supervisor.source
    assert isinstance(source, VlcSource)
    qtbot.waitUntil(lambda: supervisor.state is StreamState.LIVE, timeout=FIRST_PICTURE_MS)
    ratio = tile.devicePixelRatioF()
    small = (round(480 * ratio), round(270 * ratio))
    qtbot.waitUntil(lambda: _picture_size(source) == small, timeout=10_000)
    # Snapshots keep the stream's own size (once libvlc has told it).
    qtbot.waitUntil(lambda: tile.grab_frame().size().toTuple() == (640, 360), timeout=5_000)

    tile.resize(960, 540)
    large = (round(960 * ratio), round(540 * ratio))
    painted = tile.pictures_painted
    qtbot.waitUntil(lambda: _picture_size(source) == large, timeout=15_000)
    controller = source.controller
    assert controller is not None
    assert controller.restarts >= 1
    qtbot.waitUntil(lambda: tile.pictures_painted > painted + 10, timeout=10_000)
    assert supervisor.state is StreamState.LIVE
    assert StreamState.STALE not in states, "the restart at the new size is not a freeze"
    centre = tile.grab().toImage().pixelColor(480, 270)
    assert centre.value() > 16 or centre.saturation() > 16, "the tile shows the picture"


def test_a_tile_without_a_size_wish_gets_the_decoders_own_size(
    qtbot: QtBot, live_stream: LiveStream
) -> None:
    source = VlcSource("unsized")
    try:
        source.open(live_stream.http_url)
        qtbot.waitUntil(lambda: source.frame_counter > 0, timeout=FIRST_PICTURE_MS)
        size = _picture_size(source)
        assert size is not None
        width, height = size
        assert width == 640, "the decoder's own width"
        assert height >= 360, "the decoder's own (possibly padded) height"
    finally:
        source.dispose()
