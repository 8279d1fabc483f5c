"""Handing pictures from a decoder thread to the painter without copies or tearing."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from console.video.source import FrameView

BYTES_PER_PIXEL = 4
_BUFFERS = 3

_libc = ctypes.CDLL("msvcrt" if sys.platform == "win32" else ctypes.util.find_library("c"))
_memcmp = _libc.memcmp
_memcmp.restype = ctypes.c_int
_memcmp.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]


class FrameExchange:
    """Three picture buffers shared by one writer (the decoder) and readers (the painter).

    The writer asks for a buffer (``acquire_for_writing``), fills it, then ``publish``es it:
    that buffer becomes the latest picture. A reader ``hold``s the latest picture while it
    paints; the writer never picks the latest or a held buffer, so a picture being painted is
    never half overwritten. Three buffers always leave the writer one to use.

    ``configure`` sets the picture size (on the decoder's thread, before the first picture).
    All methods are thread-safe and none blocks for longer than a few assignments.

    ``counter`` counts *new* pictures: libvlc redraws the last picture about 12 times a second
    when no new one arrives (a stalled stream looks alive by display calls alone), so a
    published picture identical to the latest one is dropped (one memcmp, about 0.1 ms at
    640x360). ``touch`` lets the decoder's owner count input progress too, so a perfectly
    still scene is not mistaken for a frozen stream.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._buffers: list[ctypes.Array[ctypes.c_char]] = []
        self._width = 0
        self._height = 0
        self._stride = 0
        self._latest = -1
        self._held: dict[int, int] = {}
        self._writing = -1
        self._display_size: tuple[int, int] | None = None
        self.counter = 0

    def configure(self, width: int, height: int) -> int:
        """Allocate buffers for ``width`` x ``height`` pictures; returns the stride in bytes."""
        stride = width * BYTES_PER_PIXEL
        with self._lock:
            if (width, height) != (self._width, self._height) or not self._buffers:
                # Readers holding an old buffer keep their own reference to it.
                self._buffers = [
                    ctypes.create_string_buffer(stride * height) for _ in range(_BUFFERS)
                ]
                self._latest = -1
                self._held.clear()
                self._display_size = None
            self._width, self._height, self._stride = width, height, stride
            return stride

    def successor(self) -> FrameExchange:
        """A fresh exchange for a replacement decoder, keeping this one's count and last picture.

        An abandoned (wedged) decoder may go on writing into this exchange's buffers at any
        time, so its replacement must never share them: a resize by the new decoder would free
        memory the old one still writes into.
        """
        fresh = FrameExchange()
        with self._lock:
            fresh.counter = self.counter
            if self._latest >= 0:
                size = self._stride * self._height
                fresh._width, fresh._height, fresh._stride = self._width, self._height, self._stride
                fresh._buffers = [ctypes.create_string_buffer(size) for _ in range(_BUFFERS)]
                ctypes.memmove(fresh._buffers[0], self._buffers[self._latest], size)
                fresh._latest = 0
                fresh._display_size = self._display_size
        return fresh

    def set_display_size(self, width: int, height: int) -> None:
        """The picture's true size when the buffer holds it stretched (see ``FrameView``)."""
        self._display_size = (width, height)

    def acquire_for_writing(self) -> tuple[int, int]:
        """Pick a buffer the writer may fill: returns (index, address)."""
        with self._lock:
            for index in range(len(self._buffers)):
                if index != self._latest and index not in self._held:
                    self._writing = index
                    return index, ctypes.addressof(self._buffers[index])
            # Only possible with two readers holding two different pictures at once; the
            # writer then overwrites the oldest held one rather than stall the decoder.
            index = next(i for i in range(len(self._buffers)) if i != self._latest)
            self._writing = index
            return index, ctypes.addressof(self._buffers[index])

    def publish(self, index: int) -> None:
        """The buffer at ``index`` now holds a complete picture: make it the latest."""
        with self._lock:
            if not 0 <= index < len(self._buffers):
                return
            self._writing = -1
            latest = self._latest
            if latest >= 0 and latest != index:
                size = self._stride * self._height
                same = _memcmp(
                    ctypes.addressof(self._buffers[index]),
                    ctypes.addressof(self._buffers[latest]),
                    size,
                )
                if same == 0:
                    return
            self._latest = index
            self.counter += 1

    def touch(self) -> None:
        """Count progress that did not change the picture (the decoder got new data)."""
        with self._lock:
            if self._latest >= 0:
                self.counter += 1

    @contextmanager
    def hold(self) -> Iterator[FrameView | None]:
        """The latest picture (or None before the first), protected while the block runs."""
        with self._lock:
            index = self._latest
            if index < 0:
                view = None
            else:
                self._held[index] = self._held.get(index, 0) + 1
                view = FrameView(
                    data=self._buffers[index],
                    width=self._width,
                    height=self._height,
                    stride=self._stride,
                    counter=self.counter,
                    display_size=self._display_size or (self._width, self._height),
                )
            buffers = self._buffers
        try:
            yield view
        finally:
            if view is not None:
                with self._lock:
                    # After a resize the index refers to a new buffer set; nothing to release.
                    if buffers is self._buffers:
                        left = self._held.get(index, 0) - 1
                        if left > 0:
                            self._held[index] = left
                        else:
                            self._held.pop(index, None)
