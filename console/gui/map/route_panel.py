"""The route guard panel (重大活动安保): the guarded routes, and for the one chosen its
checkpoints and posts, with one button to put the cameras along it on the wall.

The map feature loads the routes on the network lane and draws the chosen one; this panel
only lists and asks. Names from the server are shown as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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

_ROUTE_ID_ROLE = Qt.ItemDataRole.UserRole
_ERROR_STYLE = "color: #c62828;"


class RoutePanel(QWidget):
    """See the module docstring.

    Signals:
        reload_requested(): the operator asked for the list again.
        route_chosen(str route_id)
        cameras_to_wall_requested(str route_id)
    """

    reload_requested = Signal()
    route_chosen = Signal(str)
    cameras_to_wall_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.routes = QListWidget(self)
        self.routes.setObjectName("route_list")
        self.details = plain_label(QLabel(self))
        self.details.setObjectName("route_details_label")
        self.details.setWordWrap(True)
        self.status_label = plain_label(QLabel(self))
        self.status_label.setObjectName("route_status_label")
        self.status_label.setWordWrap(True)
        self.wall_button = QPushButton(self)
        self.wall_button.setObjectName("route_cameras_to_wall_button")
        self.wall_button.setEnabled(False)
        self.reload_button = QPushButton(self)
        self.reload_button.setObjectName("route_reload_button")
        buttons = QHBoxLayout()
        buttons.addWidget(self.wall_button, 1)
        buttons.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.status_label)
        layout.addWidget(self.routes, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self._guards: dict[str, Any] = {}
        self._retranslate()
        self.routes.currentItemChanged.connect(self._on_routes_current_changed)
        self.wall_button.clicked.connect(self._on_wall_button_clicked)
        self.reload_button.clicked.connect(self.reload_requested)

    def show_loading(self) -> None:
        self._show_status(self.tr("Loading the route guards…"), error=False)

    def show_routes(self, guards: Sequence[Any]) -> None:
        current = self.current_route_id()
        self._guards = {guard.id: guard for guard in guards}
        self.routes.blockSignals(True)
        self.routes.clear()
        for guard in guards:
            item = QListWidgetItem(guard.name)
            item.setData(_ROUTE_ID_ROLE, guard.id)
            item.setToolTip(plain_tooltip(guard.name))
            self.routes.addItem(item)
        self.routes.blockSignals(False)
        if not guards:
            self._show_status(self.tr("No route is guarded now."), error=False)
        else:
            self._show_status("", error=False)
        if current in self._guards:
            self.select_route(current)
        else:
            self._show_details(None)

    def show_error(self, text: str) -> None:
        self._show_status(text, error=True)

    def select_route(self, route_id: str) -> bool:
        for row in range(self.routes.count()):
            item = self.routes.item(row)
            if item is not None and item.data(_ROUTE_ID_ROLE) == route_id:
                self.routes.setCurrentRow(row)
                return True
        return False

    def current_route_id(self) -> str | None:
        item = self.routes.currentItem()
        return str(item.data(_ROUTE_ID_ROLE)) if item is not None else None

    def _show_details(self, guard: Any | None) -> None:
        self.wall_button.setEnabled(guard is not None and bool(guard.camera_ids))
        if guard is None:
            self.details.setText("")
            return
        lines = [
            fill(
                self.tr("%1 checkpoints, %2 posts, %3 cameras."),
                len(guard.checkpoints),
                len(guard.posts),
                len(guard.camera_ids),
            )
        ]
        lines += [fill(self.tr("Checkpoint: %1"), _name(place)) for place in guard.checkpoints]
        lines += [fill(self.tr("Post: %1"), _name(place)) for place in guard.posts]
        self.details.setText("\n".join(lines))

    def _show_status(self, text: str, *, error: bool) -> None:
        self.status_label.setStyleSheet(_ERROR_STYLE if error else "")
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _on_routes_current_changed(
        self, current: QListWidgetItem | None, _previous: object
    ) -> None:
        route_id = str(current.data(_ROUTE_ID_ROLE)) if current is not None else None
        self._show_details(self._guards.get(route_id) if route_id else None)
        if route_id:
            self.route_chosen.emit(route_id)

    def _on_wall_button_clicked(self) -> None:
        route_id = self.current_route_id()
        if route_id:
            self.cameras_to_wall_requested.emit(route_id)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            route_id = self.current_route_id()
            self._show_details(self._guards.get(route_id) if route_id else None)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.wall_button.setText(self.tr("Cameras along it to the &wall"))
        self.reload_button.setText(self.tr("Reload"))


def _name(place: Any) -> str:
    return str(place["name"] if isinstance(place, dict) else place.name)
