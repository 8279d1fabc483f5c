"""The database handle: one engine from a URL, sessions for reads and for writes.

Every write is one transaction (``Database.write``). On SQLite a write transaction starts with
``BEGIN IMMEDIATE`` so writers queue for the lock up front instead of failing half-way; on
PostgreSQL row locks and an advisory lock (see ``services.events``) order what must be ordered.
After a write that produced live events commits, the ``on_events`` callbacks run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from console.server.db.tables import Base

logger = logging.getLogger(__name__)

EVENTS_WRITTEN = "events_written"  # Session.info flag set by services.events.emit


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event, not the driver, decide how transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine


class Database:
    """Engines and session factories for one database URL (SQLite file or PostgreSQL)."""

    def __init__(self, url: str) -> None:
        self.url = url
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        if self.dialect == "sqlite":
            self.engine = _sqlite_engine(url, "BEGIN")
            self._write_engine = _sqlite_engine(url, "BEGIN IMMEDIATE")
        else:
            self.engine = create_engine(url, pool_size=10, max_overflow=30, pool_pre_ping=True)
            self._write_engine = self.engine
        self._reads = sessionmaker(self.engine, expire_on_commit=False)
        self._writes = sessionmaker(self._write_engine, expire_on_commit=False)
        self._event_listeners: list[Callable[[], None]] = []

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    def create_schema(self) -> None:
        Base.metadata.create_all(self._write_engine)

    def on_events(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` (from the writing thread) after a commit that emitted events."""
        self._event_listeners.append(callback)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session on one consistent snapshot; rolled back at the end."""
        with self._reads() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        with self._writes() as session:
            with session.begin():
                yield session
            if session.info.pop(EVENTS_WRITTEN, False):
                self._announce()

    def _announce(self) -> None:
        for callback in self._event_listeners:
            try:
                callback()
            except Exception:
                logger.exception("an event listener failed")

    def dispose(self) -> None:
        self.engine.dispose()
        if self._write_engine is not self.engine:
            self._write_engine.dispose()
