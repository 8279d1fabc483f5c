"""The repaint clock walks the tiles registered with it, and only those."""

from __future__ import annotations

import gc

from pytestqt.qtbot import QtBot

from console.gui.video_tile import RepaintClock, VideoTile


class _CountingTile(VideoTile):
    def __init__(self, clock: RepaintClock) -> None:
        super().__init__("CAM", clock=clock)
        self.advanced = 0
        clock.register(self)  # as a tile showing a stream is

    def advance(self, now: float) -> bool:
        self.advanced += 1
        return False


def test_the_clock_ticks_registered_tiles_and_stops_when_they_are_gone(qtbot: QtBot) -> None:
    clock = RepaintClock(interval_ms=5)
    first = _CountingTile(clock)
    others = [_CountingTile(clock)]
    qtbot.waitUntil(lambda: first.advanced > 3 and others[0].advanced > 3, timeout=2_000)

    first.close()  # unregisters
    before = first.advanced
    qtbot.waitUntil(lambda: others[0].advanced > before + 3, timeout=2_000)
    qtbot.wait(20)
    assert first.advanced == before

    others.clear()  # collected without being closed: the clock drops it and stops
    gc.collect()
    qtbot.waitUntil(lambda: not clock._timer.isActive(), timeout=2_000)
    later = _CountingTile(clock)
    qtbot.waitUntil(lambda: later.advanced > 0, timeout=2_000)
    later.close()
    assert not clock._timer.isActive()
    first.deleteLater()
    later.deleteLater()


def test_only_tiles_showing_a_stream_keep_the_clock_ticking(qtbot: QtBot) -> None:
    from console.video.supervisor import StreamSupervisor

    clock = RepaintClock(interval_ms=5)
    tiles = [VideoTile("CAM", clock=clock) for _ in range(4)]  # an empty wall
    qtbot.wait(30)
    assert not clock._timer.isActive()
    assert clock.ticks == 0

    # No player for this scheme: the tile shows why, and its supervisor is watched.
    supervisor = StreamSupervisor(None, "nothing://cam", unplayable_reason="nothing")
    tiles[0].attach(supervisor)
    qtbot.waitUntil(lambda: clock.ticks > 3, timeout=2_000)

    tiles[0].stop()
    assert not clock._timer.isActive()
    ticks = clock.ticks
    qtbot.wait(30)
    assert clock.ticks == ticks
    for tile in tiles:
        tile.close()
        tile.deleteLater()
