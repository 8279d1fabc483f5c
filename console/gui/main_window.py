"""The console's main window: a host for the feature docks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow


class MainWindow(QMainWindow):
    """Hosts the docks (camera tree, video wall, map, incidents, alerts) and the status bar."""

    def __init__(self, server_url: str | None = None) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Tianmu operator console"))
        placeholder = QLabel(self.tr("Connected to %1").replace("%1", server_url or "-"))
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(placeholder)
        self.resize(1600, 900)
