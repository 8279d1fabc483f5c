"""Fixtures for the wall on a real multi-head X server: live cameras (the wall tests' feeds)
and consoles started as child processes that are always ended, whatever the test does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.gui.multihead.remote import RemoteConsole
from tests.gui.wall.conftest import Feeds, feeds  # noqa: F401 (the fixture, for this folder)
from tests.support.multihead import MultiheadDisplay

StartConsole = Callable[..., RemoteConsole]


@pytest.fixture
def start_console(tmp_path: Path, feeds: Feeds) -> Iterator[StartConsole]:  # noqa: F811
    """``start_console(x, pages=[["4", ["cam-a"]], ["1", []]])`` starts a console with a new
    wall on server ``x``; ``start_console(x, restore=True)`` one that reads the workspace the
    previous console saved (each test has one workspace file)."""
    started: list[RemoteConsole] = []

    def start(
        server: MultiheadDisplay, *, pages: list[Any] | None = None, restore: bool = False
    ) -> RemoteConsole:
        setup = {
            "workspace": str(tmp_path / "wall-workspace.json"),
            "restore": restore,
            "pages": pages or [],
            "sub_url": feeds.small.http_url,
            "main_url": feeds.large.http_url,
        }
        log = tmp_path / f"console-{len(started) + 1}.log"
        console = RemoteConsole(server.env(), setup, log)
        started.append(console)
        return console

    yield start
    for console in started:
        console.close()
