"""A freshly installed console loses nothing that happens while its link drops right after
it connected: the stream resumes from the greeting's position, and the working-set refresh
it asked for is tried again until it lands."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import pytest

from console.app import Console, Services
from console.client import BackendClient
from tests.gui.shell.conftest import sign_in_through_dialog
from tests.support.sse_cuts import incident_in
from tests.support.tcp_proxy import CuttableProxy

USER = "operator-1"


@pytest.fixture
def link(demo_server) -> Iterator[CuttableProxy]:
    proxy = CuttableProxy(demo_server.port).start()
    yield proxy
    proxy.stop()


@pytest.fixture
def console_over_link(services: Services, link: CuttableProxy) -> Iterator[Console]:
    # A new address means a new local store: the console is as good as freshly installed.
    made = Console(services, server_url=link.url, stream_backoff_s=(0.2, 1.0))
    try:
        yield made
    finally:
        made.shutdown()


def test_incidents_raised_during_a_drop_after_connecting_reach_the_store(
    qtbot, console_over_link: Console, link: CuttableProxy, demo_server
) -> None:
    session = sign_in_through_dialog(qtbot, console_over_link, USER, demo_server.password(USER))
    status = session.window.status
    qtbot.waitUntil(lambda: "Connected" in status.connection_label.text(), timeout=15_000)
    link.cut()
    writer = BackendClient(demo_server.url)
    try:
        writer.login(USER, demo_server.password(USER))
        prefix = f"drop-{uuid.uuid4().hex[:8]}"
        ids = []
        for number in range(5):
            ids.append(writer.create_incident(incident_in(f"{prefix}-{number}")).id)
            time.sleep(0.2)  # spread over the second the link is down
    finally:
        writer.close()
    link.heal()
    qtbot.waitUntil(
        lambda: all(session.store.incidents.get(i) is not None for i in ids), timeout=60_000
    )
    qtbot.waitUntil(lambda: "Connected" in status.connection_label.text(), timeout=15_000)
