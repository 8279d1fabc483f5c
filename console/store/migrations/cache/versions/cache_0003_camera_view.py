"""camera heading and field of view

Revision ID: cache_0003
Revises: cache_0002
Created: 2026-12-04 21:40:00

Cameras gain where they look (``heading_deg``) and how wide (``fov_deg``), both unknown
(NULL) until the server says. The event stream's cursor is dropped so that the next
connection asks for a full refresh, which brings the values for every cached camera.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "cache_0003"
down_revision: str | None = "cache_0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.execute("DELETE FROM meta WHERE key IN ('last_event_id', 'last_full_refresh')")
    with op.batch_alter_table("cameras", schema=None) as batch_op:
        batch_op.add_column(sa.Column("heading_deg", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("fov_deg", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cameras", schema=None) as batch_op:
        batch_op.drop_column("fov_deg")
        batch_op.drop_column("heading_deg")
