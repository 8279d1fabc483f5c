"""Diagnostics as a feature of the session: the lateness field and the diagnostics dialog.

Every second the status bar's lateness field shows the event loop's p99 lateness; the main
window's Diagnostics action opens (or raises) the dialog with the probe, the task runner, the
connection, the pending count, the log file and the wall's players.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from console.diagnostics import LatenessProbe
from console.gui.diagnostics_dialog import DiagnosticsDialog
from console.gui.session import Session
from console.gui.wall.wall_view import WallView

LATENESS_REFRESH_MS = 1000


class DiagnosticsFeature(QObject):
    """Contributes the lateness status field's updates and the diagnostics dialog
    (``dialog``, made on first use). It has no signals."""

    def __init__(
        self,
        session: Session,
        probe: LatenessProbe,
        log_file: Path | None,
        *,
        wall: WallView,
        pending: Callable[[], int | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._probe = probe
        self._log_file = log_file
        self._wall = wall
        self._pending = pending
        self.dialog: DiagnosticsDialog | None = None
        self._lateness_timer = QTimer(self)
        self._lateness_timer.setInterval(LATENESS_REFRESH_MS)
        self._lateness_timer.timeout.connect(self._on_lateness_timer_timeout)
        session.window.diagnostics_requested.connect(self._on_window_diagnostics_requested)

    def start(self) -> None:
        self._lateness_timer.start()
        self._on_lateness_timer_timeout()

    def close(self) -> None:
        self._lateness_timer.stop()
        if self.dialog is not None:
            self.dialog.close()

    def connection_text(self) -> str:
        return self._session.window.status.connection_label.text()

    def open_dialog(self) -> DiagnosticsDialog:
        if self.dialog is None:
            self.dialog = DiagnosticsDialog(
                self._probe,
                self._session.runner,
                connection=self.connection_text,
                pending=self._pending,
                log_file=self._log_file,
                wall=self._wall,
                parent=self._session.window,
            )
        if self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
        else:
            self.dialog.show()
        return self.dialog

    def _on_lateness_timer_timeout(self) -> None:
        self._session.window.status.set_lateness(self._probe.snapshot()["p99_ms"])

    def _on_window_diagnostics_requested(self) -> None:
        self.open_dialog()
