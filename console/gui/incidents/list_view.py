"""The table that shows the incident list: fixed-height rows, sortable headers, and a clock
that repaints the remaining time of the rows in view once a second."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from console.gui.incidents.list_model import Column, IncidentListModel

TICK_MS = 1000
_WIDTHS = {
    Column.NUMBER: 150,
    Column.TITLE: 240,
    Column.STATE: 90,
    Column.PRIORITY: 80,
    Column.CATEGORY: 150,
    Column.PLACE: 160,
    Column.UNIT: 120,
    Column.DUE: 125,
    Column.REMAINING: 110,
    Column.OVERDUE: 70,
    Column.UPDATED: 120,
    Column.CALLER: 140,
}


class IncidentListView(QTableView):
    """A flat, single-selection table over an ``IncidentListModel``.

    Signals:
        incident_selected(object): the id of the incident now selected, or None.
    """

    incident_selected = Signal(object)

    def __init__(self, model: IncidentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incident_list")
        self._model = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        for column, width in _WIDTHS.items():
            self.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(Column.UPDATED, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        model.modelReset.connect(self._on_rows_replaced)
        model.layoutChanged.connect(self._note_visible_rows)
        self.verticalScrollBar().valueChanged.connect(self._note_visible_rows)
        self._clock = QTimer(self)
        self._clock.setInterval(TICK_MS)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._clock.start()

    def visible_rows(self) -> tuple[int, int]:
        """The first and last row in view (both -1 when the list is empty)."""
        count = self._model.rowCount()
        if count == 0:
            return -1, -1
        first = self.rowAt(0)
        last = self.rowAt(self.viewport().height() - 1)
        first = 0 if first < 0 else first
        last = count - 1 if last < 0 else last
        return first, last

    def select_row(self, row: int, *, scroll: bool = True) -> None:
        """Select ``row`` and (with ``scroll``) bring it into view."""
        index = self._model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            self.selectionModel().SelectionFlag.ClearAndSelect
            | self.selectionModel().SelectionFlag.Rows,
        )
        if scroll:
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def clear_current(self) -> None:
        """Select nothing (the incident shown is not in the list as it stands)."""
        self.selectionModel().clear()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._note_visible_rows()

    def _note_visible_rows(self) -> None:
        first, last = self.visible_rows()
        if first >= 0:
            self._model.set_visible_rows(first, last)

    def _on_rows_replaced(self) -> None:
        self.scrollToTop()
        self._note_visible_rows()

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._model.rearranging:
            # Moved by a refresh, not by the operator: the panel selects its incident again.
            return
        self.incident_selected.emit(
            self._model.incident_id(current.row()) if current.isValid() else None
        )

    def _on_clock_timeout(self) -> None:
        if not self.isVisible():
            return
        first, last = self.visible_rows()
        if first >= 0:
            self._model.tick(first, last)
