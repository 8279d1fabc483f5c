"""The Incidents dock: the filter bar, the incident list and the detail pane beside it.

The panel turns the bar's choice into the store's filter (whose incidents are "mine", which
minor categories a major one means, what "overdue" means this second), follows live
changes, and shows the selected incident in the detail pane. Asked to show an incident
(``show_incident``), it selects it where the list has it and shows it in the pane anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from console.client import StoreUpdate
from console.domain.incident import TERMINAL_STATES, IncidentState
from console.domain.model import Region, RegionKind, Unit
from console.gui.incidents.categories import minors_of
from console.gui.incidents.detail import IncidentDetailPane
from console.gui.incidents.filter_bar import OPEN, FilterChoice, IncidentFilterBar
from console.gui.incidents.list_model import IncidentListModel, ListQuery, utc_now
from console.gui.incidents.list_view import IncidentListView
from console.gui.session import Session
from console.store import Store
from console.store.incidents import IncidentFilter, Mine
from console.tasks import STORE

# Live changes arrive in bursts; the list re-reads at most this often.
REFRESH_PAUSE_MS = 150
OVERDUE_RECHECK_MS = 30_000
MINIMUM_SIZE = QSize(320, 160)


def store_filter(
    choice: FilterChoice, *, user_id: str, unit_id: str | None, now: datetime
) -> IncidentFilter:
    """The store's filter for what the bar shows chosen, for this user at ``now``."""
    states: frozenset[IncidentState] = frozenset()
    if choice.state == OPEN:
        states = frozenset(set(IncidentState) - TERMINAL_STATES)
    elif choice.state is not None:
        states = frozenset({IncidentState(choice.state)})
    categories: frozenset[str] = frozenset()
    if choice.category is not None:
        kind, code = choice.category
        categories = minors_of(code) if kind == "major" else frozenset({code})
    return IncidentFilter(
        states=states,
        unit_id=choice.unit_id,
        text=choice.text,
        categories=categories,
        region_id=choice.town_id,
        mine=Mine(user_id, unit_id) if choice.mine else None,
        overdue_at=now if choice.overdue else None,
        awaiting_verification=choice.awaiting_verification,
    )


def load_places_and_units(store: Store) -> tuple[list[Region], list[Unit]]:
    towns = [region for region in store.regions.all() if region.kind is RegionKind.TOWN]
    return towns, store.units.all()


class IncidentListPanel(QWidget):
    """What the Incidents dock holds: ``filter_bar``, ``view`` over ``model``, ``detail``."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incident_list_panel")
        self._session = session
        self._wanted: str | None = None
        self.detail = IncidentDetailPane(session, self)
        # Time limits run on the server's clock; the detail pane learns how far it is from
        # this workstation's, and the list counts down on the same clock.
        server_now: Callable[[], datetime] = getattr(self.detail, "server_now", utc_now)
        self._now = now if now is not None else server_now
        self.model = IncidentListModel(
            session.runner,
            session.store.incidents,
            now=self._now,
            ended=lambda: session.closed,
            parent=self,
        )
        self.filter_bar = IncidentFilterBar(self)
        self.view = IncidentListView(self.model, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("incident_splitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # Half each at first (the table's own size hint would leave the pane a sliver);
        # the list scrolls sideways, the pane's header and actions should not.
        self.splitter.setSizes([1, 1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        # The dock may be made small (tabbed with the alerts, on a laptop screen): what does
        # not fit is clipped rather than forcing the main window larger.
        self.setMinimumSize(MINIMUM_SIZE)

        # The first change of a burst starts the clock and later ones ride along, so a
        # steady stream of changes still shows once per interval.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_PAUSE_MS)
        self._refresh.timeout.connect(self._refresh_list)
        # Incidents turn overdue as time passes, without any event: while the list shows the
        # overdue ones, it looks again now and then.
        self._overdue_clock = QTimer(self)
        self._overdue_clock.setInterval(OVERDUE_RECHECK_MS)
        self._overdue_clock.timeout.connect(self._schedule_refresh)
        self.filter_bar.filter_changed.connect(self._on_filter_bar_filter_changed)
        self.view.incident_selected.connect(self._on_view_incident_selected)
        self.model.query_shown.connect(self._on_model_query_shown)
        self.model.refreshed.connect(self._on_model_refreshed)
        self.model.failed.connect(self._on_model_failed)

    def start(self) -> None:
        """Show the list as the bar stands, and fill the town and unit pickers."""
        self._apply(self.filter_bar.choice())
        self._load_pickers()

    def reload(self, *_stored: object) -> None:
        """Read everything again after a full refresh of the working set landed in the store
        (it arrives as a whole, not as live events)."""
        self._load_pickers()
        self._schedule_refresh()

    def apply_update(self, update: StoreUpdate) -> None:
        """Follow a batch of live events that is in the store now."""
        if update.incidents or update.removed_incidents:
            self._schedule_refresh()
        if update.units:
            self._load_pickers()

    def show_incident(self, incident_id: str) -> None:
        """Show ``incident_id`` in the pane, and select it in the list if the list has it."""
        self.detail.show_incident(incident_id)
        self._wanted = incident_id
        self._select_wanted()

    def incident_renamed(self, local_id: str, server_id: str) -> None:
        """An event raised here under ``local_id`` exists on the server as ``server_id``:
        whatever showed the stand-in shows the server's record from now on."""
        if self._wanted == local_id or self.detail.incident_id == local_id:
            self.show_incident(server_id)

    def _select_wanted(self, *, scroll: bool = True) -> None:
        """Select the incident last chosen or asked for, wherever the list now has it (a
        new sort or filter keeps it selected while it still matches). ``scroll`` brings it
        into view; a live refresh leaves the list where the operator scrolled it."""
        incident_id = self._wanted
        if incident_id is None:
            return
        row = self.model.row_of(incident_id)
        if row is not None:
            self.view.select_row(row, scroll=scroll)
            return
        query = self.model.query
        self._session.runner.run(
            STORE,
            partial(
                self._session.store.incidents.position,
                incident_id,
                query.where,
                sort=query.sort,
                descending=query.descending,
            ),
            on_done=lambda row: self._on_position_found(incident_id, query, row, scroll),
            title=self.tr("Finding the incident in the list"),
        )

    def _on_position_found(
        self, incident_id: str, query: ListQuery, row: int | None, scroll: bool
    ) -> None:
        if self._session.closed or self._wanted != incident_id:
            return
        if query != self.model.query:
            return
        if row is None:
            # Not in the list as filtered: no other row may look chosen.
            self.view.clear_current()
            return
        self.model.ensure_row(row)
        self.view.select_row(row, scroll=scroll)

    def _apply(self, choice: FilterChoice) -> None:
        query = self.model.query
        self.model.set_query(ListQuery(self._store_filter(choice), query.sort, query.descending))
        if choice.overdue:
            self._overdue_clock.start()
        else:
            self._overdue_clock.stop()

    def _store_filter(self, choice: FilterChoice) -> IncidentFilter:
        user = self._session.user
        return store_filter(choice, user_id=user.id, unit_id=user.unit_id, now=self._now())

    def _schedule_refresh(self) -> None:
        if not self._refresh.isActive():
            self._refresh.start()

    def _refresh_list(self) -> None:
        if not self._session.closed:
            self.model.refresh(self._store_filter(self.filter_bar.choice()))

    def _load_pickers(self) -> None:
        self._session.runner.run(
            STORE,
            load_places_and_units,
            self._session.store,
            on_done=self._on_pickers_loaded,
            title=self.tr("Reading towns and units"),
        )

    def _on_pickers_loaded(self, loaded: tuple[list[Region], list[Unit]]) -> None:
        if self._session.closed:
            return
        towns, units = loaded
        self.filter_bar.set_towns(towns)
        self.filter_bar.set_units(units)

    def _on_filter_bar_filter_changed(self, choice: FilterChoice) -> None:
        self._apply(choice)

    def _on_view_incident_selected(self, incident_id: str | None) -> None:
        # A row leaving the pages in view (a live change moved it far) clears the current
        # index; the pane keeps showing the incident until another one is chosen.
        if incident_id is not None and incident_id != self.detail.incident_id:
            self._wanted = incident_id
            self.detail.show_incident(incident_id)

    def _on_model_query_shown(self, total: int, _milliseconds: float) -> None:
        self.filter_bar.set_count(total)
        self._select_wanted()

    def _on_model_refreshed(self, total: int) -> None:
        self.filter_bar.set_count(total)
        # Rows moved: the selection follows the incident the pane shows, not a row number.
        self._select_wanted(scroll=False)

    def _on_model_failed(self, message: str) -> None:
        self.filter_bar.set_problem(message)
