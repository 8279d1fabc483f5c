"""Map tests: the web scheme registered before the QApplication, and small tile sources.

QtWebEngine needs ``tianmu-map`` declared before the QApplication exists and its widgets module
imported before then too; collection imports this file before pytest-qt makes the app.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtWebEngineWidgets  # noqa: F401 - must precede the QApplication
from PySide6.QtWidgets import QApplication

from console.gui.map.scheme import register_map_scheme
from console.map.tiles import LOCAL_TILE_TEMPLATE, TileSource

if QApplication.instance() is None:
    register_map_scheme()


def tile_source(**changes: Any) -> TileSource:
    """A local tile source for the web view's tests (no MBTiles file unless given)."""
    base = TileSource(
        key="test",
        name="test",
        url_template=LOCAL_TILE_TEMPLATE,
        attribution="test tiles",
        min_zoom=8,
        max_zoom=16,
        is_local=True,
    )
    return replace(base, **changes)


def tms_row(z: int, y: int) -> int:
    return (1 << z) - 1 - y


def write_tiny_mbtiles(path: Path, tiles: dict[tuple[int, int, int], bytes]) -> Path:
    """A plain-layout MBTiles file holding ``tiles`` given by XYZ address (rows TMS-flipped)."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        connection.executemany(
            "INSERT INTO metadata VALUES (?, ?)", [("name", "tiny"), ("format", "png")]
        )
        connection.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
            " tile_data BLOB)"
        )
        connection.executemany(
            "INSERT INTO tiles VALUES (?, ?, ?, ?)",
            [(z, x, tms_row(z, y), data) for (z, x, y), data in tiles.items()],
        )
    connection.close()
    return path


@pytest.fixture
def local_tiles() -> TileSource:
    return tile_source()


@pytest.fixture
def remote_tiles() -> TileSource:
    """Tiles from a host that does not resolve: the page may ask it, and nothing else."""
    return tile_source(
        url_template="https://tiles.tianmu-test.invalid/{z}/{x}/{y}.png",
        allowed_hosts=frozenset({"tiles.tianmu-test.invalid"}),
        is_local=False,
    )


# The page's JS heap as the memory tests read it: exact, not rounded to Chromium's buckets.
# (Read by QtWebEngine when it starts, so set before any test makes the QApplication.)
if "--enable-precise-memory-info" not in os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""):
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (
        os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "") + " --enable-precise-memory-info"
    ).strip()
