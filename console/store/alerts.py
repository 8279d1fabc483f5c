"""Cached alerts: the server's JSON bodies plus the columns the alert queue filters on."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select

from console.domain.model import Alert, AlertKind, AlertStatus
from console.store.cache_schema import AlertRow
from console.store.catalog import upsert_rows
from console.store.sessions import Sessions
from console.wire.alerts import AlertOut, alert_out

logger = logging.getLogger(__name__)


def _row(body: AlertOut) -> dict[str, Any]:
    return {
        "id": body.id,
        "kind": body.kind.value,
        "status": body.status.value,
        "camera_id": body.camera_id,
        "incident_id": body.incident_id,
        "detected_at": body.detected_at,
        "body": body.model_dump_json(),
    }


def _alert(body: str) -> Alert:
    return AlertOut.model_validate_json(body).to_domain()


class AlertCache:
    """Alerts as last seen from the server; the newest change of an alert wins."""

    def __init__(self, database: Sessions) -> None:
        self._db = database

    def upsert(self, alerts: Iterable[Alert | AlertOut]) -> None:
        rows = [_row(a if isinstance(a, AlertOut) else alert_out(a)) for a in alerts]
        with self._db.write() as session:
            upsert_rows(session, AlertRow, rows)

    def get(self, alert_id: str) -> Alert | None:
        with self._db.read() as session:
            body = session.scalar(select(AlertRow.body).where(AlertRow.id == alert_id))
        return _alert(body) if body is not None else None

    def query(
        self,
        *,
        statuses: Iterable[AlertStatus] = (),
        kinds: Iterable[AlertKind] = (),
        camera_id: str | None = None,
        since: datetime | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[Alert]:
        """Matching alerts, newest first."""
        query = select(AlertRow.body)
        status_values = sorted(s.value for s in statuses)
        if status_values:
            query = query.where(AlertRow.status.in_(status_values))
        kind_values = sorted(k.value for k in kinds)
        if kind_values:
            query = query.where(AlertRow.kind.in_(kind_values))
        if camera_id is not None:
            query = query.where(AlertRow.camera_id == camera_id)
        if since is not None:
            query = query.where(AlertRow.detected_at >= since)
        query = query.order_by(AlertRow.detected_at.desc(), AlertRow.id.desc())
        with self._db.read() as session:
            bodies = list(session.scalars(query.offset(offset).limit(limit)))
        return [_alert(body) for body in bodies]

    def recent(self, *, limit: int = 2_000) -> list[AlertOut]:
        """The newest ``limit`` alerts as the server sent them (the alert queue's start)."""
        query = (
            select(AlertRow.body)
            .order_by(AlertRow.detected_at.desc(), AlertRow.id.desc())
            .limit(limit)
        )
        with self._db.read() as session:
            bodies = list(session.scalars(query))
        return [AlertOut.model_validate_json(body) for body in bodies]

    def count(self, statuses: Iterable[AlertStatus] = ()) -> int:
        query = select(func.count()).select_from(AlertRow)
        status_values = sorted(s.value for s in statuses)
        if status_values:
            query = query.where(AlertRow.status.in_(status_values))
        with self._db.read() as session:
            return int(session.scalar(query) or 0)

    def prune(self, detected_before: datetime) -> int:
        """Forget alerts detected before ``detected_before``; returns how many went."""
        with self._db.write() as session:
            result = session.execute(delete(AlertRow).where(AlertRow.detected_at < detected_before))
        return int(getattr(result, "rowcount", 0) or 0)
