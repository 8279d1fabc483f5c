"""Opening the local store: check both files, set damaged ones aside, migrate, hand out repos.

``open_store(directory)`` is called once at start-up, off the GUI thread. It never fails
because a file is damaged or was written by a newer Tianmu: such a file is renamed
(``cache.sqlite.broken-<stamp>``, ``outbox.sqlite.newer-<stamp>``), a fresh one is created,
and a ``StoreProblem`` tells the GUI what happened. An outbox is never set aside before every
row that can still be read has been exported to ``outbox-salvaged-<stamp>.jsonl``; the unsent
actions of such an export are then kept in the new outbox until the operator decides on
them (``console.store.kept``; ``Store.kept`` says what this start took in).
"""

from __future__ import annotations

import enum
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import DatabaseError as SqlAlchemyDatabaseError

from console.store.alerts import AlertCache
from console.store.catalog import CameraCache, RegionCache, UnitCache
from console.store.health import (
    Verdict,
    aside_path,
    fsync_directory,
    inspect_database,
    is_damage,
    move_aside,
    timestamp,
)
from console.store.incidents import IncidentCache
from console.store.kept import KeptSummary, keep_salvaged
from console.store.meta import MetaStore
from console.store.migrate import StoreDatabase, known_revisions, upgrade_to_head
from console.store.outbox import Outbox
from console.store.salvage import SalvageResult, salvage_outbox
from console.store.sessions import Sessions
from console.store.types import utc_now

logger = logging.getLogger(__name__)

OUTBOX_FILES_DIR = "outbox-files"


class ProblemKind(enum.StrEnum):
    CORRUPT = "corrupt"  # damaged; set aside and rebuilt
    NEWER = "newer"  # written by a newer version; set aside and rebuilt


@dataclass(frozen=True, slots=True)
class StoreProblem:
    """Something the operator must be told about the local store at start-up.

    ``path`` is where the set-aside file now is. For the outbox, ``salvage`` says how many
    queued actions were exported (to ``salvage.export_path``) and how many were unreadable.
    ``message`` is English, for the log; the GUI words its own text from the fields.
    """

    kind: ProblemKind
    database: StoreDatabase
    path: Path
    message: str
    salvage: SalvageResult | None = None


@dataclass
class Store:
    """The console's local store: cache repositories and the outbox over two SQLite files."""

    directory: Path
    regions: RegionCache
    cameras: CameraCache
    units: UnitCache
    incidents: IncidentCache
    alerts: AlertCache
    meta: MetaStore
    outbox: Outbox
    problems: list[StoreProblem] = field(default_factory=list)
    kept: KeptSummary = field(default_factory=KeptSummary)
    _databases: tuple[Sessions, ...] = ()

    def close(self) -> None:
        for database in self._databases:
            database.dispose()


def open_store(directory: Path, *, clock: Callable[[], datetime] = utc_now) -> Store:
    """Open (creating, repairing or migrating as needed) the store under ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    problems: list[StoreProblem] = []
    cache = _open_database(directory, StoreDatabase.CACHE, problems, clock)
    try:
        outbox_db = _open_database(directory, StoreDatabase.OUTBOX, problems, clock)
    except BaseException:
        cache.dispose()
        raise
    for problem in problems:
        logger.error("local store: %s", problem.message)
    outbox = Outbox(outbox_db, directory / OUTBOX_FILES_DIR, clock=clock)
    try:
        kept = keep_salvaged(outbox, directory)
    except (OSError, SqlAlchemyDatabaseError):
        # The export stays as it is and is taken in at the next start.
        logger.exception("local store: rescued actions could not be kept in the outbox")
        kept = KeptSummary()
    return Store(
        directory=directory,
        regions=RegionCache(cache),
        cameras=CameraCache(cache),
        units=UnitCache(cache),
        incidents=IncidentCache(cache),
        alerts=AlertCache(cache),
        meta=MetaStore(cache),
        outbox=outbox,
        problems=problems,
        kept=kept,
        _databases=(cache, outbox_db),
    )


def _open_database(
    directory: Path,
    database: StoreDatabase,
    problems: list[StoreProblem],
    clock: Callable[[], datetime],
) -> Sessions:
    path = directory / database.filename
    inspection = inspect_database(
        path, known_revisions(database), thorough=database is StoreDatabase.OUTBOX
    )
    if inspection.verdict in (Verdict.CORRUPT, Verdict.NEWER):
        kind = ProblemKind.CORRUPT if inspection.verdict is Verdict.CORRUPT else ProblemKind.NEWER
        problems.append(_set_aside(directory, database, kind, inspection.detail, clock()))
    sessions = Sessions(path, database.synchronous)
    try:
        upgrade_to_head(sessions.write_engine, database)
    except SqlAlchemyDatabaseError as exc:
        # Damage the checks did not see (it can lie in pages they do not read) shows up here.
        sessions.dispose()
        original = exc.orig
        if not (isinstance(original, sqlite3.DatabaseError) and is_damage(original)):
            raise
        problems.append(
            _set_aside(directory, database, ProblemKind.CORRUPT, str(original), clock())
        )
        sessions = Sessions(path, database.synchronous)
        upgrade_to_head(sessions.write_engine, database)
    return sessions


def _set_aside(
    directory: Path, database: StoreDatabase, kind: ProblemKind, detail: str, moment: datetime
) -> StoreProblem:
    path = directory / database.filename
    tag = "broken" if kind is ProblemKind.CORRUPT else "newer"
    destination = aside_path(path, tag, moment)
    salvage: SalvageResult | None = None
    if database is StoreDatabase.OUTBOX:
        files_dir = directory / OUTBOX_FILES_DIR
        files_aside = directory / f"{OUTBOX_FILES_DIR}.{destination.name.split('.', 2)[-1]}"
        export = directory / f"outbox-salvaged-{timestamp(moment)}-{tag}.jsonl"
        # Export first: until the export is on disk the damaged outbox stays where it was.
        salvage = salvage_outbox(path, export, files_aside if files_dir.is_dir() else None)
        if files_dir.is_dir():
            files_dir.rename(files_aside)
            fsync_directory(directory)
    move_aside(path, destination)
    if kind is ProblemKind.CORRUPT:
        what = f"the {database.value} database was damaged ({detail})"
    else:
        what = f"the {database.value} database was written by a newer version ({detail})"
    message = f"{what}; it was moved to {destination.name} and a new one was created"
    if salvage is not None:
        message += (
            f"; {salvage.recovered} queued actions ({salvage.unsent} not yet delivered) were "
            f"exported to {salvage.export_path.name}"
        )
        if salvage.unreadable is None:
            message += ", the file could not be read at all"
        elif salvage.unreadable:
            message += f", {salvage.unreadable} could not be read"
    elif database is StoreDatabase.CACHE:
        message += "; it will be filled again from the server"
    return StoreProblem(kind, database, destination, message, salvage)
