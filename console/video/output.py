"""How tiles show a decoder's pictures: painted by the console (the default) or drawn by the
decoder itself into a native window inside the tile.

*Painted* pictures come to the console's memory and are painted with QPainter: the name,
state and age can lie over the picture, the last picture stays while a stream reconnects,
and digital zoom works. *Native* output lets libvlc draw with its own X11 / Windows /
macOS output into a window the tile gives it, as VLC itself shows video: the console never
touches the pixels, which costs the least CPU, but nothing can be drawn over the picture
(the tile shows its name and state in strips above and below it), the picture goes black
while a stream reconnects, and there is no digital zoom. Native output needs a windowing
platform; elsewhere (Qt's ``offscreen``, Wayland) tiles paint.

The preference is the application's (a setting); a tile reads it when it opens a stream.
"""

from __future__ import annotations

import enum
import threading
from typing import Protocol, runtime_checkable


class VideoOutput(enum.Enum):
    PAINTED = "painted"
    NATIVE = "native"


_lock = threading.Lock()
_preferred = VideoOutput.PAINTED


def preferred_output() -> VideoOutput:
    with _lock:
        return _preferred


def set_preferred_output(output: VideoOutput | str) -> None:
    """Streams opened from now on use ``output``; those playing keep theirs."""
    global _preferred
    with _lock:
        _preferred = VideoOutput(output)


@runtime_checkable
class WindowOutput(Protocol):
    """A source that can draw its pictures itself into a native window."""

    @property
    def draws_into_window(self) -> bool:
        """True when this source draws into a window instead of handing pictures over."""

    def set_window(self, handle: int) -> None:
        """Draw into the native window ``handle`` (an X11 window id, a Windows HWND or a
        macOS NSView pointer); must be called before ``open``."""
