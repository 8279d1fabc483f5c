"""Ties every incident the server records to the problem it is about, as it is raised.

An incident may be raised by anyone (an operator at a tile, a promoted alert, a hotline call):
the demo world must then have a problem at that place for the cameras to show. The watcher
runs in the server's process: the database wakes it after each commit that wrote live events,
and it reads the new ``incident.created`` events from the event table, the same record the
event stream serves. An incident that ends without a real fix (``TERMINAL_STATES``) releases
its problem. It also lets unclaimed problems expire on time.
"""

from __future__ import annotations

import json
import logging
import threading

from console.domain.incident import TERMINAL_STATES
from console.domain.model import GeoPoint
from console.server.db.database import Database
from console.server.demo.problems import ProblemStage
from console.server.services import events
from console.wire.events import EventType

logger = logging.getLogger(__name__)

_ENDED = frozenset(state.value for state in TERMINAL_STATES)

_BATCH = 500
_IDLE_S = 1.0  # how often unclaimed problems are checked for expiry


class IncidentWatch:
    """A daemon thread feeding new incidents to ``stage.link_incident``; ``start``/``stop``."""

    def __init__(self, db: Database, stage: ProblemStage) -> None:
        self._db = db
        self._stage = stage
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_id = 0

    def start(self) -> IncidentWatch:
        if self._thread is not None:
            return self
        with self._db.read() as session:
            _low, high = events.bounds(session)
        self._last_id = high or 0  # incidents from before the demo started are history
        self._db.on_events(self._wake.set)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="demo-incident-watch", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(_IDLE_S)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self._read_new()
                self._stage.expire()
            except Exception:
                logger.exception("reading new incidents for the demo world failed")

    def _read_new(self) -> None:
        while True:
            with self._db.read() as session:
                rows = [
                    (r.id, r.type, r.data) for r in events.after(session, self._last_id, _BATCH)
                ]
            for event_id, kind, data in rows:
                self._last_id = event_id
                if kind == EventType.INCIDENT_CREATED.value:
                    self._raised(json.loads(data))
                elif kind == EventType.INCIDENT_CHANGED.value:
                    incident = json.loads(data)
                    if incident.get("state") in _ENDED and "id" in incident:
                        self._stage.release(str(incident["id"]))
            if len(rows) < _BATCH:
                return

    def _raised(self, incident: dict[str, object]) -> None:
        try:
            incident_id = str(incident["id"])
            category = str(incident.get("category") or "other")
            place = GeoPoint(float(str(incident["lat"])), float(str(incident["lon"])))
        except (KeyError, TypeError, ValueError):
            logger.warning("an incident event without a place: %r", incident.get("id"))
            return
        self._stage.link_incident(incident_id, category, place)
