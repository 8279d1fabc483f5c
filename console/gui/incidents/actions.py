"""Life-cycle actions on an incident: the action bar, the outbox requests, and the dialogs
that collect what an action needs.

The bar offers exactly the actions the shared state machine allows the signed-in user
(``console.domain.incident.allowed_actions``); the pane decides which. Actions that need
nothing (accept, sign, start, resume, verification) are queued at once; the others open a
Designer-form dialog that checks its fields before it closes, so a missing reason or unit is
said at once and nothing typed is lost. Rules that depend on what the server knows (a
resolved closure needs a verification after the latest feedback, the version must still
be current) are the server's to decide: its refusal comes back through the outbox and the
pane shows it.

Requests follow ``ActionIn`` (``POST /incidents/{id}/actions``) and, for a unit's report,
the multipart ``POST /incidents/{id}/feedback``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from console.domain.incident import (
    Action,
    Disposition,
    FeedbackResult,
    Incident,
    IncidentState,
    Priority,
)
from console.gui.forms import retranslate_form, setup_form
from console.gui.forms.ui_incident_close import Ui_IncidentCloseDialog
from console.gui.forms.ui_incident_delay import Ui_IncidentDelayDialog
from console.gui.forms.ui_incident_feedback import Ui_IncidentFeedbackDialog
from console.gui.forms.ui_incident_file import Ui_IncidentFileDialog
from console.gui.forms.ui_incident_reason import Ui_IncidentReasonDialog
from console.gui.incidents.categories import CATEGORIES, category_label, priority_label
from console.gui.incidents.labels import action_label, disposition_label, result_label
from console.gui.plain_text import plain_tooltip, set_plain_text
from console.text import fill

ACTION_KIND = "incident.action"
FEEDBACK_KIND = "incident.feedback"
PHOTO_FIELD = "photos"
TEXT_MAX = 10_000

# Actions whose only evidence is a reason (required by the state machine).
REASON_ACTIONS: frozenset[Action] = frozenset(
    {
        Action.REJECT,
        Action.CANCEL,
        Action.RETURN,
        Action.REOPEN,
        Action.SUSPEND,
        Action.DENY_DELAY,
    }
)
# Actions that need nothing: queued as soon as the button is pressed.
DIRECT_ACTIONS: frozenset[Action] = frozenset(
    {Action.ACCEPT, Action.SIGN, Action.START, Action.RESUME, Action.START_VERIFICATION}
)

_PHOTO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


def incident_path(incident_id: str, tail: str) -> str:
    return f"/incidents/{quote(incident_id, safe='')}/{tail}"


@dataclass(frozen=True, slots=True)
class QueuedRequest:
    """One action as it goes into the outbox."""

    kind: str
    path: str
    body: dict[str, Any]
    summary: str
    files: tuple[tuple[str, str, str, Path], ...] = ()
    method: str = "POST"


def action_request(
    incident: Incident,
    action: Action,
    fields: dict[str, Any] | None = None,
    *,
    expected_version: int | None,
) -> QueuedRequest:
    """The ``ActionIn`` request for ``action`` with the dialog's ``fields``."""
    body: dict[str, Any] = {"action": action.value}
    if expected_version is not None:
        body["expected_version"] = expected_version
    body.update(fields or {})
    summary = fill(
        QCoreApplication.translate("IncidentActions", "%1: %2 %3"),
        action_label(action).rstrip("…"),
        incident.number,
        incident.title,
    )
    return QueuedRequest(ACTION_KIND, incident_path(incident.id, "actions"), body, summary)


def feedback_request(
    incident: Incident,
    result: FeedbackResult,
    text: str,
    photos: Sequence[Path],
    *,
    expected_version: int | None,
) -> QueuedRequest:
    """The unit's report back: multipart fields plus the photos."""
    body: dict[str, Any] = {"result": result.value, "text": text}
    if expected_version is not None:
        body["expected_version"] = expected_version
    files = tuple(
        (PHOTO_FIELD, path.name, _PHOTO_TYPES[path.suffix.lower()], path) for path in photos
    )
    summary = fill(
        QCoreApplication.translate("IncidentActions", "%1: %2 %3"),
        action_label(Action.REPORT_FEEDBACK).rstrip("…"),
        incident.number,
        incident.title,
    )
    return QueuedRequest(
        FEEDBACK_KIND, incident_path(incident.id, "feedback"), body, summary, files
    )


def utc_text(moment: QDateTime) -> str:
    """A date-time edit's value as an ISO 8601 UTC string."""
    local = moment.toPython()
    assert isinstance(local, datetime)
    return local.astimezone().astimezone(UTC).isoformat()


def to_qdatetime(moment: datetime) -> QDateTime:
    """``moment`` in the workstation's time zone, as a date-time edit shows it."""
    local = moment.astimezone()
    return QDateTime.fromSecsSinceEpoch(int(local.timestamp()))


# ----------------------------------------------------------------------------- the bar


class ActionBar(QWidget):
    """One button per offered action, in the state machine's order.

    Signals:
        action_triggered(str): the operator pressed the button of this Action value.
    """

    action_triggered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self._buttons: dict[Action, QPushButton] = {}

    def set_actions(self, actions: Sequence[Action]) -> None:
        if tuple(actions) == self.offered():
            return
        for button in self._buttons.values():
            self._layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._buttons = {}
        for position, action in enumerate(actions):
            button = QPushButton(action_label(action), self)
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, value=action.value: self._pressed(value))
            self._layout.insertWidget(position, button)
            button.show()
            self._buttons[action] = button

    def offered(self) -> tuple[Action, ...]:
        return tuple(self._buttons)

    def button(self, action: Action) -> QPushButton | None:
        return self._buttons.get(action)

    def _pressed(self, value: str) -> None:
        self.action_triggered.emit(value)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            for action, button in self._buttons.items():
                button.setText(action_label(action))
        super().changeEvent(event)


# ----------------------------------------------------------------------------- dialogs


class ActionDialog(QDialog):
    """A dialog that collects one action's fields; OK checks them and stays open on a
    problem, naming it. ``fields()`` is what goes into the request."""

    action: Action

    @property
    def name(self) -> str:
        """What the dialog asks for, as a code (its object name is ``<name>_dialog``)."""
        return self.action.value

    def _setup(self, form: Any) -> None:
        self.form = form
        setup_form(form, self)
        box: QDialogButtonBox = form.button_box
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)

    def problem(self) -> str | None:
        """What is wrong with the fields, in words, or None."""
        return None

    def fields(self) -> dict[str, Any]:
        return {}

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            set_plain_text(self.form.error_label, problem)
            return
        set_plain_text(self.form.error_label, "")
        super().accept()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "form"):
            retranslate_form(self.form, self)
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """Texts set in code, again in the new language."""


def reason_problem(text: str, *, required: bool) -> str | None:
    if required and not text.strip():
        return QCoreApplication.translate("IncidentActions", "Give a reason.")
    if len(text) > TEXT_MAX:
        return fill(
            QCoreApplication.translate(
                "IncidentActions", "The text is too long (%1 characters); keep it to %2."
            ),
            len(text),
            TEXT_MAX,
        )
    if "\x00" in text:
        return QCoreApplication.translate(
            "IncidentActions", "The text contains a NUL character; remove it."
        )
    return None


class ReasonDialog(ActionDialog):
    """Reject, cancel, return, reopen, suspend or deny a delay: a reason is required."""

    def __init__(self, action: Action, incident: Incident, parent: QWidget | None = None):
        super().__init__(parent)
        self.action = action
        self.incident = incident
        self.ui = Ui_IncidentReasonDialog()
        self._setup(self.ui)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(
            fill(self.tr("%1 — %2"), action_label(self.action).rstrip("…"), self.incident.number)
        )
        set_plain_text(
            self.ui.prompt_label,
            fill(self.tr("%1: %2"), self.incident.number, self.incident.title),
        )

    def reason(self) -> str:
        return self.ui.reason_edit.toPlainText()

    def problem(self) -> str | None:
        return reason_problem(self.reason(), required=True)

    def fields(self) -> dict[str, Any]:
        return {"reason": self.reason().strip()}


class FileDialog(ActionDialog):
    """File (立案): category and priority, optionally a due time."""

    action = Action.FILE

    def __init__(self, incident: Incident, parent: QWidget | None = None):
        super().__init__(parent)
        self.incident = incident
        self.ui = Ui_IncidentFileDialog()
        self._setup(self.ui)
        self._fill_choices()
        known = [c.code for c in CATEGORIES]
        if incident.category not in known:
            self.ui.category_combo.addItem(incident.category, incident.category)
        self.ui.category_combo.setCurrentIndex(self.ui.category_combo.findData(incident.category))
        self.ui.priority_combo.setCurrentIndex(
            self.ui.priority_combo.findData(int(incident.priority))
        )
        due = incident.due_at or datetime.now(UTC) + timedelta(hours=24)
        self.ui.due_edit.setDateTime(to_qdatetime(due))
        self.ui.due_check.setChecked(incident.due_at is not None)
        self.ui.due_edit.setEnabled(self.ui.due_check.isChecked())
        self.ui.due_check.toggled.connect(self.ui.due_edit.setEnabled)

    def _fill_choices(self) -> None:
        for item in CATEGORIES:
            self.ui.category_combo.addItem(item.label(), item.code)
        for priority in Priority:
            self.ui.priority_combo.addItem(priority_label(priority), int(priority))

    def _retranslate(self) -> None:
        for index in range(self.ui.category_combo.count()):
            code = str(self.ui.category_combo.itemData(index))
            self.ui.category_combo.setItemText(index, category_label(code))
        for index, priority in enumerate(Priority):
            self.ui.priority_combo.setItemText(index, priority_label(priority))

    def problem(self) -> str | None:
        if self.ui.due_check.isChecked():
            due = self.ui.due_edit.dateTime().toPython()
            assert isinstance(due, datetime)
            if due.astimezone() <= datetime.now().astimezone():
                return self.tr("The due time has passed; choose a later one.")
        return None

    def fields(self) -> dict[str, Any]:
        chosen: dict[str, Any] = {
            "category": str(self.ui.category_combo.currentData()),
            "priority": int(self.ui.priority_combo.currentData()),
        }
        if self.ui.due_check.isChecked():
            chosen["due_at"] = utc_text(self.ui.due_edit.dateTime())
        return chosen


class CloseDialog(ActionDialog):
    """Close (结案) with a disposition; a reason unless resolved. A suspended incident closes
    only as backlogged (挂账结案)."""

    action = Action.CLOSE

    def __init__(self, incident: Incident, parent: QWidget | None = None):
        super().__init__(parent)
        self.incident = incident
        self.ui = Ui_IncidentCloseDialog()
        self._setup(self.ui)
        if incident.state is IncidentState.SUSPENDED:
            self.choices: tuple[Disposition, ...] = (Disposition.BACKLOGGED,)
        else:
            self.choices = (
                Disposition.RESOLVED,
                Disposition.INVALID,
                Disposition.DUPLICATE,
                Disposition.TRANSFERRED,
            )
        for disposition in self.choices:
            self.ui.disposition_combo.addItem(disposition_label(disposition), disposition.value)
        self._retranslate()

    def _retranslate(self) -> None:
        for index, disposition in enumerate(self.choices):
            self.ui.disposition_combo.setItemText(index, disposition_label(disposition))
        set_plain_text(
            self.ui.note_label,
            self.tr(
                "Closing as resolved needs a passing video verification made after the unit's "
                "latest report; the server checks it."
            ),
        )

    def disposition(self) -> Disposition:
        return Disposition(str(self.ui.disposition_combo.currentData()))

    def set_disposition(self, disposition: Disposition) -> None:
        self.ui.disposition_combo.setCurrentIndex(
            self.ui.disposition_combo.findData(disposition.value)
        )

    def problem(self) -> str | None:
        required = self.disposition() is not Disposition.RESOLVED
        return reason_problem(self.ui.reason_edit.toPlainText(), required=required)

    def fields(self) -> dict[str, Any]:
        chosen: dict[str, Any] = {"disposition": self.disposition().value}
        reason = self.ui.reason_edit.toPlainText().strip()
        if reason:
            chosen["reason"] = reason
        return chosen


class DelayDialog(ActionDialog):
    """Request a delay (the unit: new due time and a reason) or approve one (a supervisor:
    the asked due time, which they may change)."""

    def __init__(self, action: Action, incident: Incident, parent: QWidget | None = None):
        super().__init__(parent)
        self.action = action
        self.incident = incident
        self.ui = Ui_IncidentDelayDialog()
        self._setup(self.ui)
        approving = action is Action.APPROVE_DELAY
        self.ui.reason_label.setVisible(not approving)
        self.ui.reason_edit.setVisible(not approving)
        base = incident.requested_due_at if approving else incident.due_at
        proposed = base or datetime.now(UTC)
        if not approving:
            proposed += timedelta(hours=24)
        self._proposed = to_qdatetime(proposed)
        self.ui.due_edit.setDateTime(self._proposed)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(
            fill(self.tr("%1 — %2"), action_label(self.action).rstrip("…"), self.incident.number)
        )
        current = self.incident.due_at
        if current is None:
            text = self.tr("There is no due time yet.")
        else:
            text = fill(self.tr("Due now: %1"), current.astimezone().strftime("%Y-%m-%d %H:%M"))
        set_plain_text(self.ui.prompt_label, text)

    def due(self) -> datetime:
        value = self.ui.due_edit.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.astimezone()

    def problem(self) -> str | None:
        current = self.incident.due_at
        if current is not None and self.due() <= current:
            return self.tr("The new due time must be later than the current one.")
        if self.action is Action.REQUEST_DELAY:
            return reason_problem(self.ui.reason_edit.toPlainText(), required=True)
        return None

    def fields(self) -> dict[str, Any]:
        if self.action is Action.APPROVE_DELAY:
            # Unchanged, the unit's own request stands, to the second.
            if self.ui.due_edit.dateTime() == self._proposed:
                return {}
            return {"due_at": utc_text(self.ui.due_edit.dateTime())}
        return {
            "due_at": utc_text(self.ui.due_edit.dateTime()),
            "reason": self.ui.reason_edit.toPlainText().strip(),
        }


class FeedbackDialog(ActionDialog):
    """The unit reports back (处置反馈): result, what it did, after-photos (PNG/JPEG)."""

    action = Action.REPORT_FEEDBACK

    def __init__(self, incident: Incident, parent: QWidget | None = None):
        super().__init__(parent)
        self.incident = incident
        self.ui = Ui_IncidentFeedbackDialog()
        self._setup(self.ui)
        self.results = (FeedbackResult.FIXED, FeedbackResult.PARTIAL, FeedbackResult.NOT_FIXED)
        for result in self.results:
            self.ui.result_combo.addItem(result_label(result), result.value)
        self.photos: list[Path] = []
        self.ui.add_photo_button.clicked.connect(self._on_add_photo_clicked)
        self.ui.remove_photo_button.clicked.connect(self._on_remove_photo_clicked)

    def _retranslate(self) -> None:
        for index, result in enumerate(self.results):
            self.ui.result_combo.setItemText(index, result_label(result))

    def result_value(self) -> FeedbackResult:
        return FeedbackResult(str(self.ui.result_combo.currentData()))

    def text(self) -> str:
        return self.ui.text_edit.toPlainText()

    def add_photos(self, paths: Sequence[Path]) -> list[str]:
        """Attach pictures; returns the problems with those that were not attached."""
        problems: list[str] = []
        for path in paths:
            if path.suffix.lower() not in _PHOTO_TYPES:
                problems.append(fill(self.tr("%1 is not a PNG or JPEG picture."), path.name))
            elif not path.is_file():
                problems.append(fill(self.tr("%1 cannot be found."), path.name))
            elif path not in self.photos:
                self.photos.append(path)
                item = QListWidgetItem(path.name, self.ui.photo_list)
                item.setToolTip(plain_tooltip(str(path)))
        set_plain_text(self.ui.error_label, "\n".join(problems))
        return problems

    def _on_add_photo_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        self.add_photos([Path(name) for name in names])

    def _on_remove_photo_clicked(self) -> None:
        row = self.ui.photo_list.currentRow()
        if 0 <= row < len(self.photos):
            del self.photos[row]
            self.ui.photo_list.takeItem(row)

    def problem(self) -> str | None:
        text = self.text()
        if not text.strip():
            return self.tr("Say what was done on site.")
        return reason_problem(text, required=True)
