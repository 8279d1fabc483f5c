"""The camera tree as a Qt item model: a thin, lazy adapter over a CameraCatalog."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from console.catalog.cameras import CameraCatalog, CatalogNode, NodeKind
from console.gui.camera_tree import display
from console.gui.camera_tree.bridge import ModelBridge
from console.gui.camera_tree.icons import TreeIcon, tree_icon
from console.gui.camera_tree.roles import (
    CAMERA_ID_ROLE,
    COUNTS_ROLE,
    FAVOURITE_ROLE,
    REGION_ID_ROLE,
    SHARED_ROLE,
    SORT_KEY_ROLE,
    STATUS_ROLE,
)
from console.gui.mime import CAMERA_IDS_MIME

logger = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex

_ROOT = QModelIndex()  # the invisible root; a shared default argument
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_CAMERA_ROLES = [_DECORATION, _TOOLTIP, _FOREGROUND, STATUS_ROLE, SHARED_ROLE, FAVOURITE_ROLE]
_REGION_ROLES = [_DISPLAY, _TOOLTIP, COUNTS_ROLE]


class CameraTreeModel(QAbstractItemModel):
    """Regions → towns → villages → cameras, straight from a CameraCatalog.

    Nothing is copied: each index carries the catalog node's integer key, and rows are
    produced only when a view asks. Region rows read ``name (online/total)``. Catalog
    changes arrive through a bridge; status bursts are gathered for ``coalesce_ms`` and then
    reported as ``dataChanged`` for just the touched camera rows and their ancestors.

    Signals: only QAbstractItemModel's own.
    """

    def __init__(
        self, catalog: CameraCatalog, parent: QObject | None = None, *, coalesce_ms: int = 100
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._dirty_cameras: set[str] = set()
        self._dirty_regions: set[int] = set()
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(coalesce_ms)
        self._flush_timer.timeout.connect(self._on_flush_timer_timeout)
        self._bridge = ModelBridge(self)
        catalog.add_observer(self._bridge)

    @property
    def catalog(self) -> CameraCatalog:
        return self._catalog

    # ------------------------------------------------------------------ structure

    def _node(self, index: AnyIndex) -> CatalogNode | None:
        return self._catalog.node(index.internalId()) if index.isValid() else None

    def _children(self, parent: AnyIndex) -> list[CatalogNode]:
        node = self._node(parent)
        return self._catalog.roots if node is None else node.children

    def index_of_node(self, node: CatalogNode) -> QModelIndex:
        return self.createIndex(node.row, 0, node.key)

    def index_of_camera(self, camera_id: str) -> QModelIndex:
        """The index of a camera row (invalid when the camera is unknown)."""
        if camera_id not in self._catalog:
            return QModelIndex()
        return self.index_of_node(self._catalog.camera_node(camera_id))

    def index_of_region(self, region_id: str) -> QModelIndex:
        try:
            return self.index_of_node(self._catalog.region_node(region_id))
        except KeyError:
            return QModelIndex()

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if column != 0 or row < 0 or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        children = self._children(parent)
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row].key)

    def parent(self, child: AnyIndex | None = None) -> Any:
        if child is None:  # QObject.parent()
            return super().parent()
        node = self._node(child)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.index_of_node(node.parent)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if parent.column() > 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 1

    def hasChildren(self, parent: AnyIndex = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    # ------------------------------------------------------------------ data

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if node.kind is NodeKind.CAMERA:
            return self._camera_data(node, role)
        return self._region_data(node, role)

    def _camera_data(self, node: CatalogNode, role: int) -> Any:
        catalog, camera_id = self._catalog, node.item_id
        if role == _DISPLAY:
            return catalog.camera(camera_id).name
        if role == _DECORATION:
            return display.camera_icon(catalog, camera_id)
        if role == _FOREGROUND:
            return None if catalog.is_shared(camera_id) else display.greyed_brush()
        if role == _TOOLTIP:
            return display.camera_tooltip(catalog, camera_id)
        if role == SORT_KEY_ROLE:
            return node.sort_key
        if role == CAMERA_ID_ROLE:
            return camera_id
        if role == STATUS_ROLE:
            return catalog.camera(camera_id).status.value
        if role == SHARED_ROLE:
            return catalog.is_shared(camera_id)
        if role == FAVOURITE_ROLE:
            return catalog.is_favourite(camera_id)
        return None

    def _region_data(self, node: CatalogNode, role: int) -> Any:
        if role == _DISPLAY:
            name = self._catalog.region(node.item_id).name
            return f"{name} ({node.online}/{node.total})"
        if role == _DECORATION:
            return tree_icon(TreeIcon.REGION)
        if role == _TOOLTIP:
            return display.region_tooltip(self._catalog, node.item_id)
        if role == SORT_KEY_ROLE:
            return node.sort_key
        if role == REGION_ID_ROLE:
            return node.item_id
        if role == COUNTS_ROLE:
            return (node.online, node.total)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        if node.kind is NodeKind.CAMERA:
            return display.camera_flags(self._catalog, node.item_id)
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------------ drag

    def mimeTypes(self) -> list[str]:
        return [CAMERA_IDS_MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        return display.camera_mime_data(self._catalog, list(indexes))

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    # ------------------------------------------------------------------ catalog events

    def camera_will_be_added(self, parent: CatalogNode, row: int) -> None:
        self.beginInsertRows(self.index_of_node(parent), row, row)

    def camera_was_added(self, node: CatalogNode) -> None:
        self.endInsertRows()
        self._mark_ancestors(node)

    def camera_will_be_removed(self, node: CatalogNode) -> None:
        assert node.parent is not None
        self.beginRemoveRows(self.index_of_node(node.parent), node.row, node.row)
        self._mark_ancestors(node)

    def camera_was_removed(self, camera_id: str) -> None:
        self.endRemoveRows()
        self._dirty_cameras.discard(camera_id)

    def cameras_changed(self, camera_ids: Sequence[str]) -> None:
        self._dirty_cameras.update(camera_ids)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def favourites_changed(self, camera_ids: Sequence[str]) -> None:
        pass  # the flag itself arrives through cameras_changed

    def _mark_ancestors(self, node: CatalogNode) -> None:
        self._dirty_regions.update(region.key for region in node.ancestors())
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush_changes(self) -> None:
        """Report gathered changes now instead of waiting for the timer."""
        self._flush_timer.stop()
        self._on_flush_timer_timeout()

    def _on_flush_timer_timeout(self) -> None:
        catalog = self._catalog
        rows_by_parent: dict[int, list[int]] = {}
        regions = self._dirty_regions
        for camera_id in self._dirty_cameras:
            if camera_id not in catalog:
                continue
            node = catalog.camera_node(camera_id)
            assert node.parent is not None
            rows_by_parent.setdefault(node.parent.key, []).append(node.row)
            regions.update(region.key for region in node.ancestors())
        self._dirty_cameras = set()
        self._dirty_regions = set()

        for parent_key, rows in rows_by_parent.items():
            parent_index = self.index_of_node(catalog.node(parent_key))
            for first, last in _runs(sorted(rows)):
                self.dataChanged.emit(
                    self.index(first, 0, parent_index),
                    self.index(last, 0, parent_index),
                    _CAMERA_ROLES,
                )
        for key in regions:
            try:
                index = self.index_of_node(catalog.node(key))
            except KeyError:
                continue
            self.dataChanged.emit(index, index, _REGION_ROLES)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        elif not runs or runs[-1][1] != row:
            runs.append((row, row))
    return runs
