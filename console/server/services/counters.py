"""Named counters, bumped atomically (upsert under the row's lock) inside the caller's transaction."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from console.server.db.tables import CounterRow


def bump(session: Session, name: str) -> int:
    """Increment counter ``name`` (starting at 1) and return its new value."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        insert(CounterRow)
        .values(name=name, value=1)
        .on_conflict_do_update(
            index_elements=[CounterRow.name], set_={"value": CounterRow.value + 1}
        )
        .returning(CounterRow.value)
    )
    return int(session.execute(statement).scalar_one())
