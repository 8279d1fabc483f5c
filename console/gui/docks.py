"""The docks the main window hosts, and placeholders for the features still to come.

Every dock has a stable object name (``dock_<id>``), which is what ``saveState`` records, so a
feature that later replaces a placeholder's content keeps the operator's saved layout.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget


class DockId(enum.StrEnum):
    CAMERAS = "cameras"
    WALL = "wall"
    MAP = "map"
    INCIDENTS = "incidents"
    ALERTS = "alerts"
    PATROL = "patrol"


def dock_title(dock_id: DockId) -> str:
    """The translated title of a dock (also the text of its View menu entry)."""
    titles = {
        DockId.CAMERAS: QCoreApplication.translate("Docks", "Cameras"),
        DockId.WALL: QCoreApplication.translate("Docks", "Video wall"),
        DockId.MAP: QCoreApplication.translate("Docks", "Map"),
        DockId.INCIDENTS: QCoreApplication.translate("Docks", "Incidents"),
        DockId.ALERTS: QCoreApplication.translate("Docks", "Alerts"),
        DockId.PATROL: QCoreApplication.translate("Docks", "Video patrol"),
    }
    return titles[dock_id]


def placeholder_text(dock_id: DockId) -> str:
    texts = {
        DockId.CAMERAS: QCoreApplication.translate("Docks", "Loading the camera catalogue…"),
        DockId.WALL: QCoreApplication.translate(
            "Docks", "Open a camera from the camera tree to watch it here."
        ),
        DockId.MAP: QCoreApplication.translate("Docks", "The situation map appears here."),
        DockId.INCIDENTS: QCoreApplication.translate("Docks", "Incidents appear here."),
        DockId.ALERTS: QCoreApplication.translate("Docks", "Intelligent alerts appear here."),
        DockId.PATROL: QCoreApplication.translate("Docks", "Patrol plans appear here."),
    }
    return texts[dock_id]


class PlaceholderPanel(QWidget):
    """A quiet, centred line of text standing in for a feature's panel."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text, self)
        self.label.setObjectName("placeholder_label")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setEnabled(False)  # greyed: nothing to act on yet
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)


def make_dock(dock_id: DockId, parent: QWidget, widget: QWidget | None = None) -> QDockWidget:
    """A dock named ``dock_<id>`` holding ``widget`` (or the feature's placeholder)."""
    dock = QDockWidget(dock_title(dock_id), parent)
    dock.setObjectName(f"dock_{dock_id.value}")
    features = (
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    # The wall is what the duty officer watches: no close button to hit by accident (the
    # View menu still hides and shows it).
    if dock_id is not DockId.WALL:
        features |= QDockWidget.DockWidgetFeature.DockWidgetClosable
    dock.setFeatures(features)
    dock.setWidget(widget if widget is not None else PlaceholderPanel(placeholder_text(dock_id)))
    return dock
