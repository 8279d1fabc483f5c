"""Memory for decoded pictures, reused from one player to the next.

A wall replaces its players all the time: a page flip retires sixteen and starts sixteen
others, a maximised tile starts its main stream in a new player and drops it on restore. Each
player's pictures need a few buffers of the same few sizes (the tile's size, in 32-bit
pixels: half a megabyte for a 480x270 tile, eight for a 1920x1080 one), so the buffers a
retired player leaves are handed to the next one that asks for about as much
(``PicturePool.take``).

Why the buffers are mapped from the kernel (anonymous ``mmap``) rather than taken from the
C heap: the buffers are made on libvlc's threads, so glibc serves them from per-thread
arenas, and after the first free of a large block it raises its mmap threshold (up to
32 MB), so later blocks of that size come from the arenas too. Memory freed inside an arena
goes back to the kernel only when it ends up at an arena's top or when ``malloc_trim`` walks
the arenas (``console.video.native_heap`` does that for libvlc's own memory); in a trial a
wall that had flipped pages kept about 1 GB resident that nobody used. Each mapping here is
returned whole (``munmap``) when the pool lets it go, whatever the threads and the heap
around it did, so the process's size follows what it shows. The pool itself keeps at most
``idle_limit`` bytes of unused buffers, none of them unused for longer than
``idle_seconds``.

A buffer goes back to the pool only when nothing refers to it any more: the exchange that
wrote it has let it go *and* every reader has (a painter may keep a picture, or an image
over it, a little longer). Each buffer handed out is a view on a pooled block; a finalizer on
the view returns the block. So a buffer is never handed to another player while anybody
could still read it, and nothing has to remember to give it back.
"""

from __future__ import annotations

import ctypes
import mmap
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

# Blocks are made in steps of this size, so that tiles a pixel or two apart share blocks.
_BLOCK_STEP = 64 * 1024
# A free block serves a request of at least this share of its size (a quarter wasted at most).
_FIT_SHARE = 0.75

# A page of 16 tiles at 480x270 holds 25 MB of buffers (three per tile), a maximised tile on
# a main stream about as much: the pool can hand a whole page and a sub-to-main switch over
# to the next players, and gives back to the kernel what a smaller wall no longer uses.
IDLE_LIMIT_BYTES = 96 * 1024 * 1024
IDLE_SECONDS = 120.0

PictureBuffer = ctypes.Array[ctypes.c_char]

_PRIVATE = {"flags": mmap.MAP_PRIVATE} if hasattr(mmap, "MAP_PRIVATE") else {}


@dataclass(frozen=True)
class PoolFigures:
    """What the pool holds: bytes lent out (in buffers somebody still refers to) and idle,
    blocks made since it started and requests served from a reused block."""

    lent_bytes: int
    idle_bytes: int
    blocks_made: int
    reuses: int


class _Block:
    """One mapping; ``memory`` is the mmap object the buffers are views of."""

    __slots__ = ("memory", "size", "idle_since")

    def __init__(self, size: int):
        # Private: a child process forked meanwhile must not share (and so keep) the pages.
        self.memory = mmap.mmap(-1, size, **_PRIVATE)
        self.size = size
        self.idle_since = 0.0


def _block_size(nbytes: int) -> int:
    return max(_BLOCK_STEP, -(-nbytes // _BLOCK_STEP) * _BLOCK_STEP)


class PicturePool:
    """Picture buffers by size, shared by every exchange; see the module docstring.

    Thread-safe. ``take`` may run on any thread (libvlc's, for the exchange); blocks come back
    from whichever thread drops the last reference to a buffer, so that path only appends to
    a queue and tidies up when nobody else is."""

    def __init__(
        self,
        *,
        idle_limit: int = IDLE_LIMIT_BYTES,
        idle_seconds: float = IDLE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.idle_limit = idle_limit
        self.idle_seconds = idle_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._idle: list[_Block] = []  # oldest first
        self._idle_bytes = 0
        self._lent_bytes = 0
        self._blocks_made = 0
        self._reuses = 0
        # Blocks whose buffer died; appended without the lock (a finalizer may run while
        # this very thread holds it, inside take()).
        self._returned: deque[_Block] = deque()

    def take(self, nbytes: int) -> PictureBuffer:
        """A buffer of exactly ``nbytes`` (its content is whatever an earlier picture left)."""
        if nbytes <= 0:
            raise ValueError(f"a picture buffer needs a positive size, not {nbytes}")
        with self._lock:
            self._collect_returned()
            block = self._reusable(nbytes)
            if block is None:
                block = _Block(_block_size(nbytes))
                self._blocks_made += 1
            else:
                self._reuses += 1
            self._lent_bytes += block.size
            self._trim()
        buffer = (ctypes.c_char * nbytes).from_buffer(block.memory)
        finalizer = weakref.finalize(buffer, self._give_back, block)
        finalizer.atexit = False
        return buffer

    def figures(self) -> PoolFigures:
        with self._lock:
            self._collect_returned()
            return PoolFigures(
                lent_bytes=self._lent_bytes,
                idle_bytes=self._idle_bytes,
                blocks_made=self._blocks_made,
                reuses=self._reuses,
            )

    def tidy(self) -> None:
        """Let go of idle blocks beyond the limits now (they are also let go on every take)."""
        with self._lock:
            self._collect_returned()
            self._trim()

    def _give_back(self, block: _Block) -> None:
        self._returned.append(block)
        # Tidy up at once unless the lock is busy (then whoever holds it, or the next take,
        # collects the block).
        if self._lock.acquire(blocking=False):
            try:
                self._collect_returned()
                self._trim()
            finally:
                self._lock.release()

    def _collect_returned(self) -> None:
        now = self._clock()
        while self._returned:
            block = self._returned.popleft()
            block.idle_since = now
            self._lent_bytes -= block.size
            self._idle.append(block)
            self._idle_bytes += block.size

    def _reusable(self, nbytes: int) -> _Block | None:
        fitting = [
            (block.size, index)
            for index, block in enumerate(self._idle)
            if block.size * _FIT_SHARE <= nbytes <= block.size
        ]
        if not fitting:
            return None
        block = self._idle.pop(min(fitting)[1])
        self._idle_bytes -= block.size
        return block

    def _trim(self) -> None:
        # Dropping the last reference to a block unmaps it (the mmap object closes itself).
        too_old = self._clock() - self.idle_seconds
        while self._idle and (
            self._idle_bytes > self.idle_limit or self._idle[0].idle_since < too_old
        ):
            self._idle_bytes -= self._idle.pop(0).size


_shared = PicturePool()


def shared_pool() -> PicturePool:
    """The process's pool (every frame exchange takes its buffers from it)."""
    return _shared
