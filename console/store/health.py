"""Start-up checks of a store file: is it a sound SQLite database of a schema we know?

These checks use the ``sqlite3`` module directly, before SQLAlchemy or Alembic touch the
file, so that a damaged or foreign file is looked at without being changed. Only damage
(SQLITE_CORRUPT, SQLITE_NOTADB, a failed integrity check) or an unknown schema revision
condemns a file; a locked, unreadable or full disk is an environment problem and is raised,
because moving a healthy database aside would hide the operator's work.
"""

from __future__ import annotations

import enum
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

logger = logging.getLogger(__name__)

SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
_DAMAGE_CODES = frozenset({SQLITE_CORRUPT, SQLITE_NOTADB})
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")


class StoreUnavailable(RuntimeError):
    """A store file could not be checked for a reason that is not damage (locked, no access)."""


class Verdict(enum.StrEnum):
    MISSING = "missing"  # no file yet: a fresh one will be created
    SOUND = "sound"  # readable, intact, revision known (or an empty file)
    CORRUPT = "corrupt"  # not a database, damaged pages, or no schema revision at all
    NEWER = "newer"  # intact, but written by a newer version (unknown revision)


@dataclass(frozen=True, slots=True)
class Inspection:
    """What the start-up check found in one file."""

    verdict: Verdict
    revision: str | None = None
    detail: str = ""


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """True when SQLite says the file itself is damaged (as opposed to locked or missing)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # raised by the module itself, not by the library
        return isinstance(error, sqlite3.DatabaseError) and "malformed" in str(error)
    return (code & 0xFF) in _DAMAGE_CODES


def inspect_database(path: Path, known_revisions: frozenset[str], *, thorough: bool) -> Inspection:
    """Check the database at ``path``; ``thorough`` runs integrity_check instead of quick_check."""
    if not path.exists():
        return Inspection(Verdict.MISSING)
    try:
        # Read-only: opened read-write, SQLite deletes the WAL of a file whose header it
        # cannot read, and that WAL may hold the newest commits a salvage needs.
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.DatabaseError as exc:
        return _damage_or_raise(path, exc)
    try:
        return _inspect_open(connection, known_revisions, thorough=thorough)
    except sqlite3.DatabaseError as exc:
        return _damage_or_raise(path, exc)
    finally:
        connection.close()


def _inspect_open(
    connection: sqlite3.Connection, known_revisions: frozenset[str], *, thorough: bool
) -> Inspection:
    check = "integrity_check" if thorough else "quick_check"
    findings = [row[0] for row in connection.execute(f"PRAGMA {check}(20)")]
    if findings != ["ok"]:
        return Inspection(Verdict.CORRUPT, detail="; ".join(str(f) for f in findings[:5]))
    tables = {
        row[0]
        for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(row[0]).startswith("sqlite_")
    }
    if "alembic_version" not in tables:
        if tables:
            return Inspection(Verdict.CORRUPT, detail="tables present but no schema revision")
        return Inspection(Verdict.SOUND)
    revisions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
    if len(revisions) != 1:
        return Inspection(Verdict.CORRUPT, detail=f"{len(revisions)} schema revisions recorded")
    revision = str(revisions[0])
    if revision not in known_revisions:
        return Inspection(Verdict.NEWER, revision, f"schema revision {revision} is unknown")
    return Inspection(Verdict.SOUND, revision)


def _damage_or_raise(path: Path, exc: sqlite3.DatabaseError) -> Inspection:
    if is_damage(exc):
        return Inspection(Verdict.CORRUPT, detail=str(exc))
    raise StoreUnavailable(f"cannot check {path}: {exc}") from exc


def timestamp(moment: datetime) -> str:
    """A file-name-safe UTC stamp such as ``20250301T101502Z``."""
    return moment.strftime("%Y%m%dT%H%M%SZ")


def aside_path(path: Path, tag: str, moment: datetime) -> Path:
    """A free name ``<name>.<tag>-<stamp>`` (``-2``, ``-3`` ... on a clash) next to ``path``."""
    base = f"{path.name}.{tag}-{timestamp(moment)}"
    candidate = path.with_name(base)
    counter = 2
    while candidate.exists() or any(
        candidate.with_name(candidate.name + s).exists() for s in SIDECAR_SUFFIXES
    ):
        candidate = path.with_name(f"{base}-{counter}")
        counter += 1
    return candidate


def move_aside(path: Path, destination: Path) -> None:
    """Rename ``path`` and its WAL/SHM/journal sidecars to ``destination`` (+ the same suffix).

    The sidecars must travel with the file: a WAL left behind would be replayed into the
    fresh database created under the old name.
    """
    for suffix in ("", *SIDECAR_SUFFIXES):
        source = path.with_name(path.name + suffix)
        if source.exists():
            os.replace(source, destination.with_name(destination.name + suffix))
    fsync_directory(path.parent)


def fsync_directory(directory: Path) -> None:
    """Make renames and new names in ``directory`` durable (a no-op where unsupported)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:  # Windows cannot open a directory; its renames are durable on their own
        return
    try:
        os.fsync(descriptor)
    except OSError:
        logger.debug("fsync of %s not supported", directory)
    finally:
        os.close(descriptor)
