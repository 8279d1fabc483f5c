"""incident list columns

Revision ID: cache_0002
Revises: cache_0001
Created: 2026-12-04 19:10:00

The incident list reads a page straight from the slim ``incidents`` table, so that table
gains the columns it shows and sorts on. Cached incidents are dropped rather than filled in
here (the cache rebuilds from the server), and the event stream's cursor with them: the
next connection then asks for a full refresh, which writes every column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "cache_0002"
down_revision: str | None = "cache_0001"
branch_labels: str | None = None
depends_on: str | None = None

_NEW_INDEXES = {
    "ix_incidents_number": "number",
    "ix_incidents_title": "title",
    "ix_incidents_category": "category",
    "ix_incidents_region": "region_id",
    "ix_incidents_due": "due_key",
    "ix_incidents_creator": "created_by",
}


def upgrade() -> None:
    op.execute("DELETE FROM incidents")
    op.execute("DELETE FROM incident_bodies")
    op.execute("DELETE FROM meta WHERE key IN ('last_event_id', 'last_full_refresh')")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column("category", sa.String(length=64), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("created_by", sa.String(length=64), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("due_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "due_key",
                sa.DateTime(),
                server_default="9999-12-31 00:00:00.000000",
                nullable=False,
            )
        )
        batch_op.add_column(
            sa.Column("sla_level", sa.String(length=10), server_default="normal", nullable=False)
        )
        batch_op.add_column(sa.Column("sla_started_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("sla_running", sa.Boolean(), server_default="1", nullable=False)
        )
        batch_op.add_column(sa.Column("caller", sa.Text(), server_default="", nullable=False))
        for name, column in _NEW_INDEXES.items():
            batch_op.create_index(name, [column, "updated_at", "id"], unique=False)


def downgrade() -> None:
    op.execute("DELETE FROM incidents")
    op.execute("DELETE FROM incident_bodies")
    op.execute("DELETE FROM meta WHERE key IN ('last_event_id', 'last_full_refresh')")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        for name in _NEW_INDEXES:
            batch_op.drop_index(name)
        for column in (
            "caller",
            "sla_running",
            "sla_started_at",
            "sla_level",
            "due_key",
            "due_at",
            "created_by",
            "category",
            "title",
        ):
            batch_op.drop_column(column)
