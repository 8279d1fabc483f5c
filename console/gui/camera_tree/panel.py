"""The camera panel: search box, favourites, and the tree or the flat search results."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QStackedWidget,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from console.catalog.cameras import CameraCatalog
from console.gui.camera_tree.icons import TreeIcon, tree_icon
from console.gui.camera_tree.list_models import CameraSearchResultsModel, FavouriteCamerasModel
from console.gui.camera_tree.loading import CatalogueProblemBar, CatalogueRetry
from console.gui.camera_tree.roles import CAMERA_ID_ROLE
from console.gui.camera_tree.tree_model import CameraTreeModel
from console.gui.plain_text import plain_label
from console.text import fill

logger = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 150
_FAVOURITES_VISIBLE_ROWS = 5


def _flat_table_view(parent: QWidget) -> QTableView:
    """A one-column table dressed as a list.

    QListView lays out every row on a reset and asks the (Python) model for an index per
    row, about 8 µs each: 0.3 s for 50,000 matches. A table with fixed-height rows only
    touches the rows it paints, so a broad search costs the same as a narrow one.
    """
    view = QTableView(parent)
    view.horizontalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(max(view.fontMetrics().height() + 4, 20))
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # A scroll bar that comes and goes with the match count would resize the viewport and
    # make every such keystroke lay out and paint twice.
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    return view


class CameraTreePanel(QWidget):
    """Finds a camera and hands it on: to the wall (open), the map (locate) or a drag.

    While the search box is empty the tree shows; typing switches to a flat list of matches
    (debounced), because filtering an expanded tree in place costs quadratic relayout.
    Esc clears the search and brings the tree back. Favourites sit above, toggled from the
    star button or the context menu; the host persists them by listening to
    ``favourites_changed`` (or by passing ``persist_favourites``). The panel does no I/O.

    Signals:
        camera_open_requested(str): the operator asked to open this camera on the wall.
        camera_locate_requested(str): the operator asked to show this camera on the map.
        favourites_changed(list): the favourite camera ids, in order, after a change.
    """

    camera_open_requested = Signal(str)
    camera_locate_requested = Signal(str)
    favourites_changed = Signal(list)

    def __init__(
        self,
        catalog: CameraCatalog,
        parent: QWidget | None = None,
        *,
        persist_favourites: Callable[[list[str]], object] | None = None,
        debounce_ms: int = SEARCH_DEBOUNCE_MS,
        retry: CatalogueRetry | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.tree_model = CameraTreeModel(catalog, self)
        self.results_model = CameraSearchResultsModel(catalog, self)
        self.favourites_model = FavouriteCamerasModel(catalog, self)
        if persist_favourites is not None:
            self.favourites_changed.connect(persist_favourites)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("camera_search_edit")
        self.search_edit.setPlaceholderText(self.tr("Search cameras by name or ID"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)
        self.favourite_button = QToolButton(self)
        self.favourite_button.setObjectName("favourite_button")
        self.favourite_button.setAutoRaise(True)
        self.favourite_button.setCheckable(True)
        self.favourite_button.setEnabled(False)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(debounce_ms)

        self.favourites_header = QToolButton(self)
        self.favourites_header.setObjectName("favourites_header")
        self.favourites_header.setCheckable(True)
        self.favourites_header.setChecked(True)
        self.favourites_header.setAutoRaise(True)
        self.favourites_header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.favourites_header.setIcon(tree_icon(TreeIcon.FAVOURITE))
        self.favourites_view = QListView(self)
        self.favourites_view.setObjectName("favourites_view")
        self.favourites_view.setModel(self.favourites_model)

        self.tree_view = QTreeView(self)
        self.tree_view.setObjectName("camera_tree_view")
        self.tree_view.setUniformRowHeights(True)
        self.tree_view.setHeaderHidden(True)
        self.tree_view.setAnimated(False)
        self.tree_view.setModel(self.tree_model)

        self.results_view = _flat_table_view(self)
        self.results_view.setObjectName("camera_results_view")
        self.results_view.setModel(self.results_model)
        self.results_view.installEventFilter(self)
        self.results_label = plain_label(QLabel(self))
        self.results_label.setObjectName("camera_results_label")
        results_page = QWidget(self)
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.setSpacing(2)
        results_layout.addWidget(self.results_label)
        results_layout.addWidget(self.results_view)

        # An empty catalogue says so, rather than leaving a blank tree to wonder about.
        self.empty_label = plain_label(QLabel(self))
        self.empty_label.setObjectName("camera_tree_empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self.empty_label.setText(self.tr("The server lists no cameras that this account may see."))
        self.empty_label.setVisible(len(catalog) == 0)
        # A failed refresh of a catalogue already shown: the reason and "Retry now".
        self.problem_bar = CatalogueProblemBar(retry, self) if retry is not None else None

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tree_view)
        self.stack.addWidget(results_page)

        for view in self._camera_views():
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.setDragEnabled(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
            view.setDefaultDropAction(Qt.DropAction.CopyAction)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.setIconSize(QSize(16, 16))

        search_row = QHBoxLayout()
        search_row.setContentsMargins(0, 0, 0, 0)
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.favourite_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        if self.problem_bar is not None:
            layout.addWidget(self.problem_bar)
        layout.addLayout(search_row)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.favourites_header)
        layout.addWidget(self.favourites_view)
        layout.addWidget(self.stack, 1)

        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.favourite_button.clicked.connect(self._on_favourite_button_clicked)
        self.favourites_header.toggled.connect(self._on_favourites_header_toggled)
        self.favourites_model.modelReset.connect(self._on_favourites_model_model_reset)
        self.favourites_model.rowsRemoved.connect(self._on_favourites_model_model_reset)
        self.tree_view.customContextMenuRequested.connect(self._on_tree_view_context_requested)
        self.results_view.customContextMenuRequested.connect(
            self._on_results_view_context_requested
        )
        self.favourites_view.customContextMenuRequested.connect(
            self._on_favourites_view_context_requested
        )
        self._active_view: QAbstractItemView = self.tree_view
        for view in self._camera_views():
            view.doubleClicked.connect(self._on_view_double_clicked)
            view.selectionModel().currentChanged.connect(
                lambda _current, _previous, view=view: self._on_view_current_changed(view)
            )

        for root in range(self.tree_model.rowCount()):
            self.tree_view.expand(self.tree_model.index(root, 0))
        self._refresh_favourites_section()
        self._refresh_favourite_button()

    # ------------------------------------------------------------------ public API

    @property
    def catalog(self) -> CameraCatalog:
        return self._catalog

    def is_searching(self) -> bool:
        """Whether the flat result list (rather than the tree) is showing."""
        return self.stack.currentIndex() == 1

    def set_search_text(self, text: str) -> None:
        """Type ``text`` into the search box and apply it at once (no debounce)."""
        self.search_edit.setText(text)
        self.apply_search()

    def apply_search(self) -> None:
        """Apply the search box's text now; the debounce timer calls this too."""
        self._search_timer.stop()
        query = self.search_edit.text().strip()
        if not query:
            self.results_model.set_query("")
            self.stack.setCurrentIndex(0)
            return
        self.results_model.set_query(query)
        count = self.results_model.rowCount()
        self.results_label.setText(fill(self.tr("Matching cameras: %1"), count))
        self.stack.setCurrentIndex(1)

    def clear_search(self) -> None:
        self.search_edit.clear()
        self.apply_search()

    def toggle_favourite(self, camera_id: str) -> None:
        self.set_favourite(camera_id, not self._catalog.is_favourite(camera_id))

    def set_favourite(self, camera_id: str, favourite: bool) -> None:
        if self._catalog.set_favourite(camera_id, favourite):
            self.favourites_changed.emit(self._catalog.favourites())
            self._refresh_favourite_button()

    def reveal_camera(self, camera_id: str) -> None:
        """Leave the search, then select and scroll to ``camera_id`` in the tree."""
        index = self.tree_model.index_of_camera(camera_id)
        if not index.isValid():
            return
        self.clear_search()
        parent = index.parent()
        while parent.isValid():
            self.tree_view.expand(parent)
            parent = parent.parent()
        self.tree_view.setCurrentIndex(index)
        self.tree_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def context_menu_for(self, camera_id: str, *, offer_reveal: bool = False) -> QMenu:
        """The actions for one camera; the caller shows (``exec``) the menu and deletes it."""
        menu = QMenu(self)
        shared = self._catalog.is_shared(camera_id)
        open_action = menu.addAction(self.tr("Open on wall"))
        open_action.setObjectName("open_on_wall")
        open_action.setEnabled(shared)
        open_action.triggered.connect(lambda: self.camera_open_requested.emit(camera_id))
        locate_action = menu.addAction(self.tr("Show on map"))
        locate_action.setObjectName("show_on_map")
        locate_action.triggered.connect(lambda: self.camera_locate_requested.emit(camera_id))
        if offer_reveal:
            reveal_action = menu.addAction(self.tr("Show in tree"))
            reveal_action.setObjectName("show_in_tree")
            reveal_action.triggered.connect(lambda: self.reveal_camera(camera_id))
        menu.addSeparator()
        if self._catalog.is_favourite(camera_id):
            favourite_action = menu.addAction(self.tr("Remove from favourites"))
        else:
            favourite_action = menu.addAction(self.tr("Add to favourites"))
        favourite_action.setObjectName("toggle_favourite")
        favourite_action.setIcon(tree_icon(TreeIcon.FAVOURITE))
        favourite_action.triggered.connect(lambda: self.toggle_favourite(camera_id))
        copy_action = menu.addAction(self.tr("Copy ID"))
        copy_action.setObjectName("copy_id")
        copy_action.triggered.connect(lambda: QGuiApplication.clipboard().setText(camera_id))
        return menu

    # ------------------------------------------------------------------ internals

    def _camera_views(self) -> list[QAbstractItemView]:
        return [self.tree_view, self.results_view, self.favourites_view]

    def _current_camera_id(self) -> str | None:
        view = self._active_view
        if view is not self.favourites_view:
            view = self.results_view if self.is_searching() else self.tree_view
        camera_id = view.currentIndex().data(CAMERA_ID_ROLE)
        return camera_id if isinstance(camera_id, str) else None

    def _refresh_favourite_button(self) -> None:
        camera_id = self._current_camera_id()
        favourite = camera_id is not None and self._catalog.is_favourite(camera_id)
        self.favourite_button.setEnabled(camera_id is not None)
        self.favourite_button.setChecked(favourite)
        self.favourite_button.setIcon(
            tree_icon(TreeIcon.FAVOURITE if favourite else TreeIcon.FAVOURITE_OFF)
        )
        self.favourite_button.setToolTip(
            self.tr("Remove from favourites") if favourite else self.tr("Add to favourites")
        )

    def _refresh_favourites_section(self) -> None:
        count = self.favourites_model.rowCount()
        self.favourites_header.setText(fill(self.tr("Favourites (%1)"), count))
        self.favourites_header.setVisible(count > 0)
        self.favourites_view.setVisible(count > 0 and self.favourites_header.isChecked())
        row_height = max(self.favourites_view.sizeHintForRow(0), 16) if count else 16
        rows = min(count, _FAVOURITES_VISIBLE_ROWS)
        self.favourites_view.setFixedHeight(
            row_height * rows + 2 * self.favourites_view.frameWidth()
        )

    def _show_context_menu(
        self, view: QAbstractItemView, position: QPoint, *, offer_reveal: bool
    ) -> None:
        camera_id = view.indexAt(position).data(CAMERA_ID_ROLE)
        if not isinstance(camera_id, str):
            return
        menu = self.context_menu_for(camera_id, offer_reveal=offer_reveal)
        menu.exec(view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched in (self.search_edit, self.results_view)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.search_edit.text()
        ):
            self.clear_search()
            self.search_edit.setFocus()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ slots

    def _on_search_edit_text_changed(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self.apply_search()  # going back to the tree needs no debounce

    def _on_search_timer_timeout(self) -> None:
        self.apply_search()

    def _on_favourite_button_clicked(self) -> None:
        camera_id = self._current_camera_id()
        if camera_id is not None:
            self.toggle_favourite(camera_id)

    def _on_favourites_header_toggled(self, checked: bool) -> None:
        self._refresh_favourites_section()

    def _on_favourites_model_model_reset(self) -> None:
        self._refresh_favourites_section()

    def _on_view_current_changed(self, view: QAbstractItemView) -> None:
        self._active_view = view
        self._refresh_favourite_button()

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        camera_id = index.data(CAMERA_ID_ROLE)
        if isinstance(camera_id, str) and self._catalog.is_shared(camera_id):
            self.camera_open_requested.emit(camera_id)

    def _on_tree_view_context_requested(self, position: QPoint) -> None:
        self._show_context_menu(self.tree_view, position, offer_reveal=False)

    def _on_results_view_context_requested(self, position: QPoint) -> None:
        self._show_context_menu(self.results_view, position, offer_reveal=True)

    def _on_favourites_view_context_requested(self, position: QPoint) -> None:
        self._show_context_menu(self.favourites_view, position, offer_reveal=True)
