"""libvlc logging from its own threads leaves no Python thread objects behind.

On Python 3.11 a log record made on a thread Python did not start registers a ``_DummyThread``
that is never removed; players that fail to connect make libvlc log from such threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

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
