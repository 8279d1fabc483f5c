"""The page's side of the QWebChannel: what the map page tells Python.

Registered as ``bridge`` on the page's channel; ``tianmu_map.js`` calls these slots. The page
is ours, but its arguments are still checked (type, length) before they become signals, since
the page draws text it did not write.

The other way, Python hands the page its data as ``messages(str)``: a batch of messages as
JSON text, which the page takes with ``TianmuMap.receive``. It travels as a signal's argument,
never as script: the page's renderer keeps every distinct script it was ever given to run
(measured: about twice the script's size, for good), so data sent as script grew it with every
batch for as long as the console ran.

Signals: messages(str), page_ready(), camera_clicked(str), cameras_boxed(list), event_clicked(str),
unit_clicked(str), alert_clicked(str), pass_clicked(str), context_requested(float, float),
location_picked(float, float), location_pick_cancelled(), camera_drag_started(str),
page_error(str). Positions are in the tiles' coordinates (the view converts them).
"""

from __future__ import annotations

import json
import logging
import math

from PySide6.QtCore import QObject, Signal, SignalInstance, Slot

logger = logging.getLogger(__name__)

_MAX_ID = 200
_MAX_BOXED = 100_000


def _valid_id(value: object) -> str | None:
    if isinstance(value, str) and 0 < len(value) <= _MAX_ID:
        return value
    return None


def _valid_position(lat: object, lon: object) -> tuple[float, float] | None:
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if not (-90.0 <= lat <= 90.0):
        return None
    return float(lat), float(lon)


class MapBridge(QObject):
    """Receives the page's reports and turns them into checked Qt signals."""

    messages = Signal(str)  # to the page: a batch of messages as JSON text
    page_ready = Signal()
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
    page_error = Signal(str)

    @Slot()
    def pageReady(self) -> None:  # noqa: N802 - names the page calls
        self.page_ready.emit()

    @Slot(str)
    def cameraClicked(self, camera_id: str) -> None:  # noqa: N802
        self._emit_id(self.camera_clicked, camera_id)

    @Slot(str)
    def eventClicked(self, incident_id: str) -> None:  # noqa: N802
        self._emit_id(self.event_clicked, incident_id)

    @Slot(str)
    def unitClicked(self, unit_id: str) -> None:  # noqa: N802
        self._emit_id(self.unit_clicked, unit_id)

    @Slot(str)
    def alertClicked(self, alert_id: str) -> None:  # noqa: N802
        self._emit_id(self.alert_clicked, alert_id)

    @Slot(str)
    def passClicked(self, pass_id: str) -> None:  # noqa: N802
        self._emit_id(self.pass_clicked, pass_id)

    @Slot(str)
    def cameraDragStarted(self, camera_id: str) -> None:  # noqa: N802
        self._emit_id(self.camera_drag_started, camera_id)

    @Slot(str)
    def camerasBoxed(self, ids_json: str) -> None:  # noqa: N802
        try:
            ids = json.loads(ids_json)
        except (TypeError, ValueError):
            logger.warning("the map page sent a box selection that is not JSON")
            return
        if not isinstance(ids, list) or len(ids) > _MAX_BOXED:
            return
        valid = [i for i in (_valid_id(v) for v in ids) if i is not None]
        if valid:
            self.cameras_boxed.emit(list(dict.fromkeys(valid)))

    @Slot(float, float)
    def contextRequested(self, lat: float, lon: float) -> None:  # noqa: N802
        position = _valid_position(lat, lon)
        if position is not None:
            self.context_requested.emit(*position)

    @Slot(float, float)
    def locationPicked(self, lat: float, lon: float) -> None:  # noqa: N802
        position = _valid_position(lat, lon)
        if position is not None:
            self.location_picked.emit(*position)

    @Slot()
    def locationPickCancelled(self) -> None:  # noqa: N802
        self.location_pick_cancelled.emit()

    @Slot(str)
    def reportError(self, message: str) -> None:  # noqa: N802
        text = message[:500] if isinstance(message, str) else ""
        logger.warning("map page error: %s", text)
        self.page_error.emit(text)

    def _emit_id(self, signal: SignalInstance, value: object) -> None:
        checked = _valid_id(value)
        if checked is not None:
            signal.emit(checked)
