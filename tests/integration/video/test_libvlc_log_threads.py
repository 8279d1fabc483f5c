"""libvlc logging from its own threads leaves no Python thread objects behind.

On Python 3.11 a log record made on a thread Python did not start registers a ``_DummyThread``
that is never removed; players that fail to connect make libvlc log from such threads.
"""

from __future__ import annotations

import logging
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.video import engine
from console.video.source import SourceEvent
from console.video.vlc_source import VlcSource
from tests.support.polling import wait_for

pytestmark = [pytest.mark.media]

DEAD_URL = "http://127.0.0.1:9/nothing-here.ts"  # the discard port: connection refused


def _dummy_threads() -> int:
    return sum(isinstance(t, threading._DummyThread) for t in threading.enumerate())


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.threads: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        self.threads.add(record.threadName or "")


@pytest.fixture
def libvlc_lines() -> Iterator[_Lines]:
    handler = _Lines()
    vlc_logger = logging.getLogger("console.video.libvlc")
    level = vlc_logger.level
    vlc_logger.setLevel(logging.DEBUG)
    vlc_logger.addHandler(handler)
    yield handler
    vlc_logger.removeHandler(handler)
    vlc_logger.setLevel(level)


def test_failing_players_log_through_the_relay_without_dummy_threads(libvlc_lines) -> None:
    engine.instance()
    before = _dummy_threads()
    for round_ in range(3):
        source = VlcSource(f"dead-{round_}")
        source.open(DEAD_URL)
        seen: list[SourceEvent] = []

        def failed(source: VlcSource = source, seen: list[SourceEvent] = seen) -> bool:
            source.poll()
            seen.extend(source.take_events())
            return SourceEvent.ERROR in seen or SourceEvent.ENDED in seen

        wait_for(failed, timeout_s=20, what="libvlc to give up on a dead URL")
        source.dispose()
    wait_for(lambda: bool(libvlc_lines.threads), timeout_s=10, what="libvlc's log lines")
    assert libvlc_lines.threads == {"libvlc-log"}
    assert _dummy_threads() == before


def test_debug_lines_stay_in_c_and_warnings_reach_python(libvlc_lines, tmp_path: Path) -> None:
    """libvlc's debug lines (about two hundred per player playing a file) never cross into
    Python; with the filter's floor lowered they do, so the difference is the filter's doing."""
    engine.instance()
    if not engine.set_log_floor(3):
        pytest.skip("the C frame core is not built")
    clip = tmp_path / "clip.mp4"
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
         "testsrc=size=320x180:rate=25", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast",
         "-pix_fmt", "yuv420p", str(clip)],
        check=True,
    )  # fmt: skip

    def play_and_release(name: str) -> int:
        before = engine.log_lines_into_python()
        source = VlcSource(name)
        source.open(clip.as_uri())
        wait_for(lambda: source.frame_counter > 0, timeout_s=20, what="a first picture")
        controller = source.controller
        assert controller is not None
        source.dispose()
        wait_for(lambda: controller.released, timeout_s=10, what="the player's release")
        return engine.log_lines_into_python() - before

    try:
        filtered = play_and_release("filtered")
        engine.set_log_floor(0)
        unfiltered = play_and_release("unfiltered")
    finally:
        engine.set_log_floor(3)
    assert unfiltered > 100, unfiltered  # libvlc does write its debug lines
    assert filtered < 20, filtered
