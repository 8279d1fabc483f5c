"""The lateness an idle GUI thread suffers on this machine, beside the console's, in one run.

``ReferenceProbe()`` starts a process of its own whose Qt event loop does nothing but run the
console's ``LatenessProbe``, folded into a ``LatenessLog`` as the shift benchmark folds the
console's; ``finish()`` ends it and returns its figures. What the machine's load alone does to
a GUI thread's timer is then printed next to what the console's GUI thread got.

Run as a module, this file is that process (``python -m bench._shift_reference``): it runs
until its stdin closes, then prints one JSON line of figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from bench._common import die_with_parent

ROOT = Path(__file__).resolve().parents[1]
FOLD_MS = 10_000
POLL_MS = 100


class ReferenceProbe:
    """The idle event loop's process; see the module docstring."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bench._shift_reference"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            preexec_fn=die_with_parent,  # noqa: PLW1509 - started from the main thread
        )

    def finish(self, timeout_s: float = 30.0) -> dict[str, Any]:
        """Stop it; its p99 and max lateness in ms and its tick count (empty if it failed)."""
        try:
            out, _err = self._process.communicate("", timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
            return {}
        lines = out.strip().splitlines()
        return json.loads(lines[-1]) if lines else {}


def _run() -> None:
    from PySide6.QtCore import QCoreApplication, QTimer

    from bench._shift_watch import LatenessLog
    from console.diagnostics import LatenessProbe

    app = QCoreApplication([sys.argv[0]])
    probe = LatenessProbe()
    probe.start()
    log = LatenessLog(probe)
    log.start()
    closed = threading.Event()

    def wait_for_eof() -> None:
        sys.stdin.read()
        closed.set()

    threading.Thread(target=wait_for_eof, daemon=True).start()

    def check() -> None:
        if closed.is_set():
            app.quit()

    folder = QTimer()
    folder.timeout.connect(log.fold)
    folder.start(FOLD_MS)
    watcher = QTimer()
    watcher.timeout.connect(check)
    watcher.start(POLL_MS)
    app.exec()
    log.fold()
    probe.stop()
    figures = {"p99_ms": log.percentile_ms(0.99), "max_ms": log.max_ms, "ticks": log.ticks}
    print(json.dumps(figures), flush=True)


if __name__ == "__main__":
    _run()
