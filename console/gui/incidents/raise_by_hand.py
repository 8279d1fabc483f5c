"""Raising an event by hand, for a 12345 hotline call: the "Raise event…" action.

The action (in the Incidents menu, Ctrl+Shift+E) reads the towns and villages from the store
on the store lane, then opens the raise-event dialog without a camera: the operator names
the caller and picks the place from a camera found by name in the session's catalogue, a
town or village, or typed coordinates.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from console.domain.incident import IncidentSource
from console.domain.model import Camera, GeoPoint, Region
from console.gui.incidents.raise_dialog import Enqueue, RaiseEventDialog
from console.gui.session import Session
from console.store import Store
from console.tasks import STORE

SHORTCUT = "Ctrl+Shift+E"
CAMERAS_LISTED = 50


def read_regions(store: Store) -> list[Region]:
    return store.regions.all()


class RaiseByHand(QObject):
    """The hand-raise action and the dialog it opens; ``dialog`` is the last one opened.

    Signals:
        dialog_opened(object): a RaiseEventDialog for a hand-raised event is shown.
    """

    dialog_opened = Signal(object)

    def __init__(self, session: Session, enqueue: Enqueue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._enqueue = enqueue
        self._opening = False
        self._position: GeoPoint | None = None
        self.dialog: RaiseEventDialog | None = None
        self.action = QAction(self.tr("&Raise event…"), self)
        self.action.setObjectName("raise_by_hand_action")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.setStatusTip(
            self.tr("Raise an event by hand, for a 12345 hotline call or a report in person")
        )
        self.action.triggered.connect(self._on_action_triggered)
        self.menu = QMenu(self.tr("&Incidents"), session.window)
        self.menu.setObjectName("incidents_menu")
        self.menu.addAction(self.action)
        session.window.add_feature_menu(self.menu)
        # The shortcut works wherever the focus is in the window, menu bar shown or not.
        session.window.addAction(self.action)
        session.signals.raise_at_requested.connect(self.open_at)

    def open(self) -> None:
        """Open the dialog once the towns and villages are read (store lane)."""
        if self._session.closed or self._opening:
            return
        self._opening = True
        self._session.runner.run(
            STORE,
            read_regions,
            self._session.store,
            on_done=self._open_dialog,
            on_error=lambda _error: self._open_dialog([]),
        )

    def open_at(self, lat: float, lon: float) -> None:
        """Open the dialog with the place already given (the map's "Raise event here")."""
        if self._session.closed or self._opening:
            return
        self._position = GeoPoint(lat, lon)
        self.open()

    def close(self) -> None:
        self._session.window.remove_feature_menu(self.menu)
        self._session.window.removeAction(self.action)
        self.menu.deleteLater()

    def find_cameras(self, text: str) -> Sequence[Camera]:
        """Cameras of the session's catalogue whose name or code contains ``text``."""
        catalog = self._session.cameras.catalog
        if catalog is None:
            return []
        return [catalog.camera(camera_id) for camera_id in catalog.search(text)[:CAMERAS_LISTED]]

    def _on_action_triggered(self) -> None:
        self.open()

    def _open_dialog(self, regions: list[Region]) -> None:
        self._opening = False
        position, self._position = self._position, None
        if self._session.closed:
            return
        dialog = RaiseEventDialog(
            self._enqueue,
            position=position,
            source=IncidentSource.HOTLINE_12345 if position is None else IncidentSource.OPERATOR,
            regions=regions,
            find_cameras=self.find_cameras,
            runner=self._session.runner,
            parent=self._session.window,
        )
        dialog.setObjectName("raise_by_hand_dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # The map answers "Pick on map"; a dialog that did not ask ignores the answer.
        dialog.offer_map_pick()
        dialog.map_pick_requested.connect(self._session.signals.location_pick_requested)
        self._session.signals.location_picked.connect(dialog.place_picked_on_map)
        self.dialog = dialog
        dialog.show()
        self.dialog_opened.emit(dialog)
