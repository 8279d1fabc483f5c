"""Logging: the rotating file, credential scrubbing, Qt messages and crash reporting."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread, QTimer, qWarning
from pytestqt.qtbot import QtBot

from console import logs
from console.gui import crash_dialog
from console.scrub import register_secret

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
    for handler in logging.getLogger().handlers:
        handler.flush()
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
