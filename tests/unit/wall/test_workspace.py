"""The workspace file: round trip, transient pages left out, atomic replace, corrupt files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console import paths
from console.wall.layout import Cell, LayoutLibrary, custom, preset
from console.wall.model import ScreenRef, Wall, WallPage
from console.wall.workspace import (
    WorkspaceError,
    default_path,
    read_workspace,
    workspace_from_dict,
    workspace_to_dict,
    write_workspace,
)


def _wall() -> tuple[Wall, LayoutLibrary]:
    mine = custom("Gate", 2, 3, [Cell(0, 0, 2, 2)])
    library = LayoutLibrary([mine])
    wall = Wall(
        [
            WallPage(preset("4"), ["a", None, "b"], name="Roads"),
            WallPage(mine, ["c"], screen=ScreenRef("OFF-RIGHT", 1)),
            WallPage(preset("9"), ["x"], transient=True),
            WallPage(preset("6"), ["d", "e"]),
        ],
        current=3,
    )
    return wall, library


def test_the_workspace_round_trips_without_transient_pages(tmp_path: Path) -> None:
    wall, library = _wall()
    path = tmp_path / "ws.json"
    write_workspace(path, workspace_to_dict(wall, library))
    loaded = read_workspace(path)
    assert loaded is not None
    pages = loaded.wall.pages
    assert len(pages) == 3
    assert pages[0].name == "Roads"
    assert pages[0].cameras == ["a", None, "b"]
    assert pages[1].screen == ScreenRef("OFF-RIGHT", 1)
    assert pages[1].layout == library.get("Gate")
    assert pages[2].layout == preset("6")
    assert loaded.wall.current == 2, "the current page index follows the pages kept"
    assert loaded.library.custom_layouts() == library.custom_layouts()


def test_a_write_replaces_the_file_and_leaves_no_temporaries(tmp_path: Path) -> None:
    wall, library = _wall()
    folder = tmp_path / "ws"
    path = folder / "ws.json"
    write_workspace(path, {"version": 1, "pages": []})
    write_workspace(path, workspace_to_dict(wall, library))
    assert [p.name for p in folder.iterdir()] == ["ws.json"]
    assert json.loads(path.read_text("utf-8"))["pages"][0]["name"] == "Roads"


def test_an_unreadable_file_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "ws.json"
    path.write_bytes(b'{"version": 1, "pages": [{"layout": ')
    assert read_workspace(path) is None
    assert not path.exists()
    assert len(list(tmp_path.glob("ws.json.corrupt-*"))) == 1
    assert read_workspace(tmp_path / "missing.json") is None


def test_unknown_versions_and_bad_layouts_are_refused() -> None:
    with pytest.raises(WorkspaceError):
        workspace_from_dict({"version": 99, "pages": []})
    bad = {"version": 1, "pages": [{"layout": {"name": "x", "rows": 2, "cols": 2, "cells": []}}]}
    with pytest.raises(WorkspaceError):
        workspace_from_dict(bad)


def test_the_default_file_lives_in_the_data_folder() -> None:
    home = paths.tianmu_home()
    assert home is not None, "the suite gives every test its own home"
    assert default_path().parent == home / "data"
