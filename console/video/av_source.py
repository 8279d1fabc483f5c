"""FFmpeg (through PyAV) behind the ``VideoSource`` interface.

Used for schemes the installed libvlc cannot open; above all RTSP, which Debian's VLC is built
without. Measured on 4 RTSP streams of 640x360@25 (2 cores): PyAV decoding plus conversion to
BGRX took about 21 % of one core for the whole process against about 27 % for Qt Multimedia's
QMediaPlayer + QVideoSink with ``toImage()``, at 25 fps per stream for both and with less
memory, so PyAV it is.

Each ``open()`` starts a decoder thread for that URL; ``close()`` only tells it to stop. A
thread never waits for another: a read blocked on a dead network ends at the read timeout,
and a stale thread's pictures are dropped because each thread carries its own generation.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import av

from console.scrub import scrub
from console.video.source import EventInbox, FrameView, SourceEvent, SourceStats

logger = logging.getLogger(__name__)

_STATS_INTERVAL_S = 1.0


def _demuxer_options(url: str) -> dict[str, str]:
    # RTSP transport is left to FFmpeg: it tries UDP first and falls back to TCP by itself
    # (VLC's RTSP output only speaks UDP, many cameras prefer TCP).
    del url
    return {"fflags": "nobuffer", "probesize": "500000", "analyzeduration": "1000000"}


class _Latest:
    """The newest converted picture; replaced whole, so readers never see a half-written one."""

    def __init__(self) -> None:
        self.view: FrameView | None = None
        self.counter = 0


class PyAvSource:
    """A ``VideoSource`` decoded by FFmpeg through PyAV; see the module docstring.

    ``read_timeout_s`` bounds a blocked network read: a stream that sends nothing for that
    long ends (``SourceEvent.ENDED``).
    """

    kind = "ffmpeg"

    def __init__(
        self, name: str = "tile", *, open_timeout_s: float = 10.0, read_timeout_s: float = 5.0
    ):
        self.name = name
        self._open_timeout_s = open_timeout_s
        self._read_timeout_s = read_timeout_s
        self._inbox = EventInbox()
        self._latest = _Latest()
        self._stats = SourceStats()
        self._url: str | None = None
        self._generation = 0
        self._lock = threading.Lock()

    @property
    def url(self) -> str | None:
        return self._url

    @property
    def frame_counter(self) -> int:
        return self._latest.counter

    def open(self, url: str) -> None:
        with self._lock:
            self._generation += 1
            generation = self._generation
        self._url = url
        self._stats = SourceStats()
        thread = threading.Thread(
            target=self._decode,
            args=(url, generation),
            name=f"ffmpeg-{self.name}-{generation}",
            daemon=True,
        )
        thread.start()

    def close(self) -> None:
        with self._lock:
            self._generation += 1
        self._url = None
        self._inbox.put(SourceEvent.CLOSED)

    def dispose(self) -> None:
        self.close()

    def poll(self) -> None:
        """Nothing to do: a decoder thread cannot wedge the source, it is simply outlived."""

    def take_events(self) -> list[SourceEvent]:
        return self._inbox.drain()

    def hold_frame(self) -> AbstractContextManager[FrameView | None]:
        return self._hold()

    @contextmanager
    def _hold(self) -> Iterator[FrameView | None]:
        yield self._latest.view

    def stats(self) -> SourceStats:
        return self._stats

    # ---------------------------------------------------------------- decoder thread

    def _current(self, generation: int) -> bool:
        return generation == self._generation

    def _decode(self, url: str, generation: int) -> None:
        self._inbox.put(SourceEvent.OPENING)
        try:
            container = av.open(
                url,
                options=_demuxer_options(url),
                timeout=(self._open_timeout_s, self._read_timeout_s),
            )
        except (av.FFmpegError, OSError) as error:
            if self._current(generation):
                logger.info("cannot open %s: %s", scrub(url), scrub(str(error)))
                self._inbox.put(SourceEvent.ERROR)
            return
        try:
            self._play(container, generation)
        except (av.FFmpegError, OSError) as error:
            if self._current(generation):
                logger.info("stream %s broke: %s", scrub(url), scrub(str(error)))
                self._inbox.put(SourceEvent.ERROR)
        finally:
            container.close()

    def _play(self, container: Any, generation: int) -> None:
        if not container.streams.video:
            self._inbox.put(SourceEvent.ERROR)
            return
        stream = container.streams.video[0]
        # One thread per small stream is cheapest over many tiles (as for libvlc).
        stream.thread_type = "SLICE"
        stream.codec_context.thread_count = 1
        playing = False
        displayed = lost = 0
        window_start = time.monotonic()
        window_frames = window_bytes = 0
        for packet in container.demux(stream):
            if not self._current(generation):
                return
            window_bytes += packet.size
            try:
                frames = packet.decode()
            except av.InvalidDataError:
                lost += 1
                continue
            for frame in frames:
                self._publish(frame.to_ndarray(format="bgra"), generation)
                displayed += 1
                window_frames += 1
                if not playing:
                    playing = True
                    self._inbox.put(SourceEvent.PLAYING)
            now = time.monotonic()
            if now - window_start >= _STATS_INTERVAL_S:
                elapsed = now - window_start
                self._stats = SourceStats(
                    displayed=displayed,
                    lost=lost,
                    fps=window_frames / elapsed,
                    bitrate_kbps=window_bytes * 8 / 1000 / elapsed,
                )
                window_start, window_frames, window_bytes = now, 0, 0
        if self._current(generation):
            self._inbox.put(SourceEvent.ENDED)

    def _publish(self, pixels: Any, generation: int) -> None:
        if not self._current(generation):
            return
        height, width = pixels.shape[0], pixels.shape[1]
        latest = self._latest
        counter = latest.counter + 1
        latest.view = FrameView(
            data=pixels,
            width=width,
            height=height,
            stride=int(pixels.strides[0]),
            counter=counter,
            display_size=(width, height),
        )
        latest.counter = counter
