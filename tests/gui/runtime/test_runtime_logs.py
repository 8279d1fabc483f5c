"""Logging: the rotating file written by its own thread, credential scrubbing, Qt messages and
crash reporting."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QThread, QTimer, qWarning
from pytestqt.qtbot import QtBot

from console import logs
from console.gui import crash_dialog
from console.scrub import register_secret, unregister_secret

PASSWORD = "Canary-Pa55word"
TOKEN = "canary-token-7f3e9a1c55d0"
URL_PASSWORD = "canary-url-secret"
CAMERA_URL = f"rtsp://admin:{URL_PASSWORD}@10.0.0.7:554/Streaming/Channels/101"
CANARIES = (PASSWORD, TOKEN, URL_PASSWORD)


@pytest.fixture
def log_file(tianmu_home: Path) -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    path = logs.setup_logging("DEBUG", to_stderr=False)
    yield path
    logs.teardown_logging()
    root.setLevel(level)


def _all_log_text(log_file: Path) -> str:
    logs.flush_logging()
    return "".join(
        p.read_text(encoding="utf-8") for p in sorted(log_file.parent.glob("tianmu.log*"))
    )


def test_the_log_file_lives_in_the_log_folder(log_file: Path, tianmu_home: Path) -> None:
    assert log_file == tianmu_home / "log" / "tianmu.log"
    logging.getLogger("console.test").info("值班员 logged in")
    assert "INFO    [MainThread] console.test: 值班员 logged in" in _all_log_text(log_file)


def test_the_log_file_rotates(tianmu_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 4096)
    path = logs.setup_logging("INFO", to_stderr=False)
    try:
        for n in range(400):
            logging.getLogger("console.test").info("alert %05d from camera 46900719001", n)
    finally:
        logs.teardown_logging()
    rotated = sorted(p.name for p in path.parent.glob("tianmu.log*"))
    assert rotated == ["tianmu.log"] + [f"tianmu.log.{n}" for n in range(1, logs.BACKUP_COUNT + 1)]
    assert all(p.stat().st_size <= 4096 for p in path.parent.glob("tianmu.log*"))
    assert "alert 00399" in path.read_text(encoding="utf-8")


def _raise_with_credentials() -> None:
    raise ConnectionError(f"login failed: password={PASSWORD} at {CAMERA_URL} token {TOKEN}")


@pytest.mark.qt_log_ignore("opening")
def test_credentials_never_reach_the_file(log_file: Path) -> None:
    register_secret(TOKEN)
    register_secret(PASSWORD)
    log = logging.getLogger("console.client.session")
    log.info(f"message with {CAMERA_URL}")  # noqa: G004 - a secret inside the message itself
    log.info("arguments with %s and %s", CAMERA_URL, {"password": PASSWORD, "token": TOKEN})
    log.warning("typed password %r", PASSWORD)
    log.debug("headers %s", {"Authorization": f"Bearer {TOKEN}"})
    log.info("mapping arguments %(url)s", {"url": CAMERA_URL})
    log.info("stack too for %s", CAMERA_URL, stack_info=True)
    try:
        _raise_with_credentials()
    except ConnectionError:
        log.exception("request failed for %s", CAMERA_URL)
    try:
        try:
            _raise_with_credentials()
        except ConnectionError as inner:
            raise RuntimeError(f"retry of {CAMERA_URL} gave up") from inner
    except RuntimeError as outer:
        log.error("chained", exc_info=outer)
    worker = threading.Thread(target=log.info, args=("from a worker: %s", CAMERA_URL))
    worker.start()
    worker.join()
    qWarning(f"opening {CAMERA_URL}")
    log.info("a %s format with too few arguments %s", CAMERA_URL)

    text = _all_log_text(log_file)
    for canary in CANARIES:
        assert canary not in text
    # The lines are there, only without their secrets.
    assert text.count("rtsp://admin:***@10.0.0.7:554/Streaming/Channels/101") >= 9
    assert "Bearer ***" in text
    assert "Traceback (most recent call last)" in text
    assert "_raise_with_credentials" in text
    assert "from a worker" in text


@pytest.mark.qt_log_ignore("tile renderer")
def test_qt_warnings_go_into_the_log(log_file: Path) -> None:
    qWarning("tile renderer: texture upload failed")
    text = _all_log_text(log_file)
    assert "WARNING [MainThread] qt: tile renderer: texture upload failed" in text


def test_setup_twice_does_not_duplicate_lines(log_file: Path) -> None:
    logs.setup_logging("INFO", to_stderr=False)
    logging.getLogger("console.test").info("exactly once")
    assert _all_log_text(log_file).count("exactly once") == 1


@pytest.fixture
def crash_reports(qapp: Any, log_file: Path) -> Iterator[list[dict[str, Any]]]:
    reports: list[dict[str, Any]] = []

    def show(title: str, detail: str) -> None:
        reports.append(
            {"title": title, "detail": detail, "gui": QThread.currentThread() is qapp.thread()}
        )

    uninstall = logs.install_excepthook(show)
    yield reports
    uninstall()


def test_a_worker_thread_crash_is_logged_and_shown_on_the_gui_thread(
    qtbot: QtBot, crash_reports: list[dict[str, Any]], log_file: Path
) -> None:
    register_secret(TOKEN)  # as the session does once it holds a live token
    worker = threading.Thread(target=_raise_with_credentials, name="outbox-delivery")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(crash_reports) == 1, timeout=5000)
    report = crash_reports[0]
    assert report["gui"]
    assert report["title"] == "Unexpected error"
    assert "ConnectionError" in report["detail"]
    assert "rtsp://admin:***@10.0.0.7" in report["detail"]
    text = _all_log_text(log_file)
    assert "Unhandled exception in thread outbox-delivery" in text
    for canary in CANARIES:
        assert canary not in report["detail"]
        assert canary not in text


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(
    qtbot: QtBot, crash_reports: list[dict[str, Any]], log_file: Path
) -> None:
    QTimer.singleShot(0, _raise_with_credentials)
    qtbot.waitUntil(lambda: len(crash_reports) == 1, timeout=5000)
    assert crash_reports[0]["gui"]
    assert "_raise_with_credentials" in crash_reports[0]["detail"]
    assert "Unhandled exception in the GUI thread" in _all_log_text(log_file)


def test_uninstall_restores_the_previous_hooks(qapp: Any) -> None:
    before = (sys.excepthook, threading.excepthook)
    uninstall = logs.install_excepthook(lambda _t, _d: None)
    assert (sys.excepthook, threading.excepthook) != before
    uninstall()
    assert (sys.excepthook, threading.excepthook) == before


# The offscreen platform cannot pass size hints to a window system and says so.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_crash_dialog_shows_the_details(qtbot: QtBot, qapp: Any) -> None:
    crash_dialog.show_crash_dialog("Unexpected error", "Traceback: first")
    crash_dialog.show_crash_dialog("Unexpected error", "Traceback: second")
    shown = crash_dialog.open_crash_dialogs()
    assert len(shown) == 1
    box = shown[0]
    qtbot.waitUntil(box.isVisible, timeout=5000)
    assert box.windowTitle() == "Unexpected error"
    assert box.detailedText() == "Traceback: first\n\nTraceback: second"
    box.done(0)
    qtbot.waitUntil(lambda: crash_dialog.open_crash_dialogs() == [], timeout=5000)
    # Closed means gone: a console up for weeks keeps no dialog it once showed.
    qtbot.waitUntil(lambda: not shiboken6.isValid(box), timeout=5000)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_crash_dialog_deleted_with_its_window_is_forgotten(qtbot: QtBot, qapp: Any) -> None:
    crash_dialog.show_crash_dialog("Unexpected error", "Traceback: first")
    (box,) = crash_dialog.open_crash_dialogs()
    # The window it was shown over goes (a sign-out closes the main window), and Qt deletes
    # its child dialogs without their closing.
    shiboken6.delete(box)
    assert crash_dialog.open_crash_dialogs() == []
    crash_dialog.show_crash_dialog("Unexpected error", "Traceback: second")
    (again,) = crash_dialog.open_crash_dialogs()
    assert again.detailedText() == "Traceback: second"
    again.done(0)
    qtbot.waitUntil(lambda: crash_dialog.open_crash_dialogs() == [], timeout=5000)


# ---------------------------------------------------------------------- the writer thread


@pytest.fixture
def written_by(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(writing thread, message) for every record the file and stderr outputs write."""
    seen: list[tuple[str, str]] = []
    for output in (logs._FileHandler, logs._StreamHandler):
        original = output.emit

        def emit(self: Any, record: logging.LogRecord, original: Any = original) -> None:
            seen.append((threading.current_thread().name, record.getMessage()))
            original(self, record)

        monkeypatch.setattr(output, "emit", emit)
    return seen


@pytest.mark.qt_log_ignore("repaint clock")
def test_records_logged_on_the_gui_thread_are_written_by_the_writer_thread(
    qtbot: QtBot, tianmu_home: Path, written_by: list[tuple[str, str]]
) -> None:
    path = logs.setup_logging("DEBUG", to_stderr=True)
    try:
        writer = logs.log_writer_thread()
        assert writer is not None
        assert writer.is_alive()
        assert writer is not threading.current_thread()
        # As the repaint clock and the tiles log: from a timer on the GUI thread.
        fired: list[bool] = []

        def tick() -> None:
            logging.getLogger("console.gui.video_tile").info("tile 7 stalled")
            qWarning("repaint clock: late by 40 ms")
            fired.append(True)

        QTimer.singleShot(0, tick)
        qtbot.waitUntil(lambda: fired == [True], timeout=5000)
        logging.getLogger("console.test").warning("from the GUI thread itself")
        text = _all_log_text(path)
    finally:
        logs.teardown_logging()
    messages = {message for _thread, message in written_by}
    assert {"tile 7 stalled", "repaint clock: late by 40 ms", "from the GUI thread itself"} <= (
        messages
    )
    # Two outputs (file and stderr) each wrote every line, and only the writer thread wrote.
    assert len(written_by) >= 2 * 3
    assert {thread for thread, _message in written_by} == {logs.WRITER_THREAD_NAME}
    # The line still names the thread that logged it.
    assert "[MainThread] console.gui.video_tile: tile 7 stalled" in text
    assert "[MainThread] qt: repaint clock: late by 40 ms" in text


class HeldWriter:
    """Stops the writer on a record saying "hold" until ``release()``."""

    def __init__(self) -> None:
        self._holding = threading.Event()
        self._release = threading.Event()

    def emit_or_wait(self, record: logging.LogRecord) -> None:
        if record.getMessage() == "hold":
            self._holding.set()
            self._release.wait(30)

    def hold(self) -> None:
        logging.getLogger("console.test").info("hold")
        assert self._holding.wait(10), "the writer never reached the held record"

    def release(self) -> None:
        self._release.set()


@pytest.fixture
def held_writer(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldWriter]:
    held = HeldWriter()
    original = logs._FileHandler.emit

    def emit(self: Any, record: logging.LogRecord) -> None:
        held.emit_or_wait(record)
        original(self, record)

    monkeypatch.setattr(logs._FileHandler, "emit", emit)
    yield held
    held.release()


def test_a_secret_forgotten_right_after_a_line_is_still_masked_in_it(
    tianmu_home: Path, held_writer: HeldWriter
) -> None:
    path = logs.setup_logging("INFO", to_stderr=False)
    try:
        register_secret(TOKEN)
        held_writer.hold()
        # The writer is busy: this line waits on the queue while the session ends.
        logging.getLogger("console.client.session").info("session %s ends", TOKEN)
        unregister_secret(TOKEN)
        held_writer.release()
        text = _all_log_text(path)
    finally:
        held_writer.release()
        logs.teardown_logging()
    assert "session *** ends" in text
    assert TOKEN not in text


def test_teardown_writes_every_queued_record(tianmu_home: Path, held_writer: HeldWriter) -> None:
    path = logs.setup_logging("INFO", to_stderr=False)
    try:
        held_writer.hold()
        for n in range(500):
            logging.getLogger("console.test").info("queued %03d", n)
        # Nothing past the held record has been written yet: all 500 wait on the queue.
        assert "queued" not in path.read_text(encoding="utf-8")
        held_writer.release()
    finally:
        logs.teardown_logging()
    text = path.read_text(encoding="utf-8")
    assert all(f"queued {n:03d}" in text for n in range(500))
    assert logs.log_writer_thread() is None


def test_changing_the_level_keeps_the_writer(log_file: Path) -> None:
    writer = logs.log_writer_thread()
    assert logs.setup_logging("WARNING", to_stderr=False) == log_file
    assert logs.log_writer_thread() is writer
    logging.getLogger("console.test").info("below the level")
    logging.getLogger("console.test").warning("at the level")
    text = _all_log_text(log_file)
    assert "below the level" not in text
    assert "at the level" in text


def test_teardown_twice_is_harmless(log_file: Path) -> None:
    logs.teardown_logging()
    logs.teardown_logging()
    assert logs.log_writer_thread() is None
    assert not any(thread.name == logs.WRITER_THREAD_NAME for thread in threading.enumerate())


def _run_child(home: Path, body: str) -> subprocess.CompletedProcess[str]:
    """Run ``body`` in a fresh interpreter logging into ``home``."""
    script = textwrap.dedent(
        """
        import logging, os, threading
        from console import logs
        logs.setup_logging("INFO", to_stderr=False)
        log = logging.getLogger("console.child")
        """
    ) + textwrap.dedent(body)
    env = {**os.environ, "TIANMU_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[3]
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_an_orderly_exit_writes_every_line(tianmu_home: Path) -> None:
    done = _run_child(
        tianmu_home,
        """
        for n in range(3000):
            log.info("line %04d", n)
        """,
    )
    assert done.returncode == 0, done.stderr
    text = (tianmu_home / "log" / "tianmu.log").read_text(encoding="utf-8")
    assert all(f"line {n:04d}" in text for n in range(3000))


def test_a_crash_is_written_before_the_process_dies(tianmu_home: Path) -> None:
    # The hook reports the crash; the process is then killed at once, without any clean-up.
    done = _run_child(
        tianmu_home,
        """
        logs.install_excepthook()
        for n in range(3000):
            log.info("line %04d", n)

        def render():
            raise RuntimeError("the tile renderer fell over")

        worker = threading.Thread(target=render, name="tile-worker")
        worker.start()
        worker.join()
        os._exit(3)
        """,
    )
    assert done.returncode == 3, done.stderr
    text = (tianmu_home / "log" / "tianmu.log").read_text(encoding="utf-8")
    assert "Unhandled exception in thread tile-worker" in text
    assert "RuntimeError: the tile renderer fell over" in text
    assert "line 2999" in text
