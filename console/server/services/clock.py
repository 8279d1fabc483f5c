"""The server's notion of now (UTC, aware) and of fresh ids.

The clock is the real one plus an offset that only grows. Tests and the demo move it forward
(``advance``) to watch time limits run out without waiting hours; everything the server
stamps (reports, deadlines, events, the time-limit sweep) reads ``utcnow()``, so the whole
server moves together. The offset belongs to the process: a server started in-process by a
test shares it with every other server in that process, so tests put it back with
``reset()`` when done.
"""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta

_lock = threading.Lock()
_offset = timedelta(0)


def utcnow() -> datetime:
    return datetime.now(UTC) + _offset


def offset() -> timedelta:
    """How far the server's clock runs ahead of the real one."""
    return _offset


def advance(by: timedelta) -> datetime:
    """Move the clock forward by ``by`` (never back: stamps already written stay in order)."""
    global _offset
    if by < timedelta(0):
        raise ValueError("the clock only moves forward")
    with _lock:
        _offset += by
    return utcnow()


def reset() -> None:
    """Back to the real time (tests, after advancing)."""
    global _offset
    with _lock:
        _offset = timedelta(0)


def new_id() -> str:
    return uuid.uuid4().hex
