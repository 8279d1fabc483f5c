"""``running_threads()``: what the engine looks at before it releases libvlc at exit."""

from __future__ import annotations

import threading
import time

from console.video.worker import CommandThread, running_threads


def _wait(condition, timeout: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_running_threads_lists_busy_and_abandoned_threads_until_they_end() -> None:
    release = threading.Event()
    idle = CommandThread("registry-idle")
    stuck = CommandThread("registry-stuck")
    stuck.submit("hang", release.wait)
    assert _wait(lambda: stuck.stuck_for()[0] == "hang")
    stuck.abandon()  # given up on, but still inside its call: still running
    try:
        names = {thread.name for thread in running_threads()}
        assert {"registry-idle", "registry-stuck"} <= names

        idle.finish()
        assert idle.join(5.0)
        names = {thread.name for thread in running_threads()}
        assert "registry-idle" not in names
        assert "registry-stuck" in names
    finally:
        release.set()
    assert stuck.join(5.0)
    assert "registry-stuck" not in {thread.name for thread in running_threads()}
