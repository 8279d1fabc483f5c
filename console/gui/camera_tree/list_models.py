"""Flat lists of cameras: search results and favourites."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from console.catalog.cameras import CameraCatalog, CatalogNode
from console.gui.camera_tree import display
from console.gui.camera_tree.bridge import ModelBridge
from console.gui.camera_tree.roles import (
    CAMERA_ID_ROLE,
    FAVOURITE_ROLE,
    SHARED_ROLE,
    SORT_KEY_ROLE,
    STATUS_ROLE,
)
from console.gui.mime import CAMERA_IDS_MIME

AnyIndex = QModelIndex | QPersistentModelIndex

_ROOT = QModelIndex()  # the invisible root; a shared default argument
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_CHANGED_ROLES = [_DECORATION, _TOOLTIP, _FOREGROUND, STATUS_ROLE, SHARED_ROLE, FAVOURITE_ROLE]


class CameraListModel(QAbstractListModel):
    """A flat list of camera ids from a CameraCatalog, one row each.

    Rows read ``name · region``; icons, tooltips, greying and dragging match the tree.
    Status changes are gathered for ``coalesce_ms`` and reported per row run.

    Signals: only QAbstractListModel's own.
    """

    def __init__(
        self, catalog: CameraCatalog, parent: QObject | None = None, *, coalesce_ms: int = 100
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._ids: list[str] = []
        self._row_of: dict[str, int] | None = None
        self._dirty: set[str] = set()
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(coalesce_ms)
        self._flush_timer.timeout.connect(self._on_flush_timer_timeout)
        self._bridge = ModelBridge(self)
        catalog.add_observer(self._bridge)

    @property
    def catalog(self) -> CameraCatalog:
        return self._catalog

    def camera_ids(self) -> list[str]:
        return list(self._ids)

    def camera_id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, camera_id: str) -> int:
        """The row showing ``camera_id``, or -1."""
        if self._row_of is None:
            self._row_of = {camera_id: row for row, camera_id in enumerate(self._ids)}
        return self._row_of.get(camera_id, -1)

    def _replace_ids(self, camera_ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = camera_ids
        self._row_of = None
        self._dirty.clear()
        self.endResetModel()

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        catalog, camera_id = self._catalog, self._ids[index.row()]
        if role == _DISPLAY:
            camera = catalog.camera(camera_id)
            place = catalog.region(camera.region_id).name
            return f"{camera.name} · {place}"
        if role == _DECORATION:
            return display.camera_icon(catalog, camera_id)
        if role == _FOREGROUND:
            return None if catalog.is_shared(camera_id) else display.greyed_brush()
        if role == _TOOLTIP:
            return display.camera_tooltip(catalog, camera_id)
        if role == SORT_KEY_ROLE:
            return catalog.camera_node(camera_id).sort_key
        if role == CAMERA_ID_ROLE:
            return camera_id
        if role == STATUS_ROLE:
            return catalog.camera(camera_id).status.value
        if role == SHARED_ROLE:
            return catalog.is_shared(camera_id)
        if role == FAVOURITE_ROLE:
            return catalog.is_favourite(camera_id)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return Qt.ItemFlag.NoItemFlags
        return display.camera_flags(self._catalog, self._ids[index.row()])

    def mimeTypes(self) -> list[str]:
        return [CAMERA_IDS_MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        return display.camera_mime_data(self._catalog, list(indexes))

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    # ------------------------------------------------------------------ catalog events

    def camera_will_be_added(self, parent: CatalogNode, row: int) -> None:
        pass

    def camera_was_added(self, node: CatalogNode) -> None:
        pass

    def camera_will_be_removed(self, node: CatalogNode) -> None:
        row = self.row_of(node.item_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self._row_of = None
        self.endRemoveRows()

    def camera_was_removed(self, camera_id: str) -> None:
        self._dirty.discard(camera_id)

    def cameras_changed(self, camera_ids: Sequence[str]) -> None:
        self._dirty.update(camera_ids)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def favourites_changed(self, camera_ids: Sequence[str]) -> None:
        pass

    def flush_changes(self) -> None:
        """Report gathered changes now instead of waiting for the timer."""
        self._flush_timer.stop()
        self._on_flush_timer_timeout()

    def _on_flush_timer_timeout(self) -> None:
        rows = sorted(row for row in map(self.row_of, self._dirty) if row >= 0)
        self._dirty = set()
        start = previous = None
        for row in [*rows, None]:
            if row is not None and previous is not None and row == previous + 1:
                previous = row
                continue
            if start is not None and previous is not None:
                self.dataChanged.emit(self.index(start), self.index(previous), _CHANGED_ROLES)
            start = previous = row


class CameraSearchResultsModel(CameraListModel):
    """The cameras matching the current search, in tree order (shown instead of the tree).

    A camera added to the catalog while a search is showing appears if it matches.

    Signals: only QAbstractListModel's own.
    """

    def __init__(
        self, catalog: CameraCatalog, parent: QObject | None = None, *, coalesce_ms: int = 100
    ) -> None:
        super().__init__(catalog, parent, coalesce_ms=coalesce_ms)
        self._query = ""

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, query: str) -> None:
        """Show the cameras matching ``query``; a blank query empties the list."""
        self._query = query
        self._replace_ids(self._catalog.search(query))

    def camera_was_added(self, node: CatalogNode) -> None:
        if not self._query:
            return
        matches = self._catalog.search(self._query)
        if node.item_id not in matches:
            return
        row = matches.index(node.item_id)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, node.item_id)
        self._row_of = None
        self.endInsertRows()


class FavouriteCamerasModel(CameraListModel):
    """The operator's favourite cameras, in the order they were added.

    Signals: only QAbstractListModel's own.
    """

    def __init__(
        self, catalog: CameraCatalog, parent: QObject | None = None, *, coalesce_ms: int = 100
    ) -> None:
        super().__init__(catalog, parent, coalesce_ms=coalesce_ms)
        self._ids = catalog.favourites()

    def favourites_changed(self, camera_ids: Sequence[str]) -> None:
        self._replace_ids(list(camera_ids))
