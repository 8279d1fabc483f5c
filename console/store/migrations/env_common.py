"""What both migration environments do: migrate the connection the caller handed over."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection, MetaData

from console.store.types import UtcDateTime


def _render_item(kind: str, item: Any, _context: AutogenContext) -> str | Literal[False]:
    # Revisions stay self-contained: UTC datetimes are plain DATETIME columns in the file.
    if kind == "type" and isinstance(item, UtcDateTime):
        return "sa.DateTime()"
    return False


def run_migrations(metadata: MetaData) -> None:
    """Run the pending migrations on ``config.attributes["connection"]``.

    The store always migrates a connection it opened itself (``console.store.migrate``), so
    there is no URL in the configuration and no offline (SQL script) mode.
    """
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("store migrations run through console.store.migrate only")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite can only change most of a table by copying it; batch mode does that.
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()
