"""Cached incidents: the server's JSON bodies plus the columns the incident list filters on.

The server's ``IncidentOut`` body is stored verbatim and turned back into a domain
``Incident`` through ``console.wire`` when read. A stored incident is only replaced by one
with the same or a higher ``version``, so a late full-refresh page cannot undo a newer
change that arrived on the event stream.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, delete, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from console.domain.incident import Incident, IncidentState, Priority
from console.store.cache_schema import IncidentBodyRow, IncidentRow
from console.store.catalog import table_of
from console.store.sessions import Sessions
from console.wire.incidents import IncidentOut, incident_out

logger = logging.getLogger(__name__)

_BATCH = 2_000
DEFAULT_PAGE = 100


class IncidentSort(enum.StrEnum):
    UPDATED = "updated"  # most recently changed first
    PRIORITY = "priority"  # most urgent first, then most recently changed


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """What the incident list shows; empty sets and blank text mean "any"."""

    states: frozenset[IncidentState] = frozenset()
    priorities: frozenset[Priority] = frozenset()
    unit_id: str | None = None
    text: str = ""


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


def _row(body: IncidentOut) -> dict[str, Any]:
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
        stored_version = (
            select(IncidentRow.version)
            .where(IncidentRow.id == body_insert.excluded.id)
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
        offset: int = 0,
        limit: int = DEFAULT_PAGE,
    ) -> IncidentPage:
        """One page of the incidents matching ``where``, in ``sort`` order (ties by id)."""
        # Page through the slim table first, then fetch just that page's bodies: the
        # filter and sort never touch the large body table.
        matching = self._filtered(select(IncidentRow.id), where)
        if sort is IncidentSort.PRIORITY:
            matching = matching.order_by(
                IncidentRow.urgency.desc(), IncidentRow.updated_at.desc(), IncidentRow.id.desc()
            )
        else:
            matching = matching.order_by(IncidentRow.updated_at.desc(), IncidentRow.id.desc())
        counting = self._filtered(select(func.count()).select_from(IncidentRow), where)
        with self._db.read() as session:
            ids = list(session.scalars(matching.offset(offset).limit(limit)))
            total = int(session.scalar(counting) or 0)
            found = session.execute(
                select(IncidentBodyRow.id, IncidentBodyRow.body).where(IncidentBodyRow.id.in_(ids))
            )
            bodies: dict[str, str] = {row[0]: row[1] for row in found}
        return IncidentPage([_incident(bodies[i]) for i in ids if i in bodies], total, offset)

    @staticmethod
    def _filtered(query: Select[Any], where: IncidentFilter) -> Select[Any]:
        if where.states:
            query = query.where(IncidentRow.state.in_(sorted(s.value for s in where.states)))
        if where.priorities:
            query = query.where(IncidentRow.urgency.in_(sorted(-int(p) for p in where.priorities)))
        if where.unit_id is not None:
            query = query.where(IncidentRow.unit_id == where.unit_id)
        text = where.text.strip().casefold()
        if text:
            # Both sides are case-folded already; instr() is a plain substring search, faster
            # than LIKE on CJK text and free of LIKE's wildcards.
            query = query.where(func.instr(IncidentRow.search_text, text) > 0)
        return query
