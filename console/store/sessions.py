"""Read and write sessions on one store database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from console.store.engine import Synchronous, make_engine


class Sessions:
    """Session factories for one SQLite file.

    Writes start with ``BEGIN IMMEDIATE`` (the write lock is taken up front, so two writers
    queue instead of one failing half-way); reads use a plain deferred ``BEGIN`` and, under
    WAL, never wait for a writer.
    """

    def __init__(self, path: Path, synchronous: Synchronous) -> None:
        self.path = path
        self.read_engine: Engine = make_engine(path, synchronous, begin="BEGIN")
        self.write_engine: Engine = make_engine(path, synchronous, begin="BEGIN IMMEDIATE")
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)
        self._write = sessionmaker(self.write_engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session on one consistent snapshot; nothing it does is committed."""
        with self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._write.begin() as session:
            yield session

    def dispose(self) -> None:
        self.read_engine.dispose()
        self.write_engine.dispose()
