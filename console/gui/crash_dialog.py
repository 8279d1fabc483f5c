"""The dialog that tells the operator an unexpected error happened."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from console.gui.plain_text import plain_message_box

logger = logging.getLogger(__name__)


def build_crash_dialog(title: str, detail: str, parent: QWidget | None = None) -> QMessageBox:
    """A non-modal message box with the (already scrubbed) traceback under "Show Details"."""
    box = plain_message_box(QMessageBox(parent))
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(
        QApplication.translate(
            "CrashDialog",
            "Tianmu ran into an unexpected error. The details are in the log; if it happens "
            "again, send the details below to the administrator.",
        )
    )
    box.setDetailedText(detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_crash_dialog(title: str, detail: str) -> None:
    """Show the crash dialog if a QApplication is running; otherwise the log is all there is."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        logger.warning("No QApplication; not showing the crash dialog for: %s", title)
        return
    _forget_deleted()
    if _open_dialogs:
        # One dialog at a time: a burst of errors adds to the details instead of piling up.
        shown = next(iter(_open_dialogs))
        shown.setDetailedText(f"{shown.detailedText()}\n\n{detail}")
        return
    box = build_crash_dialog(title, detail, app.activeWindow())
    # Non-modal, so a burst of errors cannot stack nested event loops; the set keeps the
    # Python wrapper (and so the window) alive until the operator closes it, and closing
    # deletes it: a console that runs for weeks must not keep every dialog it ever showed.
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_dialogs.add(box)
    box.finished.connect(lambda _result: _open_dialogs.discard(box))
    box.open()


def open_crash_dialogs() -> list[QMessageBox]:
    """The crash dialogs currently shown."""
    _forget_deleted()
    return list(_open_dialogs)


def _forget_deleted() -> None:
    """Drop dialogs Qt deleted without their closing: the window they were shown over went
    (a sign-out closes the main window), and a dialog's children go with it."""
    for box in [box for box in _open_dialogs if not shiboken6.isValid(box)]:
        _open_dialogs.discard(box)


_open_dialogs: set[QMessageBox] = set()
