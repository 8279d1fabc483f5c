"""A camera name of hundreds of characters elides on a tile and never covers its state badge,
whatever the state says and however narrow the tile."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QRectF

from console.gui.video_tile import VideoTile
from console.video.supervisor import StreamState, StreamStatus

LONG_NAME = "<b>" + "城东大道与解放路交叉口北侧人行天桥" * 20 + "</b>"


def _top_row(tile: VideoTile, status: StreamStatus) -> tuple[list[QRectF], QRectF]:
    """(name rectangles, badge rectangle) of the tile's top edge: the badge is rightmost."""
    rects = [rect for rect, _draw in tile._overlay_items(status, time.monotonic())]
    top = min(rect.top() for rect in rects)
    row = sorted((rect for rect in rects if rect.top() == top), key=lambda rect: rect.right())
    return row[:-1], row[-1]


@pytest.mark.parametrize("width", [160, 320, 640])
@pytest.mark.parametrize(
    "status",
    [
        StreamStatus(StreamState.LIVE),
        StreamStatus(StreamState.RECONNECTING, attempt=12, next_try_at=time.monotonic() + 25),
        StreamStatus(StreamState.ERROR, detail="codec " + "x" * 300),
    ],
    ids=["live", "reconnecting", "error-with-long-detail"],
)
def test_a_long_name_elides_left_of_the_badge(qtbot, width: int, status: StreamStatus) -> None:
    tile = VideoTile(LONG_NAME)
    qtbot.addWidget(tile)
    tile.resize(width, width * 9 // 16)
    tile.show()
    qtbot.waitExposed(tile)
    names, badge = _top_row(tile, status)
    box = QRectF(tile.rect())
    assert box.contains(badge)
    assert len(names) <= 1
    for name in names:
        assert name.right() <= badge.left(), (name, badge)
        assert name.width() <= box.width() / 2
    if width >= 320 and status.state is StreamState.LIVE:
        assert names, "a short badge leaves room for the (elided) name"
