"""first release schema

Revision ID: outbox_0001
Revises: (none)
Created: 2026-11-29 06:53:12.136425
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "outbox_0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "outbox_items",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("idempotency_key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("path", sa.String(length=500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("encoding", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=200), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("response_status", sa.Integer(), nullable=True),
        sa.Column("response_body", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox_items")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_outbox_items_idempotency_key")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("outbox_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outbox_items_entity_state"), ["entity", "state"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_outbox_items_state_seq"), ["state", "seq"], unique=False
        )

    op.create_table(
        "outbox_files",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("stored_name", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["seq"],
            ["outbox_items.seq"],
            name=op.f("fk_outbox_files_seq_outbox_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_files")),
    )
    with op.batch_alter_table("outbox_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_files_seq"), ["seq"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_files_seq"))

    op.drop_table("outbox_files")
    with op.batch_alter_table("outbox_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_items_state_seq"))
        batch_op.drop_index(batch_op.f("ix_outbox_items_entity_state"))

    op.drop_table("outbox_items")
