"""The event-loop lateness probe notices a blocked GUI thread and says where it was stuck."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from console.diagnostics import LatenessProbe


def _block_gui_thread_for(seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        pass


@pytest.fixture
def probe(qapp: Any) -> Iterator[LatenessProbe]:
    lateness_probe = LatenessProbe(interval_ms=10, warn_after_ms=100)
    lateness_probe.start()
    yield lateness_probe
    lateness_probe.stop()
    assert not any(t.name == "tianmu-lateness-watchdog" for t in threading.enumerate())


def test_a_blocking_call_shows_up_with_its_stack(
    qtbot: QtBot, probe: LatenessProbe, caplog: pytest.LogCaptureFixture
) -> None:
    qtbot.waitUntil(lambda: probe.snapshot()["ticks"] >= 10, timeout=5000)
    caplog.set_level(logging.WARNING, logger="console.diagnostics")
    # Long enough that the watchdog thread gets scheduled even on a heavily loaded machine.
    QTimer.singleShot(0, lambda: _block_gui_thread_for(0.600))

    def blocked_stall_seen() -> bool:
        # Another stall (an import on a loaded machine) may come first; wait for ours.
        stall = probe.snapshot()["last_stall"]
        return bool(stall and "_block_gui_thread_for" in (stall["stack"] or ""))

    qtbot.waitUntil(blocked_stall_seen, timeout=5000)
    figures = probe.snapshot()
    assert figures["max_ms"] >= 100
    assert figures["max_all_time_ms"] >= 100
    assert figures["p50_ms"] <= figures["p99_ms"] <= figures["max_ms"]
    assert figures["last_stall"]["lateness_ms"] >= 100
    assert figures["late_ticks"] >= 1
    warnings = [r for r in caplog.records if "GUI event loop blocked" in r.getMessage()]
    assert any("_block_gui_thread_for" in r.getMessage() for r in warnings)


def test_snapshot_is_plain_data(qtbot: QtBot, probe: LatenessProbe) -> None:
    qtbot.waitUntil(lambda: probe.snapshot()["ticks"] >= 5, timeout=5000)
    figures = probe.snapshot()
    assert figures["running"] is True
    assert figures["interval_ms"] == 10
    assert figures["window"] == figures["ticks"]
    assert json.loads(json.dumps(figures)) == figures
    probe.reset()
    assert probe.snapshot()["ticks"] == 0


def test_a_hung_loop_is_reported_while_it_hangs(
    qapp: Any, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    hang_probe = LatenessProbe(interval_ms=10, warn_after_ms=50, hang_after_s=0.2)
    hang_probe.start()
    try:
        caplog.set_level(logging.WARNING, logger="console.diagnostics")
        qtbot.waitUntil(lambda: hang_probe.snapshot()["ticks"] >= 5, timeout=5000)
        reported = threading.Event()

        def hang_until_reported() -> None:
            # Stands for a deadlock: returns only once the watchdog has spoken.
            deadline = time.perf_counter() + 10
            while not reported.is_set() and time.perf_counter() < deadline:
                reported.wait(0.01)
                if any("unresponsive" in r.getMessage() for r in caplog.records):
                    reported.set()

        QTimer.singleShot(0, hang_until_reported)
        qtbot.waitUntil(reported.is_set, timeout=15000)
    finally:
        hang_probe.stop()
    hang = [r for r in caplog.records if "unresponsive" in r.getMessage()]
    assert hang[0].levelno == logging.ERROR
    assert "hang_until_reported" in hang[0].getMessage()
