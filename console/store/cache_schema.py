"""Tables of the cache database (``cache.sqlite``): the console's working copy of server data.

The cache mirrors the server, and events can arrive in any order (a camera before its region
during a full refresh, an incident change before the incident list), so the tables carry no
foreign keys between entities. Incidents and alerts keep the server's JSON body verbatim next
to the columns the console filters and sorts on.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, Float, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from console.store.types import UtcDateTime

ID = String(64)
# ``IncidentRow.due_key`` of an incident without a deadline: later than any real one.
NO_DEADLINE = datetime(9999, 12, 31, tzinfo=UTC)
NO_DEADLINE_TEXT = "9999-12-31 00:00:00.000000"


class CacheBase(DeclarativeBase):
    """Declarative base of the cache database; its metadata is what migrations must match."""

    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class MetaRow(CacheBase):
    """Small facts about the cache itself: last event id, last full refresh time."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RegionRow(CacheBase):
    __tablename__ = "regions"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[str | None] = mapped_column(ID, index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)


class CameraRow(CacheBase):
    __tablename__ = "cameras"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    region_id: Mapped[str] = mapped_column(ID, index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20), index=True)
    owner_department_id: Mapped[str] = mapped_column(ID)
    shared_with: Mapped[str] = mapped_column(Text)  # JSON list of department ids
    ptz: Mapped[bool] = mapped_column(Boolean)
    heading_deg: Mapped[float | None] = mapped_column(Float)
    fov_deg: Mapped[float | None] = mapped_column(Float)


class UnitRow(CacheBase):
    __tablename__ = "units"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[str | None] = mapped_column(ID, index=True)
    department_id: Mapped[str] = mapped_column(ID)
    status: Mapped[str] = mapped_column(String(20))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    status_since: Mapped[datetime | None] = mapped_column(UtcDateTime)


class IncidentRow(CacheBase):
    """One incident's filter and sort columns; the full body is in ``IncidentBodyRow``.

    Kept slim (about a hundred bytes a row) so that a text filter, which must look at every
    row, scans a few megabytes rather than every stored body. ``unit_id`` is the unit of the
    lead (latest active) assignment; ``search_text`` is the case-folded number, title,
    category and address that a text filter matches. ``urgency`` is ``-priority`` (P1 is
    -1): the priority sort (most urgent first, then newest first) is then descending
    throughout, which SQLite serves by walking an ordinary index backwards.

    The list shows a page straight from these columns, without reading a body: ``title``,
    ``category`` (the minor code), ``created_by``, ``due_at`` (None: no deadline),
    ``sla_level`` as the server last said it (with ``sla_started_at`` and ``sla_running``
    the list counts the time down itself between updates), and ``caller`` (a hotline caller's name and
    phone, already masked, so the full ones never leave the body). ``due_key`` is ``due_at``
    while the time limit's clock runs, else the far future: sorting by deadline puts the
    incidents still racing one first, and "overdue" (the clock ran past the deadline) is
    one range of an index. Every sort is (column, updated_at, id), each
    with its index, so a page in any order is a short walk of one index.
    """

    __tablename__ = "incidents"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    number: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20))
    urgency: Mapped[int] = mapped_column(Integer)  # -priority
    unit_id: Mapped[str | None] = mapped_column(ID)
    region_id: Mapped[str | None] = mapped_column(ID)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer)
    search_text: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, server_default="")
    category: Mapped[str] = mapped_column(String(64), server_default="")
    created_by: Mapped[str] = mapped_column(ID, server_default="")
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    due_key: Mapped[datetime] = mapped_column(UtcDateTime, server_default=NO_DEADLINE_TEXT)
    sla_level: Mapped[str] = mapped_column(String(10), server_default="normal")
    sla_started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sla_running: Mapped[bool] = mapped_column(Boolean, server_default="1")
    caller: Mapped[str] = mapped_column(Text, server_default="")

    __table_args__ = (
        Index("ix_incidents_updated", "updated_at", "id"),
        Index("ix_incidents_state_updated", "state", "updated_at", "id"),
        Index("ix_incidents_unit_updated", "unit_id", "updated_at", "id"),
        Index("ix_incidents_urgency", "urgency", "updated_at", "id"),
        Index("ix_incidents_state_urgency", "state", "urgency", "updated_at", "id"),
        Index("ix_incidents_number", "number", "updated_at", "id"),
        Index("ix_incidents_title", "title", "updated_at", "id"),
        Index("ix_incidents_category", "category", "updated_at", "id"),
        Index("ix_incidents_region", "region_id", "updated_at", "id"),
        Index("ix_incidents_due", "due_key", "updated_at", "id"),
        Index("ix_incidents_creator", "created_by", "updated_at", "id"),
    )


class IncidentBodyRow(CacheBase):
    """The server's ``IncidentOut`` JSON of one incident, exactly as received."""

    __tablename__ = "incident_bodies"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    body: Mapped[str] = mapped_column(Text)


class AlertRow(CacheBase):
    """One alert: the server's ``AlertOut`` JSON plus indexed copies of a few fields."""

    __tablename__ = "alerts"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20))
    camera_id: Mapped[str] = mapped_column(ID, index=True)
    incident_id: Mapped[str | None] = mapped_column(ID)
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime)
    body: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        Index(None, "detected_at"),
        Index(None, "status", "detected_at"),
    )
