"""Schema migrations of the two store databases, run in-process with Alembic.

Each database has its own script folder under ``console/store/migrations/`` (``cache`` and
``outbox``), each with its own ``alembic_version`` table in its own file. The Alembic
configuration is built here in code; there is no ``alembic.ini`` to ship or to find.

A developer adds a revision with, for example::

    python -m console.store.migrate revision cache "add camera tags"
"""

from __future__ import annotations

import enum
import logging
import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData

from console.store.cache_schema import CacheBase
from console.store.engine import Synchronous, make_engine
from console.store.outbox_schema import OutboxBase

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class StoreDatabase(enum.StrEnum):
    """One of the two files of the store; the value is its script folder's name."""

    CACHE = "cache"
    OUTBOX = "outbox"

    @property
    def filename(self) -> str:
        return f"{self.value}.sqlite"

    @property
    def metadata(self) -> MetaData:
        return CacheBase.metadata if self is StoreDatabase.CACHE else OutboxBase.metadata

    @property
    def synchronous(self) -> Synchronous:
        return Synchronous.NORMAL if self is StoreDatabase.CACHE else Synchronous.FULL


def alembic_config(database: StoreDatabase, connection: Connection | None = None) -> Config:
    """An Alembic configuration for ``database``; ``connection`` is what env.py migrates."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR / database.value))
    config.set_main_option("revision_environment", "false")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory(database: StoreDatabase) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(database))


def known_revisions(database: StoreDatabase) -> frozenset[str]:
    """Every revision this version of Tianmu knows for ``database``."""
    return frozenset(script.revision for script in script_directory(database).walk_revisions())


def head_revision(database: StoreDatabase) -> str:
    head = script_directory(database).get_current_head()
    assert head is not None, f"no migrations for {database}"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine, database: StoreDatabase) -> None:
    """Bring the file behind ``engine`` to the newest schema this version knows."""
    with engine.connect() as connection:
        before = MigrationContext.configure(connection).get_current_revision()
        head = head_revision(database)
        if before == head:
            return
        command.upgrade(alembic_config(database, connection), "head")
        connection.commit()
    logger.info("migrated %s from %s to %s", database.value, before or "empty", head)


def _new_revision(database: StoreDatabase, message: str) -> None:
    """Autogenerate a revision against a scratch database at the current head."""
    with tempfile.TemporaryDirectory() as scratch:
        engine = make_engine(Path(scratch) / database.filename, database.synchronous)
        try:
            upgrade_to_head(engine, database)
            with engine.connect() as connection:
                command.revision(
                    alembic_config(database, connection), message=message, autogenerate=True
                )
        finally:
            engine.dispose()


if __name__ == "__main__":  # pragma: no cover - a developer tool
    logging.basicConfig(level=logging.INFO)
    if len(sys.argv) != 4 or sys.argv[1] != "revision":
        raise SystemExit("usage: python -m console.store.migrate revision cache|outbox MESSAGE")
    _new_revision(StoreDatabase(sys.argv[2]), sys.argv[3])
