"""Evidence exports from the review window, and their record on the server.

The export itself (cut, hash, sign) runs on a worker with this workstation's key and needs no
server. With a session, the key's registration (once per server) and the export's record
(audited there; attached to an event when one is named) are then queued through the outbox.
With no session the export is noted as unrecorded, and recorded at the next signed-in review.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from shiboken6 import isValid

from console.evidence import ClipRange, ExportResult, WorkstationKey, export_evidence
from console.evidence.records import note_unrecorded, unrecorded_exports
from console.gui.session import Session
from console.review.bookmarks import QueuedRequest
from console.review.export_records import LocalIds, plan_export_records
from console.tasks import NET, STORE, TaskRunner

logger = logging.getLogger(__name__)


def export_range_signed(
    ranges: list[ClipRange],
    names: dict[str, str],
    officer: str,
    parent: Path,
    incident_id: str | None = None,
    recorded_later: bool = False,
) -> ExportResult:
    """On a worker: export with this workstation's key (made on first use). With
    ``recorded_later`` the export is noted for the next signed-in review to record."""
    signer = WorkstationKey.load_or_create()
    result = export_evidence(
        ranges, parent, officer=officer, incident_id=incident_id, signer=signer, camera_names=names
    )
    if recorded_later:
        note_unrecorded(signer, result.folder)
    return result


def plan_records(server: str, outbox: LocalIds, folders: list[Path]) -> list[QueuedRequest]:
    """On the store lane: the outbox requests recording ``folders`` (and any export made with
    no session); nothing when there is nothing to record."""
    key = WorkstationKey.load_or_create()
    if not folders and not unrecorded_exports(key):
        return []
    return plan_export_records(key, server, outbox, folders, label=socket.gethostname()[:200])


class ExportRecorder(QObject):
    """Queues the records of exports made in the review window (see the module docstring).

    Signals:
        recorded(int): this many requests (key registration, records) are in the outbox.
        failed(str): the record could not be queued (the export itself is fine).
    """

    recorded = Signal(int)
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, session: Session | None, parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self._session = session

    @property
    def online(self) -> bool:
        return self._session is not None and not self._session.closed

    def officer(self, fallback: str) -> str:
        if self._session is None:
            return fallback
        user = self._session.user
        return f"{user.display_name} ({user.username})"

    def export(
        self,
        ranges: list[ClipRange],
        names: dict[str, str],
        officer: str,
        parent: Path,
        incident_id: str | None,
        *,
        on_done: Callable[[ExportResult], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._runner.run(
            NET,
            export_range_signed,
            ranges,
            names,
            officer,
            parent,
            incident_id,
            not self.online,
            on_done=on_done,
            on_error=on_error,
        )

    def record(self, folders: list[Path]) -> None:
        """Queue the records of ``folders`` (none: only exports made earlier offline)."""
        if not self.online:
            return
        assert self._session is not None
        self._runner.run(
            STORE,
            plan_records,
            self._session.client.api_root,
            self._session.store.outbox,
            folders,
            on_done=self._on_planned,
            on_error=self._on_failed,
        )

    def _on_planned(self, requests: list[QueuedRequest]) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        if not requests or not self.online:
            return
        assert self._session is not None
        last = len(requests) - 1
        for index, request in enumerate(requests):
            self._session.queue_action(
                request.kind,
                request.method,
                request.path,
                request.body,
                title=QCoreApplication.translate("ExportRecorder", "Recording an evidence export"),
                on_done=(lambda _item: self.recorded.emit(len(requests)))
                if index == last
                else None,
                on_error=self._on_failed,
                **request.options,
            )

    def _on_failed(self, error: BaseException) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        logger.warning("review: the export's record could not be queued: %s", error)
        self.failed.emit(str(error))
