"""The incident list as a Qt table model over the local store, a window at a time.

The store filters, sorts and counts (in SQL, on the store lane); this model only holds the
pages of rows the view has asked for, and asks for a missing page when the view paints a
row of it (showing "…" until it comes). A new filter or sort replaces everything; live
changes re-read the pages in view and keep selection and scroll position (persistent
indexes move with their incident). The remaining time of each row is computed from its
deadline at paint time, so ``tick`` only has to say which rows changed.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from console.domain.categories import category as category_of
from console.domain.incident import TERMINAL_STATES
from console.domain.sla import SlaLevel, level_at, sla_times
from console.gui.incidents.categories import category_path_label, priority_label
from console.gui.incidents.labels import sla_level_label, state_label
from console.gui.plain_text import plain_tooltip
from console.store.incidents import IncidentCache, IncidentFilter, IncidentListRow, IncidentSort
from console.tasks import STORE, TaskRunner
from console.text import fill

logger = logging.getLogger(__name__)

PAGE = 200
# Pages kept besides those in view; further ones are dropped, farthest first.
KEPT_PAGES = 12
ID_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(enum.IntEnum):
    NUMBER = 0
    TITLE = 1
    STATE = 2
    PRIORITY = 3
    CATEGORY = 4
    PLACE = 5
    UNIT = 6
    DUE = 7
    REMAINING = 8
    OVERDUE = 9
    UPDATED = 10
    CALLER = 11


SORT_OF_COLUMN: dict[Column, IncidentSort] = {
    Column.NUMBER: IncidentSort.NUMBER,
    Column.TITLE: IncidentSort.TITLE,
    Column.STATE: IncidentSort.STATE,
    Column.PRIORITY: IncidentSort.PRIORITY,
    Column.CATEGORY: IncidentSort.CATEGORY,
    Column.PLACE: IncidentSort.PLACE,
    Column.UNIT: IncidentSort.UNIT,
    Column.DUE: IncidentSort.DUE,
    Column.REMAINING: IncidentSort.DUE,
    Column.OVERDUE: IncidentSort.DUE,
    Column.UPDATED: IncidentSort.UPDATED,
}

# Warning colours of the time limit (background, text), readable in light and dark themes.
LEVEL_COLOURS: dict[str, tuple[QColor, QColor]] = {
    SlaLevel.YELLOW: (QColor(250, 225, 90), QColor(40, 30, 0)),
    SlaLevel.ORANGE: (QColor(245, 160, 60), QColor(40, 20, 0)),
    SlaLevel.RED: (QColor(220, 60, 50), QColor(255, 255, 255)),
    SlaLevel.OVERDUE: (QColor(120, 20, 30), QColor(255, 255, 255)),
}


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What the list shows and in which order."""

    where: IncidentFilter = IncidentFilter()
    sort: IncidentSort = IncidentSort.UPDATED
    descending: bool = True


def utc_now() -> datetime:
    return datetime.now(UTC)


def live_level(row: IncidentListRow, now: datetime) -> str:
    """The row's warning level now: counted from its deadline while its clock runs (the
    server's word can be a minute old), else as the server last said; an incident that has
    ended has no time limit left to warn about."""
    if row.state in TERMINAL_STATES:
        return SlaLevel.NORMAL.value
    if row.due_at is None or not row.sla_running:
        return row.sla_level
    started = row.sla_started_at or row.due_at
    times = sla_times(started, row.due_at, category_of(row.category).policy)
    return level_at(times, now).value


class IncidentListModel(QAbstractTableModel):
    """Incidents matching a ``ListQuery``, read page by page from the store.

    Signals:
        query_shown(int, float): a new query's first page is shown: the number of matching
            incidents and the milliseconds from asking to showing.
        refreshed(int): live changes are in; the number of matching incidents.
        failed(str): the store could not answer (the message, for the status line).
    """

    query_shown = Signal(int, float)
    refreshed = Signal(int)
    failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        incidents: IncidentCache,
        *,
        now: Callable[[], datetime] = utc_now,
        ended: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ended = ended
        self._runner = runner
        self._incidents = incidents
        self._now = now
        self._query = ListQuery()
        self._generation = 0
        self._total = 0
        self._pages: dict[int, list[IncidentListRow]] = {}
        self._asked: set[int] = set()
        self._visible = (0, 0)
        self._refreshing = False
        self._refresh_again = False
        self.rearranging = False

    # ------------------------------------------------------------------ queries

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def set_query(self, query: ListQuery) -> None:
        """Show ``query``: its first page and count are read on the store lane."""
        self._query = query
        self._generation += 1
        generation = self._generation
        started = time.perf_counter()
        self._runner.run(
            STORE,
            partial(
                self._incidents.list_page,
                query.where,
                sort=query.sort,
                descending=query.descending,
                offset=0,
                limit=PAGE,
            ),
            on_done=lambda page: self._on_first_page(generation, started, page.rows, page.total),
            on_error=self._on_store_error,
            title=self.tr("Filtering incidents"),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = SORT_OF_COLUMN.get(Column(column)) if 0 <= column < len(Column) else None
        if sort is None:
            return
        ascending = order == Qt.SortOrder.AscendingOrder
        # Priority 1 is the most urgent: "ascending" lists P1 first, which the store calls
        # descending urgency.
        descending = ascending if sort is IncidentSort.PRIORITY else not ascending
        self.set_query(ListQuery(self._query.where, sort, descending))

    def set_visible_rows(self, first: int, last: int) -> None:
        """The rows the view shows now: what a live refresh re-reads."""
        self._visible = (max(0, first), max(first, last))

    def refresh(self, where: IncidentFilter | None = None) -> None:
        """Re-read the count and the pages in view after live changes (coalesced: one
        refresh at a time, and one more if changes came in meanwhile). ``where`` replaces
        the filter in place (the same choice at a later moment: "overdue" moves on)."""
        if where is not None:
            self._query = ListQuery(where, self._query.sort, self._query.descending)
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        generation = self._generation
        query = self._query
        first, last = self._visible
        offsets = {page * PAGE for page in range(first // PAGE, last // PAGE + 1)}
        self._runner.run(
            STORE,
            partial(
                self._incidents.list_pages,
                query.where,
                sort=query.sort,
                descending=query.descending,
                offsets=offsets,
                limit=PAGE,
            ),
            on_done=lambda result: self._on_refreshed(generation, *result),
            on_error=self._on_refresh_error,
            title=self.tr("Updating the incident list"),
        )

    # ------------------------------------------------------------------ rows

    def row_data(self, row: int) -> IncidentListRow | None:
        page = self._pages.get(row // PAGE)
        if page is None or row % PAGE >= len(page):
            return None
        return page[row % PAGE]

    def incident_id(self, row: int) -> str | None:
        found = self.row_data(row)
        return found.id if found is not None else None

    def row_of(self, incident_id: str) -> int | None:
        """The row of ``incident_id`` among the pages held, or None."""
        for number, page in self._pages.items():
            for offset, item in enumerate(page):
                if item.id == incident_id:
                    return number * PAGE + offset
        return None

    def ensure_row(self, row: int) -> None:
        """Ask for the page holding ``row`` unless it is here or on its way."""
        if 0 <= row < self._total:
            self._request_page(row // PAGE)

    def tick(self, first: int, last: int) -> None:
        """Repaint the time-dependent cells of rows ``first``..``last``."""
        last = min(last, self._total - 1)
        if first > last:
            return
        self.dataChanged.emit(
            self.index(first, Column.REMAINING),
            self.index(last, Column.OVERDUE),
            [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, LEVEL_ROLE],
        )

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(Column(section))
        return None

    def _header(self, column: Column) -> str:
        headers = {
            Column.NUMBER: self.tr("Number"),
            Column.TITLE: self.tr("Title"),
            Column.STATE: self.tr("State"),
            Column.PRIORITY: self.tr("Priority"),
            Column.CATEGORY: self.tr("Category"),
            Column.PLACE: self.tr("Place"),
            Column.UNIT: self.tr("Lead unit"),
            Column.DUE: self.tr("Due"),
            Column.REMAINING: self.tr("Time left"),
            Column.OVERDUE: self.tr("Overdue"),
            Column.UPDATED: self.tr("Updated"),
            Column.CALLER: self.tr("Caller"),
        }
        return headers[column]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid() or index.row() >= self._total:
            return None
        row = self.row_data(index.row())
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._request_page(index.row() // PAGE)
                return "…" if index.column() == Column.NUMBER else ""
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if column in (Column.REMAINING, Column.OVERDUE) and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            LEVEL_ROLE,
        ):
            level = live_level(row, self._now())
            if role == LEVEL_ROLE:
                return level
            colours = LEVEL_COLOURS.get(level)
            if colours is None:
                return None
            return QBrush(colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------------ cells

    def _display(self, row: IncidentListRow, column: Column) -> str:
        if column is Column.NUMBER:
            return row.number
        if column is Column.TITLE:
            return row.title
        if column is Column.STATE:
            return state_label(row.state)
        if column is Column.PRIORITY:
            return priority_label(row.priority)
        if column is Column.CATEGORY:
            return category_path_label(row.category)
        if column is Column.PLACE:
            return " / ".join(part for part in (row.town, row.village) if part) or (
                row.region_id or ""
            )
        if column is Column.UNIT:
            return row.unit_name or row.unit_id or ""
        if column is Column.DUE:
            return _local_time(row.due_at)
        if column is Column.REMAINING:
            return self._remaining(row)
        if column is Column.OVERDUE:
            return self.tr("Overdue") if live_level(row, self._now()) == SlaLevel.OVERDUE else ""
        if column is Column.UPDATED:
            return _local_time(row.updated_at)
        return row.caller

    def _remaining(self, row: IncidentListRow) -> str:
        if row.due_at is None or row.state in TERMINAL_STATES:
            return ""
        if not row.sla_running:
            return self.tr("stopped")
        seconds = int((row.due_at - self._now()).total_seconds())
        sign = "-" if seconds < 0 else ""
        seconds = abs(seconds)
        days, rest = divmod(seconds, 86_400)
        clock = f"{sign}{rest // 3600:02d}:{rest % 3600 // 60:02d}:{rest % 60:02d}"
        if days:
            return fill(self.tr("%1d %2"), f"{sign}{days}", clock[len(sign) :])
        return clock

    def _tooltip(self, row: IncidentListRow, column: Column) -> str:
        if column is Column.TITLE:
            return plain_tooltip(row.title)
        if column is Column.PLACE:
            return plain_tooltip(self._display(row, column))
        if column in (Column.REMAINING, Column.OVERDUE):
            return plain_tooltip(sla_level_label(live_level(row, self._now())))
        return ""

    # ------------------------------------------------------------------ pages

    def _request_page(self, page: int) -> None:
        if page in self._pages or page in self._asked or self._ended():
            return
        self._asked.add(page)
        generation = self._generation
        query = self._query
        self._runner.run(
            STORE,
            partial(
                self._incidents.list_page,
                query.where,
                sort=query.sort,
                descending=query.descending,
                offset=page * PAGE,
                limit=PAGE,
                with_total=False,
            ),
            on_done=lambda result: self._on_page(generation, page, result.rows),
            on_error=self._on_store_error,
            title=self.tr("Reading incidents"),
        )

    def _on_first_page(
        self, generation: int, started: float, rows: list[IncidentListRow], total: int
    ) -> None:
        if generation != self._generation or self._ended():
            return
        self.beginResetModel()
        self._total = total
        self._pages = {0: rows} if rows else {}
        self._asked = set()
        self.endResetModel()
        self.query_shown.emit(total, (time.perf_counter() - started) * 1000)

    def _on_page(self, generation: int, page: int, rows: list[IncidentListRow]) -> None:
        self._asked.discard(page)
        if generation != self._generation or self._ended():
            return
        first = page * PAGE
        if first >= self._total:
            return
        # The count may have moved since; keep only rows the model has room for.
        rows = rows[: self._total - first]
        self._pages[page] = rows
        self._forget_far_pages(page)
        if rows:
            self.dataChanged.emit(
                self.index(first, 0), self.index(first + len(rows) - 1, len(Column) - 1)
            )

    def _forget_far_pages(self, near: int) -> None:
        visible = set(range(self._visible[0] // PAGE, self._visible[1] // PAGE + 1))
        spare = sorted(
            (page for page in self._pages if page not in visible and page != near),
            key=lambda page: abs(page - near),
        )
        for page in spare[KEPT_PAGES:]:
            del self._pages[page]

    def _on_refreshed(
        self, generation: int, total: int, pages: dict[int, list[IncidentListRow]]
    ) -> None:
        self._refreshing = False
        if generation == self._generation and not self._ended():
            self._apply_refresh(total, {offset // PAGE: rows for offset, rows in pages.items()})
            self.refreshed.emit(total)
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _apply_refresh(self, total: int, pages: dict[int, list[IncidentListRow]]) -> None:
        # While rows move, Qt may move the current row to a neighbour (a removed row's):
        # views ask ``rearranging`` so that such a move is not taken for the operator's choice.
        self.rearranging = True
        try:
            self._rearrange(total, pages)
        finally:
            self.rearranging = False

    def _rearrange(self, total: int, pages: dict[int, list[IncidentListRow]]) -> None:
        # A longer list grows at its end first, so that every incident's new row exists
        # when the layout change moves the persistent indexes (the selection) to it; a
        # shorter one is cut at its end afterwards.
        old_total = self._total
        if total > old_total:
            self.beginInsertRows(QModelIndex(), old_total, total - 1)
            self._total = total
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        moving = self.persistentIndexList()
        moving_ids = [self.incident_id(index.row()) for index in moving]
        self._pages = pages
        self._asked = set()
        targets = []
        for index, incident_id in zip(moving, moving_ids, strict=True):
            row = self.row_of(incident_id) if incident_id is not None else None
            if row is None or row >= total:
                targets.append(QModelIndex())
            else:
                targets.append(self.index(row, index.column()))
        self.changePersistentIndexList(moving, targets)
        self.layoutChanged.emit()
        if total < old_total:
            self.beginRemoveRows(QModelIndex(), total, old_total - 1)
            self._total = total
            self.endRemoveRows()

    def _on_store_error(self, error: BaseException) -> None:
        logger.warning("The incident list could not read the store: %s", error)
        if not self._ended():
            self.failed.emit(str(error))

    def _on_refresh_error(self, error: BaseException) -> None:
        self._refreshing = False
        self._on_store_error(error)


def _local_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
