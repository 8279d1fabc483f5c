"""SQLite engines for the local store, with the connection settings applied to every connection.

Both databases run in WAL mode with foreign keys on and a busy timeout. They differ in
``synchronous``: the cache can be rebuilt from the server, so NORMAL (durable across an
application crash, may lose the last commits on power loss) is enough; the outbox holds the
operator's unsent work, so FULL (fsync on every commit, durable across power loss).
"""

from __future__ import annotations

import enum
import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


class Synchronous(enum.StrEnum):
    NORMAL = "NORMAL"
    FULL = "FULL"


def make_engine(path: Path, synchronous: Synchronous, *, begin: str = "BEGIN") -> Engine:
    """An engine on the SQLite file at ``path``.

    ``begin`` is the statement that opens each transaction: the driver's own implicit
    transaction handling is switched off so that a read-then-write unit of work is one
    transaction (``BEGIN IMMEDIATE`` takes the write lock up front).
    """
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA synchronous={synchronous.value}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine
