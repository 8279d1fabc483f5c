"""The process's one libvlc instance, its options and its log.

libvlc is started once per process (``instance()``), with options that suit many small tiles
inside a Qt application: no audio, no Xlib (Qt owns X), no OpenGL video outputs (they fall
back to software Mesa on machines without a GPU and cost ten times the CPU), one decoder
thread per stream. Its log goes through a callback and a thread of ours (``libvlc_log``) into
Python logging, quietly (VLC's errors at INFO, its warnings at DEBUG, the rest dropped) and
with credentials scrubbed from every line: libvlc prints MRLs, and MRLs can carry
``user:password@``.

``configure()`` must be called before the first ``instance()`` to change the defaults.

``shutdown()`` runs at interpreter exit (``atexit``), while Python is still whole: it refuses
new players, stops every player (each bounded in time), detaches the log and releases the
instance, so that no libvlc thread is left to call into Python while the interpreter
finalizes. A player that does not stop in time (a libvlc call that never returns) can still
call its callbacks later, so then the instance is left alone and every callback object libvlc
may still call is kept alive for good (a deliberate leak at exit: freeing a ctypes callback
that C code then calls is a crash).
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import vlc

from console.video import framecore, native_heap, worker
from console.video.libvlc_log import LogRelay

logger = logging.getLogger(__name__)
vlc_logger = logging.getLogger("console.video.libvlc")

_LIBVLC_WARNING = 3
_LIBVLC_ERROR = 4
_LOG_LINE_BYTES = 1024
# How much libvlc's read-ahead of a network stream asks for at once (its default is 16 MiB).
_PREFETCH_READ_BYTES = 256 * 1024
# How long releasing the instance may take at exit (it joins libvlc's own threads).
_RELEASE_TIMEOUT_S = 2.0


class EngineClosed(RuntimeError):
    """libvlc was shut down (the process is exiting): no new player is made."""


@dataclass(frozen=True)
class EngineConfig:
    """Options for the shared libvlc instance.

    ``network_caching_ms`` is libvlc's live buffer (lower is closer to real time);
    ``avcodec_threads=1`` halves threads and memory per player for small tiles at no CPU cost
    (measured); ``prefetch_kib`` is the read-ahead ring of each network stream (see ``args``);
    ``extra_args`` are passed through unchanged.
    """

    network_caching_ms: int = 300
    avcodec_threads: int = 1
    prefetch_kib: int = 1024
    extra_args: tuple[str, ...] = field(default_factory=tuple)

    def args(self) -> list[str]:
        return [
            "--no-audio",
            # Every player still opens an audio output even with --no-audio: the default one
            # tries PulseAudio, then ALSA (about 4.5 ms of CPU per player, logged failures).
            "--aout=adummy",
            "--quiet",
            "--no-xlib",
            "--gl=none",
            "--gles2=none",
            "--no-video-title-show",
            # Frame callbacks read system memory; probing VAAPI/VDPAU first only restarts the
            # video output once or twice per stream.
            "--avcodec-hw=none",
            "--no-snapshot-preview",
            f"--network-caching={self.network_caching_ms}",
            f"--avcodec-threads={self.avcodec_threads}",
            # libvlc reads a network stream ahead into a ring of 16 MiB by default, which stays
            # resident once the stream has passed through all of it: a minute of the test
            # camera, so a wall showing the same cameras for hours held 16 MiB per tile. A live
            # stream is read at the pace it comes; a full ring only slows the reading (TCP).
            # The read size must not exceed the ring, or the ring is made that large.
            f"--prefetch-buffer-size={self.prefetch_kib}",
            f"--prefetch-read-size={min(_PREFETCH_READ_BYTES, self.prefetch_kib * 1024)}",
            *self.extra_args,
        ]


_lock = threading.Lock()
_config = EngineConfig()
# The live buffer set after start-up (None: the instance's own ``network_caching_ms``).
_live_buffer_ms: int | None = None
_instance: vlc.Instance | None = None
_log_callback: Callable[..., None] | None = None
_shutdown_hooks: list[Callable[[float], None]] = []
_log_relay = LogRelay(vlc_logger)
# Objects holding what players still running at exit may call (see _keep_callbacks_for_good).
_kept_if_busy: list[object] = []
_closed = False


def configure(config: EngineConfig) -> None:
    """Set the options for the instance; only effective before the first ``instance()``."""
    global _config
    with _lock:
        if _instance is not None and config != _config:
            logger.warning("libvlc is already running; new video options apply after a restart")
        _config = config


def config() -> EngineConfig:
    return _config


def set_live_buffer_ms(milliseconds: int) -> None:
    """Live streams opened from now on buffer ``milliseconds`` before they show (the setting
    ``video.network_caching_ms``); those playing keep theirs. The instance's own option is
    fixed when libvlc starts, so this one travels with each stream (``live_stream_options``)."""
    global _live_buffer_ms
    with _lock:
        _live_buffer_ms = max(0, int(milliseconds))


def live_stream_options(url: str) -> list[str]:
    """libvlc options for opening ``url``: the live buffer for a network stream, nothing for
    a local file (its buffer is ``file-caching``, which a recording does not need tuned)."""
    scheme, separator, _rest = url.partition("://")
    if not separator or scheme.lower() == "file":
        return []
    with _lock:
        buffer_ms = _config.network_caching_ms if _live_buffer_ms is None else _live_buffer_ms
    return [f":network-caching={buffer_ms}"]


def instance() -> vlc.Instance:
    """The process's libvlc instance, created on first use.

    Raises ``EngineClosed`` once ``shutdown()`` has begun."""
    global _instance
    with _lock:
        if _closed:
            raise EngineClosed("libvlc has been shut down")
        if _instance is None:
            # Before libvlc's first thread allocates anything (see native_heap).
            native_heap.map_large_blocks()
            created = vlc.Instance(_config.args())
            if created is None:
                raise RuntimeError("libvlc could not start (is VLC installed?)")
            _attach_log(created)
            _instance = created
            atexit.register(shutdown)
            logger.info("libvlc %s started", vlc.libvlc_get_version().decode(errors="replace"))
        return _instance


def on_shutdown(hook: Callable[[float], None]) -> None:
    """Run ``hook(timeout)`` at ``shutdown()`` (players register their bounded stop here)."""
    with _lock:
        _shutdown_hooks.append(hook)


def keep_if_busy_at_exit(holder: object) -> None:
    """Should players still be running at exit, keep ``holder`` (a container of objects
    libvlc may call into) alive for good, like the callbacks below."""
    with _lock:
        _kept_if_busy.append(holder)


def shutdown(timeout: float = 3.0) -> None:
    """Stop every player and release libvlc, in that order; see the module docstring.

    Registered with atexit when the instance is made; atexit runs its hooks last-registered
    first, so this runs before the teardown of Qt and other libraries imported earlier. Safe
    to call more than once; no player can be made afterwards.
    """
    global _closed, _instance
    with _lock:
        if _closed:
            return
        _closed = True
        hooks = list(_shutdown_hooks)
        _shutdown_hooks.clear()
        created = _instance
    for hook in hooks:
        try:
            hook(timeout)
        except Exception:
            logger.exception("stopping a video player at exit failed")
    if created is None:
        return
    busy = [thread.name for thread in worker.running_threads()]
    if _log_callback is not None:
        # Waits for a log line being written right now; libvlc calls the callback no more.
        created.log_unset()
        _log_relay.stop()
    if busy:
        logger.warning(
            "video players still busy at exit (%s); libvlc is left running", ", ".join(busy)
        )
        _keep_callbacks_for_good()
        return
    with _lock:
        _instance = None
    if _release_bounded(created, _RELEASE_TIMEOUT_S):
        logger.debug("libvlc released")
    else:
        logger.warning("libvlc did not shut down within %.1f s at exit", _RELEASE_TIMEOUT_S)
        _keep_callbacks_for_good()


def _release_bounded(created: vlc.Instance, timeout: float) -> bool:
    # libvlc_release joins libvlc's own threads; should one hang, the exit goes on without it.
    thread = threading.Thread(target=created.release, name="libvlc-release", daemon=True)
    thread.start()
    thread.join(timeout)
    return not thread.is_alive()


def _keep_callbacks_for_good() -> None:
    """Give every ctypes callback libvlc may still call an extra reference that is never
    dropped, so that the interpreter's teardown does not free them under libvlc's feet.

    python-vlc keeps each player's event callbacks in a cache on ``MediaPlayer``; the video
    callbacks belong to objects that the stuck players' own threads keep alive, and to the
    holders registered with ``keep_if_busy_at_exit``.
    """
    for obj in (vlc.MediaPlayer.__dict__.get("event_manager"), _log_callback, *_kept_if_busy):
        if obj is not None:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


def _format_message(fmt: bytes, args: int | None) -> str:
    buffer = ctypes.create_string_buffer(_LOG_LINE_BYTES)
    _vsnprintf(buffer, _LOG_LINE_BYTES, fmt, ctypes.c_void_p(args))
    return buffer.value.decode("utf-8", errors="replace")


def _load_vsnprintf() -> Callable[..., int]:
    name = "msvcrt" if sys.platform == "win32" else ctypes.util.find_library("c")
    libc = ctypes.CDLL(name)
    function = libc.vsnprintf
    function.restype = ctypes.c_int
    function.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_void_p]
    return function


_vsnprintf = _load_vsnprintf()


def _on_libvlc_log(_data: object, level: int, _context: object, fmt: bytes, args: int) -> None:
    # Runs on libvlc threads while libvlc holds its own locks: format, queue and return; never
    # log from here (see console.video.libvlc_log) nor call back into libvlc.
    if level < _LIBVLC_WARNING:
        return
    python_level = logging.INFO if level >= _LIBVLC_ERROR else logging.DEBUG
    if not vlc_logger.isEnabledFor(python_level):
        return
    try:
        _log_relay.offer(python_level, _format_message(fmt, args))
    except Exception:  # a log line must never break decoding
        return


def _on_filtered_log_line(level: int, line: bytes) -> None:
    # The C filter's sink: only warnings and errors get here, already formatted (same rules
    # as _on_libvlc_log otherwise).
    global _lines_into_python
    _lines_into_python += 1
    if level < _LIBVLC_WARNING:  # let through only while measuring (set_log_floor)
        return
    python_level = logging.INFO if level >= _LIBVLC_ERROR else logging.DEBUG
    if not vlc_logger.isEnabledFor(python_level):
        return
    try:
        _log_relay.offer(python_level, line.decode("utf-8", errors="replace"))
    except Exception:  # a log line must never break decoding
        return


_lines_into_python = 0


def log_lines_into_python() -> int:
    """How many of libvlc's lines the C filter has handed to Python so far."""
    return _lines_into_python


def set_log_floor(level: int) -> bool:
    """Let libvlc's lines from ``level`` up cross into Python (3, warnings, is the default);
    for measuring what the C filter saves (``bench/log_filter.py``). False without the C
    filter."""
    native = framecore.native_log_filter()
    sink = _log_callback
    if native is None or not isinstance(sink, framecore.LogSink):
        return False
    native[1](sink, level)
    return True


def _attach_log(created: vlc.Instance) -> None:
    global _log_callback
    _log_relay.start()
    native = framecore.native_log_filter()
    if native is not None:
        # Debug lines (hundreds per player start) are dropped in C, without the interpreter
        # lock; see _framecore.c.
        log_callback, route = native
        sink = framecore.LogSink(_on_filtered_log_line)
        route(sink, _LIBVLC_WARNING)
        created.log_set(ctypes.cast(log_callback, vlc.CallbackDecorators.LogCb), None)
        _log_callback = sink
        return
    callback = vlc.CallbackDecorators.LogCb(_on_libvlc_log)
    created.log_set(callback, None)
    # The C side keeps only the pointer: the Python object must live as long as the instance.
    _log_callback = callback
