"""Offline review as a feature of the signed-in console: a Review menu whose action opens the
review window with the session (the server's recordings, bookmarks and export records sent
through the outbox). The window closes with the session."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from console.gui.review.window import ReviewWindow
from console.gui.session import Session

SHORTCUT = "Ctrl+Shift+R"


class ReviewFeature(QObject):
    """See the module docstring. ``window`` is the review window once opened; no signals."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.window: ReviewWindow | None = None
        self.action = QAction(self.tr("Review &recordings…"), self)
        self.action.setObjectName("review_recordings_action")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.setStatusTip(
            self.tr("Play, bookmark and export recorded clips, downloaded from the server")
        )
        self.action.triggered.connect(self._on_action_triggered)
        self.menu = QMenu(self.tr("Re&view"), session.window)
        self.menu.setObjectName("review_menu")
        self.menu.addAction(self.action)
        session.window.add_feature_menu(self.menu)
        session.window.addAction(self.action)

    def open(self) -> ReviewWindow | None:
        """Show the review window (made on first use)."""
        if self._session.closed:
            return None
        if self.window is None:
            self.window = ReviewWindow(
                self._session.runner, self._session.window, session=self._session
            )
            # Its own window beside the console, not a part of the main window.
            self.window.setWindowFlag(Qt.WindowType.Window, True)
        if self.window.isVisible():
            self.window.raise_()
            self.window.activateWindow()
        else:
            self.window.show()
        return self.window

    def close(self) -> None:
        self._session.window.remove_feature_menu(self.menu)
        self._session.window.removeAction(self.action)
        self.menu.deleteLater()
        window, self.window = self.window, None
        if window is not None:
            window.close()
            window.deleteLater()

    def _on_action_triggered(self) -> None:
        self.open()
