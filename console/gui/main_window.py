"""The console's main window: a host for the feature docks, the menus and the status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

from console.gui.docks import DockId, dock_title, make_dock
from console.gui.offline_banner import OfflineBanner
from console.gui.status_bar import ConnectionState, ShellStatusBar
from console.gui.window_state import LAYOUT_VERSION, SavedLayout

logger = logging.getLogger(__name__)

_DEFAULT_AREAS = {
    DockId.CAMERAS: Qt.DockWidgetArea.LeftDockWidgetArea,
    DockId.WALL: Qt.DockWidgetArea.RightDockWidgetArea,
    DockId.MAP: Qt.DockWidgetArea.RightDockWidgetArea,
    DockId.ALERTS: Qt.DockWidgetArea.BottomDockWidgetArea,
    DockId.INCIDENTS: Qt.DockWidgetArea.BottomDockWidgetArea,
    DockId.PATROL: Qt.DockWidgetArea.LeftDockWidgetArea,
}


class MainWindow(QMainWindow):
    """Hosts the docks (cameras, video wall, map, incidents, alerts, patrol), menus and status
    bar.

    The window owns no service: the composition root puts feature panels into the docks
    (``set_dock_widget``), adds the features' menus (``add_feature_menu``) and status fields
    (``status.add_field``), feeds the status bar and banner, and answers the signals below.
    Docks keep stable object names, so ``saved_layout``/``apply_layout`` round-trip the
    operator's arrangement, along with whether the window was maximised and where it goes
    when it is not.

    Signals:
        settings_requested(): the operator chose Settings.
        diagnostics_requested(): the operator chose Diagnostics (or clicked the lateness figure).
        sign_out_requested(): the operator chose Sign out.
        close_requested(): the window is closing (quit); the layout should be saved now.
    """

    settings_requested = Signal()
    diagnostics_requested = Signal()
    sign_out_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AnimatedDocks
        )
        # Every panel is a dock (so any of them can go to another monitor); the central
        # widget stays hidden and gives its space to the docks.
        central = QWidget(self)
        central.setObjectName("central_placeholder")
        central.hide()
        self.setCentralWidget(central)

        self.status = ShellStatusBar(self)
        self.setStatusBar(self.status)
        self.status.lateness_clicked.connect(self.diagnostics_requested)

        self.offline_banner = OfflineBanner(self)
        self._banner_bar = QToolBar(self)
        self._banner_bar.setObjectName("offline_banner_bar")
        self._banner_bar.setMovable(False)
        self._banner_bar.setFloatable(False)
        self._banner_bar.toggleViewAction().setVisible(False)
        self._banner_bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self._banner_bar.setStyleSheet("QToolBar { border: 0; padding: 0; spacing: 0; }")
        self._banner_bar.addWidget(self.offline_banner)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self._banner_bar)
        self._offline = False
        self._banner_bar.hide()

        # The camera tree runs the full height; the lists sit under the wall and the map.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._docks: dict[DockId, QDockWidget] = {}
        self._least_widths: dict[DockId, int] = {}
        for dock_id in DockId:
            dock = make_dock(dock_id, self)
            self._docks[dock_id] = dock
            self.addDockWidget(_DEFAULT_AREAS[dock_id], dock)
        self._arrange_default()
        self._default_state = self.saveState(LAYOUT_VERSION)

        self._build_menus()
        self._retranslate()
        self.resize(1600, 900)

    # ------------------------------------------------------------------ docks

    def dock(self, dock_id: DockId) -> QDockWidget:
        return self._docks[dock_id]

    def show_dock(self, dock_id: DockId) -> None:
        """Show a dock and bring it to the front of its tab group."""
        dock = self._docks[dock_id]
        dock.show()
        dock.raise_()

    def widen_dock(self, dock_id: DockId, width: int) -> None:
        """Give a dock at least ``width`` pixels, now and after Reset layout (a feature's panel
        that would otherwise need a scroll bar)."""
        self._least_widths[dock_id] = width
        self._apply_least_widths()

    def _apply_least_widths(self) -> None:
        if not self.isVisible():
            return  # sizes mean nothing before the first layout; showEvent comes back here
        for dock_id, width in self._least_widths.items():
            dock = self._docks[dock_id]
            if dock.isFloating():
                continue
            # Tabbed docks share one column; the one on top has its width (the others keep
            # whatever they had when last shown).
            group = [dock, *self.tabifiedDockWidgets(dock)]
            shown = max(group, key=lambda d: d.width())
            # resizeDocks shares the change with the neighbours, so ask for the shortfall
            # again until the column is wide enough.
            layout = self.layout()
            if layout is not None:
                layout.activate()
            for _attempt in range(4):
                shortfall = width - shown.width()
                if shortfall <= 0:
                    break
                self.resizeDocks([shown], [width + shortfall], Qt.Orientation.Horizontal)
                layout = self.layout()
                if layout is not None:
                    layout.activate()

    def add_feature_menu(self, menu: QMenu) -> None:
        """Add a feature's menu to the menu bar, before View (the window does not own it)."""
        self.menuBar().insertMenu(self.view_menu.menuAction(), menu)

    def remove_feature_menu(self, menu: QMenu) -> None:
        self.menuBar().removeAction(menu.menuAction())

    def set_dock_widget(self, dock_id: DockId, widget: QWidget) -> None:
        """Put a feature's panel into its dock, replacing the placeholder (deleted)."""
        dock = self._docks[dock_id]
        previous = dock.widget()
        dock.setWidget(widget)
        if previous is not None and previous is not widget:
            previous.deleteLater()

    def _arrange_default(self) -> None:
        cameras = self._docks[DockId.CAMERAS]
        patrol = self._docks[DockId.PATROL]
        wall = self._docks[DockId.WALL]
        map_dock = self._docks[DockId.MAP]
        alerts = self._docks[DockId.ALERTS]
        incidents = self._docks[DockId.INCIDENTS]
        # The wall takes the middle and most of the screen: cameras (and the patrol panel, a
        # tab behind them) on its left, the map on its right, the lists below.
        self.splitDockWidget(wall, map_dock, Qt.Orientation.Horizontal)
        self.tabifyDockWidget(cameras, patrol)
        cameras.raise_()
        self.tabifyDockWidget(alerts, incidents)
        alerts.raise_()
        self.resizeDocks([cameras, wall, map_dock], [320, 900, 380], Qt.Orientation.Horizontal)
        # The lists below carry a detail pane (an incident's header, timeline and actions;
        # an alert's snapshot and live picture): they need a third of the height to be read.
        self.resizeDocks([wall, alerts], [560, 300], Qt.Orientation.Vertical)

    # ------------------------------------------------------------------ layout

    def saved_layout(self) -> SavedLayout:
        normal = self.normalGeometry()
        return SavedLayout(
            bytes(self.saveGeometry().data()),
            bytes(self.saveState(LAYOUT_VERSION).data()),
            maximised=self.isMaximized(),
            normal_geometry=(
                (normal.x(), normal.y(), normal.width(), normal.height())
                if normal.isValid()
                else None
            ),
        )

    def apply_layout(self, layout: SavedLayout | None) -> bool:
        """Restore a saved geometry and dock arrangement; False (and defaults) if unusable.

        Called before the window is shown, a maximised layout shows it maximised; its normal
        geometry is where it goes when the operator restores it.
        """
        if layout is None:
            return False
        if layout.geometry:
            self.restoreGeometry(QByteArray(layout.geometry))
        self._apply_window_state(layout)
        restored = self.restoreState(QByteArray(layout.state), LAYOUT_VERSION)
        if not restored:
            logger.info("Saved window layout not usable; using the default arrangement")
            self.restoreState(self._default_state, LAYOUT_VERSION)
        self._sync_banner()  # restoreState also restores the banner bar's visibility
        return restored

    def _apply_window_state(self, layout: SavedLayout) -> None:
        # Set explicitly rather than left to the geometry blob: how a maximised window comes
        # back from it differs between platforms and window managers, and the normal geometry
        # can be lost to the maximised one.
        maximised = Qt.WindowState.WindowMaximized
        # A layout saved before the state was kept: the blob's word stands.
        wanted = self.isMaximized() if layout.maximised is None else layout.maximised
        if layout.normal_geometry is not None:
            self.setWindowState(self.windowState() & ~maximised)
            self.setGeometry(_on_a_screen(QRect(*layout.normal_geometry)))
        if wanted:
            self.setWindowState(self.windowState() | maximised)
        else:
            self.setWindowState(self.windowState() & ~maximised)

    def reset_layout(self) -> None:
        for dock in self._docks.values():
            dock.setFloating(False)
            dock.show()
        self.restoreState(self._default_state, LAYOUT_VERSION)
        self._apply_least_widths()
        self._sync_banner()

    # ------------------------------------------------------------------ connection

    def set_connection(self, state: ConnectionState, attempt: int = 0) -> None:
        """Show the connection state; the offline banner appears while it is not connected
        after having been (``RECONNECTING``/``OFFLINE``)."""
        self.status.set_connection(state, attempt)
        self._offline = state in (ConnectionState.RECONNECTING, ConnectionState.OFFLINE)
        self.offline_banner.set_attempt(attempt if self._offline else 0)
        self._sync_banner()

    def set_pending(self, count: int) -> None:
        self.status.set_pending(count)
        self.offline_banner.set_pending(count)

    def is_offline_banner_shown(self) -> bool:
        return self._banner_bar.isVisibleTo(self)

    def _sync_banner(self) -> None:
        self._banner_bar.setVisible(self._offline)

    # ------------------------------------------------------------------ menus

    def _build_menus(self) -> None:
        self.console_menu = QMenu(self)
        self.console_menu.setObjectName("console_menu")
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("settings_action")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        self.settings_action.triggered.connect(self.settings_requested)
        self.diagnostics_action = QAction(self)
        self.diagnostics_action.setObjectName("diagnostics_action")
        self.diagnostics_action.triggered.connect(self.diagnostics_requested)
        self.sign_out_action = QAction(self)
        self.sign_out_action.setObjectName("sign_out_action")
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.quit_action = QAction(self)
        self.quit_action.setObjectName("quit_action")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.console_menu.addAction(self.settings_action)
        self.console_menu.addAction(self.diagnostics_action)
        self.console_menu.addSeparator()
        self.console_menu.addAction(self.sign_out_action)
        self.console_menu.addAction(self.quit_action)

        self.view_menu = QMenu(self)
        self.view_menu.setObjectName("view_menu")
        for dock in self._docks.values():
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.reset_layout_action = QAction(self)
        self.reset_layout_action.setObjectName("reset_layout_action")
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.view_menu.addAction(self.reset_layout_action)

        self.menuBar().addMenu(self.console_menu)
        self.menuBar().addMenu(self.view_menu)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Tianmu operator console"))
        self.console_menu.setTitle(self.tr("&Console"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.diagnostics_action.setText(self.tr("&Diagnostics…"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.reset_layout_action.setText(self.tr("&Reset layout"))
        for dock_id, dock in self._docks.items():
            dock.setWindowTitle(dock_title(dock_id))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Dock sizes set before the first layout are only proportions; settle them after it.
        QTimer.singleShot(0, self._apply_least_widths)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_requested.emit()
        super().closeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(1600, 900)


def _on_a_screen(rect: QRect) -> QRect:
    """``rect``, moved (and shrunk if need be) onto the screen that holds its centre, or the
    primary screen when none does (the monitor it was on is gone)."""
    screen = QGuiApplication.screenAt(rect.center()) or QGuiApplication.primaryScreen()
    if screen is None:
        return rect
    room = screen.availableGeometry()
    fitted = QRect(rect)
    fitted.setWidth(min(rect.width(), room.width()))
    fitted.setHeight(min(rect.height(), room.height()))
    fitted.moveLeft(max(room.left(), min(fitted.left(), room.right() - fitted.width() + 1)))
    fitted.moveTop(max(room.top(), min(fitted.top(), room.bottom() - fitted.height() + 1)))
    return fitted
