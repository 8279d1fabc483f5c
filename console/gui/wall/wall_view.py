"""The video wall as the main window shows it, plus the pages detached to other monitors.

``WallView`` owns one ``WallPageView`` per page. Pages in the main window sit in a stack (one
shown at a time, the rest decode nothing); a detached page's view moves, players and all, into
a ``ScreenWindow`` full screen on its monitor. Pages on the same monitor share its window, which
shows one of them (``bring_to_front``; a patrol's pages stand in front of the operator's own
while it runs). The toolbar picks the layout, pages through the
wall, detaches the page and takes snapshots; PageUp/PageDown page too.

A tile's context menu (right click) is built afresh each time and deletes itself once closed;
other features add their entries with ``add_tile_menu_extension``.

Signals:
    snapshot_saved(str camera_id, str path); snapshot_failed(str camera_id, str message)
    (the camera id is empty when no tile was chosen);
    layout_refused(str reason): a custom grid could not be saved;
    page_shown(int page index).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console import paths
from console.gui.video_tile import RepaintClock
from console.gui.wall.custom_layout_dialog import CustomLayoutDialog
from console.gui.wall.menu_button import MenuToolButton
from console.gui.wall.page_view import WallPageView
from console.gui.wall.screens import ScreenWindow, find_screen, screen_ref
from console.gui.wall.snapshot import (
    SnapshotLabel,
    SnapshotRequest,
    copy_held_picture,
    now_utc,
)
from console.gui.wall.streams import WallStreams
from console.gui.wall.tile import WallTile
from console.tasks import TaskRunner
from console.text import fill
from console.wall.layout import LayoutError, LayoutLibrary
from console.wall.model import Wall, WallChange, WallEvent, WallPage

logger = logging.getLogger(__name__)

CameraNames = Callable[[str], str]
# Adds entries to a tile's context menu: (menu, page view, cell, tile); see
# ``WallView.add_tile_menu_extension``.
TileMenuExtension = Callable[[QMenu, WallPageView, int, WallTile], None]


def _same_screen(a: QScreen | None, b: QScreen | None) -> bool:
    return a is b or (a is not None and b is not None and a.name() == b.name())


def layout_label(name: str) -> str:
    """How a layout is listed: the 1+5 and 1+7 presets by their shape."""
    return {"6": "1+5", "8": "1+7"}.get(name, name)


class WallView(QWidget):
    """See the module docstring."""

    snapshot_saved = Signal(str, str)
    snapshot_failed = Signal(str, str)
    layout_refused = Signal(str)
    page_shown = Signal(int)

    def __init__(
        self,
        wall: Wall,
        library: LayoutLibrary,
        streams: WallStreams,
        runner: TaskRunner,
        *,
        camera_name: CameraNames | None = None,
        clock: RepaintClock | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.wall = wall
        self.library = library
        self.streams = streams
        self._runner = runner
        self._camera_name = camera_name or (lambda camera_id: camera_id)
        self._clock = clock
        self._views: dict[int, WallPageView] = {}
        self._windows: dict[int, ScreenWindow] = {}
        self._placing = False
        self._tile_menu_extensions: list[TileMenuExtension] = []

        # Texts are set in _retranslate (again when the language changes).
        self._layout_box = QComboBox(self)
        self._layout_box.activated.connect(self._on_layout_box_activated)
        self._save_layout = QToolButton(self)
        self._save_layout.clicked.connect(self._on_save_layout_clicked)
        self._previous = QToolButton(self)
        self._previous.setText("‹")
        self._previous.clicked.connect(lambda: self.wall.step_page(-1))
        self._page_label = QLabel(self)
        self._next = QToolButton(self)
        self._next.setText("›")
        self._next.clicked.connect(lambda: self.wall.step_page(1))
        self._add_page = QToolButton(self)
        self._add_page.clicked.connect(self._on_add_page_clicked)
        self._remove_page = QToolButton(self)
        self._remove_page.clicked.connect(self._on_remove_page_clicked)
        self._screens_button = MenuToolButton(self)
        self._screens_button.setObjectName("wall_screens_button")
        self._screens_menu = QMenu(self._screens_button)
        self._screens_menu.aboutToShow.connect(self._on_screens_menu_about_to_show)
        self._screens_button.setMenu(self._screens_menu)
        self._snapshot = QToolButton(self)
        self._snapshot.clicked.connect(lambda: self.take_snapshot())
        self._retranslate()

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        for widget in (
            self._layout_box,
            self._save_layout,
            self._previous,
            self._page_label,
            self._next,
            self._add_page,
            self._remove_page,
            self._screens_button,
            self._snapshot,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        self._stack = QStackedWidget(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self._stack, 1)

        wall.add_listener(self._on_wall_changed)
        QGuiApplication.instance().screenRemoved.connect(self._on_screen_removed)  # type: ignore[union-attr]
        self._refresh_layout_box()
        self._place_views()

    # ---------------------------------------------------------------- reading

    def page_view(self, index: int) -> WallPageView:
        return self._views[id(self.wall.page(index))]

    def current_view(self) -> WallPageView | None:
        return self._views.get(id(self.wall.page(self.wall.current)))

    def screen_window(self, index: int) -> ScreenWindow | None:
        return self._windows.get(id(self.wall.page(index)))

    def bring_to_front(self, index: int) -> None:
        """Show page ``index`` where it lives: the main window's current page, or the page
        its monitor's window shows."""
        window = self.screen_window(index)
        if window is None:
            self.wall.set_current(index)
        else:
            window.show_page(self.page_view(index))
            self.streams.schedule()

    # ---------------------------------------------------------------- commands

    def set_layout(self, name: str, page: int | None = None) -> None:
        index = self.wall.current if page is None else page
        self.wall.set_layout(index, self.library.get(name))

    def send_page_to_screen(self, page: int, screen_number: int) -> None:
        """Detach ``page`` full screen onto monitor ``screen_number`` (1-based); a page already
        there goes back to the main window."""
        screens = QGuiApplication.screens()
        if not 1 <= screen_number <= len(screens):
            raise IndexError(screen_number)
        ref = screen_ref(screens[screen_number - 1])
        occupant = self.wall.page_on_screen(ref)
        if occupant is not None and occupant != page:
            self.wall.set_screen(occupant, None)
        self.wall.set_screen(page, ref)

    def bring_page_home(self, page: int) -> None:
        self.wall.set_screen(page, None)
        self.wall.set_current(page)

    def add_tile_menu_extension(self, extension: TileMenuExtension) -> Callable[[], None]:
        """Have ``extension(menu, view, cell, tile)`` add entries to every tile's context
        menu (on every page, detached ones included), after the wall's own entries, each time
        such a menu is about to pop up.

        The menu is built anew for each right click and deleted once it closes: parent new
        actions to it (``menu.addAction``) and keep no reference to them. An extension that
        raises is logged and skipped. Returns a function that takes the extension out again.
        """
        self._tile_menu_extensions.append(extension)

        def remove() -> None:
            if extension in self._tile_menu_extensions:
                self._tile_menu_extensions.remove(extension)

        return remove

    def take_snapshot(self, view: WallPageView | None = None, cell: int | None = None) -> bool:
        """Save the selected (or given) tile's picture to the evidence folder at the
        stream's own size, off this thread; ``snapshot_saved`` or ``snapshot_failed`` follows
        (see ``console.gui.wall.snapshot``). False if there is nothing to snapshot."""
        view = view or self.current_view()
        if view is None:
            return False
        cell = view.selected if cell is None else cell
        if not 0 <= cell < len(view.tiles):
            self.snapshot_failed.emit("", self.tr("Select a tile first."))
            return False
        tile = view.tile(cell)
        camera_id = tile.camera_id
        if camera_id is None:
            self.snapshot_failed.emit("", self.tr("The tile shows no camera."))
            return False
        label = SnapshotLabel(camera_id, tile.camera_name, now_utc())
        supervisor = tile.supervisor
        source = supervisor.source if supervisor is not None else None
        # The tile's own picture, copied now: it is what is kept if the source cannot give
        # the stream-sized one in time (by then the tile may show another camera).
        held = copy_held_picture(source)
        if held is None:
            self.snapshot_failed.emit(camera_id, self.tr("The tile has no picture yet."))
            return False
        SnapshotRequest(
            self._runner,
            self,
            source,
            held,
            label,
            paths.evidence_dir(create=False) / "snapshots",
            on_saved=lambda path: self.snapshot_saved.emit(camera_id, path),
            on_failed=lambda message: self.snapshot_failed.emit(camera_id, message),
        ).start()
        return True

    def dispose(self) -> None:
        """Stop every tile and close the detached windows (the console is closing)."""
        self.wall.remove_listener(self._on_wall_changed)
        for window in {id(w): w for w in self._windows.values()}.values():
            while (taken := window.take_content()) is not None:
                taken.deleteLater()  # out of the window it has no parent to delete it
            window.close_for_good()
            window.deleteLater()
        self._windows.clear()
        for view in self._views.values():
            view.dispose()
        self._views.clear()

    # ---------------------------------------------------------------- model to widgets

    def _on_wall_changed(self, event: WallEvent) -> None:
        if event.change in (WallChange.PAGES, WallChange.SCREEN, WallChange.CURRENT):
            self._place_views()
        if event.change in (WallChange.LAYOUT, WallChange.CURRENT, WallChange.PAGES):
            self._refresh_layout_box()

    def _place_views(self) -> None:
        if self._placing:
            return
        self._placing = True
        try:
            self._place_views_now()
        finally:
            self._placing = False
        self.streams.schedule()

    def _place_views_now(self) -> None:
        pages = {id(page): page for page in self.wall.pages}
        for key in [k for k in self._views if k not in pages]:
            view = self._views.pop(key)
            self._stack.removeWidget(view)
            view.dispose()
            view.deleteLater()
            window = self._windows.pop(key, None)
            if window is not None:
                self._release(window, view)
        # A page whose monitor is gone may use the one at its position (find_screen), unless
        # another page is on that monitor or it already stands in for another gone one: then
        # the page comes home rather than hide behind another page.
        named = {page.screen.name for page in self.wall.pages if page.screen is not None}
        stand_ins: dict[str, str] = {}
        for index, page in enumerate(self.wall.pages):
            view = self._views.get(id(page)) or self._new_view(page)
            screen = find_screen(page.screen) if page.screen is not None else None
            if screen is not None and page.screen is not None and screen.name() != page.screen.name:
                ref = stand_ins.setdefault(screen.name(), page.screen.name)
                if ref != page.screen.name or screen.name() in named:
                    screen = None
            if page.screen is not None and screen is None:
                logger.info(
                    "page %d's screen %s is missing; showing it here", index + 1, page.screen.name
                )
                self.wall.set_screen(index, None)
            if screen is not None:
                window = self._windows.get(id(page))
                if window is not None and not _same_screen(window.screen(), screen):
                    del self._windows[id(page)]
                    self._release(window, view)
                    window = None
                if window is None:
                    window = self._window_on(screen) or self._new_window(screen)
                    self._windows[id(page)] = window
                if not window.holds(view):
                    self._stack.removeWidget(view)
                    window.add_page(view)
                window.showFullScreen()
            else:
                window = self._windows.pop(id(page), None)
                if window is not None:
                    self._release(window, view)
                if self._stack.indexOf(view) < 0:
                    self._stack.addWidget(view)
        current = self._views.get(id(self.wall.page(self.wall.current)))
        if current is not None and self._stack.indexOf(current) >= 0:
            self._stack.setCurrentWidget(current)
            self.page_shown.emit(self.wall.current)
        self._show_page_number()
        self._remove_page.setEnabled(len(self.wall.pages) > 1)

    def _window_on(self, screen: QScreen) -> ScreenWindow | None:
        for window in self._windows.values():
            if _same_screen(window.screen(), screen):
                return window
        return None

    def _new_window(self, screen: QScreen) -> ScreenWindow:
        window = ScreenWindow(screen)
        window.return_requested.connect(lambda: self._on_window_return_requested(window))
        return window

    def _release(self, window: ScreenWindow, view: WallPageView) -> None:
        """``view`` leaves ``window``; a window left with no page closes."""
        window.remove_page(view)
        if window.page_count() == 0 and window not in self._windows.values():
            window.close_for_good()
            window.deleteLater()

    def _on_window_return_requested(self, window: ScreenWindow) -> None:
        # The operator's own pages on that monitor come home (a patrol's stay with it).
        for page in list(self.wall.pages):
            if self._windows.get(id(page)) is window and not page.transient:
                self.bring_page_home(self.wall.index_of(page))

    def _show_page_number(self) -> None:
        home = self.wall.main_window_pages()
        position = home.index(self.wall.current) + 1 if self.wall.current in home else 0
        self._page_label.setText(fill(self.tr("Page %1 of %2"), position, len(home)))

    def _retranslate(self) -> None:
        self._layout_box.setToolTip(self.tr("Layout of this page"))
        self._save_layout.setText(self.tr("Custom grid…"))
        self._previous.setToolTip(self.tr("Previous page (PageUp)"))
        self._next.setToolTip(self.tr("Next page (PageDown)"))
        self._add_page.setText(self.tr("Add page"))
        self._remove_page.setText(self.tr("Remove page"))
        self._screens_button.setText(self.tr("Send to screen"))
        self._snapshot.setText(self.tr("Snapshot"))
        self._show_page_number()

    def _new_view(self, page: WallPage) -> WallPageView:
        view = WallPageView(
            self.wall, page, self.streams, camera_name=self._camera_name, clock=self._clock
        )
        view.context_requested.connect(
            lambda cell, position, v=view: self._show_tile_menu(v, cell, position)
        )
        self._views[id(page)] = view
        return view

    def _refresh_layout_box(self) -> None:
        self._layout_box.blockSignals(True)
        self._layout_box.clear()
        for name in self.library.names():
            self._layout_box.addItem(layout_label(name), name)
        current = self.wall.page(self.wall.current).layout.name
        found = self._layout_box.findData(current)
        if found < 0:
            self._layout_box.addItem(layout_label(current), current)
            found = self._layout_box.count() - 1
        self._layout_box.setCurrentIndex(found)
        self._layout_box.blockSignals(False)

    # ---------------------------------------------------------------- menus and buttons

    def _screen_actions(self, menu: QMenu, page: int) -> None:
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            text = fill(self.tr("Screen %1 (%2)"), number, screen.name())
            action = QAction(text, menu)
            action.triggered.connect(
                lambda _checked=False, n=number: self.send_page_to_screen(page, n)
            )
            menu.addAction(action)
        if self.wall.page(page).screen is not None:
            menu.addSeparator()
            back = QAction(self.tr("Back to the main window"), menu)
            back.triggered.connect(lambda _checked=False: self.bring_page_home(page))
            menu.addAction(back)

    def _on_screens_menu_about_to_show(self) -> None:
        self._screens_menu.clear()
        self._screen_actions(self._screens_menu, self.wall.current)

    def _show_tile_menu(self, view: WallPageView, cell: int, position: QPoint) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("wall_tile_menu")
        # One menu per right click: it goes once it closes (an action chosen, Esc, a click
        # elsewhere); the chosen action's slots run before the deferred delete.
        menu.aboutToHide.connect(menu.deleteLater)
        tile = view.tile(cell)
        snapshot = menu.addAction(self.tr("Snapshot"))
        snapshot.triggered.connect(lambda: self.take_snapshot(view, cell))
        stats = menu.addAction(self.tr("Show stream figures"))
        stats.setCheckable(True)
        stats.setChecked(tile.stats_visible)
        stats.toggled.connect(tile.set_stats_visible)
        clear = menu.addAction(self.tr("Remove camera from tile"))
        clear.setEnabled(tile.camera_id is not None)
        clear.triggered.connect(lambda: self.wall.assign(view.page_index, cell, None))
        send = menu.addMenu(self.tr("Send page to screen"))
        self._screen_actions(send, view.page_index)
        for extension in list(self._tile_menu_extensions):
            try:
                extension(menu, view, cell, tile)
            except Exception:
                logger.exception("a tile menu extension failed")
        menu.popup(position)
        return menu

    def _on_layout_box_activated(self, row: int) -> None:
        name = self._layout_box.itemData(row)
        if name:
            self.set_layout(str(name))

    def _on_save_layout_clicked(self) -> None:
        dialog = CustomLayoutDialog(self)
        if dialog.exec() != CustomLayoutDialog.DialogCode.Accepted:
            return
        try:
            layout = dialog.built_layout()
            self.library.save(layout)
        except LayoutError as exc:
            self.layout_refused.emit(str(exc))
            return
        self.wall.set_layout(self.wall.current, layout)
        self._refresh_layout_box()

    def _on_add_page_clicked(self) -> None:
        index = self.wall.add_page(WallPage(self.wall.page(self.wall.current).layout))
        self.wall.set_current(index)

    def _on_remove_page_clicked(self) -> None:
        if len(self.wall.pages) > 1:
            self.wall.remove_page(self.wall.current)

    def _on_screen_removed(self, screen: object) -> None:
        self._place_views()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_PageDown:
            self.wall.step_page(1)
        elif event.key() == Qt.Key.Key_PageUp:
            self.wall.step_page(-1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
