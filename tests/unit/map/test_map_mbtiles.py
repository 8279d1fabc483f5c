"""The MBTiles reader: XYZ in, TMS rows inside, both table layouts, clear errors, threads."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from console.map.mbtiles import (
    MBTiles,
    MBTilesError,
    MBTilesProblem,
    tms_row,
    write_mbtiles,
)


def _tile_bytes(z: int, x: int, y: int) -> bytes:
    """A distinct payload per XYZ address, so a wrong row or column shows at once."""
    return f"tile z={z} x={x} y={y}".encode()


def _plain_file(path: Path, rows: list[tuple[int, int, int, bytes]]) -> Path:
    """The layout most writers use: one ``tiles`` table, rows stored TMS (from the south)."""
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        CREATE TABLE metadata (name TEXT, value TEXT);
        CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,
                            tile_data BLOB);
        CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
        """
    )
    connection.executemany(
        "INSERT INTO metadata VALUES (?, ?)",
        [("name", "plain"), ("format", "png"), ("minzoom", "0"), ("maxzoom", "3")],
    )
    connection.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", rows)
    connection.commit()
    connection.close()
    return path


def test_tms_row_flips_and_flips_back() -> None:
    # The example in the MBTiles spec: XYZ 11/327/791 is stored at row 1256.
    assert tms_row(11, 791) == 1256
    assert tms_row(11, 1256) == 791
    assert tms_row(0, 0) == 0


def test_plain_layout_serves_the_xyz_tile_from_its_tms_row(tmp_path: Path) -> None:
    # At zoom 3 there are 8 rows: XYZ y=1 (north) is TMS row 6 and TMS row 1 is XYZ y=6.
    path = _plain_file(
        tmp_path / "plain.mbtiles",
        [
            (3, 5, 6, b"stored at TMS row 6"),
            (3, 5, 1, b"stored at TMS row 1"),
            (0, 0, 0, b"world"),
        ],
    )
    with MBTiles(path) as tiles:
        assert tiles.tile(3, 5, 1) == b"stored at TMS row 6"
        assert tiles.tile(3, 5, 6) == b"stored at TMS row 1"
        assert tiles.tile(0, 0, 0) == b"world"
        assert tiles.tile(3, 4, 1) is None  # another column
        assert tiles.tile(3, 5, 8) is None  # outside the zoom's grid
        assert tiles.tile(-1, 0, 0) is None
        assert tiles.metadata()["name"] == "plain"
        assert tiles.zoom_range() == (0, 3)
        assert tiles.content_type == "image/png"


def test_deduplicated_layout_round_trips_every_tile(tmp_path: Path) -> None:
    rows = [
        (z, x, y, _tile_bytes(z, x, y))
        for z in range(4)
        for x in range(1 << z)
        for y in range(1 << z)
    ]
    # Two addresses sharing one image, as open sea does in the demo map.
    rows += [(4, 0, 0, b"sea"), (4, 15, 15, b"sea")]
    path = tmp_path / "dedup.mbtiles"
    count, distinct = write_mbtiles(path, {"name": "dedup", "format": "png"}, rows)
    assert (count, distinct) == (len(rows), len(rows) - 1)
    with MBTiles(path) as tiles:
        for z, x, y, data in rows:
            assert tiles.tile(z, x, y) == data
        assert tiles.zoom_range() == (0, 4)  # no min/max in the metadata: read from the rows
    # Stored TMS-flipped, with a ``tiles`` view for readers that know only the plain layout.
    connection = sqlite3.connect(path)
    stored = connection.execute(
        "SELECT tile_data FROM tiles WHERE zoom_level = 2 AND tile_column = 1 AND tile_row = 3"
    ).fetchone()[0]
    images = connection.execute("SELECT count(*) FROM images").fetchone()[0]
    connection.close()
    assert stored == _tile_bytes(2, 1, 0)
    assert images == len(rows) - 1


def test_a_missing_file_is_refused_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.mbtiles"
    with pytest.raises(MBTilesError) as caught:
        MBTiles(path)
    assert caught.value.problem is MBTilesProblem.MISSING
    assert str(path) in str(caught.value)
    assert not path.exists()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MBTilesError) as caught:
        MBTiles(tmp_path)
    assert caught.value.problem is MBTilesProblem.NOT_A_FILE


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tiles.mbtiles"
    path.write_bytes(b"<html>404 Not Found</html>")
    with pytest.raises(MBTilesError) as caught:
        MBTiles(path)
    assert caught.value.problem is MBTilesProblem.NOT_SQLITE


def test_a_database_without_tiles_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(MBTilesError) as caught:
        MBTiles(path)
    assert caught.value.problem is MBTilesProblem.NO_TILES


def test_a_truncated_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    whole = tmp_path / "whole.mbtiles"
    rows = [(5, x, y, bytes(300) + _tile_bytes(5, x, y)) for x in range(32) for y in range(32)]
    write_mbtiles(whole, {"name": "big", "format": "png"}, rows)
    cut = tmp_path / "cut.mbtiles"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 3])

    def read_all() -> None:
        with MBTiles(cut) as tiles:
            for _z, x, y, _data in rows:
                tiles.tile(5, x, y)

    with pytest.raises(MBTilesError) as caught:
        read_all()
    assert caught.value.problem in (MBTilesProblem.CORRUPT, MBTilesProblem.NOT_SQLITE)
    assert caught.value.detail


def test_reads_from_many_threads_at_once_get_their_own_tiles(tmp_path: Path) -> None:
    rows = [(4, x, y, _tile_bytes(4, x, y)) for x in range(16) for y in range(16)]
    path = tmp_path / "threads.mbtiles"
    write_mbtiles(path, {"name": "threads", "format": "png"}, rows)
    tiles = MBTiles(path)
    wrong: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def read(offset: int) -> None:
        try:
            start.wait()
            for round_ in range(20):
                for x in range(16):
                    y = (x + offset + round_) % 16
                    if tiles.tile(4, x, y) != _tile_bytes(4, x, y):
                        wrong.append((x, y))
        except BaseException as error:  # collected for the main thread to report
            errors.append(error)

    threads = [threading.Thread(target=read, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    tiles.close()
    assert errors == []
    assert wrong == []


def test_reads_after_close_say_so(tmp_path: Path) -> None:
    path = _plain_file(tmp_path / "plain.mbtiles", [(0, 0, 0, b"world")])
    tiles = MBTiles(path)
    tiles.close()
    with pytest.raises(MBTilesError) as caught:
        tiles.tile(0, 0, 0)
    assert caught.value.problem is MBTilesProblem.CLOSED


def test_the_reader_never_writes_to_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    path = _plain_file(folder / "plain.mbtiles", [(0, 0, 0, b"world")])
    before = path.read_bytes()
    with MBTiles(path) as tiles:
        tiles.tile(0, 0, 0)
        tiles.metadata()
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["plain.mbtiles"]  # no journal, no WAL
