"""The libvlc log relay: lines offered on foreign threads are logged on the relay's thread."""

from __future__ import annotations

import logging
import threading

import pytest

from console.scrub import register_secret, unregister_secret
from console.video.libvlc_log import LogRelay


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[tuple[str, str]] = []
        self.done = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.threadName or "", record.getMessage()))
        self.done.set()


@pytest.fixture
def recorder() -> tuple[logging.Logger, _Recorder]:
    target = logging.getLogger("tests.libvlc_log")
    target.propagate = False
    target.setLevel(logging.DEBUG)
    handler = _Recorder()
    target.addHandler(handler)
    yield target, handler
    target.removeHandler(handler)


def test_lines_are_logged_in_order_by_the_relay_thread(recorder) -> None:
    target, handler = recorder
    relay = LogRelay(target)
    relay.start()
    offering = threading.Thread(
        target=lambda: [relay.offer(logging.INFO, f"line {n}") for n in range(50)]
    )
    offering.start()
    offering.join()
    relay.stop(timeout=5)
    assert [text for _, text in handler.lines] == [f"line {n}" for n in range(50)]
    assert {name for name, _ in handler.lines} == {"libvlc-log"}
    assert not relay.running


def test_credentials_are_scrubbed_before_logging(recorder) -> None:
    target, handler = recorder
    register_secret("hunter2-secret")
    try:
        relay = LogRelay(target)
        relay.start()
        relay.offer(logging.INFO, "http://admin:hunter2-secret@cam/stream")
        relay.stop(timeout=5)
    finally:
        unregister_secret("hunter2-secret")
    assert handler.lines
    assert "hunter2-secret" not in handler.lines[0][1]


def test_a_flood_is_bounded_and_the_loss_is_reported(recorder) -> None:
    target, handler = recorder
    relay = LogRelay(target, backlog_max=10)
    for n in range(25):  # nobody drains yet: 10 wait, 15 are dropped
        relay.offer(logging.INFO, f"flood {n}")
    relay.start()
    relay.stop(timeout=5)
    texts = [text for _, text in handler.lines]
    assert texts[:10] == [f"flood {n}" for n in range(10)]
    assert texts[10:] == ["15 libvlc log lines dropped (too many at once)"]
