"""The vehicle track panel: a plate to search, the checkpoint passes found (in time order),
the problem if the search failed, and the snapshot of the pass chosen.

It only shows things: the map feature runs the search on the network lane and hands the
results (or the error) back here. Plates, checkpoint names and server messages are shown as
plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.client import BackendError, ErrorKind
from console.gui.plain_text import plain_label, plain_tooltip
from console.text import fill

SNAPSHOT_SIZE = QSize(320, 180)
PLATE_MAX = 16
WINDOWS_H = (24, 72, 168)  # the server answers for at most 31 days
_ERROR_STYLE = "color: #c62828;"
_PASS_ID_ROLE = Qt.ItemDataRole.UserRole


class TrackPanel(QWidget):
    """See the module docstring.

    Signals:
        search_requested(str plate, int hours): the operator asked for a plate's track in the
            last ``hours`` (the plate trimmed, not empty).
        pass_chosen(str pass_id): a pass was picked in the list.
        cleared(): the operator cleared the track.
    """

    search_requested = Signal(str, int)
    pass_chosen = Signal(str)
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plate_edit = QLineEdit(self)
        self.plate_edit.setObjectName("plate_edit")
        self.plate_edit.setMaxLength(PLATE_MAX)
        self.plate_edit.setClearButtonEnabled(True)
        self.window_combo = QComboBox(self)
        self.window_combo.setObjectName("track_window_combo")
        for hours in WINDOWS_H:
            self.window_combo.addItem("", hours)
        self.search_button = QPushButton(self)
        self.search_button.setObjectName("plate_search_button")
        self.search_button.setDefault(True)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("track_clear_button")
        self.clear_button.setEnabled(False)
        self.status_label = plain_label(QLabel(self))
        self.status_label.setObjectName("track_status_label")
        self.status_label.setWordWrap(True)
        self.passes = QListWidget(self)
        self.passes.setObjectName("track_passes")
        self.snapshot_label = plain_label(QLabel(self))
        self.snapshot_label.setObjectName("track_snapshot_label")
        self.snapshot_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.snapshot_label.setMinimumHeight(SNAPSHOT_SIZE.height() // 2)
        self.snapshot_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.snapshot_caption = plain_label(QLabel(self))
        self.snapshot_caption.setObjectName("track_snapshot_caption")
        self.snapshot_caption.setWordWrap(True)

        search_row = QHBoxLayout()
        search_row.addWidget(self.plate_edit, 1)
        search_row.addWidget(self.search_button)
        window_row = QHBoxLayout()
        window_row.addWidget(self.window_combo, 1)
        window_row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(search_row)
        layout.addLayout(window_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.passes, 1)
        layout.addWidget(self.snapshot_label)
        layout.addWidget(self.snapshot_caption)

        self._searching = ""
        self._count = 0
        self._retranslate()
        self.plate_edit.returnPressed.connect(self._on_search_button_clicked)
        self.search_button.clicked.connect(self._on_search_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.passes.currentItemChanged.connect(self._on_passes_current_changed)

    # ------------------------------------------------------------------ what the feature says

    def show_searching(self, plate: str) -> None:
        self._searching = plate
        self.search_button.setEnabled(False)
        self.passes.clear()
        self._show_status(fill(self.tr("Searching the passes of %1…"), plate), error=False)
        self.show_snapshot(None, "")

    def show_passes(self, plate: str, passes: Sequence[Any]) -> None:
        """The passes found, already in time order (``time``, ``checkpoint_name``, ``id``)."""
        self._searching = ""
        self.search_button.setEnabled(True)
        self.clear_button.setEnabled(True)
        self.passes.clear()
        for item in passes:
            when = item.time.astimezone().strftime("%m-%d %H:%M:%S")
            row = QListWidgetItem(fill(self.tr("%1  %2"), when, item.checkpoint_name))
            row.setData(_PASS_ID_ROLE, item.id)
            row.setToolTip(plain_tooltip(f"{item.plate} · {item.checkpoint_name}"))
            self.passes.addItem(row)
        self._count = len(passes)
        if passes:
            text = fill(self.tr("%1: %2 passes, oldest first."), plate, len(passes))
        else:
            text = fill(self.tr("No checkpoint has seen %1."), plate)
        self._show_status(text, error=False)

    def show_error(self, plate: str, error: BaseException) -> None:
        """Why the search failed; the plate stays in the box to correct or try again."""
        self._searching = ""
        self.search_button.setEnabled(True)
        self._show_status(search_problem(plate, error), error=True)

    def show_snapshot(self, image: QImage | None, caption: str) -> None:
        if image is None or image.isNull():
            self.snapshot_label.setPixmap(QPixmap())
            self.snapshot_label.setVisible(False)
        else:
            scaled = image.scaled(
                SNAPSHOT_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.snapshot_label.setPixmap(QPixmap.fromImage(scaled))
            self.snapshot_label.setVisible(True)
        self.snapshot_caption.setText(caption)
        self.snapshot_caption.setVisible(bool(caption))

    def select_pass(self, pass_id: str) -> None:
        for row in range(self.passes.count()):
            item = self.passes.item(row)
            if item is not None and item.data(_PASS_ID_ROLE) == pass_id:
                self.passes.setCurrentRow(row)
                return

    def status_text(self) -> str:
        return self.status_label.text()

    # ------------------------------------------------------------------ internals

    def _show_status(self, text: str, *, error: bool) -> None:
        self.status_label.setStyleSheet(_ERROR_STYLE if error else "")
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _on_search_button_clicked(self) -> None:
        plate = self.plate_edit.text().strip()
        if not plate:
            self._show_status(self.tr("Type a plate number, e.g. 琼C·12345."), error=True)
            self.plate_edit.setFocus()
            return
        if self._searching:
            return
        self.search_requested.emit(plate, int(self.window_combo.currentData()))

    def _on_clear_button_clicked(self) -> None:
        self.passes.clear()
        self.clear_button.setEnabled(False)
        self._count = 0
        self._show_status("", error=False)
        self.show_snapshot(None, "")
        self.cleared.emit()

    def _on_passes_current_changed(
        self, current: QListWidgetItem | None, _previous: object
    ) -> None:
        if current is not None:
            self.pass_chosen.emit(str(current.data(_PASS_ID_ROLE)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.plate_edit.setPlaceholderText(self.tr("Plate, e.g. 琼C·12345"))
        self.search_button.setText(self.tr("&Track"))
        self.search_button.setToolTip(self.tr("Show where checkpoints saw this vehicle"))
        self.clear_button.setText(self.tr("Clear"))
        labels = (self.tr("last 24 hours"), self.tr("last 3 days"), self.tr("last 7 days"))
        for index, label in enumerate(labels):
            self.window_combo.setItemText(index, label)


def search_problem(plate: str, error: BaseException) -> str:
    """What to tell the operator about a failed plate search."""
    if isinstance(error, BackendError):
        if error.kind is ErrorKind.VALIDATION:
            return fill(
                QCoreApplication.translate("TrackPanel", "“%1” is not a plate number: %2"),
                plate,
                error.server_message or error.message,
            )
        if error.kind in (ErrorKind.UNREACHABLE, ErrorKind.TIMEOUT):
            return QCoreApplication.translate(
                "TrackPanel",
                "The server cannot be reached: vehicle tracks need the connection. "
                "Try again when it is back.",
            )
        if error.kind is ErrorKind.FORBIDDEN:
            return QCoreApplication.translate(
                "TrackPanel", "Your role may not search vehicle tracks."
            )
    return fill(QCoreApplication.translate("TrackPanel", "The search failed: %1"), error)
