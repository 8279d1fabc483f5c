"""The alert queue as a Qt table model over the alerts the session holds.

Rows are the alerts that pass the filter, most urgent first, then newest first. Changes arrive
in batches (``apply``) and move only the rows they touch: a new alert is one inserted row, a
changed one a changed or moved row, so a burst never resets the view (and its selection and
scroll position) unless it is larger than a reset. Rows of new urgent alerts blink for a few
seconds (``flash``); rows with an action still in the outbox say so in their status.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor

from console.gui.alerts.duplicates import suggested_duplicate_of
from console.gui.alerts.ordering import (
    ACKNOWLEDGED_STATUSES,
    OPEN_STATUSES,
    alert_priority,
    allowed_actions,
    kind_label,
    kind_value,
    sort_key,
    status_label,
    status_value,
)
from console.gui.incidents.categories import priority_label
from console.gui.plain_text import plain_tooltip
from console.text import fill
from console.wire.alerts import AlertOut

ALERT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole

# A batch changing more rows than this resets the model instead: one relayout, not hundreds.
RESET_ABOVE = 300
# Handled alerts beyond this many are forgotten, oldest first, down to KEEP_HANDLED: a long
# shift must not grow without bound. Open alerts are always kept; they await a decision.
MAX_HANDLED = 5_000
KEEP_HANDLED = 4_000
FLASH_SECONDS = 4.0
FLASH_BLINK_MS = 400
# More new urgent rows than this at once (a burst) stay lit instead of blinking: a wall of
# blinking rows says no more than the dock's title does, and repaints the view on every blink.
BLINK_MAX = 5

_FLASH_COLOUR = QColor("#ffcdd2")
_PRIORITY_COLOURS = {1: QColor("#c62828"), 2: QColor("#ef6c00")}

_SERVED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        ALERT_ID_ROLE,
        SORT_KEY_ROLE,
    }
)

_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

Index = QModelIndex | QPersistentModelIndex
Key = tuple[int, float, str]


class AlertFilter:
    """Which alerts the queue shows: by status group and a text to find in type or camera."""

    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    ALL = "all"

    def __init__(self, group: str = OPEN, text: str = "") -> None:
        self.group = group
        self.text = text.strip().casefold()

    def accepts(self, alert: AlertOut, camera_name: str) -> bool:
        status = status_value(alert)
        if self.group == self.OPEN and status not in OPEN_STATUSES:
            return False
        if self.group == self.ACKNOWLEDGED and status not in ACKNOWLEDGED_STATUSES:
            return False
        if not self.text:
            return True
        haystack = (camera_name, alert.camera_id, kind_label(kind_value(alert)), kind_value(alert))
        return any(self.text in part.casefold() for part in haystack)


class AlertQueueModel(QAbstractTableModel):
    """The alerts that pass ``set_filter``, ordered by ``ordering.sort_key``.

    ``camera_name(camera_id)`` names cameras (the session's lookup). Every alert applied is
    kept, shown or not, so changing the filter needs no trip to the store.
    """

    COLUMNS = ("priority", "kind", "camera", "detected", "status")

    def __init__(self, camera_name: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._camera_name = camera_name
        self._filter = AlertFilter()
        self._all: dict[str, AlertOut] = {}
        # Alerts by camera and kind: where a duplicate is looked for.
        self._groups: dict[tuple[str, str], dict[str, AlertOut]] = {}
        self._keys: list[Key] = []  # of the shown rows, in row order
        self._pending: dict[str, str] = {}
        self._refused: dict[str, str] = {}
        self._flash_until: dict[str, float] = {}
        # Detection times as shown, made once per alert: a repaint asks for them again and again.
        self._times: dict[str, str] = {}
        self._times_day = datetime.now().astimezone().date()
        self._blink = QTimer(self)
        self._blink.setInterval(FLASH_BLINK_MS)
        self._blink.timeout.connect(self._on_blink_timeout)

    # ------------------------------------------------------------------ reading

    def alert(self, alert_id: str) -> AlertOut | None:
        return self._all.get(alert_id)

    def alerts(self) -> list[AlertOut]:
        return list(self._all.values())

    def alert_at(self, row: int) -> AlertOut:
        return self._all[self._keys[row][2]]

    def row_of(self, alert_id: str) -> int:
        """The row showing ``alert_id``, or -1."""
        alert = self._all.get(alert_id)
        if alert is None:
            return -1
        key = sort_key(alert)
        row = bisect.bisect_left(self._keys, key)
        return row if row < len(self._keys) and self._keys[row] == key else -1

    def shown_ids(self) -> list[str]:
        return [key[2] for key in self._keys]

    def duplicate_of(self, alert_id: str) -> AlertOut | None:
        """The earlier alert ``alert_id`` probably repeats (same camera and kind), or None."""
        alert = self._all.get(alert_id)
        if alert is None:
            return None
        group = self._groups.get((alert.camera_id, kind_value(alert)), {})
        return suggested_duplicate_of(alert, group.values())

    def pending_action(self, alert_id: str) -> str | None:
        return self._pending.get(alert_id)

    def refusal(self, alert_id: str) -> str | None:
        return self._refused.get(alert_id)

    def is_flashing(self, alert_id: str) -> bool:
        return self._flash_until.get(alert_id, 0.0) > time.monotonic()

    # ------------------------------------------------------------------ changing

    def set_filter(self, group: str, text: str = "") -> None:
        self._filter = AlertFilter(group, text)
        self.beginResetModel()
        self._keys = self._sorted_shown()
        self.endResetModel()

    def replace(self, alerts: Iterable[AlertOut]) -> None:
        """Show exactly ``alerts`` (a fresh read of the store)."""
        self.beginResetModel()
        self._all = {alert.id: alert for alert in alerts}
        self._groups = {}
        for alert in self._all.values():
            self._group(alert)[alert.id] = alert
        self._keys = self._sorted_shown()
        self.endResetModel()

    def apply(self, alerts: Iterable[AlertOut]) -> list[AlertOut]:
        """Take in new and changed alerts; returns those this model had not seen before."""
        batch = list(alerts)
        today = datetime.now().astimezone().date()
        if today != self._times_day:  # yesterday's times now show their date
            self._times_day = today
            self._times.clear()
        fresh = [alert for alert in batch if alert.id not in self._all]
        if len(batch) > RESET_ABOVE:
            self.beginResetModel()
            self._all.update((alert.id, alert) for alert in batch)
            for alert in batch:
                self._group(alert)[alert.id] = alert
            self._keys = self._sorted_shown()
            self.endResetModel()
            self._forget_old_handled()
            return fresh
        known = [alert for alert in batch if alert.id in self._all]
        for alert in known:
            self._apply_one(alert)
        self._insert_fresh(fresh)
        if fresh:
            self._forget_old_handled()
        return fresh

    def set_pending(self, alert_id: str, action: str | None) -> None:
        """Mark the alert as having ``action`` in the outbox (None: nothing waits)."""
        if action is None:
            self._pending.pop(alert_id, None)
        else:
            self._pending[alert_id] = action
            self._refused.pop(alert_id, None)
        self._row_changed(alert_id)

    def set_refused(self, alert_id: str, reason: str | None) -> None:
        """The server refused the alert's last action, for ``reason`` (None: clear it)."""
        if reason is None:
            self._refused.pop(alert_id, None)
        else:
            self._refused[alert_id] = reason
        self._row_changed(alert_id)

    def refresh_names(self) -> None:
        """Camera names changed (a new catalogue): show them, and filter by them again."""
        if self._filter.text:
            self.set_filter(self._filter.group, self._filter.text)
        elif self._keys:
            column = self.COLUMNS.index("camera")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._keys) - 1, column))

    def flash(self, alert_ids: Iterable[str], seconds: float = FLASH_SECONDS) -> None:
        until = time.monotonic() + seconds
        ids = list(alert_ids)
        for alert_id in ids:
            self._flash_until[alert_id] = until
        self._rows_changed(ids)
        if self._flash_until and not self._blink.isActive():
            self._blink.start()

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        titles = (
            QCoreApplication.translate("AlertQueue", "Priority"),
            QCoreApplication.translate("AlertQueue", "Type"),
            QCoreApplication.translate("AlertQueue", "Camera"),
            QCoreApplication.translate("AlertQueue", "Detected"),
            QCoreApplication.translate("AlertQueue", "Status"),
        )
        return titles[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A repaint asks for many roles per cell; those this model never serves cost nothing.
        if role not in _SERVED_ROLES or not 0 <= index.row() < len(self._keys):
            return None
        alert = self._all[self._keys[index.row()][2]]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(alert, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(alert, column)
        if role == ALERT_ID_ROLE:
            return alert.id
        if role == SORT_KEY_ROLE:
            return self._keys[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(alert)
        if role == Qt.ItemDataRole.ForegroundRole and column == "priority":
            colour = _PRIORITY_COLOURS.get(int(alert_priority(kind_value(alert))))
            return QBrush(colour) if colour is not None else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    # ------------------------------------------------------------------ internals

    def _text(self, alert: AlertOut, column: str) -> str:
        if column == "priority":
            return priority_label(alert_priority(kind_value(alert)))
        if column == "kind":
            return kind_label(kind_value(alert))
        if column == "camera":
            return self._camera_name(alert.camera_id)
        if column == "detected":
            text = self._times.get(alert.id)
            if text is None:
                text = self._times[alert.id] = _local_time(alert.detected_at)
            return text
        return self.status_text(alert)

    def status_text(self, alert: AlertOut) -> str:
        status = status_label(status_value(alert))
        pending = self._pending.get(alert.id)
        if pending is not None:
            return fill(
                QCoreApplication.translate("AlertQueue", "%1 — %2 (pending)"), status, pending
            )
        if alert.id in self._refused:
            return fill(QCoreApplication.translate("AlertQueue", "%1 — refused"), status)
        if "merge" in allowed_actions(alert) and self.duplicate_of(alert.id) is not None:
            return fill(QCoreApplication.translate("AlertQueue", "%1 · likely a repeat"), status)
        return status

    def _tooltip(self, alert: AlertOut, column: str) -> str:
        if column == "camera":
            return plain_tooltip(
                fill("%1 (%2)", self._camera_name(alert.camera_id), alert.camera_id)
            )
        if column == "status":
            reason = self._refused.get(alert.id) or alert.dismiss_reason or ""
            return plain_tooltip(reason)
        if column == "detected":
            return plain_tooltip(
                alert.detected_at.astimezone().isoformat(sep=" ", timespec="seconds")
            )
        return ""

    def _background(self, alert: AlertOut) -> QBrush | None:
        until = self._flash_until.get(alert.id)
        if until is None or until <= time.monotonic():
            return None
        if len(self._flash_until) > BLINK_MAX:
            return QBrush(_FLASH_COLOUR)
        # Blink: on for one interval, off for the next.
        phase = int(time.monotonic() * 1000 / FLASH_BLINK_MS) % 2
        return QBrush(_FLASH_COLOUR) if phase == 0 else None

    def _sorted_shown(self) -> list[Key]:
        name = self._camera_name
        accepts = self._filter.accepts
        return sorted(sort_key(a) for a in self._all.values() if accepts(a, name(a.camera_id)))

    def _apply_one(self, alert: AlertOut) -> None:
        old = self._all.get(alert.id)
        old_row = self.row_of(alert.id) if old is not None else -1
        self._all[alert.id] = alert
        self._group(alert)[alert.id] = alert
        key = sort_key(alert)
        shown = self._filter.accepts(alert, self._camera_name(alert.camera_id))
        if old_row >= 0 and shown and self._keys[old_row] == key:
            self._emit_row_changed(old_row)
            return
        if old_row >= 0:
            self.beginRemoveRows(QModelIndex(), old_row, old_row)
            del self._keys[old_row]
            self.endRemoveRows()
        if shown:
            row = bisect.bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), row, row)
            self._keys.insert(row, key)
            self.endInsertRows()

    def _forget_old_handled(self) -> None:
        if len(self._all) <= MAX_HANDLED:
            return  # the common case, decided without a look at every alert
        handled = [a for a in self._all.values() if status_value(a) not in OPEN_STATUSES]
        if len(handled) <= MAX_HANDLED:
            return
        handled.sort(key=lambda a: (a.detected_at, a.id))
        doomed = handled[: len(handled) - KEEP_HANDLED]
        self.beginResetModel()
        for alert in doomed:
            del self._all[alert.id]
            group = self._groups.get((alert.camera_id, kind_value(alert)))
            if group is not None:
                group.pop(alert.id, None)
                if not group:
                    del self._groups[(alert.camera_id, kind_value(alert))]
            self._pending.pop(alert.id, None)
            self._refused.pop(alert.id, None)
            self._flash_until.pop(alert.id, None)
            self._times.pop(alert.id, None)
        self._keys = self._sorted_shown()
        self.endResetModel()

    def _group(self, alert: AlertOut) -> dict[str, AlertOut]:
        return self._groups.setdefault((alert.camera_id, kind_value(alert)), {})

    def _insert_fresh(self, fresh: list[AlertOut]) -> None:
        """Insert alerts not seen before, a run of adjacent rows at a time (a burst's newest
        alerts of one priority all go to the top of their group: one insertion)."""
        keys: list[Key] = []
        for alert in fresh:
            self._all[alert.id] = alert
            self._group(alert)[alert.id] = alert
            if self._filter.accepts(alert, self._camera_name(alert.camera_id)):
                keys.append(sort_key(alert))
        keys.sort()
        start = 0
        while start < len(keys):
            row = bisect.bisect_left(self._keys, keys[start])
            end = start + 1
            while end < len(keys) and (row >= len(self._keys) or keys[end] < self._keys[row]):
                end += 1
            self.beginInsertRows(QModelIndex(), row, row + end - start - 1)
            self._keys[row:row] = keys[start:end]
            self.endInsertRows()
            start = end

    def _rows_changed(self, alert_ids: Iterable[str]) -> None:
        """One change signal over the rows of ``alert_ids`` (the views repaint what shows)."""
        rows = [row for row in map(self.row_of, alert_ids) if row >= 0]
        if rows:
            last_column = len(self.COLUMNS) - 1
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), last_column))

    def _row_changed(self, alert_id: str) -> None:
        row = self.row_of(alert_id)
        if row >= 0:
            self._emit_row_changed(row)

    def _emit_row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def _on_blink_timeout(self) -> None:
        now = time.monotonic()
        expired = [alert_id for alert_id, until in self._flash_until.items() if until <= now]
        for alert_id in expired:
            del self._flash_until[alert_id]
        if len(self._flash_until) <= BLINK_MAX:
            expired.extend(self._flash_until)  # the blinking ones change too
        self._rows_changed(expired)
        if not self._flash_until:
            self._blink.stop()


def _local_time(when: datetime) -> str:
    local = when.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M:%S")
    return local.strftime("%m-%d %H:%M")
