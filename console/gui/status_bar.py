"""The main window's status bar: connection, unsent actions, loop lateness, who is signed in."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QStatusBar, QWidget

from console.domain.model import Role
from console.gui.plain_text import plain_label, plain_tooltip
from console.text import fill

# Above one frame at 60 Hz the operator starts to see it in video and scrolling.
LATENESS_WARN_MS = 16.0
_WARN_STYLE = "color: #b26a00; font-weight: bold;"
_BAD_STYLE = "color: #c62828; font-weight: bold;"
_GOOD_STYLE = "color: #2e7d32;"


class ConnectionState(enum.StrEnum):
    """How the console stands with its server, as the operator sees it."""

    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"
    LOGIN_NEEDED = "login_needed"  # the server no longer accepts the session's token


def role_label(role: Role | str) -> str:
    """The operator-facing name of a role."""
    labels = {
        Role.OPERATOR: QCoreApplication.translate("Roles", "Operator"),
        Role.SUPERVISOR: QCoreApplication.translate("Roles", "Supervisor"),
        Role.UNIT: QCoreApplication.translate("Roles", "Linked unit"),
        Role.ADMIN: QCoreApplication.translate("Roles", "Administrator"),
    }
    try:
        return labels[Role(role)]
    except ValueError:
        return str(role)


class _ClickableLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mouseReleaseEvent(event)


class ShellStatusBar(QStatusBar):
    """Permanent fields, left to right: the features' fields (``add_field``), connection,
    pending outbox count, lateness, user.

    Each field has an object name (``connection_label``, ``pending_label``,
    ``lateness_label``, ``user_label``) and a tooltip saying what it means.

    Signals:
        lateness_clicked(): the operator clicked the lateness figure (open Diagnostics).
    """

    lateness_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shell_status_bar")
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connection_label")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("pending_label")
        self.lateness_label = _ClickableLabel(self)
        self.lateness_label.setObjectName("lateness_label")
        self.user_label = QLabel(self)
        self.user_label.setObjectName("user_label")
        for label in (
            self.connection_label,
            self.pending_label,
            self.lateness_label,
            self.user_label,
        ):
            # The user's names come from the server: shown as written, never as markup.
            plain_label(label)
            label.setFrameShape(QFrame.Shape.NoFrame)
            label.setContentsMargins(6, 0, 6, 0)
            self.addPermanentWidget(label)
        self.lateness_label.clicked.connect(self.lateness_clicked)

        self._features = 0
        self._state = ConnectionState.CONNECTING
        self._attempt = 0
        self._pending: int | None = None
        self._lateness_ms: float | None = None
        self._user: tuple[str, str, Role | str] | None = None
        self._refresh()

    # ------------------------------------------------------------------ public API

    @property
    def connection_state(self) -> ConnectionState:
        return self._state

    def set_connection(self, state: ConnectionState, attempt: int = 0) -> None:
        """Show the connection state; ``attempt`` counts reconnection tries."""
        self._state = state
        self._attempt = attempt
        self._refresh_connection()

    def set_pending(self, count: int) -> None:
        """Show how many operator actions wait in the outbox."""
        self._pending = count
        self._refresh_pending()

    def set_lateness(self, p99_ms: float) -> None:
        """Show the event loop's 99th-percentile lateness in milliseconds."""
        self._lateness_ms = p99_ms
        self._refresh_lateness()

    def set_user(self, display_name: str, username: str, role: Role | str) -> None:
        self._user = (display_name, username, role)
        self._refresh_user()

    def add_field(self, widget: QWidget) -> None:
        """A feature's permanent field (the wall's main-stream budget, say), shown left of the
        shell's own fields; the status bar takes ownership."""
        widget.setContentsMargins(6, 0, 6, 0)
        self.insertPermanentWidget(self._features, widget)
        self._features += 1

    # ------------------------------------------------------------------ internals

    def _refresh(self) -> None:
        self._refresh_connection()
        self._refresh_pending()
        self._refresh_lateness()
        self._refresh_user()

    def _refresh_connection(self) -> None:
        state = self._state
        if state is ConnectionState.CONNECTED:
            text, style = self.tr("● Connected"), _GOOD_STYLE
        elif state is ConnectionState.RECONNECTING:
            text = fill(self.tr("● Reconnecting (attempt %1)"), self._attempt)
            style = _WARN_STYLE
        elif state is ConnectionState.OFFLINE:
            text, style = self.tr("● Offline"), _BAD_STYLE
        elif state is ConnectionState.LOGIN_NEEDED:
            text, style = self.tr("● Signed out by the server"), _BAD_STYLE
        else:
            text, style = self.tr("● Connecting…"), ""
        # Style before text: a bold style makes the text wider, and only setText() makes the
        # status bar measure the label again.
        self.connection_label.setStyleSheet(style)
        self.connection_label.setText(text)
        if state is ConnectionState.LOGIN_NEEDED:
            self.connection_label.setToolTip(
                self.tr("The session has ended on the server. Sign out and sign in again.")
            )
        else:
            self.connection_label.setToolTip(self.tr("Connection to the server"))

    def _refresh_pending(self) -> None:
        if self._pending is None:
            self.pending_label.setStyleSheet("")
            self.pending_label.setText(self.tr("Unsent: –"))
        else:
            self.pending_label.setStyleSheet(_WARN_STYLE if self._pending else "")
            self.pending_label.setText(fill(self.tr("Unsent: %1"), self._pending))
        self.pending_label.setToolTip(
            self.tr(
                "Actions kept on this workstation that the server has not confirmed yet. "
                "They are sent automatically."
            )
        )

    def _refresh_lateness(self) -> None:
        if self._lateness_ms is None:
            self.lateness_label.setStyleSheet("")
            self.lateness_label.setText(self.tr("Loop p99: – ms"))
        else:
            self.lateness_label.setStyleSheet(
                _WARN_STYLE if self._lateness_ms > LATENESS_WARN_MS else ""
            )
            self.lateness_label.setText(
                fill(self.tr("Loop p99: %1 ms"), f"{self._lateness_ms:.0f}")
            )
        self.lateness_label.setToolTip(
            self.tr(
                "How late the interface handles its events (99th percentile). "
                "Click for diagnostics."
            )
        )

    def _refresh_user(self) -> None:
        if self._user is None:
            self.user_label.setText(self.tr("Not signed in"))
            self.user_label.setToolTip("")
            return
        display_name, username, role = self._user
        self.user_label.setText(fill(self.tr("%1 (%2)"), display_name, role_label(role)))
        self.user_label.setToolTip(plain_tooltip(fill(self.tr("Signed in as %1"), username)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)
