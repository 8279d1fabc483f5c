"""Fixtures for the client's integration tests: the real demo server, real local stores."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from console.client import BackendClient
from console.scrub import clear_secrets
from console.store import Store, open_store
from tests.support.live_server import LiveDemoServer, start_demo_server

OPERATOR = "operator-1"


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    """The demo world with a small camera catalogue, served in this process."""
    server = start_demo_server(tmp_path_factory.mktemp("demo-server"), camera_count=300)
    yield server
    server.close()


@pytest.fixture
def make_client(demo_server: LiveDemoServer) -> Iterator[Callable[..., BackendClient]]:
    """Signed-in clients (``make_client()`` is the operator); closed after the test."""
    made: list[BackendClient] = []

    def make(username: str = OPERATOR, **options: object) -> BackendClient:
        client = BackendClient(demo_server.url, **options)  # type: ignore[arg-type]
        client.login(username, demo_server.password(username))
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
    clear_secrets()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "store")
    yield store
    store.close()


_counter = itertools.count()


@pytest.fixture
def unique() -> str:
    """A prefix no other test uses, for titles this test counts on the server."""
    return f"t{next(_counter)}-{uuid.uuid4().hex[:8]}"
