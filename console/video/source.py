"""The interface every video source offers to a tile and its supervisor.

A source decodes one stream on its own threads and keeps the latest picture in memory as
32-bit BGRX (``QImage.Format_RGB32`` on little-endian machines). Callers never wait on it:
``open()`` and ``close()`` only hand work to the source's thread and return; what happened
arrives later as ``SourceEvent``s, drained with ``take_events()``.

The latest picture may be smaller than the stream (a source that can hand pictures over at the
size a tile shows them does so); evidence wants the stream's own size, which a source that
can offers through ``FullPictureCapture``, asynchronously like everything else.
"""

from __future__ import annotations

import enum
import queue
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable


class SourceEvent(enum.Enum):
    """What a source reports about its stream, in the order it happened."""

    OPENING = "opening"
    PLAYING = "playing"
    ENDED = "ended"  # the server closed the stream, or a read timed out
    ERROR = "error"  # the stream could not be opened or broke
    CLOSED = "closed"


@dataclass(frozen=True)
class FrameView:
    """The latest picture: ``data`` supports the buffer protocol and holds ``height`` rows of
    ``stride`` bytes, 4 bytes per pixel (B, G, R, X). ``counter`` counts displayed pictures
    since the source was made; it grows by one per picture. ``display_size`` is the size the
    picture should be shown at: a decoder may hand over a buffer stretched to its coded size
    (640x368 for a 640x360 stream), so painters keep ``display_size``'s aspect ratio."""

    data: Any
    width: int
    height: int
    stride: int
    counter: int
    display_size: tuple[int, int]


@dataclass(frozen=True)
class FullPicture:
    """The picture at the stream's own size, as a decoder made it: either a PNG file
    (``path``; whoever receives it owns the file and deletes it) or BGRX pixels like a
    ``FrameView``'s (``data`` with ``height`` rows of ``stride`` bytes)."""

    path: str | None = None
    data: Any = None
    width: int = 0
    height: int = 0
    stride: int = 0


@dataclass(frozen=True)
class SourceStats:
    """Figures for the operator and the benchmarks, refreshed about once a second.

    ``displayed`` and ``lost`` are pictures since the current URL was opened (libvlc's
    displayed/lost counters where libvlc decodes; ``decoded_video`` is not used because VLC 3
    counts it twice). ``fps`` is displayed pictures per second over the last interval and
    ``bitrate_kbps`` the received stream rate.
    """

    displayed: int = 0
    lost: int = 0
    fps: float = 0.0
    bitrate_kbps: float = 0.0


@runtime_checkable
class VideoSource(Protocol):
    """One decoder for one stream at a time; see the module docstring.

    Implementations make ``open``/``close``/``poll`` cheap and non-blocking, safe to call on
    the GUI thread; all slow or re-entrancy-sensitive work runs on the source's own threads.
    """

    #: short name of the implementation, shown by the self-test ("libvlc", "ffmpeg")
    kind: str

    @property
    def url(self) -> str | None:
        """The URL last opened, or None after ``close()``."""

    @property
    def frame_counter(self) -> int:
        """Displayed pictures so far; a change means there is a new picture to paint."""

    def open(self, url: str) -> None:
        """Start playing ``url``, replacing whatever played before."""

    def close(self) -> None:
        """Stop playing; the last picture stays available."""

    def dispose(self) -> None:
        """Stop and free everything; the source is not used again."""

    def poll(self) -> None:
        """Housekeeping from the owner's periodic tick (detects a wedged decoder)."""

    def take_events(self) -> list[SourceEvent]:
        """Events since the last call, oldest first."""

    def hold_frame(self) -> AbstractContextManager[FrameView | None]:
        """The latest picture, kept intact (not overwritten) until the context exits."""

    def stats(self) -> SourceStats:
        """The latest figures."""


#: Receives a full-size picture, or None when the source has none to give. Called on one of the
#: source's threads, or at once on the caller's when nothing plays.
FullPictureCallback = Callable[[FullPicture | None], None]


@runtime_checkable
class FullPictureCapture(Protocol):
    """A video source that can hand over the current picture at the stream's own size."""

    def capture_full_picture(self, on_done: FullPictureCallback) -> None:
        """Take the picture on the source's own thread and pass it to ``on_done`` there.

        Never blocks. ``on_done`` is called at most once; it may not be called at all when
        the decoder is stuck, so callers bound their wait."""


class EventInbox:
    """A thread-safe queue of ``SourceEvent``s: decoder threads and libvlc callbacks put,
    the owner drains. Putting never blocks and never calls back into the decoder."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[SourceEvent] = queue.SimpleQueue()

    def put(self, event: SourceEvent) -> None:
        self._queue.put(event)

    def drain(self) -> list[SourceEvent]:
        events = []
        while True:
            try:
                events.append(self._queue.get_nowait())
            except queue.Empty:
                return events
