"""The console's own bookmarks: kept at once in a small SQLite file, whatever the network.

A bookmark is made here first, under a local id (``local-...``), and is then queued to the
server through the outbox; once delivered, the server's id is remembered beside it. A
bookmark on a local file with no known camera stays here only. The file is separate from
the cache (which may be thrown away and rebuilt) because these notes are the operator's own
work and exist before any sign-in.
"""

from __future__ import annotations

import builtins
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from console.store.outbox import new_local_id

_SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmarks (
    id TEXT PRIMARY KEY,
    server_id TEXT UNIQUE,
    camera_id TEXT,
    file_path TEXT,
    at TEXT NOT NULL,
    note TEXT NOT NULL,
    incident_id TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_bookmarks_camera_at ON bookmarks (camera_id, at);
"""
_COLUMNS = "id, server_id, camera_id, file_path, at, note, incident_id, created_at"


@dataclass(frozen=True, slots=True)
class LocalBookmark:
    """A note at wall-clock ``at`` on a camera (``camera_id``) or a local file (``file_path``).

    ``id`` is the console's id (a local id for bookmarks made here); ``server_id`` is the
    server's, once the bookmark is there."""

    id: str
    at: datetime
    note: str
    camera_id: str | None = None
    file_path: str | None = None
    incident_id: str | None = None
    server_id: str | None = None
    created_at: datetime | None = None

    @property
    def synced(self) -> bool:
        return self.server_id is not None


def _utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("a bookmark's time must carry its time zone")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _row(values: tuple[str | None, ...]) -> LocalBookmark:
    bid, server_id, camera_id, file_path, at, note, incident_id, created = values
    return LocalBookmark(
        id=str(bid),
        server_id=server_id,
        camera_id=camera_id,
        file_path=file_path,
        at=datetime.fromisoformat(str(at)),
        note=str(note),
        incident_id=incident_id,
        created_at=datetime.fromisoformat(created) if created else None,
    )


class BookmarkStore:
    """Bookmarks in one SQLite file; every method is one short transaction (any thread)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # the operator's notes, not a cache
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def add(
        self,
        at: datetime,
        note: str,
        *,
        camera_id: str | None = None,
        file_path: str | None = None,
        incident_id: str | None = None,
    ) -> LocalBookmark:
        """Keep a new bookmark now (on disk when this returns) under a fresh local id."""
        if camera_id is None and file_path is None:
            raise ValueError("a bookmark belongs to a camera or a file")
        if "\x00" in note:
            raise ValueError("a note cannot contain NUL characters")
        bookmark = LocalBookmark(
            id=new_local_id(),
            at=datetime.fromisoformat(_utc(at)),
            note=note,
            camera_id=camera_id,
            file_path=file_path,
            incident_id=incident_id,
            created_at=datetime.now(UTC),
        )
        self._insert([bookmark])
        return bookmark

    def _insert(self, bookmarks: Iterable[LocalBookmark]) -> None:
        rows = [
            (
                b.id,
                b.server_id,
                b.camera_id,
                b.file_path,
                _utc(b.at),
                b.note,
                b.incident_id,
                _utc(b.created_at or datetime.now(UTC)),
            )
            for b in bookmarks
        ]
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    f"INSERT OR IGNORE INTO bookmarks ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", rows
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def get(self, bookmark_id: str) -> LocalBookmark | None:
        found = self._select("WHERE id = ? OR server_id = ?", (bookmark_id, bookmark_id))
        return found[0] if found else None

    def list(
        self,
        *,
        camera_id: str | None = None,
        file_path: str | None = None,
        incident_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> builtins.list[LocalBookmark]:
        """Bookmarks matching every given condition, in time order."""
        where: builtins.list[str] = []
        args: builtins.list[str] = []
        for column, value in (
            ("camera_id", camera_id),
            ("file_path", file_path),
            ("incident_id", incident_id),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        if since is not None:
            where.append("at >= ?")
            args.append(_utc(since))
        if until is not None:
            where.append("at <= ?")
            args.append(_utc(until))
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        return self._select(clause, tuple(args))

    def search(self, text: str) -> builtins.list[LocalBookmark]:
        """Bookmarks whose note contains ``text`` (case-insensitive for Latin letters)."""
        needle = text.strip().casefold()
        if not needle:
            return self.list()
        return [b for b in self.list() if needle in b.note.casefold()]

    def mark_synced(self, bookmark_id: str, server_id: str) -> None:
        """The server now holds the bookmark under ``server_id``."""
        self._write("UPDATE bookmarks SET server_id = ? WHERE id = ?", (server_id, bookmark_id))

    def remove(self, bookmark_id: str) -> None:
        self._write(
            "DELETE FROM bookmarks WHERE id = ? OR server_id = ?", (bookmark_id, bookmark_id)
        )

    def merge_server(self, bookmarks: Iterable[LocalBookmark]) -> int:
        """Keep bookmarks read from the server (``server_id`` set) that are not here yet;
        how many were new."""
        incoming = [b for b in bookmarks if b.server_id is not None]
        here = self.list()
        known = {b.server_id for b in here}
        # A bookmark made here and delivered before its server id was noted is the same one.
        waiting = {(b.camera_id, b.at, b.note): b for b in here if b.server_id is None}
        fresh = []
        for item in incoming:
            if item.server_id in known:
                continue
            twin = waiting.pop((item.camera_id, item.at, item.note), None)
            if twin is not None and item.server_id is not None:
                self.mark_synced(twin.id, item.server_id)
            else:
                fresh.append(item)
        self._insert(fresh)
        return len(fresh)

    def _select(self, clause: str, args: tuple[str, ...]) -> builtins.list[LocalBookmark]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM bookmarks {clause} ORDER BY at, id",  # noqa: S608
                args,
            ).fetchall()
        return [_row(tuple(r)) for r in rows]

    def _write(self, statement: str, args: tuple[str, ...]) -> None:
        with self._lock:
            self._db.execute(statement, args)
