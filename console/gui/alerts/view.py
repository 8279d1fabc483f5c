"""The Alerts dock's panel: the filter row, the queue table and the preview beside it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.gui.alerts.model import ALERT_ID_ROLE, AlertFilter, AlertQueueModel
from console.gui.alerts.preview import AlertPreview
from console.text import fill

_GROUPS = (AlertFilter.OPEN, AlertFilter.ACKNOWLEDGED, AlertFilter.ALL)


class AlertsPanel(QWidget):
    """Filter row, queue table (``view``) over ``model``, and ``preview``.

    Signals:
        current_changed(str): the alert now selected ("" when none).
    """

    current_changed = Signal(str)

    def __init__(self, model: AlertQueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("alert_filter_combo")
        for group in _GROUPS:
            self.filter_combo.addItem("", group)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("alert_search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        self.view = QTableView(self)
        self.view.setObjectName("alert_queue_view")
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(False)  # the queue's order is the point
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((80, 120, 190, 70)):
            header.resizeSection(column, width)

        self.preview = AlertPreview(self)
        # In a scroll area, so the preview never makes the dock (and the window) wider or
        # taller than the operator wants it.
        self.preview_scroll = QScrollArea(self)
        self.preview_scroll.setWidgetResizable(True)
        self.preview_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.preview_scroll.setWidget(self.preview)

        top = QHBoxLayout()
        top.addWidget(self.filter_combo)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.preview_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The queue first: its five columns want about this much before the preview.
        self.splitter.setSizes([640, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._current = ""
        self._count_due = False
        self.filter_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.search_edit.textChanged.connect(self._on_filter_changed)
        selection = self.view.selectionModel()
        selection.selectionChanged.connect(self._on_selection_changed)
        model.modelReset.connect(self._on_model_reset)
        model.rowsInserted.connect(self._on_rows_changed)
        model.rowsRemoved.connect(self._on_rows_changed)
        self._retranslate()

    def current_alert_id(self) -> str:
        return self._current

    def select_alert(self, alert_id: str) -> bool:
        row = self.model.row_of(alert_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def set_group(self, group: str) -> None:
        self.filter_combo.setCurrentIndex(self.filter_combo.findData(group))

    def _on_filter_changed(self, *_args: object) -> None:
        group = str(self.filter_combo.currentData())
        self.model.set_filter(group, self.search_edit.text())

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._follow_selection()

    def _follow_selection(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        alert_id = str(rows[0].data(ALERT_ID_ROLE)) if rows else ""
        if alert_id != self._current:
            self._current = alert_id
            self.current_changed.emit(alert_id)

    def _on_model_reset(self) -> None:
        # A reset forgets the selection; the operator's alert is selected again if still shown.
        if self._current and not self.select_alert(self._current):
            self._follow_selection()
        self._show_count()

    def _on_rows_changed(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        # Once per turn of the event loop, however many insertions a batch made.
        if not self._count_due:
            self._count_due = True
            QTimer.singleShot(0, self._show_count)

    def _show_count(self) -> None:
        self._count_due = False
        self.count_label.setText(fill(self.tr("%1 shown"), self.model.rowCount()))

    def _retranslate(self) -> None:
        labels = {
            AlertFilter.OPEN: self.tr("Open"),
            AlertFilter.ACKNOWLEDGED: self.tr("Acknowledged"),
            AlertFilter.ALL: self.tr("All"),
        }
        for index, group in enumerate(_GROUPS):
            self.filter_combo.setItemText(index, labels[group])
        self.search_edit.setPlaceholderText(self.tr("Find camera or type"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
