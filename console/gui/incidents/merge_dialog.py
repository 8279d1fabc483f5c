"""The merge dialog: this incident is a duplicate of another one, found by its number.

The operator types the number of the incident to keep (the one everyone sees on the list)
and presses Find; the dialog shows that incident's title so the operator can check it is
the right one, and only then can OK merge. Finding runs through the host's ``find``
(store lane first, the server when this console does not have it), never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from console.domain.incident import Action, Incident
from console.gui.forms.ui_incident_merge import Ui_IncidentMergeDialog
from console.gui.incidents.actions import ActionDialog
from console.gui.incidents.labels import state_label
from console.gui.plain_text import set_plain_text
from console.text import fill

Found = Callable[[Incident | None, str], None]
Finder = Callable[[str, Found], None]
"""``find(number, found)``: later calls ``found(incident or None, problem text)``."""


def find_by_number(candidates: list[Incident], number: str) -> Incident | None:
    wanted = number.strip().casefold()
    for incident in candidates:
        if incident.number.casefold() == wanted:
            return incident
    return None


class MergeDialog(ActionDialog):
    """Merge ``incident`` into the incident the operator finds by number."""

    action = Action.MERGE

    def __init__(self, incident: Incident, find: Finder, parent: QWidget | None = None):
        super().__init__(parent)
        self.incident = incident
        self._find = find
        self.target: Incident | None = None
        self._searching = ""
        self.ui = Ui_IncidentMergeDialog()
        self._setup(self.ui)
        self.ui.find_button.clicked.connect(self.look_up)
        self.ui.number_edit.textEdited.connect(self._on_number_edit_text_edited)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(fill(self.tr("Merge %1 into another event"), self.incident.number))
        self._show_target()

    def _show_target(self, problem: str = "") -> None:
        target = self.target
        if problem:
            text = problem
        elif self._searching:
            text = self.tr("Looking for it…")
        elif target is None:
            text = self.tr("Type the number and press Find.")
        else:
            text = fill(
                self.tr("%1 %2 (%3)"), target.number, target.title, state_label(target.state)
            )
        set_plain_text(self.ui.target_label, text)

    def look_up(self) -> None:
        number = self.ui.number_edit.text().strip()
        self.target = None
        if not number:
            self._show_target(self.tr("Type the number of the event to keep."))
            return
        self._searching = number
        self._show_target()
        self._find(number, lambda found, problem: self._on_found(number, found, problem))

    def _on_found(self, number: str, found: Incident | None, problem: str) -> None:
        if number != self._searching:
            return  # the operator typed another number meanwhile
        self._searching = ""
        if found is None:
            self._show_target(problem or fill(self.tr("There is no event numbered %1."), number))
            return
        if found.id == self.incident.id:
            self._show_target(self.tr("An event cannot be merged into itself."))
            return
        self.target = found
        self._show_target()

    def _on_number_edit_text_edited(self, _text: str) -> None:
        self.target = None
        self._searching = ""
        self._show_target()

    def accept(self) -> None:
        # Enter in the number field means Find, not OK.
        if self.ui.number_edit.hasFocus() and self.target is None:
            self.look_up()
            return
        super().accept()

    def problem(self) -> str | None:
        if self.target is None:
            return self.tr("Find the event to keep first.")
        if len(self.ui.reason_edit.toPlainText()) > 10_000:
            return self.tr("The reason is too long.")
        return None

    def fields(self) -> dict[str, Any]:
        assert self.target is not None
        chosen: dict[str, Any] = {"merged_into": self.target.id}
        reason = self.ui.reason_edit.toPlainText().strip()
        if reason:
            chosen["reason"] = reason
        return chosen
