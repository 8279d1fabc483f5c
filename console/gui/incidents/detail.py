"""The incident detail pane: one incident with its header, timeline, nearest cameras and the
life-cycle actions the signed-in user may take.

The pane reads the incident from the local store on the store lane and reads it again when
the live event stream writes a newer version (``store_updated``). Actions go into the
outbox through ``Session.queue_action``; while they wait, the banner says so and the action
bar offers what the state machine allows once they land (``pending_actions.predict``). A
refusal by the server stays on the banner, with its reason, until the operator discards it.

The header shows the time left before the incident is due, counted every second on the
server's clock: the offset between this workstation and the server comes from
``GET /health`` (``now``), so a wrong workstation clock does not shift it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.client import BackendClient
from console.client.sync import StoreUpdate
from console.domain.categories import category as category_of
from console.domain.incident import (
    SLA_TIMED_STATES,
    Action,
    Actor,
    Incident,
    IncidentState,
    allowed_actions,
    incident_sla_times,
)
from console.domain.model import Role, Unit
from console.domain.sla import Ladder, SlaLevel, level_at
from console.gui.incidents.actions import (
    DIRECT_ACTIONS,
    REASON_ACTIONS,
    ActionBar,
    ActionDialog,
    CloseDialog,
    DelayDialog,
    FeedbackDialog,
    FileDialog,
    QueuedRequest,
    ReasonDialog,
    action_request,
    feedback_request,
)
from console.gui.incidents.categories import category_label, priority_label
from console.gui.incidents.dispatch_dialog import DispatchDialog
from console.gui.incidents.escalate import EscalateDialog, escalate_request, may_escalate
from console.gui.incidents.labels import (
    grid_level_label,
    ladder_label,
    major_label,
    sla_level_label,
    state_label,
    unit_status_label,
)
from console.gui.incidents.media_cache import MediaCache
from console.gui.incidents.merge_dialog import Found, MergeDialog, find_by_number
from console.gui.incidents.nearest_cameras import (
    NearbyCamera,
    NearestCamerasView,
    nearest_cameras,
)
from console.gui.incidents.pending_actions import (
    PendingBanner,
    actions_for,
    incident_entity,
    predict,
)
from console.gui.incidents.timeline import TimelineView, local_time, timeline_entries
from console.gui.plain_text import (
    plain_label,
    plain_message_box,
    set_plain_text,
    set_plain_tooltip,
)
from console.gui.session import Session
from console.store import OutboxItem, OutboxState, Store
from console.store.incidents import IncidentFilter
from console.tasks import NET, STORE
from console.text import fill

logger = logging.getLogger(__name__)

SLA_COLOURS: dict[SlaLevel, str] = {
    SlaLevel.NORMAL: "#2e7d32",
    SlaLevel.YELLOW: "#b38f00",
    SlaLevel.ORANGE: "#e65100",
    SlaLevel.RED: "#c62828",
    SlaLevel.OVERDUE: "#8e0000",
}
_DUTY_ROLES = (Role.OPERATOR, Role.SUPERVISOR)


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the store lane read for the pane."""

    incident_id: str
    incident: Incident | None
    outbox: list[OutboxItem] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)


def load_incident(store: Store, incident_id: str, known_units: frozenset[str]) -> Loaded:
    """Store lane: the incident, its unfinished outbox items, and the units it names that
    the pane does not know yet."""
    incident = store.incidents.get(incident_id)
    units: list[Unit] = []
    if incident is not None:
        for unit_id in incident.unit_ids:
            if unit_id not in known_units and (unit := store.units.get(unit_id)) is not None:
                units.append(unit)
    return Loaded(incident_id, incident, actions_for(store.outbox, incident_id), units)


def load_units(store: Store) -> list[Unit]:
    return store.units.all()


def fetch_units(client: BackendClient) -> list[Unit]:
    return [unit.to_domain() for unit in client.units()]


def server_offset(client: BackendClient) -> timedelta:
    """How far the server's clock is ahead of this workstation's (network lane)."""
    before = datetime.now(UTC)
    health = client.health()
    after = datetime.now(UTC)
    now = getattr(health, "now", None)
    if not isinstance(now, datetime):
        return timedelta(0)
    return now - (before + (after - before) / 2)


def find_in_store(store: Store, number: str) -> Incident | None:
    page = store.incidents.query(IncidentFilter(text=number), limit=20)
    return find_by_number(page.items, number)


def find_on_server(client: BackendClient, number: str) -> Incident | None:
    page = client.incidents_page(q=number, limit=20)
    return find_by_number([item.to_domain() for item in page.items], number)


def remaining_text(remaining: timedelta) -> str:
    """``1 d 02:03:04``, ``02:03:04``; negative times count the overdue time."""
    seconds = int(abs(remaining.total_seconds()))
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    if not days:
        return clock
    return fill(QCoreApplication.translate("IncidentDetailPane", "%1 d %2"), days, clock)


class IncidentDetailPane(QWidget):
    """Shows one incident from the local store; ``show_incident(None)`` clears it.

    ``incident`` is the stored incident shown, ``predicted`` the same once the actions
    waiting in the outbox land; ``dialog`` the action dialog open now, if any.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incident_detail")
        self._session = session
        user = session.user
        self.actor = Actor(user_id=user.id, role=user.role, unit_id=user.unit_id)
        self._incident_id: str | None = None
        self.incident: Incident | None = None
        self.predicted: Incident | None = None
        self.outbox_items: list[OutboxItem] = []
        self.dialog: QDialog | None = None
        self._units: dict[str, Unit] = {}
        self._offset = timedelta(0)
        self._loads = 0
        self._cameras_key: tuple[object, ...] | None = None
        self.media = MediaCache(session.runner, session.client, self, ended=lambda: session.closed)

        self._stack = QStackedLayout(self)
        self._empty = plain_label(QLabel(self))
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._stack.addWidget(self._empty)
        # In a short dock the whole pane scrolls rather than squeezing its header.
        self._scroller = QScrollArea(self)
        self._scroller.setWidgetResizable(True)
        self._scroller.setFrameShape(QFrame.Shape.NoFrame)
        self._body = QWidget(self._scroller)
        self._scroller.setWidget(self._body)
        self._stack.addWidget(self._scroller)
        self._build_body()

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_remaining)

        signals = session.signals
        signals.store_updated.connect(self._on_session_store_updated)
        signals.action_queued.connect(self._on_session_action_queued)
        signals.pending_counted.connect(self._on_session_pending_counted)
        self._retranslate()
        self._stack.setCurrentWidget(self._empty)
        session.runner.run(STORE, load_units, session.store, on_done=self._on_units_loaded)
        session.runner.run(
            NET,
            server_offset,
            session.client,
            on_done=self._on_offset_measured,
            on_error=lambda error: logger.info("server clock not read: %s", error),
        )

    # ------------------------------------------------------------------ building

    def _build_body(self) -> None:
        layout = QVBoxLayout(self._body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        # Header texts stay on one line and give way to a narrow dock (the tooltip has it
        # all): wrapped labels in a grid would be cut off instead.
        self.title_label = plain_label(QLabel(self._body))
        self.title_label.setObjectName("title_label")
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)

        header = QGridLayout()
        header.setHorizontalSpacing(12)
        header.setVerticalSpacing(2)
        self._captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        fields = (
            "state",
            "priority",
            "category",
            "place",
            "lead_unit",
            "due",
            "remaining",
            "sla",
        )
        for index, name in enumerate(fields):
            caption = plain_label(QLabel(self._body))
            caption.setStyleSheet("color: palette(mid);")
            value = plain_label(QLabel(self._body))
            value.setObjectName(f"{name}_value")
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, column = divmod(index, 2)
            header.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignTop)
            header.addWidget(value, row, column * 2 + 1)
            self._captions[name] = caption
            self.values[name] = value
        header.setColumnStretch(1, 1)
        header.setColumnStretch(3, 1)
        layout.addLayout(header)

        self.banner = PendingBanner(self._body)
        self.banner.discard_requested.connect(self._on_banner_discard_requested)
        layout.addWidget(self.banner)

        bar_row = QHBoxLayout()
        self.action_bar = ActionBar(self._body)
        self.action_bar.setObjectName("action_bar")
        self.action_bar.action_triggered.connect(self._on_action_bar_action_triggered)
        bar_row.addWidget(self.action_bar, 1)
        # Looking again on video is not a step of the life cycle: attaching a verification
        # is open to the duty staff while the unit's report waits for its check.
        self.verify_button = QPushButton(self._body)
        self.verify_button.setObjectName("open_verification")
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        bar_row.addWidget(self.verify_button)
        # Nor is escalation: it moves who answers for the incident, not its state.
        self.escalate_button = QPushButton(self._body)
        self.escalate_button.setObjectName("escalate")
        self.escalate_button.clicked.connect(self._on_escalate_button_clicked)
        bar_row.addWidget(self.escalate_button)
        layout.addLayout(bar_row)

        self.tabs = QTabWidget(self._body)
        self.tabs.setMinimumHeight(160)
        self.timeline = TimelineView(self.media, self.tabs)
        self.timeline.picture_requested.connect(self._on_timeline_picture_requested)
        self.tabs.addTab(self.timeline, "")
        cameras_page = QScrollArea(self.tabs)
        cameras_page.setWidgetResizable(True)
        cameras_page.setFrameShape(QFrame.Shape.NoFrame)
        self.cameras = NearestCamerasView(cameras_page)
        self.cameras.play_requested.connect(self._session.play_camera)
        cameras_page.setWidget(self.cameras)
        self.tabs.addTab(cameras_page, "")
        layout.addWidget(self.tabs, 1)

    def _retranslate(self) -> None:
        self._empty.setText(self.tr("Choose an event in the list to see it here."))
        captions = {
            "state": self.tr("State:"),
            "priority": self.tr("Priority:"),
            "category": self.tr("Category:"),
            "place": self.tr("Place:"),
            "lead_unit": self.tr("Lead unit:"),
            "due": self.tr("Due:"),
            "remaining": self.tr("Time left:"),
            "sla": self.tr("Time limit:"),
        }
        for name, text in captions.items():
            self._captions[name].setText(text)
        self.verify_button.setText(self.tr("Open verification view"))
        self.escalate_button.setText(self.tr("Escalate…"))
        self.tabs.setTabText(0, self.tr("Timeline"))
        self.tabs.setTabText(1, self.tr("Nearest cameras"))
        if self.incident is not None:
            self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ showing

    @property
    def incident_id(self) -> str | None:
        return self._incident_id

    def show_incident(self, incident_id: str | None) -> None:
        """Show the incident with this id (read from the store), or nothing."""
        if incident_id != self._incident_id:
            self.media.forget_failures()
            self._close_dialog()
            self.incident = None
            self.predicted = None
            self.outbox_items = []
        self._incident_id = incident_id
        if incident_id is None:
            self._tick.stop()
            self._stack.setCurrentWidget(self._empty)
            self._empty.setText(self.tr("Choose an event in the list to see it here."))
            return
        self.reload()

    def reload(self) -> None:
        """Read the shown incident and its waiting actions again (store lane)."""
        incident_id = self._incident_id
        if incident_id is None or self._session.closed:
            return
        self._loads += 1
        self._session.runner.run(
            STORE,
            load_incident,
            self._session.store,
            incident_id,
            frozenset(self._units),
            on_done=self._on_loaded,
            title=self.tr("Reading the event"),
        )

    def _on_loaded(self, loaded: Loaded) -> None:
        self._loads -= 1
        if self._session.closed or loaded.incident_id != self._incident_id:
            return
        if loaded.incident is None:
            self.incident = None
            self.predicted = None
            self._tick.stop()
            self._empty.setText(self.tr("This event is not in this console's list (yet)."))
            self._stack.setCurrentWidget(self._empty)
            return
        for unit in loaded.units:
            self._units[unit.id] = unit
        self.incident = loaded.incident
        self.outbox_items = loaded.outbox
        self.predicted = predict(
            loaded.incident, loaded.outbox, self.actor, datetime.now(UTC) + self._offset
        )
        self._render()
        self._stack.setCurrentWidget(self._scroller)

    @property
    def busy(self) -> bool:
        """True while a read of the incident is under way."""
        return self._loads > 0

    def offered_actions(self) -> tuple[Action, ...]:
        return self.action_bar.offered()

    def _render(self) -> None:
        incident = self.incident
        predicted = self.predicted
        if incident is None or predicted is None:
            return
        self._set_header(
            self.title_label, fill(self.tr("%1 · %2"), incident.number, incident.title)
        )
        state = state_label(incident.state)
        if predicted.state is not incident.state:
            state = fill(self.tr("%1 (becomes %2 once sent)"), state, state_label(predicted.state))
        self._set_header(self.values["state"], state)
        self._set_header(self.values["priority"], priority_label(incident.priority))
        known = category_of(incident.category)
        self._set_header(
            self.values["category"],
            fill(self.tr("%1 / %2"), major_label(known.major), category_label(incident.category)),
        )
        self._set_header(self.values["place"], self._place(incident))
        self._set_header(self.values["lead_unit"], self._lead_unit(incident))
        due = incident.due_at
        self._set_header(
            self.values["due"], local_time(due) if due is not None else self.tr("none")
        )
        self._set_header(self.values["sla"], self._sla(incident))
        self._show_remaining()
        if due is not None and incident.state in SLA_TIMED_STATES:
            self._tick.start()
        else:
            self._tick.stop()

        offered = allowed_actions(predicted, self.actor)
        self.action_bar.set_actions(offered)
        # In feedback the bar's own "Verify by video" starts the check and opens the view.
        self.verify_button.setVisible(
            self.actor.role in _DUTY_ROLES and predicted.state is IncidentState.VERIFYING
        )
        self.escalate_button.setVisible(may_escalate(predicted, self.actor.role))
        self.banner.set_items(self.outbox_items)
        self.timeline.set_entries(
            timeline_entries(
                incident, unit_name=self._unit_name, camera_name=self._session.cameras.name
            )
        )
        self._find_cameras(incident)

    def _find_cameras(self, incident: Incident) -> None:
        """The nearest cameras, measured on a worker (thousands of distances) and only when
        the place, the named cameras or the catalogue changed."""
        catalog = self._session.cameras.catalog
        key = (incident.id, incident.position, incident.camera_ids, id(catalog))
        if key == self._cameras_key:
            return
        self._cameras_key = key
        ids = catalog.camera_ids() if catalog is not None else []

        def found(cameras: list[NearbyCamera]) -> None:
            if not self._session.closed and self._cameras_key == key:
                self.cameras.set_cameras(cameras)

        self._session.runner.run(
            NET,
            nearest_cameras,
            incident,
            catalog,
            ids,
            on_done=found,
            title=self.tr("Finding the nearest cameras"),
        )

    @staticmethod
    def _set_header(label: QLabel, text: str) -> None:
        set_plain_text(label, text)
        set_plain_tooltip(label, text)

    def _unit_name(self, unit_id: str) -> str:
        unit = self._units.get(unit_id)
        return unit.name if unit is not None else unit_id

    def _place(self, incident: Incident) -> str:
        parts: list[str] = []
        catalog = self._session.cameras.catalog
        region_id = incident.region_id
        if catalog is not None and region_id is not None:
            names: list[str] = []
            try:
                region = catalog.region(region_id)
                while True:
                    names.append(region.name)
                    if region.parent_id is None:
                        break
                    region = catalog.region(region.parent_id)
            except KeyError:
                pass
            # City / town / village: the city is the same for everyone, so it is left out.
            names.reverse()
            parts.append(" / ".join(names[1:] if len(names) > 1 else names))
        if incident.address.strip():
            parts.append(incident.address)
        if not parts:
            parts.append(f"{incident.position.lat:.5f}, {incident.position.lon:.5f}")
        return " · ".join(part for part in parts if part)

    def _lead_unit(self, incident: Incident) -> str:
        lead = incident.lead_assignment
        if lead is None:
            return self.tr("not dispatched")
        unit = self._units.get(lead.unit_id)
        text = self._unit_name(lead.unit_id)
        if unit is not None:
            text = fill(self.tr("%1 (%2)"), text, unit_status_label(unit.status))
        if incident.assisting_unit_ids:
            helpers = ", ".join(self._unit_name(u) for u in incident.assisting_unit_ids)
            text = fill(self.tr("%1; assisting: %2"), text, helpers)
        return text

    def _sla(self, incident: Incident) -> str:
        parts = [sla_level_label(incident.sla_level)]
        if incident.ladder is not Ladder.NONE:
            parts.append(ladder_label(incident.ladder))
        if incident.escalation is not None:
            parts.append(
                fill(self.tr("answered at %1 level"), grid_level_label(incident.escalation))
            )
        return ", ".join(parts)

    def server_now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    def _show_remaining(self) -> None:
        incident = self.incident
        label = self.values["remaining"]
        if incident is None or incident.due_at is None:
            set_plain_text(label, self.tr("no time limit"))
            label.setStyleSheet("")
            return
        now = self.server_now()
        if incident.state not in SLA_TIMED_STATES:
            set_plain_text(label, self.tr("stopped"))
            label.setStyleSheet("")
            return
        remaining = incident.due_at - now
        if remaining >= timedelta(0):
            text = remaining_text(remaining)
        else:
            text = fill(self.tr("overdue by %1"), remaining_text(remaining))
        times = incident_sla_times(incident)
        level = level_at(times, now) if times is not None else incident.sla_level
        set_plain_text(label, text)
        label.setStyleSheet(f"color: {SLA_COLOURS.get(level, '#000')}; font-weight: bold;")

    # ------------------------------------------------------------------ session signals

    def _on_session_store_updated(self, update: object) -> None:
        if not isinstance(update, StoreUpdate):
            return
        if update.units:
            self._units.update(update.units)
        incident_id = self._incident_id
        if incident_id is None:
            return
        if incident_id in update.incidents or incident_id in update.removed_incidents:
            self.reload()
        elif update.units and self.incident is not None:
            self._render()

    def _on_session_action_queued(self, item: object) -> None:
        incident_id = self._incident_id
        if (
            isinstance(item, OutboxItem)
            and incident_id is not None
            and item.entity == incident_entity(incident_id)
        ):
            self.reload()

    def _on_session_pending_counted(self, _count: int) -> None:
        if self._incident_id is not None and (self.outbox_items or self.incident is None):
            self.reload()

    def _on_units_loaded(self, units: list[Unit]) -> None:
        if self._session.closed:
            return
        for unit in units:
            self._units.setdefault(unit.id, unit)
        if self.incident is not None:
            self._render()

    def _on_offset_measured(self, offset: timedelta) -> None:
        if self._session.closed:
            return
        self._offset = offset
        self._show_remaining()

    # ------------------------------------------------------------------ actions

    def _on_action_bar_action_triggered(self, value: str) -> None:
        incident = self.predicted
        if incident is None:
            return
        action = Action(value)
        if action not in allowed_actions(incident, self.actor):
            return
        if action in DIRECT_ACTIONS:
            request = action_request(incident, action, expected_version=self._expected())
            if action is Action.START_VERIFICATION:
                # The view opens once the start is in the outbox, where it looks for it.
                incident_id = incident.id
                self._queue(request, lambda _item: self._request_verification(incident_id))
            else:
                self._queue(request)
            return
        dialog = self._dialog_for(action, incident)
        self._open_dialog(dialog)

    def _dialog_for(self, action: Action, incident: Incident) -> ActionDialog:
        if action in REASON_ACTIONS:
            return ReasonDialog(action, incident, self)
        if action is Action.FILE:
            return FileDialog(incident, self)
        if action is Action.CLOSE:
            return CloseDialog(incident, self)
        if action in (Action.REQUEST_DELAY, Action.APPROVE_DELAY):
            return DelayDialog(action, incident, self)
        if action is Action.MERGE:
            return MergeDialog(incident, self._find_incident, self)
        if action is Action.REPORT_FEEDBACK:
            return FeedbackDialog(incident, self)
        if action is Action.DISPATCH:
            dialog = DispatchDialog(incident, self)
            self._fetch_units_for(dialog)
            return dialog
        raise ValueError(f"no dialog for {action}")

    def _open_dialog(self, dialog: ActionDialog) -> None:
        self._close_dialog()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setObjectName(f"{dialog.name}_dialog")
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _close_dialog(self) -> None:
        dialog = self.dialog
        self.dialog = None
        if dialog is not None:
            dialog.reject()

    def _on_dialog_accepted(self, dialog: ActionDialog) -> None:
        incident = getattr(dialog, "incident", None)
        if not isinstance(incident, Incident):
            return
        if isinstance(dialog, EscalateDialog):
            request = escalate_request(incident, dialog.reason(), expected_version=self._expected())
        elif isinstance(dialog, FeedbackDialog):
            request = feedback_request(
                incident,
                dialog.result_value(),
                dialog.text().strip(),
                dialog.photos,
                expected_version=self._expected(),
            )
        else:
            request = action_request(
                incident, dialog.action, dialog.fields(), expected_version=self._expected()
            )
        self._queue(request)

    def _expected(self) -> int | None:
        """The version an action is decided on: the stored one when nothing waits before
        it; otherwise none (the waiting actions change it, and the server's state machine
        still checks the action itself)."""
        incident = self.incident
        if incident is None or any(i.state is OutboxState.PENDING for i in self.outbox_items):
            return None
        return incident.version

    def _request_verification(self, incident_id: str) -> None:
        if not self._session.closed:
            self._session.signals.verification_requested.emit(incident_id)

    def _queue(
        self, request: QueuedRequest, on_queued: Callable[[Any], None] | None = None
    ) -> None:
        options: dict[str, Any] = {"summary": request.summary}
        if request.files:
            options["files"] = list(request.files)
        self._session.queue_action(
            request.kind,
            request.method,
            request.path,
            request.body,
            title=self.tr("Queuing the action for the server"),
            on_done=on_queued,
            on_error=self._on_queue_failed,
            **options,
        )

    def _on_queue_failed(self, error: BaseException) -> None:
        logger.error("an incident action could not be queued: %s", error)
        box = plain_message_box(QMessageBox(self))
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Action not queued"))
        box.setText(fill(self.tr("The action could not be stored for sending: %1"), error))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _on_banner_discard_requested(self, seq: int) -> None:
        outbox = self._session.store.outbox

        def discard() -> object:
            item = outbox.get(seq)
            if item is not None and item.state is OutboxState.REJECTED:
                outbox.discard(seq)
            return None

        self._session.runner.run(
            STORE, discard, on_done=lambda _: self.reload(), title=self.tr("Discarding")
        )

    def _on_escalate_button_clicked(self) -> None:
        incident = self.predicted
        if incident is not None and may_escalate(incident, self.actor.role):
            self._open_dialog(EscalateDialog(incident, self))

    def _on_verify_button_clicked(self) -> None:
        if self._incident_id is not None:
            self._session.signals.verification_requested.emit(self._incident_id)

    # ------------------------------------------------------------------ helpers for dialogs

    def _fetch_units_for(self, dialog: DispatchDialog) -> None:
        def fetched(units: list[Unit]) -> None:
            if self._session.closed:
                return
            for unit in units:
                self._units[unit.id] = unit
            if self.dialog is dialog:
                dialog.set_units(units)

        def failed(error: BaseException) -> None:
            # Fall back to the units this console last heard of.
            if self._session.closed or self.dialog is not dialog:
                return
            if self._units:
                dialog.set_units(list(self._units.values()))
            else:
                dialog.set_units_failed(str(error))

        self._session.runner.run(
            NET,
            fetch_units,
            self._session.client,
            on_done=fetched,
            on_error=failed,
            title=self.tr("Reading the units"),
        )

    def _find_incident(self, number: str, found: Found) -> None:
        session = self._session

        def on_server(incident: Incident | None) -> None:
            if not session.closed:
                found(incident, "")

        def server_failed(error: BaseException) -> None:
            if not session.closed:
                found(None, fill(self.tr("The server could not be asked: %1"), error))

        def in_store(incident: Incident | None) -> None:
            if session.closed:
                return
            if incident is not None:
                found(incident, "")
                return
            session.runner.run(
                NET,
                find_on_server,
                session.client,
                number,
                on_done=on_server,
                on_error=server_failed,
            )

        session.runner.run(STORE, find_in_store, session.store, number, on_done=in_store)

    def _on_timeline_picture_requested(self, media_id: str) -> None:
        picture = self.media.picture(media_id)
        if picture is None or picture.image.isNull():
            return
        viewer = QDialog(self)
        viewer.setObjectName("picture_viewer")
        viewer.setWindowTitle(self.tr("Evidence"))
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(viewer)
        label = QLabel(viewer)
        screen = self.screen().availableGeometry().size() * 0.8
        pixmap = QPixmap.fromImage(picture.image)
        if pixmap.width() > screen.width() or pixmap.height() > screen.height():
            pixmap = pixmap.scaled(
                screen,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        label.setPixmap(pixmap)
        layout.addWidget(label)
        viewer.open()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self._tick.stop()
        self.media.closed = True
        super().closeEvent(event)
