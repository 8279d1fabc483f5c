"""The cameras to look at for an incident: the ones it names, then those best placed to show
its place (nearest first among those that can see it; see ``geo.cameras_toward``).

``nearest_cameras`` is plain computation over the catalogue (run it off the GUI thread for
a large one); ``NearestCamerasView`` lists the result with a Play button per camera, which
asks the wall to open it (``Session.play_camera``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.catalog import CameraCatalog
from console.domain.geo import cameras_toward, haversine_m
from console.domain.incident import Incident
from console.domain.model import CameraStatus
from console.gui.plain_text import plain_label, plain_tooltip
from console.text import fill

NEAREST_COUNT = 4
WITHIN_M = 3_000.0


@dataclass(frozen=True, slots=True)
class NearbyCamera:
    """A camera for the incident: ``named`` when the incident itself names it."""

    camera_id: str
    name: str
    distance_m: float | None
    online: bool
    named: bool


def nearest_cameras(
    incident: Incident,
    catalog: CameraCatalog | None,
    camera_ids: Sequence[str],
    *,
    count: int = NEAREST_COUNT,
) -> list[NearbyCamera]:
    """The incident's own cameras, then up to ``count`` others within ``WITHIN_M`` metres:
    those that can show the place first, nearest first, and fixed cameras looking away last.
    ``camera_ids`` is the catalogue's id list, read on the GUI thread."""
    found: list[NearbyCamera] = []
    for camera_id in incident.camera_ids:
        if catalog is not None and camera_id in catalog:
            camera = catalog.camera(camera_id)
            found.append(
                NearbyCamera(
                    camera_id,
                    camera.name,
                    haversine_m(incident.position, camera.position),
                    camera.status is CameraStatus.ONLINE,
                    True,
                )
            )
        else:
            found.append(NearbyCamera(camera_id, camera_id, None, False, True))
    if catalog is None:
        return found
    named = set(incident.camera_ids)
    candidates = (
        catalog.camera(camera_id)
        for camera_id in camera_ids
        if camera_id not in named and camera_id in catalog
    )
    for ranked in cameras_toward(incident.position, candidates, count, WITHIN_M):
        camera = ranked.camera
        found.append(
            NearbyCamera(
                camera.id,
                camera.name,
                ranked.distance_m,
                camera.status is CameraStatus.ONLINE,
                False,
            )
        )
    return found


class NearestCamerasView(QWidget):
    """One row per camera: its name, how far, and Play.

    Signals:
        play_requested(str): the operator pressed Play for this camera id.
    """

    play_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 1)
        outer.addLayout(self._grid)
        outer.addStretch(1)
        self.cameras: list[NearbyCamera] = []
        self._rows: list[QWidget] = []
        self._empty = plain_label(QLabel(self))
        self._grid.addWidget(self._empty, 0, 0, 1, 3)
        self._show_empty()

    def _show_empty(self) -> None:
        self._empty.setText(self.tr("No cameras near this place."))
        self._empty.setVisible(not self.cameras)

    def set_cameras(self, cameras: Sequence[NearbyCamera]) -> None:
        if list(cameras) == self.cameras:
            return
        self.cameras = list(cameras)
        for widget in self._rows:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self._rows = []
        for row, camera in enumerate(self.cameras, start=1):
            name = plain_label(QLabel(camera.name, self))
            name.setToolTip(plain_tooltip(camera.camera_id))
            where = plain_label(QLabel(self._where(camera), self))
            play = QPushButton(self.tr("Play"), self)
            play.setObjectName("play_camera")
            play.setProperty("camera_id", camera.camera_id)
            play.setEnabled(camera.online)
            play.clicked.connect(self._play(camera.camera_id))
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(where, row, 1)
            self._grid.addWidget(play, row, 2)
            self._rows.extend((name, where, play))
        self._show_empty()

    def _play(self, camera_id: str) -> Callable[[], None]:
        return lambda: self.play_requested.emit(camera_id)

    def _where(self, camera: NearbyCamera) -> str:
        if camera.distance_m is None:
            text = self.tr("named by the event")
        elif camera.distance_m < 1000:
            text = fill(self.tr("%1 m"), round(camera.distance_m))
        else:
            text = fill(self.tr("%1 km"), f"{camera.distance_m / 1000:.1f}")
        if camera.named and camera.distance_m is not None:
            text = fill(self.tr("%1, named by the event"), text)
        if not camera.online:
            text = fill(self.tr("%1, offline"), text)
        return text

    def play_buttons(self) -> list[QPushButton]:
        return [w for w in self._rows if isinstance(w, QPushButton)]
