"""Raising events (上报) as a feature of the session.

Opens the raise-event dialog for a camera (from a tile or a patrol verdict), with the camera
taken from the session's lookup or, when the catalogue does not have it yet, from the server;
the dialog's actions go into the session's outbox on the store lane.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from console.client import BackendClient
from console.domain.incident import IncidentSource
from console.domain.model import Camera
from console.gui.docks import DockId
from console.gui.incidents.panel import IncidentListPanel
from console.gui.incidents.raise_by_hand import RaiseByHand
from console.gui.incidents.raise_dialog import RaiseEventDialog, raise_event_from_camera
from console.gui.incidents.raise_pending import queue_raise
from console.gui.session import Session
from console.tasks import NET


def fetch_camera(client: BackendClient, camera_id: str) -> Camera:
    return client.camera(camera_id).to_domain()


class IncidentsFeature(QObject):
    """Contributes the raise-event flow and the Incidents dock (``list_panel``: the list with
    the detail pane); ``dialog`` is the last raise-event dialog opened.

    Signals:
        raise_dialog_opened(object): a RaiseEventDialog is shown.
    """

    raise_dialog_opened = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.dialog: RaiseEventDialog | None = None
        # "Raise event…" by hand (hotline calls): its dialogs count as this feature's.
        self.by_hand = RaiseByHand(session, self._queue_event, parent=self)
        self.by_hand.dialog_opened.connect(self._on_by_hand_dialog_opened)
        # The Incidents dock: the list with the detail pane beside it.
        self.list_panel = IncidentListPanel(session)
        session.window.set_dock_widget(DockId.INCIDENTS, self.list_panel)
        session.signals.store_updated.connect(self.list_panel.apply_update)
        session.signals.incident_requested.connect(self.list_panel.show_incident)
        self.list_panel.start()

    def incident_renamed(self, local_id: str, server_id: str) -> None:
        """An event raised offline now has the server's id ``server_id``."""
        self.list_panel.incident_renamed(local_id, server_id)

    def reload(self) -> None:
        """Read the list again from the store (after a full refresh of the working set)."""
        self.list_panel.reload()

    def _on_by_hand_dialog_opened(self, dialog: RaiseEventDialog) -> None:
        self.dialog = dialog
        self.raise_dialog_opened.emit(dialog)

    def raise_from_camera(self, camera_id: str, snapshot_path: str, source: str) -> None:
        """Open the raise-event dialog for ``camera_id`` (``source``: an IncidentSource value)."""
        if self._session.closed:
            return
        camera = self._session.cameras.camera(camera_id)
        if camera is not None:
            self._open_raise_dialog(camera, snapshot_path, source)
            return
        self._session.runner.run(
            NET,
            fetch_camera,
            self._session.client,
            camera_id,
            on_done=lambda camera: self._open_raise_dialog(camera, snapshot_path, source),
            title=QCoreApplication.translate("Console", "Reading the camera"),
        )

    def _open_raise_dialog(self, camera: Camera, snapshot_path: str, source: str) -> None:
        if self._session.closed:
            return
        dialog = raise_event_from_camera(
            self._session.window,
            camera,
            snapshot_path or None,
            self._queue_event,
            source=IncidentSource(source),
            runner=self._session.runner,
        )
        dialog.setObjectName("raise_event_dialog")
        self.dialog = dialog
        self.raise_dialog_opened.emit(dialog)

    def _queue_event(self, kind: str, method: str, path: str, body: Any, **options: Any) -> None:
        """The raise-event dialog's outbox hand-over: the write happens on the store lane
        (files copied and synced), never on the GUI thread; a stand-in shows it as pending."""
        queue_raise(self._session, path, body, kind=kind, method=method, **options)
