"""Helpers for the frame exchange's tests: a clock the test moves, and a writer's picture."""

from __future__ import annotations

import ctypes

from console.video.frames import FrameExchange


class Clock:
    """A monotonic clock that moves only when the test says so."""

    def __init__(self, now: float = 10.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def fill(exchange: FrameExchange, value: int) -> None:
    """Write one picture of bytes ``value`` at the exchange's size and publish it, as a
    decoder does."""
    index, address = exchange.acquire_for_writing()
    width, height = exchange.size
    ctypes.memset(address, value, width * height * 4)
    exchange.publish(index)
