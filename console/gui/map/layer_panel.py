"""The map's layer switches and legend: a check box per layer, and under each the colours
the page draws its features in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.gui.map.layers import Layer

# The colours the page draws in (resources/map/tianmu_map.css and .js), by layer and entry.
LEGEND: dict[Layer, tuple[tuple[str, str], ...]] = {
    Layer.CAMERAS: (("online", "#2e9d4f"), ("offline", "#8a8f98")),
    Layer.EVENTS: (("P1", "#e03131"), ("P2", "#f76707"), ("P3", "#f59f00"), ("P4", "#1c7ed6"),
                   ("overdue", "#e03131")),
    Layer.UNITS: (("available", "#0b7285"), ("dispatched", "#f08c00"), ("en_route", "#1f6feb"),
                  ("on_scene", "#c2255c"), ("returning", "#5f3dc4"),
                  ("out_of_service", "#868e96")),
    Layer.ALERTS: (("alert_urgent", "#fa5252"), ("alert", "#fd7e14")),
    Layer.COVERAGE: (("seen", "#17a2b8"),),
    Layer.TRACK: (("track", "#7048e8"),),
    Layer.ROUTE: (("path", "#d9480f"), ("checkpoint", "#d9480f"), ("post", "#212529")),
}  # fmt: skip

# Patrol coverage is for reviewing the shift: off until asked for. The track and the route
# are empty until a search or a route is chosen.
SHOWN_AT_START = frozenset(
    {Layer.CAMERAS, Layer.EVENTS, Layer.UNITS, Layer.ALERTS, Layer.TRACK, Layer.ROUTE}
)


def layer_title(layer: Layer) -> str:
    titles = {
        Layer.CAMERAS: QCoreApplication.translate("MapLayers", "Cameras"),
        Layer.EVENTS: QCoreApplication.translate("MapLayers", "Events"),
        Layer.UNITS: QCoreApplication.translate("MapLayers", "Units (10-minute trail)"),
        Layer.ALERTS: QCoreApplication.translate("MapLayers", "Alerts"),
        Layer.COVERAGE: QCoreApplication.translate("MapLayers", "Patrol coverage this shift"),
        Layer.TRACK: QCoreApplication.translate("MapLayers", "Vehicle track"),
        Layer.ROUTE: QCoreApplication.translate("MapLayers", "Route guard"),
    }
    return titles[layer]


def legend_text(key: str) -> str:
    texts = {
        "online": QCoreApplication.translate("MapLayers", "online"),
        "offline": QCoreApplication.translate("MapLayers", "offline"),
        "P1": QCoreApplication.translate("MapLayers", "P1 urgent"),
        "P2": QCoreApplication.translate("MapLayers", "P2 high"),
        "P3": QCoreApplication.translate("MapLayers", "P3 normal"),
        "P4": QCoreApplication.translate("MapLayers", "P4 low"),
        "overdue": QCoreApplication.translate("MapLayers", "overdue (pulsing)"),
        "available": QCoreApplication.translate("MapLayers", "available"),
        "dispatched": QCoreApplication.translate("MapLayers", "dispatched"),
        "en_route": QCoreApplication.translate("MapLayers", "on the way"),
        "on_scene": QCoreApplication.translate("MapLayers", "on scene"),
        "returning": QCoreApplication.translate("MapLayers", "returning"),
        "out_of_service": QCoreApplication.translate("MapLayers", "out of service"),
        "alert_urgent": QCoreApplication.translate("MapLayers", "urgent alert (new ones flash)"),
        "alert": QCoreApplication.translate("MapLayers", "other open alert"),
        "seen": QCoreApplication.translate("MapLayers", "camera seen on patrol"),
        "track": QCoreApplication.translate("MapLayers", "passes in time order"),
        "path": QCoreApplication.translate("MapLayers", "route"),
        "checkpoint": QCoreApplication.translate("MapLayers", "checkpoint"),
        "post": QCoreApplication.translate("MapLayers", "post"),
    }
    return texts[key]


class Swatch(QWidget):
    """A small filled circle in a legend colour."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = QColor(colour)
        self.setFixedSize(12, 12)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.colour.darker(130))
        painter.setBrush(self.colour)
        painter.drawEllipse(1, 1, 10, 10)


class LayerPanel(QWidget):
    """Check boxes for the layers, with their legends.

    Signals:
        layer_toggled(str layer, bool visible)
    """

    layer_toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[Layer, QCheckBox] = {}
        self._legend_labels: list[tuple[QLabel, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        for layer in Layer:
            box = QCheckBox(layer_title(layer), self)
            box.setObjectName(f"layer_{layer.value}_box")
            box.setChecked(layer in SHOWN_AT_START)
            box.toggled.connect(
                lambda checked, name=layer.value: self._on_box_toggled(name, checked)
            )
            self.boxes[layer] = box
            layout.addWidget(box)
            for key, colour in LEGEND[layer]:
                row = QHBoxLayout()
                row.setContentsMargins(24, 0, 0, 0)
                row.setSpacing(6)
                row.addWidget(Swatch(colour, self))
                label = QLabel(legend_text(key), self)
                self._legend_labels.append((label, key))
                row.addWidget(label, 1)
                layout.addLayout(row)
            layout.addSpacing(4)
        layout.addStretch(1)

    def is_shown(self, layer: Layer) -> bool:
        return self.boxes[layer].isChecked()

    def set_shown(self, layer: Layer, shown: bool) -> None:
        self.boxes[layer].setChecked(shown)

    def _on_box_toggled(self, layer: str, checked: bool) -> None:
        self.layer_toggled.emit(layer, checked)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            for layer, box in self.boxes.items():
                box.setText(layer_title(layer))
            for label, key in self._legend_labels:
                label.setText(legend_text(key))
        super().changeEvent(event)
