"""The camera tree as a feature of the session: the Cameras dock.

Until a catalogue shows, the dock says why it is missing (``CatalogueStatusPanel``) and
offers to retry. The catalogue shows first from the local store's cached copy, then from the
server's working set once it is stored; either is indexed off the GUI thread. Opening a
camera asks the session to play it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from console.catalog import CameraCatalog
from console.client import StoreUpdate
from console.domain.model import Camera, Region
from console.gui.camera_tree.loading import CatalogueRetry, CatalogueStatusPanel
from console.gui.camera_tree.panel import CameraTreePanel
from console.gui.docks import DockId
from console.gui.session import Session
from console.store import Store
from console.tasks import NET, STORE


def load_catalogue(store: Store) -> tuple[list[Region], list[Camera]]:
    return store.regions.all(), store.cameras.query()


def build_catalog(
    regions: list[Region], cameras: list[Camera], favourites: list[str], shown_key: int | None
) -> tuple[int, CameraCatalog] | None:
    """Index the catalogue off the GUI thread; None when it is what the tree already shows."""
    key = hash(
        (
            tuple(sorted((r.id, r.name, r.parent_id or "") for r in regions)),
            tuple(sorted((c.id, c.name, c.region_id, c.status.value) for c in cameras)),
        )
    )
    if key == shown_key:
        return None
    return key, CameraCatalog(regions, cameras, favourites=favourites)


class CameraTreeFeature(QObject):
    """Contributes the Cameras dock and keeps the session's camera lookup current.

    ``retry`` paces new attempts at the working set after a failure (1 s doubling to 30 s,
    or at once from "Retry now"); its ``retry_due`` is for whoever fetches it.

    Signals:
        catalogue_shown(int): the tree now shows a catalogue of this many cameras.
    """

    catalogue_shown = Signal(int)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.catalog: CameraCatalog | None = None
        self.panel: CameraTreePanel | None = None
        self._catalogue_key: int | None = None
        self._fresh_shown = False
        self.retry = CatalogueRetry(self)
        session.window.set_dock_widget(DockId.CAMERAS, CatalogueStatusPanel(self.retry))

    def start(self) -> None:
        """Show the store's cached catalogue while the server's copy is on its way."""
        self._session.runner.run(
            STORE,
            load_catalogue,
            self._session.store,
            on_done=self._on_cached_catalogue_loaded,
            title=QCoreApplication.translate("Console", "Reading the camera catalogue"),
        )

    def close(self) -> None:
        self.retry.stop()

    def show_stored(self, catalogue: tuple[list[Region], list[Camera]]) -> None:
        """Show the server's catalogue, just stored from a fresh working set."""
        self.retry.succeeded()
        self._prepare_catalogue(*catalogue, fresh=True)

    def refresh_failed(self, error: BaseException) -> None:
        self.retry.failed(error)

    def apply_update(self, update: StoreUpdate) -> None:
        """Follow the camera statuses a batch of live events brought."""
        if update.camera_status and self.catalog is not None:
            self.catalog.set_statuses(dict(update.camera_status))

    def _on_cached_catalogue_loaded(self, data: tuple[list[Region], list[Camera]]) -> None:
        regions, cameras = data
        if cameras and self._catalogue_key is None:
            self._prepare_catalogue(regions, cameras, fresh=False)

    def _prepare_catalogue(
        self, regions: list[Region], cameras: list[Camera], *, fresh: bool
    ) -> None:
        favourites = self.catalog.favourites() if self.catalog is not None else []
        self._session.runner.run(
            NET,
            build_catalog,
            regions,
            cameras,
            favourites,
            self._catalogue_key,
            on_done=lambda built: self._on_catalog_built(built, fresh),
            title=QCoreApplication.translate("Console", "Indexing the camera catalogue"),
        )

    def _on_catalog_built(self, built: tuple[int, CameraCatalog] | None, fresh: bool) -> None:
        if built is None or self._session.closed or built[0] == self._catalogue_key:
            return
        if not fresh and self._fresh_shown:
            return  # the server's copy arrived first; the cached one is older
        self._fresh_shown = self._fresh_shown or fresh
        self._catalogue_key, self.catalog = built
        self._session.cameras.catalog = self.catalog
        self.panel = CameraTreePanel(self.catalog, retry=self.retry)
        self.panel.camera_open_requested.connect(self._session.play_camera)
        self._session.window.set_dock_widget(DockId.CAMERAS, self.panel)
        self.catalogue_shown.emit(len(self.catalog))
