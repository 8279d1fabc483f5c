"""local ids and per-entity waits

Revision ID: outbox_0002
Revises: outbox_0001
Created: 2026-12-04 19:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "outbox_0002"
down_revision: str | None = "outbox_0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "outbox_local_ids",
        sa.Column("local_id", sa.String(length=64), nullable=False),
        sa.Column("server_id", sa.String(length=64), nullable=False),
        sa.Column("created_seq", sa.Integer(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("local_id", name=op.f("pk_outbox_local_ids")),
    )
    # Plain ADD COLUMN: a batch copy of the table could lose its AUTOINCREMENT sequence.
    op.add_column("outbox_items", sa.Column("creates", sa.String(length=64), nullable=True))
    op.add_column("outbox_items", sa.Column("waits", sa.String(length=10), nullable=True))
    op.create_index(
        op.f("ix_outbox_items_creates_state"), "outbox_items", ["creates", "state"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_outbox_items_creates_state"), table_name="outbox_items")
    with op.batch_alter_table("outbox_items", schema=None) as batch_op:
        batch_op.drop_column("waits")
        batch_op.drop_column("creates")
    op.drop_table("outbox_local_ids")
