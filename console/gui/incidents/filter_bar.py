"""The incident list's filter bar: quick toggles, four pickers and a text search.

The bar only says what the operator chose (``FilterChoice``); the panel turns that into the
store's filter. Typing waits for a short pause before it counts, so a search runs once per
word rather than once per key.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from console.domain.incident import TERMINAL_STATES, IncidentState
from console.domain.model import Region, Unit
from console.gui.incidents.categories import category_label, majors, minors_of
from console.gui.incidents.labels import major_label, state_label
from console.gui.plain_text import plain_label, set_plain_tooltip
from console.tasks import Debouncer
from console.text import fill

# The "state" picker's entry for every state that still needs work.
OPEN = "open"
TYPING_PAUSE_MS = 250
COMBO_CHARACTERS = 8


@dataclass(frozen=True, slots=True)
class FilterChoice:
    """What the filter bar shows as chosen. ``category`` is ``("major"|"minor", code)``;
    ``state`` is an IncidentState value or ``OPEN``."""

    mine: bool = False
    overdue: bool = False
    awaiting_verification: bool = False
    town_id: str | None = None
    unit_id: str | None = None
    category: tuple[str, str] | None = None
    state: str | None = None
    text: str = ""


class IncidentFilterBar(QWidget):
    """Toggles (mine, overdue, awaiting verification), pickers (town, unit, category, state)
    and a search field, with the number of matching incidents at the end.

    Signals:
        filter_changed(object): the FilterChoice now shown.
    """

    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.mine = QCheckBox(self.tr("Mine"), self)
        self.mine.setObjectName("incident_filter_mine")
        self.mine.setToolTip(self.tr("Incidents I raised or my unit leads"))
        self.overdue = QCheckBox(self.tr("Overdue"), self)
        self.overdue.setObjectName("incident_filter_overdue")
        self.awaiting = QCheckBox(self.tr("Awaiting verification"), self)
        self.awaiting.setObjectName("incident_filter_awaiting")
        self.awaiting.setToolTip(self.tr("Reported back by the unit or being verified"))
        self.town = QComboBox(self)
        self.town.setObjectName("incident_filter_town")
        self.unit = QComboBox(self)
        self.unit.setObjectName("incident_filter_unit")
        self.category = QComboBox(self)
        self.category.setObjectName("incident_filter_category")
        self.state = QComboBox(self)
        self.state.setObjectName("incident_filter_state")
        self.search = QLineEdit(self)
        self.search.setObjectName("incident_filter_text")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search number, title, address"))
        self.search.setMaxLength(200)
        self.count = plain_label(QLabel(self))
        self.count.setObjectName("incident_filter_count")
        for widget in (self.mine, self.overdue, self.awaiting):
            layout.addWidget(widget)
        for combo in (self.town, self.unit, self.category, self.state):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(COMBO_CHARACTERS)
            layout.addWidget(combo)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.count)

        self.set_towns([])
        self.set_units([])
        self._fill_categories()
        self._fill_states()
        self._typing = Debouncer(TYPING_PAUSE_MS, self._emit, self)
        for box in (self.mine, self.overdue, self.awaiting):
            box.toggled.connect(self._emit)
        for combo in (self.town, self.unit, self.category, self.state):
            combo.currentIndexChanged.connect(self._emit)
        self.search.textChanged.connect(self._typing.trigger)
        self.search.returnPressed.connect(self._emit)

    def choice(self) -> FilterChoice:
        return FilterChoice(
            mine=self.mine.isChecked(),
            overdue=self.overdue.isChecked(),
            awaiting_verification=self.awaiting.isChecked(),
            town_id=self.town.currentData(),
            unit_id=self.unit.currentData(),
            category=_category_choice(self.category.currentData()),
            state=self.state.currentData(),
            text=self.search.text(),
        )

    def set_count(self, total: int) -> None:
        self.count.setText(fill(self.tr("Incidents: %1"), total))
        self.count.setToolTip("")

    def set_problem(self, message: str) -> None:
        """Say that the list could not be read (the details in the tooltip)."""
        self.count.setText(self.tr("The list could not be read"))
        set_plain_tooltip(self.count, message)

    def set_towns(self, towns: list[Region]) -> None:
        """Offer these towns (names are server text, shown as written)."""
        self._refill(
            self.town,
            self.tr("All towns"),
            [(town.name, town.id) for town in sorted(towns, key=lambda t: t.code)],
        )

    def set_units(self, units: list[Unit]) -> None:
        self._refill(
            self.unit,
            self.tr("All units"),
            [(unit.name, unit.id) for unit in sorted(units, key=lambda u: u.name)],
        )

    def _refill(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(everything, None)
            for text, value in items:
                combo.addItem(text, value)
            found = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(found, 0))
        finally:
            combo.blockSignals(False)
        if chosen is not None and combo.currentData() != chosen:
            self._emit()

    def _fill_categories(self) -> None:
        self.category.addItem(self.tr("All categories"), None)
        for major in majors():
            self.category.addItem(major_label(major), f"major:{major}")
            for minor in sorted(minors_of(major)):
                if minor == major:
                    continue
                self.category.addItem("    " + category_label(minor), f"minor:{minor}")

    def _fill_states(self) -> None:
        self.state.addItem(self.tr("All states"), None)
        self.state.addItem(self.tr("Open"), OPEN)
        for state in IncidentState:
            if state not in TERMINAL_STATES:
                self.state.addItem(state_label(state), state.value)
        for state in IncidentState:
            if state in TERMINAL_STATES:
                self.state.addItem(state_label(state), state.value)

    def _emit(self) -> None:
        self._typing.cancel()
        self.filter_changed.emit(self.choice())


def _category_choice(data: object) -> tuple[str, str] | None:
    # The picker's items carry "major:<code>" or "minor:<code>" (strings compare reliably
    # in findData, tuples do not).
    if not isinstance(data, str) or ":" not in data:
        return None
    kind, code = data.split(":", 1)
    return kind, code
