"""Monitors for the wall: finding a saved screen again, and the full-screen window a detached
page lives in."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

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
    """A frameless full-screen window showing a detached wall page on one monitor.

    It may hold several pages, one shown and the others hidden (a patrol's next page plays
    there while hidden, so it is live the moment it is shown); ``content`` is the shown one.

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
        self._pages = QStackedWidget(self)
        self._layout.addWidget(self._pages)
        self._closing_for_good = False
        self.move_to(screen)

    @property
    def content(self) -> QWidget | None:
        """The page shown."""
        return self._pages.currentWidget()

    def holds(self, widget: QWidget) -> bool:
        return self._pages.indexOf(widget) >= 0

    def page_count(self) -> int:
        return self._pages.count()

    def add_page(self, widget: QWidget) -> None:
        """Hold ``widget`` hidden (shown if it is the only page)."""
        if not self.holds(widget):
            self._pages.addWidget(widget)

    def show_page(self, widget: QWidget) -> None:
        self.add_page(widget)
        self._pages.setCurrentWidget(widget)

    def remove_page(self, widget: QWidget) -> None:
        """Let go of ``widget``; the page added before it (or else the first) shows instead."""
        index = self._pages.indexOf(widget)
        if index < 0:
            return
        shown = self._pages.currentWidget() is widget
        self._pages.removeWidget(widget)
        widget.setParent(None)
        if shown and self._pages.count():
            self._pages.setCurrentIndex(max(0, index - 1))

    def set_content(self, widget: QWidget) -> None:
        """Show ``widget`` in place of the shown page."""
        if self.content is widget:
            return
        self.take_content()
        self.show_page(widget)

    def take_content(self) -> QWidget | None:
        widget = self.content
        if widget is not None:
            self.remove_page(widget)
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
        if not self._closing_for_good and event.spontaneous():
            # Closed by the window manager: the page goes home instead of vanishing.
            event.ignore()
            self.return_requested.emit()
            return
        # Closed by the application (it is quitting: Qt 6 asks every window first and gives
        # up quitting if one refuses): the page stays on this monitor in the workspace, so
        # the next start brings it back here.
        super().closeEvent(event)
