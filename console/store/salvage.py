"""Rescue what can still be read from a damaged (or newer) outbox database.

Works on a copy of the file (and its WAL) so the damaged original is kept exactly as found.
Rows are read one at a time: a full scan stops at the first damaged page, so after the scan
every sequence number up to the highest one ever issued is looked up on its own, and a
lookup that fails counts as one unreadable row. When the 100-byte file header itself is
destroyed, a standard header is written over the copy and each common page size is tried.

The result is a JSON-lines file: one object per readable row (every column by name, ``body``
decoded, ``files`` with the path of each attachment) and ``{"seq": n, "unreadable": true}``
for each row that could not be read.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.store.health import fsync_directory

logger = logging.getLogger(__name__)

ITEMS_TABLE = "outbox_items"
FILES_TABLE = "outbox_files"
UNSENT_STATES = frozenset({"pending", "rejected"})
# Sequence numbers are probed one by one up to the highest issued; beyond this many probes
# the number itself is taken to be damage rather than history.
MAX_PROBES = 2_000_000
_PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)


@dataclass(frozen=True, slots=True)
class SalvageResult:
    """How much of a damaged outbox was rescued, and where it was written."""

    export_path: Path
    recovered: int  # rows written to the export
    unsent: int  # of those, rows that were still pending or rejected
    unreadable: int | None  # rows known to exist but unreadable; None: could not even tell
    header_rebuilt: bool = False


def salvage_outbox(database: Path, export_path: Path, files_dir: Path | None) -> SalvageResult:
    """Export every readable row of the outbox at ``database`` to ``export_path`` (JSONL).

    ``files_dir`` is where the attachments of this outbox will be found (after it has been
    moved aside); each exported file entry carries its full path there.
    """
    with tempfile.TemporaryDirectory(prefix="tianmu-salvage-") as scratch:
        copy = Path(scratch) / "outbox.sqlite"
        shutil.copyfile(database, copy)
        wal = database.with_name(database.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        connection, header_rebuilt = _open_readable(copy, has_wal=wal.exists())
        if connection is None:
            write_json_lines(export_path, iter(()))
            logger.error("outbox %s: no row could be read", database)
            return SalvageResult(export_path, 0, 0, None, header_rebuilt=False)
        try:
            counts = _Counts()
            write_json_lines(export_path, _rows(connection, files_dir, counts))
        finally:
            connection.close()
    logger.warning(
        "outbox %s salvaged to %s: %d rows recovered (%d unsent), %d unreadable",
        database,
        export_path,
        counts.recovered,
        counts.unsent,
        counts.unreadable,
    )
    return SalvageResult(
        export_path, counts.recovered, counts.unsent, counts.unreadable, header_rebuilt
    )


@dataclass
class _Counts:
    recovered: int = 0
    unsent: int = 0
    unreadable: int = 0


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=1, isolation_level=None)
    # Damaged text must not stop the export of the rest of its row.
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
    connection.row_factory = sqlite3.Row
    return connection


def _has_items_table(connection: sqlite3.Connection) -> bool:
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (ITEMS_TABLE,)
    ).fetchone()
    return found is not None


def _open_readable(copy: Path, *, has_wal: bool) -> tuple[sqlite3.Connection | None, bool]:
    try:
        connection = _connect(copy)
        if _has_items_table(connection):
            return connection, False
        connection.close()
    except sqlite3.DatabaseError as exc:
        logger.info("outbox copy not readable as is (%s); rebuilding its header", exc)
    for page_size in _PAGE_SIZES:
        _write_header(copy, page_size, wal=has_wal)
        try:
            connection = _connect(copy)
            if _has_items_table(connection):
                return connection, True
            connection.close()
        except sqlite3.DatabaseError:
            continue
    return None, False


def _write_header(path: Path, page_size: int, *, wal: bool) -> None:
    """Write a standard SQLite header (file format 3, UTF-8, no free list) over ``path``."""
    size = path.stat().st_size
    file_format = 2 if wal else 1
    header = b"SQLite format 3\x00" + struct.pack(
        ">HBBBBBBIIIIIIIIIIII20xII",
        1 if page_size == 65536 else page_size,
        file_format,  # write version
        file_format,  # read version
        0,  # reserved bytes per page
        64,  # max embedded payload fraction
        32,  # min embedded payload fraction
        32,  # leaf payload fraction
        1,  # file change counter
        max(size // page_size, 1),  # database size in pages
        0,  # first free-list trunk page
        0,  # free-list pages
        1,  # schema cookie
        4,  # schema format
        0,  # default cache size
        0,  # largest root page (no auto-vacuum)
        1,  # text encoding: UTF-8
        0,  # user version
        0,  # incremental vacuum
        0,  # application id
        1,  # version-valid-for (matches the change counter: the size above is trusted)
        3_040_001,  # SQLite version that wrote it
    )
    assert len(header) == 100
    with path.open("r+b") as handle:
        handle.write(header)


def _candidate_seqs(connection: sqlite3.Connection) -> tuple[list[int], int]:
    """Sequence numbers found by a scan, and the highest sequence number ever issued."""
    seen: list[int] = []
    try:
        for row in connection.execute(f"SELECT seq FROM {ITEMS_TABLE} ORDER BY seq"):
            seen.append(int(row[0]))
    except sqlite3.DatabaseError as exc:
        logger.info("outbox scan stopped after %d rows: %s", len(seen), exc)
    highest = max(seen, default=0)
    for query in (
        "SELECT seq FROM sqlite_sequence WHERE name = 'outbox_items'",
        f"SELECT max(seq) FROM {ITEMS_TABLE}",
    ):
        try:
            row = connection.execute(query).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None and row[0] is not None:
            highest = max(highest, int(row[0]))
    return seen, highest


def _rows(
    connection: sqlite3.Connection, files_dir: Path | None, counts: _Counts
) -> Iterator[dict[str, Any]]:
    seen, highest = _candidate_seqs(connection)
    if highest - len(seen) > MAX_PROBES:
        logger.warning(
            "outbox highest seq %d looks damaged; probing only what the scan found", highest
        )
        probes: list[int] = seen
    else:
        probes = sorted(set(seen) | set(range(1, highest + 1)))
    scanned = set(seen)
    for seq in probes:
        try:
            row = connection.execute(
                f"SELECT * FROM {ITEMS_TABLE} WHERE seq = ?",
                (seq,),
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            counts.unreadable += 1
            yield {"seq": seq, "unreadable": True, "error": str(exc)}
            continue
        if row is None:
            if seq in scanned:  # the scan saw it, the lookup cannot: its page is damaged
                counts.unreadable += 1
                yield {"seq": seq, "unreadable": True, "error": "row vanished on lookup"}
            continue  # never existed, or pruned after delivery
        record = _record(row)
        record["files"] = _files(connection, seq, files_dir)
        counts.recovered += 1
        if record.get("state") in UNSENT_STATES:
            counts.unsent += 1
        yield record


def _as_dict(row: sqlite3.Row) -> dict[str, Any]:
    # Iterating a sqlite3.Row yields values; the column names come from keys().
    return dict(zip(row.keys(), tuple(row), strict=True))


def _record(row: sqlite3.Row) -> dict[str, Any]:
    record = _as_dict(row)
    body = record.get("body")
    if isinstance(body, str):
        try:
            record["body"] = json.loads(body)
        except ValueError:
            record["body_unparsed"] = True
    return record


def _files(connection: sqlite3.Connection, seq: int, files_dir: Path | None) -> Any:
    try:
        rows = connection.execute(
            f"SELECT * FROM {FILES_TABLE} WHERE seq = ? ORDER BY position",
            (seq,),
        ).fetchall()
    except sqlite3.DatabaseError as exc:
        return {"unreadable": True, "error": str(exc)}
    files = []
    for row in rows:
        entry = _as_dict(row)
        stored = entry.get("stored_name")
        if files_dir is not None and isinstance(stored, str):
            entry["path"] = str(files_dir / stored)
        files.append(entry)
    return files


def write_json_lines(path: Path, records: Iterator[dict[str, Any]]) -> None:
    """Write JSON lines to ``path`` durably (temporary name, fsync, rename)."""
    partial = path.with_name(path.name + ".part")
    with partial.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, default=str))
            handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)
    fsync_directory(path.parent)
