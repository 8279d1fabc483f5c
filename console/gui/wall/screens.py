"""Monitors for the wall: finding a saved screen again, and the full-screen window a detached
page lives in."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from console.wall.model import ScreenRef

logger = logging.getLogger(__name__)


def screen_ref(screen: QScreen) -> ScreenRef:
    screens = QGuiApplication.screens()
    index = screens.index(screen) if screen in screens else 0
    return ScreenRef(screen.name(), index)


def find_screen(ref: ScreenRef) -> QScreen | None:
    """The monitor a saved reference means: by name, else by position, else None."""
    screens = QGuiApplication.screens()
    for screen in screens:
        if screen.name() == ref.name:
            return screen
    if 0 <= ref.index < len(screens):
        logger.info("screen %s is gone; using screen %d instead", ref.name, ref.index + 1)
        return screens[ref.index]
    return None


class ScreenWindow(QWidget):
    """A frameless full-screen window showing one detached wall page on one monitor.

    Signals: ``return_requested()`` when the operator asks for the page back in the main
    window (Ctrl+W, or closing the window).
    """

    return_requested = Signal()

    def __init__(self, screen: QScreen, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setWindowTitle(self.tr("Video wall"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._content: QWidget | None = None
        self._closing_for_good = False
        self.move_to(screen)

    @property
    def content(self) -> QWidget | None:
        return self._content

    def set_content(self, widget: QWidget) -> None:
        if self._content is widget:
            return
        self.take_content()
        self._content = widget
        self._layout.addWidget(widget)
        widget.show()

    def take_content(self) -> QWidget | None:
        widget = self._content
        if widget is not None:
            self._layout.removeWidget(widget)
            widget.setParent(None)
        self._content = None
        return widget

    def move_to(self, screen: QScreen) -> None:
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        if self.isVisible():
            self.showFullScreen()

    def close_for_good(self) -> None:
        self._closing_for_good = True
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_W and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.return_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._closing_for_good:
            # Closed by the window manager: the page goes home instead of vanishing.
            event.ignore()
            self.return_requested.emit()
            return
        super().closeEvent(event)
