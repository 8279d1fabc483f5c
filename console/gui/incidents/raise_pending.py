"""A raised event the server has not created yet, as the console shows it meanwhile.

When an event is queued, a stand-in incident under its local id (``local-...``) goes into
the store's incident cache, so the list and the detail pane show it at once, marked pending
(``console.store.outbox.is_local_id``), and actions on it can be queued behind its creation.
Once the creation is delivered, ``LiveSync`` swaps the stand-in for the server's record.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.client.sync import StoreUpdate
from console.domain.incident import Incident, IncidentSource, IncidentState, Priority
from console.domain.model import GeoPoint
from console.gui.session import Session
from console.store import Store
from console.store.types import utc_now
from console.tasks import STORE
from console.wire.incidents import incident_out


def pending_incident(local_id: str, body: Mapping[str, Any], created_by: str) -> Incident:
    """The stand-in for a queued ``POST /incidents`` ``body``: reported, not yet numbered."""
    now = utc_now()
    return Incident(
        id=local_id,
        number="",
        title=str(body["title"]),
        category=str(body["category"]),
        priority=Priority(int(body["priority"])),
        source=IncidentSource(str(body["source"])),
        state=IncidentState.REPORTED,
        position=GeoPoint(float(body["lat"]), float(body["lon"])),
        created_by=created_by,
        created_at=now,
        updated_at=now,
        description=str(body.get("description", "")),
        address=str(body.get("address", "")),
        camera_ids=tuple(str(c) for c in body.get("camera_ids", ())),
        alert_ids=tuple(str(a) for a in body.get("alert_ids", ())),
        caller_name=str(body.get("caller_name", "")),
        caller_phone=str(body.get("caller_phone", "")),
    )


def store_pending_incident(store: Store, incident: Incident) -> StoreUpdate:
    """Put the stand-in into the cache (store lane), unless its creation is already done."""
    if store.outbox.server_id(incident.id) is not None:
        return StoreUpdate()
    body = incident_out(incident)
    store.incidents.upsert([body])
    return StoreUpdate(incidents={incident.id: body})


def queue_raise(session: Session, path: str, body: Mapping[str, Any], **options: Any) -> None:
    """Queue a raised event (``POST /incidents``, kind ``incident.raise``) through the
    session, then put its stand-in into the store; ``store_updated`` tells the views."""
    local_id = options.get("creates")
    kind = str(options.pop("kind", "incident.raise"))
    method = str(options.pop("method", "POST"))

    def queued(_item: Any) -> None:
        if local_id is None or session.closed:
            return
        incident = pending_incident(str(local_id), body, session.user.id)
        session.runner.run(
            STORE,
            store_pending_incident,
            session.store,
            incident,
            on_done=shown,
            title=QCoreApplication.translate("Console", "Showing the queued event"),
        )

    def shown(update: StoreUpdate) -> None:
        if not session.closed and not update.empty:
            session.signals.store_updated.emit(update)

    session.queue_action(
        kind,
        method,
        path,
        body,
        title=QCoreApplication.translate("Console", "Queuing the event for the server"),
        on_done=queued,
        **options,
    )
