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
from console.gui.incidents.raise_dialog import RaiseEventDialog, raise_event_from_camera
from console.gui.session import Session
from console.tasks import NET


def fetch_camera(client: BackendClient, camera_id: str) -> Camera:
    return client.camera(camera_id).to_domain()


class IncidentsFeature(QObject):
    """Contributes the raise-event flow; ``dialog`` is the last raise-event dialog opened.

    Signals:
        raise_dialog_opened(object): a RaiseEventDialog is shown.
    """

    raise_dialog_opened = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.dialog: RaiseEventDialog | None = None

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
        (files copied and synced), never on the GUI thread."""
        self._session.queue_action(
            kind,
            method,
            path,
            body,
            title=QCoreApplication.translate("Console", "Queuing the event for the server"),
            **options,
        )
