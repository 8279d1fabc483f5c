"""The alert queue as a feature of the session: the Alerts dock.

Alerts come from the store at start (and after each refresh of the working set) and live from
the event stream (``apply_update``); live batches are taken in at most once per short interval
(``AlertBatcher``), so a burst of detections costs the GUI one model update per interval while
a lone alert shows at once. New urgent alerts blink and
sound (setting ``alerts.sound``). Every decision goes into the outbox through the session; the
row says it is pending until the delivery worker has sent it, and shows the server's answer.
Promoting opens the raise-event dialog with the alert's snapshot attached
(``POST /incidents`` naming the alert), so the event carries the picture.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from console import paths
from console.client import BackendClient, StoreUpdate
from console.domain.incident import IncidentSource
from console.domain.model import AlertStatus, Camera
from console.gui.alerts import actions
from console.gui.alerts.batching import AlertBatcher
from console.gui.alerts.dialogs import AlertDismissDialog
from console.gui.alerts.model import FLASH_SECONDS, AlertQueueModel
from console.gui.alerts.ordering import is_high_priority, kind_label, kind_value
from console.gui.alerts.pending import OutboxWatch, alert_of_item
from console.gui.alerts.view import AlertsPanel
from console.gui.camera_view import CameraView
from console.gui.docks import DockId, dock_title
from console.gui.incidents.feature import fetch_camera
from console.gui.incidents.raise_dialog import RaiseEventDialog, snapshot_content_type
from console.gui.session import Session
from console.store import Store
from console.store.outbox import OutboxChange, OutboxItem, OutboxState
from console.tasks import NET, STORE
from console.text import fill
from console.wire.alerts import AlertOut

logger = logging.getLogger(__name__)

# At most this often the queue takes in live alerts (and repaints); a lone alert goes at once.
BATCH_MS = 150
# Only alerts detected this recently blink and sound: a reconnect's catch-up is no news.
NEWS_WINDOW = timedelta(minutes=2)
SOUND_GAP_S = 1.0
TITLE_EVERY_MS = 500
SNAPSHOTS_KEPT = 16
ALERT_ACTION_KINDS = frozenset({actions.ACKNOWLEDGE, actions.DISMISS, actions.MERGE})
_FINAL = frozenset({OutboxState.DELIVERED, OutboxState.REJECTED, OutboxState.DISCARDED})
_SNAPSHOT_SUFFIX = {"image/png": ".png", "image/jpeg": ".jpg"}


# ---------------------------------------------------------------------- off the GUI thread


def load_queue(store: Store) -> tuple[list[AlertOut], list[OutboxItem]]:
    """The alerts the store holds and the outbox's unfinished actions (store lane)."""
    unfinished = store.outbox.list([OutboxState.PENDING, OutboxState.REJECTED])
    return store.alerts.recent(), unfinished


def fetch_snapshot(client: BackendClient, media_id: str) -> tuple[str, bytes, QImage]:
    """A snapshot's content type, bytes and picture (network lane; QImage is thread-safe)."""
    content_type, data = client.media(media_id)
    return content_type, data, QImage.fromData(data)


def write_snapshot(media_id: str, content_type: str, data: bytes) -> Path:
    """The snapshot as a file the raise-event dialog can attach (store lane)."""
    folder = paths.cache_dir() / "alert-snapshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"alert-{media_id}{_SNAPSHOT_SUFFIX.get(content_type, '.jpg')}"
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------- the feature


class AlertsFeature(QObject):
    """Contributes the Alerts dock (``panel``) over ``model``.

    Signals:
        alerts_applied(object): a list of AlertOut just taken into the model.
        urgent_arrived(object): the ids of new urgent alerts that blinked (and sounded).
        dismiss_dialog_opened(object): an AlertDismissDialog is shown.
        promote_dialog_opened(object): a RaiseEventDialog for an alert is shown.
        action_settled(str, str): an alert's action left the outbox (alert id, OutboxState).
    """

    alerts_applied = Signal(object)
    urgent_arrived = Signal(object)
    dismiss_dialog_opened = Signal(object)
    promote_dialog_opened = Signal(object)
    action_settled = Signal(str, str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = AlertQueueModel(session.cameras.name, self)
        self.panel = AlertsPanel(self.model)
        self.panel.setObjectName("alerts_panel")
        self.preview = self.panel.preview
        self.live_view = CameraView(session, self.preview.live_area())
        self.preview.ui.live_layout.addWidget(self.live_view)
        session.window.set_dock_widget(DockId.ALERTS, self.panel)
        self.sounds = 0
        self._last_sound = 0.0
        self._urgent_shown = 0
        self._title_pending = False
        self._seq_alert: dict[int, str] = {}
        self._settled_early: dict[int, OutboxState] = {}
        # The outbox item of each alert's refused action, for the operator to discard.
        self._refused_seq: dict[str, int] = {}
        self._snapshots: OrderedDict[str, tuple[str, bytes, QImage]] = OrderedDict()
        self._snapshot_wanted: str | None = None

        self._batcher = AlertBatcher(BATCH_MS, self._on_alert_batch, self)
        self._watch = OutboxWatch(session.store.outbox, self)
        self._watch.changed.connect(self._on_outbox_changed)
        self._title_timer = QTimer(self)
        self._title_timer.setSingleShot(True)
        self._title_timer.setInterval(int(FLASH_SECONDS * 1000))
        self._title_timer.timeout.connect(self._on_title_timer_timeout)

        self.panel.current_changed.connect(self._on_panel_current_changed)
        preview = self.preview
        preview.acknowledge_requested.connect(self.acknowledge)
        preview.dismiss_requested.connect(self.open_dismiss_dialog)
        preview.promote_requested.connect(self.promote)
        preview.merge_requested.connect(self.merge)
        preview.play_requested.connect(session.play_camera)
        preview.discard_requested.connect(self.discard_refused)

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        self.reload()

    def close(self) -> None:
        self._batcher.stop()
        self._watch.close()
        self._title_timer.stop()
        self.live_view.set_camera(None)

    def reload(self, *_args: object) -> None:
        """Take in what the store holds (at start, and after a working set is stored)."""
        if self._session.closed:
            return
        self._session.runner.run(
            STORE,
            load_queue,
            self._session.store,
            on_done=self._on_queue_loaded,
            title=QCoreApplication.translate("AlertQueue", "Reading the alert queue"),
        )

    def apply_update(self, update: StoreUpdate) -> None:
        """Follow the alerts a batch of live events brought (already in the store)."""
        if update.alerts and not self._session.closed:
            self._batcher.add_many(update.alerts.values())

    def catalogue_replaced(self, *_args: object) -> None:
        self.model.refresh_names()
        self._show_current()

    # ------------------------------------------------------------------ actions

    def acknowledge(self, alert_id: str) -> None:
        alert = self.model.alert(alert_id)
        if alert is None:
            return
        self._queue(
            alert_id,
            actions.acknowledge(alert, self._camera_name(alert)),
            QCoreApplication.translate("AlertQueue", "acknowledging"),
        )

    def dismiss(self, alert_id: str, reason: str) -> None:
        alert = self.model.alert(alert_id)
        if alert is None:
            return
        self._queue(
            alert_id,
            actions.dismiss(alert, self._camera_name(alert), reason),
            QCoreApplication.translate("AlertQueue", "dismissing as a false alarm"),
        )

    def merge(self, alert_id: str, into_id: str) -> None:
        alert = self.model.alert(alert_id)
        into = self.model.alert(into_id)
        if alert is None or into is None:
            return
        self._queue(
            alert_id,
            actions.merge(alert, into, self._camera_name(alert)),
            QCoreApplication.translate("AlertQueue", "merging into an earlier alert"),
        )

    def open_dismiss_dialog(self, alert_id: str) -> AlertDismissDialog | None:
        alert = self.model.alert(alert_id)
        if alert is None or self._session.closed:
            return None
        text = fill(
            QCoreApplication.translate("AlertQueue", "%1 at %2, detected %3"),
            kind_label(kind_value(alert)),
            self._camera_name(alert),
            alert.detected_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
        )
        dialog = AlertDismissDialog(text, self._session.window)
        dialog.setObjectName("alert_dismiss_dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reason_given.connect(lambda reason: self.dismiss(alert_id, reason))
        dialog.show()
        self.dismiss_dialog_opened.emit(dialog)
        return dialog

    def promote(self, alert_id: str) -> None:
        """Open the raise-event dialog for the alert, its camera and its snapshot."""
        alert = self.model.alert(alert_id)
        if alert is None or self._session.closed:
            return
        camera = self._session.cameras.camera(alert.camera_id)
        if camera is not None:
            self._promote_with_camera(alert, camera)
            return
        self._session.runner.run(
            NET,
            fetch_camera,
            self._session.client,
            alert.camera_id,
            on_done=lambda found: self._promote_with_camera(alert, found),
            on_error=lambda error: self._show_problem(alert_id, error),
            title=QCoreApplication.translate("AlertQueue", "Reading the camera"),
        )

    def discard_refused(self, alert_id: str) -> None:
        """Drop the alert's action the server refused (it holds back later ones on the alert)."""
        seq = self._refused_seq.get(alert_id)
        if seq is None or self._session.closed:
            return
        self._session.runner.run(
            STORE,
            self._session.store.outbox.discard,
            seq,
            on_done=lambda _item: self._on_refusal_discarded(alert_id, seq),
            on_error=lambda error: self._show_problem(alert_id, error),
            title=QCoreApplication.translate("AlertQueue", "Discarding the refused action"),
        )

    def _on_refusal_discarded(self, alert_id: str, seq: int) -> None:
        if self._refused_seq.get(alert_id) == seq:
            del self._refused_seq[alert_id]
            self.model.set_refused(alert_id, None)
        self._show_current()
        self.action_settled.emit(alert_id, OutboxState.DISCARDED.value)

    # ------------------------------------------------------------------ promoting

    def _promote_with_camera(self, alert: AlertOut, camera: Camera) -> None:
        if self._session.closed:
            return
        media = alert.snapshot
        if media is None:
            self._open_promote_dialog(alert, camera, None)
            return
        cached = self._snapshots.get(media.id)
        if cached is not None:
            self._write_for_promotion(alert, camera, media.id, cached)
            return
        self._session.runner.run(
            NET,
            fetch_snapshot,
            self._session.client,
            media.id,
            on_done=lambda got: self._write_for_promotion(alert, camera, media.id, got),
            on_error=lambda error: self._snapshot_unavailable(alert, camera, error),
            title=QCoreApplication.translate("AlertQueue", "Downloading the alert's snapshot"),
        )

    def _write_for_promotion(
        self, alert: AlertOut, camera: Camera, media_id: str, got: tuple[str, bytes, QImage]
    ) -> None:
        self._keep_snapshot(media_id, got)
        content_type, data, _image = got
        self._session.runner.run(
            STORE,
            write_snapshot,
            media_id,
            content_type,
            data,
            on_done=lambda path: self._open_promote_dialog(alert, camera, path),
            on_error=lambda error: self._snapshot_unavailable(alert, camera, error),
            title=QCoreApplication.translate("AlertQueue", "Saving the alert's snapshot"),
        )

    def _snapshot_unavailable(self, alert: AlertOut, camera: Camera, error: BaseException) -> None:
        logger.warning("alert %s: snapshot not attached: %s", alert.id, error)
        self._open_promote_dialog(alert, camera, None)

    def _open_promote_dialog(self, alert: AlertOut, camera: Camera, snapshot: Path | None) -> None:
        if self._session.closed:
            return
        if snapshot is not None and snapshot_content_type(snapshot) is None:
            snapshot = None
        dialog = RaiseEventDialog(
            lambda *args, **options: self._queue_promotion(alert.id, *args, **options),
            camera=camera,
            snapshot_path=snapshot,
            source=IncidentSource.ALERT,
            category_code=kind_value(alert),
            alert_ids=(alert.id,),
            runner=self._session.runner,
            parent=self._session.window,
        )
        dialog.setObjectName("alert_promote_dialog")
        dialog.ui.title_edit.setText(
            fill(
                QCoreApplication.translate("AlertQueue", "%1 — %2"),
                kind_label(kind_value(alert)),
                camera.name,
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        self.promote_dialog_opened.emit(dialog)

    def _queue_promotion(
        self, alert_id: str, kind: str, method: str, path: str, body: Any, **options: Any
    ) -> None:
        self.model.set_pending(
            alert_id, QCoreApplication.translate("AlertQueue", "raising an event")
        )
        self._show_current()
        self._session.queue_action(
            kind,
            method,
            path,
            body,
            title=QCoreApplication.translate("AlertQueue", "Queuing the event for the server"),
            on_done=lambda item: self._track(item, alert_id),
            on_error=lambda error: self._queue_failed(alert_id, error),
            **options,
        )

    # ------------------------------------------------------------------ the outbox

    def _queue(self, alert_id: str, request: actions.AlertRequest, doing: str) -> None:
        if self._session.closed:
            return
        self.model.set_pending(alert_id, doing)
        self._show_current()
        self._session.queue_action(
            request.kind,
            request.method,
            request.path,
            request.body,
            title=QCoreApplication.translate("AlertQueue", "Queuing the alert action"),
            summary=request.summary,
            on_done=lambda item: self._track(item, alert_id),
            on_error=lambda error: self._queue_failed(alert_id, error),
        )

    def _track(self, item: OutboxItem, alert_id: str) -> None:
        early = self._settled_early.pop(item.seq, None)
        self._seq_alert[item.seq] = alert_id
        if early is not None:
            self._settle(item.seq, early)

    def _queue_failed(self, alert_id: str, error: BaseException) -> None:
        logger.error("could not queue an action on alert %s: %s", alert_id, error)
        self.model.set_pending(alert_id, None)
        self.model.set_refused(
            alert_id,
            fill(QCoreApplication.translate("AlertQueue", "not queued: %1"), error),
        )
        self._show_current()

    def _on_outbox_changed(self, change: OutboxChange) -> None:
        if self._session.closed or change.state not in _FINAL:
            return
        if change.seq not in self._seq_alert:
            # Settled before its queuing was reported back; remembered for a short while.
            self._settled_early[change.seq] = change.state
            while len(self._settled_early) > 256:
                self._settled_early.pop(next(iter(self._settled_early)))
            return
        self._settle(change.seq, change.state)

    def _settle(self, seq: int, state: OutboxState) -> None:
        alert_id = self._seq_alert.pop(seq)
        self._session.runner.run(
            STORE,
            self._session.store.outbox.get,
            seq,
            on_done=lambda item: self._on_settled_item(alert_id, state, item),
            title=QCoreApplication.translate("AlertQueue", "Reading the outbox"),
        )

    def _on_settled_item(self, alert_id: str, state: OutboxState, item: OutboxItem | None) -> None:
        if self._session.closed:
            return
        self.model.set_pending(alert_id, None)
        if state is OutboxState.REJECTED:
            reason = (item.reason if item is not None else None) or ""
            self.model.set_refused(alert_id, reason or state.value)
            if item is not None:
                self._refused_seq[alert_id] = item.seq
        elif (
            state is OutboxState.DELIVERED
            and item is not None
            and item.kind in ALERT_ACTION_KINDS
            and item.response_body
        ):
            # The server's answer is the alert as it is now; the event stream says the same
            # a moment later.
            try:
                self.model.apply([AlertOut.model_validate_json(item.response_body)])
            except ValueError:
                logger.warning("alert %s: the server's answer was not an alert", alert_id)
        self._show_current()
        self.action_settled.emit(alert_id, state.value)

    # ------------------------------------------------------------------ live alerts

    def _on_queue_loaded(self, loaded: tuple[list[AlertOut], list[OutboxItem]]) -> None:
        if self._session.closed:
            return
        alerts, unfinished = loaded
        self.model.apply(alerts)
        for item in unfinished:
            alert_id = alert_of_item(item, ALERT_ACTION_KINDS)
            if alert_id is None or item.seq in self._seq_alert:
                continue
            if item.state is OutboxState.PENDING:
                self._seq_alert[item.seq] = alert_id
                self.model.set_pending(alert_id, item.summary)
            else:
                self.model.set_refused(alert_id, item.reason or item.state.value)
                self._refused_seq[alert_id] = item.seq
        self.alerts_applied.emit(alerts)
        self._show_current()

    def _on_alert_batch(self, alerts: list[AlertOut]) -> None:
        if self._session.closed:
            return
        fresh = self.model.apply(alerts)
        news_since = datetime.now(UTC) - NEWS_WINDOW
        urgent = [
            alert.id
            for alert in fresh
            if alert.status is AlertStatus.NEW
            and alert.detected_at >= news_since
            and is_high_priority(alert)
        ]
        if urgent:
            self._announce(urgent)
        self.alerts_applied.emit(alerts)
        current = self.panel.current_alert_id()
        if current and any(alert.id == current for alert in alerts):
            self._show_current()

    def _announce(self, urgent: list[str]) -> None:
        self.model.flash(urgent)
        self._urgent_shown += len(urgent)
        # Retitling a dock relays out its title bar; in a burst, once in a while is enough.
        if not self._title_pending:
            self._title_pending = True
            QTimer.singleShot(TITLE_EVERY_MS, self._show_urgent_title)
        self._title_timer.start()
        now = time.monotonic()
        if self._session.settings.get("alerts.sound") and now - self._last_sound >= SOUND_GAP_S:
            self._last_sound = now
            self.sounds += 1
            QApplication.beep()
        self.urgent_arrived.emit(urgent)

    def _show_urgent_title(self) -> None:
        self._title_pending = False
        if self._session.closed or not self._urgent_shown:
            return
        self._session.window.dock(DockId.ALERTS).setWindowTitle(
            fill(
                QCoreApplication.translate("AlertQueue", "%1 — %2 new urgent"),
                dock_title(DockId.ALERTS),
                self._urgent_shown,
            )
        )

    def _on_title_timer_timeout(self) -> None:
        self._urgent_shown = 0
        self._session.window.dock(DockId.ALERTS).setWindowTitle(dock_title(DockId.ALERTS))

    # ------------------------------------------------------------------ preview

    def _on_panel_current_changed(self, alert_id: str) -> None:
        self._show_current()
        alert = self.model.alert(alert_id) if alert_id else None
        self.live_view.set_camera(alert.camera_id if alert is not None else None)
        self._load_snapshot(alert)

    def _show_current(self) -> None:
        alert_id = self.panel.current_alert_id()
        alert = self.model.alert(alert_id) if alert_id else None
        if alert is None:
            self.preview.show_alert(None)
            return
        self.preview.show_alert(
            alert,
            self._camera_name(alert),
            duplicate=self.model.duplicate_of(alert.id),
            pending=self.model.pending_action(alert.id),
            refusal=self.model.refusal(alert.id),
            held=alert.id in self._refused_seq,
        )

    def _load_snapshot(self, alert: AlertOut | None) -> None:
        if alert is None:
            return
        media = alert.snapshot
        if media is None:
            self.preview.set_snapshot(
                None, QCoreApplication.translate("AlertQueue", "No snapshot with this alert")
            )
            return
        cached = self._snapshots.get(media.id)
        if cached is not None:
            self.preview.set_snapshot(cached[2], "")
            return
        self.preview.set_snapshot(
            None, QCoreApplication.translate("AlertQueue", "Loading the snapshot…")
        )
        self._snapshot_wanted = media.id
        self._session.runner.run(
            NET,
            fetch_snapshot,
            self._session.client,
            media.id,
            on_done=lambda got: self._on_snapshot_fetched(media.id, got),
            on_error=lambda error: self._on_snapshot_failed(media.id, error),
            title=QCoreApplication.translate("AlertQueue", "Downloading the alert's snapshot"),
        )

    def _on_snapshot_fetched(self, media_id: str, got: tuple[str, bytes, QImage]) -> None:
        self._keep_snapshot(media_id, got)
        if self._session.closed or media_id != self._snapshot_wanted:
            return
        image = got[2]
        if image.isNull():
            self.preview.set_snapshot(
                None, QCoreApplication.translate("AlertQueue", "The snapshot cannot be shown")
            )
        else:
            self.preview.set_snapshot(image, "")

    def _on_snapshot_failed(self, media_id: str, error: BaseException) -> None:
        logger.warning("snapshot %s not loaded: %s", media_id, error)
        if not self._session.closed and media_id == self._snapshot_wanted:
            self.preview.set_snapshot(
                None,
                fill(
                    QCoreApplication.translate(
                        "AlertQueue", "The snapshot could not be loaded: %1"
                    ),
                    error,
                ),
            )

    def _keep_snapshot(self, media_id: str, got: tuple[str, bytes, QImage]) -> None:
        self._snapshots[media_id] = got
        self._snapshots.move_to_end(media_id)
        while len(self._snapshots) > SNAPSHOTS_KEPT:
            self._snapshots.popitem(last=False)

    # ------------------------------------------------------------------ helpers

    def _camera_name(self, alert: AlertOut) -> str:
        return self._session.cameras.name(alert.camera_id)

    def _show_problem(self, alert_id: str, error: BaseException) -> None:
        logger.warning("alert %s: %s", alert_id, error)
        if self.panel.current_alert_id() == alert_id:
            self.preview.set_message(str(error))
