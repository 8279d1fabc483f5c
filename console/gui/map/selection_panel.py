"""What is near the event chosen on the map: the cameras that see its place (nearest, and
those facing it first) and the nearest available units, with one button for the cameras to
go onto the wall."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.gui.plain_text import plain_label, plain_tooltip
from console.text import fill

_ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class NearCamera:
    camera_id: str
    name: str
    distance_m: float
    facing: bool  # its field of view holds the place
    online: bool


@dataclass(frozen=True, slots=True)
class NearUnit:
    unit_id: str
    name: str
    distance_m: float


class SelectionPanel(QWidget):
    """See the module docstring.

    Signals:
        cameras_to_wall_requested(list camera_ids)
        camera_play_requested(str camera_id): a camera of the list was double-clicked.
        incident_open_requested(str incident_id)
    """

    cameras_to_wall_requested = Signal(list)
    camera_play_requested = Signal(str)
    incident_open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = plain_label(QLabel(self))
        self.title_label.setObjectName("selection_title_label")
        self.title_label.setWordWrap(True)
        self.cameras_caption = QLabel(self)
        self.cameras = QListWidget(self)
        self.cameras.setObjectName("selection_cameras")
        self.units_caption = QLabel(self)
        self.units = QListWidget(self)
        self.units.setObjectName("selection_units")
        self.wall_button = QPushButton(self)
        self.wall_button.setObjectName("selection_cameras_to_wall_button")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("selection_open_incident_button")
        buttons = QHBoxLayout()
        buttons.addWidget(self.wall_button, 1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.cameras_caption)
        layout.addWidget(self.cameras, 2)
        layout.addWidget(self.units_caption)
        layout.addWidget(self.units, 1)
        layout.addLayout(buttons)
        self.incident_id: str | None = None
        self._near_cameras: list[NearCamera] = []
        self._near_units: list[NearUnit] = []
        self._title = ""
        self._retranslate()
        self.show_nothing()
        self.wall_button.clicked.connect(self._on_wall_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.cameras.itemDoubleClicked.connect(self._on_cameras_item_double_clicked)

    def show_nothing(self) -> None:
        self.show_event(None, "", [], [])

    def show_event(
        self,
        incident_id: str | None,
        title: str,
        cameras: Sequence[NearCamera],
        units: Sequence[NearUnit],
    ) -> None:
        self.incident_id = incident_id
        self._title = title
        self._near_cameras = list(cameras)
        self._near_units = list(units)
        self._fill()

    def camera_ids(self) -> list[str]:
        return [camera.camera_id for camera in self._near_cameras]

    def unit_ids(self) -> list[str]:
        return [unit.unit_id for unit in self._near_units]

    def _fill(self) -> None:
        if self.incident_id is None:
            self.title_label.setText(self.tr("Click an event on the map to see what is near it."))
        else:
            self.title_label.setText(self._title)
        self.cameras.clear()
        for camera in self._near_cameras:
            text = fill(
                self.tr("%1 — %2 m, facing it") if camera.facing else self.tr("%1 — %2 m"),
                camera.name,
                round(camera.distance_m),
            )
            if not camera.online:
                text = fill(self.tr("%1 (offline)"), text)
            item = QListWidgetItem(text)
            item.setData(_ID_ROLE, camera.camera_id)
            item.setToolTip(plain_tooltip(camera.name))
            self.cameras.addItem(item)
        self.units.clear()
        for unit in self._near_units:
            item = QListWidgetItem(fill(self.tr("%1 — %2 m"), unit.name, round(unit.distance_m)))
            item.setData(_ID_ROLE, unit.unit_id)
            item.setToolTip(plain_tooltip(unit.name))
            self.units.addItem(item)
        shown = self.incident_id is not None
        for widget in (self.cameras_caption, self.cameras, self.units_caption, self.units):
            widget.setVisible(shown)
        self.wall_button.setVisible(shown)
        self.open_button.setVisible(shown)
        self.wall_button.setEnabled(bool(self._near_cameras))

    def _on_wall_button_clicked(self) -> None:
        if self._near_cameras:
            self.cameras_to_wall_requested.emit(self.camera_ids())

    def _on_open_button_clicked(self) -> None:
        if self.incident_id is not None:
            self.incident_open_requested.emit(self.incident_id)

    def _on_cameras_item_double_clicked(self, item: QListWidgetItem) -> None:
        self.camera_play_requested.emit(str(item.data(_ID_ROLE)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._fill()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.cameras_caption.setText(self.tr("Cameras that see the place (double-click to play):"))
        self.units_caption.setText(self.tr("Nearest available units:"))
        self.wall_button.setText(self.tr("These cameras to the &wall"))
        self.open_button.setText(self.tr("Open the event"))
