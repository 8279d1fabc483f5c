"""An incident's actions that are still in the outbox, and what they will make of it.

Until the delivery worker has sent an action, the incident in the store is the server's
last word. ``actions_for`` reads the outbox items on the incident (store lane);
``predict`` applies the waiting ones to the stored incident through the same state machine
the server uses, so the action bar offers what will be legal once they land (an operator
can accept and then file while offline). A prediction stops at the first action the
machine would refuse: the server will refuse it too, and the operator sees why.

``PendingBanner`` shows "waiting to be sent" for pending items and, for each item the
server refused (409/422), the server's reason with Discard: a refused action holds back
everything later on the same incident until the operator decides.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.domain.incident import (
    Action,
    Actor,
    Disposition,
    Evidence,
    Feedback,
    FeedbackResult,
    Incident,
    Priority,
    TransitionError,
    transition,
)
from console.gui.incidents.actions import ACTION_KIND, FEEDBACK_KIND, incident_path
from console.gui.plain_text import plain_label, plain_tooltip, set_plain_text
from console.store import Outbox, OutboxItem, OutboxState
from console.store.outbox import entity_of
from console.text import fill

logger = logging.getLogger(__name__)

WATCHED_STATES = (OutboxState.PENDING, OutboxState.REJECTED, OutboxState.KEPT)


def incident_entity(incident_id: str) -> str:
    entity = entity_of(incident_path(incident_id, "actions"))
    assert entity is not None
    return entity


def actions_for(outbox: Outbox, incident_id: str) -> list[OutboxItem]:
    """Store lane: the unfinished outbox items on ``incident_id``, in the order queued."""
    entity = incident_entity(incident_id)
    return [item for item in outbox.list(WATCHED_STATES) if item.entity == entity]


def _time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    return datetime.fromisoformat(value)


def _evidence(item: OutboxItem, incident: Incident, actor: Actor, at: datetime) -> Evidence:
    body = item.body
    if item.kind == FEEDBACK_KIND:
        feedback = Feedback(
            id=f"pending-{item.seq}",
            incident_id=incident.id,
            unit_id=actor.unit_id or "",
            author_id=actor.user_id,
            reported_at=at,
            result=FeedbackResult(str(body.get("result", FeedbackResult.FIXED.value))),
            text=str(body.get("text", "")),
        )
        return Evidence(feedback=feedback)
    priority = body.get("priority")
    disposition = body.get("disposition")
    return Evidence(
        reason=str(body.get("reason", "")),
        unit_id=body.get("unit_id"),
        assignment_id=f"pending-{item.seq}",
        instructions=str(body.get("instructions", "")),
        due_at=_time(body.get("due_at")),
        category=body.get("category"),
        priority=Priority(int(priority)) if priority is not None else None,
        disposition=Disposition(str(disposition)) if disposition is not None else None,
        merged_into=body.get("merged_into"),
        assisting_unit_ids=tuple(body.get("assisting_unit_ids", ())),
    )


def _action(item: OutboxItem) -> Action | None:
    if item.kind == FEEDBACK_KIND:
        return Action.REPORT_FEEDBACK
    if item.kind == ACTION_KIND:
        try:
            return Action(str(item.body.get("action")))
        except ValueError:
            return None
    return None


def predict(
    incident: Incident, items: Sequence[OutboxItem], actor: Actor, at: datetime
) -> Incident:
    """``incident`` as it will be once the pending life-cycle items in ``items`` land."""
    predicted = incident
    for item in items:
        if item.state is not OutboxState.PENDING:
            break
        action = _action(item)
        if action is None:
            continue
        try:
            evidence = _evidence(item, predicted, actor, at)
            predicted = transition(predicted, action, actor, evidence, at=at)
        except (TransitionError, ValueError) as error:
            logger.info("pending action %d would not apply here: %s", item.seq, error)
            break
    return predicted


class PendingBanner(QFrame):
    """What of this incident waits in the outbox, and what the server refused.

    Signals:
        discard_requested(int): the operator drops the refused item with this seq.
    """

    discard_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pending_banner")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self.pending_label = plain_label(QLabel(self))
        self.pending_label.setObjectName("pending_label")
        self.pending_label.setWordWrap(True)
        self.pending_label.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self._layout.addWidget(self.pending_label)
        self._refusals: list[QWidget] = []
        self.items: list[OutboxItem] = []
        self.setVisible(False)

    def set_items(self, items: Sequence[OutboxItem]) -> None:
        self.items = list(items)
        for widget in self._refusals:
            self._layout.removeWidget(widget)
            widget.deleteLater()
        self._refusals = []
        waiting = [item for item in self.items if item.state is OutboxState.PENDING]
        if waiting:
            text = fill(
                self.tr("Waiting to be sent (%1): %2"),
                len(waiting),
                "; ".join(item.summary for item in waiting),
            )
            set_plain_text(self.pending_label, text)
            self.pending_label.setToolTip(
                plain_tooltip("\n".join(item.last_error or "" for item in waiting).strip())
            )
        self.pending_label.setVisible(bool(waiting))
        for item in self.items:
            if item.state is OutboxState.PENDING:
                continue
            self._refusals.append(self._refusal_row(item))
        self.setVisible(bool(self.items))

    def refusal_texts(self) -> list[str]:
        return [
            label.text()
            for row in self._refusals
            for label in row.findChildren(QLabel)
            if label.objectName() == "refusal_label"
        ]

    def _refusal_row(self, item: OutboxItem) -> QWidget:
        row = QFrame(self)
        row.setObjectName("refusal")
        row.setStyleSheet(
            "QFrame#refusal { background: #fdecea; border: 1px solid #e0a09a; }"
            " QLabel { color: #8e1c14; }"
        )
        layout = QHBoxLayout(row)
        layout.setContentsMargins(6, 4, 6, 4)
        label = plain_label(QLabel(row))
        label.setObjectName("refusal_label")
        label.setWordWrap(True)
        if item.state is OutboxState.KEPT:
            text = fill(self.tr("Kept from an earlier outbox, not sent: %1"), item.summary)
        else:
            text = fill(
                self.tr("The server refused “%1” (%2): %3"),
                item.summary,
                item.response_status or "—",
                item.reason or item.last_error or self.tr("no reason given"),
            )
        label.setText(text)
        layout.addWidget(label, 1)
        discard = QPushButton(self.tr("Discard"), row)
        discard.setObjectName("discard_refused")
        discard.setToolTip(
            plain_tooltip(self.tr("Drop this action; later actions on this event are then sent."))
        )
        discard.clicked.connect(lambda _=False, seq=item.seq: self.discard_requested.emit(seq))
        discard.setVisible(item.state is OutboxState.REJECTED)
        layout.addWidget(discard)
        self._layout.addWidget(row)
        return row
