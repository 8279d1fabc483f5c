"""Editing a patrol plan: its name, the seconds each page stays up, and its cameras in order
(dropped from the camera tree, reordered by dragging, removed with Delete)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QWidget,
)

from console.domain.model import PatrolPlan
from console.gui.mime import decode_camera_ids, has_camera_ids


class CameraOrderList(QListWidget):
    """Camera ids in patrol order: takes camera drops, reorders by drag, Delete removes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def camera_ids(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]

    def add_cameras(self, camera_ids: list[str], row: int | None = None) -> None:
        present = set(self.camera_ids())
        at = self.count() if row is None or row < 0 else row
        for camera_id in camera_ids:
            if camera_id not in present:
                self.insertItem(at, camera_id)
                present.add(camera_id)
                at += 1

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if has_camera_ids(event.mimeData()) and event.source() is not self:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt override)
        if has_camera_ids(event.mimeData()) and event.source() is not self:
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        if event.source() is not self and has_camera_ids(event.mimeData()):
            row = self.indexAt(event.position().toPoint()).row()
            self.add_cameras(decode_camera_ids(event.mimeData()), row)
            event.acceptProposedAction()
            return
        super().dropEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            for item in self.selectedItems():
                self.takeItem(self.row(item))
            event.accept()
            return
        super().keyPressEvent(event)


class PlanEditor(QDialog):
    """Edits a copy of ``plan`` (None: a new one); ``plan()`` returns the result."""

    def __init__(self, plan: PatrolPlan | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._original = plan
        self.setWindowTitle(self.tr("Patrol plan"))
        self.name_edit = QLineEdit(plan.name if plan else "", self)
        self.dwell_box = QSpinBox(self)
        self.dwell_box.setRange(1, 3600)
        self.dwell_box.setSuffix(self.tr(" s"))
        self.dwell_box.setValue(plan.dwell_s if plan else 10)
        self.cameras = CameraOrderList(self)
        self.cameras.add_cameras(list(plan.camera_ids) if plan else [])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Seconds per page"), self.dwell_box)
        form.addRow(self.tr("Cameras (drop from the tree)"), self.cameras)
        form.addRow(buttons)

    def plan(self) -> PatrolPlan:
        original = self._original
        return PatrolPlan(
            id=original.id if original else "",
            name=self.name_edit.text().strip(),
            camera_ids=tuple(self.cameras.camera_ids()),
            dwell_s=self.dwell_box.value(),
            owner_id=original.owner_id if original else None,
        )
