"""The audit trail: who did what to which thing, when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from console.wire.common import Page, WireModel


class AuditOut(WireModel):
    """One append-only audit line. ``action`` is e.g. ``auth.login``, ``stream.fetch``,
    ``recording.export``, ``incident.dispatch``, ``incident.close``."""

    id: int
    at: datetime
    actor_id: str | None = None
    actor_role: str | None = None
    action: str
    entity_type: str | None = None
    entity_id: str | None = None
    detail: dict[str, Any] = {}


class AuditPage(Page[AuditOut]):
    """A page of audit lines, newest first."""
