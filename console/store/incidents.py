"""Cached incidents: the server's JSON bodies plus the columns the incident list filters on.

The server's ``IncidentOut`` body is stored verbatim and turned back into a domain
``Incident`` through ``console.wire`` when read. A stored incident is only replaced by one
with the same or a higher ``version``, so a late full-refresh page cannot undo a newer
change that arrived on the event stream.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    delete,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
    tuple_,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import aliased

from console.domain.incident import TERMINAL_STATES, Incident, IncidentState, Priority
from console.domain.privacy import mask_name, mask_phone
from console.store.cache_schema import (
    NO_DEADLINE,
    IncidentBodyRow,
    IncidentRow,
    RegionRow,
    UnitRow,
)
from console.store.catalog import table_of
from console.store.sessions import Sessions
from console.wire.incidents import IncidentOut, incident_out

logger = logging.getLogger(__name__)

_BATCH = 2_000
DEFAULT_PAGE = 100


class IncidentSort(enum.StrEnum):
    """The column an incident list is ordered by; ties go by ``updated_at``, then ``id``.

    Descending (the default of ``query``) means: most recently changed first (UPDATED),
    most urgent first (PRIORITY), and reverse alphabetical or latest first for the others.
    """

    UPDATED = "updated"
    PRIORITY = "priority"
    NUMBER = "number"
    TITLE = "title"
    STATE = "state"
    CATEGORY = "category"
    PLACE = "place"  # the region code, so villages of one town stay together
    UNIT = "unit"
    DUE = "due"  # incidents without a deadline come after every deadline


_SORT_COLUMNS: dict[IncidentSort, Any] = {
    IncidentSort.PRIORITY: IncidentRow.urgency,
    IncidentSort.NUMBER: IncidentRow.number,
    IncidentSort.TITLE: IncidentRow.title,
    IncidentSort.STATE: IncidentRow.state,
    IncidentSort.CATEGORY: IncidentRow.category,
    IncidentSort.PLACE: IncidentRow.region_id,
    IncidentSort.UNIT: IncidentRow.unit_id,
    IncidentSort.DUE: IncidentRow.due_key,
}

AWAITING_VERIFICATION: frozenset[IncidentState] = frozenset(
    {IncidentState.FEEDBACK, IncidentState.VERIFYING}
)


@dataclass(frozen=True, slots=True)
class Mine:
    """Whose incidents are "mine": those ``user_id`` raised, and those led by ``unit_id``."""

    user_id: str
    unit_id: str | None = None


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """What the incident list shows; empty sets, None and blank text mean "any".

    ``categories`` are minor category codes (a major category is the set of its minors);
    ``region_id`` keeps incidents in that region or in a region directly under it (a town
    and its villages); ``overdue_at`` keeps open incidents whose deadline is before that
    moment; ``awaiting_verification`` keeps incidents in feedback or verifying. Every
    condition given must hold.
    """

    states: frozenset[IncidentState] = frozenset()
    priorities: frozenset[Priority] = frozenset()
    unit_id: str | None = None
    text: str = ""
    categories: frozenset[str] = frozenset()
    region_id: str | None = None
    mine: Mine | None = None
    overdue_at: datetime | None = None
    awaiting_verification: bool = False


@dataclass(frozen=True, slots=True)
class IncidentListRow:
    """What one line of the incident list shows, read from the slim table and its places.

    ``village`` and ``town`` are region names ("" when the region is not in the cache);
    ``caller`` is already masked; ``sla_level`` is the server's word at ``updated_at``.
    """

    id: str
    number: str
    title: str
    state: IncidentState
    priority: Priority
    category: str
    region_id: str | None
    village: str
    town: str
    unit_id: str | None
    unit_name: str
    due_at: datetime | None
    sla_level: str
    sla_started_at: datetime | None
    sla_running: bool
    caller: str
    updated_at: datetime
    version: int


@dataclass(frozen=True, slots=True)
class ListPage:
    """One page of list rows and how many match in all."""

    rows: list[IncidentListRow]
    total: int
    offset: int


@dataclass(frozen=True, slots=True)
class IncidentPage:
    """One page of matching incidents and how many match in all."""

    items: list[Incident]
    total: int
    offset: int


def search_text(body: IncidentOut) -> str:
    return " ".join((body.number, body.title, body.category, body.address)).casefold()


def _lead_unit(body: IncidentOut) -> str | None:
    for assignment in reversed(body.assignments):
        if assignment.active:
            return assignment.unit_id
    return None


def masked_caller(body: IncidentOut) -> str:
    """A hotline caller's name and phone as lists show them ("" for other sources)."""
    parts = (mask_name(body.caller_name), mask_phone(body.caller_phone))
    return " ".join(part for part in parts if part)


def _row(body: IncidentOut) -> dict[str, Any]:
    sla = body.sla  # derived on each reading
    due_at = sla.due_at if sla is not None else body.due_at
    running = sla.running if sla is not None else body.state not in TERMINAL_STATES
    return {
        "id": body.id,
        "number": body.number,
        "state": body.state.value,
        "urgency": -int(body.priority),
        "unit_id": _lead_unit(body),
        "region_id": body.region_id,
        "updated_at": body.updated_at,
        "version": body.version,
        "search_text": search_text(body),
        "title": body.title,
        "category": body.category,
        "created_by": body.created_by,
        "due_at": due_at,
        "due_key": due_at if due_at is not None and running else NO_DEADLINE,
        "sla_level": body.sla_level.value,
        "sla_started_at": sla.started_at if sla is not None else None,
        "sla_running": running,
        "caller": masked_caller(body),
    }


def _incident(body: str) -> Incident:
    return IncidentOut.model_validate_json(body).to_domain()


class IncidentCache:
    """Incidents as last seen from the server, queryable by state, priority, unit and text."""

    def __init__(self, database: Sessions) -> None:
        self._db = database

    def upsert(self, incidents: Iterable[Incident | IncidentOut]) -> None:
        """Store incidents (domain values or server bodies); older versions never win."""
        bodies = [
            item if isinstance(item, IncidentOut) else incident_out(item) for item in incidents
        ]
        if not bodies:
            return
        rows = [_row(body) for body in bodies]
        texts: list[dict[str, Any]] = [
            {"id": body.id, "body": body.model_dump_json()} for body in bodies
        ]
        columns = sqlite_insert(table_of(IncidentRow))
        columns = columns.on_conflict_do_update(
            index_elements=["id"],
            set_={name: columns.excluded[name] for name in rows[0] if name != "id"},
            where=columns.excluded.version >= IncidentRow.version,
        )
        # The body follows the columns only where the columns took the new version.
        body_insert = sqlite_insert(table_of(IncidentBodyRow))
        # ``excluded`` by name: as a table object it would become ``FROM incidents,
        # incident_bodies AS excluded`` and compare the first stored incident's version.
        stored_version = (
            select(IncidentRow.version)
            .where(IncidentRow.id == literal_column("excluded.id"))
            .scalar_subquery()
        )
        body_insert = body_insert.on_conflict_do_update(
            index_elements=["id"],
            set_={"body": body_insert.excluded.body},
            where=stored_version == bindparam("incoming_version"),
        )
        for text, body in zip(texts, bodies, strict=True):
            text["incoming_version"] = body.version
        with self._db.write() as session:
            for start in range(0, len(rows), _BATCH):
                session.execute(columns, rows[start : start + _BATCH])
                session.execute(body_insert, texts[start : start + _BATCH])

    def get(self, incident_id: str) -> Incident | None:
        with self._db.read() as session:
            body = session.scalar(
                select(IncidentBodyRow.body).where(IncidentBodyRow.id == incident_id)
            )
        return _incident(body) if body is not None else None

    def remove(self, incident_ids: Iterable[str]) -> None:
        ids = list(incident_ids)
        with self._db.write() as session:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                session.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk)))
                session.execute(delete(IncidentBodyRow).where(IncidentBodyRow.id.in_(chunk)))

    def clear(self, *, keep: Iterable[str] = ()) -> None:
        """Forget every incident but those in ``keep`` (before a full refresh after a stream
        ``reset``: incidents that live events brought in while the refresh was being fetched
        are newer than what it fetched, and stay)."""
        kept = list(keep)
        with self._db.write() as session:
            session.execute(delete(IncidentRow).where(IncidentRow.id.not_in(kept)))
            session.execute(delete(IncidentBodyRow).where(IncidentBodyRow.id.not_in(kept)))

    def count(self) -> int:
        with self._db.read() as session:
            return int(session.scalar(select(func.count()).select_from(IncidentRow)) or 0)

    def query(
        self,
        where: IncidentFilter = IncidentFilter(),
        *,
        sort: IncidentSort = IncidentSort.UPDATED,
        descending: bool = True,
        offset: int = 0,
        limit: int = DEFAULT_PAGE,
    ) -> IncidentPage:
        """One page of the incidents matching ``where``, in ``sort`` order, as domain values."""
        # Page through the slim table first, then fetch just that page's bodies: the
        # filter and sort never touch the large body table.
        with self._db.read() as session:
            ids, counted = _page_ids(session, where, sort, descending, offset, limit)
            total = counted if counted is not None else _count(session, where)
            found = session.execute(
                select(IncidentBodyRow.id, IncidentBodyRow.body).where(IncidentBodyRow.id.in_(ids))
            )
            bodies: dict[str, str] = {row[0]: row[1] for row in found}
        return IncidentPage([_incident(bodies[i]) for i in ids if i in bodies], total, offset)

    def list_page(
        self,
        where: IncidentFilter = IncidentFilter(),
        *,
        sort: IncidentSort = IncidentSort.UPDATED,
        descending: bool = True,
        offset: int = 0,
        limit: int = DEFAULT_PAGE,
        with_total: bool = True,
    ) -> ListPage:
        """One page of list rows matching ``where`` in ``sort`` order; ``total`` is -1 when
        ``with_total`` is false (a further page of a list whose count is known)."""
        with self._db.read() as session:
            rows, total = _list_rows(session, where, sort, descending, offset, limit)
            if total is None:
                total = _count(session, where) if with_total else -1
        return ListPage(rows, total, offset)

    def list_pages(
        self,
        where: IncidentFilter,
        *,
        sort: IncidentSort,
        descending: bool,
        offsets: Iterable[int],
        limit: int,
    ) -> tuple[int, dict[int, list[IncidentListRow]]]:
        """The count and several pages at once, from one consistent snapshot (what a list
        re-reads after live changes, so its count and its rows agree)."""
        with self._db.read() as session:
            total = _count(session, where)
            pages = {
                offset: _list_rows(session, where, sort, descending, offset, limit)[0]
                for offset in sorted(set(offsets))
                if offset < total
            }
        return total, pages

    def position(
        self,
        incident_id: str,
        where: IncidentFilter = IncidentFilter(),
        *,
        sort: IncidentSort = IncidentSort.UPDATED,
        descending: bool = True,
    ) -> int | None:
        """Where ``incident_id`` stands (0-based) in the list ``where`` and ``sort`` give,
        or None when it is not in that list."""
        key = _sort_key(sort)
        with self._db.read() as session:
            found = session.execute(
                _filtered(select(*key), where).where(IncidentRow.id == incident_id)
            ).first()
            if found is None:
                return None
            ahead = tuple_(*key) > tuple_(*found) if descending else tuple_(*key) < tuple_(*found)
            counting = _filtered(select(func.count()).select_from(IncidentRow), where)
            return int(session.scalar(counting.where(ahead)) or 0)


_EVERYTHING = IncidentFilter()


def _sort_key(sort: IncidentSort) -> tuple[Any, ...]:
    column = _SORT_COLUMNS.get(sort)
    ties = (IncidentRow.updated_at, IncidentRow.id)
    return ties if column is None else (column, *ties)


def _ordered(query: Select[Any], sort: IncidentSort, descending: bool) -> Select[Any]:
    key = _sort_key(sort)
    return query.order_by(*(column.desc() if descending else column.asc() for column in key))


def _count(session: Any, where: IncidentFilter) -> int:
    counting = _filtered(select(func.count()).select_from(IncidentRow), where)
    return int(session.scalar(counting) or 0)


def _page_ids(
    session: Any,
    where: IncidentFilter,
    sort: IncidentSort,
    descending: bool,
    offset: int,
    limit: int,
) -> tuple[list[str], int | None]:
    """The ids of one page in order, and the count when it came for free (None otherwise)."""
    if where == _EVERYTHING:
        # Unfiltered: a walk down the sort's index that stops after the page.
        ordered = _ordered(select(IncidentRow.id), sort, descending)
        return list(session.scalars(ordered.offset(offset).limit(limit))), None
    total: int | None = None
    if not where.text.strip():
        # Every other filter has an index, so its count is cheap, and the count says which
        # of two plans reads fewer rows. Walking the sort's index, testing each row, reads
        # about (offset + limit) * everything / matches rows before the page is full;
        # sorting the matches reads each match once (and then sorts them).
        total = _count(session, where)
        # The table's size only steers the choice: the largest rowid (one step down the
        # table's b-tree) stands in for a count of every row.
        largest: Select[Any] = select(func.max(literal_column("rowid"))).select_from(IncidentRow)
        everything = int(session.scalar(largest) or 0)
        if (offset + limit) * everything <= total * total:
            walk = _ordered(
                _filtered(select(IncidentRow.id), where, indexed=False), sort, descending
            )
            return list(session.scalars(walk.offset(offset).limit(limit))), total
    # Sorting the matches: the filter runs once on its own (by its index where it has one;
    # a substring filter reads every row), the matches keep their sort key, only they are
    # sorted, and the count comes from the same pass.
    key = _sort_key(sort)
    matches = (
        _filtered(select(*(column.label(f"k{n}") for n, column in enumerate(key))), where)
        .cte("matches")
        .prefix_with("MATERIALIZED")
    )
    columns = [matches.c[f"k{n}"] for n in range(len(key))]
    found = session.execute(
        select(columns[-1], func.count().over())
        .order_by(*(column.desc() if descending else column.asc() for column in columns))
        .offset(offset)
        .limit(limit)
    ).all()
    if not found:
        return [], total
    return [row[0] for row in found], int(found[0][1])


def _list_rows(
    session: Any,
    where: IncidentFilter,
    sort: IncidentSort,
    descending: bool,
    offset: int,
    limit: int,
) -> tuple[list[IncidentListRow], int | None]:
    # The page's ids first (an index walk over the slim table), then its places and unit
    # names for those rows only.
    order, total = _page_ids(session, where, sort, descending, offset, limit)
    if not order:
        return [], total
    village = aliased(RegionRow)
    town = aliased(RegionRow)
    found = session.execute(
        select(
            IncidentRow.id,
            IncidentRow.number,
            IncidentRow.title,
            IncidentRow.state,
            IncidentRow.urgency,
            IncidentRow.category,
            IncidentRow.region_id,
            func.coalesce(village.name, literal("")),
            func.coalesce(town.name, literal("")),
            IncidentRow.unit_id,
            func.coalesce(UnitRow.name, literal("")),
            IncidentRow.due_at,
            IncidentRow.sla_level,
            IncidentRow.sla_started_at,
            IncidentRow.sla_running,
            IncidentRow.caller,
            IncidentRow.updated_at,
            IncidentRow.version,
        )
        .outerjoin(village, village.id == IncidentRow.region_id)
        .outerjoin(town, town.id == village.parent_id)
        .outerjoin(UnitRow, UnitRow.id == IncidentRow.unit_id)
        .where(IncidentRow.id.in_(order))
    ).all()
    by_id = {row[0]: row for row in found}
    rows = [_list_row(by_id[incident_id]) for incident_id in order if incident_id in by_id]
    return rows, total


def _list_row(row: Any) -> IncidentListRow:
    (
        incident_id,
        number,
        title,
        state,
        urgency,
        category,
        region_id,
        village,
        town,
        unit_id,
        unit_name,
        due_at,
        sla_level,
        sla_started_at,
        sla_running,
        caller,
        updated_at,
        version,
    ) = row
    return IncidentListRow(
        id=incident_id,
        number=number,
        title=title,
        state=IncidentState(state),
        priority=Priority(-urgency),
        category=category,
        region_id=region_id,
        village=village,
        town=town,
        unit_id=unit_id,
        unit_name=unit_name,
        due_at=due_at,
        sla_level=sla_level,
        sla_started_at=sla_started_at,
        sla_running=bool(sla_running),
        caller=caller,
        updated_at=updated_at,
        version=version,
    )


def _unindexed(column: Any) -> Any:
    """``column`` behind SQLite's no-op unary ``+``, which keeps the planner from reaching
    for that column's index (so that it walks the sort's index instead)."""
    return literal_column(f"+{IncidentRow.__tablename__}.{column.key}", column.type)


def _filtered(query: Select[Any], where: IncidentFilter, *, indexed: bool = True) -> Select[Any]:
    if not indexed:
        return query.where(_conditions(where, _unindexed))
    return query.where(_conditions(where, lambda column: column))


def _conditions(where: IncidentFilter, col: Callable[[Any], Any]) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = []
    states = set(where.states)
    if where.awaiting_verification:
        states = states & AWAITING_VERIFICATION if states else set(AWAITING_VERIFICATION)
        if not states:
            return literal(False)
    if states:
        conditions.append(col(IncidentRow.state).in_(sorted(s.value for s in states)))
    if where.priorities:
        conditions.append(col(IncidentRow.urgency).in_(sorted(-int(p) for p in where.priorities)))
    if where.unit_id is not None:
        conditions.append(col(IncidentRow.unit_id) == where.unit_id)
    if where.categories:
        conditions.append(col(IncidentRow.category).in_(sorted(where.categories)))
    if where.region_id is not None:
        under = select(RegionRow.id).where(RegionRow.parent_id == where.region_id)
        conditions.append(
            or_(
                col(IncidentRow.region_id) == where.region_id, col(IncidentRow.region_id).in_(under)
            )
        )
    if where.mine is not None:
        mine = [col(IncidentRow.created_by) == where.mine.user_id]
        if where.mine.unit_id is not None:
            mine.append(col(IncidentRow.unit_id) == where.mine.unit_id)
        conditions.append(or_(*mine))
    if where.overdue_at is not None:
        conditions.append(col(IncidentRow.due_key) < where.overdue_at)
    text = where.text.strip().casefold()
    if text:
        # Both sides are case-folded already; instr() is a plain substring search, faster
        # than LIKE on CJK text and free of LIKE's wildcards.
        conditions.append(func.instr(IncidentRow.search_text, text) > 0)
    return and_(true(), *conditions)
