"""Making a command thread never waits for the OS thread to start (a page flip makes many)."""

from __future__ import annotations

import threading

from console.video import worker
from console.video.worker import CommandThread


class _HeldLaunch(CommandThread):
    """A command thread whose start holds the launcher until ``go`` is set."""

    def __init__(self, name: str, holding: threading.Event, go: threading.Event) -> None:
        self._holding = holding
        self._go = go
        super().__init__(name)

    def _launch(self) -> None:
        self._holding.set()
        self._go.wait(10.0)
        super()._launch()


def test_calls_queue_until_the_thread_is_started_and_then_run_in_order() -> None:
    holding, go = threading.Event(), threading.Event()
    held = _HeldLaunch("launch-held", holding, go)
    assert holding.wait(5.0)
    # The launcher is busy: a second thread is made and fed without waiting for it.
    ran: list[str] = []
    waiting = CommandThread("launch-waiting")
    for label in ("first", "second", "third"):
        waiting.submit(label, lambda label=label: ran.append(label))  # type: ignore[misc]
    assert waiting.ident is None
    assert waiting.alive
    assert not waiting.join(0.05)  # not started yet, so not ended either
    waiting.finish()
    go.set()
    assert waiting.join(5.0)
    assert ran == ["first", "second", "third"]
    assert not waiting.alive
    held.finish()
    assert held.join(5.0)


def test_one_launcher_thread_serves_every_command_thread() -> None:
    threads = [CommandThread(f"launch-many-{n}") for n in range(8)]
    for thread in threads:
        thread.finish()
    assert all(thread.join(5.0) for thread in threads)
    launchers = [t for t in threading.enumerate() if t.name == worker.LAUNCHER_THREAD_NAME]
    assert len(launchers) == 1
