"""A small form for a custom grid: a name, rows and columns, and one large tile in the
top-left corner spanning some of them (the rest are single tiles)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from console.wall.layout import MAX_GRID, Cell, Layout, custom


class CustomLayoutDialog(QDialog):
    """Asks for a custom grid; ``built_layout()`` builds it (raises LayoutError when invalid)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Custom grid"))
        self.name_edit = QLineEdit(self)
        self.rows = self._spin(3)
        self.cols = self._spin(4)
        self.big_rows = self._spin(1)
        self.big_cols = self._spin(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Rows"), self.rows)
        form.addRow(self.tr("Columns"), self.cols)
        form.addRow(self.tr("Large tile rows"), self.big_rows)
        form.addRow(self.tr("Large tile columns"), self.big_cols)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _spin(self, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(1, MAX_GRID)
        box.setValue(value)
        return box

    def built_layout(self) -> Layout:
        rows, cols = self.rows.value(), self.cols.value()
        big = Cell(0, 0, min(self.big_rows.value(), rows), min(self.big_cols.value(), cols))
        spans = [big] if (big.row_span, big.col_span) != (1, 1) else []
        return custom(self.name_edit.text().strip(), rows, cols, spans)
