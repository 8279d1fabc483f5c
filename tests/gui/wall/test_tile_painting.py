"""What a wall tile shows on screen stays right however little of it is repainted.

Tiles repaint only their picture when only the picture changed. These tests read the
window's own pixels as its paints left them (``QScreen.grabWindow``, which on Qt's
offscreen platform reads the window's backing store: what earlier paints left there counts,
unlike ``QWidget.grab``, which paints the widget afresh): the letterbox bars stay black, the
name, the state badge and the selection frame stay over the picture, a change of state and
a resize repaint the whole tile. The pictures are single colours handed over through the
real picture exchange, so that every pixel's expected colour is known.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.gui.video_tile import RepaintClock
from console.gui.wall.tile import WallTile
from console.video.frames import FrameExchange
from console.video.source import SourceEvent, SourceStats
from console.video.supervisor import StreamState, StreamSupervisor, SupervisorConfig

# A CIF picture (11:9) in a 320x180 tile: 220x180 in the middle, bars of 50 pixels each side.
TILE = (320, 180)
DISPLAY = (352, 288)
PICTURE = (220, 180)
RED = (220, 30, 30)
GREEN = (30, 200, 60)
BLUE = (40, 60, 230)
BADGE_LIVE = (30, 140, 70)
BADGE_STALE = (200, 130, 20)
SELECTED = (255, 196, 0)


class SolidSource:
    """A video source whose pictures are one colour each, published through a real
    ``FrameExchange`` as a decoder would (see ``console.video.source.VideoSource``)."""

    kind = "solid"

    def __init__(self) -> None:
        self.exchange = FrameExchange()
        self.exchange.set_display_size(*DISPLAY)

    def show(self, colour: tuple[int, int, int], size: tuple[int, int] = PICTURE) -> None:
        """Publish one picture of ``colour`` at ``size``."""
        width, height = size
        self.exchange.configure(width, height)
        index, address = self.exchange.acquire_for_writing()
        red, green, blue = colour
        pixel = blue | green << 8 | red << 16 | 0xFF << 24
        row = (ctypes.c_uint32 * width)(*([pixel] * width))
        for y in range(height):
            ctypes.memmove(address + y * width * 4, row, width * 4)
        self.exchange.publish(index)

    @property
    def frame_counter(self) -> int:
        return self.exchange.counter

    def open(self, url: str) -> None:
        pass

    def close(self) -> None:
        pass

    def dispose(self) -> None:
        pass

    def poll(self) -> None:
        pass

    def take_events(self) -> list[SourceEvent]:
        return []

    def hold_frame(self):  # type: ignore[no-untyped-def]
        return self.exchange.hold()

    def stats(self) -> SourceStats:
        return SourceStats()

    def request_size(self, width: int, height: int) -> None:
        self.exchange.request_size(width, height)


@pytest.fixture
def rig(qtbot: QtBot) -> Iterator[tuple[WallTile, SolidSource]]:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(520, 320)  # room for the tile to grow
    tile = WallTile(0, "token", clock=RepaintClock(), parent=window)
    tile.setGeometry(20, 20, *TILE)
    tile.set_camera("cam-01", "Camera 1")
    window.show()
    qtbot.waitExposed(window)
    source = SolidSource()
    supervisor = StreamSupervisor(
        source,  # type: ignore[arg-type]
        "solid://cam-01",
        config=SupervisorConfig(stale_after_s=0.6, connect_timeout_s=60.0),
    )
    tile.attach(supervisor)
    supervisor.start()
    yield tile, source
    tile.close()


def on_screen(tile: WallTile) -> QImage:
    """The tile's pixels as the window last flushed them."""
    window = tile.window()
    corner = tile.mapTo(window, QPoint(0, 0))
    shot = tile.screen().grabWindow(
        window.winId(), corner.x(), corner.y(), tile.width(), tile.height()
    )
    return shot.toImage()


def colour_at(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    colour = QColor(image.pixel(x, y))
    return colour.red(), colour.green(), colour.blue()


def near(found: tuple[int, int, int], wanted: tuple[int, int, int], slack: int = 12) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(found, wanted, strict=True))


def show_and_wait(
    qtbot: QtBot, tile: WallTile, source: SolidSource, colour: tuple[int, int, int]
) -> None:
    """Publish a picture and wait until it is on screen (a pixel in the picture's middle)."""
    source.show(colour)
    qtbot.waitUntil(
        lambda: near(colour_at(on_screen(tile), TILE[0] // 2, TILE[1] * 3 // 4), colour),
        timeout=5_000,
    )


def bars_are_black(image: QImage) -> bool:
    left = (PICTURE[0] - TILE[0]) // -2  # 50
    return all(
        max(colour_at(image, x, y)) < 16
        for x in (2 + 3, left - 3, TILE[0] - left + 2, TILE[0] - 5)
        for y in (60, 120, TILE[1] - 5)
    )


def badge_colour(image: QImage) -> tuple[int, int, int]:
    # The badge's right edge is 6 pixels in from the tile's; its fill shows at its edges.
    return colour_at(image, TILE[0] - 8, 8)


def test_picture_updates_keep_bars_black_and_overlays_on_top(
    qtbot: QtBot, rig: tuple[WallTile, SolidSource]
) -> None:
    tile, source = rig
    show_and_wait(qtbot, tile, source, RED)
    qtbot.waitUntil(lambda: tile.supervisor.state is StreamState.LIVE, timeout=5_000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: near(badge_colour(on_screen(tile)), BADGE_LIVE), timeout=5_000)
    for colour in (GREEN, BLUE, GREEN, BLUE):
        painted = tile.pictures_painted
        show_and_wait(qtbot, tile, source, colour)
        assert tile.pictures_painted > painted
        image = on_screen(tile)
        assert bars_are_black(image), "the letterbox bars stay black"
        assert near(badge_colour(image), BADGE_LIVE), "the badge stays on top"
        # The name's label lies partly over the picture: its backdrop darkens it there.
        label = colour_at(image, 52, 12)
        assert not near(label, colour, 30), f"the name's backdrop covers the picture: {label}"
        assert near(colour_at(image, TILE[0] // 2, TILE[1] - 10), colour)


def test_a_selection_frame_stays_round_a_tile_whose_picture_changes(
    qtbot: QtBot, rig: tuple[WallTile, SolidSource]
) -> None:
    tile, source = rig
    show_and_wait(qtbot, tile, source, RED)
    tile.set_selected(True)
    qtbot.waitUntil(
        lambda: near(colour_at(on_screen(tile), 1, TILE[1] // 2), SELECTED), timeout=5_000
    )
    for colour in (GREEN, BLUE):
        show_and_wait(qtbot, tile, source, colour)
        image = on_screen(tile)
        for x, y in ((1, TILE[1] // 2), (TILE[0] // 2, 1), (TILE[0] - 2, TILE[1] - 40)):
            assert near(colour_at(image, x, y), SELECTED), (x, y)
    tile.set_selected(False)
    qtbot.waitUntil(lambda: max(colour_at(on_screen(tile), 1, TILE[1] // 2)) < 16, timeout=5_000)


def test_a_stale_stream_repaints_its_badge_and_dims_the_picture(
    qtbot: QtBot, rig: tuple[WallTile, SolidSource]
) -> None:
    tile, source = rig
    show_and_wait(qtbot, tile, source, GREEN)
    qtbot.waitUntil(lambda: near(badge_colour(on_screen(tile)), BADGE_LIVE), timeout=5_000)
    # No more pictures: the watchdog marks the stream stale.
    qtbot.waitUntil(lambda: near(badge_colour(on_screen(tile)), BADGE_STALE), timeout=5_000)
    image = on_screen(tile)
    middle = colour_at(image, TILE[0] // 2, TILE[1] * 3 // 4)
    assert middle[1] < GREEN[1] - 40, f"the held picture is dimmed: {middle}"
    assert bars_are_black(image)
    # Pictures again: live, undimmed.
    show_and_wait(qtbot, tile, source, BLUE)
    qtbot.waitUntil(lambda: near(badge_colour(on_screen(tile)), BADGE_LIVE), timeout=5_000)
    assert bars_are_black(on_screen(tile))


def test_a_resized_tile_is_repainted_whole(qtbot: QtBot, rig: tuple[WallTile, SolidSource]) -> None:
    tile, source = rig
    show_and_wait(qtbot, tile, source, GREEN)
    tile.resize(480, 270)
    # The picture still has its old size: drawn scaled into the new box (330x270, centred).
    source.show(GREEN)
    qtbot.waitUntil(
        lambda: (
            near(colour_at(on_screen(tile), 240, 200), GREEN)
            and max(colour_at(on_screen(tile), 40, 200)) < 16
            and max(colour_at(on_screen(tile), 440, 200)) < 16
        ),
        timeout=5_000,
    )
    # Then at the size asked for: copied unscaled, the bars as black.
    source.show(BLUE, size=(330, 270))
    qtbot.waitUntil(lambda: near(colour_at(on_screen(tile), 240, 200), BLUE), timeout=5_000)
    image = on_screen(tile)
    for x in (5, 70, 410, 474):
        assert max(colour_at(image, x, 200)) < 16, x
    assert near(colour_at(image, 80, 200), BLUE)
    assert near(colour_at(image, 400, 200), BLUE)


def test_the_watchdog_keeps_the_time_of_the_last_picture(qtbot: QtBot) -> None:
    """A steadily live tile reports its pictures to the watchdog at the watchdog's own pace,
    with the time the latest was first seen: the time of the last picture, and so when a
    freeze is noticed, are what they would be if the watchdog looked at every picture."""
    clock = RepaintClock()
    tile = WallTile(0, "token", clock=clock)
    qtbot.addWidget(tile)
    clock._timer.stop()  # this test ticks the tile itself, at times it chooses
    source = SolidSource()
    supervisor = StreamSupervisor(
        source,  # type: ignore[arg-type]
        "solid://cam-01",
        config=SupervisorConfig(stale_after_s=0.6, connect_timeout_s=60.0),
        clock=lambda: 100.0,
    )
    tile.attach(supervisor)
    supervisor.start()
    source.show(RED)
    assert tile.advance(100.00)
    assert supervisor.state is StreamState.LIVE
    assert not tile.advance(100.05)
    assert not tile.advance(100.12)  # the watchdog's look: nothing new
    source.show(GREEN)
    assert tile.advance(100.14), "a new picture is painted at once"
    source.show(BLUE)
    assert tile.advance(100.18)
    assert not tile.advance(100.20)
    assert not tile.advance(100.23)  # the watchdog's next look hears of both pictures
    assert supervisor.status.last_frame_at == pytest.approx(100.18)
    # No more pictures: stale once 0.6 s have passed since the last one.
    assert not tile.advance(100.70)
    assert supervisor.state is StreamState.LIVE
    assert tile.advance(100.81)
    assert supervisor.status.state is StreamState.STALE
    tile.close()
