"""The dialog that tells the operator an unexpected error happened."""

from __future__ import annotations

import logging

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
    return list(_open_dialogs)


_open_dialogs: set[QMessageBox] = set()
