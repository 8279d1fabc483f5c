"""Handing pictures from a decoder thread to the painter without copies or tearing, at the
size the painter shows them.

A tile paints many pictures a second on the GUI thread. Scaling them there is the expensive
part of painting (Qt's smooth scaling even fans out to worker threads and makes the GUI thread
wait for them), so the decoder is asked for pictures already at the size the tile shows them:
libvlc then scales on its own thread while it converts colours anyway, and the painter only
copies pixels. ``output_size`` picks that size; the painter says where it shows pictures with
``FrameExchange.request_size``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol, runtime_checkable

from console.video.source import FrameView

BYTES_PER_PIXEL = 4
_BUFFERS = 3
# Largest picture a decoder is asked for (a maximised tile on a 4K monitor).
MAX_OUTPUT = (3840, 2160)
# Pictures closer than this to the one before are new: libvlc redraws an unchanged picture
# no sooner than 80 ms after the last one it showed (less its measured rendering time).
_REDRAW_GAP_S = 0.045
_CHECK_EVERY = 8
# A picture within this many pixels of the painter's box is drawn unscaled (centred); the
# aspect error is then under about 1 %, which nobody sees, and a box that shrinks or grows by
# a pixel or two (a splitter nudged) does not make the decoder start over.
SIZE_TOLERANCE_PX = 4
# Display aspect ratios (width, height) whose usual picture heights are not multiples of 16
# (360, 540, 1080), so that decoders pad them: for guessing the visible picture inside a
# padded buffer before libvlc has said what the visible size is. The 4:3 sizes cameras use
# (480, 576, 600, 768, 960 lines) need no padding, so a 4:3 buffer is taken as it is.
_PADDED_ASPECTS = ((16, 9),)

# memcmp through PyDLL keeps the interpreter lock for the call: comparing two pictures takes
# tens of microseconds, far less than giving the lock up and waiting to get it back on a busy
# machine, which would hold up libvlc's picture thread (and make it drop pictures).
_libc = ctypes.PyDLL("msvcrt" if sys.platform == "win32" else ctypes.util.find_library("c"))
_memcmp = _libc.memcmp
_memcmp.restype = ctypes.c_int
_memcmp.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]


@runtime_checkable
class PictureSizing(Protocol):
    """A video source that can hand over pictures at the size they are shown."""

    def request_size(self, width: int, height: int) -> None:
        """Pictures are shown inside a ``width`` x ``height`` box (device pixels)."""


def fit(aspect: tuple[int, int], box: tuple[int, int]) -> tuple[float, float]:
    """The largest size of ``aspect`` (width, height) that fits in ``box``."""
    width, height = aspect
    if width <= 0 or height <= 0:
        return float(box[0]), float(box[1])
    scale = min(box[0] / width, box[1] / height)
    return width * scale, height * scale


def guess_visible(coded: tuple[int, int]) -> tuple[int, int]:
    """The visible picture inside a decoder buffer of size ``coded``.

    Decoders pad the height (640x360 arrives as 640x368, or 640x386 from a file), and
    libvlc's format callback only tells the padded size. A 16:9 picture that fits within
    about 10 % of the padded height is taken; otherwise the buffer as it is. A wrong guess
    costs one restart of the video once libvlc tells the true size.
    """
    width, height = coded
    if width <= 0 or height <= 0:
        return coded
    padded = [
        int(visible)
        for visible in (width * aspect_h / aspect_w for aspect_w, aspect_h in _PADDED_ASPECTS)
        if visible.is_integer() and height * 0.9 <= visible < height
    ]
    return (width, max(padded)) if padded else coded


def output_size(
    coded: tuple[int, int], display: tuple[int, int] | None, box: tuple[int, int] | None
) -> tuple[int, int]:
    """The picture size to ask a decoder for: the visible picture (``display``, or a guess
    from ``coded``) fitted into the painter's ``box``, in even pixels (chroma planes are
    subsampled by two). Without a box: the decoder's own size."""
    if box is None or box[0] < 2 or box[1] < 2:
        return coded
    aspect = display or guess_visible(coded)
    width, height = fit(aspect, (min(box[0], MAX_OUTPUT[0]), min(box[1], MAX_OUTPUT[1])))
    return max(2, int(width) // 2 * 2), max(2, int(height) // 2 * 2)


def close_enough(size: tuple[int, int], wanted: tuple[float, float]) -> bool:
    """Whether a picture of ``size`` may be drawn unscaled where ``wanted`` is asked for."""
    return (
        abs(size[0] - wanted[0]) <= SIZE_TOLERANCE_PX
        and abs(size[1] - wanted[1]) <= SIZE_TOLERANCE_PX
    )


class FrameExchange:
    """Three picture buffers shared by one writer (the decoder) and readers (the painter).

    The writer asks for a buffer (``acquire_for_writing``), fills it, then ``publish``es it:
    that buffer becomes the latest picture. A reader ``hold``s the latest picture while it
    paints; the writer never picks the latest or a held buffer, so a picture being painted is
    never half overwritten. Three buffers always leave the writer one to use.

    ``configure`` sets the picture size (on the decoder's thread, before the first picture of
    a video output); after a change of size the last picture stays shown until the first one
    at the new size arrives. All methods are thread-safe and none blocks for longer than a
    few assignments (or one picture comparison).

    ``counter`` counts *new* pictures: libvlc redraws the last picture about 12 times a second
    when no new one arrives (a stalled stream looks alive by display calls alone), so a
    published picture identical to the latest one is dropped. ``touch`` lets the decoder's
    owner count input progress too, so a perfectly still scene is not mistaken for a frozen
    stream.

    Comparing two pictures reads both (a synthetic scene that changes only in its middle
    makes memcmp read half a megabyte before it differs), so not every picture is compared:
    libvlc redraws no sooner than about 80 ms after the last picture it showed, so a picture
    that follows the last one more closely is new. Pictures that come later are compared, so
    is every ``_CHECK_EVERY``-th one in any case, and once a redraw has been caught every
    picture is compared until one differs.
    """

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._buffers: list[ctypes.Array[ctypes.c_char]] = []
        self._addresses: list[int] = []
        self._width = 0
        self._height = 0
        self._stride = 0
        self._latest = -1
        self._carried: FrameView | None = None
        self._held: dict[int, int] = {}
        self._display_size: tuple[int, int] | None = None
        self._box: tuple[int, int] | None = None
        self._published_at = 0.0
        self._unchecked = 0
        # Compare every picture until one differs from the last (a redraw was caught, or
        # nothing is known yet).
        self._suspect = True
        self.counter = 0

    # ---------------------------------------------------------------- sizes

    @property
    def size(self) -> tuple[int, int]:
        """The size pictures are written at now ((0, 0) before ``configure``)."""
        return self._width, self._height

    @property
    def display_size(self) -> tuple[int, int] | None:
        """The stream's visible picture size, once the decoder has told it."""
        return self._display_size

    @property
    def box(self) -> tuple[int, int] | None:
        """Where the painter shows pictures (device pixels), if it has said."""
        return self._box

    def request_size(self, width: int, height: int) -> None:
        """The painter shows pictures inside ``width`` x ``height`` (any thread)."""
        self._box = (int(width), int(height))

    def set_display_size(self, width: int, height: int) -> None:
        """The stream's visible picture size (the buffer holds it scaled; see ``FrameView``)."""
        self._display_size = (width, height)

    def forget_display_size(self) -> None:
        """Another stream comes: its visible size is not known yet."""
        self._display_size = None

    def planned_size(self, coded: tuple[int, int]) -> tuple[int, int]:
        """The size to write pictures at for a decoder whose own size is ``coded``. Until the
        decoder's owner says the visible size, the guess from ``coded`` stands for it (so
        pictures are shown, and snapshots made, at the stream's own aspect and size)."""
        if self._display_size is None:
            self._display_size = guess_visible(coded)
        return output_size(coded, self._display_size, self._box)

    def configure(self, width: int, height: int) -> int:
        """Allocate buffers for ``width`` x ``height`` pictures; returns the stride in bytes."""
        stride = width * BYTES_PER_PIXEL
        with self._lock:
            if (width, height) != (self._width, self._height) or not self._buffers:
                if self._latest >= 0:
                    self._carried = self._view(self._latest)
                # Readers holding an old buffer keep their own reference to it.
                self._buffers = [
                    ctypes.create_string_buffer(stride * height) for _ in range(_BUFFERS)
                ]
                self._addresses = [ctypes.addressof(buffer) for buffer in self._buffers]
                self._latest = -1
                self._held.clear()
            self._width, self._height, self._stride = width, height, stride
            return stride

    def successor(self) -> FrameExchange:
        """A fresh exchange for a replacement decoder, keeping this one's count, sizes and last
        picture.

        An abandoned (wedged) decoder may go on writing into this exchange's buffers at any
        time, so its replacement must never share them: a resize by the new decoder would free
        memory the old one still writes into.
        """
        fresh = FrameExchange(clock=self._clock)
        with self._lock:
            fresh.counter = self.counter
            fresh._display_size = self._display_size
            fresh._box = self._box
            last = self._view(self._latest) if self._latest >= 0 else self._carried
        if last is not None:
            copy = ctypes.create_string_buffer(last.stride * last.height)
            ctypes.memmove(copy, last.data, last.stride * last.height)
            fresh._carried = FrameView(
                data=copy,
                width=last.width,
                height=last.height,
                stride=last.stride,
                counter=last.counter,
                display_size=last.display_size,
            )
        return fresh

    # ---------------------------------------------------------------- the writer

    def acquire_for_writing(self) -> tuple[int, int]:
        """Pick a buffer the writer may fill: returns (index, address)."""
        with self._lock:
            latest, held = self._latest, self._held
            for index, address in enumerate(self._addresses):
                if index != latest and index not in held:
                    return index, address
            # Only possible with two readers holding two different pictures at once; the
            # writer then overwrites the oldest held one rather than stall the decoder.
            index = next(i for i in range(len(self._addresses)) if i != latest)
            return index, self._addresses[index]

    def publish(self, index: int) -> None:
        """The buffer at ``index`` now holds a complete picture: make it the latest."""
        now = self._clock()
        with self._lock:
            addresses = self._addresses
            if not 0 <= index < len(addresses):
                return
            latest = self._latest
            gap = now - self._published_at
            self._published_at = now
            if latest >= 0 and latest != index:
                if self._suspect or gap >= _REDRAW_GAP_S or self._unchecked >= _CHECK_EVERY:
                    self._unchecked = 0
                    size = self._stride * self._height
                    self._suspect = _memcmp(addresses[index], addresses[latest], size) == 0
                    if self._suspect:
                        return
                else:
                    self._unchecked += 1
            self._latest = index
            self._carried = None
            self.counter += 1

    def note_picture_elsewhere(self) -> None:
        """A new picture was shown where this exchange cannot see it (a decoder drawing into
        a window of its own): count it."""
        with self._lock:
            self.counter += 1

    def touch(self) -> None:
        """Count progress that did not change the picture (the decoder got new data)."""
        with self._lock:
            if self._latest >= 0 or self._carried is not None:
                self.counter += 1

    # ---------------------------------------------------------------- readers

    def _view(self, index: int) -> FrameView:
        return FrameView(
            data=self._buffers[index],
            width=self._width,
            height=self._height,
            stride=self._stride,
            counter=self.counter,
            display_size=self._display_size or (self._width, self._height),
        )

    @contextmanager
    def hold(self) -> Iterator[FrameView | None]:
        """The latest picture (or None before the first), protected while the block runs."""
        with self._lock:
            index = self._latest
            if index < 0:
                # A picture from before a change of size is in no buffer the writer uses.
                view = self._carried
                index = -1
            else:
                self._held[index] = self._held.get(index, 0) + 1
                view = self._view(index)
            buffers = self._buffers
        try:
            yield view
        finally:
            if index >= 0:
                with self._lock:
                    # After a resize the index refers to a new buffer set; nothing to release.
                    if buffers is self._buffers:
                        left = self._held.get(index, 0) - 1
                        if left > 0:
                            self._held[index] = left
                        else:
                            self._held.pop(index, None)
