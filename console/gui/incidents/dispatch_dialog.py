"""The dispatch dialog (派遣): one lead unit, optional assisting units, instructions, due time.

Units that can take an assignment are the six linked units and the thirteen towns' dispatch
desks (a team or a member in the field is not signed in anywhere and could not sign for it).
They are ranked for the incident: units of the department that normally leads its category
(``console.domain.categories``) first, then available before busy, then nearest to the
incident's place; the first one is chosen for the operator, who may pick another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from console.domain.categories import category as category_of
from console.domain.geo import haversine_m
from console.domain.incident import Action, Incident
from console.domain.model import Unit, UnitKind, UnitStatus
from console.gui.forms.ui_incident_dispatch import Ui_IncidentDispatchDialog
from console.gui.incidents.actions import ActionDialog, to_qdatetime, utc_text
from console.gui.plain_text import plain_tooltip, set_plain_text
from console.text import fill

DISPATCHABLE_KINDS = frozenset({UnitKind.LINKED_UNIT, UnitKind.TOWN})
_UNIT_ID = Qt.ItemDataRole.UserRole


def lead_department(incident: Incident) -> str:
    """The department id whose units normally lead ``incident``'s category."""
    return "dept-" + category_of(incident.category).lead_department


@dataclass(frozen=True, slots=True)
class Candidate:
    """A unit that could take the incident, with why it ranks where it does."""

    unit: Unit
    right_kind: bool
    distance_m: float | None

    @property
    def available(self) -> bool:
        return self.unit.status is UnitStatus.AVAILABLE


def rank_units(incident: Incident, units: Sequence[Unit]) -> list[Candidate]:
    """The units that can lead ``incident``, best suggestion first."""
    department = lead_department(incident)
    candidates = [
        Candidate(
            unit,
            unit.department_id == department,
            haversine_m(incident.position, unit.position) if unit.position is not None else None,
        )
        for unit in units
        if unit.kind in DISPATCHABLE_KINDS
    ]

    def key(candidate: Candidate) -> tuple[bool, bool, float, str]:
        distance = candidate.distance_m if candidate.distance_m is not None else float("inf")
        return (not candidate.right_kind, not candidate.available, distance, candidate.unit.id)

    candidates.sort(key=key)
    return candidates


class DispatchDialog(ActionDialog):
    """Choose the lead unit (one) and assisting units (any) for ``incident``."""

    action = Action.DISPATCH

    def __init__(self, incident: Incident, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.incident = incident
        self.ui = Ui_IncidentDispatchDialog()
        self._setup(self.ui)
        self.candidates: list[Candidate] = []
        self._load_problem = ""
        due = incident.due_at or datetime.now(UTC) + timedelta(hours=4)
        self.ui.due_edit.setDateTime(to_qdatetime(due))
        self.ui.due_check.setChecked(False)
        self.ui.due_edit.setEnabled(False)
        self.ui.due_check.toggled.connect(self.ui.due_edit.setEnabled)
        self.ui.lead_list.currentItemChanged.connect(self._on_lead_list_current_item_changed)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(fill(self.tr("Dispatch %1"), self.incident.number))
        if self._load_problem:
            text = fill(self.tr("The units could not be read: %1"), self._load_problem)
        elif not self.candidates:
            text = self.tr("Reading the units…")
        else:
            text = self.tr(
                "Suggested first: units of the department that normally handles this kind of "
                "event, available ones before busy ones, nearest first."
            )
        set_plain_text(self.ui.suggestion_label, text)
        for row, candidate in enumerate(self.candidates):
            lead = self.ui.lead_list.item(row)
            if lead is not None:
                lead.setText(self._describe(candidate))

    def _describe(self, candidate: Candidate) -> str:
        unit = candidate.unit
        if candidate.distance_m is None:
            distance = self.tr("position unknown")
        elif candidate.distance_m < 1000:
            distance = fill(self.tr("%1 m"), round(candidate.distance_m))
        else:
            distance = fill(self.tr("%1 km"), f"{candidate.distance_m / 1000:.1f}")
        status = self.tr("available") if candidate.available else self.tr("busy")
        text = fill(self.tr("%1 — %2, %3"), unit.name, status, distance)
        if candidate.right_kind:
            text = fill(self.tr("★ %1"), text)
        return text

    def set_units(self, units: Sequence[Unit]) -> None:
        """Fill the lists (the lead unit chosen is the best suggestion)."""
        self._load_problem = ""
        self.candidates = rank_units(self.incident, units)
        self.ui.lead_list.clear()
        self.ui.assisting_list.clear()
        for candidate in self.candidates:
            lead = QListWidgetItem(self._describe(candidate), self.ui.lead_list)
            lead.setData(_UNIT_ID, candidate.unit.id)
            lead.setToolTip(plain_tooltip(candidate.unit.name))
            helper = QListWidgetItem(candidate.unit.name, self.ui.assisting_list)
            helper.setData(_UNIT_ID, candidate.unit.id)
            helper.setFlags(helper.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            helper.setCheckState(Qt.CheckState.Unchecked)
        if self.candidates:
            self.ui.lead_list.setCurrentRow(0)
        self._retranslate()

    def set_units_failed(self, problem: str) -> None:
        self._load_problem = problem
        self._retranslate()

    def lead_unit_id(self) -> str | None:
        item = self.ui.lead_list.currentItem()
        return None if item is None else str(item.data(_UNIT_ID))

    def choose_lead(self, unit_id: str) -> None:
        for row in range(self.ui.lead_list.count()):
            if self.ui.lead_list.item(row).data(_UNIT_ID) == unit_id:
                self.ui.lead_list.setCurrentRow(row)
                return
        raise KeyError(unit_id)

    def set_assisting(self, unit_ids: Sequence[str]) -> None:
        wanted = set(unit_ids)
        for row in range(self.ui.assisting_list.count()):
            item = self.ui.assisting_list.item(row)
            checked = item.data(_UNIT_ID) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def assisting_unit_ids(self) -> list[str]:
        lead = self.lead_unit_id()
        chosen: list[str] = []
        for row in range(self.ui.assisting_list.count()):
            item = self.ui.assisting_list.item(row)
            unit_id = str(item.data(_UNIT_ID))
            if item.checkState() is Qt.CheckState.Checked and unit_id != lead:
                chosen.append(unit_id)
        return chosen

    def _on_lead_list_current_item_changed(self, *_: Any) -> None:
        # The lead unit cannot also assist itself.
        lead = self.lead_unit_id()
        for row in range(self.ui.assisting_list.count()):
            item = self.ui.assisting_list.item(row)
            enabled = item.data(_UNIT_ID) != lead
            flags = item.flags()
            if enabled:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)

    def problem(self) -> str | None:
        if self.lead_unit_id() is None:
            return self.tr("Choose the lead unit.")
        instructions = self.ui.instructions_edit.toPlainText()
        if len(instructions) > 10_000:
            return fill(
                self.tr("The instructions are too long (%1 characters)."), len(instructions)
            )
        if self.ui.due_check.isChecked():
            due = self.ui.due_edit.dateTime().toPython()
            assert isinstance(due, datetime)
            if due.astimezone() <= datetime.now().astimezone():
                return self.tr("The due time has passed; choose a later one.")
        return None

    def fields(self) -> dict[str, Any]:
        chosen: dict[str, Any] = {"unit_id": self.lead_unit_id()}
        instructions = self.ui.instructions_edit.toPlainText().strip()
        if instructions:
            chosen["instructions"] = instructions
        assisting = self.assisting_unit_ids()
        if assisting:
            chosen["assisting_unit_ids"] = assisting
        if self.ui.due_check.isChecked():
            chosen["due_at"] = utc_text(self.ui.due_edit.dateTime())
        return chosen
