"""How a camera or region looks in any camera view: text, icon, tooltip, colour, flags.

Shared by the tree, the search results and the favourites list so the three always agree.
Strings go through the ``CameraTree`` translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QBrush, QGuiApplication, QIcon, QPalette

from console.catalog.cameras import CameraCatalog
from console.domain.model import CameraStatus
from console.gui.camera_tree.icons import TreeIcon, tree_icon
from console.gui.camera_tree.roles import CAMERA_ID_ROLE
from console.gui.mime import encode_camera_ids
from console.gui.plain_text import plain_tooltip
from console.text import fill

CAMERA_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
DRAGGABLE_CAMERA_FLAGS = CAMERA_FLAGS | Qt.ItemFlag.ItemIsDragEnabled


def status_text(status: CameraStatus) -> str:
    if status is CameraStatus.ONLINE:
        return QCoreApplication.translate("CameraTree", "Online")
    return QCoreApplication.translate("CameraTree", "Offline")


def camera_icon(catalog: CameraCatalog, camera_id: str) -> QIcon:
    if not catalog.is_shared(camera_id):
        return tree_icon(TreeIcon.CAMERA_NOT_SHARED)
    if catalog.camera(camera_id).status is CameraStatus.ONLINE:
        return tree_icon(TreeIcon.CAMERA_ONLINE)
    return tree_icon(TreeIcon.CAMERA_OFFLINE)


def greyed_brush() -> QBrush:
    """The palette's disabled text colour: readable on light and dark themes alike."""
    palette = QGuiApplication.palette()
    return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def region_path_text(catalog: CameraCatalog, camera_id: str) -> str:
    return " / ".join(region.name for region in catalog.region_path(camera_id))


def camera_tooltip(catalog: CameraCatalog, camera_id: str) -> str:
    """The camera's tooltip; names come from the server and are shown as written."""
    camera = catalog.camera(camera_id)
    lines = [
        camera.name,
        fill(QCoreApplication.translate("CameraTree", "ID: %1"), camera.id),
        fill(QCoreApplication.translate("CameraTree", "Status: %1"), status_text(camera.status)),
        fill(
            QCoreApplication.translate("CameraTree", "Location: %1"),
            region_path_text(catalog, camera_id),
        ),
    ]
    if not catalog.is_shared(camera_id):
        lines.append(QCoreApplication.translate("CameraTree", "Not shared with your department"))
    if catalog.is_favourite(camera_id):
        lines.append(QCoreApplication.translate("CameraTree", "In favourites"))
    return plain_tooltip("\n".join(lines))


def region_tooltip(catalog: CameraCatalog, region_id: str) -> str:
    """The region's tooltip; its name and code are shown as written."""
    region = catalog.region(region_id)
    online, total = catalog.counts(region_id)
    return plain_tooltip(
        "\n".join(
            [
                region.name,
                fill(QCoreApplication.translate("CameraTree", "Code: %1"), region.code),
                fill(
                    QCoreApplication.translate("CameraTree", "%1 of %2 cameras online"),
                    online,
                    total,
                ),
            ]
        )
    )


def camera_flags(catalog: CameraCatalog, camera_id: str) -> Qt.ItemFlag:
    # A camera the operator may not view cannot be dragged onto the wall or the map.
    return DRAGGABLE_CAMERA_FLAGS if catalog.is_shared(camera_id) else CAMERA_FLAGS


def draggable_camera_ids(catalog: CameraCatalog, indexes: list[QModelIndex]) -> list[str]:
    """Camera ids of ``indexes`` that may be dragged, first-seen order, no duplicates."""
    ids: dict[str, None] = {}
    for index in indexes:
        camera_id = index.data(CAMERA_ID_ROLE)
        if camera_id and camera_id in catalog and catalog.is_shared(camera_id):
            ids[camera_id] = None
    return list(ids)


def camera_mime_data(catalog: CameraCatalog, indexes: list[QModelIndex]) -> QMimeData | None:
    ids = draggable_camera_ids(catalog, indexes)
    return encode_camera_ids(ids) if ids else None
