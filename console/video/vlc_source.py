"""libvlc behind the ``VideoSource`` interface.

Each ``VlcSource`` drives one libvlc media player through a ``PlayerController``: a worker
thread that makes every libvlc call for that player, in order (libvlc is not re-entrant, and
``stop()`` can block for seconds on a dead network stream, so it must never run on the GUI
thread). libvlc's own callbacks, on libvlc's threads, only move data: the video callbacks hand
decoded pictures to a ``FrameExchange``, the event callbacks put ``SourceEvent``s in an inbox.

A controller whose current call does not return within ``stuck_after_s`` is *wedged*: the
source abandons it, counts it in ``wedged_players()``, and carries on with a fresh controller,
its own exchange (``FrameExchange.successor``) and its own event inbox. The abandoned
controller never plays again: after every libvlc call that can block it looks whether it was
given up, and if so does nothing more; once its hung call returns, its thread releases the
player and ends. Until then a module-level set keeps the controller, and with it everything
libvlc may still call into (the ctypes callbacks, the exchange's buffers and C core), alive;
``waiting_abandoned_players()`` counts them. Its events go to its own inbox, which nobody
reads any more, so none of them reach its replacement.

Releasing a player detaches its event callbacks and drops python-vlc's cached event manager
first: python-vlc memoizes ``event_manager()`` per player in a process-wide dictionary that is
never pruned, and the manager keeps the callbacks, bound methods of the controller, so a
player released without that would keep its controller, exchange and callbacks for the life
of the process.

Pictures are asked for at the size the tile shows them (see ``console.video.frames``): libvlc
scales them on its own thread. libvlc 3 settles a video output's size once, when the output
starts, so when a tile keeps a new size for a while (a layout change, a maximised tile) the
controller starts the video over at that size; the last picture stays shown meanwhile.

libvlc's threads of a player may run ``worker.video_nice()`` nice steps below the rest of the
console (``console.video.worker`` says why, and why it is off by default). libvlc makes them
(input, decoders, video output) from the thread that calls ``play()``, or from threads made by
those, and on Linux a thread inherits its maker's nice value; so the controller calls
``play()`` from a short-lived thread that has lowered itself, and waits for it. The
controller's own thread keeps the console's priority: it runs Python, and a lowered thread
holding the interpreter lock would keep the GUI thread waiting while others take the cores.

The video callbacks run for every picture on libvlc's thread and need the interpreter lock,
so they do as little as possible: no logging, no allocation beyond what ctypes does.

Evidence wants the stream's own size, not the tile's: ``capture_full_picture`` has libvlc
write its next picture as a PNG at the stream's visible size (``video_take_snapshot``), on the
controller's thread like every libvlc call, and hands the file's path over.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import tempfile
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import vlc

from console.scrub import scrub
from console.video import engine, native_heap
from console.video.frames import FrameExchange, close_enough
from console.video.source import (
    EventInbox,
    FrameView,
    FullPicture,
    FullPictureCallback,
    SourceEvent,
    SourceStats,
)
from console.video.worker import CommandThread, lower_own_priority, video_nice

logger = logging.getLogger(__name__)

# libvlc declares the chroma argument as a C string; we must write into it, so our prototype
# takes a raw char pointer, and the function registering it is declared with that prototype.
# (Casting the callback to python-vlc's type instead would tie it to itself through ctypes'
# bookkeeping, a cycle that kept every controller until the cycle collector came by.)
_FormatCb = ctypes.CFUNCTYPE(
    ctypes.c_uint,
    ctypes.POINTER(ctypes.c_void_p),
    ctypes.POINTER(ctypes.c_char),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
)
_set_format_callbacks = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, _FormatCb, vlc.CallbackDecorators.VideoCleanupCb
)(("libvlc_video_set_format_callbacks", vlc.dll))
_CHROMA_RV32 = b"RV32"

_EVENTS = {
    vlc.EventType.MediaPlayerOpening: SourceEvent.OPENING,
    vlc.EventType.MediaPlayerPlaying: SourceEvent.PLAYING,
    vlc.EventType.MediaPlayerEndReached: SourceEvent.ENDED,
    vlc.EventType.MediaPlayerEncounteredError: SourceEvent.ERROR,
    vlc.EventType.MediaPlayerStopped: SourceEvent.CLOSED,
}

# The visible size each URL showed last: a tile that opens it again asks libvlc for the
# right picture size at once instead of guessing from the decoder's padded size.
_KNOWN_SIZES_MAX = 1024
_known_sizes: dict[str, tuple[int, int]] = {}
_known_sizes_lock = threading.Lock()

# A snapshot libvlc cannot take yet (no video output while the video starts over) is tried
# again this often, for this long after it was asked for.
_SNAPSHOT_RETRY_S = 0.2
_SNAPSHOT_PATIENCE_S = 2.5
# How often a player drawing into a native window reads libvlc's counters (its only sign of
# new pictures): well inside the time after which a stream counts as frozen.
_NATIVE_STATS_INTERVAL_S = 0.25

_wedged_lock = threading.Lock()
_wedged_count = 0
_live_controllers: weakref.WeakSet[PlayerController] = weakref.WeakSet()
_shutdown_registered = False
# Abandoned controllers whose hung call has not returned yet: libvlc may still call their
# callbacks and write into their exchange, so they must not be freed (see the docstring).
_abandoned: set[PlayerController] = set()
engine.keep_if_busy_at_exit(_abandoned)


def wedged_players() -> int:
    """How many players this process has abandoned because a libvlc call never returned."""
    return _wedged_count


def waiting_abandoned_players() -> int:
    """Abandoned players whose hung libvlc call has not returned yet (not released yet)."""
    with _wedged_lock:
        return len(_abandoned)


def _count_wedged() -> None:
    global _wedged_count
    with _wedged_lock:
        _wedged_count += 1


def _stop_all(timeout: float) -> None:
    controllers = list(_live_controllers)
    for controller in controllers:
        controller.release()
    deadline = time.monotonic() + timeout
    for controller in controllers:
        if not controller.join(max(0.0, deadline - time.monotonic())):
            logger.warning("a video player did not stop within %.1f s at exit", timeout)


def _register_shutdown() -> None:
    global _shutdown_registered
    if not _shutdown_registered:
        engine.on_shutdown(_stop_all)
        _shutdown_registered = True


def _forget_event_manager(player: vlc.MediaPlayer) -> None:
    """Drop python-vlc's memoized event manager of ``player`` (see the module docstring)."""
    memoized = vlc.MediaPlayer.__dict__.get("event_manager")
    cache = getattr(memoized, "_cache", None)
    if isinstance(cache, dict):
        cache.pop(player, None)


def _remember_size(url: str, size: tuple[int, int]) -> None:
    with _known_sizes_lock:
        if len(_known_sizes) >= _KNOWN_SIZES_MAX and url not in _known_sizes:
            _known_sizes.pop(next(iter(_known_sizes)))
        _known_sizes[url] = size


def _known_size(url: str) -> tuple[int, int] | None:
    with _known_sizes_lock:
        return _known_sizes.get(url)


class PlayerController:
    """Owner of one libvlc media player: every call to it runs on the controller's thread.

    ``play``, ``stop`` and ``release`` queue work and return at once. ``calls`` records the
    last operations with the thread that ran them (diagnostics and tests; ``start`` is each
    libvlc ``play()``); ``restarts`` counts the times the video was started over at a new
    picture size. libvlc's events about this player arrive through ``take_events``.
    """

    def __init__(
        self,
        name: str,
        exchange: FrameExchange,
        on_stats: Callable[[SourceStats], None],
        *,
        window: int | None = None,
    ):
        self.name = name
        # A native window libvlc draws into itself (None: pictures come through callbacks).
        self._window = window
        self._displayed = 0
        self._exchange = exchange
        # This player's own: the inbox of an abandoned player is read by nobody.
        self._inbox = EventInbox()
        self._on_stats = on_stats
        self._released = False
        self._player: vlc.MediaPlayer | None = None
        self._media: vlc.Media | None = None
        self._callbacks: tuple[Any, ...] = ()
        self._stats_at = 0.0
        self._stats_frames = 0
        self._stats_bytes = 0
        self._decoded = 0
        # Pictures shown and lost by earlier runs of the current media (a restart at a new
        # size begins libvlc's counts again).
        self._base_displayed = 0
        self._base_lost = 0
        self._url: str | None = None
        self._coded: tuple[int, int] | None = None
        self._size_asked: tuple[int, int] | None = None
        self.restarts = 0
        self.calls: deque[tuple[str, int]] = deque(maxlen=64)
        # Drawing into a window, libvlc's counters are the only sign of new pictures: read
        # them often enough for a frozen stream to be noticed in time.
        self._thread = CommandThread(
            f"vlc-{name}",
            idle=self._read_stats,
            idle_interval=_NATIVE_STATS_INTERVAL_S if window is not None else 1.0,
        )
        self._nice = video_nice()
        self._thread.submit("create", self._create)
        _live_controllers.add(self)
        _register_shutdown()

    # ---------------------------------------------------------------- any thread

    def play(self, url: str) -> None:
        self._thread.submit("play", lambda: self._play(url))

    def stop(self) -> None:
        self._thread.submit("stop", self._stop)

    def release(self) -> None:
        self._thread.submit("release", self._release)
        self._thread.finish()

    def call(self, label: str, function: Callable[[vlc.MediaPlayer], object]) -> None:
        """Run ``function(player)`` on the controller's thread (snapshots, track queries and
        any other libvlc call a feature needs); it is skipped once the player is released or
        the controller abandoned."""

        def run() -> None:
            self._record(label)
            if self._player is not None and not self._given_up():
                function(self._player)

        self._thread.submit(label, run)

    def take_snapshot(self, on_done: FullPictureCallback) -> None:
        """Call ``on_done`` from the controller's thread with the next picture at the
        stream's own size, written by libvlc to a temporary PNG (None if there is none).

        While the video starts over (a new stream, or a new picture size) libvlc has no
        picture to give for a moment, so a failed attempt is tried again for up to
        ``_SNAPSHOT_PATIENCE_S``; the controller's thread never sleeps meanwhile. Dropped
        without a call if the controller is abandoned first."""
        deadline = time.monotonic() + _SNAPSHOT_PATIENCE_S

        def run() -> None:
            self._record("snapshot")
            picture = None
            again = False
            try:
                picture = self._snapshot()
                again = (
                    picture is None
                    and self._media is not None
                    and time.monotonic() + _SNAPSHOT_RETRY_S < deadline
                )
            finally:
                if self._given_up():
                    pass  # abandoned meanwhile: nothing more, not even the answer
                elif again:
                    retry = threading.Timer(
                        _SNAPSHOT_RETRY_S, lambda: self._thread.submit("snapshot", run)
                    )
                    retry.daemon = True
                    retry.start()
                else:
                    if picture is None:
                        logger.info("video player %s had no picture to snapshot", self.name)
                    on_done(picture)

        self._thread.submit("snapshot", run)

    def read_counts(self, on_done: Callable[[int, int], None]) -> None:
        """Call ``on_done(displayed, lost)`` from the controller's thread with libvlc's
        picture counts for the current URL (restarts at a new size included)."""

        def run() -> None:
            self._record("counts")
            if self._given_up():
                return
            counts = self._counts()
            on_done(*(counts or (self._base_displayed, self._base_lost)))

        self._thread.submit("counts", run)

    def take_events(self) -> list[SourceEvent]:
        """libvlc's events about this player since the last call, oldest first."""
        return self._inbox.drain()

    def stuck_for(self) -> tuple[str, float]:
        return self._thread.stuck_for()

    @property
    def abandoned(self) -> bool:
        return self._thread.abandoned

    @property
    def released(self) -> bool:
        """Whether the libvlc player has been released (nothing of it runs any more)."""
        return self._released

    def abandon(self) -> None:
        """Give up on the controller (its current call hangs): it does nothing more, and its
        thread releases the player once that call returns; kept alive until then."""
        with _wedged_lock:
            _abandoned.add(self)
        _live_controllers.discard(self)
        self._thread.abandon(then=self._release_abandoned)

    def join(self, timeout: float) -> bool:
        return self._thread.join(timeout)

    # ---------------------------------------------------------------- controller thread

    def _record(self, operation: str) -> None:
        self.calls.append((operation, threading.get_ident()))

    def _given_up(self) -> bool:
        """Whether the controller was abandoned: asked after every libvlc call that can
        block, so that a call returning late leads to nothing but the release."""
        return self._thread.abandoned

    def _create(self) -> None:
        self._record("create")
        player = engine.instance().media_player_new()
        if self._window is not None:
            _draw_into(player, self._window)
            self._attach_events(player)
            self._player = player
            return
        exchange = self._exchange
        acquire = exchange.acquire_for_writing
        publish = exchange.publish

        def setup(_opaque, chroma, width, height, pitches, lines):  # type: ignore[no-untyped-def]
            ctypes.memmove(chroma, _CHROMA_RV32, len(_CHROMA_RV32))
            coded = (int(width[0]), int(height[0]))
            self._coded = coded
            # libvlc scales the visible picture to whatever size is answered here.
            out_width, out_height = exchange.planned_size(coded)
            width[0], height[0] = out_width, out_height
            pitches[0] = exchange.configure(out_width, out_height)
            lines[0] = out_height
            # A libvlc thread: the visible-size query is queued for the controller's thread.
            self._thread.submit("size", self._read_size)
            return 1

        # The two per-picture callbacks: kept to the bare minimum (see the module docstring).
        def lock(_opaque, planes):  # type: ignore[no-untyped-def]
            index, address = acquire()
            planes[0] = address
            return index + 1  # a NULL picture id would read as "no picture"

        def display(_opaque, picture):  # type: ignore[no-untyped-def]
            if picture:
                publish(picture - 1)

        format_cb = _FormatCb(setup)
        cleanup_cb = vlc.CallbackDecorators.VideoCleanupCb(lambda _opaque: None)
        native = exchange.libvlc_callbacks()
        if native is not None:
            # The exchange's C core: libvlc calls it for every picture without the
            # interpreter lock (the exchange outlives the player: the controller keeps it).
            lock_address, display_address, opaque = native
            lock_cb = ctypes.cast(lock_address, vlc.CallbackDecorators.VideoLockCb)
            display_cb = ctypes.cast(display_address, vlc.CallbackDecorators.VideoDisplayCb)
            player.video_set_callbacks(lock_cb, None, display_cb, opaque)
        else:
            lock_cb = vlc.CallbackDecorators.VideoLockCb(lock)
            display_cb = vlc.CallbackDecorators.VideoDisplayCb(display)
            player.video_set_callbacks(lock_cb, None, display_cb, None)
        _set_format_callbacks(player, format_cb, cleanup_cb)
        self._attach_events(player)
        # libvlc keeps raw pointers to these: they must live as long as the player.
        self._callbacks = (format_cb, cleanup_cb, lock_cb, display_cb)
        self._player = player

    def _attach_events(self, player: vlc.MediaPlayer) -> None:
        manager = player.event_manager()
        for event_type, event in _EVENTS.items():
            manager.event_attach(event_type, self._on_libvlc_event, event)
        manager.event_attach(vlc.EventType.MediaPlayerVout, self._on_libvlc_vout)

    def _detach_events(self, player: vlc.MediaPlayer) -> None:
        # libvlc waits for a callback that runs right now; none runs after this.
        manager = player.event_manager()
        for event_type in (*_EVENTS, vlc.EventType.MediaPlayerVout):
            manager.event_detach(event_type)
        _forget_event_manager(player)

    def _on_libvlc_event(self, _event: object, source_event: SourceEvent) -> None:
        # libvlc's event thread: enqueue only, never call libvlc from here.
        self._inbox.put(source_event)

    def _on_libvlc_vout(self, _event: object) -> None:
        # libvlc's event thread: the size query itself must run on the controller's thread.
        self._thread.submit("size", self._read_size)

    def _read_size(self) -> None:
        # The buffer libvlc fills has the coded size (640x368 for a 640x360 stream, say),
        # stretched to fit; the visible size gives the painter the true aspect ratio.
        if self._player is None or self._given_up():
            return
        width, height = self._player.video_get_size(0)
        if self._given_up():
            return
        if width and height:
            size = (int(width), int(height))
            self._exchange.set_display_size(*size)
            if self._url is not None:
                _remember_size(self._url, size)

    def _play(self, url: str) -> None:
        self._record("play")
        if self._player is None or self._given_up():
            return
        self._stop_media()
        if self._given_up():
            return
        media = engine.instance().media_new(url, *engine.live_stream_options(url))
        self._player.set_media(media)
        self._media = media
        if self._given_up():
            return
        self._url = url
        self._stats_at = time.monotonic()
        self._stats_frames = self._exchange.counter
        self._stats_bytes = 0
        self._decoded = 0
        self._displayed = 0
        self._base_displayed = self._base_lost = 0
        self._size_asked = None
        self._on_stats(SourceStats())
        self._start()

    def _start(self) -> None:
        """libvlc's ``play()`` for the current media (the last call of a start: an abandoned
        controller's release stops what it started)."""
        assert self._player is not None
        self._record("start")
        if _lowered(self._player.play, self._nice, self.name) != 0:
            logger.info("libvlc refused to play %s", scrub(self._url or ""))
            self._inbox.put(SourceEvent.ERROR)

    def _snapshot(self) -> FullPicture | None:
        if self._player is None or self._media is None or self._given_up():
            return None
        handle, path = tempfile.mkstemp(prefix="tianmu-snapshot-", suffix=".png")
        os.close(handle)
        # Width and height 0: the visible size of the stream. libvlc waits (briefly) for the
        # next picture and writes it before returning; it answers 0 even when it wrote
        # nothing (no video output yet, no picture in time), so the file tells.
        taken = self._player.video_take_snapshot(0, path, 0, 0) == 0
        if taken and not self._given_up() and os.path.getsize(path) > 0:
            return FullPicture(path=path)
        os.unlink(path)
        return None

    def _stop(self) -> None:
        self._record("stop")
        self._stop_media()

    def _stop_media(self) -> None:
        if self._player is not None and self._media is not None:
            self._player.stop()
            self._media.release()
            self._media = None

    def _release(self) -> None:
        self._record("release")
        player = self._player
        if player is not None:
            self._detach_events(player)
        self._stop_media()
        if player is not None:
            player.release()
            self._player = None
            native_heap.trim_soon()
        # libvlc calls nothing of this player's any more: its buffers may serve another
        # player, and its callbacks (which refer back to this controller) may go.
        self._exchange.close()
        self._callbacks = ()
        self._released = True
        _live_controllers.discard(self)

    def _release_abandoned(self) -> None:
        # Runs on the abandoned controller's thread once its hung call has returned.
        try:
            self._release()
        finally:
            with _wedged_lock:
                _abandoned.discard(self)

    def _counts(self) -> tuple[int, int] | None:
        if self._media is None:
            return None
        stats = vlc.MediaStats()
        if not self._media.get_stats(stats):
            return None
        return (
            self._base_displayed + stats.displayed_pictures,
            self._base_lost + stats.lost_pictures,
        )

    def _check_picture_size(self) -> None:
        """Start the video over when the tile has kept a size its pictures do not fit."""
        coded = self._coded
        if coded is None or self._player is None or self._media is None:
            return
        wanted = self._exchange.planned_size(coded)
        if close_enough(self._exchange.size, wanted):
            self._size_asked = None
            return
        if wanted != self._size_asked:
            # Wait for the same size a second time: a window being dragged larger passes
            # through many sizes, and each start costs a keyframe wait.
            self._size_asked = wanted
            return
        self._size_asked = None
        self._record("resize")
        counts = self._counts()
        if counts is not None:
            self._base_displayed, self._base_lost = counts
        self.restarts += 1
        self._coded = None
        self._player.stop()
        if self._given_up():
            return
        self._decoded = 0
        self._stats_bytes = 0
        self._start()

    def _read_stats(self) -> None:
        if self._media is None:
            return
        self._read_size()
        self._check_picture_size()
        if self._media is None or self._given_up():
            return
        stats = vlc.MediaStats()
        if not self._media.get_stats(stats):
            return
        now = time.monotonic()
        if self._window is not None:
            self._read_native_stats(stats, now)
            return
        elapsed = max(1e-3, now - self._stats_at)
        frames = self._exchange.counter
        picture_unchanged = frames == self._stats_frames
        fps = (frames - self._stats_frames) / elapsed
        bitrate = max(0, stats.demux_read_bytes - self._stats_bytes) * 8 / 1000 / elapsed
        self._stats_at, self._stats_frames, self._stats_bytes = now, frames, stats.demux_read_bytes
        if stats.decoded_video > self._decoded and picture_unchanged:
            # New data decoded to an unchanged picture (a still scene): the stream is alive.
            self._exchange.touch()
        self._decoded = stats.decoded_video
        self._on_stats(
            SourceStats(
                displayed=self._base_displayed + stats.displayed_pictures,
                lost=self._base_lost + stats.lost_pictures,
                fps=fps,
                bitrate_kbps=bitrate,
            )
        )

    def _read_native_stats(self, stats: vlc.MediaStats, now: float) -> None:
        """Drawing into a window: a picture decoded since the last look counts as a new
        picture (libvlc repeats the last picture on screen while a stream stalls, so
        displayed pictures do not tell), and the figures are made about once a second."""
        if stats.decoded_video > self._decoded:
            self._exchange.note_picture_elsewhere()
        self._decoded = stats.decoded_video
        elapsed = now - self._stats_at
        if elapsed < 0.9:
            return
        fps = max(0, stats.displayed_pictures - self._displayed) / elapsed
        bitrate = max(0, stats.demux_read_bytes - self._stats_bytes) * 8 / 1000 / elapsed
        self._stats_at, self._stats_bytes = now, stats.demux_read_bytes
        self._displayed = stats.displayed_pictures
        self._on_stats(
            SourceStats(
                displayed=stats.displayed_pictures,
                lost=stats.lost_pictures,
                fps=fps,
                bitrate_kbps=bitrate,
            )
        )


def _lowered(call: Callable[[], int], nice: int, name: str) -> int:
    """``call()`` (libvlc's ``play()``) on a short-lived thread that first lowers its own
    priority by ``nice`` steps, waited for: the threads libvlc makes meanwhile inherit that
    priority, the calling thread keeps its own (see the module docstring)."""
    if nice <= 0:
        return call()
    answer: list[int] = []

    def run() -> None:
        lower_own_priority(nice)
        answer.append(call())

    starter = threading.Thread(target=run, name=f"vlc-{name}-play", daemon=True)
    try:
        starter.start()
    except RuntimeError:  # no new thread (the interpreter is exiting): play as we are
        return call()
    starter.join()
    return answer[0] if answer else -1


def _draw_into(player: vlc.MediaPlayer, window: int) -> None:
    """Make ``player`` draw into the native ``window`` and leave mouse and keys to the
    console (the tile under the window handles them)."""
    if sys.platform.startswith("win"):
        player.set_hwnd(window)
    elif sys.platform == "darwin":
        player.set_nsobject(window)
    else:
        player.set_xwindow(window)
    player.video_set_mouse_input(False)
    player.video_set_key_input(False)


class VlcSource:
    """A ``VideoSource`` decoded by libvlc; see the module docstring.

    ``stuck_after_s`` bounds how long one libvlc call (typically ``stop()``) may take before
    the player is declared wedged and replaced.
    """

    kind = "libvlc"
    #: it can draw into a native window instead of handing pictures over
    can_draw_into_window = True

    def __init__(self, name: str = "tile", *, stuck_after_s: float = 5.0, native: bool = False):
        self.name = name
        self.stuck_after_s = stuck_after_s
        # Native output (see ``console.video.output``): libvlc draws into ``_window``.
        self._native = native
        self._window: int | None = None
        self._exchange = FrameExchange()
        self._inbox = EventInbox()
        self._stats = SourceStats()
        self._url: str | None = None
        self._controller: PlayerController | None = None
        self._generation = 0

    @property
    def url(self) -> str | None:
        return self._url

    @property
    def frame_counter(self) -> int:
        return self._exchange.counter

    @property
    def controller(self) -> PlayerController | None:
        return self._controller

    def open(self, url: str) -> None:
        if url != self._url:
            known = _known_size(url)
            if known is not None:
                self._exchange.set_display_size(*known)
            else:
                self._exchange.forget_display_size()
        self._url = url
        self._current_controller().play(url)

    @property
    def draws_into_window(self) -> bool:
        return self._native

    def set_window(self, handle: int) -> None:
        """Draw into the native window ``handle`` (before ``open``; see
        ``console.video.output``)."""
        if self._controller is not None:
            raise RuntimeError("set_window() must come before the first open()")
        self._window = handle

    def request_size(self, width: int, height: int) -> None:
        """Pictures are shown inside ``width`` x ``height`` device pixels: libvlc is asked for
        pictures of that size (see the module docstring)."""
        self._exchange.request_size(width, height)

    def capture_full_picture(self, on_done: FullPictureCallback) -> None:
        """The next picture at the stream's own size, as a PNG file libvlc writes on the
        controller's thread (see the module docstring); ``on_done(None)`` at once when
        nothing plays."""
        if self._controller is None or self._url is None:
            on_done(None)
            return
        self._controller.take_snapshot(on_done)

    def close(self) -> None:
        self._url = None
        if self._controller is not None:
            self._controller.stop()

    def dispose(self) -> None:
        self._url = None
        if self._controller is not None:
            self._controller.release()
            self._controller = None

    def poll(self) -> None:
        controller = self._controller
        if controller is None:
            return
        operation, seconds = controller.stuck_for()
        if seconds <= self.stuck_after_s:
            return
        logger.warning(
            "video player %s wedged in %s for %.1f s; abandoning it", self.name, operation, seconds
        )
        # What the player said before it hung still counts; nothing it says later does.
        for event in controller.take_events():
            self._inbox.put(event)
        controller.abandon()
        _count_wedged()
        self._controller = None
        self._exchange = self._exchange.successor()
        self._inbox.put(SourceEvent.ERROR)
        if self._url is not None:
            self._current_controller().play(self._url)

    def take_events(self) -> list[SourceEvent]:
        events = self._inbox.drain()
        controller = self._controller
        if controller is not None:
            events.extend(controller.take_events())
        return events

    def hold_frame(self) -> AbstractContextManager[FrameView | None]:
        return self._exchange.hold()

    def stats(self) -> SourceStats:
        return self._stats

    def _set_stats(self, stats: SourceStats) -> None:
        self._stats = stats

    def _current_controller(self) -> PlayerController:
        if self._controller is None:
            self._generation += 1
            self._controller = PlayerController(
                f"{self.name}-{self._generation}",
                self._exchange,
                self._set_stats,
                window=self._window,
            )
        return self._controller
