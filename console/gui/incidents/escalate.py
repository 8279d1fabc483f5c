"""Escalating an incident by hand (上报升级): one grid level up, with a reason.

Escalation is not a step of the life cycle: the state does not change, only the level of
the grid that answers for the incident (household → group → village → town → city), which
the server's time-limit sweep also raises on its own. The duty staff may ask for it on any
open incident below the city level; the server has the last word (409 ``top_level``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from console.domain.incident import Incident
from console.domain.model import Role
from console.domain.sla import GridLevel
from console.gui.forms.ui_incident_reason import Ui_IncidentReasonDialog
from console.gui.incidents.actions import (
    ActionDialog,
    QueuedRequest,
    incident_path,
    reason_problem,
)
from console.gui.incidents.labels import grid_level_label
from console.gui.plain_text import set_plain_text
from console.text import fill

ESCALATE_KIND = "incident.escalate"


def may_escalate(incident: Incident, role: Role) -> bool:
    return (
        role in (Role.OPERATOR, Role.SUPERVISOR)
        and not incident.is_terminal
        and incident.escalation is not GridLevel.CITY
    )


def escalate_request(
    incident: Incident, reason: str, *, expected_version: int | None
) -> QueuedRequest:
    body: dict[str, Any] = {"reason": reason}
    if expected_version is not None:
        body["expected_version"] = expected_version
    summary = fill(
        QCoreApplication.translate("IncidentActions", "Escalate: %1 %2"),
        incident.number,
        incident.title,
    )
    return QueuedRequest(ESCALATE_KIND, incident_path(incident.id, "escalate"), body, summary)


class EscalateDialog(ActionDialog):
    """Why the incident should go one grid level up."""

    def __init__(self, incident: Incident, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.incident = incident
        self.ui = Ui_IncidentReasonDialog()
        self._setup(self.ui)
        self._retranslate()

    @property
    def name(self) -> str:
        return "escalate"

    def _retranslate(self) -> None:
        self.setWindowTitle(fill(self.tr("Escalate %1"), self.incident.number))
        level = self.incident.escalation
        if level is None:
            text = fill(self.tr("%1: %2"), self.incident.number, self.incident.title)
        else:
            text = fill(
                self.tr("%1: %2\nAnswered now at the %3 level; it goes one level up."),
                self.incident.number,
                self.incident.title,
                grid_level_label(level),
            )
        set_plain_text(self.ui.prompt_label, text)

    def reason(self) -> str:
        return self.ui.reason_edit.toPlainText().strip()

    def problem(self) -> str | None:
        return reason_problem(self.ui.reason_edit.toPlainText(), required=True)

    def fields(self) -> dict[str, Any]:
        return {"reason": self.reason()}
