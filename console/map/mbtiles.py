"""Reading and writing MBTiles files: map tiles in one SQLite database.

MBTiles (1.3) stores tiles under TMS rows, counted from the south, while web maps ask for
XYZ rows, counted from the north; ``tile(z, x, y)`` takes XYZ and flips inside, so no caller
ever sees a TMS row. Both layouts found in the wild are read: a plain ``tiles`` table, and the
deduplicated ``map`` + ``images`` pair (one copy of each distinct image, usually with a
``tiles`` view over them).

The web view's scheme handler reads on worker threads while the GUI thread may open or close
the file, so reads borrow a connection from a small pool: each connection is used by one
thread at a time and any number of threads read in parallel.
"""

from __future__ import annotations

import enum
import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

_SQLITE_MAGIC = b"SQLite format 3\x00"

_CONTENT_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
    "pbf": "application/x-protobuf",
}


class MBTilesProblem(enum.Enum):
    """Why a file cannot serve tiles."""

    MISSING = "missing"
    NOT_A_FILE = "not a file"
    UNREADABLE = "unreadable"
    NOT_SQLITE = "not an SQLite database"
    NO_TILES = "no tiles table"
    CORRUPT = "damaged"
    CLOSED = "closed"


class MBTilesError(Exception):
    """An MBTiles file that cannot be used; ``problem`` says why, ``detail`` adds the specifics."""

    def __init__(self, path: Path, problem: MBTilesProblem, detail: str = ""):
        text = f"{path}: {problem.value}"
        super().__init__(f"{text} ({detail})" if detail else text)
        self.path = path
        self.problem = problem
        self.detail = detail


def tms_row(zoom: int, y: int) -> int:
    """The MBTiles (TMS) row of XYZ row ``y``; the flip is its own inverse."""
    return (1 << zoom) - 1 - y


def check_header(path: Path) -> None:
    """Raise MBTilesError unless ``path`` is a readable file that starts like SQLite.

    Cheap (reads 16 bytes), so callers can check a configured file without opening it.
    """
    if not path.exists():
        raise MBTilesError(path, MBTilesProblem.MISSING)
    if not path.is_file():
        raise MBTilesError(path, MBTilesProblem.NOT_A_FILE)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as error:
        raise MBTilesError(path, MBTilesProblem.UNREADABLE, error.strerror or str(error)) from None
    if head != _SQLITE_MAGIC:
        raise MBTilesError(path, MBTilesProblem.NOT_SQLITE)


class MBTiles:
    """A read-only MBTiles file. Opening checks the file; ``tile`` is safe from any thread."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        check_header(self.path)
        self._lock = threading.Lock()
        self._idle: list[sqlite3.Connection] = []
        self._closed = False
        self._deduplicated = False
        try:
            with self._connection() as connection:
                self._query = self._tile_query(connection)
                self._metadata = self._read_metadata(connection)
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ reading

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The image of XYZ tile ``z/x/y``, or None when the file has none there."""
        if z < 0 or not (0 <= x < (1 << z) and 0 <= y < (1 << z)):
            return None
        with self._connection() as connection:
            row = connection.execute(self._query, (z, x, tms_row(z, y))).fetchone()
        return bytes(row[0]) if row is not None and row[0] is not None else None

    def metadata(self) -> dict[str, str]:
        """The ``metadata`` table as text (name, format, bounds, center, minzoom, ...)."""
        return dict(self._metadata)

    @property
    def format(self) -> str:
        """The tile format the file declares (``png`` when it declares none)."""
        return self._metadata.get("format", "png").strip().lower() or "png"

    @property
    def content_type(self) -> str:
        """The MIME type to serve tiles with."""
        return _CONTENT_TYPES.get(self.format, "application/octet-stream")

    def zoom_range(self) -> tuple[int, int]:
        """The lowest and highest zoom holding tiles (from metadata, else from the tiles)."""
        try:
            return int(self._metadata["minzoom"]), int(self._metadata["maxzoom"])
        except (KeyError, ValueError):
            pass
        table = "map" if self._deduplicated else "tiles"
        with self._connection() as connection:
            low, high = connection.execute(
                f"SELECT min(zoom_level), max(zoom_level) FROM {table}"  # noqa: S608 - fixed name
            ).fetchone()
        return (int(low), int(high)) if low is not None else (0, 0)

    def close(self) -> None:
        """Close every connection; reads after this raise MBTilesError(CLOSED)."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()

    def __enter__(self) -> MBTiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ internals

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._closed:
                raise MBTilesError(self.path, MBTilesProblem.CLOSED)
            connection = self._idle.pop() if self._idle else None
        if connection is None:
            connection = self._open()
        try:
            yield connection
        except sqlite3.DatabaseError as error:
            connection.close()
            problem = MBTilesProblem.NOT_SQLITE
            if "not a database" not in str(error):
                problem = MBTilesProblem.CORRUPT
            raise MBTilesError(self.path, problem, str(error)) from None
        except BaseException:
            self._release(connection)
            raise
        self._release(connection)

    def _release(self, connection: sqlite3.Connection) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(connection)
                return
        connection.close()

    def _open(self) -> sqlite3.Connection:
        # Read-only by URI: a tile reader must never create or change the file.
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        try:
            # check_same_thread=False: a pooled connection may serve different threads, one
            # at a time (the pool hands each connection to a single borrower).
            return sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as error:
            raise MBTilesError(self.path, MBTilesProblem.UNREADABLE, str(error)) from None

    def _tile_query(self, connection: sqlite3.Connection) -> str:
        names = {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
            )
        }
        self._deduplicated = {"map", "images"} <= names
        if self._deduplicated:
            # Join directly rather than through the view: some writers leave the view out.
            return (
                "SELECT images.tile_data FROM map JOIN images ON images.tile_id = map.tile_id "
                "WHERE map.zoom_level = ? AND map.tile_column = ? AND map.tile_row = ?"
            )
        if "tiles" in names:
            return (
                "SELECT tile_data FROM tiles "
                "WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?"
            )
        raise MBTilesError(self.path, MBTilesProblem.NO_TILES)

    @staticmethod
    def _read_metadata(connection: sqlite3.Connection) -> dict[str, str]:
        try:
            rows = connection.execute("SELECT name, value FROM metadata").fetchall()
        except sqlite3.OperationalError:
            return {}  # metadata is required by the spec but not needed to serve tiles
        return {str(name): str(value) for name, value in rows if name is not None}


def write_mbtiles(
    path: Path,
    metadata: Mapping[str, str],
    tiles: Iterable[tuple[int, int, int, bytes]],
) -> tuple[int, int]:
    """Write a new deduplicated MBTiles file from XYZ ``(z, x, y, image)`` tuples.

    Identical images (open sea, empty land) are stored once in ``images`` and referenced from
    ``map``; a ``tiles`` view gives readers that know only the plain layout the same rows.
    Replaces ``path`` only when complete. Returns (tiles written, distinct images).
    """
    temp = path.with_name(f".{path.name}.tmp")
    temp.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(temp)
    try:
        connection.executescript(
            """
            PRAGMA page_size = 4096;
            CREATE TABLE metadata (name TEXT NOT NULL, value TEXT);
            CREATE UNIQUE INDEX metadata_name ON metadata (name);
            CREATE TABLE images (tile_id TEXT NOT NULL, tile_data BLOB NOT NULL);
            CREATE UNIQUE INDEX images_id ON images (tile_id);
            CREATE TABLE map (zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL,
                              tile_row INTEGER NOT NULL, tile_id TEXT NOT NULL);
            CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);
            CREATE VIEW tiles AS
                SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,
                       map.tile_row AS tile_row, images.tile_data AS tile_data
                FROM map JOIN images ON images.tile_id = map.tile_id;
            """
        )
        connection.executemany("INSERT INTO metadata VALUES (?, ?)", sorted(metadata.items()))
        seen: set[str] = set()
        count = 0
        for z, x, y, image in tiles:
            tile_id = hashlib.sha1(image, usedforsecurity=False).hexdigest()
            if tile_id not in seen:
                seen.add(tile_id)
                connection.execute("INSERT INTO images VALUES (?, ?)", (tile_id, image))
            connection.execute(
                "INSERT INTO map VALUES (?, ?, ?, ?)", (z, x, tms_row(z, y), tile_id)
            )
            count += 1
        connection.commit()
        connection.execute("VACUUM")
    finally:
        connection.close()
    temp.replace(path)
    return count, len(seen)
