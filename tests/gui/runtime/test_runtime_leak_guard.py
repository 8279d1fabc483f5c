"""The leak guard every GUI test runs under: it must catch what it is there to catch."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.support.leak_guard import Snapshot, find_leaks

# Leaks are expected in these tests; no need to wait long for them to go away.
SHORT_GRACE_S = 0.3


@pytest.fixture
def release() -> Iterator[threading.Event]:
    """Set to let the threads a test started finish (it is set at the end in any case)."""
    event = threading.Event()
    yield event
    event.set()


def test_every_gui_test_runs_under_the_guard(request: pytest.FixtureRequest) -> None:
    assert "_no_leaks" in request.fixturenames


def test_a_window_left_open_is_a_leak(qtbot: QtBot) -> None:
    before = Snapshot.take()
    window = QWidget()
    window.setObjectName("forgotten")
    window.setWindowTitle("Alerts")
    window.show()
    leaks = find_leaks(before, grace_s=SHORT_GRACE_S)
    assert leaks.widgets == ["PySide6.QtWidgets.QWidget 'forgotten' titled 'Alerts' (visible)"]
    assert leaks.threads == []
    assert "top-level widgets still alive after the test" in leaks.report()
    window.close()
    window.deleteLater()
    assert not find_leaks(before, grace_s=SHORT_GRACE_S)


def test_a_hidden_dialog_kept_by_its_parent_is_a_leak(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    before = Snapshot.take()
    dialog = QDialog(parent)
    dialog.open()
    dialog.accept()  # closed, but never deleted: the parent keeps it for as long as it lives
    del dialog
    leaks = find_leaks(before, grace_s=SHORT_GRACE_S)
    assert leaks.widgets == ["PySide6.QtWidgets.QDialog (hidden)"]
    for child in parent.findChildren(QDialog):
        child.deleteLater()


def test_a_widget_handed_to_delete_later_is_not_a_leak(qtbot: QtBot) -> None:
    before = Snapshot.take()
    window = QWidget()
    window.show()
    window.deleteLater()
    assert not find_leaks(before, grace_s=SHORT_GRACE_S)


def test_a_thread_still_running_is_a_leak(release: threading.Event) -> None:
    before = Snapshot.take()
    worker = threading.Thread(target=release.wait, name="forgotten-worker", daemon=True)
    worker.start()
    leaks = find_leaks(before, grace_s=SHORT_GRACE_S)
    assert leaks.threads == ["forgotten-worker (daemon)"]
    assert leaks.widgets == []
    release.set()
    worker.join()
    assert not find_leaks(before, grace_s=SHORT_GRACE_S)


def test_a_thread_that_ends_within_the_grace_period_is_not_a_leak(
    qtbot: QtBot, release: threading.Event
) -> None:
    before = Snapshot.take()
    worker = threading.Thread(target=release.wait, name="finishing-worker")
    worker.start()
    # The thread can only end once the event loop has turned: the guard must turn it.
    QTimer.singleShot(100, release.set)
    assert not find_leaks(before, grace_s=10.0)
    assert not worker.is_alive()


def test_allowed_threads_are_not_leaks(release: threading.Event) -> None:
    before = Snapshot.take()
    worker = threading.Thread(target=release.wait, name="by-design", daemon=True)
    worker.start()
    assert not find_leaks(
        before, allowed_thread=lambda t: t.name == "by-design", grace_s=SHORT_GRACE_S
    )
    release.set()
    worker.join()


class _Waiting(QThread):
    def __init__(self, release: threading.Event) -> None:
        super().__init__()
        self._release = release

    def run(self) -> None:
        self._release.wait()


def test_a_qthread_still_running_is_a_leak(release: threading.Event) -> None:
    before = Snapshot.take()
    thread = _Waiting(release)
    thread.setObjectName("decoder")
    thread.start()
    leaks = find_leaks(before, grace_s=SHORT_GRACE_S)
    assert leaks.threads == ["QThread _Waiting 'decoder'"]
    release.set()
    assert thread.wait(10_000)
    assert not find_leaks(before, grace_s=SHORT_GRACE_S)


class _Task(QRunnable):
    def __init__(self, release: threading.Event) -> None:
        super().__init__()
        self._release = release

    def run(self) -> None:
        self._release.wait()


def test_a_pool_task_still_running_is_a_leak(release: threading.Event) -> None:
    before = Snapshot.take()
    pool = QThreadPool.globalInstance()
    pool.start(_Task(release))
    leaks = find_leaks(before, grace_s=SHORT_GRACE_S)
    assert "QThreadPool.globalInstance(): tasks still running" in leaks.threads
    release.set()
    assert pool.waitForDone(10_000)
    assert not find_leaks(before, grace_s=SHORT_GRACE_S)


LEAKY_TESTS = """
import threading

from PySide6.QtWidgets import QWidget

kept = []
release = threading.Event()


def test_leaves_a_window(qapp):
    window = QWidget()
    window.setObjectName("left-open")
    window.show()
    kept.append(window)


def test_leaves_a_thread():
    threading.Thread(target=release.wait, name="left-running", daemon=True).start()


def test_cleans_up(qapp):
    window = QWidget()
    window.show()
    window.deleteLater()
"""


def test_the_guard_fails_the_test_that_leaks(tmp_path: Path) -> None:
    """The guard as every GUI test gets it, run by pytest on tests that leak."""
    leaky = tmp_path / "test_leaky.py"
    leaky.write_text(LEAKY_TESTS, encoding="utf-8")
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", str(leaky), "-q", "-p", "no:cacheprovider"),
            *("-c", str(root / "pyproject.toml"), "-p", "tests.gui.conftest"),
        ],
        cwd=root,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    out = done.stdout
    assert done.returncode == 1, out + done.stderr
    assert "3 passed, 2 errors" in out
    assert "ERROR at teardown of test_leaves_a_window" in out
    assert "PySide6.QtWidgets.QWidget 'left-open' (visible)" in out
    assert "ERROR at teardown of test_leaves_a_thread" in out
    assert "left-running (daemon)" in out
    assert "test_cleans_up" not in out
