"""The situation map (态势一张图) as a feature of the session: the Map dock.

The dock holds the map view (``MapView``: the page, its layers, the bridge) over a row of
tabs: the layer switches with their legend, the vehicle track search, the route guards, and
what is near the event chosen on the map.

The layers come from what the console already has: the cameras of the catalogue the camera
tree shows (only those this operator may see), the open incidents, the units and the open
alerts of the store, and the cameras patrols showed this shift. Each change arriving from the
event stream (``apply_update``) goes to the page as a diff of the features it touches; the
page itself is built once. Everything is kept here as well, so a page that loads again (or
loads late) is given the whole picture on its ``ready``.

What the operator does on the map goes through the session: a camera clicked plays on the
wall (``play_camera``), a box of cameras fills the wall page (``show_cameras``), "Raise an
event here" opens the raise-event dialog at the place (``raise_at_requested``), and a raise
dialog's "Pick on map" is answered with the point clicked (``location_picked``). The plate
search and the route guards are read on the network lane, the store on the store lane.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.client import BackendClient, StoreUpdate
from console.domain.incident import TERMINAL_STATES, Incident, IncidentState
from console.domain.model import GeoPoint, Unit
from console.gui.alerts.ordering import alert_priority, kind_label, kind_value
from console.gui.docks import DockId
from console.gui.incidents.labels import unit_status_label
from console.gui.incidents.media_cache import MediaCache
from console.gui.map import layers
from console.gui.map.layer_panel import LayerPanel
from console.gui.map.layers import Feature, Layer
from console.gui.map.nearby import near_cameras, near_units
from console.gui.map.route_panel import RoutePanel
from console.gui.map.selection_panel import SelectionPanel
from console.gui.map.track_panel import TrackPanel
from console.gui.map.unit_trails import UnitTrails
from console.gui.map.view import MapView
from console.gui.patrol.runner import PatrolRunner
from console.gui.plain_text import plain_label
from console.gui.session import Session
from console.map.tiles import TileChoice, choose_tile_source, demo_source
from console.settings import SettingError, Settings
from console.store import Store
from console.store.incidents import IncidentFilter
from console.tasks import NET, STORE
from console.text import fill
from console.wire.alerts import AlertOut

logger = logging.getLogger(__name__)

# Qionghai's centre (WGS-84), where the demo world and its cameras lie, and a zoom that
# shows the whole city in a dock.
HOME = GeoPoint(19.2466, 110.4665)
HOME_ZOOM = 11
# New alerts flash this long; after it they stay as quiet markers while open.
FLASH_S = 10.0
# Trails are trimmed to their window this often (a unit standing still sends nothing).
TRAIL_PRUNE_MS = 15_000
INCIDENTS_READ = 5_000
# A shift: what patrols showed in the last twelve hours counts as seen.
SHIFT = timedelta(hours=12)
PATROL_RECORDS_READ = 200
TILE_PROBLEM_MS = 15_000
MAP_MIN_HEIGHT = 100
MAP_DOCK_WIDTH = 460  # a city's worth of map beside the wall
SPLIT_SIZES = [650, 300]  # map over the tabs, in proportion
TABS_MIN_HEIGHT = 60
UNIT_MESSAGE_MS = 8_000

_OPEN_STATES = frozenset(IncidentState) - TERMINAL_STATES


def tile_choice(settings: Settings) -> TileChoice:
    """The tile source the settings ask for (the offline demo map when they cannot say)."""
    try:
        return choose_tile_source(settings)
    except SettingError as error:
        logger.warning("map tile settings unreadable (%s); using the offline demo map", error)
        return TileChoice(demo_source())


def read_map_data(store: Store) -> tuple[list[Incident], list[Unit], list[AlertOut]]:
    """Store lane: the open incidents, the units and the recent alerts."""
    incidents = store.incidents.query(
        IncidentFilter(states=_OPEN_STATES), limit=INCIDENTS_READ
    ).items
    return incidents, store.units.all(), store.alerts.recent()


def fetch_passes(client: BackendClient, plate: str, since: datetime) -> list[Any]:
    """Network lane: the plate's passes since ``since``, oldest first."""
    return list(client.vehicle_passes(plate, since=since))


def seen_this_shift(client: BackendClient, since: datetime) -> set[str]:
    """Network lane: the cameras the shift's patrol records say were on screen."""
    seen: set[str] = set()
    for record in client.patrol_records(limit=PATROL_RECORDS_READ):
        for entry in record.entries:
            if entry.seen_at >= since and entry.note != "not_reached":
                seen.add(entry.camera_id)
    return seen


class PickBanner(QWidget):
    """The line over the map while a raise dialog waits for a place: what to do, and Cancel."""

    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_pick_banner")
        self.label = plain_label(QLabel(self))
        self.label.setWordWrap(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("map_pick_cancel_button")
        self.cancel_button.clicked.connect(self.cancelled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.cancel_button)
        self.setStyleSheet("#map_pick_banner { background: #fff3cd; }")
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Click the map where it happened."))
        self.cancel_button.setText(self.tr("Cancel"))


class MapFeature(QObject):
    """Contributes the Map dock (``panel``) around ``view`` (see the module docstring).

    Signals:
        layer_sent(str layer, int features): a layer's whole content went to the page.
        track_shown(object): the passes of a plate search, in time order, are on the map.
        event_selected(str incident_id): the nearby panel shows this event.
        context_menu_shown(object): the right-click menu (a QMenu) is open.
    """

    layer_sent = Signal(str, int)
    track_shown = Signal(object)
    event_selected = Signal(str)
    context_menu_shown = Signal(object)

    def __init__(
        self,
        session: Session,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._clock = clock
        self.trails = UnitTrails(clock=clock)
        self._incidents: dict[str, Incident] = {}
        self._units: dict[str, Unit] = {}
        self._alerts: dict[str, AlertOut] = {}
        self._fresh_until: dict[str, float] = {}
        self._seen: set[str] = set()
        self._passes: dict[str, Any] = {}
        self._track: list[Feature] = []
        self._guards: dict[str, Any] = {}
        self._route: list[Feature] = []
        self._snapshot_wanted: str | None = None
        self._picking = False
        self.context_menu: QMenu | None = None

        tiles = tile_choice(session.settings)
        self.tile_problem = tiles.problem
        self.view = MapView(tiles.source)
        self.view.setObjectName("map_view")
        self.layer_panel = LayerPanel()
        self.layer_panel.setObjectName("map_layer_panel")
        self.track_panel = TrackPanel()
        self.track_panel.setObjectName("map_track_panel")
        self.route_panel = RoutePanel()
        self.route_panel.setObjectName("map_route_panel")
        self.selection_panel = SelectionPanel()
        self.selection_panel.setObjectName("map_selection_panel")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("map_tabs")
        self.tabs.setDocumentMode(True)
        # The tabs take what the map leaves (their lists scroll), not what their lists would like.
        # Nor do they set the window's least width: a narrow dock cuts their buttons short.
        self.tabs.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.tabs.setMinimumHeight(TABS_MIN_HEIGHT)
        # The legend is long: it scrolls rather than taking height from the map.
        layer_scroll = QScrollArea()
        layer_scroll.setObjectName("map_layer_scroll")
        layer_scroll.setFrameShape(QFrame.Shape.NoFrame)
        layer_scroll.setWidgetResizable(True)
        layer_scroll.setWidget(self.layer_panel)
        for page in (layer_scroll, self.track_panel, self.route_panel, self.selection_panel):
            self.tabs.addTab(page, "")
        self.pick_banner = PickBanner()
        self.pick_banner.hide()
        map_area = QWidget()
        map_layout = QVBoxLayout(map_area)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.setSpacing(0)
        map_layout.addWidget(self.pick_banner)
        map_layout.addWidget(self.view, 1)
        self.view.setMinimumHeight(MAP_MIN_HEIGHT)
        self.panel = QSplitter(Qt.Orientation.Vertical)
        self.panel.setObjectName("map_panel")
        self.panel.addWidget(map_area)
        self.panel.addWidget(self.tabs)
        self.panel.setStretchFactor(0, 3)
        self.panel.setStretchFactor(1, 1)
        self.panel.setSizes(SPLIT_SIZES)
        self.panel.setChildrenCollapsible(False)
        session.window.set_dock_widget(DockId.MAP, self.panel)
        session.window.widen_dock(DockId.MAP, MAP_DOCK_WIDTH)
        self._retranslate_tabs()
        self._language_watch = _LanguageWatch(self._retranslate, self.tabs)

        self.media = MediaCache(session.runner, session.client, self, ended=lambda: session.closed)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._on_flash_timer_timeout)
        self._prune_timer = QTimer(self)
        self._prune_timer.setInterval(TRAIL_PRUNE_MS)
        self._prune_timer.timeout.connect(self._on_prune_timer_timeout)

        view = self.view
        for layer in Layer:
            view.set_layer_visible(layer.value, self.layer_panel.is_shown(layer))
        view.center_on(HOME.lat, HOME.lon, HOME_ZOOM)
        # The layer panel holds the legend, beside the check boxes; the map keeps its room.
        view.set_legend_visible(False)
        view.camera_clicked.connect(self._on_view_camera_clicked)
        view.cameras_boxed.connect(self._on_view_cameras_boxed)
        view.event_clicked.connect(self.select_event)
        view.alert_clicked.connect(self._on_view_alert_clicked)
        view.unit_clicked.connect(self._on_view_unit_clicked)
        view.pass_clicked.connect(self._on_view_pass_clicked)
        view.context_requested.connect(self._on_view_context_requested)
        view.location_picked.connect(self._on_view_location_picked)
        view.location_pick_cancelled.connect(self._on_view_location_pick_cancelled)
        self.layer_panel.layer_toggled.connect(self._on_layer_panel_toggled)
        self.track_panel.search_requested.connect(self.search_plate)
        self.track_panel.pass_chosen.connect(self.show_pass)
        self.track_panel.cleared.connect(self._on_track_panel_cleared)
        self.route_panel.reload_requested.connect(self.load_routes)
        self.route_panel.route_chosen.connect(self.show_route)
        self.route_panel.cameras_to_wall_requested.connect(self.route_cameras_to_wall)
        self.selection_panel.cameras_to_wall_requested.connect(self.cameras_to_wall)
        self.selection_panel.camera_play_requested.connect(session.play_camera)
        self.selection_panel.incident_open_requested.connect(session.signals.incident_requested)
        self.media.picture_ready.connect(self._on_media_picture_ready)
        self.pick_banner.cancelled.connect(self.cancel_location_pick)
        session.signals.location_pick_requested.connect(self.start_location_pick)

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        self._prune_timer.start()
        self.reload()
        self.load_routes()
        self.load_coverage()
        if self.tile_problem is not None:
            text = self.tile_problem.render(
                lambda source: QCoreApplication.translate("MapTiles", source)
            )
            self._session.window.status.showMessage(
                fill(self.tr("Map: %1; the offline demo map is shown."), text), TILE_PROBLEM_MS
            )

    def close(self) -> None:
        self._prune_timer.stop()
        self._flash_timer.stop()
        self.media.closed = True
        if self._picking:
            self.cancel_location_pick()

    def reload(self, *_args: object) -> None:
        """Read the incidents, units and alerts again (at start, after a working set)."""
        if self._session.closed:
            return
        self._session.runner.run(
            STORE,
            read_map_data,
            self._session.store,
            on_done=self._on_map_data_read,
            title=QCoreApplication.translate("MapFeature", "Reading the map's layers"),
        )

    def catalogue_replaced(self, *_args: object) -> None:
        """The camera tree shows a new catalogue: the cameras layer follows it."""
        self._send_layer(Layer.CAMERAS)
        self._send_layer(Layer.COVERAGE)

    def apply_update(self, update: StoreUpdate) -> None:
        """Send the page what a batch of live events changed, as diffs."""
        if self._session.closed or update.empty:
            return
        if update.camera_status:
            self._camera_status_changed(list(update.camera_status))
        if update.incidents or update.removed_incidents:
            self._incidents_changed(update)
        if update.units:
            self._units_changed(update.units.values())
        if update.alerts:
            self._alerts_changed(update.alerts.values(), live=True)

    def follow_patrol(self, patrol: PatrolRunner) -> None:
        """Count the cameras of every page the wall's patrol shows, on every one of its
        screens, as seen this shift."""
        patrol.cameras_shown.connect(self.mark_seen)

    def mark_seen(self, camera_ids: Iterable[str]) -> None:
        new = [camera_id for camera_id in camera_ids if camera_id not in self._seen]
        if not new:
            return
        self._seen.update(new)
        cameras = layers.visible_cameras(self._session.cameras.catalog, new)
        self._diff(Layer.COVERAGE, [layers.coverage_feature(camera) for camera in cameras], [])

    def load_coverage(self) -> None:
        since = datetime.now(UTC) - SHIFT
        self._session.runner.run(
            NET,
            seen_this_shift,
            self._session.client,
            since,
            on_done=self.mark_seen,
            on_error=lambda error: logger.info("patrol coverage not read: %s", error),
            title=QCoreApplication.translate("MapFeature", "Reading this shift's patrols"),
        )

    # ------------------------------------------------------------------ reading the layers

    def features(self, layer: Layer) -> list[Feature]:
        """What the page is given for ``layer`` now."""
        catalog = self._session.cameras.catalog
        if layer is Layer.CAMERAS:
            return layers.camera_features(catalog)
        if layer is Layer.EVENTS:
            now = datetime.now(UTC)
            return [layers.event_feature(i, now) for i in self._incidents.values()]
        if layer is Layer.UNITS:
            return [f for f in (self._unit_feature(u) for u in self._units.values()) if f]
        if layer is Layer.ALERTS:
            return [self._alert_feature(alert) for alert in self._alerts.values()]
        if layer is Layer.COVERAGE:
            cameras = layers.visible_cameras(catalog, sorted(self._seen))
            return [layers.coverage_feature(camera) for camera in cameras]
        if layer is Layer.TRACK:
            return list(self._track)
        return list(self._route)

    # ------------------------------------------------------------------ interaction

    def select_event(self, incident_id: str) -> None:
        """Show what is near the event: cameras facing its place, available units."""
        incident = self._incidents.get(incident_id)
        self.view.select_event(incident_id if incident is not None else None)
        if incident is None:
            self.selection_panel.show_nothing()
            return
        catalog = self._session.cameras.catalog
        cameras = layers.visible_cameras(catalog, catalog.camera_ids()) if catalog else []
        title = fill(self.tr("%1 %2"), incident.number or self.tr("(pending)"), incident.title)
        self.selection_panel.show_event(
            incident_id,
            title,
            near_cameras(incident.position, cameras),
            near_units(incident.position, self._units.values()),
        )
        self.tabs.setCurrentWidget(self.selection_panel)
        self.event_selected.emit(incident_id)

    def cameras_to_wall(self, camera_ids: list[str]) -> None:
        """Put the cameras this operator may see onto the wall's current page."""
        catalog = self._session.cameras.catalog
        allowed = [c.id for c in layers.visible_cameras(catalog, camera_ids)]
        if allowed:
            self._session.show_cameras(allowed)
            self._session.window.show_dock(DockId.WALL)

    def raise_here(self, lat: float, lon: float) -> None:
        """Open the raise-event dialog at this place."""
        self._session.signals.raise_at_requested.emit(lat, lon)

    def start_location_pick(self) -> None:
        """A raise dialog asks for a place: the next click on the map gives it."""
        self._picking = True
        self._session.window.show_dock(DockId.MAP)
        self.pick_banner.show()
        self.view.start_location_pick()

    def cancel_location_pick(self) -> None:
        if not self._picking:
            return
        self._picking = False
        self.pick_banner.hide()
        self.view.cancel_location_pick()
        self._session.signals.location_picked.emit(None)

    # ------------------------------------------------------------------ vehicle track

    def search_plate(self, plate: str, hours: int = 24) -> None:
        """The plate's passes in the last ``hours`` (the client checks the plate first)."""
        if self._session.closed:
            return
        self.track_panel.show_searching(plate)
        self._session.runner.run(
            NET,
            fetch_passes,
            self._session.client,
            plate,
            datetime.now(UTC) - timedelta(hours=hours),
            on_done=lambda passes: self._on_passes_found(plate, passes),
            on_error=lambda error: self._on_passes_failed(plate, error),
            title=QCoreApplication.translate("MapFeature", "Searching a vehicle's passes"),
        )

    def show_pass(self, pass_id: str) -> None:
        """Show a pass's snapshot (fetched once, kept in the media cache)."""
        found = self._passes.get(pass_id)
        if found is None:
            return
        caption = fill(
            self.tr("%1 at %2, %3"),
            found.plate,
            found.checkpoint_name,
            found.time.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
        )
        media_id = getattr(found, "snapshot_media_id", None)
        if not media_id:
            self._snapshot_wanted = None
            self.track_panel.show_snapshot(
                None, fill(self.tr("%1 — no snapshot with this pass"), caption)
            )
            return
        self._snapshot_wanted = pass_id
        picture = self.media.picture(media_id)
        if picture is not None:
            self.track_panel.show_snapshot(picture.image, caption)
        elif self.media.failure(media_id):
            self._show_snapshot_failure(pass_id)
        else:
            self.track_panel.show_snapshot(
                None, fill(self.tr("%1 — loading the snapshot…"), caption)
            )

    # ------------------------------------------------------------------ route guards

    def load_routes(self) -> None:
        if self._session.closed:
            return
        self.route_panel.show_loading()
        self._session.runner.run(
            NET,
            self._session.client.route_guards,
            on_done=self._on_routes_loaded,
            on_error=self._on_routes_failed,
            title=QCoreApplication.translate("MapFeature", "Reading the route guards"),
        )

    def route_guard(self, route_id: str) -> Any | None:
        """The route guard as last read from the server (None if unknown)."""
        return self._guards.get(route_id)

    def show_route(self, route_id: str) -> None:
        guard = self._guards.get(route_id)
        if guard is None:
            return
        self._route = layers.route_features(guard)
        self._send_layer(Layer.ROUTE)
        self.layer_panel.set_shown(Layer.ROUTE, True)
        points = layers.route_points(guard)
        if points:
            self.view.fit_to(points)

    def route_cameras_to_wall(self, route_id: str) -> None:
        guard = self._guards.get(route_id)
        if guard is not None:
            self.cameras_to_wall(list(guard.camera_ids))

    # ------------------------------------------------------------------ internals: layers

    # The view keeps every layer's content and gives the page all of it when it is ready
    # (again, after a renderer crash): what is sent before that is not lost.

    def _send_layer(self, layer: Layer) -> None:
        features = self.features(layer)
        self.view.set_layer(layer.value, features)
        self.layer_sent.emit(layer.value, len(features))

    def _diff(self, layer: Layer, upsert: list[Feature], remove: list[str]) -> None:
        if upsert or remove:
            self.view.apply_diff(layer.value, upsert, remove)

    def _on_map_data_read(self, data: tuple[list[Incident], list[Unit], list[AlertOut]]) -> None:
        if self._session.closed:
            return
        incidents, units, alerts = data
        self._incidents = {i.id: i for i in incidents if layers.is_on_map(i)}
        self._units = {}
        for unit in units:
            self._units[unit.id] = unit
            if unit.position is not None:
                self.trails.add(unit.id, unit.position)
        self._alerts = {}
        self._alerts_changed(alerts, live=False, send=False)
        for layer in (Layer.EVENTS, Layer.UNITS, Layer.ALERTS):
            self._send_layer(layer)

    def _camera_status_changed(self, camera_ids: list[str]) -> None:
        cameras = layers.visible_cameras(self._session.cameras.catalog, camera_ids)
        self._diff(Layer.CAMERAS, [layers.camera_feature(camera) for camera in cameras], [])

    def _incidents_changed(self, update: StoreUpdate) -> None:
        now = datetime.now(UTC)
        upsert: list[Feature] = []
        remove = [i for i in update.removed_incidents if self._incidents.pop(i, None) is not None]
        for body in update.incidents.values():
            incident = body.to_domain()
            if layers.is_on_map(incident):
                self._incidents[incident.id] = incident
                upsert.append(layers.event_feature(incident, now))
            elif self._incidents.pop(incident.id, None) is not None:
                remove.append(incident.id)
        self._diff(Layer.EVENTS, upsert, remove)
        if self.selection_panel.incident_id in remove:
            # Closed, merged or renamed (a local id given the server's): nothing near to show.
            self.view.select_event(None)
            self.selection_panel.show_nothing()

    def _units_changed(self, units: Iterable[Unit]) -> None:
        upsert: list[Feature] = []
        remove: list[str] = []
        for unit in units:
            self._units[unit.id] = unit
            if unit.position is None:
                self.trails.forget(unit.id)
                remove.append(unit.id)
                continue
            self.trails.add(unit.id, unit.position)
            feature = self._unit_feature(unit)
            if feature is not None:
                upsert.append(feature)
        self._diff(Layer.UNITS, upsert, remove)

    def _unit_feature(self, unit: Unit) -> Feature | None:
        return layers.unit_feature(unit, self.trails.trail(unit.id))

    def _alerts_changed(self, alerts: Iterable[AlertOut], *, live: bool, send: bool = True) -> None:
        upsert: list[Feature] = []
        remove: list[str] = []
        now = self._clock()
        news_since = datetime.now(UTC) - timedelta(seconds=FLASH_S * 6)
        for alert in alerts:
            if not layers.is_open_alert(alert):
                if self._alerts.pop(alert.id, None) is not None:
                    remove.append(alert.id)
                self._fresh_until.pop(alert.id, None)
                continue
            is_new = alert.id not in self._alerts
            self._alerts[alert.id] = alert
            if live and is_new and alert.detected_at >= news_since:
                self._fresh_until[alert.id] = now + FLASH_S
            upsert.append(self._alert_feature(alert))
        if self._fresh_until and not self._flash_timer.isActive():
            self._flash_timer.start(int(FLASH_S * 1000))
        if send:
            self._diff(Layer.ALERTS, upsert, remove)

    def _alert_feature(self, alert: AlertOut) -> Feature:
        kind = kind_value(alert)
        title = fill(
            self.tr("%1 — %2"), kind_label(kind), self._session.cameras.name(alert.camera_id)
        )
        fresh = self._fresh_until.get(alert.id, 0.0) > self._clock()
        return layers.alert_feature(alert, title, int(alert_priority(kind)), fresh=fresh)

    def _on_flash_timer_timeout(self) -> None:
        now = self._clock()
        done = [alert_id for alert_id, until in self._fresh_until.items() if until <= now]
        for alert_id in done:
            del self._fresh_until[alert_id]
        self._diff(
            Layer.ALERTS,
            [self._alert_feature(self._alerts[i]) for i in done if i in self._alerts],
            [],
        )
        if self._fresh_until:
            left = min(self._fresh_until.values()) - now
            self._flash_timer.start(max(100, int(left * 1000)))

    def _on_prune_timer_timeout(self) -> None:
        changed = self.trails.prune()
        upsert = [self._unit_feature(self._units[i]) for i in changed if i in self._units]
        self._diff(Layer.UNITS, [f for f in upsert if f is not None], [])

    # ------------------------------------------------------------------ internals: view

    def _on_view_camera_clicked(self, camera_id: str) -> None:
        self.view.select_camera(camera_id)
        if self._session.cameras.camera(camera_id) is not None:
            self._session.play_camera(camera_id)

    def _on_view_cameras_boxed(self, camera_ids: list[str]) -> None:
        self.cameras_to_wall(list(camera_ids))

    def _on_view_alert_clicked(self, alert_id: str) -> None:
        alert = self._alerts.get(alert_id)
        if alert is not None and self._session.cameras.camera(alert.camera_id) is not None:
            self._session.play_camera(alert.camera_id)

    def _on_view_unit_clicked(self, unit_id: str) -> None:
        unit = self._units.get(unit_id)
        if unit is not None:
            self._session.window.status.showMessage(
                fill(self.tr("%1: %2"), unit.name, unit_status_label(unit.status.value)),
                UNIT_MESSAGE_MS,
            )

    def _on_view_pass_clicked(self, pass_id: str) -> None:
        self.tabs.setCurrentWidget(self.track_panel)
        self.track_panel.select_pass(pass_id)
        self.show_pass(pass_id)

    def _on_view_context_requested(self, lat: float, lon: float) -> None:
        if self._picking:
            return
        menu = QMenu(self.view)
        menu.setObjectName("map_context_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        action = menu.addAction(self.tr("Raise an event here…"))
        action.setObjectName("map_raise_here_action")
        action.triggered.connect(lambda: self.raise_here(lat, lon))
        self.context_menu = menu
        menu.destroyed.connect(self._on_context_menu_destroyed)
        menu.popup(QCursor.pos() if self.view.underMouse() else self.view.mapToGlobal(QPoint(8, 8)))
        self.context_menu_shown.emit(menu)

    def _on_context_menu_destroyed(self, *_args: object) -> None:
        self.context_menu = None

    def _on_view_location_picked(self, lat: float, lon: float) -> None:
        if not self._picking:
            return
        self._picking = False
        self.pick_banner.hide()
        self._session.signals.location_picked.emit(GeoPoint(lat, lon))

    def _on_view_location_pick_cancelled(self) -> None:
        if self._picking:
            self._picking = False
            self.pick_banner.hide()
            self._session.signals.location_picked.emit(None)

    def _on_layer_panel_toggled(self, layer: str, visible: bool) -> None:
        self.view.set_layer_visible(layer, visible)

    # ------------------------------------------------------------------ internals: track

    def _on_passes_found(self, plate: str, passes: list[Any]) -> None:
        if self._session.closed:
            return
        ordered = layers.in_time_order(passes)
        self._passes = {item.id: item for item in ordered}
        self._track = layers.track_features(ordered)
        self._send_layer(Layer.TRACK)
        self.layer_panel.set_shown(Layer.TRACK, True)
        self.track_panel.show_passes(plate, ordered)
        if ordered:
            self.view.fit_to([layers.lat_lon(item) for item in ordered])
        self.track_shown.emit(ordered)

    def _on_passes_failed(self, plate: str, error: BaseException) -> None:
        logger.info("vehicle passes of a plate not read: %s", error)
        if not self._session.closed:
            self.track_panel.show_error(plate, error)

    def _on_track_panel_cleared(self) -> None:
        self._passes = {}
        self._track = []
        self._snapshot_wanted = None
        self._send_layer(Layer.TRACK)

    def _on_media_picture_ready(self, media_id: str) -> None:
        wanted = self._passes.get(self._snapshot_wanted or "")
        if wanted is not None and getattr(wanted, "snapshot_media_id", None) == media_id:
            if self.media.failure(media_id):
                self._show_snapshot_failure(wanted.id)
            else:
                self.show_pass(wanted.id)

    def _show_snapshot_failure(self, pass_id: str) -> None:
        found = self._passes[pass_id]
        self.track_panel.show_snapshot(
            None,
            fill(
                self.tr("The snapshot of this pass could not be loaded: %1"),
                self.media.failure(found.snapshot_media_id) or "",
            ),
        )

    # ------------------------------------------------------------------ internals: routes

    def _on_routes_loaded(self, guards: list[Any]) -> None:
        if self._session.closed:
            return
        self._guards = {guard.id: guard for guard in guards}
        self.route_panel.show_routes(guards)

    def _on_routes_failed(self, error: BaseException) -> None:
        logger.info("route guards not read: %s", error)
        if not self._session.closed:
            self.route_panel.show_error(
                fill(self.tr("The route guards could not be read: %1"), error)
            )

    # ------------------------------------------------------------------ language

    def _retranslate(self) -> None:
        self._retranslate_tabs()
        self.pick_banner.retranslate()

    def _retranslate_tabs(self) -> None:
        titles = (
            self.tr("Layers"),
            self.tr("Vehicle track"),
            self.tr("Route guard"),
            self.tr("Nearby"),
        )
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)


class _LanguageWatch(QObject):
    """Calls ``retranslate`` when the language changes (this feature is no widget)."""

    def __init__(self, retranslate: Callable[[], None], watched: QWidget) -> None:
        super().__init__(watched)
        self._retranslate = retranslate
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False
