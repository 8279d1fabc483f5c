"""Verification by video (核查) as a feature of the session.

``open(incident_id)`` answers the session's ``verification_requested``: the incident is read
from the local store (or, when the store lacks it, from the server) with its alerts'
snapshots, and its verification view opens; asking again for an open one brings it forward.
Newer copies of an open incident from the event stream reach its view.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from console.client import BackendClient, StoreUpdate
from console.domain.incident import Incident
from console.domain.model import MediaRef
from console.gui.session import Session
from console.gui.verification.dialog import VerificationDialog
from console.store import Store
from console.tasks import NET, STORE
from console.text import fill

logger = logging.getLogger(__name__)

MESSAGE_MS = 8000


@dataclass(frozen=True, slots=True)
class Loaded:
    incident: Incident | None
    alert_snapshots: list[MediaRef]


def load_from_store(store: Store, incident_id: str) -> Loaded:
    """The incident and its alerts' snapshots as the local store has them (store lane)."""
    incident = store.incidents.get(incident_id)
    snapshots: list[MediaRef] = []
    if incident is not None:
        for alert_id in incident.alert_ids:
            alert = store.alerts.get(alert_id)
            if alert is not None and alert.snapshot is not None:
                snapshots.append(alert.snapshot)
    return Loaded(incident, snapshots)


def load_from_server(client: BackendClient, incident_id: str) -> Incident:
    return client.incident(incident_id).to_domain()


class VerificationFeature(QObject):
    """Opens verification views; ``dialogs`` are the open ones by incident id.

    Signals:
        dialog_opened(object): a VerificationDialog is shown.
    """

    dialog_opened = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.dialogs: dict[str, VerificationDialog] = {}

    def open(self, incident_id: str) -> None:
        """Show the verification view of ``incident_id`` (see the module docstring)."""
        session = self._session
        if session.closed:
            return
        dialog = self.dialogs.get(incident_id)
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.showNormal()
            dialog.raise_()
            dialog.activateWindow()
            return
        session.runner.run(
            STORE,
            load_from_store,
            session.store,
            incident_id,
            on_done=lambda loaded: self._on_loaded(incident_id, loaded),
            on_error=lambda error: self._on_failed(incident_id, error),
            title=QCoreApplication.translate("VerificationFeature", "Reading the event"),
        )

    def apply_update(self, update: StoreUpdate) -> None:
        """Open views follow their incident as the event stream changes it."""
        for incident_id, body in update.incidents.items():
            dialog = self.dialogs.get(incident_id)
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.set_incident(body.to_domain())

    def close(self) -> None:
        """The session ends: every open view closes (and stops its cameras)."""
        for dialog in list(self.dialogs.values()):
            if shiboken6.isValid(dialog):
                dialog.discard()
        self.dialogs.clear()

    # ---------------------------------------------------------------- internals

    def _on_loaded(self, incident_id: str, loaded: object) -> None:
        assert isinstance(loaded, Loaded)
        if loaded.incident is not None:
            self._show(loaded.incident, loaded.alert_snapshots)
            return
        session = self._session
        if session.closed:
            return
        session.runner.run(
            NET,
            load_from_server,
            session.client,
            incident_id,
            on_done=lambda incident: self._show(incident, []),
            on_error=lambda error: self._on_failed(incident_id, error),
            title=QCoreApplication.translate("VerificationFeature", "Reading the event"),
        )

    def _show(self, incident: Incident, alert_snapshots: list[MediaRef]) -> None:
        session = self._session
        if session.closed:
            return
        existing = self.dialogs.get(incident.id)
        if existing is not None and shiboken6.isValid(existing):
            existing.raise_()
            return
        dialog = VerificationDialog(session, incident, alert_snapshots, parent=session.window)
        dialog.setObjectName("verification_dialog")
        dialog.verdict_queued.connect(self._on_dialog_verdict_queued)
        dialog.destroyed.connect(lambda _=None, key=incident.id: self._forget(key))
        self.dialogs[incident.id] = dialog
        dialog.show()
        self.dialog_opened.emit(dialog)

    def _forget(self, incident_id: str) -> None:
        self.dialogs.pop(incident_id, None)

    def _on_failed(self, incident_id: str, error: BaseException) -> None:
        logger.warning("verification of %s cannot open: %s", incident_id, error)
        if self._session.closed:
            return
        self._session.window.status.showMessage(
            fill(self.tr("The event cannot be verified now: %1"), error), MESSAGE_MS
        )

    def _on_dialog_verdict_queued(self, incident_id: str, verdict: str) -> None:
        if self._session.closed:
            return
        text = (
            self.tr("Verification passed; the event will be closed as resolved.")
            if verdict == "pass"
            else self.tr("Verification failed; the event goes back to the unit.")
        )
        self._session.window.status.showMessage(text, MESSAGE_MS)
