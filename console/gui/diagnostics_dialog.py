"""The Diagnostics dialog: event-loop lateness, background work, connection, log file, and
the video wall (players, main-stream budget, one row per tile with a camera)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.diagnostics import LatenessProbe
from console.gui.forms import retranslate_form, setup_form
from console.gui.forms.ui_diagnostics_dialog import Ui_DiagnosticsDialog
from console.gui.wall.wall_figures import TileFigures, WallFigures, collect
from console.gui.wall.wall_view import WallView
from console.tasks import NET, STORE, TaskRunner
from console.text import fill
from console.video.supervisor import StreamState
from console.wall.stream_policy import StreamChoice

REFRESH_MS = 1000


WALL_DIALOG_SIZE = (820, 720)


def _ms(value: float) -> str:
    return f"{value:.1f}"


class WallFiguresBox(QGroupBox):
    """The video wall's part of the Diagnostics dialog: players in use, wedged players, main
    streams against the budget, and a table with one row per tile that has a camera.

    ``show_figures`` takes plain figures (see ``console.gui.wall.wall_figures``); the box
    never looks at a player itself.
    """

    COLUMNS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wall_group")
        self.players_label = QLabel(self)
        self.players_value = self._value_label()
        self.wedged_label = QLabel(self)
        self.wedged_value = self._value_label()
        self.main_label = QLabel(self)
        self.main_value = self._value_label()
        form = QFormLayout()
        form.addRow(self.players_label, self.players_value)
        form.addRow(self.wedged_label, self.wedged_value)
        form.addRow(self.main_label, self.main_value)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("wall_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the camera's name
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.table, 1)
        self._figures: WallFigures | None = None
        self.retranslate()

    def _value_label(self) -> QLabel:
        label = QLabel("-", self)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def retranslate(self) -> None:
        self.setTitle(self.tr("Video wall"))
        self.players_label.setText(self.tr("Players in use:"))
        self.wedged_label.setText(self.tr("Wedged players:"))
        self.main_label.setText(self.tr("Main streams:"))
        self.table.setHorizontalHeaderLabels(self.headers())
        if self._figures is not None:
            self.show_figures(self._figures)

    def headers(self) -> list[str]:
        return [
            self.tr("Tile"),
            self.tr("Camera"),
            self.tr("State"),
            self.tr("Stream"),
            self.tr("fps"),
            self.tr("Lost"),
            self.tr("Last picture"),
            self.tr("Restarts"),
        ]

    def show_figures(self, figures: WallFigures) -> None:
        self._figures = figures
        self.players_value.setText(str(figures.players))
        wedged = str(figures.wedged)
        if figures.wedged_waiting:
            # Still inside the call that hung: libvlc may yet write into their memory.
            wedged += " " + fill(self.tr("(%1 not released yet)"), figures.wedged_waiting)
        self.wedged_value.setText(wedged)
        main = fill(self.tr("%1 in use of %2"), figures.main_in_use, figures.max_main)
        denied = figures.main_wanted - figures.main_granted
        if denied > 0:
            main += " " + fill(self.tr("(%1 more wanted)"), denied)
        self.main_value.setText(main)
        table = self.table
        table.setRowCount(len(figures.tiles))
        for row, tile in enumerate(figures.tiles):
            for column, text in enumerate(self.row_texts(tile)):
                item = table.item(row, column)
                if item is None:
                    table.setItem(row, column, QTableWidgetItem(text))
                elif item.text() != text:
                    item.setText(text)

    def row_texts(self, tile: TileFigures) -> list[str]:
        """One table row as the operator reads it."""
        return [
            f"{tile.page}/{tile.cell}",
            tile.camera_name,
            self.state_text(tile),
            self.stream_text(tile.stream),
            "–" if tile.fps is None else f"{tile.fps:.1f}",
            "–" if tile.lost is None else str(tile.lost),
            "–" if tile.age_s is None else fill(self.tr("%1 s ago"), f"{tile.age_s:.1f}"),
            "–" if tile.restarts is None else str(tile.restarts),
        ]

    def state_text(self, tile: TileFigures) -> str:
        state = tile.state
        if state is None:
            return self.tr("no stream yet")
        if state is StreamState.RECONNECTING:
            return fill(self.tr("reconnecting %1"), tile.attempt)
        return {
            StreamState.CONNECTING: self.tr("connecting"),
            StreamState.LIVE: self.tr("live"),
            StreamState.STALE: self.tr("stale"),
            StreamState.OFFLINE: self.tr("offline"),
            StreamState.NOT_SHARED: self.tr("not shared"),
            StreamState.ERROR: self.tr("cannot play"),
        }[state]

    def stream_text(self, choice: StreamChoice) -> str:
        if choice is StreamChoice.MAIN:
            return self.tr("main")
        if choice is StreamChoice.SUB:
            return self.tr("sub")
        return "–"

    def report_lines(self) -> list[str]:
        """The box as plain text: its figures, then the table with a header line."""
        lines = [self.title()]
        for label, value in (
            (self.players_label, self.players_value),
            (self.wedged_label, self.wedged_value),
            (self.main_label, self.main_value),
        ):
            lines.append(f"{label.text()} {value.text()}")
        if self._figures is not None and self._figures.tiles:
            lines.append("\t".join(self.headers()))
            lines += ["\t".join(self.row_texts(tile)) for tile in self._figures.tiles]
        return lines


class DiagnosticsDialog(QDialog):
    """Live figures for support and for the operator who wonders why things feel slow.

    Reads only in-memory figures (the lateness probe's snapshot, the task runner's queue
    lengths, what the caller reports for the connection, and, given a ``wall``, what its
    tiles and stream budget say), once a second while shown.
    """

    def __init__(
        self,
        probe: LatenessProbe,
        runner: TaskRunner,
        *,
        connection: Callable[[], str] = lambda: "",
        pending: Callable[[], int | None] = lambda: None,
        log_file: Path | None = None,
        wall: WallView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_DiagnosticsDialog()
        setup_form(self.ui, self)
        self._wall = wall
        self.wall_box: WallFiguresBox | None = None
        if wall is not None:
            self.wall_box = WallFiguresBox(self)
            # Above the button row, the last item of the form's column.
            self.ui.main_layout.insertWidget(self.ui.main_layout.count() - 1, self.wall_box, 1)
            self.resize(*WALL_DIALOG_SIZE)
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
        if self._wall is not None and self.wall_box is not None:
            self.wall_box.show_figures(collect(self._wall))

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
        if self.wall_box is not None:
            lines += self.wall_box.report_lines()
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
            if self.wall_box is not None:
                self.wall_box.retranslate()
            self.refresh()
        super().changeEvent(event)
