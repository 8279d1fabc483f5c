"""Where the picture exchange's per-picture state lives: in the optional C library
``_framecore`` (libvlc then calls it directly, without the interpreter lock) or in Python.

Both cores keep the same state with the same rules (see ``FrameExchange`` in frames.py):
three buffer addresses, the latest picture, readers' holds, and the count of new pictures,
with identical pictures (libvlc redrawing a stalled stream) not counted. ``core()`` makes
one of whichever kind this installation has; ``core_kind()`` names it for the self-test.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

logger = logging.getLogger(__name__)

# Pictures closer than this to the one before are new: libvlc redraws an unchanged picture
# no sooner than 80 ms after the last one it showed (less its measured rendering time).
REDRAW_GAP_S = 0.045
CHECK_EVERY = 8
BUFFERS = 3

# memcmp through PyDLL keeps the interpreter lock for the call: comparing two pictures takes
# tens of microseconds, far less than giving the lock up and waiting to get it back on a busy
# machine, which would hold up libvlc's picture thread (and make it drop pictures).
_libc = ctypes.PyDLL("msvcrt" if sys.platform == "win32" else ctypes.util.find_library("c"))
_memcmp = _libc.memcmp
_memcmp.restype = ctypes.c_int
_memcmp.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]


def library_path() -> Path:
    suffix = ".dll" if sys.platform == "win32" else ".so"
    return Path(__file__).with_name("_framecore" + suffix)


class Core(Protocol):
    """The exchange's per-picture state; every method is thread-safe."""

    def configure(self, addresses: list[int], nbytes: int) -> None:
        """New buffers of ``nbytes`` each: no latest picture, no holds."""

    def acquire(self) -> tuple[int, int]:
        """A buffer the writer may fill: (index, address), or (-1, 0) when there is none."""

    def publish(self, index: int, now: float) -> None:
        """Buffer ``index`` holds a complete picture, written at ``now``."""

    def hold(self) -> tuple[int, int]:
        """Hold the latest picture: (index or -1, generation for ``release``)."""

    def release(self, index: int, generation: int) -> None: ...

    @property
    def latest(self) -> int: ...

    @property
    def counter(self) -> int: ...

    def add(self, pictures: int) -> None:
        """Count pictures the exchange did not see (progress without a new picture)."""

    def libvlc_callbacks(self) -> tuple[Any, Any, int] | None:
        """(lock, display, opaque) for libvlc_video_set_callbacks (the C functions and the
        state's address), or None: the caller wraps ``acquire``/``publish`` in Python
        callbacks."""


class PyCore:
    """The state in Python, under one lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._addresses: list[int] = []
        self._bytes = 0
        self._latest = -1
        self._held: dict[int, int] = {}
        self._generation = 0
        self._counter = 0
        self._published_at = 0.0
        self._unchecked = 0
        # Compare every picture until one differs from the last (a redraw was caught, or
        # nothing is known yet).
        self._suspect = True

    def configure(self, addresses: list[int], nbytes: int) -> None:
        with self._lock:
            self._addresses = list(addresses)
            self._bytes = nbytes
            self._latest = -1
            self._held.clear()
            self._generation += 1

    def acquire(self) -> tuple[int, int]:
        with self._lock:
            latest, held = self._latest, self._held
            for index, address in enumerate(self._addresses):
                if index != latest and index not in held:
                    return index, address
            # Only possible with two readers holding two different pictures at once; the
            # writer then overwrites the oldest held one rather than stall the decoder.
            for index, address in enumerate(self._addresses):
                if index != latest:
                    return index, address
            return -1, 0  # no buffers (before configure, or after the exchange closed)

    def publish(self, index: int, now: float) -> None:
        with self._lock:
            addresses = self._addresses
            if not 0 <= index < len(addresses):
                return
            latest = self._latest
            gap = now - self._published_at
            self._published_at = now
            if latest >= 0 and latest != index:
                if self._suspect or gap >= REDRAW_GAP_S or self._unchecked >= CHECK_EVERY:
                    self._unchecked = 0
                    self._suspect = _memcmp(addresses[index], addresses[latest], self._bytes) == 0
                    if self._suspect:
                        return
                else:
                    self._unchecked += 1
            self._latest = index
            self._counter += 1

    def hold(self) -> tuple[int, int]:
        with self._lock:
            index = self._latest
            if index >= 0:
                self._held[index] = self._held.get(index, 0) + 1
            return index, self._generation

    def release(self, index: int, generation: int) -> None:
        with self._lock:
            if generation != self._generation:
                return  # new buffers since: nothing of theirs is held
            left = self._held.get(index, 0) - 1
            if left > 0:
                self._held[index] = left
            else:
                self._held.pop(index, None)

    @property
    def latest(self) -> int:
        return self._latest

    @property
    def counter(self) -> int:
        return self._counter

    def add(self, pictures: int) -> None:
        with self._lock:
            self._counter += pictures

    def libvlc_callbacks(self) -> tuple[Any, Any, int] | None:
        return None


class _Library:
    """The loaded C library with its functions' signatures.

    ``lib`` calls give the interpreter lock up for the call, as ctypes does by default;
    ``keeping`` calls keep it. The readers' functions (hold, release, the counter) go through
    ``keeping``: the GUI thread makes thousands of them a second (each tile's counter at every
    tick of the repaint clock, a hold and a release per paint: 3,600 a second on a wall of 36
    tiles), each a mutex taken for a few instructions, while giving the lock up means winning
    it back from whichever Python thread took it meanwhile, which may keep it for a switch
    interval (5 ms). The mutex is never held by a thread that waits for the interpreter lock,
    so keeping the lock while taking the mutex cannot deadlock.
    """

    def __init__(self, path: Path):
        lib = ctypes.CDLL(str(path))
        keeping = ctypes.PyDLL(str(path))
        exchange = ctypes.c_void_p
        lib.tm_sizeof.restype = ctypes.c_size_t
        lib.tm_init.argtypes = [exchange, ctypes.c_double, ctypes.c_int]
        lib.tm_destroy.argtypes = [exchange]
        lib.tm_configure.argtypes = [
            exchange,
            ctypes.POINTER(ctypes.c_size_t),
            ctypes.c_int,
            ctypes.c_size_t,
        ]
        lib.tm_acquire.argtypes = [exchange, ctypes.POINTER(ctypes.c_size_t)]
        lib.tm_acquire.restype = ctypes.c_int
        lib.tm_publish_at.argtypes = [exchange, ctypes.c_int, ctypes.c_double]
        lib.tm_hold.argtypes = [exchange, ctypes.POINTER(ctypes.c_uint64)]
        lib.tm_hold.restype = ctypes.c_int
        lib.tm_release.argtypes = [exchange, ctypes.c_int, ctypes.c_uint64]
        lib.tm_latest.argtypes = [exchange]
        lib.tm_latest.restype = ctypes.c_int
        lib.tm_counter.argtypes = [exchange]
        lib.tm_counter.restype = ctypes.c_uint64
        lib.tm_add.argtypes = [exchange, ctypes.c_uint64]
        for name in ("tm_hold", "tm_release", "tm_latest", "tm_counter", "tm_add"):
            mine, theirs = getattr(keeping, name), getattr(lib, name)
            mine.argtypes, mine.restype = theirs.argtypes, theirs.restype
        self.lib = lib
        self.keeping = keeping
        self.size = int(lib.tm_sizeof())


class CCore:
    """The state in the C library; libvlc calls its lock and display functions directly.

    The struct's memory belongs to this object: whoever hands ``libvlc_callbacks()`` to a
    player keeps this object alive for as long as the player may call them.
    """

    def __init__(self, library: _Library):
        self._library = library
        self._lib = library.lib
        self._keeping = library.keeping
        self._memory = ctypes.create_string_buffer(library.size)
        self._address = ctypes.addressof(self._memory)
        self._lib.tm_init(self._address, REDRAW_GAP_S, CHECK_EVERY)

    def __del__(self) -> None:
        lib = getattr(self, "_lib", None)
        if lib is not None:
            lib.tm_destroy(self._address)

    def configure(self, addresses: list[int], nbytes: int) -> None:
        array = (ctypes.c_size_t * len(addresses))(*addresses)
        self._lib.tm_configure(self._address, array, len(addresses), nbytes)

    def acquire(self) -> tuple[int, int]:
        address = ctypes.c_size_t(0)
        index = self._lib.tm_acquire(self._address, ctypes.byref(address))
        return index, address.value

    def publish(self, index: int, now: float) -> None:
        self._lib.tm_publish_at(self._address, index, now)

    def hold(self) -> tuple[int, int]:
        generation = ctypes.c_uint64(0)
        index = self._keeping.tm_hold(self._address, ctypes.byref(generation))
        return index, generation.value

    def release(self, index: int, generation: int) -> None:
        self._keeping.tm_release(self._address, index, generation)

    @property
    def latest(self) -> int:
        return int(self._keeping.tm_latest(self._address))

    @property
    def counter(self) -> int:
        return int(self._keeping.tm_counter(self._address))

    def add(self, pictures: int) -> None:
        self._keeping.tm_add(self._address, pictures)

    def libvlc_callbacks(self) -> tuple[Any, Any, int] | None:
        return self._lib.tm_lock, self._lib.tm_display, self._address


_library: _Library | None = None
_library_tried = False
_library_lock = threading.Lock()


def _load() -> _Library | None:
    global _library, _library_tried
    with _library_lock:
        if not _library_tried:
            _library_tried = True
            path = library_path()
            if path.exists():
                try:
                    _library = _Library(path)
                except OSError as error:
                    logger.warning("cannot load %s (%s); using the Python core", path, error)
            else:
                logger.info("%s is not built; using the Python core", path.name)
        return _library


def _python_forced() -> bool:
    # For comparing the cores (benchmarks, diagnosis): TIANMU_FRAME_CORE=python.
    return os.environ.get("TIANMU_FRAME_CORE", "").lower() == "python"


def core(*, prefer_c: bool = True) -> Core:
    """A fresh core: the C one when it is built and loads (and TIANMU_FRAME_CORE is not
    ``python``), else the Python one."""
    library = _load() if prefer_c and not _python_forced() else None
    return CCore(library) if library is not None else PyCore()


def core_kind() -> str:
    """ "C" or "Python": which core new exchanges get here."""
    return "C" if _load() is not None and not _python_forced() else "Python"


# The Python side of the C log filter: called with (libvlc level, formatted line).
LogSink = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p)


def native_log_filter() -> tuple[Any, Callable[[Any, int], None]] | None:
    """libvlc's log callback in C, and the function routing its lines, or None without the
    library: ``(log_callback, route)``, where ``route(sink, min_level)`` makes the callback
    drop lines below ``min_level`` without the interpreter lock and hand the others to
    ``sink`` (a ``LogSink``; keep it alive while libvlc may log)."""
    library = _load() if not _python_forced() else None
    if library is None:
        return None
    lib = library.lib
    try:
        log_callback, route = lib.tm_log, lib.tm_log_route
    except AttributeError:  # a library built before the filter existed
        return None
    route.argtypes = [LogSink, ctypes.c_int]
    route.restype = None
    return log_callback, route
