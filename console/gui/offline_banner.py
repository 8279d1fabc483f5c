"""The strip across the top of the main window while the server cannot be reached."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from console.text import fill

_STYLE = """
QFrame#offline_banner { background: #fff3cd; border-bottom: 1px solid #e0c36c; }
QFrame#offline_banner QLabel { color: #5c4400; }
"""


class OfflineBanner(QFrame):
    """Tells the operator the console is working offline and what happens to their work.

    The main window shows it while the connection is lost (``set_offline``) and hides it once
    the server answers again. ``set_pending`` keeps the count of unsent actions in the text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offline_banner")
        self.setStyleSheet(_STYLE)
        self.label = QLabel(self)
        self.label.setObjectName("offline_banner_label")
        # One line: a tool bar does not give a wrapped label the height it needs, and the
        # banner should take as little room from the docks as it can. The tooltip has it all.
        self.label.setWordWrap(False)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        self._attempt = 0
        self._pending = 0
        self._refresh()

    def set_attempt(self, attempt: int) -> None:
        self._attempt = attempt
        self._refresh()

    def set_pending(self, count: int) -> None:
        self._pending = count
        self._refresh()

    def text(self) -> str:
        return self.label.text()

    def _refresh(self) -> None:
        text = self.tr(
            "The server cannot be reached. You are working offline: what you see may be out "
            "of date, and your actions are kept on this workstation and sent when the "
            "connection returns."
        )
        if self._pending:
            text += " " + fill(self.tr("Waiting to be sent: %1."), self._pending)
        if self._attempt:
            text += " " + fill(self.tr("Reconnection attempt %1."), self._attempt)
        self.label.setText(text)
        self.label.setToolTip(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)
