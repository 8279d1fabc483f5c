"""``running_threads()``: what the engine looks at before it releases libvlc at exit."""

from __future__ import annotations

import threading

from console.video.worker import CommandThread, running_threads
from tests.support.polling import wait_for


def test_running_threads_lists_busy_and_abandoned_threads_until_they_end() -> None:
    release = threading.Event()
    idle = CommandThread("registry-idle")
    stuck = CommandThread("registry-stuck")
    stuck.submit("hang", release.wait)
    wait_for(lambda: stuck.stuck_for()[0] == "hang", 5.0, "the stuck thread to start hanging")
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
