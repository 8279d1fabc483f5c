"""What every feature of a signed-in session is handed: the ``Session``.

A feature (camera tree, wall, incidents, diagnostics, ...) receives one ``Session`` and
contributes its docks, actions and status fields to the main window it hosts. Features never
reach into each other's widgets: they ask through the session (``play_camera``) or listen to
its signals, and the composition root (``console.app``) connects the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.catalog import CameraCatalog
from console.client import BackendClient
from console.domain.model import Camera, CameraStatus, User
from console.gui.main_window import MainWindow
from console.gui.wall.session_wall import Availability
from console.settings import Settings
from console.store import Store
from console.tasks import STORE, TaskRunner


class SessionSignals(QObject):
    """The session's event bus, on the GUI thread.

    Signals:
        store_updated(object): a StoreUpdate from the live event stream is in the store.
        connection_changed(str, int): a ConnectionState value and the failed attempts.
        pending_counted(int): this many operator actions wait to be sent.
        camera_play_requested(str): a feature asks the wall to play this camera.
        incident_requested(str): a feature asks the incidents panel to show this incident.
        verification_requested(str): a feature asks for the verification view of this
            incident (核查).
        action_queued(object): an operator action is in the outbox (the OutboxItem).
        cameras_show_requested(list): a feature asks the wall to show these cameras on its
            current page (the map's box selection, an event's nearest cameras, a route).
        raise_at_requested(float, float): a feature asks for the raise-event dialog at this
            WGS-84 latitude and longitude (the map's "Raise event here").
        location_pick_requested(): a raise-event dialog asks the map for a place.
        location_picked(object): the map's answer, a GeoPoint (None: picking was cancelled).
    """

    store_updated = Signal(object)
    connection_changed = Signal(str, int)
    pending_counted = Signal(int)
    camera_play_requested = Signal(str)
    incident_requested = Signal(str)
    verification_requested = Signal(str)
    action_queued = Signal(object)
    cameras_show_requested = Signal(list)
    raise_at_requested = Signal(float, float)
    location_pick_requested = Signal()
    location_picked = Signal(object)


class CameraLookup:
    """Names and availability of the cameras in the catalogue the camera tree shows.

    Before a catalogue shows, every camera is unknown: its id stands for its name and
    nothing is said about its video.
    """

    def __init__(self) -> None:
        self.catalog: CameraCatalog | None = None

    def camera(self, camera_id: str) -> Camera | None:
        catalog = self.catalog
        if catalog is None or camera_id not in catalog:
            return None
        return catalog.camera(camera_id)

    def name(self, camera_id: str) -> str:
        camera = self.camera(camera_id)
        return camera_id if camera is None else camera.name

    def availability(self, camera_id: str) -> Availability | None:
        """What the catalogue says about a camera's video (None: it should play)."""
        catalog = self.catalog
        if catalog is None:
            return None
        # The catalogue holds every camera this operator may see.
        if camera_id not in catalog or not catalog.is_shared(camera_id):
            return Availability.NOT_SHARED
        if catalog.camera(camera_id).status is not CameraStatus.ONLINE:
            return Availability.OFFLINE
        return None


@dataclass(eq=False)
class Session:
    """One signed-in session as its features see it.

    ``window`` is the host: features add docks, menus and status fields to it and nothing
    else. ``closed`` turns true when the session ends; late callbacks check it.
    """

    settings: Settings
    runner: TaskRunner
    client: BackendClient
    user: User
    store: Store
    window: MainWindow
    signals: SessionSignals
    cameras: CameraLookup = field(default_factory=CameraLookup)
    closed: bool = False

    def play_camera(self, camera_id: str) -> None:
        """Ask the wall to open ``camera_id`` on its current page."""
        self.signals.camera_play_requested.emit(camera_id)

    def show_cameras(self, camera_ids: list[str]) -> None:
        """Ask the wall to show ``camera_ids`` on its current page."""
        self.signals.cameras_show_requested.emit(list(camera_ids))

    def queue_action(
        self,
        kind: str,
        method: str,
        path: str,
        body: Mapping[str, Any],
        *,
        title: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **options: Any,
    ) -> None:
        """Put one operator action into the outbox, on the store lane (never on the GUI
        thread). ``options`` go to ``Outbox.enqueue`` (``summary`` is required there,
        ``files``, ``entity``...). ``title`` names the work for the task list.
        ``action_queued`` follows once it is on disk."""
        if self.closed:
            raise RuntimeError("the session has ended")
        outbox = self.store.outbox

        def enqueue() -> object:
            return outbox.enqueue(kind, method, path, body, **options)

        def queued(item: Any) -> None:
            if not self.closed:
                self.signals.action_queued.emit(item)
            if on_done is not None:
                on_done(item)

        self.runner.run(STORE, enqueue, on_done=queued, on_error=on_error, title=title)
