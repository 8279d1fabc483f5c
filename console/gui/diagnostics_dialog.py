"""The Diagnostics dialog: event-loop lateness, background work, connection, log file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from console.diagnostics import LatenessProbe
from console.gui.forms import retranslate_form, setup_form
from console.gui.forms.ui_diagnostics_dialog import Ui_DiagnosticsDialog
from console.gui.text import fill
from console.tasks import NET, STORE, TaskRunner

REFRESH_MS = 1000


def _ms(value: float) -> str:
    return f"{value:.1f}"


class DiagnosticsDialog(QDialog):
    """Live figures for support and for the operator who wonders why things feel slow.

    Reads only in-memory figures (the lateness probe's snapshot, the task runner's queue
    lengths, what the caller reports for the connection), once a second while shown.
    """

    def __init__(
        self,
        probe: LatenessProbe,
        runner: TaskRunner,
        *,
        connection: Callable[[], str] = lambda: "",
        pending: Callable[[], int | None] = lambda: None,
        log_file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_DiagnosticsDialog()
        setup_form(self.ui, self)
        self._probe = probe
        self._runner = runner
        self._connection = connection
        self._pending = pending
        self._log_file = log_file
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.ui.close_button.clicked.connect(self.close)
        self.ui.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.ui.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.refresh()

    def showEvent(self, event: Any) -> None:
        self.refresh()
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        """Read the figures again now (the timer does this every second while shown)."""
        figures = self._probe.snapshot()
        ui = self.ui
        if figures["window"]:
            ui.p50_value.setText(_ms(figures["p50_ms"]))
            ui.p99_value.setText(_ms(figures["p99_ms"]))
            ui.max_value.setText(_ms(figures["max_ms"]))
            ui.max_all_time_value.setText(_ms(figures["max_all_time_ms"]))
        else:
            for label in (ui.p50_value, ui.p99_value, ui.max_value, ui.max_all_time_value):
                label.setText(self.tr("not measured yet"))
        ui.ticks_value.setText(str(figures["ticks"]))
        ui.late_ticks_value.setText(
            fill(
                self.tr("%1 (over %2 ms)"),
                figures["late_ticks"],
                f"{figures['warn_after_ms']:.0f}",
            )
        )
        stall = figures.get("last_stall")
        if stall:
            ui.stall_label.setText(
                fill(
                    self.tr("Last stall: %1 ms; its stack is in the log."),
                    _ms(stall["lateness_ms"]),
                )
            )
            ui.stall_label.show()
        else:
            ui.stall_label.hide()
        if not figures["running"]:
            ui.stall_label.setText(self.tr("The lateness probe is not running."))
            ui.stall_label.show()

        lanes = self._runner.stats()
        ui.store_lane_value.setText(self._lane_text(lanes.get(STORE)))
        ui.net_lane_value.setText(self._lane_text(lanes.get(NET)))
        ui.connection_value.setText(self._connection() or "–")
        pending = self._pending()
        ui.outbox_value.setText("–" if pending is None else str(pending))
        ui.log_file_value.setText(str(self._log_file) if self._log_file else "–")

    def report(self) -> str:
        """The figures as plain text (what Copy puts on the clipboard)."""
        ui = self.ui
        rows = [
            (ui.p50_label, ui.p50_value),
            (ui.p99_label, ui.p99_value),
            (ui.max_label, ui.max_value),
            (ui.max_all_time_label, ui.max_all_time_value),
            (ui.ticks_label, ui.ticks_value),
            (ui.late_ticks_label, ui.late_ticks_value),
            (ui.store_lane_label, ui.store_lane_value),
            (ui.net_lane_label, ui.net_lane_value),
            (ui.connection_label, ui.connection_value),
            (ui.outbox_label, ui.outbox_value),
            (ui.log_file_label, ui.log_file_value),
        ]
        lines = [ui.loop_group.title()]
        lines += [f"{label.text()} {value.text()}" for label, value in rows]
        if ui.stall_label.isVisibleTo(self):
            lines.append(ui.stall_label.text())
        return "\n".join(lines)

    def _lane_text(self, lane: dict[str, int] | None) -> str:
        if lane is None:
            return "–"
        return fill(self.tr("%1 running, %2 queued"), lane["running"], lane["queued"])

    def _on_reset_button_clicked(self) -> None:
        self._probe.reset()
        self.refresh()

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.report())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            retranslate_form(self.ui, self)
            self.refresh()
        super().changeEvent(event)
