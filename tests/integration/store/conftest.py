"""Fixtures for the store's integration tests that need the real server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.live_server import LiveDemoServer, start_demo_server


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    """The demo world with a small camera catalogue, served in this process."""
    server = start_demo_server(tmp_path_factory.mktemp("demo-server"), camera_count=100)
    yield server
    server.close()
