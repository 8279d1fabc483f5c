"""The server's tables (SQLAlchemy 2 declarative, typed).

Rows are storage only: services turn them into ``console.domain`` values before anything
else sees them. Columns filtered by list endpoints carry indexes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    DDL,
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from console.server.db.types import BigId, UtcDateTime

ID = String(64)


class Base(DeclarativeBase):
    """Declarative base of every server table."""


class DepartmentRow(Base):
    __tablename__ = "departments"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(64))


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    username: Mapped[str] = mapped_column(String(200), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    department_id: Mapped[str] = mapped_column(ForeignKey("departments.id"))
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), default=None)
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TokenRow(Base):
    """A bearer token, stored only as its SHA-256 (the token itself is 256 random bits)."""

    __tablename__ = "tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


class RegionRow(Base):
    __tablename__ = "regions"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id"), index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)


class CameraRow(Base):
    __tablename__ = "cameras"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), index=True)
    region_id: Mapped[str] = mapped_column(ForeignKey("regions.id"), index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20), index=True)
    owner_department_id: Mapped[str] = mapped_column(ForeignKey("departments.id"), index=True)
    ptz: Mapped[bool] = mapped_column(Boolean, default=False)
    heading_deg: Mapped[float | None] = mapped_column(Float, default=None)
    fov_deg: Mapped[float | None] = mapped_column(Float, default=None)
    # Position in the catalogue, used to pick a simulated feed (camera index modulo feeds).
    ordinal: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_cameras_lat_lon", "lat", "lon"),)


class CameraShareRow(Base):
    __tablename__ = "camera_shares"
    camera_id: Mapped[str] = mapped_column(ForeignKey("cameras.id"), primary_key=True)
    department_id: Mapped[str] = mapped_column(ForeignKey("departments.id"), primary_key=True)

    __table_args__ = (Index("ix_camera_shares_department", "department_id", "camera_id"),)


class RouteGuardRow(Base):
    """A route secured for a major event; points are JSON lists of [lat, lon] and objects."""

    __tablename__ = "route_guards"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    path: Mapped[list[list[float]]] = mapped_column(JSON)
    checkpoints: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    posts: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class UnitRow(Base):
    __tablename__ = "units"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    department_id: Mapped[str] = mapped_column(ForeignKey("departments.id"))
    status: Mapped[str] = mapped_column(String(20))
    lat: Mapped[float | None] = mapped_column(Float, default=None)
    lon: Mapped[float | None] = mapped_column(Float, default=None)
    status_since: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


class MediaRow(Base):
    """A stored file; bytes live on disk under the media dir at ``path`` (content-addressed)."""

    __tablename__ = "media"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    path: Mapped[str] = mapped_column(String(500))
    captured_at: Mapped[datetime] = mapped_column(UtcDateTime)
    camera_id: Mapped[str | None] = mapped_column(ForeignKey("cameras.id"), default=None)
    uploaded_by: Mapped[str | None] = mapped_column(ID, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AlertRow(Base):
    __tablename__ = "alerts"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    camera_id: Mapped[str] = mapped_column(ForeignKey("cameras.id"), index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    confidence: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20), index=True)
    snapshot_id: Mapped[str | None] = mapped_column(ForeignKey("media.id"), default=None)
    incident_id: Mapped[str | None] = mapped_column(ID, default=None)
    handled_by: Mapped[str | None] = mapped_column(ID, default=None)
    dismiss_reason: Mapped[str | None] = mapped_column(Text, default=None)
    # A duplicate merged into another alert (status "merged") names it here.
    merged_into: Mapped[str | None] = mapped_column(ID, default=None, index=True)
    duplicate_count: Mapped[int] = mapped_column(Integer, default=0)
    # An earlier alert of the same camera and kind, detected shortly before (a suggestion).
    suggested_duplicate_of: Mapped[str | None] = mapped_column(ID, default=None)

    snapshot: Mapped[MediaRow | None] = relationship(lazy="joined")

    __table_args__ = (Index("ix_alerts_camera_kind_detected", "camera_id", "kind", "detected_at"),)


class IncidentRow(Base):
    __tablename__ = "incidents"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(200))
    priority: Mapped[int] = mapped_column(Integer, index=True)
    source: Mapped[str] = mapped_column(String(30))
    state: Mapped[str] = mapped_column(String(30), index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    created_by: Mapped[str] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    region_id: Mapped[str | None] = mapped_column(ID, default=None)
    camera_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    alert_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    disposition: Mapped[str | None] = mapped_column(String(20), default=None)
    merged_into: Mapped[str | None] = mapped_column(ID, default=None)
    rework_count: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    requested_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # A hotline caller (kept in full; masked in logs and the audit trail).
    caller_name: Mapped[str] = mapped_column(String(100), default="")
    caller_phone: Mapped[str] = mapped_column(String(40), default="")
    assisting_unit_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The time-limit state last recorded by the sweep (derived from created_at and due_at).
    sla_level: Mapped[str] = mapped_column(String(20), default="normal", index=True)
    ladder: Mapped[str] = mapped_column(String(20), default="none")
    escalation: Mapped[str | None] = mapped_column(String(20), default=None)

    assignments: Mapped[list[AssignmentRow]] = relationship(
        order_by="AssignmentRow.seq", cascade="all, delete-orphan"
    )
    feedbacks: Mapped[list[FeedbackRow]] = relationship(
        order_by="FeedbackRow.seq", cascade="all, delete-orphan"
    )
    verifications: Mapped[list[VerificationRow]] = relationship(
        order_by="VerificationRow.seq", cascade="all, delete-orphan"
    )
    history: Mapped[list[HistoryRow]] = relationship(
        order_by="HistoryRow.seq", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[IncidentMediaRow]] = relationship(
        order_by="IncidentMediaRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    sla_history: Mapped[list[SlaHistoryRow]] = relationship(
        order_by="SlaHistoryRow.seq", cascade="all, delete-orphan"
    )
    cameras: Mapped[list[IncidentCameraRow]] = relationship(cascade="all, delete-orphan")
    units: Mapped[list[IncidentUnitRow]] = relationship(cascade="all, delete-orphan")


class IncidentCameraRow(Base):
    """The cameras an incident names, as rows, so that visibility can be decided in SQL."""

    __tablename__ = "incident_cameras"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    camera_id: Mapped[str] = mapped_column(ID, primary_key=True, index=True)


class IncidentUnitRow(Base):
    """Units an incident was dispatched to or assists in (for the unit users' read rule)."""

    __tablename__ = "incident_units"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ID, primary_key=True, index=True)


class SlaHistoryRow(Base):
    """One entry of an incident's time-limit timeline (level, ladder rung, grid level)."""

    __tablename__ = "incident_sla_history"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[str] = mapped_column(ID)
    reason: Mapped[str] = mapped_column(Text, default="")


class IncidentMediaRow(Base):
    """Evidence sent with the report itself (the snapshots attached when it was raised)."""

    __tablename__ = "incident_media"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    media_id: Mapped[str] = mapped_column(ForeignKey("media.id"))
    media: Mapped[MediaRow] = relationship(lazy="joined")


class AssignmentRow(Base):
    __tablename__ = "assignments"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    dispatched_by: Mapped[str] = mapped_column(ID)
    dispatched_at: Mapped[datetime] = mapped_column(UtcDateTime)
    instructions: Mapped[str] = mapped_column(Text, default="")
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    feedback_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    returned_reason: Mapped[str | None] = mapped_column(Text, default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class FeedbackPhotoRow(Base):
    __tablename__ = "feedback_photos"
    feedback_id: Mapped[str] = mapped_column(ForeignKey("feedbacks.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    media_id: Mapped[str] = mapped_column(ForeignKey("media.id"))
    media: Mapped[MediaRow] = relationship(lazy="joined")


class FeedbackRow(Base):
    __tablename__ = "feedbacks"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[str] = mapped_column(ID)
    author_id: Mapped[str] = mapped_column(ID)
    reported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    result: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    photos: Mapped[list[FeedbackPhotoRow]] = relationship(
        order_by="FeedbackPhotoRow.position", cascade="all, delete-orphan", lazy="selectin"
    )


class VerificationMediaRow(Base):
    __tablename__ = "verification_media"
    verification_id: Mapped[str] = mapped_column(ForeignKey("verifications.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    media_id: Mapped[str] = mapped_column(ForeignKey("media.id"))
    media: Mapped[MediaRow] = relationship(lazy="joined")


class VerificationRow(Base):
    __tablename__ = "verifications"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    verifier_id: Mapped[str] = mapped_column(ID)
    captured_at: Mapped[datetime] = mapped_column(UtcDateTime)
    verdict: Mapped[str] = mapped_column(String(10))
    camera_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    comment: Mapped[str] = mapped_column(Text, default="")
    media: Mapped[list[VerificationMediaRow]] = relationship(
        order_by="VerificationMediaRow.position", cascade="all, delete-orphan", lazy="selectin"
    )


class HistoryRow(Base):
    __tablename__ = "incident_history"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[str] = mapped_column(ID)
    from_state: Mapped[str] = mapped_column(String(30))
    to_state: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")


class PatrolPlanRow(Base):
    __tablename__ = "patrol_plans"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    camera_ids: Mapped[list[str]] = mapped_column(JSON)
    dwell_s: Mapped[int] = mapped_column(Integer)
    owner_id: Mapped[str | None] = mapped_column(ID, default=None, index=True)


class PatrolRecordRow(Base):
    __tablename__ = "patrol_records"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str | None] = mapped_column(ID, default=None)
    operator_id: Mapped[str] = mapped_column(ID, index=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    entries: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class RecordingRow(Base):
    __tablename__ = "recordings"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    camera_id: Mapped[str] = mapped_column(ForeignKey("cameras.id"))
    start: Mapped[datetime] = mapped_column(UtcDateTime)
    end: Mapped[datetime] = mapped_column(UtcDateTime)
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(1000))
    content_type: Mapped[str] = mapped_column(String(100), default="video/mp4")

    __table_args__ = (Index("ix_recordings_camera_start", "camera_id", "start"),)


class BookmarkRow(Base):
    """A note at a wall-clock moment of one camera's recording, optionally about an incident."""

    __tablename__ = "bookmarks"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    camera_id: Mapped[str] = mapped_column(ForeignKey("cameras.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text)
    incident_id: Mapped[str | None] = mapped_column(ID, default=None, index=True)
    author_id: Mapped[str] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_bookmarks_camera_at", "camera_id", "at"),)


class BookmarkMadeOfflineRow(Base):
    """Where a bookmark was made with no one signed in (its own table, so that databases
    made before it gain it without changing ``bookmarks``)."""

    __tablename__ = "bookmark_made_offline"
    bookmark_id: Mapped[str] = mapped_column(ForeignKey("bookmarks.id"), primary_key=True)
    workstation: Mapped[str] = mapped_column(String(200))
    account: Mapped[str] = mapped_column(String(200))
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)


class WorkstationKeyRow(Base):
    """A workstation's Ed25519 public key, which signs the evidence exported there."""

    __tablename__ = "workstation_keys"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    public_key: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(80), unique=True)
    label: Mapped[str] = mapped_column(String(200))
    registered_by: Mapped[str] = mapped_column(ID)
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime)


class EvidenceExportRow(Base):
    """One evidence export, as its signed manifest describes it; optionally on an incident."""

    __tablename__ = "evidence_exports"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    manifest_sha256: Mapped[str] = mapped_column(String(64), index=True)
    key_id: Mapped[str] = mapped_column(ForeignKey("workstation_keys.id"))
    camera_ids: Mapped[list[str]] = mapped_column(JSON)
    start: Mapped[datetime] = mapped_column(UtcDateTime)
    end: Mapped[datetime] = mapped_column(UtcDateTime)
    incident_id: Mapped[str | None] = mapped_column(ID, default=None, index=True)
    officer: Mapped[str] = mapped_column(String(200))
    exported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    file_count: Mapped[int] = mapped_column(Integer)
    total_bytes: Mapped[int] = mapped_column(BigId)
    exported_by: Mapped[str] = mapped_column(ID, index=True)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)

    key: Mapped[WorkstationKeyRow] = relationship(lazy="joined")


class AuditRow(Base):
    """Append-only: the database itself refuses UPDATE and DELETE on this table."""

    __tablename__ = "audit"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    actor_id: Mapped[str | None] = mapped_column(ID, index=True)
    actor_role: Mapped[str | None] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity_type: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class EventRow(Base):
    """One live event; ids only grow (AUTOINCREMENT / identity) and are never reused."""

    __tablename__ = "events"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    type: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    data: Mapped[str] = mapped_column(Text)
    # Who may see it: a camera id (department sharing), and for unit users the units involved.
    scope_camera_id: Mapped[str | None] = mapped_column(ID, default=None)
    scope_unit_ids: Mapped[str | None] = mapped_column(Text, default=None)
    # An incident's events reach only those who may read the incident when it is sent.
    scope_incident_id: Mapped[str | None] = mapped_column(ID, default=None)


class IdempotencyRow(Base):
    """The first answer to a request with an ``Idempotency-Key``, written with its effect."""

    __tablename__ = "idempotency"
    user_id: Mapped[str] = mapped_column(ID, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    method: Mapped[str] = mapped_column(String(10))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class CounterRow(Base):
    """Named counters (incident numbers per day), bumped under the row's write lock."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


# The audit trail cannot be rewritten, not even by a bug in this server.
_SQLITE_AUDIT_GUARD = (
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END",
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END",
)
_PG_AUDIT_GUARD = (
    "CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit is append-only'; END $$",
    "CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
)
for _statement in _SQLITE_AUDIT_GUARD:
    event.listen(
        AuditRow.__table__,
        "after_create",
        DDL(_statement).execute_if(dialect="sqlite"),  # type: ignore[no-untyped-call]
    )
for _statement in _PG_AUDIT_GUARD:
    event.listen(
        AuditRow.__table__,
        "after_create",
        DDL(_statement).execute_if(dialect="postgresql"),  # type: ignore[no-untyped-call]
    )
