"""Tables of the outbox database (``outbox.sqlite``): the operator's actions not yet delivered.

``seq`` is AUTOINCREMENT so numbers are never reused, even after rows are pruned: delivery
order is ``seq`` order, and a seq once shown to the operator always names the same action.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from console.store.types import UtcDateTime


class OutboxBase(DeclarativeBase):
    """Declarative base of the outbox database; its metadata is what migrations must match."""

    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class OutboxItemRow(OutboxBase):
    """One queued request. ``entity`` names what it changes (``/incidents/42``) or is None."""

    __tablename__ = "outbox_items"
    __table_args__ = (
        Index(None, "state", "seq"),
        Index(None, "entity", "state"),
        Index(None, "creates", "state"),
        {"sqlite_autoincrement": True},
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text)  # JSON object: the JSON body or the form fields
    encoding: Mapped[str] = mapped_column(String(20))  # "json" or "multipart"
    entity: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    response_status: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)  # why the server rejected it
    # The local id (``local-...``) of the record this request creates, when it creates one:
    # later requests name the record by it until the server's id is known.
    creates: Mapped[str | None] = mapped_column(String(64))
    # Who waits after a retryable failure: None, the whole queue (the server is away);
    # "entity", only this item and later ones on its entity (the server failed on it).
    waits: Mapped[str | None] = mapped_column(String(10))


class OutboxFileRow(OutboxBase):
    """A file sent with a multipart request; the bytes live in the outbox files folder."""

    __tablename__ = "outbox_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(ForeignKey("outbox_items.seq", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(100))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    stored_name: Mapped[str] = mapped_column(String(255))  # relative to the files folder
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))


class OutboxLocalIdRow(OutboxBase):
    """A local id whose record the server has created, and the id the server gave it.

    Written in the same transaction that marks the creating request delivered, so requests
    queued after it find the server's id even after a crash or a restart in between.
    """

    __tablename__ = "outbox_local_ids"
    local_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    server_id: Mapped[str] = mapped_column(String(64))
    created_seq: Mapped[int] = mapped_column(Integer)
    resolved_at: Mapped[datetime] = mapped_column(UtcDateTime)
