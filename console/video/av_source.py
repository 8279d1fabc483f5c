"""FFmpeg (through PyAV) behind the ``VideoSource`` interface.

Used for schemes the installed libvlc cannot open; above all RTSP, which Debian's VLC is built
without. Measured on 4 RTSP streams of 640x360@25 (2 cores): PyAV decoding plus conversion to
BGRX took about 21 % of one core for the whole process against about 27 % for Qt Multimedia's
QMediaPlayer + QVideoSink with ``toImage()``, at 25 fps per stream for both and with less
memory, so PyAV it is.

Each ``open()`` starts a decoder thread for that URL; ``close()`` only tells it to stop. A
thread never waits for another: a read blocked on a dead network ends at the read timeout,
and a stale thread's pictures are dropped because each thread carries its own generation.

Pictures are converted to BGRX at the size the tile shows them (``request_size``, sized by
``console.video.frames.output_size``): the decoder thread scales while it converts colours
anyway, and the tile copies the picture unscaled. A picture at the stream's own size is
converted only when asked for (``capture_full_picture``), from the next decoded frame.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import av
from av.video.reformatter import VideoReformatter

from console.scrub import scrub
from console.video.frames import output_size
from console.video.source import (
    EventInbox,
    FrameView,
    FullPicture,
    FullPictureCallback,
    SourceEvent,
    SourceStats,
)

logger = logging.getLogger(__name__)

_STATS_INTERVAL_S = 1.0
_PIXEL_FORMAT = "bgra"  # B, G, R, X in memory: QImage.Format_RGB32 on little-endian machines


def _demuxer_options(url: str) -> dict[str, str]:
    # RTSP transport is left to FFmpeg: it tries UDP first and falls back to TCP by itself
    # (VLC's RTSP output only speaks UDP, many cameras prefer TCP).
    del url
    return {"fflags": "nobuffer", "probesize": "500000", "analyzeduration": "1000000"}


def _answer(requests: list[FullPictureCallback], picture: FullPicture | None) -> None:
    for on_done in requests:
        try:
            on_done(picture)
        except Exception:  # a receiver's fault must not end the decoder thread
            logger.exception("a full-size picture could not be handed over")


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
        self._box: tuple[int, int] | None = None
        self._full_requests: list[FullPictureCallback] = []

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

    def request_size(self, width: int, height: int) -> None:
        """Pictures are shown inside ``width`` x ``height`` device pixels: the decoder thread
        converts them to the size that fits (from its next picture on)."""
        self._box = (int(width), int(height))

    def capture_full_picture(self, on_done: FullPictureCallback) -> None:
        """The next decoded picture at the stream's own size, converted on the decoder
        thread; ``on_done(None)`` at once when nothing plays, or when the stream ends first."""
        with self._lock:
            if self._url is not None:
                self._full_requests.append(on_done)
                return
        on_done(None)

    def close(self) -> None:
        with self._lock:
            self._generation += 1
            self._url = None
            requests, self._full_requests = self._full_requests, []
        self._inbox.put(SourceEvent.CLOSED)
        _answer(requests, None)

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
            self._refuse_full_requests(generation)
            return
        try:
            self._play(container, generation)
        except (av.FFmpegError, OSError) as error:
            if self._current(generation):
                logger.info("stream %s broke: %s", scrub(url), scrub(str(error)))
                self._inbox.put(SourceEvent.ERROR)
        finally:
            container.close()
            self._refuse_full_requests(generation)

    def _play(self, container: Any, generation: int) -> None:
        if not container.streams.video:
            self._inbox.put(SourceEvent.ERROR)
            return
        stream = container.streams.video[0]
        # One thread per small stream is cheapest over many tiles (as for libvlc).
        stream.thread_type = "SLICE"
        stream.codec_context.thread_count = 1
        # One scaler for the whole stream: a fresh one per picture would set swscale up anew
        # each time. One thread, like the decoder.
        reformatter = VideoReformatter()
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
                self._publish(reformatter, frame, generation)
                if self._full_requests:
                    self._serve_full_requests(reformatter, frame, generation)
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

    def _publish(self, reformatter: VideoReformatter, frame: Any, generation: int) -> None:
        if not self._current(generation):
            return
        display = (int(frame.width), int(frame.height))
        width, height = output_size(display, display, self._box)
        picture = reformatter.reformat(frame, width, height, _PIXEL_FORMAT, threads=1)
        # The plane exposes the whole buffer, padded rows included; a numpy view of it would
        # not be contiguous at widths whose rows are padded.
        plane = picture.planes[0]
        latest = self._latest
        counter = latest.counter + 1
        latest.view = FrameView(
            data=plane,
            width=width,
            height=height,
            stride=int(plane.line_size),
            counter=counter,
            display_size=display,
        )
        latest.counter = counter

    def _serve_full_requests(
        self, reformatter: VideoReformatter, frame: Any, generation: int
    ) -> None:
        with self._lock:
            if not self._current(generation):
                return
            requests, self._full_requests = self._full_requests, []
        picture = reformatter.reformat(frame, format=_PIXEL_FORMAT, threads=1)
        plane = picture.planes[0]
        full = FullPicture(
            data=plane,
            width=int(picture.width),
            height=int(picture.height),
            stride=int(plane.line_size),
        )
        _answer(requests, full)

    def _refuse_full_requests(self, generation: int) -> None:
        """The decoder thread ends: nothing will answer what is still asked of it."""
        with self._lock:
            if not self._current(generation):
                return
            requests, self._full_requests = self._full_requests, []
        _answer(requests, None)
