"""The picture pool: buffers come back when nobody refers to them, are reused by size, and
idle ones are let go; the frame exchange (on both cores) takes its buffers from it."""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable

import pytest

from console.video.frames import FrameExchange
from console.video.picture_memory import PicturePool
from tests.unit.video.exchange_support import Clock, fill

MB = 1024 * 1024
TILE = 480 * 270 * 4


def test_a_dropped_buffer_serves_the_next_request_of_about_its_size() -> None:
    pool = PicturePool()
    first = pool.take(TILE)
    address = ctypes.addressof(first)
    del first
    assert pool.figures().idle_bytes >= TILE
    # A tile two pixels narrower asks for a little less: same block, same memory.
    again = pool.take(478 * 270 * 4)
    assert ctypes.addressof(again) == address
    figures = pool.figures()
    assert (figures.blocks_made, figures.reuses, figures.idle_bytes) == (1, 1, 0)
    assert len(again) == 478 * 270 * 4


def test_a_buffer_somebody_still_reads_is_not_handed_out_again() -> None:
    pool = PicturePool()
    buffer = pool.take(TILE)
    reader = memoryview(buffer)  # a painter's image over the picture, say
    del buffer
    other = pool.take(TILE)
    assert pool.figures().blocks_made == 2
    reader.release()
    del reader
    assert pool.figures().idle_bytes >= TILE
    assert pool.figures().lent_bytes == len(other) + (-len(other)) % (64 * 1024)


def test_a_much_smaller_picture_does_not_take_a_large_block() -> None:
    pool = PicturePool()
    large = pool.take(1920 * 1080 * 4)
    del large
    small = pool.take(TILE)
    figures = pool.figures()
    assert figures.reuses == 0
    assert figures.blocks_made == 2
    assert figures.idle_bytes >= 1920 * 1080 * 4
    del small


def test_idle_buffers_beyond_the_limit_or_too_old_are_let_go() -> None:
    clock = Clock()
    pool = PicturePool(idle_limit=2 * MB, idle_seconds=60.0, clock=clock)
    buffers = [pool.take(MB) for _ in range(4)]
    del buffers
    assert pool.figures().idle_bytes == 2 * MB, "two megabytes kept, the rest unmapped"
    clock.now += 61.0
    pool.tidy()
    assert pool.figures().idle_bytes == 0


def test_a_request_for_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="positive size"):
        PicturePool().take(0)


def test_an_exchange_gives_its_buffers_back_once_closed_and_shows_nothing_after(
    new_exchange: Callable[..., FrameExchange],
) -> None:
    pool = PicturePool()
    exchange = new_exchange(pool=pool)
    exchange.configure(480, 270)
    fill(exchange, 7)
    assert pool.figures().lent_bytes >= 3 * TILE
    exchange.close()
    gc.collect()
    assert pool.figures().lent_bytes == 0
    with exchange.hold() as frame:
        assert frame is None
    assert exchange.acquire_for_writing()[0] == -1, "no buffer left to write into"


def test_a_buffer_a_reader_holds_across_a_resize_stays_intact_until_let_go(
    new_exchange: Callable[..., FrameExchange],
) -> None:
    pool = PicturePool()
    exchange = new_exchange(pool=pool)
    exchange.configure(480, 270)
    fill(exchange, 5)
    with exchange.hold() as frame:
        assert frame is not None
        exchange.configure(320, 180)  # a smaller tile: new buffers
        # Another player of the old size gets the two old buffers nobody reads, not the
        # one being painted.
        other = new_exchange(pool=pool)
        other.configure(480, 270)
        assert pool.figures().reuses == 2
        for value in range(9, 13):
            fill(other, value)
        assert bytes(frame.data[:16]) == b"\x05" * 16, "the held picture is nobody else's"
    del frame
    # The last old picture stays shown until the first at the new size is painted; then the
    # painted buffer is free too, and the next player of the old size reuses it.
    fill(exchange, 6)
    with exchange.hold() as frame:
        assert frame is not None
        assert frame.width == 320
    del frame
    third = new_exchange(pool=pool)
    third.configure(480, 270)
    assert pool.figures().reuses == 3


def test_a_reused_buffer_is_not_shown_before_its_first_picture(
    new_exchange: Callable[..., FrameExchange],
) -> None:
    pool = PicturePool()
    first = new_exchange(pool=pool)
    first.configure(480, 270)
    fill(first, 200)
    first.close()
    second = new_exchange(pool=pool)
    second.configure(480, 270)
    assert pool.figures().reuses == 3
    with second.hold() as frame:
        assert frame is None, "what the last player left is never shown"
    fill(second, 1)
    with second.hold() as frame:
        assert frame is not None
        assert bytes(frame.data[:8]) == b"\x01" * 8


def test_a_successor_takes_its_copy_of_the_last_picture_from_the_same_pool(
    new_exchange: Callable[..., FrameExchange],
) -> None:
    pool = PicturePool()
    exchange = new_exchange(pool=pool)
    exchange.configure(480, 270)
    fill(exchange, 3)
    lent = pool.figures().lent_bytes
    fresh = exchange.successor()
    assert pool.figures().lent_bytes > lent
    with fresh.hold() as frame:
        assert frame is not None
        assert bytes(frame.data[:8]) == b"\x03" * 8
