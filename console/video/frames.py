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
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Protocol, runtime_checkable

from console.video import framecore
from console.video.framecore import CCore
from console.video.picture_memory import PictureBuffer, PicturePool, shared_pool
from console.video.source import FrameView

BYTES_PER_PIXEL = 4
# Largest picture a decoder is asked for (a maximised tile on a 4K monitor).
MAX_OUTPUT = (3840, 2160)
# A picture within this many pixels of the painter's box is drawn unscaled (centred); the
# aspect error is then under about 1 %, which nobody sees, and a box that shrinks or grows by
# a pixel or two (a splitter nudged) does not make the decoder start over.
SIZE_TOLERANCE_PX = 4
# Display aspect ratios (width, height) whose usual picture heights are not multiples of 16
# (360, 540, 1080), so that decoders pad them: for guessing the visible picture inside a
# padded buffer before libvlc has said what the visible size is. The 4:3 sizes cameras use
# (480, 576, 600, 768, 960 lines) need no padding, so a 4:3 buffer is taken as it is.
_PADDED_ASPECTS = ((16, 9),)


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
    is every ``CHECK_EVERY``-th one in any case, and once a redraw has been caught every
    picture is compared until one differs.

    The buffers' memory and sizes live here; which buffer is the latest, which are held and
    the count of new pictures live in a *core* (``console.video.framecore``): in C when the
    library is built, so that libvlc's per-picture callbacks need no interpreter lock
    (``libvlc_callbacks``), else in Python.

    The buffers come from a ``PicturePool`` (``console.video.picture_memory``) and go back to
    it once nobody refers to them: after a change of size, or after ``close()``, which the
    writer's owner calls when the writer can write no more.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        prefer_c_core: bool = True,
        pool: PicturePool | None = None,
    ) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._core = framecore.core(prefer_c=prefer_c_core)
        self._pool = pool if pool is not None else shared_pool()
        self._buffers: list[PictureBuffer] = []
        self._width = 0
        self._height = 0
        self._stride = 0
        self._carried: FrameView | None = None
        self._display_size: tuple[int, int] | None = None
        self._box: tuple[int, int] | None = None

    @property
    def counter(self) -> int:
        """New pictures so far."""
        return self._core.counter

    def libvlc_callbacks(self) -> tuple[Any, Any, int] | None:
        """(lock, display, opaque) native functions for libvlc_video_set_callbacks when the C
        core runs (keep this exchange alive while a player may call them), else None."""
        return self._core.libvlc_callbacks()

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
        """Take buffers for ``width`` x ``height`` pictures (from the pool); returns the stride
        in bytes."""
        stride = width * BYTES_PER_PIXEL
        with self._lock:
            if (width, height) != (self._width, self._height) or not self._buffers:
                latest = self._core.latest
                if latest >= 0:
                    self._carried = self._view(latest)
                # Readers holding an old buffer keep their own reference to it; the pool gets
                # it back once they let go.
                self._buffers = [self._pool.take(stride * height) for _ in range(framecore.BUFFERS)]
                self._core.configure(
                    [ctypes.addressof(buffer) for buffer in self._buffers], stride * height
                )
            self._width, self._height, self._stride = width, height, stride
            return stride

    def successor(self) -> FrameExchange:
        """A fresh exchange for a replacement decoder, keeping this one's count, sizes and last
        picture.

        An abandoned (wedged) decoder may go on writing into this exchange's buffers at any
        time, so its replacement must never share them: a resize by the new decoder would free
        memory the old one still writes into.
        """
        fresh = FrameExchange(
            clock=self._clock, prefer_c_core=isinstance(self._core, CCore), pool=self._pool
        )
        with self._lock:
            fresh._core.add(self.counter)
            fresh._display_size = self._display_size
            fresh._box = self._box
            latest = self._core.latest
            last = self._view(latest) if latest >= 0 else self._carried
        if last is not None:
            copy = self._pool.take(last.stride * last.height)
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

    def close(self) -> None:
        """The writer is gone for good (its player is released): give the buffers back and
        show nothing from now on. Never while a writer may still write (the buffers may be
        another player's the moment nobody reads them)."""
        with self._lock:
            self._core.configure([], 0)
            self._buffers = []
            self._carried = None
            self._width = self._height = self._stride = 0

    # ---------------------------------------------------------------- the writer

    def acquire_for_writing(self) -> tuple[int, int]:
        """Pick a buffer the writer may fill: returns (index, address)."""
        return self._core.acquire()

    def publish(self, index: int) -> None:
        """The buffer at ``index`` now holds a complete picture: make it the latest."""
        self._core.publish(index, self._clock())

    def note_picture_elsewhere(self) -> None:
        """A new picture was shown where this exchange cannot see it (a decoder drawing into
        a window of its own): count it."""
        self._core.add(1)

    def touch(self) -> None:
        """Count progress that did not change the picture (the decoder got new data)."""
        with self._lock:
            if self._core.latest >= 0 or self._carried is not None:
                self._core.add(1)

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

    def hold(self) -> AbstractContextManager[FrameView | None]:
        """The latest picture (or None before the first), protected while the block runs."""
        return _Hold(self)

    def _take(self) -> tuple[FrameView | None, int, int]:
        with self._lock:
            index, generation = self._core.hold()
            if index < 0:
                # A picture from before a change of size is in no buffer the writer uses.
                return self._carried, index, generation
            self._carried = None
            return self._view(index), index, generation

    def _give_back(self, index: int, generation: int) -> None:
        if index >= 0:
            # After a resize the generation is another: nothing to release.
            self._core.release(index, generation)


class _Hold:
    """``FrameExchange.hold()``'s context (a plain class: the painter enters one for every
    picture, and a generator-based context costs several times more)."""

    __slots__ = ("_exchange", "_index", "_generation")

    def __init__(self, exchange: FrameExchange):
        self._exchange = exchange
        self._index = -1
        self._generation = 0

    def __enter__(self) -> FrameView | None:
        view, self._index, self._generation = self._exchange._take()
        return view

    def __exit__(self, *exc_info: object) -> None:
        self._exchange._give_back(self._index, self._generation)
