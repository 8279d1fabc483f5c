"""MapView: the situation map as a widget — a Leaflet page in QtWebEngine, fed JSON.

The page is built once (folium, ``page.py``), served from ``tianmu-map://app`` (``scheme.py``)
on a private, off-the-record profile whose requests are held to that scheme and the tile
hosts (``web_policy.py``). Data reaches the page only as JSON text, as the argument of the
QWebChannel object ``bridge``'s ``messages`` signal (never as script: see ``bridge.py``);
gestures come back through the same object.

MapView keeps the current content of every layer, so a page that had to be reloaded (its
renderer died) is filled again as it was. Positions given to and reported by MapView are
WGS-84; for GCJ-02 tiles it converts on the way in and out.

Signals: ready(), camera_clicked(str), cameras_boxed(list), event_clicked(str),
unit_clicked(str), alert_clicked(str), pass_clicked(str), context_requested(float, float),
location_picked(float, float), location_pick_cancelled(), camera_drag_started(str).
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDrag
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from console.domain.geo import gcj02_to_wgs84, wgs84_to_gcj02
from console.domain.model import GeoPoint
from console.gui.map.assets import HOST, PAGE_PATH, PAGE_URL, SCHEME
from console.gui.map.bridge import MapBridge
from console.gui.map.page import DEFAULT_CENTER, DEFAULT_ZOOM, TileSourceLike, build_page_html
from console.gui.map.scheme import MapSchemeHandler, TileReader, map_scheme_registered
from console.gui.map.web_policy import (
    MapRequestGuard,
    harden_settings,
    install_web_channel_script,
)
from console.gui.mime import encode_camera_ids
from console.tasks import Coalescer

logger = logging.getLogger(__name__)

LAYERS = ("cameras", "events", "units", "alerts", "coverage", "track", "route")
# At most ten batches of changes a second reach the page.
DIFF_INTERVAL_MS = 100
# Batches with more features than this are encoded on the thread pool (7,500 cameras take
# longer than a frame to convert and encode).
_ENCODE_INLINE_BELOW = 500
_ENCODE_CHUNK = 250
# A part of a layer sent whole: the channel escapes each batch once more as it sends it, on this
# thread, about 8 ms per 1,000 features (measured with 50,000 cameras).
_SEND_PART = 2500
_RELOAD_AFTER_CRASH_MS = 1000

Feature = dict[str, Any]


class MapTileSource(TileSourceLike, Protocol):
    """The parts of ``console.map.tiles.TileSource`` the view uses."""

    @property
    def coordinates(self) -> str: ...

    @property
    def allowed_hosts(self) -> frozenset[str]: ...


@dataclass(eq=False)
class _Outgoing:
    """One batch queued for the page; ``text`` (its JSON) is None until encoded ("" when
    encoding failed)."""

    text: str | None = None


class _Encoded(QObject):
    """Carries an encoded batch from the thread pool back to the GUI thread."""

    done = Signal(object, str)


class _MapPage(QWebEnginePage):
    """The map page: stays on its one address, opens no windows, grants no permissions."""

    def __init__(self, profile: QWebEngineProfile, parent: QWidget):
        super().__init__(profile, parent)
        self.permissionRequested.connect(self._on_permission_requested)

    def acceptNavigationRequest(  # noqa: N802 - Qt override
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if url.scheme() == SCHEME and url.host() == HOST and url.path() == PAGE_PATH:
            return True
        logger.warning("the map page tried to open %s://%s; refused", url.scheme(), url.host())
        return False

    def createWindow(  # noqa: N802 - Qt override
        self, _kind: QWebEnginePage.WebWindowType
    ) -> QWebEnginePage:
        return None  # type: ignore[return-value]  # no new windows, ever

    def javaScriptConsoleMessage(  # noqa: N802 - Qt override
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            logger.warning("map page: %s (%s:%d)", message, source, line)
        else:
            logger.debug("map page: %s", message)

    @Slot(QWebEnginePermission)
    def _on_permission_requested(self, permission: QWebEnginePermission) -> None:
        permission.deny()


class MapView(QWidget):
    """The situation map widget; see the module docstring for its signals."""

    ready = Signal()
    camera_clicked = Signal(str)
    cameras_boxed = Signal(list)
    event_clicked = Signal(str)
    unit_clicked = Signal(str)
    alert_clicked = Signal(str)
    pass_clicked = Signal(str)
    context_requested = Signal(float, float)
    location_picked = Signal(float, float)
    location_pick_cancelled = Signal()
    camera_drag_started = Signal(str)

    def __init__(
        self,
        tiles: MapTileSource,
        parent: QWidget | None = None,
        *,
        mbtiles_path: Path | None = None,
    ):
        super().__init__(parent)
        if not map_scheme_registered():
            logger.error(
                "the %s scheme was not registered before the QApplication was made; the map "
                "page cannot load (call console.gui.map.scheme.register_map_scheme() first)",
                SCHEME,
            )
        self._tiles = tiles
        self._gcj = tiles.coordinates == "gcj02"
        self._layers: dict[str, dict[str, Feature]] = {name: {} for name in LAYERS}
        self._visible: dict[str, bool] = dict.fromkeys(LAYERS, True)
        self._selected_camera: str | None = None
        self._selected_event: str | None = None
        self._picking = False
        self._legend_visible = True
        self._view_request: Feature | None = None
        self._ready = False
        self._page_loads = 0
        self._outbox: deque[_Outgoing] = deque()
        # Each unit's trail as the page has it (valid points, WGS-84): a move sends only how
        # the trail changed, not its ten minutes of points again.
        self._sent_trails: dict[str, list[tuple[float, float]]] = {}
        self._encoded = _Encoded(self)
        self._encoded.done.connect(self._on_encoded)
        self._diffs: Coalescer[tuple[str, str, Feature | None]] = Coalescer(
            DIFF_INTERVAL_MS, self._send_diffs, key=lambda item: (item[0], item[1]), parent=self
        )

        # A private off-the-record profile: nothing of the map is written to disk, and its
        # request rules apply to this page alone.
        profile = QWebEngineProfile()
        self._guard = MapRequestGuard(tiles.allowed_hosts, profile)
        profile.setUrlRequestInterceptor(self._guard)
        self._tile_reader = (
            TileReader(_mbtiles_file(tiles, mbtiles_path)) if tiles.is_local else None
        )
        lat, lon = self._to_page(DEFAULT_CENTER[0], DEFAULT_CENTER[1])
        # Tile sources mark their attribution for translation in the "MapTiles" context.
        attribution = (
            QCoreApplication.translate("MapTiles", tiles.attribution) if tiles.attribution else ""
        )
        html = build_page_html(tiles, (lat, lon), DEFAULT_ZOOM, attribution)
        self._scheme = MapSchemeHandler(lambda: html, self._tile_reader, profile)
        profile.installUrlSchemeHandler(SCHEME.encode("ascii"), self._scheme)

        self._web = QWebEngineView(self)
        self._web.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._page = _MapPage(profile, self._web)
        harden_settings(self._page.settings())
        install_web_channel_script(self._page)
        self._bridge = MapBridge(self)
        self._channel = QWebChannel(self._page)
        self._channel.registerObject("bridge", self._bridge)
        self._page.setWebChannel(self._channel)
        self._web.setPage(self._page)
        # Parented last, so the view and its page are deleted before the profile they use.
        profile.setParent(self)
        self._profile = profile

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._web)

        self._connect_bridge()
        self._page.loadStarted.connect(self._on_page_load_started)
        self._page.loadFinished.connect(self._on_page_load_finished)
        self._page.renderProcessTerminated.connect(self._on_page_render_process_terminated)
        reader = self._tile_reader
        if reader is not None:
            self.destroyed.connect(lambda *_: reader.close())
        self._page.load(QUrl(PAGE_URL))

    # ------------------------------------------------------------------ state

    @property
    def page_loads(self) -> int:
        """How many times the page finished loading (1 unless its renderer had to restart)."""
        return self._page_loads

    @property
    def is_ready(self) -> bool:
        return self._ready

    @property
    def web_view(self) -> QWebEngineView:
        return self._web

    @property
    def request_guard(self) -> MapRequestGuard:
        return self._guard

    def features(self, layer: str) -> list[Feature]:
        """The layer's current content as given (WGS-84)."""
        return list(self._layers[_checked_layer(layer)].values())

    # ------------------------------------------------------------------ Python -> page

    def set_layer(self, layer: str, features: Iterable[Feature]) -> None:
        """Replace the layer's whole content."""
        layer = _checked_layer(layer)
        content = {f["id"]: f for f in features if _has_id(f)}
        self._diffs.flush()  # earlier changes must not land after the new content
        self._layers[layer] = content
        self._send_layer(layer)

    def apply_diff(self, layer: str, upsert: Iterable[Feature], remove: Iterable[str]) -> None:
        """Change some features; batched, so at most ten batches a second reach the page."""
        layer = _checked_layer(layer)
        content = self._layers[layer]
        for feature_id in remove:
            content.pop(feature_id, None)
            if self._ready:
                self._diffs.add((layer, feature_id, None))
        for feature in upsert:
            if not _has_id(feature):
                continue
            content[feature["id"]] = feature
            if self._ready:
                self._diffs.add((layer, feature["id"], feature))

    def flush_pending(self) -> None:
        """Send batched changes now instead of at the end of the interval."""
        self._diffs.flush()

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        layer = _checked_layer(layer)
        self._visible[layer] = bool(visible)
        self._post([{"op": "visible", "layer": layer, "visible": bool(visible)}])

    def is_layer_visible(self, layer: str) -> bool:
        return self._visible[_checked_layer(layer)]

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the page's own legend (a host with its own legend hides it)."""
        self._legend_visible = bool(visible)
        self._post([{"op": "legend", "visible": self._legend_visible}])

    def select_camera(self, camera_id: str | None) -> None:
        """Mark the camera and draw its field of view (None clears)."""
        self._selected_camera = camera_id
        self._post([{"op": "select_camera", "id": camera_id}])

    def select_event(self, incident_id: str | None) -> None:
        self._selected_event = incident_id
        self._post([{"op": "select_event", "id": incident_id}])

    def center_on(self, lat: float, lon: float, zoom: int | None = None) -> None:
        page_lat, page_lon = self._to_page(lat, lon)
        self._view_request = {"op": "center", "lat": page_lat, "lon": page_lon, "zoom": zoom}
        self._post([self._view_request])

    def fit_to(self, points: list[tuple[float, float]]) -> None:
        converted = [list(self._to_page(lat, lon)) for lat, lon in points if _finite(lat, lon)]
        if not converted:
            return
        self._view_request = {"op": "fit", "points": converted}
        self._post([self._view_request])

    def start_location_pick(self) -> None:
        """The next click on the map reports ``location_picked`` (Esc cancels)."""
        self._picking = True
        self._post([{"op": "pick", "on": True}])

    def cancel_location_pick(self) -> None:
        self._picking = False
        self._post([{"op": "pick", "on": False}])

    def page_stats(self, callback: Callable[[dict[str, Any]], None]) -> None:
        """Hand ``callback`` the page's own figures: frame time p99/max (ms, measured with
        requestAnimationFrame), features per layer, batches and features applied."""
        if not self._ready:
            callback({"frame_ms_p99": None, "markers": dict.fromkeys(LAYERS, 0), "ready": False})
            return

        def done(result: object) -> None:
            try:
                stats = json.loads(result) if isinstance(result, str) else {}
            except ValueError:
                stats = {}
            stats["ready"] = True
            stats["page_loads"] = self._page_loads
            callback(stats)

        self._page.runJavaScript("TianmuMap.stats()", 0, done)

    # ------------------------------------------------------------------ sending

    def _post(self, messages: list[Feature]) -> None:
        """Queue messages for the page, in order; big ones are encoded off the GUI thread."""
        if not self._ready:
            return  # the whole state is sent when the page is ready
        entry = _Outgoing()
        self._outbox.append(entry)
        size = sum(len(m.get("features", ())) + len(m.get("upsert", ())) for m in messages)
        if size < _ENCODE_INLINE_BELOW:
            entry.text = self._encode(messages)
            self._drain()
            return
        encoded = self._encoded
        encode = self._encode

        def work() -> None:
            try:
                text = encode(messages)
            except Exception:
                logger.exception("encoding map data failed")
                text = ""
            # RuntimeError: the view is gone, and nobody is waiting
            with contextlib.suppress(RuntimeError):
                encoded.done.emit(entry, text)

        QThreadPool.globalInstance().start(work)

    @Slot(object, str)
    def _on_encoded(self, entry: _Outgoing, text: str) -> None:
        entry.text = text
        self._drain()

    def _drain(self) -> None:
        while self._outbox and self._outbox[0].text is not None:
            text = self._outbox.popleft().text
            if text:
                self._bridge.messages.emit(text)

    def _encode(self, messages: list[Feature]) -> str:
        """``messages`` as the JSON text the page takes; pure, so it may run on a worker thread.

        The page parses it as JSON, so no value can ever be read as code. Long feature lists are
        encoded a few hundred at a time: each ``json.dumps`` holds the interpreter lock, and
        short holds keep the GUI thread moving.
        """
        pieces: list[str] = ["["]
        for number, message in enumerate(messages):
            if number:
                pieces.append(",")
            pieces += self._encode_message(message)
        pieces.append("]")
        return "".join(pieces)

    def _encode_message(self, message: Feature) -> list[str]:
        key = "features" if "features" in message else "upsert" if "upsert" in message else None
        if key is None:
            return [_dumps(message)]
        head = {k: v for k, v in message.items() if k != key}
        converted = [f for f in map(self._page_feature, message[key]) if f]
        pieces = [_dumps(head)[:-1], f',"{key}":[']
        for start in range(0, len(converted), _ENCODE_CHUNK):
            if start:
                pieces.append(",")
            pieces.append(_dumps(converted[start : start + _ENCODE_CHUNK])[1:-1])
        pieces.append("]}")
        return pieces

    def _send_layer(self, layer: str) -> None:
        """Replace the page's layer: the first part replaces, the rest are added after it.

        Parts keep each call into the page short on the GUI thread (handing the page 50,000
        features in one call holds it for about a tenth of a second), and the map fills in as
        they arrive.
        """
        # a snapshot: the layer's dict may change while a worker encodes the list
        features = list(self._layers[layer].values())
        if layer == "units":
            self._sent_trails = {f["id"]: _valid_trail(f.get("trail")) for f in features}
        self._post([{"op": "set_layer", "layer": layer, "features": features[:_SEND_PART]}])
        for start in range(_SEND_PART, len(features), _SEND_PART):
            part = features[start : start + _SEND_PART]
            self._post([{"op": "diff", "layer": layer, "upsert": part, "remove": []}])

    def _send_diffs(self, batch: list[tuple[str, str, Feature | None]]) -> None:
        """One batch of changes, one call into the page."""
        by_layer: dict[str, Feature] = {}
        for layer, feature_id, feature in batch:
            message = by_layer.setdefault(
                layer, {"op": "diff", "layer": layer, "upsert": [], "remove": []}
            )
            if feature is None:
                message["remove"].append(feature_id)
                if layer == "units":
                    self._sent_trails.pop(feature_id, None)
            else:
                if layer == "units":
                    feature = self._with_trail_change(feature)
                message["upsert"].append(feature)
        self._post(list(by_layer.values()))

    def _with_trail_change(self, unit: Feature) -> Feature:
        """The unit as a move sends it: its trail as the change to the trail the page has.

        A trail usually changes at its ends only (oldest points age out, the newest moves or is
        added), so the page keeps ``trail_keep`` points from ``trail_drop`` on and appends
        ``trail_add``. A point the page already has was checked when it was first sent.
        """
        old = self._sent_trails.get(unit["id"])
        new = unit.get("trail")
        change = _trail_change(old, new) if old and isinstance(new, list) else None
        if old is None or change is None:
            self._sent_trails[unit["id"]] = _valid_trail(new)
            return unit
        drop, keep = change
        added = _valid_trail(new[keep:])  # type: ignore[index]  # a list, checked above
        self._sent_trails[unit["id"]] = old[drop : drop + keep] + added
        sent = {k: v for k, v in unit.items() if k != "trail"}
        sent.update(trail_drop=drop, trail_keep=keep, trail_add=[list(p) for p in added])
        return sent

    def _strings_message(self) -> Feature:
        legend = [
            ("cameras", "camera_online", self.tr("Camera online")),
            ("cameras", "camera_offline", self.tr("Camera offline")),
            ("cameras", "fov", self.tr("Selected camera's view")),
            ("events", "event", self.tr("Event")),
            ("events", "event_overdue", self.tr("Event overdue")),
            ("units", "unit", self.tr("Unit and its trail")),
            ("alerts", "alert", self.tr("Alert")),
            ("coverage", "coverage", self.tr("Patrolled this shift")),
            ("track", "track", self.tr("Vehicle track")),
            ("route", "route", self.tr("Guarded route")),
        ]
        return {
            "op": "strings",
            "strings": {
                "legend_title": self.tr("Legend"),
                "pick_hint": self.tr("Click the map to pick the place; Esc cancels"),
            },
            "legend": [
                {"layer": layer, "key": key, "label": label} for layer, key, label in legend
            ],
        }

    def _replay(self) -> None:
        """Send everything the page should show (first load, or after a reload)."""
        messages: list[Feature] = [self._strings_message()]
        if not self._legend_visible:
            messages.append({"op": "legend", "visible": False})
        for layer in LAYERS:
            if not self._visible[layer]:
                messages.append({"op": "visible", "layer": layer, "visible": False})
        if self._selected_camera is not None:
            messages.append({"op": "select_camera", "id": self._selected_camera})
        if self._selected_event is not None:
            messages.append({"op": "select_event", "id": self._selected_event})
        if self._picking:
            messages.append({"op": "pick", "on": True})
        if self._view_request is not None:
            messages.append(self._view_request)
        self._post(messages)
        # Selections sent before the layers apply as their features arrive.
        for layer in LAYERS:
            if self._layers[layer]:
                self._send_layer(layer)

    # ------------------------------------------------------------------ coordinates

    def _to_page(self, lat: float, lon: float) -> tuple[float, float]:
        if not self._gcj:
            return lat, lon
        point = wgs84_to_gcj02(GeoPoint(lat=lat, lon=lon))
        return point.lat, point.lon

    def _from_page(self, lat: float, lon: float) -> tuple[float, float]:
        if not self._gcj:
            return lat, lon
        point = gcj02_to_wgs84(GeoPoint(lat=lat, lon=lon))
        return point.lat, point.lon

    def _page_feature(self, feature: Feature) -> Feature | None:
        """The feature as the page takes it: finite numbers, tile coordinates."""
        out = dict(feature)
        lat, lon = feature.get("lat"), feature.get("lon")
        if _finite(lat, lon):
            page_lat, page_lon = self._to_page(float(lat), float(lon))  # type: ignore[arg-type]
            # 1e-7 degrees is about a centimetre; shorter numbers make a lighter batch
            out["lat"], out["lon"] = round(page_lat, 7), round(page_lon, 7)
        elif feature.get("kind") == "path":
            out["lat"] = out["lon"] = None
        else:
            return None
        for key in ("trail", "path", "trail_add"):
            if key in feature:
                out[key] = [
                    list(self._to_page(float(p[0]), float(p[1])))
                    for p in feature[key] or ()
                    if len(p) >= 2 and _finite(p[0], p[1])
                ]
        for key in ("heading", "fov"):
            value = out.get(key)
            if value is not None and not (isinstance(value, int | float) and math.isfinite(value)):
                out[key] = None
        return out

    # ------------------------------------------------------------------ page -> Python

    def _connect_bridge(self) -> None:
        bridge = self._bridge
        bridge.page_ready.connect(self._on_bridge_page_ready)
        bridge.camera_clicked.connect(self.camera_clicked)
        bridge.cameras_boxed.connect(self.cameras_boxed)
        bridge.event_clicked.connect(self.event_clicked)
        bridge.unit_clicked.connect(self.unit_clicked)
        bridge.alert_clicked.connect(self.alert_clicked)
        bridge.pass_clicked.connect(self.pass_clicked)
        bridge.context_requested.connect(self._on_bridge_context_requested)
        bridge.location_picked.connect(self._on_bridge_location_picked)
        bridge.location_pick_cancelled.connect(self._on_bridge_location_pick_cancelled)
        bridge.camera_drag_started.connect(self._on_bridge_camera_drag_started)

    @Slot()
    def _on_bridge_page_ready(self) -> None:
        self._ready = True
        self._replay()
        self.ready.emit()

    @Slot(float, float)
    def _on_bridge_context_requested(self, lat: float, lon: float) -> None:
        self.context_requested.emit(*self._from_page(lat, lon))

    @Slot(float, float)
    def _on_bridge_location_picked(self, lat: float, lon: float) -> None:
        self._picking = False
        self.location_picked.emit(*self._from_page(lat, lon))

    @Slot()
    def _on_bridge_location_pick_cancelled(self) -> None:
        self._picking = False
        self.location_pick_cancelled.emit()

    @Slot(str)
    def _on_bridge_camera_drag_started(self, camera_id: str) -> None:
        self.camera_drag_started.emit(camera_id)
        # Out of the channel's delivery first: QDrag.exec() runs its own event loop.
        QTimer.singleShot(0, self, lambda: self._start_camera_drag(camera_id))

    def _start_camera_drag(self, camera_id: str) -> None:
        """Carry the camera out of the map, as the camera tree does (the wall takes it)."""
        drag = QDrag(self._web)
        drag.setMimeData(encode_camera_ids([camera_id]))
        drag.exec(Qt.DropAction.CopyAction)

    @Slot()
    def _on_page_load_started(self) -> None:
        self._ready = False
        self._outbox.clear()  # meant for the page that is going; the new one gets a replay
        self._sent_trails.clear()

    @Slot(bool)
    def _on_page_load_finished(self, ok: bool) -> None:
        self._page_loads += 1
        if not ok:
            logger.warning("the map page did not load")

    @Slot(QWebEnginePage.RenderProcessTerminationStatus, int)
    def _on_page_render_process_terminated(
        self, status: QWebEnginePage.RenderProcessTerminationStatus, code: int
    ) -> None:
        self._ready = False
        self._outbox.clear()
        if status == QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            return
        logger.warning("the map page's renderer ended (%s, code %d); reloading", status, code)
        QTimer.singleShot(_RELOAD_AFTER_CRASH_MS, self, lambda: self._page.load(QUrl(PAGE_URL)))


def _dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), allow_nan=False, default=str)


def _valid_trail(points: object) -> list[tuple[float, float]]:
    """A trail's points the page takes (as ``_page_feature`` keeps them), as floats."""
    if not isinstance(points, list | tuple):
        return []
    return [
        (float(p[0]), float(p[1]))
        for p in points
        if isinstance(p, list | tuple) and len(p) >= 2 and _finite(p[0], p[1])
    ]


def _same_point(point: object, known: tuple[float, float]) -> bool:
    return (
        isinstance(point, list | tuple)
        and len(point) >= 2
        and point[0] == known[0]
        and point[1] == known[1]
    )


def _trail_change(old: list[tuple[float, float]], new: list[Any]) -> tuple[int, int] | None:
    """``(drop, keep)`` when ``new`` begins with ``old[drop : drop + keep]`` (keep > 0);
    None when the two share no beginning (the whole trail is sent)."""
    if not new:
        return None
    first = new[0]
    drop = next((i for i, known in enumerate(old) if _same_point(first, known)), None)
    if drop is None:
        return None
    keep = 1
    limit = min(len(new), len(old) - drop)
    while keep < limit and _same_point(new[keep], old[drop + keep]):
        keep += 1
    return drop, keep


def _checked_layer(layer: str) -> str:
    if layer not in LAYERS:
        raise ValueError(f"no map layer called {layer!r} (known: {', '.join(LAYERS)})")
    return layer


def _has_id(feature: object) -> bool:
    return isinstance(feature, dict) and isinstance(feature.get("id"), str) and bool(feature["id"])


def _finite(lat: object, lon: object) -> bool:
    return (
        isinstance(lat, int | float)
        and isinstance(lon, int | float)
        and math.isfinite(lat)
        and math.isfinite(lon)
        and -90.0 <= lat <= 90.0
    )


def _mbtiles_file(tiles: object, given: Path | None) -> Path | None:
    """Which MBTiles file a local tile source reads: as given, else as the source names it."""
    if given is not None:
        return given
    named = getattr(tiles, "mbtiles_path", None)
    return Path(named) if named else None
